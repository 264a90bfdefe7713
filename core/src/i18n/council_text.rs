//! The council's flags and file statuses in words (issue 17).

use super::{describe_reconcile_error, format_share, Lang};
use crate::domain::{PaperCheck, ReceivedFile, Standing};
use crate::rules::council::{Flag, RoundProblem};

/// A file's fingerprint as the minutes print it: `3F2A-9C01-77BE-0D45`.
pub fn file_fingerprint(file: &ReceivedFile) -> String {
    crate::exchange::fingerprint(&file.sha256)
}

pub fn describe_paper_check(lang: Lang, paper: &PaperCheck) -> String {
    match paper {
        PaperCheck::Confirmed => lang
            .pick_str(
                "Đã đối chiếu biên bản giấy: khớp",
                "Checked against the signed minutes: matches",
            )
            .to_owned(),
        PaperCheck::NotConfirmed => lang
            .pick_str(
                "Chưa đối chiếu với biên bản giấy",
                "Not yet checked against the signed minutes",
            )
            .to_owned(),
        PaperCheck::Mismatch(typed) => lang.pick(
            format!("KHÔNG KHỚP biên bản giấy (trên giấy: {typed})"),
            format!("DOES NOT MATCH the signed minutes (on paper: {typed})"),
        ),
    }
}

pub fn describe_standing(lang: Lang, standing: Standing) -> &'static str {
    match standing {
        Standing::Stands => lang.pick_str("Đang dùng", "Stands"),
        Standing::AwaitingChoice => lang.pick_str("Chờ chọn tệp", "Choose a file"),
        Standing::Replaced => lang.pick_str("Đã thay bằng tệp khác", "Replaced"),
    }
}

pub fn describe_round_problem(lang: Lang, problem: &RoundProblem) -> String {
    match problem {
        RoundProblem::Count(error) => lang.pick(
            format!("số liệu không khớp: {}", describe_reconcile_error(lang, error)),
            format!("the counts do not reconcile: {}", describe_reconcile_error(lang, error)),
        ),
        RoundProblem::PlacesUnknown => lang
            .pick_str(
                "tệp không ghi số đơn vị thành viên nên không tính được số suất; đề nghị cụm xuất lại tệp",
                "the file does not carry the member count, so the places cannot be known; ask the cluster to export it again",
            )
            .to_owned(),
    }
}

pub fn describe_flag(lang: Lang, flag: &Flag) -> String {
    match flag {
        Flag::SameUnit { unit_name, clusters } => lang.pick(
            format!("{unit_name} được {} cụm cùng đề nghị: {}.", clusters.len(), clusters.join("; ")),
            format!("{unit_name} is nominated by {} clusters: {}.", clusters.len(), clusters.join("; ")),
        ),
        Flag::OverLimit { cluster, award, nominated, limit } => lang.pick(
            format!("{cluster} đề nghị {nominated} đơn vị cho «{award}», quá giới hạn {limit} của hội đồng."),
            format!("{cluster} nominates {nominated} units for “{award}”, over the council's limit of {limit}."),
        ),
        Flag::BelowMinimum { cluster, award, unit_name, share_bp, minimum_bp } => {
            let share = share_bp.map_or_else(|| "—".to_owned(), |s| format_share(lang, s));
            let minimum = format_share(lang, *minimum_bp);
            lang.pick(
                format!("{unit_name} ({cluster}) đạt {share} cho «{award}», dưới mức tối thiểu {minimum}."),
                format!("{unit_name} ({cluster}) has {share} for “{award}”, below the minimum of {minimum}."),
            )
        }
        Flag::Missing { cluster } => lang.pick(
            format!("Chưa nhận tệp kết quả của {cluster}."),
            format!("No results file from {cluster} yet."),
        ),
        Flag::RoundNotCounted { cluster, award, problem } => lang.pick(
            format!("{cluster}, vòng «{award}»: {}. Vòng này không được tổng hợp.", describe_round_problem(lang, problem)),
            format!("{cluster}, round “{award}”: {}. This round is left out.", describe_round_problem(lang, problem)),
        ),
        Flag::RoundsOpen { cluster, rounds } => lang.pick(
            format!("{cluster}: còn {rounds} vòng chưa kết thúc khi xuất tệp."),
            format!("{cluster}: {rounds} round(s) were not closed when the file was written."),
        ),
        Flag::PaperNotConfirmed { cluster } => lang.pick(
            format!("{cluster}: chưa đối chiếu mã kiểm tra với biên bản giấy đã ký."),
            format!("{cluster}: the fingerprint has not been checked against the signed minutes."),
        ),
        Flag::PaperMismatch { cluster } => lang.pick(
            format!("{cluster}: mã kiểm tra trên biên bản giấy KHÔNG KHỚP tệp — tệp có thể đã bị sửa. Không đưa vào bỏ phiếu."),
            format!("{cluster}: the fingerprint on the signed minutes DOES NOT MATCH the file — it may have been edited. Left out of the vote."),
        ),
        Flag::ChooseFile { cluster } => lang.pick(
            format!("{cluster} có hai tệp khác nhau; hãy chọn tệp dùng để tổng hợp."),
            format!("{cluster} sent two different files; choose the one that stands."),
        ),
    }
}

