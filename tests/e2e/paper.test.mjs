// Paper mode (PRODUCT.md §6) through the UI: 20 numbered ballots entered by
// keyboard in two blind passes with two planted differences, found and
// settled; a hand count that does not add up is refused; the ballot
// papers of a 30-candidate round printed to PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, serve, openSampleMeeting, shot, ready, SHOTS } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const FLAG = 'Cờ thi đua của Bộ Tư lệnh BĐBP';

/** The sample cluster's 2024 meeting, with `delegates` named delegates if given. */
async function sampleMeeting(page, delegates = 0) {
  await openSampleMeeting(page);
  if (delegates > 0) {
    await page.getByTestId('voters-delegates').check();
    for (let i = 1; i <= delegates; i += 1) {
      await page.getByTestId('add-delegate').click();
      await page.getByTestId('delegate-name').last().fill(`Đại biểu ${i}`);
      const select = page.getByTestId('delegate-unit').last();
      const options = await select.locator('option').count();
      await select.selectOption({ index: 1 + ((i - 1) % (options - 1)) });
    }
    await page.getByTestId('save-voters').click();
    await page.getByTestId('voters-saved').waitFor();
  }
}

async function addRound(page, quota) {
  await page.getByTestId('round-award').fill(FLAG);
  await page.getByTestId('round-quota').fill(String(quota));
  await page.getByTestId('add-round').click();
  await page.getByTestId('round-title').waitFor();
}

/** Types one ballot: a key per mark, then Enter. Returns the keys pressed. */
async function typeBallot(page, keys) {
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  return keys.length + 1;
}

// 20 ballots as keys on the pad: candidates 2–5 most of the time.
const PILE = [
  ...Array(12).fill(['2', '3', '4', '5']),
  ...Array(4).fill(['1', '2', '3', '6']),
  ['x'], // spoilt
  [], // nothing marked: invalid by default
  ['2', '3', '7'],
  ['2', '3', '4', '5'],
];

