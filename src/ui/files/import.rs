//! Import by file picker or drag-and-drop, with a preview and a choice per differing record.
//!
//! The preview shows what the files bring; each record that differs from
//! the one here gets its own choice.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::describe_step_error;
use crate::domain::merge::{self, Choice, Item, Status};
use crate::exchange::{fingerprint, FileKind};
use crate::i18n::{
    describe_file_error, describe_merge_error, describe_part, describe_storage_error, record_kind,
    screen_text, Text,
};
use crate::state::{use_store, Backup, Preview, PreviewError};
use crate::ui::tr;

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Why the chosen files cannot be imported, in words.
fn describe_preview_error(lang: crate::i18n::Lang, error: &PreviewError) -> String {
    match error {
        PreviewError::Unreadable => Text::FileNotRead.in_lang(lang).to_owned(),
        PreviewError::File(e) => describe_file_error(lang, e),
        PreviewError::Merge(e) => describe_merge_error(lang, e),
    }
}

/// Import by file picker or drag-and-drop: a preview first, then the
/// whole import or nothing.
#[component]
pub fn ImportCard(expected: Vec<FileKind>, testid: &'static str) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let preview = RwSignal::new(None::<Preview>);
    let choices = RwSignal::new(Vec::<Choice>::new());
    let outcome = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let expected = StoredValue::new(expected);

    let take_files = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        outcome.set(None);
        preview.set(None);
        errors.set(Vec::new());
        leptos::task::spawn_local(async move {
            let texts = crate::host::read_files(files).await;
            let lang = lang.get_untracked();
            match store.preview_import(texts, &expected.get_value()) {
                Err(problems) => errors.set(
                    problems
                        .into_iter()
                        .map(|(name, e)| (name, describe_preview_error(lang, &e)))
                        .collect(),
                ),
                Ok(p) => {
                    choices.set(vec![Choice::KeepMine; p.plan.items.len()]);
                    preview.set(Some(p));
                }
            }
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let files = file_list(input.as_ref().and_then(|i| i.files()));
        take_files(files);
        // The same file may be chosen again after a correction.
        if let Some(input) = input {
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take_files(file_list(ev.data_transfer().and_then(|d| d.files())));
    };

    let confirm = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let names: Vec<String> = p.files.iter().map(|(n, _)| n.clone()).collect();
        let chosen = choices.get_untracked();
        store.guarded(move |backup| {
            let result = store.import(&p.plan, &chosen, &names.join(", "), backup.clone());
            let lang = lang.get_untracked();
            match result {
                Ok(false) => return false,
                Ok(true) => {
                    let added = p.plan.new_count();
                    let replaced = choices
                        .get_untracked()
                        .iter()
                        .zip(&p.plan.items)
                        .filter(|(c, i)| {
                            matches!(i.status, Status::Differs { .. }) && **c != Choice::KeepMine
                        })
                        .count();
                    let kept = match backup {
                        Backup::Snapshot => Text::SnapshotKeptBeforeImport.in_lang(lang),
                        Backup::FileSaved(_) | Backup::Without => "",
                    };
                    let mut message = screen_text::imported(lang, added, replaced, kept);
                    if let Err(error) = store.remember_kept(&p.plan, &chosen) {
                        let why = store
                            .workspace
                            .with_untracked(|ws| describe_storage_error(lang, &error, ws));
                        message.push_str(&screen_text::kept_not_remembered(lang, &why));
                    }
                    outcome.set(Some(message));
                    preview.set(None);
                }
                Err(e) => {
                    errors.set(vec![(names.join(", "), describe_step_error(lang, &e))]);
                }
            }
            true
        });
    };
    let cancel = move |_| {
        preview.set(None);
        errors.set(Vec::new());
    };
    let only_reports = expected.with_value(|e| e.as_slice() == [FileKind::UnitReport]);

    view! {
        <section class="card" data-testid=format!("{testid}-card")>
            <h2>{move || if only_reports {
                tr(Text::ImportReportFiles)()
            } else {
                tr(Text::ImportFiles)()
            }}</h2>
            <p>{tr(Text::ImportExplained)}</p>
            <label class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <span>{tr(Text::ChooseOrDropFiles)}</span>
                <input type="file" multiple accept=".json,application/json" data-testid=format!("{testid}-file") on:change=on_pick/>
            </label>
            {move || {
                let list = errors.get();
                (!list.is_empty()).then(|| view! {
                    <div class="form-error" role="alert" data-testid=format!("{testid}-errors")>
                        <p><strong>{tr(Text::NothingImported)}</strong></p>
                        <ul>{list.into_iter().map(|(name, message)| view! { <li><code>{name}</code>": "{message}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || outcome.get().map(|m| view! { <p class="ok" role="status" data-testid=format!("{testid}-done")>{m}</p> })}
            {move || preview.get().map(|p| view! {
                <PreviewView preview=p choices=choices testid=testid/>
                <div class="form-actions">
                    <button type="button" data-testid=format!("{testid}-confirm") on:click=confirm>{tr(Text::ImportAsChosen)}</button>
                    <button type="button" class="secondary" data-testid=format!("{testid}-cancel") on:click=cancel>{tr(Text::CancelImport)}</button>
                </div>
            })}
        </section>
    }
}

#[component]
fn PreviewView(
    preview: Preview,
    choices: RwSignal<Vec<Choice>>,
    testid: &'static str,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let plan = preview.plan.clone();
    let naming = StoredValue::new(preview.naming.clone());
    let files = preview
        .files
        .iter()
        .map(|(name, f)| {
            let fp = (f.kind == FileKind::Results).then(|| fingerprint(&f.sha256));
            let exported = crate::i18n::format_moment(&f.exported_at);
            view! {
                <li>
                    <code>{name.clone()}</code>" · "{exported}
                    {fp.map(|fp| view! { " · "{tr(Text::ResultsFingerprint)}" "<strong class="fingerprint" data-testid="import-fingerprint">{fp}</strong> })}
                </li>
            }
        })
        .collect_view();
    let describe = move |item: &Item| naming.with_value(|ws| merge::describe_key(ws, &item.key));
    let new_items: Vec<_> = plan
        .items
        .iter()
        .filter(|i| i.status == Status::New)
        .map(|i| view! { <li>{record_kind(lang.get_untracked(), &i.key)}": "{describe(i)}</li> })
        .collect();
    // Identical records are listed up to a point: importing a whole
    // workspace into itself would otherwise list thousands.
    const LISTED: usize = 200;
    let identical: Vec<_> = plan
        .items
        .iter()
        .filter(|i| i.status == Status::Identical)
        .take(LISTED)
        .map(|i| view! { <li>{record_kind(lang.get_untracked(), &i.key)}": "{describe(i)}</li> })
        .collect();
    let more_identical = plan.identical_count().saturating_sub(LISTED);
    let kept = preview.kept.clone();
    let kept_at = move |idx: usize| kept.get(idx).cloned().flatten();
    let (n_kept_before, kept_unread) = (
        preview.kept.iter().flatten().count(),
        preview.kept_unread.clone(),
    );
    let (asked, kept_before): (Vec<_>, Vec<_>) = plan
        .items
        .iter()
        .enumerate()
        .filter_map(|(idx, item)| {
            let Status::Differs { mine } = &item.status else { return None };
            let kept_on = kept_at(idx);
            let (mine_lines, their_lines) = naming.with_value(|ws| {
                (
                    describe_part(lang.get_untracked(), ws, mine),
                    describe_part(lang.get_untracked(), ws, &item.theirs),
                )
            });
            let rows = mine_lines
                .iter()
                .zip(&their_lines)
                .map(|((label, a), (_, b))| {
                    let differs = a != b;
                    view! {
                        <tr class:differs=differs>
                            <th scope="row">{label.clone()}</th>
                            <td>{a.clone()}</td>
                            <td>{b.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let both = item.can_keep_both();
            let name = format!("choice-{idx}");
            let radio = move |choice: Choice, label: Text, id: &'static str| {
                let name = name.clone();
                view! {
                    <label class="choice">
                        <input type="radio" name=name data-testid=format!("choice-{id}-{idx}")
                            prop:checked=move || choices.with(|c| c.get(idx) == Some(&choice))
                            on:change=move |_| choices.update(|c| if let Some(slot) = c.get_mut(idx) { *slot = choice; })/>
                        {tr(label)}
                    </label>
                }
            };
            let was_kept = kept_on.is_some();
            let item_view = view! {
                <div class="differs-item" data-testid=format!("differs-{idx}")>
                    <h4>{record_kind(lang.get_untracked(), &item.key)}": "{describe(item)}</h4>
                    {kept_on.map(|at| view! {
                        <p class="hint" data-testid=format!("kept-on-{idx}")>{move || screen_text::kept_on(lang.get(), &at)}</p>
                    })}
                    <table class="side-by-side">
                        <thead><tr>
                            <th scope="col"></th>
                            <th scope="col">{tr(Text::OnThisLaptop)}</th>
                            <th scope="col">{tr(Text::InTheFile)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <fieldset class="choices">
                        <legend class="visually-hidden">{tr(Text::ChooseWhatToKeep)}</legend>
                        {radio(Choice::KeepMine, Text::KeepMine, "mine")}
                        {radio(Choice::TakeTheirs, Text::TakeTheirs, "theirs")}
                        {both.then(|| radio(Choice::KeepBoth, Text::KeepBoth, "both"))}
                    </fieldset>
                </div>
            };
            Some((was_kept, item_view))
        })
        .partition(|(was_kept, _)| !*was_kept);
    let asked = asked.into_iter().map(|(_, v)| v).collect_view();
    let kept_before = kept_before.into_iter().map(|(_, v)| v).collect_view();
    let unread = kept_unread.map(|error| {
        let why = naming.with_value(|ws| describe_storage_error(lang.get_untracked(), &error, ws));
        view! {
            <p class="form-error" role="alert" data-testid="import-kept-unread">
                {move || screen_text::kept_unread(lang.get(), &why)}
            </p>
        }
    });
    let (n_new, n_same, n_diff) = (
        plan.new_count(),
        plan.identical_count(),
        plan.differing_count(),
    );
    view! {
        <div class="import-preview" data-testid=format!("{testid}-preview")>
            <h3>{tr(Text::Preview)}</h3>
            <ul class="import-files">{files}</ul>
            <p data-testid="import-summary">
                {move || screen_text::import_summary(lang.get(), n_new, n_same, n_diff)}
            </p>
            {(n_new > 0).then(|| view! {
                <details open>
                    <summary>{tr(Text::NewRecords)}</summary>
                    <ul data-testid="import-new">{new_items}</ul>
                </details>
            })}
            {(n_same > 0).then(|| view! {
                <details>
                    <summary>{tr(Text::IdenticalRecords)}</summary>
                    <ul>{identical}</ul>
                    {(more_identical > 0).then(|| view! {
                        <p class="hint">{move || screen_text::more_identical(lang.get(), more_identical)}</p>
                    })}
                </details>
            })}
            {unread}
            {(n_diff > n_kept_before).then(|| view! {
                <div data-testid="import-differs">
                    <p>{tr(Text::DifferingRecords)}</p>
                    {asked}
                </div>
            })}
            {(n_kept_before > 0).then(|| view! {
                <details class="kept-before" data-testid="import-kept-before">
                    <summary>{move || screen_text::kept_before(lang.get(), n_kept_before)}</summary>
                    {kept_before}
                </details>
            })}
        </div>
    }
}
