// Documents (PRODUCT.md §7) through the UI: the minutes, the score table and the
// achievement summary print on A4 (PDF), in Vietnamese and English; the
// results file carries the fingerprint printed on the minutes and is
// checked on arrival; CSV files start with a BOM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { download, openApp, serve, openSampleMeeting, handCountFlagRound, shot, SHOTS, printPdf } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

/** The number of A4 pages the page prints on (harness' printPdf). */
const printedPages = async (page, name) => (await printPdf(page, name)).length;

test('minutes, score table and summary print on A4; the results file matches the printed fingerprint', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await handCountFlagRound(page);

  // Vote-count minutes.
  await page.getByTestId('vote-minutes-link').click();
  await page.getByTestId('document').waitFor();
  assert.equal(await page.getByTestId('document-title').innerText(), 'BIÊN BẢN KIỂM PHIẾU');
  const text = await page.getByTestId('document').innerText();
  assert.match(text, /CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(text, /Hà Nội, ngày 03 tháng 10 năm 2024/);
  assert.match(text, /Số phiếu hợp lệ: 08 \(tám\)/);
  assert.match(text, /87,50%/);
  assert.match(text, /Có 04 \(bốn\) đơn vị được đề nghị/);
  const printed = /Mã kiểm tra tệp kết quả: ([0-9A-F]{4}(?:-[0-9A-F]{4}){3})/.exec(await page.getByTestId('document-fingerprint').innerText())[1];
  await shot(page, '50-vote-minutes');
  assert.ok(await printedPages(page, 'vote-minutes-vi') >= 1);
  await page.getByTestId('lang-switch').click();
  assert.equal(await page.getByTestId('document-title').innerText(), 'VOTE-COUNT MINUTES');
  assert.match(await page.getByTestId('document').innerText(), /Valid ballots: 08 \(eight\)/);
  await printedPages(page, 'vote-minutes-en');
  await page.getByTestId('lang-switch').click();

  // The meeting: fingerprint on screen, results file, CSV, meeting minutes.
  await page.getByTestId('crumb-trail').click();
  await page.getByTestId('results').waitFor();
  await page.getByTestId('crumb-meeting').click();
  await page.getByTestId('meeting-files').waitFor();
  assert.equal(await page.getByTestId('results-fingerprint').innerText(), printed);
  const results = await download(page, 'export-results');
  assert.match(results.name, /^thidua-results-cum-thi-dua-so-8-bdbp-2024\.thidua\.json$/);
  const file = JSON.parse(readFileSync(results.path, 'utf8'));
  assert.equal(file.format, 'thidua');
  assert.equal(file.kind, 'results');
  assert.match(file.sha256, /^[0-9a-f]{64}$/);
  const csv = await download(page, 'export-results-csv');
  const csvText = readFileSync(csv.path, 'utf8');
  assert.ok(csvText.startsWith('\ufeff"Vòng"'), 'UTF-8 with BOM');
  assert.match(csvText, /"Cục Chính trị BĐBP","8","100,00%","Được đề nghị"/);
  // The receiver checks the file: same fingerprint; a changed file is caught.
  await page.getByTestId('check-results-file').setInputFiles(results.path);
  assert.match(await page.getByTestId('checked-results').innerText(), new RegExp(`${printed}.*khớp với nội dung tệp`));
  const tampered = join(SHOTS, 'tampered.thidua.json');
  writeFileSync(tampered, readFileSync(results.path, 'utf8').replace(/"votes":\s*8/, '"votes":9'));
  await page.getByTestId('check-results-file').setInputFiles(tampered);
  await page.getByTestId('checked-results').filter({ hasText: 'KHÔNG khớp' }).waitFor();
  const notJson = join(SHOTS, 'not-json.thidua.json');
  writeFileSync(notJson, 'hello');
  await page.getByTestId('check-results-file').setInputFiles(notJson);
  await page.getByTestId('checked-results').filter({ hasText: 'JSON' }).waitFor();
  await shot(page, '51-meeting-files');
  await page.getByTestId('meeting-minutes-link').click();
  await page.getByTestId('document').waitFor();
  assert.equal(await page.getByTestId('document-title').innerText(), 'BIÊN BẢN HỘI NGHỊ');
  assert.match(await page.getByTestId('document').innerText(), /Cục Kỹ thuật BĐBP bàn giao cờ cụm trưởng cho Lữ đoàn Thông tin 21 BĐBP ngày 03 tháng 10 năm 2024/);
  assert.match(await page.getByTestId('document-fingerprint').innerText(), new RegExp(printed));
  await shot(page, '52-meeting-minutes');
  await printedPages(page, 'meeting-minutes-vi');

  // Score table and achievement summary.
  await page.getByTestId('crumb-meeting').click();
  await page.getByTestId('meeting-files').waitFor();
  await page.locator('.breadcrumb a').nth(2).click();
  await page.getByTestId('scores-link').click();
  await page.getByTestId('score-files').waitFor();
  const scoresCsv = readFileSync((await download(page, 'export-scores-csv')).path, 'utf8');
  assert.ok(scoresCsv.startsWith('\ufeff"Hạng","Đơn vị"'));
  await page.getByTestId('score-table-link').click();
  assert.equal(await page.getByTestId('document-title').innerText(), 'BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA');
  await shot(page, '53-score-table');
  await printedPages(page, 'score-table-vi');
  await page.goBack();
  await page.getByTestId('achievements-link').click();
  assert.match(await page.getByTestId('document').innerText(), /766,33/);
  await shot(page, '54-achievements');
  const pages = await printedPages(page, 'achievements-vi');
  assert.ok(pages >= 2, `the summary of 8 units runs over ${pages} pages`);
  assert.deepEqual(errors, []);
});
