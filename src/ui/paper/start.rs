//! Starting a paper count from a draft round, or typing the totals of a
//! count done by hand.

use leptos::prelude::*;

use super::{ids, round_info, CountField};
use crate::domain::{parse_count, DomainError, HandTotals, MeetingId, RoundId, UnitId};
use crate::state::use_store;
use crate::ui::bi;
use crate::ui::route::Route;
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
    let error = RwSignal::new(None::<DomainError>);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = parse_count(&present.get_untracked()).and_then(|p| {
            let i = parse_count(&issued.get_untracked())?;
            store.apply(|ws| ws.open_paper_round(meeting, round, p, i))
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
                r.candidates
                    .iter()
                    .chain(&r.excluded)
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
            store.apply(|ws| ws.close_with_totals(meeting, round, p, i, hand))
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
