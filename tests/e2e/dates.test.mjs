// Issue 18: dates are shown and typed day/month/year whatever the
// browser's language. An English Chromium (en-US) used to show the
// meeting's date as mm/dd/yyyy through `<input type=date>`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, ready, serve, shot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

/** Every value the app keeps in localStorage, as one text. */
const stored = (page) => page.evaluate(() => Object.values(localStorage).join('\n'));

test('an en-US browser shows and takes 03/10/2025 as 3 October 2025, in both languages', async (t) => {
  const { page, errors } = await openApp(t, server.url, { locale: 'en-US' });
  assert.equal(await page.evaluate(() => navigator.language), 'en-US');
  // Year 2025 of the sample (its 2024 already holds a 03/10/2024 hand-over).
  await page.getByTestId('load-sample').click();
  await page.getByTestId('year-link').click();
  await page.getByTestId('start-next-year').click();
  await page.getByText('Năm thi đua 2025').waitFor();
  const year = page.url();
  await page.getByTestId('lang-switch').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  await page.getByTestId('meeting-link').click();
  await page.getByTestId('create-meeting').click();
  await page.getByTestId('meeting-title').waitFor();
  const field = page.getByTestId('meeting-date');
  assert.equal(await field.getAttribute('placeholder'), 'dd/mm/yyyy');

  // An impossible date is refused, naming the field.
  await field.fill('31/02/2025');
  await page.getByTestId('save-meeting').click();
  assert.match(await page.getByTestId('meeting-error').innerText(), /meeting date is not valid.*day\/month\/year/);

  await field.fill('03/10/2025');
  await page.getByTestId('save-meeting').click();
  await page.getByTestId('meeting-saved').waitFor();
  const kept = await stored(page);
  assert.ok(kept.includes('2025-10-03'), 'the meeting is kept on 3 October 2025');
  assert.ok(!kept.includes('2025-03-10'), 'not on 10 March');

  await page.reload();
  await ready(page);
  await page.getByTestId('meeting-title').waitFor();
  assert.equal(await page.getByTestId('meeting-date').inputValue(), '03/10/2025');
  await shot(page, 'i18-dates-meeting-en');

  // The year's hand-over proposes the meeting's date, day/month/year.
  await page.goto(year);
  await page.getByTestId('handover-form').waitFor();
  assert.equal(await page.getByTestId('handover-date').inputValue(), '03/10/2025');
  // An ISO date typed or pasted is taken, and shown day/month/year once left.
  await page.getByTestId('handover-date').fill('2025-10-04');
  await page.getByTestId('handover-date').blur();
  assert.equal(await page.getByTestId('handover-date').inputValue(), '04/10/2025');
  await page.getByTestId('lang-switch').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.equal(await page.getByTestId('handover-date').getAttribute('placeholder'), 'ngày/tháng/năm');
  await shot(page, 'i18-dates-handover-vi');
  await page.getByTestId('save-handover').click();
  assert.match(await page.getByTestId('handover-recorded').innerText(), /04\/10\/2025/);
  assert.ok((await stored(page)).includes('2025-10-04'));
  assert.deepEqual(errors, []);
});
