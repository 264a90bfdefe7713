//! Results of a closed round: the counts, each candidate's votes and share
//! with the reason for its outcome, a bar chart with the threshold line,
//! and the runoff when places are tied or left.

use leptos::prelude::*;

use super::browser::navigate;
use super::route::Route;
use super::tr;
use super::widgets::{chart_name, FormError};
use crate::domain::{
    reconcile, CountSource, MeetingId, ReconcileError, RoundId, RoundKind, RoundRules, RoundState,
    Totals,
};
use crate::host::new_id;
use crate::i18n::{
    describe_reconcile_error, describe_status, format_integer, format_share, screen_text, Text,
};
use crate::rules::rounds::{create_runoff, results};
use crate::rules::tally::RoundResult;
use crate::state::{use_store, Refusal};

#[derive(Clone)]
struct View {
    rules: RoundRules,
    totals: Totals,
    result: RoundResult,
    names: Vec<String>,
    rehearsal: bool,
    reconciled: Result<(), ReconcileError>,
    /// How the round was counted.
    source: CountKind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CountKind {
    Booth,
    Paper { settled: usize },
    Hand,
}

#[component]
pub fn ResultsView(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let data = move || {
        store.workspace.with(|ws| {
            let m = ws.meeting(meeting)?;
            let r = m.round(round)?;
            let year = ws.year_of(meeting).ok()?;
            let (_, totals, result) = results(m, year)
                .into_iter()
                .find(|(id, _, _)| *id == round)?;
            let names = result
                .candidates
                .iter()
                .map(|c| ws.unit_name(c.unit))
                .collect();
            let reconciled = reconcile(&totals, result.places);
            let source = match &r.state {
                RoundState::Closed(closed) => match &closed.source {
                    CountSource::Booth => CountKind::Booth,
                    CountSource::Paper(paper) => CountKind::Paper {
                        settled: paper.settlements.len(),
                    },
                    CountSource::Hand(_) => CountKind::Hand,
                },
                _ => CountKind::Booth,
            };
            Some(View {
                rules: r.rules,
                totals,
                result,
                names,
                rehearsal: r.kind == RoundKind::Rehearsal,
                reconciled,
                source,
            })
        })
    };
    let error = RwSignal::new(None::<Refusal>);
    let runoff = move |_| {
        let new_round = RoundId(new_id());
        match store.apply(|ws| create_runoff(ws, meeting, round, new_round)) {
            Ok(id) => navigate(Route::Round(meeting, id)),
            Err(e) => error.set(Some(e)),
        }
    };
    let end_rehearsal = move |_| super::round::end_rehearsal(meeting, round, error);
    move || {
        let lang = store.lang.get();
        let Some(view) = data() else {
            return view! { <p>{tr(Text::PageNotFound)}</p> }.into_any();
        };
        let num = |n: u32| format_integer(lang, i64::from(n));
        let t = &view.totals;
        let counts = [
            (Text::CountEntitled, t.entitled),
            (Text::Present, t.present),
            (Text::CountIssued, t.issued),
            (Text::CountCollected, t.collected),
            (Text::CountValid, t.valid),
            (Text::CountInvalid, t.invalid),
        ];
        let nominated: Vec<String> = view
            .result
            .candidates
            .iter()
            .zip(&view.names)
            .filter(|(c, _)| c.status.is_nominated())
            .map(|(_, n)| n.clone())
            .collect();
        let tied: Vec<String> = view
            .result
            .candidates
            .iter()
            .zip(&view.names)
            .filter(|(c, _)| c.status == crate::rules::tally::Status::Tied)
            .map(|(_, n)| n.clone())
            .collect();
        let runoff_places = view.result.runoff.as_ref().map(|(_, p)| *p);
        // At most one runoff per round: once made, the screen leads to it.
        let held_runoff = store.workspace.with(|ws| {
            ws.meeting(meeting)
                .and_then(|m| m.runoff_of(round))
                .map(|r| r.id)
        });
        let unfilled = view.result.unfilled;
        let rows = view.result.candidates.iter().zip(view.names.iter()).map(|(c, name)| {
            let (word, reason) = describe_status(lang, c.status, &view.rules);
            let share = c.share_bp.map(|bp| format_share(lang, bp)).unwrap_or_else(|| "—".into());
            view! {
                <tr data-testid="result-row" class:nominated=c.status.is_nominated()>
                    <td class="num">{c.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into())}</td>
                    <td data-testid="result-name">{name.clone()}</td>
                    <td class="num" data-testid="result-votes">{num(c.votes)}</td>
                    <td class="num" data-testid="result-share">{share}</td>
                    <td><strong data-testid="result-status">{word}</strong><br/><span class="hint">{reason}</span></td>
                </tr>
            }
        }).collect_view();
        view! {
            {view.rehearsal.then(|| view! {
                <section class="card">
                    <p class="badge badge-practice">{tr(Text::RehearsalResults)}</p>
                    <button type="button" class="secondary" data-testid="end-rehearsal" on:click=end_rehearsal>{tr(Text::EndRehearsal)}</button>
                </section>
            })}
            <section class="card" data-testid="results">
                <h2>{tr(Text::CountResult)}</h2>
                <p class="hint" data-testid="count-source">{match view.source {
                    CountKind::Booth => Text::BoothCountSource.in_lang(lang).to_owned(),
                    CountKind::Paper { settled } => screen_text::paper_count_source(lang, settled),
                    CountKind::Hand => Text::HandCountSource.in_lang(lang).to_owned(),
                }}
                " "<a href=Route::VoteMinutes(meeting, round).href() data-testid="vote-minutes-link">{tr(Text::VoteMinutesPrint)}</a>
                {matches!(view.source, CountKind::Paper { .. }).then(|| view! {
                    " "<a href=Route::EntryLog(meeting, round).href() data-testid="results-log-link">{tr(Text::EntryLog)}</a>
                })}</p>
                <dl class="counts" data-testid="counts">
                    {counts.into_iter().map(|(label, n)| view! { <div><dt>{label.in_lang(lang)}</dt><dd>{num(n)}</dd></div> }).collect_view()}
                </dl>
                {match &view.reconciled {
                    Ok(()) => view! { <p class="ok" data-testid="reconciled">{tr(Text::CountsReconcile)}</p> }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert" data-testid="not-reconciled">{describe_reconcile_error(lang, e)}</p> }.into_any(),
                }}
                <table class="data" data-testid="result-table">
                    <thead><tr>
                        <th scope="col">{tr(Text::Rank)}</th>
                        <th scope="col">{tr(Text::Units)}</th>
                        <th scope="col">{tr(Text::Votes)}</th>
                        <th scope="col">{tr(Text::Share)}</th>
                        <th scope="col">{tr(Text::OutcomeAndReason)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {chart(lang, &view)}
                <h3>{tr(Text::Conclusion)}</h3>
                <p data-testid="conclusion">
                    {if nominated.is_empty() {
                        Text::NoneNominated.in_lang(lang).to_owned()
                    } else {
                        screen_text::nominated(lang, &nominated)
                    }}
                </p>
                {runoff_places.map(|places| view! {
                    <p class="warn" data-testid="tie-note">
                        {screen_text::tie_at_quota(lang, &tied, places)}
                    </p>
                })}
                {(unfilled > 0).then(|| view! {
                    <p class="warn" data-testid="unfilled-note">
                        {screen_text::places_unfilled(lang, unfilled)}
                    </p>
                })}
                {(!view.rehearsal && (runoff_places.is_some() || unfilled > 0) && held_runoff.is_some()).then(|| held_runoff.map(|id| view! {
                    <p><a href=Route::Round(meeting, id).href() data-testid="open-runoff">{tr(Text::OpenRunoff)}</a></p>
                }))}
                {(!view.rehearsal && (runoff_places.is_some() || unfilled > 0) && held_runoff.is_none()).then(|| view! {
                    <button type="button" data-testid="create-runoff" on:click=runoff>{tr(Text::CreateRunoff)}</button>
                })}
                <FormError error=error testid="runoff-error"/>
            </section>
        }
        .into_any()
    }
}

/// Horizontal bars of each candidate's share, with the threshold line.
fn chart(lang: crate::i18n::Lang, view: &View) -> impl IntoView {
    // Whole pixels: an SVG coordinate needs no fraction here, and integers
    // keep float formatting (≈ 10 KB of wasm) out of the app.
    const LABEL_W: u32 = 190;
    const BAR_W: u32 = 420;
    const ROW_H: u32 = 28;
    // Characters of a name line at the label's 12px (two lines at most).
    const LABEL_CHARS: usize = 28;
    let n = view.result.candidates.len() as u32;
    let height = n * ROW_H + 34;
    let threshold_bp = view.rules.threshold.share.basis_points();
    let x_threshold = LABEL_W + (u64::from(BAR_W) * threshold_bp / 10_000) as u32;
    let bars = view
        .result
        .candidates
        .iter()
        .zip(&view.names)
        .enumerate()
        .map(|(idx, (c, name))| {
            let y = 8 + idx as u32 * ROW_H;
            let width = (u64::from(BAR_W) * c.share_bp.unwrap_or(0).min(10_000) / 10_000) as u32;
            let class = if c.status.is_nominated() {
                "bar bar-nominated"
            } else {
                "bar"
            };
            let share = c
                .share_bp
                .map(|bp| format_share(lang, bp))
                .unwrap_or_default();
            view! {
                {chart_name(name, i64::from(LABEL_W) - 8, i64::from(y) + 11, LABEL_CHARS)}
                <rect x=LABEL_W y=y width=width height=ROW_H - 8 class=class></rect>
                <text x=LABEL_W + width + 6 y=y + 15 class="bar-value">{share}</text>
            }
        })
        .collect_view();
    let caption = screen_text::chart_caption(lang, threshold_bp);
    view! {
        <figure class="chart" data-testid="result-chart">
            <svg viewBox=format!("0 0 {} {}", LABEL_W + BAR_W + 70, height) role="img" aria-label=caption.clone()>
                {bars}
                <line x1=x_threshold x2=x_threshold y1="2" y2=height - 24 class="threshold-line"></line>
                <text x=x_threshold y=height - 8 text-anchor="middle" class="threshold-label">{format_share(lang, threshold_bp)}</text>
            </svg>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
