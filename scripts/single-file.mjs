// Writes dist/thidua.html: one self-contained page (CSS, JS glue and wasm
// inlined) that works when opened from file://, where trunk's index.html
// cannot (absolute paths, module CORS).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const files = readdirSync(dist);
const pick = (test, what) => {
  const found = files.filter(test);
  if (found.length !== 1) {
    console.error(`single-file: expected one ${what} in ${dist}, found ${found.length}: ${found.join(', ')}`);
    process.exit(1);
  }
  return join(dist, found[0]);
};
const wasmPath = pick((f) => f.endsWith('_bg.wasm'), 'wasm module');
const jsPath = pick((f) => f.endsWith('.js') && !f.endsWith('.worker.js') && f !== 'sw.js', 'JS glue');
const cssPath = pick((f) => f.endsWith('.css'), 'stylesheet');

const css = readFileSync(cssPath, 'utf8');
const glue = readFileSync(jsPath, 'utf8');
const wasm = readFileSync(wasmPath).toString('base64');

// The glue is an ES module whose init function is `__wbg_init`; its
// exports are legal in an inline module script and simply unused.
if (!/async function __wbg_init\b/.test(glue)) {
  console.error('single-file: the JS glue has no `__wbg_init`; wasm-bindgen changed its output');
  process.exit(1);
}
const script = glue +
  `\nconst __thidua_wasm = Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));\n` +
  `await __wbg_init({ module_or_path: __thidua_wasm });\n`;

const html = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>thidua — Cụm thi đua</title>
<style>${css}</style>
</head>
<body>
<noscript>Ứng dụng cần JavaScript. / This app needs JavaScript.</noscript>
<script type="module">${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
writeFileSync(join(dist, 'thidua.html'), html);
console.log(`single-file: wrote ${join(dist, 'thidua.html')} (${(html.length / 1024).toFixed(0)} KB)`);
