// Issue 15, defects 1 and 2, through the built app: a round's candidates
// are one list everywhere. Sample → 2024 meeting (exclusion on) → round 1
// (quota 2) counted by hand, Cục Chính trị 8 and Cục Trinh sát 7 of 8 →
// round 2 (quota 3): its draft list, its printed papers, the entry pad and
// the hand-count form all show the same six units, numbered alike; papers
// printed before round 1 closed are refused until printed again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openApp, serve, openSampleMeeting, shot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const FLAG = 'Cờ thi đua của Bộ Tư lệnh BĐBP';
const MERIT = 'Bằng khen của Bộ Tư lệnh BĐBP';

async function addRound(page, award, quota) {
  await page.getByTestId('round-award').fill(award);
  await page.getByTestId('round-quota').fill(String(quota));
  await page.getByTestId('add-round').click();
  await page.getByTestId('round-title').waitFor();
}

async function toMeeting(page) {
  await page.getByTestId('crumb-meeting').click();
  await page.getByTestId('meeting-title').waitFor();
}

async function toRound(page, idx) {
  await page.getByTestId('round-link').nth(idx).click();
  await page.getByTestId('round-title').waitFor();
}

/** On round 1's page: the hand count of the issue (units 2 and 3 of the list: 8 and 7 of 8). */
async function handCountRound1(page) {
  const votes = page.getByTestId('hand-votes');
  assert.equal(await votes.count(), 8);
  await votes.nth(1).fill('8');
  await votes.nth(2).fill('7');
  await page.getByTestId('hand-collected').fill('8');
  await page.getByTestId('hand-valid').fill('8');
  await page.getByTestId('hand-invalid').fill('0');
  await page.getByTestId('hand-save').click();
  await page.getByTestId('results').waitFor();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations of the page as it is. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

const clean = (s) => s.replace(/\s+/g, ' ').trim();

/** The first printed paper's candidates as [number, name]. */
async function paperList(page) {
  const rows = page.getByTestId('ballot-paper').first().locator('li');
  const out = [];
  for (let i = 0; i < await rows.count(); i += 1) {
    const no = clean(await rows.nth(i).locator('.paper-no').innerText()).replace('.', '');
    out.push([no, clean(await rows.nth(i).locator('.paper-name').innerText())]);
  }
  return out;
}

/** The entry pad's candidates as [key, name]. */
async function padList(page) {
  const rows = page.getByTestId('pad-candidate');
  const out = [];
  for (let i = 0; i < await rows.count(); i += 1) {
    out.push([clean(await rows.nth(i).locator('kbd').innerText()), clean(await rows.nth(i).locator('.pad-name').innerText())]);
  }
  return out;
}

test('issue 15 defect 1: round 2 papers, draft list and entry pad number the same six candidates alike', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openSampleMeeting(page);
  await addRound(page, FLAG, 2);
  const all = (await page.getByTestId('draft-candidates').locator('li').allInnerTexts()).map(clean);
  assert.equal(all.length, 8);
  await handCountRound1(page);
  await toMeeting(page);
  await addRound(page, MERIT, 3);
  const draft = (await page.getByTestId('draft-candidates').locator('li').allInnerTexts()).map(clean);
  assert.deepEqual(draft, all.filter((_, i) => i !== 1 && i !== 2), 'the draft list leaves out the units round 1 nominated');
  const offList = await page.getByTestId('draft-excluded').innerText();
  assert.ok(offList.includes(all[1]) && offList.includes(all[2]), offList);

  await page.getByTestId('print-papers-link').click();
  await page.getByTestId('papers').waitFor();
  const onPaper = await paperList(page);
  assert.deepEqual(onPaper.map(([, n]) => n), draft);
  assert.deepEqual(onPaper.map(([no]) => no), ['1', '2', '3', '4', '5', '6']);
  await page.getByTestId('papers-print').click();
  await shot(page, 'issue15-round2-papers');
  await page.getByTestId('crumb-trail').click();
  await page.getByTestId('paper-open').waitFor();
  assert.equal(await page.getByTestId('papers-outdated').count(), 0);
  await page.getByTestId('paper-present').fill('8');
  await page.getByTestId('paper-issued').fill('8');
  await page.getByTestId('paper-open').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('paper-round').waitFor();
  await page.getByTestId('pass-1-enter').click();
  await page.getByTestId('entry-pad').waitFor();
  const onPad = await padList(page);
  assert.deepEqual(onPad, onPaper, 'the number printed beside a unit is the key that marks it');
  // The paper's 3 is Cục Cửa khẩu … on the pad too: key 3 marks it.
  await page.keyboard.press(onPaper[2][0]);
  assert.equal(await page.getByTestId('pad-candidate').nth(2).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
});

test('issue 15 defect 2: a later round\'s hand count offers only its candidates and saves', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openSampleMeeting(page);
  await addRound(page, FLAG, 2);
  await handCountRound1(page);
  await toMeeting(page);
  await addRound(page, MERIT, 3);
  const draft = (await page.getByTestId('draft-candidates').locator('li').allInnerTexts()).map(clean);
  const votes = page.getByTestId('hand-votes');
  assert.equal(await votes.count(), 6, 'a field for each candidate only');
  await votes.nth(0).fill('6');
  await votes.nth(2).fill('5');
  await page.getByTestId('hand-collected').fill('8');
  await page.getByTestId('hand-valid').fill('8');
  await page.getByTestId('hand-invalid').fill('0');
  await page.getByTestId('hand-save').click();
  await page.getByTestId('results').waitFor();
  assert.equal(await page.getByTestId('hand-error').count(), 0);
  const text = await page.getByTestId('results').innerText();
  assert.ok(text.includes(draft[0]) && text.includes(draft[2]));
  assert.deepEqual(errors, []);
});

