// Shared set-up of the browser flows: Debian's Chromium through
// playwright-core, the built dist/ served on 127.0.0.1, screenshots under
// target/screenshots/.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const SINGLE_FILE_URL = pathToFileURL(join(DIST, 'thidua.html')).href;
export const SHOTS = join(ROOT, 'target', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--allow-file-access-from-files',
];

// The profiles go when the test process ends (Chromium still writes into
// one for a moment after its context closes): a run of the suite leaves
// none behind in the temporary directory. A profile that cannot be removed
// then is only left in the temporary directory.
const profiles = [];
process.on('exit', () => {
  for (const dir of profiles) {
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* left in the temporary directory */ }
  }
});

/** A browser with a fresh profile; `persistent` keeps storage across pages of one test.
 * `locale` is the browser's own language (Vietnamese unless told, e.g. 'en-US'). */
export async function launch({ locale = 'vi-VN' } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'thidua-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: locale === 'vi-VN' ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, `--lang=${locale}`],
    viewport: { width: 1280, height: 900 },
    locale,
  });
  profiles.push(userDataDir);
  const errors = [];
  context.on('page', (page) => watch(page, errors));
  for (const page of context.pages()) watch(page, errors);
  return { context, errors };
}

function watch(page, errors) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
}

export { serve } from '../common.mjs';

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the app has mounted (the header is there). */
export async function ready(page) {
  await page.getByTestId('brand').waitFor();
}

/** A fresh browser profile with the app open at `url`; it closes when test `t` ends. */
export async function openApp(t, url, options) {
  const { context, errors } = await launch(options);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  return { page, errors };
}

/** From the start page: loads the sample and creates its 2024 meeting; with `place` and `date`, saves them. */
export async function openSampleMeeting(page, { place, date } = {}) {
  await page.getByTestId('load-sample').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('meeting-link').click();
  await page.getByTestId('create-meeting').click();
  await page.getByTestId('meeting-title').waitFor();
  if (place !== undefined || date !== undefined) {
    await page.getByTestId('meeting-place').fill(place ?? '');
    await page.getByTestId('meeting-date').fill(date ?? '');
    await page.getByTestId('save-meeting').click();
    await page.getByTestId('meeting-saved').waitFor();
  }
}

/** On a new meeting's page: adds the flag round (quota 4) and counts it by
 * hand with the reference meeting's figures (8 ballots, CCT and CTS 8, CCK
 * and CHC 7); waits for the results. */
export async function handCountFlagRound(page) {
  await page.getByTestId('round-award').fill('Cờ thi đua của Bộ Tư lệnh BĐBP');
  await page.getByTestId('round-quota').fill('4');
  await page.getByTestId('add-round').click();
  const votes = page.getByTestId('hand-votes');
  for (const [i, n] of ['1', '8', '8', '1', '7', '7', '0', '0'].entries()) await votes.nth(i).fill(n);
  await page.getByTestId('hand-collected').fill('8');
  await page.getByTestId('hand-valid').fill('8');
  await page.getByTestId('hand-invalid').fill('0');
  await page.getByTestId('hand-save').click();
  await page.getByTestId('results').waitFor();
}

/** Clicks `testid` and saves the download it starts under target/screenshots/. */
export async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(SHOTS, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it is, each named by rule and place. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Waits until `read()` gives `expected` (the screen updates after an effect); fails with the last value. */
export async function settles(read, expected, what) {
  let last;
  for (let i = 0; i < 40; i++) {
    last = await read();
    if (last === expected) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.equal(last, expected, what);
}

/** Prints the page to an A4 PDF as the browser's print would (print media,
 * the CSS page size), saves it as target/screenshots/<name>.pdf, rasterises
 * each page to pdf-<name>-NN.png to be looked at (poppler-utils), and returns
 * each page's text (pdftotext -layout). */
export async function printPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const path = join(SHOTS, `${name}.pdf`);
  writeFileSync(path, pdf);
  for (const old of readdirSync(SHOTS).filter((f) => f.startsWith(`pdf-${name}-`))) rmSync(join(SHOTS, old));
  execFileSync('pdftoppm', ['-r', '60', '-png', path, join(SHOTS, `pdf-${name}`)]);
  const images = readdirSync(SHOTS).filter((f) => f.startsWith(`pdf-${name}-`) && f.endsWith('.png'));
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
  assert.equal(images.length, pages.length, `${name}: one image per PDF page`);
  return pages;
}

// Booth voting on the operator's page (booth.test.mjs, hall.test.mjs).

/** The PIN the booth flows open their rounds with. */
export const BOOTH_PIN = '2468';

/** Ticks every voter of the open booth round present; the quorum is then met. */
export async function markAllPresent(page) {
  const boxes = page.getByTestId('roll-present');
  const n = await boxes.count();
  for (let i = 0; i < n; i += 1) {
    // Before quorum, nobody can get a ballot.
    await boxes.nth(i).check();
  }
  // The last tick reaches the summary after a render: wait for it, then
  // check it says the quorum is met.
  const state = page.getByTestId('quorum-state');
  await state.filter({ hasText: /^(đủ|met)$/ }).waitFor({ timeout: 5000 }).catch(() => {});
  const quorum = await state.innerText();
  if (quorum !== 'đủ' && quorum !== 'met') throw new Error(`quorum not met: ${quorum}`);
}

/** The operator gives the ballot to roll row `row`; the delegate votes for `names`
 * (`ticked`, if given, runs once they are ticked, before the ballot is reviewed). */
export async function castBallot(page, row, names, pin = BOOTH_PIN, ticked = async () => {}) {
  await page.getByTestId('roll-row').nth(row).getByTestId('give-ballot').click();
  await page.getByTestId('ballot').waitFor();
  for (const name of names) {
    await page.getByRole('checkbox', { name, exact: true }).check();
  }
  await ticked();
  await page.getByTestId('review-ballot').click();
  await page.getByTestId('confirm-ballot').click();
  await page.getByTestId('hand-back').waitFor();
  await page.getByTestId('unlock-pin').fill(pin);
  await page.getByTestId('unlock').click();
  await page.getByTestId('roll').waitFor();
}

/** Closes the open booth round from the operator's screen; waits for the results. */
export async function closeRound(page) {
  await page.getByTestId('close-round').click();
  await page.getByTestId('close-confirm').click();
  await page.getByTestId('results').waitFor();
}
