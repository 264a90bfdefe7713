//! Paper mode (SPEC §6): starting a paper count, the keyboard entry of
//! one pass, the comparison of the two passes and how the committee
//! settles each difference, totals counted by hand, and the two printed
//! pages — the numbered ballot papers and the entry log.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::navigate;
use super::route::Route;
use super::widgets::{record_made, FormError};
use super::{bi, tr};
use crate::domain::{
    ballot_validity, candidate_for_key, entry_key, parse_count, parse_reading, Approvals,
    DomainError, HandTotals, Invalidity, MeetingId, PaperBallot, PaperCount, Pass, RoundId,
    RoundKind, RoundRules, RoundState, UnitId, Workspace,
};
use crate::i18n::{describe_paper_ballot, describe_validity, format_integer, Text};
use crate::rules::rounds::{
    ballot_candidates, close_with_totals, open_paper_round, papers_outdated, record_printed_papers,
};
use crate::state::use_store;

/// What every paper screen shows of a round.
#[derive(Clone, Debug, PartialEq)]
struct RoundInfo {
    cluster: String,
    year: u16,
    award: String,
    kind: RoundKind,
    /// In ballot order: the paper's numbering.
    candidates: Vec<(UnitId, String)>,
    places: u32,
    rules: RoundRules,
    entitled: u32,
}

fn round_info(ws: &Workspace, meeting: MeetingId, round: RoundId) -> Option<RoundInfo> {
    let m = ws.meeting(meeting)?;
    let r = m.round(round)?;
    let year = ws.year_of(meeting).ok()?;
    Some(RoundInfo {
        cluster: ws.cluster_name(m.cluster),
        year: m.year,
        award: r.award.clone(),
        kind: r.kind,
        candidates: ballot_candidates(ws, meeting, round)
            .ok()?
            .standing
            .iter()
            .map(|u| (*u, ws.unit_name(*u)))
            .collect(),
        places: r.rules.quota.places(year.members.len() as u32),
        rules: r.rules,
        entitled: m.entitled(&year.members).len() as u32,
    })
}

/// The paper count of a round being entered or closed on paper.
fn paper_count(ws: &Workspace, meeting: MeetingId, round: RoundId) -> Option<&PaperCount> {
    match &ws.meeting(meeting)?.round(round)?.state {
        RoundState::Paper(count) => Some(count),
        RoundState::Closed(closed) => match &closed.source {
            crate::domain::CountSource::Paper(count) => Some(count),
            _ => None,
        },
        _ => None,
    }
}

fn ids(info: &RoundInfo) -> Vec<UnitId> {
    info.candidates.iter().map(|(u, _)| *u).collect()
}

