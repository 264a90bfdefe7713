//! The app's state: one `Store` in context. Every change goes through
//! `Store::apply`, which validates on a copy, commits, and saves at once.
//! The store also keeps this tab in step with others (storage events, a
//! write refused when another tab got there first, one tab per vote) and
//! takes a snapshot before anything destructive.

mod council;
mod preview;
mod viewer;

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::merge::{self, Choice, MergeError, Plan};
use crate::domain::{DomainError, MeetingId, Workspace};
use crate::host::{Browser, FileText, Host};
use crate::i18n::Lang;
use crate::storage::{
    self, BrowserStorage, ClaimError, KeyValue, Persister, SetAside, StorageError, LOCK_PREFIX,
    SNAPSHOT_PREFIX,
};
pub use council::{CouncilImport, CouncilRefusal, Received};
pub use preview::{Preview, PreviewError};
pub use viewer::Viewer;

/// Something the user should know that is not an error of theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Another tab changed the data; this one now shows the newest.
    UpdatedElsewhere,
    /// A snapshot could not be kept in storage; the user confirmed they
    /// saved it as this file before the step went ahead.
    SnapshotDownloaded(String),
    /// A snapshot was restored; the state before it is itself a snapshot.
    Restored,
}

/// The app's state, over a storage `S` and the surroundings `H` (the
/// browser's by default; memory and fakes in native tests).
pub struct Store<S: 'static = BrowserStorage, H: 'static = Browser> {
    pub workspace: RwSignal<Workspace>,
    pub lang: RwSignal<Lang>,
    /// Records that could not be read at start-up, moved aside.
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// Aside keys left from earlier sessions.
    pub earlier_set_aside: RwSignal<Vec<String>>,
    /// The last save's failure; cleared by the next successful save.
    pub save_error: RwSignal<Option<StorageError>>,
    /// This tab's vote lock could not be refreshed (storage full): another
    /// tab could take the vote over. Cleared by the next refresh that works.
    pub lock_error: RwSignal<Option<StorageError>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Moves on every few seconds and on every change in storage: the
    /// storage meter, snapshot list and vote ownership follow it.
    pub tick: RwSignal<u64>,
    persister: StoredValue<Persister>,
    /// The storage, or why it cannot be used (found once, at load: every
    /// step then reports that reason).
    storage: StoredValue<Result<S, StorageError>, LocalStorage>,
    /// The clock, ids and downloads.
    host: StoredValue<H, LocalStorage>,
    /// This tab's id, kept across reloads of the tab (`Host::tab_id`).
    tab: StoredValue<String>,
    /// Meetings whose vote this tab runs.
    running: StoredValue<BTreeSet<MeetingId>>,
    /// How many reloads from storage applied: `commit_as` tells by it
    /// whether the screen shows stored data after a refused save.
    reloads: StoredValue<u64>,
    /// The backup file offered while a destructive step waits for the
    /// user's answer (no snapshot fitted in storage).
    pub backup_offer: RwSignal<Option<BackupOffer>>,
    /// That step, run again with the answer.
    pending: StoredValue<Option<PendingStep>, LocalStorage>,
}

type PendingStep = Box<dyn FnOnce(Backup)>;

// A store is a handful of arena handles: copied freely, whatever `S` and
// `H` are (a derive would ask them to be `Copy`).
impl<S, H> Clone for Store<S, H> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, H> Copy for Store<S, H> {}

impl Store {
    /// Loads what the browser has stored; never fails: a storage that
    /// cannot be used is reported and the app runs on an empty workspace.
    pub fn load() -> Store {
        Store::open(BrowserStorage::open(), Browser)
    }
}

