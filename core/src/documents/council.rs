//! The council's consolidated results (issue 17): the A4 summary
//! "Tổng hợp kết quả bình xét, suy tôn của các cụm thi đua năm …" with
//! each cluster's fingerprint, and the same table as CSV.

use super::administrative_header;
use super::csv::line;
use super::model::{Block, Document, Signature, Table};
use crate::domain::{Council, Date, PaperCheck};
use crate::exchange::fingerprint;
use crate::i18n::{describe_flag, describe_standing, file_fingerprint, format_share, Lang};
use crate::rules::council::{file_status, Consolidation, NomineeRow};

fn share(lang: Lang, row: &NomineeRow) -> String {
    row.share_bp
        .map_or_else(|| "—".to_owned(), |s| format_share(lang, s))
}

/// A fingerprint on paper: its groups joined by non-breaking hyphens, so
/// a narrow column never breaks it in the middle.
fn unbroken(fingerprint: &str) -> String {
    fingerprint.replace('-', "\u{2011}")
}

/// How many clusters sent a file that is not replaced.
fn clusters_heard(council: &Council) -> usize {
    let mut names: Vec<String> = council
        .received()
        .iter()
        .filter(|f| f.standing != crate::domain::Standing::Replaced)
        .map(|f| crate::domain::unit_name_key(&f.cluster))
        .collect();
    crate::sort::sort(&mut names);
    names.dedup();
    names.len()
}

fn paper_mark(lang: Lang, paper: &PaperCheck) -> &'static str {
    match paper {
        PaperCheck::Confirmed => lang.pick_str("khớp", "matches"),
        PaperCheck::NotConfirmed => lang.pick_str("chưa đối chiếu", "not checked"),
        PaperCheck::Mismatch(_) => lang.pick_str("KHÔNG KHỚP", "DOES NOT MATCH"),
    }
}

