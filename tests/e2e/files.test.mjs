// Files between laptops and the safety of the browser store (PRODUCT.md §8):
// export and import back, unit reports into the leader's laptop, conflicts
// side by side, every kind of bad file, a full storage, snapshots, two tabs,
// and names carrying HTML shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { canonical, liveRecords } from '../common.mjs';
import { download, launch, openApp, serve, openSampleMeeting, handCountFlagRound, ready, shot, ROOT, SHOTS } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

/** A copy of a file with `edit` applied to its data and a matching checksum. */
function resealed(path, name, edit) {
  const file = JSON.parse(readFileSync(path, 'utf8'));
  edit(file.data, file);
  file.sha256 = createHash('sha256').update(canonical(file.data)).digest('hex');
  const out = join(SHOTS, name);
  writeFileSync(out, JSON.stringify(file, null, 2));
  return out;
}

async function importFiles(page, testid, paths) {
  await page.getByTestId(`${testid}-file`).setInputFiles(paths);
}

test('the whole workspace exported, storage cleared, imported back: identical', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await handCountFlagRound(page);
  const before = await liveRecords(page);
  assert.ok(Object.keys(before).length >= 10);

  await page.getByTestId('nav-files').click();
  const file = await download(page, 'export-workspace');
  assert.match(file.name, /^thidua-workspace-\d{4}-\d{2}-\d{2}\.thidua\.json$/);
  const written = JSON.parse(readFileSync(file.path, 'utf8'));
  assert.equal(written.format, 'thidua');
  assert.equal(written.kind, 'workspace');
  assert.equal(written.sha256, createHash('sha256').update(canonical(written.data)).digest('hex'), 'the checksum is SHA-256 of the canonical data');

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await ready(page);
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('no-clusters').waitFor();
  await page.getByTestId('nav-files').click();
  await importFiles(page, 'import', [file.path]);
  await page.getByTestId('import-preview').waitFor();
  assert.match(await page.getByTestId('import-summary').innerText(), /^\d+ mới · 0 trùng khớp · 0 khác nhau$/);
  await shot(page, '60-import-preview-new');
  // Nothing changes before the confirmation.
  assert.deepEqual(await liveRecords(page), {});
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  assert.deepEqual(await liveRecords(page), before, 'every record as it was');
  // A snapshot was taken before the import (of the empty workspace).
  assert.equal(await page.getByTestId('snapshot').count(), 1);
  // Importing the same file again: everything identical, nothing to choose.
  await importFiles(page, 'import', [file.path]);
  await page.getByTestId('import-preview').waitFor();
  assert.match(await page.getByTestId('import-summary').innerText(), /^0 mới · \d+ trùng khớp · 0 khác nhau$/);
  assert.deepEqual(errors, []);
});

