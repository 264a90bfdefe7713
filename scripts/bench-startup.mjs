// Start-up to interactive in headless Chromium, for an empty store and for
// the large workspace (20 clusters × 10 years × 15 units with scores,
// reports and ballots, written by `cargo run --example bench_files` to
// target/bench/large-workspace.json), and the time of the heaviest screens.
// Prints medians; asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, ready, ROOT } from '../tests/e2e/harness.mjs';
import { FIRST_SCREEN_WATCH } from '../tests/common.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;


async function startup(page, url) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    await page.goto(url);
    await ready(page);
    await page.waitForFunction(() => window.__ready !== null);
    times.push(await page.evaluate(() => window.__ready));
  }
  return median(times);
}

/** Time from setting the hash to `selector` being on screen, median of RUNS. */
async function screen(page, hash, selector) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    await page.evaluate(() => { location.hash = '#/'; });
    await page.getByTestId('cluster-list').waitFor();
    times.push(await page.evaluate(([h, s]) => new Promise((done) => {
      const start = performance.now();
      location.hash = h;
      const check = () => (document.querySelector(s) ? done(performance.now() - start) : requestAnimationFrame(check));
      check();
    }), [hash, selector]));
  }
  return median(times);
}

const server = await serve();
const { context } = await launch();
try {
  await context.addInitScript(FIRST_SCREEN_WATCH);
  const page = await context.newPage();
  const empty = await startup(page, server.url);
  const records = JSON.parse(readFileSync(join(ROOT, 'target', 'bench', 'large-workspace.json'), 'utf8'));
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, records);
  const units = Object.values(records).reduce((n, v) => n + v.length, 0) + Object.keys(records).reduce((n, k) => n + k.length, 0);
  const large = await startup(page, server.url);
  const cluster = Object.keys(records).find((k) => k.startsWith('thidua.cluster.')).slice('thidua.cluster.'.length);
  const screens = [
    ['units (300)', '#/units', '[data-testid=unit-row]'],
    ['cluster', `#/clusters/${cluster}`, '[data-testid=year-row]'],
    ['history (10 years)', `#/clusters/${cluster}/history`, '[data-testid=history-row]'],
    ['scores 2024 (15 units)', `#/clusters/${cluster}/years/2024/scores`, '[data-testid=rank-row]'],
    ['meeting 2024', `#/clusters/${cluster}/years/2024/meeting`, '[data-testid=meeting-title]'],
  ];
  const timed = [];
  for (const [name, hash, selector] of screens) timed.push([name, await screen(page, hash, selector)]);
  const heaviest = timed.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`start-up to interactive (median of ${RUNS}, headless Chromium):`);
  console.log(`  empty store:      ${ms(empty)}`);
  console.log(`  large workspace:  ${ms(large)}  (${(units / 1048576).toFixed(2)} MB stored of the 5 MB quota; budget 500 ms ${large <= 500 ? 'met' : 'MISSED'})`);
  for (const [name, t] of timed) console.log(`  screen ${name.padEnd(24)} ${ms(t)}`);
  console.log(`  heaviest screen: ${heaviest[0]}, ${ms(heaviest[1])}`);
} finally {
  await context.close();
  server.stop();
}
