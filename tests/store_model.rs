//! Model-based tests of the store's storage layer (issue 15): random runs
//! of edits, imports, snapshot restores, reloads, a storage that fills up
//! and empties, and a second tab editing the same storage, against a
//! reference model of what storage must hold. After every step the records
//! reloaded with `storage::load` equal the model: every save reported as
//! done is there, and nothing of a save reported as failed is (one save is
//! all or nothing). Also: the vote-lock claim, the "is this meeting
//! stored" fact the booth thanks on, and the stale-form merge.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../core/tests/common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use thidua::domain::form::{merge_field, merged, FormFields};
use thidua::domain::{
    Cluster, ClusterDraft, ClusterId, DomainError, Meeting, MeetingId, Unit, UnitDraft, UnitId,
    Workspace,
};
use thidua::sample::load_sample;
use thidua::storage::{
    claim_lock, claim_votes, holds_lock, load, lock_holder, read_snapshot, snapshots,
    take_snapshot, touched_meetings, ClaimError, KeyValue, MemoryStorage, Persister, StorageError,
};

/// A record as the model knows it, by kind.
#[derive(Clone, Debug, PartialEq)]
enum Record {
    Unit(Unit),
    Cluster(Cluster),
    Meeting(Meeting),
}

type Records = BTreeMap<String, Record>;

fn records(ws: &Workspace) -> Records {
    let mut out = Records::new();
    for u in ws.units() {
        out.insert(format!("unit.{}", u.id), Record::Unit(u.clone()));
    }
    for c in ws.clusters() {
        out.insert(format!("cluster.{}", c.id), Record::Cluster(c.clone()));
    }
    for m in ws.meetings() {
        out.insert(format!("meeting.{}", m.id.0), Record::Meeting(m.clone()));
    }
    out
}

/// One tab: what it shows, its persister, and what it last knew stored
/// (after a load or a save that succeeded).
struct Tab {
    ws: Workspace,
    persister: Persister,
    last_stored: Workspace,
}

impl Tab {
    fn open(storage: &mut MemoryStorage) -> Tab {
        let loaded = load(storage).expect("load");
        assert!(loaded.set_aside.is_empty(), "{:?}", loaded.set_aside);
        Tab {
            ws: loaded.workspace.clone(),
            persister: loaded.persister,
            last_stored: loaded.workspace,
        }
    }
}

/// What the test does, one step at a time.
#[derive(Clone, Debug)]
enum Op {
    /// Rename the `n`-th cluster this tab shows.
    RenameCluster {
        tab: usize,
        n: usize,
    },
    /// Change the note of the `n`-th cluster (a form: only the note).
    Note {
        tab: usize,
        n: usize,
    },
    RenameUnit {
        tab: usize,
        n: usize,
    },
    /// A new unit in the `n`-th cluster: two records in one save.
    AddUnit {
        tab: usize,
        n: usize,
    },
    DeleteCluster {
        tab: usize,
        n: usize,
    },
    /// An import: a new cluster with three new units, one save.
    Import {
        tab: usize,
    },
    /// The sample cluster with its meeting, one save of many records.
    Sample {
        tab: usize,
    },
    Snapshot {
        tab: usize,
    },
    /// Restore the newest snapshot into this tab and save it.
    Restore {
        tab: usize,
    },
    /// The storage event: the tab re-reads everything.
    Reload {
        tab: usize,
    },
    /// Storage has `room` bytes left from now on.
    Fill {
        room: usize,
    },
    Free,
}

fn op() -> impl Strategy<Value = Op> {
    let tab = 0usize..2;
    let n = 0usize..4;
    prop_oneof![
        3 => (tab.clone(), n.clone()).prop_map(|(tab, n)| Op::RenameCluster { tab, n }),
        3 => (tab.clone(), n.clone()).prop_map(|(tab, n)| Op::Note { tab, n }),
        2 => (tab.clone(), 0usize..12).prop_map(|(tab, n)| Op::RenameUnit { tab, n }),
        3 => (tab.clone(), n.clone()).prop_map(|(tab, n)| Op::AddUnit { tab, n }),
        1 => (tab.clone(), n.clone()).prop_map(|(tab, n)| Op::DeleteCluster { tab, n }),
        2 => tab.clone().prop_map(|tab| Op::Import { tab }),
        1 => tab.clone().prop_map(|tab| Op::Sample { tab }),
        1 => tab.clone().prop_map(|tab| Op::Snapshot { tab }),
        1 => tab.clone().prop_map(|tab| Op::Restore { tab }),
        2 => tab.clone().prop_map(|tab| Op::Reload { tab }),
        2 => (0usize..3000).prop_map(|room| Op::Fill { room }),
        1 => Just(Op::Free),
    ]
}

