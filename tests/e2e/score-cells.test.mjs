// The score grid says per cell what it refused: two refused cells keep two
// messages, each tied to its cell (aria-describedby), each saying what was
// typed, why, and the score that stays stored; a deduction typed as "-2" is
// 2 points deducted; after a reload the stored values are back and nothing
// is left red. Axe-clean with the messages shown, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, shot, ready, axe } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const TEXT = {
  vi: {
    above: '“31” vượt quá điểm tối đa 30 của tiêu chí. Chưa lưu; ô này vẫn chưa có điểm.',
    nan: '“abc” không phải là số điểm (số từ 0, tối đa hai chữ số thập phân, ví dụ 27,5). Chưa lưu; ô này vẫn chưa có điểm.',
    stays: /“35” vượt quá điểm tối đa 30 của tiêu chí\. Chưa lưu; điểm đã lưu vẫn là 28,5\./,
    negative: /“-2”: điểm tiêu chí và điểm thưởng không âm/,
    stored: '28,5',
  },
  en: {
    above: "“31” is above the item's maximum of 30. Not saved; this cell still has no score.",
    nan: '“abc” is not a score (a number from 0 with at most two decimals, e.g. 27.5). Not saved; this cell still has no score.',
    stays: /“35” is above the item's maximum of 30\. Not saved; the stored score stays 28\.5\./,
    negative: /“-2”: criterion and bonus scores are not negative/,
    stored: '28.5',
  },
};

for (const lang of ['vi', 'en']) {
  test(`score grid keeps a message per refused cell and shows the stored score after a reload (${lang})`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    const text = TEXT[lang];
    await page.getByTestId('load-sample').click();
    await page.getByTestId('year-link').click();
    await page.getByTestId('scores-link').click();
    await page.getByTestId('score-grid').waitFor();
    const self = page.getByTestId('score-self');
    const cluster = page.getByTestId('score-cluster');
    const messages = page.getByTestId('score-cell-error');

    // A stored cluster score, then a refused change over it.
    await cluster.first().fill(lang === 'vi' ? '28,5' : '28.5');
    await page.keyboard.press('Enter');
    await cluster.first().fill('35');
    await page.keyboard.press('Tab');
    assert.match(await messages.first().innerText(), text.stays);

    // Two more refused cells: three messages, one per cell, each its own.
    await self.nth(0).fill('31');
    await page.keyboard.press('Tab');
    await self.nth(1).fill('abc');
    await page.keyboard.press('Tab');
    assert.equal(await messages.count(), 3);
    for (const [cell, expected] of [[self.nth(0), text.above], [self.nth(1), text.nan]]) {
      assert.equal(await cell.getAttribute('aria-invalid'), 'true');
      const id = await cell.getAttribute('aria-describedby');
      assert.ok(id, 'the refused cell names its message');
      assert.equal(await page.locator(`#${id}`).innerText(), expected);
    }

    // A minus on a bonus is refused; on a deduction it is the points deducted.
    await self.nth(6).fill('-2');
    await page.keyboard.press('Tab');
    assert.match(await page.locator(`#${await self.nth(6).getAttribute('aria-describedby')}`).innerText(), text.negative);
    await self.nth(7).fill('-2');
    await page.keyboard.press('Tab');
    assert.equal(await self.nth(7).inputValue(), '2');
    assert.equal(await self.nth(7).getAttribute('aria-invalid'), 'false');
    assert.equal(await self.nth(7).getAttribute('aria-describedby'), null);
    assert.equal(await messages.count(), 4);
    assert.deepEqual(await axe(page), []);
    await shot(page, `33-score-cells-refused-${lang}`);

    // Putting a cell right takes its message away, and only its own.
    await self.nth(1).fill('12');
    await page.keyboard.press('Tab');
    assert.equal(await messages.count(), 3);
    assert.equal(await self.nth(1).getAttribute('aria-describedby'), null);

    // After a reload: the stored values, no red and no stale message.
    await page.reload();
    await ready(page);
    await page.getByTestId('score-grid').waitFor();
    assert.equal(await cluster.first().inputValue(), text.stored);
    assert.equal(await self.nth(0).inputValue(), '');
    assert.equal(await self.nth(1).inputValue(), '12');
    assert.equal(await self.nth(7).inputValue(), '2');
    assert.equal(await messages.count(), 0);
    assert.equal(await page.locator('[data-testid=score-grid] .invalid').count(), 0);
    assert.deepEqual(errors, []);
  });
}
