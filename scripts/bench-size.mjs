// Prints the release sizes of dist/: raw, gzip -9 and brotli (quality 11),
// per file and for the app as served (wasm + JS + CSS + index.html).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET_GZIP = 300 * 1024;
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
const verdict = served.gzip <= BUDGET_GZIP ? 'within' : 'OVER';
console.log(`budget: app as served ${kb(served.gzip).trim()} gzip, ${verdict} the ${BUDGET_GZIP / 1024} KB budget`);