test('issue 15 defect 1: papers printed before a higher round closed ask for a reprint', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openSampleMeeting(page);
  await addRound(page, FLAG, 2);
  await toMeeting(page);
  await addRound(page, MERIT, 3);
  await page.getByTestId('print-papers-link').click();
  await page.getByTestId('papers').waitFor();
  assert.equal((await paperList(page)).length, 8);
  await page.getByTestId('papers-print').click();
  await page.getByTestId('crumb-trail').click();
  await page.getByTestId('paper-open').waitFor();
  await toMeeting(page);
  await toRound(page, 0);
  await handCountRound1(page);
  await toMeeting(page);
  await toRound(page, 1);
  const notice = page.getByTestId('papers-outdated').first();
  await notice.waitFor();
  assert.match(await notice.innerText(), /Danh sách đơn vị đã thay đổi sau khi in phiếu — hãy in lại phiếu/);
  await shot(page, 'issue15-papers-outdated');
  assert.deepEqual(await axeViolations(page), []);
  await page.getByTestId('paper-present').fill('8');
  await page.getByTestId('paper-issued').fill('8');
  await page.getByTestId('paper-open').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  assert.match(await page.getByTestId('paper-open-error').innerText(), /hãy in lại phiếu/);
  assert.equal(await page.getByTestId('paper-round').count(), 0, 'entry did not start');
  await page.getByTestId('reprint-papers-link').first().click();
  await page.getByTestId('papers').waitFor();
  assert.equal((await paperList(page)).length, 6);
  await page.getByTestId('papers-print').click();
  await page.getByTestId('crumb-trail').click();
  await page.getByTestId('paper-open').waitFor();
  assert.equal(await page.getByTestId('papers-outdated').count(), 0);
  await page.getByTestId('paper-present').fill('8');
  await page.getByTestId('paper-issued').fill('8');
  await page.getByTestId('paper-open').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('paper-round').waitFor();
  assert.deepEqual(errors, []);
});
