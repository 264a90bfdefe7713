//! A cluster's voting regulation (quy chế, PRODUCT.md §4): the quorum, who
//! votes, and per award the rules a new round starts from.
//!
//! A round's rules are one type, `RoundRules`: the regulation keeps one per
//! award and a new round takes a copy (`Regulation::rules_for`); the round
//! form shows which settings it changed (`RuleSetting::differing`).

use super::workspace::{clean, normalized_name};
use super::{ClusterId, DomainError, Fraction, Quota, RoundRules, Voters, Workspace};

/// Who votes at the cluster's meetings, as the regulation fixes it; the
/// delegates themselves are named at each meeting (`Voters`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum WhoVotes {
    /// One voter per member unit (PRODUCT.md §4 default).
    #[default]
    OnePerUnit,
    /// Named delegates, listed at each meeting.
    NamedDelegates,
}

impl WhoVotes {
    /// The voters a new meeting starts with.
    pub fn voters(self) -> Voters {
        match self {
            WhoVotes::OnePerUnit => Voters::OnePerUnit,
            WhoVotes::NamedDelegates => Voters::Delegates(Vec::new()),
        }
    }
}

/// The usual rules of one award ("Cờ thi đua Bộ Quốc phòng": quota,
/// threshold, base, blank ballots, self-votes, tie-break).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AwardRules {
    pub award: String,
    /// The lots seed is not the regulation's: each round draws its own.
    pub rules: RoundRules,
}

/// A cluster's voting regulation. The default is PRODUCT.md §4's: quorum
/// 2/3, one voter per unit, and every award under `RoundRules::default()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regulation {
    pub quorum: Fraction,
    pub who_votes: WhoVotes,
    /// At most one per award (names compared as people read them), in the
    /// order the secretary listed them.
    pub awards: Vec<AwardRules>,
}

impl Default for Regulation {
    fn default() -> Regulation {
        Regulation {
            quorum: Fraction::two_thirds(),
            who_votes: WhoVotes::OnePerUnit,
            awards: Vec::new(),
        }
    }
}

impl Regulation {
    /// The regulation's entry for `award`, if it has one (names compared
    /// as people read them: case, spaces).
    pub fn award(&self, award: &str) -> Option<&AwardRules> {
        let key = normalized_name(award);
        if key.is_empty() {
            return None;
        }
        self.awards
            .iter()
            .find(|a| normalized_name(&a.award) == key)
    }

    /// The rules a new round for `award` starts from: the regulation's for
    /// that award, or the built-in defaults when it names none.
    pub fn rules_for(&self, award: &str) -> RoundRules {
        self.award(award).map(|a| a.rules).unwrap_or_default()
    }

    /// The regulation as an edit keeps it, or why it is refused: an award
    /// without a name, an award listed twice, a quota of no place.
    pub fn checked(self) -> Result<Regulation, DomainError> {
        let mut awards: Vec<AwardRules> = Vec::with_capacity(self.awards.len());
        for entry in self.awards {
            let award = clean(&entry.award);
            if award.is_empty() {
                return Err(DomainError::EmptyAward);
            }
            if awards
                .iter()
                .any(|a| normalized_name(&a.award) == normalized_name(&award))
            {
                return Err(DomainError::AwardInRegulationTwice(award));
            }
            if entry.rules.quota == Quota::Fixed(0) {
                return Err(DomainError::QuotaZero);
            }
            awards.push(AwardRules {
                award,
                rules: RoundRules {
                    lots_seed: 0,
                    ..entry.rules
                },
            });
        }
        Ok(Regulation { awards, ..self })
    }
}

/// One setting of a round's rules, as the round form names it when it
/// differs from the regulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleSetting {
    Quota,
    Threshold,
    Base,
    Blank,
    SelfVote,
    TieBreak,
}

impl RuleSetting {
    /// The settings in which `chosen` differs from `regulation`, in the
    /// form's order; the lots seed is no setting (each round has its own).
    pub fn differing(regulation: &RoundRules, chosen: &RoundRules) -> Vec<RuleSetting> {
        [
            (RuleSetting::Quota, regulation.quota != chosen.quota),
            (
                RuleSetting::Threshold,
                regulation.threshold != chosen.threshold,
            ),
            (RuleSetting::Base, regulation.base != chosen.base),
            (RuleSetting::Blank, regulation.blank != chosen.blank),
            (
                RuleSetting::SelfVote,
                regulation.self_vote_allowed != chosen.self_vote_allowed,
            ),
            (
                RuleSetting::TieBreak,
                regulation.tie_break != chosen.tie_break,
            ),
        ]
        .into_iter()
        .filter_map(|(setting, differs)| differs.then_some(setting))
        .collect()
    }
}

impl Workspace {
    /// Replaces a cluster's regulation; refused, changing nothing, if it
    /// fails `Regulation::checked`. Rounds and meetings already made keep
    /// their own rules: the regulation is what new ones start from.
    pub fn set_regulation(
        &mut self,
        cluster: ClusterId,
        regulation: Regulation,
    ) -> Result<(), DomainError> {
        let regulation = regulation.checked()?;
        self.cluster_mut(cluster)?.regulation = regulation;
        Ok(())
    }
}
