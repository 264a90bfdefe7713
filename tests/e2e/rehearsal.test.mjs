// Named delegates, a rehearsal round and the self-vote rule, through the UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, openSampleMeeting, shot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

test('named delegates vote in a rehearsal without self vote; ending it deletes the round', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openSampleMeeting(page);

  // Three named delegates.
  await page.getByTestId('voters-delegates').check();
  const delegates = [['Đại tá Vũ Khương', 'Cục Kỹ thuật'], ['Trung tá Nguyễn An', 'Cục Hậu cần'], ['Thiếu tá Lê Bình', 'Lữ đoàn TT 21']];
  for (const [name, unit] of delegates) {
    await page.getByTestId('add-delegate').click();
    await page.getByTestId('delegate-name').last().fill(name);
    await page.getByTestId('delegate-unit').last().selectOption({ label: unit });
  }
  await page.getByTestId('save-voters').click();
  await page.getByTestId('voters-saved').waitFor();

  // A rehearsal round where delegates may not approve their own unit.
  await page.getByTestId('round-award').fill('Diễn tập bỏ phiếu');
  await page.getByTestId('round-quota').fill('2');
  await page.getByTestId('round-self-vote').uncheck();
  await page.getByTestId('round-rehearsal').check();
  await page.getByTestId('add-round').click();
  await page.getByTestId('rehearsal-badge').waitFor();
  await page.getByTestId('open-pin').fill('1357');
  await page.getByTestId('open-round').click();
  assert.deepEqual(await page.getByTestId('roll-name').allInnerTexts(), delegates.map(([n, u]) => `${n} (${u})`));
  for (const box of await page.getByTestId('roll-present').all()) await box.check();

  await page.getByTestId('roll-row').nth(0).getByTestId('give-ballot').click();
  assert.match(await page.getByTestId('ballot-voter').innerText(), /Đại tá Vũ Khương — Cục Kỹ thuật/);
  assert.equal(await page.getByRole('checkbox', { name: /Cục Kỹ thuật BĐBP/ }).isDisabled(), true, 'own unit not selectable');
  await shot(page, '40-rehearsal-ballot-no-self-vote');
  await page.getByRole('checkbox', { name: 'Cục Hậu cần BĐBP', exact: true }).check();
  await page.getByTestId('review-ballot').click();
  await page.getByTestId('confirm-ballot').click();
  await page.getByTestId('unlock-pin').fill('1357');
  await page.getByTestId('unlock').click();
  await page.getByTestId('close-round').click();
  await page.getByTestId('close-confirm').click();
  await page.getByTestId('results').waitFor();
  assert.match(await page.getByTestId('counts').innerText(), /Phiếu thu về\s+1/);
  await page.getByTestId('end-rehearsal').first().click();
  await page.getByTestId('meeting-title').waitFor();
  assert.equal(await page.getByTestId('no-rounds').count(), 1, 'the rehearsal and its ballots are gone');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thidua.meeting.')).map((k) => localStorage.getItem(k)).join(''));
  assert.ok(!stored.includes('Diễn tập bỏ phiếu'));
  assert.deepEqual(errors, []);
});
