//! The nomination dossier (issue 16): the letter's fields and the proposed
//! units' report sections to fill in, what still keeps it from printing,
//! and the bundle itself, built by `documents::dossier`, rendered for
//! print with page numbers (style/main.css, `@page dossier`).

use leptos::prelude::*;

use super::documents::render;
use super::tr;
use super::widgets::{form_restarts, FormError, MeetingCrumbs, SavedNote};
use crate::documents::{
    built_sections, dossier, dossier_gaps, letter_fields, nominated_units, report_sections,
    sections_to_keep, DossierGap,
};
use crate::domain::form;
use crate::domain::{DomainError, MeetingId, NominationLetter, ReportSections, UnitId, Workspace};
use crate::i18n::{describe_domain_error, Lang, Text};
use crate::state::{use_store, Refusal};

fn gap_text(gap: DossierGap) -> Text {
    match gap {
        DossierGap::NoClosedRound => Text::DossierNoClosedRound,
        DossierGap::Recipient => Text::DossierRecipientMissing,
        DossierGap::Signer => Text::DossierSignerMissing,
    }
}

#[component]
pub fn DossierScreen(meeting: MeetingId) -> impl IntoView {
    let store = use_store();
    let units = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| nominated_units(ws, meeting).unwrap_or_default())
    });
    let gaps = Memo::new(move |_| store.workspace.with(|ws| dossier_gaps(ws, meeting)));
    let ready = move || gaps.with(|g| g.as_ref().is_ok_and(Vec::is_empty));
    let bundle = move || {
        if !ready() {
            return None;
        }
        let lang = store.lang.get();
        let built = store
            .workspace
            .with(|ws| dossier(ws, meeting, lang).map_err(|e| describe_domain_error(lang, &e, ws)));
        Some(match built {
            Ok(docs) => view! {
                <div class="dossier" data-testid="dossier">
                    {docs.into_iter().map(render).collect_view()}
                </div>
            }
            .into_any(),
            Err(message) => view! { <p class="form-error" role="alert" data-testid="document-error">{message}</p> }.into_any(),
        })
    };
    let missing = move || {
        let lang = store.lang.get();
        match gaps.get() {
            Ok(list) if list.is_empty() => None,
            Ok(list) => Some(view! {
                <div class="form-error" role="alert" data-testid="dossier-gaps">
                    <p>{tr(Text::DossierGapsTitle)}</p>
                    <ul>{list.into_iter().map(|gap| view! { <li data-testid="dossier-gap">{tr(gap_text(gap))}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()),
            Err(e) => Some(view! {
                <p class="form-error" role="alert" data-testid="dossier-gaps">
                    {store.workspace.with(|ws| describe_domain_error(lang, &e, ws))}
                </p>
            }
            .into_any()),
        }
    };
    view! {
        <div class="no-print doc-tools">
            <MeetingCrumbs meeting=meeting here=Text::DossierCrumb/>
            <h1 data-testid="dossier-title">{tr(Text::DossierCrumb)}</h1>
            <p class="hint">{tr(Text::DossierHint)}</p>
        </div>
        <LetterCard meeting=meeting/>
        // Rebuilt when the language changes: the sections start from the
        // data's words in the language shown.
        {move || {
            store.lang.track();
            let units = units.get();
            (!units.is_empty()).then(|| view! {
                <section class="card no-print" data-testid="dossier-reports">
                    <h2>{tr(Text::DossierReports)}</h2>
                    <p class="hint">{tr(Text::DossierReportsHint)}</p>
                    {units.into_iter().map(|unit| view! { <UnitSections meeting=meeting unit=unit/> }).collect_view()}
                </section>
            })
        }}
        <div class="no-print doc-tools dossier-actions">
            {missing}
            <button type="button" data-testid="dossier-print" disabled=move || !ready() on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{tr(Text::DossierPrint)}</button>
        </div>
        {bundle}
    }
}

/// The letter's fields a secretary fills in, kept with the meeting.
#[component]
fn LetterCard(meeting: MeetingId) -> impl IntoView {
    let store = use_store();
    let present = move |ws: &Workspace| ws.meeting(meeting).map(|m| m.letter.clone());
    // Shown: what is kept, the signer as the leader unit's commander
    // while none is typed; the save merges against what is kept.
    let shown = move |ws: &Workspace| letter_fields(ws, meeting).unwrap_or_default();
    let start = store.workspace.with_untracked(shown);
    let recipient = RwSignal::new(start.recipient);
    let number = RwSignal::new(start.number);
    let rank = RwSignal::new(start.signer_rank);
    let name = RwSignal::new(start.signer_name);
    let base = StoredValue::new(store.workspace.with_untracked(present).unwrap_or_default());
    let restart = move || {
        let now = store.workspace.with_untracked(shown);
        recipient.set(now.recipient);
        number.set(now.number);
        rank.set(now.signer_rank);
        name.set(now.signer_name);
        base.set_value(store.workspace.with_untracked(present).unwrap_or_default());
    };
    let error = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let mine = NominationLetter {
            recipient: recipient.get_untracked(),
            number: number.get_untracked(),
            signer_name: name.get_untracked(),
            signer_rank: rank.get_untracked(),
        };
        let from = base.get_value();
        let outcome = store.apply(|ws| {
            let letter = form::merged(&from, mine, present(ws))?;
            ws.set_nomination_letter(meeting, letter)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    let field = |label: Text, value: RwSignal<String>, testid: &'static str| {
        view! {
            <label class="field">
                <span class="field-label">{tr(label)}</span>
                <input type="text" data-testid=testid bind:value=value/>
            </label>
        }
    };
    view! {
        <section class="card no-print dossier-letter" data-testid="dossier-letter">
            <h2>{tr(Text::DossierLetter)}</h2>
            <form on:submit=submit data-testid="dossier-letter-form" novalidate>
                <label class="field">
                    <span class="field-label">{tr(Text::DossierRecipient)}</span>
                    <input type="text" data-testid="dossier-recipient" aria-describedby="dossier-recipient-example" bind:value=recipient/>
                    <span class="hint" id="dossier-recipient-example">{tr(Text::DossierRecipientExample)}</span>
                </label>
                <div class="form-grid">
                    {field(Text::DossierNumber, number, "dossier-number")}
                    {field(Text::DossierSignerRank, rank, "dossier-signer-rank")}
                    {field(Text::DossierSignerName, name, "dossier-signer-name")}
                </div>
                <p class="hint">{tr(Text::DossierSignerHint)}</p>
                <div class="form-actions">
                    <button type="submit" data-testid="dossier-letter-save">{tr(Text::Save)}</button>
                    <SavedNote shown=saved testid="dossier-letter-saved"/>
                </div>
                <FormError error=error testid="dossier-letter-error"/>
            </form>
        </section>
    }
}

/// The sections of one proposed unit's achievement report, kept with
/// the unit's report of the year.
#[component]
fn UnitSections(meeting: MeetingId, unit: UnitId) -> impl IntoView {
    let store = use_store();
    let place = move |ws: &Workspace| {
        ws.meeting(meeting)
            .map(|m| (m.cluster, m.year))
            .ok_or(DomainError::UnknownMeeting)
    };
    let present = move |ws: &Workspace| {
        let year = ws.year_of(meeting).ok()?;
        Some(
            year.reports
                .get(&unit)
                .map(|r| r.sections.clone())
                .unwrap_or_default(),
        )
    };
    let shown = move |ws: &Workspace| {
        report_sections(ws, meeting, unit, store.lang.get_untracked()).unwrap_or_default()
    };
    let start = store.workspace.with_untracked(shown);
    let mission = RwSignal::new(start.mission);
    let achievements = RwSignal::new(start.achievements);
    let movements = RwSignal::new(start.movements);
    let awards = RwSignal::new(start.awards);
    let base = StoredValue::new(store.workspace.with_untracked(present).unwrap_or_default());
    let restart = move || {
        let now = store.workspace.with_untracked(shown);
        mission.set(now.mission);
        achievements.set(now.achievements);
        movements.set(now.movements);
        awards.set(now.awards);
        base.set_value(store.workspace.with_untracked(present).unwrap_or_default());
    };
    let error = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(false);
    let save = move |_| {
        saved.set(false);
        let typed = ReportSections {
            mission: mission.get_untracked(),
            achievements: achievements.get_untracked(),
            movements: movements.get_untracked(),
            awards: awards.get_untracked(),
        };
        let from = base.get_value();
        let outcome = store.apply(|ws| {
            let (cluster, year) = place(ws)?;
            // A section left as the data builds it, in either language,
            // is not kept: it goes on following the data.
            let mut mine = typed;
            for lang in [Lang::Vi, Lang::En] {
                mine = sections_to_keep(mine, &built_sections(ws, meeting, unit, lang)?);
            }
            let sections = form::merged(&from, mine, present(ws))?;
            ws.set_report_sections(cluster, year, unit, sections)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    let name = move || {
        store.workspace.with(|ws| {
            ws.unit(unit)
                .map(|u| u.full_name.clone())
                .unwrap_or_default()
        })
    };
    let area = |label: Text, value: RwSignal<String>, testid: &'static str| {
        view! {
            <label class="field">
                <span class="field-label">{tr(label)}</span>
                <textarea rows="4" data-testid=testid bind:value=value></textarea>
            </label>
        }
    };
    view! {
        <details class="dossier-unit" data-testid="dossier-unit">
            <summary data-testid="dossier-unit-name">{name}</summary>
            {area(Text::ReportMission, mission, "section-mission")}
            {area(Text::ReportAchievements, achievements, "section-achievements")}
            {area(Text::ReportMovements, movements, "section-movements")}
            {area(Text::ReportAwards, awards, "section-awards")}
            <div class="form-actions">
                <button type="button" data-testid="dossier-unit-save" on:click=save>{tr(Text::Save)}</button>
                <SavedNote shown=saved testid="dossier-unit-saved"/>
            </div>
            <FormError error=error testid="dossier-unit-error"/>
        </details>
    }
}