test('eight units send their reports as files; the leader imports them at once', async (t) => {
  const leader = await openApp(t, server.url);
  await leader.page.getByTestId('load-sample').click();
  await leader.page.getByTestId('cluster-title').waitFor();
  const clusterFile = await download(leader.page, 'export-cluster');
  assert.match(clusterFile.name, /^thidua-cluster-cum-thi-dua-so-8-bdbp\.thidua\.json$/);

  // A unit's laptop: imports the cluster file, writes each unit's report.
  const unit = await openApp(t, server.url);
  const u = unit.page;
  await u.getByTestId('nav-files').click();
  await importFiles(u, 'import', [clusterFile.path]);
  await u.getByTestId('import-confirm').click();
  await u.getByTestId('import-done').waitFor();
  await u.getByTestId('nav-clusters').click();
  await u.getByTestId('cluster-link').click();
  await u.getByTestId('year-link').click();
  await u.getByTestId('scores-link').click();
  const files = [];
  const tabs = u.getByTestId('score-unit');
  for (let i = 0; i < 8; i += 1) {
    await tabs.nth(i).click();
    await u.getByTestId('report-narrative').fill(`Báo cáo thành tích năm 2024 của đơn vị số ${i + 1}: hoàn thành xuất sắc nhiệm vụ.`);
    await u.getByTestId('save-report').click();
    await u.getByTestId('report-saved').waitFor();
    files.push((await download(u, 'export-unit-report')).path);
  }
  assert.match(files[3], /thidua-unit-report-cum-thi-dua-so-8-bdbp-2024-cuc-phong-chong-ma-tuy-va-toi-pham-bdbp\.thidua\.json$/);

  // The leader, on the scores screen of the year, imports all eight.
  const l = leader.page;
  await l.getByTestId('year-link').click();
  await l.getByTestId('scores-link').click();
  await importFiles(l, 'import-reports', files);
  await l.getByTestId('import-reports-preview').waitFor();
  const summary = await l.getByTestId('import-summary').innerText();
  const [, fresh, same, differ] = /^(\d+) mới · (\d+) trùng khớp · (\d+) khác nhau$/.exec(summary).map(Number);
  assert.equal(fresh + differ, 8, `8 reports: ${summary}`);
  assert.equal(same, 8, 'the 8 units are the same on both laptops');
  await shot(l, '61-import-unit-reports');
  // Where the leader's laptop had a sample report, take the unit's.
  for (let i = 0; i < differ; i += 1) await l.getByTestId('import-differs').locator('[data-testid^=choice-theirs-]').nth(i).check();
  await l.getByTestId('import-reports-confirm').click();
  await l.getByTestId('import-reports-done').waitFor();
  await l.getByTestId('achievements-link').click();
  const text = await l.getByTestId('document').innerText();
  for (let i = 1; i <= 8; i += 1) assert.ok(text.includes(`đơn vị số ${i}: hoàn thành`), `report ${i} arrived`);

  // A unit report is the wrong kind on the import of the files screen? No:
  // the files screen takes every kind. The reports screen takes only
  // reports: a cluster file there is refused.
  await l.goBack();
  await importFiles(l, 'import-reports', [clusterFile.path]);
  assert.match(await l.getByTestId('import-reports-errors').innerText(), /Đây là tệp một cụm; ở đây chỉ nhận tệp báo cáo của một đơn vị\./);
  assert.deepEqual([...leader.errors, ...unit.errors], []);
});

