// The higher council (issue 17) through the UI: ten generated clusters'
// results files received at once — one edited by hand with its checksum
// recomputed, one cluster nominating another's winner — the paper
// fingerprints typed, the flags on screen, the CSV and the A4 summary
// (printed, rasterised, looked at), a second file of one cluster chosen
// over the first, and a council booth round on the nominees closed with
// its minutes. Served and from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, serve, shot, printPdf, download, markAllPresent, castBallot, closeRound, axe, ROOT, SINGLE_FILE_URL } from './harness.mjs';
import { canonical } from '../common.mjs';
import Ajv2020 from 'ajv/dist/2020.js';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

// The generated clusters' results files, written by the core's own example.
const DIR = mkdtempSync(join(tmpdir(), 'thidua-council-'));
execFileSync('cargo', ['run', '--quiet', '-p', 'thidua-core', '--example', 'council_files', '--', DIR, '10', '--duplicate'], { cwd: ROOT, stdio: 'inherit' });
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.thidua.json')).sort().map((f) => join(DIR, f));
const fingerprintOf = (text) => {
  const sha = JSON.parse(text).sha256;
  return sha.slice(0, 16).toUpperCase().match(/.{4}/g).join('-');
};
const original = Object.fromEntries(FILES.map((f) => [JSON.parse(readFileSync(f, 'utf8')).data.cluster, readFileSync(f, 'utf8')]));

// Cluster 7's file edited to move two ballots from its winner to another
// unit, the checksum recomputed: it reads and reconciles, only the
// fingerprint on the signed minutes tells.
const TAMPERED = 'Cụm thi đua số 7';
{
  const path = FILES.find((f) => JSON.parse(readFileSync(f, 'utf8')).data.cluster === TAMPERED);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  const counts = file.data.meeting.rounds[0].state.closed.ballots.counts;
  const top = counts.reduce((a, b) => (b.count > a.count ? b : a));
  top.count -= 2;
  const second = file.data.meeting.rounds[0].candidates[1];
  const other = counts.find((c) => c.approvals.length === 1 && c.approvals[0] === second);
  if (other) other.count += 2; else counts.push({ approvals: [second], count: 2 });
  counts.sort((a, b) => canonical(a.approvals).localeCompare(canonical(b.approvals)));
  file.sha256 = createHash('sha256').update(canonical(file.data)).digest('hex');
  writeFileSync(path, JSON.stringify(file));
}

async function councilYear(page) {
  await page.getByTestId('nav-council').click();
  await page.getByTestId('council').waitFor();
  await page.getByTestId('council-name').fill('Bộ Tư lệnh Bộ đội Biên phòng');
  await page.getByTestId('council-year').fill('2024');
  await page.getByTestId('council-create').click();
  await page.getByTestId('council-title').waitFor();
}

async function receiveAll(page) {
  await page.getByTestId('council-files').setInputFiles(FILES);
  await page.getByTestId('council-receipt').nth(FILES.length - 1).waitFor();
  await page.getByTestId('council-file').nth(FILES.length - 1).waitFor();
}

