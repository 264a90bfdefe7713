//! A round's rules (`RulesDto`: quota, threshold, base, blank ballots, tie-break) and their conversions.

use serde::{Deserialize, Serialize};

use super::fraction;
use crate::domain::{BlankBallot, Comparison, Quota, RoundRules, ShareBase, Threshold, TieBreak};
use crate::exchange::RecordError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RulesDto {
    pub quota: QuotaDto,
    pub threshold: String,
    pub comparison: ComparisonDto,
    pub base: BaseDto,
    pub blank: BlankDto,
    pub self_vote_allowed: bool,
    pub tie_break: TieBreakDto,
    pub lots_seed: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaDto {
    Fixed { places: u32 },
    ShareOfMembers { share: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonDto {
    AtLeast,
    MoreThan,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseDto {
    Entitled,
    Present,
    Collected,
    Valid,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlankDto {
    Invalid,
    Valid,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreakDto {
    Runoff,
    ClusterScore,
    Lots,
}

pub(crate) fn rules_dto(rules: &RoundRules) -> RulesDto {
    RulesDto {
        quota: match rules.quota {
            Quota::Fixed(places) => QuotaDto::Fixed { places },
            Quota::ShareOfMembers(share) => QuotaDto::ShareOfMembers {
                share: share.to_string(),
            },
        },
        threshold: rules.threshold.share.to_string(),
        comparison: match rules.threshold.comparison {
            Comparison::AtLeast => ComparisonDto::AtLeast,
            Comparison::MoreThan => ComparisonDto::MoreThan,
        },
        base: match rules.base {
            ShareBase::Entitled => BaseDto::Entitled,
            ShareBase::Present => BaseDto::Present,
            ShareBase::Collected => BaseDto::Collected,
            ShareBase::Valid => BaseDto::Valid,
        },
        blank: match rules.blank {
            BlankBallot::Invalid => BlankDto::Invalid,
            BlankBallot::Valid => BlankDto::Valid,
        },
        self_vote_allowed: rules.self_vote_allowed,
        tie_break: match rules.tie_break {
            TieBreak::Runoff => TieBreakDto::Runoff,
            TieBreak::ClusterScore => TieBreakDto::ClusterScore,
            TieBreak::Lots => TieBreakDto::Lots,
        },
        lots_seed: rules.lots_seed,
    }
}

/// The rules of the round at `path` (`data.rounds[0]`).
pub(crate) fn rules_from(r: RulesDto, path: &str) -> Result<RoundRules, RecordError> {
    let quota = match r.quota {
        QuotaDto::Fixed { places } => Quota::Fixed(places),
        QuotaDto::ShareOfMembers { share } => {
            Quota::ShareOfMembers(fraction(&share, &format!("{path}.rules.quota.share"))?)
        }
    };
    Ok(RoundRules {
        quota,
        threshold: Threshold {
            share: fraction(&r.threshold, &format!("{path}.rules.threshold"))?,
            comparison: match r.comparison {
                ComparisonDto::AtLeast => Comparison::AtLeast,
                ComparisonDto::MoreThan => Comparison::MoreThan,
            },
        },
        base: match r.base {
            BaseDto::Entitled => ShareBase::Entitled,
            BaseDto::Present => ShareBase::Present,
            BaseDto::Collected => ShareBase::Collected,
            BaseDto::Valid => ShareBase::Valid,
        },
        blank: match r.blank {
            BlankDto::Invalid => BlankBallot::Invalid,
            BlankDto::Valid => BlankBallot::Valid,
        },
        self_vote_allowed: r.self_vote_allowed,
        tie_break: match r.tie_break {
            TieBreakDto::Runoff => TieBreak::Runoff,
            TieBreakDto::ClusterScore => TieBreak::ClusterScore,
            TieBreakDto::Lots => TieBreak::Lots,
        },
        lots_seed: r.lots_seed,
    })
}
