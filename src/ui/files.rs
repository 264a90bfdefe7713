//! Files and the browser store: export, import with a preview, snapshots
//! and the storage meter. Reading, comparing and merging are done by
//! `exchange::read_file` and `domain::merge`; this module only shows them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::route::Route;
use super::{bi, now_iso, tr};
use crate::domain::merge::{self, Bundle, Choice, Item, Plan, Status};
use crate::domain::{ClusterId, UnitId, Workspace};
use crate::exchange::{
    cluster_file, file_name, fingerprint, read_file, sealed_rounds, unit_report_file,
    workspace_file, FileError, FileKind, ReadFile, MAX_FILE_BYTES,
};
use crate::i18n::{
    describe_file_error, describe_merge_error, describe_part, format_megabytes, record_kind, Text,
};
use crate::state::{use_store, Backup, ImportError, Notice};
use crate::storage::{self, Usage, QUOTA_UNITS};

#[component]
pub fn FilesScreen() -> impl IntoView {
    view! {
        <h1>{bi("Tệp và sao lưu", "Files and backups")}</h1>
        <StorageCard/>
        <ExportCard/>
        <ImportCard expected=FileKind::ALL.to_vec() testid="import"/>
        <SnapshotsCard/>
    }
}

/// Bytes used against the quota, by kind, with the way out when full.
#[component]
pub fn StorageCard() -> impl IntoView {
    let store = use_store();
    // A memo: the card changes only when the numbers do.
    let usage = Memo::new(move |_| {
        store.tick.track();
        store.workspace.track();
        store.storage(|b| storage::usage(b))
    });
    let lang = store.lang;
    let mb = move |units: usize| format_megabytes(lang.get(), units);
    view! {
        <section class="card" data-testid="storage-card">
            <h2>{bi("Bộ nhớ của trình duyệt", "Browser storage")}</h2>
            {move || usage.get().err().map(|e| view! {
                <p class="form-error" role="alert" data-testid="storage-usage-error">
                    {tr(Text::StorageUsageUnreadable)}" "{super::describe_storage_error(lang.get(), &e)}
                </p>
            })}
            {move || {
                let u: Usage = usage.get().unwrap_or_default();
                let percent = u.percent().min(100);
                view! {
                    <p data-testid="storage-used">
                        {lang.get().pick(
                            format!("Đã dùng {} trên khoảng {} ({}%).", mb(u.total()), mb(QUOTA_UNITS), u.percent()),
                            format!("{} used of about {} ({}%).", mb(u.total()), mb(QUOTA_UNITS), u.percent()),
                        )}
                    </p>
                    <div class="meter" role="meter" aria-valuemin="0" aria-valuemax="100"
                        aria-valuenow=percent.to_string()
                        aria-label=bi("Bộ nhớ đã dùng", "Storage used")
                        class:meter-warning=u.warning()>
                        <div class="meter-fill" style=format!("width: {percent}%")></div>
                    </div>
                    <ul class="meter-parts">
                        <li>{bi("Dữ liệu", "Data")}": "{mb(u.live)}</li>
                        <li>{bi("Bản sao lưu", "Snapshots")}": "{mb(u.snapshots)}</li>
                        {(u.aside > 0).then(|| view! { <li>{bi("Dữ liệu cất riêng", "Set aside")}": "{mb(u.aside)}</li> })}
                        {(u.other > 0).then(|| view! { <li>{bi("Trang khác cùng địa chỉ", "Other pages of this address")}": "{mb(u.other)}</li> })}
                    </ul>
                    {u.warning().then(|| view! {
                        <p class="banner banner-warning" role="alert" data-testid="storage-warning">
                            {bi(
                                "Bộ nhớ sắp đầy. Hãy tải về một bản toàn bộ dữ liệu, xoá các bản sao lưu cũ bên dưới, hoặc xoá cụm, năm không còn dùng (sau khi đã tải tệp của chúng).",
                                "Storage is nearly full. Download a copy of the whole workspace, delete old snapshots below, or delete clusters and years no longer needed (after downloading their files).",
                            )}
                        </p>
                    })}
                }
            }}
        </section>
    }
}