/// A labelled count field with the `numeric` keyboard.
#[component]
fn CountField(
    vi: &'static str,
    en: &'static str,
    value: RwSignal<String>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="field count-field">
            <span class="field-label">{bi(vi, en)}</span>
            <input type="text" inputmode="numeric" autocomplete="off" data-testid=testid bind:value=value/>
        </label>
    }
}

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
    let error = RwSignal::new(None::<DomainError>);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = parse_count(&present.get_untracked()).and_then(|p| {
            let i = parse_count(&issued.get_untracked())?;
            store.apply(|ws| open_paper_round(ws, meeting, round, p, i))
        });
        error.set(outcome.err());
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
    let hand_error = RwSignal::new(None::<DomainError>);
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
        let outcome = read().and_then(|(p, i, hand)| {
            store.apply(|ws| close_with_totals(ws, meeting, round, p, i, hand))
        });
        hand_error.set(outcome.err());
    };
    let names = move || info.get().map(|i| i.candidates).unwrap_or_default();
    view! {
        <section class="card" data-testid="paper-start">
            <h2>{bi("Bỏ phiếu bằng phiếu giấy", "Vote on paper ballots")}</h2>
            <p class="hint">{bi(
                "In phiếu bầu có đánh số, phát cho đại biểu, thu về rồi đánh số phiếu theo thứ tự thu. Hai thành viên ban kiểm phiếu lần lượt nhập cả xấp phiếu, mỗi người một lượt, không xem lượt của người kia; ứng dụng chỉ ra các phiếu hai lượt đọc khác nhau.",
                "Print numbered ballot papers, hand them out, collect them and number them in the order collected. Two committee members each enter the whole pile, one pass each, without seeing the other's; the app lists the ballots the two passes read differently.")}</p>
            <p><a href=Route::BallotPapers(meeting, round).href() data-testid="print-papers-link">{bi("In phiếu bầu", "Print ballot papers")}</a></p>
            <form class="inline-form" on:submit=open data-testid="paper-open-form">
                <CountField vi="Số đại biểu có mặt" en="Voters present" value=present testid="paper-present"/>
                <CountField vi="Số phiếu phát ra" en="Ballots issued" value=issued testid="paper-issued"/>
                <button type="submit" data-testid="paper-open">{bi("Bắt đầu nhập phiếu giấy", "Start entering paper ballots")}</button>
            </form>
            <FormError error=error testid="paper-open-error"/>
        </section>
        <section class="card" data-testid="hand-totals">
            <h2>{bi("Nhập kết quả đã kiểm bằng tay", "Enter a count done by hand")}</h2>
            <p class="hint">{bi(
                "Khi ban kiểm phiếu đã đếm phiếu bằng tay, nhập các con số tổng hợp. Số liệu không khớp (phiếu thu về lớn hơn phiếu phát ra, hợp lệ + không hợp lệ khác số thu về, một đơn vị nhiều phiếu hơn số phiếu hợp lệ…) sẽ bị từ chối kèm lý do.",
                "When the committee counted by hand, type the totals. Counts that do not add up (more collected than issued, valid + invalid not equal to collected, a unit with more votes than valid ballots…) are refused with the reason.")}</p>
            <form on:submit=save_totals data-testid="hand-form">
                <div class="count-grid">
                    <CountField vi="Có mặt" en="Present" value=hand_present testid="hand-present"/>
                    <CountField vi="Phát ra" en="Issued" value=hand_issued testid="hand-issued"/>
                    <CountField vi="Thu về" en="Collected" value=collected testid="hand-collected"/>
                    <CountField vi="Hợp lệ" en="Valid" value=valid testid="hand-valid"/>
                    <CountField vi="Không hợp lệ" en="Invalid" value=invalid testid="hand-invalid"/>
                </div>
                <table class="data">
                    <thead><tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{bi("Đơn vị", "Unit")}</th>
                        <th scope="col">{bi("Số phiếu bầu", "Votes")}</th>
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
                <button type="submit" data-testid="hand-save">{bi("Kiểm tra và ghi nhận kết quả", "Check and record the count")}</button>
            </form>
            <FormError error=hand_error testid="hand-error"/>
        </section>
    }
}

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
    let error = RwSignal::new(None::<DomainError>);
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
        let outcome = parse_count(&present.get_untracked()).and_then(|p| {
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
            <h2>{bi("Nhập phiếu giấy", "Paper ballot entry")}</h2>
            <p>
                {bi("Có quyền bỏ phiếu", "Entitled")}": "<strong>{move || count.get().map(|c| c.entitled)}</strong>" · "
                {bi("Có mặt", "Present")}": "<strong data-testid="paper-present-count">{move || count.get().map(|c| c.present)}</strong>" · "
                {bi("Phiếu phát ra", "Issued")}": "<strong data-testid="paper-issued-count">{move || count.get().map(|c| c.issued)}</strong>
            </p>
            <details>
                <summary>{bi("Sửa số có mặt và số phiếu phát ra", "Correct the present and issued counts")}</summary>
                <form class="inline-form" on:submit=save_roll>
                    <CountField vi="Có mặt" en="Present" value=present testid="paper-roll-present"/>
                    <CountField vi="Phát ra" en="Issued" value=issued testid="paper-roll-issued"/>
                    <button type="submit" data-testid="paper-roll-save">{tr(Text::Save)}</button>
                </form>
            </details>
            <div class="passes">
                {move || passes().into_iter().map(|p| {
                    let pass = p.pass;
                    let n = pass.number();
                    view! {
                        <div class="pass" data-testid=format!("pass-{n}")>
                            <h3>{move || lang.get().pick(format!("Lượt nhập {n}"), format!("Entry pass {n}"))}</h3>
                            <p data-testid=format!("pass-{n}-state")>
                                {move || lang.get().pick(format!("{} phiếu", p.entered), format!("{} ballots", p.entered))}" · "
                                {if p.finished { bi("đã kết thúc", "finished")() } else { bi("đang nhập", "in progress")() }}
                            </p>
                            {if p.finished {
                                (!both_finished()).then(|| view! {
                                    <button type="button" class="secondary small" data-testid=format!("pass-{n}-reopen")
                                        on:click=move |_| error.set(store.apply(|ws| ws.finish_paper_pass(meeting, round, pass, false)).err())>
                                        {bi("Nhập tiếp lượt này", "Continue this pass")}</button>
                                }).into_any()
                            } else {
                                view! { <a class="button" href=Route::PaperPass(meeting, round, pass).href() data-testid=format!("pass-{n}-enter")>
                                    {move || lang.get().pick(format!("Nhập lượt {n}"), format!("Enter pass {n}"))}</a> }.into_any()
                            }}
                        </div>
                    }
                }).collect_view()}
            </div>
            <p class="hint">{bi(
                "Mỗi lượt chỉ hiện phiếu của chính lượt đó. Khi cả hai lượt kết thúc, các phiếu hai lượt đọc khác nhau được liệt kê để ban kiểm phiếu đối chiếu với phiếu giấy.",
                "Each pass shows only its own ballots. Once both passes are finished, the ballots they read differently are listed for the committee to check against the paper.")}</p>
            <Show when=move || count.get().is_some_and(|c| c.passes.iter().all(|p| p.ballots.is_empty()))>
                <button type="button" class="secondary" data-testid="paper-cancel" on:click=cancel>{bi("Trở lại chọn cách bỏ phiếu", "Back to choosing how to vote")}</button>
            </Show>
            <FormError error=error testid="paper-error"/>
        </section>
        <Show when=both_finished>
            <Differences meeting=meeting round=round count=count info=info/>
            <Show when=move || count.get().is_some_and(|c| c.agreed())>
                <section class="card" data-testid="paper-agreed">
                    <h2>{bi("Hai lượt nhập khớp nhau", "The two passes agree")}</h2>
                    <p>{move || count.get().map(|c| {
                        let n = format_integer(lang.get(), c.passes[0].ballots.len() as i64);
                        lang.get().pick(format!("{n} phiếu, đọc giống nhau ở cả hai lượt."), format!("{n} ballots, read the same in both passes."))
                    })}</p>
                    <button type="button" data-testid="paper-close" on:click=close>{bi("Kết thúc vòng và xem kết quả", "Close the round and show the results")}</button>
                </section>
            </Show>
        </Show>
        <p><a href=Route::EntryLog(meeting, round).href() data-testid="entry-log-link">{bi("Sổ nhập phiếu (để in)", "Entry log (to print)")}</a>" · "
           <a href=Route::BallotPapers(meeting, round).href()>{bi("In phiếu bầu", "Print ballot papers")}</a></p>
        <Show when=move || info.get().is_some_and(|i| i.kind == RoundKind::Rehearsal)>
            <button type="button" class="secondary" data-testid="end-rehearsal"
                on:click=move |_| super::round::end_rehearsal(meeting, round, error)>
                {bi("Kết thúc diễn tập và xoá phiếu", "End the rehearsal and delete its ballots")}</button>
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
    let error = RwSignal::new(None::<DomainError>);
    let rows = move || {
        let lang = store.lang.get();
        let candidates = info.get().map(|i| ids(&i)).unwrap_or_default();
        count
            .get()
            .map(|c| c.differences())
            .unwrap_or_default()
            .into_iter()
            .map(|d| {
                let first = describe_paper_ballot(lang, d.first.as_ref(), &candidates);
                let second = describe_paper_ballot(lang, d.second.as_ref(), &candidates);
                (d, first, second)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !rows().is_empty()>
            <section class="card" data-testid="differences">
                <h2>{move || {
                    let n = rows().len();
                    store.lang.get().pick(format!("Hai lượt nhập khác nhau ở {n} phiếu"), format!("The two passes differ on {n} ballots"))
                }}</h2>
                <p class="hint">{bi(
                    "Lấy phiếu giấy có số tương ứng trong xấp phiếu, cả ban kiểm phiếu cùng xem, rồi chọn cách đọc đúng — hoặc gõ cách đọc đúng nếu cả hai lượt đều sai. Số trong cột là số thứ tự của đơn vị trên phiếu.",
                    "Take the paper with that number from the pile, look at it together, and choose the right reading — or type it if both passes are wrong. Figures are the units' numbers on the paper.")}</p>
                <table class="data">
                    <thead><tr>
                        <th scope="col">{bi("Phiếu số", "Ballot no.")}</th>
                        <th scope="col">{bi("Lượt 1 đọc", "Pass 1 read")}</th>
                        <th scope="col">{bi("Lượt 2 đọc", "Pass 2 read")}</th>
                        <th scope="col">{bi("Phiếu giấy ghi", "The paper shows")}</th>
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
                                    <td data-testid="difference-first">{first}</td>
                                    <td data-testid="difference-second">{second}</td>
                                    <td class="actions">
                                        <button type="button" class="small" data-testid="settle-first"
                                            on:click=move |_| error.set(store.apply(|ws| ws.settle_paper_ballot(meeting, round, number, a.clone())).err())>
                                            {bi("Như lượt 1", "As pass 1")}</button>" "
                                        <button type="button" class="small" data-testid="settle-second"
                                            on:click=move |_| error.set(store.apply(|ws| ws.settle_paper_ballot(meeting, round, number, b.clone())).err())>
                                            {bi("Như lượt 2", "As pass 2")}</button>
                                        <form class="settle-other" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                            ev.prevent_default();
                                            let candidates = info.get_untracked().map(|i| ids(&i)).unwrap_or_default();
                                            let outcome = parse_reading(&other.get_untracked(), &candidates)
                                                .and_then(|reading| store.apply(|ws| ws.settle_paper_ballot(meeting, round, number, Some(reading))));
                                            error.set(outcome.err());
                                        }>
                                            <input type="text" class="narrow" data-testid="settle-other" bind:value=other
                                                aria-label=move || store.lang.get().pick(
                                                    format!("Cách đọc khác của phiếu số {number}: số đơn vị, ví dụ 2, 3, 5; x nếu hỏng"),
                                                    format!("Another reading of ballot {number}: unit numbers, e.g. 2, 3, 5; x if spoilt"))/>
                                            <button type="submit" class="small secondary" data-testid="settle-other-save">{bi("Ghi cách đọc này", "Use this reading")}</button>
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
    let error = RwSignal::new(None::<DomainError>);
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
        <nav class="breadcrumb" aria-label=tr(Text::Breadcrumb)>
            <a href=Route::Round(meeting, round).href()>{bi("Vòng bỏ phiếu", "Ballot round")}</a>" › "
            <span>{move || lang.get().pick(format!("Lượt nhập {n}"), format!("Entry pass {n}"))}</span>
        </nav>
        {move || match own.get() {
            None => view! {
                <section class="card" data-testid="entry-unavailable">
                    <p>{bi("Vòng này không ở giai đoạn nhập phiếu giấy.", "This round is not taking paper ballots.")}</p>
                </section>
            }.into_any(),
            Some((p, _)) if p.finished => view! {
                <section class="card" data-testid="entry-finished">
                    <p>{move || lang.get().pick(format!("Lượt nhập {n} đã kết thúc."), format!("Entry pass {n} is finished."))}</p>
                    <a href=Route::Round(meeting, round).href()>{bi("Về vòng bỏ phiếu", "Back to the round")}</a>
                </section>
            }.into_any(),
            Some(_) => ().into_any(),
        }}
        <Show when=move || own.get().is_some_and(|(p, _)| !p.finished)>
        <div class="entry" data-testid="entry-pad">
            <section class="card entry-ballot">
                <h1>
                    {move || info.get().map(|i| i.award)}" — "
                    {move || lang.get().pick(format!("lượt nhập {n}"), format!("entry pass {n}"))}
                </h1>
                <p class="entry-number">
                    {bi("Phiếu số", "Ballot no.")}" "<strong data-testid="entry-number">{next_number}</strong>
                    " / "{move || own.get().map(|(_, issued)| issued)}" "{bi("phiếu phát ra", "issued")}
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
                <p class="saved-note" role="status" data-testid="entry-saved">{move || saved_flash.get().map(|n| {
                    lang.get().pick(format!("Đã lưu phiếu số {n}."), format!("Ballot {n} saved."))
                })}</p>
            </section>
            <aside class="card entry-help">
                <h2>{bi("Phím", "Keys")}</h2>
                <dl class="keys">
                    <dt><kbd>"1"</kbd>"…"<kbd>"0"</kbd>" "<kbd>"a"</kbd>"…"</dt><dd>{bi("đánh dấu / bỏ đánh dấu đơn vị", "mark / unmark a unit")}</dd>
                    <dt><kbd>"Enter"</kbd></dt><dd>{bi("lưu phiếu, sang phiếu tiếp theo", "save, next ballot")}</dd>
                    <dt><kbd>"x"</kbd></dt><dd>{bi("phiếu hỏng (không hợp lệ)", "spoilt paper (invalid)")}</dd>
                    <dt><kbd>"z"</kbd></dt><dd>{bi("xoá phiếu vừa lưu", "take back the last ballot")}</dd>
                    <dt><kbd>"Esc"</kbd></dt><dd>{bi("xoá các dấu của phiếu đang nhập", "clear this ballot's marks")}</dd>
                </dl>
                <h2>{bi("Phiếu vừa nhập (lượt này)", "Last entered (this pass)")}</h2>
                <ol class="recent" data-testid="entry-recent">
                    {move || recent().into_iter().map(|(number, text)| view! {
                        <li><span class="pad-no">{number}"."</span>" "{text}</li>
                    }).collect_view()}
                </ol>
                <p class="hint" data-testid="entry-keystrokes">{move || {
                    let k = keystrokes.get();
                    lang.get().pick(format!("{k} lần bấm phím"), format!("{k} keystrokes"))
                }}</p>
                <button type="button" data-testid="entry-finish" on:click=finish>{move || lang.get().pick(format!("Kết thúc lượt nhập {n}"), format!("Finish pass {n}"))}</button>
            </aside>
        </div>
        </Show>
    }
}

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
        let outcome = store.apply(|ws| record_printed_papers(ws, meeting, round));
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
