//! One emulation year of a cluster: members, leader and deputy, the
//! hand-over of the leader flag, and the start of the next year.

use leptos::prelude::*;

use super::browser::navigate;
use super::route::Route;
use super::tr;
use super::widgets::{
    following, form_restarts, DateField, FormError, SavedNote, TextField, UnitSelect,
};
use crate::domain::{form, ClusterId, Date, DomainError, Handover, UnitId, YearDraft};
use crate::i18n::Text;
use crate::rules::rotation::{propose_handover, start_next_year};
use crate::state::{use_store, Refusal};

#[component]
pub fn YearScreen(id: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let exists = move || {
        store
            .workspace
            .with(|ws| ws.cluster(id).and_then(|c| c.year(year)).is_some())
    };
    view! {
        <Show when=exists fallback=move || view! {
            <section class="card" data-testid="not-found">
                <h1>{tr(Text::YearNotFound)}</h1>
                <a href=Route::Cluster(id).href()>{tr(Text::BackToCluster)}</a>
            </section>
        }>
            <YearPage id=id year=year/>
        </Show>
    }
}

#[component]
fn YearPage(id: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let cluster_name = move || store.workspace.with(|ws| ws.cluster_name(id));
    view! {
        <nav class="breadcrumb" aria-label=tr(Text::Breadcrumb)>
            <a href="#/">{tr(Text::Clusters)}</a>" › "
            <a href=Route::Cluster(id).href()>{cluster_name}</a>" › "
            <span>{year}</span>
        </nav>
        <h1 data-testid="year-title">{tr(Text::EmulationYear)}" "{year}" — "{cluster_name}</h1>
        <div class="columns">
            <MembershipCard id=id year=year/>
            <div>
                <section class="card">
                    <h2>{tr(Text::ScoresAndReports)}</h2>
                    <p class="hint">{tr(Text::ScoresCardExplained)}</p>
                    <a href=Route::Scores(id, year).href() data-testid="scores-link">{tr(Text::OpenScoreTable)}</a>
                </section>
                <section class="card">
                    <h2>{tr(Text::MeetingCardTitle)}</h2>
                    <p class="hint">{tr(Text::MeetingCardExplained)}</p>
                    <a href=Route::Meeting(id, year).href() data-testid="meeting-link">{tr(Text::OpenMeeting)}</a>
                </section>
                <HandoverCard id=id year=year/>
                <NextYearCard id=id year=year/>
                <section class="card">
                    <h2>{tr(Text::DeleteThisYear)}</h2>
                    <p class="hint">{tr(Text::DeleteYearExplained)}</p>
                    <super::widgets::DeleteButton testid="delete-year" label=Text::DeleteTheYear
                        reason="delete-year" subject=Signal::derive(move || format!("{} {year}", cluster_name()))
                        edit=std::sync::Arc::new(move |ws: &mut crate::domain::Workspace| ws.delete_year(id, year))
                        then_go=Route::Cluster(id)/>
                </section>
            </div>
        </div>
    }
}

