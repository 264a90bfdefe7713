//! Hồ sơ đề nghị khen thưởng: the nomination dossier the leader unit sends
//! the higher council after the meeting (PRODUCT.md §7) — the nomination
//! letter (tờ trình), the meeting and vote-count minutes, and each
//! nominated unit's achievement report (báo cáo thành tích).

use super::model::{Block, Document, Header, Signature, Table};
use super::{full_name, header, meeting_context, meeting_minutes, or_blank, vote_count_minutes};
use crate::domain::{
    DomainError, Meeting, MeetingId, NominationLetter, ReportSections, RoundId, RoundKind, UnitId,
    Workspace,
};
use crate::i18n::{count_in_words, describe_threshold, format_share, format_signed_points, Lang};
use crate::rules::rounds::results;
use crate::rules::scoring::ranking;

/// A unit proposed for an award, with the count of the round that
/// nominated it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NominatedUnit {
    pub unit: UnitId,
    pub round: RoundId,
    pub votes: u32,
    /// The round's valid ballots.
    pub valid: u32,
    /// Share of the round's base, hundredths of a percent.
    pub share_bp: Option<u64>,
}

/// One award voted on at the meeting and the units its closed rounds (a
/// runoff with the round it settles) nominated, in rank order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nomination {
    pub award: String,
    /// The closed rounds of the award, in meeting order.
    pub rounds: Vec<RoundId>,
    pub units: Vec<NominatedUnit>,
}

/// The awards of a meeting's closed rounds with the units they
/// nominated, from `rules::rounds::results` (the one function of a
/// meeting's results); rehearsals are left out.
pub fn nominations(ws: &Workspace, meeting_id: MeetingId) -> Result<Vec<Nomination>, DomainError> {
    let (meeting, _, year) = meeting_context(ws, meeting_id)?;
    let mut list: Vec<(RoundId, Nomination)> = Vec::new();
    for (round_id, totals, result) in results(meeting, year) {
        let Some(round) = meeting.round(round_id) else {
            continue;
        };
        let head = match round.kind {
            RoundKind::Rehearsal => continue,
            RoundKind::Runoff { parent } => parent,
            RoundKind::Regular => round_id,
        };
        let units = result.nominated.iter().filter_map(|unit| {
            let c = result.candidates.iter().find(|c| c.unit == *unit)?;
            Some(NominatedUnit {
                unit: *unit,
                round: round_id,
                votes: c.votes,
                valid: totals.valid,
                share_bp: c.share_bp,
            })
        });
        match list.iter_mut().find(|(id, _)| *id == head) {
            Some((_, nomination)) => {
                nomination.rounds.push(round_id);
                nomination.units.extend(units);
            }
            None => list.push((
                head,
                Nomination {
                    award: round.award.clone(),
                    rounds: vec![round_id],
                    units: units.collect(),
                },
            )),
        }
    }
    Ok(list.into_iter().map(|(_, n)| n).collect())
}

/// The units the dossier carries a report for, each once, in the order
/// of the awards and their ranks.
pub fn nominated_units(ws: &Workspace, meeting_id: MeetingId) -> Result<Vec<UnitId>, DomainError> {
    Ok(units_of(&nominations(ws, meeting_id)?))
}

/// Each unit of `nominations` once, in their order.
fn units_of(nominations: &[Nomination]) -> Vec<UnitId> {
    let mut units = Vec::new();
    for n in nominations.iter().flat_map(|n| &n.units) {
        if !units.contains(&n.unit) {
            units.push(n.unit);
        }
    }
    units
}

/// What keeps the dossier from being printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DossierGap {
    /// No round of the meeting is closed: nothing to propose yet.
    NoClosedRound,
    /// The letter's "Kính gửi" is empty.
    Recipient,
    /// Nobody signs the letter: no name typed, and the leader unit's
    /// commander is not recorded.
    Signer,
}

