//! Paper mode in the domain (PRODUCT.md §6): numbered ballots entered twice,
//! the comparison of the passes, settling differences, closing, and
//! counts typed as totals with their reconciliation.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{meeting_with_round, results_of, unit, M, R1};
use proptest::prelude::*;
use thidua_core::domain::ReconcileError;
use thidua_core::domain::{
    compare_passes, Approvals, CountSource, Difference, DomainError, HandTotals, Meeting,
    PaperBallot, Pass, RoundState, Workspace,
};
use thidua_core::exchange::{decode_record, encode_record, MeetingDto};
use thidua_core::rules::rounds::{close_with_totals, open_paper_round, open_round};

fn marks(units: &[usize]) -> PaperBallot {
    PaperBallot::Marks(Approvals::new(units.iter().map(|u| unit(*u)).collect()))
}

fn enter_all(ws: &mut Workspace, pass: Pass, ballots: &[PaperBallot]) {
    for ballot in ballots {
        ws.enter_paper_ballot(M, R1, pass, ballot.clone())
            .expect("enter");
    }
    ws.finish_paper_pass(M, R1, pass, true).expect("finish");
}

fn state(ws: &Workspace) -> RoundState {
    ws.meeting(M)
        .and_then(|m| m.round(R1))
        .expect("round")
        .state
        .clone()
}

#[test]
fn comparing_two_passes_lists_every_number_that_differs() {
    let a = marks(&[0, 1]);
    let b = marks(&[0, 2]);
    let s = PaperBallot::Spoilt;
    let diff =
        |number: u32, first: Option<&PaperBallot>, second: Option<&PaperBallot>| Difference {
            number,
            first: first.cloned(),
            second: second.cloned(),
        };
    type Case = (
        &'static str,
        Vec<PaperBallot>,
        Vec<PaperBallot>,
        Vec<Difference>,
    );
    let cases: Vec<Case> = vec![
        ("both empty", vec![], vec![], vec![]),
        (
            "identical",
            vec![a.clone(), b.clone()],
            vec![a.clone(), b.clone()],
            vec![],
        ),
        (
            "one mark read differently",
            vec![a.clone(), a.clone(), a.clone()],
            vec![a.clone(), b.clone(), a.clone()],
            vec![diff(2, Some(&a), Some(&b))],
        ),
        (
            "spoilt in one pass only",
            vec![s.clone(), a.clone()],
            vec![a.clone(), a.clone()],
            vec![diff(1, Some(&s), Some(&a))],
        ),
        (
            "first pass has one more",
            vec![a.clone(), b.clone()],
            vec![a.clone()],
            vec![diff(2, Some(&b), None)],
        ),
        (
            "second pass has two more",
            vec![a.clone()],
            vec![a.clone(), b.clone(), s.clone()],
            vec![diff(2, None, Some(&b)), diff(3, None, Some(&s))],
        ),
        (
            "a skipped ballot shifts every later number",
            vec![a.clone(), b.clone(), a.clone()],
            vec![a.clone(), a.clone()],
            vec![diff(2, Some(&b), Some(&a)), diff(3, Some(&a), None)],
        ),
    ];
    for (name, first, second, expected) in cases {
        assert_eq!(compare_passes(&first, &second), expected, "{name}");
    }
}

