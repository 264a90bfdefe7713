//! Native tests of the domain: validation, rotation, next-year carry-over,
//! history. Data-driven: one `check` per area.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cluster_with, unit, year_draft};
use thidua_core::domain::{
    ClusterDraft, ClusterId, Date, DomainError, Handover, Shift, UnitDraft, UnitId, Workspace,
};
use thidua_core::rules::history::history;
use thidua_core::rules::rotation::start_next_year;
use thidua_core::rules::rounds::open_round;
use thidua_core::sample::{load_sample, SAMPLE_YEAR};

const C: ClusterId = ClusterId(1);
const NAMES: [&str; 5] = ["Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D", "Đơn vị E"];

fn date(text: &str) -> Date {
    text.parse().expect("test date")
}

/// Applies `edit` to a fresh five-unit cluster with year 2024 (all
/// members, leader A, deputy B) and checks the error, and that an error
/// changed nothing.
fn check_edit(
    edit: impl FnOnce(&mut Workspace) -> Result<(), DomainError>,
    expected: Result<(), DomainError>,
) {
    let mut ws = cluster_with(&NAMES);
    ws.add_year(C, 2024, year_draft(&[0, 1, 2, 3, 4], Some(0), Some(1)))
        .expect("year");
    let before = ws.clone();
    let outcome = edit(&mut ws);
    assert_eq!(outcome, expected);
    if outcome.is_err() {
        assert_eq!(ws, before, "a refused edit must change nothing");
    }
}

#[test]
fn validation_refuses_bad_edits_and_changes_nothing() {
    let named = |name: &str| UnitDraft {
        full_name: name.into(),
        ..Default::default()
    };
    check_edit(
        |ws| ws.add_unit(UnitId(9), named("   "), Some(C)),
        Err(DomainError::EmptyUnitName),
    );
    check_edit(
        |ws| ws.add_unit(UnitId(9), named("  đơn VỊ   a "), Some(C)),
        Err(DomainError::DuplicateUnitName {
            name: "đơn VỊ a".into(),
        }),
    );
    check_edit(
        |ws| ws.add_unit(unit(0), named("Khác"), Some(C)),
        Err(DomainError::IdInUse),
    );
    check_edit(
        |ws| ws.add_unit(UnitId(9), named("Đơn vị F"), Some(C)),
        Ok(()),
    );
    check_edit(
        |ws| ws.update_unit(unit(1), named("Đơn vị A")),
        Err(DomainError::DuplicateUnitName {
            name: "Đơn vị A".into(),
        }),
    );
    check_edit(
        |ws| ws.update_unit(unit(0), named("Đơn vị A (mới)")),
        Ok(()),
    );
    check_edit(
        |ws| {
            ws.add_cluster(
                ClusterId(2),
                ClusterDraft {
                    name: "".into(),
                    ..Default::default()
                },
            )
        },
        Err(DomainError::EmptyClusterName),
    );
    check_edit(
        |ws| {
            ws.add_cluster(
                ClusterId(2),
                ClusterDraft {
                    name: "cụm 1".into(),
                    ..Default::default()
                },
            )
        },
        Err(DomainError::DuplicateClusterName {
            name: "cụm 1".into(),
        }),
    );
    check_edit(
        |ws| ws.add_year(C, 2024, year_draft(&[0], None, None)),
        Err(DomainError::YearExists(2024)),
    );
    check_edit(
        |ws| ws.add_year(C, 1800, year_draft(&[0], None, None)),
        Err(DomainError::YearOutOfRange(1800)),
    );
    check_edit(
        |ws| ws.add_year(C, 2025, year_draft(&[0, 1], Some(2), None)),
        Err(DomainError::LeaderNotMember),
    );
    check_edit(
        |ws| ws.add_year(C, 2025, year_draft(&[0, 1], Some(0), Some(3))),
        Err(DomainError::DeputyNotMember),
    );
    check_edit(
        |ws| ws.add_year(C, 2025, year_draft(&[0, 1], Some(1), Some(1))),
        Err(DomainError::LeaderIsDeputy),
    );
    check_edit(
        |ws| ws.update_year(C, 2024, year_draft(&[1, 2], Some(0), None)),
        Err(DomainError::LeaderNotMember),
    );
    check_edit(
        |ws| ws.update_year(C, 2023, year_draft(&[1, 2], None, None)),
        Err(DomainError::UnknownYear(2023)),
    );
    check_edit(
        |ws| {
            let mut draft = year_draft(&[0], None, None);
            draft.members.push(UnitId(999));
            ws.update_year(C, 2024, draft)
        },
        Err(DomainError::UnitNotInCluster(UnitId(999))),
    );
    check_edit(
        |ws| ws.remove_unit_from_cluster(C, unit(2)),
        Err(DomainError::UnitStillMember {
            unit: unit(2),
            year: 2024,
        }),
    );
    check_edit(
        |ws| ws.add_unit_to_cluster(C, unit(2)),
        Err(DomainError::UnitAlreadyInCluster(unit(2))),
    );
    check_edit(
        |ws| ws.add_year(ClusterId(7), 2025, year_draft(&[], None, None)),
        Err(DomainError::UnknownCluster(ClusterId(7))),
    );
}

