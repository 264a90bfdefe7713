//! The start screen: the clusters on this laptop, a new cluster, the sample.

use leptos::prelude::*;

use super::browser::{compare_vi, navigate};
use super::route::Route;
use super::tr;
use super::widgets::{FormError, TextField};
use crate::domain::{ClusterDraft, ClusterId};
use crate::host::new_id;
use crate::i18n::Text;
use crate::sample;
use crate::state::{use_store, Refusal};

#[derive(Clone, PartialEq)]
struct ClusterRow {
    id: ClusterId,
    name: String,
    number: String,
    parent_org: String,
    n_units: usize,
    latest: Option<(u16, String)>,
}

#[component]
pub fn HomeScreen() -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let mut rows: Vec<ClusterRow> = store.workspace.with(|ws| {
            ws.clusters()
                .iter()
                .map(|c| ClusterRow {
                    id: c.id,
                    name: c.name.clone(),
                    number: c.number.clone(),
                    parent_org: c.parent_org.clone(),
                    n_units: c.units().len(),
                    latest: c.years().last().map(|y| {
                        (
                            y.year,
                            y.leader.map(|l| ws.unit_name(l)).unwrap_or_default(),
                        )
                    }),
                })
                .collect()
        });
        crate::sort::sort_by(&mut rows, |a, b| compare_vi(&a.name, &b.name));
        rows
    };

    let sample_error = RwSignal::new(None::<Refusal>);
    let load_sample = move |_| match store.apply(|ws| sample::load_sample(ws, new_id)) {
        Ok(id) => navigate(Route::Cluster(id)),
        Err(e) => sample_error.set(Some(e)),
    };

    view! {
        <section class="card">
            <h1>{tr(Text::Clusters)}</h1>
            <Show when=move || !rows().is_empty()
                fallback=|| view! { <p class="empty" data-testid="no-clusters">{tr(Text::NoClustersYet)}</p> }>
                <table class="data" data-testid="cluster-list">
                    <thead><tr>
                        <th scope="col">{tr(Text::ClusterName)}</th>
                        <th scope="col">{tr(Text::ClusterNumber)}</th>
                        <th scope="col">{tr(Text::ParentOrg)}</th>
                        <th scope="col">{tr(Text::UnitsCount)}</th>
                        <th scope="col">{tr(Text::LatestYearLeader)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|row| view! {
                            <tr data-testid="cluster-row">
                                <td><a href=Route::Cluster(row.id).href() data-testid="cluster-link">{row.name}</a></td>
                                <td>{row.number}</td>
                                <td>{row.parent_org}</td>
                                <td class="num">{row.n_units}</td>
                                <td>{row.latest.map(|(year, leader)| format!("{year}: {leader}"))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
        <NewClusterForm/>
        <section class="card">
            <h2>{tr(Text::SampleData)}</h2>
            <p>{tr(Text::SampleDataExplained)}</p>
            <button type="button" data-testid="load-sample" on:click=load_sample>{tr(Text::LoadSample)}</button>
            <FormError error=sample_error testid="sample-error"/>
        </section>
    }
}

#[component]
fn NewClusterForm() -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let parent_org = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Refusal>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ClusterDraft {
            name: name.get_untracked(),
            number: number.get_untracked(),
            parent_org: parent_org.get_untracked(),
            notes: notes.get_untracked(),
        };
        let id = ClusterId(new_id());
        match store.apply(|ws| ws.add_cluster(id, draft)) {
            Ok(()) => navigate(Route::Cluster(id)),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card">
            <h2>{tr(Text::NewCluster)}</h2>
            <form class="form-grid" on:submit=submit data-testid="new-cluster-form" novalidate>
                <TextField label=Text::ClusterName value=name testid="cluster-name" required=true/>
                <TextField label=Text::ClusterNumber value=number testid="cluster-number"/>
                <TextField label=Text::ParentOrg value=parent_org testid="cluster-parent"/>
                <TextField label=Text::Notes value=notes testid="cluster-notes" multiline=true/>
                <div class="form-actions">
                    <button type="submit" data-testid="create-cluster">{tr(Text::CreateCluster)}</button>
                </div>
                <FormError error=error testid="new-cluster-error"/>
            </form>
        </section>
    }
}
