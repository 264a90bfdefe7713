//! Every unit on this laptop, in Vietnamese alphabetical order, with the
//! clusters it belongs to; edit one, or add one outside any cluster.

use leptos::prelude::*;

use super::browser::compare_vi;
use super::tr;
use super::widgets::{form_restarts, record_made, FormError, SavedNote, TextField};
use crate::domain::{form, read_pasted_units, ClusterId, Collision, LineFlag, UnitDraft, UnitId};
use crate::host::new_id;
use crate::i18n::{screen_text, Lang, Text};
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
        <section class="card"><PasteUnitsForm cluster=None/></section>
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

/// One line of a paste's preview, with the user's tick for a near-duplicate.
#[derive(Clone, PartialEq)]
struct PreviewLine {
    name: String,
    flag: LineFlag,
    anyway: RwSignal<bool>,
}

/// What a preview line says of itself, in `lang`.
fn flag_text(lang: Lang, flag: &LineFlag) -> String {
    let line = |c: &Collision| match c {
        Collision::Unit { .. } => None,
        Collision::Line { index, .. } => Some(index + 1),
    };
    match flag {
        LineFlag::New => Text::PastedNew.in_lang(lang).to_owned(),
        LineFlag::Duplicate(c) => screen_text::pasted_same(lang, c.name(), line(c)),
        LineFlag::NearDuplicate(c) => screen_text::pasted_alike(lang, c.name(), line(c)),
    }
}

/// Many units at once from a pasted list, one a line: a preview flags
/// duplicates and near-duplicates, and only the new lines (and the
/// near-duplicates ticked) are added, in one edit, to `cluster` if given.
/// Nothing is saved before the add button.
#[component]
pub fn PasteUnitsForm(cluster: Option<ClusterId>) -> impl IntoView {
    let store = use_store();
    let text = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<Vec<PreviewLine>>);
    let error = RwSignal::new(None::<Refusal>);
    let added = RwSignal::new(false);
    let show_preview = move |_| {
        let lines = store
            .workspace
            .with_untracked(|ws| read_pasted_units(&text.get_untracked(), ws.units()));
        preview.set(Some(
            lines
                .into_iter()
                .map(|l| PreviewLine {
                    name: l.name,
                    flag: l.flag,
                    anyway: RwSignal::new(false),
                })
                .collect(),
        ));
        error.set(None);
        added.set(false);
    };
    let chosen = move || {
        preview.with(|p| {
            p.iter()
                .flatten()
                .filter(|l| match l.flag {
                    LineFlag::New => true,
                    LineFlag::NearDuplicate(_) => l.anyway.get(),
                    LineFlag::Duplicate(_) => false,
                })
                .map(|l| l.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let names = chosen();
        if names.is_empty() {
            return;
        }
        // The names shown are added as shown; `add_units` refuses them all
        // if one has become a duplicate meanwhile (another tab).
        let units = names
            .into_iter()
            .map(|full_name| {
                let draft = UnitDraft {
                    full_name,
                    ..UnitDraft::default()
                };
                (UnitId(new_id()), draft)
            })
            .collect();
        let outcome = store.apply(|ws| ws.add_units(units, cluster));
        if record_made(&outcome) {
            text.set(String::new());
            preview.set(None);
        }
        added.set(outcome.is_ok());
        error.set(outcome.err());
    };
    let lang = store.lang;
    // On the cluster's page the form sits under the cluster's units (h3).
    let inside_cluster = cluster.is_some();
    let form_testid = if inside_cluster {
        "paste-units-cluster"
    } else {
        "paste-units-free"
    };
    let title = move || tr(Text::PasteUnits)();
    let count = move || chosen().len();
    view! {
        <div class="paste-units" data-testid=form_testid>
            {if inside_cluster { view! { <h3>{title}</h3> }.into_any() } else { view! { <h2>{title}</h2> }.into_any() }}
            <p class="hint">{tr(Text::PasteUnitsHint)}</p>
            <label class="field">
                <span class="field-label">{tr(Text::PasteUnitsList)}</span>
                <textarea data-testid="paste-units-text" rows="6" bind:value=text
                    on:input=move |_| preview.set(None)></textarea>
            </label>
            <div class="form-actions">
                <button type="button" class="secondary" data-testid="paste-units-preview" on:click=show_preview>
                    {tr(Text::Preview)}</button>
                <SavedNote shown=added testid="paste-units-saved"/>
            </div>
            {move || preview.get().map(|lines| {
                view! {
                    <table class="data" data-testid="paste-units-table">
                        <thead><tr>
                            <th scope="col">"#"</th>
                            <th scope="col">{tr(Text::UnitFullName)}</th>
                            <th scope="col">{tr(Text::PastedCheck)}</th>
                            <th scope="col">{tr(Text::AddAnyway)}</th>
                        </tr></thead>
                        <tbody>
                            {lines.into_iter().enumerate().map(|(idx, l)| {
                                let flag = l.flag.clone();
                                let class = match l.flag {
                                    LineFlag::New => "ok",
                                    LineFlag::Duplicate(_) => "flag-same",
                                    LineFlag::NearDuplicate(_) => "warn",
                                };
                                let name = l.name.clone();
                                let anyway = l.anyway;
                                view! {
                                    <tr data-testid="pasted-line">
                                        <td class="num">{idx + 1}</td>
                                        <td data-testid="pasted-name">{l.name}</td>
                                        <td class=class data-testid="pasted-flag">{move || flag_text(lang.get(), &flag)}</td>
                                        <td>{matches!(l.flag, LineFlag::NearDuplicate(_)).then(|| view! {
                                            <input type="checkbox" data-testid="pasted-add-anyway" bind:checked=anyway
                                                aria-label=move || format!("{}: {}", tr(Text::AddAnyway)(), name)/>
                                        })}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {move || (count() == 0).then(|| view! { <p class="hint" data-testid="paste-units-nothing">{tr(Text::PastedNothingNew)}</p> })}
                    <div class="form-actions">
                        <button type="button" data-testid="add-pasted-units" disabled=move || count() == 0 on:click=add>
                            {move || screen_text::add_pasted_units(lang.get(), count())}</button>
                    </div>
                }
            })}
            <FormError error=error testid="paste-units-error"/>
        </div>
    }
}
