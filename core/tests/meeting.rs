//! Meetings and booth voting in the domain: the roll, quorum, secrecy of
//! stored ballots, no double vote, reload, close, runoff, exclusion.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{
    meeting_with_round, meeting_with_rules, open_all_present, results_of, unit, vote, voter, C, M,
    R1,
};
use thidua_core::domain::{
    BoothScreen, DomainError, Meeting, MeetingDetails, MeetingId, Quota, RoundDraft, RoundId,
    RoundRules, RoundState, UnitId, Workspace,
};
use thidua_core::exchange::{decode_record, encode_record, MeetingDto};
use thidua_core::rules::rounds::{
    ballot_candidates, close_with_totals, create_runoff, open_paper_round, open_round,
    papers_outdated, record_printed_papers,
};
use thidua_core::rules::tally::Status;

const R2: RoundId = RoundId(62);
const PIN: &str = "2468";

fn stored(ws: &Workspace) -> String {
    let meeting = ws.meeting(M).expect("meeting");
    encode_record(&MeetingDto::from(meeting)).expect("written")
}

/// The sample cluster's outcome: four units for the flag.
const BALLOTS: [&[usize]; 8] = [
    &[1, 2, 4, 5],
    &[1, 2, 4, 5],
    &[1, 2, 4, 5],
    &[1, 2, 4, 5],
    &[1, 2, 4, 5],
    &[1, 2, 4, 5],
    &[1, 2, 4, 5],
    &[0, 1, 2, 3],
];

#[test]
fn booth_round_counts_and_explains() {
    let mut ws = meeting_with_round(4);
    open_all_present(&mut ws, R1);
    for (who, ballot) in BALLOTS.iter().enumerate() {
        vote(&mut ws, R1, who, ballot);
    }
    ws.close_round(M, R1).expect("close");
    let results = results_of(&ws);
    let (_, totals, result) = &results[0];
    assert_eq!(
        (
            totals.issued,
            totals.collected,
            totals.valid,
            totals.invalid
        ),
        (8, 8, 8, 0)
    );
    assert_eq!(result.nominated, vec![unit(1), unit(2), unit(4), unit(5)]);
    assert_eq!(result.candidates[0].share_bp, Some(10_000));
    assert_eq!(
        result
            .candidates
            .iter()
            .find(|c| c.unit == unit(4))
            .map(|c| c.share_bp),
        Some(Some(8750))
    );
}

#[test]
fn secrecy_the_same_ballots_in_another_voter_order_store_identically() {
    let mut first = meeting_with_round(4);
    let mut second = meeting_with_round(4);
    open_all_present(&mut first, R1);
    open_all_present(&mut second, R1);
    for (who, ballot) in BALLOTS.iter().enumerate() {
        vote(&mut first, R1, who, ballot);
    }
    // Reverse order of voters, and each ballot given by a different voter.
    for (who, ballot) in BALLOTS.iter().rev().enumerate() {
        vote(&mut second, R1, who, ballot);
    }
    assert_eq!(stored(&first), stored(&second));
    // And nothing in the record names a voter beside a ballot.
    let record: serde_json::Value = serde_json::from_str(&stored(&first)).expect("json");
    let ballots = find_key(&record, "ballots").expect("ballots");
    assert!(ballots.get("counts").is_some_and(|c| c.is_array()));
    assert!(!ballots.to_string().contains("voter"));
}

/// The first value under `key`, searched depth first.
fn find_key<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

#[test]
fn no_double_vote_no_vote_without_quorum_wrong_pin_refused() {
    let mut ws = meeting_with_round(4);
    open_round(&mut ws, M, R1, PIN).expect("open");
    for idx in 0..5 {
        ws.set_present(M, R1, voter(idx), true).expect("present");
    }
    // 5 of 8 < 2/3.
    assert_eq!(
        ws.start_ballot(M, R1, voter(0)),
        Err(DomainError::NoQuorum {
            present: 5,
            entitled: 8
        })
    );
    ws.set_present(M, R1, voter(5), true).expect("present");
    assert_eq!(
        ws.start_ballot(M, R1, voter(7)),
        Err(DomainError::NotPresent)
    );
    vote(&mut ws, R1, 0, &[1]);
    assert_eq!(
        ws.start_ballot(M, R1, voter(0)),
        Err(DomainError::AlreadyVoted)
    );
    assert_eq!(
        ws.set_present(M, R1, voter(7), true),
        Err(DomainError::VotingStarted)
    );
    ws.start_ballot(M, R1, voter(1)).expect("start");
    assert_eq!(
        ws.submit_ballot(M, R1, vec![unit(0), unit(1), unit(2), unit(3), unit(4)]),
        Err(DomainError::TooManyApprovals)
    );
    assert_eq!(
        ws.close_round(M, R1),
        Err(DomainError::BoothLocked),
        "no close with a ballot being filled"
    );
    ws.submit_ballot(M, R1, vec![unit(2)]).expect("submit");
    assert_eq!(
        ws.start_ballot(M, R1, voter(2)),
        Err(DomainError::BoothLocked)
    );
    assert_eq!(ws.unlock_booth(M, R1, "1111"), Err(DomainError::WrongPin));
    ws.unlock_booth(M, R1, PIN).expect("unlock");
}

