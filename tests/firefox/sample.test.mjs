// Firefox: the app mounts, loads the sample and keeps it across a reload,
// served and from file://, with no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, origins, click, text, count, reload, ready, shot, waitFor } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

for (const [how, url] of origins({ get url() { return server.url; } })) {
  test(`${how}: the sample loads and stays across a reload`, async (t) => {
    const { newPage, errors } = await launch(t);
    const page = await newPage();
    await page.goto(url());
    await ready(page);
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
    await shot(page, `ff-sample-${how === 'served' ? 'served' : 'file'}`);
    assert.deepEqual(errors, []);
  });
}
