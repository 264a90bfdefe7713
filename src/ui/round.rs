//! One award round on the shared laptop: opening it with the operator's
//! PIN, the operator's roll, the delegate's ballot, the locked hand-back
//! screen, and (once closed) the results.

use leptos::prelude::*;

use super::browser::navigate;
use super::paper::{PaperDraftCards, PaperView, PapersOutdatedNotice};
use super::results::ResultsView;
use super::route::Route;
use super::tr;
use super::widgets::{FormError, MeetingCrumbs};
use crate::domain::{
    quorum_met, BlankBallot, BoothScreen, MeetingId, Round, RoundId, RoundKind, RoundState, UnitId,
    VoterId,
};
use crate::i18n::{describe_quota, describe_threshold, Text};
use crate::rules::rounds::{ballot_candidates, open_round};
use crate::state::{use_store, Refusal};

/// Which view the round needs; changes only when the state does, so that a
/// ballot being filled is not rebuilt by unrelated edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Missing,
    Draft,
    Operator,
    Ballot(VoterId),
    Locked,
    Interrupted(VoterId),
    Paper,
    Closed,
}

fn phase_of(round: Option<&Round>) -> Phase {
    match round.map(|r| &r.state) {
        None => Phase::Missing,
        Some(RoundState::Draft) => Phase::Draft,
        Some(RoundState::Closed(_)) => Phase::Closed,
        Some(RoundState::Paper(_)) => Phase::Paper,
        Some(RoundState::Open(booth)) => match booth.screen() {
            BoothScreen::Operator => Phase::Operator,
            BoothScreen::Ballot(v) => Phase::Ballot(v),
            BoothScreen::HandBack => Phase::Locked,
            BoothScreen::Interrupted(v) => Phase::Interrupted(v),
        },
    }
}

#[component]
pub fn RoundScreen(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let phase = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| phase_of(ws.meeting(meeting).and_then(|m| m.round(round))))
    });
    let back = move || meeting_href(meeting);
    // Re-checked on every tick, but the screen changes only when the answer
    // does (a re-render would drop a PIN being typed or an open dialog).
    let elsewhere = Memo::new(move |_| store.run_elsewhere(meeting));
    move || {
        let live = !matches!(phase.get(), Phase::Missing | Phase::Draft | Phase::Closed);
        if live && elsewhere.get() {
            return view! {
                // While the booth is locked (the other tab handed the laptop
                // to a delegate), no link away is offered.
                <Show when=move || store.workspace.with(|ws| ws.locked_booth().is_none())>
                    <MeetingCrumbs meeting=meeting here=Text::BallotRound/>
                </Show>
                <RoundHeader meeting=meeting round=round/>
                <section class="card banner-warning" role="status" data-testid="run-elsewhere">
                    <h2>{tr(Text::VoteInAnotherTab)}</h2>
                    <p>{tr(Text::VoteInAnotherTabExplained)}</p>
                </section>
            }
            .into_any();
        }
        match phase.get() {
        Phase::Missing => view! {
            <section class="card" data-testid="not-found">
                <h1>{tr(Text::RoundNotFound)}</h1>
                <a href=back>{tr(Text::BackToClusters)}</a>
            </section>
        }
        .into_any(),
        Phase::Ballot(voter) => view! { <BallotView meeting=meeting round=round voter=voter/> }.into_any(),
        Phase::Locked => view! { <LockedView meeting=meeting round=round interrupted=None/> }.into_any(),
        Phase::Interrupted(voter) => view! { <LockedView meeting=meeting round=round interrupted=Some(voter)/> }.into_any(),
        phase => view! {
            <MeetingCrumbs meeting=meeting here=Text::BallotRound/>
            <RoundHeader meeting=meeting round=round/>
            {match phase {
                Phase::Draft => view! { <DraftView meeting=meeting round=round/> }.into_any(),
                Phase::Operator => view! { <OperatorView meeting=meeting round=round/> }.into_any(),
                Phase::Paper => view! { <PaperView meeting=meeting round=round/> }.into_any(),
                _ => view! { <ResultsView meeting=meeting round=round/> }.into_any(),
            }}
        }
        .into_any(),
    }
    }
}