/// The ranks a commander's record may start with, longest first so that
/// "Thượng tá" is not read as "Thượng".
const RANKS: [&str; 12] = [
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tướng",
    "Thượng tá",
    "Thượng úy",
    "Trung tá",
    "Trung úy",
    "Thiếu tá",
    "Thiếu úy",
    "Đại tá",
    "Đại úy",
];

/// The signer as a unit's commander record reads ("Đại tá Vũ Khương,
/// Cục trưởng"): rank and name, the part after a comma being the post.
fn signer_of(commander: &str) -> (String, String) {
    let person = commander.split(',').next().unwrap_or("").trim();
    for rank in RANKS {
        if let Some(rest) = person.strip_prefix(rank) {
            if rest.starts_with(' ') {
                return (rank.to_owned(), rest.trim().to_owned());
            }
        }
    }
    (String::new(), person.to_owned())
}

/// The letter as it will be printed: what the secretary kept, the signer
/// taken from the leader unit's commander while none was typed.
pub fn letter_fields(
    ws: &Workspace,
    meeting_id: MeetingId,
) -> Result<NominationLetter, DomainError> {
    let (meeting, _, year) = meeting_context(ws, meeting_id)?;
    let mut letter = meeting.letter.clone();
    if letter.signer_name.is_empty() && letter.signer_rank.is_empty() {
        if let Some(leader) = year.leader.and_then(|u| ws.unit(u)) {
            (letter.signer_rank, letter.signer_name) = signer_of(&leader.commander);
        }
    }
    Ok(letter)
}

/// What must be filled before the dossier prints; empty when it can.
pub fn dossier_gaps(ws: &Workspace, meeting_id: MeetingId) -> Result<Vec<DossierGap>, DomainError> {
    let letter = letter_fields(ws, meeting_id)?;
    let mut gaps = Vec::new();
    if nominations(ws, meeting_id)?.is_empty() {
        gaps.push(DossierGap::NoClosedRound);
    }
    if letter.recipient.trim().is_empty() {
        gaps.push(DossierGap::Recipient);
    }
    if letter.signer_name.trim().is_empty() {
        gaps.push(DossierGap::Signer);
    }
    Ok(gaps)
}

/// The letter's header: the administrative header with its own number.
fn letter_header(
    lang: Lang,
    meeting: &Meeting,
    cluster: &crate::domain::Cluster,
    number: &str,
) -> Header {
    let mut head = header(lang, cluster, &meeting.details.place, meeting.details.date);
    head.number = if number.trim().is_empty() {
        lang.pick_str("Số: ……/TTr-CTĐ", "No.: ……").to_owned()
    } else {
        format!("{} {}", lang.pick_str("Số:", "No.:"), number.trim())
    };
    head
}

