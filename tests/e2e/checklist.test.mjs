// Issue 18: the meeting's checklist before the vote (missing items link to
// where they are filled, and turn ready), the confirmation asked before a
// round opens with no counting committee, and the committee's roles
// offered and printed in the interface's / document's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, openApp, serve, openSampleMeeting, handCountFlagRound, shot, SHOTS } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const WORDS = {
  vi: { missing: 'Còn thiếu', ready: 'Đã xong', head: 'Trưởng ban', member: 'Ủy viên', noCommittee: 'Chưa có ban kiểm phiếu. Vẫn mở vòng bỏ phiếu khi chưa có ban kiểm phiếu?' },
  en: { missing: 'Missing', ready: 'Ready', head: 'Head', member: 'Member', noCommittee: 'There is no counting committee. Open the round without a counting committee?' },
};

const itemState = (page, item) => page.getByTestId(`check-${item}`).getAttribute('data-state');
const states = async (page) => {
  const out = {};
  for (const item of ['chair', 'secretary', 'committee', 'voters', 'rounds', 'pin']) out[item] = await itemState(page, item);
  return out;
};
const selectedText = (locator) => locator.evaluate((s) => s.options[s.selectedIndex]?.text ?? '');
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

async function inLang(t, lang) {
  const { page, errors } = await openApp(t, server.url);
  if (lang === 'en') await page.getByTestId('lang-switch').click();
  return { page, errors };
}

for (const lang of ['vi', 'en']) {
  const w = WORDS[lang];

  test(`${lang}: the checklist shows what is missing, links to it, and turns ready`, async (t) => {
    const { page, errors } = await inLang(t, lang);
    await openSampleMeeting(page);
    const meeting = page.url();
    await page.getByTestId('checklist').waitFor();
    assert.deepEqual(await states(page), {
      chair: 'missing', secretary: 'missing', committee: 'missing', voters: 'ready', rounds: 'missing', pin: 'missing',
    });
    assert.match(await page.getByTestId('check-chair').innerText(), new RegExp(`^${w.missing}`));
    assert.match(await page.getByTestId('check-voters').innerText(), new RegExp(`^${w.ready}`));
    assert.equal(await page.getByTestId('checklist-count').innerText(), '1/6');
    await shot(page, `i18-checklist-missing-${lang}`);
    assert.deepEqual(await axe(page), []);

    // A missing item is a link to where it is filled: the focus goes there.
    await page.getByTestId('check-chair').getByTestId('check-link').click();
    assert.equal(await focused(page), 'meeting-chair');
    await page.getByTestId('check-committee').getByTestId('check-link').click();
    assert.equal(await focused(page), 'committee-name');

    // The committee's roles are offered in the interface language.
    const roles = page.getByTestId('committee-role');
    assert.equal(await selectedText(roles.nth(0)), w.head);
    assert.equal(await selectedText(roles.nth(1)), w.member);

    await page.getByTestId('meeting-chair').fill('Đại tá Vũ Văn Khương');
    await page.getByTestId('meeting-secretary').fill('Thiếu tá Nguyễn Thu Hà');
    const names = page.getByTestId('committee-name');
    for (const [i, name] of ['Trung tá Lê Minh', 'Thiếu tá Phạm An', 'Đại úy Trần Bình'].entries()) await names.nth(i).fill(name);
    await page.getByTestId('save-meeting').click();
    await page.getByTestId('meeting-saved').waitFor();
    assert.deepEqual(await states(page), {
      chair: 'ready', secretary: 'ready', committee: 'ready', voters: 'ready', rounds: 'missing', pin: 'missing',
    });

    // A round: the PIN is what is left, chosen on the round's opening form.
    await page.getByTestId('round-award').fill('Cờ thi đua của Bộ Tư lệnh BĐBP');
    await page.getByTestId('round-quota').fill('4');
    await page.getByTestId('add-round').click();
    await page.getByTestId('round-title').waitFor();
    await page.goto(meeting);
    await page.getByTestId('checklist').waitFor();
    assert.equal(await itemState(page, 'rounds'), 'ready');
    assert.equal(await itemState(page, 'pin'), 'missing');
    await shot(page, `i18-checklist-pin-left-${lang}`);
    await page.getByTestId('check-pin').getByTestId('check-link').click();
    await page.getByTestId('open-pin').fill('2468');
    await page.getByTestId('open-round').click();
    // A committee is named: no question asked.
    await page.getByTestId('roll').waitFor();
    assert.equal(await page.getByTestId('no-committee-confirm').count(), 0);
    await page.goto(meeting);
    await page.getByTestId('checklist').waitFor();
    assert.deepEqual(await states(page), {
      chair: 'ready', secretary: 'ready', committee: 'ready', voters: 'ready', rounds: 'ready', pin: 'ready',
    });
    assert.equal(await page.getByTestId('checklist-count').innerText(), '6/6');
    assert.equal(await page.getByTestId('check-link').count(), 0);
    await shot(page, `i18-checklist-ready-${lang}`);
    assert.deepEqual(errors, []);
  });

  test(`${lang}: opening a round with no counting committee asks first`, async (t) => {
    const { page, errors } = await inLang(t, lang);
    await openSampleMeeting(page);
    const meeting = page.url();
    await page.getByTestId('round-award').fill('Cờ thi đua của Bộ Tư lệnh BĐBP');
    await page.getByTestId('round-quota').fill('4');
    await page.getByTestId('add-round').click();
    await page.getByTestId('round-title').waitFor();
    const round = page.url();
    await page.getByTestId('open-pin').fill('2468');
    await page.getByTestId('open-round').click();
    assert.equal(await page.getByTestId('no-committee-text').innerText(), w.noCommittee);
    assert.equal(await page.getByTestId('roll').count(), 0, 'not opened yet');
    await shot(page, `i18-no-committee-confirm-${lang}`);
    assert.deepEqual(await axe(page), []);
    // "Go back" leads to the meeting, nothing opened.
    await page.getByTestId('name-committee-first').click();
    await page.getByTestId('checklist').waitFor();
    assert.equal(await itemState(page, 'committee'), 'missing');
    await page.goto(round);
    await page.getByTestId('open-pin').fill('2468');
    await page.getByTestId('open-round').click();
    await page.getByTestId('open-without-committee').click();
    await page.getByTestId('roll').waitFor();

    // The paper form asks the same.
    await page.goto(meeting);
    await page.getByTestId('round-award').fill('Bằng khen của Bộ Tư lệnh BĐBP');
    await page.getByTestId('add-round').click();
    await page.getByTestId('paper-open').click();
    assert.equal(await page.getByTestId('no-committee-text').innerText(), w.noCommittee);
    assert.equal(await page.getByTestId('paper-round').count(), 0, 'not started yet');
    assert.deepEqual(errors, []);
  });
}