test('20 paper ballots by keyboard in two blind passes; planted differences found and settled', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await sampleMeeting(page, 20);
  await addRound(page, 4);
  await shot(page, '40-paper-draft');
  // Issued above present is refused with the reason.
  await page.getByTestId('paper-present').fill('20');
  await page.getByTestId('paper-issued').fill('21');
  await page.getByTestId('paper-open').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  assert.match(await page.getByTestId('paper-open-error').innerText(), /phát ra \(21\) lớn hơn số đại biểu có mặt \(20\)/);
  await page.getByTestId('paper-issued').fill('20');
  await page.getByTestId('paper-open').click();
  await page.getByTestId('paper-round').waitFor();
  await shot(page, '40b-paper-round');
  const names = async () => (await page.getByTestId('pad-candidate').allInnerTexts()).map((t) => t.replace(/^\S+\s+\d+\.\s*/, '').replace(/\s*✔$/, '').trim());

  // Pass 1.
  await page.getByTestId('pass-1-enter').click();
  await page.getByTestId('entry-pad').waitFor();
  const onPaper = await names();
  assert.equal(onPaper.length, 8);
  // Validity is shown before saving: five marks is over the quota.
  for (const key of ['1', '2', '3', '4', '5']) await page.keyboard.press(key);
  assert.match(await page.getByTestId('entry-validity').innerText(), /Không hợp lệ: đánh dấu quá 4 đơn vị/);
  await page.keyboard.press('Escape');
  assert.match(await page.getByTestId('entry-validity').innerText(), /không đánh dấu/);
  // A wrong ballot, taken back with z.
  await typeBallot(page, ['1']);
  assert.equal(await page.getByTestId('entry-number').innerText(), '2');
  await page.keyboard.press('z');
  assert.equal(await page.getByTestId('entry-number').innerText(), '1');
  let keystrokes = 0;
  for (const [idx, keys] of PILE.entries()) {
    keystrokes += await typeBallot(page, keys);
    if (idx === 0) await shot(page, '41-paper-entry');
  }
  assert.equal(await page.getByTestId('entry-number').innerText(), '21');
  const perBallot = keystrokes / PILE.length;
  assert.ok(perBallot < 5, `${perBallot} keystrokes per ballot`);
  // More ballots than were issued are refused.
  await typeBallot(page, ['1']);
  assert.match(await page.getByTestId('entry-error').innerText(), /thu về \(21\) lớn hơn số phiếu phát ra \(20\)/);
  await page.keyboard.press('Escape');
  await page.getByTestId('entry-finish').click();
  await page.getByTestId('paper-round').waitFor();
  assert.match(await page.getByTestId('pass-1-state').innerText(), /20 phiếu · đã kết thúc/);
  assert.equal(await page.getByTestId('differences').count(), 0, 'no comparison before both passes end');

  // Pass 2: nothing of pass 1 is on screen; two planted differences;
  // a reload in the middle keeps what was saved and drops the ballot half-typed.
  await page.getByTestId('pass-2-enter').click();
  await page.getByTestId('entry-pad').waitFor();
  assert.equal(await page.getByTestId('entry-number').innerText(), '1');
  assert.equal(await page.getByTestId('entry-recent').locator('li').count(), 0);
  const second = PILE.map((keys) => [...keys]);
  second[4] = ['2', '3', '4', '6'];
  second[11] = ['x'];
  for (const keys of second.slice(0, 10)) await typeBallot(page, keys);
  await page.keyboard.press('1');
  await page.reload();
  await ready(page);
  await page.getByTestId('entry-pad').waitFor();
  assert.equal(await page.getByTestId('entry-number').innerText(), '11');
  assert.equal(await page.locator('.pad-key.on').count(), 0, 'the half-typed ballot is gone');
  for (const keys of second.slice(10)) await typeBallot(page, keys);
  await page.getByTestId('entry-finish').click();
  await page.getByTestId('differences').waitFor();
  assert.deepEqual(await page.getByTestId('difference-number').allInnerTexts(), ['5', '12']);
  assert.deepEqual(await page.getByTestId('difference-first').allInnerTexts(), ['2, 3, 4, 5', '2, 3, 4, 5']);
  assert.deepEqual(await page.getByTestId('difference-second').allInnerTexts(), ['2, 3, 4, 6', 'Phiếu hỏng']);
  assert.equal(await page.getByTestId('paper-close').count(), 0, 'no close while the passes differ');
  await shot(page, '42-paper-differences');
  // The committee looks at paper 5 (pass 1 was right) and paper 12 (pass 1 again).
  await page.getByTestId('settle-first').first().click();
  assert.deepEqual(await page.getByTestId('difference-number').allInnerTexts(), ['12']);
  // Paper 12: typed as read from the paper; a number not on it is refused.
  await page.getByTestId('settle-other').fill('2, 3, 9');
  await page.getByTestId('settle-other-save').click();
  assert.match(await page.getByTestId('settle-error').innerText(), /«9» không phải số thứ tự của một đơn vị trên phiếu/);
  await page.getByTestId('settle-other').fill('5, 4 3,2');
  await page.getByTestId('settle-other-save').click();
  await page.getByTestId('paper-agreed').waitFor();
  await page.getByTestId('paper-close').click();
  await page.getByTestId('results').waitFor();
  assert.match(await page.getByTestId('count-source').innerText(), /hai lượt độc lập.*đối chiếu 2 phiếu/);
  const counts = await page.getByTestId('counts').innerText();
  assert.match(counts, /Phiếu thu về\s+20/);
  assert.match(counts, /Phiếu hợp lệ\s+18/);
  assert.match(counts, /Phiếu không hợp lệ\s+2/);
  const nominated = (await page.locator('tr.nominated [data-testid=result-name]').allInnerTexts());
  assert.deepEqual(nominated.slice(0, 2).sort(), [onPaper[1], onPaper[2]].sort());
  assert.equal(nominated.length, 4);
  await shot(page, '43-paper-results');

  // The entry log lists all 20 numbers and the two settlements.
  await page.getByTestId('results-log-link').click();
  await page.getByTestId('entry-log').waitFor();
  assert.equal(await page.getByTestId('log-row').count(), 20);
  assert.match(await page.getByTestId('log-row').nth(4).innerText(), /^5\s+2, 3, 4, 5\s+2, 3, 4, 6\s+khác — ban kiểm phiếu đối chiếu phiếu giấy\s+2, 3, 4, 5\s+Hợp lệ$/);
  assert.match(await page.getByTestId('log-row').nth(11).innerText(), /^12\s+2, 3, 4, 5\s+Phiếu hỏng\s+khác.*\s+2, 3, 4, 5\s+Hợp lệ$/);
  assert.match(await page.getByTestId('log-row').nth(16).innerText(), /^17\s+Phiếu hỏng\s+Phiếu hỏng\s+khớp\s+Phiếu hỏng\s+Không hợp lệ: phiếu hỏng$/);
  await shot(page, '44-entry-log');
  // The same screens in English.
  await page.getByTestId('lang-switch').click();
  assert.match(await page.getByTestId('log-row').nth(4).innerText(), /differ — settled by the committee from the paper\s+2, 3, 4, 5\s+Valid$/);
  await page.goBack();
  await page.getByTestId('results').waitFor();
  assert.match(await page.getByTestId('count-source').innerText(), /two independent passes; the committee settled 2 differing ballots/);
  await page.getByTestId('lang-switch').click();
  writeFileSync(join(SHOTS, 'keystrokes.json'), JSON.stringify({ ballots: PILE.length, keystrokes, perBallot }));
  assert.deepEqual(errors, []);
});

