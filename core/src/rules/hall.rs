//! What the hall's projector shows of a meeting (issue 16): one pure view
//! of the meeting as it stands, so the hall screen only draws it.
//!
//! While a booth round is open the view holds the award and how many have
//! voted, nothing else: its type has no field for a total, a ballot, a
//! name, the PIN or whose turn it is. A closed round's figures come from
//! `rounds::results`, the function the results screen and the minutes use.

use super::rounds::results;
use crate::domain::{Date, MeetingId, RoundId, RoundKind, RoundRules, RoundState, Workspace};
use crate::rules::tally::Status;

/// What the operator pinned on the hall screen; without a pin the hall
/// follows the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HallPin {
    /// The agenda, whatever the rounds are doing.
    Agenda,
    /// A closed round's results (kept up while the next round is prepared).
    Results(RoundId),
}

/// The hall screen of a meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallView {
    pub heading: HallHeading,
    pub stage: HallStage,
    /// The operator's pin decides what is shown (it was found and applies).
    pub pinned: bool,
}

/// The meeting's title line: cluster, year, date, time and place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallHeading {
    pub cluster: String,
    pub year: u16,
    pub date: Option<Date>,
    pub time: String,
    pub place: String,
}

/// What the hall sees of the meeting now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HallStage {
    /// Before voting (or pinned): the rounds in order.
    Agenda(HallAgenda),
    /// A booth round is open.
    Voting(HallVoting),
    /// A paper round is being entered by the counting committee.
    Counting(HallCounting),
    /// A closed round's results.
    Results(HallResults),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallAgenda {
    /// The counting rounds in order (rehearsals are practice, not agenda).
    pub rounds: Vec<AgendaRound>,
    pub handover: Option<HallHandover>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaRound {
    pub award: String,
    pub places: u32,
    /// The threshold, its base and the quota, as the round will apply them.
    pub rules: RoundRules,
    pub runoff: bool,
    pub closed: bool,
}

/// An open booth round: only these three facts reach the hall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallVoting {
    pub award: String,
    pub rehearsal: bool,
    /// Voters who have cast their ballot.
    pub voted: u32,
    /// Voters who get a ballot: those ticked present, or the whole roll
    /// before the roll call.
    pub of: u32,
}

/// A paper round being entered: the award alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallCounting {
    pub award: String,
    pub rehearsal: bool,
}

/// A closed round, as the results screen decides it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallResults {
    pub round: RoundId,
    pub award: String,
    pub rehearsal: bool,
    pub rules: RoundRules,
    pub places: u32,
    pub issued: u32,
    pub collected: u32,
    pub valid: u32,
    pub invalid: u32,
    /// Ranked as the tally ranks them, excluded units last.
    pub lines: Vec<HallLine>,
    pub nominated: Vec<String>,
    /// Tied at the quota line: their names and the places a runoff decides.
    pub runoff: Option<(Vec<String>, u32)>,
    pub unfilled: u32,
    pub handover: Option<HallHandover>,
}

/// One candidate's bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallLine {
    pub name: String,
    pub votes: u32,
    /// Hundredths of a percent; `None` when the base is zero.
    pub share_bp: Option<u64>,
    pub status: Status,
}

/// The leader flag passed on at this meeting, and who leads next year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HallHandover {
    pub from: String,
    pub to: String,
    pub date: Date,
    pub next_year: u16,
    /// The next year's leader once that year exists with one; else the
    /// unit the flag went to.
    pub next_leader: String,
}

/// The hall screen of `meeting` with the operator's `pin`: the pinned
/// stage when it applies (a pinned round that is no longer closed is not
/// shown), else the meeting as it goes — a round in progress, else the
/// last closed round's results, else the agenda. `None` for an unknown
/// meeting or one whose cluster-year is gone.
pub fn hall_view(ws: &Workspace, meeting: MeetingId, pin: Option<HallPin>) -> Option<HallView> {
    let m = ws.meeting(meeting)?;
    let cluster = ws.cluster(m.cluster)?;
    let year = cluster.year(m.year)?;
    let heading = HallHeading {
        cluster: cluster.name.clone(),
        year: m.year,
        date: m.details.date,
        time: m.details.time.trim().to_owned(),
        place: m.details.place.trim().to_owned(),
    };
    let handover = year.handover.as_ref().map(|h| HallHandover {
        from: ws.unit_name(h.from),
        to: ws.unit_name(h.to),
        date: h.date,
        next_year: m.year + 1,
        next_leader: ws.unit_name(
            cluster
                .year(m.year + 1)
                .and_then(|next| next.leader)
                .unwrap_or(h.to),
        ),
    });
    let agenda = || {
        HallStage::Agenda(HallAgenda {
            rounds: m
                .rounds()
                .iter()
                .filter(|r| r.kind != RoundKind::Rehearsal)
                .map(|r| AgendaRound {
                    award: r.award.clone(),
                    places: r.rules.quota.places(year.members.len() as u32),
                    rules: r.rules,
                    runoff: matches!(r.kind, RoundKind::Runoff { .. }),
                    closed: matches!(r.state, RoundState::Closed(_)),
                })
                .collect(),
            handover: handover.clone(),
        })
    };
    let results_of = |round: RoundId| -> Option<HallStage> {
        let r = m.round(round)?;
        let (_, totals, result) = results(m, year).into_iter().find(|(id, ..)| *id == round)?;
        let names_of = |units: &[crate::domain::UnitId]| -> Vec<String> {
            units.iter().map(|u| ws.unit_name(*u)).collect()
        };
        Some(HallStage::Results(HallResults {
            round,
            award: r.award.clone(),
            rehearsal: r.kind == RoundKind::Rehearsal,
            rules: r.rules,
            places: result.places,
            issued: totals.issued,
            collected: totals.collected,
            valid: totals.valid,
            invalid: totals.invalid,
            lines: result
                .candidates
                .iter()
                .map(|c| HallLine {
                    name: ws.unit_name(c.unit),
                    votes: c.votes,
                    share_bp: c.share_bp,
                    status: c.status,
                })
                .collect(),
            nominated: names_of(&result.nominated),
            runoff: result
                .runoff
                .as_ref()
                .map(|(tied, places)| (names_of(tied), *places)),
            unfilled: result.unfilled,
            handover: handover.clone(),
        }))
    };
    let pinned = match pin {
        Some(HallPin::Agenda) => Some(agenda()),
        Some(HallPin::Results(round)) => results_of(round),
        None => None,
    };
    let view = |stage, pinned| {
        Some(HallView {
            heading: heading.clone(),
            stage,
            pinned,
        })
    };
    if let Some(stage) = pinned {
        return view(stage, true);
    }
    let in_progress = m.rounds().iter().find_map(|r| {
        let rehearsal = r.kind == RoundKind::Rehearsal;
        match &r.state {
            RoundState::Open(booth) => Some(HallStage::Voting(HallVoting {
                award: r.award.clone(),
                rehearsal,
                voted: booth.voted().len() as u32,
                of: if booth.present().is_empty() {
                    booth.entitled().len() as u32
                } else {
                    booth.present().len() as u32
                },
            })),
            RoundState::Paper(_) => Some(HallStage::Counting(HallCounting {
                award: r.award.clone(),
                rehearsal,
            })),
            _ => None,
        }
    });
    if let Some(stage) = in_progress {
        return view(stage, false);
    }
    let last_closed = m
        .rounds()
        .iter()
        .rev()
        .find(|r| matches!(r.state, RoundState::Closed(_)))
        .and_then(|r| results_of(r.id));
    view(last_closed.unwrap_or_else(agenda), false)
}
