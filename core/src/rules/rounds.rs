//! What a meeting's rounds take from the tally's decisions: results, candidates and freezing edits.
//!
//! The results of its closed rounds, the candidates of a draft round (its
//! list less the units nominated before it), and the edits that freeze
//! them (opening a round, printing its papers, a runoff for its tie).

use super::scoring::rank_map;
use super::tally::{decide, DecisionContext, RoundResult};
use crate::domain::{
    DomainError, EmulationYear, HandTotals, Meeting, MeetingId, Round, RoundCandidates, RoundId,
    RoundKind, Totals, UnitId, Workspace,
};

/// Results of every closed round of `meeting`, in order, each with the
/// units nominated by the rounds before it taken into account. The
/// cluster's score ranking of `year` settles ties where a round's
/// tie-break says so.
pub fn results(meeting: &Meeting, year: &EmulationYear) -> Vec<(RoundId, Totals, RoundResult)> {
    let ranks = rank_map(&year.criteria, &year.members, &year.scores);
    let score_rank = (!ranks.is_empty()).then_some(&ranks);
    meeting
        .rounds
        .iter()
        .filter_map(|round| {
            let (totals, places) = meeting.closed_totals(round, year)?;
            let on_ballot = candidates_of(meeting, round, year);
            let result = decide_closed(&totals, &on_ballot, &round.rules, places, score_rank);
            Some((round.id, totals, result))
        })
        .collect()
}

/// The decision of a closed round over its candidates, the units taken
/// off it listed last with their reason: a cluster's results and the
/// council's reading of a received file both decide through here.
pub fn decide_closed(
    totals: &Totals,
    on_ballot: &RoundCandidates,
    rules: &crate::domain::RoundRules,
    places: u32,
    score_rank: Option<&std::collections::BTreeMap<UnitId, u32>>,
) -> RoundResult {
    let listed: Vec<UnitId> = on_ballot
        .standing
        .iter()
        .chain(&on_ballot.excluded)
        .copied()
        .collect();
    let context = DecisionContext {
        excluded: &on_ballot.excluded,
        score_rank,
    };
    decide(totals, &listed, rules, places, context)
}

/// The candidates of a round of a meeting in ballot order, in any state:
/// for a draft, its list less the units nominated by closed counting
/// rounds before it (when the meeting excludes them; never in a
/// rehearsal); once opened, the list frozen then. Papers, the entry pad,
/// the booth's ballot, the hand-count form, the results and the minutes
/// all take the candidates from here.
pub fn ballot_candidates(
    ws: &Workspace,
    meeting: MeetingId,
    round: RoundId,
) -> Result<RoundCandidates, DomainError> {
    let m = ws.meeting(meeting).ok_or(DomainError::UnknownMeeting)?;
    let year = ws.year_of(meeting)?;
    let round = m.round(round).ok_or(DomainError::UnknownRound)?;
    Ok(candidates_of(m, round, year))
}

fn candidates_of(meeting: &Meeting, round: &Round, year: &EmulationYear) -> RoundCandidates {
    if let Some(frozen) = round.frozen_candidates() {
        return frozen;
    }
    let before = if meeting.exclusion && round.kind != RoundKind::Rehearsal {
        nominated_before(meeting, round.id, year)
    } else {
        Vec::new()
    };
    let (excluded, standing) = round.candidates.iter().partition(|c| before.contains(c));
    RoundCandidates { standing, excluded }
}

/// Units nominated by closed, counting rounds before `round`.
fn nominated_before(meeting: &Meeting, round: RoundId, year: &EmulationYear) -> Vec<UnitId> {
    let position = meeting
        .rounds
        .iter()
        .position(|r| r.id == round)
        .unwrap_or(meeting.rounds.len());
    let earlier: Vec<RoundId> = meeting.rounds[..position]
        .iter()
        .filter(|r| r.kind != RoundKind::Rehearsal)
        .map(|r| r.id)
        .collect();
    results(meeting, year)
        .into_iter()
        .filter(|(id, _, _)| earlier.contains(id))
        .flat_map(|(_, _, result)| result.nominated)
        .collect()
}

/// Whether ballot papers were printed for a round with another list of
/// candidates than the round has now (a higher round closed since).
pub fn papers_outdated(
    ws: &Workspace,
    meeting: MeetingId,
    round: RoundId,
) -> Result<bool, DomainError> {
    let standing = ballot_candidates(ws, meeting, round)?.standing;
    let round = ws
        .meeting(meeting)
        .and_then(|m| m.round(round))
        .ok_or(DomainError::UnknownRound)?;
    Ok(round.papers_outdated(&standing))
}

/// Keeps which candidates, in which order, the ballot papers of a draft
/// round were printed with. Papers printed once the round has opened list
/// its frozen candidates: nothing to keep.
pub fn record_printed_papers(
    ws: &mut Workspace,
    meeting: MeetingId,
    round: RoundId,
) -> Result<(), DomainError> {
    let standing = ballot_candidates(ws, meeting, round)?.standing;
    ws.record_printed_papers(meeting, round, standing)
}

/// Opens a round for booth voting: freezes the roll, takes off units
/// nominated in higher rounds, and sets the operator's PIN.
pub fn open_round(
    ws: &mut Workspace,
    meeting: MeetingId,
    round: RoundId,
    pin: &str,
) -> Result<(), DomainError> {
    ws.open_round(meeting, round, pin, &|ws| {
        ballot_candidates(ws, meeting, round)
    })
}

/// Opens a round for paper ballots: freezes the number of entitled voters
/// and takes off units nominated in higher rounds. `present` and `issued`
/// are counted in the hall.
pub fn open_paper_round(
    ws: &mut Workspace,
    meeting: MeetingId,
    round: RoundId,
    present: u32,
    issued: u32,
) -> Result<(), DomainError> {
    ws.open_paper_round(meeting, round, present, issued, &|ws| {
        ballot_candidates(ws, meeting, round)
    })
}

/// Records a count done by hand: the round goes from draft straight to
/// closed if the totals reconcile (PRODUCT.md §4), and is refused with the
/// reason if they do not.
pub fn close_with_totals(
    ws: &mut Workspace,
    meeting: MeetingId,
    round: RoundId,
    present: u32,
    issued: u32,
    hand: HandTotals,
) -> Result<(), DomainError> {
    ws.close_with_totals(meeting, round, present, issued, hand, &|ws| {
        ballot_candidates(ws, meeting, round)
    })
}

/// Turns a tie or unfilled places of a closed round into a runoff round
/// right after it, for the places left. Returns its id.
pub fn create_runoff(
    ws: &mut Workspace,
    meeting_id: MeetingId,
    round_id: RoundId,
    new_id: RoundId,
) -> Result<RoundId, DomainError> {
    let meeting = ws.meeting(meeting_id).ok_or(DomainError::UnknownMeeting)?;
    let round = meeting.round(round_id).ok_or(DomainError::UnknownRound)?;
    let (_, _, result) = results(meeting, ws.year_of(meeting_id)?)
        .into_iter()
        .find(|(id, _, _)| *id == round_id)
        .ok_or(DomainError::RoundNotClosed)?;
    let (candidates, places) = match result.runoff {
        Some((tied, places)) => (tied, places),
        None if result.unfilled > 0 => {
            let others: Vec<UnitId> = round
                .candidates
                .iter()
                .filter(|c| !result.nominated.contains(c))
                .copied()
                .collect();
            (others, result.unfilled)
        }
        None => return Err(DomainError::NoRunoffNeeded),
    };
    ws.add_runoff(meeting_id, round_id, new_id, candidates, places)
}