/// "Hội đồng Thi đua – Khen thưởng <name>, năm <year>".
pub fn council_title(lang: Lang, name: &str, year: u16) -> String {
    lang.pick(
        format!("Hội đồng Thi đua – Khen thưởng {name}, năm {year}"),
        format!("Emulation and Commendation Council of {name}, {year}"),
    )
}

/// What became of a received file, by what the council did with it.
pub fn describe_receipt(lang: Lang, receipt: crate::domain::Receipt) -> &'static str {
    use crate::domain::Receipt;
    match receipt {
        Receipt::New => lang.pick_str("đã nhận", "received"),
        Receipt::AlreadyReceived => lang.pick_str(
            "tệp này đã được nhận trước đó; không có gì thay đổi",
            "this file was received before; nothing changed",
        ),
        Receipt::SecondVersion => lang.pick_str(
            "đã nhận; cụm này đã có một tệp khác — hãy so sánh và chọn tệp dùng để tổng hợp",
            "received; this cluster already sent a different file — compare the two and choose the one that stands",
        ),
    }
}

/// The outcome of checking a typed fingerprint.
pub fn describe_paper_outcome(lang: Lang, paper: &PaperCheck) -> String {
    match paper {
        PaperCheck::Confirmed => lang
            .pick_str(
                "Khớp: tệp đúng là tệp có kết quả in trên biên bản đã ký.",
                "Matches: this file holds the results printed on the signed minutes.",
            )
            .to_owned(),
        PaperCheck::Mismatch(typed) => lang.pick(
            format!("KHÔNG KHỚP: biên bản ghi {typed}. Tệp có thể đã bị sửa; các đơn vị của tệp không được đưa vào bỏ phiếu."),
            format!("DOES NOT MATCH: the minutes say {typed}. The file may have been edited; its nominees are left out of the vote."),
        ),
        PaperCheck::NotConfirmed => describe_paper_check(lang, paper),
    }
}

/// A year field that is not a year.
pub fn not_a_year(lang: Lang, text: &str) -> String {
    lang.pick(
        format!("“{text}” không phải một năm (ví dụ 2024)."),
        format!("“{text}” is not a year (e.g. 2024)."),
    )
}

/// A limit that is not a whole number from 0.
pub fn not_a_limit(lang: Lang, award: &str, text: &str) -> String {
    lang.pick(
        format!("«{award}»: số tối đa “{text}” phải là số nguyên từ 0 trở lên."),
        format!("“{award}”: the most “{text}” must be a whole number from 0."),
    )
}

/// A least share that is not a share.
pub fn not_a_share(lang: Lang, award: &str, text: &str) -> String {
    lang.pick(
        format!("«{award}»: tỷ lệ tối thiểu “{text}” không đọc được; ghi như 50% hoặc 1/2."),
        format!("“{award}”: the least share “{text}” cannot be read; write it as 50% or 1/2."),
    )
}

/// Files reported received but no longer in the stored council-year
/// (another tab wrote it at the same moment).
pub fn files_not_kept(lang: Lang, names: &[String]) -> String {
    lang.pick(
        format!("Thẻ khác vừa ghi năm xét này cùng lúc: các tệp sau chưa được giữ, hãy nhận lại: {}.", names.join(", ")),
        format!("Another tab wrote this council year at the same moment: these files were not kept, receive them again: {}.", names.join(", ")),
    )
}
