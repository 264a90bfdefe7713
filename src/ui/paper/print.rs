//! The printed pages of paper mode: the numbered ballot papers and the entry log.
//!
//! The papers come with a notice when they are out of date.

use leptos::prelude::*;

use super::{ids, paper_count, round_info, CountField};
use crate::domain::{parse_count, MeetingId, PaperBallot, RoundId, RoundKind};
use crate::i18n::{describe_paper_ballot, describe_validity, screen_text, Text};
use crate::rules::rounds::{papers_outdated, record_printed_papers};
use crate::state::{use_store, Refusal};
use crate::ui::route::Route;
use crate::ui::tr;
use crate::ui::widgets::{FormError, MeetingCrumbs};

/// Says, while it is so, that the round's papers were printed with
/// other candidates than it has now, and links to printing them again.
#[component]
pub fn PapersOutdatedNotice(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let outdated = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| papers_outdated(ws, meeting, round).unwrap_or(false))
    });
    move || {
        outdated.get().then(|| {
            view! {
                <section class="card banner-warning" role="alert" data-testid="papers-outdated">
                    <h2>{tr(Text::PapersOutdated)}</h2>
                    <p>{tr(Text::PapersOutdatedExplained)}</p>
                    <p><a href=Route::BallotPapers(meeting, round).href() data-testid="reprint-papers-link">{tr(Text::ReprintPapers)}</a></p>
                </section>
            }
        })
    }
}

/// How ballot papers are laid out on A4.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Two A5 papers to an A4 page.
    A5,
    A4,
}

