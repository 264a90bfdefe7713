//! Native tests of the stored format and of loading and saving through an
//! in-memory store: round trips, unreadable records set aside, full quota.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../core/tests/common/mod.rs"]
mod common;

use common::{changed, cluster_with, unit, year_draft};
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
        place: String::new(),
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

fn sorted(ws: Workspace) -> Workspace {
    changed(&ws, |units, clusters, _| {
        units.sort_by_key(|u| u.id);
        clusters.sort_by_key(|c| c.id);
    })
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
    ws = changed(&ws, |units, _, _| units[0].kind = "Lữ đoàn".into());
    assert_eq!(persister.save_workspace(&mut store, &ws), Ok(1));
    ws = changed(&ws, |_, clusters, _| clusters.clear());
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
    let total = loaded.workspace.units().len() + loaded.workspace.clusters().len();
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

/// Storage that remembers every key read from it.
struct Reads {
    inner: MemoryStorage,
    read: std::cell::RefCell<Vec<String>>,
}

impl thidua::storage::KeyValue for Reads {
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.read.borrow_mut().push(key.to_owned());
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
}

/// Issue 19: start-up reads the workspace's records and the settings, and
/// nothing else: not the snapshots (each a whole workspace), the council's
/// years, the vote locks or a later version's keys. The workspace loads
/// the same, and a save leaves those keys as they were.
#[test]
fn start_up_reads_only_the_workspace_records_and_the_settings() {
    let ws = sample_workspace();
    let mut inner = saved(&ws);
    thidua::storage::take_snapshot(&mut inner, "import", "Cụm", "2026-12-01T00:00:00Z", &ws)
        .expect("snapshot");
    inner
        .entries
        .insert("thidua.council.7".into(), "{\"version\":2}".into());
    inner
        .entries
        .insert("thidua.future-thing".into(), "y".into());
    Persister::default()
        .save_lang(&mut inner, Lang::En)
        .expect("settings");
    let before = inner.entries.clone();
    let mut store = Reads {
        inner,
        read: Default::default(),
    };
    let mut loaded = load(&mut store).expect("load");
    assert_eq!(sorted(loaded.workspace.clone()), sorted(ws.clone()));
    assert_eq!(loaded.lang, Some(Lang::En));
    let read = store.read.borrow().clone();
    assert!(read.contains(&SETTINGS_KEY.to_owned()));
    assert!(read.iter().any(|k| k.starts_with("thidua.cluster.")));
    for key in &read {
        assert!(
            *key == SETTINGS_KEY
                || ["thidua.unit.", "thidua.cluster.", "thidua.meeting."]
                    .iter()
                    .any(|p| key.starts_with(p)),
            "start-up read {key}"
        );
    }
    loaded
        .persister
        .save_workspace(&mut store, &ws)
        .expect("save");
    assert_eq!(store.inner.entries, before);
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
        let text = encode_record(&ClusterDto::from(&cluster)).expect("written");
        let back = thidua::domain::Cluster::try_from(decode_record::<ClusterDto>(&text).expect("decode")).expect("valid");
        prop_assert_eq!(back, cluster);
        for unit in ws.units() {
            let text = encode_record(&UnitDto::from(unit)).expect("written");
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

/// Two tabs each loaded the same storage; the second saves an edit; the
/// first, still holding the older copy, is refused instead of writing it
/// back over the newer one. After reloading it can save again.
#[test]
fn a_tab_never_writes_older_data_over_newer() {
    let ws = sample_workspace();
    let mut store = saved(&ws);
    let mut first = load(&mut store).expect("load").persister;
    let mut second = load(&mut store).expect("load").persister;
    let edited = changed(&ws, |units, _, _| {
        units[0].full_name = "Đơn vị A mới".into()
    });
    second
        .save_workspace(&mut store, &edited)
        .expect("second tab saves");
    let stale = changed(&ws, |units, _, _| units[0].commander = "Đại tá X".into());
    let err = first
        .save_workspace(&mut store, &stale)
        .expect_err("older copy refused");
    assert!(
        matches!(err, StorageError::ChangedElsewhere { .. }),
        "{err:?}"
    );
    let reloaded = load(&mut store).expect("load");
    assert_eq!(reloaded.workspace.units()[0].full_name, "Đơn vị A mới");
    let mut first = reloaded.persister;
    let next = changed(&reloaded.workspace, |units, _, _| {
        units[0].commander = "Đại tá X".into()
    });
    first
        .save_workspace(&mut store, &next)
        .expect("after reload");
    // A record removed by the other tab is not removed again blindly, and
    // a record the other tab added is not overwritten.
    let mut third = load(&mut store).expect("load").persister;
    let with_cluster = changed(&next, |_, clusters, _| clusters.clear());
    first
        .save_workspace(&mut store, &with_cluster)
        .expect("first removes the cluster");
    let renamed = changed(&next, |_, clusters, _| clusters[0].name = "Cụm mới".into());
    assert!(matches!(
        third.save_workspace(&mut store, &renamed),
        Err(StorageError::ChangedElsewhere { .. })
    ));
}

#[test]
fn snapshots_are_bounded_in_number_and_size_and_restore_whole() {
    use thidua::storage::{
        delete_snapshot, read_snapshot, snapshots, take_snapshot, usage, MAX_SNAPSHOTS,
        QUOTA_UNITS, WARN_PERCENT,
    };
    let ws = sample_workspace();
    let mut store = saved(&ws);
    for n in 0..MAX_SNAPSHOTS + 2 {
        let changed = changed(&ws, |units, _, _| {
            units[0].commander = format!("Người số {n}")
        });
        take_snapshot(
            &mut store,
            "import",
            "file.json",
            &format!("2024-10-0{n}"),
            &changed,
        )
        .expect("snapshot");
    }
    let list = snapshots(&store).expect("list");
    assert_eq!(list.len(), MAX_SNAPSHOTS);
    assert_eq!(
        list[0].taken_at,
        format!("2024-10-0{}", MAX_SNAPSHOTS + 1),
        "newest first"
    );
    assert_eq!((list[0].units, list[0].clusters), (3, 1));
    let back = read_snapshot(&store, &list[0].key).expect("restore");
    assert_eq!(
        back.units()[0].commander,
        format!("Người số {}", MAX_SNAPSHOTS + 1)
    );
    assert_eq!(back.clusters(), ws.clusters());
    // Live data is never touched by snapshots.
    let live = load(&mut store).expect("load").workspace;
    assert_eq!(sorted(live), sorted(ws.clone()));
    // Near the warning line, old snapshots make room; past it, none is kept.
    let ceiling = QUOTA_UNITS * WARN_PERCENT / 100;
    let before = usage(&store).expect("usage");
    let one = snapshots(&store).expect("list")[0].size;
    let filler = ceiling - before.total() + one / 2;
    store.entries.insert("other.app".into(), "x".repeat(filler));
    take_snapshot(&mut store, "delete-year", "", "later", &ws).expect("old ones make room");
    let after = usage(&store).expect("usage");
    assert!(after.total() <= ceiling, "{after:?}");
    assert!(snapshots(&store).expect("list").len() < MAX_SNAPSHOTS);
    store
        .entries
        .insert("other.app".into(), "x".repeat(ceiling));
    let kept = snapshots(&store).expect("list").len();
    assert!(matches!(
        take_snapshot(&mut store, "delete-year", "", "later", &ws),
        Err(StorageError::NoRoomForSnapshot { .. })
    ));
    assert_eq!(
        snapshots(&store).expect("list").len(),
        kept,
        "nothing removed in vain"
    );
    let key = snapshots(&store).expect("list")[0].key.clone();
    delete_snapshot(&mut store, &key).expect("delete");
    assert!(!store.entries.contains_key(&key));
    // A damaged snapshot is listed as unreadable and refuses to restore.
    store
        .entries
        .insert("thidua.snapshot.999999".into(), "{".into());
    let list = snapshots(&store).expect("list");
    assert_eq!(list[0].reason, "unreadable");
    assert!(matches!(
        read_snapshot(&store, "thidua.snapshot.999999"),
        Err(StorageError::BadSnapshot { .. })
    ));
}

#[test]
fn a_round_in_progress_belongs_to_one_live_tab() {
    use thidua::domain::MeetingId;
    use thidua::storage::{claim_lock, lock_holder, release_lock, LOCK_FRESH_MS};
    let mut store = MemoryStorage::default();
    let m = MeetingId(5);
    assert_eq!(lock_holder(&store, m, "a", 0.0), None);
    claim_lock(&mut store, m, "a", 1000.0).expect("claim");
    // The stored lock keeps the shape it had when it was written by hand.
    use thidua::storage::KeyValue;
    assert_eq!(
        store.get("thidua.lock.5").expect("read").as_deref(),
        Some(r#"{"at":1000.0,"tab":"a"}"#)
    );
    assert_eq!(lock_holder(&store, m, "a", 2000.0), None, "its own tab");
    assert_eq!(lock_holder(&store, m, "b", 2000.0), Some("a".into()));
    assert_eq!(
        lock_holder(&store, m, "b", 1000.0 + LOCK_FRESH_MS),
        None,
        "gone quiet"
    );
    release_lock(&mut store, m, "b").expect("not b's");
    assert_eq!(lock_holder(&store, m, "b", 2000.0), Some("a".into()));
    release_lock(&mut store, m, "a").expect("release");
    assert_eq!(lock_holder(&store, m, "b", 2000.0), None);
}

// ---- Defect 7 of issue 15: the second reading (the integrity of the
// workspace as a whole, closed counts reconciled) runs on storage too.

/// The sample meeting saved, with the record under `key` edited as JSON
/// (its `data`), as a crafted or damaged store would hold it.
fn store_with(edit_key: &str, edit: impl FnOnce(&mut serde_json::Value)) -> MemoryStorage {
    let (ws, _) = common::sample_meeting();
    let mut store = saved(&ws);
    let text = store.entries.get(edit_key).expect("record").clone();
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("json");
    edit(&mut value["data"]);
    store.entries.insert(edit_key.to_owned(), value.to_string());
    store
}

/// Loads, and checks that exactly the record under `key` was set aside
/// with a reason containing `reason`, kept as it was, never written over
/// by a save, and that the rest passes the integrity check.
fn check_second_reading(mut store: MemoryStorage, key: &str, reason: &str) {
    use thidua::domain::merge::{check_integrity_except, RecordRef};
    let original = store.entries.get(key).expect("stored").clone();
    let mut loaded = load(&mut store).expect("load");
    assert_eq!(
        loaded
            .set_aside
            .iter()
            .map(|s| s.key.as_str())
            .collect::<Vec<_>>(),
        vec![key],
        "{:?}",
        loaded.set_aside
    );
    let aside = &loaded.set_aside[0];
    let problem = aside.error.to_string();
    assert!(problem.contains(reason), "{problem}");
    let kept_under = aside.kept_under.clone().expect("moved aside");
    assert_eq!(store.entries.get(&kept_under), Some(&original));
    assert!(!store.entries.contains_key(key));
    // What loaded holds together; a record naming the one set aside is
    // not taken along with it.
    let aside_ref = match key.rsplit_once('.') {
        Some(("thidua.unit", id)) => {
            RecordRef::Unit(thidua::domain::UnitId(id.parse().expect("id")))
        }
        Some(("thidua.cluster", id)) => RecordRef::Cluster(ClusterId(id.parse().expect("id"))),
        Some((_, id)) => RecordRef::Meeting(thidua::domain::MeetingId(id.parse().expect("id"))),
        None => panic!("{key}"),
    };
    let aside_set = [aside_ref].into_iter().collect();
    assert_eq!(
        check_integrity_except(&loaded.workspace, &aside_set),
        Ok(())
    );
    let before = store.entries.clone();
    loaded
        .persister
        .save_workspace(&mut store, &loaded.workspace)
        .expect("save");
    assert_eq!(store.entries, before, "nothing to write, nothing lost");
    let again = load(&mut store).expect("load");
    assert!(again.set_aside.is_empty());
    assert_eq!(again.workspace, loaded.workspace);
}

#[test]
fn a_hand_count_that_does_not_reconcile_is_set_aside_on_load() {
    let key = format!("thidua.meeting.{}", common::SAMPLE_M.0);
    let store = store_with(&key, |data| {
        // 8 collected, but 7 valid + 5 invalid.
        data["rounds"][1]["state"]["closed"]["source"]["hand"]["invalid"] = 5.into();
    });
    check_second_reading(store, &key, "does not reconcile");
}

#[test]
fn a_hand_count_for_a_unit_that_is_no_candidate_is_set_aside_on_load() {
    let key = format!("thidua.meeting.{}", common::SAMPLE_M.0);
    let store = store_with(&key, |data| {
        data["rounds"][1]["state"]["closed"]["source"]["hand"]["votes"][0]["unit"] = 424242.into();
    });
    check_second_reading(store, &key, "not a candidate");
}

#[test]
fn a_cluster_of_the_same_name_and_parent_is_set_aside_on_load() {
    // Two tabs can each create a cluster of one name: two keys, two ids.
    let (ws, cluster) = common::sample_meeting();
    let mut store = saved(&ws);
    let mut twin = ClusterDto::from(ws.cluster(cluster).expect("cluster"));
    twin.id = 999_999;
    twin.years.clear();
    let key = "thidua.cluster.999999";
    store
        .entries
        .insert(key.into(), encode_record(&twin).expect("written"));
    check_second_reading(store, key, "two clusters are named");
}

#[test]
fn a_meeting_whose_cluster_is_gone_is_set_aside_on_load() {
    let (ws, _) = common::sample_meeting();
    let mut store = saved(&ws);
    let mut stray = ws.meetings()[0].clone();
    stray.id = thidua::domain::MeetingId(31_337);
    stray.cluster = ClusterId(4242);
    let key = "thidua.meeting.31337";
    store.entries.insert(
        key.into(),
        encode_record(&thidua::exchange::MeetingDto::from(&stray)).expect("written"),
    );
    check_second_reading(store, key, "not on this laptop");
}

#[test]
fn a_stored_count_past_what_any_meeting_counts_is_set_aside_with_its_place() {
    // Defect 6: summed as u32 this wraps (3e9 + 1.3e9 = 2^32 + 1).
    let key = format!("thidua.meeting.{}", common::SAMPLE_M.0);
    let mut store = store_with(&key, |data| {
        let counts = &mut data["rounds"][0]["state"]["closed"]["ballots"]["counts"];
        counts[0]["count"] = 3_000_000_000u32.into();
        counts[1]["count"] = 1_294_967_297u32.into();
    });
    let loaded = load(&mut store).expect("load");
    assert_eq!(loaded.set_aside.len(), 1);
    assert_eq!(
        loaded.set_aside[0].error,
        RecordError::invalid(
            "data.rounds[0].state.ballots.counts[0].count",
            "3000000000 is more than any meeting counts (at most 1000000)"
        )
    );
}

#[test]
fn a_snapshot_whose_counts_do_not_reconcile_is_refused_with_its_place() {
    use thidua::storage::{read_snapshot, take_snapshot};
    let (ws, _) = common::sample_meeting();
    let mut store = MemoryStorage::default();
    let key = take_snapshot(&mut store, "import", "x", "2024-10-03T09:00:00Z", &ws).expect("snap");
    // The hand count's valid ballots made 2, as a crafted snapshot would.
    fn spoil(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => match map.get_mut("hand") {
                Some(hand) => hand["valid"] = 2.into(),
                None => map.values_mut().for_each(spoil),
            },
            serde_json::Value::Array(list) => list.iter_mut().for_each(spoil),
            _ => {}
        }
    }
    let mut record: serde_json::Value = serde_json::from_str(&store.entries[&key]).expect("json");
    spoil(&mut record);
    store.entries.insert(key.clone(), record.to_string());
    let err = read_snapshot(&store, &key).expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains("data.meetings[0]") && text.contains("does not reconcile"),
        "{text}"
    );
}

#[test]
fn a_reload_during_another_tabs_save_moves_nothing_aside() {
    // Another tab's save writes the cluster (listing a new unit) before
    // the unit: a reload in between sees a workspace that does not hold
    // together, and must wait rather than set the cluster aside.
    let (ws, cluster) = common::sample_meeting();
    let mut store = saved(&ws);
    let mut newer = ClusterDto::from(ws.cluster(cluster).expect("cluster"));
    newer.units.push(555);
    let key = format!("thidua.cluster.{}", cluster.0);
    store
        .entries
        .insert(key.clone(), encode_record(&newer).expect("written"));
    let before = store.entries.clone();
    assert!(matches!(
        thidua::storage::reload(&mut store),
        Err(StorageError::Unsettled { .. })
    ));
    assert_eq!(store.entries, before, "nothing moved");
    // At start-up the same store is read whole: the cluster is set aside.
    check_second_reading(store, &key, "not on this laptop");
}

/// A storage that fails every call: what a save must not touch.
struct Untouchable;

impl thidua::storage::KeyValue for Untouchable {
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Unavailable("touched".into()))
    }
    fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable("touched".into()))
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("touched".into()))
    }
    fn remove(&mut self, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("touched".into()))
    }
}

#[test]
fn a_save_with_nothing_changed_does_not_touch_storage() {
    // The save the store makes at start-up, right after loading: on a
    // large workspace it read every record again for nothing.
    let ws = sample_workspace();
    let mut store = saved(&ws);
    let mut loaded = load(&mut store).expect("load");
    let ws = loaded.workspace.clone();
    assert_eq!(
        loaded.persister.save_workspace(&mut Untouchable, &ws),
        Ok(0)
    );
    // A change is still checked against storage, and written.
    let edited = changed(&ws, |units, _, _| units[0].kind = "Lữ đoàn".into());
    assert!(loaded
        .persister
        .save_workspace(&mut Untouchable, &edited)
        .is_err());
    assert_eq!(loaded.persister.save_workspace(&mut store, &edited), Ok(1));
}
