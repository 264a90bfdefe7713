// The hall screen (issue 16): a second window of one browser follows the
// operator's by storage events alone. While 8 booth ballots are cast it
// shows only "đã bỏ phiếu n/8" — no candidate's count, share or name —,
// then the results within a second of the close; the operator's pin and
// language reach it; both windows survive a reload; served and from
// file://; no scrollbars at 1920×1080 and 1024×768, even with 30
// candidates; axe-clean in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  axe, openApp, serve, shot, ready, openSampleMeeting, markAllPresent, castBallot, closeRound,
  BOOTH_PIN, SINGLE_FILE_URL,
} from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const FLAG = 'Cờ thi đua của Bộ Tư lệnh BĐBP';
const MOST = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP'];
const ONE = ['Bộ Tham mưu BĐBP', 'Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Phòng chống ma túy và tội phạm BĐBP'];
// Every unit of the sample, full and short, as the hall could name them.
const NAMES = ['Bộ Tham mưu', 'Cục Chính trị', 'Cục Trinh sát', 'Cục Phòng chống ma túy', 'Cục Cửa khẩu', 'Cục Hậu cần', 'Cục Kỹ thuật', 'Học viện Biên phòng'];
// The hall follows within a second of the operator's change.
const WITHIN = 1000;

/** The hall page's text. */
const hallText = (hall) => hall.getByTestId('hall').innerText();

/** Nothing of the vote on the hall: no unit's name, no share, no count per candidate. */
async function assertNothingOfTheVote(hall, voted) {
  const text = await hallText(hall);
  for (const name of NAMES) assert.ok(!text.includes(name), `no «${name}» on the hall during the vote: ${text}`);
  assert.ok(!text.includes('%'), `no share on the hall during the vote: ${text}`);
  assert.ok(!text.includes(BOOTH_PIN), 'never the PIN');
  // Below the heading, the only figures are n/N.
  const stage = await hall.getByTestId('hall-voting').innerText();
  assert.deepEqual(stage.match(/\d+/g), [String(voted), '8'], stage);
}

/** Waits for the hall page's stage, at most WITHIN ms after `since`. */
async function hallFollows(hall, stage, since) {
  await hall.locator(`[data-testid="hall"][data-stage="${stage}"]`).waitFor({ timeout: WITHIN });
  return Date.now() - since;
}

/** No scrollbars: the document fits the window both ways. */
async function fits(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollHeight <= window.innerHeight && root.scrollWidth <= window.innerWidth;
  });
}

/** The operator's page opens the hall window from the meeting's card; the popup is returned. */
async function openHall(page) {
  const [hall] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('hall-open').click()]);
  await hall.getByTestId('hall').waitFor();
  return hall;
}

/** From a fresh start: the sample's meeting with a place and a date, the hall window open on it. */
async function meetingWithHall(page) {
  await openSampleMeeting(page, { place: 'Hội trường Bộ Tư lệnh', date: '2024-10-03' });
  const hall = await openHall(page);
  return hall;
}

/** The flag round added and opened in the booth, everybody present. */
async function openFlagRound(page) {
  await page.getByTestId('round-award').fill(FLAG);
  await page.getByTestId('round-quota').fill('4');
  await page.getByTestId('add-round').click();
  await page.getByTestId('open-pin').fill(BOOTH_PIN);
  await page.getByTestId('open-round').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('roll').waitFor();
  await markAllPresent(page);
}

/** Casts the 8 ballots, checking after each that the hall shows only the count. */
async function voteWatched(page, hall) {
  for (let row = 0; row < 8; row += 1) {
    // At row 3, a delegate at the ballot with boxes ticked: the hall shows nothing of it.
    const ticked = row === 3 ? () => assertNothingOfTheVote(hall, 3) : undefined;
    await castBallot(page, row, row === 7 ? ONE : MOST, BOOTH_PIN, ticked);
    await hallVoted(hall, row + 1);
  }
}