impl<S: KeyValue + 'static, H: Host> Store<S, H> {
    /// Loads what `storage` holds (or reports why there is none) with the
    /// surroundings `host`: the browser's in the app, fakes in tests.
    pub fn open(mut storage: Result<S, StorageError>, host: H) -> Self {
        let loaded = match &mut storage {
            Ok(kv) => storage::load(kv),
            Err(error) => Err(error.clone()),
        };
        let (loaded, error) = match loaded {
            Ok(loaded) => (loaded, None),
            Err(error) => (storage::Loaded::default(), Some(error)),
        };
        let mut workspace = loaded.workspace;
        let tab = host.tab_id();
        // A ballot being filled when the page went away is dropped unseen,
        // by the tab that ran it (another tab leaves it alone).
        let mut mine = BTreeSet::new();
        let mut others_running = Vec::new();
        if let Ok(kv) = &storage {
            for meeting in workspace.meetings() {
                if storage::holds_lock(kv, meeting.id, &tab) {
                    mine.insert(meeting.id);
                } else if storage::lock_holder(kv, meeting.id, &tab, host.now_ms()).is_some() {
                    others_running.push(meeting.id);
                }
            }
        }
        workspace.interrupt_open_ballots(&others_running);
        let store = Store {
            workspace: RwSignal::new(workspace),
            lang: RwSignal::new(loaded.lang.unwrap_or_default()),
            set_aside: RwSignal::new(loaded.set_aside),
            earlier_set_aside: RwSignal::new(loaded.earlier_set_aside),
            save_error: RwSignal::new(error),
            lock_error: RwSignal::new(None),
            notice: RwSignal::new(None),
            tick: RwSignal::new(0),
            persister: StoredValue::new(loaded.persister),
            storage: StoredValue::new_local(storage),
            host: StoredValue::new_local(host),
            tab: StoredValue::new(tab),
            running: StoredValue::new(mine),
            reloads: StoredValue::new(0),
            backup_offer: RwSignal::new(None),
            pending: StoredValue::new_local(None),
        };
        crate::host::mark("store-opened");
        if store.save_error.with_untracked(Option::is_none) {
            // A failure is kept in `save_error` for the banner.
            store.retry_save();
        }
        store
    }

    /// Runs `step` on the storage, or says why there is none.
    fn with_storage<T>(
        &self,
        step: impl FnOnce(&mut S) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        self.storage
            .try_update_value(|kv| match kv {
                Ok(kv) => step(kv),
                Err(error) => Err(error.clone()),
            })
            .unwrap_or_else(|| Err(StorageError::Unavailable("the store is gone".to_owned())))
    }

    fn now_ms(&self) -> f64 {
        self.host.with_value(|h| h.now_ms())
    }

    /// Re-reads everything from storage (another tab changed it); `true`
    /// when the screen now shows what storage holds.
    pub fn reload(&self) -> bool {
        // Another tab's save may be half done: `storage::reload` then
        // refuses, and its next write brings another reload.
        let loaded = match self.with_storage(|kv| storage::reload(kv)) {
            Ok(loaded) => loaded,
            Err(StorageError::Unsettled { .. }) => return false,
            Err(error) => {
                // This tab may now show older data than storage: say so.
                self.save_error.set(Some(error));
                return false;
            }
        };
        self.persister.set_value(loaded.persister);
        self.workspace.set(loaded.workspace);
        if !loaded.set_aside.is_empty() {
            self.set_aside.update(|s| s.extend(loaded.set_aside));
        }
        self.reloads.update_value(|n| *n += 1);
        self.tick.update(|t| *t += 1);
        true
    }

    fn heartbeat(&self) {
        if self.storage.with_value(Result::is_err) {
            return;
        }
        let tab = self.tab.get_value();
        let in_progress = self.meetings_in_progress();
        let mut running = self.running.get_value();
        running.retain(|m| in_progress.contains(m));
        let mut failure = None;
        for meeting in &running {
            let now = self.now_ms();
            if let Err(error) = self.with_storage(|kv| storage::claim_lock(kv, *meeting, &tab, now))
            {
                failure = Some(error);
            }
        }
        self.running.set_value(running);
        if self.lock_error.with_untracked(|e| *e != failure) {
            self.lock_error.set(failure);
        }
    }

    fn meetings_in_progress(&self) -> BTreeSet<MeetingId> {
        self.workspace.with_untracked(|ws| {
            ws.meetings()
                .iter()
                .filter(|m| m.vote_in_progress())
                .map(|m| m.id)
                .collect()
        })
    }

    /// Whether another live tab runs this meeting's vote (reactive: follows
    /// `tick`).
    pub fn run_elsewhere(&self, meeting: MeetingId) -> bool {
        self.tick.track();
        let tab = self.tab.get_value();
        let now = self.now_ms();
        self.with_storage(|kv| Ok(storage::lock_holder(kv, meeting, &tab, now)))
            .ok()
            .flatten()
            .is_some()
    }

    /// Runs an edit on a copy of the workspace; on success the copy becomes
    /// the workspace and is saved. On error nothing changes. A change to a
    /// meeting whose vote another tab runs is refused, and so is one whose
    /// vote lock cannot be written. `Ok` means the change is stored: when
    /// the save fails, the edit stays on screen (the banner offers to try
    /// again) and the answer is `NotSaved`, never a success.
    pub fn apply<T>(
        &self,
        edit: impl FnOnce(&mut Workspace) -> Result<T, DomainError>,
    ) -> Result<T, Refusal> {
        self.apply_as(edit, Unsaved::StaysOnScreen)
    }

    /// `apply` for a step that must be stored or not happen at all: when
    /// storage does not take it, the screen goes back to what is stored.
    /// Giving the laptop to a delegate is such a step: a ballot screen
    /// shown but not stored would come back as the operator's screen on a
    /// reload, unlocked.
    pub fn apply_stored<T>(
        &self,
        edit: impl FnOnce(&mut Workspace) -> Result<T, DomainError>,
    ) -> Result<T, Refusal> {
        self.apply_as(edit, Unsaved::RollBack)
    }

    /// An edit on a copy, committed with what a failed save leaves on
    /// screen (`apply`, `apply_stored`).
    fn apply_as<T>(
        &self,
        edit: impl FnOnce(&mut Workspace) -> Result<T, DomainError>,
        unsaved: Unsaved,
    ) -> Result<T, Refusal> {
        let mut draft = self.workspace.get_untracked();
        let outcome = edit(&mut draft)?;
        self.commit_as(draft, unsaved)
            .map_err(|e| self.refusal(e))?;
        Ok(outcome)
    }

    /// The one place where "was it stored?" becomes a message.
    fn refusal(&self, error: Refused) -> Refusal {
        let domain = match error {
            Refused::RoundInAnotherTab => return Refusal::RoundInAnotherTab,
            Refused::Lock(e) => DomainError::VoteLockFailed(e),
            Refused::Storage(StorageError::ChangedElsewhere { .. }) => {
                DomainError::ChangedInAnotherTab
            }
            Refused::Storage(e) => DomainError::NotSaved(e),
        };
        Refusal::Domain(domain)
    }

    /// A refused import or restore in words of `ImportError`: storage that
    /// did not take it is `NotSaved`; another tab first means this tab
    /// reloaded and the step is not on screen either (`ChangedInAnotherTab`).
    fn import_refusal(&self, error: Refused) -> ImportError {
        match error {
            Refused::Storage(e) if !matches!(e, StorageError::ChangedElsewhere { .. }) => {
                ImportError::NotSaved(e)
            }
            other => ImportError::Refused(self.refusal(other)),
        }
    }

    /// Makes `draft` the workspace and stores it: `Ok` only once storage
    /// holds it. A refused vote lock changes nothing; a failed save keeps
    /// the draft on screen (a storage full) or the newest data from storage
    /// (another tab got there first).
    fn commit(&self, draft: Workspace) -> Result<(), Refused> {
        self.commit_as(draft, Unsaved::StaysOnScreen)
    }

    /// `commit`, with what an edit that storage did not take leaves on
    /// screen. Whatever `unsaved` says, a save refused because another tab
    /// wrote first never leaves the draft on screen: the tab shows the
    /// newest stored data, or, when that cannot be read yet, what it showed
    /// before the edit (a form that then restarts from the screen never
    /// takes an unsaved value for a stored one).
    fn commit_as(&self, draft: Workspace, unsaved: Unsaved) -> Result<(), Refused> {
        self.claim_votes(&draft)?;
        let previous = self.workspace.get_untracked();
        let reloads = self.reloads.get_value();
        self.workspace.set(draft);
        let saved = self.save();
        if let Err(error) = &saved {
            let elsewhere = matches!(error, StorageError::ChangedElsewhere { .. });
            let reloaded = self.reloads.get_value() != reloads;
            if (elsewhere && !reloaded) || (!elsewhere && unsaved == Unsaved::RollBack) {
                self.workspace.set(previous);
            }
        }
        saved.map_err(Refused::Storage)
    }

    /// Marks this tab as running every vote the change touches, or refuses
    /// if another live tab runs one of them or a lock cannot be written.
    fn claim_votes(&self, draft: &Workspace) -> Result<(), Refused> {
        let touched = self
            .workspace
            .with_untracked(|old| storage::touched_meetings(old, draft));
        if touched.is_empty() {
            return Ok(());
        }
        let tab = self.tab.get_value();
        let now = self.now_ms();
        let claimed = self
            .storage
            .try_update_value(|kv| match kv {
                Ok(kv) => storage::claim_votes(kv, &tab, now, &touched),
                Err(error) => Err(ClaimError::Storage(error.clone())),
            })
            .unwrap_or_else(|| {
                Err(ClaimError::Storage(StorageError::Unavailable(
                    "the store is gone".to_owned(),
                )))
            });
        claimed.map_err(|e| match e {
            ClaimError::InAnotherTab(_) => Refused::RoundInAnotherTab,
            ClaimError::Storage(e) => Refused::Lock(e),
        })?;
        self.running.update_value(|r| {
            for (meeting, in_progress) in touched {
                if in_progress {
                    r.insert(meeting);
                } else {
                    r.remove(&meeting);
                }
            }
        });
        Ok(())
    }

    /// Saves the workspace; a failure is kept in `save_error` for the
    /// banner and returned. When another tab changed a record first, this
    /// tab reloads the newest data rather than write its older copy.
    fn save(&self) -> Result<(), StorageError> {
        let result = self.with_storage(|kv| {
            self.workspace.with_untracked(|workspace| {
                self.persister
                    .try_update_value(|p| p.save_workspace(kv, workspace))
                    .unwrap_or(Err(StorageError::Unavailable(
                        "the store is gone".to_owned(),
                    )))
            })
        });
        let changed_elsewhere = matches!(result, Err(StorageError::ChangedElsewhere { .. }));
        self.save_error.set(result.clone().err());
        if changed_elsewhere {
            // Whether it applied, `commit_as` reads from `reloads`.
            self.reload();
        }
        self.tick.update(|t| *t += 1);
        result.map(|_| ())
    }

    /// The banner's "try saving again": the outcome is what the banner
    /// shows (`save_error`), cleared once storage holds everything.
    pub fn retry_save(&self) {
        if self.save().is_ok() {
            self.save_error.set(None);
        }
    }

    /// Whether storage holds this meeting as it is on screen (reactive):
    /// a delegate is thanked only for a ballot that is stored.
    pub fn meeting_stored(&self, meeting: MeetingId) -> bool {
        self.save_error.track();
        self.workspace.with(|ws| {
            ws.meeting(meeting)
                .is_none_or(|m| self.persister.with_value(|p| p.meeting_saved(m)))
        })
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        let result = self.with_storage(|kv| {
            self.persister
                .try_update_value(|p| p.save_lang(kv, lang))
                .unwrap_or(Ok(()))
        });
        if let Err(error) = result {
            self.save_error.set(Some(error));
        }
    }

    /// Keeps a way back before a risky step that leads to `after`
    /// (`reason` is a code the snapshot list words). With
    /// `Backup::Snapshot`, a copy goes into storage; when storage has no
    /// room, the copy is offered as a file (`backup_offer`, answered in the
    /// app frame's dialog) and `Ok(false)` says the step must wait for the
    /// user's answer. A step that would change a round in progress is
    /// refused: its copy holds no ballots (`exchange::vote_at_risk`).
    fn snapshot(
        &self,
        reason: &str,
        subject: &str,
        backup: Backup,
        after: &Workspace,
    ) -> Result<bool, SnapshotError> {
        let at_risk = self
            .workspace
            .with_untracked(|ws| crate::exchange::vote_at_risk(ws, after));
        if let Some(award) = at_risk {
            return Err(SnapshotError::Refused(
                DomainError::VoteWouldBeLost(award).into(),
            ));
        }
        match backup {
            // The notice that the file was kept comes once the step is
            // stored (`backup_kept`), never beside a refusal.
            Backup::FileSaved(_) | Backup::Without => return Ok(true),
            Backup::Snapshot => {}
        }
        let at = self.host.with_value(|h| h.now_iso());
        let taken = self.workspace.with_untracked(|ws| {
            self.with_storage(|kv| storage::take_snapshot(kv, reason, subject, &at, ws))
        });
        match taken {
            Ok(_) => Ok(true),
            Err(error @ StorageError::NoRoomForSnapshot { .. }) => {
                let name = crate::exchange::file_name(
                    crate::exchange::FileKind::Workspace,
                    &["before", reason, &at[..10.min(at.len())]],
                );
                let text = self
                    .workspace
                    .with_untracked(|ws| crate::exchange::workspace_file(ws, &at))
                    .ok_or(SnapshotError::Storage(error))?;
                self.backup_offer.set(Some(BackupOffer { name, text }));
                Ok(false)
            }
            Err(error) => Err(SnapshotError::Storage(error)),
        }
    }

    /// Runs a destructive step (`step` is given how its way back is kept
    /// and returns false when it waits for the user's answer). When no
    /// snapshot fits, the backup dialog offers the file and runs `step`
    /// again only after “I have the backup file” or “Go on without a
    /// backup”; a cancel runs nothing and changes nothing.
    pub fn guarded(&self, step: impl Fn(Backup) -> bool + 'static) {
        // One step waits at a time: while the dialog is open, another
        // destructive step does not start (nor replace the waiting one).
        if self.pending.with_value(Option::is_some) {
            return;
        }
        if !step(Backup::Snapshot) {
            self.pending.set_value(Some(Box::new(move |answer: Backup| {
                step(answer);
            })));
        }
    }

    /// The user's answer in the backup dialog: `None` cancels the step.
    pub fn answer_backup(&self, answer: Option<Backup>) {
        self.backup_offer.set(None);
        let pending = self.pending.try_update_value(Option::take).flatten();
        if let (Some(step), Some(answer)) = (pending, answer) {
            step(answer);
        }
    }

    /// After a step taken with a backup file the user said they saved: the
    /// notice names that file once the step is on screen (stored, or kept
    /// on screen with the not-saved banner), never beside a refusal.
    fn backup_kept(&self, backup: &Backup, committed: &Result<(), Refused>) {
        let on_screen = match committed {
            Ok(()) => true,
            Err(Refused::Storage(e)) => !matches!(e, StorageError::ChangedElsewhere { .. }),
            Err(Refused::RoundInAnotherTab | Refused::Lock(_)) => false,
        };
        if let (true, Backup::FileSaved(name)) = (on_screen, backup) {
            self.notice
                .set(Some(Notice::SnapshotDownloaded(name.clone())));
        }
    }

    /// A destructive edit (delete a cluster, a year, a round): a snapshot
    /// first, then the edit. `Ok(None)`: waiting for the backup answer,
    /// nothing changed.
    pub fn apply_destructive<T>(
        &self,
        reason: &str,
        subject: &str,
        backup: Backup,
        edit: impl FnOnce(&mut Workspace) -> Result<T, DomainError>,
    ) -> Result<Option<T>, Refusal> {
        // The edit runs on a copy first, so a refused one leaves no snapshot.
        let mut trial = self.workspace.get_untracked();
        let outcome = edit(&mut trial)?;
        match self.snapshot(reason, subject, backup.clone(), &trial) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(SnapshotError::Refused(e)) => return Err(e),
            Err(SnapshotError::Storage(e)) => return Err(Refusal::SnapshotFailed(e)),
        }
        let committed = self.commit(trial);
        self.backup_kept(&backup, &committed);
        committed.map_err(|e| self.refusal(e))?;
        Ok(Some(outcome))
    }

    /// The preview of an import of `texts` (the chosen files, by name)
    /// into the workspace on screen; nothing changes yet.
    pub fn preview_import(
        &self,
        texts: Vec<(String, FileText)>,
        expected: &[crate::exchange::FileKind],
    ) -> Result<Preview, Vec<(String, PreviewError)>> {
        let kept = self.with_storage(|kv| storage::read_kept(kv));
        self.workspace
            .with_untracked(|ws| preview::preview(ws, texts, expected, kept))
    }

    /// Remembers the records an import just made kept this laptop's
    /// version of (PRODUCT.md §8), so the same file does not ask again.
    /// How many were added, or why they could not be remembered (the
    /// import itself stands).
    pub fn remember_kept(&self, plan: &Plan, choices: &[Choice]) -> Result<usize, StorageError> {
        let at = self.host.with_value(|h| h.now_iso());
        self.with_storage(|kv| storage::remember_kept(kv, plan, choices, &at))
    }

    /// Imports what a preview showed, with the user's choices, after a
    /// snapshot. All of it applies, or none. `Ok(false)`: waiting for the
    /// backup answer, nothing changed.
    pub fn import(
        &self,
        plan: &Plan,
        choices: &[Choice],
        files: &str,
        backup: Backup,
    ) -> Result<bool, ImportError> {
        let after = self.workspace.with_untracked(|ws| {
            self.host
                .with_value(|h| merge::apply(ws, plan, choices, &mut || h.new_id()))
        })?;
        if !self.snapshot("import", files, backup.clone(), &after)? {
            return Ok(false);
        }
        let committed = self.commit(after);
        self.backup_kept(&backup, &committed);
        committed.map_err(|e| self.import_refusal(e))?;
        Ok(true)
    }

    /// Puts a snapshot's workspace back, after a snapshot of the present.
    /// `Ok(false)`: waiting for the backup answer, nothing changed.
    pub fn restore(&self, key: &str, backup: Backup) -> Result<bool, ImportError> {
        let restored = self
            .with_storage(|kv| storage::read_snapshot(kv, key))
            .map_err(ImportError::Storage)?;
        if !self.snapshot("restore", "", backup.clone(), &restored)? {
            return Ok(false);
        }
        let committed = self.commit(restored);
        self.backup_kept(&backup, &committed);
        committed.map_err(|e| self.import_refusal(e))?;
        self.notice.set(Some(Notice::Restored));
        Ok(true)
    }

    /// Runs a storage step (snapshots, usage); the browser's storage may be
    /// unavailable, and the step's own failure is the caller's to show.
    pub fn storage<T>(
        &self,
        step: impl FnOnce(&mut dyn KeyValue) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        self.with_storage(|kv| step(kv))
    }

    /// Offers the backup file waiting in the backup dialog as a download;
    /// false when the browser refused it (or none waits).
    pub fn download_backup(&self) -> bool {
        let Some(offer) = self.backup_offer.get_untracked() else {
            return false;
        };
        self.host
            .with_value(|h| h.download(&offer.name, "application/json", &offer.text))
    }
}