test('conflicting edits are shown side by side and follow the choice per record', async (t) => {
  const mine = await openApp(t, server.url);
  await mine.page.getByTestId('load-sample').click();
  const file = await download(mine.page, 'export-cluster');
  const theirs = await openApp(t, server.url);
  const p = theirs.page;
  await p.getByTestId('nav-files').click();
  await importFiles(p, 'import', [file.path]);
  await p.getByTestId('import-confirm').click();
  await p.getByTestId('import-done').waitFor();
  // Their laptop: renames the cluster's notes and one unit's commander.
  await p.getByTestId('nav-units').click();
  const row = p.getByTestId('unit-row').filter({ hasText: 'Cục Hậu cần BĐBP' });
  await row.getByTestId('edit-unit').click();
  await p.getByTestId('edit-unit-commander').fill('Đại tá Trần Văn B, Cục trưởng');
  await p.getByTestId('save-unit').click();
  await p.getByTestId('unit-saved').waitFor();
  await p.getByTestId('nav-clusters').click();
  await p.getByTestId('cluster-link').click();
  await p.getByTestId('edit-cluster-notes').fill('Ghi chú của đơn vị bạn');
  await p.getByTestId('save-cluster').click();
  const back = await download(p, 'export-cluster');

  // My laptop: the same unit changed differently.
  const m = mine.page;
  await m.getByTestId('nav-units').click();
  await m.getByTestId('unit-row').filter({ hasText: 'Cục Hậu cần BĐBP' }).getByTestId('edit-unit').click();
  await m.getByTestId('edit-unit-commander').fill('Đại tá Nguyễn Văn A');
  await m.getByTestId('save-unit').click();
  await m.getByTestId('unit-saved').waitFor();
  await m.getByTestId('nav-files').click();
  await importFiles(m, 'import', [back.path]);
  await m.getByTestId('import-preview').waitFor();
  assert.match(await m.getByTestId('import-summary').innerText(), / 2 khác nhau$/);
  const differs = m.getByTestId('import-differs');
  const unitItem = differs.locator('.differs-item').filter({ hasText: 'Đơn vị:' });
  const changed = await unitItem.locator('tr.differs').innerText();
  assert.match(changed, /Đại tá Nguyễn Văn A\s+Đại tá Trần Văn B, Cục trưởng/);
  await shot(m, '62-import-conflict');
  // Take theirs for the unit, keep mine for the cluster (the default).
  await unitItem.locator('[data-testid^=choice-theirs-]').check();
  await m.getByTestId('import-confirm').click();
  await m.getByTestId('import-done').waitFor();
  await m.getByTestId('nav-units').click();
  await m.getByTestId('unit-row').filter({ hasText: 'Cục Hậu cần BĐBP' }).getByTestId('edit-unit').click();
  assert.equal(await m.getByTestId('edit-unit-commander').inputValue(), 'Đại tá Trần Văn B, Cục trưởng');
  await m.getByTestId('nav-clusters').click();
  await m.getByTestId('cluster-link').click();
  assert.notEqual(await m.getByTestId('edit-cluster-notes').inputValue(), 'Ghi chú của đơn vị bạn');

  // The same file again, after a reload: the cluster I kept is not asked
  // about again, and the preview says when I kept it.
  await m.reload();
  await ready(m);
  await m.getByTestId('nav-files').click();
  await importFiles(m, 'import', [back.path]);
  await m.getByTestId('import-preview').waitFor();
  assert.match(await m.getByTestId('import-summary').innerText(), / 1 khác nhau$/);
  assert.equal(await m.getByTestId('import-differs').count(), 0, 'nothing asked again');
  const keptBefore = m.getByTestId('import-kept-before');
  assert.match(await keptBefore.locator('summary').innerText(), /^1 bản ghi khác nhau bạn đã chọn giữ bản của máy này/);
  await keptBefore.locator('summary').click();
  assert.match(await keptBefore.locator('[data-testid^=kept-on-]').innerText(), /^Bạn đã chọn giữ bản của máy này ngày \d\d\/\d\d\/\d{4}\.$/);
  await shot(m, '63-import-kept-before');
  // Still a choice: taking theirs now is honoured.
  await keptBefore.locator('[data-testid^=choice-theirs-]').check();
  await m.getByTestId('import-confirm').click();
  await m.getByTestId('import-done').waitFor();
  await m.getByTestId('nav-clusters').click();
  await m.getByTestId('cluster-link').click();
  assert.equal(await m.getByTestId('edit-cluster-notes').inputValue(), 'Ghi chú của đơn vị bạn');
  assert.deepEqual([...mine.errors, ...theirs.errors], []);
});

test('each bad file gets a precise message and changes nothing', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  const good = await download(page, 'export-cluster');
  await page.getByTestId('nav-files').click();
  const before = await liveRecords(page);
  const write = (name, text) => { const p = join(SHOTS, name); writeFileSync(p, text); return p; };
  const goodText = readFileSync(good.path, 'utf8');
  const cases = [
    ['not-json.thidua.json', write('not-json.thidua.json', goodText.slice(0, 500)), /Không phải tệp JSON hợp lệ \(lỗi ở dòng \d+, cột \d+\)/],
    ['other-app.json', write('other-app.json', '{"name": "x"}'), /không phải tệp của thidua/],
    ['newer.thidua.json', resealed(good.path, 'newer.thidua.json', (d, f) => { f.version = 99; }), /phiên bản 99 mới hơn/],
    ['tampered.thidua.json', write('tampered.thidua.json', goodText.replace('Cục Hậu cần BĐBP', 'Cục Hậu cần')), /Mã kiểm tra SHA-256 không khớp/],
    ['missing.thidua.json', resealed(good.path, 'missing.thidua.json', (d) => { delete d.units[2].full_name; }), /Trường `data\.units\[2\]`: missing field `full_name`/],
    ['mistyped.thidua.json', resealed(good.path, 'mistyped.thidua.json', (d) => { d.cluster.years[0].year = 'hai nghìn'; }), /Trường `data\.cluster`: invalid type/],
    ['duplicate.thidua.json', resealed(good.path, 'duplicate.thidua.json', (d) => { d.units.push(d.units[0]); }), /Trường `data\.units\[8\]\.id`: mã \d+ bị dùng cho hai bản ghi/],
    ['huge.thidua.json', write('huge.thidua.json', ' '.repeat(21 * 1024 * 1024)), /Tệp quá lớn/],
  ];
  for (const [name, path, expected] of cases) {
    await importFiles(page, 'import', [path]);
    const message = await page.getByTestId('import-errors').innerText();
    assert.match(message, expected, name);
    assert.ok(message.includes(name), `${name}: the message names the file`);
    assert.equal(await page.getByTestId('import-preview').count(), 0);
  }
  await shot(page, '63-import-bad-file');
  // A bad file among good ones: none of them is imported.
  await importFiles(page, 'import', [good.path, cases[3][1]]);
  await page.getByTestId('import-errors').waitFor();
  assert.equal(await page.getByTestId('import-preview').count(), 0);
  assert.deepEqual(await liveRecords(page), before, 'nothing changed');
  assert.deepEqual(errors, []);
});

