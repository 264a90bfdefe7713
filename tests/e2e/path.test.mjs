// The secretary's path from an empty browser to the printed vote-count
// minutes and the hand-over (path.mjs), in both languages: it gets there,
// with the reference outcome. `make bench` prints its action counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, shot } from './harness.mjs';
import { playPath } from './path.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

for (const lang of ['vi', 'en']) {
  test(`the seed meeting from an empty browser to the minutes and the hand-over (${lang})`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    const run = await playPath(page);
    // The reference outcome on the printed minutes: four units nominated.
    for (const unit of ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP']) {
      assert.ok(run.minutes.includes(unit), unit);
    }
    assert.match(run.minutes, lang === 'vi' ? /BIÊN BẢN KIỂM PHIẾU/ : /VOTE[- ]COUNT/i);
    assert.match(run.handover, /Cục Kỹ thuật BĐBP → Lữ đoàn Thông tin 21 BĐBP, 03\/10\/2024/);
    assert.ok(run.path > 0 && run.ballots > 0, 'actions were counted');
    await shot(page, `path-handover-${lang}`);
    assert.deepEqual(errors, []);
  });
}
