//! Native tests of the `Store`'s orchestration over memory storage and a fake clock, ids and downloads: edits, imports, deletions, full storage, two tabs, vote locks.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../core/tests/common/mod.rs"]
mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use thidua::domain::merge::Choice;
use thidua::domain::{
    ClusterDraft, ClusterId, DomainError, Quota, RoundDraft, RoundId, RoundRules, Workspace,
};
use thidua::exchange::{read_file, workspace_file, FileKind};
use thidua::host::Host;
use thidua::i18n::Lang;
use thidua::sample::{load_sample, SAMPLE_CLUSTER_NAME};
use thidua::state::{Backup, ImportError, Notice, PreviewError, Refusal, Store};
use thidua::storage::{
    self, claim_lock, KeyValue, MemoryStorage, Persister, StorageError, LOCK_FRESH_MS, QUOTA_UNITS,
    WARN_PERCENT,
};

/// One browser's localStorage, seen by every tab (store) made over it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<MemoryStorage>>);

impl Shared {
    fn entries(&self) -> std::collections::BTreeMap<String, String> {
        self.0.borrow().entries.clone()
    }

    fn used(&self) -> usize {
        self.0
            .borrow()
            .entries
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }

    fn set_quota(&self, quota: Option<usize>) {
        self.0.borrow_mut().quota = quota;
    }
}

impl KeyValue for Shared {
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.borrow().keys()
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.borrow().get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().remove(key)
    }
}

/// A clock moved by hand, counted ids, one tab's id, and downloads kept.
#[derive(Clone)]
struct Fake {
    now: Rc<Cell<f64>>,
    ids: Rc<Cell<u64>>,
    tab: &'static str,
    downloads: Rc<RefCell<Vec<(String, String)>>>,
}

impl Fake {
    fn new(tab: &'static str) -> Fake {
        Fake {
            now: Rc::new(Cell::new(1_764_547_200_000.0)),
            ids: Rc::new(Cell::new(5000)),
            tab,
            downloads: Rc::default(),
        }
    }

    /// Another tab of the same browser: same clock and ids, its own id.
    fn other_tab(&self, tab: &'static str) -> Fake {
        Fake {
            tab,
            ..self.clone()
        }
    }
}

const NOW_ISO: &str = "2025-12-01T00:00:00.000Z";

impl Host for Fake {
    fn now_ms(&self) -> f64 {
        self.now.get()
    }

    fn now_iso(&self) -> String {
        NOW_ISO.to_owned()
    }

    fn new_id(&self) -> u64 {
        self.ids.set(self.ids.get() + 1);
        self.ids.get()
    }

    fn tab_id(&self) -> String {
        self.tab.to_owned()
    }

    fn download(&self, name: &str, _mime: &str, text: &str) -> bool {
        self.downloads
            .borrow_mut()
            .push((name.to_owned(), text.to_owned()));
        true
    }
}

type TestStore = Store<Shared, Fake>;

fn open(storage: &Shared, host: &Fake) -> TestStore {
    Store::open(Ok(storage.clone()), host.clone())
}

/// What a fresh load of `storage` reads: what is stored, not what a tab shows.
fn stored(storage: &Shared) -> Workspace {
    storage::load(&mut storage.clone()).expect("load").workspace
}

/// `ws` in the order a load gives (by storage key), to compare with one.
fn canonical(ws: &Workspace) -> Workspace {
    let mut kv = MemoryStorage::default();
    Persister::default()
        .save_workspace(&mut kv, ws)
        .expect("save");
    storage::load(&mut kv).expect("load").workspace
}

/// A store over `storage` holding the sample cluster, stored.
fn with_sample(storage: &Shared, host: &Fake) -> (TestStore, ClusterId) {
    let store = open(storage, host);
    let mut ids = 1000u64..;
    let cluster = store
        .apply(|ws| load_sample(ws, || ids.next().unwrap_or(0)))
        .expect("sample stored");
    (store, cluster)
}

/// Tab "a" over fresh storage, holding the sample cluster (stored).
fn sample_tab() -> (Shared, Fake, TestStore, ClusterId) {
    let storage = Shared::default();
    let host = Fake::new("a");
    let (store, cluster) = with_sample(&storage, &host);
    (storage, host, store, cluster)
}

fn renamed(name: &str) -> ClusterDraft {
    ClusterDraft {
        name: name.into(),
        ..Default::default()
    }
}

