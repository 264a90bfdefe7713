// Prints the release sizes of dist/: raw, gzip -9 and brotli (quality 11),
// per file and for the app as served (wasm + JS + CSS + index.html).
// With --check (as `make test` runs it) it exits 1 when the app as served is
// above the ceiling, so the size cannot creep. The ceiling is the size last
// measured plus a small margin; an issue that adds screens raises it by what
// they measurably cost and says so in its note.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const CEILING_GZIP = 745 * 1024;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const measure = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile()).sort();
console.log(`${'file'.padEnd(22)}${'raw'.padStart(11)}${'gzip -9'.padStart(11)}${'brotli'.padStart(11)}`);
const served = { raw: 0, gzip: 0, brotli: 0 };
for (const file of files) {
  const size = measure(readFileSync(join(dist, file)));
  console.log(`${file.padEnd(22)}${kb(size.raw)}${kb(size.gzip)}${kb(size.brotli)}`);
  if (file !== 'thidua.html') for (const k of Object.keys(served)) served[k] += size[k];
}
console.log(`${'app as served'.padEnd(22)}${kb(served.raw)}${kb(served.gzip)}${kb(served.brotli)}`);
const within = served.gzip <= CEILING_GZIP;
console.log(`ceiling: app as served ${kb(served.gzip).trim()} gzip, ${within ? 'within' : 'ABOVE'} the ${CEILING_GZIP / 1024} KB ceiling`);
if (check && !within) process.exit(1);
