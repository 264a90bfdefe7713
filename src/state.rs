//! The app's state: one `Store` in context. Every change goes through
//! `Store::apply`, which validates on a copy, commits, and saves at once.
//! The store also keeps this tab in step with others (storage events, a
//! write refused when another tab got there first, one tab per vote) and
//! takes a snapshot before anything destructive.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::merge::{self, Choice, MergeError, Plan};
use crate::domain::{DomainError, MeetingId, Workspace};
use crate::i18n::Lang;
use crate::storage::{
    self, BrowserStorage, ClaimError, KeyValue, Persister, SetAside, StorageError, LOCK_PREFIX,
    SNAPSHOT_PREFIX,
};

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

#[derive(Clone, Copy)]
pub struct Store {
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
    /// This tab's id, kept in sessionStorage so a reload keeps it.
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

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// This tab's id: made once per tab and kept across reloads of it.
fn tab_id() -> String {
    const KEY: &str = "thidua.tab";
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(id) = session
        .as_ref()
        .and_then(|s| s.get_item(KEY).ok().flatten())
    {
        return id;
    }
    let id = format!("{:x}", crate::ui::new_id());
    if let Some(s) = session {
        let _ = s.set_item(KEY, &id);
    }
    id
}

impl Store {
    /// Loads what the browser has stored; never fails: a storage that
    /// cannot be used is reported and the app runs on an empty workspace.
    pub fn load() -> Store {
        let loaded = BrowserStorage::open().and_then(|mut browser| storage::load(&mut browser));
        let (loaded, error) = match loaded {
            Ok(loaded) => (loaded, None),
            Err(error) => (storage::Loaded::default(), Some(error)),
        };
        let mut workspace = loaded.workspace;
        let tab = tab_id();
        // A ballot being filled when the page went away is dropped unseen,
        // by the tab that ran it (another tab leaves it alone).
        let mut mine = BTreeSet::new();
        let mut others_running = Vec::new();
        if let Ok(browser) = BrowserStorage::open() {
            for meeting in workspace.meetings() {
                if storage::holds_lock(&browser, meeting.id, &tab) {
                    mine.insert(meeting.id);
                } else if storage::lock_holder(&browser, meeting.id, &tab, now_ms()).is_some() {
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
            tab: StoredValue::new(tab),
            running: StoredValue::new(mine),
            reloads: StoredValue::new(0),
            backup_offer: RwSignal::new(None),
            pending: StoredValue::new_local(None),
        };
        if store.save_error.with_untracked(Option::is_none) {
            // A failure is kept in `save_error` for the banner.
            store.retry_save();
        }
        store
    }

    /// Listens to other tabs and keeps this tab's votes marked as running.
    pub fn watch(&self) {
        let store = *self;
        // One save in another tab writes a few keys, each an event: they
        // are read back in one reload, a moment after the first.
        let pending = StoredValue::new(false);
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key().unwrap_or_default();
            if key.starts_with(LOCK_PREFIX) || key.starts_with(SNAPSHOT_PREFIX) {
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

    /// Re-reads everything from storage (another tab changed it); `true`
    /// when the screen now shows what storage holds.
    pub fn reload(&self) -> bool {
        // Another tab's save may be half done: `storage::reload` then
        // refuses, and its next write brings another reload.
        let loaded = match BrowserStorage::open().and_then(|mut b| storage::reload(&mut b)) {
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
        let Ok(mut browser) = BrowserStorage::open() else {
            return;
        };
        let tab = self.tab.get_value();
        let in_progress = self.meetings_in_progress();
        let mut failure = None;
        self.running.update_value(|running| {
            running.retain(|m| in_progress.contains(m));
            for meeting in running.iter() {
                if let Err(error) = storage::claim_lock(&mut browser, *meeting, &tab, now_ms()) {
                    failure = Some(error);
                }
            }
        });
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
        BrowserStorage::open()
            .ok()
            .and_then(|b| storage::lock_holder(&b, meeting, &tab, now_ms()))
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
    ) -> Result<T, DomainError> {
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
    ) -> Result<T, DomainError> {
        self.apply_as(edit, Unsaved::RollBack)
    }

    /// An edit on a copy, committed with what a failed save leaves on
    /// screen (`apply`, `apply_stored`).
    fn apply_as<T>(
        &self,
        edit: impl FnOnce(&mut Workspace) -> Result<T, DomainError>,
        unsaved: Unsaved,
    ) -> Result<T, DomainError> {
        let mut draft = self.workspace.get_untracked();
        let outcome = edit(&mut draft)?;
        self.commit_as(draft, unsaved)
            .map_err(|e| self.refusal(e))?;
        Ok(outcome)
    }

    /// The one place where "was it stored?" becomes a message.
    fn refusal(&self, error: Refused) -> DomainError {
        let lang = self.lang.get_untracked();
        match error {
            Refused::Domain(e) => e,
            Refused::Lock(e) => {
                DomainError::VoteLockFailed(crate::ui::describe_storage_error(lang, &e))
            }
            Refused::Storage(StorageError::ChangedElsewhere { .. }) => {
                DomainError::ChangedInAnotherTab
            }
            Refused::Storage(e) => {
                DomainError::NotSaved(crate::ui::describe_storage_error(lang, &e))
            }
        }
    }

    /// A refused import or restore in words of `ImportError`: storage that
    /// did not take it is `NotSaved`; another tab first means this tab
    /// reloaded and the step is not on screen either (`ChangedInAnotherTab`).
    fn import_refusal(&self, error: Refused) -> ImportError {
        match error {
            Refused::Storage(e) if !matches!(e, StorageError::ChangedElsewhere { .. }) => {
                ImportError::NotSaved(e)
            }
            other => ImportError::Domain(self.refusal(other)),
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
        let mut browser = BrowserStorage::open().map_err(Refused::Lock)?;
        let tab = self.tab.get_value();
        storage::claim_votes(&mut browser, &tab, now_ms(), &touched).map_err(|e| match e {
            ClaimError::InAnotherTab(_) => Refused::Domain(DomainError::RoundInAnotherTab),
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
        let result = BrowserStorage::open().and_then(|mut browser| {
            self.workspace.with_untracked(|workspace| {
                self.persister
                    .try_update_value(|p| p.save_workspace(&mut browser, workspace))
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
        let result = BrowserStorage::open().and_then(|mut browser| {
            self.persister
                .try_update_value(|p| p.save_lang(&mut browser, lang))
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
            return Err(SnapshotError::Domain(DomainError::VoteWouldBeLost(award)));
        }
        match backup {
            // The notice that the file was kept comes once the step is
            // stored (`backup_kept`), never beside a refusal.
            Backup::FileSaved(_) | Backup::Without => return Ok(true),
            Backup::Snapshot => {}
        }
        let at = crate::ui::now_iso();
        let taken = self.workspace.with_untracked(|ws| {
            BrowserStorage::open()
                .and_then(|mut b| storage::take_snapshot(&mut b, reason, subject, &at, ws))
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
            Err(Refused::Domain(_) | Refused::Lock(_)) => false,
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
    ) -> Result<Option<T>, DomainError> {
        let lang = self.lang.get_untracked();
        // The edit runs on a copy first, so a refused one leaves no snapshot.
        let mut trial = self.workspace.get_untracked();
        let outcome = edit(&mut trial)?;
        match self.snapshot(reason, subject, backup.clone(), &trial) {
            Ok(true) => {}
            Ok(false) => return Ok(None),
            Err(SnapshotError::Domain(e)) => return Err(e),
            Err(SnapshotError::Storage(e)) => {
                return Err(DomainError::SnapshotFailed(
                    crate::ui::describe_storage_error(lang, &e),
                ))
            }
        }
        let committed = self.commit(trial);
        self.backup_kept(&backup, &committed);
        committed.map_err(|e| self.refusal(e))?;
        Ok(Some(outcome))
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
        let after = self
            .workspace
            .with_untracked(|ws| merge::apply(ws, plan, choices, &mut || crate::ui::new_id()))?;
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
        let restored = BrowserStorage::open()
            .and_then(|b| storage::read_snapshot(&b, key))
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
        BrowserStorage::open().and_then(|mut b| step(&mut b))
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
    Domain(DomainError),
    Storage(StorageError),
}

impl From<SnapshotError> for ImportError {
    fn from(error: SnapshotError) -> ImportError {
        match error {
            SnapshotError::Domain(e) => ImportError::Domain(e),
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
    Domain(DomainError),
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

/// Why a change did not reach storage, before it is put in words.
enum Refused {
    Domain(DomainError),
    /// The vote lock could not be written or removed.
    Lock(StorageError),
    /// The save failed (storage full, or another tab first).
    Storage(StorageError),
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
