//! The built-in sample: Cụm thi đua số 8 BĐBP in 2024, from the news report
//! of its closing meeting on 3 October 2024 (PRODUCT.md, introduction).

use crate::domain::{
    AchievementReport, ClusterDraft, ClusterId, Date, DomainError, Handover, Metric, UnitDraft,
    UnitId, Workspace, YearDraft,
};

/// The eight units in the order the report lists them, which is also the
/// rotation order: the flag passed from Cục Kỹ thuật to Lữ đoàn Thông tin 21.
const UNITS: [(&str, &str, &str, &str); 8] = [
    ("Bộ Tham mưu BĐBP", "Bộ Tham mưu", "Cơ quan", ""),
    ("Cục Chính trị BĐBP", "Cục Chính trị", "Cơ quan", ""),
    ("Cục Trinh sát BĐBP", "Cục Trinh sát", "Cơ quan", ""),
    (
        "Cục Phòng chống ma túy và tội phạm BĐBP",
        "Cục PCMT&TP",
        "Cơ quan",
        "",
    ),
    ("Cục Cửa khẩu BĐBP", "Cục Cửa khẩu", "Cơ quan", ""),
    ("Cục Hậu cần BĐBP", "Cục Hậu cần", "Cơ quan", ""),
    (
        "Cục Kỹ thuật BĐBP",
        "Cục Kỹ thuật",
        "Cơ quan",
        "Đại tá Vũ Khương, Cục trưởng",
    ),
    ("Lữ đoàn Thông tin 21 BĐBP", "Lữ đoàn TT 21", "Lữ đoàn", ""),
];

pub const SAMPLE_CLUSTER_NAME: &str = "Cụm thi đua số 8 BĐBP";
pub const SAMPLE_YEAR: u16 = 2024;

/// Adds the sample cluster to `workspace`, reusing units that already exist
/// under the same name. `new_id` makes fresh ids. Refused, with nothing
/// changed, when the sample cluster is already there.
pub fn load_sample(
    workspace: &mut Workspace,
    mut new_id: impl FnMut() -> u64,
) -> Result<ClusterId, DomainError> {
    let mut draft_workspace = workspace.clone();
    let cluster_id = ClusterId(new_id());
    draft_workspace.add_cluster(
        cluster_id,
        ClusterDraft {
            name: SAMPLE_CLUSTER_NAME.to_owned(),
            number: "8".to_owned(),
            parent_org: "Bộ Tư lệnh Bộ đội Biên phòng".to_owned(),
            notes: "Hội nghị tổng kết công tác thi đua, khen thưởng và phong trào thi đua \
                    Quyết thắng năm 2024, Hà Nội, 03/10/2024."
                .to_owned(),
        },
    )?;
    let mut members = Vec::with_capacity(UNITS.len());
    for (full_name, short_name, kind, commander) in UNITS {
        let existing = draft_workspace
            .units
            .iter()
            .find(|u| u.full_name == full_name)
            .map(|u| u.id);
        let id = match existing {
            Some(id) => {
                draft_workspace.add_unit_to_cluster(cluster_id, id)?;
                id
            }
            None => {
                let id = UnitId(new_id());
                let draft = UnitDraft {
                    full_name: full_name.to_owned(),
                    short_name: short_name.to_owned(),
                    kind: kind.to_owned(),
                    commander: commander.to_owned(),
                    contact: String::new(),
                };
                draft_workspace.add_unit(id, draft, Some(cluster_id))?;
                id
            }
        };
        members.push(id);
    }
    let technical = members[6];
    let signal_brigade = members[7];
    draft_workspace.add_year(
        cluster_id,
        SAMPLE_YEAR,
        YearDraft {
            members: members.clone(),
            leader: Some(technical),
            deputy: None,
        },
    )?;
    let handover_date = Date::new(2024, 10, 3).ok_or(DomainError::UnknownYear(SAMPLE_YEAR))?;
    draft_workspace.set_handover(
        cluster_id,
        SAMPLE_YEAR,
        Some(Handover {
            from: technical,
            to: signal_brigade,
            date: handover_date,
            place: String::new(),
            note: "Tại Hội nghị tổng kết, Hà Nội".to_owned(),
        }),
    )?;
    for (idx, report) in reports() {
        draft_workspace.set_report(cluster_id, SAMPLE_YEAR, members[idx], report)?;
    }
    *workspace = draft_workspace;
    Ok(cluster_id)
}