#[component]
fn ExportCard() -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let text = store.workspace.with(|ws| workspace_file(ws, &now_iso()));
        let date = now_iso();
        let name = file_name(FileKind::Workspace, &[&date[..10.min(date.len())]]);
        offer_file(message, &name, text);
    };
    view! {
        <section class="card" data-testid="export-card">
            <h2>{bi("Tải về toàn bộ dữ liệu", "Download the whole workspace")}</h2>
            <p>{bi(
                "Một tệp .thidua.json chứa mọi cụm, đơn vị, năm, điểm, báo cáo và hội nghị trên máy này: để sao lưu, hoặc chuyển sang máy khác.",
                "One .thidua.json file with every cluster, unit, year, score, report and meeting on this laptop: to keep as a backup, or to move to another laptop.",
            )}</p>
            <SealedNote cluster=None/>
            <button type="button" data-testid="export-workspace" on:click=export>
                {bi("Tải tệp toàn bộ dữ liệu", "Download the workspace file")}
            </button>
            {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
        </section>
    }
}

/// Says which rounds in progress files and snapshots leave out the
/// ballots of (`exchange::sealed_rounds`, the same rule that writes them).
#[component]
fn SealedNote(cluster: Option<ClusterId>) -> impl IntoView {
    let store = use_store();
    let sealed = Memo::new(move |_| store.workspace.with(|ws| sealed_rounds(ws, cluster)));
    move || {
        let rounds = sealed.get();
        (!rounds.is_empty()).then(|| {
            view! {
                <p class="hint" role="note" data-testid="sealed-rounds">
                    {tr(Text::SealedRoundsNote)}" "{rounds.join(", ")}
                </p>
            }
        })
    }
}

/// Offers a built `.thidua.json` file for download (see `documents::offer`).
fn offer_file(message: RwSignal<Option<String>>, name: &str, text: Option<String>) {
    super::documents::offer(message, name, "application/json", text);
}

/// “Download the cluster file” for a cluster screen.
#[component]
pub fn ClusterFileButton(cluster: ClusterId) -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let (name, text) = store.workspace.with(|ws| {
            (
                file_name(FileKind::Cluster, &[&ws.cluster_name(cluster)]),
                cluster_file(ws, cluster, &now_iso()),
            )
        });
        offer_file(message, &name, text);
    };
    view! {
        <SealedNote cluster=Some(cluster)/>
        <button type="button" class="secondary" data-testid="export-cluster" on:click=export>
            {bi("Tải tệp của cụm (.thidua.json)", "Download the cluster file (.thidua.json)")}
        </button>
        {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
    }
}

/// “Send my report”: one unit's report and self scores for one year.
#[component]
pub fn UnitReportButton(cluster: ClusterId, year: u16, unit: UnitId) -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let (name, text) = store.workspace.with(|ws| {
            (
                file_name(
                    FileKind::UnitReport,
                    &[
                        &ws.cluster_name(cluster),
                        &year.to_string(),
                        &ws.unit(unit)
                            .map(|u| u.full_name.clone())
                            .unwrap_or_default(),
                    ],
                ),
                unit_report_file(ws, cluster, year, unit, &now_iso()),
            )
        });
        offer_file(message, &name, text);
    };
    view! {
        <button type="button" class="secondary" data-testid="export-unit-report" on:click=export>
            {bi("Tải tệp báo cáo của đơn vị này", "Download this unit's report file")}
        </button>
        {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
    }
}

/// What the chosen files hold, checked and compared, waiting for the
/// user's confirmation.
#[derive(Clone)]
struct Preview {
    files: Vec<(String, ReadFile)>,
    plan: Plan,
    /// Names for the records the files bring (units and clusters not yet
    /// on this laptop included).
    naming: Workspace,
}