/// An edit that makes the cluster's record longer: long notes.
fn with_long_notes() -> ClusterDraft {
    ClusterDraft {
        notes: "Ghi chú rất dài của cụm. ".repeat(100),
        ..renamed("Cụm 8")
    }
}

#[test]
fn an_edit_is_stored_and_read_back() {
    let (storage, host, store, cluster) = sample_tab();
    store
        .apply(|ws| ws.update_cluster(cluster, renamed("Cụm thi đua số 9")))
        .expect("stored");
    assert_eq!(store.save_error.get_untracked(), None);
    let again = stored(&storage);
    assert_eq!(again.cluster_name(cluster), "Cụm thi đua số 9");
    assert_eq!(again, canonical(&store.workspace.get_untracked()));
    // A new tab (a reload) starts from what is stored.
    let reloaded = open(&storage, &host.other_tab("b"));
    assert_eq!(reloaded.workspace.get_untracked(), again);
}

#[test]
fn a_refused_edit_changes_nothing_on_screen_or_in_storage() {
    let (storage, _, store, cluster) = sample_tab();
    let before = (store.workspace.get_untracked(), storage.entries());
    let out = store.apply(|ws| ws.update_cluster(cluster, renamed("  ")));
    assert_eq!(out, Err(Refusal::Domain(DomainError::EmptyClusterName)));
    assert_eq!((store.workspace.get_untracked(), storage.entries()), before);
}

#[test]
fn an_import_keeps_a_snapshot_of_what_was_there_first() {
    let (storage, _, store, _) = sample_tab();
    let before = store.workspace.get_untracked();
    let other = common::cluster_with(&["Đồn Biên phòng X", "Đồn Biên phòng Y"]);
    let text = workspace_file(&other, "2025-11-30T10:00:00.000Z").expect("file");
    let preview = store
        .preview_import(
            vec![("x.thidua.json".into(), Ok(text))],
            &FileKind::WORKSPACE,
        )
        .expect("preview");
    assert_eq!(preview.plan.new_count(), 3, "one cluster, two units");
    let choices = vec![Choice::KeepMine; preview.plan.items.len()];
    let done = store.import(&preview.plan, &choices, "x.thidua.json", Backup::Snapshot);
    assert_eq!(done, Ok(true));
    // Imported, stored, and the workspace before it kept as a snapshot.
    let now = store.workspace.get_untracked();
    assert_eq!(now.cluster_name(common::C), "Cụm 1");
    assert_eq!(stored(&storage), canonical(&now));
    let snapshots = storage::snapshots(&storage).expect("list");
    assert_eq!(snapshots.len(), 1);
    assert_eq!(snapshots[0].reason, "import");
    assert_eq!(snapshots[0].subject, "x.thidua.json");
    assert_eq!(snapshots[0].taken_at, NOW_ISO);
    let kept = storage::read_snapshot(&storage, &snapshots[0].key).expect("snapshot");
    assert_eq!(canonical(&kept), canonical(&before));
}

#[test]
fn a_preview_names_every_file_that_cannot_be_read_and_changes_nothing() {
    let (storage, _, store, _) = sample_tab();
    let before = (store.workspace.get_untracked(), storage.entries());
    let good = workspace_file(&common::cluster_with(&["X"]), NOW_ISO).expect("file");
    let refused = store
        .preview_import(
            vec![
                ("a.json".into(), Ok("{".into())),
                ("b.json".into(), Err(None)),
                ("c.json".into(), Ok(good.clone())),
            ],
            &FileKind::WORKSPACE,
        )
        .expect_err("refused");
    let names: Vec<&str> = refused.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["a.json", "b.json"]);
    assert!(matches!(refused[0].1, PreviewError::File(_)));
    assert_eq!(refused[1].1, PreviewError::Unreadable);
    // A unit report is not a workspace file: refused by kind.
    let refused = store
        .preview_import(vec![("c.json".into(), Ok(good))], &[FileKind::UnitReport])
        .expect_err("wrong kind");
    assert!(matches!(refused[0].1, PreviewError::File(_)));
    assert_eq!((store.workspace.get_untracked(), storage.entries()), before);
}

