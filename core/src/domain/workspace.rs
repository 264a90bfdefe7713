//! The workspace: every unit, cluster and meeting on this laptop. Its
//! edits (in `units`, `clusters`, `years`, `score_edits`, `meeting`,
//! `round`, `booth`, `runoff`, `paper`) validate first and change nothing
//! when they return an error.

use super::merge::{check_integrity, IntegrityError};
use super::{Cluster, ClusterId, Meeting, Unit};

/// Every unit, cluster and meeting on this laptop. The lists are private:
/// outside the core they change only through the validated edits, and a
/// whole workspace is made with `Workspace::new`, which checks it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    pub(crate) units: Vec<Unit>,
    pub(crate) clusters: Vec<Cluster>,
    pub(crate) meetings: Vec<Meeting>,
}

impl Workspace {
    /// A workspace of these records, refused with the first problem
    /// `merge::check_integrity` finds (the check every way in passes).
    pub fn new(
        units: Vec<Unit>,
        clusters: Vec<Cluster>,
        meetings: Vec<Meeting>,
    ) -> Result<Workspace, IntegrityError> {
        let ws = Workspace {
            units,
            clusters,
            meetings,
        };
        check_integrity(&ws)?;
        Ok(ws)
    }

    /// The records, taken apart; `Workspace::new` puts changed ones back
    /// together only if they hold together.
    pub fn into_parts(self) -> (Vec<Unit>, Vec<Cluster>, Vec<Meeting>) {
        (self.units, self.clusters, self.meetings)
    }

    /// Every unit, in the order they were made or read.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Every cluster, in the order they were made or read.
    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// Every meeting, in the order they were made or read.
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }
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
