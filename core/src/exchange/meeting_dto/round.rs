//! A round (`RoundDto`: award, rules, candidates, kind and state: draft, booth open, paper, closed) and its conversions.

use serde::{Deserialize, Serialize};

use super::ballots::{ballot_box, ballots_dto, BallotsDto};
use super::booth::{booth_dto, booth_from, BoothDto};
use super::paper::{paper_count, paper_count_dto, PaperCountDto};
use super::rules::{rules_dto, rules_from, RulesDto};
use super::source::{source_dto, source_from, SourceDto};
use super::{count, ids, units};
use crate::domain::Roll;
use crate::domain::{ClosedCount, Round, RoundId, RoundKind, RoundState};
use crate::exchange::RecordError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundDto {
    pub id: u64,
    pub award: String,
    pub rules: RulesDto,
    pub candidates: Vec<u64>,
    #[serde(default)]
    pub excluded: Vec<u64>,
    pub kind: KindDto,
    pub state: StateDto,
    /// Missing in records written before it was kept: `None`. Left out
    /// when there is none, so a round without printed papers keeps the
    /// shape every earlier version wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Vec<u64>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindDto {
    Regular,
    Runoff { parent: u64 },
    Rehearsal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateDto {
    Draft,
    Open {
        booth: BoothDto,
    },
    Paper {
        count: PaperCountDto,
    },
    Closed {
        entitled: u32,
        present: u32,
        issued: u32,
        ballots: BallotsDto,
        /// Absent in version 1 records (booth); added by the migration.
        source: SourceDto,
    },
}

pub(super) fn round_dto(r: &Round) -> RoundDto {
    RoundDto {
        id: r.id.0,
        award: r.award.clone(),
        rules: rules_dto(&r.rules),
        candidates: ids(&r.candidates),
        excluded: ids(&r.excluded),
        printed: r.printed.as_deref().map(ids),
        kind: match r.kind {
            RoundKind::Regular => KindDto::Regular,
            RoundKind::Runoff { parent } => KindDto::Runoff { parent: parent.0 },
            RoundKind::Rehearsal => KindDto::Rehearsal,
        },
        state: match &r.state {
            RoundState::Draft => StateDto::Draft,
            RoundState::Open(booth) => StateDto::Open {
                booth: booth_dto(booth),
            },
            RoundState::Paper(count) => StateDto::Paper {
                count: paper_count_dto(count),
            },
            RoundState::Closed(count) => StateDto::Closed {
                entitled: count.roll.entitled,
                present: count.roll.present,
                issued: count.roll.issued,
                ballots: ballots_dto(&count.ballots),
                source: source_dto(&count.source),
            },
        },
    }
}

/// The round at `path` (`data.rounds[0]`), checked part by part.
pub(super) fn round_from(dto: RoundDto, path: &str) -> Result<Round, RecordError> {
    let rules = rules_from(dto.rules, path)?;
    let state = match dto.state {
        StateDto::Draft => RoundState::Draft,
        StateDto::Open { booth } => {
            RoundState::Open(booth_from(booth, &format!("{path}.state.booth"))?)
        }
        StateDto::Paper { count } => {
            RoundState::Paper(paper_count(count, &format!("{path}.state.count"))?)
        }
        StateDto::Closed {
            entitled,
            present,
            issued,
            ballots,
            source,
        } => RoundState::Closed(ClosedCount {
            roll: Roll {
                entitled: count(entitled, &format!("{path}.state.entitled"))?,
                present: count(present, &format!("{path}.state.present"))?,
                issued: count(issued, &format!("{path}.state.issued"))?,
            },
            ballots: ballot_box(ballots, &format!("{path}.state.ballots"))?,
            source: source_from(source, &format!("{path}.state.source"))?,
        }),
    };
    Ok(Round {
        id: RoundId(dto.id),
        award: dto.award,
        rules,
        candidates: units(&dto.candidates),
        excluded: units(&dto.excluded),
        kind: match dto.kind {
            KindDto::Regular => RoundKind::Regular,
            KindDto::Runoff { parent } => RoundKind::Runoff {
                parent: RoundId(parent),
            },
            KindDto::Rehearsal => RoundKind::Rehearsal,
        },
        state,
        printed: dto.printed.as_deref().map(units),
    })
}