/// The A4 summary of every cluster's results, dated `today`.
pub fn council_summary(
    council: &Council,
    consolidation: &Consolidation,
    lang: Lang,
    today: Option<Date>,
) -> Document {
    let header = administrative_header(
        lang,
        council.name.to_uppercase(),
        lang.pick_str(
            "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
            "EMULATION AND COMMENDATION COUNCIL",
        )
        .to_owned(),
        lang.pick_str("Số: ……/BC-HĐTĐKT", "No.: ……"),
        "",
        today,
    );
    let mut blocks = Vec::new();
    blocks.push(Block::Paragraph(lang.pick(
        format!(
            "Hội đồng Thi đua – Khen thưởng {} tổng hợp kết quả bình xét, suy tôn của {} cụm thi đua đã gửi tệp kết quả năm {}. Kết quả dưới đây do phần mềm tính lại từ số phiếu trong từng tệp theo quy chế của cụm; mỗi tệp mang mã kiểm tra in trên biên bản kiểm phiếu đã ký của cụm.",
            council.name,
            clusters_heard(council),
            council.year
        ),
        format!(
            "The Emulation and Commendation Council of {} consolidates the results of the {} emulation clusters that sent their {} results file. The results below were recomputed by the app from the counts in each file under the cluster's rules; each file carries the fingerprint printed on the cluster's signed vote-count minutes.",
            council.name,
            clusters_heard(council),
            council.year
        ),
    )));
    blocks.push(Block::Heading(
        lang.pick_str("I. Các tệp kết quả đã nhận", "I. Results files received")
            .to_owned(),
    ));
    blocks.push(Block::Table(Table {
        head: [
            ("TT", "No."),
            ("Cụm thi đua", "Cluster"),
            ("Ngày hội nghị", "Meeting date"),
            ("Mã kiểm tra", "Fingerprint"),
            ("Đối chiếu biên bản giấy", "Signed minutes"),
            ("Tình trạng", "Status"),
        ]
        .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
        .to_vec(),
        rows: council
            .received()
            .iter()
            .enumerate()
            .map(|(idx, f)| {
                let status = file_status(f);
                let mut state = describe_standing(lang, f.standing).to_owned();
                if !status.problems.is_empty() {
                    state = lang.pick(
                        format!("{state}; {} vòng số liệu không khớp", status.problems.len()),
                        format!(
                            "{state}; {} round(s) do not reconcile",
                            status.problems.len()
                        ),
                    );
                }
                vec![
                    (idx + 1).to_string(),
                    f.cluster.clone(),
                    f.meeting_date
                        .map_or_else(String::new, |d| d.to_vietnamese()),
                    unbroken(&file_fingerprint(f)),
                    match &f.paper {
                        PaperCheck::Mismatch(typed) => {
                            format!("{} ({typed})", paper_mark(lang, &f.paper))
                        }
                        other => paper_mark(lang, other).to_owned(),
                    },
                    state,
                ]
            })
            .collect(),
        numeric: vec![true, false, false, false, false, false],
    }));
    for (idx, (award, rows)) in consolidation.awards.iter().enumerate() {
        blocks.push(Block::Heading(lang.pick(
            format!("{}. {award}", roman(idx + 2)),
            format!("{}. {award}", roman(idx + 2)),
        )));
        blocks.push(Block::Table(Table {
            head: [
                ("TT", "No."),
                ("Cụm thi đua", "Cluster"),
                ("Đơn vị", "Unit"),
                ("Số phiếu / cơ sở", "Votes / base"),
                ("Tỷ lệ", "Share"),
                ("Hạng", "Rank"),
                ("Mã kiểm tra", "Fingerprint"),
            ]
            .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
            .to_vec(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(n, r)| {
                    vec![
                        (n + 1).to_string(),
                        r.cluster.clone(),
                        r.unit_name.clone(),
                        format!("{}/{}", r.votes, r.base),
                        share(lang, r),
                        r.rank.map_or_else(String::new, |k| k.to_string()),
                        match r.paper {
                            PaperCheck::Confirmed => unbroken(&fingerprint(&r.sha256)),
                            _ => {
                                format!(
                                    "{} ({})",
                                    unbroken(&fingerprint(&r.sha256)),
                                    paper_mark(lang, &r.paper)
                                )
                            }
                        },
                    ]
                })
                .collect(),
            numeric: vec![true, false, false, true, true, true, false],
        }));
    }
    if !consolidation.flags.is_empty() {
        blocks.push(Block::Heading(lang.pick(
            format!(
                "{}. Những điểm Hội đồng cần lưu ý",
                roman(consolidation.awards.len() + 2)
            ),
            format!(
                "{}. Points for the council's attention",
                roman(consolidation.awards.len() + 2)
            ),
        )));
        blocks.push(Block::Items(
            consolidation
                .flags
                .iter()
                .map(|f| describe_flag(lang, f))
                .collect(),
        ));
    }
    Document {
        header,
        title: lang.pick(
            format!(
                "TỔNG HỢP KẾT QUẢ BÌNH XÉT, SUY TÔN CỦA CÁC CỤM THI ĐUA NĂM {}",
                council.year
            ),
            format!(
                "CONSOLIDATED RESULTS OF THE EMULATION CLUSTERS' VOTES, {}",
                council.year
            ),
        ),
        subtitle: None,
        blocks,
        signatures: vec![
            Signature {
                title: lang
                    .pick_str("THƯ KÝ HỘI ĐỒNG", "SECRETARY OF THE COUNCIL")
                    .to_owned(),
                name: String::new(),
            },
            Signature {
                title: lang
                    .pick_str("CHỦ TỊCH HỘI ĐỒNG", "CHAIR OF THE COUNCIL")
                    .to_owned(),
                name: String::new(),
            },
        ],
        fingerprint: None,
    }
}

fn roman(n: usize) -> &'static str {
    const ROMAN: [&str; 21] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    ROMAN.get(n).copied().unwrap_or("…")
}

/// The consolidated table as CSV: one row per nominee, UTF-8 with a
/// byte-order mark, as the other CSVs.
pub fn council_csv(consolidation: &Consolidation, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&line(
        &[
            ("Danh hiệu", "Award"),
            ("Cụm thi đua", "Cluster"),
            ("Đơn vị", "Unit"),
            ("Số phiếu", "Votes"),
            ("Cơ sở tính tỷ lệ", "Base"),
            ("Tỷ lệ", "Share"),
            ("Hạng trong cụm", "Rank in cluster"),
            ("Mã kiểm tra", "Fingerprint"),
            ("Đối chiếu biên bản giấy", "Signed minutes"),
        ]
        .map(|(vi, en)| lang.pick_str(vi, en).to_owned()),
    ));
    for row in consolidation.rows() {
        out.push_str(&line(&[
            row.award.clone(),
            row.cluster.clone(),
            row.unit_name.clone(),
            row.votes.to_string(),
            row.base.to_string(),
            share(lang, row),
            row.rank.map_or_else(String::new, |k| k.to_string()),
            fingerprint(&row.sha256),
            paper_mark(lang, &row.paper).to_owned(),
        ]));
    }
    out
}
