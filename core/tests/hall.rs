//! The hall's projector view (issue 16): the agenda before voting, nothing
//! but "n of N have voted" while a booth round is open, counting in
//! progress on paper, and a closed round's results as the results screen
//! decides them; the operator's pin, and the hand-over.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cluster_with, open_all_present, results_of, unit, vote, voter, year_draft, C, M, R1};
use thidua_core::domain::{
    pin_digest, Date, Fraction, Handover, MeetingDetails, Quota, RoundDraft, RoundId, RoundRules,
    Workspace,
};
use thidua_core::rules::hall::{
    hall_view, HallCounting, HallPin, HallResults, HallStage, HallView, HallVoting,
};
use thidua_core::rules::rounds::{open_paper_round, open_round};
use thidua_core::rules::tally::Status;

const R2: RoundId = RoundId(62);
const REHEARSAL: RoundId = RoundId(63);
const PIN: &str = "2468";
/// Names long enough that finding one in the view's text means it is there.
const NAMES: [&str; 8] = [
    "Đồn Biên phòng Alpha",
    "Đồn Biên phòng Bravo",
    "Đồn Biên phòng Charlie",
    "Đồn Biên phòng Delta",
    "Đồn Biên phòng Echo",
    "Đồn Biên phòng Foxtrot",
    "Đồn Biên phòng Golf",
    "Đồn Biên phòng Hotel",
];

/// Eight units, a dated meeting with a flag round (4 places), a
/// certificate round (2 places) and a rehearsal.
fn meeting() -> Workspace {
    let mut ws = cluster_with(&NAMES);
    ws.add_year(
        C,
        2024,
        year_draft(&[0, 1, 2, 3, 4, 5, 6, 7], Some(6), None),
    )
    .expect("year");
    ws.add_meeting(M, C, 2024).expect("meeting");
    let details = MeetingDetails {
        date: Date::new(2024, 10, 3),
        time: " 08:00 ".into(),
        place: "Hội trường Bộ Tư lệnh".into(),
        ..MeetingDetails::default()
    };
    ws.update_meeting(M, details, Fraction::two_thirds(), true)
        .expect("details");
    for (id, award, places, rehearsal) in [
        (REHEARSAL, "Bầu thử", 1, true),
        (R1, "Cờ thi đua", 4, false),
        (R2, "Bằng khen", 2, false),
    ] {
        let draft = RoundDraft {
            award: award.into(),
            rules: RoundRules {
                quota: Quota::Fixed(places),
                ..RoundRules::default()
            },
            candidates: (0..8).map(unit).collect(),
            rehearsal,
        };
        ws.add_round(M, id, draft).expect("round");
    }
    ws
}

/// Round 1 voted and closed: units 1, 2, 4, 5 over the threshold.
fn round_one_closed() -> Workspace {
    let mut ws = meeting();
    open_all_present(&mut ws, R1);
    for who in 0..7 {
        vote(&mut ws, R1, who, &[1, 2, 4, 5]);
    }
    vote(&mut ws, R1, 7, &[0, 1, 2, 3]);
    ws.close_round(M, R1).expect("close");
    ws
}

fn view(ws: &Workspace, pin: Option<HallPin>) -> HallView {
    hall_view(ws, M, pin).expect("a view of the meeting")
}

#[test]
fn before_voting_the_agenda_with_title_date_place() {
    let ws = meeting();
    let v = view(&ws, None);
    assert!(!v.pinned);
    assert_eq!(v.heading.cluster, "Cụm 1");
    assert_eq!(v.heading.year, 2024);
    assert_eq!(v.heading.date, Date::new(2024, 10, 3));
    assert_eq!(v.heading.time, "08:00");
    assert_eq!(v.heading.place, "Hội trường Bộ Tư lệnh");
    let HallStage::Agenda(agenda) = v.stage else {
        panic!("the agenda before voting, got {:?}", v.stage);
    };
    // The counting rounds in order, each with its places and rules; the
    // rehearsal is practice, not agenda.
    let rounds: Vec<(&str, u32, bool)> = agenda
        .rounds
        .iter()
        .map(|r| (r.award.as_str(), r.places, r.closed))
        .collect();
    assert_eq!(
        rounds,
        vec![("Cờ thi đua", 4, false), ("Bằng khen", 2, false)]
    );
    assert_eq!(
        agenda.rounds[0].rules.threshold.share,
        Fraction::new(1, 2).expect("1/2")
    );
    assert_eq!(agenda.handover, None);
}

