//! What a file or a snapshot may carry of a vote: nothing of the ballots
//! of a round that is not closed. Every file kind and every snapshot is
//! built from `sealed_meeting`, so that diffing exports taken after each
//! voter reveals nothing.

use std::borrow::Cow;

use crate::domain::{
    BallotBox, BoothScreen, ClusterId, Meeting, PaperCount, RoundKind, RoundState, Workspace,
};

/// `meeting` as files and snapshots carry it. A round still in progress
/// keeps its roll (who is entitled, who is present) and none of its
/// ballots: a booth round as if nobody had voted yet, on the operator's
/// screen; a paper round with both passes empty. Closed and draft rounds
/// are carried whole. Borrowed when nothing is in progress.
pub fn sealed_meeting(meeting: &Meeting) -> Cow<'_, Meeting> {
    if !meeting.vote_in_progress() {
        return Cow::Borrowed(meeting);
    }
    let mut sealed = meeting.clone();
    for round in &mut sealed.rounds {
        match &mut round.state {
            RoundState::Open(booth) => {
                booth.ballots = BallotBox::default();
                booth.voted.clear();
                booth.screen = BoothScreen::Operator;
            }
            RoundState::Paper(count) => {
                *count = PaperCount {
                    entitled: count.entitled,
                    present: count.present,
                    issued: count.issued,
                    ..PaperCount::default()
                };
            }
            RoundState::Draft | RoundState::Closed(_) => {}
        }
    }
    Cow::Owned(sealed)
}

/// The awards of the rounds in progress in `ws` (of one cluster's
/// meetings, or all), whose ballots files and snapshots leave out (the
/// files screen and the cluster file's button say so).
pub fn sealed_rounds(ws: &Workspace, cluster: Option<ClusterId>) -> Vec<String> {
    ws.meetings
        .iter()
        .filter(|m| cluster.is_none_or(|c| m.cluster == c))
        .flat_map(|m| &m.rounds)
        .filter(|r| r.state.in_progress())
        .map(|r| r.award.clone())
        .collect()
}

/// The award of the first round in progress in `before` that a step
/// leading to `after` would change or drop. The snapshot taken before
/// such a step holds that round without its ballots, so the step would
/// lose them for good: it is refused. A rehearsal may be dropped (its
/// ballots never count).
pub fn vote_at_risk(before: &Workspace, after: &Workspace) -> Option<String> {
    before.meetings.iter().find_map(|meeting| {
        meeting
            .rounds
            .iter()
            .filter(|r| r.state.in_progress())
            .find(|round| {
                let now = after.meeting(meeting.id).and_then(|m| m.round(round.id));
                match now {
                    None => round.kind != RoundKind::Rehearsal,
                    Some(now) => now != *round,
                }
            })
            .map(|r| r.award.clone())
    })
}