#[test]
fn double_entry_finds_planted_differences_and_closes_once_settled() {
    let mut ws = meeting_with_round(4);
    open_paper_round(&mut ws, M, R1, 8, 8).expect("open");
    let truth: Vec<PaperBallot> = [
        &[1, 2, 4, 5][..],
        &[1, 2, 4, 5],
        &[1, 2, 4, 5],
        &[1, 2, 4, 5],
        &[1, 2, 4, 5],
        &[1, 2, 4, 5],
        &[1, 2, 4, 5],
        &[0, 1, 2, 3],
    ]
    .iter()
    .map(|b| marks(b))
    .collect();
    let mut second = truth.clone();
    second[2] = marks(&[1, 2, 4, 6]);
    second[6] = PaperBallot::Spoilt;
    enter_all(&mut ws, Pass::First, &truth);
    assert_eq!(
        ws.close_paper_round(M, R1),
        Err(DomainError::PassNotFinished)
    );
    enter_all(&mut ws, Pass::Second, &second);
    assert_eq!(
        ws.close_paper_round(M, R1),
        Err(DomainError::PassesDiffer(2))
    );
    let RoundState::Paper(count) = state(&ws) else {
        panic!("paper round")
    };
    let numbers: Vec<u32> = count.differences().iter().map(|d| d.number).collect();
    assert_eq!(numbers, vec![3, 7]);
    // A finished pass cannot be changed to match the other.
    assert_eq!(
        ws.enter_paper_ballot(M, R1, Pass::Second, marks(&[1])),
        Err(DomainError::PassFinished(2))
    );
    assert_eq!(
        ws.finish_paper_pass(M, R1, Pass::Second, false),
        Err(DomainError::PassFinished(2))
    );
    assert_eq!(
        ws.settle_paper_ballot(M, R1, 1, Some(marks(&[1]))),
        Err(DomainError::NoDifferenceAt(1))
    );
    ws.settle_paper_ballot(M, R1, 3, Some(truth[2].clone()))
        .expect("settle 3");
    ws.settle_paper_ballot(M, R1, 7, Some(truth[6].clone()))
        .expect("settle 7");
    ws.close_paper_round(M, R1).expect("close");

    let RoundState::Closed(closed) = state(&ws) else {
        panic!("closed")
    };
    let CountSource::Paper(log) = &closed.source else {
        panic!("paper source")
    };
    assert_eq!(log.settlements.len(), 2);
    assert_eq!(log.settlements[1].second, Some(PaperBallot::Spoilt));
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
}

#[test]
fn entry_rules_issued_candidates_undo_and_validity() {
    let mut ws = meeting_with_round(2);
    assert_eq!(
        open_paper_round(&mut ws, M, R1, 4, 4),
        Err(DomainError::NoQuorum {
            present: 4,
            entitled: 8
        })
    );
    assert_eq!(
        open_paper_round(&mut ws, M, R1, 9, 8),
        Err(DomainError::PresentOverEntitled {
            present: 9,
            entitled: 8
        })
    );
    assert_eq!(state(&ws), RoundState::Draft, "refusals change nothing");
    open_paper_round(&mut ws, M, R1, 7, 3).expect("open");
    assert_eq!(
        ws.undo_paper_ballot(M, R1, Pass::First),
        Err(DomainError::NothingToUndo)
    );
    let outsider = PaperBallot::Marks(Approvals::new(vec![thidua_core::domain::UnitId(9)]));
    assert_eq!(
        ws.enter_paper_ballot(M, R1, Pass::First, outsider),
        Err(DomainError::NotACandidate)
    );
    // Over quota and blank are kept as read, and counted invalid.
    let pile = [marks(&[0, 1, 2]), marks(&[]), marks(&[3])];
    for (idx, ballot) in pile.iter().enumerate() {
        let number = ws
            .enter_paper_ballot(M, R1, Pass::First, ballot.clone())
            .expect("enter");
        assert_eq!(number, idx as u32 + 1);
    }
    assert_eq!(
        ws.enter_paper_ballot(M, R1, Pass::First, marks(&[3])),
        Err(DomainError::Count(ReconcileError::CollectedOverIssued {
            issued: 3,
            collected: 4
        })),
        "more ballots than were issued"
    );
    ws.undo_paper_ballot(M, R1, Pass::First).expect("undo");
    ws.enter_paper_ballot(M, R1, Pass::First, marks(&[3]))
        .expect("again");
    assert_eq!(
        ws.set_paper_roll(M, R1, 7, 2),
        Err(DomainError::Count(ReconcileError::CollectedOverIssued {
            issued: 2,
            collected: 3
        }))
    );
    assert_eq!(
        ws.cancel_paper_round(M, R1),
        Err(DomainError::VotingStarted)
    );
    ws.finish_paper_pass(M, R1, Pass::First, true)
        .expect("finish");
    enter_all(&mut ws, Pass::Second, &pile);
    ws.close_paper_round(M, R1).expect("close");
    let results = results_of(&ws);
    let (_, totals, _) = &results[0];
    assert_eq!(
        (
            totals.issued,
            totals.collected,
            totals.valid,
            totals.invalid
        ),
        (3, 3, 1, 2)
    );
    assert_eq!(totals.votes.get(&unit(3)), Some(&1));
    assert_eq!(totals.votes.get(&unit(0)), Some(&0));
}

