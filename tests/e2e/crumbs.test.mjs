// Breadcrumbs throughout: from every deep screen under a cluster-year
// (round, ballot papers, entry log, entry pad, results, vote-count and
// meeting minutes, score table, achievements, scores) one click reaches the
// meeting, the year and the cluster; print hides the trail. Axe-clean in
// both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, serve, shot, ready, axe, openSampleMeeting, handCountFlagRound } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server.stop());

const WORDS = {
  vi: { clusters: 'Cụm thi đua', year: 'Năm 2024', meeting: 'Hội nghị' },
  en: { clusters: 'Clusters', year: 'Year 2024', meeting: 'Meeting' },
};

for (const lang of ['vi', 'en']) {
  test(`every deep screen has breadcrumbs to the meeting, year and cluster (${lang})`, async (t) => {
    const { page, errors } = await openApp(t, server.url);
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    await openSampleMeeting(page);
    const meetingHash = await page.evaluate(() => location.hash);
    await handCountFlagRound(page);
    const roundHash = await page.evaluate(() => location.hash);
    const meetingId = /#\/meetings\/(\d+)\//.exec(roundHash)[1];
    const yearHash = meetingHash.replace(/\/meeting$/, '');
    const clusterHash = yearHash.replace(/\/years\/\d+$/, '');

    const underMeeting = [
      ['round', roundHash],
      ['ballot papers', `${roundHash}/papers`],
      ['entry log', `${roundHash}/log`],
      ['entry pad', `${roundHash}/pass/1`],
      ['vote-count minutes', `${roundHash}/minutes`],
      ['meeting minutes', `#/meetings/${meetingId}/minutes`],
    ];
    const underYear = [
      ['scores', `${yearHash}/scores`],
      ['score table', `${yearHash}/score-table`],
      ['achievements', `${yearHash}/achievements`],
    ];
    const words = WORDS[lang];
    for (const [name, hash] of [...underMeeting, ...underYear]) {
      const inMeeting = underMeeting.some(([n]) => n === name);
      await page.evaluate((h) => { location.hash = h; }, hash);
      const crumbs = page.getByTestId('crumbs');
      await crumbs.waitFor();
      const text = await crumbs.innerText();
      assert.ok(text.startsWith(`${words.clusters} › `), `${name}: ${text}`);
      assert.ok(text.includes(` › ${words.year} › `), `${name}: ${text}`);
      assert.equal(text.includes(` › ${words.meeting} › `), inMeeting, `${name}: ${text}`);
      // Each step is one click away.
      const steps = [['crumb-year', 'year-title', yearHash], ['crumb-cluster', 'cluster-title', clusterHash]];
      if (inMeeting) steps.unshift(['crumb-meeting', 'meeting-title', meetingHash]);
      for (const [crumb, title, expected] of steps) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.getByTestId(crumb).waitFor();
        await page.getByTestId(crumb).click();
        await page.getByTestId(title).waitFor();
        assert.equal(await page.evaluate(() => location.hash), expected, `${name} → ${crumb}`);
      }
      // On paper the trail is not printed.
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.getByTestId('crumbs').waitFor();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByTestId('crumbs').isVisible(), false, `${name}: printed`);
      await page.emulateMedia({ media: 'screen' });
      if (name === 'entry log' || name === 'meeting minutes' || name === 'scores') {
        assert.deepEqual(await axe(page), [], `${name}`);
        await shot(page, `34-crumbs-${name.replace(/ /g, '-')}-${lang}`);
      }
    }
    assert.deepEqual(errors, []);
    await ready(page);
  });
}