/// Award, kind and rules of the round.
#[component]
fn RoundHeader(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let summary = move || {
        let lang = store.lang.get();
        store.workspace.with(|ws| {
            let m = ws.meeting(meeting)?;
            let r = m.round(round)?;
            let n_members = ws.year_of(meeting).map_or(0, |y| y.members.len() as u32);
            Some((
                r.award.clone(),
                r.kind,
                describe_quota(lang, r.rules.quota, r.rules.quota.places(n_members)),
                describe_threshold(lang, &r.rules),
            ))
        })
    };
    move || {
        summary().map(|(award, kind, quota, threshold)| {
            view! {
                <h1 data-testid="round-title">{award}
                    {match kind {
                        RoundKind::Regular => None,
                        RoundKind::Runoff { .. } => Some(view! { " "<span class="badge">{tr(Text::Runoff)}</span> }.into_any()),
                        RoundKind::Rehearsal => Some(view! { " "<span class="badge badge-practice" data-testid="rehearsal-badge">{tr(Text::RehearsalBanner)}</span> }.into_any()),
                    }}
                </h1>
                <p class="hint" data-testid="round-rules">{tr(Text::Quota)}": "{quota}" · "{tr(Text::Threshold)}": "{threshold}</p>
            }
        })
    }
}

#[component]
fn DraftView(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let candidates = move || {
        store.workspace.with(|ws| {
            ws.meeting(meeting)
                .and_then(|_| ballot_candidates(ws, meeting, round).ok())
                .map(|c| {
                    let names = |units: &[UnitId]| {
                        units.iter().map(|u| ws.unit_name(*u)).collect::<Vec<_>>()
                    };
                    (names(&c.standing), names(&c.excluded))
                })
                .unwrap_or_default()
        })
    };
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Refusal>);
    let asked = RwSignal::new(NoCommitteeAsk::NotYet);
    let open_now = Callback::new(move |()| {
        let outcome = store.apply(|ws| open_round(ws, meeting, round, &pin.get_untracked()));
        pin.set(String::new());
        error.set(outcome.err());
    });
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open_or_confirm(meeting, round, asked, open_now);
    };
    view! {
        <PapersOutdatedNotice meeting=meeting round=round/>
        <section class="card">
            <h2>{tr(Text::Candidates)}</h2>
            <ol data-testid="draft-candidates">{move || candidates().0.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ol>
            {move || {
                let excluded = candidates().1;
                (!excluded.is_empty()).then(|| view! {
                    <p class="hint" data-testid="draft-excluded">{tr(Text::NotStandingHere)}": "{excluded.join(", ")}</p>
                })
            }}
        </section>
        <section class="card">
            <h2>{tr(Text::OpenOnLaptop)}</h2>
            <p class="hint">{tr(Text::OpenRoundExplained)}</p>
            <form class="inline-form" on:submit=open data-testid="open-round-form">
                <label class="field">
                    <span class="field-label">{tr(Text::NewOperatorPin)}</span>
                    <input type="password" autocomplete="new-password" data-testid="open-pin" bind:value=pin/>
                </label>
                <button type="submit" data-testid="open-round">{tr(Text::OpenRound)}</button>
            </form>
            <NoCommitteeConfirm meeting=meeting ask=asked on_confirm=open_now/>
            <FormError error=error testid="open-round-error"/>
        </section>
        <PaperDraftCards meeting=meeting round=round/>
    }
}

/// The meeting screen's link (tracked: the link follows the workspace).
pub fn meeting_href(meeting: MeetingId) -> String {
    use_store().workspace.with(|ws| {
        ws.meeting(meeting)
            .map(|m| Route::Meeting(m.cluster, m.year).href())
            .unwrap_or_else(|| "#/".into())
    })
}

/// Whether the user has been asked about opening without a counting
/// committee: not yet, asking now, or answered "open anyway" (the form then
/// does not ask again, e.g. after a PIN too short).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NoCommitteeAsk {
    NotYet,
    Asking,
    Answered,
}