#[test]
fn a_missing_last_ballot_is_settled_by_removing_it() {
    let mut ws = meeting_with_round(2);
    open_paper_round(&mut ws, M, R1, 8, 8).expect("open");
    enter_all(
        &mut ws,
        Pass::First,
        &[marks(&[0]), marks(&[1]), marks(&[2])],
    );
    enter_all(&mut ws, Pass::Second, &[marks(&[0])]);
    assert_eq!(
        ws.settle_paper_ballot(M, R1, 2, None),
        Err(DomainError::SettleInOrder(3)),
        "only the last number can be removed"
    );
    ws.settle_paper_ballot(M, R1, 3, None).expect("remove 3");
    ws.settle_paper_ballot(M, R1, 2, Some(marks(&[1])))
        .expect("settle 2");
    ws.close_paper_round(M, R1).expect("close");
    let results = results_of(&ws);
    assert_eq!(results[0].1.collected, 2);
}

fn hand(collected: u32, valid: u32, invalid: u32, votes: &[(usize, u32)]) -> HandTotals {
    HandTotals {
        collected,
        valid,
        invalid,
        votes: votes.iter().map(|(u, v)| (unit(*u), *v)).collect(),
    }
}

#[test]
fn totals_typed_by_hand_are_reconciled_before_they_count() {
    type Case = (&'static str, u32, u32, HandTotals, Result<(), DomainError>);
    let cases: Vec<Case> = vec![
        (
            "adds up",
            8,
            8,
            hand(8, 7, 1, &[(1, 7), (2, 6), (4, 1)]),
            Ok(()),
        ),
        (
            "collected above issued",
            8,
            7,
            hand(8, 8, 0, &[(1, 8)]),
            Err(DomainError::Count(ReconcileError::CollectedOverIssued {
                issued: 7,
                collected: 8,
            })),
        ),
        (
            "valid + invalid is not collected",
            8,
            8,
            hand(8, 6, 1, &[(1, 6)]),
            Err(DomainError::Count(
                ReconcileError::CollectedNotValidPlusInvalid {
                    collected: 8,
                    valid: 6,
                    invalid: 1,
                },
            )),
        ),
        (
            "a unit above the valid ballots",
            8,
            8,
            hand(8, 7, 1, &[(1, 8)]),
            Err(DomainError::Count(ReconcileError::CandidateOverValid {
                unit: unit(1),
                votes: 8,
                valid: 7,
            })),
        ),
        (
            "more approvals than valid × places",
            8,
            8,
            hand(8, 2, 6, &[(1, 2), (2, 2), (3, 1)]),
            Err(DomainError::Count(ReconcileError::ApprovalsOverLimit {
                approvals: 5,
                valid: 2,
                places: 2,
            })),
        ),
        (
            "issued above present",
            7,
            8,
            hand(7, 7, 0, &[]),
            Err(DomainError::Count(ReconcileError::IssuedOverPresent {
                issued: 8,
                present: 7,
            })),
        ),
        (
            "no quorum",
            5,
            5,
            hand(5, 5, 0, &[]),
            Err(DomainError::NoQuorum {
                present: 5,
                entitled: 8,
            }),
        ),
    ];
    for (name, present, issued, totals, expected) in cases {
        let mut ws = meeting_with_round(2);
        let got = close_with_totals(&mut ws, M, R1, present, issued, totals);
        assert_eq!(got, expected, "{name}");
        if expected.is_err() {
            assert_eq!(state(&ws), RoundState::Draft, "{name}: nothing changed");
        }
    }
    let mut ws = meeting_with_round(2);
    let outsider = HandTotals {
        votes: BTreeMap::from([(thidua_core::domain::UnitId(9), 1)]),
        ..hand(8, 8, 0, &[])
    };
    assert_eq!(
        close_with_totals(&mut ws, M, R1, 8, 8, outsider),
        Err(DomainError::NotACandidateUnit(thidua_core::domain::UnitId(
            9
        )))
    );
    close_with_totals(
        &mut ws,
        M,
        R1,
        8,
        8,
        hand(8, 7, 1, &[(1, 7), (2, 6), (4, 1)]),
    )
    .expect("close");
    let results = results_of(&ws);
    let (_, totals, result) = &results[0];
    assert_eq!(
        totals.votes.len(),
        8,
        "every candidate listed, zero if untyped"
    );
    assert_eq!(result.nominated, vec![unit(1), unit(2)]);
}

#[test]
fn paper_and_hand_rounds_are_stored_and_read_back() {
    let mut ws = meeting_with_round(2);
    open_paper_round(&mut ws, M, R1, 8, 8).expect("open");
    enter_all(&mut ws, Pass::First, &[marks(&[0, 1]), PaperBallot::Spoilt]);
    ws.enter_paper_ballot(M, R1, Pass::Second, marks(&[0]))
        .expect("enter");
    let round_trip = |ws: &Workspace| {
        let meeting = ws.meeting(M).expect("m");
        let text = encode_record(&MeetingDto::from(meeting)).expect("written");
        let back =
            Meeting::try_from(decode_record::<MeetingDto>(&text).expect("decode")).expect("valid");
        assert_eq!(&back, meeting);
        text
    };
    round_trip(&ws);
    ws.enter_paper_ballot(M, R1, Pass::Second, PaperBallot::Spoilt)
        .expect("enter");
    ws.finish_paper_pass(M, R1, Pass::Second, true)
        .expect("finish");
    ws.settle_paper_ballot(M, R1, 1, Some(marks(&[0, 1])))
        .expect("settle");
    ws.close_paper_round(M, R1).expect("close");
    let text = round_trip(&ws);
    // A record written before paper mode has no `source`: a booth count.
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let closed = value
        .pointer_mut("/data/rounds/0/state/closed")
        .and_then(|v| v.as_object_mut())
        .expect("closed state");
    assert!(closed.remove("source").is_some());
    // Without `source` the current version is refused; as version 1 the
    // migration supplies it.
    assert!(decode_record::<MeetingDto>(&value.to_string()).is_err());
    value["version"] = serde_json::json!(1);
    let old = value.to_string();
    let meeting =
        Meeting::try_from(decode_record::<MeetingDto>(&old).expect("old decodes")).expect("valid");
    let RoundState::Closed(closed) = &meeting.rounds()[0].state else {
        panic!("closed")
    };
    assert_eq!(closed.source, CountSource::Booth);
    // A paper ballot listing a unit twice names where.
    let mut ws = meeting_with_round(2);
    open_paper_round(&mut ws, M, R1, 8, 8).expect("open");
    ws.enter_paper_ballot(M, R1, Pass::First, marks(&[0]))
        .expect("enter");
    let text = round_trip(&ws);
    let bad = text.replace("{\"marks\":[101]}", "{\"marks\":[101,101]}");
    let error =
        Meeting::try_from(decode_record::<MeetingDto>(&bad).expect("decode")).expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("data.rounds[0].state.count.passes[0].ballots[0]"),
        "{error}"
    );
}