#[test]
fn during_a_booth_round_only_the_award_and_how_many_have_voted() {
    let mut ws = meeting();
    open_all_present(&mut ws, R1);
    vote(&mut ws, R1, 0, &[1, 2, 4, 5]);
    vote(&mut ws, R1, 1, &[1, 2, 4, 5]);
    vote(&mut ws, R1, 2, &[0, 3]);
    // A delegate is filling a ballot now: whose turn it is must not show.
    ws.start_ballot(M, R1, voter(3)).expect("start");
    let v = view(&ws, None);
    // The view type of a booth round holds exactly these fields: no total,
    // ballot, name, PIN or turn can be carried (adding a field to
    // `HallVoting` breaks this exhaustive pattern on purpose).
    let HallStage::Voting(HallVoting {
        award,
        rehearsal,
        voted,
        of,
    }) = &v.stage
    else {
        panic!("the booth's progress while it is open, got {:?}", v.stage);
    };
    assert_eq!(
        (award.as_str(), *rehearsal, *voted, *of),
        ("Cờ thi đua", false, 3, 8)
    );
    // And the whole view says nothing of the vote: no unit's name, no
    // count per candidate, not the PIN or its digest.
    let text = format!("{v:?}");
    for name in NAMES {
        assert!(!text.contains(name), "{name} appears in {text}");
    }
    assert!(!text.contains(PIN));
    assert!(!text.contains(&pin_digest(R1, PIN)));
    assert!(!text.contains("Nominated") && !text.contains("votes"));
}

#[test]
fn before_the_roll_call_n_is_the_whole_roll() {
    let mut ws = meeting();
    open_round(&mut ws, M, R1, PIN).expect("open");
    let v = view(&ws, None);
    assert!(matches!(
        v.stage,
        HallStage::Voting(HallVoting {
            voted: 0,
            of: 8,
            ..
        })
    ));
    // Five present: the ballots to come are theirs.
    for idx in 0..6 {
        ws.set_present(M, R1, voter(idx), true).expect("present");
    }
    let v = view(&ws, None);
    assert!(matches!(
        v.stage,
        HallStage::Voting(HallVoting {
            voted: 0,
            of: 6,
            ..
        })
    ));
}

#[test]
fn paper_entry_shows_counting_in_progress() {
    let mut ws = meeting();
    open_paper_round(&mut ws, M, R1, 8, 8).expect("paper");
    let v = view(&ws, None);
    assert_eq!(
        v.stage,
        HallStage::Counting(HallCounting {
            award: "Cờ thi đua".into(),
            rehearsal: false
        })
    );
}

#[test]
fn a_closed_round_shows_the_results_screen_s_decision() {
    let ws = round_one_closed();
    let v = view(&ws, None);
    let HallStage::Results(r) = &v.stage else {
        panic!("the results after the close, got {:?}", v.stage);
    };
    // One fact, one function: the figures are `rounds::results`'.
    let (_, totals, result) = &results_of(&ws)[0];
    assert_eq!(r.round, R1);
    assert_eq!(
        (r.issued, r.collected, r.valid, r.invalid),
        (
            totals.issued,
            totals.collected,
            totals.valid,
            totals.invalid
        )
    );
    assert_eq!((r.issued, r.valid, r.invalid), (8, 8, 0));
    assert_eq!(r.places, 4);
    let lines: Vec<(String, u32, Option<u64>, Status)> = r
        .lines
        .iter()
        .map(|l| (l.name.clone(), l.votes, l.share_bp, l.status))
        .collect();
    let expected: Vec<(String, u32, Option<u64>, Status)> = result
        .candidates
        .iter()
        .map(|c| (ws.unit_name(c.unit), c.votes, c.share_bp, c.status))
        .collect();
    assert_eq!(lines, expected);
    assert_eq!(r.lines[0].votes, 8);
    assert_eq!(r.lines[0].share_bp, Some(10_000));
    assert_eq!(
        r.nominated,
        [1, 2, 4, 5].map(|i| ws.unit_name(unit(i))).to_vec()
    );
    assert_eq!(r.runoff, None);
    assert_eq!(r.unfilled, 0);
}