#[test]
fn a_deletion_keeps_a_snapshot_first() {
    let (storage, _, store, cluster) = sample_tab();
    let before = store.workspace.get_untracked();
    let done = store.apply_destructive(
        "delete-cluster",
        SAMPLE_CLUSTER_NAME,
        Backup::Snapshot,
        |ws| ws.delete_cluster(cluster),
    );
    assert_eq!(done, Ok(Some(())));
    assert!(stored(&storage).cluster(cluster).is_none());
    let snapshots = storage::snapshots(&storage).expect("list");
    assert_eq!(snapshots.len(), 1);
    assert_eq!(snapshots[0].reason, "delete-cluster");
    assert_eq!(snapshots[0].subject, SAMPLE_CLUSTER_NAME);
    let kept = storage::read_snapshot(&storage, &snapshots[0].key).expect("snapshot");
    assert_eq!(canonical(&kept), canonical(&before));
    // The way back: the snapshot restored (after a snapshot of the present).
    assert_eq!(store.restore(&snapshots[0].key, Backup::Snapshot), Ok(true));
    assert_eq!(stored(&storage), canonical(&before));
    assert_eq!(store.notice.get_untracked(), Some(Notice::Restored));
}

#[test]
fn a_deletion_without_room_for_a_snapshot_waits_for_the_backup_file() {
    let (storage, host, store, cluster) = sample_tab();
    // Another app's data fills storage up to the snapshots' ceiling.
    let ceiling = QUOTA_UNITS * WARN_PERCENT / 100;
    storage
        .0
        .borrow_mut()
        .entries
        .insert("other.app".into(), "x".repeat(ceiling));
    let outcome = Rc::new(RefCell::new(None));
    let out = outcome.clone();
    store.guarded(move |backup| {
        let done = store.apply_destructive("delete-cluster", "", backup, |ws| {
            ws.delete_cluster(cluster)
        });
        let waiting = done == Ok(None);
        *out.borrow_mut() = Some(done);
        !waiting
    });
    // Nothing deleted yet: the file is offered.
    assert_eq!(*outcome.borrow(), Some(Ok(None)));
    assert!(store.workspace.get_untracked().cluster(cluster).is_some());
    let offer = store.backup_offer.get_untracked().expect("offer");
    assert!(
        offer.name.contains("before-delete-cluster"),
        "{}",
        offer.name
    );
    assert!(store.download_backup());
    let downloads = host.downloads.borrow().clone();
    assert_eq!(downloads, [(offer.name.clone(), offer.text.clone())]);
    let file = read_file(&downloads[0].1, &[FileKind::Workspace]).expect("a workspace file");
    assert!(file.bundle.clusters.iter().any(|c| c.id == cluster));
    // "I have the backup file": the step runs, and says which file.
    store.answer_backup(Some(Backup::FileSaved(offer.name.clone())));
    assert_eq!(*outcome.borrow(), Some(Ok(Some(()))));
    assert!(stored(&storage).cluster(cluster).is_none());
    assert_eq!(store.backup_offer.get_untracked(), None);
    assert_eq!(
        store.notice.get_untracked(),
        Some(Notice::SnapshotDownloaded(offer.name))
    );
}

#[test]
fn storage_full_refuses_the_edit_and_writes_nothing() {
    let (storage, _, store, cluster) = sample_tab();
    let before = store.workspace.get_untracked();
    let entries = storage.entries();
    storage.set_quota(Some(storage.used() + 10));
    let out = store.apply(|ws| ws.update_cluster(cluster, with_long_notes()));
    assert!(
        matches!(out, Err(Refusal::Domain(DomainError::NotSaved(_)))),
        "{out:?}"
    );
    assert!(matches!(
        store.save_error.get_untracked(),
        Some(StorageError::QuotaExceeded { .. })
    ));
    assert_eq!(storage.entries(), entries, "nothing half-written");
    // `apply` keeps the edit on screen, with the banner; storage has the old.
    let on_screen = store.workspace.get_untracked();
    assert_eq!(on_screen.cluster_name(cluster), "Cụm 8");
    assert_eq!(stored(&storage), canonical(&before));
    // Room again: "try saving again" stores it.
    storage.set_quota(None);
    store.retry_save();
    assert_eq!(store.save_error.get_untracked(), None);
    assert_eq!(stored(&storage), canonical(&on_screen));
}

#[test]
fn a_step_that_must_be_stored_rolls_back_when_storage_is_full() {
    let (storage, _, store, cluster) = sample_tab();
    let before = store.workspace.get_untracked();
    storage.set_quota(Some(storage.used() + 10));
    let out = store.apply_stored(|ws| ws.update_cluster(cluster, with_long_notes()));
    assert!(
        matches!(out, Err(Refusal::Domain(DomainError::NotSaved(_)))),
        "{out:?}"
    );
    assert_eq!(store.workspace.get_untracked(), before);
    assert_eq!(stored(&storage), canonical(&before));
}

