//! The tally (PRODUCT.md §4): table-driven cases and properties.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use proptest::prelude::*;
use thidua_core::domain::{
    ballot_validity, quorum_met, reconcile, totals_from_ballots, Approvals, BallotBox, BlankBallot,
    Comparison, Fraction, Invalidity, Quota, ReconcileError, Roll, RoundRules, ShareBase,
    Threshold, TieBreak, Totals, UnitId,
};
use thidua_core::rules::tally::{decide, DecisionContext, RoundResult, Status};

fn u(n: u64) -> UnitId {
    UnitId(n)
}

fn units(ids: &[u64]) -> Vec<UnitId> {
    ids.iter().map(|i| UnitId(*i)).collect()
}

fn rules(quota: u32, share: &str, comparison: Comparison, base: ShareBase) -> RoundRules {
    RoundRules {
        quota: Quota::Fixed(quota),
        threshold: Threshold {
            share: Fraction::parse(share).expect("share"),
            comparison,
        },
        base,
        ..RoundRules::default()
    }
}

/// Totals with `valid` valid ballots and the given votes for units 1..;
/// everyone entitled is present and every issued ballot came back.
fn totals(entitled: u32, valid: u32, invalid: u32, votes: &[u32]) -> Totals {
    Totals {
        entitled,
        present: entitled,
        issued: valid + invalid,
        collected: valid + invalid,
        valid,
        invalid,
        votes: votes
            .iter()
            .enumerate()
            .map(|(i, v)| (UnitId(i as u64 + 1), *v))
            .collect(),
    }
}

/// Decides and checks the statuses of units 1.. in order, the nominees,
/// and the runoff.
fn check(
    totals: &Totals,
    rules: &RoundRules,
    excluded: &[u64],
    expected: &[Status],
    nominated: &[u64],
    runoff: Option<(&[u64], u32)>,
) -> RoundResult {
    let candidates: Vec<UnitId> = (1..=totals.votes.len() as u64).map(UnitId).collect();
    let excluded = units(excluded);
    let places = rules.quota.places(totals.entitled);
    let result = decide(
        totals,
        &candidates,
        rules,
        places,
        DecisionContext {
            excluded: &excluded,
            score_rank: None,
        },
    );
    let status_of = |unit: UnitId| {
        result
            .candidates
            .iter()
            .find(|c| c.unit == unit)
            .map(|c| c.status)
    };
    let got: Vec<Option<Status>> = candidates.iter().map(|c| status_of(*c)).collect();
    let want: Vec<Option<Status>> = expected.iter().map(|s| Some(*s)).collect();
    assert_eq!(got, want, "statuses for {totals:?}");
    assert_eq!(result.nominated, units(nominated), "nominated");
    assert_eq!(
        result.runoff.clone(),
        runoff.map(|(u, p)| (units(u), p)),
        "runoff"
    );
    result
}

use Comparison::{AtLeast, MoreThan};
use ShareBase::{Collected, Entitled, Present, Valid};
use Status::*;

#[test]
fn threshold_met_exactly_under_at_least_and_missed_under_more_than() {
    // 4 of 8 valid = exactly 1/2.
    let t = totals(8, 8, 0, &[4, 5, 3]);
    check(
        &t,
        &rules(3, "1/2", AtLeast, Valid),
        &[],
        &[Nominated, Nominated, BelowThreshold],
        &[2, 1],
        None,
    );
    check(
        &t,
        &rules(3, "1/2", MoreThan, Valid),
        &[],
        &[BelowThreshold, Nominated, BelowThreshold],
        &[2],
        None,
    );
    // 70%: 7 of 10 meets ≥, misses >.
    let t = totals(10, 10, 0, &[7]);
    check(
        &t,
        &rules(1, "70%", AtLeast, Valid),
        &[],
        &[Nominated],
        &[1],
        None,
    );
    check(
        &t,
        &rules(1, "70%", MoreThan, Valid),
        &[],
        &[BelowThreshold],
        &[],
        None,
    );
    // 2/3 of 9 = 6.
    let t = totals(9, 9, 0, &[6, 5]);
    check(
        &t,
        &rules(2, "2/3", AtLeast, Valid),
        &[],
        &[Nominated, BelowThreshold],
        &[1],
        None,
    );
}