fn used(storage: &MemoryStorage) -> usize {
    storage.entries.iter().map(|(k, v)| k.len() + v.len()).sum()
}

/// Runs an edit the way `Store::apply` does: on a copy; a refused edit
/// changes nothing; otherwise the copy is shown and saved. Returns whether
/// the save happened (what the screen may report).
fn apply(
    tab: &mut Tab,
    storage: &mut MemoryStorage,
    model: &mut Records,
    edit: impl FnOnce(&mut Workspace) -> Result<(), DomainError>,
) -> bool {
    let mut draft = tab.ws.clone();
    if edit(&mut draft).is_err() {
        return false;
    }
    tab.ws = draft;
    save(tab, storage, model)
}

fn save(tab: &mut Tab, storage: &mut MemoryStorage, model: &mut Records) -> bool {
    match tab.persister.save_workspace(storage, &tab.ws) {
        Ok(_) => {
            // Everything this tab changed since storage last held its view
            // is stored now; what it did not change stays as it is.
            let before = records(&tab.last_stored);
            let after = records(&tab.ws);
            for (key, record) in &after {
                if before.get(key) != Some(record) {
                    model.insert(key.clone(), record.clone());
                }
            }
            for key in before.keys().filter(|k| !after.contains_key(*k)) {
                model.remove(key);
            }
            tab.last_stored = tab.ws.clone();
            true
        }
        Err(StorageError::ChangedElsewhere { .. }) => {
            // Another tab got there first: this one shows the newest data.
            *tab = Tab::open(storage);
            false
        }
        Err(StorageError::QuotaExceeded { .. }) => false,
        Err(other) => panic!("unexpected storage error {other:?}"),
    }
}