/// Tờ trình đề nghị khen thưởng: from the cluster to the higher council.
pub fn nomination_letter(
    ws: &Workspace,
    meeting_id: MeetingId,
    lang: Lang,
) -> Result<Document, DomainError> {
    let (meeting, cluster, year) = meeting_context(ws, meeting_id)?;
    let letter = letter_fields(ws, meeting_id)?;
    let nominations = nominations(ws, meeting_id)?;
    let recipient = or_blank(&letter.recipient);
    let y = meeting.year;
    let mut blocks = vec![Block::Paragraph(
        lang.pick(format!("Kính gửi: {recipient}"), format!("To: {recipient}")),
    )];
    // Grounds: the cluster's rules, the scoring, the meeting and its vote.
    let mut grounds = vec![lang.pick(
        format!(
            "Căn cứ Quy chế hoạt động của {} và kế hoạch thi đua năm {y};",
            cluster.name
        ),
        format!(
            "Under the rules of {} and its emulation plan for {y};",
            cluster.name
        ),
    )];
    let scored = ranking(&year.criteria, &year.members, &year.scores)
        .iter()
        .filter(|r| r.cluster_total.is_some())
        .count();
    if scored > 0 {
        let n = count_in_words(lang, scored as u32);
        grounds.push(lang.pick(
            format!("Căn cứ kết quả chấm điểm, xếp hạng thi đua năm {y} của cụm ({n} đơn vị được chấm điểm);"),
            format!("Under the cluster's scoring and ranking for {y} ({n} units scored);"),
        ));
    }
    let place = or_blank(&meeting.details.place);
    let date = meeting.details.date.map_or_else(
        || lang.pick_str("ngày …… tháng …… năm ……", "……").to_owned(),
        |d| super::date_in_words(lang, d),
    );
    let all = results(meeting, year);
    let first = all.first().map(|(_, t, _)| (t.present, t.entitled));
    let attendance = first.map_or_else(String::new, |(present, entitled)| {
        let (p, e) = (
            count_in_words(lang, present),
            count_in_words(lang, entitled),
        );
        lang.pick(
            format!(", có mặt {p} trên {e} đại biểu có quyền bỏ phiếu"),
            format!(", {p} of the {e} entitled voters present"),
        )
    });
    grounds.push(lang.pick(
        format!("Căn cứ Biên bản hội nghị tổng kết công tác thi đua, khen thưởng năm {y} của {} tại {place}, {date}{attendance}, và kết quả bỏ phiếu kín ghi trong các biên bản kiểm phiếu kèm theo.", cluster.name),
        format!("Under the minutes of the meeting of {} reviewing emulation and awards in {y}, held in {place} on {date}{attendance}, and the secret ballots recorded in the attached vote-count minutes.", cluster.name),
    ));
    blocks.push(Block::Items(grounds));
    blocks.push(Block::Paragraph(lang.pick(
        format!(
            "{} kính đề nghị {recipient} xem xét, khen thưởng các đơn vị sau:",
            cluster.name
        ),
        format!(
            "{} proposes that {recipient} consider the following units for awards:",
            cluster.name
        ),
    )));
    for (idx, nomination) in nominations.iter().enumerate() {
        let rules = nomination
            .rounds
            .first()
            .and_then(|r| meeting.round(*r))
            .map(|r| describe_threshold(lang, &r.rules))
            .unwrap_or_default();
        blocks.push(Block::Heading(format!("{}. {}", idx + 1, nomination.award)));
        if nomination.units.is_empty() {
            blocks.push(Block::Paragraph(
                lang.pick_str(
                    "Không có đơn vị nào đủ điều kiện đề nghị.",
                    "No unit qualified to be proposed.",
                )
                .to_owned(),
            ));
            continue;
        }
        blocks.push(Block::Paragraph(lang.pick(
            format!("Điều kiện trúng: {rules}."),
            format!("To be proposed: {rules}."),
        )));
        blocks.push(Block::Table(Table {
            head: [
                ("STT", "No."),
                ("Đơn vị", "Unit"),
                ("Số phiếu đồng ý / hợp lệ", "Votes / valid ballots"),
                ("Tỷ lệ", "Share"),
            ]
            .iter()
            .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
            .collect(),
            rows: nomination
                .units
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let mut name = full_name(ws, n.unit);
                    if meeting
                        .round(n.round)
                        .is_some_and(|r| matches!(r.kind, RoundKind::Runoff { .. }))
                    {
                        name.push_str(lang.pick_str(" (bầu lại)", " (runoff)"));
                    }
                    vec![
                        (i + 1).to_string(),
                        name,
                        format!("{}/{}", n.votes, n.valid),
                        n.share_bp
                            .map_or_else(|| "—".to_owned(), |bp| format_share(lang, bp)),
                    ]
                })
                .collect(),
            numeric: vec![true, false, true, true],
        }));
    }
    blocks.push(Block::Heading(
        lang.pick_str("Hồ sơ kèm theo", "Attached documents")
            .to_owned(),
    ));
    blocks.push(Block::Items(attachments(ws, meeting, &nominations, lang)));
    blocks.push(Block::Paragraph(lang.pick(
        format!("Kính đề nghị {recipient} xem xét, quyết định./."),
        format!("We respectfully ask {recipient} to consider and decide."),
    )));
    let leader = year.leader.map(|u| full_name(ws, u).to_uppercase());
    let title = match leader {
        Some(unit) => lang.pick(
            format!("TM. ĐƠN VỊ CỤM TRƯỞNG — {unit}"),
            format!("FOR THE LEADER UNIT — {unit}"),
        ),
        None => lang
            .pick_str("TM. ĐƠN VỊ CỤM TRƯỞNG", "FOR THE LEADER UNIT")
            .to_owned(),
    };
    let signer = format!("{} {}", letter.signer_rank, letter.signer_name)
        .trim()
        .to_owned();
    Ok(Document {
        header: letter_header(lang, meeting, cluster, &letter.number),
        title: lang.pick_str("TỜ TRÌNH", "NOMINATION LETTER").to_owned(),
        subtitle: Some(lang.pick(
            format!("Về việc đề nghị khen thưởng thi đua năm {y}"),
            format!("Proposal of emulation awards for {y}"),
        )),
        blocks,
        signatures: vec![Signature {
            title,
            name: signer,
        }],
        fingerprint: super::minutes::fingerprint_line(lang, ws, meeting),
    })
}

