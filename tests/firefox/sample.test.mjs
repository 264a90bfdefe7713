// Firefox: the app mounts, loads the sample and keeps it across a reload,
// served and from file://, with no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openApp, WAYS, click, text, count, reload, shot, waitFor } from './harness.mjs';

const app = setUp();

for (const how of WAYS) {
  test(`${app.label(how)}: the sample loads and stays across a reload`, async (t) => {
    const { page, errors } = await openApp(t, app.firefox(), app.url(how));
    await click(page, 'load-sample');
    await waitFor(page, 'cluster-title');
    await click(page, 'lang-switch');
    await reload(page);
    await waitFor(page, 'cluster-title');
    assert.equal(await text(page, 'cluster-title'), 'Cụm thi đua số 8 BĐBP');
    assert.equal(await count(page, 'rotation-row'), 8);
    assert.equal(await text(page, 'nav-clusters'), 'Clusters', 'the language chosen is kept');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(keys.length > 0 && keys.every((k) => k.startsWith('thidua.')), keys.join(','));
    await shot(page, `ff-sample-${how}`);
    assert.deepEqual(errors, []);
  });
}
