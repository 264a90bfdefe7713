// Issue 18: the hand-over card's proposal follows the data it comes from
// (a newly saved leader, the year's meeting) without leaving the page, and
// a long unit name in the results chart is wrapped or marked as cut, whole
// on hover and in the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, shot, handCountFlagRound, settles } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const selected = (page, id) => page.getByTestId(id).evaluate((s) => s.options[s.selectedIndex]?.text ?? '');

/** Sample loaded, year 2025 started from 2024: Lữ đoàn TT 21 leads, no hand-over yet. */
async function sample2025(page) {
  await page.getByTestId('load-sample').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('start-next-year').click();
  await page.getByText('Năm thi đua 2025').waitFor();
}

test('the hand-over card proposes the next unit after the leader just saved, without leaving the page', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await sample2025(page);
  const receiver = () => selected(page, 'handover-to');
  // Lữ đoàn TT 21 is last in rotation: the flag goes round to Bộ Tham mưu.
  assert.equal(await receiver(), 'Bộ Tham mưu');

  await page.getByTestId('leader-select').selectOption({ label: 'Cục Kỹ thuật' });
  await page.getByTestId('save-year').click();
  await page.getByTestId('year-saved').waitFor();
  assert.equal(await page.getByTestId('handover-from').innerText(), 'Cục Kỹ thuật');
  await settles(receiver, 'Lữ đoàn TT 21', 'the receiver after Cục Kỹ thuật');

  // A receiver the user chose stays when the leader changes again (the
  // proposal would be Cục Kỹ thuật after Cục Hậu cần).
  await page.getByTestId('handover-to').selectOption({ label: 'Cục Cửa khẩu' });
  await page.getByTestId('leader-select').selectOption({ label: 'Cục Hậu cần' });
  await page.getByTestId('save-year').click();
  await page.getByTestId('year-saved').waitFor();
  assert.equal(await page.getByTestId('handover-from').innerText(), 'Cục Hậu cần');
  await new Promise((ok) => setTimeout(ok, 300));
  assert.equal(await receiver(), 'Cục Cửa khẩu');
  assert.deepEqual(errors, []);
});

test("the hand-over's date and place default to the year's meeting", async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await sample2025(page);
  // No meeting: nothing proposed, as before.
  assert.equal(await page.getByTestId('handover-date').inputValue(), '');
  assert.equal(await page.getByTestId('handover-place').inputValue(), '');
  const year = page.url();

  await page.getByTestId('meeting-link').click();
  await page.getByTestId('create-meeting').click();
  await page.getByTestId('meeting-title').waitFor();
  await page.getByTestId('meeting-place').fill('Hội trường Bộ Tư lệnh');
  await page.getByTestId('meeting-date').fill('2025-10-08');
  await page.getByTestId('save-meeting').click();
  await page.getByTestId('meeting-saved').waitFor();

  await page.goto(year);
  await page.getByTestId('handover-form').waitFor();
  assert.equal(await page.getByTestId('handover-date').inputValue(), '08/10/2025');
  // The place is a field of its own (issue 18), the note left to the user.
  assert.equal(await page.getByTestId('handover-place').inputValue(), 'Hội trường Bộ Tư lệnh');
  assert.equal(await page.getByTestId('handover-note').inputValue(), '');
  await shot(page, 'i18-handover-defaults-vi');
  await page.getByTestId('lang-switch').click();
  await page.getByText('Place of the hand-over').waitFor();
  assert.equal(await page.getByTestId('handover-place').inputValue(), 'Hội trường Bộ Tư lệnh');
  await shot(page, 'i18-handover-defaults-en');

  await page.getByTestId('save-handover').click();
  assert.match(await page.getByTestId('handover-recorded').innerText(), /Lữ đoàn TT 21 → Bộ Tham mưu, 08\/10\/2025, Hội trường Bộ Tư lệnh$/);
  assert.deepEqual(errors, []);
});

const LONG = 'Lữ đoàn Thông tin 21 Bộ đội Biên phòng trực thuộc Bộ Tư lệnh Bộ đội Biên phòng';

test('a long unit name in the results chart is wrapped and marked as cut, whole on hover and in the table', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('cluster-title').waitFor();
  const cluster = page.url();
  await page.goto(server.url + '#/units');
  await page.getByTestId('unit-row').filter({ hasText: 'Lữ đoàn Thông tin 21 BĐBP' }).getByTestId('edit-unit').click();
  await page.getByTestId('edit-unit-full-name').fill(LONG);
  await page.getByTestId('edit-unit-short-name').fill('');
  await page.getByTestId('save-unit').click();
  await page.getByTestId('unit-row').filter({ hasText: LONG }).waitFor();

  await page.goto(cluster);
  await page.getByTestId('year-link').click();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('create-meeting').click();
  await page.getByTestId('meeting-title').waitFor();
  await handCountFlagRound(page);

  for (const lang of ['vi', 'en']) {
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    await page.getByTestId('result-chart').waitFor();
    const label = page.getByTestId('result-chart').getByTestId('chart-name').filter({ hasText: 'Lữ đoàn Thông tin 21' });
    // The whole name on hover.
    assert.equal(await label.locator('title').textContent(), LONG);
    // Two lines broken between words, the second marked as cut.
    const lines = await label.locator('tspan').allTextContents();
    assert.deepEqual(lines, ['Lữ đoàn Thông tin 21 Bộ đội', 'Biên phòng trực thuộc Bộ Tư…']);
    for (const line of lines) assert.ok(LONG.includes(line.replace('…', '')), line);
    // Every label fits inside the chart, left of its bar.
    const boxes = await page.getByTestId('result-chart').locator('[data-testid=chart-name] text')
      .evaluateAll((texts) => texts.map((el) => { const b = el.getBBox(); return [b.x, b.x + b.width]; }));
    for (const [left, right] of boxes) assert.ok(left >= 0 && right <= 190, `${left}…${right}`);
    // The table has the name whole.
    assert.ok((await page.getByTestId('result-name').allInnerTexts()).includes(LONG));
    await page.getByTestId('result-chart').scrollIntoViewIfNeeded();
    await shot(page, `i18-results-long-name-${lang}`);
  }
  assert.deepEqual(errors, []);
});
