//! Paper mode (PRODUCT.md §6): starting a paper count, the keyboard entry of
//! one pass, the comparison of the two passes and how the committee
//! settles each difference, totals counted by hand, and the two printed
//! pages — the numbered ballot papers and the entry log. This root holds
//! what every paper screen shows of a round.

mod entry;
mod print;
mod progress;
mod start;

use leptos::prelude::*;

use super::tr;
use crate::domain::{
    MeetingId, PaperCount, RoundId, RoundKind, RoundRules, RoundState, UnitId, Workspace,
};
use crate::i18n::Text;
use crate::rules::rounds::ballot_candidates;

pub use entry::PaperEntryScreen;
pub use print::{BallotPapersScreen, EntryLogScreen, PapersOutdatedNotice};
pub use progress::PaperView;
pub use start::PaperDraftCards;

/// What every paper screen shows of a round.
#[derive(Clone, Debug, PartialEq)]
struct RoundInfo {
    cluster: String,
    year: u16,
    award: String,
    kind: RoundKind,
    /// In ballot order: the paper's numbering.
    candidates: Vec<(UnitId, String)>,
    places: u32,
    rules: RoundRules,
    entitled: u32,
}

fn round_info(ws: &Workspace, meeting: MeetingId, round: RoundId) -> Option<RoundInfo> {
    let m = ws.meeting(meeting)?;
    let r = m.round(round)?;
    let year = ws.year_of(meeting).ok()?;
    Some(RoundInfo {
        cluster: ws.cluster_name(m.cluster),
        year: m.year,
        award: r.award.clone(),
        kind: r.kind,
        candidates: ballot_candidates(ws, meeting, round)
            .ok()?
            .standing
            .iter()
            .map(|u| (*u, ws.unit_name(*u)))
            .collect(),
        places: r.rules.quota.places(year.members.len() as u32),
        rules: r.rules,
        entitled: m.entitled(&year.members).len() as u32,
    })
}

/// The paper count of a round being entered or closed on paper.
fn paper_count(ws: &Workspace, meeting: MeetingId, round: RoundId) -> Option<&PaperCount> {
    match &ws.meeting(meeting)?.round(round)?.state {
        RoundState::Paper(count) => Some(count),
        RoundState::Closed(closed) => match &closed.source {
            crate::domain::CountSource::Paper(count) => Some(count),
            _ => None,
        },
        _ => None,
    }
}

fn ids(info: &RoundInfo) -> Vec<UnitId> {
    info.candidates.iter().map(|(u, _)| *u).collect()
}

/// A labelled count field with the `numeric` keyboard.
#[component]
fn CountField(label: Text, value: RwSignal<String>, testid: &'static str) -> impl IntoView {
    view! {
        <label class="field count-field">
            <span class="field-label">{tr(label)}</span>
            <input type="text" inputmode="numeric" autocomplete="off" data-testid=testid bind:value=value/>
        </label>
    }
}
