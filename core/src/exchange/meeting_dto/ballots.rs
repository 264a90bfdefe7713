//! A ballot box as stored (`BallotsDto`: a count per distinct content in canonical order, plus spoilt papers) and its conversions.

use serde::{Deserialize, Serialize};

use super::{count, ids, units};
use crate::domain::{Approvals, BallotBox, MAX_COUNT};
use crate::exchange::RecordError;

/// Ballots: `[{approvals, count}]` sorted by content, plus spoilt papers.
/// Nothing links a ballot to a voter or says in which order ballots were
/// cast.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BallotsDto {
    pub counts: Vec<BallotCountDto>,
    pub spoilt: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BallotCountDto {
    pub approvals: Vec<u64>,
    pub count: u32,
}

pub(super) fn ballots_dto(ballots: &BallotBox) -> BallotsDto {
    BallotsDto {
        counts: ballots
            .entries()
            .map(|(a, n)| BallotCountDto {
                approvals: ids(a.units()),
                count: n,
            })
            .collect(),
        spoilt: ballots.spoilt(),
    }
}

/// The ballot box at `path`, checked: no content listed twice, no unit
/// twice in one content, no count beyond what a meeting reaches.
pub(super) fn ballot_box(dto: BallotsDto, path: &str) -> Result<BallotBox, RecordError> {
    let mut seen = Vec::new();
    for (idx, entry) in dto.counts.iter().enumerate() {
        let approvals = Approvals::new(units(&entry.approvals));
        if approvals.len() != entry.approvals.len() {
            return Err(RecordError::invalid(
                format!("{path}.counts[{idx}].approvals"),
                "lists a unit twice",
            ));
        }
        if seen.contains(&approvals) {
            return Err(RecordError::invalid(
                format!("{path}.counts[{idx}]"),
                "repeats a ballot content",
            ));
        }
        seen.push(approvals);
    }
    for (idx, entry) in dto.counts.iter().enumerate() {
        count(entry.count, &format!("{path}.counts[{idx}].count"))?;
    }
    count(dto.spoilt, &format!("{path}.spoilt"))?;
    BallotBox::from_counts(
        dto.counts
            .into_iter()
            .map(|e| (Approvals::new(units(&e.approvals)), e.count)),
        dto.spoilt,
    )
    .ok_or_else(|| {
        RecordError::invalid(
            path,
            format!("holds more than {MAX_COUNT} ballots in all, more than any meeting counts"),
        )
    })
}