fn nth_cluster(ws: &Workspace, n: usize) -> Option<ClusterId> {
    (!ws.clusters().is_empty()).then(|| ws.clusters()[n % ws.clusters().len()].id)
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut storage = MemoryStorage::default();
    let mut seed = Workspace::default();
    let mut next = 1000u64;
    let mut fresh = move || {
        next += 1;
        next
    };
    seed.add_cluster(
        ClusterId(fresh()),
        ClusterDraft {
            name: "Cụm 1".into(),
            ..Default::default()
        },
    )
    .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    Persister::default()
        .save_workspace(&mut storage, &seed)
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    let mut model = records(&seed);
    let mut tabs = [Tab::open(&mut storage), Tab::open(&mut storage)];
    for (step, op) in ops.iter().enumerate() {
        let name = format!("Tên {step}");
        match op.clone() {
            Op::RenameCluster { tab, n } | Op::Note { tab, n } => {
                let t = &mut tabs[tab];
                let Some(id) = nth_cluster(&t.ws, n) else {
                    continue;
                };
                // A form opened on this tab's view of the cluster.
                let Some(base) = t.ws.cluster(id).map(ClusterDraft::of) else {
                    continue;
                };
                let mut mine = base.clone();
                if matches!(op, Op::Note { .. }) {
                    mine.notes = name.clone();
                } else {
                    mine.name = name.clone();
                }
                apply(t, &mut storage, &mut model, |ws| {
                    let draft = merged(&base, mine, ws.cluster(id).map(ClusterDraft::of))?;
                    ws.update_cluster(id, draft)
                });
            }
            Op::RenameUnit { tab, n } => {
                let t = &mut tabs[tab];
                if t.ws.units().is_empty() {
                    continue;
                }
                let unit = &t.ws.units()[n % t.ws.units().len()];
                let (id, mut draft) = (unit.id, UnitDraft::of(unit));
                draft.full_name = name.clone();
                apply(t, &mut storage, &mut model, |ws| ws.update_unit(id, draft));
            }
            Op::AddUnit { tab, n } => {
                let t = &mut tabs[tab];
                let cluster = nth_cluster(&t.ws, n);
                let draft = UnitDraft {
                    full_name: name.clone(),
                    ..Default::default()
                };
                let id = UnitId(fresh());
                apply(t, &mut storage, &mut model, |ws| {
                    ws.add_unit(id, draft, cluster)
                });
            }
            Op::DeleteCluster { tab, n } => {
                let t = &mut tabs[tab];
                let Some(id) = nth_cluster(&t.ws, n) else {
                    continue;
                };
                apply(t, &mut storage, &mut model, |ws| ws.delete_cluster(id));
            }
            Op::Import { tab } => {
                let t = &mut tabs[tab];
                let cluster = ClusterId(fresh());
                let ids = [fresh(), fresh(), fresh()];
                apply(t, &mut storage, &mut model, |ws| {
                    ws.add_cluster(
                        cluster,
                        ClusterDraft {
                            name: format!("Cụm {name}"),
                            ..Default::default()
                        },
                    )?;
                    for (k, id) in ids.into_iter().enumerate() {
                        let draft = UnitDraft {
                            full_name: format!("{name}.{k}"),
                            ..Default::default()
                        };
                        ws.add_unit(UnitId(id), draft, Some(cluster))?;
                    }
                    Ok(())
                });
            }
            Op::Sample { tab } => {
                let t = &mut tabs[tab];
                apply(t, &mut storage, &mut model, |ws| {
                    load_sample(ws, &mut fresh).map(|_| ())
                });
            }
            Op::Snapshot { tab } => {
                let at = format!("2026-11-30T22:{:02}:00Z", step % 60);
                // May find no room; either way no live record changes.
                let _kept = take_snapshot(&mut storage, "import", "", &at, &tabs[tab].ws);
            }
            Op::Restore { tab } => {
                let list = snapshots(&storage).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let Some(newest) = list.first() else {
                    continue;
                };
                let restored = read_snapshot(&storage, &newest.key)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                apply(&mut tabs[tab], &mut storage, &mut model, |ws| {
                    *ws = restored;
                    Ok(())
                });
            }
            Op::Reload { tab } => tabs[tab] = Tab::open(&mut storage),
            Op::Fill { room } => storage.quota = Some(used(&storage) + room),
            Op::Free => storage.quota = None,
        }
        let mut copy = storage.clone();
        let loaded = load(&mut copy).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(
            loaded.set_aside.is_empty(),
            "step {step}: {:?}",
            loaded.set_aside
        );
        let stored = records(&loaded.workspace);
        prop_assert_eq!(
            stored.keys().collect::<Vec<_>>(),
            model.keys().collect::<Vec<_>>(),
            "step {}: {:?}",
            step,
            op
        );
        prop_assert!(stored == model, "step {step}: {op:?}: records differ");
        // What two tabs stored together is one valid workspace.
        let valid = thidua::domain::merge::check_integrity(&loaded.workspace);
        prop_assert!(valid.is_ok(), "step {step}: {op:?}: {valid:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn stored_records_always_equal_the_model(ops in prop::collection::vec(op(), 1..40)) {
        run(&ops)?;
    }
}

/// Two records in one save, with room for the first only: before the fix
/// the first stayed written (a cluster naming a unit that was not stored).
#[test]
fn a_save_that_fails_half_way_leaves_storage_as_it_was() {
    let mut ws = common::cluster_with(&["A"]);
    let mut storage = MemoryStorage::default();
    let mut persister = Persister::default();
    persister.save_workspace(&mut storage, &ws).expect("save");
    let before = storage.entries.clone();
    ws.add_unit(
        UnitId(999),
        UnitDraft {
            full_name: "B".into(),
            ..Default::default()
        },
        Some(ClusterId(1)),
    )
    .expect("add");
    // Room for the cluster's few more bytes, not for a whole new unit.
    storage.quota = Some(used(&storage) + 40);
    let error = persister
        .save_workspace(&mut storage, &ws)
        .expect_err("full");
    assert!(matches!(error, StorageError::QuotaExceeded { .. }));
    assert_eq!(storage.entries, before, "nothing of the failed save stays");
    // Once there is room, the same save goes through whole.
    storage.quota = None;
    persister.save_workspace(&mut storage, &ws).expect("retry");
    let loaded = load(&mut storage).expect("load").workspace;
    assert_eq!(records(&loaded), records(&ws));
}

/// The booth thanks a delegate only when `meeting_saved` says the meeting
/// record (ballot and "voted" mark together) is stored.
#[test]
fn a_meeting_counts_as_stored_only_after_its_save() {
    let mut ws = common::meeting_with_round(2);
    let mut storage = MemoryStorage::default();
    let mut persister = Persister::default();
    persister.save_workspace(&mut storage, &ws).expect("save");
    let meeting = ws.meetings()[0].clone();
    assert!(persister.meeting_saved(&meeting));
    ws = common::changed(&ws, |_, _, meetings| {
        meetings[0].details.place = "Hội trường lớn".repeat(20)
    });
    storage.quota = Some(used(&storage) + 10);
    assert!(persister.save_workspace(&mut storage, &ws).is_err());
    assert!(!persister.meeting_saved(&ws.meetings()[0]), "not stored");
    // After a reload before space is freed, storage holds the older record.
    let reloaded = load(&mut storage.clone()).expect("load").workspace;
    assert_eq!(reloaded.meeting(meeting.id), Some(&meeting));
    storage.quota = None;
    persister.save_workspace(&mut storage, &ws).expect("retry");
    assert!(persister.meeting_saved(&ws.meetings()[0]));
}

/// Before the fix a failed lock write was ignored (`let _ =`), so two tabs
/// could both run one vote when storage was full.
#[test]
fn a_vote_lock_that_cannot_be_written_refuses_the_step() {
    let m = MeetingId(7);
    let mut storage = MemoryStorage {
        quota: Some(0),
        ..Default::default()
    };
    let refused = claim_votes(&mut storage, "a", 1000.0, &[(m, true)]);
    assert!(
        matches!(
            refused,
            Err(ClaimError::Storage(StorageError::QuotaExceeded { .. }))
        ),
        "{refused:?}"
    );
    assert!(!holds_lock(&storage, m, "a"));
    storage.quota = None;
    claim_votes(&mut storage, "a", 1000.0, &[(m, true)]).expect("claim");
    assert!(holds_lock(&storage, m, "a"));
    assert_eq!(
        claim_votes(&mut storage, "b", 2000.0, &[(m, true)]),
        Err(ClaimError::InAnotherTab(m))
    );
    // A round no longer in progress gives the lock back.
    claim_votes(&mut storage, "a", 3000.0, &[(m, false)]).expect("release");
    assert_eq!(lock_holder(&storage, m, "b", 3000.0), None);
    // A lock that reads back as someone else's is no claim either.
    struct Deaf(MemoryStorage);
    impl KeyValue for Deaf {
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.0.keys()
        }
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&mut self, _: &str, _: &str) -> Result<(), StorageError> {
            Ok(())
        }
        fn remove(&mut self, key: &str) -> Result<(), StorageError> {
            self.0.remove(key)
        }
    }
    let mut deaf = Deaf(MemoryStorage::default());
    claim_lock(&mut deaf.0, m, "z", 0.0).expect("old lock");
    assert!(matches!(
        claim_votes(&mut deaf, "a", 60_000.0, &[(m, true)]),
        Err(ClaimError::Storage(StorageError::ReadBackMismatch { .. }))
    ));
}

