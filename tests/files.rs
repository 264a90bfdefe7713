//! Files between laptops: writing each kind, reading it back, the preview
//! of an import (new, identical, different), the user's choices, every way
//! a file can be bad, older versions, and a fuzz of the whole import path.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../core/tests/common/mod.rs"]
mod common;

use common::{changed, sample_meeting, SAMPLE_M};
use proptest::prelude::*;
use serde_json::{json, Value};
use thidua::domain::merge::{self, Bundle, Choice, Part, RecordKey, Status};
use thidua::domain::{AchievementReport, ClusterId, Metric, Points, Scorer, UnitDraft, Workspace};
use thidua::exchange::{
    cluster_file, data_sha256, file_name, read_file, results_file, unit_report_file,
    workspace_file, FileError, FileKind, RecordError, CURRENT_VERSION,
};
use thidua::rules::rounds::{open_paper_round, open_round};
use thidua::sample::SAMPLE_YEAR;

const AT: &str = "2024-10-03T09:00:00Z";
const ANY: [FileKind; 4] = FileKind::WORKSPACE;

fn fresh_ids() -> impl FnMut() -> u64 {
    let mut next = 900_000u64;
    move || {
        next += 1;
        next
    }
}

fn import(ws: &Workspace, texts: &[String], choice: Choice) -> Result<Workspace, String> {
    let mut bundle = Bundle::default();
    for text in texts {
        let file = read_file(text, &ANY).map_err(|e| e.to_string())?;
        bundle.absorb(file.bundle).map_err(|e| e.to_string())?;
    }
    let plan = merge::plan(ws, &bundle).map_err(|e| e.to_string())?;
    let choices = vec![choice; plan.items.len()];
    merge::apply(ws, &plan, &choices, &mut fresh_ids()).map_err(|e| e.to_string())
}

#[test]
fn a_workspace_file_brings_back_exactly_what_was_exported() {
    let (ws, _) = sample_meeting();
    let text = workspace_file(&ws, AT).expect("file");
    let file = read_file(&text, &[FileKind::Workspace]).expect("reads");
    assert_eq!(file.kind, FileKind::Workspace);
    assert_eq!(file.version, u64::from(CURRENT_VERSION));
    assert_eq!(file.exported_at, AT);
    // Into an empty laptop: everything is new, and the result is the same.
    let plan = merge::plan(&Workspace::default(), &file.bundle).expect("plan");
    assert_eq!(plan.new_count(), plan.items.len());
    let back = merge::apply(&Workspace::default(), &plan, &[], &mut fresh_ids()).expect("apply");
    assert_eq!(back, ws);
    // Into the laptop it came from: everything is identical, nothing moves.
    let plan = merge::plan(&ws, &file.bundle).expect("plan");
    assert_eq!(plan.identical_count(), plan.items.len());
    assert!(plan.items.len() > 10, "{} items", plan.items.len());
    let same = merge::apply(&ws, &plan, &[], &mut fresh_ids()).expect("apply");
    assert_eq!(same, ws);
}

#[test]
fn cluster_and_results_files_round_trip() {
    let (ws, cluster) = sample_meeting();
    let text = cluster_file(&ws, cluster, AT).expect("file");
    let back = import(&Workspace::default(), &[text], Choice::KeepMine).expect("import");
    assert_eq!(back, ws);
    // Results alone need their cluster-year on this laptop.
    let results = results_file(&ws, SAMPLE_M, AT).expect("results");
    let err = import(
        &Workspace::default(),
        std::slice::from_ref(&results),
        Choice::KeepMine,
    )
    .expect_err("no cluster here");
    assert!(err.contains("not on this laptop"), "{err}");
    let without = changed(&ws, |_, _, meetings| meetings.clear());
    let back = import(&without, &[results], Choice::KeepMine).expect("results import");
    assert_eq!(back.meetings().len(), 1);
    assert_eq!(
        back.meetings()[0].rounds().len(),
        ws.meetings()[0].rounds().len(),
        "both rounds are closed and travel"
    );
}

