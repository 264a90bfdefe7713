// The single self-contained page works from file:// and keeps its data
// across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, shot, ready, SINGLE_FILE_URL } from './harness.mjs';

test('dist/thidua.html opened from file:// works and keeps data across a reload', async (t) => {
  const { page, errors } = await openApp(t, SINGLE_FILE_URL);
  assert.equal(new URL(page.url()).protocol, 'file:');
  await page.getByTestId('load-sample').click();
  await page.getByTestId('cluster-title').waitFor();
  await page.getByTestId('lang-switch').click();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('cluster-title').innerText(), 'Cụm thi đua số 8 BĐBP');
  assert.equal(await page.getByTestId('rotation-row').count(), 8);
  assert.equal(await page.getByTestId('nav-clusters').innerText(), 'Clusters');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.length > 0 && keys.every((k) => k.startsWith('thidua.')), keys.join(','));
  await shot(page, '14-single-file');
  assert.deepEqual(errors, []);
});
