//! Issue 15, "one-fact properties": for random meetings (rounds in booth,
//! paper or hand mode, exclusion on or off, runoffs, rehearsals, self-vote
//! rules, tie-breaks, papers printed early or late), the candidates that
//! the papers, the entry pad, the booth's ballot, the hand-count form and
//! the minutes see are the one list `ballot_candidates` gives, in the same
//! order, checked against a reference model; and every candidate's stated
//! status agrees with the counts that produced it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::{cluster_with, unit, year_draft, C, M};
use proptest::prelude::*;
use thidua_core::documents::{results_csv, vote_count_minutes};
use thidua_core::domain::{
    candidate_for_key, entry_key, parse_reading, totals_from_ballots, DomainError, HandTotals,
    PaperBallot, Pass, Points, Quota, Roll, RoundDraft, RoundId, RoundKind, RoundRules, RoundState,
    Scorer, TieBreak, UnitId, VoterId, Workspace,
};
use thidua_core::i18n::Lang;
use thidua_core::rules::rounds::{
    ballot_candidates, close_with_totals, create_runoff, open_paper_round, open_round,
    papers_outdated, record_printed_papers, results,
};
use thidua_core::rules::tally::{RoundResult, Status};

const PIN: &str = "2468";

#[derive(Clone, Debug)]
struct RoundSpec {
    /// Which units are on the list, rotated by `rotate` (ballot order).
    on_list: Vec<bool>,
    rotate: usize,
    quota: u32,
    tie_break: u8,
    self_vote: bool,
    rehearsal: bool,
    /// 0 booth, 1 paper, 2 hand, 3 left in draft.
    mode: u8,
    print_early: bool,
    runoff: bool,
    /// Per voter: marks by position on the ballot.
    ballots: Vec<Vec<bool>>,
}

#[derive(Clone, Debug)]
struct Spec {
    units: usize,
    exclusion: bool,
    /// Cluster points per unit on the first criterion (ties allowed).
    scores: Vec<u32>,
    rounds: Vec<RoundSpec>,
}

