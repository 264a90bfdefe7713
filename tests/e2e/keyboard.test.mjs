// The whole meeting flow with the keyboard alone — set up, vote in booth
// mode, close, print — as a secretary without a mouse would: Tab to reach a
// control, Enter or Space to use it, typing to fill it. No click anywhere.
// Every control reached shows a visible focus outline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, shot } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

/** Presses Tab until the `index`-th element matching `selector` has the focus. */
async function tabTo(page, selector, index = 0) {
  for (let presses = 0; presses < 400; presses += 1) {
    const there = await page.evaluate(([s, i]) => {
      const target = document.querySelectorAll(s)[i];
      return target !== undefined && document.activeElement === target;
    }, [selector, index]);
    if (there) {
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
      assert.ok(outline, `${selector}[${index}] shows where the focus is`);
      return;
    }
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}[${index}]`);
}

const id = (testid) => `[data-testid="${testid}"]`;

async function press(page, testid, key = 'Enter', index = 0) {
  await tabTo(page, id(testid), index);
  await page.keyboard.press(key);
}

async function type(page, testid, text) {
  await tabTo(page, id(testid));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('set up a meeting, vote in the booth, close and print — keyboard only', async (t) => {
  const { page, errors } = await openApp(t, server.url);
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  await page.reload();
  await page.getByTestId('brand').waitFor();
  const PIN = '2468';
  await press(page, 'load-sample');
  await page.getByTestId('cluster-title').waitFor();
  await press(page, 'year-link');
  await page.getByTestId('year-title').waitFor();
  await press(page, 'meeting-link');
  await press(page, 'create-meeting');
  await page.getByTestId('meeting-title').waitFor();
  await type(page, 'meeting-place', 'Hà Nội');
  await press(page, 'save-meeting');
  await page.getByTestId('meeting-saved').waitFor();
  await type(page, 'round-award', 'Cờ thi đua của Bộ Tư lệnh BĐBP');
  await type(page, 'round-quota', '4');
  await press(page, 'add-round');
  await page.getByTestId('round-title').waitFor();
  await type(page, 'open-pin', PIN);
  await press(page, 'open-round');
  await press(page, 'open-without-committee'); // no counting committee: open anyway (issue 18)
  await page.getByTestId('roll').waitFor();
  for (let i = 0; i < 8; i += 1) await press(page, 'roll-present', 'Space', i);
  assert.equal(await page.getByTestId('quorum-state').innerText(), 'đủ');
  const picks = [['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP']];
  for (let row = 0; row < 8; row += 1) {
    await tabTo(page, `${id('roll-row')}:nth-child(${row + 1}) ${id('give-ballot')}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('ballot').waitFor();
    for (const name of picks[0]) {
      const boxes = await page.getByRole('checkbox').evaluateAll((all) => all.map((b) => b.labels?.[0]?.innerText.trim() ?? ''));
      const index = boxes.findIndex((label) => label.includes(name));
      assert.ok(index >= 0, `${name} on the ballot`);
      await tabTo(page, 'input[type=checkbox]', index);
      await page.keyboard.press('Space');
    }
    if (row === 0) await shot(page, '71-keyboard-ballot');
    await press(page, 'review-ballot');
    await press(page, 'confirm-ballot');
    await page.getByTestId('hand-back').waitFor();
    await type(page, 'unlock-pin', PIN);
    await press(page, 'unlock');
    await page.getByTestId('roll').waitFor();
  }
  await press(page, 'close-round');
  await press(page, 'close-confirm');
  await page.getByTestId('results').waitFor();
  const statuses = await page.getByTestId('result-status').allInnerTexts();
  assert.equal(statuses.filter((s) => s === 'Được đề nghị').length, 4);
  await press(page, 'vote-minutes-link');
  await page.getByTestId('document').waitFor();
  await press(page, 'document-print');
  assert.equal(await page.evaluate(() => window.__printed), 1, 'the print dialog was asked for');
  assert.deepEqual(errors, []);
});