test('names with HTML from a file are shown as text', async (t) => {
  const sender = await openApp(t, server.url);
  await sender.page.getByTestId('load-sample').click();
  const file = await download(sender.page, 'export-cluster');
  const evil = resealed(file.path, 'evil.thidua.json', (d) => {
    d.units[0].full_name = '<img src=x onerror="window.__xss=1">';
    d.units[1].full_name = '<script>window.__xss=2</script>';
    d.units[0].short_name = '';
    d.units[1].short_name = '';
    d.cluster.name = '<b>Cụm</b> in đậm';
  });
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('nav-files').click();
  await importFiles(page, 'import', [evil]);
  await page.getByTestId('import-preview').waitFor();
  assert.ok((await page.getByTestId('import-new').innerText()).includes('<script>window.__xss=2</script>'));
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  await page.getByTestId('nav-units').click();
  const names = await page.getByTestId('unit-name').allInnerTexts();
  assert.ok(names.includes('<img src=x onerror="window.__xss=1">'), names.join(' | '));
  assert.ok(names.includes('<script>window.__xss=2</script>'));
  await page.getByTestId('nav-clusters').click();
  assert.ok((await page.getByTestId('cluster-list').innerText()).includes('<b>Cụm</b> in đậm'));
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no markup ran');
  assert.equal(await page.locator('main img, main b, main script').count(), 0);
  await shot(page, '64-html-as-text');
  assert.deepEqual([...errors, ...sender.errors], []);
});

test('a full storage during an import: the backup file is offered, the import waits for "I have the backup file", nothing is lost, saving works once there is room', async (t) => {
  // Another laptop's cluster, to import.
  const other = await openApp(t, server.url);
  await other.page.getByTestId('cluster-name').fill('Cụm thi đua số 3');
  await other.page.getByTestId('new-cluster-form').locator('button[type=submit]').click();
  await other.page.getByTestId('cluster-title').waitFor();
  const file = await download(other.page, 'export-cluster');

  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('nav-files').click();
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size > 16) { try { localStorage.setItem(`filler.${n}`, 'x'.repeat(size)); n += 1; } catch { size = Math.floor(size / 2); } }
  });
  await page.reload();
  await ready(page);
  await page.getByTestId('storage-warning').waitFor();
  assert.match(await page.getByTestId('storage-used').innerText(), /\((9\d|100)%\)/);
  await shot(page, '65-storage-full');
  await importFiles(page, 'import', [file.path]);
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-confirm').click();
  // No snapshot fits: nothing happens before the user has the backup file.
  await page.getByTestId('backup-dialog').waitFor();
  assert.equal(await page.getByTestId('backup-saved').isDisabled(), true, 'no “I have it” before the download');
  const [snapshot] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
  assert.match(snapshot.suggestedFilename(), /^thidua-workspace-before-import-/);
  await snapshot.saveAs(join(SHOTS, snapshot.suggestedFilename()));
  assert.equal(await page.getByTestId('import-preview').count(), 1, 'still waiting');
  await page.getByTestId('backup-saved').click();
  await page.getByTestId('backup-dialog').waitFor({ state: 'detached' });
  await page.getByTestId('notice').waitFor();
  await page.getByTestId('save-error').waitFor();
  assert.match(await page.getByTestId('save-error').innerText(), /đã đầy/);
  // Nothing lost: the imported cluster is on screen; freeing room and
  // saving again stores it.
  await page.getByTestId('nav-clusters').click();
  assert.ok((await page.getByTestId('cluster-list').innerText()).includes('Cụm thi đua số 3'));
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
  await page.getByTestId('retry-save').click();
  await page.getByTestId('save-error').waitFor({ state: 'detached' });
  await page.reload();
  await ready(page);
  assert.ok((await page.getByTestId('cluster-list').innerText()).includes('Cụm thi đua số 3'));
  assert.deepEqual([...errors, ...other.errors], []);
});

