// The nomination dossier (issue 16) through the UI: from the sample
// meeting with its flag round counted, the letter's recipient is flagged
// while empty and the bundle is not shown; once filled, the dossier
// (letter, meeting minutes, vote-count minutes, one achievement report per
// nominated unit) prints on A4 with "page / pages" at the foot of every
// page, in Vietnamese and English. The PDF's pages are rasterised into
// target/screenshots/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, openSampleMeeting, handCountFlagRound, shot, printPdf, SINGLE_FILE_URL } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

/** The last non-empty line of a page: where the page number is printed. */
const footer = (text) => text.trim().split('\n').map((l) => l.trim()).filter(Boolean).at(-1);

const NOMINATED = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP'];

test('the sample meeting\'s dossier: recipient checked, then printed with page numbers and a report per nominated unit', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await handCountFlagRound(page);
  await page.getByTestId('crumb-meeting').click();
  await page.getByTestId('dossier-link').click();
  await page.getByTestId('dossier-title').waitFor();

  // An empty recipient is flagged, and nothing is printed blank.
  const gaps = await page.getByTestId('dossier-gap').allInnerTexts();
  assert.equal(gaps.length, 1, gaps.join('\n'));
  assert.match(gaps[0], /chưa có nơi nhận.*Kính gửi.*Tờ trình/);
  assert.equal(await page.getByTestId('dossier').count(), 0);
  assert.ok(await page.getByTestId('dossier-print').isDisabled());
  // The signer comes from the leader unit's recorded commander.
  assert.equal(await page.getByTestId('dossier-signer-rank').inputValue(), 'Đại tá');
  assert.equal(await page.getByTestId('dossier-signer-name').inputValue(), 'Vũ Khương');
  await shot(page, '60-dossier-recipient-missing');

  await page.getByTestId('dossier-recipient').fill('Hội đồng Thi đua - Khen thưởng Bộ đội Biên phòng');
  await page.getByTestId('dossier-number').fill('125/TTr-CTĐ');
  await page.getByTestId('dossier-letter-save').click();
  await page.getByTestId('dossier-letter-saved').waitFor();
  await page.getByTestId('dossier').waitFor();
  assert.equal(await page.getByTestId('dossier-gaps').count(), 0);
  assert.ok(!(await page.getByTestId('dossier-print').isDisabled()));

  // A report's section, edited before printing, is kept with the unit's year.
  const units = await page.getByTestId('dossier-unit-name').allInnerTexts();
  assert.deepEqual(units, NOMINATED);
  const customs = page.getByTestId('dossier-unit').nth(2);
  await customs.getByTestId('dossier-unit-name').click();
  assert.match(await customs.getByTestId('section-achievements').inputValue(), /cửa khẩu thông minh/);
  await customs.getByTestId('section-awards').fill('Cờ thi đua của Bộ Tư lệnh BĐBP năm 2023.');
  await customs.getByTestId('dossier-unit-save').click();
  await customs.getByTestId('dossier-unit-saved').waitFor();
  await page.reload();
  await page.getByTestId('dossier').waitFor();
  await page.getByTestId('dossier-unit').nth(2).getByTestId('dossier-unit-name').click();
  assert.equal(await page.getByTestId('dossier-unit').nth(2).getByTestId('section-awards').inputValue(), 'Cờ thi đua của Bộ Tư lệnh BĐBP năm 2023.');

  // The bundle: letter, meeting minutes, one vote-count minutes, 4 reports.
  const titles = await page.getByTestId('document-title').allInnerTexts();
  assert.deepEqual(titles, ['TỜ TRÌNH', 'BIÊN BẢN HỘI NGHỊ', 'BIÊN BẢN KIỂM PHIẾU', ...NOMINATED.map(() => 'BÁO CÁO THÀNH TÍCH')]);
  const letter = await page.getByTestId('document').first().innerText();
  assert.match(letter, /Số: 125\/TTr-CTĐ/);
  assert.match(letter, /Kính gửi: Hội đồng Thi đua - Khen thưởng Bộ đội Biên phòng/);
  assert.match(letter, /Cục Cửa khẩu BĐBP\s+7\/8\s+87,50%/);
  assert.match(letter, /Đại tá Vũ Khương/);
  await shot(page, '61-dossier-vi');

  const pages = await printPdf(page, 'dossier-vi');
  const n = pages.length;
  assert.ok(n >= 7, `at least a page per document, got ${n}`);
  pages.forEach((text, i) => assert.equal(footer(text), `${i + 1} / ${n}`, `page ${i + 1}'s number`));
  assert.match(pages[0], /TỜ TRÌNH/);
  // Each nominated unit has its report, in order, each starting a page.
  let from = 0;
  for (const unit of NOMINATED) {
    const at = pages.findIndex((p, i) => i >= from && /BÁO CÁO THÀNH TÍCH/.test(p) && p.includes(unit.toUpperCase()));
    assert.ok(at >= 0, `${unit}'s report`);
    from = at + 1;
  }
  assert.ok(pages.some((p) => p.includes('Cờ thi đua của Bộ Tư lệnh BĐBP năm 2023.')), 'the edited section is printed');
  console.log(`dossier-vi: ${n} pages`);

  // In English, the same bundle in the interface's language.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('dossier').waitFor();
  const english = await page.getByTestId('document-title').allInnerTexts();
  assert.deepEqual(english, ['NOMINATION LETTER', 'MINUTES OF THE MEETING', 'VOTE-COUNT MINUTES', ...NOMINATED.map(() => 'ACHIEVEMENT REPORT')]);
  // The sections not edited start from the data's words in English; the edited one stays.
  const first = page.getByTestId('dossier-unit').first();
  await first.getByTestId('dossier-unit-name').click();
  assert.match(await first.getByTestId('section-mission').inputValue(), /is a member unit of Cụm thi đua số 8 BĐBP/);
  await page.getByTestId('dossier-unit').nth(2).getByTestId('dossier-unit-name').click();
  assert.equal(await page.getByTestId('dossier-unit').nth(2).getByTestId('section-awards').inputValue(), 'Cờ thi đua của Bộ Tư lệnh BĐBP năm 2023.');
  await shot(page, '62-dossier-en');
  const en = await printPdf(page, 'dossier-en');
  en.forEach((text, i) => assert.equal(footer(text), `${i + 1} / ${en.length}`, `page ${i + 1}'s number`));
  assert.match(en[0], /NOMINATION LETTER/);
  console.log(`dossier-en: ${en.length} pages`);
  assert.deepEqual(errors, []);
});

test('the dossier prints from the single file over file:// too', async (t) => {
  const { page, errors } = await openApp(t, SINGLE_FILE_URL);
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await handCountFlagRound(page);
  await page.getByTestId('crumb-meeting').click();
  await page.getByTestId('dossier-link').click();
  await page.getByTestId('dossier-gaps').waitFor();
  await page.getByTestId('dossier-recipient').fill('Hội đồng Thi đua - Khen thưởng Bộ đội Biên phòng');
  await page.getByTestId('dossier-letter-save').click();
  await page.getByTestId('dossier').waitFor();
  const pages = await printPdf(page, 'dossier-file');
  pages.forEach((text, i) => assert.equal(footer(text), `${i + 1} / ${pages.length}`, `page ${i + 1}'s number`));
  for (const unit of NOMINATED) assert.ok(pages.some((p) => /BÁO CÁO THÀNH TÍCH/.test(p) && p.includes(unit.toUpperCase())), `${unit}'s report`);
  assert.deepEqual(errors, []);
});