fn round_spec(units: usize) -> impl Strategy<Value = RoundSpec> {
    (
        prop::collection::vec(prop::bool::weighted(0.8), units),
        0..units,
        1u32..=3,
        0u8..3,
        any::<bool>(),
        prop::bool::weighted(0.15),
        prop::sample::select(vec![0u8, 0, 1, 1, 2, 2, 3]),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(prop::collection::vec(any::<bool>(), units), units),
    )
        .prop_map(
            |(
                on_list,
                rotate,
                quota,
                tie_break,
                self_vote,
                rehearsal,
                mode,
                print_early,
                runoff,
                ballots,
            )| {
                RoundSpec {
                    on_list,
                    rotate,
                    quota,
                    tie_break,
                    self_vote,
                    rehearsal,
                    mode,
                    print_early,
                    runoff,
                    ballots,
                }
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    (4usize..=7).prop_flat_map(|units| {
        (
            Just(units),
            any::<bool>(),
            prop::collection::vec(0u32..4, units),
            prop::collection::vec(round_spec(units), 1..=4),
        )
            .prop_map(|(units, exclusion, scores, rounds)| Spec {
                units,
                exclusion,
                scores,
                rounds,
            })
    })
}

fn workspace(spec: &Spec) -> Workspace {
    let names: Vec<String> = (0..spec.units).map(|i| format!("Đơn vị {i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut ws = cluster_with(&names);
    let members: Vec<usize> = (0..spec.units).collect();
    ws.add_year(C, 2024, year_draft(&members, Some(0), None))
        .expect("year");
    ws.add_meeting(M, C, 2024).expect("meeting");
    let details = ws.meeting(M).expect("meeting").details.clone();
    let quorum = thidua_core::domain::Fraction::two_thirds();
    ws.update_meeting(M, details, quorum, spec.exclusion)
        .expect("exclusion");
    let year = ws.year_of(M).expect("year").clone();
    if let Some(item) = year.criteria.items.first() {
        for (idx, points) in spec.scores.iter().enumerate() {
            let points = Points((points * 100).min(item.max.0));
            ws.set_score(C, 2024, unit(idx), Scorer::Cluster, item.id, Some(points))
                .expect("score");
        }
    }
    for (idx, r) in spec.rounds.iter().enumerate() {
        let mut list: Vec<UnitId> = (0..spec.units)
            .filter(|i| r.on_list[*i])
            .map(unit)
            .collect();
        if list.is_empty() {
            list.push(unit(idx % spec.units));
        }
        let k = r.rotate % list.len();
        list.rotate_left(k);
        let draft = RoundDraft {
            award: format!("Danh hiệu {idx}"),
            rules: RoundRules {
                quota: Quota::Fixed(r.quota),
                self_vote_allowed: r.self_vote,
                tie_break: match r.tie_break {
                    0 => TieBreak::Runoff,
                    1 => TieBreak::ClusterScore,
                    _ => TieBreak::Lots,
                },
                lots_seed: idx as u64 * 31 + 7,
                ..RoundRules::default()
            },
            candidates: list,
            rehearsal: r.rehearsal,
        };
        ws.add_round(M, round_id(idx), draft).expect("round");
        if r.print_early {
            record_printed_papers(&mut ws, M, round_id(idx)).expect("printed");
        }
    }
    ws
}

fn round_id(idx: usize) -> RoundId {
    RoundId(1000 + idx as u64)
}

/// The reference model: a round's list less the units nominated by the
/// closed counting rounds before it, when the meeting excludes them.
fn model_standing(ws: &Workspace, round: RoundId) -> (Vec<UnitId>, Vec<UnitId>) {
    let meeting = ws.meeting(M).expect("meeting");
    let r = meeting.round(round).expect("round");
    if !matches!(r.state, RoundState::Draft) {
        return (r.candidates().to_vec(), r.excluded().to_vec());
    }
    let position = meeting
        .rounds()
        .iter()
        .position(|x| x.id == round)
        .expect("in");
    let results = results(meeting, ws.year_of(M).expect("year"));
    let mut before = BTreeSet::new();
    if meeting.exclusion && r.kind != RoundKind::Rehearsal {
        for earlier in &meeting.rounds()[..position] {
            if earlier.kind == RoundKind::Rehearsal {
                continue;
            }
            if let Some((_, _, result)) = results.iter().find(|(id, _, _)| *id == earlier.id) {
                before.extend(result.nominated.iter().copied());
            }
        }
    }
    r.candidates().iter().partition(|u| !before.contains(u))
}

/// Every round of the meeting, in any state, seen by every reader.
fn check_one_list(ws: &Workspace) -> Result<(), TestCaseError> {
    let meeting = ws.meeting(M).expect("meeting");
    let year = ws.year_of(M).expect("year");
    let results = results(meeting, year);
    let ranks = thidua_core::rules::scoring::rank_map(&year.criteria, &year.members, &year.scores);
    for r in meeting.rounds() {
        let c = ballot_candidates(ws, M, r.id).expect("candidates");
        let (standing, excluded) = model_standing(ws, r.id);
        prop_assert_eq!(&c.standing, &standing, "round {:?}", r.id);
        prop_assert_eq!(&c.excluded, &excluded);
        // The papers' numbers are the pad's keys and the readings typed
        // from the entry log.
        for (idx, u) in c.standing.iter().enumerate() {
            if let Some(key) = entry_key(idx) {
                prop_assert_eq!(candidate_for_key(&key.to_string()), Some(idx));
            }
            let read = parse_reading(&(idx + 1).to_string(), &c.standing).expect("reading");
            prop_assert_eq!(
                read,
                PaperBallot::Marks(thidua_core::domain::Approvals::new(vec![*u]))
            );
        }
        prop_assert_eq!(
            papers_outdated(ws, M, r.id).expect("round"),
            r.printed.as_ref().is_some_and(|p| *p != c.standing)
        );
        if let RoundState::Closed(_) = r.state {
            let (_, _, result) = results
                .iter()
                .find(|(id, _, _)| *id == r.id)
                .expect("closed rounds have results");
            let ranked: BTreeSet<UnitId> = result
                .candidates
                .iter()
                .filter(|l| l.rank.is_some())
                .map(|l| l.unit)
                .collect();
            prop_assert_eq!(ranked, c.standing.iter().copied().collect::<BTreeSet<_>>());
            let listed_excluded: Vec<UnitId> = result
                .candidates
                .iter()
                .filter(|l| l.rank.is_none())
                .map(|l| l.unit)
                .collect();
            prop_assert_eq!(&listed_excluded, &c.excluded);
            // Equal votes keep ballot order in the minutes' ranking.
            for pair in result.candidates.windows(2) {
                if pair[0].rank.is_some()
                    && pair[1].rank.is_some()
                    && pair[0].votes == pair[1].votes
                {
                    let pos = |u: UnitId| c.standing.iter().position(|x| *x == u);
                    prop_assert!(pos(pair[0].unit) < pos(pair[1].unit));
                }
            }
            let minutes = vote_count_minutes(ws, M, r.id, Lang::Vi)
                .expect("minutes")
                .to_string();
            let csv = results_csv(ws, M, Lang::Vi).expect("csv");
            for line in &result.candidates {
                let name = ws.unit_name(line.unit);
                prop_assert!(minutes.contains(&name), "{} not in the minutes", name);
                prop_assert!(csv.contains(&name), "{} not in the CSV", name);
            }
            check_reasons(r.id, &r.rules, result, &c.excluded, &ranks)?;
        }
    }
    Ok(())
}

/// Each stated status agrees with the counts and the rule that decided.
fn check_reasons(
    round: RoundId,
    rules: &RoundRules,
    result: &RoundResult,
    excluded: &[UnitId],
    ranks: &std::collections::BTreeMap<UnitId, u32>,
) -> Result<(), TestCaseError> {
    let lines: Vec<_> = result
        .candidates
        .iter()
        .filter(|l| l.rank.is_some())
        .collect();
    let met = |v: u32| rules.threshold.is_met(v, result.base);
    let with = |status: Status, votes: u32| {
        lines
            .iter()
            .filter(move |l| l.status == status && l.votes == votes)
    };
    let runoff_places = result.runoff.as_ref().map_or(0, |(_, p)| *p);
    let score = |u: UnitId| ranks.get(&u).copied().unwrap_or(u32::MAX);
    for line in &lines {
        let v = line.votes;
        let more = lines.iter().filter(|o| o.votes > v).count() as u32;
        match line.status {
            Status::Nominated => prop_assert!(met(v) && more < result.places),
            Status::NominatedByScore => {
                prop_assert!(met(v) && rules.tie_break == TieBreak::ClusterScore);
                prop_assert!(
                    with(Status::BehindOnScore, v).count() + with(Status::Tied, v).count() > 0
                );
            }
            Status::NominatedByLots => {
                prop_assert!(met(v) && rules.tie_break == TieBreak::Lots);
                prop_assert!(with(Status::NotDrawn, v).count() > 0);
            }
            Status::BehindOnScore => {
                prop_assert!(met(v) && rules.tie_break == TieBreak::ClusterScore);
                prop_assert!(
                    with(Status::NominatedByScore, v).any(|w| score(w.unit) < score(line.unit))
                );
            }
            Status::NotDrawn => {
                prop_assert!(met(v) && rules.tie_break == TieBreak::Lots);
                prop_assert!(with(Status::NominatedByLots, v).count() > 0);
            }
            // "Others with more votes filled the places": every nominee
            // has more votes, and the places are all taken.
            Status::BeyondQuota => {
                prop_assert!(met(v));
                prop_assert!(
                    result.nominated.iter().all(|n| {
                        lines
                            .iter()
                            .find(|l| l.unit == *n)
                            .is_some_and(|l| l.votes > v)
                    }),
                    "round {:?}: {:?} beyond the quota without fewer votes",
                    round,
                    line
                );
                prop_assert_eq!(result.nominated.len() as u32 + runoff_places, result.places);
            }
            Status::Tied => {
                let (tied, _) = result.runoff.as_ref().expect("a runoff");
                prop_assert!(met(v) && tied.contains(&line.unit));
                prop_assert!(lines
                    .iter()
                    .filter(|l| tied.contains(&l.unit))
                    .all(|l| l.votes == v));
            }
            Status::BelowThreshold => prop_assert!(!met(v)),
            Status::Excluded => prop_assert!(false, "a standing unit marked excluded"),
        }
        prop_assert_eq!(
            line.status.is_nominated(),
            result.nominated.contains(&line.unit)
        );
    }
    for line in result.candidates.iter().filter(|l| l.rank.is_none()) {
        prop_assert_eq!(line.status, Status::Excluded);
        prop_assert!(excluded.contains(&line.unit));
    }
    Ok(())
}

/// Counts a draft round the way `spec` says; returns false if the round
/// stayed a draft (later counting rounds cannot open then).
fn count_round(
    ws: &mut Workspace,
    round: RoundId,
    spec: &RoundSpec,
) -> Result<bool, TestCaseError> {
    let members = ws.year_of(M).expect("year").members.clone();
    let r = ws
        .meeting(M)
        .and_then(|m| m.round(round))
        .expect("round")
        .clone();
    let places = r.rules.quota.places(members.len() as u32);
    let on_papers = ballot_candidates(ws, M, round).expect("candidates");
    if spec.mode == 3 {
        return Ok(false);
    }
    if on_papers.standing.is_empty() {
        let before = ws.clone();
        prop_assert_eq!(
            open_round(ws, M, round, PIN),
            Err(DomainError::NoCandidates)
        );
        prop_assert_eq!(&*ws, &before);
        return Ok(false);
    }
    // Each voter's marks on the ballot as printed, cut to the quota and,
    // where the rules say so, without their own unit.
    let approvals = |voter: usize| -> Vec<UnitId> {
        let own = unit(voter);
        on_papers
            .standing
            .iter()
            .enumerate()
            .filter(|(i, u)| {
                spec.ballots[voter][*i % members.len()] && (r.rules.self_vote_allowed || **u != own)
            })
            .map(|(_, u)| *u)
            .take(places as usize)
            .collect()
    };
    match spec.mode {
        0 => {
            open_round(ws, M, round, PIN).expect("open");
            prop_assert_eq!(&ballot_candidates(ws, M, round).expect("c"), &on_papers);
            for v in 0..members.len() {
                ws.set_present(M, round, VoterId(unit(v).0), true)
                    .expect("present");
            }
            for v in 0..members.len() {
                ws.start_ballot(M, round, VoterId(unit(v).0))
                    .expect("start");
                // The booth's ballot is the same list: nothing else is taken.
                for outsider in members.iter().filter(|u| !on_papers.standing.contains(u)) {
                    prop_assert_eq!(
                        ws.clone().submit_ballot(M, round, vec![*outsider]),
                        Err(DomainError::NotACandidate)
                    );
                }
                ws.submit_ballot(M, round, approvals(v)).expect("submit");
                ws.unlock_booth(M, round, PIN).expect("unlock");
            }
            ws.close_round(M, round).expect("close");
        }
        1 => {
            let n = members.len() as u32;
            if papers_outdated(ws, M, round).expect("round") {
                let before = ws.clone();
                prop_assert_eq!(
                    open_paper_round(ws, M, round, n, n),
                    Err(DomainError::PapersOutdated)
                );
                prop_assert_eq!(&*ws, &before);
            }
            record_printed_papers(ws, M, round).expect("printed");
            open_paper_round(ws, M, round, n, n).expect("paper");
            prop_assert_eq!(&ballot_candidates(ws, M, round).expect("c"), &on_papers);
            for pass in Pass::BOTH {
                for v in 0..members.len() {
                    // Typed as the paper's numbers, read by the pad's map.
                    let text: Vec<String> = approvals(v)
                        .iter()
                        .filter_map(|u| on_papers.standing.iter().position(|x| x == u))
                        .map(|i| (i + 1).to_string())
                        .collect();
                    let pad = ballot_candidates(ws, M, round).expect("c").standing;
                    let ballot = parse_reading(&text.join(", "), &pad).expect("reading");
                    ws.enter_paper_ballot(M, round, pass, ballot)
                        .expect("enter");
                }
                ws.finish_paper_pass(M, round, pass, true).expect("finish");
            }
            ws.close_paper_round(M, round).expect("close paper");
        }
        _ => {
            let n = members.len() as u32;
            if papers_outdated(ws, M, round).expect("round") {
                let before = ws.clone();
                let hand = HandTotals::default();
                prop_assert_eq!(
                    close_with_totals(ws, M, round, n, n, hand),
                    Err(DomainError::PapersOutdated)
                );
                prop_assert_eq!(&*ws, &before);
                record_printed_papers(ws, M, round).expect("reprinted");
            }
            let mut ballots = thidua_core::domain::BallotBox::default();
            for v in 0..members.len() {
                ballots.cast(thidua_core::domain::Approvals::new(approvals(v)));
            }
            let roll = Roll {
                entitled: n,
                present: n,
                issued: n,
            };
            let totals = totals_from_ballots(&ballots, &on_papers.standing, &r.rules, places, roll);
            // The form's fields: one per candidate, empty ones as 0.
            let hand = HandTotals {
                collected: totals.collected,
                valid: totals.valid,
                invalid: totals.invalid,
                votes: on_papers
                    .standing
                    .iter()
                    .map(|u| (*u, totals.votes.get(u).copied().unwrap_or(0)))
                    .collect(),
            };
            close_with_totals(ws, M, round, n, n, hand).expect("hand count saves");
        }
    }
    prop_assert_eq!(&ballot_candidates(ws, M, round).expect("c"), &on_papers);
    Ok(true)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, .. ProptestConfig::default() })]

    #[test]
    fn issue15_every_reader_sees_one_list_and_every_reason_agrees(spec in spec()) {
        let mut ws = workspace(&spec);
        check_one_list(&ws)?;
        for (idx, r) in spec.rounds.iter().enumerate() {
            let counted = count_round(&mut ws, round_id(idx), r)?;
            check_one_list(&ws)?;
            if !counted {
                if r.rehearsal { continue; }
                break;
            }
            if r.rehearsal {
                continue;
            }
            let runoff_id = RoundId(2000 + idx as u64);
            if r.runoff && create_runoff(&mut ws, M, round_id(idx), runoff_id).is_ok() {
                check_one_list(&ws)?;
                let again = RoundSpec { mode: 0, ..r.clone() };
                if !count_round(&mut ws, runoff_id, &again)? {
                    break;
                }
                check_one_list(&ws)?;
            }
        }
    }
}
