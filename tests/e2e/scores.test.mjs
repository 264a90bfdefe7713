// Scores of the sample cluster: the keyboard grid for 8 units, caps,
// ranking with shared ranks, the chart, a reload, the sample reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, shot, ready } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

// Cluster scores of the six criteria (max 30, 15, 15, 15, 15, 10), in the
// order of the units' buttons (rotation order).
const SCORES = [
  ['Bộ Tham mưu', ['28', '14', '14', '14', '13,5', '9']], // 92,5
  ['Cục Chính trị', ['29,5', '14', '14,5', '15', '14', '9,5']], // 96,5
  ['Cục Trinh sát', ['29', '14,5', '14', '14,5', '14,5', '9,5']], // 96
  ['Cục PCMT&TP', ['28', '13,5', '14', '14', '13', '9']], // 91,5
  ['Cục Cửa khẩu', ['29', '14', '14', '14,5', '14', '9']], // 94,5
  ['Cục Hậu cần', ['28,5', '14', '14', '14,5', '14', '9,5']], // 94,5
  ['Cục Kỹ thuật', ['27,5', '13,5', '13,5', '14', '13', '9']], // 90,5
  ['Lữ đoàn TT 21', ['27', '13', '13,5', '14', '13', '9']], // 89,5
];

test('fill the sample cluster scores for 8 units by keyboard; reload; ranking and chart are right', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('scores-link').click();
  await page.getByTestId('score-grid').waitFor();
  assert.equal(await page.getByTestId('criterion-row').count(), 9);

  for (const [unit, points] of SCORES) {
    await page.getByTestId('score-unit').filter({ hasText: unit }).click();
    await page.getByTestId('score-cluster').first().click();
    for (const value of points) {
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    }
  }
  // A score above the maximum is refused as typed and not saved.
  await page.getByTestId('score-unit').filter({ hasText: 'Bộ Tham mưu' }).click();
  const firstSelf = page.getByTestId('score-self').first();
  await firstSelf.fill('31');
  assert.equal(await firstSelf.getAttribute('aria-invalid'), 'true');
  await page.keyboard.press('Enter');
  assert.match(await page.getByTestId('score-cell-error').innerText(), /vượt quá điểm tối đa 30/);
  await firstSelf.fill('abc');
  await page.keyboard.press('Tab');
  assert.match(await page.getByTestId('score-cell-error').innerText(), /không phải là số điểm/);
  await firstSelf.fill('29,5');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('score-difference').first().innerText(), '-1,5');
  await shot(page, '30-scores-grid');

  await page.reload();
  await ready(page);
  await page.getByTestId('ranking').waitFor();
  const names = await page.getByTestId('rank-name').allInnerTexts();
  const ranks = await page.getByTestId('rank').allInnerTexts();
  const totals = await page.getByTestId('rank-cluster').allInnerTexts();
  assert.deepEqual(names, ['Cục Chính trị', 'Cục Trinh sát', 'Cục Cửa khẩu', 'Cục Hậu cần', 'Bộ Tham mưu', 'Cục PCMT&TP', 'Cục Kỹ thuật', 'Lữ đoàn TT 21']);
  assert.deepEqual(ranks, ['1', '2', '3', '3', '5', '6', '7', '8']);
  assert.deepEqual(totals, ['96,5', '96', '94,5', '94,5', '92,5', '91,5', '90,5', '89,5']);
  const selfOfStaff = await page.getByTestId('rank-row').filter({ hasText: 'Bộ Tham mưu' }).getByTestId('rank-self').innerText();
  assert.equal(selfOfStaff, '29,5');
  assert.equal(await page.locator('[data-testid=score-chart] rect').count(), 16);
  await shot(page, '31-scores-ranking');

  // The sample's report figures, from the reference news report.
  await page.getByTestId('score-unit').filter({ hasText: 'Cục PCMT&TP' }).click();
  const values = await page.getByTestId('metric-value').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.ok(values.includes('766,33'), values.join(' | '));
  await page.getByTestId('add-metric').click();
  await page.getByTestId('metric-value').last().fill('12');
  await page.getByTestId('save-report').click();
  assert.match(await page.getByTestId('report-error').innerText(), /chưa có tên/);
  await page.getByTestId('metric-name').last().fill('Nạn nhân được giải cứu');
  await page.getByTestId('save-report').click();
  await page.getByTestId('report-saved').waitFor();
  await shot(page, '32-report');
  assert.deepEqual(errors, []);
});
