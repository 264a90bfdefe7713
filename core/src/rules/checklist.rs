//! The meeting's checklist before the vote (issue 18): what is ready and
//! what is missing, computed in one place for the meeting screen.

use super::rounds::papers_outdated;
use crate::domain::{
    CommitteeRole, CountSource, DomainError, MeetingId, RoundId, RoundKind, RoundState, Voters,
    Workspace,
};

/// One thing the meeting needs before its vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckItem {
    /// The chair (chủ trì) is named.
    Chair,
    /// The secretary (thư ký) is named.
    Secretary,
    /// The counting committee has 3 to 5 members, one of them its head.
    Committee,
    /// Who votes: the year's member units, or a named delegate for each.
    Voters,
    /// At least one round (not a rehearsal) with its rules.
    Rounds,
    /// The operator's PIN: chosen on the opening form of a booth round, so
    /// ready once a round of the meeting has been opened on the laptop.
    OperatorPin,
    /// The ballot papers of every round counted on paper are printed with
    /// the candidates the round has now.
    PapersPrinted,
}

/// An item of the checklist and whether it is ready.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub item: CheckItem,
    pub ready: bool,
    /// The round where a missing PIN or papers are filled in.
    pub round: Option<RoundId>,
}

/// Whether a round counts for the checklist: rehearsals are practice.
fn regular(kind: RoundKind) -> bool {
    !matches!(kind, RoundKind::Rehearsal)
}

/// The checklist of `meeting`, in the order the items are filled in. The
/// PIN item is there while some round is (or will be) voted on the laptop,
/// the papers item while some round is counted on paper (its papers were
/// printed, or it is being entered): a meeting does one, the other or both.
pub fn meeting_checklist(ws: &Workspace, meeting: MeetingId) -> Result<Vec<Check>, DomainError> {
    let year = ws.year_of(meeting)?;
    let m = ws.meeting(meeting).ok_or(DomainError::UnknownMeeting)?;
    let d = &m.details;
    let check = |item, ready| Check {
        item,
        ready,
        round: None,
    };
    let committee_ready = (3..=5).contains(&d.committee.len())
        && d.committee.iter().any(|c| c.role == CommitteeRole::Head);
    let voters_ready = match &m.voters {
        Voters::OnePerUnit => !year.members.is_empty(),
        Voters::Delegates(list) => {
            !year.members.is_empty()
                && year
                    .members
                    .iter()
                    .all(|u| list.iter().any(|delegate| delegate.unit == *u))
        }
    };
    let rounds: Vec<_> = m.rounds().iter().filter(|r| regular(r.kind)).collect();
    let mut list = vec![
        check(CheckItem::Chair, !d.chair.trim().is_empty()),
        check(CheckItem::Secretary, !d.secretary.trim().is_empty()),
        check(CheckItem::Committee, committee_ready),
        check(CheckItem::Voters, voters_ready),
        check(CheckItem::Rounds, !rounds.is_empty()),
    ];
    // A draft round whose papers were printed is going to be counted on
    // paper; any other draft round will be opened on the laptop.
    let on_paper = |state: &RoundState, printed: bool| match state {
        RoundState::Draft => printed,
        RoundState::Paper(_) => true,
        RoundState::Closed(count) => !matches!(count.source, CountSource::Booth),
        RoundState::Open(_) => false,
    };
    let booth_rounds: Vec<_> = rounds
        .iter()
        .filter(|r| !on_paper(&r.state, r.printed.is_some()))
        .collect();
    if rounds.is_empty() || !booth_rounds.is_empty() {
        let opened = booth_rounds.iter().any(|r| {
            matches!(r.state, RoundState::Open(_))
                || matches!(&r.state, RoundState::Closed(c) if matches!(c.source, CountSource::Booth))
        });
        list.push(Check {
            item: CheckItem::OperatorPin,
            ready: opened,
            round: if opened {
                None
            } else {
                booth_rounds
                    .iter()
                    .find(|r| r.state == RoundState::Draft)
                    .map(|r| r.id)
            },
        });
    }
    let paper_drafts: Vec<RoundId> = rounds
        .iter()
        .filter(|r| r.state == RoundState::Draft && r.printed.is_some())
        .map(|r| r.id)
        .collect();
    let paper_any = rounds
        .iter()
        .any(|r| on_paper(&r.state, r.printed.is_some()));
    if paper_any {
        let mut outdated = None;
        for round in paper_drafts {
            if papers_outdated(ws, meeting, round)? {
                outdated = Some(round);
                break;
            }
        }
        list.push(Check {
            item: CheckItem::PapersPrinted,
            ready: outdated.is_none(),
            round: outdated,
        });
    }
    Ok(list)
}

/// Whether the checklist is still shown: until every regular round of the
/// meeting is closed (a meeting without rounds shows it too).
pub fn checklist_shown(ws: &Workspace, meeting: MeetingId) -> bool {
    ws.meeting(meeting).is_some_and(|m| {
        let mut rounds = m.rounds().iter().filter(|r| regular(r.kind)).peekable();
        rounds.peek().is_none() || rounds.any(|r| !matches!(r.state, RoundState::Closed(_)))
    })
}