/** Within WITHIN ms of the operator's step, the hall says `voted`/8 and nothing more. */
async function hallVoted(hall, voted) {
  await hall.getByTestId('hall-voted').filter({ hasText: `Đã bỏ phiếu ${voted}/8` }).waitFor({ timeout: WITHIN });
  await assertNothingOfTheVote(hall, voted);
}

async function closeWatched(page, hall) {
  await closeRound(page);
  // The operator's page shows the results once the close is stored.
  const took = await hallFollows(hall, 'results', Date.now());
  assert.ok(took <= WITHIN, `the hall showed the results ${took} ms after the close`);
  const counts = await hall.getByTestId('hall-counts').innerText();
  assert.match(counts, /Phiếu phát ra\s+8/);
  assert.match(counts, /Phiếu hợp lệ\s+8/);
  assert.match(counts, /Phiếu không hợp lệ\s+0/);
  assert.equal(await hall.getByTestId('hall-nominated').innerText(), 'Đề nghị: Cục Chính trị, Cục Trinh sát, Cục Cửa khẩu, Cục Hậu cần.');
  const text = await hallText(hall);
  assert.match(text, /8 \(100,00%\)/);
  assert.match(text, /Không đạt/);
}

test('served: the hall follows agenda, booth count only, results, pin, language and reloads', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  const hall = await meetingWithHall(page);
  await hall.setViewportSize({ width: 1920, height: 1080 });
  // Before voting: title, date, place and an empty agenda, then the round.
  assert.match(await hall.getByTestId('hall-title').innerText(), /Hội nghị tổng kết năm 2024 — /);
  assert.match(await hall.getByTestId('hall-when').innerText(), /03\/10\/2024 · Hội trường Bộ Tư lệnh/);
  await page.getByTestId('round-award').fill(FLAG);
  await page.getByTestId('round-quota').fill('4');
  await page.getByTestId('add-round').click();
  await hall.getByTestId('hall-agenda-round').filter({ hasText: FLAG }).waitFor({ timeout: WITHIN });
  assert.match(await hall.getByTestId('hall-agenda').innerText(), /4 chỉ tiêu · ngưỡng ≥ 1\/2 \(50,00%\) số phiếu hợp lệ/);
  assert.ok(await fits(hall));
  await shot(hall, 'hall-agenda-1920');
  assert.deepEqual(await axe(hall), []);

  await page.getByTestId('open-pin').fill(BOOTH_PIN);
  await page.getByTestId('open-round').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('roll').waitFor();
  await markAllPresent(page);
  await hallVoted(hall, 0);
  await voteWatched(page, hall);
  assert.ok(await fits(hall));
  await shot(hall, 'hall-voting-1920');
  await closeWatched(page, hall);
  assert.ok(await fits(hall));
  await shot(hall, 'hall-results-1920');
  await hall.setViewportSize({ width: 1024, height: 768 });
  assert.ok(await fits(hall), 'no scrollbars at 1024×768');
  await shot(hall, 'hall-results-1024');
  assert.deepEqual(await axe(hall), []);

  // The operator pins the agenda, then returns the hall to following.
  await page.goBack();
  await page.getByTestId('hall-card').waitFor();
  await page.getByTestId('hall-pin-agenda').click();
  await hallFollows(hall, 'agenda', Date.now());
  assert.match(await page.getByTestId('hall-state').innerText(), /giữ chương trình bầu/);
  assert.match(await hall.getByTestId('hall-agenda').innerText(), /đã bầu xong/);
  // The hall window reloads: still the pinned agenda.
  await hall.reload();
  await hall.locator('[data-testid="hall"][data-stage="agenda"]').waitFor();
  await page.getByTestId('hall-follow').click();
  await hallFollows(hall, 'results', Date.now());
  // The operator's window reloads: the hall still follows it.
  await page.reload();
  await ready(page);
  await page.getByTestId('hall-pin-results').click();
  await hall.getByTestId('hall-results').waitFor({ timeout: WITHIN });
  assert.match(await page.getByTestId('hall-state').innerText(), new RegExp(`giữ kết quả ${FLAG}`));
  // The language follows the operator's choice.
  await page.getByTestId('lang-switch').click();
  await hall.getByTestId('hall-nominated').filter({ hasText: /^Nominated: / }).waitFor({ timeout: WITHIN });
  assert.equal(await hall.evaluate(() => document.documentElement.lang), 'en');
  assert.ok(await fits(hall));
  await shot(hall, 'hall-results-1024-en');
  assert.deepEqual(await axe(hall), []);
  await hall.setViewportSize({ width: 1920, height: 1080 });
  await shot(hall, 'hall-results-1920-en');
  await shot(page, 'hall-card-en');
  // F toggles full screen.
  await hall.keyboard.press('f');
  await hall.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 2000 });
  await hall.keyboard.press('F');
  await hall.waitForFunction(() => document.fullscreenElement === null, null, { timeout: 2000 });
  // The hall window never took the operator's vote lock or wrote a record.
  assert.deepEqual(errors, []);
});

