//! Every unit on this laptop, in Vietnamese alphabetical order, with the
//! clusters it belongs to; edit one, or add one outside any cluster.

use leptos::prelude::*;

use super::browser::compare_vi;
use super::tr;
use super::widgets::{form_restarts, record_made, FormError, SavedNote, TextField};
use crate::domain::{form, UnitDraft, UnitId};
use crate::host::new_id;
use crate::i18n::Text;
use crate::state::{use_store, Refusal};

#[derive(Clone, PartialEq)]
struct Row {
    id: UnitId,
    full_name: String,
    short_name: String,
    kind: String,
    commander: String,
    clusters: String,
}

#[component]
pub fn UnitsScreen() -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let mut rows: Vec<Row> = store.workspace.with(|ws| {
            ws.units()
                .iter()
                .map(|u| Row {
                    id: u.id,
                    full_name: u.full_name.clone(),
                    short_name: u.short_name.clone(),
                    kind: u.kind.clone(),
                    commander: u.commander.clone(),
                    clusters: ws
                        .clusters()
                        .iter()
                        .filter(|c| c.units().contains(&u.id))
                        .map(|c| c.name.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect()
        });
        crate::sort::sort_by(&mut rows, |a, b| compare_vi(&a.full_name, &b.full_name));
        rows
    };
    let editing = RwSignal::new(None::<UnitId>);
    view! {
        <section class="card">
            <h1>{tr(Text::Units)}</h1>
            <Show when=move || !rows().is_empty()
                fallback=|| view! { <p class="empty">{tr(Text::NoUnitsAnywhere)}</p> }>
                <table class="data" data-testid="unit-list">
                    <thead><tr>
                        <th scope="col">{tr(Text::UnitFullName)}</th>
                        <th scope="col">{tr(Text::UnitShortName)}</th>
                        <th scope="col">{tr(Text::UnitKind)}</th>
                        <th scope="col">{tr(Text::Commander)}</th>
                        <th scope="col">{tr(Text::Clusters)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(Text::Actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|row| {
                            let id = row.id;
                            view! {
                                <tr data-testid="unit-row">
                                    <td data-testid="unit-name">{row.full_name}</td>
                                    <td>{row.short_name}</td>
                                    <td>{row.kind}</td>
                                    <td>{row.commander}</td>
                                    <td>{row.clusters}</td>
                                    <td><button type="button" class="small secondary" data-testid="edit-unit"
                                        on:click=move |_| editing.set(Some(id))>{tr(Text::Edit)}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
        {move || editing.get().map(|id| view! { <EditUnitForm id=id editing=editing/> })}
        <UnitForm/>
    }
}

fn draft_signals(draft: UnitDraft) -> [RwSignal<String>; 5] {
    [
        RwSignal::new(draft.full_name),
        RwSignal::new(draft.short_name),
        RwSignal::new(draft.kind),
        RwSignal::new(draft.commander),
        RwSignal::new(draft.contact),
    ]
}

fn draft_of(fields: [RwSignal<String>; 5]) -> UnitDraft {
    let [full_name, short_name, kind, commander, contact] = fields.map(|f| f.get_untracked());
    UnitDraft {
        full_name,
        short_name,
        kind,
        commander,
        contact,
    }
}

#[component]
fn UnitFields(fields: [RwSignal<String>; 5], prefix: &'static str) -> impl IntoView {
    let [full_name, short_name, kind, commander, contact] = fields;
    let id = |suffix: &'static str| -> &'static str {
        match (prefix, suffix) {
            ("edit", "full") => "edit-unit-full-name",
            ("edit", "short") => "edit-unit-short-name",
            ("edit", "kind") => "edit-unit-kind",
            ("edit", "commander") => "edit-unit-commander",
            ("edit", _) => "edit-unit-contact",
            (_, "full") => "free-unit-full-name",
            (_, "short") => "free-unit-short-name",
            (_, "kind") => "free-unit-kind",
            (_, "commander") => "free-unit-commander",
            _ => "free-unit-contact",
        }
    };
    view! {
        <TextField label=Text::UnitFullName value=full_name testid=id("full") required=true/>
        <TextField label=Text::UnitShortName value=short_name testid=id("short")/>
        <TextField label=Text::UnitKind value=kind testid=id("kind")/>
        <TextField label=Text::Commander value=commander testid=id("commander")/>
        <TextField label=Text::Contact value=contact testid=id("contact")/>
    }
}

#[component]
fn EditUnitForm(id: UnitId, editing: RwSignal<Option<UnitId>>) -> impl IntoView {
    let store = use_store();
    // The values the form started from: a save changes only the fields
    // typed here (see `domain::form`).
    let present = move || {
        store
            .workspace
            .with_untracked(|ws| ws.unit(id).map(UnitDraft::of))
    };
    let base = StoredValue::new(present().unwrap_or_default());
    let fields = draft_signals(base.get_value());
    let restart = move || {
        let now = present().unwrap_or_default();
        let [full_name, short_name, kind, commander, contact] = fields;
        full_name.set(now.full_name.clone());
        short_name.set(now.short_name.clone());
        kind.set(now.kind.clone());
        commander.set(now.commander.clone());
        contact.set(now.contact.clone());
        base.set_value(now);
    };
    let error = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let from = base.get_value();
        let outcome = store.apply(|ws| {
            let draft = form::merged(&from, draft_of(fields), ws.unit(id).map(UnitDraft::of))?;
            ws.update_unit(id, draft)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    view! {
        <section class="card">
            <h2>{tr(Text::EditUnit)}</h2>
            <form class="form-grid" on:submit=submit data-testid="edit-unit-form" novalidate>
                <UnitFields fields=fields prefix="edit"/>
                <div class="form-actions">
                    <button type="submit" data-testid="save-unit">{tr(Text::Save)}</button>
                    <button type="button" class="secondary" on:click=move |_| editing.set(None)>{tr(Text::Close)}</button>
                    <SavedNote shown=saved testid="unit-saved"/>
                </div>
                <FormError error=error testid="edit-unit-error"/>
            </form>
        </section>
    }
}

#[component]
fn UnitForm() -> impl IntoView {
    let store = use_store();
    let fields = draft_signals(UnitDraft::default());
    let error = RwSignal::new(None::<Refusal>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A unit kept on screen but not stored is made: the form empties
        // too (pressing again would make it twice).
        let outcome = store.apply(|ws| ws.add_unit(UnitId(new_id()), draft_of(fields), None));
        if record_made(&outcome) {
            fields.iter().for_each(|f| f.set(String::new()));
        }
        error.set(outcome.err());
    };
    view! {
        <section class="card">
            <h2>{tr(Text::NewUnit)}</h2>
            <p class="hint">{tr(Text::NewUnitOutsideCluster)}</p>
            <form class="form-grid" on:submit=submit data-testid="free-unit-form" novalidate>
                <UnitFields fields=fields prefix="free"/>
                <div class="form-actions">
                    <button type="submit" data-testid="add-free-unit">{tr(Text::AddUnit)}</button>
                </div>
                <FormError error=error testid="free-unit-error"/>
            </form>
        </section>
    }
}
