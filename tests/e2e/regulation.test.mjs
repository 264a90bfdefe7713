// Issue 18: the cluster's regulation (quy chế) as defaults. The secretary
// sets it on the cluster screen; a new meeting takes its quorum, a new round
// its award's rules ("as in the cluster's regulation", or what differs); the
// minutes cite it; and a meeting can start from the previous year's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { axe, download, openApp, serve, settles, shot, ROOT, SHOTS } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const FLAG = 'Cờ thi đua của Bộ Tư lệnh BĐBP';
const words = {
  vi: { asRegulation: 'Theo quy chế của cụm', differs: 'Khác quy chế của cụm:', quota: 'Chỉ tiêu', cited: 'Theo quy chế của cụm: hội nghị đủ điều kiện bỏ phiếu khi có mặt từ 3/4' },
  en: { asRegulation: "As in the cluster's regulation", differs: "Differs from the cluster's regulation:", quota: 'Quota', cited: "Under the cluster's regulation: the vote is held when at least 3/4" },
};

const value = (page, id, nth = 0) => page.getByTestId(id).nth(nth).inputValue();

for (const lang of ['vi', 'en']) {
  test(`a regulation set on the cluster screen gives a new meeting and round their defaults (${lang})`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    const w = words[lang];
    await page.getByTestId('load-sample').click();
    const card = page.getByTestId('regulation-card');
    await card.waitFor();
    await page.getByTestId('regulation-no-awards').waitFor();

    // The regulation: quorum 3/4, the flag with quota 4, > 2/3 of those
    // present, lots on a tie, no approving one's own unit.
    await page.getByTestId('regulation-quorum').fill('3/4');
    await page.getByTestId('regulation-add-award').click();
    await page.getByTestId('regulation-award-name').fill(FLAG);
    await page.getByTestId('regulation-quota').fill('4');
    await page.getByTestId('regulation-threshold').fill('2/3');
    await page.getByTestId('regulation-comparison').selectOption('more');
    await page.getByTestId('regulation-base').selectOption('present');
    await page.getByTestId('regulation-tie-break').selectOption('lots');
    await page.getByTestId('regulation-self-vote').uncheck();
    await page.getByTestId('regulation-explained').locator('summary').click();
    await page.getByTestId('save-regulation').click();
    await page.getByTestId('regulation-saved').waitFor();
    await card.screenshot({ path: join(SHOTS, `regulation-card-${lang}.png`) });
    assert.deepEqual(await axe(page), [], 'the cluster screen with an award in its regulation');

    // It travels in the cluster file, which still matches its published schema.
    const file = await download(page, 'export-cluster');
    const json = JSON.parse(readFileSync(file.path, 'utf8'));
    assert.equal(json.data.cluster.regulation.quorum, '3/4');
    assert.equal(json.data.cluster.regulation.awards[0].award, FLAG);
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const schemaDir = join(ROOT, 'public', 'schema');
    ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, 'defs.schema.json'), 'utf8')));
    const valid = ajv.compile(JSON.parse(readFileSync(join(schemaDir, 'cluster.schema.json'), 'utf8')));
    assert.ok(valid(json), JSON.stringify(valid.errors, null, 1));

    // Kept: after a reload the form shows it again.
    await page.reload();
    await page.getByTestId('regulation-card').waitFor();
    assert.equal(await value(page, 'regulation-quorum'), '3/4');
    assert.equal(await value(page, 'regulation-award-name'), FLAG);
    assert.equal(await value(page, 'regulation-quota'), '4');
    assert.equal(await value(page, 'regulation-threshold'), '2/3');
    assert.equal(await value(page, 'regulation-comparison'), 'more');
    assert.equal(await value(page, 'regulation-base'), 'present');
    assert.equal(await value(page, 'regulation-tie-break'), 'lots');
    assert.equal(await page.getByTestId('regulation-self-vote').isChecked(), false);

    // A refused regulation says why, in the interface language.
    await page.getByTestId('regulation-add-award').click();
    await page.getByTestId('regulation-award-name').nth(1).fill(FLAG.toLowerCase());
    await page.getByTestId('save-regulation').click();
    const refusal = await page.getByTestId('regulation-error').innerText();
    assert.match(refusal, lang === 'vi' ? /quy chế/ : /regulation/);
    await page.getByTestId('regulation-remove-award').nth(1).click();

    // A new meeting takes the regulation's quorum.
    await page.getByTestId('year-link').click();
    await page.getByTestId('meeting-link').click();
    await page.getByTestId('create-meeting').click();
    await page.getByTestId('meeting-form').waitFor();
    assert.equal(await value(page, 'meeting-quorum'), '3/4');

    // A round for the flag starts from the regulation's rules.
    await page.getByTestId('round-award').fill(FLAG);
    await settles(() => value(page, 'round-quota'), '4', 'the quota of the flag in the regulation');
    assert.equal(await value(page, 'round-threshold'), '2/3');
    assert.equal(await value(page, 'round-comparison'), 'more');
    assert.equal(await value(page, 'round-base'), 'present');
    assert.equal(await value(page, 'round-tie-break'), 'lots');
    assert.equal(await page.getByTestId('round-self-vote').isChecked(), false);
    assert.equal(await page.getByTestId('round-rules-source').innerText(), w.asRegulation);

    // Changed, the form says what differs; and goes back on request.
    await page.getByTestId('round-quota').fill('5');
    await page.getByTestId('round-rules-differ').waitFor();
    assert.match(await page.getByTestId('round-rules-source').innerText(), new RegExp(`^${w.differs}`));
    assert.equal(await page.getByTestId('round-rules-differ').innerText(), w.quota);
    await page.getByTestId('new-round-form').screenshot({ path: join(SHOTS, `regulation-round-form-${lang}.png`) });
    assert.deepEqual(await axe(page), [], 'the round form naming what differs');
    await page.getByTestId('round-rules-reset').click();
    assert.equal(await value(page, 'round-quota'), '4');
    assert.equal(await page.getByTestId('round-rules-source').innerText(), w.asRegulation);

    // An award the regulation does not list: the built-in defaults.
    await page.getByTestId('round-award').fill('Đơn vị Quyết thắng');
    await settles(() => value(page, 'round-quota'), '1', 'the default quota');
    assert.equal(await value(page, 'round-threshold'), '1/2');
    assert.equal(await value(page, 'round-base'), 'valid');
    assert.equal(await page.getByTestId('round-self-vote').isChecked(), true);

    // The round is made with the regulation's rules.
    await page.getByTestId('round-award').fill(FLAG);
    await settles(() => value(page, 'round-quota'), '4', 'the flag again');
    await page.getByTestId('add-round').click();
    await page.getByTestId('crumb-meeting').click();
    await page.getByTestId('round-list').waitFor();
    const row = await page.getByTestId('round-row').first().innerText();
    assert.match(row, /2\/3/);

    // The meeting minutes cite the regulation.
    await page.getByTestId('meeting-minutes-link').click();
    await page.getByText(w.cited).waitFor();
    assert.deepEqual(errors, []);
  });

  test(`a new meeting starts from the previous year's: rounds, rules and committee, names editable (${lang})`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    await page.getByTestId('load-sample').click();
    await page.getByTestId('year-link').click();
    await page.getByTestId('meeting-link').click();
    // The first year has nothing earlier to start from.
    await page.getByTestId('create-meeting').waitFor();
    assert.equal(await page.getByTestId('create-meeting-from-earlier').count(), 0);
    await page.getByTestId('create-meeting').click();
    await page.getByTestId('meeting-chair').fill('Đại tá Nguyễn Văn A');
    await page.getByTestId('meeting-place').fill('Hội trường Bộ Tư lệnh');
    for (const [i, name] of ['Trần Văn B', 'Lê Thị C', 'Phạm Văn D'].entries()) {
      await page.getByTestId('committee-name').nth(i).fill(name);
    }
    await page.getByTestId('save-meeting').click();
    await page.getByTestId('meeting-saved').waitFor();
    const roles2024 = [];
    for (let i = 0; i < 3; i++) roles2024.push(await value(page, 'committee-role', i));
    await page.getByTestId('round-award').fill(FLAG);
    await page.getByTestId('round-quota').fill('4');
    await page.getByTestId('round-threshold').fill('60%');
    await page.getByTestId('add-round').click();

    // 2025, started from 2024 on the year screen.
    await page.getByTestId('crumb-year').click();
    await page.getByTestId('start-next-year').click();
    await page.waitForFunction(() => location.hash.endsWith('/years/2025'));
    await page.getByTestId('meeting-link').click();
    await page.getByTestId('create-meeting-from-earlier').waitFor();
    assert.match(await page.getByTestId('create-meeting-from-earlier').innerText(), /2024/);
    await page.getByTestId('meeting-from-earlier-hint').waitFor();
    await shot(page, `regulation-from-earlier-${lang}`);
    assert.deepEqual(await axe(page), [], 'a meeting to create, from the previous year or not');
    await page.getByTestId('create-meeting-from-earlier').click();
    await page.getByTestId('meeting-form').waitFor();
    assert.match(await page.getByTestId('meeting-title').innerText(), /2025/);
    assert.equal(await value(page, 'meeting-chair'), 'Đại tá Nguyễn Văn A');
    assert.equal(await value(page, 'meeting-place'), 'Hội trường Bộ Tư lệnh');
    assert.equal(await value(page, 'meeting-date'), '');
    for (const [i, name] of ['Trần Văn B', 'Lê Thị C', 'Phạm Văn D'].entries()) {
      assert.equal(await value(page, 'committee-name', i), name);
      assert.equal(await value(page, 'committee-role', i), roles2024[i]);
    }
    const rows = page.getByTestId('round-row');
    assert.equal(await rows.count(), 1);
    const row = await rows.first().innerText();
    assert.ok(row.includes(FLAG), row);
    assert.match(row, /3\/5/);
    // A draft: it can still be deleted, and the names can be changed.
    await page.getByTestId('delete-round').waitFor();
    await page.getByTestId('meeting-chair').fill('Thượng tá Hoàng Văn E');
    await page.getByTestId('save-meeting').click();
    await page.getByTestId('meeting-saved').waitFor();
    await shot(page, `regulation-meeting-2025-${lang}`);
    assert.deepEqual(errors, []);
  });
}
