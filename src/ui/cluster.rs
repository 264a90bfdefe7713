//! One cluster: its details, its units in rotation order, and its years.

use leptos::prelude::*;

use super::browser::{compare_vi, navigate};
use super::route::Route;
use super::tr;
use super::widgets::{form_restarts, record_made, FormError, SavedNote, TextField, UnitSelect};
use crate::domain::{
    form, ClusterDraft, ClusterId, DomainError, Shift, UnitDraft, UnitId, YearDraft,
};
use crate::host::new_id;
use crate::i18n::Text;
use crate::state::{use_store, Refusal};

#[component]
pub fn ClusterScreen(id: ClusterId) -> impl IntoView {
    let store = use_store();
    let exists = move || store.workspace.with(|ws| ws.cluster(id).is_some());
    view! {
        <Show when=exists fallback=|| view! {
            <section class="card" data-testid="not-found">
                <h1>{tr(Text::ClusterNotFound)}</h1>
                <a href="#/">{tr(Text::BackToClusters)}</a>
            </section>
        }>
            <ClusterPage id=id/>
        </Show>
    }
}

#[component]
fn ClusterPage(id: ClusterId) -> impl IntoView {
    let store = use_store();
    let title = move || store.workspace.with(|ws| ws.cluster_name(id));
    view! {
        <nav class="breadcrumb" aria-label=tr(Text::Breadcrumb)>
            <a href="#/">{tr(Text::Clusters)}</a>" › "<span>{title}</span>
        </nav>
        <h1 data-testid="cluster-title">{title}</h1>
        <p><a href=Route::History(id).href() data-testid="history-link">{tr(Text::ClusterHistory)}</a></p>
        <div class="columns">
            <YearsCard id=id/>
            <DetailsCard id=id/>
        </div>
        <RotationCard id=id/>
        <super::regulation::RegulationCard id=id/>
        <section class="card" data-testid="cluster-files">
            <h2>{tr(Text::ClusterFile)}</h2>
            <p class="hint">{tr(Text::ClusterFileExplained)}</p>
            <div class="form-actions">
                <super::files::ClusterFileButton cluster=id/>
                <super::widgets::DeleteButton testid="delete-cluster" label=Text::DeleteThisCluster
                    reason="delete-cluster" subject=Signal::derive(title)
                    edit=std::sync::Arc::new(move |ws: &mut crate::domain::Workspace| ws.delete_cluster(id))
                    then_go=Route::Home/>
            </div>
        </section>
    }
}

