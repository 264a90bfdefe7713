//! The hall screen (issue 16): the meeting on a projector, in a second
//! window that follows the operator's, and the operator's card that opens
//! it and pins what it shows. What it shows is `rules::hall::hall_view`'s;
//! this module only draws it.

use leptos::prelude::*;

use super::browser;
use super::route::Route;
use super::tr;
use super::widgets::{chart_name_lines, ChartLines};
use crate::domain::{ClusterId, MeetingId, RoundId, RoundKind, RoundState};
use crate::i18n::{
    describe_status, describe_storage_error, describe_threshold, format_integer, format_share,
    screen_text, Lang, Text,
};
use crate::rules::hall::{
    hall_view, HallAgenda, HallHandover, HallHeading, HallPin, HallResults, HallStage, HallView,
};
use crate::state::{use_store, Viewer};

/// The hall window: its own read-only view of storage and no app frame
/// (no links, banners or buttons: a projector has nobody at it).
#[component]
pub fn HallWindow(cluster: ClusterId, year: u16) -> impl IntoView {
    let viewer = Viewer::open();
    viewer.watch();
    let lang = viewer.lang;
    Effect::new(move |_| browser::set_document_lang(lang.get().code()));
    // Another address in this window starts the whole app there.
    let leave = window_event_listener(leptos::ev::hashchange, |_| {
        if !matches!(Route::parse(&browser::current_hash()), Route::Hall(..)) {
            browser::reload();
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, |ev| {
        let plain = !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key();
        if plain && ev.key().eq_ignore_ascii_case("f") {
            browser::toggle_full_screen();
        }
    });
    // Both live as long as the window.
    std::mem::forget((leave, keys));
    let view = Memo::new(move |_| {
        let meeting = viewer
            .workspace
            .with(|ws| ws.meeting_of(cluster, year).map(|m| m.id))?;
        let pin = viewer.pin(meeting);
        viewer.workspace.with(|ws| hall_view(ws, meeting, pin))
    });
    let stage = move || {
        view.with(|v| match v.as_ref().map(|v| &v.stage) {
            None => "none",
            Some(HallStage::Agenda(_)) => "agenda",
            Some(HallStage::Voting(_)) => "voting",
            Some(HallStage::Counting(_)) => "counting",
            Some(HallStage::Results(_)) => "results",
        })
    };
    view! {
        <main class="hall" data-testid="hall" data-stage=stage>
            {move || {
                let lang = lang.get();
                match view.get() {
                    Some(v) => board(lang, v).into_any(),
                    None => view! {
                        <p class="hall-status" data-testid="hall-no-meeting">{Text::HallNoMeeting.in_lang(lang)}</p>
                    }.into_any(),
                }
            }}
            {move || viewer.error.get().map(|e| view! {
                <p class="hall-error" role="alert">{describe_storage_error(lang.get(), &e, &Default::default())}</p>
            })}
            <p class="hall-hint">{move || Text::HallFullScreenHint.in_lang(lang.get())}</p>
        </main>
    }
}

fn board(lang: Lang, v: HallView) -> impl IntoView {
    let stage = match v.stage {
        HallStage::Agenda(agenda) => agenda_view(lang, agenda).into_any(),
        HallStage::Voting(voting) => view! {
            <section class="hall-middle" data-testid="hall-voting">
                <p class="hall-award">{award_line(lang, &voting.award, voting.rehearsal)}</p>
                <p class="hall-status">{Text::HallVoting.in_lang(lang)}</p>
                <p class="hall-big" data-testid="hall-voted">{screen_text::hall_voted(lang, voting.voted, voting.of)}</p>
            </section>
        }
        .into_any(),
        HallStage::Counting(counting) => view! {
            <section class="hall-middle" data-testid="hall-counting">
                <p class="hall-award">{award_line(lang, &counting.award, counting.rehearsal)}</p>
                <p class="hall-big">{Text::HallCounting.in_lang(lang)}</p>
            </section>
        }
        .into_any(),
        HallStage::Results(results) => results_view(lang, results).into_any(),
    };
    view! {
        {heading(lang, &v.heading)}
        {stage}
    }
}

fn award_line(lang: Lang, award: &str, rehearsal: bool) -> String {
    let mark = if rehearsal {
        Text::RehearsalMark.in_lang(lang)
    } else {
        ""
    };
    format!("{award}{mark}")
}

fn heading(lang: Lang, h: &HallHeading) -> impl IntoView {
    let when: Vec<String> = [
        h.date.map(|d| d.to_vietnamese()).unwrap_or_default(),
        h.time.clone(),
        h.place.clone(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect();
    view! {
        <header class="hall-head">
            <h1 data-testid="hall-title">{Text::YearEndMeeting.in_lang(lang)}" "{h.year}" — "{h.cluster.clone()}</h1>
            {(!when.is_empty()).then(|| view! { <p class="hall-when" data-testid="hall-when">{when.join(" · ")}</p> })}
        </header>
    }
}

fn agenda_view(lang: Lang, agenda: HallAgenda) -> impl IntoView {
    let rounds = agenda
        .rounds
        .iter()
        .map(|r| {
            let mark = if r.runoff {
                Text::RunoffMark.in_lang(lang)
            } else {
                ""
            };
            let rules =
                screen_text::hall_round_rules(lang, r.places, &describe_threshold(lang, &r.rules));
            view! {
                <li data-testid="hall-agenda-round" class:hall-done=r.closed>
                    <strong>{r.award.clone()}{mark}</strong>
                    {r.closed.then(|| view! { " — "<span>{Text::HallRoundDone.in_lang(lang)}</span> })}
                    <br/><span class="hall-rules">{rules}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="hall-agenda" data-testid="hall-agenda">
            <h2>{Text::HallAgenda.in_lang(lang)}</h2>
            {if agenda.rounds.is_empty() {
                view! { <p>{Text::HallNoRounds.in_lang(lang)}</p> }.into_any()
            } else {
                view! { <ol>{rounds}</ol> }.into_any()
            }}
        </section>
        {agenda.handover.map(|h| handover_view(lang, h))}
    }
}

fn handover_view(lang: Lang, h: HallHandover) -> impl IntoView {
    let date = h.date.to_vietnamese();
    view! {
        <p class="hall-handover" data-testid="hall-handover">
            {screen_text::hall_handover(lang, &h.from, &h.to, &date)}<br/>
            <strong>{screen_text::hall_next_leader(lang, h.next_year, &h.next_leader)}</strong>
        </p>
    }
}

fn results_view(lang: Lang, r: HallResults) -> impl IntoView {
    let num = |n: u32| format_integer(lang, i64::from(n));
    let counts = [
        (Text::CountIssued, r.issued),
        (Text::CountCollected, r.collected),
        (Text::CountValid, r.valid),
        (Text::CountInvalid, r.invalid),
    ]
    .map(|(label, n)| view! { <div><dt>{label.in_lang(lang)}</dt><dd>{num(n)}</dd></div> });
    // The others, grouped by their reason: one line per reason, however
    // many candidates stand.
    let mut others: Vec<(&'static str, String, Vec<String>)> = Vec::new();
    for line in r.lines.iter().filter(|l| !l.status.is_nominated()) {
        let (word, reason) = describe_status(lang, line.status, &r.rules);
        match others
            .iter_mut()
            .find(|(w, why, _)| *w == word && *why == reason)
        {
            Some((_, _, names)) => names.push(line.name.clone()),
            None => others.push((word, reason, vec![line.name.clone()])),
        }
    }
    let others = (!others.is_empty()).then(|| {
        view! {
            <h3>{Text::HallOthers.in_lang(lang)}</h3>
            <ul class="hall-others" data-testid="hall-others">
                {others.into_iter().map(|(word, reason, names)| view! {
                    <li><strong>{word}</strong>": "{names.join(", ")}<br/><span class="hall-rules">{reason}</span></li>
                }).collect_view()}
            </ul>
        }
    });
    let density = match r.lines.len() {
        0..=10 => "",
        11..=20 => "hall-dense",
        _ => "hall-crowded",
    };
    let chart = hall_chart(lang, &r);
    view! {
        <section class=format!("hall-results {density}") data-testid="hall-results">
            <h2 class="hall-award">{award_line(lang, &r.award, r.rehearsal)}</h2>
            <div class="hall-columns">
                {chart}
                <div class="hall-side">
                    <dl class="hall-counts" data-testid="hall-counts">{counts}</dl>
                    <p class="hall-nominated" data-testid="hall-nominated">
                        {if r.nominated.is_empty() {
                            Text::NoneNominated.in_lang(lang).to_owned()
                        } else {
                            screen_text::nominated(lang, &r.nominated)
                        }}
                    </p>
                    {r.runoff.as_ref().map(|(tied, places)| view! {
                        <p class="hall-tie" data-testid="hall-tie">{screen_text::tie_at_quota(lang, tied, *places)}</p>
                    })}
                    {(r.unfilled > 0).then(|| view! {
                        <p class="hall-tie">{screen_text::places_unfilled(lang, r.unfilled)}</p>
                    })}
                    {others}
                    {r.handover.clone().map(|h| handover_view(lang, h))}
                </div>
            </div>
        </section>
    }
}

/// A bar per candidate with the threshold line; the drawing scales to the
/// space the window gives it (its viewBox), whatever the number of rows.
fn hall_chart(lang: Lang, r: &HallResults) -> impl IntoView {
    const BAR_W: u32 = 470;
    const FONT: i64 = 19;
    let n = r.lines.len() as u32;
    // Many rows: one longer line of name each, so the rows (and the type)
    // stay as large as the window allows.
    let (row_h, label_w, label_chars, label_lines) = if n > 12 {
        (30, 450, 44, 1)
    } else {
        (48, 330, 30, 2)
    };
    let height = n * row_h + 40;
    let threshold_bp = r.rules.threshold.share.basis_points();
    let x_threshold = label_w + (u64::from(BAR_W) * threshold_bp / 10_000) as u32;
    let bars = r
        .lines
        .iter()
        .enumerate()
        .map(|(idx, line)| {
            let y = 6 + idx as u32 * row_h;
            let width = (u64::from(BAR_W) * line.share_bp.unwrap_or(0).min(10_000) / 10_000) as u32;
            let class = if line.status.is_nominated() {
                "hall-bar hall-bar-nominated"
            } else {
                "hall-bar"
            };
            let value = match line.share_bp {
                Some(bp) => format!(
                    "{} ({})",
                    format_integer(lang, i64::from(line.votes)),
                    format_share(lang, bp)
                ),
                None => format_integer(lang, i64::from(line.votes)),
            };
            let middle = i64::from(y) + i64::from(row_h - 10) / 2;
            let label = chart_name_lines(
                &line.name,
                ChartLines {
                    x: i64::from(label_w) - 10,
                    middle,
                    per_line: label_chars,
                    lines: label_lines,
                    step: FONT + 1,
                    baseline: FONT / 3,
                },
            );
            view! {
                <text text-anchor="end" class="hall-bar-label">{label}</text>
                <rect x=label_w y=y width=width height=row_h - 10 class=class></rect>
                <text x=label_w + width + 8 y=middle + FONT / 3 class="hall-bar-value">{value}</text>
            }
        })
        .collect_view();
    let caption = screen_text::chart_caption(lang, threshold_bp);
    view! {
        <figure class="hall-chart" data-testid="hall-chart">
            <svg viewBox=format!("0 0 {} {}", label_w + BAR_W + 200, height) role="img" aria-label=caption.clone()>
                {bars}
                <line x1=x_threshold x2=x_threshold y1="0" y2=height - 30 class="hall-threshold"></line>
                <text x=x_threshold y=height - 8 text-anchor="middle" class="hall-bar-value">{format_share(lang, threshold_bp)}</text>
            </svg>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// The operator's card on the meeting screen: opens the hall window and
/// pins what it shows, or lets it follow the meeting.
#[component]
pub fn HallCard(meeting: MeetingId) -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let open = move |_| {
        let place = store
            .workspace
            .with_untracked(|ws| ws.meeting(meeting).map(|m| (m.cluster, m.year)));
        if let Some((cluster, year)) = place {
            browser::open_window(Route::Hall(cluster, year));
        }
    };
    let set_pin = move |pin: Option<HallPin>| {
        let outcome = store.set_hall_pin(meeting, pin);
        error.set(outcome.err().map(|e| {
            let lang = store.lang.get_untracked();
            let why = store
                .workspace
                .with_untracked(|ws| describe_storage_error(lang, &e, ws));
            format!("{} {why}", Text::HallPinNotSaved.in_lang(lang))
        }));
    };
    // What the hall shows now: the pin only when it applies (one answer,
    // `hall_view`'s).
    let shown = Memo::new(move |_| {
        let pin = store.hall_pin(meeting);
        store.workspace.with(|ws| {
            let pinned = hall_view(ws, meeting, pin).is_some_and(|v| v.pinned);
            let award = |round: RoundId| {
                ws.meeting(meeting)
                    .and_then(|m| m.round(round))
                    .map(|r| r.award.clone())
                    .unwrap_or_default()
            };
            match pin.filter(|_| pinned) {
                Some(HallPin::Agenda) => Some(None),
                Some(HallPin::Results(round)) => Some(Some(award(round))),
                None => None,
            }
        })
    });
    let closed = Memo::new(move |_| {
        store.workspace.with(|ws| {
            ws.meeting(meeting)
                .map(|m| {
                    m.rounds()
                        .iter()
                        .filter(|r| matches!(r.state, RoundState::Closed(_)))
                        .map(|r| {
                            let mark = match r.kind {
                                RoundKind::Runoff { .. } => Some(Text::RunoffMark),
                                RoundKind::Rehearsal => Some(Text::RehearsalMark),
                                RoundKind::Regular => None,
                            };
                            (r.id, r.award.clone(), mark)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" data-testid="hall-card">
            <h2>{tr(Text::HallScreen)}</h2>
            <p class="hint">{tr(Text::HallExplained)}</p>
            <p><button type="button" data-testid="hall-open" on:click=open>{tr(Text::HallOpen)}</button></p>
            <p data-testid="hall-state">{tr(Text::HallShowsNow)}" "<strong>{move || {
                let lang = store.lang.get();
                match shown.get() {
                    None => Text::HallFollowing.in_lang(lang).to_owned(),
                    Some(None) => Text::HallPinnedAgenda.in_lang(lang).to_owned(),
                    Some(Some(award)) => screen_text::hall_pinned_results(lang, &award),
                }
            }}</strong></p>
            <div class="hall-actions">
                <button type="button" class="secondary" data-testid="hall-pin-agenda" on:click=move |_| set_pin(Some(HallPin::Agenda))>{tr(Text::HallPinAgenda)}</button>
                {move || {
                    let lang = store.lang.get();
                    closed.get().into_iter().map(|(round, award, mark)| {
                        let label = format!("{award}{}", mark.map(|m| m.in_lang(lang)).unwrap_or_default());
                        view! {
                            <button type="button" class="secondary" data-testid="hall-pin-results"
                                on:click=move |_| set_pin(Some(HallPin::Results(round)))>
                                {screen_text::hall_pin_results(lang, &label)}
                            </button>
                        }
                    }).collect_view()
                }}
                <Show when=move || shown.with(Option::is_some)>
                    <button type="button" data-testid="hall-follow" on:click=move |_| set_pin(None)>{tr(Text::HallFollow)}</button>
                </Show>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="hall-pin-error">{e}</p> })}
        </section>
    }
}
