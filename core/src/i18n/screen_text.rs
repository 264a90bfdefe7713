//! Interface messages with values inside, one function each, both languages side by side.
//!
//! The fixed strings are in `catalogue.rs`.

use super::{format_integer, format_share, Lang};
use crate::domain::{BlankBallot, Points, ScoreInputError};

// The app frame.

/// Where a record that could not be read was put.
pub fn set_aside_place(lang: Lang, kept_under: Option<&str>) -> String {
    match kept_under {
        Some(key) => lang.pick(
            format!("đã cất sang khoá {key}"),
            format!("kept under key {key}"),
        ),
        None => lang
            .pick_str(
                "không cất được, để nguyên tại chỗ và không bị ghi đè",
                "could not be moved; left in place and never written over",
            )
            .to_owned(),
    }
}

/// One record of the set-aside banner: what could not be read (`what`,
/// from `name_stored`), and that it was kept untouched (`moved`: under a
/// key of its own; else left where it was, never written over).
pub fn set_aside_entry(lang: Lang, what: &str, moved: bool) -> String {
    match moved {
        true => lang.pick(
            format!("Không đọc được {what}; bản ghi đã được cất riêng, giữ nguyên không sửa."),
            format!("Could not read {what}; it was kept aside, untouched."),
        ),
        false => lang.pick(
            format!("Không đọc được {what}; bản ghi được để nguyên tại chỗ, không sửa và không bị ghi đè."),
            format!("Could not read {what}; it was left where it is, untouched and never written over."),
        ),
    }
}

/// The notice after a snapshot had to be downloaded instead of kept.
pub fn snapshot_downloaded(lang: Lang, file_name: &str) -> String {
    lang.pick(
        format!("Bộ nhớ không đủ chỗ giữ bản sao lưu, nên bản sao đã được tải về máy thành tệp {file_name}."),
        format!("Storage had no room for a snapshot, so it was downloaded as the file {file_name} instead."),
    )
}

// Paper mode.

/// `Lượt nhập 2`: a pass's title.
pub fn entry_pass(lang: Lang, pass: u32) -> String {
    lang.pick(format!("Lượt nhập {pass}"), format!("Entry pass {pass}"))
}

/// `lượt nhập 2`, after the award in the entry pad's heading.
pub fn entry_pass_inline(lang: Lang, pass: u32) -> String {
    lang.pick(format!("lượt nhập {pass}"), format!("entry pass {pass}"))
}

/// The link into a pass's entry pad.
pub fn enter_pass(lang: Lang, pass: u32) -> String {
    lang.pick(format!("Nhập lượt {pass}"), format!("Enter pass {pass}"))
}

/// The button that finishes a pass.
pub fn finish_pass(lang: Lang, pass: u32) -> String {
    lang.pick(
        format!("Kết thúc lượt nhập {pass}"),
        format!("Finish pass {pass}"),
    )
}

pub fn pass_finished(lang: Lang, pass: u32) -> String {
    lang.pick(
        format!("Lượt nhập {pass} đã kết thúc."),
        format!("Entry pass {pass} is finished."),
    )
}

/// How many ballots a pass holds.
pub fn pass_ballots(lang: Lang, ballots: usize) -> String {
    lang.pick(format!("{ballots} phiếu"), format!("{ballots} ballots"))
}

pub fn passes_agree(lang: Lang, ballots: usize) -> String {
    let n = format_integer(lang, ballots as i64);
    lang.pick(
        format!("{n} phiếu, đọc giống nhau ở cả hai lượt."),
        format!("{n} ballots, read the same in both passes."),
    )
}

pub fn passes_differ(lang: Lang, ballots: usize) -> String {
    lang.pick(
        format!("Hai lượt nhập khác nhau ở {ballots} phiếu"),
        format!("The two passes differ on {ballots} ballots"),
    )
}

/// The label of the field where the committee types a third reading.
pub fn other_reading(lang: Lang, number: u32) -> String {
    lang.pick(
        format!("Cách đọc khác của phiếu số {number}: số đơn vị, ví dụ 2, 3, 5; x nếu hỏng"),
        format!("Another reading of ballot {number}: unit numbers, e.g. 2, 3, 5; x if spoilt"),
    )
}

