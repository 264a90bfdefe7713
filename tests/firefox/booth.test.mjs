// Firefox: a booth round of 8 ballots on one laptop with the hand-back lock
// (a wrong PIN, a reload while locked), closed, and its results; served and
// from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openApp, WAYS, click, fill, text, texts, count, reload, shot, waitFor, waitText, checkLabel, openSampleMeeting } from './harness.mjs';

const app = setUp();

const PIN = '2468';
const MOST = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP'];
const ONE = ['Bộ Tham mưu BĐBP', 'Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Phòng chống ma túy và tội phạm BĐBP'];

/** The operator gives the laptop to roll row `row`; the delegate votes for `names` and hands it back. */
async function castBallot(page, row, names, { wrongPinAndReload = false } = {}) {
  await page.waitForFunction((r) => document.querySelectorAll('[data-testid="roll-row"]')[r]?.querySelector('[data-testid="give-ballot"]'), {}, row);
  await page.evaluate((r) => document.querySelectorAll('[data-testid="roll-row"]')[r].querySelector('[data-testid="give-ballot"]').click(), row);
  await waitFor(page, 'ballot');
  for (const name of names) await checkLabel(page, name);
  assert.equal(await text(page, 'ballot-count'), `Đã chọn ${names.length}/4`);
  await click(page, 'review-ballot');
  await click(page, 'confirm-ballot');
  await waitFor(page, 'hand-back');
  await waitFor(page, 'ballot-thanks');
  const locked = await page.$eval('main', (m) => m.innerText);
  for (const name of names) assert.ok(!locked.includes(name), 'nothing of the vote on the hand-back screen');
  if (wrongPinAndReload) {
    await fill(page, 'unlock-pin', '0000');
    await click(page, 'unlock');
    await waitText(page, 'unlock-error', /Mã PIN không đúng/);
    await shot(page, 'ff-booth-hand-back');
    // A reload keeps the laptop locked; so does going elsewhere by address.
    await reload(page);
    await waitFor(page, 'hand-back');
    const lockedUrl = page.url();
    await page.evaluate(() => { window.location.hash = '#/units'; });
    await page.waitForFunction((u) => window.location.href === u, {}, lockedUrl);
    await waitFor(page, 'hand-back');
    assert.equal(await count(page, 'roll'), 0);
  }
  await fill(page, 'unlock-pin', PIN);
  await click(page, 'unlock');
  await waitFor(page, 'roll');
}

for (const how of WAYS) {
  test(`${app.label(how)}: 8 ballots in booth mode with the hand-back lock, closed, results`, async (t) => {
    const { page, errors } = await openApp(t, app.firefox(), app.url(how));
    await openSampleMeeting(page);
    await fill(page, 'round-award', 'Cờ thi đua của Bộ Tư lệnh BĐBP');
    await fill(page, 'round-quota', '4');
    await click(page, 'add-round');
    await waitFor(page, 'round-title');
    await fill(page, 'open-pin', PIN);
    await click(page, 'open-round');
    await click(page, 'open-without-committee'); // no counting committee: open anyway (issue 18)
    await waitFor(page, 'roll');
    await page.$$eval('[data-testid="roll-present"]', (boxes) => { for (const b of boxes) if (!b.checked) b.click(); });
    await waitText(page, 'quorum-state', /^đủ$/);
    await castBallot(page, 0, ONE, { wrongPinAndReload: true });
    // The delegate who voted is offered no second ballot.
    assert.equal(await page.$eval('[data-testid="roll-row"]', (r) => r.querySelectorAll('[data-testid="give-ballot"]').length), 0);
    for (let row = 1; row < 8; row += 1) await castBallot(page, row, MOST);
    assert.equal(await text(page, 'voted-count'), '8');
    assert.equal(await count(page, 'results'), 0, 'no running totals while the round is open');
    await click(page, 'close-round');
    await click(page, 'close-confirm');
    await waitFor(page, 'results');
    const counts = await text(page, 'counts');
    assert.match(counts, /Phiếu phát ra\s+8/);
    assert.match(counts, /Phiếu hợp lệ\s+8/);
    assert.match(counts, /Phiếu không hợp lệ\s+0/);
    assert.deepEqual((await texts(page, 'result-name')).slice(0, 4), ['Cục Chính trị', 'Cục Trinh sát', 'Cục Cửa khẩu', 'Cục Hậu cần']);
    assert.deepEqual((await texts(page, 'result-share')).slice(0, 4), ['100,00%', '100,00%', '87,50%', '87,50%']);
    assert.equal(await text(page, 'conclusion'), 'Đề nghị: Cục Chính trị, Cục Trinh sát, Cục Cửa khẩu, Cục Hậu cần.');
    await waitFor(page, 'result-chart');
    // The results stay across a reload.
    await reload(page);
    await waitFor(page, 'results');
    await shot(page, `ff-booth-results-${how}`);
    assert.deepEqual(errors, []);
  });
}