#[component]
fn DetailsCard(id: ClusterId) -> impl IntoView {
    let store = use_store();
    // The values the form started from: a save changes only the fields
    // typed here (see `domain::form`).
    let present = move || {
        store
            .workspace
            .with_untracked(|ws| ws.cluster(id).map(ClusterDraft::of))
    };
    let base = StoredValue::new(present().unwrap_or_default());
    let field =
        |get: fn(&ClusterDraft) -> &String| RwSignal::new(base.with_value(|b| get(b).clone()));
    let name = field(|c| &c.name);
    let number = field(|c| &c.number);
    let parent_org = field(|c| &c.parent_org);
    let notes = field(|c| &c.notes);
    let restart = move || {
        let now = present().unwrap_or_default();
        name.set(now.name.clone());
        number.set(now.number.clone());
        parent_org.set(now.parent_org.clone());
        notes.set(now.notes.clone());
        base.set_value(now);
    };
    let error = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mine = ClusterDraft {
            name: name.get_untracked(),
            number: number.get_untracked(),
            parent_org: parent_org.get_untracked(),
            notes: notes.get_untracked(),
        };
        let from = base.get_value();
        let outcome = store.apply(|ws| {
            let draft = form::merged(&from, mine, ws.cluster(id).map(ClusterDraft::of))?;
            ws.update_cluster(id, draft)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    view! {
        <section class="card">
            <h2>{tr(Text::ClusterDetails)}</h2>
            <form class="form-grid" on:submit=submit data-testid="cluster-details-form" novalidate>
                <TextField label=Text::ClusterName value=name testid="edit-cluster-name" required=true/>
                <TextField label=Text::ClusterNumber value=number testid="edit-cluster-number"/>
                <TextField label=Text::ParentOrg value=parent_org testid="edit-cluster-parent"/>
                <TextField label=Text::Notes value=notes testid="edit-cluster-notes" multiline=true/>
                <div class="form-actions">
                    <button type="submit" data-testid="save-cluster">{tr(Text::Save)}</button>
                    <SavedNote shown=saved testid="cluster-saved"/>
                </div>
                <FormError error=error testid="cluster-details-error"/>
            </form>
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct RotationRow {
    id: UnitId,
    full_name: String,
    short_name: String,
    kind: String,
}

/// An edit of one row of the rotation table.
type RowEdit = Box<dyn FnOnce(&mut crate::domain::Workspace) -> Result<(), DomainError>>;

#[component]
fn RotationCard(id: ClusterId) -> impl IntoView {
    let store = use_store();
    let rows = move || {
        store.workspace.with(|ws| {
            let Some(cluster) = ws.cluster(id) else {
                return Vec::new();
            };
            cluster
                .units()
                .iter()
                .map(|u| match ws.unit(*u) {
                    Some(unit) => RotationRow {
                        id: *u,
                        full_name: unit.full_name.clone(),
                        short_name: unit.short_name.clone(),
                        kind: unit.kind.clone(),
                    },
                    None => RotationRow {
                        id: *u,
                        full_name: ws.unit_name(*u),
                        short_name: String::new(),
                        kind: String::new(),
                    },
                })
                .collect::<Vec<_>>()
        })
    };
    let n_rows = move || rows().len();
    let row_error = RwSignal::new(None::<Refusal>);
    let act = move |edit: RowEdit| {
        row_error.set(store.apply(edit).err());
    };

    // Existing units of other clusters that can join this one.
    let others = Signal::derive(move || {
        store.workspace.with(|ws| {
            let inside = ws
                .cluster(id)
                .map(|c| c.units().to_vec())
                .unwrap_or_default();
            let mut list: Vec<(UnitId, String)> = ws
                .units()
                .iter()
                .filter(|u| !inside.contains(&u.id))
                .map(|u| (u.id, u.full_name.clone()))
                .collect();
            crate::sort::sort_by(&mut list, |a, b| compare_vi(&a.1, &b.1));
            list
        })
    });
    let chosen = RwSignal::new(None::<UnitId>);
    let add_existing = move |_| {
        if let Some(unit) = chosen.get_untracked() {
            match store.apply(|ws| ws.add_unit_to_cluster(id, unit)) {
                Ok(()) => {
                    chosen.set(None);
                    row_error.set(None);
                }
                Err(e) => row_error.set(Some(e)),
            }
        }
    };

    view! {
        <section class="card">
            <h2>{tr(Text::ClusterUnits)}</h2>
            <p class="hint">{tr(Text::RotationExplained)}</p>
            <Show when=move || n_rows() != 0
                fallback=|| view! { <p class="empty" data-testid="no-units">{tr(Text::NoUnitsYet)}</p> }>
                <table class="data" data-testid="rotation-list">
                    <thead><tr>
                        <th scope="col">{tr(Text::RotationOrder)}</th>
                        <th scope="col">{tr(Text::UnitFullName)}</th>
                        <th scope="col">{tr(Text::UnitShortName)}</th>
                        <th scope="col">{tr(Text::UnitKind)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(Text::Actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().enumerate().map(|(idx, row)| {
                            let unit = row.id;
                            let last = idx + 1 == n_rows();
                            view! {
                                <tr data-testid="rotation-row">
                                    <td class="num">{idx + 1}</td>
                                    <td data-testid="rotation-name">{row.full_name.clone()}</td>
                                    <td>{row.short_name}</td>
                                    <td>{row.kind}</td>
                                    <td class="row-actions">
                                        <button type="button" class="small" disabled=idx == 0
                                            aria-label=move || format!("{} {}", tr(Text::MoveEarlier)(), row.full_name)
                                            data-testid="move-earlier"
                                            on:click=move |_| act(Box::new(move |ws| ws.move_in_rotation(id, unit, Shift::Earlier)))>"↑"</button>
                                        <button type="button" class="small" disabled=last
                                            aria-label=tr(Text::MoveLater)
                                            data-testid="move-later"
                                            on:click=move |_| act(Box::new(move |ws| ws.move_in_rotation(id, unit, Shift::Later)))>"↓"</button>
                                        <button type="button" class="small secondary"
                                            data-testid="remove-from-cluster"
                                            on:click=move |_| act(Box::new(move |ws| ws.remove_unit_from_cluster(id, unit)))>
                                            {tr(Text::RemoveFromCluster)}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <FormError error=row_error testid="rotation-error"/>
            <Show when=move || !others.with(Vec::is_empty)>
                <div class="inline-form">
                    <UnitSelect label=Text::AddExistingUnit options=others value=chosen testid="existing-unit"/>
                    <button type="button" data-testid="add-existing-unit" on:click=add_existing>{tr(Text::Add)}</button>
                </div>
            </Show>
            <NewUnitForm cluster=id/>
            <super::units::PasteUnitsForm cluster=Some(id)/>
        </section>
    }
}

#[component]
fn NewUnitForm(cluster: ClusterId) -> impl IntoView {
    let store = use_store();
    let full_name = RwSignal::new(String::new());
    let short_name = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let commander = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Refusal>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = UnitDraft {
            full_name: full_name.get_untracked(),
            short_name: short_name.get_untracked(),
            kind: kind.get_untracked(),
            commander: commander.get_untracked(),
            contact: contact.get_untracked(),
        };
        let outcome = store.apply(|ws| ws.add_unit(UnitId(new_id()), draft, Some(cluster)));
        // Made but not stored is made: the form empties and says why.
        if record_made(&outcome) {
            for field in [full_name, short_name, kind, commander, contact] {
                field.set(String::new());
            }
        }
        error.set(outcome.err());
    };
    view! {
        <h3>{tr(Text::NewUnit)}</h3>
        <form class="form-grid" on:submit=submit data-testid="new-unit-form" novalidate>
            <TextField label=Text::UnitFullName value=full_name testid="unit-full-name" required=true/>
            <TextField label=Text::UnitShortName value=short_name testid="unit-short-name"/>
            <TextField label=Text::UnitKind value=kind testid="unit-kind"/>
            <TextField label=Text::Commander value=commander testid="unit-commander"/>
            <TextField label=Text::Contact value=contact testid="unit-contact"/>
            <div class="form-actions">
                <button type="submit" data-testid="add-unit">{tr(Text::AddUnit)}</button>
            </div>
            <FormError error=error testid="new-unit-error"/>
        </form>
    }
}

#[derive(Clone, PartialEq)]
struct YearRow {
    year: u16,
    n_members: usize,
    leader: String,
    deputy: String,
}

#[component]
fn YearsCard(id: ClusterId) -> impl IntoView {
    let store = use_store();
    let rows = move || {
        store.workspace.with(|ws| {
            let name = |u: Option<UnitId>| u.map(|u| ws.unit_name(u)).unwrap_or_default();
            ws.cluster(id)
                .map(|c| {
                    c.years()
                        .iter()
                        .rev()
                        .map(|y| YearRow {
                            year: y.year,
                            n_members: y.members.len(),
                            leader: name(y.leader),
                            deputy: name(y.deputy),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let new_year = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Refusal>);
    let year_text_error = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(year) = new_year.get_untracked().trim().parse::<u16>() else {
            year_text_error.set(true);
            return;
        };
        year_text_error.set(false);
        // A new year starts with every unit of the cluster as a member.
        let members = store.workspace.with_untracked(|ws| {
            ws.cluster(id)
                .map(|c| c.units().to_vec())
                .unwrap_or_default()
        });
        let draft = YearDraft {
            members,
            leader: None,
            deputy: None,
        };
        match store.apply(|ws| ws.add_year(id, year, draft)) {
            Ok(()) => navigate(Route::Year(id, year)),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card">
            <h2>{tr(Text::EmulationYears)}</h2>
            <Show when=move || !rows().is_empty()
                fallback=|| view! { <p class="empty" data-testid="no-years">{tr(Text::NoYearsYet)}</p> }>
                <table class="data" data-testid="year-list">
                    <thead><tr>
                        <th scope="col">{tr(Text::Year)}</th>
                        <th scope="col">{tr(Text::Members)}</th>
                        <th scope="col">{tr(Text::LeaderUnit)}</th>
                        <th scope="col">{tr(Text::DeputyUnit)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|row| view! {
                            <tr data-testid="year-row">
                                <td><a href=Route::Year(id, row.year).href() data-testid="year-link">{row.year}</a></td>
                                <td class="num">{row.n_members}</td>
                                <td>{row.leader}</td>
                                <td>{row.deputy}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <form class="inline-form" on:submit=submit data-testid="new-year-form" novalidate>
                <TextField label=Text::NewYear value=new_year testid="new-year" input_type="number"/>
                <button type="submit" data-testid="create-year">{tr(Text::CreateYear)}</button>
            </form>
            <Show when=move || year_text_error.get()>
                <p class="form-error" role="alert" data-testid="new-year-error">{tr(Text::YearNotANumber)}</p>
            </Show>
            <FormError error=error testid="new-year-error"/>
        </section>
    }
}
