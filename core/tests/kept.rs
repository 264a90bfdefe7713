//! The “keep mine” choices remembered per record and per version of the
//! file's record: the same file does not ask twice, a new version does.

mod common;

use common::{changed, sample_meeting};
use thidua_core::domain::merge::{self, Bundle, Choice, Plan, Status};
use thidua_core::domain::Workspace;
use thidua_core::exchange::{decode_record, encode_record, KeptChoices, KeptDto, MAX_KEPT};

/// The sample with this laptop's records, and a file's version of them in
/// which a unit, the cluster and the meeting each differ by `tag`.
fn differing(tag: &str) -> (Workspace, Plan) {
    let (mine, _) = sample_meeting();
    let theirs = changed(&mine, |units, clusters, meetings| {
        units[0].commander = format!("Đại tá {tag}");
        clusters[0].notes = format!("Ghi chú {tag}");
        meetings[0].details.place = format!("Hội trường {tag}");
    });
    let (units, clusters, meetings) = theirs.into_parts();
    let bundle = Bundle {
        units,
        clusters,
        meetings,
        reports: vec![],
    };
    let plan = merge::plan(&mine, &bundle).expect("plan");
    (mine, plan)
}

fn differs(plan: &Plan) -> Vec<usize> {
    plan.items
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.status, Status::Differs { .. }))
        .map(|(n, _)| n)
        .collect()
}

#[test]
fn a_kept_record_is_remembered_for_that_version_only() {
    let (_, plan) = differing("A");
    let differing_items = differs(&plan);
    assert_eq!(differing_items.len(), 3, "a unit, the cluster, the meeting");
    let mut kept = KeptChoices::default();
    assert!(kept.kept_in(&plan).iter().all(Option::is_none));

    // Keep mine for all but the meeting, whose file version is taken.
    let meeting = *differing_items.last().expect("three");
    let choices: Vec<Choice> = (0..plan.items.len())
        .map(|n| {
            if n == meeting {
                Choice::TakeTheirs
            } else {
                Choice::KeepMine
            }
        })
        .collect();
    assert_eq!(
        kept.remember(&plan, &choices, "2024-10-03T09:00:00Z"),
        Ok(2)
    );

    let again = kept.kept_in(&plan);
    for (n, at) in again.iter().enumerate() {
        let expected = differing_items.contains(&n) && n != meeting;
        assert_eq!(at.is_some(), expected, "item {n}");
    }
    assert_eq!(
        again[differing_items[0]].as_deref(),
        Some("2024-10-03T09:00:00Z")
    );

    // Another version of the same records in a later file asks again.
    let (_, later) = differing("B");
    assert!(kept.kept_in(&later).iter().all(Option::is_none));

    // Remembering the same choice again keeps its first date.
    assert_eq!(
        kept.remember(&plan, &choices, "2025-01-01T00:00:00Z"),
        Ok(2)
    );
    assert_eq!(kept.len(), 2);
    assert_eq!(
        kept.kept_in(&plan)[differing_items[0]].as_deref(),
        Some("2024-10-03T09:00:00Z")
    );
}

#[test]
fn kept_choices_read_back_as_written() {
    let (_, plan) = differing("A");
    let mut kept = KeptChoices::default();
    let choices = vec![Choice::KeepMine; plan.items.len()];
    kept.remember(&plan, &choices, "2024-10-03T09:00:00Z")
        .expect("versions");
    let text = encode_record(&KeptDto::from(&kept)).expect("encode");
    assert!(text.starts_with("{\"version\":"), "{text}");
    let read = KeptChoices::from(decode_record::<KeptDto>(&text).expect("decode"));
    assert_eq!(read, kept);
    assert_eq!(read.kept_in(&plan), kept.kept_in(&plan));
}

#[test]
fn another_tabs_choices_are_absorbed_and_the_oldest_forgotten() {
    let dto = |n: usize, at: &str| thidua_core::exchange::KeptChoiceDto {
        record: format!("unit:{n}"),
        version: "v".into(),
        at: at.into(),
    };
    let mut kept = KeptChoices::from(KeptDto {
        choices: (0..MAX_KEPT)
            .map(|n| dto(n, &format!("2025-01-01T00:00:{:02}Z", n % 60)))
            .collect(),
    });
    assert_eq!(kept.len(), MAX_KEPT);
    let other = KeptChoices::from(KeptDto {
        choices: vec![dto(9999, "2026-01-01T00:00:00Z")],
    });
    kept.absorb(other);
    assert_eq!(kept.len(), MAX_KEPT, "bounded");
    let names: Vec<String> = KeptDto::from(&kept)
        .choices
        .into_iter()
        .map(|c| c.record)
        .collect();
    assert!(names.contains(&"unit:9999".to_owned()), "the newest stays");
    assert!(!names.contains(&"unit:0".to_owned()), "the oldest went");
}
