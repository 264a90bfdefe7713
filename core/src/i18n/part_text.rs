//! Records of an import preview in words, for showing this laptop's
//! version beside the file's, line by line.

use super::{format_points, Lang};
use crate::domain::merge::{Part, RecordKey, ScorerKey};
use crate::domain::{RoundState, Workspace};

/// What kind of record a preview item is.
pub fn record_kind(lang: Lang, key: &RecordKey) -> &'static str {
    match key {
        RecordKey::Unit(_) => lang.pick_str("Đơn vị", "Unit"),
        RecordKey::Cluster(_) => lang.pick_str("Cụm thi đua", "Cluster"),
        RecordKey::Year(..) => lang.pick_str("Năm thi đua", "Emulation year"),
        RecordKey::Scores(.., ScorerKey::SelfScore) => lang.pick_str("Điểm tự chấm", "Self scores"),
        RecordKey::Scores(.., ScorerKey::Cluster) => {
            lang.pick_str("Điểm cụm chấm", "Cluster scores")
        }
        RecordKey::Report(..) => lang.pick_str("Báo cáo thành tích", "Achievement report"),
        RecordKey::Meeting(_) => {
            lang.pick_str("Hội nghị và kết quả bỏ phiếu", "Meeting and vote results")
        }
    }
}

fn names(ws: &Workspace, ids: &[crate::domain::UnitId]) -> String {
    ids.iter()
        .map(|u| ws.unit_name(*u))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The record as `(label, value)` lines; `ws` names the units it refers to.
pub fn describe_part(lang: Lang, ws: &Workspace, part: &Part) -> Vec<(String, String)> {
    let l = |vi: &'static str, en: &'static str| lang.pick_str(vi, en).to_owned();
    let none = || l("(không có)", "(none)");
    let unit = |id: Option<crate::domain::UnitId>| id.map_or_else(none, |u| ws.unit_name(u));
    match part {
        Part::Unit(u) => vec![
            (l("Tên đầy đủ", "Full name"), u.full_name.clone()),
            (l("Tên viết tắt", "Short name"), u.short_name.clone()),
            (l("Loại đơn vị", "Kind"), u.kind.clone()),
            (l("Chỉ huy", "Commander"), u.commander.clone()),
            (l("Liên hệ", "Contact"), u.contact.clone()),
        ],
        Part::Cluster(c) => {
            let mut lines = vec![
                (l("Tên cụm", "Name"), c.name.clone()),
                (l("Số", "Number"), c.number.clone()),
                (l("Cơ quan cấp trên", "Parent body"), c.parent_org.clone()),
                (l("Ghi chú", "Notes"), c.notes.clone()),
                (
                    l("Thứ tự luân phiên", "Rotation order"),
                    names(ws, &c.units),
                ),
            ];
            // Issue 18: a regulation that was set shows, so a file's
            // differing regulation is seen in the preview.
            if *c.regulation() != crate::domain::Regulation::default() {
                lines.push((
                    l("Quy chế bỏ phiếu", "Voting regulation"),
                    super::describe_regulation(lang, c.regulation(), c.units().len() as u32),
                ));
            }
            if !c.years.is_empty() {
                let years: Vec<String> = c.years.iter().map(|y| y.year.to_string()).collect();
                lines.push((l("Các năm", "Years"), years.join(", ")));
            }
            lines
        }
        Part::Year(y) => vec![
            (l("Năm", "Year"), y.year.to_string()),
            (l("Đơn vị thành viên", "Members"), names(ws, &y.members)),
            (l("Cụm trưởng", "Leader"), unit(y.leader)),
            (l("Cụm phó", "Deputy"), unit(y.deputy)),
            (
                l("Bàn giao cờ", "Flag hand-over"),
                y.handover.as_ref().map_or_else(none, |h| {
                    format!(
                        "{} → {}, {}",
                        ws.unit_name(h.from),
                        ws.unit_name(h.to),
                        h.date
                    )
                }),
            ),
            (
                l("Bảng tiêu chí", "Criteria table"),
                lang.pick(
                    format!(
                        "{} mục, tối đa {} điểm",
                        y.criteria.items.len(),
                        format_points(lang, crate::domain::Points(y.criteria.max_total()))
                    ),
                    format!(
                        "{} items, at most {} points",
                        y.criteria.items.len(),
                        format_points(lang, crate::domain::Points(y.criteria.max_total()))
                    ),
                ),
            ),
        ],
        Part::Scores(scores) => {
            let total: u32 = scores.values().map(|p| p.0).sum();
            let mut lines = vec![(
                l("Tổng các mục đã chấm", "Sum of the items scored"),
                lang.pick(
                    format!(
                        "{} ({} mục)",
                        format_points(lang, crate::domain::Points(total)),
                        scores.len()
                    ),
                    format!(
                        "{} ({} items)",
                        format_points(lang, crate::domain::Points(total)),
                        scores.len()
                    ),
                ),
            )];
            for (item, points) in scores {
                lines.push((
                    lang.pick(format!("Mục {}", item.0), format!("Item {}", item.0)),
                    format_points(lang, *points),
                ));
            }
            lines
        }
        Part::Report(r) => {
            let mut lines = vec![(l("Nội dung", "Narrative"), r.narrative.clone())];
            for m in &r.metrics {
                lines.push((
                    m.name.clone(),
                    format!("{} {}", m.value, m.measure).trim().to_owned(),
                ));
            }
            // The dossier's sections, when written (issue 16).
            let s = &r.sections;
            for (vi, en, text) in [
                ("Hồ sơ, mục I", "Dossier, section I", &s.mission),
                ("Hồ sơ, mục II", "Dossier, section II", &s.achievements),
                ("Hồ sơ, mục III", "Dossier, section III", &s.movements),
                ("Hồ sơ, mục IV", "Dossier, section IV", &s.awards),
            ] {
                if !text.is_empty() {
                    lines.push((l(vi, en), text.clone()));
                }
            }
            lines
        }
        Part::Meeting(m) => {
            let mut lines = vec![
                (
                    l("Ngày", "Date"),
                    m.details.date.map_or_else(none, |d| d.to_string()),
                ),
                (l("Địa điểm", "Place"), m.details.place.clone()),
                (l("Chủ trì", "Chair"), m.details.chair.clone()),
            ];
            for round in &m.rounds {
                let state = match &round.state {
                    RoundState::Draft => l("chưa bỏ phiếu", "not yet voted"),
                    RoundState::Open(_) | RoundState::Paper(_) => {
                        l("đang bỏ phiếu", "vote in progress")
                    }
                    RoundState::Closed(_) => l("đã kiểm phiếu", "counted"),
                };
                lines.push((round.award.clone(), state));
            }
            lines
        }
    }
}
