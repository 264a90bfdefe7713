//! A round's count as the domain keeps it (PRODUCT.md §4), with the checks every count must pass.
//!
//! The roll, the totals, a ballot's validity under the round's rules, and
//! the reconciliation and quorum every count must pass. Integer arithmetic
//! only.

use std::collections::BTreeMap;

use super::{BallotBox, BlankBallot, Fraction, RoundRules, UnitId};

/// The counts of a round, however they were obtained (booth, paper,
/// totals typed by hand).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    pub collected: u32,
    pub valid: u32,
    pub invalid: u32,
    /// Approvals per candidate, over valid ballots only.
    pub votes: BTreeMap<UnitId, u32>,
}

/// Why a ballot is invalid, for paper entry feedback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidity {
    Spoilt,
    OverQuota,
    Blank,
    NotACandidate,
}

/// Whether a ballot approving `approvals` is valid under `rules` with
/// `places` to fill and `candidates` on the paper.
pub fn ballot_validity(
    approvals: &[UnitId],
    candidates: &[UnitId],
    rules: &RoundRules,
    places: u32,
) -> Result<(), Invalidity> {
    if approvals.iter().any(|a| !candidates.contains(a)) {
        return Err(Invalidity::NotACandidate);
    }
    if approvals.len() as u64 > u64::from(places) {
        return Err(Invalidity::OverQuota);
    }
    if approvals.is_empty() && rules.blank == BlankBallot::Invalid {
        return Err(Invalidity::Blank);
    }
    Ok(())
}

/// Counts the ballots in a box. `issued` and `present` come from the roll.
/// A box holds at most `MAX_COUNT` ballots (`BallotBox::from_counts` refuses
/// more, with checked sums), so valid, invalid and each candidate's votes,
/// each at most the box's size, cannot overflow here.
pub fn totals_from_ballots(
    ballots: &BallotBox,
    candidates: &[UnitId],
    rules: &RoundRules,
    places: u32,
    roll: Roll,
) -> Totals {
    let mut totals = Totals {
        entitled: roll.entitled,
        present: roll.present,
        issued: roll.issued,
        collected: ballots.len(),
        invalid: ballots.spoilt(),
        votes: candidates.iter().map(|c| (*c, 0)).collect(),
        ..Totals::default()
    };
    for (approvals, count) in ballots.entries() {
        if ballot_validity(approvals.units(), candidates, rules, places).is_ok() {
            totals.valid += count;
            for unit in approvals.units() {
                *totals.votes.entry(*unit).or_insert(0) += count;
            }
        } else {
            totals.invalid += count;
        }
    }
    totals
}

/// Entitled voters, voters present and ballots issued.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Roll {
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
}

/// A count that cannot be right, with the numbers that show it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReconcileError {
    #[error("ballots collected ({collected}) exceed ballots issued ({issued})")]
    CollectedOverIssued { issued: u32, collected: u32 },
    #[error("ballots collected ({collected}) differ from valid ({valid}) + invalid ({invalid})")]
    CollectedNotValidPlusInvalid {
        collected: u32,
        valid: u32,
        invalid: u32,
    },
    #[error("approvals ({approvals}) exceed valid ballots × places ({valid} × {places})")]
    ApprovalsOverLimit {
        approvals: u64,
        valid: u32,
        places: u32,
    },
    #[error("candidate {unit} has {votes} votes, more than the {valid} valid ballots")]
    CandidateOverValid {
        unit: UnitId,
        votes: u32,
        valid: u32,
    },
    #[error("issued ballots ({issued}) exceed voters present ({present})")]
    IssuedOverPresent { issued: u32, present: u32 },
}

/// PRODUCT.md §4 reconciliation: issued ≥ collected = valid + invalid;
/// approvals ≤ valid × quota; no candidate above the valid ballots.
pub fn reconcile(totals: &Totals, places: u32) -> Result<(), ReconcileError> {
    if totals.issued > totals.present {
        return Err(ReconcileError::IssuedOverPresent {
            issued: totals.issued,
            present: totals.present,
        });
    }
    if totals.collected > totals.issued {
        return Err(ReconcileError::CollectedOverIssued {
            issued: totals.issued,
            collected: totals.collected,
        });
    }
    if u64::from(totals.valid) + u64::from(totals.invalid) != u64::from(totals.collected) {
        return Err(ReconcileError::CollectedNotValidPlusInvalid {
            collected: totals.collected,
            valid: totals.valid,
            invalid: totals.invalid,
        });
    }
    if let Some((unit, votes)) = totals.votes.iter().find(|(_, v)| **v > totals.valid) {
        return Err(ReconcileError::CandidateOverValid {
            unit: *unit,
            votes: *votes,
            valid: totals.valid,
        });
    }
    let approvals: u64 = totals.votes.values().map(|v| u64::from(*v)).sum();
    if approvals > u64::from(totals.valid) * u64::from(places) {
        return Err(ReconcileError::ApprovalsOverLimit {
            approvals,
            valid: totals.valid,
            places,
        });
    }
    Ok(())
}

/// Quorum: voters present ≥ share × entitled, in integers.
pub fn quorum_met(present: u32, entitled: u32, quorum: Fraction) -> bool {
    u64::from(present) * u64::from(quorum.den()) >= u64::from(quorum.num()) * u64::from(entitled)
}