#[test]
fn a_tie_at_the_quota_line_says_a_runoff_follows() {
    let mut ws = meeting();
    open_all_present(&mut ws, R1);
    // Three units on every ballot; the fourth place split 4–4.
    for who in 0..8 {
        let last = if who < 4 { 3 } else { 4 };
        vote(&mut ws, R1, who, &[0, 1, 2, last]);
    }
    ws.close_round(M, R1).expect("close");
    let HallStage::Results(HallResults { runoff, .. }) = view(&ws, None).stage else {
        panic!("results");
    };
    assert_eq!(
        runoff,
        Some((vec![ws.unit_name(unit(3)), ws.unit_name(unit(4))], 1))
    );
}

#[test]
fn the_pin_keeps_round_one_up_and_following_resumes_without_it() {
    let mut ws = round_one_closed();
    open_all_present(&mut ws, R2);
    vote(&mut ws, R2, 0, &[0]);
    // Following: round 2's booth.
    assert!(matches!(view(&ws, None).stage, HallStage::Voting(_)));
    // Pinned: round 1's results stay up while round 2 votes.
    let pinned = view(&ws, Some(HallPin::Results(R1)));
    assert!(pinned.pinned);
    assert!(matches!(&pinned.stage, HallStage::Results(r) if r.round == R1));
    // The agenda pinned marks round 1 closed.
    let agenda = view(&ws, Some(HallPin::Agenda));
    let HallStage::Agenda(a) = agenda.stage else {
        panic!("agenda");
    };
    assert!(agenda.pinned && a.rounds[0].closed && !a.rounds[1].closed);
    // A pin on a round that is not closed shows nothing of it: the hall
    // follows the meeting.
    let open_pin = view(&ws, Some(HallPin::Results(R2)));
    assert!(!open_pin.pinned);
    assert!(matches!(open_pin.stage, HallStage::Voting(_)));
    let gone = view(&ws, Some(HallPin::Results(RoundId(999))));
    assert!(!gone.pinned);
}

#[test]
fn between_rounds_the_last_closed_round_stays_up() {
    let ws = round_one_closed();
    // Round 2 is a draft: the hall keeps round 1's results.
    assert!(matches!(view(&ws, None).stage, HallStage::Results(r) if r.round == R1));
}

#[test]
fn a_rehearsal_in_progress_is_marked_as_one() {
    let mut ws = meeting();
    open_all_present(&mut ws, REHEARSAL);
    assert!(matches!(
        view(&ws, None).stage,
        HallStage::Voting(HallVoting {
            rehearsal: true,
            ..
        })
    ));
}

#[test]
fn the_handover_and_the_next_year_s_leader() {
    let mut ws = round_one_closed();
    let date = Date::new(2024, 10, 3).expect("date");
    let handover = Handover {
        from: unit(6),
        to: unit(7),
        date,
        place: String::new(),
        note: String::new(),
    };
    ws.set_handover(C, 2024, Some(handover)).expect("handover");
    let HallStage::Results(r) = view(&ws, None).stage else {
        panic!("results");
    };
    let h = r.handover.expect("the hand-over shown");
    assert_eq!((h.from.as_str(), h.to.as_str()), (NAMES[6], NAMES[7]));
    assert_eq!((h.date, h.next_year), (date, 2025));
    assert_eq!(h.next_leader, NAMES[7]);
    // Once 2025 exists with its own leader, that is the one shown.
    ws.add_year(
        C,
        2025,
        year_draft(&[0, 1, 2, 3, 4, 5, 6, 7], Some(0), None),
    )
    .expect("2025");
    let HallStage::Agenda(a) = view(&ws, Some(HallPin::Agenda)).stage else {
        panic!("agenda");
    };
    assert_eq!(a.handover.expect("hand-over").next_leader, NAMES[0]);
}

#[test]
fn an_unknown_meeting_has_no_view() {
    let ws = meeting();
    assert_eq!(
        hall_view(&ws, thidua_core::domain::MeetingId(1), None),
        None
    );
}
