//! Starting a paper count from a draft round, or typing the totals of a count done by hand.

use leptos::prelude::*;

use super::{ids, round_info, CountField};
use crate::domain::{parse_count, DomainError, HandTotals, MeetingId, RoundId, UnitId};
use crate::i18n::Text;
use crate::rules::rounds::{close_with_totals, open_paper_round};
use crate::state::{use_store, Refusal};
use crate::ui::round::{open_or_confirm, NoCommitteeAsk, NoCommitteeConfirm};
use crate::ui::route::Route;
use crate::ui::tr;
use crate::ui::widgets::FormError;

/// Starting a paper count or typing hand-counted totals, from a draft
/// round.
#[component]
pub fn PaperDraftCards(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let info = Memo::new(move |_| store.workspace.with(|ws| round_info(ws, meeting, round)));
    let entitled = store
        .workspace
        .with_untracked(|ws| round_info(ws, meeting, round).map_or(0, |i| i.entitled));
    let present = RwSignal::new(entitled.to_string());
    let issued = RwSignal::new(entitled.to_string());
    let error = RwSignal::new(None::<Refusal>);
    let asked = RwSignal::new(NoCommitteeAsk::NotYet);
    let open_now = Callback::new(move |()| {
        let outcome = parse_count(&present.get_untracked())
            .map_err(Refusal::from)
            .and_then(|p| {
                let i = parse_count(&issued.get_untracked())?;
                store.apply(|ws| open_paper_round(ws, meeting, round, p, i))
            });
        error.set(outcome.err());
    });
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open_or_confirm(meeting, round, asked, open_now);
    };

    let hand_present = RwSignal::new(entitled.to_string());
    let hand_issued = RwSignal::new(entitled.to_string());
    let collected = RwSignal::new(String::new());
    let valid = RwSignal::new(String::new());
    let invalid = RwSignal::new(String::new());
    // One field per unit that can stand in the round: its list (the
    // candidates, `ballot_candidates`, are always from it, and change when a
    // higher round closes in another tab). Only candidates' fields are shown
    // and read.
    let votes: Vec<(UnitId, RwSignal<String>)> = store.workspace.with_untracked(|ws| {
        ws.meeting(meeting)
            .and_then(|m| m.round(round))
            .map(|r| {
                r.candidates()
                    .iter()
                    .chain(r.excluded())
                    .map(|u| (*u, RwSignal::new(String::new())))
                    .collect()
            })
            .unwrap_or_default()
    });
    let hand_error = RwSignal::new(None::<Refusal>);
    let vote_fields = votes.clone();
    let save_totals = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = || -> Result<(u32, u32, HandTotals), DomainError> {
            let mut hand = HandTotals {
                collected: parse_count(&collected.get_untracked())?,
                valid: parse_count(&valid.get_untracked())?,
                invalid: parse_count(&invalid.get_untracked())?,
                ..HandTotals::default()
            };
            let standing = info.get_untracked().map(|i| ids(&i)).unwrap_or_default();
            // A candidate added in another tab since this form opened has
            // no field here: refused, never recorded with no votes.
            if standing.iter().any(|c| !votes.iter().any(|(u, _)| u == c)) {
                return Err(DomainError::ChangedInAnotherTab);
            }
            for (unit, value) in votes.iter().filter(|(u, _)| standing.contains(u)) {
                let text = value.get_untracked();
                let n = if text.trim().is_empty() {
                    0
                } else {
                    parse_count(&text)?
                };
                hand.votes.insert(*unit, n);
            }
            Ok((
                parse_count(&hand_present.get_untracked())?,
                parse_count(&hand_issued.get_untracked())?,
                hand,
            ))
        };
        let outcome = read().map_err(Refusal::from).and_then(|(p, i, hand)| {
            store.apply(|ws| close_with_totals(ws, meeting, round, p, i, hand))
        });
        hand_error.set(outcome.err());
    };
    let names = move || info.get().map(|i| i.candidates).unwrap_or_default();
    view! {
        <section class="card" data-testid="paper-start">
            <h2>{tr(Text::VoteOnPaper)}</h2>
            <p class="hint">{tr(Text::PaperModeExplained)}</p>
            <p><a href=Route::BallotPapers(meeting, round).href() data-testid="print-papers-link">{tr(Text::PrintBallotPapers)}</a></p>
            <form class="inline-form" on:submit=open data-testid="paper-open-form">
                <CountField label=Text::VotersPresent value=present testid="paper-present"/>
                <CountField label=Text::BallotsIssued value=issued testid="paper-issued"/>
                <button type="submit" data-testid="paper-open">{tr(Text::StartPaperEntry)}</button>
            </form>
            <NoCommitteeConfirm meeting=meeting ask=asked on_confirm=open_now/>
            <FormError error=error testid="paper-open-error"/>
        </section>
        <section class="card" data-testid="hand-totals">
            <h2>{tr(Text::EnterHandCount)}</h2>
            <p class="hint">{tr(Text::HandCountExplained)}</p>
            <form on:submit=save_totals data-testid="hand-form">
                <div class="count-grid">
                    <CountField label=Text::Present value=hand_present testid="hand-present"/>
                    <CountField label=Text::IssuedCount value=hand_issued testid="hand-issued"/>
                    <CountField label=Text::Collected value=collected testid="hand-collected"/>
                    <CountField label=Text::Valid value=valid testid="hand-valid"/>
                    <CountField label=Text::Invalid value=invalid testid="hand-invalid"/>
                </div>
                <table class="data">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{tr(Text::Unit)}</th>
                        <th scope="col">{tr(Text::VotesCast)}</th>
                    </tr></thead>
                    <tbody>
                        {move || names().into_iter().enumerate().map(|(idx, (unit, name))| {
                            let field = vote_fields.iter().find(|(u, _)| *u == unit).map(|(_, s)| *s);
                            let label = name.clone();
                            view! {
                                <tr>
                                    <td>{idx + 1}</td>
                                    <td>{name}</td>
                                    <td>{field.map(|value| view! {
                                        <input type="text" inputmode="numeric" autocomplete="off" class="narrow"
                                            data-testid="hand-votes" aria-label=label bind:value=value/>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="submit" data-testid="hand-save">{tr(Text::CheckAndRecordCount)}</button>
            </form>
            <FormError error=hand_error testid="hand-error"/>
        </section>
    }
}