// issue 16 hall: the operator's pin of a meeting's hall screen.
impl<S: KeyValue + 'static, H: Host> Store<S, H> {
    /// What the operator pinned on `meeting`'s hall screen (reactive:
    /// follows `tick`).
    pub fn hall_pin(&self, meeting: MeetingId) -> Option<crate::rules::hall::HallPin> {
        self.tick.track();
        self.with_storage(|kv| Ok(storage::hall_pin(kv, meeting)))
            .ok()
            .flatten()
    }

    /// Pins `meeting`'s hall screen, or lets it follow the meeting; the
    /// hall window hears of it through its storage event.
    pub fn set_hall_pin(
        &self,
        meeting: MeetingId,
        pin: Option<crate::rules::hall::HallPin>,
    ) -> Result<(), StorageError> {
        let outcome = self.with_storage(|kv| storage::set_hall_pin(kv, meeting, pin));
        self.tick.update(|t| *t += 1);
        outcome
    }
}

/// The browser's own: storage events and timers.
impl Store {
    /// Listens to other tabs and keeps this tab's votes marked as running.
    pub fn watch(&self) {
        let store = *self;
        // One save in another tab writes a few keys, each an event: they
        // are read back in one reload, a moment after the first.
        let pending = StoredValue::new(false);
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key().unwrap_or_default();
            if key.starts_with(LOCK_PREFIX)
                || key.starts_with(SNAPSHOT_PREFIX)
                || key.starts_with(storage::HALL_PREFIX)
                || key.starts_with(storage::COUNCIL_PREFIX)
            {
                store.tick.update(|t| *t += 1);
            } else if (key.is_empty() || key.starts_with(storage::PREFIX)) && !pending.get_value() {
                pending.set_value(true);
                set_timeout(
                    move || {
                        pending.set_value(false);
                        // Only a reload that applied shows the newest data.
                        if store.reload() {
                            store.notice.set(Some(Notice::UpdatedElsewhere));
                        }
                    },
                    std::time::Duration::from_millis(30),
                );
            }
        });
        // The listener lives as long as the app.
        std::mem::forget(listener);
        let heartbeat = set_interval_with_handle(
            move || {
                store.heartbeat();
                store.tick.update(|t| *t += 1);
            },
            std::time::Duration::from_secs(5),
        );
        std::mem::forget(heartbeat);
    }
}