test('English minutes name the committee with "Head" and "Member" and sign so', async (t) => {
  const { page, errors } = await inLang(t, 'en');
  await openSampleMeeting(page, { place: 'Hà Nội', date: '2024-10-03' });
  await page.getByTestId('meeting-chair').fill('Đại tá Vũ Văn Khương');
  await page.getByTestId('meeting-secretary').fill('Thiếu tá Nguyễn Thu Hà');
  const names = page.getByTestId('committee-name');
  for (const [i, name] of ['Trung tá Lê Minh', 'Thiếu tá Phạm An', 'Đại úy Trần Bình', 'Đại úy Đỗ Hòa'].entries()) await names.nth(i).fill(name);
  // The fourth member: another role, typed.
  await page.getByTestId('committee-role').nth(3).selectOption('other');
  await page.getByTestId('committee-role-other').fill('Giám sát');
  await page.getByTestId('save-meeting').click();
  await page.getByTestId('meeting-saved').waitFor();
  await shot(page, 'i18-committee-roles-en');
  await handCountFlagRound(page);
  await page.getByTestId('vote-minutes-link').click();
  await page.getByTestId('document').waitFor();
  const text = await page.getByTestId('document').innerText();
  assert.match(text, /Trung tá Lê Minh — Head/);
  assert.match(text, /Thiếu tá Phạm An — Member/);
  assert.match(text, /Đại úy Đỗ Hòa — Giám sát/);
  assert.doesNotMatch(text, /Ủy viên|ỦY VIÊN|Trưởng ban/);
  const signatures = await page.locator('.doc-signature').allInnerTexts();
  const flat = signatures.map((s) => s.replace(/\s+/g, ' ').trim());
  assert.deepEqual(flat.slice(0, 4).map((s) => s.split(' ')[0]), ['HEAD', 'MEMBER', 'MEMBER', 'GIÁM']);
  assert.match(flat[0], /HEAD OF THE COUNTING COMMITTEE.*Trung tá Lê Minh/);
  await shot(page, 'i18-vote-minutes-roles-en');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const path = join(SHOTS, 'i18-vote-minutes-roles-en.pdf');
  writeFileSync(path, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-png', path, join(SHOTS, 'pdf-i18-vote-minutes-roles-en')]);

  // In Vietnamese, the same record prints the Vietnamese roles.
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('document').filter({ hasText: 'Trung tá Lê Minh — Trưởng ban' }).waitFor();
  assert.match(await page.getByTestId('document').innerText(), /Thiếu tá Phạm An — Ủy viên/);
  assert.deepEqual(errors, []);
});