/// Numbered ballot papers for a round, to print.
#[component]
pub fn BallotPapersScreen(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let info = Memo::new(move |_| store.workspace.with(|ws| round_info(ws, meeting, round)));
    let default_count = info.get_untracked().map_or(1, |i| i.entitled.max(1));
    let count_text = RwSignal::new(default_count.to_string());
    let layout = RwSignal::new(Layout::A5);
    let count = move || {
        parse_count(&count_text.get())
            .map(|n| n.clamp(1, 500))
            .unwrap_or(1)
    };
    let lang = store.lang;
    let papers = move || {
        let info = info.get()?;
        let lang = lang.get();
        let two_columns = info.candidates.len() > 12;
        let rule = screen_text::paper_rule(lang, info.places);
        let invalid_rule = screen_text::paper_invalid_rule(lang, info.places, info.rules.blank);
        let self_rule = (!info.rules.self_vote_allowed).then(|| Text::NoSelfVoteRule.in_lang(lang));
        let width = count().to_string().len().max(3);
        Some(
            (1..=count())
                .map(|number| {
                    let info = info.clone();
                    view! {
                        <article class="ballot-paper" class:a5=move || layout.get() == Layout::A5 data-testid="ballot-paper">
                            <header class="paper-head">
                                <div>
                                    <p class="paper-cluster">{info.cluster.clone()}</p>
                                    <p>{screen_text::year_title(lang, info.year)}</p>
                                </div>
                                <p class="paper-number" data-testid="paper-number">{Text::PaperNumber.in_lang(lang)}" "{format!("{number:0width$}")}</p>
                            </header>
                            <h2 class="paper-title">{Text::BallotPaperTitle.in_lang(lang)}</h2>
                            <p class="paper-award">{info.award.clone()}
                                {match info.kind {
                                    RoundKind::Runoff { .. } => Text::RunoffMark.in_lang(lang),
                                    RoundKind::Rehearsal => Text::RehearsalMark.in_lang(lang),
                                    RoundKind::Regular => "",
                                }}</p>
                            <p class="paper-rule">{rule.clone()}</p>
                            <ol class="paper-candidates" class:two-columns=two_columns>
                                {info.candidates.iter().enumerate().map(|(idx, (_, name))| view! {
                                    <li data-testid="paper-candidate"><span class="paper-no">{idx + 1}"."</span><span class="paper-name">{name.clone()}</span><span class="paper-box"></span></li>
                                }).collect_view()}
                            </ol>
                            <p class="paper-foot">{invalid_rule.clone()}" "{self_rule}</p>
                        </article>
                    }
                })
                .collect_view(),
        )
    };
    // What is printed is kept on the round, whichever way printing starts
    // (the button or the browser's own command), so that a later change
    // of its candidates asks for a reprint.
    let record_error = RwSignal::new(None::<Refusal>);
    let record = move || {
        let outcome = store.apply(|ws| record_printed_papers(ws, meeting, round));
        record_error.set(outcome.err());
    };
    let handle = window_event_listener_untyped("beforeprint", move |_| record());
    on_cleanup(move || handle.remove());
    // Firefox prints the named page of the papers (`@page ballot`, no
    // margins) with the margins of the default page: a paper a sheet high
    // then runs onto a blank page. While the papers are on screen, no
    // printed page has margins.
    no_page_margins();
    on_cleanup(|| {
        if let Some(style) = page_margins_style() {
            style.remove();
        }
    });
    // Long lists and long names: the type shrinks until the first paper
    // holds every candidate (all papers are alike).
    let container = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let a5 = layout.get() == Layout::A5;
        count();
        info.track();
        request_animation_frame(move || {
            if let Some(el) = container.get_untracked() {
                fit_papers(&el, if a5 { 21 } else { 24 });
            }
        });
    });
    view! {
        <div class="no-print">
            <MeetingCrumbs meeting=meeting here=Text::PrintBallotPapers
                trail=vec![(Text::BallotRound, Route::Round(meeting, round).href())]/>
            <section class="card">
                <h1>{tr(Text::PrintBallotPapers)}</h1>
                <div class="inline-form">
                    <CountField label=Text::NumberOfPapers value=count_text testid="papers-count"/>
                    <label class="field">
                        <span class="field-label">{tr(Text::PaperSize)}</span>
                        <select data-testid="papers-layout" on:change=move |ev| {
                            layout.set(if event_target_value(&ev) == "a4" { Layout::A4 } else { Layout::A5 });
                        }>
                            <option value="a5" selected=true>{tr(Text::LayoutA5)}</option>
                            <option value="a4">"A4"</option>
                        </select>
                    </label>
                    <button type="button" class="no-print" data-testid="papers-print" on:click=move |_| {
                        record();
                        print_page();
                    }>{tr(Text::Print)}</button>
                </div>
                <FormError error=record_error testid="papers-print-error"/>
                <p class="hint">{tr(Text::PapersNumberingHint)}</p>
            </section>
        </div>
        <div class="papers" node_ref=container class:papers-a5=move || layout.get() == Layout::A5 data-testid="papers">{papers}</div>
    }
}

/// Opens the browser's print dialog for the page.
#[component]
fn PrintButton(testid: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="no-print" data-testid=testid on:click=move |_| print_page()>{tr(Text::Print)}</button>
    }
}

/// The id of the `<style>` that `no_page_margins` puts in the head.
const NO_PAGE_MARGINS: &str = "thidua-no-page-margins";

/// Adds `@page { margin: 0 }` to the document's head (once).
fn no_page_margins() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if page_margins_style().is_some() {
        return;
    }
    let (Ok(Some(head)), Ok(style)) = (
        document.query_selector("head"),
        document.create_element("style"),
    ) else {
        return;
    };
    style.set_id(NO_PAGE_MARGINS);
    style.set_text_content(Some("@page { margin: 0; }"));
    let _ = head.append_child(&style);
}

fn page_margins_style() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(NO_PAGE_MARGINS)
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Sets the papers' type size to the largest, from `base_half_pt` half
/// points down by one, at which the first paper's content fits its page.
fn fit_papers(container: &web_sys::HtmlElement, base_half_pt: u32) {
    let Ok(Some(paper)) = container.query_selector(".ballot-paper") else {
        return;
    };
    let style = container.style();
    let mut half_pt = base_half_pt;
    loop {
        // "10.5pt" from whole half points, without float formatting.
        let size = format!("{}.{}pt", half_pt / 2, if half_pt % 2 == 1 { 5 } else { 0 });
        let _ = style.set_property("--paper-font", &size);
        if paper.scroll_height() <= paper.client_height() + 1 || half_pt <= 12 {
            break;
        }
        half_pt -= 1;
    }
}

