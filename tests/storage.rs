//! Native tests of the stored format and of loading and saving through an
//! in-memory store: round trips, unreadable records set aside, full quota.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cluster_with, unit, year_draft};
use proptest::prelude::*;
use thidua::domain::{ClusterId, Handover, Workspace};
use thidua::exchange::{
    decode_record, encode_record, ClusterDto, RecordError, UnitDto, CURRENT_VERSION,
};
use thidua::i18n::Lang;
use thidua::storage::{load, MemoryStorage, Persister, StorageError, SETTINGS_KEY};

fn sample_workspace() -> Workspace {
    let mut ws = cluster_with(&["Đơn vị A", "Đơn vị B", "Đơn vị C"]);
    ws.add_year(ClusterId(1), 2024, year_draft(&[0, 1, 2], Some(0), Some(1)))
        .expect("year");
    let handover = Handover {
        from: unit(0),
        to: unit(1),
        date: "2024-10-03".parse().expect("date"),
        note: "Hà Nội".into(),
    };
    ws.set_handover(ClusterId(1), 2024, Some(handover))
        .expect("handover");
    ws
}

fn saved(ws: &Workspace) -> MemoryStorage {
    let mut store = MemoryStorage::default();
    Persister::default()
        .save_workspace(&mut store, ws)
        .expect("save");
    store
}

fn sorted(mut ws: Workspace) -> Workspace {
    ws.units.sort_by_key(|u| u.id);
    ws.clusters.sort_by_key(|c| c.id);
    ws
}

#[test]
fn save_then_load_gives_the_same_workspace() {
    let ws = sample_workspace();
    let mut store = saved(&ws);
    assert!(store.entries.keys().all(|k| k.starts_with("thidua.")));
    assert!(
        store
            .entries
            .values()
            .all(|v| v.starts_with(&format!("{{\"version\":{CURRENT_VERSION},"))),
        "every record carries its version"
    );
    let loaded = load(&mut store).expect("load");
    assert!(loaded.set_aside.is_empty());
    assert_eq!(sorted(loaded.workspace), sorted(ws));
}

#[test]
fn a_save_writes_only_what_changed_and_removes_what_went() {
    let mut ws = sample_workspace();
    let mut store = MemoryStorage::default();
    let mut persister = Persister::default();
    assert_eq!(persister.save_workspace(&mut store, &ws), Ok(4));
    assert_eq!(persister.save_workspace(&mut store, &ws), Ok(0));
    ws.units[0].kind = "Lữ đoàn".into();
    assert_eq!(persister.save_workspace(&mut store, &ws), Ok(1));
    ws.clusters.clear();
    assert_eq!(persister.save_workspace(&mut store, &ws), Ok(1));
    assert!(!store
        .entries
        .keys()
        .any(|k| k.starts_with("thidua.cluster.")));
}

/// Corrupts the value under the key starting with `prefix`, loads, and
/// checks the reported error, that the rest loaded, and that the bad
/// value is kept intact under the aside key.
fn check_set_aside(prefix: &str, corrupt: &str, expected: fn(&RecordError) -> bool) {
    let ws = sample_workspace();
    let mut store = saved(&ws);
    let key = store
        .entries
        .keys()
        .find(|k| k.starts_with(prefix))
        .expect("key")
        .clone();
    store.entries.insert(key.clone(), corrupt.to_owned());
    let mut loaded = load(&mut store).expect("load");
    assert_eq!(loaded.set_aside.len(), 1, "{corrupt}");
    let aside = &loaded.set_aside[0];
    assert_eq!(aside.key, key);
    assert!(expected(&aside.error), "{corrupt}: {:?}", aside.error);
    let kept_under = aside.kept_under.clone().expect("moved aside");
    assert_eq!(
        store.entries.get(&kept_under).map(String::as_str),
        Some(corrupt)
    );
    assert!(!store.entries.contains_key(&key));
    let total = loaded.workspace.units.len() + loaded.workspace.clusters.len();
    assert_eq!(total, 3, "everything else loads");
    // Saving afterwards never writes over the set-aside value.
    loaded
        .persister
        .save_workspace(&mut store, &loaded.workspace)
        .expect("save");
    assert_eq!(
        store.entries.get(&kept_under).map(String::as_str),
        Some(corrupt)
    );
    // The next start lists it as set aside earlier, and loads cleanly.
    let again = load(&mut store).expect("load");
    assert!(again.set_aside.is_empty());
    assert_eq!(again.earlier_set_aside, vec![kept_under]);
}

#[test]
fn unreadable_records_are_set_aside_and_the_rest_loads() {
    check_set_aside("thidua.unit.", "{not json", |e| {
        matches!(e, RecordError::NotJson { line: 1, .. })
    });
    check_set_aside("thidua.unit.", r#"{"data":{}}"#, |e| {
        *e == RecordError::MissingVersion
    });
    check_set_aside("thidua.unit.", r#"{"version":7,"data":{}}"#, |e| {
        matches!(
            e,
            RecordError::NewerVersion {
                found: 7,
                supported: CURRENT_VERSION
            }
        )
    });
    check_set_aside(
        "thidua.unit.",
        r#"{"version":1,"data":{"id":"x","full_name":"A"}}"#,
        |e| matches!(e, RecordError::Shape { path, message } if path == "data" && message.contains("expected u64")),
    );
    check_set_aside(
        "thidua.unit.",
        r#"{"version":1,"data":{"id":5,"full_name":"A"}}"#,
        |e| matches!(e, RecordError::Invalid { path, .. } if path == "data.id"),
    );
    check_set_aside(
        "thidua.cluster.",
        r#"{"version":1,"data":{"id":1,"name":"C","units":[101],"years":[{"year":2024,"members":[101],"leader":102,"deputy":null,"handover":null}]}}"#,
        |e| matches!(e, RecordError::Invalid { path, .. } if path == "data.years[0].leader"),
    );
}

