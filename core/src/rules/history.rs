//! The cluster's history: leaders, deputies, hand-overs and membership
//! changes, year by year.

use crate::domain::{Cluster, Handover, UnitId};

/// One line of the history table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRow {
    pub year: u16,
    pub n_members: usize,
    pub leader: Option<UnitId>,
    pub deputy: Option<UnitId>,
    pub handover: Option<Handover>,
    /// Members this year that were not members in the previous recorded
    /// year; empty for the first year.
    pub joined: Vec<UnitId>,
    /// Members of the previous recorded year that are not members now.
    pub left: Vec<UnitId>,
}

/// The history of `cluster`, oldest year first.
pub fn history(cluster: &Cluster) -> Vec<HistoryRow> {
    let mut rows = Vec::with_capacity(cluster.years.len());
    let mut previous: Option<&[UnitId]> = None;
    for year in &cluster.years {
        let (joined, left) = match previous {
            None => (Vec::new(), Vec::new()),
            Some(before) => (
                year.members
                    .iter()
                    .filter(|m| !before.contains(m))
                    .copied()
                    .collect(),
                before
                    .iter()
                    .filter(|m| !year.members.contains(m))
                    .copied()
                    .collect(),
            ),
        };
        rows.push(HistoryRow {
            year: year.year,
            n_members: year.members.len(),
            leader: year.leader,
            deputy: year.deputy,
            handover: year.handover.clone(),
            joined,
            left,
        });
        previous = Some(&year.members);
    }
    rows
}