#[test]
fn a_reload_during_a_ballot_drops_it_unseen_and_keeps_the_others() {
    let mut ws = meeting_with_round(4);
    open_all_present(&mut ws, R1);
    vote(&mut ws, R1, 0, &[1, 2]);
    ws.start_ballot(M, R1, voter(1)).expect("start");
    // What the browser holds at that moment, read back after a reload.
    let text = stored(&ws);
    let meeting =
        Meeting::try_from(decode_record::<MeetingDto>(&text).expect("decode")).expect("valid");
    let mut reloaded = Workspace::new(ws.units().to_vec(), ws.clusters().to_vec(), vec![meeting])
        .expect("consistent");
    reloaded.interrupt_open_ballots(&[]);
    let RoundState::Open(booth) = &reloaded.meeting(M).expect("m").round(R1).expect("r").state
    else {
        panic!("open")
    };
    assert_eq!(booth.screen(), BoothScreen::Interrupted(voter(1)));
    assert_eq!(booth.ballots().len(), 1);
    assert_eq!(booth.voted(), vec![voter(0)]);
    assert_eq!(
        reloaded.submit_ballot(M, R1, vec![unit(3)]),
        Err(DomainError::NoBallotInProgress)
    );
    reloaded.unlock_booth(M, R1, PIN).expect("unlock");
    vote(&mut reloaded, R1, 1, &[3]);
}

#[test]
fn self_vote_rule_is_enforced() {
    let mut ws = meeting_with_rules(RoundRules {
        quota: Quota::Fixed(4),
        self_vote_allowed: false,
        ..RoundRules::default()
    });
    open_all_present(&mut ws, R1);
    ws.start_ballot(M, R1, voter(3)).expect("start");
    assert_eq!(
        ws.submit_ballot(M, R1, vec![unit(3)]),
        Err(DomainError::SelfVote)
    );
    ws.submit_ballot(M, R1, vec![unit(2)])
        .expect("another unit is fine");
}

#[test]
fn tie_becomes_a_runoff_and_exclusion_applies_to_lower_rounds() {
    let mut ws = meeting_with_round(1);
    let lower = RoundDraft {
        award: "Bằng khen".into(),
        rules: RoundRules {
            quota: Quota::Fixed(2),
            ..RoundRules::default()
        },
        candidates: (0..8).map(unit).collect(),
        rehearsal: false,
    };
    ws.add_round(M, R2, lower).expect("round 2");
    assert_eq!(
        open_round(&mut ws, M, R2, PIN),
        Err(DomainError::EarlierRoundNotClosed)
    );
    open_all_present(&mut ws, R1);
    for who in 0..8 {
        vote(&mut ws, R1, who, &[if who < 4 { 0 } else { 1 }]);
    }
    ws.close_round(M, R1).expect("close");
    let (_, _, result) = results_of(&ws).remove(0);
    assert_eq!(result.runoff, Some((vec![unit(0), unit(1)], 1)));
    let runoff = create_runoff(&mut ws, M, R1, RoundId(63)).expect("runoff");
    assert_eq!(
        create_runoff(&mut ws, M, R1, RoundId(64)),
        Err(DomainError::RunoffExists)
    );
    let order: Vec<RoundId> = ws
        .meeting(M)
        .expect("m")
        .rounds()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(order, vec![R1, runoff, R2]);
    open_all_present(&mut ws, runoff);
    for who in 0..8 {
        vote(&mut ws, runoff, who, &[if who < 5 { 0 } else { 1 }]);
    }
    ws.close_round(M, runoff).expect("close");
    // Issue 15 (found by trying the app): once the runoff is held, the tied
    // round still reads "tied"; a second runoff would vote again on the
    // place the first filled (five nominees for four places). One per round.
    assert_eq!(
        create_runoff(&mut ws, M, R1, RoundId(64)),
        Err(DomainError::RunoffExists)
    );
    assert_eq!(
        ws.meeting(M).and_then(|m| m.runoff_of(R1)).map(|r| r.id),
        Some(runoff)
    );
    // Unit 0 won the flag in the runoff, so it is off the next ballot.
    open_round(&mut ws, M, R2, PIN).expect("open round 2");
    let round2 = ws.meeting(M).expect("m").round(R2).expect("r2").clone();
    assert_eq!(round2.excluded(), vec![unit(0)]);
    assert!(!round2.candidates().contains(&unit(0)));
    for idx in 0..8 {
        ws.set_present(M, R2, voter(idx), true).expect("present");
    }
    for who in 0..8 {
        vote(&mut ws, R2, who, &[1, 2]);
    }
    ws.close_round(M, R2).expect("close");
    let results = results_of(&ws);
    let (_, _, result2) = results.last().expect("r2");
    assert_eq!(
        result2.candidates.last().map(|c| (c.unit, c.status)),
        Some((unit(0), Status::Excluded))
    );
    assert_eq!(result2.nominated, vec![unit(1), unit(2)]);
}

