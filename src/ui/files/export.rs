//! Downloads of `.thidua.json` files: the whole workspace, a cluster, a unit's report.

use leptos::prelude::*;

use super::offer_file;
use crate::domain::{ClusterId, UnitId};
use crate::exchange::{
    cluster_file, file_name, sealed_rounds, unit_report_file, workspace_file, FileKind,
};
use crate::host::now_iso;
use crate::i18n::Text;
use crate::state::use_store;
use crate::ui::tr;

#[component]
pub fn ExportCard() -> impl IntoView {
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
            <h2>{tr(Text::DownloadWholeWorkspace)}</h2>
            <p>{tr(Text::WorkspaceFileExplained)}</p>
            <SealedNote cluster=None/>
            <button type="button" data-testid="export-workspace" on:click=export>
                {tr(Text::DownloadWorkspaceFile)}
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
            {tr(Text::DownloadClusterFile)}
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
            {tr(Text::DownloadUnitReportFile)}
        </button>
        {move || message.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
    }
}