/// The main case: every unit writes its report and self scores on its own
/// laptop and sends a file; the leader imports all eight at once.
#[test]
fn the_leader_imports_eight_unit_reports() {
    let (mut leader, cluster) = sample_meeting();
    let year = leader
        .cluster(cluster)
        .expect("c")
        .year(SAMPLE_YEAR)
        .expect("y")
        .clone();
    // The leader's laptop has no reports and no self scores yet.
    leader = changed(&leader, |_, clusters, _| {
        for c in clusters.iter_mut() {
            let mut years = c.years().to_vec();
            for y in &mut years {
                y.reports.clear();
                for s in y.scores.values_mut() {
                    s.self_scores.clear();
                }
            }
            *c = c.clone().with_years(years).expect("the same years");
        }
    });
    let first_item = year.criteria.items[0].id;
    let mut files = Vec::new();
    for (idx, unit) in year.members.iter().enumerate() {
        let mut theirs = leader.clone();
        let report = AchievementReport {
            narrative: format!("Báo cáo của đơn vị số {idx}"),
            metrics: vec![Metric {
                name: "Chuyên án".into(),
                value: format!("{idx}"),
                measure: "vụ".into(),
            }],
            ..AchievementReport::default()
        };
        theirs
            .set_report(cluster, SAMPLE_YEAR, *unit, report)
            .expect("report");
        theirs
            .set_score(
                cluster,
                SAMPLE_YEAR,
                *unit,
                Scorer::SelfScore,
                first_item,
                Some(Points(100 + idx as u32)),
            )
            .expect("self score");
        files.push(unit_report_file(&theirs, cluster, SAMPLE_YEAR, *unit, AT).expect("file"));
    }
    let mut bundle = Bundle::default();
    for text in &files {
        let file = read_file(text, &[FileKind::UnitReport]).expect("reads");
        bundle.absorb(file.bundle).expect("absorb");
    }
    let plan = merge::plan(&leader, &bundle).expect("plan");
    // 8 units (identical), 8 self-score sheets and 8 reports (new).
    assert_eq!(plan.identical_count(), 8);
    assert_eq!(plan.new_count(), 16);
    let after = merge::apply(&leader, &plan, &[], &mut fresh_ids()).expect("apply");
    let y = after
        .cluster(cluster)
        .expect("c")
        .year(SAMPLE_YEAR)
        .expect("y");
    assert_eq!(y.reports.len(), 8);
    for (idx, unit) in year.members.iter().enumerate() {
        assert_eq!(
            y.reports[unit].narrative,
            format!("Báo cáo của đơn vị số {idx}")
        );
        assert_eq!(
            y.scores[unit].self_scores[&first_item],
            Points(100 + idx as u32)
        );
        // Cluster scores on the leader's laptop are not touched.
        let cluster_scores = |ws: &Workspace| {
            ws.cluster(cluster)
                .and_then(|c| c.year(SAMPLE_YEAR))
                .and_then(|y| y.scores.get(unit))
                .map(|s| s.cluster_scores.clone())
                .unwrap_or_default()
        };
        assert_eq!(cluster_scores(&after), cluster_scores(&leader));
    }
    // The same file twice is fine; a second, different report of one unit
    // in the same import is refused.
    let mut twice = files.clone();
    twice.push(files[0].clone());
    assert!(import(&leader, &twice, Choice::KeepMine).is_ok());
    let mut other = leader.clone();
    other
        .set_report(
            cluster,
            SAMPLE_YEAR,
            year.members[0],
            AchievementReport::default(),
        )
        .expect("report");
    twice.push(unit_report_file(&other, cluster, SAMPLE_YEAR, year.members[0], AT).expect("file"));
    let err = import(&leader, &twice, Choice::KeepMine).expect_err("disagree");
    assert!(err.contains("two files"), "{err}");
}

#[test]
fn a_unit_report_for_a_cluster_or_table_this_laptop_lacks_is_refused() {
    let (ws, cluster) = sample_meeting();
    let unit = ws.cluster(cluster).expect("c").units()[0];
    let text = unit_report_file(&ws, cluster, SAMPLE_YEAR, unit, AT).expect("file");
    let err = import(
        &Workspace::default(),
        std::slice::from_ref(&text),
        Choice::KeepMine,
    )
    .expect_err("no cluster");
    assert!(
        err.contains("Cụm thi đua số 8") && err.contains("import that cluster"),
        "{err}"
    );
    // The leader renamed item 1 meanwhile: the scores would mean something else.
    let item = ws.clusters()[0].years()[0].criteria.items[0].id;
    let leader = changed(&ws, |_, clusters, _| {
        let mut years = clusters[0].years().to_vec();
        years[0]
            .criteria
            .items
            .iter_mut()
            .filter(|c| c.id == item)
            .for_each(|c| c.name = "Một tiêu chí khác".into());
        clusters[0] = clusters[0].clone().with_years(years).expect("years");
    });
    let mut sender = ws.clone();
    sender
        .set_score(
            cluster,
            SAMPLE_YEAR,
            unit,
            Scorer::SelfScore,
            item,
            Some(Points(100)),
        )
        .expect("score");
    let text = unit_report_file(&sender, cluster, SAMPLE_YEAR, unit, AT).expect("file");
    let err = import(&leader, &[text], Choice::KeepMine).expect_err("criteria differ");
    assert!(err.contains("Một tiêu chí khác"), "{err}");
}

