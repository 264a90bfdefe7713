// Paper entry through the built app in headless Chromium: 500 ballots
// entered by keyboard in two passes, then the round closed and tallied.
// Prints keystrokes per ballot and the times; asserts nothing about them.
import { performance } from 'node:perf_hooks';
import { launch, serve, ready, openSampleMeeting } from '../tests/e2e/harness.mjs';

const BALLOTS = Number(process.env.BALLOTS ?? 500);
const KEYS = '12345678';

// A fixed pseudo-random pile: 0–4 marks among the 8 sample units.
function pile() {
  let seed = 20241003;
  // xorshift32: exact in 32-bit integers.
  const next = () => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return seed >>> 0; };
  return Array.from({ length: BALLOTS }, () => {
    const marks = new Set();
    const n = next() % 5;
    while (marks.size < n) marks.add(KEYS[next() % 8]);
    return [...marks];
  });
}

const server = await serve();
const { context } = await launch();
try {
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await openSampleMeeting(page);
  // 500 named delegates, written into the stored meeting (typing them would
  // measure the delegate form, not paper entry).
  await page.evaluate((n) => {
    const units = Object.keys(localStorage).filter((k) => k.startsWith('thidua.unit.')).map((k) => Number(k.slice(12)));
    const key = Object.keys(localStorage).find((k) => k.startsWith('thidua.meeting.'));
    const record = JSON.parse(localStorage.getItem(key));
    record.data.voters = { delegates: { list: Array.from({ length: n }, (_, i) => ({ id: 900000 + i, name: `Đại biểu ${i + 1}`, unit: units[i % units.length] })) } };
    localStorage.setItem(key, JSON.stringify(record));
  }, BALLOTS);
  await page.reload();
  await ready(page);
  await page.getByTestId('round-award').fill('Cờ thi đua');
  await page.getByTestId('round-quota').fill('4');
  await page.getByTestId('add-round').click();
  await page.getByTestId('paper-present').fill(String(BALLOTS));
  await page.getByTestId('paper-issued').fill(String(BALLOTS));
  await page.getByTestId('paper-open').click();
  await page.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await page.getByTestId('paper-round').waitFor();

  const ballots = pile();
  const times = [];
  let keystrokes = 0;
  for (const pass of [1, 2]) {
    await page.getByTestId(`pass-${pass}-enter`).click();
    await page.getByTestId('entry-pad').waitFor();
    const start = performance.now();
    for (const [i, keys] of ballots.entries()) {
      if (process.env.PROGRESS && i % 10 === 0) console.error(`pass ${pass} ballot ${i}: ${(performance.now() - start).toFixed(0)} ms`);
      for (const key of keys) await page.keyboard.press(key);
      await page.keyboard.press('Enter');
      keystrokes += keys.length + 1;
    }
    await page.waitForFunction((n) => document.querySelector('[data-testid=entry-number]')?.textContent === String(n + 1), BALLOTS);
    times.push(performance.now() - start);
    await page.getByTestId('entry-finish').click();
    await page.getByTestId('paper-round').waitFor();
  }
  const closeStart = performance.now();
  await page.getByTestId('paper-close').click();
  await page.getByTestId('results').waitFor();
  const closeMs = performance.now() - closeStart;
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('thidua.meeting.'));
    return localStorage.getItem(key).length;
  });
  const marks = ballots.reduce((n, b) => n + b.length, 0);
  console.log(`paper entry: ${BALLOTS} ballots × 2 passes, ${(marks / BALLOTS).toFixed(2)} marks per ballot`);
  console.log(`  keystrokes per ballot: ${(keystrokes / (2 * BALLOTS)).toFixed(2)} (one per mark + Enter)`);
  times.forEach((ms, i) => console.log(`  pass ${i + 1}: ${(ms / 1000).toFixed(2)} s, ${(ms / BALLOTS).toFixed(1)} ms per ballot (includes Playwright's key delivery)`));
  console.log(`  close + tally + results on screen: ${closeMs.toFixed(0)} ms`);
  console.log(`  stored meeting record: ${(stored / 1024).toFixed(1)} KB`);
} finally {
  await context.close();
  server.stop();
}