proptest! {
    /// The same pile counted on paper and in the booth gives the same
    /// totals and the same decision.
    #[test]
    fn paper_and_booth_agree_on_the_same_ballots(
        pile in prop::collection::vec(prop::collection::btree_set(0usize..8, 0..3), 6..=8)
    ) {
        let mut paper = meeting_with_round(2);
        let n = pile.len() as u32;
        open_paper_round(&mut paper, M, R1, 8, n).expect("open");
        let ballots: Vec<PaperBallot> = pile
            .iter()
            .map(|b| marks(&b.iter().copied().collect::<Vec<_>>()))
            .collect();
        enter_all(&mut paper, Pass::First, &ballots);
        enter_all(&mut paper, Pass::Second, &ballots);
        paper.close_paper_round(M, R1).expect("close paper");

        let mut booth = meeting_with_round(2);
        open_round(&mut booth, M, R1, "2468").expect("open booth");
        for idx in 0..8 {
            booth
                .set_present(M, R1, thidua_core::domain::VoterId(unit(idx).0), true)
                .expect("present");
        }
        for (who, ballot) in pile.iter().enumerate() {
            let voter = thidua_core::domain::VoterId(unit(who).0);
            booth.start_ballot(M, R1, voter).expect("start");
            let approvals: Vec<_> = ballot.iter().map(|u| unit(*u)).collect();
            booth.submit_ballot(M, R1, approvals).expect("submit");
            booth.unlock_booth(M, R1, "2468").expect("unlock");
        }
        booth.close_round(M, R1).expect("close booth");
        let paper_results = results_of(&paper);
        let booth_results = results_of(&booth);
        let (_, pt, pr) = &paper_results[0];
        let (_, bt, br) = &booth_results[0];
        // The booth issues one ballot per voter present (8), paper as typed.
        prop_assert_eq!((pt.collected, pt.valid, pt.invalid, &pt.votes), (bt.collected, bt.valid, bt.invalid, &bt.votes));
        prop_assert_eq!(&pr.nominated, &br.nominated);
    }
}

