//! Files and the browser store: export, import with a preview, snapshots
//! and the storage meter. Reading, comparing and merging are done by
//! `exchange::read_file` and `domain::merge`; this module only shows them.

mod export;
mod import;
mod meter;
mod snapshots;

use leptos::prelude::*;

use super::tr;
use crate::exchange::FileKind;
use crate::i18n::{describe_merge_error, describe_storage_error, Text};
use crate::state::{use_store, ImportError};

pub use export::{ClusterFileButton, UnitReportButton};
pub use import::ImportCard;
pub use snapshots::BackupDialog;

use export::ExportCard;
use meter::StorageCard;
use snapshots::SnapshotsCard;

#[component]
pub fn FilesScreen() -> impl IntoView {
    view! {
        <h1>{tr(Text::FilesAndBackups)}</h1>
        <StorageCard/>
        <ExportCard/>
        <ImportCard expected=FileKind::WORKSPACE.to_vec() testid="import"/>
        <SnapshotsCard/>
    }
}

/// Offers a built `.thidua.json` file for download (see `documents::offer`).
fn offer_file(message: RwSignal<Option<String>>, name: &str, text: Option<String>) {
    super::documents::offer(message, name, "application/json", text);
}

/// Why an import or a restore did not happen, in words.
fn describe_step_error(lang: crate::i18n::Lang, error: &ImportError) -> String {
    let store = use_store();
    match error {
        ImportError::Merge(m) => describe_merge_error(lang, m),
        ImportError::Storage(s) => store
            .workspace
            .with_untracked(|ws| describe_storage_error(lang, s, ws)),
        ImportError::NotSaved(s) => format!(
            "{} {}",
            tr(Text::ImportNotSaved)(),
            store
                .workspace
                .with_untracked(|ws| describe_storage_error(lang, s, ws)),
        ),
        ImportError::Refused(r) => store.workspace.with_untracked(|ws| r.describe(lang, ws)),
    }
}
