// The secretary's path, played as a new user would (issue 18, "measure the
// path"): from an empty browser, without the sample, the seed meeting of
// cụm thi đua số 8 — the cluster, its eight units, the year 2024 with its
// leader, the meeting with its counting committee, the flag round in the
// booth (8 delegates, quota 4, the reference outcome), the printed
// vote-count minutes and the leader flag's hand-over. Every user action
// (a click, a field filled, a box ticked, an option chosen, a key pressed)
// is counted: the ballots apart, per ballot. Used by path.test.mjs (the
// flow works) and scripts/bench-path.mjs (prints the counts).

export const UNITS = [
  'Bộ Tham mưu BĐBP',
  'Cục Chính trị BĐBP',
  'Cục Trinh sát BĐBP',
  'Cục Phòng chống ma túy và tội phạm BĐBP',
  'Cục Cửa khẩu BĐBP',
  'Cục Hậu cần BĐBP',
  'Cục Kỹ thuật BĐBP',
  'Lữ đoàn Thông tin 21 BĐBP',
];
const LEADER = 'Cục Kỹ thuật BĐBP';
const DEPUTY = 'Lữ đoàn Thông tin 21 BĐBP';
const PIN = '2468';
// Seven ballots for the four nominated units and one other: CCT 8, CTS 8,
// CCK 7, CHC 7 — the reference meeting's count.
const MOST = ['Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Cửa khẩu BĐBP', 'Cục Hậu cần BĐBP'];
const ONE = ['Bộ Tham mưu BĐBP', 'Cục Chính trị BĐBP', 'Cục Trinh sát BĐBP', 'Cục Phòng chống ma túy và tội phạm BĐBP'];
export const BALLOTS = [ONE, MOST, MOST, MOST, MOST, MOST, MOST, MOST];

/** Counts the user's actions, in the bucket `phase` names. */
export function counter() {
  const counts = { path: 0, ballots: 0 };
  let phase = 'path';
  const one = async (step) => { counts[phase] += 1; await step(); };
  return {
    counts,
    set phase(p) { phase = p; },
    click: (loc) => one(() => loc.click()),
    fill: (loc, text) => one(() => loc.fill(text)),
    check: (loc) => one(() => loc.check()),
    select: (loc, option) => one(() => loc.selectOption(option)),
    press: (page, key) => one(() => page.keyboard.press(key)),
    /** An action the app offers that the test does not perform (the
     * browser's print dialog). */
    count: () => { counts[phase] += 1; },
  };
}

const exists = async (loc) => (await loc.count()) > 0;

/** Fills a date field with 3 October 2024: typed d/m/y, or picked in a
 * browser date input where the app has one (one action either way). */
async function fillDate(act, loc) {
  const native = (await loc.getAttribute('type')) === 'date';
  await act.fill(loc, native ? '2024-10-03' : '03/10/2024');
}

/**
 * Plays the path on `page` (the app open on an empty store); returns
 * `{ path, ballots, perBallot }`.
 */
export async function playPath(page) {
  const act = counter();
  const id = (t) => page.getByTestId(t);

  // The cluster.
  await act.fill(id('cluster-name'), 'Cụm thi đua số 8 BĐBP');
  await act.fill(id('cluster-number'), '8');
  await act.fill(id('cluster-parent'), 'Bộ Tư lệnh Bộ đội Biên phòng');
  await act.click(id('create-cluster'));
  await id('cluster-title').waitFor();

  // Its eight units: pasted as a list where the app offers it, else one by one.
  const paste = id('paste-units-cluster');
  if (await exists(paste)) {
    await act.fill(paste.getByTestId('paste-units-text'), UNITS.join('\n'));
    await act.click(paste.getByTestId('paste-units-preview'));
    await act.click(paste.getByTestId('add-pasted-units'));
    await paste.getByTestId('paste-units-saved').waitFor();
  } else {
    for (const name of UNITS) {
      await act.fill(id('unit-full-name'), name);
      await act.click(id('add-unit'));
    }
  }
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=rotation-row]').length === n, UNITS.length);

  // The year 2024: all members (the default), its leader and deputy.
  await act.fill(id('new-year'), '2024');
  await act.click(id('create-year'));
  await id('year-title').waitFor();
  await act.select(id('leader-select'), { label: LEADER });
  await act.select(id('deputy-select'), { label: DEPUTY });
  await act.click(id('save-year'));
  await id('year-saved').waitFor();

  // The meeting: date, place, chair, secretary, a committee of three.
  await act.click(id('meeting-link'));
  await act.click(id('create-meeting'));
  await id('meeting-title').waitFor();
  await fillDate(act, id('meeting-date'));
  await act.fill(id('meeting-place'), 'Hà Nội');
  await act.fill(id('meeting-chair'), 'Đại tá Vũ Văn Khương');
  await act.fill(id('meeting-secretary'), 'Thiếu tá Nguyễn Thu Hà');
  const committee = ['Trung tá Lê Minh', 'Thiếu tá Phạm An', 'Đại úy Trần Bình'];
  for (const [i, name] of committee.entries()) await act.fill(id('committee-name').nth(i), name);
  await act.click(id('save-meeting'));
  await id('meeting-saved').waitFor();

  // The flag round, opened with the operator's PIN.
  await act.fill(id('round-award'), 'Cờ thi đua của Bộ Tư lệnh BĐBP');
  await act.fill(id('round-quota'), '4');
  await act.click(id('add-round'));
  await id('round-title').waitFor();
  await act.fill(id('open-pin'), PIN);
  await act.click(id('open-round'));
  await id('roll').waitFor();
  if (await exists(id('roll-all-present'))) {
    await act.click(id('roll-all-present'));
  } else {
    const boxes = id('roll-present');
    for (let i = 0; i < (await boxes.count()); i += 1) await act.check(boxes.nth(i));
  }

  // Eight delegates vote, each handing the laptop back.
  act.phase = 'ballots';
  for (const [row, names] of BALLOTS.entries()) {
    await act.click(id('roll-row').nth(row).getByTestId('give-ballot'));
    await id('ballot').waitFor();
    for (const name of names) await act.check(page.getByRole('checkbox', { name, exact: true }));
    await act.click(id('review-ballot'));
    await act.click(id('confirm-ballot'));
    await id('hand-back').waitFor();
    await act.fill(id('unlock-pin'), PIN);
    await act.click(id('unlock'));
    await id('roll').waitFor();
  }
  act.phase = 'path';

  // Closed, the results, the vote-count minutes printed.
  await act.click(id('close-round'));
  await act.click(id('close-confirm'));
  await id('results').waitFor();
  await act.click(id('vote-minutes-link'));
  await id('document-print').waitFor();
  act.count(); // the print button (its dialog is the browser's)
  const minutes = await page.locator('main').innerText();

  // The hand-over of the leader flag at the meeting, from the year's page.
  if (await exists(id('crumb-year'))) {
    await act.click(id('crumb-year'));
  } else {
    await act.click(id('nav-clusters'));
    await act.click(id('cluster-link'));
    await act.click(id('year-link'));
  }
  await id('handover-form').waitFor();
  if (!(await id('handover-date').inputValue())) {
    await fillDate(act, id('handover-date'));
    await act.fill(id('handover-note'), 'Tại Hội nghị tổng kết, Hà Nội');
  }
  await act.click(id('save-handover'));
  await id('handover-recorded').waitFor();
  const handover = await id('handover-recorded').innerText();

  const { path, ballots } = act.counts;
  return { path, ballots, perBallot: ballots / BALLOTS.length, minutes, handover };
}
