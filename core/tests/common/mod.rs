//! Builders shared by the native tests.
#![allow(dead_code)]

use thidua_core::domain::{
    Cluster, ClusterDraft, ClusterId, CommitteeMember, CommitteeRole, Date, HandTotals, Meeting,
    MeetingDetails, MeetingId, Points, Quota, RoundDraft, RoundId, RoundRules, Scorer, Totals,
    Unit, UnitDraft, UnitId, VoterId, Workspace, YearDraft,
};
use thidua_core::rules::rounds::{close_with_totals, open_round, results};
use thidua_core::rules::tally::RoundResult;
use thidua_core::sample::{load_sample, SAMPLE_YEAR};

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
    meeting_with_rules(RoundRules {
        quota: Quota::Fixed(quota),
        ..RoundRules::default()
    })
}

/// `meeting_with_round`, its round under `rules`.
pub fn meeting_with_rules(rules: RoundRules) -> Workspace {
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
        rules,
        candidates: (0..8).map(unit).collect(),
        rehearsal: false,
    };
    ws.add_round(M, R1, draft).expect("round");
    ws
}

/// The results of every closed round of meeting `M`.
pub fn results_of(ws: &Workspace) -> Vec<(RoundId, Totals, RoundResult)> {
    results(
        ws.meeting(M).expect("meeting"),
        ws.year_of(M).expect("year"),
    )
}

pub const SAMPLE_M: MeetingId = MeetingId(7001);
pub const FLAG: RoundId = RoundId(7002);
pub const MERIT: RoundId = RoundId(7003);

/// The sample cluster's 2024 meeting: the flag voted in the booth with the
/// reference outcome, a certificate counted by hand, some cluster scores.
pub fn sample_meeting() -> (Workspace, ClusterId) {
    let mut ids = 1000u64..;
    let mut ws = Workspace::default();
    let cluster = load_sample(&mut ws, || ids.next().unwrap_or(0)).expect("sample");
    ws.add_meeting(SAMPLE_M, cluster, SAMPLE_YEAR)
        .expect("meeting");
    let details = MeetingDetails {
        date: Date::new(2024, 10, 3),
        time: "08:00".into(),
        place: "Hà Nội".into(),
        chair: "Đại tá Vũ Văn Khương".into(),
        secretary: "Thiếu tá Nguyễn Thu Hà".into(),
        directing_officer: "Đại tá Nguyễn Văn Thắng".into(),
        committee: vec![
            CommitteeMember {
                name: "Trung tá Lê Minh".into(),
                role: CommitteeRole::Head,
            },
            CommitteeMember {
                name: "Thiếu tá Phạm An".into(),
                role: CommitteeRole::Member,
            },
            CommitteeMember {
                name: "Đại úy Trần Bình".into(),
                role: CommitteeRole::Member,
            },
        ],
    };
    ws.update_meeting(
        SAMPLE_M,
        details,
        thidua_core::domain::Fraction::two_thirds(),
        true,
    )
    .expect("details");
    let year = ws.year_of(SAMPLE_M).expect("year").clone();
    let members = year.members.clone();
    let round = |award: &str, quota: u32| RoundDraft {
        award: award.into(),
        rules: RoundRules {
            quota: Quota::Fixed(quota),
            ..RoundRules::default()
        },
        candidates: members.clone(),
        rehearsal: false,
    };
    ws.add_round(SAMPLE_M, FLAG, round("Cờ thi đua của Bộ Tư lệnh BĐBP", 4))
        .expect("flag");
    ws.add_round(SAMPLE_M, MERIT, round("Bằng khen của Bộ Tư lệnh BĐBP", 2))
        .expect("merit");
    open_round(&mut ws, SAMPLE_M, FLAG, "2468").expect("open");
    for unit in &members {
        ws.set_present(SAMPLE_M, FLAG, VoterId(unit.0), true)
            .expect("present");
    }
    for (who, unit) in members.iter().enumerate() {
        let picks: Vec<_> = if who < 7 { [1, 2, 4, 5] } else { [0, 1, 2, 3] }
            .iter()
            .map(|i| members[*i])
            .collect();
        ws.start_ballot(SAMPLE_M, FLAG, VoterId(unit.0))
            .expect("start");
        ws.submit_ballot(SAMPLE_M, FLAG, picks).expect("submit");
        ws.unlock_booth(SAMPLE_M, FLAG, "2468").expect("unlock");
    }
    ws.close_round(SAMPLE_M, FLAG).expect("close");
    // The four flag units are excluded; the other four get a hand count.
    let hand = HandTotals {
        collected: 8,
        valid: 7,
        invalid: 1,
        votes: [
            (members[0], 6),
            (members[3], 5),
            (members[6], 2),
            (members[7], 1),
        ]
        .into_iter()
        .collect(),
    };
    close_with_totals(&mut ws, SAMPLE_M, MERIT, 8, 8, hand).expect("hand count");
    let items: Vec<_> = year.criteria.items.iter().map(|c| (c.id, c.max)).collect();
    for (rank, unit) in members.iter().enumerate().take(5) {
        for (id, max) in &items {
            let points = Points(max.0.saturating_sub(rank as u32 * 10));
            ws.set_score(
                cluster,
                SAMPLE_YEAR,
                *unit,
                Scorer::Cluster,
                *id,
                Some(points),
            )
            .expect("cluster score");
            ws.set_score(
                cluster,
                SAMPLE_YEAR,
                *unit,
                Scorer::SelfScore,
                *id,
                Some(*max),
            )
            .expect("self score");
        }
    }
    (ws, cluster)
}

/// `ws` with its records changed by `change`, put back together by the
/// checked `Workspace::new` (so the change must leave it whole).
pub fn changed(
    ws: &Workspace,
    change: impl FnOnce(&mut Vec<Unit>, &mut Vec<Cluster>, &mut Vec<Meeting>),
) -> Workspace {
    let (mut units, mut clusters, mut meetings) = ws.clone().into_parts();
    change(&mut units, &mut clusters, &mut meetings);
    Workspace::new(units, clusters, meetings).expect("the change leaves it whole")
}

/// The operator's PIN of the booth rounds the tests open.
pub const BOOTH_PIN: &str = "2468";

/// The one-per-unit voter of the `idx`-th unit.
pub fn voter(idx: usize) -> VoterId {
    VoterId(unit(idx).0)
}

/// Opens `round` of meeting `M` in the booth with all eight voters present.
pub fn open_all_present(ws: &mut Workspace, round: RoundId) {
    open_round(ws, M, round, BOOTH_PIN).expect("open");
    for idx in 0..8 {
        ws.set_present(M, round, voter(idx), true).expect("present");
    }
}

/// Voter `who` casts a ballot approving `approvals` in the open `round`.
pub fn vote(ws: &mut Workspace, round: RoundId, who: usize, approvals: &[usize]) {
    ws.start_ballot(M, round, voter(who)).expect("start");
    ws.submit_ballot(M, round, approvals.iter().map(|a| unit(*a)).collect())
        .expect("submit");
    ws.unlock_booth(M, round, BOOTH_PIN).expect("unlock");
}