test('from file://: the hall window follows the booth count, then the results', async (t) => {
  const { page, errors } = await openApp(t, SINGLE_FILE_URL);
  const hall = await meetingWithHall(page);
  assert.ok(hall.url().startsWith('file://'), hall.url());
  await hall.setViewportSize({ width: 1024, height: 768 });
  await openFlagRound(page);
  await hallVoted(hall, 0);
  await voteWatched(page, hall);
  assert.ok(await fits(hall));
  await shot(hall, 'hall-voting-1024-file');
  await closeWatched(page, hall);
  assert.ok(await fits(hall));
  assert.deepEqual(errors, []);
});

test('30 candidates fit the hall at 1920×1080 and 1024×768, in both languages', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('year-link').waitFor();
  // 22 more units in the sample cluster and its 2024 members, written as
  // the app stores them, then read at a reload.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('thidua.cluster.'));
    const cluster = JSON.parse(localStorage.getItem(key));
    const year = cluster.data.years.find((y) => y.year === 2024);
    for (let i = 0; i < 22; i += 1) {
      const id = 9_000_000 + i;
      const data = { contact: '', commander: '', full_name: `Đồn Biên phòng cửa khẩu quốc tế số ${i + 1}`, id, kind: '', short_name: '' };
      localStorage.setItem(`thidua.unit.${id}`, JSON.stringify({ version: 2, data }));
      cluster.data.units.push(id);
      year.members.push(id);
    }
    localStorage.setItem(key, JSON.stringify(cluster));
  });
  await page.reload();
  await ready(page);
  await page.getByTestId('year-link').click();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('create-meeting').click();
  const hall = await openHall(page);
  await page.getByTestId('round-award').fill(FLAG);
  await page.getByTestId('round-quota').fill('4');
  await page.getByTestId('add-round').click();
  const votes = page.getByTestId('hand-votes');
  await votes.first().waitFor();
  assert.equal(await votes.count(), 30);
  for (let i = 0; i < 30; i += 1) await votes.nth(i).fill(String([30, 29, 28, 27, 1, 1, 1, 1, 1, 1][i] ?? 0));
  await page.getByTestId('hand-collected').fill('30');
  await page.getByTestId('hand-valid').fill('30');
  await page.getByTestId('hand-invalid').fill('0');
  await page.getByTestId('hand-save').click();
  await page.getByTestId('results').waitFor();
  await hall.getByTestId('hall-results').waitFor({ timeout: WITHIN });
  assert.equal(await hall.getByTestId('hall-chart').locator('rect').count(), 30);
  for (const [width, height] of [[1920, 1080], [1024, 768]]) {
    await hall.setViewportSize({ width, height });
    assert.ok(await fits(hall), `no scrollbars at ${width}×${height} with 30 candidates`);
    await shot(hall, `hall-30-${width}`);
  }
  await page.getByTestId('lang-switch').click();
  await hall.getByTestId('hall-nominated').filter({ hasText: /^Nominated: / }).waitFor({ timeout: WITHIN });
  assert.ok(await fits(hall));
  await shot(hall, 'hall-30-1024-en');
  assert.deepEqual(await axe(hall), []);
  assert.deepEqual(errors, []);
});