pub fn ballot_saved(lang: Lang, number: u32) -> String {
    lang.pick(
        format!("Đã lưu phiếu số {number}."),
        format!("Ballot {number} saved."),
    )
}

pub fn keystrokes(lang: Lang, keystrokes: u32) -> String {
    lang.pick(
        format!("{keystrokes} lần bấm phím"),
        format!("{keystrokes} keystrokes"),
    )
}

/// The rule printed under a ballot paper's title.
pub fn paper_rule(lang: Lang, places: u32) -> String {
    lang.pick(
        format!("Đánh dấu ✔ vào ô bên cạnh tên đơn vị được bầu; bầu tối đa {places} đơn vị."),
        format!("Tick the box beside each unit you choose; choose at most {places}."),
    )
}

/// Which papers are invalid, printed at a ballot paper's foot.
pub fn paper_invalid_rule(lang: Lang, places: u32, blank: BlankBallot) -> String {
    match blank {
        BlankBallot::Invalid => lang.pick(
            format!(
                "Phiếu bầu quá {places} đơn vị hoặc không bầu đơn vị nào là phiếu không hợp lệ."
            ),
            format!("A paper with more than {places} ticked, or none, is invalid."),
        ),
        BlankBallot::Valid => lang.pick(
            format!("Phiếu bầu quá {places} đơn vị là phiếu không hợp lệ."),
            format!("A paper with more than {places} ticked is invalid."),
        ),
    }
}

/// `Năm 2024` at the head of a ballot paper.
pub fn year_title(lang: Lang, year: u16) -> String {
    lang.pick(format!("Năm {year}"), format!("Year {year}"))
}

/// `năm 2024` inside a line.
pub fn year_inline(lang: Lang, year: u16) -> String {
    lang.pick(format!("năm {year}"), format!("year {year}"))
}

// Files and backups.

/// `Đã dùng 1,2 MB trên khoảng 5 MB (24%).`, sizes already formatted.
pub fn storage_used(lang: Lang, used: &str, quota: &str, percent: usize) -> String {
    lang.pick(
        format!("Đã dùng {used} trên khoảng {quota} ({percent}%)."),
        format!("{used} used of about {quota} ({percent}%)."),
    )
}

/// After an import; `kept` is what is said of the snapshot, or nothing.
pub fn imported(lang: Lang, added: usize, replaced: usize, kept: &str) -> String {
    lang.pick(
        format!("Đã nhập: {added} bản ghi mới, {replaced} bản ghi theo tệp.{kept}"),
        format!("Imported: {added} new records, {replaced} taken from the file.{kept}"),
    )
}

/// The counts of an import preview.
pub fn import_summary(lang: Lang, new: usize, identical: usize, different: usize) -> String {
    lang.pick(
        format!("{new} mới · {identical} trùng khớp · {different} khác nhau"),
        format!("{new} new · {identical} identical · {different} different"),
    )
}

/// The identical records an import preview does not list.
pub fn more_identical(lang: Lang, more: usize) -> String {
    lang.pick(
        format!("… và {more} bản ghi trùng khớp khác."),
        format!("… and {more} more identical records."),
    )
}

/// What a snapshot holds, its size already formatted.
pub fn snapshot_content(
    lang: Lang,
    clusters: usize,
    units: usize,
    meetings: usize,
    size: &str,
) -> String {
    lang.pick(
        format!("{clusters} cụm, {units} đơn vị, {meetings} hội nghị · {size}"),
        format!("{clusters} clusters, {units} units, {meetings} meetings · {size}"),
    )
}

// The results of a round.

/// How a paper round was counted.
pub fn paper_count_source(lang: Lang, settled: usize) -> String {
    lang.pick(
        format!("Phiếu giấy, nhập hai lượt độc lập; ban kiểm phiếu đã đối chiếu {settled} phiếu khác nhau."),
        format!("Paper ballots entered in two independent passes; the committee settled {settled} differing ballots."),
    )
}