test('no room for a snapshot: a deletion waits for the backup answer; cancel changes nothing; going on without a backup is said in words', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size > 16) { try { localStorage.setItem(`filler.${n}`, 'x'.repeat(size)); n += 1; } catch { size = Math.floor(size / 2); } }
  });
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('thidua.')).map((k) => [k, localStorage.getItem(k)])));
  const before = await stored();
  await page.getByTestId('year-link').click();
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByTestId('delete-year').click();
  await page.getByTestId('delete-year').click();
  await page.getByTestId('backup-dialog').waitFor();
  assert.match(await page.getByTestId('backup-dialog').innerText(), /Tôi đã lưu tệp sao lưu[\s\S]*Tiếp tục mà không có bản sao lưu/);
  await shot(page, '67-backup-dialog');
  // Cancel: nothing changed, nothing downloaded.
  await page.getByTestId('backup-cancel').click();
  await page.getByTestId('backup-dialog').waitFor({ state: 'detached' });
  await page.getByTestId('year-title').waitFor();
  assert.deepEqual(await stored(), before);
  assert.equal(downloads, 0);
  // English wording of the two ways on.
  await page.getByTestId('delete-year').click();
  await page.getByTestId('delete-year').click();
  await page.getByTestId('backup-dialog').waitFor();
  await page.getByTestId('lang-switch').click();
  assert.match(await page.getByTestId('backup-saved').innerText(), /I have the backup file/);
  assert.match(await page.getByTestId('backup-without').innerText(), /Go on without a backup/);
  await page.getByTestId('lang-switch').click();
  // Going on without a backup deletes the year.
  await page.getByTestId('backup-without').click();
  await page.getByTestId('cluster-title').waitFor();
  await page.getByTestId('no-years').waitFor();
  assert.equal(downloads, 0);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thidua.snapshot.')).length), 0);
  assert.deepEqual(errors, []);
});

test('deleting a year keeps a snapshot that restores it', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('delete-year').click();
  await page.getByTestId('delete-year-cancel').click();
  await page.getByTestId('year-title').waitFor();
  await page.getByTestId('delete-year').click();
  await page.getByTestId('delete-year').click();
  await page.getByTestId('cluster-title').waitFor();
  await page.getByTestId('no-years').waitFor();
  await page.getByTestId('nav-files').click();
  await page.getByTestId('snapshot').first().waitFor();
  assert.equal(await page.getByTestId('snapshot').count(), 1);
  assert.match(await page.getByTestId('snapshot').innerText(), /Trước khi xoá năm: Cụm thi đua số 8 BĐBP 2024/);
  await shot(page, '66-snapshots');
  await page.getByTestId('snapshot-restore').click();
  await page.getByTestId('snapshot-restore').first().click();
  await page.getByTestId('snapshot-message').waitFor();
  assert.equal(await page.getByTestId('snapshot').count(), 2, 'the state before the restore is kept too');
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-link').click();
  assert.equal(await page.getByTestId('year-link').innerText(), '2024');
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('year-link').innerText(), '2024');
  assert.deepEqual(errors, []);
});

