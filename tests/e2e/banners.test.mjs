// Issue 18: banners name records by what users know (the cluster's or the
// unit's name), never by storage keys; the set-aside banner says in the
// interface language what could not be read and what to do, without the
// parser's English (that stays in a collapsed "technical details").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, shot, ready } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const SERDE = /invalid type|expected|missing field|EOF|line \d+ column/i;

/** What a banner shows with its technical details left closed. */
async function shown(page, id) {
  return page.getByTestId(id).evaluate((el) => {
    const copy = el.cloneNode(true);
    for (const d of copy.querySelectorAll('details')) {
      for (const n of [...d.childNodes]) if (n.nodeName !== 'SUMMARY') n.remove();
    }
    return copy.textContent;
  });
}

test('set-aside banner: names the record by what its text still says, else by its kind, in vi and en, no storage key and no parser text', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('cluster-title').waitFor();
  const unitKey = await page.evaluate(() => {
    const units = Object.keys(localStorage).filter((k) => k.startsWith('thidua.unit.'));
    const nameOf = (k) => JSON.parse(localStorage.getItem(k)).data.full_name;
    // A unit whose name is still readable, though its record is not…
    const named = units.find((k) => nameOf(k) === 'Cục Hậu cần BĐBP');
    const other = JSON.parse(localStorage.getItem(named));
    other.data.kind = 7;
    localStorage.setItem(named, JSON.stringify(other));
    // …and another whose name is not.
    const key = units.find((k) => k !== named);
    const record = JSON.parse(localStorage.getItem(key));
    record.data.full_name = 5;
    localStorage.setItem(key, JSON.stringify(record));
    localStorage.setItem('thidua.cluster.3811021128768726', '{"version":1,"data":{"id":');
    return key;
  });
  await page.goto(server.url + '#/');
  await page.reload();
  await ready(page);
  await page.getByTestId('set-aside').waitFor();
  assert.equal(await page.getByTestId('set-aside-entry').count(), 3);
  const vi = await shown(page, 'set-aside');
  assert.doesNotMatch(vi, /thidua\./, vi);
  assert.doesNotMatch(vi, SERDE, vi);
  assert.match(vi, /Không đọc được một bản ghi cụm/);
  assert.match(vi, /Không đọc được một bản ghi đơn vị/);
  assert.match(vi, /Không đọc được đơn vị «Cục Hậu cần BĐBP»/);
  assert.match(vi, /khôi phục một bản sao lưu/);
  assert.match(vi, /Chi tiết kỹ thuật/);
  await shot(page, 'banners-set-aside-vi');
  // The technical details, opened, keep the key for whoever supports.
  await page.getByTestId('set-aside').locator('summary').first().click();
  assert.match(await page.getByTestId('set-aside').innerText(), /thidua\.(cluster|unit)\./);
  await page.getByTestId('lang-switch').click();
  const en = await shown(page, 'set-aside');
  assert.doesNotMatch(en, /thidua\./, en);
  assert.doesNotMatch(en, SERDE, en);
  assert.match(en, /Could not read a cluster record/);
  assert.match(en, /Could not read a unit record/);
  assert.match(en, /Could not read unit “Cục Hậu cần BĐBP”/);
  assert.match(en, /restore an earlier snapshot/);
  await shot(page, 'banners-set-aside-en');
  assert.ok(unitKey);
  assert.deepEqual(errors, []);
});

test('storage full: the "not saved" banner names the cluster, not its storage key, in vi and en', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('cluster-title').waitFor();
  const name = await page.getByTestId('edit-cluster-name').inputValue();
  await page.evaluate(() => {
    let n = 0; let size = 1 << 20;
    while (size > 4) { try { localStorage.setItem(`filler.${n}`, 'x'.repeat(size)); n += 1; } catch { size = Math.floor(size / 2); } }
  });
  await page.getByTestId('edit-cluster-notes').fill('Ghi chú rất dài về hội nghị tổng kết. '.repeat(8));
  await page.getByTestId('save-cluster').click();
  await page.getByTestId('save-error').waitFor();
  const vi = await page.getByTestId('save-error').innerText();
  assert.doesNotMatch(vi, /thidua\./, vi);
  assert.ok(vi.includes(`cụm «${name}»`), vi);
  await shot(page, 'banners-storage-full-vi');
  await page.getByTestId('lang-switch').click();
  // The language is a setting: saving it fails too while storage is full.
  const en = await page.getByTestId('save-error').innerText();
  assert.doesNotMatch(en, /thidua\./, en);
  assert.match(en, /storage is full/);
  // The form's own "not saved" follows the language too (it was worded
  // once, in Vietnamese, when the save failed).
  const inline = await page.getByTestId('cluster-details-error').innerText();
  assert.match(inline, /^Not saved: The browser's storage is full/, inline);
  assert.doesNotMatch(inline, /Bộ nhớ|thidua\./, inline);
  assert.ok(inline.includes(name), inline);
  await shot(page, 'banners-storage-full-en');
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
  assert.deepEqual(errors, []);
});