#[test]
fn a_typed_reading_names_candidates_by_their_number_on_the_paper() {
    let candidates: Vec<_> = (0..8).map(unit).collect();
    let cases: [(&str, Result<PaperBallot, DomainError>); 8] = [
        ("2, 3, 5", Ok(marks(&[1, 2, 4]))),
        ("5 3 2", Ok(marks(&[1, 2, 4]))),
        ("8;1", Ok(marks(&[0, 7]))),
        ("", Ok(marks(&[]))),
        ("x", Ok(PaperBallot::Spoilt)),
        (" X ", Ok(PaperBallot::Spoilt)),
        ("9", Err(DomainError::NotOnPaper("9".into()))),
        ("2, b", Err(DomainError::NotOnPaper("b".into()))),
    ];
    for (text, expected) in cases {
        assert_eq!(
            thidua_core::domain::parse_reading(text, &candidates),
            expected,
            "{text:?}"
        );
    }
    assert_eq!(
        thidua_core::domain::parse_reading("0", &candidates),
        Err(DomainError::NotOnPaper("0".into()))
    );
}

/// A paper reading is valid exactly when the booth's rule says so of its
/// marks, and a spoilt paper never is: the differences table and the entry
/// log ask `PaperBallot::validity`, the pad asks `ballot_validity`.
#[test]
fn a_paper_reading_is_judged_by_the_one_ballot_rule() {
    use thidua_core::domain::{ballot_validity, BlankBallot, Invalidity, RoundRules};
    let candidates: Vec<_> = (0..8).map(unit).collect();
    let mut rules = RoundRules::default();
    for blank in [BlankBallot::Invalid, BlankBallot::Valid] {
        rules.blank = blank;
        for chosen in [vec![], vec![0], vec![0, 4, 5, 6], vec![0, 4, 5, 6, 7]] {
            let ids: Vec<_> = chosen.iter().map(|u| unit(*u)).collect();
            assert_eq!(
                marks(&chosen).validity(&candidates, &rules, 4),
                ballot_validity(&ids, &candidates, &rules, 4),
                "{chosen:?} with blank {blank:?}"
            );
        }
    }
    assert_eq!(
        marks(&[0, 4, 5, 6, 7]).validity(&candidates, &rules, 4),
        Err(Invalidity::OverQuota),
        "“1, 5, 6, 7, 8” with quota 4"
    );
    assert_eq!(
        PaperBallot::Spoilt.validity(&candidates, &rules, 4),
        Err(Invalidity::Spoilt)
    );
}