#[test]
fn differing_records_follow_the_users_choice() {
    let (mine, cluster) = sample_meeting();
    let unit = mine.cluster(cluster).expect("c").units()[1];
    let mut theirs = mine.clone();
    let draft = |name: &str| UnitDraft {
        full_name: name.into(),
        short_name: "Cục CT".into(),
        kind: "Cơ quan".into(),
        ..UnitDraft::default()
    };
    theirs
        .update_unit(unit, draft("Cục Chính trị Bộ đội Biên phòng"))
        .expect("rename");
    let report = |text: &str| AchievementReport {
        narrative: text.into(),
        metrics: vec![Metric {
            name: text.into(),
            value: "1".into(),
            measure: String::new(),
        }],
        ..AchievementReport::default()
    };
    let mut mine = mine;
    mine.set_report(cluster, SAMPLE_YEAR, unit, report("Bản của tôi"))
        .expect("mine");
    theirs
        .set_report(cluster, SAMPLE_YEAR, unit, report("Bản của họ"))
        .expect("theirs");
    let text = workspace_file(&theirs, AT).expect("file");
    let bundle = read_file(&text, &ANY).expect("reads").bundle;
    let plan = merge::plan(&mine, &bundle).expect("plan");
    assert_eq!(
        plan.differing_count(),
        2,
        "{:#?}",
        plan.items
            .iter()
            .filter(|i| !matches!(i.status, Status::Identical))
            .collect::<Vec<_>>()
    );
    let unit_item = plan
        .items
        .iter()
        .find(|i| i.key == RecordKey::Unit(unit))
        .expect("unit item");
    let Status::Differs { mine: my_part } = &unit_item.status else {
        panic!("unit differs")
    };
    let Part::Unit(my_unit) = my_part.as_ref() else {
        panic!("a unit")
    };
    assert_eq!(my_unit.full_name, "Cục Chính trị BĐBP");
    // Keep mine (the default): nothing changes.
    assert_eq!(
        merge::apply(&mine, &plan, &[], &mut fresh_ids()).expect("apply"),
        mine
    );
    // Take theirs: their name and their report.
    let all = |c| vec![c; plan.items.len()];
    let took =
        merge::apply(&mine, &plan, &all(Choice::TakeTheirs), &mut fresh_ids()).expect("apply");
    assert_eq!(
        took.unit(unit).expect("u").full_name,
        "Cục Chính trị Bộ đội Biên phòng"
    );
    let y = |ws: &Workspace| {
        ws.cluster(cluster)
            .expect("c")
            .year(SAMPLE_YEAR)
            .expect("y")
            .clone()
    };
    assert_eq!(y(&took).reports[&unit].narrative, "Bản của họ");
    // Keep both: a second unit under a new id, both reports one after the other.
    let both = merge::apply(&mine, &plan, &all(Choice::KeepBoth), &mut fresh_ids()).expect("apply");
    assert_eq!(both.units().len(), mine.units().len() + 1);
    assert_eq!(both.unit(unit).expect("u").full_name, "Cục Chính trị BĐBP");
    assert!(both
        .units()
        .iter()
        .any(|u| u.full_name == "Cục Chính trị Bộ đội Biên phòng (2)"));
    let merged = &y(&both).reports[&unit];
    assert_eq!(merged.narrative, "Bản của tôi\n\nBản của họ");
    assert_eq!(merged.metrics.len(), 2);
    // “Keep both” is refused where there can only be one.
    let mut changed = theirs.clone();
    let item = y(&changed).criteria.items[0].id;
    changed
        .set_score(
            cluster,
            SAMPLE_YEAR,
            unit,
            Scorer::Cluster,
            item,
            Some(Points(1)),
        )
        .expect("score");
    let bundle = read_file(&workspace_file(&changed, AT).expect("f"), &ANY)
        .expect("r")
        .bundle;
    let plan = merge::plan(&mine, &bundle).expect("plan");
    let err = merge::apply(
        &mine,
        &plan,
        &vec![Choice::KeepBoth; plan.items.len()],
        &mut fresh_ids(),
    )
    .expect_err("scores exist once");
    assert!(matches!(err, merge::MergeError::CannotKeepBoth(_)), "{err}");
}

/// Rewrites a file's `data` and puts a matching checksum on it, as a
/// careless (or hand-editing) sender would.
fn resealed(text: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(text).expect("json");
    edit(&mut value["data"]);
    value["sha256"] = json!(data_sha256(&value["data"]).expect("written"));
    value.to_string()
}

#[test]
fn each_bad_file_gets_its_own_message_and_place() {
    let (ws, cluster) = sample_meeting();
    let good = workspace_file(&ws, AT).expect("file");
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut value: Value = serde_json::from_str(&good).expect("json");
        edit(&mut value);
        value.to_string()
    };
    type Expect = Box<dyn Fn(&FileError) -> bool>;
    let cases: Vec<(&str, String, Expect)> = vec![
        (
            "not JSON",
            "{\"format\": \"thidua\",".into(),
            Box::new(|e| matches!(e, FileError::NotJson { line: 1, .. })),
        ),
        (
            "a spreadsheet",
            "Đơn vị;Điểm\n".into(),
            Box::new(|e| matches!(e, FileError::NotJson { .. })),
        ),
        (
            "another app's JSON",
            "{\"units\": []}".into(),
            Box::new(|e| *e == FileError::NotThidua),
        ),
        (
            "unknown kind",
            with(&|v| v["kind"] = json!("budget")),
            Box::new(|e| *e == FileError::UnknownKind("budget".into())),
        ),
        (
            "newer version",
            with(&|v| v["version"] = json!(CURRENT_VERSION + 1)),
            Box::new(|e| matches!(e, FileError::Record(RecordError::NewerVersion { .. }))),
        ),
        (
            "no version",
            with(&|v| {
                v.as_object_mut().map(|o| o.remove("version"));
            }),
            Box::new(|e| *e == FileError::Record(RecordError::MissingVersion)),
        ),
        (
            "no checksum",
            with(&|v| {
                v.as_object_mut().map(|o| o.remove("sha256"));
            }),
            Box::new(|e| *e == FileError::MissingChecksum),
        ),
        (
            "changed by hand",
            with(&|v| v["data"]["units"][0]["full_name"] = json!("Đơn vị khác")),
            Box::new(|e| *e == FileError::ChecksumMismatch),
        ),
        (
            "missing field",
            resealed(&good, |d| {
                d["units"][2].as_object_mut().map(|o| o.remove("full_name"));
            }),
            Box::new(
                |e| matches!(e, FileError::Record(RecordError::Shape { path, message }) if path == "data.units[2]" && message.contains("full_name")),
            ),
        ),
        (
            "mistyped field",
            resealed(&good, |d| d["clusters"][0]["years"] = json!("2024")),
            Box::new(
                |e| matches!(e, FileError::Record(RecordError::Shape { path, .. }) if path == "data.clusters[0]"),
            ),
        ),
        (
            "bad value deep inside",
            resealed(&good, |d| d["clusters"][0]["years"][0]["leader"] = json!(1)),
            Box::new(
                |e| matches!(e, FileError::Record(RecordError::Invalid { path, .. }) if path == "data.clusters[0].years[0].leader"),
            ),
        ),
        (
            "duplicate ids",
            resealed(&good, |d| {
                let first = d["units"][0].clone();
                if let Some(a) = d["units"].as_array_mut() {
                    a.push(first);
                }
            }),
            Box::new(
                |e| matches!(e, FileError::DuplicateId { path, .. } if path == "data.units[8].id"),
            ),
        ),
        (
            "data not an object",
            resealed(&good, |d| *d = json!([1, 2])),
            Box::new(
                |e| matches!(e, FileError::Record(RecordError::Invalid { path, .. }) if path == "data"),
            ),
        ),
    ];
    for (what, text, expected) in &cases {
        let err = read_file(text, &ANY).expect_err(what);
        assert!(expected(&err), "{what}: got {err:?}");
        assert!(!err.to_string().is_empty());
    }
    // Wrong kind for the screen.
    let unit = ws.cluster(cluster).expect("c").units()[0];
    let report = unit_report_file(&ws, cluster, SAMPLE_YEAR, unit, AT).expect("file");
    let err = read_file(&report, &[FileKind::Workspace, FileKind::Cluster]).expect_err("kind");
    assert!(matches!(
        err,
        FileError::WrongKind {
            found: FileKind::UnitReport,
            ..
        }
    ));
    // Too large, refused before parsing.
    let huge = " ".repeat(thidua::exchange::MAX_FILE_BYTES + 1);
    assert!(matches!(
        read_file(&huge, &ANY),
        Err(FileError::TooLarge { .. })
    ));
    // A file that starts with a byte-order mark still reads.
    assert!(read_file(&format!("\u{feff}{good}"), &ANY).is_ok());
}

