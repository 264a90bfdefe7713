// Start-up beside its floor (issue 19): thidua (dist/) and the floor app
// (bench/floor, built into target/floor-dist by `make bench`), loaded
// alternately in one headless Chromium, cold cache (the browser's cache
// cleared before every load and disabled), service worker bypassed, at CPU
// ×1 and ×4 (DevTools' Emulation.setCPUThrottlingRate), for an empty store,
// the sample and the large workspace (target/bench/large-workspace.json,
// written by `cargo run --example bench_files`). Each figure is the median
// of RUNS loads from navigation start to the first screen's content (the
// cluster list or its empty line). Then a breakdown of thidua's own
// start-up at ×4 from the performance timeline. Prints; asserts nothing.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, serve, ready, ROOT } from '../tests/e2e/harness.mjs';
import { FIRST_SCREEN_WATCH } from '../tests/common.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`.padStart(7);


/** The sample's records, as thidua stores them after "Load sample data". */
async function sampleRecords(page, url) {
  await page.goto(url);
  await ready(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('cluster-title').waitFor();
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('thidua.') && !k.startsWith('thidua.lock.') && !k.startsWith('thidua.snapshot.'))
    .map((k) => [k, localStorage.getItem(k)])));
}

/** The cluster names of `records`, one a line: what the floor app lists. */
function floorList(records) {
  return Object.entries(records)
    .filter(([k]) => k.startsWith('thidua.cluster.'))
    .map(([, v]) => JSON.parse(v).data.name)
    .join('\n');
}

async function put(page, url, records) {
  await page.goto(url);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, records);
}

async function load(page, cdp, url) {
  await cdp.send('Network.clearBrowserCache');
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 60000 });
  return page.evaluate(() => window.__ready);
}

/** thidua's start-up in steps, from the last load's performance timeline. */
async function breakdown(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const end = (suffix) => res.find((r) => r.name.split('?')[0].endsWith(suffix))?.responseEnd ?? NaN;
    const mark = (name) => performance.getEntriesByName(`thidua:${name}`)[0]?.startTime ?? NaN;
    return {
      html: nav.responseEnd,
      js: end('.js'),
      wasm: end('.wasm'),
      main: mark('main'),
      recordsRead: mark('records-read'),
      workspaceBuilt: mark('workspace-built'),
      storeOpened: mark('store-opened'),
      storeReady: mark('store-ready'),
      mounted: mark('mounted'),
      ready: window.__ready,
    };
  });
}

// THIDUA_DIST: another build of thidua to measure (a dist/ directory), e.g. the
// one before a change, beside the same floor.
const thidua = await serve(process.env.THIDUA_DIST ? resolve(ROOT, process.env.THIDUA_DIST) : undefined);
const floor = await serve(join(ROOT, 'target', 'floor-dist'));
const { context } = await launch();
try {
  await context.addInitScript(FIRST_SCREEN_WATCH);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });

  const sample = await sampleRecords(page, thidua.url);
  const large = JSON.parse(readFileSync(join(ROOT, 'target', 'bench', 'large-workspace.json'), 'utf8'));
  const sets = [['empty store', {}], ['sample', sample], ['large workspace', large]];

  console.log(`start-up beside the floor app (median of ${RUNS} cold loads each, alternately, headless Chromium):`);
  console.log(`  ${'data'.padEnd(16)} ${'CPU'.padEnd(4)} ${'thidua'.padStart(7)} ${'floor'.padStart(7)}  ratio`);
  let steps = null;
  for (const [name, records] of sets) {
    await put(page, thidua.url, records);
    await put(page, floor.url, { ...records, 'thidua.floor': floorList(records) });
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const times = { thidua: [], floor: [] };
      for (let i = 0; i < RUNS; i += 1) {
        times.thidua.push(await load(page, cdp, thidua.url));
        if (rate === 4 && i === RUNS - 1) steps = { ...(steps ?? {}), [name]: await breakdown(page) };
        times.floor.push(await load(page, cdp, floor.url));
      }
      const [a, b] = [median(times.thidua), median(times.floor)];
      console.log(`  ${name.padEnd(16)} ×${String(rate).padEnd(3)} ${ms(a)} ${ms(b)}  ${(a / b).toFixed(2)}×`);
    }
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  console.log('thidua start-up at CPU ×4, step by step (one load; ms from navigation start, and each step\'s own time):');
  for (const [name, s] of Object.entries(steps)) {
    const rows = [
      ['HTML received', s.html, s.html],
      ['JS received', s.js, s.js - s.html],
      ['wasm received', s.wasm, s.wasm - s.js],
      ['wasm compiled, instantiated, main() runs', s.main, s.main - Math.max(s.wasm, s.js)],
      ['stored records read and decoded', s.recordsRead, s.recordsRead - s.main],
      ['workspace built and checked whole', s.workspaceBuilt, s.workspaceBuilt - s.recordsRead],
      ['store opened (locks, set-aside)', s.storeOpened, s.storeOpened - s.workspaceBuilt],
      ['first save check (retry_save)', s.storeReady, s.storeReady - s.storeOpened],
      ['first screen rendered and mounted', s.mounted, s.mounted - s.storeReady],
      ['first screen\'s content seen', s.ready, s.ready - s.mounted],
    ];
    console.log(`  ${name}:`);
    for (const [what, at, own] of rows) console.log(`    ${what.padEnd(42)} ${ms(at)} ${ms(own)}`);
  }
} finally {
  await context.close();
  thidua.stop();
  floor.stop();
}