#[test]
fn each_base() {
    // 10 entitled, 9 present, 8 collected, 6 valid; 4 votes.
    let t = Totals {
        entitled: 10,
        present: 9,
        issued: 9,
        collected: 8,
        valid: 6,
        invalid: 2,
        votes: [(u(1), 4)].into(),
    };
    let met = |base| {
        let result = decide(
            &t,
            &[u(1)],
            &rules(1, "1/2", AtLeast, base),
            1,
            DecisionContext::default(),
        );
        (result.base, result.nominated.len())
    };
    assert_eq!(met(Entitled), (10, 0)); // 4/10 < 1/2
    assert_eq!(met(Present), (9, 0)); // 4/9 < 1/2
    assert_eq!(met(Collected), (8, 1)); // 4/8 = 1/2
    assert_eq!(met(Valid), (6, 1)); // 4/6 > 1/2
}

#[test]
fn zero_valid_ballots_nominates_nobody() {
    let t = totals(8, 0, 8, &[0, 0]);
    let result = check(
        &t,
        &rules(1, "1/2", AtLeast, Valid),
        &[],
        &[BelowThreshold, BelowThreshold],
        &[],
        None,
    );
    assert_eq!(result.unfilled, 1);
    assert!(result.candidates.iter().all(|c| c.share_bp.is_none()));
}

#[test]
fn all_invalid_ballots_still_count_against_other_bases() {
    let t = totals(8, 0, 8, &[0]);
    let result = check(
        &t,
        &rules(1, "1/2", AtLeast, Collected),
        &[],
        &[BelowThreshold],
        &[],
        None,
    );
    assert_eq!(result.base, 8);
    assert_eq!(result.candidates[0].share_bp, Some(0));
}

#[test]
fn quota_at_or_over_the_number_of_candidates() {
    let t = totals(8, 8, 0, &[8, 6, 2]);
    let result = check(
        &t,
        &rules(5, "1/2", AtLeast, Valid),
        &[],
        &[Nominated, Nominated, BelowThreshold],
        &[1, 2],
        None,
    );
    assert_eq!(result.unfilled, 3);
}

#[test]
fn tie_at_the_quota_line_goes_to_a_runoff_for_the_places_left() {
    // Quota 2: unit 1 clearly in; units 2, 3, 4 tie at 5 for one place.
    let t = totals(8, 8, 0, &[7, 5, 5, 5, 1]);
    let result = check(
        &t,
        &rules(2, "1/2", AtLeast, Valid),
        &[],
        &[Nominated, Tied, Tied, Tied, BelowThreshold],
        &[1],
        Some((&[2, 3, 4], 1)),
    );
    assert_eq!(result.unfilled, 0);
    assert_eq!(
        result.candidates.iter().map(|c| c.rank).collect::<Vec<_>>(),
        vec![Some(1), Some(2), Some(2), Some(2), Some(5)]
    );
}

#[test]
fn everyone_tied() {
    let t = totals(6, 6, 0, &[4, 4, 4]);
    check(
        &t,
        &rules(2, "1/2", AtLeast, Valid),
        &[],
        &[Tied, Tied, Tied],
        &[],
        Some((&[1, 2, 3], 2)),
    );
    // With no one over the threshold, nobody is tied: places stay unfilled.
    let t = totals(10, 10, 0, &[4, 4, 4]);
    let result = check(
        &t,
        &rules(2, "1/2", AtLeast, Valid),
        &[],
        &[BelowThreshold, BelowThreshold, BelowThreshold],
        &[],
        None,
    );
    assert_eq!(result.unfilled, 2);
}