/// The conclusion of a round that nominates `names`.
pub fn nominated(lang: Lang, names: &[String]) -> String {
    let names = names.join(", ");
    lang.pick(format!("Đề nghị: {names}."), format!("Nominated: {names}."))
}

/// A tie at the quota line among `names`, with the places left.
pub fn tie_at_quota(lang: Lang, names: &[String], places: u32) -> String {
    let names = names.join(", ");
    lang.pick(
        format!("Bằng phiếu tại vị trí chỉ tiêu: {names} — còn {places} chỉ tiêu, cần bầu lại."),
        format!("Tied at the quota line: {names} — {places} place(s) left, a runoff is needed."),
    )
}

pub fn places_unfilled(lang: Lang, places: u32) -> String {
    lang.pick(
        format!("Còn {places} chỉ tiêu chưa có đơn vị đạt."),
        format!("{places} place(s) not filled."),
    )
}

/// The caption of the results chart.
pub fn chart_caption(lang: Lang, threshold_bp: u64) -> String {
    let threshold = format_share(lang, threshold_bp);
    lang.pick(
        format!("Tỷ lệ phiếu đồng ý; vạch đỏ là ngưỡng {threshold}"),
        format!("Approval shares; the red line is the {threshold} threshold"),
    )
}

// A pasted list of units.

/// A pasted line that is a unit already on this laptop (`line` None) or
/// the same as an earlier line of the paste (its number, from 1).
pub fn pasted_same(lang: Lang, name: &str, line: Option<usize>) -> String {
    match line {
        None => lang.pick(
            format!("Trùng với đơn vị đã có «{name}»: không thêm"),
            format!("Same as the existing unit «{name}»: not added"),
        ),
        Some(n) => lang.pick(
            format!("Trùng với dòng {n} «{name}»: không thêm"),
            format!("Same as line {n} «{name}»: not added"),
        ),
    }
}

/// A pasted line that looks like a unit or an earlier line (case,
/// diacritics, a "BĐBP" suffix) without being the same to the rules.
pub fn pasted_alike(lang: Lang, name: &str, line: Option<usize>) -> String {
    match line {
        None => lang.pick(
            format!("Gần giống đơn vị đã có «{name}»"),
            format!("Looks like the existing unit «{name}»"),
        ),
        Some(n) => lang.pick(
            format!("Gần giống dòng {n} «{name}»"),
            format!("Looks like line {n} «{name}»"),
        ),
    }
}

/// The button that adds the chosen lines of a paste.
pub fn add_pasted_units(lang: Lang, count: usize) -> String {
    lang.pick(
        format!("Thêm {count} đơn vị"),
        if count == 1 {
            "Add 1 unit".to_owned()
        } else {
            format!("Add {count} units")
        },
    )
}

// Scores.

/// The message under a score cell whose typing was refused: what was
/// typed, why, and the score that stays stored.
pub fn score_refused(
    lang: Lang,
    typed: &str,
    error: ScoreInputError,
    stored: Option<Points>,
) -> String {
    let typed = typed.trim();
    let why = match error {
        ScoreInputError::NotANumber => lang.pick(
            format!("“{typed}” không phải là số điểm (số từ 0, tối đa hai chữ số thập phân, ví dụ 27,5)."),
            format!("“{typed}” is not a score (a number from 0 with at most two decimals, e.g. 27.5)."),
        ),
        ScoreInputError::Negative => lang.pick(
            format!("“{typed}”: điểm tiêu chí và điểm thưởng không âm; hãy nhập số từ 0."),
            format!("“{typed}”: criterion and bonus scores are not negative; type a number from 0."),
        ),
        ScoreInputError::AboveMax { max, .. } => {
            let max = super::format_points(lang, max);
            lang.pick(
                format!("“{typed}” vượt quá điểm tối đa {max} của tiêu chí."),
                format!("“{typed}” is above the item's maximum of {max}."),
            )
        }
    };
    let stays = match stored {
        Some(points) => {
            let points = super::format_points(lang, points);
            lang.pick(
                format!("Chưa lưu; điểm đã lưu vẫn là {points}."),
                format!("Not saved; the stored score stays {points}."),
            )
        }
        None => lang
            .pick_str(
                "Chưa lưu; ô này vẫn chưa có điểm.",
                "Not saved; this cell still has no score.",
            )
            .to_owned(),
    };
    format!("{why} {stays}")
}

