// Booth voting on one shared laptop (PRODUCT.md §5), with the sample cluster's
// real outcome: 8 delegates, a flag round with quota 4, four units nominated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, openSampleMeeting, shot, ready, markAllPresent, castBallot, closeRound } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const PIN = '2468';
const FLAG = 'Cờ thi đua của Bộ Tư lệnh BĐBP';
// Full names as on the ballot; the 7 + 1 ballots give CCT 8, CTS 8, CCK 7, CHC 7.
const MOST = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP'];
const ONE = ['Bộ Tham mưu BĐBP', 'Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Phòng chống ma túy và tội phạm BĐBP'];

async function prepareRound(page) {
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await page.getByTestId('round-award').fill(FLAG);
  await page.getByTestId('round-quota').fill('4');
  await page.getByTestId('add-round').click();
  await page.getByTestId('round-title').waitFor();
  assert.match(await page.getByTestId('round-rules').innerText(), /4 đơn vị.*≥ 1\/2 \(50,00%\) số phiếu hợp lệ/);
  // A too-short PIN is refused.
  await page.getByTestId('open-pin').fill('12');
  await page.getByTestId('open-round').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  assert.match(await page.getByTestId('open-round-error').innerText(), /ít nhất 4 ký tự/);
  await page.getByTestId('open-pin').fill(PIN);
  await page.getByTestId('open-round').click();
  await page.getByTestId('roll').waitFor();
}

async function storedBallots(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('thidua.meeting.'));
    const rounds = JSON.parse(localStorage.getItem(key)).data.rounds;
    return JSON.stringify(rounds.map((r) => r.state.closed.ballots));
  });
}

test('8 delegates vote in booth mode; reload mid-ballot, wrong PIN, no double vote; results explained', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await prepareRound(page);
  // The same opened round is replayed in a second browser below (without
  // the vote lock of this tab: that browser is another laptop).
  test.openedRound = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('thidua.') && !k.startsWith('thidua.lock.')).map((k) => [k, localStorage.getItem(k)])));

  // No ballot before quorum: 5 of 8 present is below 2/3.
  const boxes = page.getByTestId('roll-present');
  for (let i = 0; i < 5; i += 1) await boxes.nth(i).check();
  assert.equal(await page.getByTestId('quorum-state').innerText(), 'chưa đủ');
  await page.getByTestId('give-ballot').first().click();
  assert.match(await page.getByTestId('operator-error').innerText(), /Chưa đủ số đại biểu có mặt/);
  for (let i = 5; i < 8; i += 1) await boxes.nth(i).check();
  await shot(page, '20-booth-operator');

  // Delegate 1: a ballot, with a look at the ballot and hand-back screens.
  await page.getByTestId('roll-row').nth(0).getByTestId('give-ballot').click();
  await page.getByTestId('ballot').waitFor();
  for (const name of ONE) await page.getByRole('checkbox', { name, exact: true }).check();
  // The fifth choice is out of reach: at most 4.
  assert.equal(await page.getByRole('checkbox', { name: 'Cục Hậu cần BĐBP', exact: true }).isDisabled(), true);
  assert.equal(await page.getByTestId('ballot-count').innerText(), 'Đã chọn 4/4');
  await shot(page, '21-booth-ballot');
  await page.getByTestId('review-ballot').click();
  await shot(page, '22-booth-review');
  await page.getByTestId('confirm-ballot').click();
  await page.getByTestId('hand-back').waitFor();
  const handBackText = await page.locator('main').innerText();
  for (const name of ONE) assert.ok(!handBackText.includes(name), 'nothing of the vote on the hand-back screen');
  await shot(page, '23-booth-hand-back');
  // A wrong PIN is refused and the laptop stays locked.
  await page.getByTestId('unlock-pin').fill('0000');
  await page.getByTestId('unlock').click();
  assert.match(await page.getByTestId('unlock-error').innerText(), /Mã PIN không đúng/);
  // A reload on the hand-back screen keeps it locked.
  await page.reload();
  await ready(page);
  await page.getByTestId('hand-back').waitFor();
  await page.getByTestId('unlock-pin').fill(PIN);
  await page.getByTestId('unlock').click();
  await page.getByTestId('roll').waitFor();

  // Delegate 1 cannot vote again: no ballot is offered on their row.
  const firstRow = page.getByTestId('roll-row').nth(0);
  assert.equal(await firstRow.getByTestId('give-ballot').count(), 0);
  assert.equal(await firstRow.getByTestId('roll-voted').innerText(), 'Đã bỏ phiếu');

  await castBallot(page, 1, MOST);
  await castBallot(page, 2, MOST);

  // A reload in the middle of delegate 4's ballot: nothing half-filled
  // survives or shows; their ballot is not recorded; the others are.
  await page.getByTestId('roll-row').nth(3).getByTestId('give-ballot').click();
  await page.getByRole('checkbox', { name: MOST[0], exact: true }).check();
  await page.reload();
  await ready(page);
  await page.getByTestId('interrupted').waitFor();
  assert.ok(!(await page.locator('main').innerText()).includes(MOST[0]));
  await shot(page, '24-booth-interrupted');
  await page.getByTestId('unlock-pin').fill(PIN);
  await page.getByTestId('unlock').click();
  assert.equal(await page.getByTestId('voted-count').innerText(), '3');
  // No running totals anywhere while the round is open.
  assert.equal(await page.getByTestId('results').count(), 0);
  assert.ok(!(await page.locator('main').innerText()).includes('Phiếu hợp lệ'));

  for (let row = 3; row < 8; row += 1) await castBallot(page, row, MOST);
  assert.equal(await page.getByTestId('voted-count').innerText(), '8');
  await closeRound(page);

  const counts = await page.getByTestId('counts').innerText();
  assert.match(counts, /Phiếu phát ra\s+8/);
  assert.match(counts, /Phiếu hợp lệ\s+8/);
  assert.match(counts, /Phiếu không hợp lệ\s+0/);
  const names = await page.getByTestId('result-name').allInnerTexts();
  const shares = await page.getByTestId('result-share').allInnerTexts();
  const statuses = await page.getByTestId('result-status').allInnerTexts();
  assert.deepEqual(names.slice(0, 4), ['Cục Chính trị', 'Cục Trinh sát', 'Cục Cửa khẩu', 'Cục Hậu cần']);
  assert.deepEqual(shares.slice(0, 4), ['100,00%', '100,00%', '87,50%', '87,50%']);
  assert.deepEqual(statuses.slice(0, 4), Array(4).fill('Được đề nghị'));
  assert.deepEqual(statuses.slice(4), Array(4).fill('Không đạt'));
  assert.equal(await page.getByTestId('conclusion').innerText(), 'Đề nghị: Cục Chính trị, Cục Trinh sát, Cục Cửa khẩu, Cục Hậu cần.');
  await page.getByTestId('result-chart').waitFor();
  await shot(page, '25-results');
  await page.getByTestId('lang-switch').click();
  assert.match(await page.getByTestId('conclusion').innerText(), /^Nominated: /);
  await shot(page, '26-results-en');
  assert.deepEqual(errors, []);
  // Kept for the secrecy check below.
  test.firstBallots = await storedBallots(page);
});

