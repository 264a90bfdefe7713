//! The hall window's view of storage (issue 16): it reads what the
//! operator's window stores and follows it through storage events, and it
//! never writes — no vote lock, no interrupted ballot, no record moved
//! aside — so a projector window can never disturb the vote it shows.

use leptos::prelude::*;

use crate::domain::{MeetingId, Workspace};
use crate::i18n::Lang;
use crate::rules::hall::HallPin;
use crate::storage::{self, BrowserStorage, StorageError, LOCK_PREFIX, SNAPSHOT_PREFIX};

/// What the hall window shows from: the workspace and the operator's
/// language, as stored.
#[derive(Clone, Copy)]
pub struct Viewer {
    pub workspace: RwSignal<Workspace>,
    /// The operator's choice (`thidua.settings`), followed as it changes.
    pub lang: RwSignal<Lang>,
    /// Storage could not be read, for this reason.
    pub error: RwSignal<Option<StorageError>>,
    /// Moves on every reading and every change of a hall pin.
    version: RwSignal<u64>,
    storage: StoredValue<Option<BrowserStorage>, LocalStorage>,
}

impl Viewer {
    /// Reads what the browser has stored; storage that cannot be used is
    /// kept as `error`, with an empty workspace.
    pub fn open() -> Viewer {
        let (storage, error) = match BrowserStorage::open() {
            Ok(kv) => (Some(kv), None),
            Err(error) => (None, Some(error)),
        };
        let viewer = Viewer {
            workspace: RwSignal::new(Workspace::default()),
            lang: RwSignal::new(Lang::default()),
            error: RwSignal::new(error),
            version: RwSignal::new(0),
            storage: StoredValue::new_local(storage),
        };
        viewer.read(true);
        viewer
    }

    /// Reads storage again; a save another window has half done is left
    /// for its next write's event (`Unsettled`).
    fn read(&self, first: bool) {
        let outcome = self
            .storage
            .with_value(|kv| kv.as_ref().map(|kv| storage::read_only(kv, first)));
        match outcome {
            Some(Ok(loaded)) => {
                self.workspace.set(loaded.workspace);
                let lang = loaded.lang.unwrap_or_default();
                if self.lang.get_untracked() != lang {
                    self.lang.set(lang);
                }
                if self.error.with_untracked(Option::is_some) {
                    self.error.set(None);
                }
            }
            Some(Err(StorageError::Unsettled { .. })) | None => {}
            Some(Err(error)) => self.error.set(Some(error)),
        }
        self.version.update(|v| *v += 1);
    }

    /// What the operator pinned on `meeting`'s hall screen (reactive).
    pub fn pin(&self, meeting: MeetingId) -> Option<HallPin> {
        self.version.track();
        self.storage
            .with_value(|kv| kv.as_ref().and_then(|kv| storage::hall_pin(kv, meeting)))
    }

    /// Follows the other windows' writes: a pin at once, records a moment
    /// after the first key of a save (one reading for its few keys).
    /// Events only: nothing runs while nothing changes.
    pub fn watch(&self) {
        let viewer = *self;
        let pending = StoredValue::new(false);
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key().unwrap_or_default();
            if key.starts_with(storage::HALL_PREFIX) {
                viewer.version.update(|v| *v += 1);
            } else if key.starts_with(LOCK_PREFIX) || key.starts_with(SNAPSHOT_PREFIX) {
                // Neither changes what the hall shows.
            } else if (key.is_empty() || key.starts_with(storage::PREFIX)) && !pending.get_value() {
                pending.set_value(true);
                set_timeout(
                    move || {
                        pending.set_value(false);
                        viewer.read(false);
                    },
                    std::time::Duration::from_millis(30),
                );
            }
        });
        // The listener lives as long as the window.
        std::mem::forget(listener);
    }
}
