// Firefox: storage full, with its message (the edit stays on screen and is
// stored once there is room); two tabs seeing each other's edits (storage
// events); served and from file://.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillStorage, freeStorage, storedCluster } from '../common.mjs';
import { setUp, openApp, WAYS, click, fill, text, count, reload, ready, shot, waitFor, waitText, gone } from './harness.mjs';

const app = setUp();

for (const how of WAYS) {
  const name = app.label(how);

  test(`${name}: storage full — the edit is "not saved" with its message; after freeing room the retry stores it`, async (t) => {
    const { page, errors } = await openApp(t, app.firefox(), app.url(how));
    await click(page, 'load-sample');
    await waitFor(page, 'cluster-title');
    await fillStorage(page);
    const note = 'Ghi chú rất dài về hội nghị tổng kết. '.repeat(8).trim();
    await fill(page, 'edit-cluster-notes', note);
    await click(page, 'save-cluster');
    await waitFor(page, 'save-error');
    assert.match(await text(page, 'save-error'), /đã đầy/);
    await waitText(page, 'cluster-details-error', /Chưa lưu/);
    assert.equal(await count(page, 'cluster-saved'), 0, 'no "Đã lưu" beside the red banner');
    await shot(page, `ff-storage-full-${how}`);
    assert.equal(await page.$eval('[data-testid="edit-cluster-notes"]', (e) => e.value), note, 'the edit stays on screen');
    await freeStorage(page);
    await click(page, 'retry-save');
    await gone(page, 'save-error');
    assert.equal((await storedCluster(page)).notes, note);
    // The files screen's meter knows how full the storage is.
    await fillStorage(page);
    await click(page, 'nav-files');
    await reload(page);
    await waitFor(page, 'storage-warning');
    assert.match(await text(page, 'storage-used'), /\((9\d|100)%\)/);
    await shot(page, `ff-storage-meter-${how}`);
    assert.deepEqual(errors, []);
  });

  test(`${name}: two tabs see each other's edits`, async (t) => {
    const { page: a, newPage, errors } = await openApp(t, app.firefox(), app.url(how));
    await click(a, 'load-sample');
    await waitFor(a, 'cluster-title');
    const b = await newPage();
    await b.goto(a.url());
    await ready(b);
    await waitFor(b, 'cluster-title');
    // Tab A renames the cluster; tab B's title follows without a reload.
    await fill(a, 'edit-cluster-name', 'Cụm thi đua số 8 (đổi tên ở thẻ A)');
    await click(a, 'save-cluster');
    await waitFor(a, 'cluster-saved');
    await waitText(b, 'cluster-title', /đổi tên ở thẻ A/);
    // Tab B, whose form still holds the old name, changes only the note: both edits are stored.
    await fill(b, 'edit-cluster-notes', 'Ghi chú từ thẻ B');
    await click(b, 'save-cluster');
    await waitFor(b, 'cluster-saved');
    const stored = await storedCluster(a);
    assert.equal(stored.name, 'Cụm thi đua số 8 (đổi tên ở thẻ A)');
    assert.equal(stored.notes, 'Ghi chú từ thẻ B');
    // A unit renamed in A shows in B's unit list.
    await b.evaluate(() => { window.location.hash = '#/units'; });
    await waitFor(b, 'unit-name');
    await click(a, 'nav-units');
    await a.evaluate(() => [...document.querySelectorAll('[data-testid="unit-row"]')].find((r) => r.innerText.includes('Cục Kỹ thuật BĐBP')).querySelector('[data-testid="edit-unit"]').click());
    await fill(a, 'edit-unit-full-name', 'Cục Kỹ thuật Bộ đội Biên phòng');
    await click(a, 'save-unit');
    await waitFor(a, 'unit-saved');
    await waitText(b, 'unit-name', /Cục Kỹ thuật Bộ đội Biên phòng/);
    await waitFor(b, 'notice');
    await shot(b, `ff-two-tabs-${how}`);
    assert.deepEqual(errors, []);
  });
}
