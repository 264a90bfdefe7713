// The council's scale (issue 17): 60 generated clusters' results files
// (8–15 units each, a closed booth round), written by the core's
// `council_files` example, received at once through the council screen in
// headless Chromium. Prints the median time from handing the files to the
// file input to the 60th row of the consolidated table on screen (read,
// verified, consolidated, stored, drawn), and the council-year's stored
// size against the browser's quota. Asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, ready, ROOT } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const CLUSTERS = 60;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-council-'));
execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'thidua-core', '--example', 'council_files', '--', dir, String(CLUSTERS)], { cwd: ROOT, stdio: 'inherit' });
const files = readdirSync(dir).filter((f) => f.endsWith('.thidua.json')).map((f) => join(dir, f));

const server = await serve();
const { context } = await launch();
const page = await context.newPage();
const times = [];
let stored = 0;
try {
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto(server.url);
    await ready(page);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${server.url}#/council`);
    await ready(page);
    await page.getByTestId('council-name').fill('Bộ Tư lệnh Bộ đội Biên phòng');
    await page.getByTestId('council-year').fill('2024');
    await page.getByTestId('council-create').click();
    await page.getByTestId('council-title').waitFor();
    const input = page.getByTestId('council-files');
    const t0 = await page.evaluate(() => performance.now());
    await input.setInputFiles(files);
    await page.getByTestId('council-row').nth(CLUSTERS - 1).waitFor({ timeout: 60_000 });
    const t1 = await page.evaluate(() => performance.now());
    times.push(t1 - t0);
    stored = await page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('thidua.council.'))
      .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  }
} finally {
  await context.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
const quota = 5 * 1024 * 1024;
console.log(`council: ${CLUSTERS} results files read, verified, consolidated and drawn: median ${median(times).toFixed(0)} ms of ${RUNS} runs`);
console.log(`council: stored council-year ${(stored / 1024).toFixed(1)} K UTF-16 units = ${(100 * stored / quota).toFixed(2)} % of the 5 MiB quota`);