/// A version 1 file, written by hand the way version 1 wrote it: closed
/// counts had no `source`. It is migrated, and its checksum (over the data
/// as written) still verifies.
#[test]
fn an_older_version_file_is_migrated() {
    let text = include_str!("../core/tests/fixtures/workspace-v1.thidua.json");
    let file = read_file(text, &ANY).expect("version 1 reads");
    assert_eq!(file.version, 1);
    let ws = merge::apply(
        &Workspace::default(),
        &merge::plan(&Workspace::default(), &file.bundle).expect("plan"),
        &[],
        &mut fresh_ids(),
    )
    .expect("apply");
    let round = &ws.meetings()[0].rounds()[0];
    let thidua::domain::RoundState::Closed(count) = &round.state else {
        panic!("closed round")
    };
    assert_eq!(count.source, thidua::domain::CountSource::Booth);
    assert_eq!(ws.units().len(), 3);
    // Written again, it is a current-version file.
    let again = read_file(&workspace_file(&ws, AT).expect("f"), &ANY).expect("reads");
    assert_eq!(again.version, u64::from(CURRENT_VERSION));
}

#[test]
fn file_names_say_what_the_file_is() {
    assert_eq!(
        file_name(FileKind::UnitReport, &["Cụm thi đua số 8 BĐBP", "2024", "Cục Phòng chống ma túy và tội phạm BĐBP"]),
        "thidua-unit-report-cum-thi-dua-so-8-bdbp-2024-cuc-phong-chong-ma-tuy-va-toi-pham-bdbp.thidua.json"
    );
    assert_eq!(
        file_name(FileKind::Workspace, &["", "  "]),
        "thidua-workspace.thidua.json"
    );
    assert_eq!(
        file_name(FileKind::Results, &["Cụm <b>1</b>", "2025"]),
        "thidua-results-cum-b-1-b-2025.thidua.json"
    );
}

#[test]
fn names_with_markup_travel_as_text() {
    let mut ws = Workspace::default();
    ws.add_cluster(
        ClusterId(1),
        thidua::domain::ClusterDraft {
            name: "<img src=x onerror=alert(1)>".into(),
            ..Default::default()
        },
    )
    .expect("cluster");
    ws.add_unit(
        thidua::domain::UnitId(2),
        UnitDraft {
            full_name: "<script>alert('x')</script>".into(),
            ..Default::default()
        },
        Some(ClusterId(1)),
    )
    .expect("unit");
    let back = import(
        &Workspace::default(),
        &[workspace_file(&ws, AT).expect("f")],
        Choice::KeepMine,
    )
    .expect("import");
    assert_eq!(back, ws);
}

/// A small but complete file to mutate: the sample cluster with its
/// meeting, as a cluster file.
fn seed_file() -> String {
    let (ws, cluster) = sample_meeting();
    cluster_file(&ws, cluster, AT).expect("file")
}

fn check_import_path(text: &str, into: &Workspace) {
    // Never panics; an accepted file either plans and applies to a whole,
    // consistent workspace, or is refused with the workspace untouched
    // (`apply` works on a copy and returns it only when it is whole).
    if let Ok(file) = read_file(text, &ANY) {
        if let Ok(plan) = merge::plan(into, &file.bundle) {
            for choice in [Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth] {
                let choices = vec![choice; plan.items.len()];
                if let Ok(after) = merge::apply(into, &plan, &choices, &mut fresh_ids()) {
                    assert_eq!(merge::check_integrity(&after), Ok(()));
                }
            }
        }
    }
}