#[test]
fn handover_rules() {
    let handover = |from, to| {
        Some(Handover {
            from: unit(from),
            to: unit(to),
            date: date("2024-10-03"),
            place: String::new(),
            note: " ghi chú ".into(),
        })
    };
    check_edit(|ws| ws.set_handover(C, 2024, handover(0, 1)), Ok(()));
    check_edit(
        |ws| ws.set_handover(C, 2024, handover(1, 2)),
        Err(DomainError::HandoverNotFromLeader),
    );
    check_edit(
        |ws| ws.set_handover(C, 2024, handover(0, 0)),
        Err(DomainError::HandoverToSelf),
    );
    check_edit(
        |ws| {
            ws.set_handover(
                C,
                2024,
                Some(Handover {
                    from: unit(0),
                    to: UnitId(5),
                    date: date("2024-10-03"),
                    place: String::new(),
                    note: String::new(),
                }),
            )
        },
        Err(DomainError::UnitNotInCluster(UnitId(5))),
    );
    // A year without a leader has nobody to hand the flag over.
    let mut ws = cluster_with(&NAMES);
    ws.add_year(C, 2025, year_draft(&[0, 1], None, None))
        .expect("year");
    let before = ws.clone();
    assert_eq!(
        ws.set_handover(C, 2025, handover(0, 1)),
        Err(DomainError::HandoverWithoutLeader)
    );
    assert_eq!(ws, before);
    // Once recorded, the leader cannot change under the hand-over.
    let mut ws = cluster_with(&NAMES);
    ws.add_year(C, 2024, year_draft(&[0, 1, 2], Some(0), None))
        .expect("year");
    ws.set_handover(C, 2024, handover(0, 1)).expect("handover");
    let before = ws.clone();
    assert_eq!(
        ws.update_year(C, 2024, year_draft(&[0, 1, 2], Some(2), None)),
        Err(DomainError::HandoverNotFromLeader)
    );
    assert_eq!(ws, before);
    assert_eq!(ws.set_handover(C, 2024, None), Ok(()));
    assert_eq!(
        ws.update_year(C, 2024, year_draft(&[0, 1, 2], Some(2), None)),
        Ok(())
    );
}

