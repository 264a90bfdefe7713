//! The workspace: every unit, cluster and meeting on this laptop. Its
//! edits (in `units`, `clusters`, `years`, `score_edits`, `meeting`,
//! `round`, `booth`, `runoff`, `paper`) validate first and change nothing
//! when they return an error.

use super::{Cluster, ClusterId, Meeting, Unit};

/// Every unit and cluster on this laptop.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    pub units: Vec<Unit>,
    pub clusters: Vec<Cluster>,
    pub meetings: Vec<Meeting>,
}

/// Names are compared as people read them: case, surrounding and doubled
/// spaces do not make two names different.
pub(super) fn normalized_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Workspace {
    pub(super) fn vote_in_progress(&self, cluster: ClusterId, year: Option<u16>) -> bool {
        self.meetings.iter().any(|m| {
            m.cluster == cluster && year.is_none_or(|y| m.year == y) && m.vote_in_progress()
        })
    }
}