#[test]
fn a_change_made_in_another_tab_is_refused_and_reloaded() {
    let (storage, host, first, cluster) = sample_tab();
    let second = open(&storage, &host.other_tab("b"));
    first
        .apply(|ws| ws.update_cluster(cluster, renamed("Tên ở thẻ 1")))
        .expect("first tab stored");
    // The second tab still shows the older name and edits from it.
    let out = second.apply(|ws| ws.update_cluster(cluster, renamed("Tên ở thẻ 2")));
    assert_eq!(out, Err(Refusal::Domain(DomainError::ChangedInAnotherTab)));
    // Nothing of it stored; the second tab now shows what is.
    assert_eq!(stored(&storage).cluster_name(cluster), "Tên ở thẻ 1");
    assert_eq!(second.workspace.get_untracked(), stored(&storage));
    // From the newest data, its next edit is stored.
    second
        .apply(|ws| ws.update_cluster(cluster, renamed("Tên ở thẻ 2")))
        .expect("stored after the reload");
    assert_eq!(stored(&storage).cluster_name(cluster), "Tên ở thẻ 2");
}

#[test]
fn a_vote_another_tab_runs_is_refused_until_its_lock_is_stale() {
    let storage = Shared::default();
    let host = Fake::new("b");
    let store = open(&storage, &host);
    store
        .apply(|ws| {
            *ws = common::meeting_with_round(2);
            Ok(())
        })
        .expect("stored");
    // Tab "a" runs meeting M's vote and has just said so.
    claim_lock(&mut storage.clone(), common::M, "a", host.now_ms()).expect("lock");
    assert!(store.run_elsewhere(common::M));
    let before = storage.entries();
    let add_round = |ws: &mut Workspace| {
        let draft = RoundDraft {
            award: "Bằng khen".into(),
            rules: RoundRules {
                quota: Quota::Fixed(1),
                ..RoundRules::default()
            },
            candidates: vec![common::unit(0), common::unit(1)],
            rehearsal: false,
        };
        ws.add_round(common::M, RoundId(62), draft)
    };
    assert_eq!(store.apply(add_round), Err(Refusal::RoundInAnotherTab));
    assert_eq!(storage.entries(), before, "nothing written");
    assert!(store
        .workspace
        .get_untracked()
        .meeting(common::M)
        .is_some_and(|m| m.rounds().len() == 1));
    // Tab "a" went quiet: its lock is stale, and the change goes through.
    host.now.set(host.now.get() + LOCK_FRESH_MS);
    assert!(!store.run_elsewhere(common::M));
    store.apply(add_round).expect("stored");
    assert!(stored(&storage)
        .meeting(common::M)
        .is_some_and(|m| m.rounds().len() == 2));
}

#[test]
fn blocked_storage_is_reported_and_nothing_is_called_saved() {
    let blocked = StorageError::Unavailable("SecurityError: the operation is insecure".into());
    let store: TestStore = Store::open(Err(blocked.clone()), Fake::new("a"));
    assert_eq!(store.save_error.get_untracked(), Some(blocked.clone()));
    assert_eq!(store.workspace.get_untracked(), Workspace::default());
    let out = store.apply(|ws| ws.add_cluster(ClusterId(1), renamed("Cụm 1")));
    assert!(
        matches!(out, Err(Refusal::Domain(DomainError::NotSaved(_)))),
        "{out:?}"
    );
    assert_eq!(store.storage(|kv| kv.keys()), Err(blocked.clone()));
    let restored = store.restore("thidua.snapshot.000001", Backup::Snapshot);
    assert_eq!(restored, Err(ImportError::Storage(blocked)));
}

#[test]
fn refusals_only_the_shell_makes_keep_their_words() {
    let ws = Workspace::default();
    assert_eq!(
        Refusal::RoundInAnotherTab.describe(Lang::En, &ws),
        "This vote is being run in another tab or window; here it is read-only."
    );
    assert_eq!(
        Refusal::RoundInAnotherTab.describe(Lang::Vi, &ws),
        "Vòng bỏ phiếu này đang được điều hành ở một thẻ hoặc cửa sổ khác; ở đây chỉ xem được."
    );
    let full = StorageError::QuotaExceeded {
        key: "thidua.snapshot.000002".into(),
        reason: "QuotaExceededError: full".into(),
    };
    assert_eq!(
        Refusal::SnapshotFailed(full).describe(Lang::En, &ws),
        "Not deleted: no snapshot could be kept first (The browser's storage is full \
         (while saving snapshot no. 2).). Download the workspace file, then try again."
    );
}

