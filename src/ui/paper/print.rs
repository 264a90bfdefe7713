//! The printed pages of paper mode: the numbered ballot papers (and the
//! notice when they are out of date) and the entry log.

use leptos::prelude::*;

use super::{ids, paper_count, round_info, CountField};
use crate::domain::{parse_count, DomainError, MeetingId, PaperBallot, RoundId, RoundKind};
use crate::i18n::{describe_paper_ballot, describe_validity, Text};
use crate::rules::tally::{ballot_validity, Invalidity};
use crate::state::use_store;
use crate::ui::route::Route;
use crate::ui::widgets::FormError;
use crate::ui::{bi, tr};

/// Says, while it is so, that the round's papers were printed with
/// other candidates than it has now, and links to printing them again.
#[component]
pub fn PapersOutdatedNotice(meeting: MeetingId, round: RoundId) -> impl IntoView {
    let store = use_store();
    let outdated = Memo::new(move |_| {
        store
            .workspace
            .with(|ws| ws.papers_outdated(meeting, round).unwrap_or(false))
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
        let rule = lang.pick(
            format!(
                "Đánh dấu ✔ vào ô bên cạnh tên đơn vị được bầu; bầu tối đa {} đơn vị.",
                info.places
            ),
            format!(
                "Tick the box beside each unit you choose; choose at most {}.",
                info.places
            ),
        );
        let invalid_rule = if info.rules.blank == crate::domain::BlankBallot::Invalid {
            lang.pick(
                format!(
                    "Phiếu bầu quá {} đơn vị hoặc không bầu đơn vị nào là phiếu không hợp lệ.",
                    info.places
                ),
                format!(
                    "A paper with more than {} ticked, or none, is invalid.",
                    info.places
                ),
            )
        } else {
            lang.pick(
                format!(
                    "Phiếu bầu quá {} đơn vị là phiếu không hợp lệ.",
                    info.places
                ),
                format!("A paper with more than {} ticked is invalid.", info.places),
            )
        };
        let self_rule = (!info.rules.self_vote_allowed).then(|| {
            lang.pick_str(
                "Đại biểu không bầu cho đơn vị mình.",
                "Do not choose your own unit.",
            )
        });
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
                                    <p>{lang.pick(format!("Năm {}", info.year), format!("Year {}", info.year))}</p>
                                </div>
                                <p class="paper-number" data-testid="paper-number">{lang.pick_str("Số", "No.")}" "{format!("{number:0width$}")}</p>
                            </header>
                            <h2 class="paper-title">{lang.pick_str("PHIẾU BẦU", "BALLOT PAPER")}</h2>
                            <p class="paper-award">{info.award.clone()}
                                {match info.kind {
                                    RoundKind::Runoff { .. } => lang.pick_str(" (bầu lại)", " (runoff)"),
                                    RoundKind::Rehearsal => lang.pick_str(" (DIỄN TẬP)", " (REHEARSAL)"),
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
    let record_error = RwSignal::new(None::<DomainError>);
    let record = move || {
        let outcome = store.apply(|ws| ws.record_printed_papers(meeting, round));
        record_error.set(outcome.err());
    };
    let handle = window_event_listener_untyped("beforeprint", move |_| record());
    on_cleanup(move || handle.remove());
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
            <nav class="breadcrumb" aria-label=tr(Text::Breadcrumb)>
                <a href=Route::Round(meeting, round).href()>{bi("Vòng bỏ phiếu", "Ballot round")}</a>" › "
                <span>{bi("In phiếu bầu", "Print ballot papers")}</span>
            </nav>
            <section class="card">
                <h1>{bi("In phiếu bầu", "Print ballot papers")}</h1>
                <div class="inline-form">
                    <CountField vi="Số tờ phiếu" en="Number of papers" value=count_text testid="papers-count"/>
                    <label class="field">
                        <span class="field-label">{bi("Khổ giấy", "Paper size")}</span>
                        <select data-testid="papers-layout" on:change=move |ev| {
                            layout.set(if event_target_value(&ev) == "a4" { Layout::A4 } else { Layout::A5 });
                        }>
                            <option value="a5" selected=true>{bi("A5, hai phiếu trên một tờ A4", "A5, two to an A4 sheet")}</option>
                            <option value="a4">"A4"</option>
                        </select>
                    </label>
                    <button type="button" class="no-print" data-testid="papers-print" on:click=move |_| {
                        record();
                        print_page();
                    }>{bi("In", "Print")}</button>
                </div>
                <FormError error=record_error testid="papers-print-error"/>
                <p class="hint">{bi(
                    "Sau khi thu phiếu, ban kiểm phiếu đánh số phiếu theo thứ tự thu về; số in sẵn trên phiếu chỉ để kiểm đếm số tờ phát ra.",
                    "After collecting, the committee numbers the papers in the order collected; the printed number only accounts for the papers issued.")}</p>
            </section>
        </div>
        <div class="papers" node_ref=container class:papers-a5=move || layout.get() == Layout::A5 data-testid="papers">{papers}</div>
    }
}

/// Opens the browser's print dialog for the page.
#[component]
fn PrintButton(testid: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="no-print" data-testid=testid on:click=move |_| print_page()>{bi("In", "Print")}</button>
    }
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
                    let result = match b {
                        PaperBallot::Spoilt => Err(Invalidity::Spoilt),
                        PaperBallot::Marks(m) => {
                            ballot_validity(m.units(), &candidates, &rules, places)
                        }
                    };
                    describe_validity(lang, result, places)
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
        <nav class="breadcrumb no-print" aria-label=tr(Text::Breadcrumb)>
            <a href=Route::Round(meeting, round).href()>{bi("Vòng bỏ phiếu", "Ballot round")}</a>" › "
            <span>{bi("Sổ nhập phiếu", "Entry log")}</span>
        </nav>
        <section class="card log" data-testid="entry-log">
            <h1>{bi("SỔ NHẬP PHIẾU BẦU", "BALLOT ENTRY LOG")}</h1>
            {move || info.get().map(|i| view! {
                <p>{i.cluster}" · "{lang.get().pick(format!("năm {}", i.year), format!("year {}", i.year))}" · "{i.award}</p>
                <p class="hint">{bi("Số trong bảng là số thứ tự của đơn vị trên phiếu:", "Figures are the units' numbers on the paper:")}" "
                    {i.candidates.iter().enumerate().map(|(idx, (_, name))| format!("{}. {}", idx + 1, name)).collect::<Vec<_>>().join("; ")}</p>
            })}
            {move || count.get().map(|c| view! {
                <p>{bi("Có mặt", "Present")}": "{c.present}" · "{bi("Phiếu phát ra", "Issued")}": "{c.issued}" · "
                   {bi("Lượt 1", "Pass 1")}": "{c.passes[0].ballots.len()}" · "{bi("Lượt 2", "Pass 2")}": "{c.passes[1].ballots.len()}</p>
            })}
            <PrintButton testid="log-print"/>
            <table class="data log-table">
                <thead><tr>
                    <th scope="col">{bi("Phiếu số", "Ballot no.")}</th>
                    <th scope="col">{bi("Lượt 1", "Pass 1")}</th>
                    <th scope="col">{bi("Lượt 2", "Pass 2")}</th>
                    <th scope="col">{bi("Hai lượt", "Passes")}</th>
                    <th scope="col">{bi("Được tính", "Counted as")}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|(number, first, second, agreed, counted, validity)| view! {
                        <tr data-testid="log-row">
                            <td>{number}</td>
                            <td>{first}</td>
                            <td>{second}</td>
                            <td>{if agreed { bi("khớp", "agree")() } else { bi("khác — ban kiểm phiếu đối chiếu phiếu giấy", "differ — settled by the committee from the paper")() }}</td>
                            <td>{counted}<br/><span class="hint">{validity}</span></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