#[test]
fn rehearsal_never_counts_and_is_deleted_when_it_ends() {
    let mut ws = meeting_with_round(4);
    let practice = RoundDraft {
        award: "Diễn tập".into(),
        rules: RoundRules::default(),
        candidates: vec![unit(0), unit(1)],
        rehearsal: true,
    };
    ws.add_round(M, RoundId(70), practice).expect("rehearsal");
    open_all_present(&mut ws, RoundId(70));
    vote(&mut ws, RoundId(70), 0, &[0]);
    ws.delete_round(M, RoundId(70)).expect("end rehearsal");
    assert!(ws.meeting(M).expect("m").round(RoundId(70)).is_none());
    assert!(!stored(&ws).contains("Diễn tập"));
    // A regular round cannot be deleted once opened.
    open_round(&mut ws, M, R1, PIN).expect("open");
    assert_eq!(ws.delete_round(M, R1), Err(DomainError::RoundNotDraft));
}

#[test]
fn meeting_details_validation() {
    let mut ws = meeting_with_round(4);
    let member = |name: &str| thidua_core::domain::CommitteeMember {
        name: name.into(),
        role: thidua_core::domain::CommitteeRole::Member,
    };
    let details = MeetingDetails {
        committee: vec![member("Một"), member("Hai")],
        ..Default::default()
    };
    let quorum = thidua_core::domain::Fraction::two_thirds();
    assert_eq!(
        ws.update_meeting(M, details, quorum, true),
        Err(DomainError::CommitteeSize(2))
    );
    let details = MeetingDetails {
        committee: vec![member("Một"), member("Hai"), member("")],
        ..Default::default()
    };
    assert_eq!(
        ws.update_meeting(M, details, quorum, true),
        Err(DomainError::CommitteeMemberWithoutName)
    );
    let details = MeetingDetails {
        committee: vec![member("Một"), member("Hai"), member("Ba")],
        place: "Hà Nội".into(),
        ..Default::default()
    };
    assert_eq!(ws.update_meeting(M, details, quorum, true), Ok(()));
    assert_eq!(
        ws.add_meeting(MeetingId(51), C, 2024),
        Err(DomainError::MeetingExists)
    );
    let empty_award = RoundDraft {
        award: " ".into(),
        rules: RoundRules::default(),
        candidates: vec![unit(0)],
        rehearsal: false,
    };
    assert_eq!(
        ws.add_round(M, RoundId(80), empty_award),
        Err(DomainError::EmptyAward)
    );
    let outsider = RoundDraft {
        award: "X".into(),
        rules: RoundRules::default(),
        candidates: vec![UnitId(5)],
        rehearsal: false,
    };
    assert_eq!(
        ws.add_round(M, RoundId(80), outsider),
        Err(DomainError::UnitNotInCluster(UnitId(5)))
    );
    assert_eq!(
        open_round(&mut ws, M, R1, "12"),
        Err(DomainError::PinTooShort)
    );
}

