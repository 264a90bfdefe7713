// Firefox: the vote-count minutes printed to PDF and rasterised: A4, the
// header's two sides on one line each, the table header repeated on the
// next page; served and from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openApp, WAYS, click, fill, text, waitFor, shot, openSampleMeeting, SHOTS } from './harness.mjs';

const app = setUp();

/** The flag round (quota 4) counted by hand with the reference meeting's figures. */
async function handCountFlagRound(page) {
  await fill(page, 'round-award', 'Cờ thi đua của Bộ Tư lệnh BĐBP');
  await fill(page, 'round-quota', '4');
  await click(page, 'add-round');
  await waitFor(page, 'hand-votes');
  for (const [i, n] of ['1', '8', '8', '1', '7', '7', '0', '0'].entries()) await fill(page, 'hand-votes', n, i);
  await fill(page, 'hand-collected', '8');
  await fill(page, 'hand-valid', '8');
  await fill(page, 'hand-invalid', '0');
  await click(page, 'hand-save');
  await waitFor(page, 'results');
}

/** Prints the page to PDF and each page to a PNG (to be looked at);
 * returns, per page, its size in points, its words with their boxes, and
 * its ruled lines (rulesOf). */
async function printPdf(page, name) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const path = join(SHOTS, `${name}.pdf`);
  writeFileSync(path, pdf);
  for (const old of readdirSync(SHOTS).filter((f) => f.startsWith(`pdf-${name}-`))) rmSync(join(SHOTS, old));
  execFileSync('pdftoppm', ['-r', '60', '-png', path, join(SHOTS, `pdf-${name}`)]);
  const images = readdirSync(SHOTS).filter((f) => f.startsWith(`pdf-${name}-`) && f.endsWith('.png')).length;
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w, h, body], i) => ({
    width: Number(w),
    height: Number(h),
    words: [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map(([, x0, y0, x1, y1, w]) => ({ x: Number(x0), y: Number(y0), x1: Number(x1), y1: Number(y1), w: w.replace(/&amp;/g, '&') })),
    rules: rulesOf(execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(i + 1), '-l', String(i + 1), path], { maxBuffer: 64 << 20 }), DPI),
  }));
  return { pages, images };
}

const DPI = 144;
const RULE_PT = 30;

/** The dark lines at least RULE_PT long in a binary PGM image, in points:
 * vertical ones as { x, top, bottom } (their longest run), horizontal ones as { y }. */
function rulesOf(pgm, dpi) {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 40));
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const dark = (x, y) => pixels[y * width + x] < 160;
  const minRun = Math.round((RULE_PT * dpi) / 72);
  const pt = (px) => (px * 72) / dpi;
  const longest = (n, at) => {
    let run = 0; let best = 0; let end = 0;
    for (let i = 0; i < n; i += 1) {
      run = at(i) ? run + 1 : 0;
      if (run > best) { best = run; end = i; }
    }
    return { best, start: end - best + 1, end };
  };
  // Adjacent pixel lines are one rule.
  const merge = (found) => found.filter((f, i) => i === 0 || found[i - 1].at !== f.at - 1);
  const vertical = [];
  for (let x = 0; x < width; x += 1) {
    const r = longest(height, (y) => dark(x, y));
    if (r.best >= minRun) vertical.push({ at: x, top: pt(r.start), bottom: pt(r.end) });
  }
  const horizontal = [];
  for (let y = 0; y < height; y += 1) {
    const r = longest(width, (x) => dark(x, y));
    if (r.best >= minRun * 4) horizontal.push({ at: y });
  }
  return {
    vertical: merge(vertical).map((v) => ({ x: pt(v.at), top: v.top, bottom: v.bottom })),
    horizontal: merge(horizontal).map((h) => ({ y: pt(h.at) })),
  };
}

/** The words of `page` that spell `phrase`, in order, all on one line (same top within 2 pt). */
function onOneLine(page, phrase) {
  const parts = phrase.split(' ');
  for (let i = 0; i + parts.length <= page.words.length; i += 1) {
    const run = page.words.slice(i, i + parts.length);
    if (run.every((w, j) => w.w === parts[j])) return run.every((w) => Math.abs(w.y - run[0].y) < 2) ? run : null;
  }
  return null;
}