/// Starts 2025 from a 2024 with `members`, `leader` and a hand-over to
/// `handed_to`, and checks the proposed leader and deputy of 2025.
fn check_next_year(
    members: &[usize],
    leader: Option<usize>,
    handed_to: Option<usize>,
    expected: (Option<usize>, Option<usize>),
) {
    let mut ws = cluster_with(&NAMES);
    ws.add_year(C, 2024, year_draft(members, leader, None))
        .expect("year");
    if let (Some(from), Some(to)) = (leader, handed_to) {
        let handover = Handover {
            from: unit(from),
            to: unit(to),
            date: date("2024-10-03"),
            place: String::new(),
            note: String::new(),
        };
        ws.set_handover(C, 2024, Some(handover)).expect("handover");
    }
    assert_eq!(start_next_year(&mut ws, C, 2024), Ok(2025));
    let next = ws
        .cluster(C)
        .and_then(|c| c.year(2025))
        .expect("2025")
        .clone();
    let all: Vec<UnitId> = members.iter().map(|m| unit(*m)).collect();
    assert_eq!(next.members, all, "members carried over");
    assert_eq!(
        (next.leader, next.deputy),
        (expected.0.map(unit), expected.1.map(unit)),
        "members {members:?}, leader {leader:?}, handed to {handed_to:?}"
    );
    assert_eq!(next.handover, None);
}

#[test]
fn next_year_carries_members_and_proposes_leader_by_rotation() {
    // Next in rotation after the leader; deputy after the new leader.
    check_next_year(&[0, 1, 2, 3, 4], Some(0), None, (Some(1), Some(2)));
    // Wraps around from the last unit.
    check_next_year(&[0, 1, 2, 3, 4], Some(4), None, (Some(0), Some(1)));
    // Skips units that are not members.
    check_next_year(&[0, 2, 4], Some(2), None, (Some(4), Some(0)));
    // The unit the flag was handed to wins over rotation.
    check_next_year(&[0, 1, 2, 3, 4], Some(0), Some(3), (Some(3), Some(4)));
    // No leader this year: the first member in rotation.
    check_next_year(&[1, 3], None, None, (Some(1), Some(3)));
    // A single member leads alone, with no deputy.
    check_next_year(&[2], Some(2), None, (Some(2), None));
    // No members: no proposal.
    check_next_year(&[], None, None, (None, None));
}

#[test]
fn next_year_refused_when_it_exists() {
    let mut ws = cluster_with(&NAMES);
    ws.add_year(C, 2024, year_draft(&[0, 1], Some(0), None))
        .expect("2024");
    ws.add_year(C, 2025, year_draft(&[0], None, None))
        .expect("2025");
    let before = ws.clone();
    assert_eq!(
        start_next_year(&mut ws, C, 2024),
        Err(DomainError::YearExists(2025))
    );
    assert_eq!(ws, before);
}

#[test]
fn rotation_order_moves_and_years_follow() {
    let mut ws = cluster_with(&NAMES);
    ws.add_year(C, 2024, year_draft(&[0, 2, 4], Some(0), None))
        .expect("year");
    ws.move_in_rotation(C, unit(4), Shift::Earlier)
        .expect("move");
    ws.move_in_rotation(C, unit(4), Shift::Earlier)
        .expect("move");
    ws.move_in_rotation(C, unit(0), Shift::Earlier)
        .expect("first stays first");
    let cluster = ws.cluster(C).expect("cluster");
    assert_eq!(
        cluster.units(),
        vec![unit(0), unit(1), unit(4), unit(2), unit(3)]
    );
    assert_eq!(
        cluster.year(2024).expect("2024").members,
        vec![unit(0), unit(4), unit(2)]
    );
}