#[test]
fn stored_meetings_round_trip_and_bad_ones_are_refused_with_the_field() {
    let mut ws = meeting_with_round(4);
    open_all_present(&mut ws, R1);
    vote(&mut ws, R1, 0, &[1]);
    let text = stored(&ws);
    let back =
        Meeting::try_from(decode_record::<MeetingDto>(&text).expect("decode")).expect("valid");
    assert_eq!(&back, ws.meeting(M).expect("m"));
    // A ballot box that does not match the roll of who voted is refused.
    let tampered = text.replace("\"voted\":[101]", "\"voted\":[]");
    let error = Meeting::try_from(decode_record::<MeetingDto>(&tampered).expect("decode"))
        .expect_err("invalid");
    assert!(
        error
            .to_string()
            .contains("data.rounds[0].state.booth.ballots"),
        "{error}"
    );
}

#[test]
fn a_tie_is_settled_by_the_cluster_score_ranking_when_the_round_says_so() {
    use thidua_core::domain::{Points, Scorer, TieBreak};
    let mut ws = meeting_with_rules(RoundRules {
        quota: Quota::Fixed(1),
        tie_break: TieBreak::ClusterScore,
        ..RoundRules::default()
    });
    // Unit 1 outscores unit 0 in the cluster's table.
    let item = ws
        .cluster(C)
        .and_then(|c| c.year(2024))
        .expect("2024")
        .criteria
        .items[0]
        .id;
    ws.set_score(C, 2024, unit(0), Scorer::Cluster, item, Some(Points(2000)))
        .expect("score");
    ws.set_score(C, 2024, unit(1), Scorer::Cluster, item, Some(Points(2500)))
        .expect("score");
    open_all_present(&mut ws, R1);
    for who in 0..8 {
        vote(&mut ws, R1, who, &[if who < 4 { 0 } else { 1 }]);
    }
    ws.close_round(M, R1).expect("close");
    let (_, _, result) = results_of(&ws).remove(0);
    assert_eq!(result.nominated, vec![unit(1)]);
    assert_eq!(result.runoff, None);
    assert_eq!(
        result
            .candidates
            .iter()
            .find(|c| c.unit == unit(1))
            .map(|c| c.status),
        Some(Status::NominatedByScore)
    );
}

/// Issue 15, defect 10: one decision says the laptop is locked for a
/// booth round, from the ballot being given to the operator's PIN.
#[test]
fn the_laptop_is_locked_from_the_ballot_to_the_pin() {
    let mut ws = meeting_with_round(4);
    assert_eq!(ws.locked_booth(), None, "draft");
    open_all_present(&mut ws, R1);
    assert_eq!(ws.locked_booth(), None, "operator's screen");
    ws.start_ballot(M, R1, voter(0)).expect("start");
    assert_eq!(ws.locked_booth(), Some((M, R1)), "a delegate's ballot");
    ws.submit_ballot(M, R1, vec![unit(1)]).expect("submit");
    assert_eq!(ws.locked_booth(), Some((M, R1)), "hand-back screen");
    assert_eq!(ws.unlock_booth(M, R1, "0000"), Err(DomainError::WrongPin));
    assert_eq!(ws.locked_booth(), Some((M, R1)), "a wrong PIN");
    ws.unlock_booth(M, R1, PIN).expect("unlock");
    assert_eq!(ws.locked_booth(), None, "unlocked");
    ws.start_ballot(M, R1, voter(1)).expect("start");
    ws.interrupt_open_ballots(&[]);
    assert_eq!(ws.locked_booth(), Some((M, R1)), "interrupted by a reload");
    ws.unlock_booth(M, R1, PIN).expect("unlock");
    ws.close_round(M, R1).expect("close");
    assert_eq!(ws.locked_booth(), None, "closed");
}

/// Round 1 (quota 2) counted by hand: units 0 and 1 nominated with 8 and
/// 7 of 8; round 2 (quota 3) lists all eight units.
fn two_rounds_first_counted() -> Workspace {
    let mut ws = meeting_with_round(2);
    let draft = RoundDraft {
        award: "Bằng khen".into(),
        rules: RoundRules {
            quota: Quota::Fixed(3),
            ..RoundRules::default()
        },
        candidates: (0..8).map(unit).collect(),
        rehearsal: false,
    };
    ws.add_round(M, R2, draft).expect("round 2");
    hand_count_r1(&mut ws);
    ws
}

fn hand_count_r1(ws: &mut Workspace) {
    let hand = thidua_core::domain::HandTotals {
        collected: 8,
        valid: 8,
        invalid: 0,
        votes: [(unit(0), 8), (unit(1), 7)].into_iter().collect(),
    };
    close_with_totals(ws, M, R1, 8, 8, hand).expect("hand count");
}