/// A JSON value changed at one random place: a field removed, a value
/// replaced by one of another type, or an array emptied.
fn mutate(value: &mut Value, path: &[usize], replacement: &Value) {
    let Some((&first, rest)) = path.split_first() else {
        *value = replacement.clone();
        return;
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(first % map.len())
                .cloned()
                .unwrap_or_default();
            if rest.is_empty() && first % 3 == 0 {
                map.remove(&key);
            } else if let Some(inner) = map.get_mut(&key) {
                mutate(inner, rest, replacement);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let idx = first % items.len();
            mutate(&mut items[idx], rest, replacement);
        }
        other => *other = replacement.clone(),
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..20).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
        Just(json!([1, 1])),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// Arbitrary text, and arbitrary text that looks like an envelope.
    #[test]
    fn fuzz_arbitrary_text(text in ".{0,200}", data in ".{0,100}") {
        check_import_path(&text, &Workspace::default());
        let envelope = format!("{{\"format\":\"thidua\",\"kind\":\"workspace\",\"version\":2,\"data\":{data},\"sha256\":\"\"}}");
        check_import_path(&envelope, &Workspace::default());
    }

    /// A valid file cut short or with bytes changed.
    #[test]
    fn fuzz_damaged_bytes(cut in 0usize..40_000, flips in proptest::collection::vec((0usize..40_000, any::<u8>()), 1..4)) {
        let seed = seed_file();
        let mut bytes = seed.into_bytes();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.max(1));
        let text = String::from_utf8_lossy(&bytes);
        check_import_path(&text, &Workspace::default());
    }

    /// A valid file with one value changed and the checksum recomputed, so
    /// the change reaches the record checks; imported into an empty laptop
    /// and into the one it came from.
    #[test]
    fn fuzz_resealed_records(path in proptest::collection::vec(0usize..50, 1..8), replacement in any_json()) {
        let (ws, _) = sample_meeting();
        let text = resealed(&seed_file(), |data| mutate(data, &path, &replacement));
        check_import_path(&text, &Workspace::default());
        check_import_path(&text, &ws);
    }
}

#[test]
fn keeping_both_clusters_copies_theirs_whole_under_a_new_id() {
    let (mine, cluster) = sample_meeting();
    let theirs = changed(&mine, |_, clusters, _| {
        let c = clusters
            .iter_mut()
            .find(|c| c.id == cluster)
            .expect("cluster");
        c.notes = "Ghi chú của họ".into();
    });
    let text = cluster_file(&theirs, cluster, AT).expect("file");
    let bundle = read_file(&text, &ANY).expect("reads").bundle;
    let plan = merge::plan(&mine, &bundle).expect("plan");
    assert_eq!(plan.differing_count(), 1);
    let choices: Vec<Choice> = plan
        .items
        .iter()
        .map(|i| match i.key {
            RecordKey::Cluster(_) => Choice::KeepBoth,
            _ => Choice::KeepMine,
        })
        .collect();
    let after = merge::apply(&mine, &plan, &choices, &mut fresh_ids()).expect("apply");
    assert_eq!(after.clusters().len(), 2);
    let copy = after
        .clusters()
        .iter()
        .find(|c| c.id != cluster)
        .expect("the copy");
    assert_eq!(copy.name, "Cụm thi đua số 8 BĐBP (2)");
    assert_eq!(copy.notes, "Ghi chú của họ");
    let original = mine.cluster(cluster).expect("mine");
    assert_eq!(
        copy.years(),
        original.years(),
        "every year, score and report comes along"
    );
    assert_eq!(after.cluster(cluster), Some(original), "mine untouched");
    assert_eq!(
        after.meetings(),
        mine.meetings(),
        "meetings stay with the original"
    );
}

// ---- Defects 6 and 7 of issue 15: counts from a file are checked before
// anything sums them, and closed counts must reconcile to be imported.

#[test]
fn impossible_counts_are_refused_with_their_place() {
    let (ws, cluster) = sample_meeting();
    let good = cluster_file(&ws, cluster, AT).expect("file");
    let booth = "data.meetings[0].rounds[0].state";
    let hand = "data.meetings[0].rounds[1].state.source";
    type Edit = fn(&mut Value);
    let cases: Vec<(Edit, String)> = vec![
        (
            |d| {
                // 3e9 + 1 294 967 297 = 2^32 + 1: wraps to 1 as u32.
                let c = &mut d["meetings"][0]["rounds"][0]["state"]["closed"]["ballots"]["counts"];
                c[0]["count"] = json!(3_000_000_000u32);
                c[1]["count"] = json!(1_294_967_297u32);
            },
            format!("{booth}.ballots.counts[0].count"),
        ),
        (
            |d| {
                let c = &mut d["meetings"][0]["rounds"][0]["state"]["closed"]["ballots"]["counts"];
                c[0]["count"] = json!(600_000);
                c[1]["count"] = json!(600_000);
            },
            format!("{booth}.ballots"),
        ),
        (
            |d| {
                d["meetings"][0]["rounds"][0]["state"]["closed"]["ballots"]["spoilt"] =
                    json!(u32::MAX)
            },
            format!("{booth}.ballots.spoilt"),
        ),
        (
            |d| {
                d["meetings"][0]["rounds"][0]["state"]["closed"]["present"] =
                    json!(4_000_000_000u32)
            },
            format!("{booth}.present"),
        ),
        (
            |d| {
                d["meetings"][0]["rounds"][1]["state"]["closed"]["source"]["hand"]["valid"] =
                    json!(4_294_967_295u32)
            },
            format!("{hand}.valid"),
        ),
        (
            |d| {
                d["meetings"][0]["rounds"][1]["state"]["closed"]["source"]["hand"]["votes"][0]
                    ["votes"] = json!(4_000_000_000u32)
            },
            format!("{hand}.votes[0].votes"),
        ),
        (
            |d| {
                let votes = &mut d["meetings"][0]["rounds"][1]["state"]["closed"]["source"]["hand"]
                    ["votes"];
                let first = votes[0].clone();
                votes.as_array_mut().expect("list").push(first);
            },
            format!("{hand}.votes[4].unit"),
        ),
    ];
    for (edit, place) in cases {
        let text = resealed(&good, edit);
        match read_file(&text, &ANY) {
            Err(FileError::Record(RecordError::Invalid { path, .. })) => {
                assert_eq!(path, place)
            }
            other => panic!("{place}: {other:?}"),
        }
    }
}