/// The records of an import preview the user kept their own version of,
/// over this very version of the file's, on an earlier import.
pub fn kept_before(lang: Lang, count: usize) -> String {
    lang.pick(
        format!(
            "{count} bản ghi khác nhau bạn đã chọn giữ bản của máy này khi nhập đúng phiên bản này trước đây: vẫn giữ, không hỏi lại. Mở ra để đổi."
        ),
        format!(
            "{count} differing records you chose to keep this laptop's version of when you imported this same version before: still kept, not asked again. Open to change."
        ),
    )
}

/// When the user kept this laptop's version of one record (`at`: the ISO
/// time of that import; shown as day/month/year).
pub fn kept_on(lang: Lang, at: &str) -> String {
    let date = super::format_moment(at.get(..10).unwrap_or(at));
    lang.pick(
        format!("Bạn đã chọn giữ bản của máy này ngày {date}."),
        format!("You chose to keep this laptop's version on {date}."),
    )
}

/// The earlier import choices could not be read (`why`: the worded
/// storage error).
pub fn kept_unread(lang: Lang, why: &str) -> String {
    lang.pick(
        format!("Không đọc được các lựa chọn đã giữ ở những lần nhập trước, nên mọi bản ghi khác nhau đều được hỏi lại. {why}"),
        format!("The choices kept on earlier imports could not be read, so every differing record is asked about again. {why}"),
    )
}

/// The import was made, but its “keep mine” choices were not remembered
/// (`why`: the worded storage error).
pub fn kept_not_remembered(lang: Lang, why: &str) -> String {
    lang.pick(
        format!(" Tuy vậy, các lựa chọn giữ bản của máy này chưa được ghi nhớ, lần nhập sau sẽ hỏi lại. {why}"),
        format!(" However, your choices to keep this laptop's version were not remembered; the next import will ask again. {why}"),
    )
}

// issue 16 hall:

/// `Đã bỏ phiếu 3/8`: the hall's only figure while a booth round is open.
pub fn hall_voted(lang: Lang, voted: u32, of: u32) -> String {
    lang.pick(
        format!("Đã bỏ phiếu {voted}/{of}"),
        format!("{voted} of {of} have voted"),
    )
}

/// An agenda line's rules: `4 chỉ tiêu · ngưỡng ≥ 1/2 (50,00%) số phiếu hợp lệ`.
pub fn hall_round_rules(lang: Lang, places: u32, threshold: &str) -> String {
    lang.pick(
        format!("{places} chỉ tiêu · ngưỡng {threshold}"),
        format!("{places} place(s) · threshold {threshold}"),
    )
}

/// The hall's line of the leader flag's hand-over, the date as shown.
pub fn hall_handover(lang: Lang, from: &str, to: &str, date: &str) -> String {
    lang.pick(
        format!("Bàn giao cờ cụm trưởng: {from} → {to}, ngày {date}"),
        format!("The leader's flag handed over: {from} → {to}, {date}"),
    )
}

/// `Cụm trưởng năm 2025: …`.
pub fn hall_next_leader(lang: Lang, year: u16, name: &str) -> String {
    lang.pick(
        format!("Cụm trưởng năm {year}: {name}"),
        format!("Leader in {year}: {name}"),
    )
}

/// The operator's button that keeps a closed round's results on the hall.
pub fn hall_pin_results(lang: Lang, award: &str) -> String {
    lang.pick(
        format!("Giữ kết quả: {award}"),
        format!("Keep the results up: {award}"),
    )
}

/// What the hall screen keeps up, said to the operator.
pub fn hall_pinned_results(lang: Lang, award: &str) -> String {
    lang.pick(
        format!("giữ kết quả {award}"),
        format!("keeping the results of {award} up"),
    )
}
