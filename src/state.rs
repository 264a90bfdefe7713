//! The app's state: one `Store` in context. Every change goes through
//! `Store::apply`, which validates on a copy, commits, and saves at once.

use leptos::prelude::*;

use crate::domain::{DomainError, Workspace};
use crate::i18n::Lang;
use crate::storage::{self, BrowserStorage, Persister, SetAside, StorageError};

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
    persister: StoredValue<Persister>,
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
        // A ballot being filled when the page went away is dropped unseen.
        workspace.interrupt_open_ballots();
        let store = Store {
            workspace: RwSignal::new(workspace),
            lang: RwSignal::new(loaded.lang.unwrap_or_default()),
            set_aside: RwSignal::new(loaded.set_aside),
            earlier_set_aside: RwSignal::new(loaded.earlier_set_aside),
            save_error: RwSignal::new(error),
            persister: StoredValue::new(loaded.persister),
        };
        if store.save_error.with_untracked(Option::is_none) {
            store.save();
        }
        store
    }

    /// Runs an edit on a copy of the workspace; on success the copy becomes
    /// the workspace and is saved. On error nothing changes.
    pub fn apply<T>(
        &self,
        edit: impl FnOnce(&mut Workspace) -> Result<T, DomainError>,
    ) -> Result<T, DomainError> {
        let mut draft = self.workspace.get_untracked();
        let outcome = edit(&mut draft)?;
        self.workspace.set(draft);
        self.save();
        Ok(outcome)
    }

    /// Saves the workspace; a failure is kept in `save_error` for the banner.
    pub fn save(&self) {
        let result = BrowserStorage::open().and_then(|mut browser| {
            self.workspace.with_untracked(|workspace| {
                self.persister
                    .try_update_value(|p| p.save_workspace(&mut browser, workspace))
                    .unwrap_or(Ok(0))
            })
        });
        self.save_error.set(result.err());
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
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