#[test]
fn a_closed_count_that_does_not_reconcile_is_not_imported() {
    let (ws, cluster) = sample_meeting();
    let good = cluster_file(&ws, cluster, AT).expect("file");
    let text = resealed(&good, |d| {
        // 8 collected, 7 valid, 1 invalid; one unit said to have 9 votes.
        d["meetings"][0]["rounds"][1]["state"]["closed"]["source"]["hand"]["votes"][0]["votes"] =
            json!(9);
    });
    let err = import(&Workspace::default(), &[text], Choice::TakeTheirs).expect_err("refused");
    assert!(err.contains("does not reconcile"), "{err}");
    assert!(err.contains("Bằng khen của Bộ Tư lệnh BĐBP"), "{err}");
}

#[test]
fn a_unit_report_scored_above_this_laptops_maximum_is_not_imported() {
    // Found by the sealed-file fuzz (tests/fuzz_files.rs): the report's own
    // table allowed the score, this laptop's does not; imported, the
    // cluster was then set aside at the next start-up.
    let (mine, cluster) = sample_meeting();
    let year = mine.cluster(cluster).and_then(|c| c.year(SAMPLE_YEAR));
    let year = year.expect("year");
    let unit = year.members[7];
    let (id, max) = (year.criteria.items[0].id, year.criteria.items[0].max);
    let mut theirs = changed(&mine, |_, clusters, _| {
        let c = clusters
            .iter_mut()
            .find(|c| c.id == cluster)
            .expect("cluster");
        let mut years = c.years().to_vec();
        let y = years
            .iter_mut()
            .find(|y| y.year == SAMPLE_YEAR)
            .expect("year");
        y.criteria.items[0].max = Points(max.0 + 500);
        *c = c.clone().with_years(years).expect("years");
    });
    theirs
        .set_score(
            cluster,
            SAMPLE_YEAR,
            unit,
            Scorer::SelfScore,
            id,
            Some(Points(max.0 + 100)),
        )
        .expect("their score");
    let text = unit_report_file(&theirs, cluster, SAMPLE_YEAR, unit, AT).expect("file");
    let err = import(&mine, &[text], Choice::TakeTheirs).expect_err("refused");
    assert!(err.contains("above the maximum"), "{err}");
}

#[test]
fn a_meeting_naming_a_unit_that_is_not_here_is_not_imported() {
    // Found while hunting dangling references: a round's candidate or a
    // delegate's unit was never checked against the units on the laptop.
    let (ws, cluster) = sample_meeting();
    let good = cluster_file(&ws, cluster, AT).expect("file");
    for edit in [
        (|d: &mut Value| d["meetings"][0]["rounds"][1]["candidates"][0] = json!(987_654))
            as fn(&mut Value),
        |d: &mut Value| d["meetings"][0]["rounds"][1]["excluded"][0] = json!(987_654),
        // The list a round's papers were printed with (issue 15, defect 1).
        |d: &mut Value| d["meetings"][0]["rounds"][1]["printed"] = json!([987_654]),
    ] {
        let text = resealed(&good, edit);
        let err = import(&Workspace::default(), &[text], Choice::TakeTheirs).expect_err("refused");
        assert!(err.contains("names unit 987654"), "{err}");
    }
}

/// Secrecy (issue 15, defect 10): a booth round open on this laptop with
/// `cast` ballots of voters 0, 1, … and the booth on the hand-back screen.
fn booth_vote(cast: usize) -> Workspace {
    use common::{meeting_with_round, unit, M, R1};
    use thidua::domain::VoterId;
    let mut ws = meeting_with_round(4);
    open_round(&mut ws, M, R1, "2468").expect("open");
    for idx in 0..8 {
        ws.set_present(M, R1, VoterId(unit(idx).0), true)
            .expect("present");
    }
    let ballots: [&[usize]; 3] = [&[1, 2], &[0, 3, 5], &[7]];
    for (who, approvals) in ballots.iter().take(cast).enumerate() {
        ws.start_ballot(M, R1, VoterId(unit(who).0)).expect("start");
        ws.submit_ballot(M, R1, approvals.iter().map(|u| unit(*u)).collect())
            .expect("submit");
        if who + 1 < cast {
            ws.unlock_booth(M, R1, "2468").expect("unlock");
        }
    }
    ws
}