for (const [where, url] of [['served', () => server.url], ['file://', () => SINGLE_FILE_URL]]) {
  test(`${where}: ten clusters received, one tampered and caught by paper, flags, CSV and summary`, async (t) => {
    const { page, errors } = await openApp(t, url());
    await councilYear(page);
    // No vote before the council's members are entered: only they vote.
    await page.getByTestId('council-vote-create').click();
    assert.match(await page.getByTestId('council-vote-error').innerText(), /thành viên hội đồng/);
    await receiveAll(page);
    const receipts = await page.getByTestId('council-receipt').allInnerTexts();
    assert.equal(receipts.length, 10);
    receipts.forEach((r) => assert.match(r, /: đã nhận$/, r));

    // The same files again change nothing.
    await page.getByTestId('council-files').setInputFiles(FILES.slice(0, 2));
    // The ten receipts of the first batch are still shown until the answer
    // replaces them: wait for the two of this one, not for any second row.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="council-receipt"]').length === 2);
    for (const r of await page.getByTestId('council-receipt').allInnerTexts()) assert.match(r, /đã được nhận trước đó; không có gì thay đổi/);
    assert.equal(await page.getByTestId('council-file').count(), 10);

    // Every file starts unconfirmed; the council types each paper's fingerprint.
    const clusters = await page.getByTestId('council-file-cluster').allInnerTexts();
    for (const [i, cluster] of clusters.entries()) {
      const row = page.getByTestId('council-file').nth(i);
      assert.match(await row.getByTestId('council-file-paper').innerText(), /Chưa đối chiếu/);
      // The paper carries the fingerprint of the file the cluster wrote;
      // typed in lower case without dashes for one of them.
      const printed = fingerprintOf(original[cluster]);
      await row.getByTestId('council-paper-input').fill(i === 0 ? printed.replaceAll('-', '').toLowerCase() : printed);
      await row.getByTestId('council-paper-check').click();
      await page.getByTestId('council-file').nth(i).getByTestId('council-file-paper').filter({ hasText: cluster === TAMPERED ? /KHÔNG KHỚP/ : /khớp/ }).waitFor();
    }
    const tamperedRow = page.getByTestId('council-file').filter({ has: page.getByTestId('council-file-cluster').getByText(TAMPERED, { exact: true }) });
    assert.match(await tamperedRow.getByTestId('council-file-paper').innerText(), /KHÔNG KHỚP/);
    // A fingerprint that is not 16 hex digits is refused, and changes nothing.
    await tamperedRow.getByTestId('council-paper-input').fill('3F2A-9C01');
    await tamperedRow.getByTestId('council-paper-check').click();
    await tamperedRow.getByTestId('council-paper-message').filter({ hasText: /gồm 16 ký tự/ }).waitFor();
    assert.match(await tamperedRow.getByTestId('council-file-paper').innerText(), /KHÔNG KHỚP/);

    const flags = await page.getByTestId('council-flag').allInnerTexts();
    assert.ok(flags.some((f) => /Đồn Biên phòng số 1 cụm 1 được 2 cụm cùng đề nghị: Cụm thi đua số 1; Cụm thi đua số 2/.test(f)), flags.join('\n'));
    assert.ok(flags.some((f) => f.startsWith(`${TAMPERED}: mã kiểm tra trên biên bản giấy KHÔNG KHỚP`)), flags.join('\n'));
    assert.equal(flags.filter((f) => /chưa đối chiếu/.test(f)).length, 0, flags.join('\n'));

    // The consolidated table: one nominee per cluster, the tampered one marked.
    const units = await page.getByTestId('council-row-unit').allInnerTexts();
    assert.equal(units.length, 10);
    const marks = await page.getByTestId('council-row-mark').allInnerTexts();
    assert.deepEqual(marks, ['(không khớp)']);
    await page.getByTestId('council-sort-votes').click();
    const votes = (await page.getByTestId('council-row-votes').allInnerTexts()).map(Number);
    assert.deepEqual(votes, [...votes].sort((a, b) => b - a));
    await page.getByTestId('council-filter-cluster').selectOption('Cụm thi đua số 3');
    assert.deepEqual(await page.getByTestId('council-row-cluster').allInnerTexts(), ['Cụm thi đua số 3']);
    await page.getByTestId('council-filter-cluster').selectOption('');
    await shot(page, `70-council-${where === 'served' ? 'served' : 'file'}`);
    if (where === 'served') assert.deepEqual(await axe(page), []);

    // CSV: UTF-8 with BOM, one row per nominee with its fingerprint.
    const csv = await download(page, 'council-csv');
    const text = readFileSync(csv.path, 'utf8');
    assert.ok(text.startsWith('\ufeff"Danh hiệu","Cụm thi đua","Đơn vị"'), text.slice(0, 80));
    assert.equal(text.trim().split('\r\n').length, 11);
    assert.ok(text.includes(fingerprintOf(original['Cụm thi đua số 5'])));

    // The A4 summary, in both languages.
    await page.getByTestId('council-summary-link').click();
    await page.getByTestId('document-title').waitFor();
    assert.match(await page.getByTestId('document-title').innerText(), /TỔNG HỢP KẾT QUẢ BÌNH XÉT, SUY TÔN CỦA CÁC CỤM THI ĐUA NĂM 2024/);
    if (where === 'served') {
      const pages = await printPdf(page, 'council-summary-vi');
      assert.ok(pages.length >= 1);
      assert.match(pages.join('\n'), /KHÔNG KHỚP/);
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('document-title').filter({ hasText: /CONSOLIDATED RESULTS/ }).waitFor();
      await printPdf(page, 'council-summary-en');
      await shot(page, '71-council-summary-en');
      await page.getByTestId('lang-switch').click();
    }
    assert.deepEqual(errors, []);
  });
}