test('secrecy: the same ballots cast in another voter order leave identical stored ballots', async (t) => {
  const { page } = await openApp(t, server.url);
  // Start from exactly the round the first run opened (same ids, same roll).
  assert.ok(test.openedRound, 'the first run saved its opened round');
  await page.evaluate((entries) => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, test.openedRound);
  await page.reload();
  await ready(page);
  await page.getByTestId('cluster-link').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('round-link').click();
  await markAllPresent(page);
  // Reverse order, and the odd ballot given by another delegate.
  for (let row = 7; row >= 0; row -= 1) await castBallot(page, row, row === 4 ? ONE : MOST);
  await closeRound(page);
  const second = await storedBallots(page);
  assert.ok(test.firstBallots, 'the first run stored its ballots');
  assert.equal(second, test.firstBallots);
  assert.ok(!second.includes('voter'));
});

test('a tie at the quota line becomes a runoff for the place left', async (t) => {
  const { page } = await openApp(t, server.url);
  await prepareRound(page);
  await markAllPresent(page);
  // Three units with 8 votes, two with 6: the fourth place is tied.
  // Three units on every ballot; the last place split 4–4 (each 50%).
  const A = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP'];
  const B = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Kỹ thuật BĐBP'];
  for (let row = 0; row < 8; row += 1) await castBallot(page, row, row < 4 ? A : B);
  await closeRound(page);
  assert.match(await page.getByTestId('tie-note').innerText(), /Bằng phiếu tại vị trí chỉ tiêu: Cục Hậu cần, Cục Kỹ thuật — còn 1 chỉ tiêu/);
  await shot(page, '27-results-tie');
  await page.getByTestId('create-runoff').click();
  await page.getByTestId('open-round-form').waitFor();
  assert.match(await page.getByTestId('round-rules').innerText(), /1 đơn vị/);
  assert.deepEqual(await page.getByTestId('draft-candidates').locator('li').allInnerTexts(), ['Cục Hậu cần', 'Cục Kỹ thuật']);
  // Issue 15 (found by trying the app): the tied round leads to its one
  // runoff; it never offers a second (five nominees for four places).
  await page.goBack();
  await page.getByTestId('open-runoff').waitFor();
  assert.equal(await page.getByTestId('create-runoff').count(), 0);
});