#[test]
fn beyond_quota_when_others_have_more_votes() {
    let t = totals(8, 8, 0, &[8, 7, 6, 5]);
    check(
        &t,
        &rules(2, "1/2", AtLeast, Valid),
        &[],
        &[Nominated, Nominated, BeyondQuota, BeyondQuota],
        &[1, 2],
        None,
    );
}

#[test]
fn exclusion_across_rounds() {
    // Unit 1 was nominated in a higher round: it is not a candidate here.
    let t = totals(8, 8, 0, &[8, 6, 5]);
    let result = check(
        &t,
        &rules(1, "1/2", AtLeast, Valid),
        &[1],
        &[Excluded, Nominated, BeyondQuota],
        &[2],
        None,
    );
    assert_eq!(
        result.candidates.last().map(|c| (c.unit, c.rank)),
        Some((u(1), None))
    );
}

#[test]
fn tie_break_by_cluster_score_and_by_lots() {
    let t = totals(8, 8, 0, &[7, 5, 5, 5]);
    let mut r = rules(2, "1/2", AtLeast, Valid);
    r.tie_break = TieBreak::ClusterScore;
    let ranking: BTreeMap<UnitId, u32> = [(u(1), 4), (u(2), 3), (u(3), 1), (u(4), 2)].into();
    let result = decide(
        &t,
        &units(&[1, 2, 3, 4]),
        &r,
        2,
        DecisionContext {
            excluded: &[],
            score_rank: Some(&ranking),
        },
    );
    assert_eq!(result.nominated, units(&[1, 3]));
    assert_eq!(result.runoff, None);
    // Equal scores at the line stay tied.
    let equal: BTreeMap<UnitId, u32> = [(u(2), 2), (u(3), 2), (u(4), 2)].into();
    let result = decide(
        &t,
        &units(&[1, 2, 3, 4]),
        &r,
        2,
        DecisionContext {
            excluded: &[],
            score_rank: Some(&equal),
        },
    );
    assert_eq!(result.runoff, Some((units(&[2, 3, 4]), 1)));
    // No scores at all: a runoff.
    let result = decide(&t, &units(&[1, 2, 3, 4]), &r, 2, DecisionContext::default());
    assert_eq!(result.runoff, Some((units(&[2, 3, 4]), 1)));
    // Lots: the same seed always draws the same unit; the draw is one of the tied.
    r.tie_break = TieBreak::Lots;
    r.lots_seed = 20241003;
    let first = decide(&t, &units(&[1, 2, 3, 4]), &r, 2, DecisionContext::default());
    let again = decide(&t, &units(&[1, 2, 3, 4]), &r, 2, DecisionContext::default());
    assert_eq!(first, again);
    assert_eq!(first.nominated.len(), 2);
    assert!(units(&[2, 3, 4]).contains(&first.nominated[1]));
    assert_eq!(
        first
            .candidates
            .iter()
            .filter(|c| c.status == NominatedByLots)
            .count(),
        1
    );
}

#[test]
fn shares_are_exact_to_two_decimals() {
    let t = totals(8, 8, 0, &[7, 1]);
    let result = decide(
        &t,
        &units(&[1, 2]),
        &rules(1, "1/2", AtLeast, Valid),
        1,
        DecisionContext::default(),
    );
    assert_eq!(result.candidates[0].share_bp, Some(8750));
    assert_eq!(result.candidates[1].share_bp, Some(1250));
    let t = totals(3, 3, 0, &[2]);
    let result = decide(
        &t,
        &units(&[1]),
        &rules(1, "1/2", AtLeast, Valid),
        1,
        DecisionContext::default(),
    );
    assert_eq!(result.candidates[0].share_bp, Some(6667));
}