#[component]
fn MembershipCard(id: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    // The values the form started from: a save changes only the fields
    // chosen here (see `domain::form`).
    let present = move || {
        store
            .workspace
            .with_untracked(|ws| ws.cluster(id).and_then(|c| c.year(year)).map(YearDraft::of))
    };
    let base = StoredValue::new(present().unwrap_or_default());
    let members = RwSignal::new(base.with_value(|b| b.members.clone()));
    let leader = RwSignal::new(base.with_value(|b| b.leader));
    let deputy = RwSignal::new(base.with_value(|b| b.deputy));
    let restart = move || {
        let now = present().unwrap_or_default();
        members.set(now.members.clone());
        leader.set(now.leader);
        deputy.set(now.deputy);
        base.set_value(now);
    };
    let error = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(false);

    let cluster_units = move || {
        store.workspace.with(|ws| {
            ws.cluster(id)
                .map(|c| {
                    c.units()
                        .iter()
                        .map(|u| (*u, ws.unit_name(*u)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Leader and deputy are chosen among the ticked members.
    let member_options = Signal::derive(move || {
        let ticked = members.get();
        cluster_units()
            .into_iter()
            .filter(|(u, _)| ticked.contains(u))
            .collect::<Vec<_>>()
    });
    let toggle = move |unit: UnitId, on: bool| {
        saved.set(false);
        members.update(|list| {
            list.retain(|m| *m != unit);
            if on {
                list.push(unit);
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = YearDraft {
            members: members.get_untracked(),
            leader: leader.get_untracked(),
            deputy: deputy.get_untracked(),
        };
        let from = base.get_value();
        let outcome = store.apply(|ws| {
            let present = ws.cluster(id).and_then(|c| c.year(year)).map(YearDraft::of);
            ws.update_year(id, year, form::merged(&from, draft, present)?)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };

    view! {
        <section class="card">
            <h2>{tr(Text::MembersAndRoles)}</h2>
            <form on:submit=submit data-testid="year-form" novalidate>
                <fieldset>
                    <legend>{tr(Text::MemberUnits)}</legend>
                    <ul class="checklist" data-testid="member-list">
                        {move || cluster_units().into_iter().map(|(unit, name)| view! {
                            <li>
                                <label>
                                    <input type="checkbox" data-testid="member-checkbox" data-unit=unit.0.to_string()
                                        prop:checked=move || members.with(|m| m.contains(&unit))
                                        on:change=move |ev| toggle(unit, event_target_checked(&ev))/>
                                    " "{name}
                                </label>
                            </li>
                        }).collect_view()}
                    </ul>
                    <p class="hint" data-testid="member-count">
                        {move || members.with(Vec::len)}" / "{move || cluster_units().len()}" "{tr(Text::UnitsTicked)}
                    </p>
                </fieldset>
                <div class="form-grid">
                    <UnitSelect label=Text::LeaderUnit options=member_options value=leader testid="leader-select"/>
                    <UnitSelect label=Text::DeputyUnit options=member_options value=deputy testid="deputy-select"/>
                </div>
                <div class="form-actions">
                    <button type="submit" data-testid="save-year">{tr(Text::Save)}</button>
                    <SavedNote shown=saved testid="year-saved"/>
                </div>
                <FormError error=error testid="year-error"/>
            </form>
        </section>
    }
}

#[component]
fn HandoverCard(id: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let recorded = move || {
        store.workspace.with(|ws| {
            ws.cluster(id)
                .and_then(|c| c.year(year))
                .and_then(|y| y.handover.clone())
                .map(|h| {
                    (
                        ws.unit_name(h.from),
                        ws.unit_name(h.to),
                        h.date,
                        h.place,
                        h.note,
                    )
                })
        })
    };
    let leader_name = move || {
        store.workspace.with(|ws| {
            ws.cluster(id)
                .and_then(|c| c.year(year))
                .and_then(|y| y.leader)
                .map(|l| ws.unit_name(l))
        })
    };
    // Proposed from the workspace as it is now (the next member in rotation
    // after the leader; the meeting's date and place), followed while the
    // user has not changed a field.
    let proposal = Memo::new(move |_| store.workspace.with(|ws| propose_handover(ws, id, year)));
    let to = following(move || proposal.with(|p| p.to));
    let date =
        following(move || proposal.with(|p| p.date.map(Date::to_vietnamese).unwrap_or_default()));
    let place = following(move || proposal.with(|p| p.place.clone()));
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Refusal>);
    let date_error = RwSignal::new(false);
    let receivers = Signal::derive(move || {
        store.workspace.with(|ws| {
            let Some(cluster) = ws.cluster(id) else {
                return Vec::new();
            };
            let leader = cluster.year(year).and_then(|y| y.leader);
            cluster
                .units()
                .iter()
                .filter(|u| Some(**u) != leader)
                .map(|u| (*u, ws.unit_name(*u)))
                .collect()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(parsed) = Date::parse_dmy(&date.get_untracked()) else {
            date_error.set(true);
            return;
        };
        date_error.set(false);
        let Some(receiver) = to.get_untracked() else {
            error.set(Some(DomainError::HandoverToSelf.into()));
            return;
        };
        let outcome = store.apply(|ws| {
            let from = ws
                .cluster(id)
                .and_then(|c| c.year(year))
                .and_then(|y| y.leader)
                .ok_or(DomainError::HandoverWithoutLeader)?;
            ws.set_handover(
                id,
                year,
                Some(Handover {
                    from,
                    to: receiver,
                    date: parsed,
                    place: place.get_untracked(),
                    note: note.get_untracked(),
                }),
            )
        });
        error.set(outcome.err());
    };
    let remove = move |_| error.set(store.apply(|ws| ws.set_handover(id, year, None)).err());

    view! {
        <section class="card">
            <h2>{tr(Text::Handover)}</h2>
            {move || match recorded() {
                Some((from, to_name, when, where_, text)) => view! {
                    <p data-testid="handover-recorded">
                        <strong>{from}</strong>" → "<strong>{to_name}</strong>", "{when.to_vietnamese()}
                        {(!where_.is_empty()).then(|| format!(", {where_}"))}
                        {(!text.is_empty()).then(|| format!(" — {text}"))}
                    </p>
                    <button type="button" class="secondary" data-testid="remove-handover" on:click=remove>{tr(Text::RemoveHandover)}</button>
                }.into_any(),
                None => view! {
                    <p class="hint">
                        {tr(Text::HandoverFrom)}": "
                        <strong data-testid="handover-from">{move || leader_name().unwrap_or_else(|| tr(Text::NoLeaderYet)().to_owned())}</strong>
                    </p>
                    <form class="form-grid" on:submit=submit data-testid="handover-form" novalidate>
                        <UnitSelect label=Text::HandoverTo options=receivers value=to testid="handover-to"/>
                        <DateField label=Text::HandoverDate value=date testid="handover-date" required=true/>
                        <TextField label=Text::HandoverPlace value=place testid="handover-place"/>
                        <TextField label=Text::Notes value=note testid="handover-note"/>
                        <div class="form-actions">
                            <button type="submit" data-testid="save-handover">{tr(Text::RecordHandover)}</button>
                        </div>
                    </form>
                    <Show when=move || date_error.get()>
                        <p class="form-error" role="alert" data-testid="handover-date-error">{tr(Text::DateMissing)}</p>
                    </Show>
                }.into_any(),
            }}
            <FormError error=error testid="handover-error"/>
        </section>
    }
}

#[component]
fn NextYearCard(id: ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    let next = year + 1;
    let next_exists = move || {
        store
            .workspace
            .with(|ws| ws.cluster(id).and_then(|c| c.year(next)).is_some())
    };
    let error = RwSignal::new(None::<Refusal>);
    let start = move |_| match store.apply(|ws| start_next_year(ws, id, year)) {
        Ok(created) => navigate(Route::Year(id, created)),
        Err(e) => error.set(Some(e)),
    };
    view! {
        <section class="card">
            <h2>{tr(Text::NextYear)}</h2>
            <Show when=next_exists fallback=move || view! {
                <p class="hint">{tr(Text::NextYearExplained)}</p>
                <button type="button" data-testid="start-next-year" on:click=start>
                    {tr(Text::StartYear)}" "{next}
                </button>
            }>
                <a href=Route::Year(id, next).href() data-testid="next-year-link">{tr(Text::OpenYear)}" "{next}</a>
            </Show>
            <FormError error=error testid="next-year-error"/>
        </section>
    }
}