/// The list of documents attached to the letter, in the bundle's order.
fn attachments(
    ws: &Workspace,
    meeting: &Meeting,
    nominations: &[Nomination],
    lang: Lang,
) -> Vec<String> {
    let mut items = vec![lang
        .pick_str("Biên bản hội nghị", "Minutes of the meeting")
        .to_owned()];
    for nomination in nominations {
        for round in &nomination.rounds {
            let runoff = meeting
                .round(*round)
                .is_some_and(|r| matches!(r.kind, RoundKind::Runoff { .. }));
            let award = if runoff {
                format!(
                    "{}{}",
                    nomination.award,
                    lang.pick_str(" (bầu lại)", " (runoff)")
                )
            } else {
                nomination.award.clone()
            };
            items.push(lang.pick(
                format!("Biên bản kiểm phiếu: {award}"),
                format!("Vote-count minutes: {award}"),
            ));
        }
    }
    for n in units_of(nominations) {
        items.push(lang.pick(
            format!("Báo cáo thành tích của {}", full_name(ws, n)),
            format!("Achievement report of {}", full_name(ws, n)),
        ));
    }
    items
}

/// The sections of a unit's report as they will be printed: each one
/// the secretary edited, the others built from the unit's data.
pub fn report_sections(
    ws: &Workspace,
    meeting_id: MeetingId,
    unit_id: UnitId,
    lang: Lang,
) -> Result<ReportSections, DomainError> {
    let (_, _, year) = meeting_context(ws, meeting_id)?;
    let built = built_sections(ws, meeting_id, unit_id, lang)?;
    let kept = year
        .reports
        .get(&unit_id)
        .map(|r| r.sections.clone())
        .unwrap_or_default();
    let pick = |kept: String, built: String| if kept.is_empty() { built } else { kept };
    Ok(ReportSections {
        mission: pick(kept.mission, built.mission),
        achievements: pick(kept.achievements, built.achievements),
        movements: pick(kept.movements, built.movements),
        awards: pick(kept.awards, built.awards),
    })
}

/// What to keep of sections as typed: a section left as the unit's data
/// builds it is not kept, so it goes on following the data (and the
/// language of the interface).
pub fn sections_to_keep(typed: ReportSections, built: &ReportSections) -> ReportSections {
    let keep = |typed: String, built: &str| {
        if typed.trim() == built.trim() {
            String::new()
        } else {
            typed
        }
    };
    ReportSections {
        mission: keep(typed.mission, &built.mission),
        achievements: keep(typed.achievements, &built.achievements),
        movements: keep(typed.movements, &built.movements),
        awards: keep(typed.awards, &built.awards),
    }
}