#[test]
fn ballot_validity_rules() {
    let candidates = units(&[1, 2, 3]);
    let mut r = rules(2, "1/2", AtLeast, Valid);
    assert_eq!(ballot_validity(&units(&[1, 2]), &candidates, &r, 2), Ok(()));
    assert_eq!(
        ballot_validity(&units(&[1, 2, 3]), &candidates, &r, 2),
        Err(Invalidity::OverQuota)
    );
    assert_eq!(
        ballot_validity(&units(&[]), &candidates, &r, 2),
        Err(Invalidity::Blank)
    );
    assert_eq!(
        ballot_validity(&units(&[9]), &candidates, &r, 2),
        Err(Invalidity::NotACandidate)
    );
    r.blank = BlankBallot::Valid;
    assert_eq!(ballot_validity(&units(&[]), &candidates, &r, 2), Ok(()));
}

#[test]
fn totals_from_a_ballot_box() {
    let mut ballot_box = BallotBox::default();
    ballot_box.cast(Approvals::new(units(&[1, 2])));
    ballot_box.cast(Approvals::new(units(&[2, 1])));
    ballot_box.cast(Approvals::new(units(&[1, 2, 3])));
    ballot_box.cast(Approvals::new(vec![]));
    ballot_box.cast_spoilt();
    let roll = Roll {
        entitled: 8,
        present: 6,
        issued: 6,
    };
    let t = totals_from_ballots(
        &ballot_box,
        &units(&[1, 2, 3]),
        &rules(2, "1/2", AtLeast, Valid),
        2,
        roll,
    );
    assert_eq!((t.collected, t.valid, t.invalid), (5, 2, 3));
    assert_eq!(t.votes, [(u(1), 2), (u(2), 2), (u(3), 0)].into());
    assert_eq!(reconcile(&t, 2), Ok(()));
}

#[test]
fn reconciliation_refuses_impossible_counts() {
    let ok = totals(8, 6, 2, &[5, 4]);
    assert_eq!(reconcile(&ok, 2), Ok(()));
    let mut t = ok.clone();
    t.collected = 9;
    t.valid = 7;
    assert_eq!(
        reconcile(&t, 2),
        Err(ReconcileError::CollectedOverIssued {
            issued: 8,
            collected: 9
        })
    );
    let mut t = ok.clone();
    t.invalid = 1;
    assert_eq!(
        reconcile(&t, 2),
        Err(ReconcileError::CollectedNotValidPlusInvalid {
            collected: 8,
            valid: 6,
            invalid: 1
        })
    );
    let t = totals(8, 6, 2, &[6, 6, 1]);
    assert_eq!(
        reconcile(&t, 2),
        Err(ReconcileError::ApprovalsOverLimit {
            approvals: 13,
            valid: 6,
            places: 2
        })
    );
    let t = totals(8, 6, 2, &[7]);
    assert_eq!(
        reconcile(&t, 2),
        Err(ReconcileError::CandidateOverValid {
            unit: u(1),
            votes: 7,
            valid: 6
        })
    );
    let mut t = ok;
    t.present = 7;
    assert_eq!(
        reconcile(&t, 2),
        Err(ReconcileError::IssuedOverPresent {
            issued: 8,
            present: 7
        })
    );
}

#[test]
fn quorum_and_fractions() {
    let two_thirds = Fraction::two_thirds();
    assert!(quorum_met(6, 9, two_thirds));
    assert!(!quorum_met(5, 8, two_thirds));
    assert!(quorum_met(6, 8, two_thirds));
    for (text, expected) in [
        ("2/3", Some((2, 3))),
        ("50%", Some((1, 2))),
        ("4/6", Some((2, 3))),
        ("70,5%", Some((141, 200))),
        ("70.25%", Some((281, 400))),
        ("0%", None),
        ("3/2", None),
        ("1/0", None),
        ("abc", None),
        ("101%", None),
        ("70,123%", None),
    ] {
        assert_eq!(
            Fraction::parse(text).map(|f| (f.num(), f.den())),
            expected,
            "{text}"
        );
    }
    assert_eq!(
        Quota::ShareOfMembers(Fraction::parse("1/2").expect("half")).places(7),
        3
    );
}

