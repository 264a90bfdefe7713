//! The year-end meeting: its details and counting committee, who votes,
//! and the award rounds in order.

use leptos::prelude::*;

use super::browser::{focus_first, navigate};
use super::regulation::{RulesFields, RulesInputs, RulesSource};
use super::round::meeting_href;
use super::route::Route;
use super::tr;
use super::widgets::{form_restarts, DateField, FormError, SavedNote, YearCrumbs};
use crate::domain::form::{self, MeetingForm};
use crate::domain::{
    CommitteeMember, CommitteeRole, Date, Delegate, DomainError, Fraction, MeetingDetails,
    MeetingId, RoundDraft, RoundId, RoundKind, RoundState, Shift, UnitId, VoterId, Voters,
    COMMON_AWARDS,
};
use crate::host::new_id;
use crate::i18n::{committee_role, describe_quota, describe_threshold, Text};
use crate::rules::checklist::{checklist_shown, meeting_checklist, CheckItem};
use crate::state::{use_store, Refusal};

#[component]
pub fn MeetingScreen(cluster: crate::domain::ClusterId, year: u16) -> impl IntoView {
    let store = use_store();
    // A memo, so that edits inside the meeting do not rebuild its forms.
    let meeting = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| ws.meeting_of(cluster, year).map(|m| m.id))
    });
    let error = RwSignal::new(None::<Refusal>);
    let create = move |_| {
        let id = MeetingId(new_id());
        error.set(store.apply(|ws| ws.add_meeting(id, cluster, year)).err());
    };
    // Issue 18: the latest earlier meeting, to start this one from.
    let earlier = move || {
        store
            .workspace
            .with(|ws| ws.earlier_meeting(cluster, year).map(|m| m.year))
    };
    let create_from_earlier = move |_| {
        let id = MeetingId(new_id());
        error.set(
            store
                .apply(|ws| ws.add_meeting_from_earlier(id, cluster, year, &mut new_id))
                .err(),
        );
    };
    let cluster_name = move || store.workspace.with(|ws| ws.cluster_name(cluster));
    view! {
        <YearCrumbs cluster=cluster year=year here=Text::Meeting/>
        <h1 data-testid="meeting-title">{tr(Text::YearEndMeeting)}" "{year}" — "{cluster_name}</h1>
        {move || match meeting.get() {
            None => view! {
                <section class="card">
                    <p>{tr(Text::NoMeetingYet)}</p>
                    <p class="hint">{tr(Text::MeetingFollowsRegulation)}" "
                        <a href=Route::Cluster(cluster).href() data-testid="edit-regulation-link">{tr(Text::EditRegulation)}</a></p>
                    <div class="form-actions">
                        <button type="button" data-testid="create-meeting" on:click=create>{tr(Text::CreateMeeting)}</button>
                        {move || earlier().map(|earlier_year| view! {
                            <button type="button" class="secondary" data-testid="create-meeting-from-earlier"
                                on:click=create_from_earlier>{tr(Text::MeetingFromEarlier)}" ("{earlier_year}")"</button>
                        })}
                    </div>
                    <Show when=move || earlier().is_some()>
                        <p class="hint" data-testid="meeting-from-earlier-hint">{tr(Text::MeetingFromEarlierExplained)}</p>
                    </Show>
                    <FormError error=error testid="create-meeting-error"/>
                </section>
            }.into_any(),
            Some(id) => view! {
                <ChecklistCard id=id/>
                <div class="columns">
                    <DetailsCard id=id/>
                    <VotersCard id=id/>
                </div>
                <RoundsCard id=id/>
                <super::hall::HallCard meeting=id/>
                <NewRoundCard id=id/>
                <super::documents::MeetingFilesCard meeting=id/>
            }.into_any(),
        }}
    }
}

/// The role chosen in a committee row of the form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RoleKind {
    Head,
    Member,
    Other,
}