#[test]
fn history_lists_roles_handovers_and_membership_changes() {
    let mut ws = cluster_with(&NAMES);
    ws.add_year(C, 2023, year_draft(&[0, 1, 2], Some(0), Some(1)))
        .expect("2023");
    ws.add_year(C, 2024, year_draft(&[1, 2, 3], Some(1), None))
        .expect("2024");
    let handover = Handover {
        from: unit(1),
        to: unit(2),
        date: date("2024-10-03"),
        place: String::new(),
        note: String::new(),
    };
    ws.set_handover(C, 2024, Some(handover.clone()))
        .expect("handover");
    let rows = history(ws.cluster(C).expect("cluster"));
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (
            rows[0].year,
            rows[0].leader,
            rows[0].deputy,
            rows[0].n_members
        ),
        (2023, Some(unit(0)), Some(unit(1)), 3)
    );
    assert!(rows[0].joined.is_empty() && rows[0].left.is_empty());
    assert_eq!(
        (rows[1].joined.clone(), rows[1].left.clone()),
        (vec![unit(3)], vec![unit(0)])
    );
    assert_eq!(rows[1].handover, Some(handover));
}

#[test]
fn sample_is_cluster_8_of_2024_with_its_handover() {
    let mut ids = 1000u64..;
    let mut ws = Workspace::default();
    let id = load_sample(&mut ws, || ids.next().unwrap_or(0)).expect("sample loads");
    let cluster = ws.cluster(id).expect("cluster");
    assert_eq!(cluster.name, "Cụm thi đua số 8 BĐBP");
    assert_eq!(cluster.units().len(), 8);
    let year = cluster.year(SAMPLE_YEAR).expect("2024");
    assert_eq!(year.members.len(), 8);
    assert_eq!(
        year.leader.map(|l| ws.unit_name(l)),
        Some("Cục Kỹ thuật".to_owned())
    );
    let handover = year.handover.clone().expect("handover");
    assert_eq!(ws.unit_name(handover.to), "Lữ đoàn TT 21");
    assert_eq!(handover.date, date("2024-10-03"));
    // Next year: the brigade leads, as happened.
    let next = start_next_year(&mut ws, id, SAMPLE_YEAR).expect("2025");
    let leader = ws
        .cluster(id)
        .and_then(|c| c.year(next))
        .and_then(|y| y.leader);
    assert_eq!(leader, Some(handover.to));
    // Loading it twice is refused and changes nothing.
    let before = ws.clone();
    assert!(matches!(
        load_sample(&mut ws, || ids.next().unwrap_or(0)),
        Err(DomainError::DuplicateClusterName { .. })
    ));
    assert_eq!(ws, before);
}

#[test]
fn sample_reuses_units_that_already_exist() {
    let mut ws = Workspace::default();
    ws.add_unit(
        UnitId(5),
        UnitDraft {
            full_name: "Cục Hậu cần BĐBP".into(),
            ..Default::default()
        },
        None,
    )
    .expect("unit");
    let mut ids = 1000u64..;
    let id = load_sample(&mut ws, || ids.next().unwrap_or(0)).expect("sample");
    assert_eq!(ws.units().len(), 8);
    assert!(ws
        .cluster(id)
        .expect("cluster")
        .units()
        .contains(&UnitId(5)));
}

#[test]
fn dates_parse_only_real_iso_dates() {
    let cases = [
        ("2024-10-03", Some((2024, 10, 3))),
        ("2024-02-29", Some((2024, 2, 29))),
        ("2023-02-29", None),
        ("1900-02-29", None),
        ("2000-02-29", Some((2000, 2, 29))),
        ("2024-13-01", None),
        ("2024-4-01", None),
        ("03/10/2024", None),
        ("", None),
    ];
    for (text, expected) in cases {
        let parsed = text.parse::<Date>().ok().map(|d| (d.year, d.month, d.day));
        assert_eq!(parsed, expected, "{text:?}");
    }
    assert_eq!(date("2024-10-03").to_vietnamese(), "03/10/2024");
    assert_eq!(date("2024-10-03").to_string(), "2024-10-03");
}

