//! Snapshots kept before imports and deletions, and the backup dialog when none fits.
//!
//! The dialog offers a backup file when no snapshot fits in storage.

use leptos::prelude::*;

use super::{describe_step_error, offer_file};
use crate::exchange::{file_name, workspace_file, FileKind};
use crate::host::now_iso;
use crate::i18n::describe_storage_error;
use crate::i18n::{format_megabytes, screen_text, Text};
use crate::state::{use_store, Backup};
use crate::storage;
use crate::ui::tr;

/// Snapshots kept before imports and deletions: restore, download, delete.
#[component]
pub fn SnapshotsCard() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let message = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);
    // A memo: the list is rebuilt (and focus lost) only when it changes.
    let list = Memo::new(move |_| {
        store.tick.track();
        store.storage(|b| storage::snapshots(b))
    });
    let reason_text = move |reason: &str, subject: &str| {
        let what = match reason {
            "import" => Text::SnapshotBeforeImport,
            "delete-cluster" => Text::SnapshotBeforeClusterDeleted,
            "delete-year" => Text::SnapshotBeforeYearDeleted,
            "delete-round" => Text::SnapshotBeforeRoundDeleted,
            "restore" => Text::SnapshotBeforeRestore,
            _ => Text::SnapshotReasonUnreadable,
        }
        .in_lang(lang.get());
        if subject.is_empty() {
            what.to_owned()
        } else {
            format!("{what}: {subject}")
        }
    };
    view! {
        <section class="card" data-testid="snapshots-card">
            <h2>{tr(Text::AutomaticSnapshots)}</h2>
            <p>{tr(Text::SnapshotsExplained)}</p>
            {move || {
                let items = match list.get() {
                    Ok(items) => items,
                    Err(e) => return view! {
                        <p class="form-error" role="alert" data-testid="snapshot-list-error">
                            {tr(Text::SnapshotsUnreadable)}" "{store.workspace.with(|ws| describe_storage_error(lang.get(), &e, ws))}
                        </p>
                    }.into_any(),
                };
                if items.is_empty() {
                    return view! { <p data-testid="no-snapshots">{tr(Text::NoSnapshotsYet)}</p> }.into_any();
                }
                view! {
                    <table class="snapshots" data-testid="snapshot-list">
                        <thead><tr>
                            <th scope="col">{tr(Text::SnapshotWhen)}</th>
                            <th scope="col">{tr(Text::SnapshotWhy)}</th>
                            <th scope="col">{tr(Text::SnapshotContent)}</th>
                            <th scope="col"><span class="visually-hidden">{tr(Text::Actions)}</span></th>
                        </tr></thead>
                        <tbody>
                        {items.into_iter().map(|s| {
                            let key = StoredValue::new(s.key.clone());
                            let content = screen_text::snapshot_content(lang.get(), s.clusters, s.units, s.meetings, &format_megabytes(lang.get(), s.size));
                            let restore = move |_| {
                                if confirming.get_untracked().as_deref() != Some(key.get_value().as_str()) {
                                    confirming.set(Some(key.get_value()));
                                    return;
                                }
                                confirming.set(None);
                                store.guarded(move |backup| {
                                    let lang = lang.get_untracked();
                                    message.set(Some(match store.restore(&key.get_value(), backup.clone()) {
                                        Ok(false) => return false,
                                        Ok(true) if backup == Backup::Snapshot => Text::RestoredWithSnapshot.in_lang(lang).to_owned(),
                                        Ok(true) => Text::Restored.in_lang(lang).to_owned(),
                                        Err(e) => describe_step_error(lang, &e),
                                    }));
                                    true
                                });
                            };
                            let download = move |_| {
                                match store.storage(|b| storage::read_snapshot(b, &key.get_value())) {
                                    Ok(ws) => {
                                        let text = workspace_file(&ws, &now_iso());
                                        let name = file_name(FileKind::Workspace, &["snapshot", key.get_value().trim_start_matches(storage::SNAPSHOT_PREFIX)]);
                                        offer_file(message, &name, text);
                                    }
                                    Err(e) => message.set(Some(store.workspace.with_untracked(|ws| describe_storage_error(lang.get_untracked(), &e, ws)))),
                                }
                            };
                            let delete = move |_| {
                                let deleted = store.storage(|b| storage::delete_snapshot(b, &key.get_value()));
                                store.tick.update(|t| *t += 1);
                                message.set(deleted.err().map(|e| format!(
                                    "{} {}",
                                    tr(Text::SnapshotNotDeleted)(),
                                    store.workspace.with_untracked(|ws| describe_storage_error(lang.get_untracked(), &e, ws)),
                                )));
                            };
                            let asking = move || confirming.get().as_deref() == Some(key.get_value().as_str());
                            view! {
                                <tr data-testid="snapshot">
                                    <td>{crate::i18n::format_moment(&s.taken_at)}</td>
                                    <td>{reason_text(&s.reason, &s.subject)}</td>
                                    <td>{content}</td>
                                    <td class="row-actions">
                                        <button type="button" data-testid="snapshot-restore" class:danger=asking on:click=restore>
                                            {move || if asking() { tr(Text::PressAgainRestore)() } else { tr(Text::Restore)() }}
                                        </button>
                                        <button type="button" class="secondary" data-testid="snapshot-download" on:click=download>{tr(Text::Download)}</button>
                                        <button type="button" class="secondary" data-testid="snapshot-delete" on:click=delete>{tr(Text::Delete)}</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {move || message.get().map(|m| view! { <p role="status" data-testid="snapshot-message">{m}</p> })}
        </section>
    }
}

/// No snapshot fits in storage: the step waits until the user has the
/// backup file (“Tôi đã lưu tệp sao lưu”) or chooses to go on without one;
/// a cancel changes nothing. Rendered once, in the app frame.
#[component]
pub fn BackupDialog() -> impl IntoView {
    let store = use_store();
    let downloaded = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let download = move |_| {
        if store.backup_offer.with_untracked(Option::is_none) {
            return;
        }
        let ok = store.download_backup();
        failed.set(!ok);
        downloaded.set(downloaded.get_untracked() || ok);
    };
    let answer = move |answer: Option<Backup>| {
        downloaded.set(false);
        failed.set(false);
        store.answer_backup(answer);
    };
    // The dialog may open above the part of the page in view: it takes the
    // focus (and so scrolls into view) on its download button.
    let first = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if store.backup_offer.with(Option::is_some) {
            if let Some(button) = first.get() {
                // A failed focus leaves the dialog where it is, still usable.
                let _ = button.focus();
            }
        }
    });
    let saved = move |_| {
        let name = store
            .backup_offer
            .with_untracked(|o| o.as_ref().map(|o| o.name.clone()));
        if let Some(name) = name {
            answer(Some(Backup::FileSaved(name)));
        }
    };
    move || {
        store.backup_offer.get().map(|offer| view! {
            <section class="card banner-warning backup-dialog" role="alertdialog"
                aria-labelledby="backup-dialog-title" aria-describedby="backup-dialog-text" data-testid="backup-dialog">
                <h2 id="backup-dialog-title">{tr(Text::BackupNoRoomTitle)}</h2>
                <p id="backup-dialog-text">{tr(Text::BackupNoRoomText)}</p>
                <p><code data-testid="backup-file-name">{offer.name.clone()}</code></p>
                <div class="form-actions">
                    <button type="button" data-testid="backup-download" node_ref=first on:click=download>{tr(Text::BackupDownload)}</button>
                    <button type="button" data-testid="backup-saved" disabled=move || !downloaded.get() on:click=saved>{tr(Text::BackupSaved)}</button>
                    <button type="button" class="danger" data-testid="backup-without" on:click=move |_| answer(Some(Backup::Without))>{tr(Text::BackupWithout)}</button>
                    <button type="button" class="secondary" data-testid="backup-cancel" on:click=move |_| answer(None)>{tr(Text::BackupCancel)}</button>
                </div>
                {move || failed.get().then(|| view! { <p class="form-error" role="alert" data-testid="backup-download-failed">{tr(Text::BackupDownloadFailed)}</p> })}
            </section>
        })
    }
}