/// The sections of a unit's report as its data builds them, in `lang`:
/// the unit and its mission from its record and the year's roles, the
/// achievements from its report's narrative; the movements and the
/// awards received are the secretary's to write.
pub fn built_sections(
    ws: &Workspace,
    meeting_id: MeetingId,
    unit_id: UnitId,
    lang: Lang,
) -> Result<ReportSections, DomainError> {
    let (meeting, cluster, year) = meeting_context(ws, meeting_id)?;
    let unit = ws.unit(unit_id).ok_or(DomainError::UnknownUnit(unit_id))?;
    let report = year.reports.get(&unit_id).cloned().unwrap_or_default();
    let role = if year.leader == Some(unit_id) {
        lang.pick_str(", đơn vị cụm trưởng", ", the leader unit")
    } else if year.deputy == Some(unit_id) {
        lang.pick_str(", đơn vị cụm phó", ", the deputy unit")
    } else {
        ""
    };
    let kind = if unit.kind.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", unit.kind.trim())
    };
    let mut mission = lang.pick(
        format!(
            "{}{kind} là đơn vị thành viên {} năm {}{role}.",
            unit.full_name, cluster.name, meeting.year
        ),
        format!(
            "{}{kind} is a member unit of {} in {}{role}.",
            unit.full_name, cluster.name, meeting.year
        ),
    );
    if !unit.commander.trim().is_empty() {
        mission.push(' ');
        mission.push_str(&lang.pick(
            format!("Chỉ huy đơn vị: {}.", unit.commander.trim()),
            format!("Commander: {}.", unit.commander.trim()),
        ));
    }
    Ok(ReportSections {
        mission,
        achievements: report.narrative.trim().to_owned(),
        movements: String::new(),
        awards: String::new(),
    })
}

/// A section's text as paragraphs (one a line), or a blank to fill.
fn section_blocks(text: &str) -> Vec<Block> {
    let lines: Vec<Block> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Block::Paragraph(l.to_owned()))
        .collect();
    if lines.is_empty() {
        vec![Block::Paragraph(or_blank(""))]
    } else {
        lines
    }
}