/// Opens `round` with `open`, unless `meeting` has no counting committee
/// named and the user has not answered yet (issue 18): then `ask` shows
/// `NoCommitteeConfirm` first. A rehearsal (practice, no minutes) never
/// asks.
pub fn open_or_confirm(
    meeting: MeetingId,
    round: RoundId,
    ask: RwSignal<NoCommitteeAsk>,
    open: Callback<()>,
) {
    let none = use_store().workspace.with_untracked(|ws| {
        ws.meeting(meeting).is_some_and(|m| {
            m.details.committee.is_empty()
                && m.round(round)
                    .is_some_and(|r| r.kind != RoundKind::Rehearsal)
        })
    });
    if none && ask.get_untracked() != NoCommitteeAsk::Answered {
        ask.set(NoCommitteeAsk::Asking);
    } else {
        open.run(());
    }
}

/// The confirmation asked before a round opens with no counting committee:
/// open anyway, or go back to the meeting to name it.
#[component]
pub fn NoCommitteeConfirm(
    meeting: MeetingId,
    ask: RwSignal<NoCommitteeAsk>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let to_meeting = move || meeting_href(meeting);
    view! {
        <Show when=move || ask.get() == NoCommitteeAsk::Asking>
            <div class="confirm" role="alertdialog" aria-labelledby="no-committee-text" data-testid="no-committee-confirm">
                <p id="no-committee-text" data-testid="no-committee-text">{tr(Text::NoCommitteeConfirm)}</p>
                <div class="form-actions">
                    <button type="button" data-testid="open-without-committee" on:click=move |_| {
                        ask.set(NoCommitteeAsk::Answered);
                        on_confirm.run(());
                    }>{tr(Text::OpenWithoutCommittee)}</button>
                    <a class="button secondary" href=to_meeting data-testid="name-committee-first">{tr(Text::NameCommitteeFirst)}</a>
                </div>
            </div>
        </Show>
    }
}

#[derive(Clone, PartialEq)]
struct RollRow {
    voter: VoterId,
    label: String,
    present: bool,
    voted: bool,
}