fn ballots_strategy() -> impl Strategy<Value = (usize, u32, Vec<Vec<usize>>)> {
    (2usize..8, 1u32..5).prop_flat_map(|(n_candidates, quota)| {
        let ballot = prop::collection::vec(0..n_candidates, 0..=(quota as usize + 1));
        (
            Just(n_candidates),
            Just(quota),
            prop::collection::vec(ballot, 0..40),
        )
    })
}

fn tally(
    n_candidates: usize,
    rules: &RoundRules,
    places: u32,
    ballots: &[Vec<usize>],
) -> RoundResult {
    let candidates: Vec<UnitId> = (1..=n_candidates as u64).map(UnitId).collect();
    let mut ballot_box = BallotBox::default();
    for ballot in ballots {
        ballot_box.cast(Approvals::new(
            ballot.iter().map(|i| candidates[*i]).collect(),
        ));
    }
    let n = ballots.len() as u32;
    let t = totals_from_ballots(
        &ballot_box,
        &candidates,
        rules,
        places,
        Roll {
            entitled: n,
            present: n,
            issued: n,
        },
    );
    assert_eq!(reconcile(&t, places), Ok(()));
    decide(&t, &candidates, rules, places, DecisionContext::default())
}

proptest! {
    #[test]
    fn ballot_order_never_changes_a_result((n, quota, ballots) in ballots_strategy(), seed in any::<u64>()) {
        let r = rules(quota, "1/2", AtLeast, Valid);
        let mut shuffled = ballots.clone();
        // A deterministic permutation from the seed.
        let len = shuffled.len();
        for i in (1..len).rev() {
            shuffled.swap(i, (seed.wrapping_mul(i as u64 + 7) % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(tally(n, &r, quota, &ballots), tally(n, &r, quota, &shuffled));
    }

    #[test]
    fn raising_the_threshold_never_adds_a_nominee((n, quota, ballots) in ballots_strategy(), low in 1u32..100, extra in 0u32..100) {
        let high = (low + extra).min(100);
        let lower = tally(n, &rules(quota, &format!("{low}%"), AtLeast, Valid), quota, &ballots);
        let higher = tally(n, &rules(quota, &format!("{high}%"), AtLeast, Valid), quota, &ballots);
        for unit in &higher.nominated {
            prop_assert!(lower.nominated.contains(unit) || lower.runoff.as_ref().is_some_and(|(tied, _)| tied.contains(unit)));
        }
    }

    #[test]
    fn nominees_never_exceed_the_quota((n, quota, ballots) in ballots_strategy(), comparison in prop_oneof![Just(AtLeast), Just(MoreThan)]) {
        let result = tally(n, &rules(quota, "1/3", comparison, Valid), quota, &ballots);
        let runoff_places = result.runoff.as_ref().map_or(0, |(_, p)| *p);
        prop_assert!(result.nominated.len() as u32 + runoff_places <= quota);
        prop_assert_eq!(result.nominated.len() as u32 + runoff_places + result.unfilled, quota);
    }

    #[test]
    fn more_votes_never_rank_below_fewer((n, quota, ballots) in ballots_strategy()) {
        let result = tally(n, &rules(quota, "1/2", AtLeast, Valid), quota, &ballots);
        for a in &result.candidates {
            for b in &result.candidates {
                if a.votes > b.votes {
                    prop_assert!(a.rank < b.rank);
                    // Nobody with fewer votes is nominated over a non-nominated unit with more.
                    prop_assert!(!(b.status.is_nominated() && !a.status.is_nominated() && a.status != Tied));
                }
            }
        }
    }
}

/// Defect 6 of issue 15: a box is rebuilt from outside counts only if
/// they sum, with checked arithmetic, to at most `MAX_COUNT`; every total
/// taken from it then fits. (Before: the counts were added as they came,
/// and `len` wrapped in release, panicked in debug.)
#[test]
fn a_ballot_box_from_counts_never_holds_more_than_max_count() {
    use thidua_core::domain::MAX_COUNT;
    let a = Approvals::new(vec![UnitId(1)]);
    let b = Approvals::new(vec![UnitId(2)]);
    let full = BallotBox::from_counts([(a.clone(), MAX_COUNT)], 0).expect("at the limit");
    assert_eq!(full.len(), MAX_COUNT);
    assert_eq!(BallotBox::from_counts([(a.clone(), MAX_COUNT)], 1), None);
    assert_eq!(
        BallotBox::from_counts([(a.clone(), u32::MAX), (b.clone(), 1)], 0),
        None,
        "would wrap to 0"
    );
    assert_eq!(
        BallotBox::from_counts([(a.clone(), 3_000_000_000), (b, 1_294_967_297)], 0),
        None,
        "would wrap to 1"
    );
    assert_eq!(BallotBox::from_counts([(a, 1)], u32::MAX), None);
}

/// Issue 15, defect 12: quota 3, tie-break by the cluster's score
/// ranking, units 3 (score rank 6) and 4 (score rank 3) both at 5 of 8
/// behind two units at 8. Unit 4 is placed by the ranking; unit 3 lost
/// that tie-break, and its reason must say so — never "others had more
/// votes" (nobody left over had more). The same for a draw by lot. The
/// words are the ones the results screen, the minutes and the CSV show.
#[test]
fn issue15_defect12_a_tie_break_loser_is_told_the_tie_break() {
    use thidua_core::i18n::{describe_status, Lang};
    let t = totals(8, 8, 0, &[8, 8, 5, 5, 1]);
    let mut r = rules(3, "1/2", AtLeast, Valid);
    r.tie_break = TieBreak::ClusterScore;
    let ranking: BTreeMap<UnitId, u32> =
        [(u(1), 1), (u(2), 2), (u(3), 6), (u(4), 3), (u(5), 4)].into();
    let result = decide(
        &t,
        &units(&[1, 2, 3, 4, 5]),
        &r,
        3,
        DecisionContext {
            excluded: &[],
            score_rank: Some(&ranking),
        },
    );
    assert_eq!(result.nominated, units(&[1, 2, 4]));
    let reason_of = |result: &RoundResult, unit: u64, rules: &RoundRules, lang: Lang| {
        let line = result
            .candidates
            .iter()
            .find(|c| c.unit == u(unit))
            .expect("listed");
        describe_status(lang, line.status, rules).1
    };
    let vi = reason_of(&result, 3, &r, Lang::Vi);
    let en = reason_of(&result, 3, &r, Lang::En);
    assert!(!vi.contains("nhiều phiếu hơn"), "{vi}");
    assert!(
        vi.contains("Bằng phiếu") && vi.contains("điểm chấm của cụm"),
        "{vi}"
    );
    assert!(!en.contains("more votes"), "{en}");
    assert!(en.contains("score ranking"), "{en}");
    // The winner of the tie-break is told the same rule.
    assert!(reason_of(&result, 4, &r, Lang::Vi).contains("điểm chấm của cụm"));

    r.tie_break = TieBreak::Lots;
    r.lots_seed = 7;
    let result = decide(
        &t,
        &units(&[1, 2, 3, 4, 5]),
        &r,
        3,
        DecisionContext::default(),
    );
    let loser = if result.nominated.contains(&u(3)) {
        4
    } else {
        3
    };
    let vi = reason_of(&result, loser, &r, Lang::Vi);
    assert!(!vi.contains("nhiều phiếu hơn"), "{vi}");
    assert!(vi.contains("bốc thăm"), "{vi}");
    // A unit with fewer votes than every nominee keeps "beyond the quota".
    let t = totals(8, 8, 0, &[8, 8, 8, 5]);
    let result = decide(&t, &units(&[1, 2, 3, 4]), &r, 3, DecisionContext::default());
    assert!(reason_of(&result, 4, &r, Lang::Vi).contains("nhiều phiếu hơn"));
}