/// The figures the news report gives, by unit (index into `UNITS`).
fn reports() -> Vec<(usize, AchievementReport)> {
    let metric = |name: &str, value: &str, measure: &str| Metric {
        name: name.into(),
        value: value.into(),
        measure: measure.into(),
    };
    vec![
        (
            3,
            AchievementReport {
                narrative: "Chủ trì, phối hợp đấu tranh 17 chuyên án; bắt giữ, xử lý 90 vụ/194 đối tượng; thu 766,33 kg ma túy các loại, \
                            30.000 lít dầu DO, 26.400 bao thuốc lá lậu và nhiều tang vật khác trị giá hơn 30 tỷ đồng."
                    .into(),
                metrics: vec![
                    metric("Chuyên án chủ trì, phối hợp đấu tranh", "17", "chuyên án"),
                    metric("Vụ việc bắt giữ, xử lý", "90", "vụ"),
                    metric("Đối tượng bắt giữ, xử lý", "194", "đối tượng"),
                    metric("Ma túy thu giữ", "766,33", "kg"),
                    metric("Dầu DO thu giữ", "30.000", "lít"),
                    metric("Thuốc lá lậu thu giữ", "26.400", "bao"),
                ],
                ..AchievementReport::default()
            },
        ),
        (
            4,
            AchievementReport {
                narrative: "Làm thủ tục xuất, nhập cảnh tại các cửa khẩu do Bộ Quốc phòng quản lý; triển khai cửa khẩu thông minh \
                            tại Hữu Nghị, Tân Thanh (Lạng Sơn)."
                    .into(),
                metrics: vec![
                    metric("Người xuất, nhập cảnh", "19.832.311", "người"),
                    metric("Phương tiện xuất, nhập cảnh", "2.074.286", "phương tiện"),
                    metric("Hàng hóa xuất, nhập khẩu", "426.285.845", "tấn"),
                    metric("Người Việt Nam được các nước trao trả", "5.327", "người"),
                    metric("Đối tượng người nước ngoài trao trả", "679", "đối tượng"),
                ],
                ..AchievementReport::default()
            },
        ),
        (
            7,
            AchievementReport {
                narrative: "Bảo đảm thông tin liên lạc thường xuyên, đột xuất, sẵn sàng chiến đấu, ứng phó thiên tai và tìm kiếm cứu nạn."
                    .into(),
                metrics: vec![metric("Ứng cứu khắc phục sự cố thông tin", "27", "lượt")],
                ..AchievementReport::default()
            },
        ),
    ]
}

/// A large workspace for benchmarks: `clusters` clusters of `units` units
/// each, `years` years each (from 2015), every unit self- and
/// cluster-scored on every item with a report, and each year's meeting
/// with one booth round voted by every member and closed. Deterministic.
pub fn large_workspace(clusters: u64, years: u16, units: u64) -> Result<Workspace, DomainError> {
    use crate::domain::{MeetingId, Points, Quota, RoundDraft, RoundId, RoundRules, Scorer};
    let mut ws = Workspace::default();
    let mut next_id = 1_000_000u64;
    let mut fresh = move || {
        next_id += 1;
        next_id
    };
    for c in 0..clusters {
        let cluster = ClusterId(fresh());
        ws.add_cluster(
            cluster,
            ClusterDraft {
                name: format!("Cụm thi đua số {}", c + 1),
                number: (c + 1).to_string(),
                parent_org: "Bộ Tư lệnh Bộ đội Biên phòng".to_owned(),
                notes: String::new(),
            },
        )?;
        let mut members = Vec::new();
        for u in 0..units {
            let id = UnitId(fresh());
            let draft = UnitDraft {
                full_name: format!("Đồn Biên phòng số {} cụm {}", u + 1, c + 1),
                short_name: format!("Đồn {}", u + 1),
                kind: "Đồn Biên phòng".to_owned(),
                commander: "Thiếu tá Nguyễn Văn A, Đồn trưởng".to_owned(),
                contact: "0912 345 678".to_owned(),
            };
            ws.add_unit(id, draft, Some(cluster))?;
            members.push(id);
        }
        for y in 0..years {
            let year = 2015 + y;
            let leader = members[usize::from(y) % members.len()];
            let deputy = members[(usize::from(y) + 1) % members.len()];
            ws.add_year(
                cluster,
                year,
                YearDraft {
                    members: members.clone(),
                    leader: Some(leader),
                    deputy: Some(deputy),
                },
            )?;
            let items: Vec<_> = ws
                .cluster(cluster)
                .and_then(|c| c.year(year))
                .map(|y| y.criteria.items.iter().map(|i| (i.id, i.max)).collect())
                .unwrap_or_default();
            for (rank, unit) in members.iter().enumerate() {
                for (item, max) in &items {
                    let points = Points(max.0.saturating_sub(25 * rank as u32 % max.0.max(1)));
                    ws.set_score(cluster, year, *unit, Scorer::SelfScore, *item, Some(*max))?;
                    ws.set_score(cluster, year, *unit, Scorer::Cluster, *item, Some(points))?;
                }
                ws.set_report(
                    cluster,
                    year,
                    *unit,
                    AchievementReport {
                        narrative: format!(
                            "Năm {year}, đơn vị hoàn thành tốt nhiệm vụ quản lý, bảo vệ biên giới; \
                             phối hợp chặt chẽ với các lực lượng trên địa bàn."
                        ),
                        metrics: vec![
                            Metric {
                                name: "Chuyên án đấu tranh thành công".to_owned(),
                                value: (rank + 3).to_string(),
                                measure: "chuyên án".to_owned(),
                            },
                            Metric {
                                name: "Người, phương tiện xuất nhập cảnh".to_owned(),
                                value: format!("{}.{:03}", 10 + rank, y),
                                measure: "lượt".to_owned(),
                            },
                        ],
                        ..AchievementReport::default()
                    },
                )?;
            }
            let meeting = MeetingId(fresh());
            ws.add_meeting(meeting, cluster, year)?;
            let round = RoundId(fresh());
            ws.add_round(
                meeting,
                round,
                RoundDraft {
                    award: "Cờ thi đua của Bộ Tư lệnh BĐBP".to_owned(),
                    rules: RoundRules {
                        quota: Quota::Fixed(3),
                        ..RoundRules::default()
                    },
                    candidates: members.clone(),
                    rehearsal: false,
                },
            )?;
            booth_vote(&mut ws, meeting, round, &members, |who| {
                (0..3)
                    .map(|k| members[(who + k * 2) % members.len()])
                    .collect()
            })?;
        }
    }
    Ok(ws)
}