/// Báo cáo thành tích of a unit nominated at the meeting, in the usual
/// outline: the unit and its mission, the year's achievements with its
/// metrics, scores and votes, the emulation movements, the awards already
/// received.
pub fn achievement_report(
    ws: &Workspace,
    meeting_id: MeetingId,
    unit_id: UnitId,
    lang: Lang,
) -> Result<Document, DomainError> {
    let (meeting, cluster, year) = meeting_context(ws, meeting_id)?;
    let unit = ws.unit(unit_id).ok_or(DomainError::UnknownUnit(unit_id))?;
    let sections = report_sections(ws, meeting_id, unit_id, lang)?;
    let report = year.reports.get(&unit_id).cloned().unwrap_or_default();
    let proposed: Vec<(String, NominatedUnit)> = nominations(ws, meeting_id)?
        .into_iter()
        .flat_map(|n| {
            let award = n.award;
            n.units
                .into_iter()
                .filter(|u| u.unit == unit_id)
                .map(move |u| (award.clone(), u))
        })
        .collect();
    let y = meeting.year;
    let mut blocks = vec![Block::Heading(
        lang.pick_str(
            "I. ĐẶC ĐIỂM, TÌNH HÌNH VÀ NHIỆM VỤ",
            "I. THE UNIT AND ITS MISSION",
        )
        .to_owned(),
    )];
    blocks.extend(section_blocks(&sections.mission));
    blocks.push(Block::Heading(lang.pick(
        format!("II. THÀNH TÍCH ĐẠT ĐƯỢC NĂM {y}"),
        format!("II. ACHIEVEMENTS IN {y}"),
    )));
    blocks.extend(section_blocks(&sections.achievements));
    if !report.metrics.is_empty() {
        blocks.push(Block::Table(Table {
            head: [
                ("STT", "No."),
                ("Chỉ tiêu", "Figure"),
                ("Kết quả", "Result"),
                ("Đơn vị tính", "Measure"),
            ]
            .iter()
            .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
            .collect(),
            rows: report
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    vec![
                        (i + 1).to_string(),
                        m.name.clone(),
                        or_blank(&m.value),
                        m.measure.clone(),
                    ]
                })
                .collect(),
            numeric: vec![true, false, true, false],
        }));
    }
    let mut standing = Vec::new();
    let rows = ranking(&year.criteria, &year.members, &year.scores);
    if let Some(row) = rows.iter().find(|r| r.unit == unit_id) {
        if let (Some(total), Some(rank)) = (row.cluster_total, row.rank) {
            let points = format_signed_points(lang, total.total);
            let n = rows.len();
            standing.push(lang.pick(
                format!(
                    "Kết quả chấm điểm thi đua của cụm: {points} điểm, xếp thứ {rank}/{n} đơn vị."
                ),
                format!(
                    "The cluster's emulation score: {points} points, ranked {rank} of {n} units."
                ),
            ));
        }
    }
    for (award, n) in &proposed {
        let share = n
            .share_bp
            .map_or_else(|| "—".to_owned(), |bp| format_share(lang, bp));
        standing.push(lang.pick(
            format!("Hội nghị {} bỏ phiếu đề nghị tặng {award}: {}/{} phiếu hợp lệ đồng ý ({share}).", cluster.name, n.votes, n.valid),
            format!("The meeting of {} voted to propose it for {award}: {} of {} valid ballots ({share}).", cluster.name, n.votes, n.valid),
        ));
    }
    if !standing.is_empty() {
        blocks.push(Block::Items(standing));
    }
    blocks.push(Block::Heading(
        lang.pick_str("III. CÁC PHONG TRÀO THI ĐUA", "III. EMULATION MOVEMENTS")
            .to_owned(),
    ));
    blocks.extend(section_blocks(&sections.movements));
    blocks.push(Block::Heading(
        lang.pick_str(
            "IV. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN",
            "IV. AWARDS ALREADY RECEIVED",
        )
        .to_owned(),
    ));
    blocks.extend(section_blocks(&sections.awards));
    let awards: Vec<&str> = proposed.iter().map(|(a, _)| a.as_str()).collect();
    let mut head = header(lang, cluster, &meeting.details.place, meeting.details.date);
    head.issuer = unit.full_name.to_uppercase();
    head.number = lang.pick_str("Số: ……/BC", "No.: ……").to_owned();
    Ok(Document {
        header: head,
        title: lang
            .pick_str("BÁO CÁO THÀNH TÍCH", "ACHIEVEMENT REPORT")
            .to_owned(),
        subtitle: Some(if awards.is_empty() {
            lang.pick(format!("Năm {y}"), format!("Year {y}"))
        } else {
            lang.pick(
                format!("Đề nghị tặng {} năm {y}", awards.join(", ")),
                format!("Proposed for {}, {y}", awards.join(", ")),
            )
        }),
        blocks,
        signatures: vec![
            Signature {
                title: lang
                    .pick_str(
                        "XÁC NHẬN CỦA ĐƠN VỊ CỤM TRƯỞNG",
                        "CONFIRMED BY THE LEADER UNIT",
                    )
                    .to_owned(),
                name: String::new(),
            },
            Signature {
                title: lang
                    .pick_str("THỦ TRƯỞNG ĐƠN VỊ", "COMMANDER OF THE UNIT")
                    .to_owned(),
                name: {
                    let (rank, name) = signer_of(&unit.commander);
                    format!("{rank} {name}").trim().to_owned()
                },
            },
        ],
        fingerprint: None,
    })
}

/// The whole dossier in print order: the letter, the meeting minutes,
/// each closed round's vote-count minutes, each nominated unit's report.
pub fn dossier(
    ws: &Workspace,
    meeting_id: MeetingId,
    lang: Lang,
) -> Result<Vec<Document>, DomainError> {
    let mut documents = vec![
        nomination_letter(ws, meeting_id, lang)?,
        meeting_minutes(ws, meeting_id, lang)?,
    ];
    for nomination in nominations(ws, meeting_id)? {
        for round in nomination.rounds {
            documents.push(vote_count_minutes(ws, meeting_id, round, lang)?);
        }
    }
    for unit in nominated_units(ws, meeting_id)? {
        documents.push(achievement_report(ws, meeting_id, unit, lang)?);
    }
    Ok(documents)
}