#[test]
fn a_record_that_cannot_be_moved_stays_in_place_and_is_never_written_over() {
    let ws = sample_workspace();
    let mut store = saved(&ws);
    let key = store
        .entries
        .keys()
        .find(|k| k.starts_with("thidua.cluster."))
        .expect("key")
        .clone();
    store.entries.insert(key.clone(), "garbage".into());
    let used: usize = store.entries.iter().map(|(k, v)| k.len() + v.len()).sum();
    store.quota = Some(used);
    let mut loaded = load(&mut store).expect("load");
    assert_eq!(loaded.set_aside[0].kept_under, None);
    assert_eq!(store.entries.get(&key).map(String::as_str), Some("garbage"));
    loaded
        .persister
        .save_workspace(&mut store, &loaded.workspace)
        .expect("nothing to write");
    assert_eq!(store.entries.get(&key).map(String::as_str), Some("garbage"));
}

#[test]
fn a_full_store_is_reported_and_later_retried() {
    let ws = sample_workspace();
    let mut store = MemoryStorage {
        quota: Some(200),
        ..Default::default()
    };
    let mut persister = Persister::default();
    let error = persister
        .save_workspace(&mut store, &ws)
        .expect_err("quota");
    assert!(matches!(error, StorageError::QuotaExceeded { .. }));
    store.quota = None;
    assert!(persister.save_workspace(&mut store, &ws).expect("retry") >= 1);
    assert_eq!(
        sorted(load(&mut store).expect("load").workspace),
        sorted(ws)
    );
}

#[test]
fn language_is_remembered() {
    let mut store = MemoryStorage::default();
    Persister::default()
        .save_lang(&mut store, Lang::En)
        .expect("save");
    assert_eq!(load(&mut store).expect("load").lang, Some(Lang::En));
    store.entries.insert(
        SETTINGS_KEY.into(),
        r#"{"version":1,"data":{"lang":"fr"}}"#.into(),
    );
    let loaded = load(&mut store).expect("load");
    assert_eq!(loaded.lang, None);
    assert!(
        matches!(&loaded.set_aside[0].error, RecordError::Invalid { path, .. } if path == "data.lang")
    );
}

#[test]
fn keys_of_other_apps_and_later_versions_are_left_alone() {
    let mut store = saved(&sample_workspace());
    store.entries.insert("other-app".into(), "x".into());
    store
        .entries
        .insert("thidua.future-thing".into(), "y".into());
    let mut loaded = load(&mut store).expect("load");
    assert!(loaded.set_aside.is_empty());
    loaded
        .persister
        .save_workspace(&mut store, &Workspace::default())
        .expect("save");
    assert_eq!(
        store.entries.get("other-app").map(String::as_str),
        Some("x")
    );
    assert_eq!(
        store.entries.get("thidua.future-thing").map(String::as_str),
        Some("y")
    );
}

proptest! {
    /// Export → import of any cluster record is the identity.
    #[test]
    fn cluster_records_round_trip(names in prop::collection::vec("[A-Za-zĐđạ ]{1,12}", 1..8), leader_idx in 0usize..8, n_years in 0u16..4) {
        let mut seen = std::collections::HashSet::new();
        let names: Vec<String> = names.into_iter().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty() && seen.insert(n.to_lowercase())).collect();
        prop_assume!(!names.is_empty());
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut ws = cluster_with(&refs);
        let all: Vec<usize> = (0..names.len()).collect();
        for year in 0..n_years {
            ws.add_year(ClusterId(1), 2020 + year, year_draft(&all, Some(leader_idx % names.len()), None)).expect("year");
        }
        let cluster = ws.cluster(ClusterId(1)).expect("cluster").clone();
        let text = encode_record(&ClusterDto::from(&cluster));
        let back = thidua::domain::Cluster::try_from(decode_record::<ClusterDto>(&text).expect("decode")).expect("valid");
        prop_assert_eq!(back, cluster);
        for unit in &ws.units {
            let text = encode_record(&UnitDto::from(unit));
            let back = thidua::domain::Unit::try_from(decode_record::<UnitDto>(&text).expect("decode")).expect("valid");
            prop_assert_eq!(&back, unit);
        }
    }

    /// Any text at all under a thidua key loads without a panic: either it
    /// is a valid record or it is set aside with the text intact.
    #[test]
    fn arbitrary_stored_text_never_panics(text in ".{0,200}") {
        let mut store = MemoryStorage::default();
        store.entries.insert("thidua.cluster.1".into(), text.clone());
        let loaded = load(&mut store).expect("load");
        if let Some(aside) = loaded.set_aside.first() {
            let kept = aside.kept_under.clone().expect("moved");
            prop_assert_eq!(store.entries.get(&kept), Some(&text));
        }
    }
}
