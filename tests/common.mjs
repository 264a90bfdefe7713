// What the browser flows share whatever drives the browser (Playwright in
// tests/e2e, puppeteer-core in tests/firefox): no dependency but Node. The
// page helpers take any page with `evaluate(fn)`.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');

/** Serves `dir` (dist/ unless told) on a free loopback port; returns its URL and a stop(). */
export async function serve(dir = DIST) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    child.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (match) ok(match[0]);
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

/** Canonical JSON as the app hashes it: keys sorted, no spaces. */
export function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** The app's live records (not snapshots, locks or the tab's settings). */
export async function liveRecords(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => /^thidua\.(unit|cluster|meeting)\./.test(k))
    .sort()
    .map((k) => [k, localStorage.getItem(k)])));
}

/** Fills localStorage to within a few characters of its quota. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size > 4) { try { localStorage.setItem(`filler.${n}`, 'x'.repeat(size)); n += 1; } catch { size = Math.floor(size / 2); } }
  });
}

/** Frees what fillStorage took. */
export async function freeStorage(page) {
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
}

/** The cluster record's data as stored. */
export async function storedCluster(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('thidua.cluster.'));
    return JSON.parse(localStorage.getItem(key)).data;
  });
}

/** A page init script for the start-up benchmarks: records in
 * `window.__ready` when the first screen's content is there (the cluster
 * list or its empty line), in ms from navigation start. */
export const FIRST_SCREEN_WATCH = `
  window.__ready = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=cluster-row], [data-testid=no-clusters]')) {
      window.__ready = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;