/// Issue 15, defect 1: the papers of round 2 (printed from the draft),
/// its draft list, and the entry pad (after opening) number the same six
/// candidates the same way: the paper's 3 is the pad's key 3.
#[test]
fn issue15_defect1_papers_draft_list_and_pad_number_the_candidates_alike() {
    use thidua_core::domain::{candidate_for_key, entry_key, parse_reading, PaperBallot};
    let mut ws = two_rounds_first_counted();
    let on_papers = ballot_candidates(&ws, M, R2).expect("candidates");
    let six: Vec<UnitId> = (2..8).map(unit).collect();
    assert_eq!(on_papers.standing, six);
    assert_eq!(on_papers.excluded, vec![unit(0), unit(1)]);
    record_printed_papers(&mut ws, M, R2).expect("printed");
    assert!(!papers_outdated(&ws, M, R2).expect("round"));
    open_paper_round(&mut ws, M, R2, 8, 8).expect("paper round");
    let on_pad = ballot_candidates(&ws, M, R2).expect("candidates");
    assert_eq!(on_pad, on_papers);
    let round = ws.meeting(M).and_then(|m| m.round(R2)).expect("round");
    assert_eq!(round.candidates(), six);
    // Paper number 3 → key '3' → the third candidate, unit 4.
    let key = entry_key(2).expect("key").to_string();
    assert_eq!(candidate_for_key(&key), Some(2));
    assert_eq!(on_pad.standing[2], unit(4));
    assert_eq!(
        parse_reading("3", &on_pad.standing).expect("reading"),
        PaperBallot::Marks(thidua_core::domain::Approvals::new(vec![unit(4)]))
    );
}

/// Issue 15, defect 1: papers printed before a higher round closed list
/// units that are no longer candidates; the round says so, and paper
/// entry or a hand count with those papers is refused (nothing changes)
/// until they are printed again.
#[test]
fn issue15_defect1_papers_printed_before_a_higher_round_closed_ask_for_a_reprint() {
    let mut ws = meeting_with_round(2);
    let draft = RoundDraft {
        award: "Bằng khen".into(),
        rules: RoundRules {
            quota: Quota::Fixed(3),
            ..RoundRules::default()
        },
        candidates: (0..8).map(unit).collect(),
        rehearsal: false,
    };
    ws.add_round(M, R2, draft).expect("round 2");
    record_printed_papers(&mut ws, M, R2).expect("printed early");
    assert!(!papers_outdated(&ws, M, R2).expect("round"));
    hand_count_r1(&mut ws);
    assert!(papers_outdated(&ws, M, R2).expect("round"));
    let before = stored(&ws);
    assert_eq!(
        open_paper_round(&mut ws, M, R2, 8, 8),
        Err(DomainError::PapersOutdated)
    );
    let hand = thidua_core::domain::HandTotals {
        collected: 8,
        valid: 8,
        invalid: 0,
        votes: (2..8).map(|i| (unit(i), 0)).collect(),
    };
    assert_eq!(
        close_with_totals(&mut ws, M, R2, 8, 8, hand),
        Err(DomainError::PapersOutdated)
    );
    assert_eq!(stored(&ws), before);
    // The booth uses no papers.
    let mut booth = ws.clone();
    open_round(&mut booth, M, R2, PIN).expect("booth opens");
    // Printing again keeps the new list; entry may start.
    record_printed_papers(&mut ws, M, R2).expect("reprinted");
    assert!(!papers_outdated(&ws, M, R2).expect("round"));
    open_paper_round(&mut ws, M, R2, 8, 8).expect("paper round");
}

/// Issue 15, defect 2: the hand-count form of round 2 has a field for
/// each candidate only (empty ones are 0) and the count saves; a vote for
/// a unit that is not a candidate is still refused, naming it.
#[test]
fn issue15_defect2_a_later_rounds_hand_count_with_exclusion_saves() {
    let mut ws = two_rounds_first_counted();
    let fields = ballot_candidates(&ws, M, R2).expect("candidates").standing;
    let mut votes: std::collections::BTreeMap<UnitId, u32> =
        fields.iter().map(|u| (*u, 0)).collect();
    votes.insert(unit(2), 6);
    votes.insert(unit(5), 5);
    let hand = thidua_core::domain::HandTotals {
        collected: 8,
        valid: 8,
        invalid: 0,
        votes,
    };
    let mut with_outsider = hand.clone();
    with_outsider.votes.insert(unit(1), 0);
    assert_eq!(
        close_with_totals(&mut ws.clone(), M, R2, 8, 8, with_outsider),
        Err(DomainError::NotACandidateUnit(unit(1)))
    );
    close_with_totals(&mut ws, M, R2, 8, 8, hand).expect("saves");
    let results = results_of(&ws);
    assert_eq!(results[1].2.nominated, vec![unit(2), unit(5)]);
    let excluded: Vec<Status> = results[1]
        .2
        .candidates
        .iter()
        .filter(|c| c.unit == unit(0) || c.unit == unit(1))
        .map(|c| c.status)
        .collect();
    assert_eq!(excluded, vec![Status::Excluded, Status::Excluded]);
}