test('a hand count that does not add up is refused with the reason; one that does is counted', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await sampleMeeting(page);
  await addRound(page, 4);
  const votes = page.getByTestId('hand-votes');
  assert.equal(await votes.count(), 8);
  await page.getByTestId('hand-collected').fill('9');
  await page.getByTestId('hand-valid').fill('8');
  await page.getByTestId('hand-invalid').fill('1');
  await page.getByTestId('hand-save').click();
  assert.match(await page.getByTestId('hand-error').innerText(), /Số phiếu thu về \(9\) lớn hơn số phiếu phát ra \(8\)/);
  await page.getByTestId('hand-collected').fill('8');
  await page.getByTestId('hand-valid').fill('8');
  await page.getByTestId('hand-invalid').fill('0');
  for (let i = 0; i < 8; i += 1) await votes.nth(i).fill(['2', '8', '8', '2', '7', '5', '0', '0'][i]);
  await votes.nth(0).fill('9');
  await page.getByTestId('hand-save').click();
  assert.match(await page.getByTestId('hand-error').innerText(), /có 9 phiếu, nhiều hơn số phiếu hợp lệ \(8\)/);
  await votes.nth(0).fill('ba');
  await page.getByTestId('hand-save').click();
  assert.match(await page.getByTestId('hand-error').innerText(), /«ba» không phải số nguyên/);
  assert.equal(await page.getByTestId('results').count(), 0, 'nothing was recorded');
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('hand-form').count(), 1, 'still a draft after a reload');
  await votes.nth(0).fill('2');
  for (let i = 1; i < 8; i += 1) await votes.nth(i).fill(['2', '8', '8', '2', '7', '5', '0', '0'][i]);
  await page.getByTestId('hand-collected').fill('8');
  await page.getByTestId('hand-valid').fill('8');
  await page.getByTestId('hand-invalid').fill('0');
  await page.getByTestId('hand-save').click();
  await page.getByTestId('results').waitFor();
  assert.match(await page.getByTestId('count-source').innerText(), /kiểm bằng tay/);
  assert.equal(await page.locator('tr.nominated').count(), 4);
  await shot(page, '45-hand-results');
  assert.deepEqual(errors, []);
});

test('ballot papers for 30 candidates print on A4 (two A5 to a page) and as PDF', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('cluster-name').fill('Cụm thi đua số 30');
  await page.getByTestId('create-cluster').click();
  await page.getByTestId('cluster-title').waitFor();
  for (let i = 1; i <= 30; i += 1) {
    await page.getByTestId('unit-full-name').fill(`Đồn Biên phòng số ${i} — Bộ Chỉ huy BĐBP tỉnh Quảng Ninh`);
    await page.getByTestId('add-unit').click();
  }
  assert.equal(await page.getByTestId('rotation-row').count(), 30);
  await page.getByTestId('new-year').fill('2024');
  await page.getByTestId('create-year').click();
  await page.getByTestId('year-title').waitFor();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('create-meeting').click();
  await addRound(page, 10);
  await page.getByTestId('print-papers-link').click();
  await page.getByTestId('papers').waitFor();
  await page.getByTestId('papers-count').fill('4');
  assert.equal(await page.getByTestId('ballot-paper').count(), 4);
  assert.deepEqual(await page.getByTestId('paper-number').allInnerTexts(), ['Số 001', 'Số 002', 'Số 003', 'Số 004']);
  assert.equal(await page.getByTestId('ballot-paper').first().locator('li').count(), 30);
  await shot(page, '46-ballot-papers');
  // Every candidate's row fits inside its A5 paper.
  const fits = await page.getByTestId('ballot-paper').first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('li, .paper-foot')].every((li) => li.getBoundingClientRect().bottom <= box.bottom + 0.5);
  });
  assert.ok(fits, 'all 30 candidates and the rule fit on an A5 paper');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  writeFileSync(join(SHOTS, 'ballot-papers-a5.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 2, 'four A5 papers on two A4 pages');
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('papers-layout').selectOption('a4');
  await page.emulateMedia({ media: 'print' });
  const a4 = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  writeFileSync(join(SHOTS, 'ballot-papers-a4.pdf'), a4);
  assert.equal((a4.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 4, 'one A4 page per paper');
  assert.deepEqual(errors, []);
});