test('a second file of one cluster is shown beside the first and the secretary chooses; the council votes in the booth', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await councilYear(page);
  await page.getByTestId('council-settings-name').waitFor();
  await page.getByTestId('council-members').fill('Trung tướng Lê Đức Thái\nThiếu tướng Nguyễn Anh Tuấn\nĐại tá Phạm Văn Hùng');
  await page.getByTestId('council-expected').fill('Cụm thi đua số 1\nCụm thi đua số 2\nCụm thi đua số 3\nCụm thi đua số 11');
  await page.getByTestId('council-settings-save').click();
  await page.getByTestId('council-settings-message').filter({ hasText: 'Đã lưu' }).waitFor();
  const first3 = [1, 2, 3].map((k) => FILES.find((f) => JSON.parse(readFileSync(f, 'utf8')).data.cluster === `Cụm thi đua số ${k}`));
  await page.getByTestId('council-files').setInputFiles(first3);
  await page.getByTestId('council-file').nth(2).waitFor();
  let flags = await page.getByTestId('council-flag').allInnerTexts();
  assert.ok(flags.includes('Chưa nhận tệp kết quả của Cụm thi đua số 11.'), flags.join('\n'));

  // What is typed and not yet saved or checked survives the screen being
  // drawn again for a file received.
  await page.getByTestId('council-paper-input').first().fill('1234');
  await page.getByTestId('council-members').fill('Trung tướng Lê Đức Thái\nThiếu tướng Nguyễn Anh Tuấn\nĐại tá Phạm Văn Hùng\nĐại tá Mới');
  // Cluster 3 sends its file again with another meeting place.
  const again = JSON.parse(original['Cụm thi đua số 3']);
  again.data.meeting.details.place = 'Hà Nội';
  again.sha256 = createHash('sha256').update(canonical(again.data)).digest('hex');
  const againPath = join(DIR, 'again.thidua.json');
  writeFileSync(againPath, JSON.stringify(again));
  await page.getByTestId('council-files').setInputFiles([againPath]);
  await page.getByTestId('council-receipt').filter({ hasText: /đã có một tệp khác/ }).waitFor();
  await page.getByTestId('council-compare').waitFor();
  assert.equal(await page.getByTestId('council-paper-input').first().inputValue(), '1234');
  assert.match(await page.getByTestId('council-members').inputValue(), /Đại tá Mới$/);
  // Put back as saved (a change not saved stays until the page is left).
  await page.getByTestId('council-members').fill('Trung tướng Lê Đức Thái\nThiếu tướng Nguyễn Anh Tuấn\nĐại tá Phạm Văn Hùng');
  await page.getByTestId('council-paper-input').first().fill('');
  assert.equal(await page.getByTestId('council-compare-file').count(), 2);
  flags = await page.getByTestId('council-flag').allInnerTexts();
  assert.ok(flags.some((f) => /Cụm thi đua số 3 có hai tệp khác nhau/.test(f)), flags.join('\n'));
  assert.equal(await page.getByTestId('council-row').count(), 2, 'neither of cluster 3\'s files stands until chosen');
  await shot(page, '72-council-two-files');
  await page.getByTestId('council-file').nth(3).getByTestId('council-choose').click();
  await page.getByTestId('council-compare').waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('council-file').nth(2).getByTestId('council-file-status').innerText(), /Đã thay bằng tệp khác/);
  assert.equal(await page.getByTestId('council-row').count(), 3);

  // Reload: everything was stored.
  await page.reload();
  await page.getByTestId('council-file').nth(3).waitFor();
  assert.equal(await page.getByTestId('council-row').count(), 3);

  // The council year's own file: its backup. It matches its schema; opened
  // after the stored year is gone, it brings everything back; opened again,
  // nothing changes.
  const backup = await download(page, 'council-export');
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const schemas = join(ROOT, 'public', 'schema');
  ajv.addSchema(JSON.parse(readFileSync(join(schemas, 'defs.schema.json'), 'utf8')));
  const valid = ajv.compile(JSON.parse(readFileSync(join(schemas, 'council.schema.json'), 'utf8')));
  const json = JSON.parse(readFileSync(backup.path, 'utf8'));
  assert.equal(json.kind, 'council');
  assert.ok(valid(json), JSON.stringify(valid.errors, null, 1));
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('thidua.council.')) localStorage.removeItem(k); });
  await page.getByTestId('nav-council').click();
  await page.getByTestId('council-none').waitFor();
  await page.getByTestId('council-import').setInputFiles(backup.path);
  await page.getByTestId('council-import-message').filter({ hasText: 'Đã mở tệp' }).waitFor();
  await page.getByTestId('council-import').setInputFiles(backup.path);
  await page.getByTestId('council-import-message').filter({ hasText: 'giống hệt tệp' }).waitFor();
  await page.getByTestId('council-year-link').click();
  await page.getByTestId('council-file').nth(3).waitFor();
  assert.equal(await page.getByTestId('council-row').count(), 3);
  assert.match(await page.getByTestId('council-members').inputValue(), /Đại tá Phạm Văn Hùng$/);

  // The council's own vote: the shared nominee once, its three members by name.
  await page.getByTestId('council-vote-create').click();
  await page.getByTestId('round-link').first().waitFor();
  await page.getByTestId('round-link').first().click();
  await page.getByTestId('round-title').waitFor();
  await page.getByTestId('open-pin').fill('2468');
  await page.getByTestId('open-round').click();
  await page.getByTestId('open-without-committee').click();
  await page.getByTestId('roll').waitFor();
  assert.equal(await page.getByTestId('roll-row').count(), 3);
  await markAllPresent(page);
  await castBallot(page, 0, ['Đồn Biên phòng số 1 cụm 1', 'Đồn Biên phòng số 1 cụm 3']);
  await castBallot(page, 1, ['Đồn Biên phòng số 1 cụm 1']);
  await castBallot(page, 2, ['Đồn Biên phòng số 1 cụm 1', 'Đồn Biên phòng số 1 cụm 3']);
  await closeRound(page);
  const results = await page.getByTestId('results').innerText();
  assert.match(results, /Đồn Biên phòng số 1 cụm 1/);
  await page.getByTestId('vote-minutes-link').click();
  await page.getByTestId('document-title').waitFor();
  const minutes = await page.getByTestId('document').innerText();
  assert.match(minutes, /BỘ TƯ LỆNH BỘ ĐỘI BIÊN PHÒNG\s+HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG/);
  assert.match(minutes, /Đồn Biên phòng số 1 cụm 1\s+03 \(ba\)/);
  await shot(page, '73-council-vote-minutes');
  // The council's page leads to its vote from now on.
  await page.getByTestId('nav-council').click();
  await page.getByTestId('council-year-link').click();
  await page.getByTestId('council-vote-link').waitFor();
  // The backup taken before the vote now differs from the stored year:
  // opening it asks first, and keeping what is here changes nothing.
  await page.getByTestId('nav-council').click();
  await page.getByTestId('council-import').setInputFiles(backup.path);
  await page.getByTestId('council-import-differs').waitFor();
  await page.getByTestId('council-import-keep').click();
  await page.getByTestId('council-year-link').click();
  await page.getByTestId('council-vote-link').waitFor();
  assert.deepEqual(errors, []);
});

