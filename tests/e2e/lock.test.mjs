// Issue 15, defect 10 and "secrecy under navigation": while a delegate has
// the shared laptop (a ballot, the hand-back screen), every way out shows
// the lock until the operator's PIN; and no file or snapshot taken during
// the vote carries its ballots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { download, openApp, serve, openSampleMeeting, ready, shot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const PIN = '2468';
const FLAG = 'Cờ thi đua của Bộ Tư lệnh BĐBP';
const MOST = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP'];
const ONE = ['Bộ Tham mưu BĐBP', 'Cục Chính trị BĐBP'];

async function openBoothRound(page) {
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await page.getByTestId('round-award').fill(FLAG);
  await page.getByTestId('round-quota').fill('4');
  await page.getByTestId('add-round').click();
  await page.getByTestId('open-pin').fill(PIN);
  await page.getByTestId('open-round').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('roll').waitFor();
  const boxes = page.getByTestId('roll-present');
  for (let i = 0; i < await boxes.count(); i += 1) await boxes.nth(i).check();
}

async function unlock(page) {
  await page.getByTestId('unlock-pin').fill(PIN);
  await page.getByTestId('unlock').click();
  await page.getByTestId('roll').waitFor();
}

/** The lock and nothing else: no way out, nothing of the operator's to edit. */
async function assertLocked(page, how, roundHash) {
  await page.getByTestId('hand-back').waitFor({ timeout: 5000 });
  await page.getByTestId('booth-locked').waitFor();
  for (const id of ['nav-clusters', 'nav-units', 'nav-files', 'save-error-files', 'roll', 'give-ballot', 'close-round', 'export-workspace']) {
    assert.equal(await page.getByTestId(id).count(), 0, `${how}: ${id} is not offered`);
  }
  assert.equal(await page.locator('a[href]').count(), 0, `${how}: no link at all`);
  assert.deepEqual(await page.locator('main input').evaluateAll((es) => es.map((e) => e.dataset.testid)), ['unlock-pin'], `${how}: only the PIN can be typed`);
  const text = await page.locator('body').innerText();
  for (const name of [...MOST, ...ONE]) assert.ok(!text.includes(name), `${how}: nothing of the vote shows (${name})`);
  await page.waitForFunction((hash) => location.hash === hash, roundHash);
}

/** Every booth ballot box and "who voted" list in a file or snapshot. */
function boothsIn(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => boothsIn(v, out));
  else if (value && typeof value === 'object') {
    if (value.open) out.push(value.open);
    Object.values(value).forEach((v) => boothsIn(v, out));
  }
  return out;
}

function assertNoBallots(json, what) {
  const booths = boothsIn(json);
  assert.ok(booths.length >= 1, `${what}: the open round is carried`);
  for (const booth of booths) {
    const ballots = booth.booth?.ballots ?? booth.ballots;
    assert.deepEqual(ballots.counts, [], `${what}: no ballot counts (${JSON.stringify(ballots)})`);
    assert.equal(ballots.spoilt, 0, `${what}: no spoilt count`);
    assert.deepEqual(booth.booth?.voted ?? booth.voted, [], `${what}: nobody shown as having voted`);
  }
}