#[test]
fn deleting_a_cluster_or_a_year_takes_its_meetings_and_waits_for_a_vote_to_end() {
    use common::{meeting_with_round, C as CLUSTER, M, R1};
    let ws = meeting_with_round(2);
    // A year goes with its meeting; the other years and the units stay.
    let mut fewer = ws.clone();
    fewer
        .add_year(CLUSTER, 2025, year_draft(&[0, 1, 2], Some(1), None))
        .expect("2025");
    fewer.delete_year(CLUSTER, 2024).expect("delete 2024");
    let c = fewer.cluster(CLUSTER).expect("cluster");
    assert_eq!(
        c.years().iter().map(|y| y.year).collect::<Vec<_>>(),
        vec![2025]
    );
    assert!(fewer.meeting(M).is_none());
    assert_eq!(fewer.units().len(), ws.units().len());
    assert_eq!(
        fewer.delete_year(CLUSTER, 2024),
        Err(DomainError::UnknownYear(2024))
    );
    // A cluster goes with its years and meetings; its units stay.
    let mut gone = ws.clone();
    gone.delete_cluster(CLUSTER).expect("delete cluster");
    assert!(gone.clusters().is_empty() && gone.meetings().is_empty());
    assert_eq!(gone.units().len(), ws.units().len());
    assert_eq!(
        gone.delete_cluster(CLUSTER),
        Err(DomainError::UnknownCluster(CLUSTER))
    );
    // Not while a vote is in progress; nothing changes.
    let mut voting = ws.clone();
    open_round(&mut voting, M, R1, "2468").expect("open");
    let before = voting.clone();
    assert_eq!(
        voting.delete_cluster(CLUSTER),
        Err(DomainError::VoteInProgress)
    );
    assert_eq!(
        voting.delete_year(CLUSTER, 2024),
        Err(DomainError::VoteInProgress)
    );
    assert_eq!(voting, before);
}

// ---- Defect 5 of issue 15: the domain's naming rule and the integrity
// check of a whole workspace (imports, snapshots, start-up) are one rule.

fn cluster_draft(name: &str, parent: &str) -> ClusterDraft {
    ClusterDraft {
        name: name.into(),
        parent_org: parent.into(),
        ..Default::default()
    }
}

#[test]
fn clusters_of_one_name_under_different_parents_pass_every_check() {
    use thidua_core::domain::merge::{self, RecordRef};
    use thidua_core::exchange::{workspace_data, workspace_from};
    let mut ws = Workspace::default();
    ws.add_cluster(
        ClusterId(1),
        cluster_draft("Cụm thi đua số 8", "BĐBP tỉnh A"),
    )
    .expect("first");
    ws.add_cluster(
        ClusterId(2),
        cluster_draft("cụm thi đua  số 8", "BĐBP tỉnh B"),
    )
    .expect("the domain allows the same name under another parent");
    assert_eq!(
        ws.add_cluster(
            ClusterId(3),
            cluster_draft("Cụm thi đua số 8", " bđbp tỉnh a")
        ),
        Err(DomainError::DuplicateClusterName {
            name: "Cụm thi đua số 8".into()
        })
    );
    // What the domain made passes the whole-workspace check, so imports
    // and snapshot restores are not refused on this laptop.
    assert_eq!(merge::check_integrity(&ws), Ok(()));
    assert_eq!(workspace_from(workspace_data(&ws)).as_ref(), Ok(&ws));
    // The same name under the same parent, as a crafted file would carry
    // it, is refused, naming the later cluster.
    // `Workspace::new` refuses it the same way.
    let mut clusters = ws.clusters().to_vec();
    clusters[1].parent_org = "BĐBP tỉnh A".into();
    let err =
        Workspace::new(ws.units().to_vec(), clusters, ws.meetings().to_vec()).expect_err("clash");
    assert_eq!(err.record, RecordRef::Cluster(ClusterId(2)));
}

