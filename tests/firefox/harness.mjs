// Shared set-up of the Firefox flows: Debian's Firefox ESR driven by
// puppeteer-core over WebDriver BiDi (no browser download), the built dist/
// served on 127.0.0.1 (scripts/serve.mjs) or opened as dist/thidua.html from
// file://. The data-testids are the ones the Playwright flows in tests/e2e use.
import puppeteer from 'puppeteer-core';
import { before, after } from 'node:test';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { DIST, ROOT, serve } from '../common.mjs';

export { ROOT };
export const SINGLE_FILE_URL = pathToFileURL(join(DIST, 'thidua.html')).href;
export const SHOTS = join(ROOT, 'target', 'firefox');
const DOWNLOADED = join(SHOTS, 'downloads');
mkdirSync(DOWNLOADED, { recursive: true });
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** A Firefox with a fresh profile of its own; downloads land in
 * `downloads` without a dialog. Closed by `close()`. */
export async function launchBrowser({ locale = 'vi-VN' } = {}) {
  const downloads = mkdtempSync(join(tmpdir(), 'thidua-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'intl.accept_languages': locale,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv,text/plain',
      'browser.download.manager.showWhenStarting': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const close = async () => { await browser.close(); rmSync(downloads, { recursive: true, force: true }); };
  return { browser, downloads, close };
}

/** What the tests of a file share, set up in its top level: the app served
 * on 127.0.0.1 and one Firefox (launching one takes seconds). `firefox()`
 * gives the browser to a test, `url(how)` the app's address opened the way
 * `how` (one of WAYS), `label(how)` its name in a test's title. */
export function setUp() {
  let server;
  let launched;
  before(async () => { [server, launched] = await Promise.all([serve(), launchBrowser()]); });
  after(async () => { server?.stop(); await launched?.close(); });
  return {
    firefox: () => launched,
    url: (how) => (how === 'served' ? server.url : SINGLE_FILE_URL),
    label: (how) => (how === 'served' ? 'served' : 'file://'),
  };
}

/** A fresh browsing context (storage of its own, as a new profile has) in
 * `firefox`, closed when test `t` ends; console errors and page errors of
 * its pages are collected in `errors`. */
export async function openContext(t, firefox) {
  const context = await firefox.browser.createBrowserContext();
  t.after(() => context.close());
  const errors = [];
  const newPage = async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    return page;
  };
  return { context, errors, newPage, downloads: firefox.downloads };
}

/** A page of a fresh context at `url`, the app mounted. */
export async function openApp(t, firefox, url) {
  const ctx = await openContext(t, firefox);
  const page = await ctx.newPage();
  await page.goto(url);
  await ready(page);
  return { ...ctx, page };
}

/** The CSS selector of a data-testid. */
export const tid = (id) => `[data-testid="${id}"]`;

/** Waits for the `n`th element with `id` (visible) and returns it. */
export async function el(page, id, n = 0) {
  if (n === 0) return page.waitForSelector(tid(id), { visible: true });
  await page.waitForFunction((s, i) => document.querySelectorAll(s).length > i, {}, tid(id), n);
  return (await page.$$(tid(id)))[n];
}

export async function click(page, id, n = 0) {
  await (await el(page, id, n)).click();
}

/** Types `value` into an input over what it held, with Firefox's own
 * keyboard events; a date input (whose typing follows the locale) gets its
 * value set, with the input and change events typing sends. */
export async function fill(page, id, value, n = 0) {
  const handle = await el(page, id, n);
  const typed = await handle.evaluate((input, v) => {
    if (input.type !== 'date') { input.focus(); input.select(); return true; }
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return false;
  }, value);
  if (!typed) return;
  if (value === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(value);
}

export async function text(page, id, n = 0) {
  return (await el(page, id, n)).evaluate((e) => e.innerText);
}

export async function texts(page, id) {
  return page.$$eval(tid(id), (all) => all.map((e) => e.innerText));
}

export async function count(page, id) {
  return (await page.$$(tid(id))).length;
}

export async function waitFor(page, id) {
  await page.waitForSelector(tid(id), { visible: true });
}

export async function gone(page, id) {
  await page.waitForSelector(tid(id), { hidden: true });
}

/** Waits until element `id` holds text matching `re`. */
export async function waitText(page, id, re) {
  await page.waitForFunction((s, src, flags) => [...document.querySelectorAll(s)].some((e) => new RegExp(src, flags).test(e.innerText)), {}, tid(id), re.source, re.flags);
}

/** Ticks the checkbox whose label is exactly `name` (a ballot's choice). */
export async function checkLabel(page, name) {
  const ok = await page.evaluate((n) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.innerText.trim() === n);
    const box = label && (label.control ?? label.querySelector('input[type=checkbox]'));
    if (!box) return false;
    if (!box.checked) box.click();
    return box.checked;
  }, name);
  if (!ok) throw new Error(`no checkbox labelled ${name}`);
}

/** Waits until the app has mounted (the header is there). */
export async function ready(page) {
  await waitFor(page, 'brand');
}

/** Reloads the page and waits for the app. */
export async function reload(page) {
  await page.reload();
  await ready(page);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Clicks `id` and waits for the file it downloads into `dir`: the one new
 * file whose size holds still (Firefox writes a `.part` first). The file is
 * moved out of `dir` unless `leave`, so that the next download of the same
 * name keeps it (Firefox names a second one `x.thidua(2).json`). */
export async function download(page, id, dir, { leave = false } = {}) {
  const before = new Set(readdirSync(dir));
  await click(page, id);
  const deadline = Date.now() + 20_000;
  let last = -1;
  for (;;) {
    const fresh = readdirSync(dir).filter((f) => !before.has(f));
    const done = fresh.filter((f) => !f.endsWith('.part'));
    if (done.length === 1 && !fresh.some((f) => f.endsWith('.part'))) {
      const path = join(dir, done[0]);
      const size = statSync(path).size;
      if (size > 0 && size === last) {
        if (leave) return { name: done[0], path };
        const kept = join(mkdtempSync(join(DOWNLOADED, 'file-')), done[0]);
        renameSync(path, kept);
        return { name: done[0], path: kept };
      }
      last = size;
    }
    if (Date.now() > deadline) throw new Error(`no download arrived in ${dir} after clicking ${id}: ${fresh.join(', ')}`);
    await new Promise((ok) => { setTimeout(ok, 100); });
  }
}

/** From the start page: loads the sample and creates its 2024 meeting with a place and a date. */
export async function openSampleMeeting(page) {
  await click(page, 'load-sample');
  await click(page, 'year-link');
  await click(page, 'meeting-link');
  await click(page, 'create-meeting');
  await waitFor(page, 'meeting-title');
  await fill(page, 'meeting-place', 'Hà Nội');
  await fill(page, 'meeting-date', '2024-10-03');
  await click(page, 'save-meeting');
  await waitFor(page, 'meeting-saved');
}

/** The two ways the app is opened: served by scripts/serve.mjs, and the single file from file://. */
export const WAYS = ['served', 'file'];