test('two tabs: a change reaches the other, and a running vote belongs to one tab', async (t) => {
  const { context, errors } = await launch();
  t.after(() => context.close());
  const a = await context.newPage();
  await a.goto(server.url);
  await ready(a);
  await openSampleMeeting(a, { place: 'Hà Nội', date: '2024-10-03' });
  const meetingUrl = a.url();
  const b = await context.newPage();
  await b.goto(`${server.url}#/units`);
  await ready(b);
  // Tab A renames a unit; tab B shows it without a reload.
  await a.getByTestId('nav-units').click();
  await a.getByTestId('unit-row').filter({ hasText: 'Cục Kỹ thuật BĐBP' }).getByTestId('edit-unit').click();
  await a.getByTestId('edit-unit-full-name').fill('Cục Kỹ thuật Bộ đội Biên phòng');
  await a.getByTestId('save-unit').click();
  await a.getByTestId('unit-saved').waitFor();
  await b.getByTestId('unit-name').filter({ hasText: 'Cục Kỹ thuật Bộ đội Biên phòng' }).waitFor();
  await b.getByTestId('notice').waitFor();

  // Tab A opens a booth round; tab B sees it read-only.
  await a.goto(meetingUrl);
  await a.getByTestId('round-award').fill('Cờ thi đua của Bộ Tư lệnh BĐBP');
  await a.getByTestId('round-quota').fill('4');
  await a.getByTestId('add-round').click();
  await a.getByTestId('round-title').waitFor();
  await a.getByTestId('open-pin').fill('2468');
  await a.getByTestId('open-round').click();
  await a.getByTestId('open-without-committee').click(); // no counting committee: open anyway (issue 18)
  await a.getByTestId('roll').waitFor();
  const roundUrl = a.url();
  await b.goto(roundUrl);
  await b.getByTestId('run-elsewhere').waitFor();
  assert.equal(await b.getByTestId('roll').count(), 0, 'no roll, no ballots in the other tab');
  await shot(b, '67-vote-in-other-tab');
  // Tab A goes on: marks everyone present; tab B follows, still read-only.
  const boxes = a.getByTestId('roll-present');
  for (let i = 0; i < await boxes.count(); i += 1) await boxes.nth(i).check();
  assert.equal(await a.getByTestId('quorum-state').innerText(), 'đủ');
  await b.reload();
  await ready(b);
  await b.getByTestId('run-elsewhere').waitFor();
  // The older copy in a stale tab never overwrites the newer record.
  const stored = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thidua.meeting.')).map((k) => localStorage.getItem(k)).join(''));
  assert.match(stored, /"present":\[\d+(,\d+){7}\]/);
  assert.deepEqual(errors, []);
});

test('every kind of file the app writes matches its published JSON Schema', async (t) => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const schemaDir = join(ROOT, 'public', 'schema');
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, 'defs.schema.json'), 'utf8')));
  const validators = Object.fromEntries(['workspace', 'cluster', 'unit-report', 'results'].map((kind) => [
    kind, ajv.compile(JSON.parse(readFileSync(join(schemaDir, `${kind}.schema.json`), 'utf8'))),
  ]));
  const { page, errors } = await openApp(t, server.url);
  // The schemas are published with the app.
  const served = await page.evaluate(async () => (await fetch('schema/workspace.schema.json')).status);
  assert.equal(served, 200);
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await handCountFlagRound(page);
  const files = {};
  await page.goBack();
  await page.getByTestId('meeting-files').waitFor();
  files.results = await download(page, 'export-results');
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('cluster-link').click();
  files.cluster = await download(page, 'export-cluster');
  await page.getByTestId('year-link').click();
  await page.getByTestId('scores-link').click();
  files['unit-report'] = await download(page, 'export-unit-report');
  await page.getByTestId('nav-files').click();
  files.workspace = await download(page, 'export-workspace');
  for (const [kind, file] of Object.entries(files)) {
    const json = JSON.parse(readFileSync(file.path, 'utf8'));
    assert.equal(json.kind, kind);
    const ok = validators[kind](json);
    assert.ok(ok, `${kind}: ${JSON.stringify(validators[kind].errors, null, 1)}`);
  }
  // And the schema is not a formality: a broken file fails it.
  const broken = JSON.parse(readFileSync(files.workspace.path, 'utf8'));
  delete broken.data.units[0].full_name;
  assert.equal(validators.workspace(broken), false);
  assert.deepEqual(errors, []);
});
