//! Bảng tổng hợp kết quả chấm điểm and the units' achievement summary.

use super::model::{Block, Document, Signature, Table};
use super::{cluster_year, full_name, header, or_blank};
use crate::domain::{ClusterId, DomainError, ItemKind, UnitId, Workspace};
use crate::i18n::{format_signed_points, Lang};
use crate::rules::scoring::ranking;

/// Place and date of the year's meeting, if there is one.
fn place_date(
    ws: &Workspace,
    cluster: ClusterId,
    year: u16,
) -> (String, Option<crate::domain::Date>) {
    ws.meeting_of(cluster, year)
        .map_or((String::new(), None), |m| {
            (m.details.place.clone(), m.details.date)
        })
}

fn leader_signature(lang: Lang, ws: &Workspace, leader: Option<UnitId>) -> Vec<Signature> {
    vec![
        Signature {
            title: lang.pick_str("NGƯỜI LẬP BẢNG", "PREPARED BY").to_owned(),
            name: String::new(),
        },
        Signature {
            title: lang
                .pick_str(
                    "TM. CỤM THI ĐUA — ĐƠN VỊ CỤM TRƯỞNG",
                    "FOR THE CLUSTER — LEADER UNIT",
                )
                .to_owned(),
            name: leader.map(|u| full_name(ws, u)).unwrap_or_default(),
        },
    ]
}

/// The score table of a cluster-year, ranked by the cluster's scores.
pub fn score_table(
    ws: &Workspace,
    cluster_id: ClusterId,
    year_number: u16,
    lang: Lang,
) -> Result<Document, DomainError> {
    let (cluster, year) = cluster_year(ws, cluster_id, year_number)?;
    let rows = ranking(&year.criteria, &year.members, &year.scores);
    let points =
        |t: Option<i64>| t.map_or_else(|| "—".to_owned(), |v| format_signed_points(lang, v));
    let table = Table {
        head: [
            ("Hạng", "Rank"),
            ("Đơn vị", "Unit"),
            ("Tự chấm", "Self score"),
            ("Cụm chấm", "Cluster score"),
            ("Chênh lệch", "Difference"),
        ]
        .iter()
        .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
        .collect(),
        rows: rows
            .iter()
            .map(|r| {
                let own = r.self_total.map(|t| t.total);
                let theirs = r.cluster_total.map(|t| t.total);
                let difference = match (own, theirs) {
                    (Some(a), Some(b)) => {
                        let d = b - a;
                        let text = format_signed_points(lang, d);
                        if d > 0 {
                            format!("+{text}")
                        } else {
                            text
                        }
                    }
                    _ => "—".to_owned(),
                };
                vec![
                    r.rank.map_or_else(|| "—".to_owned(), |n| n.to_string()),
                    full_name(ws, r.unit),
                    points(own),
                    points(theirs),
                    difference,
                ]
            })
            .collect(),
        numeric: vec![true, false, true, true, true],
    };
    let criteria = year
        .criteria
        .items
        .iter()
        .filter(|c| c.kind == ItemKind::Criterion);
    let max: i64 = criteria.clone().map(|c| i64::from(c.max.0)).sum();
    let n_criteria = criteria.count();
    let n_bonus = year
        .criteria
        .items
        .iter()
        .filter(|c| c.kind == ItemKind::Bonus)
        .count();
    let n_deduction = year
        .criteria
        .items
        .iter()
        .filter(|c| c.kind == ItemKind::Deduction)
        .count();
    let (place, date) = place_date(ws, cluster_id, year_number);
    let max = format_signed_points(lang, max);
    let blocks = vec![
        Block::Paragraph(lang.pick(
            format!(
                "Thang điểm {max} điểm gồm {n_criteria} tiêu chí; {n_bonus} mục điểm thưởng, {n_deduction} mục điểm trừ. Tổng điểm = điểm các tiêu chí (không vượt mức tối đa) + điểm thưởng − điểm trừ. Xếp hạng theo điểm cụm chấm; bằng điểm thì đồng hạng."
            ),
            format!(
                "A {max}-point scale of {n_criteria} criteria; {n_bonus} bonus and {n_deduction} deduction items. Total = criteria points (each capped at its maximum) + bonus − deductions. Ranked by the cluster's score; equal totals share a rank."
            ),
        )),
        Block::Table(table),
    ];
    Ok(Document {
        header: header(lang, cluster, &place, date),
        title: lang
            .pick_str(
                "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA",
                "EMULATION SCORE TABLE",
            )
            .to_owned(),
        subtitle: Some(lang.pick(format!("Năm {year_number}"), format!("Year {year_number}"))),
        blocks,
        signatures: leader_signature(lang, ws, year.leader),
        fingerprint: None,
    })
}

/// Each member's achievement report, in the order of the score ranking.
pub fn achievement_summary(
    ws: &Workspace,
    cluster_id: ClusterId,
    year_number: u16,
    lang: Lang,
) -> Result<Document, DomainError> {
    let (cluster, year) = cluster_year(ws, cluster_id, year_number)?;
    let mut blocks = Vec::new();
    for (idx, row) in ranking(&year.criteria, &year.members, &year.scores)
        .iter()
        .enumerate()
    {
        let mut heading = format!("{}. {}", idx + 1, full_name(ws, row.unit));
        if let Some(total) = row.cluster_total {
            let points = format_signed_points(lang, total.total);
            heading
                .push_str(&lang.pick(format!(" — {points} điểm"), format!(" — {points} points")));
        }
        blocks.push(Block::Heading(heading));
        match year.reports.get(&row.unit) {
            Some(report) if !report.narrative.trim().is_empty() || !report.metrics.is_empty() => {
                if !report.narrative.trim().is_empty() {
                    blocks.push(Block::Paragraph(report.narrative.trim().to_owned()));
                }
                if !report.metrics.is_empty() {
                    blocks.push(Block::Items(
                        report
                            .metrics
                            .iter()
                            .map(|m| {
                                format!("{}: {} {}", m.name, or_blank(&m.value), m.measure)
                                    .trim_end()
                                    .to_owned()
                            })
                            .collect(),
                    ));
                }
            }
            _ => blocks.push(Block::Paragraph(
                lang.pick_str(
                    "(Đơn vị chưa gửi báo cáo thành tích.)",
                    "(No achievement report yet.)",
                )
                .to_owned(),
            )),
        }
    }
    let (place, date) = place_date(ws, cluster_id, year_number);
    Ok(Document {
        header: header(lang, cluster, &place, date),
        title: lang
            .pick_str(
                "TÓM TẮT THÀNH TÍCH CÁC ĐƠN VỊ",
                "SUMMARY OF THE UNITS' ACHIEVEMENTS",
            )
            .to_owned(),
        subtitle: Some(lang.pick(format!("Năm {year_number}"), format!("Year {year_number}"))),
        blocks,
        signatures: leader_signature(lang, ws, year.leader),
        fingerprint: None,
    })
}
