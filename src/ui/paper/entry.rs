//! The keyboard entry pad of one pass: a key per candidate, Enter to save.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{ids, round_info};
use crate::domain::{ballot_validity, Invalidity};
use crate::domain::{
    candidate_for_key, entry_key, Approvals, MeetingId, PaperBallot, Pass, RoundId, RoundState,
    UnitId,
};
use crate::i18n::{describe_paper_ballot, describe_validity, screen_text, Text};
use crate::state::{use_store, Refusal};
use crate::ui::browser::navigate;
use crate::ui::route::Route;
use crate::ui::tr;
use crate::ui::widgets::{record_made, FormError, MeetingCrumbs};

/// The marks of the ballot on screen, before it is saved.
fn current_ballot(marks: &[bool], spoilt: bool, candidates: &[UnitId]) -> PaperBallot {
    if spoilt {
        return PaperBallot::Spoilt;
    }
    PaperBallot::Marks(Approvals::new(
        candidates
            .iter()
            .zip(marks)
            .filter(|(_, on)| **on)
            .map(|(u, _)| *u)
            .collect(),
    ))
}

/// One pass of keyboard entry: a key per candidate toggles it, Enter
/// saves and moves to the next number, `x` marks the paper spoilt, `z`
/// takes back the last ballot, Esc clears. Shows only this pass.
#[component]
pub fn PaperEntryScreen(meeting: MeetingId, round: RoundId, pass: Pass) -> impl IntoView {
    let store = use_store();
    let info = Memo::new(move |_| store.workspace.with(|ws| round_info(ws, meeting, round)));
    // Only this pass, and only while the round takes paper ballots.
    let own = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| match &ws.meeting(meeting)?.round(round)?.state {
                RoundState::Paper(count) => Some((count.pass(pass).clone(), count.issued)),
                _ => None,
            })
    });
    let n_candidates = info.get_untracked().map_or(0, |i| i.candidates.len());
    let marks = RwSignal::new(vec![false; n_candidates]);
    let spoilt = RwSignal::new(false);
    let error = RwSignal::new(None::<Refusal>);
    let keystrokes = RwSignal::new(0u32);
    let saved_flash = RwSignal::new(None::<u32>);
    let candidates = move || info.get().map(|i| ids(&i)).unwrap_or_default();

    let save = move || {
        let ballot = current_ballot(
            &marks.get_untracked(),
            spoilt.get_untracked(),
            &candidates(),
        );
        let outcome = store.apply(|ws| ws.enter_paper_ballot(meeting, round, pass, ballot));
        // Entered but not stored is still entered: the pad moves on (typing
        // it again would count it twice), and says it is not saved.
        if record_made(&outcome) {
            marks.set(vec![false; n_candidates]);
            spoilt.set(false);
        }
        match outcome {
            Ok(number) => {
                error.set(None);
                saved_flash.set(Some(number));
            }
            Err(e) => {
                saved_flash.set(None);
                error.set(Some(e));
            }
        }
    };
    let undo = move || {
        let outcome = store.apply(|ws| ws.undo_paper_ballot(meeting, round, pass));
        error.set(outcome.err());
        saved_flash.set(None);
    };
    let toggle = move |idx: usize| {
        marks.update(|m| {
            if let Some(on) = m.get_mut(idx) {
                *on = !*on;
            }
        });
    };

    let on_key = move |ev: KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        // Links and the other buttons keep their own keys; the candidate
        // buttons and the page itself are the pad.
        let foreign = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(
                    el.tag_name().as_str(),
                    "A" | "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA" | "SUMMARY"
                ) && !el.class_list().contains("pad-key")
            });
        if foreign || own.get_untracked().is_none_or(|(p, _)| p.finished) {
            return;
        }
        let key = ev.key();
        let handled = match key.as_str() {
            "Enter" => {
                save();
                true
            }
            "Escape" => {
                marks.set(vec![false; n_candidates]);
                spoilt.set(false);
                true
            }
            "x" | "X" => {
                spoilt.update(|s| *s = !*s);
                true
            }
            "z" | "Z" => {
                undo();
                true
            }
            other => match candidate_for_key(other) {
                Some(idx) if idx < n_candidates => {
                    toggle(idx);
                    true
                }
                _ => false,
            },
        };
        if handled {
            ev.prevent_default();
            keystrokes.update(|k| *k += 1);
        }
    };
    let handle = window_event_listener(leptos::ev::keydown, on_key);
    on_cleanup(move || handle.remove());

    let validity = move || {
        let lang = store.lang.get();
        let info = info.get()?;
        let result = if spoilt.get() {
            Err(Invalidity::Spoilt)
        } else {
            let chosen: Vec<UnitId> = info
                .candidates
                .iter()
                .zip(marks.get())
                .filter(|(_, on)| *on)
                .map(|((u, _), _)| *u)
                .collect();
            ballot_validity(&chosen, &ids(&info), &info.rules, info.places)
        };
        Some((result.is_ok(), describe_validity(lang, result, info.places)))
    };
    let next_number = move || own.get().map_or(1, |(p, _)| p.ballots.len() + 1);
    let finish = move |_| match store.apply(|ws| ws.finish_paper_pass(meeting, round, pass, true)) {
        Ok(()) => navigate(Route::Round(meeting, round)),
        Err(e) => error.set(Some(e)),
    };
    let recent = move || {
        let lang = store.lang.get();
        let candidates = candidates();
        own.get()
            .map(|(p, _)| {
                let start = p.ballots.len().saturating_sub(5);
                p.ballots[start..]
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, b)| {
                        (
                            start + i + 1,
                            describe_paper_ballot(lang, Some(b), &candidates),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let lang = store.lang;
    let n = pass.number();
    view! {
        <MeetingCrumbs meeting=meeting here=Text::BallotRound
            trail=vec![(Text::BallotRound, Route::Round(meeting, round).href())]
            here_text=Signal::derive(move || screen_text::entry_pass(lang.get(), n))/>
        {move || match own.get() {
            None => view! {
                <section class="card" data-testid="entry-unavailable">
                    <p>{tr(Text::NotTakingPaper)}</p>
                </section>
            }.into_any(),
            Some((p, _)) if p.finished => view! {
                <section class="card" data-testid="entry-finished">
                    <p>{move || screen_text::pass_finished(lang.get(), n)}</p>
                    <a href=Route::Round(meeting, round).href()>{tr(Text::BackToRound)}</a>
                </section>
            }.into_any(),
            Some(_) => ().into_any(),
        }}
        <Show when=move || own.get().is_some_and(|(p, _)| !p.finished)>
        <div class="entry" data-testid="entry-pad">
            <section class="card entry-ballot">
                <h1>
                    {move || info.get().map(|i| i.award)}" — "
                    {move || screen_text::entry_pass_inline(lang.get(), n)}
                </h1>
                <p class="entry-number">
                    {tr(Text::BallotNo)}" "<strong data-testid="entry-number">{next_number}</strong>
                    " / "{move || own.get().map(|(_, issued)| issued)}" "{tr(Text::IssuedAfterNumber)}
                </p>
                <ol class="pad" data-testid="pad">
                    {move || info.get().map(|i| i.candidates).unwrap_or_default().into_iter().enumerate().map(|(idx, (_, name))| {
                        let key = entry_key(idx).map(|k| k.to_string()).unwrap_or_default();
                        let on = move || !spoilt.get() && marks.get().get(idx).copied().unwrap_or(false);
                        view! {
                            <li>
                                <button type="button" class="pad-key" class:on=on aria-pressed=move || on().to_string()
                                    data-testid="pad-candidate" on:click=move |_| toggle(idx)>
                                    <kbd>{key}</kbd>
                                    <span class="pad-no">{idx + 1}"."</span>
                                    <span class="pad-name">{name}</span>
                                    <span class="pad-mark" aria-hidden="true">{move || if on() { "✔" } else { "" }}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <p class="entry-validity" role="status" data-testid="entry-validity"
                    class:ok=move || validity().is_some_and(|v| v.0) class:warn=move || validity().is_some_and(|v| !v.0)>
                    {move || validity().map(|v| v.1)}
                </p>
                <FormError error=error testid="entry-error"/>
                <p class="saved-note" role="status" data-testid="entry-saved">{move || saved_flash.get().map(|n| screen_text::ballot_saved(lang.get(), n))}</p>
            </section>
            <aside class="card entry-help">
                <h2>{tr(Text::EntryKeys)}</h2>
                <dl class="keys">
                    <dt><kbd>"1"</kbd>"…"<kbd>"0"</kbd>" "<kbd>"a"</kbd>"…"</dt><dd>{tr(Text::KeyMarkUnit)}</dd>
                    <dt><kbd>"Enter"</kbd></dt><dd>{tr(Text::KeySaveNext)}</dd>
                    <dt><kbd>"x"</kbd></dt><dd>{tr(Text::KeySpoilt)}</dd>
                    <dt><kbd>"z"</kbd></dt><dd>{tr(Text::KeyUndo)}</dd>
                    <dt><kbd>"Esc"</kbd></dt><dd>{tr(Text::KeyClear)}</dd>
                </dl>
                <h2>{tr(Text::LastEntered)}</h2>
                <ol class="recent" data-testid="entry-recent">
                    {move || recent().into_iter().map(|(number, text)| view! {
                        <li><span class="pad-no">{number}"."</span>" "{text}</li>
                    }).collect_view()}
                </ol>
                <p class="hint" data-testid="entry-keystrokes">{move || screen_text::keystrokes(lang.get(), keystrokes.get())}</p>
                <button type="button" data-testid="entry-finish" on:click=finish>{move || screen_text::finish_pass(lang.get(), n)}</button>
            </aside>
        </div>
        </Show>
    }
}