impl RoleKind {
    fn value(self) -> &'static str {
        match self {
            RoleKind::Head => "head",
            RoleKind::Member => "member",
            RoleKind::Other => "other",
        }
    }

    fn from_value(value: &str) -> RoleKind {
        match value {
            "head" => RoleKind::Head,
            "other" => RoleKind::Other,
            _ => RoleKind::Member,
        }
    }

    /// The option's words, in the interface language.
    fn label(self, lang: crate::i18n::Lang) -> String {
        match self {
            RoleKind::Head => committee_role(lang, &CommitteeRole::Head),
            RoleKind::Member => committee_role(lang, &CommitteeRole::Member),
            RoleKind::Other => Text::RoleOther.in_lang(lang).to_owned(),
        }
    }
}

/// A row of the counting committee in the form.
#[derive(Clone, Copy)]
struct CommitteeRow {
    name: RwSignal<String>,
    kind: RwSignal<RoleKind>,
    /// The role typed when "other" is chosen.
    other: RwSignal<String>,
}

impl CommitteeRow {
    fn role(&self) -> CommitteeRole {
        match self.kind.get_untracked() {
            RoleKind::Head => CommitteeRole::Head,
            RoleKind::Member => CommitteeRole::Member,
            RoleKind::Other => CommitteeRole::other(&self.other.get_untracked()),
        }
    }
}