#[test]
fn keeping_both_units_finds_a_free_name_by_the_domains_rule() {
    use thidua_core::domain::merge::{self, Bundle, Choice};
    // This laptop already has "đơn vị a (2)" (another case): the copy kept
    // beside "Đơn vị A" must get a name the domain's rule calls free.
    let mine = cluster_with(&["Đơn vị A", "đơn vị a (2)"]);
    let mut theirs_unit = mine.units()[0].clone();
    theirs_unit.kind = "Lữ đoàn".into();
    let bundle = Bundle {
        units: vec![theirs_unit],
        ..Bundle::default()
    };
    let plan = merge::plan(&mine, &bundle).expect("plan");
    let mut n = 5000;
    let after = merge::apply(&mine, &plan, &[Choice::KeepBoth], &mut || {
        n += 1;
        n
    })
    .expect("keep both");
    assert_eq!(after.units().len(), 3);
    assert_eq!(after.units()[2].full_name, "Đơn vị A (3)");
    let mut units = mine.units().to_vec();
    units.push(after.units()[2].clone());
    let expected = Workspace::new(units, mine.clusters().to_vec(), mine.meetings().to_vec());
    assert_eq!(Ok(after), expected);
}

proptest::proptest! {
    /// One rule: a cluster the domain lets a user add is exactly one the
    /// integrity check accepts beside the first, and the same for units.
    #[test]
    fn the_domain_and_the_integrity_check_agree_on_names(
        a in " ?[aA][aA ]{0,2}[bB]?", pa in "[xX ]{0,2}",
        b in " ?[aA][aA ]{0,2}[bB]?", pb in "[xX ]{0,2}",
    ) {
        let mut ws = Workspace::default();
        ws.add_cluster(ClusterId(1), cluster_draft(&a, &pa)).expect("first");
        let domain = ws.clone().add_cluster(ClusterId(2), cluster_draft(&b, &pb)).is_ok();
        let mut second = ws.clusters()[0].clone();
        second.id = ClusterId(2);
        second.name = b.clone();
        second.parent_org = pb.clone();
        let clusters = vec![ws.clusters()[0].clone(), second];
        proptest::prop_assert_eq!(domain, Workspace::new(vec![], clusters, vec![]).is_ok());

        let mut ws = Workspace::default();
        let draft = |name: &str| UnitDraft { full_name: name.into(), ..Default::default() };
        ws.add_unit(UnitId(1), draft(&a), None).expect("first unit");
        let domain = ws.clone().add_unit(UnitId(2), draft(&b), None).is_ok();
        let mut second = ws.units()[0].clone();
        second.id = UnitId(2);
        second.full_name = b.clone();
        let units = vec![ws.units()[0].clone(), second];
        proptest::prop_assert_eq!(domain, Workspace::new(units, vec![], vec![]).is_ok());
    }
}

/// `Workspace::new` makes a workspace only of records that hold together:
/// the same check as every way in, refused with the record at fault.
#[test]
fn a_workspace_is_made_only_of_records_that_hold_together() {
    use thidua_core::domain::merge::{IntegrityProblem, RecordRef};
    let mut ws = cluster_with(&["A", "B"]);
    ws.add_year(C, 2024, year_draft(&[0, 1], Some(0), None))
        .expect("year");
    ws.add_meeting(thidua_core::domain::MeetingId(50), C, 2024)
        .expect("meeting");
    let (units, clusters, meetings) = ws.clone().into_parts();
    let again = Workspace::new(units.clone(), clusters.clone(), meetings.clone());
    assert_eq!(again.as_ref(), Ok(&ws));
    // A unit twice.
    let twice = [units.clone(), vec![units[0].clone()]].concat();
    let err = Workspace::new(twice, clusters.clone(), vec![]).expect_err("twice");
    assert_eq!(err.problem, IntegrityProblem::UnitIdTwice { unit: unit(0) });
    // A meeting without its cluster.
    let err = Workspace::new(units, vec![], meetings).expect_err("no cluster");
    assert_eq!(
        err.record,
        RecordRef::Meeting(thidua_core::domain::MeetingId(50))
    );
    assert!(matches!(
        err.problem,
        IntegrityProblem::MeetingWithoutCluster { .. }
    ));
}