/// Every entered paper ballot by number and pass, with the committee's
/// settlements, to file with the minutes.
#[component]
pub fn EntryLogScreen(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let info = Memo::new(move |_| store.workspace.with(|ws| round_info(ws, meeting, round)));
    let count = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| paper_count(ws, meeting, round).cloned())
    });
    let lang = store.lang;
    let rows = move || {
        let lang = lang.get();
        let Some(info) = info.get() else {
            return Vec::new();
        };
        let (candidates, rules, places) = (ids(&info), info.rules, info.places);
        let Some(c) = count.get() else {
            return Vec::new();
        };
        let longest = c.passes.iter().map(|p| p.ballots.len()).max().unwrap_or(0);
        (0..longest)
            .map(|idx| {
                let number = idx as u32 + 1;
                let counted = c.passes[0].ballots.get(idx).cloned();
                let counted = counted.or_else(|| c.passes[1].ballots.get(idx).cloned());
                // As each member first entered it: a settlement overwrote both passes.
                let (first, second) = match c.settlements.iter().find(|s| s.number == number) {
                    Some(s) => (s.first.clone(), s.second.clone()),
                    None => (
                        c.passes[0].ballots.get(idx).cloned(),
                        c.passes[1].ballots.get(idx).cloned(),
                    ),
                };
                let text =
                    |b: &Option<PaperBallot>| describe_paper_ballot(lang, b.as_ref(), &candidates);
                let agreed = first == second;
                let validity = counted.as_ref().map(|b| {
                    describe_validity(lang, b.validity(&candidates, &rules, places), places)
                });
                (
                    number,
                    text(&first),
                    text(&second),
                    agreed,
                    text(&counted),
                    validity,
                )
            })
            .collect::<Vec<_>>()
    };
    view! {
        <MeetingCrumbs meeting=meeting here=Text::EntryLog
            trail=vec![(Text::BallotRound, Route::Round(meeting, round).href())]/>
        <section class="card log" data-testid="entry-log">
            <h1>{tr(Text::EntryLogTitle)}</h1>
            {move || info.get().map(|i| view! {
                <p>{i.cluster}" · "{screen_text::year_inline(lang.get(), i.year)}" · "{i.award}</p>
                <p class="hint">{tr(Text::FiguresAreUnitNumbers)}" "
                    {i.candidates.iter().enumerate().map(|(idx, (_, name))| format!("{}. {}", idx + 1, name)).collect::<Vec<_>>().join("; ")}</p>
            })}
            {move || count.get().map(|c| view! {
                <p>{tr(Text::Present)}": "{c.present}" · "{tr(Text::Issued)}": "{c.issued}" · "
                   {tr(Text::Pass1)}": "{c.passes[0].ballots.len()}" · "{tr(Text::Pass2)}": "{c.passes[1].ballots.len()}</p>
            })}
            <PrintButton testid="log-print"/>
            <table class="data log-table">
                <thead><tr>
                    <th scope="col">{tr(Text::BallotNo)}</th>
                    <th scope="col">{tr(Text::Pass1)}</th>
                    <th scope="col">{tr(Text::Pass2)}</th>
                    <th scope="col">{tr(Text::BothPasses)}</th>
                    <th scope="col">{tr(Text::CountedAs)}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|(number, first, second, agreed, counted, validity)| view! {
                        <tr data-testid="log-row">
                            <td>{number}</td>
                            <td>{first}</td>
                            <td>{second}</td>
                            <td>{if agreed { tr(Text::PassesAgree)() } else { tr(Text::PassesDiffer)() }}</td>
                            <td>{counted}<br/><span class="hint">{validity}</span></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
