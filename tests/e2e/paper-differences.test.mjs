// The paper differences table (issue 18): a reading over the quota
// ("1, 5, 6, 7, 8" with quota 4) is marked invalid with the pad's words,
// a valid one is not; axe-clean in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axe, openApp, serve, openSampleMeeting, shot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

/** Enters one pass of ballots, each a list of pad keys, and finishes it. */
async function pass(page, n, pile) {
  await page.getByTestId(`pass-${n}-enter`).click();
  await page.getByTestId('entry-pad').waitFor();
  for (const keys of pile) {
    for (const key of keys) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
  }
  await page.getByTestId('entry-finish').click();
}

for (const lang of ['vi', 'en']) {
  test(`the differences mark an over-quota reading invalid, as the pad does (${lang})`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    await openSampleMeeting(page);
    await page.getByTestId('round-award').fill('Cờ thi đua của Bộ Tư lệnh BĐBP');
    await page.getByTestId('round-quota').fill('4');
    await page.getByTestId('add-round').click();
    await page.getByTestId('paper-present').fill('8');
    await page.getByTestId('paper-issued').fill('3');
    await page.getByTestId('paper-open').click();
    await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
    await page.getByTestId('paper-round').waitFor();
    // Paper 1: five marks in pass 1, four in pass 2; paper 2: nothing
    // marked against two marks; paper 3 read alike.
    await pass(page, 1, [['1', '5', '6', '7', '8'], [], ['2', '3']]);
    await page.getByTestId('paper-round').waitFor();
    await pass(page, 2, [['1', '5', '6', '7'], ['1', '2'], ['2', '3']]);
    await page.getByTestId('differences').waitFor();
    assert.deepEqual(await page.getByTestId('difference-number').allInnerTexts(), ['1', '2']);
    assert.deepEqual(await page.getByTestId('difference-first').allInnerTexts(),
      ['1, 5, 6, 7, 8', lang === 'vi' ? 'Không đánh dấu' : 'No mark']);
    assert.deepEqual(await page.getByTestId('difference-second').allInnerTexts(), ['1, 5, 6, 7', '1, 2']);
    assert.deepEqual(await page.getByTestId('difference-first-invalid').allInnerTexts(), lang === 'vi'
      ? ['Không hợp lệ: đánh dấu quá 4 đơn vị', 'Không hợp lệ: không đánh dấu đơn vị nào']
      : ['Invalid: more than 4 marked', 'Invalid: nothing marked']);
    assert.equal(await page.getByTestId('difference-second-invalid').count(), 0, 'valid readings carry no mark');
    assert.deepEqual(await axe(page), []);
    await page.getByTestId('differences').scrollIntoViewIfNeeded();
    await shot(page, `i18-paper-differences-${lang}`);
    assert.deepEqual(errors, []);
  });
}
