// Copies the screenshots the e2e run took into a folder for the user guide
// in README.md, scaled to 900 px wide as JPEG so the repository stays small.
// `make e2e` runs it into target/guide/ (a missing screenshot is an error,
// the tree stays clean); `make guide` runs it into docs/guide/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, ROOT, SHOTS } from '../tests/e2e/harness.mjs';

const GUIDE = [
  ['05-home-with-sample', '01-clusters'],
  ['03-cluster', '02-cluster'],
  ['06-sample-year-2024', '03-year'],
  ['31-scores-ranking', '04-scores'],
  ['32-report', '05-report'],
  ['20-booth-operator', '06-booth-operator'],
  ['21-booth-ballot', '07-booth-ballot'],
  ['23-booth-hand-back', '08-booth-hand-back'],
  ['25-results', '09-results'],
  ['41-paper-entry', '10-paper-entry'],
  ['42-paper-differences', '11-paper-differences'],
  ['pdf-vote-minutes-vi-1', '12-vote-minutes'],
  ['61-import-unit-reports', '13-import-unit-reports'],
  ['62-import-conflict', '14-import-conflict'],
  ['65-storage-full', '15-storage-full'],
  ['66-snapshots', '16-snapshots'],
  ['14-single-file', '17-single-file'],
];

const out = resolve(ROOT, process.argv[2] ?? join('target', 'guide'));
mkdirSync(out, { recursive: true });
const missing = GUIDE.filter(([from]) => !existsSync(join(SHOTS, `${from}.png`)));
if (missing.length) {
  console.error(`guide-shots: missing screenshots: ${missing.map(([f]) => f).join(', ')}`);
  process.exit(1);
}
const { context } = await launch();
try {
  const page = await context.newPage();
  for (const [from, to] of GUIDE) {
    const png = readFileSync(join(SHOTS, `${from}.png`)).toString('base64');
    await page.setContent(`<body style="margin:0"><img id="shot" style="width:900px;display:block" src="data:image/png;base64,${png}"></body>`);
    await page.locator('#shot').screenshot({ path: join(out, `${to}.jpg`), type: 'jpeg', quality: 70 });
  }
  console.log(`guide-shots: ${GUIDE.length} screenshots in ${out}`);
} finally {
  await context.close();
}