/// Every way the workspace leaves the laptop: the workspace file, the
/// cluster file and a snapshot, the snapshot's text as stored.
fn every_copy(ws: &Workspace) -> Vec<String> {
    use thidua::storage::{snapshots, take_snapshot, MemoryStorage};
    let mut store = MemoryStorage::default();
    take_snapshot(&mut store, "import", "file.json", AT, ws).expect("snapshot");
    let key = snapshots(&store).expect("list")[0].key.clone();
    let snapshot = thidua::storage::KeyValue::get(&store, &key)
        .expect("read")
        .expect("kept");
    vec![
        workspace_file(ws, AT).expect("workspace file"),
        cluster_file(ws, common::C, AT).expect("cluster file"),
        snapshot,
    ]
}

/// Every booth ballot box in a JSON text, as the counts written.
fn ballot_counts(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if key == "ballots" {
                    out.push(inner.clone());
                }
                ballot_counts(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| ballot_counts(i, out)),
        _ => {}
    }
}

#[test]
fn no_file_or_snapshot_carries_the_ballots_of_an_open_booth_round() {
    use thidua::domain::{BoothScreen, RoundState};
    let before = every_copy(&booth_vote(0));
    for cast in 1..=3 {
        let ws = booth_vote(cast);
        let copies = every_copy(&ws);
        // Diffing the copies taken after each voter shows nothing.
        assert_eq!(copies, before, "after {cast} ballots");
        for text in &copies {
            let value: Value = serde_json::from_str(text).expect("json");
            let mut boxes = Vec::new();
            ballot_counts(&value, &mut boxes);
            assert!(!boxes.is_empty(), "the round is carried: {text}");
            for ballots in boxes {
                assert!(
                    ballots["counts"].as_array().is_some_and(Vec::is_empty),
                    "ballot box with counts: {ballots}"
                );
            }
        }
        // What the workspace file brings back: the round open on the
        // operator's screen, nobody has voted, no ballot.
        let file = read_file(&copies[0], &ANY).expect("reads");
        let round = file.bundle.meetings[0].round(common::R1).expect("round");
        let RoundState::Open(booth) = &round.state else {
            panic!("open round expected: {:?}", round.state);
        };
        assert!(booth.ballots().is_empty() && booth.voted().is_empty());
        assert_eq!(booth.screen(), BoothScreen::Operator);
        assert_eq!(booth.present().len(), 8, "the roll is kept");
    }
    // The live workspace keeps its ballots: only copies are sealed.
    let ws = booth_vote(2);
    let live = &ws.meeting(common::M).expect("meeting").rounds()[0].state;
    assert!(matches!(live, RoundState::Open(b) if b.ballots().len() == 2));
}

#[test]
fn no_file_or_snapshot_carries_the_entries_of_a_paper_round_in_progress() {
    use common::{meeting_with_round, unit, M, R1};
    use thidua::domain::{Approvals, PaperBallot, Pass, RoundState};
    let mut ws = meeting_with_round(4);
    open_paper_round(&mut ws, M, R1, 8, 8).expect("open");
    let before = every_copy(&ws);
    let marks = PaperBallot::Marks(Approvals::new(vec![unit(1), unit(4)]));
    ws.enter_paper_ballot(M, R1, Pass::First, marks.clone())
        .expect("enter");
    ws.enter_paper_ballot(M, R1, Pass::Second, marks)
        .expect("enter");
    let copies = every_copy(&ws);
    assert_eq!(copies, before);
    let file = read_file(&copies[0], &ANY).expect("reads");
    let round = file.bundle.meetings[0].round(R1).expect("round");
    let RoundState::Paper(count) = &round.state else {
        panic!("paper round expected");
    };
    assert!(count.passes.iter().all(|p| p.ballots.is_empty()));
    assert_eq!((count.present, count.issued), (8, 8), "the roll is kept");
}

#[test]
fn a_closed_round_is_carried_whole() {
    use thidua::domain::RoundState;
    let mut ws = booth_vote(3);
    ws.unlock_booth(common::M, common::R1, "2468")
        .expect("unlock");
    ws.close_round(common::M, common::R1).expect("close");
    let file = read_file(&workspace_file(&ws, AT).expect("file"), &ANY).expect("reads");
    let round = file.bundle.meetings[0].round(common::R1).expect("round");
    assert!(matches!(&round.state, RoundState::Closed(c) if c.ballots.len() == 3));
}

#[test]
fn a_step_that_would_change_a_round_in_progress_is_refused() {
    use thidua::exchange::{sealed_rounds, vote_at_risk};
    let ws = booth_vote(2);
    assert_eq!(sealed_rounds(&ws, None), vec!["Cờ thi đua".to_owned()]);
    // Only the rounds of the cluster a cluster file is about.
    assert_eq!(
        sealed_rounds(&ws, Some(common::C)),
        vec!["Cờ thi đua".to_owned()]
    );
    assert!(sealed_rounds(&ws, Some(thidua::domain::ClusterId(424_242))).is_empty());
    // Unchanged: fine.
    assert_eq!(vote_at_risk(&ws, &ws.clone()), None);
    // Restoring a snapshot taken during the vote, or importing a file's
    // version of the meeting, would drop the two ballots.
    let sealed = workspace_from_file(&workspace_file(&ws, AT).expect("file"));
    assert_eq!(vote_at_risk(&ws, &sealed), Some("Cờ thi đua".to_owned()));
    assert_eq!(
        vote_at_risk(&ws, &Workspace::default()),
        Some("Cờ thi đua".to_owned())
    );
    // A closed round is not at risk.
    let mut closed = ws.clone();
    closed
        .unlock_booth(common::M, common::R1, "2468")
        .expect("unlock");
    closed.close_round(common::M, common::R1).expect("close");
    assert_eq!(vote_at_risk(&closed, &Workspace::default()), None);
    // Ending a rehearsal drops its round and ballots on purpose.
    let mut rehearsal = common::meeting_with_round(4);
    let draft = thidua::domain::RoundDraft {
        award: "Diễn tập".into(),
        rules: thidua::domain::RoundRules {
            quota: thidua::domain::Quota::Fixed(2),
            ..thidua::domain::RoundRules::default()
        },
        candidates: (0..8).map(common::unit).collect(),
        rehearsal: true,
    };
    let practice = thidua::domain::RoundId(99);
    rehearsal
        .add_round(common::M, practice, draft)
        .expect("round");
    open_round(&mut rehearsal, common::M, practice, "2468").expect("open");
    let mut ended = rehearsal.clone();
    ended.delete_round(common::M, practice).expect("end");
    assert_eq!(vote_at_risk(&rehearsal, &ended), None);
}

