//! A paper count (`PaperCountDto`: the two entry passes of the pile, ballot by ballot, and the settled differences) and its conversions.

use serde::{Deserialize, Serialize};

use super::{count, ids, units};
use crate::domain::{Approvals, PaperBallot, PaperCount, PaperPass, Settlement};
use crate::exchange::RecordError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaperCountDto {
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    /// Exactly two: the first and the second entry of the pile.
    pub passes: Vec<PaperPassDto>,
    pub settlements: Vec<SettlementDto>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaperPassDto {
    /// Ballot number n is at index n − 1.
    pub ballots: Vec<PaperBallotDto>,
    pub finished: bool,
}

/// `{"marks": [unit ids]}` (a newtype variant) or `"spoilt"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperBallotDto {
    Marks(Vec<u64>),
    Spoilt,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettlementDto {
    pub number: u32,
    /// `null`: that pass had no ballot of this number.
    pub first: Option<PaperBallotDto>,
    pub second: Option<PaperBallotDto>,
    /// `null`: the committee found no ballot of this number.
    pub chosen: Option<PaperBallotDto>,
}

fn paper_ballot_dto(ballot: &PaperBallot) -> PaperBallotDto {
    match ballot {
        PaperBallot::Marks(marks) => PaperBallotDto::Marks(ids(marks.units())),
        PaperBallot::Spoilt => PaperBallotDto::Spoilt,
    }
}

pub(super) fn paper_count_dto(count: &PaperCount) -> PaperCountDto {
    PaperCountDto {
        entitled: count.entitled,
        present: count.present,
        issued: count.issued,
        passes: count
            .passes
            .iter()
            .map(|p| PaperPassDto {
                ballots: p.ballots.iter().map(paper_ballot_dto).collect(),
                finished: p.finished,
            })
            .collect(),
        settlements: count
            .settlements
            .iter()
            .map(|s| SettlementDto {
                number: s.number,
                first: s.first.as_ref().map(paper_ballot_dto),
                second: s.second.as_ref().map(paper_ballot_dto),
                chosen: s.chosen.as_ref().map(paper_ballot_dto),
            })
            .collect(),
    }
}

fn paper_ballot(dto: PaperBallotDto, path: &str) -> Result<PaperBallot, RecordError> {
    match dto {
        PaperBallotDto::Spoilt => Ok(PaperBallot::Spoilt),
        PaperBallotDto::Marks(list) => {
            let marks = Approvals::new(units(&list));
            if marks.len() != list.len() {
                return Err(RecordError::invalid(path, "lists a unit twice"));
            }
            Ok(PaperBallot::Marks(marks))
        }
    }
}

pub(super) fn paper_count(dto: PaperCountDto, path: &str) -> Result<PaperCount, RecordError> {
    let passes_len = dto.passes.len();
    let Ok(passes) = <[PaperPassDto; 2]>::try_from(dto.passes) else {
        return Err(RecordError::invalid(
            format!("{path}.passes"),
            format!("has {passes_len} entry passes, not 2"),
        ));
    };
    let mut out = PaperCount {
        entitled: count(dto.entitled, &format!("{path}.entitled"))?,
        present: count(dto.present, &format!("{path}.present"))?,
        issued: count(dto.issued, &format!("{path}.issued"))?,
        ..PaperCount::default()
    };
    for (p, pass) in passes.into_iter().enumerate() {
        if pass.ballots.len() > out.issued as usize {
            return Err(RecordError::invalid(
                format!("{path}.passes[{p}].ballots"),
                format!(
                    "has {} ballots, more than the {} issued",
                    pass.ballots.len(),
                    out.issued
                ),
            ));
        }
        let mut ballots = Vec::with_capacity(pass.ballots.len());
        for (b, ballot) in pass.ballots.into_iter().enumerate() {
            ballots.push(paper_ballot(
                ballot,
                &format!("{path}.passes[{p}].ballots[{b}]"),
            )?);
        }
        out.passes[p] = PaperPass {
            ballots,
            finished: pass.finished,
        };
    }
    for (idx, s) in dto.settlements.into_iter().enumerate() {
        let at = format!("{path}.settlements[{idx}]");
        let reading = |dto: Option<PaperBallotDto>, field: &str| {
            dto.map(|b| paper_ballot(b, &format!("{at}.{field}")))
                .transpose()
        };
        out.settlements.push(Settlement {
            number: s.number,
            first: reading(s.first, "first")?,
            second: reading(s.second, "second")?,
            chosen: reading(s.chosen, "chosen")?,
        });
    }
    Ok(out)
}