/// `Cluster::with_years` keeps a cluster's years ascending, one per year,
/// with members among its units; anything else is refused.
#[test]
fn a_clusters_years_are_set_only_in_order_and_of_its_units() {
    let mut ws = cluster_with(&["A", "B", "C"]);
    ws.add_year(C, 2023, year_draft(&[0, 1], None, None))
        .expect("2023");
    ws.add_year(C, 2024, year_draft(&[1, 2], None, None))
        .expect("2024");
    let cluster = ws.cluster(C).expect("cluster").clone();
    let years = cluster.years().to_vec();
    // Out of order: put in order.
    let reversed: Vec<_> = years.iter().rev().cloned().collect();
    let same = cluster.clone().with_years(reversed).expect("in order");
    assert_eq!(same, cluster);
    // The same year twice.
    let twice = vec![years[0].clone(), years[0].clone()];
    assert_eq!(
        cluster.clone().with_years(twice),
        Err(DomainError::YearExists(2023))
    );
    // A member that is not one of the cluster's units.
    let mut outsider = years[1].clone();
    outsider.members.push(UnitId(999));
    assert_eq!(
        cluster.clone().with_years(vec![outsider]),
        Err(DomainError::UnitNotInCluster(UnitId(999)))
    );
    // A year left out is gone; the one kept is as it was.
    let fewer = cluster
        .clone()
        .with_years(vec![years[1].clone()])
        .expect("one year");
    assert_eq!(fewer.years(), &years[1..]);
}

/// `Cluster::with_years` refuses a year that adding it or setting its
/// hand-over would refuse: one refusal per rule.
#[test]
fn a_clusters_years_pass_the_checks_of_an_added_year() {
    let mut ws = cluster_with(&["A", "B", "C"]);
    ws.add_year(C, 2024, year_draft(&[0, 1, 2], Some(0), Some(1)))
        .expect("2024");
    let cluster = ws.cluster(C).expect("cluster").clone();
    let year = cluster.years()[0].clone();
    let handover = |from, to| Handover {
        from,
        to,
        date: date("2024-10-03"),
        place: String::new(),
        note: String::new(),
    };
    let refused = |change: &dyn Fn(&mut thidua_core::domain::EmulationYear)| {
        let mut changed = year.clone();
        change(&mut changed);
        cluster.clone().with_years(vec![changed])
    };
    assert_eq!(
        refused(&|y| y.year = 1800),
        Err(DomainError::YearOutOfRange(1800))
    );
    assert_eq!(
        refused(&|y| y.members = vec![unit(1), unit(2)]),
        Err(DomainError::LeaderNotMember)
    );
    assert_eq!(
        refused(&|y| y.members = vec![unit(0), unit(2)]),
        Err(DomainError::DeputyNotMember)
    );
    assert_eq!(
        refused(&|y| y.deputy = Some(unit(0))),
        Err(DomainError::LeaderIsDeputy)
    );
    assert_eq!(
        refused(&|y| y.handover = Some(handover(unit(0), UnitId(999)))),
        Err(DomainError::UnitNotInCluster(UnitId(999)))
    );
    assert_eq!(
        refused(&|y| y.handover = Some(handover(unit(1), unit(2)))),
        Err(DomainError::HandoverNotFromLeader)
    );
    assert_eq!(
        refused(&|y| {
            y.leader = None;
            y.handover = Some(handover(unit(0), unit(1)));
        }),
        Err(DomainError::HandoverWithoutLeader)
    );
    assert_eq!(
        refused(&|y| y.handover = Some(handover(unit(0), unit(0)))),
        Err(DomainError::HandoverToSelf)
    );
    // A good hand-over passes, and members come back in rotation order.
    let kept = cluster
        .clone()
        .with_years(vec![thidua_core::domain::EmulationYear {
            members: vec![unit(2), unit(0), unit(1)],
            handover: Some(handover(unit(0), unit(1))),
            ..year.clone()
        }])
        .expect("a good year");
    assert_eq!(kept.years()[0].members, year.members);
}