/// How a destructive step keeps a way back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backup {
    /// A snapshot in storage; when none fits, the user is asked.
    Snapshot,
    /// No snapshot fitted; the user confirmed they have saved this file.
    FileSaved(String),
    /// No snapshot fitted; the user chose to go on without a backup.
    Without,
}

/// The backup file offered when no snapshot fits in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupOffer {
    pub name: String,
    pub text: String,
}

/// Why no way back could be kept before a step.
#[derive(Clone, Debug, PartialEq, Eq)]
enum SnapshotError {
    Refused(Refusal),
    Storage(StorageError),
}

impl From<SnapshotError> for ImportError {
    fn from(error: SnapshotError) -> ImportError {
        match error {
            SnapshotError::Refused(e) => ImportError::Refused(e),
            SnapshotError::Storage(e) => ImportError::Storage(e),
        }
    }
}

/// Why an import or a restore did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Merge(#[from] MergeError),
    #[error(transparent)]
    Storage(StorageError),
    #[error(transparent)]
    Refused(Refusal),
    /// The import is on screen but storage did not take it.
    #[error("the import is not saved: {0}")]
    NotSaved(StorageError),
}

/// What an edit that storage did not take leaves on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unsaved {
    /// The edit stays on screen, with the banner, until a save succeeds.
    StaysOnScreen,
    /// The screen goes back to what is stored: the step did not happen.
    RollBack,
}

/// Why a step through the store did not happen, or is not stored: the
/// domain's refusals (storage that did not take an edit is
/// `DomainError::NotSaved`), and those only the shell makes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// Another live tab runs this vote: here it is read-only.
    #[error("another tab or window is running this vote")]
    RoundInAnotherTab,
    /// Storage kept no snapshot before a deletion, for this reason.
    #[error("no snapshot could be kept before deleting: {0}")]
    SnapshotFailed(StorageError),
}

impl Refusal {
    /// In words, with unit names from `workspace`.
    pub fn describe(&self, lang: Lang, workspace: &Workspace) -> String {
        match self {
            Refusal::Domain(e) => crate::i18n::describe_domain_error(lang, e, workspace),
            Refusal::RoundInAnotherTab => crate::i18n::describe_round_in_another_tab(lang),
            Refusal::SnapshotFailed(e) => crate::i18n::describe_snapshot_failed(lang, e, workspace),
        }
    }
}

/// Why a change did not reach storage, before it is put in words.
enum Refused {
    /// Another live tab runs a vote the change touches.
    RoundInAnotherTab,
    /// The vote lock could not be written or removed.
    Lock(StorageError),
    /// The save failed (storage full, or another tab first).
    Storage(StorageError),
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
