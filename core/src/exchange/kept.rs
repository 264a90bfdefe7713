//! The user's earlier “keep mine” choices on imports, remembered per record
//! and per version of the file's record, so that importing the same file
//! again does not ask about them again (PRODUCT.md §8 “Import”).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::dto::{report_dto, year_dto, UnitDto};
use super::{data_sha256, ClusterDto, MeetingDto, RecordError};
use crate::domain::merge::{Choice, Item, Part, Plan, RecordKey, ScorerKey, Status};
use crate::domain::UnitId;

/// At most this many choices are remembered; the oldest are forgotten
/// first (a forgotten choice only means the question comes back).
pub const MAX_KEPT: usize = 500;

/// Which version of which record the user kept their own over, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptChoices {
    /// `(record, version of the file's record)` → when it was chosen (ISO).
    choices: BTreeMap<(String, String), String>,
}

/// The stored shape: `{"choices":[{"record":"unit:12","version":"…","at":"…"}]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KeptDto {
    pub choices: Vec<KeptChoiceDto>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptChoiceDto {
    pub record: String,
    pub version: String,
    pub at: String,
}

/// The record an item of an import is, as a stable text: `unit:12`,
/// `cluster:3`, `year:3:2024`, `scores:3:2024:12:self`, `report:3:2024:12`,
/// `meeting:7`.
pub fn record_token(key: &RecordKey) -> String {
    match key {
        RecordKey::Unit(id) => format!("unit:{}", id.0),
        RecordKey::Cluster(id) => format!("cluster:{}", id.0),
        RecordKey::Year(c, y) => format!("year:{}:{y}", c.0),
        RecordKey::Scores(c, y, u, scorer) => {
            let by = match scorer {
                ScorerKey::SelfScore => "self",
                ScorerKey::Cluster => "cluster",
            };
            format!("scores:{}:{y}:{}:{by}", c.0, u.0)
        }
        RecordKey::Report(c, y, u) => format!("report:{}:{y}:{}", c.0, u.0),
        RecordKey::Meeting(id) => format!("meeting:{}", id.0),
    }
}

/// The version of the file's record in an item: the SHA-256 of its stored
/// shape (canonical JSON, as for files' checksums).
pub fn record_version(item: &Item) -> Result<String, RecordError> {
    match &item.theirs {
        Part::Unit(unit) => data_sha256(&UnitDto::from(unit)),
        Part::Cluster(cluster) => data_sha256(&ClusterDto::from(cluster)),
        Part::Year(year) => data_sha256(&year_dto(year)),
        Part::Scores(scores) => {
            let pairs: Vec<(u32, u32)> = scores.iter().map(|(k, v)| (k.0, v.0)).collect();
            data_sha256(&pairs)
        }
        // The unit is in the record's token.
        Part::Report(report) => data_sha256(&report_dto(UnitId(0), report)),
        Part::Meeting(meeting) => data_sha256(&MeetingDto::from(meeting)),
    }
}

impl KeptChoices {
    /// When the user kept their own record over this version of the
    /// file's, if they did. Only a differing item can have been kept.
    pub fn kept_at(&self, item: &Item) -> Option<&str> {
        if !matches!(item.status, Status::Differs { .. }) {
            return None;
        }
        let version = record_version(item).ok()?;
        self.choices
            .get(&(record_token(&item.key), version))
            .map(String::as_str)
    }

    /// For each item of `plan`, when it was kept before (see `kept_at`).
    pub fn kept_in(&self, plan: &Plan) -> Vec<Option<String>> {
        plan.items
            .iter()
            .map(|item| self.kept_at(item).map(str::to_owned))
            .collect()
    }

    /// Remembers the differing items of `plan` the user kept their own
    /// version of (`choices`, item by item), at `at`. A choice already
    /// remembered keeps its first date. Refused if a record's version
    /// cannot be computed; then nothing is remembered.
    pub fn remember(
        &mut self,
        plan: &Plan,
        choices: &[Choice],
        at: &str,
    ) -> Result<usize, RecordError> {
        let mut added = Vec::new();
        for (item, choice) in plan.items.iter().zip(choices) {
            if *choice == Choice::KeepMine && matches!(item.status, Status::Differs { .. }) {
                added.push((record_token(&item.key), record_version(item)?));
            }
        }
        let n = added.len();
        for key in added {
            self.choices.entry(key).or_insert_with(|| at.to_owned());
        }
        self.forget_oldest();
        Ok(n)
    }

    /// Adds every choice of `other` this does not have (another tab's).
    pub fn absorb(&mut self, other: KeptChoices) {
        for (key, at) in other.choices {
            self.choices.entry(key).or_insert(at);
        }
        self.forget_oldest();
    }

    pub fn len(&self) -> usize {
        self.choices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
    }

    fn forget_oldest(&mut self) {
        while self.choices.len() > MAX_KEPT {
            let oldest = self
                .choices
                .iter()
                .min_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)))
                .map(|(k, _)| k.clone());
            match oldest {
                Some(key) => self.choices.remove(&key),
                None => break,
            };
        }
    }
}

impl From<&KeptChoices> for KeptDto {
    fn from(kept: &KeptChoices) -> KeptDto {
        KeptDto {
            choices: kept
                .choices
                .iter()
                .map(|((record, version), at)| KeptChoiceDto {
                    record: record.clone(),
                    version: version.clone(),
                    at: at.clone(),
                })
                .collect(),
        }
    }
}

impl From<KeptDto> for KeptChoices {
    fn from(dto: KeptDto) -> KeptChoices {
        let mut kept = KeptChoices::default();
        for c in dto.choices {
            kept.choices
                .entry((c.record, c.version))
                .and_modify(|at| {
                    if c.at < *at {
                        at.clone_from(&c.at);
                    }
                })
                .or_insert(c.at);
        }
        kept.forget_oldest();
        kept
    }
}
