//! Builders shared by the native tests.
#![allow(dead_code)]

use thidua::domain::{ClusterDraft, ClusterId, UnitDraft, UnitId, Workspace, YearDraft};

/// A workspace with one cluster (id 1) whose units are named `names`, with
/// ids 101, 102, … in that rotation order.
pub fn cluster_with(names: &[&str]) -> Workspace {
    let mut ws = Workspace::default();
    ws.add_cluster(
        ClusterId(1),
        ClusterDraft {
            name: "Cụm 1".into(),
            ..Default::default()
        },
    )
    .expect("fresh cluster");
    for (idx, name) in names.iter().enumerate() {
        let draft = UnitDraft {
            full_name: (*name).into(),
            ..Default::default()
        };
        ws.add_unit(unit(idx), draft, Some(ClusterId(1)))
            .expect("fresh unit");
    }
    ws
}

/// The id of the `idx`-th unit made by `cluster_with`.
pub fn unit(idx: usize) -> UnitId {
    UnitId(101 + idx as u64)
}

pub fn year_draft(members: &[usize], leader: Option<usize>, deputy: Option<usize>) -> YearDraft {
    YearDraft {
        members: members.iter().map(|m| unit(*m)).collect(),
        leader: leader.map(unit),
        deputy: deputy.map(unit),
    }
}