for (const how of WAYS) {
  test(`${app.label(how)}: the vote-count minutes print on A4 with their header and the table header on each page`, async (t) => {
    const { page, errors } = await openApp(t, app.firefox(), app.url(how));
    await openSampleMeeting(page);
    await handCountFlagRound(page);
    await click(page, 'vote-minutes-link');
    await waitFor(page, 'document');
    assert.equal(await text(page, 'document-title'), 'BIÊN BẢN KIỂM PHIẾU');
    await shot(page, `ff-vote-minutes-${how}`);
    const { pages, images } = await printPdf(page, `ff-vote-minutes-${how}`);
    assert.equal(images, pages.length, 'one image per PDF page');
    for (const p of pages) {
      assert.ok(Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1, `A4: ${p.width} × ${p.height} pt`);
    }
    // The header: the agency on the left, the nation on the right, side by
    // side; the nation's name, its motto and the cluster's name each on one line.
    const [first] = pages;
    const nation = onOneLine(first, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const motto = onOneLine(first, 'Độc lập - Tự do - Hạnh phúc');
    const cluster = onOneLine(first, 'CỤM THI ĐUA SỐ 8 BĐBP');
    const agency = onOneLine(first, 'BỘ TƯ LỆNH');
    assert.ok(nation && motto && cluster && agency, 'each line of the header on one line');
    assert.ok(Math.abs(agency[0].y - nation[0].y) < 2, `the two sides start on the same line: ${agency[0].y} and ${nation[0].y}`);
    assert.ok(Math.max(...[...agency, ...cluster].map((w) => w.x1)) < Math.min(...[...nation, ...motto].map((w) => w.x)), 'agency left, nation right');
    // The table runs over two pages, its header row on each, and every
    // page of it is ruled: the 6 vertical lines of its 5 columns.
    const tablePages = pages.filter((p) => p.words.some((w) => w.w === 'Cục'));
    assert.ok(tablePages.length >= 2, `the table of 8 units spans ${tablePages.length} page(s)`);
    for (const [i, p] of tablePages.entries()) {
      const head = onOneLine(p, 'Số phiếu đồng ý');
      assert.ok(head && p.words.some((w) => w.w === 'STT' && Math.abs(w.y - head[0].y) < 2), `table page ${i + 1}: the header row`);
      const firstRow = p.words.find((w) => w.w === 'Cục');
      assert.ok(head[0].y < firstRow.y, `table page ${i + 1}: the header above the rows`);
      const { vertical, horizontal } = p.rules;
      assert.ok(vertical.length >= 6, `table page ${i + 1}: ${vertical.length} vertical rules (${vertical.map((v) => v.x.toFixed(0)).join(', ')}), 6 expected`);
      assert.ok(horizontal.some((h) => h.y < head[0].y && h.y > head[0].y - 12), `table page ${i + 1}: a rule above the header row`);
      const last = Math.max(...horizontal.map((h) => h.y));
      for (const v of vertical) assert.ok(v.bottom <= last + 2 && v.top >= head[0].y - 12, `table page ${i + 1}: the rule at x ${v.x.toFixed(0)} runs from ${v.top.toFixed(0)} to ${v.bottom.toFixed(0)} pt, not within the table (to ${last.toFixed(0)} pt)`);
    }
    assert.deepEqual(errors, []);
  });
}

test(`${app.label('served')}: ballot papers print two A5 to an A4 sheet, or one A4 each, with no blank page between`, async (t) => {
  const { page, errors } = await openApp(t, app.firefox(), app.url('served'));
  await openSampleMeeting(page);
  await fill(page, 'round-award', 'Cờ thi đua của Bộ Tư lệnh BĐBP');
  await fill(page, 'round-quota', '4');
  await click(page, 'add-round');
  await waitFor(page, 'round-title');
  await click(page, 'print-papers-link');
  await waitFor(page, 'papers');
  await fill(page, 'papers-count', '4');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="ballot-paper"]').length === 4);
  await shot(page, 'ff-ballot-papers');
  const a5 = await printPdf(page, 'ff-ballot-papers-a5');
  assert.equal(a5.pages.length, 2, `four A5 papers on two A4 sheets, not ${a5.pages.length} pages`);
  for (const [i, p] of a5.pages.entries()) {
    const titles = p.words.filter((w) => w.w === 'PHIẾU' && p.words[p.words.indexOf(w) + 1]?.w === 'BẦU');
    assert.equal(titles.length, 2, `sheet ${i + 1}: two papers`);
    assert.ok(titles[0].y < p.height / 2 && titles[1].y > p.height / 2, `sheet ${i + 1}: one paper on each half`);
  }
  await page.select('[data-testid="papers-layout"]', 'a4');
  const a4 = await printPdf(page, 'ff-ballot-papers-a4');
  assert.equal(a4.pages.length, 4, `one A4 page per paper, not ${a4.pages.length} pages`);
  for (const [i, p] of a4.pages.entries()) assert.ok(p.words.length > 20, `page ${i + 1} holds a paper`);
  // Away from the papers, printed pages have their margins again.
  await page.goBack();
  await waitFor(page, 'round-title');
  assert.equal(await page.evaluate(() => document.getElementById('thidua-no-page-margins')), null);
  assert.deepEqual(errors, []);
});
