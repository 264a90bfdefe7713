//! Biên bản kiểm phiếu (per round) and biên bản hội nghị (the meeting).

use super::model::{Block, Document, Signature, Table};
use super::{date_in_words, full_name, header, meeting_context, or_blank};
use crate::domain::{
    BlankBallot, CommitteeMember, CommitteeRole, CountSource, DomainError, Meeting, MeetingId,
    Round, RoundId, RoundKind, RoundState, Totals, UnitId, Voters, Workspace,
};
use crate::exchange::results_fingerprint;
use crate::i18n::{
    committee_role, count_in_words, describe_quota, describe_regulation, describe_status,
    describe_threshold, describe_tie_break, format_share, Lang,
};
use crate::rules::rounds::results;
use crate::rules::tally::RoundResult;

fn names(ws: &Workspace, units: &[UnitId]) -> String {
    units
        .iter()
        .map(|u| full_name(ws, *u))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Hôm nay, hồi 08:00 ngày 03 tháng 10 năm 2024, tại Hà Nội, …"
fn opening(lang: Lang, ws: &Workspace, meeting: &Meeting, purpose: &str) -> String {
    let d = &meeting.details;
    let when = d.date.map_or_else(
        || lang.pick_str("ngày …… tháng …… năm ……", "on ……").to_owned(),
        |date| match lang {
            Lang::Vi => date_in_words(lang, date),
            Lang::En => format!("on {}", date_in_words(lang, date)),
        },
    );
    let cluster = ws.cluster_name(meeting.cluster);
    lang.pick(
        format!(
            "Hôm nay, hồi {} {when}, tại {}, {cluster} tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm {}{purpose}.",
            or_blank(&d.time),
            or_blank(&d.place),
            meeting.year
        ),
        format!(
            "At {} {when}, in {}, {cluster} held its meeting to review the emulation and awards of {}{purpose}.",
            or_blank(&d.time),
            or_blank(&d.place),
            meeting.year
        ),
    )
}

fn officers(lang: Lang, meeting: &Meeting) -> Vec<String> {
    let d = &meeting.details;
    let mut items = vec![
        lang.pick(
            format!("Chủ trì: {}", or_blank(&d.chair)),
            format!("Chair: {}", or_blank(&d.chair)),
        ),
        lang.pick(
            format!("Thư ký: {}", or_blank(&d.secretary)),
            format!("Secretary: {}", or_blank(&d.secretary)),
        ),
    ];
    if !d.directing_officer.trim().is_empty() {
        items.push(lang.pick(
            format!("Đại diện cơ quan chỉ đạo: {}", d.directing_officer),
            format!("Directing officer: {}", d.directing_officer),
        ));
    }
    items
}

pub(super) fn fingerprint_line(lang: Lang, ws: &Workspace, meeting: &Meeting) -> Option<String> {
    let closed = meeting
        .rounds
        .iter()
        .filter(|r| matches!(r.state, RoundState::Closed(_)))
        .count();
    let print = results_fingerprint(ws, meeting.id)?;
    Some(lang.pick(
        format!("Mã kiểm tra tệp kết quả: {print} (16 chữ số đầu của SHA-256 tệp kết quả hội nghị, tính trên {closed} vòng đã kết thúc). Đơn vị nhận tệp đối chiếu mã này với mã hiện khi mở tệp."),
        format!("Results file fingerprint: {print} (the first 16 digits of the SHA-256 of the meeting's results file, over {closed} closed rounds). Whoever receives the file compares it with the code shown when the file is opened."),
    ))
}

fn counts_items(lang: Lang, totals: &Totals) -> Vec<String> {
    let line = |vi: &'static str, en: &'static str, n: u32| {
        format!("{}: {}", lang.pick_str(vi, en), count_in_words(lang, n))
    };
    vec![
        line(
            "Số đại biểu có quyền bỏ phiếu",
            "Voters entitled",
            totals.entitled,
        ),
        line("Số đại biểu có mặt", "Voters present", totals.present),
        line("Số phiếu phát ra", "Ballots issued", totals.issued),
        line("Số phiếu thu về", "Ballots collected", totals.collected),
        line("Số phiếu hợp lệ", "Valid ballots", totals.valid),
        line("Số phiếu không hợp lệ", "Invalid ballots", totals.invalid),
    ]
}

fn conclusion(lang: Lang, ws: &Workspace, round: &Round, result: &RoundResult) -> String {
    let mut text = if result.nominated.is_empty() {
        lang.pick(
            format!("Không có đơn vị nào đủ điều kiện đề nghị {}.", round.award),
            format!("No unit qualifies to be proposed for {}.", round.award),
        )
    } else {
        let n = count_in_words(lang, result.nominated.len() as u32);
        let units = names(ws, &result.nominated);
        lang.pick(
            format!("Có {n} đơn vị được đề nghị {}: {units}.", round.award),
            format!(
                "{n} {} proposed for {}: {units}.",
                if result.nominated.len() == 1 {
                    "unit"
                } else {
                    "units"
                },
                round.award
            ),
        )
    };
    if let Some((tied, places)) = &result.runoff {
        let (units, n) = (names(ws, tied), count_in_words(lang, *places));
        text.push(' ');
        text.push_str(&lang.pick(
            format!(
                "Các đơn vị bằng phiếu ở vị trí cuối: {units}; bầu lại cho {n} vị trí còn lại."
            ),
            format!(
                "Tied at the quota line: {units}; a runoff for the {n} {} left.",
                if *places == 1 { "place" } else { "places" }
            ),
        ));
    } else if result.unfilled > 0 {
        let n = count_in_words(lang, result.unfilled);
        text.push(' ');
        text.push_str(&lang.pick(
            format!("Còn {n} vị trí chưa có đơn vị đạt."),
            format!(
                "{n} {} left unfilled.",
                if result.unfilled == 1 {
                    "place is"
                } else {
                    "places are"
                }
            ),
        ));
    }
    if result
        .candidates
        .iter()
        .any(|c| c.status == crate::rules::tally::Status::NominatedByLots)
    {
        text.push(' ');
        text.push_str(&lang.pick(
            format!("Bốc thăm với số hạt giống {}.", round.rules.lots_seed),
            format!("Lots drawn with seed {}.", round.rules.lots_seed),
        ));
    }
    text
}

fn how_counted(lang: Lang, round: &Round) -> String {
    match &round.state {
        RoundState::Closed(count) => match &count.source {
            CountSource::Booth => lang
                .pick_str(
                    "Hình thức: bỏ phiếu kín trên máy tính dùng chung.",
                    "Form: secret ballot on the shared laptop.",
                )
                .to_owned(),
            CountSource::Paper(paper) => lang.pick(
                format!("Hình thức: bỏ phiếu kín bằng phiếu giấy; phiếu được nhập hai lượt độc lập, ban kiểm phiếu đối chiếu {} phiếu khác nhau (sổ nhập phiếu kèm theo).", paper.settlements.len()),
                format!("Form: secret paper ballot; ballots entered in two independent passes, the committee settled {} differing ballots (entry log attached).", paper.settlements.len()),
            ),
            CountSource::Hand(_) => lang
                .pick_str(
                    "Hình thức: bỏ phiếu kín bằng phiếu giấy, ban kiểm phiếu kiểm bằng tay.",
                    "Form: secret paper ballot, counted by hand by the committee.",
                )
                .to_owned(),
        },
        _ => String::new(),
    }
}

/// The counting committee's signature block: its head first (the first
/// member when none is named head), then each other member with their role
/// in the document's language.
fn committee_signatures(lang: Lang, committee: &[CommitteeMember]) -> Vec<Signature> {
    let head = committee
        .iter()
        .position(|m| m.role == CommitteeRole::Head)
        .unwrap_or(0);
    let mut list = Vec::new();
    if let Some(member) = committee.get(head) {
        list.push(Signature {
            title: lang
                .pick_str("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING COMMITTEE")
                .to_owned(),
            name: member.name.clone(),
        });
    }
    for (idx, member) in committee.iter().enumerate() {
        if idx != head {
            list.push(Signature {
                title: committee_role(lang, &member.role).to_uppercase(),
                name: member.name.clone(),
            });
        }
    }
    list
}

fn signatures(lang: Lang, meeting: &Meeting, with_committee: bool) -> Vec<Signature> {
    let d = &meeting.details;
    let mut list = Vec::new();
    if with_committee {
        list.extend(committee_signatures(lang, &d.committee));
    }
    list.push(Signature {
        title: lang.pick_str("THƯ KÝ", "SECRETARY").to_owned(),
        name: d.secretary.clone(),
    });
    list.push(Signature {
        title: lang.pick_str("CHỦ TRÌ HỘI NGHỊ", "CHAIR").to_owned(),
        name: d.chair.clone(),
    });
    list
}

fn approval_line(lang: Lang) -> String {
    lang.pick_str(
        "Biên bản lập xong hồi …… giờ …… phút cùng ngày, đã đọc lại trước hội nghị và được nhất trí thông qua.",
        "These minutes were completed at …… h …… the same day, read out to the meeting and approved.",
    )
    .to_owned()
}

/// Biên bản kiểm phiếu of one closed round.
pub fn vote_count_minutes(
    ws: &Workspace,
    meeting_id: MeetingId,
    round_id: RoundId,
    lang: Lang,
) -> Result<Document, DomainError> {
    let (meeting, cluster, year) = meeting_context(ws, meeting_id)?;
    let round = meeting.round(round_id).ok_or(DomainError::UnknownRound)?;
    let (_, totals, result) = results(meeting, year)
        .into_iter()
        .find(|(id, _, _)| *id == round_id)
        .ok_or(DomainError::RoundNotClosed)?;
    let rules = &round.rules;
    let mut subtitle = lang.pick(
        format!("Bầu {}", round.award),
        format!("Vote: {}", round.award),
    );
    match round.kind {
        RoundKind::Runoff { .. } => subtitle.push_str(lang.pick_str(" (bầu lại)", " (runoff)")),
        RoundKind::Rehearsal => subtitle.push_str(lang.pick_str(
            " — DIỄN TẬP, KHÔNG CÓ GIÁ TRỊ",
            " — REHEARSAL, OF NO EFFECT",
        )),
        RoundKind::Regular => {}
    }
    let committee: Vec<String> = if meeting.details.committee.is_empty() {
        vec![lang.pick_str("(chưa ghi)", "(not recorded)").to_owned()]
    } else {
        meeting
            .details
            .committee
            .iter()
            .map(|m| format!("{} — {}", m.name, committee_role(lang, &m.role)))
            .collect()
    };
    let rows: Vec<Vec<String>> = result
        .candidates
        .iter()
        .enumerate()
        .map(|(idx, c)| {
            let (word, reason) = describe_status(lang, c.status, rules);
            vec![
                (idx + 1).to_string(),
                full_name(ws, c.unit),
                count_in_words(lang, c.votes),
                c.share_bp
                    .map_or_else(|| "—".to_owned(), |bp| format_share(lang, bp)),
                format!("{word}. {reason}"),
            ]
        })
        .collect();
    let blocks = vec![
        Block::Paragraph(opening(
            lang,
            ws,
            meeting,
            &lang.pick(format!(" và bỏ phiếu bầu {}", round.award), format!(" and voted on {}", round.award)),
        )),
        Block::Items(officers(lang, meeting)),
        Block::Heading(lang.pick_str("I. Ban kiểm phiếu", "I. Counting committee").to_owned()),
        Block::Items(committee),
        Block::Heading(lang.pick_str("II. Nguyên tắc bầu", "II. Rules of the vote").to_owned()),
        Block::Items(vec![
            format!(
                "{}: {}",
                lang.pick_str("Số đơn vị được bầu tối đa", "Units to elect, at most"),
                describe_quota(lang, rules.quota, result.places)
            ),
            format!(
                "{}: {}",
                lang.pick_str("Điều kiện trúng", "To be proposed"),
                describe_threshold(lang, rules)
            ),
            format!(
                "{}: {}",
                lang.pick_str("Khi bằng phiếu ở vị trí cuối", "A tie at the quota line"),
                describe_tie_break(lang, rules.tie_break)
            ),
            match rules.blank {
                BlankBallot::Invalid => lang.pick_str(
                    "Phiếu bầu quá số lượng hoặc không bầu đơn vị nào là phiếu không hợp lệ.",
                    "A ballot over the quota or marking no unit is invalid.",
                ),
                BlankBallot::Valid => lang.pick_str(
                    "Phiếu bầu quá số lượng là phiếu không hợp lệ; phiếu không bầu đơn vị nào vẫn hợp lệ.",
                    "A ballot over the quota is invalid; a ballot marking no unit is valid.",
                ),
            }
            .to_owned(),
            how_counted(lang, round),
        ]),
        Block::Heading(lang.pick_str("III. Kết quả kiểm phiếu", "III. Result of the count").to_owned()),
        Block::Items(counts_items(lang, &totals)),
        Block::Table(Table {
            head: [
                ("STT", "No."),
                ("Đơn vị", "Unit"),
                ("Số phiếu đồng ý", "Votes"),
                ("Tỷ lệ", "Share"),
                ("Kết quả", "Outcome"),
            ]
            .iter()
            .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
            .collect(),
            rows,
            numeric: vec![true, false, true, true, false],
        }),
        Block::Heading(lang.pick_str("IV. Kết luận", "IV. Conclusion").to_owned()),
        Block::Paragraph(conclusion(lang, ws, round, &result)),
        Block::Paragraph(approval_line(lang)),
    ];
    Ok(Document {
        header: header(lang, cluster, &meeting.details.place, meeting.details.date),
        title: lang
            .pick_str("BIÊN BẢN KIỂM PHIẾU", "VOTE-COUNT MINUTES")
            .to_owned(),
        subtitle: Some(subtitle),
        blocks,
        signatures: signatures(lang, meeting, true),
        fingerprint: fingerprint_line(lang, ws, meeting),
    })
}

/// Biên bản hội nghị: attendance, each round's conclusion, the hand-over.
pub fn meeting_minutes(
    ws: &Workspace,
    meeting_id: MeetingId,
    lang: Lang,
) -> Result<Document, DomainError> {
    let (meeting, cluster, year) = meeting_context(ws, meeting_id)?;
    let delegates_of = |unit: UnitId| match &meeting.voters {
        Voters::OnePerUnit => String::new(),
        Voters::Delegates(list) => list
            .iter()
            .filter(|d| d.unit == unit)
            .map(|d| d.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let attendance = Table {
        head: [
            ("STT", "No."),
            ("Đơn vị thành viên", "Member unit"),
            ("Đại biểu", "Delegates"),
        ]
        .iter()
        .map(|(vi, en)| lang.pick_str(vi, en).to_owned())
        .collect(),
        rows: year
            .members
            .iter()
            .enumerate()
            .map(|(idx, unit)| {
                let mut name = full_name(ws, *unit);
                if year.leader == Some(*unit) {
                    name.push_str(lang.pick_str(" (cụm trưởng)", " (leader)"));
                } else if year.deputy == Some(*unit) {
                    name.push_str(lang.pick_str(" (cụm phó)", " (deputy)"));
                }
                vec![(idx + 1).to_string(), name, delegates_of(*unit)]
            })
            .collect(),
        numeric: vec![true, false, false],
    };
    let results = results(meeting, year);
    let first_roll = results.first().map(|(_, t, _)| (t.present, t.entitled));
    let mut blocks = vec![
        Block::Paragraph(opening(lang, ws, meeting, "")),
        Block::Items(officers(lang, meeting)),
        Block::Heading(
            lang.pick_str("I. Thành phần tham dự", "I. Attendance")
                .to_owned(),
        ),
        Block::Table(attendance),
    ];
    if let Some((present, entitled)) = first_roll {
        let (present, entitled) = (
            count_in_words(lang, present),
            count_in_words(lang, entitled),
        );
        blocks.push(Block::Paragraph(lang.pick(
            format!("Có mặt {present} trên tổng số {entitled} đại biểu có quyền bỏ phiếu (theo vòng bỏ phiếu đầu tiên)."),
            format!("{present} of the {entitled} entitled voters were present (at the first round)."),
        )));
    }
    blocks.push(Block::Paragraph(describe_regulation(
        lang,
        cluster.regulation(),
        year.members.len() as u32,
    )));
    blocks.push(Block::Heading(
        lang.pick_str("II. Kết quả bỏ phiếu", "II. Results of the votes")
            .to_owned(),
    ));
    let mut conclusions = Vec::new();
    for (round_id, totals, result) in &results {
        let Some(round) = meeting.round(*round_id) else {
            continue;
        };
        if round.kind == RoundKind::Rehearsal {
            continue;
        }
        // A runoff is named as such, as on the screen and the papers.
        let award = match round.kind {
            RoundKind::Runoff { .. } => {
                format!(
                    "{}{}",
                    round.award,
                    lang.pick_str(" (bầu lại)", " (runoff)")
                )
            }
            _ => round.award.clone(),
        };
        let issued = count_in_words(lang, totals.issued);
        let collected = count_in_words(lang, totals.collected);
        let valid = count_in_words(lang, totals.valid);
        let outcome = conclusion(lang, ws, round, result);
        conclusions.push(lang.pick(
            format!("{award}: phát ra {issued}, thu về {collected}, hợp lệ {valid}. {outcome}"),
            format!("{award}: {issued} issued, {collected} collected, {valid} valid. {outcome}"),
        ));
    }
    if conclusions.is_empty() {
        conclusions.push(
            lang.pick_str(
                "Chưa có vòng bỏ phiếu nào kết thúc.",
                "No round has been closed yet.",
            )
            .to_owned(),
        );
    }
    blocks.push(Block::Items(conclusions));
    blocks.push(Block::Heading(
        lang.pick_str(
            "III. Bàn giao cờ cụm trưởng",
            "III. Hand-over of the leader flag",
        )
        .to_owned(),
    ));
    let leader = year
        .leader
        .map_or_else(|| or_blank(""), |u| full_name(ws, u));
    let mut handover = vec![lang.pick(
        format!("Cụm trưởng năm {}: {leader}.", year.year),
        format!("Leader in {}: {leader}.", year.year),
    )];
    handover.push(match &year.handover {
        Some(h) => {
            let (from, to) = (full_name(ws, h.from), full_name(ws, h.to));
            let date = date_in_words(lang, h.date);
            let mut text = if h.place.is_empty() {
                lang.pick(
                    format!("{from} bàn giao cờ cụm trưởng cho {to} {date}."),
                    format!("{from} handed the leader flag to {to} on {date}."),
                )
            } else {
                let place = &h.place;
                lang.pick(
                    format!("{from} bàn giao cờ cụm trưởng cho {to} {date}, tại {place}."),
                    format!("{from} handed the leader flag to {to} on {date}, in {place}."),
                )
            };
            if !h.note.trim().is_empty() {
                text.push(' ');
                text.push_str(h.note.trim());
            }
            text
        }
        None => lang
            .pick_str(
                "Chưa ghi nhận việc bàn giao cờ.",
                "No hand-over has been recorded.",
            )
            .to_owned(),
    });
    blocks.push(Block::Items(handover));
    blocks.push(Block::Paragraph(approval_line(lang)));
    Ok(Document {
        header: header(lang, cluster, &meeting.details.place, meeting.details.date),
        title: lang
            .pick_str("BIÊN BẢN HỘI NGHỊ", "MINUTES OF THE MEETING")
            .to_owned(),
        subtitle: Some(lang.pick(
            format!(
                "Tổng kết công tác thi đua, khen thưởng năm {}",
                meeting.year
            ),
            format!("Review of emulation and awards, {}", meeting.year),
        )),
        blocks,
        signatures: signatures(lang, meeting, false),
        fingerprint: fingerprint_line(lang, ws, meeting),
    })
}