test('secrecy under navigation: every way out of the booth shows the lock; no download carries the ballots', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openBoothRound(page);
  const roundHash = await page.evaluate(() => location.hash);

  // Delegate 1 votes; delegate 2 is on the ballot.
  await page.getByTestId('roll-row').nth(0).getByTestId('give-ballot').click();
  for (const name of MOST) await page.getByRole('checkbox', { name, exact: true }).check();
  await page.getByTestId('review-ballot').click();
  await page.getByTestId('confirm-ballot').click();
  await page.getByTestId('hand-back').waitFor();
  await unlock(page);
  await page.getByTestId('roll-row').nth(1).getByTestId('give-ballot').click();
  await page.getByTestId('ballot').waitFor();
  await page.getByRole('checkbox', { name: ONE[0], exact: true }).check();
  // Back during a ballot: the same ballot, with the choice made so far.
  await page.goBack();
  await page.getByTestId('ballot').waitFor({ timeout: 5000 });
  assert.equal(await page.getByTestId('nav-files').count(), 0, 'Back on a ballot: no way out');
  assert.equal(await page.getByRole('checkbox', { name: ONE[0], exact: true }).isChecked(), true);
  await page.getByTestId('booth-locked').waitFor();
  await page.waitForFunction((hash) => location.hash === hash, roundHash);
  for (const name of ONE.slice(1)) await page.getByRole('checkbox', { name, exact: true }).check();
  await page.getByTestId('review-ballot').click();
  await page.getByTestId('confirm-ballot').click();
  await page.getByTestId('hand-back').waitFor();
  await assertLocked(page, 'hand-back', roundHash);

  // Every way out.
  await page.goBack();
  await assertLocked(page, 'Back', roundHash);
  await page.goForward();
  await assertLocked(page, 'Forward', roundHash);
  await page.evaluate(() => { location.hash = '#/files'; });
  await assertLocked(page, 'typed #/files', roundHash);
  await page.goto(`${server.url}#/units`);
  await assertLocked(page, 'address bar #/units', roundHash);
  await page.evaluate(() => { location.hash = '#/clusters'; });
  await assertLocked(page, 'typed #/clusters', roundHash);
  await page.reload();
  await ready(page);
  await assertLocked(page, 'reload', roundHash);
  // Storage full: the banner says so but links nowhere.
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size > 16) { try { localStorage.setItem(`filler.${n}`, 'x'.repeat(size)); n += 1; } catch { size = Math.floor(size / 2); } }
  });
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('save-error').waitFor();
  await assertLocked(page, 'storage-full banner', roundHash);
  await shot(page, '90-booth-locked-storage-full');
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('retry-save').click();
  await page.getByTestId('save-error').waitFor({ state: 'detached' });
  // A wrong PIN keeps it locked; the right one gives the operator's screen.
  await page.getByTestId('unlock-pin').fill('0000');
  await page.getByTestId('unlock').click();
  await page.getByTestId('unlock-error').waitFor();
  await assertLocked(page, 'wrong PIN', roundHash);
  await unlock(page);
  assert.equal(await page.getByTestId('voted-count').innerText(), '2');
  await page.getByTestId('nav-files').waitFor();

  // Every download during the vote: no ballot of the open round.
  await page.getByTestId('nav-files').click();
  await page.getByTestId('sealed-rounds').waitFor();
  assert.match(await page.getByTestId('sealed-rounds').innerText(), new RegExp(FLAG));
  const workspace = await download(page, 'export-workspace');
  assertNoBallots(JSON.parse(readFileSync(workspace.path, 'utf8')), 'workspace file');
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-link').click();
  const cluster = await download(page, 'export-cluster');
  assertNoBallots(JSON.parse(readFileSync(cluster.path, 'utf8')), 'cluster file');
  // A snapshot taken during the vote (a draft round deleted) holds none either.
  await page.getByTestId('year-link').click();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('round-award').fill('Bằng khen của Bộ Tư lệnh BĐBP');
  await page.getByTestId('round-quota').fill('3');
  await page.getByTestId('add-round').click();
  await page.getByTestId('open-round-form').waitFor();
  await page.goBack();
  await page.getByTestId('delete-round').click();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('thidua.snapshot.')));
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thidua.snapshot.')).map((k) => localStorage.getItem(k)));
  for (const text of stored) assertNoBallots(JSON.parse(text), 'stored snapshot');
  await page.getByTestId('nav-files').click();
  const snapshot = await download(page, 'snapshot-download');
  assertNoBallots(JSON.parse(readFileSync(snapshot.path, 'utf8')), 'snapshot file');
  // Restoring that snapshot during the vote would lose the two ballots: refused.
  await page.getByTestId('snapshot-restore').click();
  await page.getByTestId('snapshot-restore').click();
  assert.match(await page.getByTestId('snapshot-message').innerText(), /đang bỏ phiếu/);
  await page.goto(`${server.url}${roundHash}`);
  assert.equal(await page.getByTestId('voted-count').innerText(), '2');
  // The live record still holds both ballots, for the count.
  const live = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('thidua.meeting.'));
    return JSON.parse(localStorage.getItem(key)).data;
  });
  assert.equal(boothsIn(live)[0].booth.voted.length, 2);
  assert.deepEqual(errors, []);
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page as it is, named. */
async function violations(page, name) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return found.map((v) => `${name}: ${v}`);
}

test('the locked booth and the backup dialog pass axe in both languages', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  const found = [];
  await openBoothRound(page);
  await page.getByTestId('roll-row').nth(0).getByTestId('give-ballot').click();
  await page.getByTestId('review-ballot').click();
  await page.getByTestId('confirm-ballot').click();
  await page.getByTestId('hand-back').waitFor();
  await page.goBack();
  await page.getByTestId('booth-locked').waitFor();
  found.push(...await violations(page, 'vi locked'));
  await page.getByTestId('lang-switch').click();
  found.push(...await violations(page, 'en locked'));
  await page.getByTestId('lang-switch').click();
  await unlock(page);
  // No room for a snapshot: the dialog before deleting a draft round.
  await page.getByTestId('nav-files').click();
  found.push(...await violations(page, 'vi files during a vote'));
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-link').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('round-award').fill('Bằng khen của Bộ Tư lệnh BĐBP');
  await page.getByTestId('round-quota').fill('3');
  await page.getByTestId('add-round').click();
  await page.getByTestId('open-round-form').waitFor();
  await page.goBack();
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size > 16) { try { localStorage.setItem(`filler.${n}`, 'x'.repeat(size)); n += 1; } catch { size = Math.floor(size / 2); } }
  });
  await page.getByTestId('delete-round').click();
  await page.getByTestId('backup-dialog').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'backup-download', 'the dialog takes the focus');
  found.push(...await violations(page, 'vi backup dialog'));
  await page.getByTestId('lang-switch').click();
  found.push(...await violations(page, 'en backup dialog'));
  await page.getByTestId('backup-cancel').click();
  await page.getByTestId('backup-dialog').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('delete-round').count(), 1, 'cancel deleted nothing');
  assert.deepEqual(found, []);
  assert.deepEqual(errors, []);
});