/// Issue 15, same class as defect 1 (found in the hunt): a runoff created
/// after a later round opened would nominate units that stood in that
/// round, whose candidates were frozen without them. With exclusion it is
/// refused, and nothing changes; without exclusion it is allowed.
#[test]
fn issue15_a_runoff_after_a_later_round_opened_is_refused_with_exclusion() {
    let mut ws = meeting_with_round(1);
    let draft = RoundDraft {
        award: "Bằng khen".into(),
        rules: RoundRules {
            quota: Quota::Fixed(3),
            ..RoundRules::default()
        },
        candidates: (0..8).map(unit).collect(),
        rehearsal: false,
    };
    ws.add_round(M, R2, draft).expect("round 2");
    open_all_present(&mut ws, R1);
    for who in 0..8 {
        vote(&mut ws, R1, who, &[if who < 4 { 0 } else { 1 }]);
    }
    ws.close_round(M, R1).expect("close");
    open_paper_round(&mut ws, M, R2, 8, 8).expect("round 2 opens first");
    let before = stored(&ws);
    assert_eq!(
        create_runoff(&mut ws, M, R1, RoundId(63)),
        Err(DomainError::LaterRoundStarted)
    );
    assert_eq!(stored(&ws), before);
    let details = ws.meeting(M).expect("m").details.clone();
    let quorum = ws.meeting(M).expect("m").quorum;
    ws.update_meeting(M, details, quorum, false)
        .expect("no exclusion");
    create_runoff(&mut ws, M, R1, RoundId(63))
        .expect("without exclusion the runoff changes no other round");
}

/// Issue 15 (found in review): a closed count's places come from the
/// year's members; removing members afterwards made a count that had
/// reconciled fail the integrity check (the whole meeting set aside at the
/// next start-up) and changed results already announced. Once a round has
/// opened, the members are frozen; leader and deputy may still change.
#[test]
fn issue15_members_are_frozen_once_a_round_has_opened() {
    let mut ws = meeting_with_round(2);
    // Before any round opens, the members may change.
    let mut draft_ws = ws.clone();
    draft_ws
        .update_year(
            C,
            2024,
            common::year_draft(&[0, 1, 2, 3, 4, 5, 6], Some(6), None),
        )
        .expect("a draft round freezes nothing");
    hand_count_r1(&mut ws);
    let before = ws.clone();
    assert_eq!(
        ws.update_year(
            C,
            2024,
            common::year_draft(&[0, 1, 2, 3, 4, 5, 6], Some(6), None)
        ),
        Err(DomainError::MembersFrozenByVote)
    );
    assert_eq!(ws, before, "a refused edit changes nothing");
    ws.update_year(
        C,
        2024,
        common::year_draft(&[0, 1, 2, 3, 4, 5, 6, 7], Some(5), Some(6)),
    )
    .expect("same members, other leader");
    thidua_core::domain::merge::check_integrity(&ws).expect("still whole");
}

#[test]
fn everyone_present_ticks_the_whole_roll_and_only_before_the_first_ballot() {
    use thidua_core::domain::RoundState;
    let mut ws = meeting_with_round(4);
    open_round(&mut ws, M, R1, PIN).expect("open");
    ws.set_present(M, R1, voter(2), true).expect("present");
    ws.set_all_present(M, R1).expect("everyone");
    let present = |ws: &Workspace| match &ws.meeting(M).and_then(|m| m.round(R1)).map(|r| &r.state)
    {
        Some(RoundState::Open(booth)) => booth.present().to_vec(),
        _ => vec![],
    };
    assert_eq!(present(&ws), (0..8).map(voter).collect::<Vec<_>>());
    vote(&mut ws, R1, 0, &[1]);
    assert_eq!(ws.set_all_present(M, R1), Err(DomainError::VotingStarted));
}