/// The sample with its cluster renamed in a file: one differing record.
fn a_file_renaming_the_cluster(store: &TestStore, cluster: ClusterId, name: &str) -> String {
    let mut theirs = store.workspace.get_untracked();
    theirs
        .update_cluster(cluster, renamed(name))
        .expect("rename");
    workspace_file(&theirs, "2025-11-30T10:00:00.000Z").expect("file")
}

#[test]
fn a_record_kept_on_one_import_is_not_asked_again_for_the_same_version() {
    let (storage, host, store, cluster) = sample_tab();
    let text = a_file_renaming_the_cluster(&store, cluster, "Cụm đổi tên");
    let preview = |store: &TestStore, text: &str| {
        store
            .preview_import(
                vec![("c.thidua.json".into(), Ok(text.to_owned()))],
                &FileKind::WORKSPACE,
            )
            .expect("preview")
    };
    let first = preview(&store, &text);
    assert_eq!(first.plan.differing_count(), 1);
    assert!(first.kept.iter().all(Option::is_none), "never asked before");
    let choices = vec![Choice::KeepMine; first.plan.items.len()];
    assert_eq!(
        store.import(&first.plan, &choices, "c.thidua.json", Backup::Snapshot),
        Ok(true)
    );
    assert_eq!(store.remember_kept(&first.plan, &choices), Ok(1));

    // The same file again, in another tab too: the choice is remembered.
    for tab in [store, open(&storage, &host.other_tab("b"))] {
        let again = preview(&tab, &text);
        let kept: Vec<_> = again.kept.iter().flatten().collect();
        assert_eq!(kept, vec![NOW_ISO], "kept at the first import's time");
        assert_eq!(again.kept_unread, None);
    }
    // Another version of the record is asked about.
    let later = a_file_renaming_the_cluster(&store, cluster, "Cụm đổi tên lần hai");
    assert!(preview(&store, &later).kept.iter().all(Option::is_none));
}

#[test]
fn unreadable_kept_choices_are_reported_and_moved_aside_not_written_over() {
    let (storage, _, store, cluster) = sample_tab();
    storage
        .clone()
        .set(storage::KEPT_KEY, "{not json")
        .expect("set");
    let text = a_file_renaming_the_cluster(&store, cluster, "Cụm đổi tên");
    let preview = store
        .preview_import(
            vec![("c.thidua.json".into(), Ok(text))],
            &FileKind::WORKSPACE,
        )
        .expect("preview");
    assert!(matches!(
        preview.kept_unread,
        Some(StorageError::ReadFailed { ref key, .. }) if key == storage::KEPT_KEY
    ));
    assert!(preview.kept.iter().all(Option::is_none));
    let choices = vec![Choice::KeepMine; preview.plan.items.len()];
    assert_eq!(store.remember_kept(&preview.plan, &choices), Ok(1));
    let entries = storage.entries();
    let aside: Vec<_> = entries
        .iter()
        .filter(|(k, _)| k.starts_with(storage::ASIDE_PREFIX))
        .collect();
    assert_eq!(aside.len(), 1, "{entries:?}");
    assert_eq!(aside[0].1, "{not json");
    assert!(storage::read_kept(&storage).is_ok_and(|k| k.len() == 1));
}

#[test]
fn kept_choices_that_cannot_be_written_are_reported() {
    let (storage, _, store, cluster) = sample_tab();
    let text = a_file_renaming_the_cluster(&store, cluster, "Cụm đổi tên");
    let preview = store
        .preview_import(
            vec![("c.thidua.json".into(), Ok(text))],
            &FileKind::WORKSPACE,
        )
        .expect("preview");
    let choices = vec![Choice::KeepMine; preview.plan.items.len()];
    storage.set_quota(Some(storage.used()));
    assert!(matches!(
        store.remember_kept(&preview.plan, &choices),
        Err(StorageError::QuotaExceeded { .. })
    ));
    assert!(!storage.entries().contains_key(storage::KEPT_KEY));
}
