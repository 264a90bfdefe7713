// Firefox: the workspace exported (the download really arrives on disk with
// a matching checksum) and imported into a fresh profile; a bad file's
// message; served and from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonical, liveRecords } from '../common.mjs';
import { setUp, openApp, launchBrowser, openContext, WAYS, click, text, count, reload, ready, shot, waitFor, waitText, download, openSampleMeeting, tid, SHOTS } from './harness.mjs';

const app = setUp();

async function chooseFiles(page, id, paths) {
  const input = await page.waitForSelector(tid(id));
  await input.uploadFile(...paths);
}

for (const how of WAYS) {
  test(`${app.label(how)}: the workspace is exported to disk and imported into a fresh profile`, async (t) => {
    const first = await openApp(t, app.firefox(), app.url(how));
    const { page } = first;
    await openSampleMeeting(page);
    const records = await liveRecords(page);
    assert.ok(Object.keys(records).length >= 10);
    await click(page, 'nav-files');
    const file = await download(page, 'export-workspace', first.downloads, { leave: true });
    t.after(() => rmSync(file.path, { force: true }));
    assert.match(file.name, /^thidua-workspace-\d{4}-\d{2}-\d{2}\.thidua\.json$/);
    const written = JSON.parse(readFileSync(file.path, 'utf8'));
    assert.equal(written.format, 'thidua');
    assert.equal(written.kind, 'workspace');
    assert.equal(written.sha256, createHash('sha256').update(canonical(written.data)).digest('hex'), 'the checksum is SHA-256 of the canonical data');
    // The object URL outlives the click: a second export right after arrives
    // too, under the name Firefox gives a second file of the same name.
    const again = await download(page, 'export-workspace', first.downloads);
    assert.notEqual(again.name, file.name);
    assert.match(again.name, /\.json$/);
    assert.equal(JSON.parse(readFileSync(again.path, 'utf8')).sha256, written.sha256);

    // Another Firefox, with a fresh profile: nothing there; the second file
    // (its name as Firefox gave it) brings it all.
    const other = await launchBrowser();
    t.after(() => other.close());
    const second = await openContext(t, other);
    const fresh = await second.newPage();
    await fresh.goto(app.url(how));
    await ready(fresh);
    assert.deepEqual(await liveRecords(fresh), {});
    await click(fresh, 'nav-files');
    await chooseFiles(fresh, 'import-file', [again.path]);
    await waitFor(fresh, 'import-preview');
    assert.match(await text(fresh, 'import-summary'), /^\d+ mới · 0 trùng khớp · 0 khác nhau$/);
    assert.deepEqual(await liveRecords(fresh), {}, 'nothing changes before the confirmation');
    await click(fresh, 'import-confirm');
    await waitFor(fresh, 'import-done');
    assert.deepEqual(await liveRecords(fresh), records, 'every record as it was');
    await reload(fresh);
    await click(fresh, 'nav-clusters');
    assert.equal(await text(fresh, 'cluster-link'), 'Cụm thi đua số 8 BĐBP');
    await shot(fresh, `ff-imported-${how}`);
    assert.deepEqual([...first.errors, ...second.errors], []);
  });

  test(`${app.label(how)}: a bad file gets its message and changes nothing`, async (t) => {
    const { page, errors, downloads } = await openApp(t, app.firefox(), app.url(how));
    await click(page, 'load-sample');
    const good = await download(page, 'export-cluster', downloads);
    await click(page, 'nav-files');
    const before = await liveRecords(page);
    const goodText = readFileSync(good.path, 'utf8');
    const write = (name, body) => { const p = join(SHOTS, name); writeFileSync(p, body); return p; };
    const cases = [
      [write('ff-not-json.thidua.json', goodText.slice(0, 500)), /Không phải tệp JSON hợp lệ \(lỗi ở dòng \d+, cột \d+\)/],
      [write('ff-tampered.thidua.json', goodText.replace('Cục Hậu cần BĐBP', 'Cục Hậu cần')), /Mã kiểm tra SHA-256 không khớp/],
    ];
    for (const [path, expected] of cases) {
      await chooseFiles(page, 'import-file', [path]);
      await waitText(page, 'import-errors', expected);
      const name = path.split('/').pop();
      assert.ok((await text(page, 'import-errors')).includes(name), `${name}: the message names the file`);
      assert.equal(await count(page, 'import-preview'), 0);
    }
    await shot(page, `ff-bad-file-${how}`);
    assert.deepEqual(await liveRecords(page), before, 'nothing changed');
    assert.deepEqual(errors, []);
  });
}