test('two tabs receive different files into one council year at once: no file is lost without a word', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await councilYear(page);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByTestId('council-title').waitFor();
  const [a, b] = [FILES.slice(0, 5), FILES.slice(5)];
  await Promise.all([page.getByTestId('council-files').setInputFiles(a), other.getByTestId('council-files').setInputFiles(b)]);
  await page.getByTestId('council-receipt').nth(a.length - 1).waitFor();
  await other.getByTestId('council-receipt').nth(b.length - 1).waitFor();
  // A moment later each tab has checked that what it reported is stored.
  await page.waitForTimeout(1500);
  const notKept = [];
  for (const p of [page, other]) {
    if (await p.getByTestId('council-not-kept').count()) notKept.push(await p.getByTestId('council-not-kept').innerText());
  }
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('thidua.council.'));
    return JSON.parse(localStorage.getItem(key)).data.received.map((f) => f.sha256);
  });
  for (const path of FILES) {
    const sha = JSON.parse(readFileSync(path, 'utf8')).sha256;
    const name = path.split('/').at(-1);
    assert.ok(stored.includes(sha) || notKept.some((m) => m.includes(name)), `${name}: stored, or said not kept`);
  }
  assert.deepEqual(errors, []);
});

// Found by the accessibility walk: leaving the council's page within the
// second after receiving files made the check of what was kept write into
// a screen that was gone — the app fell to its error screen.
test('leaving the page right after receiving files is safe', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await councilYear(page);
  await page.getByTestId('council-files').setInputFiles(FILES.slice(0, 2));
  await page.getByTestId('council-receipt').nth(1).waitFor();
  await page.getByTestId('nav-clusters').click();
  await page.waitForTimeout(1500);
  await page.getByTestId('nav-units').click();
  await page.getByTestId('nav-council').click();
  await page.getByTestId('council-year-link').waitFor();
  assert.deepEqual(errors, []);
});