/// Before the fix a failed release was ignored too (`let _ =`).
#[test]
fn a_vote_lock_that_cannot_be_removed_refuses_the_step() {
    struct Stuck(MemoryStorage);
    impl KeyValue for Stuck {
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.0.keys()
        }
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
            self.0.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StorageError> {
            Err(StorageError::WriteFailed {
                key: key.to_owned(),
                reason: "refused".into(),
            })
        }
    }
    let m = MeetingId(8);
    let mut stuck = Stuck(MemoryStorage::default());
    claim_votes(&mut stuck, "a", 0.0, &[(m, true)]).expect("claim");
    assert!(matches!(
        claim_votes(&mut stuck, "a", 1.0, &[(m, false)]),
        Err(ClaimError::Storage(StorageError::WriteFailed { .. }))
    ));
}

#[test]
fn touched_meetings_name_the_changed_ones_with_their_state() {
    let before = common::meeting_with_round(2);
    assert!(touched_meetings(&before, &before.clone()).is_empty());
    let after = common::changed(&before, |_, _, meetings| {
        meetings[0].details.place = "Đà Nẵng".into()
    });
    assert_eq!(
        touched_meetings(&before, &after),
        vec![(after.meetings()[0].id, false)]
    );
}

/// Issue 15, defect 4: tab A renames the cluster; tab B's form, opened
/// before, changes only the note. Before the fix B's save wrote its old
/// name back.
#[test]
fn a_stale_form_changes_only_the_fields_typed_in_it() {
    let base = ClusterDraft {
        name: "Cụm cũ".into(),
        number: "8".into(),
        parent_org: "BĐBP".into(),
        notes: String::new(),
    };
    let present = ClusterDraft {
        name: "Cụm mới".into(),
        ..base.clone()
    };
    let mine = ClusterDraft {
        notes: "Ghi chú".into(),
        ..base.clone()
    };
    let merged_draft = merged(&base, mine, Some(present.clone())).expect("merge");
    assert_eq!(merged_draft.name, "Cụm mới", "A's name stays");
    assert_eq!(merged_draft.notes, "Ghi chú", "B's note is kept");
    // The same field changed both here and there: refused, nothing kept.
    let clash = ClusterDraft {
        name: "Cụm của B".into(),
        ..base.clone()
    };
    assert_eq!(
        merged(&base, clash, Some(present)),
        Err(DomainError::ChangedInAnotherTab)
    );
    // The record is gone: refused too.
    assert_eq!(
        merged(&base, base.clone(), None),
        Err(DomainError::ChangedInAnotherTab)
    );
}