/// A chosen file's text, or why there is none. A file above the limit is
/// refused by its size, without reading it.
async fn read_texts(files: Vec<web_sys::File>) -> Vec<(String, Result<String, Option<FileError>>)> {
    let mut out = Vec::new();
    for file in files {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            let too_large = FileError::TooLarge {
                bytes: file.size() as usize,
                limit: MAX_FILE_BYTES,
            };
            out.push((name, Err(Some(too_large))));
            continue;
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        out.push((name, text.ok_or(None)));
    }
    out
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
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
            let texts = read_texts(files).await;
            let lang = lang.get_untracked();
            let mut problems = Vec::new();
            let mut read = Vec::new();
            for (name, text) in texts {
                match text {
                    Err(Some(e)) => problems.push((name, describe_file_error(lang, &e))),
                    Err(None) => problems.push((
                        name,
                        lang.pick_str("Không đọc được tệp.", "The file could not be read.")
                            .to_owned(),
                    )),
                    Ok(text) => match read_file(&text, &expected.get_value()) {
                        Ok(file) => read.push((name, file)),
                        Err(e) => problems.push((name, describe_file_error(lang, &e))),
                    },
                }
            }
            if !problems.is_empty() {
                errors.set(problems);
                return;
            }
            let mut bundle = Bundle::default();
            for (name, file) in &read {
                if let Err(e) = bundle.absorb(file.bundle.clone()) {
                    errors.set(vec![(name.clone(), describe_merge_error(lang, &e))]);
                    return;
                }
            }
            let planned = store
                .workspace
                .with_untracked(|ws| merge::plan(ws, &bundle));
            match planned {
                Err(e) => errors.set(vec![(
                    read.iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    describe_merge_error(lang, &e),
                )]),
                Ok(plan) => {
                    let naming = store.workspace.with_untracked(|ws| bundle.naming(ws));
                    choices.set(vec![Choice::KeepMine; plan.items.len()]);
                    preview.set(Some(Preview {
                        files: read,
                        plan,
                        naming,
                    }));
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
                        Backup::Snapshot => lang.pick_str(
                            " Một bản sao lưu trước khi nhập đã được giữ lại.",
                            " A snapshot from before the import was kept.",
                        ),
                        Backup::FileSaved(_) | Backup::Without => "",
                    };
                    outcome.set(Some(lang.pick(
                        format!("Đã nhập: {added} bản ghi mới, {replaced} bản ghi theo tệp.{kept}"),
                        format!(
                            "Imported: {added} new records, {replaced} taken from the file.{kept}"
                        ),
                    )));
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
                bi("Nhập tệp báo cáo của các đơn vị", "Import the units' report files")()
            } else {
                bi("Nhập tệp", "Import files")()
            }}</h2>
            <p>{bi(
                "Chọn một hoặc nhiều tệp .thidua.json (hoặc kéo thả vào ô dưới). Trước khi thay đổi gì, ứng dụng cho xem cái mới, cái trùng và cái khác nhau để bạn chọn.",
                "Choose one or more .thidua.json files (or drop them on the box below). Before anything changes you see what is new, what is identical and what differs, and choose.",
            )}</p>
            <label class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <span>{bi("Chọn tệp hoặc kéo thả vào đây", "Choose files or drop them here")}</span>
                <input type="file" multiple accept=".json,application/json" data-testid=format!("{testid}-file") on:change=on_pick/>
            </label>
            {move || {
                let list = errors.get();
                (!list.is_empty()).then(|| view! {
                    <div class="form-error" role="alert" data-testid=format!("{testid}-errors")>
                        <p><strong>{bi("Không nhập gì cả:", "Nothing was imported:")}</strong></p>
                        <ul>{list.into_iter().map(|(name, message)| view! { <li><code>{name}</code>": "{message}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || outcome.get().map(|m| view! { <p class="ok" role="status" data-testid=format!("{testid}-done")>{m}</p> })}
            {move || preview.get().map(|p| view! {
                <PreviewView preview=p choices=choices testid=testid/>
                <div class="form-actions">
                    <button type="button" data-testid=format!("{testid}-confirm") on:click=confirm>{bi("Nhập theo lựa chọn trên", "Import as chosen above")}</button>
                    <button type="button" class="secondary" data-testid=format!("{testid}-cancel") on:click=cancel>{bi("Huỷ, không nhập", "Cancel, import nothing")}</button>
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
            // `2024-10-03T09:00:00Z` → `2024-10-03 09:00` (UTC, as written).
            let exported: String = f.exported_at.replace('T', " ").chars().take(16).collect();
            view! {
                <li>
                    <code>{name.clone()}</code>" · "{exported}
                    {fp.map(|fp| view! { " · "{bi("mã kiểm tra kết quả", "results fingerprint")}" "<strong class="fingerprint" data-testid="import-fingerprint">{fp}</strong> })}
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
    let differing = plan
        .items
        .iter()
        .enumerate()
        .filter_map(|(idx, item)| {
            let Status::Differs { mine } = &item.status else { return None };
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
            let radio = move |choice: Choice, label: &'static str, label_en: &'static str, id: &'static str| {
                let name = name.clone();
                view! {
                    <label class="choice">
                        <input type="radio" name=name data-testid=format!("choice-{id}-{idx}")
                            prop:checked=move || choices.with(|c| c.get(idx) == Some(&choice))
                            on:change=move |_| choices.update(|c| if let Some(slot) = c.get_mut(idx) { *slot = choice; })/>
                        {bi(label, label_en)}
                    </label>
                }
            };
            Some(view! {
                <div class="differs-item" data-testid=format!("differs-{idx}")>
                    <h4>{record_kind(lang.get_untracked(), &item.key)}": "{describe(item)}</h4>
                    <table class="side-by-side">
                        <thead><tr>
                            <th scope="col"></th>
                            <th scope="col">{bi("Trên máy này", "On this laptop")}</th>
                            <th scope="col">{bi("Trong tệp", "In the file")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <fieldset class="choices">
                        <legend class="visually-hidden">{bi("Chọn bản giữ lại", "Choose what to keep")}</legend>
                        {radio(Choice::KeepMine, "Giữ bản trên máy", "Keep mine", "mine")}
                        {radio(Choice::TakeTheirs, "Lấy bản trong tệp", "Take theirs", "theirs")}
                        {both.then(|| radio(Choice::KeepBoth, "Giữ cả hai", "Keep both", "both"))}
                    </fieldset>
                </div>
            })
        })
        .collect_view();
    let (n_new, n_same, n_diff) = (
        plan.new_count(),
        plan.identical_count(),
        plan.differing_count(),
    );
    view! {
        <div class="import-preview" data-testid=format!("{testid}-preview")>
            <h3>{bi("Xem trước", "Preview")}</h3>
            <ul class="import-files">{files}</ul>
            <p data-testid="import-summary">
                {move || lang.get().pick(
                    format!("{n_new} mới · {n_same} trùng khớp · {n_diff} khác nhau"),
                    format!("{n_new} new · {n_same} identical · {n_diff} different"),
                )}
            </p>
            {(n_new > 0).then(|| view! {
                <details open>
                    <summary>{bi("Bản ghi mới (sẽ được thêm)", "New records (will be added)")}</summary>
                    <ul data-testid="import-new">{new_items}</ul>
                </details>
            })}
            {(n_same > 0).then(|| view! {
                <details>
                    <summary>{bi("Trùng khớp với máy này (không đổi)", "Identical to this laptop (no change)")}</summary>
                    <ul>{identical}</ul>
                    {(more_identical > 0).then(|| view! {
                        <p class="hint">{move || lang.get().pick(format!("… và {more_identical} bản ghi trùng khớp khác."), format!("… and {more_identical} more identical records."))}</p>
                    })}
                </details>
            })}
            {(n_diff > 0).then(|| view! {
                <div data-testid="import-differs">
                    <p>{bi("Khác với máy này — chọn cho từng bản ghi (mặc định giữ bản trên máy):", "Different from this laptop — choose for each record (keeping mine unless you choose):")}</p>
                    {differing}
                </div>
            })}
        </div>
    }
}

/// Snapshots kept before imports and deletions: restore, download, delete.
#[component]
fn SnapshotsCard() -> impl IntoView {
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
            "import" => lang
                .get()
                .pick_str("Trước khi nhập tệp", "Before importing"),
            "delete-cluster" => lang
                .get()
                .pick_str("Trước khi xoá cụm", "Before deleting a cluster"),
            "delete-year" => lang
                .get()
                .pick_str("Trước khi xoá năm", "Before deleting a year"),
            "delete-round" => lang.get().pick_str(
                "Trước khi xoá vòng bỏ phiếu",
                "Before deleting a ballot round",
            ),
            "restore" => lang.get().pick_str(
                "Trước khi khôi phục bản sao lưu",
                "Before restoring a snapshot",
            ),
            _ => lang.get().pick_str("Không đọc được", "Unreadable"),
        };
        if subject.is_empty() {
            what.to_owned()
        } else {
            format!("{what}: {subject}")
        }
    };
    view! {
        <section class="card" data-testid="snapshots-card">
            <h2>{bi("Bản sao lưu tự động", "Automatic snapshots")}</h2>
            <p>{bi(
                "Trước mỗi lần nhập tệp và mỗi lần xoá cụm, năm hoặc vòng bỏ phiếu, ứng dụng giữ một bản sao toàn bộ dữ liệu (tối đa 5 bản, không bao giờ quá 80% bộ nhớ).",
                "Before every import and every deletion of a cluster, year or ballot round, the app keeps a copy of the whole workspace (at most 5, never beyond 80% of storage).",
            )}</p>
            {move || {
                let items = match list.get() {
                    Ok(items) => items,
                    Err(e) => return view! {
                        <p class="form-error" role="alert" data-testid="snapshot-list-error">
                            {tr(Text::SnapshotsUnreadable)}" "{super::describe_storage_error(lang.get(), &e)}
                        </p>
                    }.into_any(),
                };
                if items.is_empty() {
                    return view! { <p data-testid="no-snapshots">{bi("Chưa có bản sao lưu nào.", "No snapshots yet.")}</p> }.into_any();
                }
                view! {
                    <table class="snapshots" data-testid="snapshot-list">
                        <thead><tr>
                            <th scope="col">{bi("Khi nào", "When")}</th>
                            <th scope="col">{bi("Lý do", "Why")}</th>
                            <th scope="col">{bi("Nội dung", "Content")}</th>
                            <th scope="col"><span class="visually-hidden">{bi("Thao tác", "Actions")}</span></th>
                        </tr></thead>
                        <tbody>
                        {items.into_iter().map(|s| {
                            let key = StoredValue::new(s.key.clone());
                            let content = lang.get().pick(
                                format!("{} cụm, {} đơn vị, {} hội nghị · {}", s.clusters, s.units, s.meetings, format_megabytes(lang.get(), s.size)),
                                format!("{} clusters, {} units, {} meetings · {}", s.clusters, s.units, s.meetings, format_megabytes(lang.get(), s.size)),
                            );
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
                                        Ok(true) if backup == Backup::Snapshot => lang.pick_str("Đã khôi phục. Dữ liệu trước khi khôi phục cũng đã được giữ thành một bản sao lưu.", "Restored. The data from before the restore was kept as a snapshot too.").to_owned(),
                                        Ok(true) => lang.pick_str("Đã khôi phục.", "Restored.").to_owned(),
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
                                    Err(e) => message.set(Some(super::describe_storage_error(lang.get_untracked(), &e))),
                                }
                            };
                            let delete = move |_| {
                                let deleted = store.storage(|b| storage::delete_snapshot(b, &key.get_value()));
                                store.tick.update(|t| *t += 1);
                                message.set(deleted.err().map(|e| format!(
                                    "{} {}",
                                    tr(Text::SnapshotNotDeleted)(),
                                    super::describe_storage_error(lang.get_untracked(), &e),
                                )));
                            };
                            let asking = move || confirming.get().as_deref() == Some(key.get_value().as_str());
                            view! {
                                <tr data-testid="snapshot">
                                    <td>{s.taken_at.replace('T', " ").chars().take(16).collect::<String>()}</td>
                                    <td>{reason_text(&s.reason, &s.subject)}</td>
                                    <td>{content}</td>
                                    <td class="row-actions">
                                        <button type="button" data-testid="snapshot-restore" class:danger=asking on:click=restore>
                                            {move || if asking() { bi("Bấm lần nữa để khôi phục", "Press again to restore")() } else { bi("Khôi phục", "Restore")() }}
                                        </button>
                                        <button type="button" class="secondary" data-testid="snapshot-download" on:click=download>{bi("Tải về", "Download")}</button>
                                        <button type="button" class="secondary" data-testid="snapshot-delete" on:click=delete>{bi("Xoá", "Delete")}</button>
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

/// The notice after another tab changed the data, or a snapshot had to be
/// downloaded instead of kept.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let store = use_store();
    move || {
        store.notice.get().map(|notice| {
            let text = match notice {
                Notice::UpdatedElsewhere => bi(
                    "Dữ liệu vừa được thay đổi ở một thẻ hoặc cửa sổ khác; màn hình này đã cập nhật theo.",
                    "The data was just changed in another tab or window; this screen has been updated.",
                )()
                .to_owned(),
                Notice::SnapshotDownloaded(name) => store.lang.get().pick(
                    format!("Bộ nhớ không đủ chỗ giữ bản sao lưu, nên bản sao đã được tải về máy thành tệp {name}."),
                    format!("Storage had no room for a snapshot, so it was downloaded as the file {name} instead."),
                ),
                Notice::Restored => bi("Đã khôi phục bản sao lưu.", "The snapshot was restored.")().to_owned(),
            };
            view! {
                <div class="banner banner-info" role="status" data-testid="notice">
                    {text}" "
                    <button type="button" class="secondary" data-testid="dismiss-notice" on:click=move |_| store.notice.set(None)>{bi("Đã hiểu", "OK")}</button>
                </div>
            }
        })
    }
}

/// The deletion a `DeleteButton` makes.
pub type DeleteEdit =
    std::sync::Arc<dyn Fn(&mut Workspace) -> Result<(), crate::domain::DomainError> + Send + Sync>;

/// A two-step delete button: the first press asks, the second deletes
/// after a snapshot.
#[component]
pub fn DeleteButton(
    testid: &'static str,
    label: (&'static str, &'static str),
    reason: &'static str,
    subject: Signal<String>,
    edit: DeleteEdit,
    #[prop(optional)] then_go: Option<Route>,
) -> impl IntoView {
    let store = use_store();
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<crate::domain::DomainError>);
    let press = move |_| {
        if !asking.get_untracked() {
            asking.set(true);
            return;
        }
        asking.set(false);
        let edit = edit.clone();
        let subject = subject.get_untracked();
        store.guarded(move |backup| {
            match store.apply_destructive(reason, &subject, backup, |ws| edit(ws)) {
                Ok(Some(())) => {
                    error.set(None);
                    if let Some(route) = then_go {
                        super::browser::navigate(route);
                    }
                }
                Ok(None) => return false,
                Err(e) => error.set(Some(e)),
            }
            true
        });
    };
    view! {
        <button type="button" class="danger" data-testid=testid on:click=press>
            {move || if asking.get() { bi("Bấm lần nữa để xoá (có sao lưu trước)", "Press again to delete (a snapshot is kept first)")() } else { bi(label.0, label.1)() }}
        </button>
        {move || asking.get().then(|| view! {
            <button type="button" class="secondary" data-testid=format!("{testid}-cancel") on:click=move |_| asking.set(false)>{bi("Không xoá", "Don't delete")}</button>
        })}
        <super::widgets::FormError error=error testid=testid/>
    }
}

/// Why an import or a restore did not happen, in words.
fn describe_step_error(lang: crate::i18n::Lang, error: &ImportError) -> String {
    let store = use_store();
    match error {
        ImportError::Merge(m) => describe_merge_error(lang, m),
        ImportError::Storage(s) => super::describe_storage_error(lang, s),
        ImportError::NotSaved(s) => format!(
            "{} {}",
            tr(Text::ImportNotSaved)(),
            super::describe_storage_error(lang, s),
        ),
        ImportError::Domain(d) => store
            .workspace
            .with_untracked(|ws| crate::i18n::describe_domain_error(lang, d, ws)),
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
        let Some(offer) = store.backup_offer.get_untracked() else {
            return;
        };
        let ok = super::download_file(&offer.name, "application/json", &offer.text);
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
