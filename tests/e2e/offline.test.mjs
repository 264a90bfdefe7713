// Works anywhere: after the first visit the served app opens and works with
// the network off (web manifest + service worker); the single file works
// from file:// with every network request blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, ready, shot, SINGLE_FILE_URL } from './harness.mjs';

test('the served app opens and works offline after the first visit', async (t) => {
  const server = await serve();
  const { context, errors } = await launch();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  // Installable: a manifest with a name, a start URL, standalone display, an icon.
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  assert.equal(manifest.short_name, 'thidua');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.length > 0);
  // The service worker takes the page over once it is installed.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled');
  // No network at all: the server is gone and the browser is offline.
  server.stop();
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('cluster-title').waitFor();
  // A new tab opened offline works too, and sees the data.
  const other = await context.newPage();
  await other.goto(server.url);
  await ready(other);
  assert.equal(await other.getByTestId('cluster-link').innerText(), 'Cụm thi đua số 8 BĐBP');
  await shot(other, '70-offline');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
});

test('the single file works from file:// with the network blocked', async (t) => {
  const { context, errors } = await launch();
  t.after(() => context.close());
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await ready(page);
  await page.getByTestId('load-sample').click();
  await page.getByTestId('cluster-title').waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByTestId('cluster-title').innerText(), 'Cụm thi đua số 8 BĐBP');
  assert.deepEqual(requests, [], 'the single file asks the network for nothing');
  assert.deepEqual(errors, []);
});
