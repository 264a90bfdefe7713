//! How a closed count was counted (`SourceDto`: in the booth, on paper, or by hand totals) and its conversions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::count;
use super::paper::{paper_count, paper_count_dto, PaperCountDto};
use crate::domain::{CountSource, HandTotals, UnitId};
use crate::exchange::RecordError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceDto {
    Booth,
    Paper {
        count: PaperCountDto,
    },
    Hand {
        collected: u32,
        valid: u32,
        invalid: u32,
        votes: Vec<VotesDto>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VotesDto {
    pub unit: u64,
    pub votes: u32,
}

pub(super) fn source_dto(source: &CountSource) -> SourceDto {
    match source {
        CountSource::Booth => SourceDto::Booth,
        CountSource::Paper(paper) => SourceDto::Paper {
            count: paper_count_dto(paper),
        },
        CountSource::Hand(hand) => SourceDto::Hand {
            collected: hand.collected,
            valid: hand.valid,
            invalid: hand.invalid,
            votes: hand
                .votes
                .iter()
                .map(|(unit, votes)| VotesDto {
                    unit: unit.0,
                    votes: *votes,
                })
                .collect(),
        },
    }
}

/// The source at `at` (`data.rounds[3].state.source`), its counts checked.
pub(super) fn source_from(source: SourceDto, at: &str) -> Result<CountSource, RecordError> {
    Ok(match source {
        SourceDto::Booth => CountSource::Booth,
        SourceDto::Paper { count } => {
            CountSource::Paper(paper_count(count, &format!("{at}.count"))?)
        }
        SourceDto::Hand {
            collected,
            valid,
            invalid,
            votes,
        } => {
            let mut by_unit = BTreeMap::new();
            for (idx, v) in votes.iter().enumerate() {
                let n = count(v.votes, &format!("{at}.votes[{idx}].votes"))?;
                if by_unit.insert(UnitId(v.unit), n).is_some() {
                    return Err(RecordError::invalid(
                        format!("{at}.votes[{idx}].unit"),
                        "appears twice",
                    ));
                }
            }
            CountSource::Hand(HandTotals {
                collected: count(collected, &format!("{at}.collected"))?,
                valid: count(valid, &format!("{at}.valid"))?,
                invalid: count(invalid, &format!("{at}.invalid"))?,
                votes: by_unit,
            })
        }
    })
}