fn workspace_from_file(text: &str) -> Workspace {
    let file = read_file(text, &ANY).expect("reads");
    let bundle = file.bundle;
    Workspace::new(bundle.units, bundle.clusters, bundle.meetings).expect("whole")
}

/// Issue 15 (found in review): a file written by an older version (or
/// crafted) with an open booth round on a delegate's screen and ballots in
/// its box is read as files are written now: no ballots, the operator's
/// screen. Importing it can neither lock this laptop nor bring ballots in.
#[test]
fn a_file_cannot_bring_a_delegates_screen_or_open_ballots() {
    let ws = booth_vote(2);
    let good = workspace_file(&ws, AT).expect("file");
    let text = resealed(&good, |d: &mut Value| {
        let booth = &mut d["meetings"][0]["rounds"][0]["state"]["open"]["booth"];
        booth["screen"] = json!("hand_back");
        booth["voted"] = json!([booth["present"][0].clone()]);
        booth["ballots"] =
            json!({"counts": [{"approvals": [ws.units()[0].id.0], "count": 1}], "spoilt": 0});
    });
    match read_file(&text, &ANY) {
        Ok(file) => {
            let bundle = file.bundle;
            let imported =
                Workspace::new(bundle.units, bundle.clusters, bundle.meetings).expect("whole");
            assert_eq!(imported.locked_booth(), None, "no delegate's screen");
            let round = imported.meetings()[0].round(common::R1).expect("round");
            let thidua::domain::RoundState::Open(booth) = &round.state else {
                panic!("still open: {:?}", round.state)
            };
            assert!(booth.ballots().is_empty() && booth.voted().is_empty());
        }
        // A shape this test guessed wrong is refused with its place: fine
        // too, but then the test proves nothing, so say so.
        Err(e) => panic!("the crafted file should read: {e:?}"),
    }
}

/// Issue 15 (found in review): a voter who voted without being ticked
/// present, or listed twice, would close into a count that does not
/// reconcile; such a record is refused with its place.
#[test]
fn a_booth_whose_voters_were_not_present_or_are_listed_twice_is_refused() {
    let ws = booth_vote(0);
    let good = workspace_file(&ws, AT).expect("file");
    let twice = resealed(&good, |d: &mut Value| {
        let booth = &mut d["meetings"][0]["rounds"][0]["state"]["open"]["booth"];
        let first = booth["present"][0].clone();
        if let Some(list) = booth["present"].as_array_mut() {
            list.push(first);
        }
    });
    let err = read_file(&twice, &ANY).map(|_| ()).expect_err("refused");
    assert!(format!("{err:?}").contains("present"), "{err:?}");
}

#[test]
fn an_import_refused_for_a_count_that_does_not_reconcile_is_worded_in_vietnamese() {
    use thidua::i18n::{describe_file_error, describe_merge_error, Lang};
    let (ws, cluster) = sample_meeting();
    let good = cluster_file(&ws, cluster, AT).expect("file");
    let text = resealed(&good, |d| {
        d["meetings"][0]["rounds"][1]["state"]["closed"]["source"]["hand"]["votes"][0]["votes"] =
            json!(9);
    });
    // As the files screen words a refusal, in the user's language.
    let refusal = |lang: Lang| -> String {
        let file = match read_file(&text, &ANY) {
            Ok(file) => file,
            Err(e) => return describe_file_error(lang, &e),
        };
        let here = Workspace::default();
        let plan = match merge::plan(&here, &file.bundle) {
            Ok(plan) => plan,
            Err(e) => return describe_merge_error(lang, &e),
        };
        let choices = vec![Choice::TakeTheirs; plan.items.len()];
        match merge::apply(&here, &plan, &choices, &mut fresh_ids()) {
            Ok(_) => panic!("imported"),
            Err(e) => describe_merge_error(lang, &e),
        }
    };
    let vi = refusal(Lang::Vi);
    assert!(vi.contains("không khớp"), "{vi}");
    assert!(vi.contains("Bằng khen của Bộ Tư lệnh BĐBP"), "{vi}");
    for english in [
        "does not",
        "reconcile",
        "round",
        "count",
        "ballots",
        "votes",
        " the ",
    ] {
        assert!(!vi.contains(english), "{english:?} in {vi}");
    }
    let en = refusal(Lang::En);
    assert!(en.contains("does not reconcile"), "{en}");
}
