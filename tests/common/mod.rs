//! Builders shared by the native tests.
#![allow(dead_code)]

use thidua::domain::{
    ClusterDraft, ClusterId, MeetingId, Quota, RoundDraft, RoundId, RoundRules, UnitDraft, UnitId,
    Workspace, YearDraft,
};
use thidua::rules::tally::{RoundResult, Totals};

pub const C: ClusterId = ClusterId(1);
pub const M: MeetingId = MeetingId(50);
pub const R1: RoundId = RoundId(61);

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

/// Eight units in 2024, a meeting, and a round with `quota` places over
/// all members.
pub fn meeting_with_round(quota: u32) -> Workspace {
    let names = ["A", "B", "C", "D", "E", "F", "G", "H"];
    let mut ws = cluster_with(&names);
    ws.add_year(
        C,
        2024,
        year_draft(&[0, 1, 2, 3, 4, 5, 6, 7], Some(6), None),
    )
    .expect("year");
    ws.add_meeting(M, C, 2024).expect("meeting");
    let draft = RoundDraft {
        award: "Cờ thi đua".into(),
        rules: RoundRules {
            quota: Quota::Fixed(quota),
            ..RoundRules::default()
        },
        candidates: (0..8).map(unit).collect(),
        rehearsal: false,
    };
    ws.add_round(M, R1, draft).expect("round");
    ws
}

/// The results of every closed round of meeting `M`.
pub fn results_of(ws: &Workspace) -> Vec<(RoundId, Totals, RoundResult)> {
    ws.meeting(M)
        .expect("meeting")
        .results(ws.year_of(M).expect("year"))
}
