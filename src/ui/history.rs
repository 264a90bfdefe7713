//! The cluster's history: leaders and deputies per year, hand-overs and
//! membership changes.

use leptos::prelude::*;

use super::route::Route;
use super::tr;
use crate::domain::ClusterId;
use crate::i18n::Text;
use crate::rules::history::history;
use crate::state::use_store;

#[derive(Clone, PartialEq)]
struct Row {
    year: u16,
    n_members: usize,
    leader: String,
    deputy: String,
    handover: String,
    joined: String,
    left: String,
}

#[component]
pub fn HistoryScreen(id: ClusterId) -> impl IntoView {
    let store = use_store();
    let cluster_name = move || store.workspace.with(|ws| ws.cluster_name(id));
    let rows = move || {
        store.workspace.with(|ws| {
            let Some(cluster) = ws.cluster(id) else {
                return Vec::new();
            };
            let names = |ids: &[crate::domain::UnitId]| {
                ids.iter()
                    .map(|u| ws.unit_name(*u))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            history(cluster)
                .into_iter()
                .rev()
                .map(|row| Row {
                    year: row.year,
                    n_members: row.n_members,
                    leader: row.leader.map(|u| ws.unit_name(u)).unwrap_or_default(),
                    deputy: row.deputy.map(|u| ws.unit_name(u)).unwrap_or_default(),
                    handover: row
                        .handover
                        .map(|h| {
                            let mut text = format!(
                                "{} → {}, {}",
                                ws.unit_name(h.from),
                                ws.unit_name(h.to),
                                h.date.to_vietnamese()
                            );
                            if !h.place.is_empty() {
                                text.push_str(", ");
                                text.push_str(&h.place);
                            }
                            text
                        })
                        .unwrap_or_default(),
                    joined: names(&row.joined),
                    left: names(&row.left),
                })
                .collect()
        })
    };
    view! {
        <nav class="breadcrumb" aria-label=tr(Text::Breadcrumb)>
            <a href="#/">{tr(Text::Clusters)}</a>" › "
            <a href=Route::Cluster(id).href()>{move || cluster_name()}</a>" › "
            <span>{tr(Text::History)}</span>
        </nav>
        <section class="card">
            <h1 data-testid="history-title">{tr(Text::ClusterHistory)}": "{move || cluster_name()}</h1>
            <Show when=move || !rows().is_empty()
                fallback=|| view! { <p class="empty">{tr(Text::NoYearsYet)}</p> }>
                <table class="data" data-testid="history-table">
                    <thead><tr>
                        <th scope="col">{tr(Text::Year)}</th>
                        <th scope="col">{tr(Text::Members)}</th>
                        <th scope="col">{tr(Text::LeaderUnit)}</th>
                        <th scope="col">{tr(Text::DeputyUnit)}</th>
                        <th scope="col">{tr(Text::Handover)}</th>
                        <th scope="col">{tr(Text::Joined)}</th>
                        <th scope="col">{tr(Text::Left)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|row| view! {
                            <tr data-testid="history-row">
                                <td>{row.year}</td>
                                <td class="num">{row.n_members}</td>
                                <td>{row.leader}</td>
                                <td>{row.deputy}</td>
                                <td>{row.handover}</td>
                                <td>{row.joined}</td>
                                <td>{row.left}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
