//! A paper round in progress: hall counts, the two passes, their differences and the close.
//!
//! The counts of the hall, the state of the two passes, the differences
//! the committee settles, and the close.

use leptos::prelude::*;

use super::{ids, paper_count, round_info, CountField, RoundInfo};
use crate::domain::{
    parse_count, parse_reading, MeetingId, PaperBallot, PaperCount, Pass, RoundId, RoundKind,
};
use crate::i18n::{describe_paper_ballot, describe_validity, screen_text, Text};
use crate::state::{use_store, Refusal};
use crate::ui::route::Route;
use crate::ui::tr;
use crate::ui::widgets::FormError;

#[derive(Clone, PartialEq)]
struct PassState {
    pass: Pass,
    entered: usize,
    finished: bool,
}

/// A paper round being entered: the counts of the hall, the two passes,
/// and once both are finished, the differences and the close.
#[component]
pub fn PaperView(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let count = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| paper_count(ws, meeting, round).cloned())
    });
    let info = Memo::new(move |_| store.workspace.with(|ws| round_info(ws, meeting, round)));
    let error = RwSignal::new(None::<Refusal>);
    let passes = move || {
        count
            .get()
            .map(|c| {
                Pass::BOTH
                    .iter()
                    .map(|p| PassState {
                        pass: *p,
                        entered: c.pass(*p).ballots.len(),
                        finished: c.pass(*p).finished,
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let both_finished = move || {
        count
            .get()
            .is_some_and(|c| c.passes.iter().all(|p| p.finished))
    };
    let present = RwSignal::new(String::new());
    let issued = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(c) = count.get_untracked() {
            present.set(c.present.to_string());
            issued.set(c.issued.to_string());
        }
    });
    let save_roll = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = parse_count(&present.get_untracked())
            .map_err(Refusal::from)
            .and_then(|p| {
                let i = parse_count(&issued.get_untracked())?;
                store.apply(|ws| ws.set_paper_roll(meeting, round, p, i))
            });
        error.set(outcome.err());
    };
    let close = move |_| error.set(store.apply(|ws| ws.close_paper_round(meeting, round)).err());
    let cancel = move |_| {
        error.set(
            store
                .apply(|ws| ws.cancel_paper_round(meeting, round))
                .err(),
        )
    };
    let lang = store.lang;
    view! {
        <section class="card" data-testid="paper-round">
            <h2>{tr(Text::PaperBallotEntry)}</h2>
            <p>
                {tr(Text::Entitled)}": "<strong>{move || count.get().map(|c| c.entitled)}</strong>" · "
                {tr(Text::Present)}": "<strong data-testid="paper-present-count">{move || count.get().map(|c| c.present)}</strong>" · "
                {tr(Text::Issued)}": "<strong data-testid="paper-issued-count">{move || count.get().map(|c| c.issued)}</strong>
            </p>
            <details>
                <summary>{tr(Text::CorrectRoll)}</summary>
                <form class="inline-form" on:submit=save_roll>
                    <CountField label=Text::Present value=present testid="paper-roll-present"/>
                    <CountField label=Text::IssuedCount value=issued testid="paper-roll-issued"/>
                    <button type="submit" data-testid="paper-roll-save">{tr(Text::Save)}</button>
                </form>
            </details>
            <div class="passes">
                {move || passes().into_iter().map(|p| {
                    let pass = p.pass;
                    let n = pass.number();
                    view! {
                        <div class="pass" data-testid=format!("pass-{n}")>
                            <h3>{move || screen_text::entry_pass(lang.get(), n)}</h3>
                            <p data-testid=format!("pass-{n}-state")>
                                {move || screen_text::pass_ballots(lang.get(), p.entered)}" · "
                                {if p.finished { tr(Text::PassFinished)() } else { tr(Text::PassInProgress)() }}
                            </p>
                            {if p.finished {
                                (!both_finished()).then(|| view! {
                                    <button type="button" class="secondary small" data-testid=format!("pass-{n}-reopen")
                                        on:click=move |_| error.set(store.apply(|ws| ws.finish_paper_pass(meeting, round, pass, false)).err())>
                                        {tr(Text::ContinuePass)}</button>
                                }).into_any()
                            } else {
                                view! { <a class="button" href=Route::PaperPass(meeting, round, pass).href() data-testid=format!("pass-{n}-enter")>
                                    {move || screen_text::enter_pass(lang.get(), n)}</a> }.into_any()
                            }}
                        </div>
                    }
                }).collect_view()}
            </div>
            <p class="hint">{tr(Text::PassesExplained)}</p>
            <Show when=move || count.get().is_some_and(|c| c.passes.iter().all(|p| p.ballots.is_empty()))>
                <button type="button" class="secondary" data-testid="paper-cancel" on:click=cancel>{tr(Text::BackToVoteMode)}</button>
            </Show>
            <FormError error=error testid="paper-error"/>
        </section>
        <Show when=both_finished>
            <Differences meeting=meeting round=round count=count info=info/>
            <Show when=move || count.get().is_some_and(|c| c.agreed())>
                <section class="card" data-testid="paper-agreed">
                    <h2>{tr(Text::TwoPassesAgree)}</h2>
                    <p>{move || count.get().map(|c| screen_text::passes_agree(lang.get(), c.passes[0].ballots.len()))}</p>
                    <button type="button" data-testid="paper-close" on:click=close>{tr(Text::CloseRoundAndShowResults)}</button>
                </section>
            </Show>
        </Show>
        <p><a href=Route::EntryLog(meeting, round).href() data-testid="entry-log-link">{tr(Text::EntryLogToPrint)}</a>" · "
           <a href=Route::BallotPapers(meeting, round).href()>{tr(Text::PrintBallotPapers)}</a></p>
        <Show when=move || info.get().is_some_and(|i| i.kind == RoundKind::Rehearsal)>
            <button type="button" class="secondary" data-testid="end-rehearsal"
                on:click=move |_| crate::ui::round::end_rehearsal(meeting, round, error)>
                {tr(Text::EndRehearsal)}</button>
        </Show>
    }
}

/// The ballots the two passes read differently, each with both readings
/// and the committee's choice.
#[component]
fn Differences(
    meeting: MeetingId,
    round: RoundId,
    count: Memo<Option<PaperCount>>,
    info: Memo<Option<RoundInfo>>,
) -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<Refusal>);
    let rows = move || {
        let lang = store.lang.get();
        let info = info.get();
        let candidates = info.as_ref().map(ids).unwrap_or_default();
        // A reading that would not count says why, as the pad does: the
        // round's one rule, nothing of its own.
        let reading = |b: Option<&PaperBallot>| {
            let text = describe_paper_ballot(lang, b, &candidates);
            let invalid = b.zip(info.as_ref()).and_then(|(b, i)| {
                b.validity(&candidates, &i.rules, i.places)
                    .err()
                    .map(|e| describe_validity(lang, Err(e), i.places))
            });
            (text, invalid)
        };
        count
            .get()
            .map(|c| c.differences())
            .unwrap_or_default()
            .into_iter()
            .map(|d| {
                let first = reading(d.first.as_ref());
                let second = reading(d.second.as_ref());
                (d, first, second)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !rows().is_empty()>
            <section class="card" data-testid="differences">
                <h2>{move || screen_text::passes_differ(store.lang.get(), rows().len())}</h2>
                <p class="hint">{tr(Text::DifferencesExplained)}</p>
                <table class="data">
                    <thead><tr>
                        <th scope="col">{tr(Text::BallotNo)}</th>
                        <th scope="col">{tr(Text::Pass1Read)}</th>
                        <th scope="col">{tr(Text::Pass2Read)}</th>
                        <th scope="col">{tr(Text::PaperShows)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(d, first, second)| {
                            let number = d.number;
                            let a = d.first.clone();
                            let b = d.second.clone();
                            let other = RwSignal::new(String::new());
                            view! {
                                <tr data-testid="difference">
                                    <td data-testid="difference-number">{number}</td>
                                    <td><span data-testid="difference-first">{first.0}</span>{reading_validity(first.1, "difference-first-invalid")}</td>
                                    <td><span data-testid="difference-second">{second.0}</span>{reading_validity(second.1, "difference-second-invalid")}</td>
                                    <td class="actions">
                                        <button type="button" class="small" data-testid="settle-first"
                                            on:click=move |_| error.set(store.apply(|ws| ws.settle_paper_ballot(meeting, round, number, a.clone())).err())>
                                            {tr(Text::AsPass1)}</button>" "
                                        <button type="button" class="small" data-testid="settle-second"
                                            on:click=move |_| error.set(store.apply(|ws| ws.settle_paper_ballot(meeting, round, number, b.clone())).err())>
                                            {tr(Text::AsPass2)}</button>
                                        <form class="settle-other" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                            ev.prevent_default();
                                            let candidates = info.get_untracked().map(|i| ids(&i)).unwrap_or_default();
                                            let outcome = parse_reading(&other.get_untracked(), &candidates).map_err(Refusal::from)
                                                .and_then(|reading| store.apply(|ws| ws.settle_paper_ballot(meeting, round, number, Some(reading))));
                                            error.set(outcome.err());
                                        }>
                                            <input type="text" class="narrow" data-testid="settle-other" bind:value=other
                                                aria-label=move || screen_text::other_reading(store.lang.get(), number)/>
                                            <button type="submit" class="small secondary" data-testid="settle-other-save">{tr(Text::UseThisReading)}</button>
                                        </form>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <FormError error=error testid="settle-error"/>
            </section>
        </Show>
    }
}

/// Why a reading in the differences would not count, under it; nothing
/// when it would.
fn reading_validity(invalid: Option<String>, testid: &'static str) -> impl IntoView {
    invalid.map(|why| {
        view! { <br/><span class="warn" data-testid=testid>{why}</span> }
    })
}