/// The award every generated cluster votes on first.
pub const COUNCIL_SAMPLE_AWARD: &str = "Cờ thi đua của Bộ Tư lệnh BĐBP";

/// Results files of `clusters` generated clusters of year 2024, for the
/// council's tests and benchmark (issue 17): cluster k has 8–15 units and
/// a meeting with one closed booth round for `COUNCIL_SAMPLE_AWARD` (one
/// place, every member present and voting; its first unit wins by a clear
/// majority). With `duplicate`, cluster 2's winner bears the same name as
/// cluster 1's: the same unit nominated by two clusters. Each entry is the
/// file's name and text. Deterministic.
pub fn council_sample_files(
    clusters: usize,
    duplicate: bool,
    exported_at: &str,
) -> Result<Vec<(String, String)>, DomainError> {
    use crate::domain::{MeetingId, Quota, RoundDraft, RoundId, RoundRules};
    let mut out = Vec::with_capacity(clusters);
    for k in 1..=clusters {
        let mut ws = Workspace::default();
        let mut next_id = (k as u64) * 1_000_000;
        let mut fresh = move || {
            next_id += 1;
            next_id
        };
        let cluster = ClusterId(fresh());
        ws.add_cluster(
            cluster,
            ClusterDraft {
                name: format!("Cụm thi đua số {k}"),
                number: k.to_string(),
                parent_org: "Bộ Tư lệnh Bộ đội Biên phòng".to_owned(),
                notes: String::new(),
            },
        )?;
        let size = 8 + (k * 5) % 8;
        let mut members = Vec::with_capacity(size);
        for u in 1..=size {
            let full_name = if duplicate && k == 2 && u == 1 {
                "Đồn Biên phòng số 1 cụm 1".to_owned()
            } else {
                format!("Đồn Biên phòng số {u} cụm {k}")
            };
            let id = UnitId(fresh());
            ws.add_unit(
                id,
                UnitDraft {
                    full_name,
                    ..UnitDraft::default()
                },
                Some(cluster),
            )?;
            members.push(id);
        }
        ws.add_year(
            cluster,
            2024,
            YearDraft {
                members: members.clone(),
                leader: members.first().copied(),
                deputy: members.get(1).copied(),
            },
        )?;
        let meeting = MeetingId(fresh());
        ws.add_meeting(meeting, cluster, 2024)?;
        let round = RoundId(fresh());
        ws.add_round(
            meeting,
            round,
            RoundDraft {
                award: COUNCIL_SAMPLE_AWARD.to_owned(),
                rules: RoundRules {
                    quota: Quota::Fixed(1),
                    ..RoundRules::default()
                },
                candidates: members.clone(),
                rehearsal: false,
            },
        )?;
        // Three in four approve the first unit; the rest spread.
        booth_vote(&mut ws, meeting, round, &members, |who| {
            if who % 4 == 3 {
                vec![members[1 + who % (members.len() - 1)]]
            } else {
                vec![members[0]]
            }
        })?;
        let name = crate::exchange::file_name(
            crate::exchange::FileKind::Results,
            &[&format!("cum-{k}"), "2024"],
        );
        let text = crate::exchange::results_file(&ws, meeting, exported_at)
            .ok_or(DomainError::UnknownMeeting)?;
        out.push((name, text));
    }
    Ok(out)
}

/// Opens `round` in the booth, every one of `members` present and voting
/// (one per unit) for `picks(position)`, and closes it.
fn booth_vote(
    ws: &mut Workspace,
    meeting: crate::domain::MeetingId,
    round: crate::domain::RoundId,
    members: &[UnitId],
    picks: impl Fn(usize) -> Vec<UnitId>,
) -> Result<(), DomainError> {
    use crate::domain::VoterId;
    crate::rules::rounds::open_round(ws, meeting, round, "2468")?;
    for unit in members {
        ws.set_present(meeting, round, VoterId(unit.0), true)?;
    }
    for (who, unit) in members.iter().enumerate() {
        ws.start_ballot(meeting, round, VoterId(unit.0))?;
        ws.submit_ballot(meeting, round, picks(who))?;
        ws.unlock_booth(meeting, round, "2468")?;
    }
    ws.close_round(meeting, round)
}