#[component]
fn OperatorView(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let snapshot = move || {
        store.workspace.with(|ws| {
            let m = ws.meeting(meeting)?;
            let r = m.round(round)?;
            let RoundState::Open(booth) = &r.state else {
                return None;
            };
            let rows: Vec<RollRow> = booth
                .entitled()
                .iter()
                .map(|v| RollRow {
                    voter: v.id,
                    label: if v.name.is_empty() {
                        ws.unit_name(v.unit)
                    } else {
                        format!("{} ({})", v.name, ws.unit_name(v.unit))
                    },
                    present: booth.present().contains(&v.id),
                    voted: booth.voted().contains(&v.id),
                })
                .collect();
            let quorum = quorum_met(
                booth.present().len() as u32,
                booth.entitled().len() as u32,
                m.quorum,
            );
            Some((
                rows,
                booth.present().len(),
                booth.entitled().len(),
                booth.voted().len(),
                quorum,
                m.quorum,
                r.kind == RoundKind::Rehearsal,
            ))
        })
    };
    let error = RwSignal::new(None::<Refusal>);
    let confirm_close = RwSignal::new(false);
    let started = move || snapshot().is_some_and(|s| s.3 > 0);
    let close = move |_| {
        let outcome = store.apply(|ws| ws.close_round(meeting, round));
        confirm_close.set(false);
        error.set(outcome.err());
    };
    let end_rehearsal = move |_| end_rehearsal(meeting, round, error);
    view! {
        <section class="card">
            <h2>{tr(Text::RunningTheVote)}</h2>
            {move || (!store.meeting_stored(meeting)).then(|| view! {
                <p class="banner banner-error" role="alert" data-testid="ballots-not-stored">
                    {tr(Text::BallotNotStoredOperator)}" "
                    <a href="#/files">{tr(Text::OpenFilesAndBackups)}</a>
                </p>
            })}
            {move || snapshot().map(|(_, present, entitled, voted, quorum, share, _)| view! {
                <p data-testid="roll-summary">
                    {tr(Text::Entitled)}": "<strong>{entitled}</strong>" · "
                    {tr(Text::Present)}": "<strong data-testid="present-count">{present}</strong>" · "
                    {tr(Text::Voted)}": "<strong data-testid="voted-count">{voted}</strong>" · "
                    {tr(Text::Quorum)}" "{share.to_string()}": "
                    {if quorum {
                        view! { <strong class="ok" data-testid="quorum-state">{tr(Text::QuorumMet)}</strong> }.into_any()
                    } else {
                        view! { <strong class="warn" data-testid="quorum-state">{tr(Text::QuorumNotMet)}</strong> }.into_any()
                    }}
                </p>
            })}
            <p class="hint">{tr(Text::RollExplained)}</p>
            {move || snapshot()
                .filter(|s| s.3 == 0 && s.1 < s.2)
                .map(|_| view! {
                    <p><button type="button" class="secondary" data-testid="roll-all-present"
                        on:click=move |_| error.set(store.apply(|ws| ws.set_all_present(meeting, round)).err())>
                        {tr(Text::EveryonePresent)}</button></p>
                })}
            <table class="data" data-testid="roll">
                <thead><tr>
                    <th scope="col">{tr(Text::Voter)}</th>
                    <th scope="col">{tr(Text::Present)}</th>
                    <th scope="col">{tr(Text::BallotColumn)}</th>
                </tr></thead>
                <tbody>
                    {move || snapshot().map(|(rows, ..)| rows.into_iter().map(|row| {
                        let voter = row.voter;
                        let label = row.label.clone();
                        view! {
                            <tr data-testid="roll-row">
                                <td data-testid="roll-name">{row.label.clone()}</td>
                                <td><input type="checkbox" data-testid="roll-present" aria-label=move || format!("{} {}", tr(Text::PresentCount)(), label)
                                    prop:checked=row.present disabled=started()
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        error.set(store.apply(|ws| ws.set_present(meeting, round, voter, on)).err());
                                    }/></td>
                                <td>{if row.voted {
                                    view! { <span class="ok" data-testid="roll-voted">{tr(Text::HasVoted)}</span> }.into_any()
                                } else if row.present {
                                    view! { <button type="button" class="small" data-testid="give-ballot"
                                        on:click=move |_| error.set(store.apply_stored(|ws| ws.start_ballot(meeting, round, voter)).err())>
                                        {tr(Text::GiveBallot)}</button> }.into_any()
                                } else {
                                    view! { <span class="hint">"—"</span> }.into_any()
                                }}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
            <FormError error=error testid="operator-error"/>
        </section>
        <section class="card">
            <h2>{tr(Text::CloseRound)}</h2>
            <Show when=move || !confirm_close.get() fallback=move || view! {
                <p role="alert" data-testid="close-confirm-text">
                    {tr(Text::ConfirmCloseRound)}" "
                    {move || snapshot().map(|s| format!("({}/{})", s.3, s.1))}
                </p>
                <div class="form-actions">
                    <button type="button" data-testid="close-confirm" on:click=close>{tr(Text::CloseAndShowResults)}</button>
                    <button type="button" class="secondary" on:click=move |_| confirm_close.set(false)>{tr(Text::NotYetGoBack)}</button>
                </div>
            }>
                <button type="button" data-testid="close-round" on:click=move |_| confirm_close.set(true)>{tr(Text::CloseBallotRound)}</button>
                <Show when=move || snapshot().is_some_and(|s| s.6)>
                    " "<button type="button" class="secondary" data-testid="end-rehearsal" on:click=end_rehearsal>{tr(Text::EndRehearsal)}</button>
                </Show>
            </Show>
        </section>
    }
}

/// Deletes a rehearsal round with its ballots and goes back to the meeting.
pub fn end_rehearsal(meeting: MeetingId, round: RoundId, error: RwSignal<Option<Refusal>>) {
    let store = use_store();
    let back = store.workspace.with_untracked(|ws| {
        ws.meeting(meeting)
            .map(|m| Route::Meeting(m.cluster, m.year))
    });
    let award = store.workspace.with_untracked(|ws| {
        ws.meeting(meeting)
            .and_then(|m| m.round(round))
            .map(|r| r.award.clone())
            .unwrap_or_default()
    });
    store.guarded(move |backup| {
        match store.apply_destructive("delete-round", &award, backup, |ws| {
            ws.delete_round(meeting, round)
        }) {
            Ok(Some(())) => navigate(back.unwrap_or(Route::Home)),
            Ok(None) => return false,
            Err(e) => error.set(Some(e)),
        }
        true
    });
}

/// The delegate's clean ballot. Choices live only in this component's
/// memory: nothing of a half-filled ballot is stored or survives a reload.
#[component]
fn BallotView(meeting: MeetingId, round: RoundId, voter: VoterId) -> impl IntoView {
    let store = use_store();
    let info = store.workspace.with_untracked(|ws| {
        let m = ws.meeting(meeting)?;
        let r = m.round(round)?;
        let RoundState::Open(booth) = &r.state else {
            return None;
        };
        let n_members = ws.year_of(meeting).map_or(0, |y| y.members.len() as u32);
        let entry = booth.entitled().iter().find(|v| v.id == voter)?;
        let own = (!r.rules.self_vote_allowed).then_some(entry.unit);
        let who = if entry.name.is_empty() {
            ws.unit_name(entry.unit)
        } else {
            format!("{} — {}", entry.name, ws.unit_name(entry.unit))
        };
        let candidates: Vec<(UnitId, String)> = ballot_candidates(ws, meeting, round)
            .ok()?
            .standing
            .iter()
            .map(|u| {
                (
                    *u,
                    ws.unit(*u)
                        .map(|x| x.full_name.clone())
                        .unwrap_or_else(|| ws.unit_name(*u)),
                )
            })
            .collect();
        Some((
            r.award.clone(),
            r.rules.quota.places(n_members),
            r.rules.blank,
            own,
            who,
            candidates,
            r.kind == RoundKind::Rehearsal,
        ))
    });
    let Some((award, places, blank, own, who, candidates, rehearsal)) = info else {
        return view! { <p>{tr(Text::NoBallot)}</p> }.into_any();
    };
    let chosen = RwSignal::new(Vec::<UnitId>::new());
    let reviewing = RwSignal::new(false);
    let error = RwSignal::new(None::<Refusal>);
    let names = candidates.clone();
    let chosen_names = move || {
        let picked = chosen.get();
        names
            .iter()
            .filter(|(u, _)| picked.contains(u))
            .map(|(_, n)| n.clone())
            .collect::<Vec<_>>()
    };
    let submit = move |_| {
        let outcome = store.apply(|ws| ws.submit_ballot(meeting, round, chosen.get_untracked()));
        error.set(outcome.err());
    };
    view! {
        <section class="card booth-kiosk ballot" data-testid="ballot">
            {rehearsal.then(|| view! { <p class="badge badge-practice">{tr(Text::RehearsalBanner)}</p> })}
            <h1>{tr(Text::BallotHeading)}": "{award.clone()}</h1>
            <p data-testid="ballot-voter">{tr(Text::Voter)}": "<strong>{who}</strong></p>
            <Show when=move || !reviewing.get() fallback=move || {
                let names = chosen_names();
                view! {
                    <h2>{tr(Text::CheckYourBallot)}</h2>
                    {if names.is_empty() {
                        view! { <p class="warn" data-testid="review-blank">
                            {tr(Text::NoUnitChosen)}" "
                            {if blank == BlankBallot::Invalid { tr(Text::BallotWillBeInvalid)() } else { "" }}
                        </p> }.into_any()
                    } else {
                        view! { <ul data-testid="review-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
                    }}
                    <div class="form-actions">
                        <button type="button" data-testid="confirm-ballot" on:click=submit>{tr(Text::CastBallot)}</button>
                        <button type="button" class="secondary" data-testid="edit-ballot" on:click=move |_| reviewing.set(false)>{tr(Text::GoBackAndChange)}</button>
                    </div>
                }
            }>
                <p class="ballot-rule">{tr(Text::ApproveAtMost)}" "<strong>{places}</strong>" "{tr(Text::UnitsAtEnd)}</p>
                <ul class="ballot-list">
                    {candidates.iter().cloned().map(|(unit, name)| {
                        let is_own = own == Some(unit);
                        view! {
                            <li><label class:disabled=is_own>
                                <input type="checkbox" data-testid="ballot-choice"
                                    disabled=move || is_own || (!chosen.with(|c| c.contains(&unit)) && chosen.with(Vec::len) as u32 >= places)
                                    prop:checked=move || chosen.with(|c| c.contains(&unit))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| {
                                            c.retain(|x| *x != unit);
                                            if on { c.push(unit); }
                                        });
                                    }/>
                                " "{name}
                                {is_own.then(|| view! { " "<span class="hint">{tr(Text::OwnUnitNoSelfVote)}</span> })}
                            </label></li>
                        }
                    }).collect_view()}
                </ul>
                <p data-testid="ballot-count">{tr(Text::Chosen)}" "{move || chosen.with(Vec::len)}"/"{places}</p>
                <button type="button" data-testid="review-ballot" on:click=move |_| reviewing.set(true)>{tr(Text::ReviewBallot)}</button>
            </Show>
            <FormError error=error testid="ballot-error"/>
        </section>
    }
    .into_any()
}

/// After a ballot (or a reload during one): nothing of any vote is shown;
/// only the operator's PIN unlocks the laptop.
#[component]
fn LockedView(meeting: MeetingId, round: RoundId, interrupted: Option<VoterId>) -> impl IntoView {
    let store = use_store();
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Refusal>);
    let interrupted_name = interrupted.and_then(|voter| {
        store.workspace.with_untracked(|ws| {
            let r = ws.meeting(meeting)?.round(round)?;
            let RoundState::Open(booth) = &r.state else {
                return None;
            };
            booth.entitled().iter().find(|v| v.id == voter).map(|v| {
                if v.name.is_empty() {
                    ws.unit_name(v.unit)
                } else {
                    v.name.clone()
                }
            })
        })
    });
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = store.apply(|ws| ws.unlock_booth(meeting, round, &pin.get_untracked()));
        pin.set(String::new());
        error.set(outcome.err());
    };
    view! {
        <section class="card booth-kiosk handback" data-testid="hand-back">
            {match interrupted_name {
                // Thanks only for a ballot that storage holds (ballot and
                // "voted" mark are one record: both stored or neither).
                None => view! {
                    {move || if store.meeting_stored(meeting) {
                        view! {
                            <h1 data-testid="ballot-thanks">{tr(Text::BallotRecorded)}</h1>
                            <p class="handback-big">{tr(Text::HandLaptopBack)}</p>
                        }.into_any()
                    } else {
                        view! { <h1 class="handback-big" data-testid="ballot-not-stored">{tr(Text::BallotNotStored)}</h1> }.into_any()
                    }}
                }.into_any(),
                Some(name) => view! {
                    <h1 data-testid="interrupted">{tr(Text::BallotInterrupted)}</h1>
                    <p>{tr(Text::InterruptedBallotOf)}" "<strong>{name}</strong>" "
                        {tr(Text::InterruptedBallotDiscarded)}</p>
                }.into_any(),
            }}
            <form class="inline-form" on:submit=unlock data-testid="unlock-form">
                <label class="field">
                    <span class="field-label">{tr(Text::OperatorPin)}</span>
                    <input type="password" autocomplete="off" data-testid="unlock-pin" bind:value=pin/>
                </label>
                <button type="submit" data-testid="unlock">{tr(Text::Unlock)}</button>
            </form>
            <FormError error=error testid="unlock-error"/>
        </section>
    }
}