#[component]
fn DetailsCard(id: MeetingId) -> impl IntoView {
    let store = use_store();
    // The values the form started from: a save changes only the fields
    // typed here (see `domain::form`).
    let present = move || {
        store
            .workspace
            .with_untracked(|ws| ws.meeting(id).map(MeetingForm::of))
    };
    let base = StoredValue::new(present());
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let chair = RwSignal::new(String::new());
    let secretary = RwSignal::new(String::new());
    let directing = RwSignal::new(String::new());
    let committee: Vec<CommitteeRow> = (0..5)
        .map(|_| CommitteeRow {
            name: RwSignal::new(String::new()),
            kind: RwSignal::new(RoleKind::Member),
            other: RwSignal::new(String::new()),
        })
        .collect();
    let quorum = RwSignal::new(String::new());
    let exclusion = RwSignal::new(true);
    let committee_for_fill = committee.clone();
    let fill = move |form: Option<&MeetingForm>| {
        let details = form.map(|f| f.details.clone()).unwrap_or_default();
        date.set(details.date.map(Date::to_vietnamese).unwrap_or_default());
        time.set(details.time.clone());
        place.set(details.place.clone());
        chair.set(details.chair.clone());
        secretary.set(details.secretary.clone());
        directing.set(details.directing_officer.clone());
        for (idx, row) in committee_for_fill.iter().enumerate() {
            let member = details.committee.get(idx);
            row.name
                .set(member.map(|m| m.name.clone()).unwrap_or_default());
            let role = member.map_or_else(|| CommitteeRole::default_at(idx), |m| m.role.clone());
            row.kind.set(match role {
                CommitteeRole::Head => RoleKind::Head,
                CommitteeRole::Member => RoleKind::Member,
                CommitteeRole::Other(_) => RoleKind::Other,
            });
            row.other.set(match role {
                CommitteeRole::Other(text) => text,
                _ => String::new(),
            });
        }
        quorum.set(form.map_or_else(|| "2/3".into(), |f| f.quorum.to_string()));
        exclusion.set(form.is_none_or(|f| f.exclusion));
    };
    base.with_value(|b| fill(b.as_ref()));
    let restart = move || {
        let now = present();
        fill(now.as_ref());
        base.set_value(now);
    };
    let error = RwSignal::new(None::<Refusal>);
    let field_error = RwSignal::new(None::<&'static str>);
    let saved = RwSignal::new(false);
    let committee_for_submit = committee.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let lang = store.lang.get_untracked();
        let date_text = date.get_untracked();
        let parsed_date = if date_text.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse_dmy(&date_text).map(Some).ok_or(())
        };
        let Ok(parsed_date) = parsed_date else {
            field_error.set(Some(Text::MeetingDateInvalid.in_lang(lang)));
            return;
        };
        let Some(quorum_share) = Fraction::parse(&quorum.get_untracked()) else {
            field_error.set(Some(Text::QuorumNotAFraction.in_lang(lang)));
            return;
        };
        field_error.set(None);
        let details = MeetingDetails {
            date: parsed_date,
            time: time.get_untracked(),
            place: place.get_untracked(),
            chair: chair.get_untracked(),
            secretary: secretary.get_untracked(),
            directing_officer: directing.get_untracked(),
            // Rows left without a name are unused (their roles are pre-filled).
            committee: committee_for_submit
                .iter()
                .filter(|row| !row.name.get_untracked().trim().is_empty())
                .map(|row| CommitteeMember {
                    name: row.name.get_untracked(),
                    role: row.role(),
                })
                .collect(),
        };
        let mine = MeetingForm {
            details,
            quorum: quorum_share,
            exclusion: exclusion.get_untracked(),
        };
        let Some(from) = base.get_value() else {
            error.set(Some(DomainError::UnknownMeeting.into()));
            return;
        };
        let outcome = store.apply(|ws| {
            let draft = form::merged(&from, mine, ws.meeting(id).map(MeetingForm::of))?;
            ws.update_meeting(id, draft.details, draft.quorum, draft.exclusion)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    let text_field =
        |label: Text, value: RwSignal<String>, testid: &'static str, kind: &'static str| {
            view! {
                <label class="field">
                    <span class="field-label">{tr(label)}</span>
                    <input type=kind data-testid=testid bind:value=value/>
                </label>
            }
        };
    view! {
        <section class="card">
            <h2>{tr(Text::MeetingDetails)}</h2>
            <form on:submit=submit data-testid="meeting-form" novalidate>
                <div class="form-grid">
                    <DateField label=Text::MeetingDate value=date testid="meeting-date"/>
                    {text_field(Text::MeetingTime, time, "meeting-time", "text")}
                    {text_field(Text::MeetingPlace, place, "meeting-place", "text")}
                    {text_field(Text::MeetingChair, chair, "meeting-chair", "text")}
                    {text_field(Text::MeetingSecretary, secretary, "meeting-secretary", "text")}
                    {text_field(Text::DirectingOfficer, directing, "meeting-directing", "text")}
                </div>
                <fieldset>
                    <legend>{tr(Text::CountingCommittee)}</legend>
                    {committee.into_iter().enumerate().map(|(idx, row)| view! {
                        <div class="committee-row">
                            <label class="field">
                                <span class="field-label">{tr(Text::PersonName)}" "{idx + 1}</span>
                                <input type="text" data-testid="committee-name" bind:value=row.name/>
                            </label>
                            <label class="field">
                                <span class="field-label">{tr(Text::Role)}</span>
                                <select data-testid="committee-role" on:change=move |ev| row.kind.set(RoleKind::from_value(&event_target_value(&ev)))>
                                    {[RoleKind::Head, RoleKind::Member, RoleKind::Other].into_iter().map(|kind| view! {
                                        <option value=kind.value() prop:selected=move || row.kind.get() == kind>{move || kind.label(store.lang.get())}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                            <Show when=move || row.kind.get() == RoleKind::Other>
                                <label class="field">
                                    <span class="field-label">{tr(Text::OtherRoleText)}</span>
                                    <input type="text" data-testid="committee-role-other" bind:value=row.other/>
                                </label>
                            </Show>
                        </div>
                    }).collect_view()}
                </fieldset>
                <div class="form-grid">
                    {text_field(Text::Quorum, quorum, "meeting-quorum", "text")}
                    <label class="check">
                        <input type="checkbox" data-testid="meeting-exclusion" bind:checked=exclusion/>
                        " "{tr(Text::ExcludeNominated)}
                    </label>
                </div>
                <div class="form-actions">
                    <button type="submit" data-testid="save-meeting">{tr(Text::Save)}</button>
                    <SavedNote shown=saved testid="meeting-saved"/>
                </div>
                {move || field_error.get().map(|m| view! { <p class="form-error" role="alert" data-testid="meeting-error">{m}</p> })}
                <FormError error=error testid="meeting-error"/>
            </form>
        </section>
    }
}

/// A delegate being edited: id, name, unit.
type DelegateRow = (VoterId, RwSignal<String>, RwSignal<Option<UnitId>>);

#[component]
fn VotersCard(id: MeetingId) -> impl IntoView {
    let store = use_store();
    let current = store
        .workspace
        .with_untracked(|ws| ws.meeting(id).map(|m| m.voters.clone()))
        .unwrap_or_default();
    let members = Signal::derive(move || {
        store.workspace.with(|ws| {
            ws.meeting(id)
                .map(|m| ws.members_named(m.cluster, m.year))
                .unwrap_or_default()
        })
    });
    let rows_of = |voters: &Voters| -> Vec<DelegateRow> {
        match voters {
            Voters::Delegates(list) => list
                .iter()
                .map(|d| {
                    (
                        d.id,
                        RwSignal::new(d.name.clone()),
                        RwSignal::new(Some(d.unit)),
                    )
                })
                .collect(),
            Voters::OnePerUnit => Vec::new(),
        }
    };
    let delegates_mode = RwSignal::new(matches!(current, Voters::Delegates(_)));
    let rows: RwSignal<Vec<DelegateRow>> = RwSignal::new(rows_of(&current));
    // The roll the form started from: saved only if it is still the roll
    // (or the same change was made elsewhere), see `domain::form`.
    let base = StoredValue::new(current);
    let restart = move || {
        let now = store
            .workspace
            .with_untracked(|ws| ws.meeting(id).map(|m| m.voters.clone()))
            .unwrap_or_default();
        delegates_mode.set(matches!(now, Voters::Delegates(_)));
        rows.set(rows_of(&now));
        base.set_value(now);
    };
    let error = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(false);
    let add_row = move |_| {
        rows.update(|r| {
            r.push((
                VoterId(new_id()),
                RwSignal::new(String::new()),
                RwSignal::new(None),
            ))
        })
    };
    let save = move |_| {
        saved.set(false);
        let voters = if delegates_mode.get_untracked() {
            let mut list = Vec::new();
            for (id, name, unit) in rows.get_untracked() {
                let Some(unit) = unit.get_untracked() else {
                    error.set(Some(DomainError::UnitNotInCluster(UnitId(0)).into()));
                    return;
                };
                list.push(Delegate {
                    id,
                    name: name.get_untracked().trim().to_owned(),
                    unit,
                });
            }
            Voters::Delegates(list)
        } else {
            Voters::OnePerUnit
        };
        let from = base.get_value();
        let outcome = store.apply(|ws| {
            let present = ws.meeting(id).map(|m| m.voters.clone());
            let voters =
                form::merge_field(&from, voters, &present.ok_or(DomainError::UnknownMeeting)?)?;
            ws.set_voters(id, voters)
        });
        if form_restarts(&outcome) {
            restart();
        }
        saved.set(outcome.is_ok());
        error.set(outcome.err());
    };
    view! {
        <section class="card">
            <h2>{tr(Text::Voters)}</h2>
            <label class="check">
                <input type="radio" name="voters-mode" data-testid="voters-one-per-unit"
                    prop:checked=move || !delegates_mode.get() on:change=move |_| delegates_mode.set(false)/>
                " "{tr(Text::OneVotePerMemberUnit)}
                " ("{move || members.with(Vec::len)}")"
            </label>
            <label class="check">
                <input type="radio" name="voters-mode" data-testid="voters-delegates"
                    prop:checked=move || delegates_mode.get() on:change=move |_| delegates_mode.set(true)/>
                " "{tr(Text::NamedDelegates)}
            </label>
            <Show when=move || delegates_mode.get()>
                <table class="data" data-testid="delegate-list">
                    <thead><tr>
                        <th scope="col">{tr(Text::Delegate)}</th>
                        <th scope="col">{tr(Text::Units)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(Text::Actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|(voter, name, unit)| view! {
                            <tr>
                                <td><input type="text" data-testid="delegate-name" aria-label=tr(Text::Delegate) bind:value=name/></td>
                                <td>
                                    <select data-testid="delegate-unit" aria-label=tr(Text::Units) on:change=move |ev| {
                                        unit.set(event_target_value(&ev).parse().ok().map(UnitId));
                                    }>
                                        <option value="" prop:selected=move || unit.get().is_none()>{tr(Text::NoneChosen)}</option>
                                        {move || members.get().into_iter().map(|(id, label)| view! {
                                            <option value=id.0.to_string() prop:selected=move || unit.get() == Some(id)>{label}</option>
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td><button type="button" class="small secondary" on:click=move |_| rows.update(|r| r.retain(|(v, _, _)| *v != voter))>
                                    {tr(Text::Remove)}
                                </button></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="button" class="secondary" data-testid="add-delegate" on:click=add_row>{tr(Text::AddDelegate)}</button>
            </Show>
            <div class="form-actions">
                <button type="button" data-testid="save-voters" on:click=save>{tr(Text::Save)}</button>
                <SavedNote shown=saved testid="voters-saved"/>
            </div>
            <FormError error=error testid="voters-error"/>
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct RoundRow {
    id: RoundId,
    award: String,
    kind: RoundKind,
    quota: String,
    threshold: String,
    state: &'static str,
    draft: bool,
}

#[component]
fn RoundsCard(id: MeetingId) -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let lang = store.lang.get();
        store.workspace.with(|ws| {
            let Some(meeting) = ws.meeting(id) else {
                return Vec::new();
            };
            let n_members = ws.year_of(id).map_or(0, |y| y.members.len() as u32);
            meeting
                .rounds()
                .iter()
                .map(|r| RoundRow {
                    id: r.id,
                    award: r.award.clone(),
                    kind: r.kind,
                    quota: describe_quota(lang, r.rules.quota, r.rules.quota.places(n_members)),
                    threshold: describe_threshold(lang, &r.rules),
                    state: match r.state {
                        RoundState::Draft => Text::RoundNotOpened,
                        RoundState::Open(_) => Text::RoundVoting,
                        RoundState::Paper(_) => Text::RoundOnPaper,
                        RoundState::Closed(_) => Text::RoundClosed,
                    }
                    .in_lang(lang),
                    draft: r.state == RoundState::Draft,
                })
                .collect::<Vec<_>>()
        })
    };
    let error = RwSignal::new(None::<Refusal>);
    view! {
        <section class="card">
            <h2>{tr(Text::BallotRoundsInOrder)}</h2>
            <Show when=move || !rows().is_empty()
                fallback=|| view! { <p class="empty" data-testid="no-rounds">{tr(Text::NoBallotRoundsYet)}</p> }>
                <table class="data" data-testid="round-list">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{tr(Text::Award)}</th>
                        <th scope="col">{tr(Text::Quota)}</th>
                        <th scope="col">{tr(Text::Threshold)}</th>
                        <th scope="col">{tr(Text::RoundStatus)}</th>
                        <th scope="col"><span class="visually-hidden">{tr(Text::Actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().enumerate().map(|(idx, row)| {
                            let round = row.id;
                            let badge = match row.kind {
                                RoundKind::Regular => None,
                                RoundKind::Runoff { .. } => Some(("badge", Text::Runoff)),
                                RoundKind::Rehearsal => Some(("badge badge-practice", Text::RehearsalBadge)),
                            };
                            view! {
                                <tr data-testid="round-row">
                                    <td class="num">{idx + 1}</td>
                                    <td>
                                        <a href=Route::Round(id, round).href() data-testid="round-link">{row.award}</a>
                                        {badge.map(|(class, text)| view! { " "<span class=class>{tr(text)}</span> })}
                                    </td>
                                    <td>{row.quota}</td>
                                    <td>{row.threshold}</td>
                                    <td data-testid="round-state">{row.state}</td>
                                    <td class="row-actions">
                                        <Show when=move || row.draft>
                                            <button type="button" class="small" aria-label=tr(Text::MoveEarlier)
                                                on:click=move |_| error.set(store.apply(|ws| ws.move_round(id, round, Shift::Earlier)).err())>"↑"</button>
                                            <button type="button" class="small" aria-label=tr(Text::MoveLater)
                                                on:click=move |_| error.set(store.apply(|ws| ws.move_round(id, round, Shift::Later)).err())>"↓"</button>
                                            <button type="button" class="small secondary" data-testid="delete-round"
                                                on:click=move |_| {
                                                    let award = store.workspace.with_untracked(|ws| ws.meeting(id).and_then(|m| m.round(round)).map(|r| r.award.clone()).unwrap_or_default());
                                                    store.guarded(move |backup| {
                                                        let outcome = store.apply_destructive("delete-round", &award, backup, |ws| ws.delete_round(id, round));
                                                        error.set(outcome.as_ref().err().cloned());
                                                        !matches!(outcome, Ok(None))
                                                    })
                                                }>{tr(Text::Delete)}</button>
                                        </Show>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <FormError error=error testid="rounds-error"/>
        </section>
    }
}

#[component]
fn NewRoundCard(id: MeetingId) -> impl IntoView {
    let store = use_store();
    let members = move || {
        store.workspace.with(|ws| {
            ws.meeting(id)
                .map(|m| ws.members_named(m.cluster, m.year))
                .unwrap_or_default()
        })
    };
    let award = RwSignal::new(String::new());
    // Issue 18: the rules start from the cluster's regulation for the
    // award typed, and follow it when the award names another entry.
    let regulation = Memo::new(move |_| {
        let award = award.get();
        store.workspace.with(|ws| {
            ws.meeting(id)
                .and_then(|m| ws.cluster(m.cluster))
                .map(|c| c.regulation().rules_for(&award))
                .unwrap_or_default()
        })
    });
    let inputs = RulesInputs::new(&regulation.get_untracked());
    Effect::new(move |_| inputs.set(&regulation.get()));
    let rehearsal = RwSignal::new(false);
    let candidates = RwSignal::new(members().into_iter().map(|(u, _)| u).collect::<Vec<_>>());
    let error = RwSignal::new(None::<Refusal>);
    let field_error = RwSignal::new(None::<&'static str>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = store.lang.get_untracked();
        let rules = match inputs.read(lang, new_id()) {
            Ok(rules) => rules,
            Err(message) => {
                field_error.set(Some(message));
                return;
            }
        };
        field_error.set(None);
        // Candidates go on the ballot in the rotation order of the members.
        let chosen = candidates.get_untracked();
        let ordered = members()
            .into_iter()
            .map(|(u, _)| u)
            .filter(|u| chosen.contains(u))
            .collect();
        let draft = RoundDraft {
            award: award.get_untracked(),
            rules,
            candidates: ordered,
            rehearsal: rehearsal.get_untracked(),
        };
        let round = RoundId(new_id());
        match store.apply(|ws| ws.add_round(id, round, draft)) {
            Ok(()) => {
                error.set(None);
                award.set(String::new());
                rehearsal.set(false);
                navigate(Route::Round(id, round));
            }
            // Made but not stored: the form empties (pressing again would
            // make a second round) and says why.
            Err(e @ Refusal::Domain(DomainError::NotSaved(_))) => {
                award.set(String::new());
                rehearsal.set(false);
                error.set(Some(e));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card">
            <h2>{tr(Text::AddBallotRound)}</h2>
            <form on:submit=submit data-testid="new-round-form" novalidate>
                <div class="form-grid">
                    <label class="field">
                        <span class="field-label">{tr(Text::AwardField)}" *"</span>
                        <input type="text" list="common-awards" data-testid="round-award" bind:value=award/>
                        <datalist id="common-awards">
                            {COMMON_AWARDS.iter().map(|a| view! { <option value=*a></option> }).collect_view()}
                        </datalist>
                    </label>
                </div>
                <RulesSource inputs=inputs regulation=regulation/>
                <RulesFields inputs=inputs prefix="round"/>
                <div class="checks">
                    <label class="check"><input type="checkbox" data-testid="round-rehearsal" bind:checked=rehearsal/>" "
                        {tr(Text::RehearsalRoundOption)}</label>
                </div>
                <fieldset>
                    <legend>{tr(Text::CandidatesOnBallot)}</legend>
                    <ul class="checklist" data-testid="round-candidates">
                        {move || members().into_iter().map(|(unit, name)| view! {
                            <li><label>
                                <input type="checkbox" data-testid="round-candidate"
                                    prop:checked=move || candidates.with(|c| c.contains(&unit))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        candidates.update(|c| {
                                            c.retain(|x| *x != unit);
                                            if on { c.push(unit); }
                                        });
                                    }/>
                                " "{name}
                            </label></li>
                        }).collect_view()}
                    </ul>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" data-testid="add-round">{tr(Text::AddRound)}</button>
                </div>
                {move || field_error.get().map(|m| view! { <p class="form-error" role="alert" data-testid="new-round-error">{m}</p> })}
                <FormError error=error testid="new-round-error"/>
            </form>
        </section>
    }
}

/// Where a missing item of the checklist is filled in.
enum CheckTarget {
    /// A field of this screen, by its `data-testid`: focused (and so
    /// scrolled into view).
    Field(&'static str),
    /// Another screen.
    Screen(Route),
}

/// What is ready and what is missing before the vote
/// (`rules::checklist::meeting_checklist`); each missing item links to
/// where it is filled in.
#[component]
fn ChecklistCard(id: MeetingId) -> impl IntoView {
    let store = use_store();
    let shown = move || store.workspace.with(|ws| checklist_shown(ws, id));
    let items = move || {
        store
            .workspace
            .with(|ws| meeting_checklist(ws, id).unwrap_or_default())
    };
    let here = move || meeting_href(id);
    view! {
        <Show when=shown>
            <section class="card" data-testid="checklist" aria-labelledby="checklist-title">
                <h2 id="checklist-title">{tr(Text::ChecklistTitle)}
                    " "<span class="badge" data-testid="checklist-count">{move || {
                        let list = items();
                        format!("{}/{}", list.iter().filter(|c| c.ready).count(), list.len())
                    }}</span>
                </h2>
                <ul class="check-items">
                    {move || items().into_iter().map(|check| {
                        let (label, testid, target) = match check.item {
                            CheckItem::Chair => (Text::CheckChair, "check-chair", CheckTarget::Field("meeting-chair")),
                            CheckItem::Secretary => (Text::CheckSecretary, "check-secretary", CheckTarget::Field("meeting-secretary")),
                            CheckItem::Committee => (Text::CheckCommittee, "check-committee", CheckTarget::Field("committee-name")),
                            CheckItem::Voters => (Text::CheckVoters, "check-voters", CheckTarget::Field("voters-one-per-unit")),
                            CheckItem::Rounds => (Text::CheckRounds, "check-rounds", CheckTarget::Field("round-award")),
                            CheckItem::OperatorPin => (Text::CheckPin, "check-pin", check.round.map_or(
                                CheckTarget::Field("round-award"),
                                |round| CheckTarget::Screen(Route::Round(id, round)),
                            )),
                            CheckItem::PapersPrinted => (Text::CheckPapers, "check-papers", check.round.map_or(
                                CheckTarget::Field("round-award"),
                                |round| CheckTarget::Screen(Route::BallotPapers(id, round)),
                            )),
                        };
                        let state = if check.ready { "ready" } else { "missing" };
                        view! {
                            <li data-testid=testid data-state=state class=format!("check-item check-{state}")>
                                <span class="check-state">{if check.ready { tr(Text::CheckReady) } else { tr(Text::CheckMissing) }}</span>" "
                                {if check.ready {
                                    view! { <span>{tr(label)}</span> }.into_any()
                                } else {
                                    match target {
                                        CheckTarget::Field(field) => view! {
                                            <a href=here data-testid="check-link" on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_first(&format!("[data-testid='{field}']"));
                                            }>{tr(label)}</a>
                                        }.into_any(),
                                        CheckTarget::Screen(route) => view! {
                                            <a href=route.href() data-testid="check-link">{tr(label)}</a>
                                        }.into_any(),
                                    }
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