#[test]
fn stale_form_through_two_tabs_over_one_storage() {
    let ws = common::cluster_with(&["A"]);
    let mut storage = MemoryStorage::default();
    Persister::default()
        .save_workspace(&mut storage, &ws)
        .expect("save");
    let mut model = records(&ws);
    let mut a = Tab::open(&mut storage);
    let mut b = Tab::open(&mut storage);
    let id = ClusterId(1);
    let form_b = b.ws.cluster(id).map(ClusterDraft::of).expect("cluster");
    let base_a = a.ws.cluster(id).map(ClusterDraft::of).expect("cluster");
    let renamed = ClusterDraft {
        name: "Tên mới".into(),
        ..base_a.clone()
    };
    assert!(apply(&mut a, &mut storage, &mut model, |ws| {
        let d = merged(&base_a, renamed, ws.cluster(id).map(ClusterDraft::of))?;
        ws.update_cluster(id, d)
    }));
    // The storage event: B reloads, but its form keeps what it opened with.
    b = Tab {
        ..Tab::open(&mut storage)
    };
    let mine = ClusterDraft {
        notes: "Ghi chú của B".into(),
        ..form_b.clone()
    };
    assert!(apply(&mut b, &mut storage, &mut model, |ws| {
        let d = merged(&form_b, mine, ws.cluster(id).map(ClusterDraft::of))?;
        ws.update_cluster(id, d)
    }));
    let stored = load(&mut storage).expect("load").workspace;
    let cluster = stored.cluster(id).expect("cluster");
    assert_eq!(cluster.name, "Tên mới");
    assert_eq!(cluster.notes, "Ghi chú của B");
}

proptest! {
    /// For every field: untouched here → the present value; touched here
    /// and not elsewhere (or the same elsewhere) → mine; both, differently
    /// → refused.
    #[test]
    fn merge_field_is_a_three_way_merge(base in 0u8..3, mine in 0u8..3, present in 0u8..3) {
        let out = merge_field(&base, mine, &present);
        if mine == base {
            prop_assert_eq!(out, Ok(present));
        } else if present == base || present == mine {
            prop_assert_eq!(out, Ok(mine));
        } else {
            prop_assert_eq!(out, Err(DomainError::ChangedInAnotherTab));
        }
    }

    #[test]
    fn unit_forms_merge_field_by_field(
        base in prop::array::uniform5(0u8..2),
        mine in prop::array::uniform5(0u8..2),
        present in prop::array::uniform5(0u8..2),
    ) {
        let draft = |v: [u8; 5]| UnitDraft {
            full_name: format!("n{}", v[0]),
            short_name: format!("s{}", v[1]),
            kind: format!("k{}", v[2]),
            commander: format!("c{}", v[3]),
            contact: format!("t{}", v[4]),
        };
        let out = UnitDraft::merge(&draft(base), draft(mine), &draft(present));
        let expected: Option<[u8; 5]> = (0..5)
            .map(|i| match (mine[i] == base[i], present[i] == base[i] || present[i] == mine[i]) {
                (true, _) => Some(present[i]),
                (false, true) => Some(mine[i]),
                (false, false) => None,
            })
            .collect::<Option<Vec<u8>>>()
            .map(|v| [v[0], v[1], v[2], v[3], v[4]]);
        match expected {
            Some(v) => prop_assert_eq!(out, Ok(draft(v))),
            None => prop_assert_eq!(out, Err(DomainError::ChangedInAnotherTab)),
        }
    }
}
