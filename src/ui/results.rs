//! Results of a closed round: the counts, each candidate's votes and share
//! with the reason for its outcome, a bar chart with the threshold line,
//! and the runoff when places are tied or left.

use leptos::prelude::*;

use super::browser::{navigate, new_id};
use super::route::Route;
use super::widgets::FormError;
use super::{bi, tr};
use crate::domain::{
    reconcile, CountSource, DomainError, MeetingId, ReconcileError, RoundId, RoundKind, RoundRules,
    RoundState, Totals,
};
use crate::i18n::{describe_reconcile_error, describe_status, format_integer, format_share, Text};
use crate::rules::rounds::{create_runoff, results};
use crate::rules::tally::RoundResult;
use crate::state::use_store;

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
    let error = RwSignal::new(None::<DomainError>);
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
            (
                lang.pick_str("Đại biểu có quyền bỏ phiếu", "Voters entitled"),
                t.entitled,
            ),
            (lang.pick_str("Có mặt", "Present"), t.present),
            (lang.pick_str("Phiếu phát ra", "Ballots issued"), t.issued),
            (
                lang.pick_str("Phiếu thu về", "Ballots collected"),
                t.collected,
            ),
            (lang.pick_str("Phiếu hợp lệ", "Valid ballots"), t.valid),
            (
                lang.pick_str("Phiếu không hợp lệ", "Invalid ballots"),
                t.invalid,
            ),
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
                    <p class="badge badge-practice">{bi("Kết quả diễn tập — không được tính", "Rehearsal results — they do not count")}</p>
                    <button type="button" class="secondary" data-testid="end-rehearsal" on:click=end_rehearsal>{bi("Kết thúc diễn tập và xoá phiếu", "End the rehearsal and delete its ballots")}</button>
                </section>
            })}
            <section class="card" data-testid="results">
                <h2>{bi("Kết quả kiểm phiếu", "Result of the count")}</h2>
                <p class="hint" data-testid="count-source">{match view.source {
                    CountKind::Booth => lang.pick_str("Bỏ phiếu trên máy (phiếu kín).", "Voted on the laptop (secret ballot).").to_owned(),
                    CountKind::Paper { settled } => lang.pick(
                        format!("Phiếu giấy, nhập hai lượt độc lập; ban kiểm phiếu đã đối chiếu {settled} phiếu khác nhau."),
                        format!("Paper ballots entered in two independent passes; the committee settled {settled} differing ballots."),
                    ),
                    CountKind::Hand => lang.pick_str("Ban kiểm phiếu kiểm bằng tay; số liệu tổng hợp được nhập và đối chiếu.", "Counted by hand by the committee; the totals were typed and reconciled.").to_owned(),
                }}
                " "<a href=Route::VoteMinutes(meeting, round).href() data-testid="vote-minutes-link">{bi("Biên bản kiểm phiếu (in A4)", "Vote-count minutes (print on A4)")}</a>
                {matches!(view.source, CountKind::Paper { .. }).then(|| view! {
                    " "<a href=Route::EntryLog(meeting, round).href() data-testid="results-log-link">{bi("Sổ nhập phiếu", "Entry log")}</a>
                })}</p>
                <dl class="counts" data-testid="counts">
                    {counts.into_iter().map(|(label, n)| view! { <div><dt>{label}</dt><dd>{num(n)}</dd></div> }).collect_view()}
                </dl>
                {match &view.reconciled {
                    Ok(()) => view! { <p class="ok" data-testid="reconciled">{bi("Các số liệu khớp nhau: phát ra ≥ thu về = hợp lệ + không hợp lệ; tổng phiếu đồng ý ≤ phiếu hợp lệ × chỉ tiêu.", "The counts reconcile: issued ≥ collected = valid + invalid; approvals ≤ valid × quota.")}</p> }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert" data-testid="not-reconciled">{describe_reconcile_error(lang, e)}</p> }.into_any(),
                }}
                <table class="data" data-testid="result-table">
                    <thead><tr>
                        <th scope="col">{bi("Hạng", "Rank")}</th>
                        <th scope="col">{tr(Text::Units)}</th>
                        <th scope="col">{bi("Số phiếu", "Votes")}</th>
                        <th scope="col">{bi("Tỷ lệ", "Share")}</th>
                        <th scope="col">{bi("Kết quả và lý do", "Outcome and reason")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {chart(lang, &view)}
                <h3>{bi("Kết luận", "Conclusion")}</h3>
                <p data-testid="conclusion">
                    {if nominated.is_empty() {
                        lang.pick_str("Không có đơn vị nào được đề nghị ở vòng này.", "No unit is nominated in this round.").to_owned()
                    } else {
                        lang.pick(format!("Đề nghị: {}.", nominated.join(", ")), format!("Nominated: {}.", nominated.join(", ")))
                    }}
                </p>
                {runoff_places.map(|places| view! {
                    <p class="warn" data-testid="tie-note">
                        {lang.pick(
                            format!("Bằng phiếu tại vị trí chỉ tiêu: {} — còn {places} chỉ tiêu, cần bầu lại.", tied.join(", ")),
                            format!("Tied at the quota line: {} — {places} place(s) left, a runoff is needed.", tied.join(", ")),
                        )}
                    </p>
                })}
                {(unfilled > 0).then(|| view! {
                    <p class="warn" data-testid="unfilled-note">
                        {lang.pick(format!("Còn {unfilled} chỉ tiêu chưa có đơn vị đạt."), format!("{unfilled} place(s) not filled."))}
                    </p>
                })}
                {(!view.rehearsal && (runoff_places.is_some() || unfilled > 0) && held_runoff.is_some()).then(|| held_runoff.map(|id| view! {
                    <p><a href=Route::Round(meeting, id).href() data-testid="open-runoff">{bi("Mở vòng bầu lại của vòng này", "Open this round's runoff")}</a></p>
                }))}
                {(!view.rehearsal && (runoff_places.is_some() || unfilled > 0) && held_runoff.is_none()).then(|| view! {
                    <button type="button" data-testid="create-runoff" on:click=runoff>{bi("Tạo vòng bầu lại cho các chỉ tiêu còn lại", "Create a runoff for the places left")}</button>
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
            let label: String = name.chars().take(26).collect();
            let share = c
                .share_bp
                .map(|bp| format_share(lang, bp))
                .unwrap_or_default();
            view! {
                <text x=LABEL_W - 8 y=y + 15 text-anchor="end" class="bar-label">{label}</text>
                <rect x=LABEL_W y=y width=width height=ROW_H - 8 class=class></rect>
                <text x=LABEL_W + width + 6 y=y + 15 class="bar-value">{share}</text>
            }
        })
        .collect_view();
    let caption = lang.pick(
        format!(
            "Tỷ lệ phiếu đồng ý; vạch đỏ là ngưỡng {}",
            format_share(lang, threshold_bp)
        ),
        format!(
            "Approval shares; the red line is the {} threshold",
            format_share(lang, threshold_bp)
        ),
    );
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
