//! A cluster's regulation as stored (`RegulationDto`, inside the cluster
//! record), its award rules in the rounds' own shape (`RulesDto`).

use serde::{Deserialize, Serialize};

use super::meeting_dto::{fraction, rules_dto, rules_from, RulesDto};
use super::RecordError;
use crate::domain::{AwardRules, Regulation, WhoVotes};

/// Written only when it differs from the built-in default, so clusters
/// whose regulation was never set keep their bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegulationDto {
    /// An exact fraction, `2/3`.
    pub quorum: String,
    pub who_votes: WhoVotesDto,
    #[serde(default)]
    pub awards: Vec<AwardRulesDto>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhoVotesDto {
    OnePerUnit,
    NamedDelegates,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AwardRulesDto {
    pub award: String,
    pub rules: RulesDto,
}

/// `None` for the default regulation (nothing is written).
pub(super) fn regulation_dto(regulation: &Regulation) -> Option<RegulationDto> {
    (*regulation != Regulation::default()).then(|| RegulationDto {
        quorum: regulation.quorum.to_string(),
        who_votes: match regulation.who_votes {
            WhoVotes::OnePerUnit => WhoVotesDto::OnePerUnit,
            WhoVotes::NamedDelegates => WhoVotesDto::NamedDelegates,
        },
        awards: regulation
            .awards
            .iter()
            .map(|a| AwardRulesDto {
                award: a.award.clone(),
                rules: rules_dto(&a.rules),
            })
            .collect(),
    })
}

/// The regulation of a cluster record; a missing one is the default. It
/// passes the check an edit gets (`Regulation::checked`).
pub(super) fn regulation_from(dto: Option<RegulationDto>) -> Result<Regulation, RecordError> {
    let Some(dto) = dto else {
        return Ok(Regulation::default());
    };
    let mut awards = Vec::with_capacity(dto.awards.len());
    for (idx, award) in dto.awards.into_iter().enumerate() {
        let path = format!("data.regulation.awards[{idx}]");
        awards.push(AwardRules {
            award: award.award,
            rules: rules_from(award.rules, &path)?,
        });
    }
    Regulation {
        quorum: fraction(&dto.quorum, "data.regulation.quorum")?,
        who_votes: match dto.who_votes {
            WhoVotesDto::OnePerUnit => WhoVotes::OnePerUnit,
            WhoVotesDto::NamedDelegates => WhoVotes::NamedDelegates,
        },
        awards,
    }
    .checked()
    .map_err(|e| RecordError::invalid("data.regulation.awards", e.to_string()))
}
