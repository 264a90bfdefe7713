//! CSV of results and of scores for spreadsheets: UTF-8 with a byte-order
//! mark (so spreadsheet programs read Vietnamese correctly), every field
//! quoted, numbers in the interface language's format.

use super::full_name;
use crate::domain::{ClusterId, DomainError, MeetingId, RoundKind, Workspace};
use crate::i18n::{describe_status, format_share, format_signed_points, Lang};
use crate::rules::rounds::results;
use crate::rules::scoring::ranking;

fn field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

pub(super) fn line(fields: &[String]) -> String {
    let mut text = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    text.push_str("\r\n");
    text
}

/// One row per candidate of every closed round of a meeting.
pub fn results_csv(ws: &Workspace, meeting: MeetingId, lang: Lang) -> Result<String, DomainError> {
    let m = ws.meeting(meeting).ok_or(DomainError::UnknownMeeting)?;
    let year = ws.year_of(meeting)?;
    let mut out = String::from("\u{feff}");
    out.push_str(&line(
        &[
            ("Vòng", "Round"),
            ("Danh hiệu", "Award"),
            ("Loại", "Kind"),
            ("Hạng", "Rank"),
            ("Đơn vị", "Unit"),
            ("Số phiếu", "Votes"),
            ("Tỷ lệ", "Share"),
            ("Kết quả", "Outcome"),
            ("Phiếu hợp lệ", "Valid ballots"),
            ("Phiếu thu về", "Ballots collected"),
        ]
        .map(|(vi, en)| lang.pick_str(vi, en).to_owned()),
    ));
    for (idx, (round_id, totals, result)) in results(m, year).iter().enumerate() {
        let Some(round) = m.round(*round_id) else {
            continue;
        };
        let kind = match round.kind {
            RoundKind::Regular => lang.pick_str("Chính thức", "Regular"),
            RoundKind::Runoff { .. } => lang.pick_str("Bầu lại", "Runoff"),
            RoundKind::Rehearsal => lang.pick_str("Diễn tập", "Rehearsal"),
        };
        for c in &result.candidates {
            out.push_str(&line(&[
                (idx + 1).to_string(),
                round.award.clone(),
                kind.to_owned(),
                c.rank.map_or_else(String::new, |r| r.to_string()),
                full_name(ws, c.unit),
                c.votes.to_string(),
                c.share_bp
                    .map_or_else(String::new, |bp| format_share(lang, bp)),
                describe_status(lang, c.status, &round.rules).0.to_owned(),
                totals.valid.to_string(),
                totals.collected.to_string(),
            ]));
        }
    }
    Ok(out)
}

/// One row per member: rank, self and cluster totals, then the cluster's
/// points per item.
pub fn scores_csv(
    ws: &Workspace,
    cluster: ClusterId,
    year_number: u16,
    lang: Lang,
) -> Result<String, DomainError> {
    let (_, year) = super::cluster_year(ws, cluster, year_number)?;
    let mut head: Vec<String> = [
        ("Hạng", "Rank"),
        ("Đơn vị", "Unit"),
        ("Tự chấm", "Self score"),
        ("Cụm chấm", "Cluster score"),
    ]
    .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
    .to_vec();
    head.extend(year.criteria.items.iter().map(|c| c.name.clone()));
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&head));
    let points = |v: Option<i64>| v.map_or_else(String::new, |p| format_signed_points(lang, p));
    for row in ranking(&year.criteria, &year.members, &year.scores) {
        let mut fields = vec![
            row.rank.map_or_else(String::new, |r| r.to_string()),
            full_name(ws, row.unit),
            points(row.self_total.map(|t| t.total)),
            points(row.cluster_total.map(|t| t.total)),
        ];
        let scores = year.scores.get(&row.unit);
        fields.extend(year.criteria.items.iter().map(|c| {
            points(
                scores
                    .and_then(|s| s.cluster_scores.get(&c.id))
                    .map(|p| i64::from(p.0)),
            )
        }));
        out.push_str(&line(&fields));
    }
    Ok(out)
}
