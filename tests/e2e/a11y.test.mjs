// Accessibility: axe-core (WCAG 2.1 A and AA rules) on every screen and
// dialog of the app, in Vietnamese and in English: zero violations. The
// document's `lang` follows the language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { download, shot, openApp, serve, openSampleMeeting, handCountFlagRound } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

/** Runs axe on the page as it is; returns its violations, named. */
async function audit(page, name, found) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, TAGS);
  for (const v of violations) found.push(`${name}: ${v.id} (${v.impact}) at ${v.nodes.join(' | ')}`);
}

/** Every screen and dialog, in the language the page is in. */
async function walk(page, lang) {
  const found = [];
  const check = (name) => audit(page, `${lang} ${name}`, found);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
  await check('home, empty');
  await page.getByTestId('nav-units').click();
  await check('units, empty');
  await page.getByTestId('nav-files').click();
  await check('files, empty');
  await page.getByTestId('nav-clusters').click();
  await page.evaluate(() => { location.hash = '#/no/such/page'; });
  await page.getByTestId('not-found').waitFor();
  await check('not found');
  await page.getByTestId('nav-clusters').click();
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await check('meeting');
  await handCountFlagRound(page);
  await check('results (hand count)');
  await page.getByTestId('vote-minutes-link').click();
  await page.getByTestId('document').waitFor();
  await check('vote-count minutes');
  await page.goBack();
  await page.goBack();
  await page.getByTestId('meeting-files').waitFor();
  await page.getByTestId('meeting-minutes-link').click();
  await page.getByTestId('document').waitFor();
  await check('meeting minutes');
  await page.goBack();
  // The nomination dossier (issue 16): its forms, the missing recipient
  // flagged, then the bundle once a recipient is kept.
  await page.getByTestId('dossier-link').click();
  await page.getByTestId('dossier-gaps').waitFor();
  await page.getByTestId('dossier-unit-name').first().click();
  await check('dossier, recipient missing');
  await page.getByTestId('dossier-recipient').fill('Hội đồng Thi đua - Khen thưởng Bộ đội Biên phòng');
  await page.getByTestId('dossier-letter-save').click();
  await page.getByTestId('dossier').waitFor();
  await check('dossier');
  await page.goBack();
  await page.getByTestId('meeting-files').waitFor();
  // A booth round: operator, ballot, review, hand-back.
  await page.getByTestId('round-award').fill('Bằng khen');
  await page.getByTestId('round-quota').fill('2');
  await page.getByTestId('add-round').click();
  await page.getByTestId('round-title').waitFor();
  await check('round, draft (booth and paper forms)');
  await page.getByTestId('open-pin').fill('2468');
  await page.getByTestId('open-round').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('roll').waitFor();
  const boxes = page.getByTestId('roll-present');
  for (let i = 0; i < await boxes.count(); i += 1) await boxes.nth(i).check();
  await check('booth operator');
  await page.getByTestId('roll-row').nth(0).getByTestId('give-ballot').click();
  await page.getByTestId('ballot').waitFor();
  await check('ballot');
  await page.getByTestId('review-ballot').click();
  await check('ballot review');
  await page.getByTestId('confirm-ballot').click();
  await page.getByTestId('hand-back').waitFor();
  await check('hand-back');
  await page.getByTestId('unlock-pin').fill('2468');
  await page.getByTestId('unlock').click();
  await page.getByTestId('roll').waitFor();
  await page.getByTestId('close-round').click();
  await check('close confirmation');
  await page.getByTestId('close-confirm').click();
  await page.getByTestId('results').waitFor();
  await check('results (booth)');
  // The higher council (issue 17): its list, a year with the meeting's
  // results file received, a fingerprint refused, the summary.
  await page.getByTestId('crumb-meeting').click();
  const results = await download(page, 'export-results');
  await page.getByTestId('nav-council').click();
  await page.getByTestId('council').waitFor();
  await check('council, empty');
  await page.getByTestId('council-name').fill('Bộ Tư lệnh Bộ đội Biên phòng');
  await page.getByTestId('council-year').fill('2024');
  await page.getByTestId('council-create').click();
  await page.getByTestId('council-title').waitFor();
  await page.getByTestId('council-files').setInputFiles(results.path);
  await page.getByTestId('council-row').first().waitFor();
  await page.getByTestId('council-paper-input').fill('0000-0000-0000-0000');
  await page.getByTestId('council-paper-check').click();
  await page.getByTestId('council-file-paper').filter({ hasText: /KHÔNG KHỚP|DOES NOT MATCH/ }).waitFor();
  await check('council year');
  await page.getByTestId('council-summary-link').click();
  await page.getByTestId('document').waitFor();
  await check('council summary');
  // Scores, reports and their documents.
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-link').click();
  await check('cluster');
  await page.getByTestId('history-link').click();
  await check('history');
  await page.goBack();
  await page.getByTestId('year-link').click();
  await check('year');
  await page.getByTestId('delete-year').click();
  await check('delete confirmation');
  await page.getByTestId('delete-year-cancel').click();
  await page.getByTestId('scores-link').click();
  await page.getByTestId('ranking').waitFor();
  await check('scores');
  await page.getByTestId('score-table-link').click();
  await page.getByTestId('document').waitFor();
  await check('score table');
  await page.goBack();
  await page.getByTestId('achievements-link').click();
  await page.getByTestId('document').waitFor();
  await check('achievement summary');
  await page.goBack();
  // Files: an import preview with records side by side.
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-link').click();
  const file = await download(page, 'export-cluster');
  await page.getByTestId('edit-cluster-notes').fill('Ghi chú khác');
  await page.getByTestId('save-cluster').click();
  await page.getByTestId('nav-files').click();
  await page.getByTestId('import-file').setInputFiles(file.path);
  await page.getByTestId('import-differs').waitFor();
  await check('import preview');
  await shot(page, `68-import-preview-${lang}`);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('snapshot').first().waitFor();
  await check('files with snapshots');
  await shot(page, `69-files-${lang}`);
  await page.getByTestId('import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await page.getByTestId('import-errors').waitFor();
  await check('import error');
  await page.getByTestId('nav-units').click();
  await check('units');
  await page.getByTestId('edit-unit').first().click();
  await page.getByTestId('edit-unit-form').waitFor();
  await check('unit edit form');
  // Banners: a record set aside at start-up, a save refused by a full
  // storage, a change made in another tab.
  await page.evaluate(() => localStorage.setItem('thidua.unit.1', '{"version":2,"data":'));
  await page.reload();
  await page.getByTestId('set-aside').waitFor();
  await check('set-aside banner');
  await page.getByTestId('dismiss-set-aside').click();
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size > 0) { try { localStorage.setItem(`filler.${n}`, "x".repeat(size)); n += 1; } catch { size = Math.floor(size / 2); } }
  });
  await page.getByTestId('edit-unit').first().click();
  await page.getByTestId('edit-unit-commander').fill('Đại tá Nguyễn Văn C');
  await page.getByTestId('save-unit').click();
  await page.getByTestId('save-error').waitFor({ timeout: 5000 }).catch(async (e) => { await shot(page, `dbg-a11y-${lang}`); throw e; });
  await check('save-error banner');
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
  await page.getByTestId('retry-save').click();
  await page.getByTestId('save-error').waitFor({ state: 'detached' });
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByTestId('edit-unit').first().click();
  await other.getByTestId('edit-unit-contact').fill('0987 654 321');
  await other.getByTestId('save-unit').click();
  await other.getByTestId('unit-saved').waitFor();
  await other.close();
  await page.getByTestId('notice').waitFor();
  await check('notice banner');
  await page.getByTestId('dismiss-notice').click();
  // Paper ballots.
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-link').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('round-award').fill('Giấy khen');
  await page.getByTestId('round-quota').fill('2');
  await page.getByTestId('add-round').click();
  await page.getByTestId('paper-present').fill('8');
  await page.getByTestId('paper-issued').fill('8');
  await page.getByTestId('paper-open').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('paper-round').waitFor();
  await check('paper round');
  await page.getByTestId('pass-1-enter').click();
  await page.getByTestId('entry-pad').waitFor();
  await check('paper entry pad');
  await page.goBack();
  await page.getByTestId('paper-round').waitFor();
  const papers = page.locator('a[href$="/papers"]').first();
  if (await papers.count()) {
    await papers.click();
    await check('ballot papers');
    await page.goBack();
  }
  const log = page.locator('a[href$="/log"]').first();
  if (await log.count()) {
    await log.click();
    await check('entry log');
    await page.goBack();
  }
  return found;
}

for (const lang of ['vi', 'en']) {
  test(`every screen passes axe (WCAG 2.1 AA) in ${lang === 'vi' ? 'Vietnamese' : 'English'}`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    const found = await walk(page, lang);
    assert.deepEqual(found, [], `${found.length} violations:\n${found.join('\n')}`);
    assert.deepEqual(errors, []);
  });
}