/// Records read one by one (storage) settle into a workspace: the record
/// at fault leaves with its problem, and what names it stays.
#[test]
fn settled_records_lose_only_the_record_at_fault() {
    use thidua_core::domain::merge::{Bundle, IntegrityProblem, RecordRef};
    let mut ws = cluster_with(&["A", "B"]);
    // The cluster lists unit 777, which then takes unit A's name.
    let draft = UnitDraft {
        full_name: "Z".into(),
        ..Default::default()
    };
    ws.add_unit(UnitId(777), draft, Some(C)).expect("unit 777");
    let (mut units, clusters, _) = ws.clone().into_parts();
    let clash = units.iter().position(|u| u.id == UnitId(777)).expect("777");
    units[clash].full_name = units[0].full_name.clone();
    let records = Bundle {
        units,
        clusters,
        ..Bundle::default()
    };
    let (settled, left) = records.settle(&Default::default());
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, RecordRef::Unit(UnitId(777)));
    assert!(matches!(left[0].1, IntegrityProblem::UnitNameTwice { .. }));
    // Unit 777 is gone; the cluster naming it stays as it was, 777 and all.
    assert_eq!(settled.unit(UnitId(777)), None);
    assert_eq!(settled.units().len(), 2);
    assert_eq!(settled.clusters(), ws.clusters());
    assert!(settled
        .cluster(C)
        .expect("cluster")
        .units()
        .contains(&UnitId(777)));
}

/// The hand-over card's proposal follows the data it comes from: a newly
/// saved leader moves the proposed receiver, a meeting brings its date and
/// place (issue 18).
#[test]
fn handover_proposal_follows_the_leader_and_the_meeting() {
    use thidua_core::domain::{Fraction, MeetingDetails, MeetingId, YearDraft};
    use thidua_core::rules::rotation::propose_handover;
    let mut ids = 1000u64..;
    let mut ws = Workspace::default();
    let id = load_sample(&mut ws, || ids.next().unwrap_or(0)).expect("sample loads");
    let next = start_next_year(&mut ws, id, SAMPLE_YEAR).expect("2025");
    let proposed = |ws: &Workspace| propose_handover(ws, id, next);
    let name = |ws: &Workspace, unit: Option<UnitId>| unit.map(|u| ws.unit_name(u));
    // The brigade leads 2025: the flag goes round to the first unit.
    assert_eq!(name(&ws, proposed(&ws).to), Some("Bộ Tham mưu".to_owned()));
    assert_eq!(proposed(&ws).date, None);
    assert_eq!(proposed(&ws).place, "");
    // The leader saved as Cục Kỹ thuật: the brigade after it.
    let technical = ws
        .units()
        .iter()
        .find(|u| u.short_name == "Cục Kỹ thuật")
        .map(|u| u.id)
        .expect("unit");
    let present = YearDraft::of(ws.cluster(id).and_then(|c| c.year(next)).expect("year"));
    ws.update_year(
        id,
        next,
        YearDraft {
            leader: Some(technical),
            ..present
        },
    )
    .expect("leader saved");
    assert_eq!(
        name(&ws, proposed(&ws).to),
        Some("Lữ đoàn TT 21".to_owned())
    );
    // The year's meeting: its date and place.
    ws.add_meeting(MeetingId(77), id, next).expect("meeting");
    ws.update_meeting(
        MeetingId(77),
        MeetingDetails {
            date: Some(date("2025-10-08")),
            place: " Hội trường Bộ Tư lệnh ".to_owned(),
            ..MeetingDetails::default()
        },
        Fraction::two_thirds(),
        true,
    )
    .expect("meeting saved");
    assert_eq!(proposed(&ws).date, Some(date("2025-10-08")));
    assert_eq!(proposed(&ws).place, "Hội trường Bộ Tư lệnh");
}
