//! The documents of the sample meeting in both languages, snapshot-tested:
//! vote-count minutes, meeting minutes, score table, achievement summary;
//! and the results fingerprint they print.
#![cfg(not(target_arch = "wasm32"))]

use thidua::documents::{achievement_summary, meeting_minutes, score_table, vote_count_minutes};
use thidua::domain::sample::{load_sample, SAMPLE_YEAR};
use thidua::domain::{
    ClusterId, CommitteeMember, Date, HandTotals, MeetingDetails, MeetingId, Points, Quota,
    RoundDraft, RoundId, RoundRules, Scorer, VoterId, Workspace,
};
use thidua::exchange::{data_sha256, fingerprint, results_data, results_fingerprint};
use thidua::i18n::Lang;

const M: MeetingId = MeetingId(7001);
const FLAG: RoundId = RoundId(7002);
const MERIT: RoundId = RoundId(7003);

/// The sample cluster's 2024 meeting: the flag voted in the booth with the
/// reference outcome, a certificate counted by hand, some cluster scores.
fn sample_meeting() -> (Workspace, ClusterId) {
    let mut ids = 1000u64..;
    let mut ws = Workspace::default();
    let cluster = load_sample(&mut ws, || ids.next().unwrap_or(0)).expect("sample");
    ws.add_meeting(M, cluster, SAMPLE_YEAR).expect("meeting");
    let details = MeetingDetails {
        date: Date::new(2024, 10, 3),
        time: "08:00".into(),
        place: "Hà Nội".into(),
        chair: "Đại tá Vũ Văn Khương".into(),
        secretary: "Thiếu tá Nguyễn Thu Hà".into(),
        directing_officer: "Đại tá Nguyễn Văn Thắng".into(),
        committee: vec![
            CommitteeMember {
                name: "Trung tá Lê Minh".into(),
                role: "Trưởng ban".into(),
            },
            CommitteeMember {
                name: "Thiếu tá Phạm An".into(),
                role: "Ủy viên".into(),
            },
            CommitteeMember {
                name: "Đại úy Trần Bình".into(),
                role: "Ủy viên".into(),
            },
        ],
    };
    ws.update_meeting(M, details, thidua::domain::Fraction::two_thirds(), true)
        .expect("details");
    let year = ws.year_of(M).expect("year").clone();
    let members = year.members.clone();
    let round = |award: &str, quota: u32| RoundDraft {
        award: award.into(),
        rules: RoundRules {
            quota: Quota::Fixed(quota),
            ..RoundRules::default()
        },
        candidates: members.clone(),
        rehearsal: false,
    };
    ws.add_round(M, FLAG, round("Cờ thi đua của Bộ Tư lệnh BĐBP", 4))
        .expect("flag");
    ws.add_round(M, MERIT, round("Bằng khen của Bộ Tư lệnh BĐBP", 2))
        .expect("merit");
    ws.open_round(M, FLAG, "2468").expect("open");
    for unit in &members {
        ws.set_present(M, FLAG, VoterId(unit.0), true)
            .expect("present");
    }
    for (who, unit) in members.iter().enumerate() {
        let picks: Vec<_> = if who < 7 { [1, 2, 4, 5] } else { [0, 1, 2, 3] }
            .iter()
            .map(|i| members[*i])
            .collect();
        ws.start_ballot(M, FLAG, VoterId(unit.0)).expect("start");
        ws.submit_ballot(M, FLAG, picks).expect("submit");
        ws.unlock_booth(M, FLAG, "2468").expect("unlock");
    }
    ws.close_round(M, FLAG).expect("close");
    // The four flag units are excluded; the other four get a hand count.
    let hand = HandTotals {
        collected: 8,
        valid: 7,
        invalid: 1,
        votes: [
            (members[0], 6),
            (members[3], 5),
            (members[6], 2),
            (members[7], 1),
        ]
        .into_iter()
        .collect(),
    };
    ws.close_with_totals(M, MERIT, 8, 8, hand)
        .expect("hand count");
    let items: Vec<_> = year.criteria.items.iter().map(|c| (c.id, c.max)).collect();
    for (rank, unit) in members.iter().enumerate().take(5) {
        for (id, max) in &items {
            let points = Points(max.0.saturating_sub(rank as u32 * 10));
            ws.set_score(
                cluster,
                SAMPLE_YEAR,
                *unit,
                Scorer::Cluster,
                *id,
                Some(points),
            )
            .expect("cluster score");
            ws.set_score(
                cluster,
                SAMPLE_YEAR,
                *unit,
                Scorer::SelfScore,
                *id,
                Some(*max),
            )
            .expect("self score");
        }
    }
    (ws, cluster)
}

#[test]
fn vote_count_minutes_in_both_languages() {
    let (ws, _) = sample_meeting();
    for (lang, name) in [
        (Lang::Vi, "vote_count_minutes_vi"),
        (Lang::En, "vote_count_minutes_en"),
    ] {
        let doc = vote_count_minutes(&ws, M, FLAG, lang).expect("minutes");
        insta::assert_snapshot!(name, doc.to_string());
    }
    let hand = vote_count_minutes(&ws, M, MERIT, Lang::Vi).expect("minutes");
    insta::assert_snapshot!("vote_count_minutes_hand_vi", hand.to_string());
}

#[test]
fn meeting_minutes_in_both_languages() {
    let (ws, _) = sample_meeting();
    for (lang, name) in [
        (Lang::Vi, "meeting_minutes_vi"),
        (Lang::En, "meeting_minutes_en"),
    ] {
        let doc = meeting_minutes(&ws, M, lang).expect("minutes");
        insta::assert_snapshot!(name, doc.to_string());
    }
}

#[test]
fn score_table_and_achievements_in_both_languages() {
    let (ws, cluster) = sample_meeting();
    for (lang, suffix) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let table = score_table(&ws, cluster, SAMPLE_YEAR, lang).expect("table");
        insta::assert_snapshot!(format!("score_table_{suffix}"), table.to_string());
        let summary = achievement_summary(&ws, cluster, SAMPLE_YEAR, lang).expect("summary");
        insta::assert_snapshot!(format!("achievement_summary_{suffix}"), summary.to_string());
    }
}

#[test]
fn the_fingerprint_on_the_minutes_is_the_results_files_and_moves_with_it() {
    let (mut ws, _) = sample_meeting();
    let data = results_data(&ws, M).expect("data");
    assert_eq!(data.meeting.rounds.len(), 2, "closed rounds only");
    let print = fingerprint(&data_sha256(&data).expect("hash"));
    assert_eq!(results_fingerprint(&ws, M), Some(print.clone()));
    assert_eq!(print.len(), 19);
    assert!(print
        .chars()
        .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
    let minutes = vote_count_minutes(&ws, M, FLAG, Lang::Vi)
        .expect("minutes")
        .to_string();
    assert!(minutes.contains(&print), "{minutes}");
    // Any change to a closed count changes the fingerprint.
    ws.delete_round(M, MERIT).expect_err("closed rounds stay");
    let mut other = ws.clone();
    let id = other.meetings[0].rounds[1].id;
    other.meetings[0].rounds.retain(|r| r.id != id);
    assert_ne!(results_fingerprint(&other, M), Some(print));
    // A missing meeting or an open round is refused, not printed.
    assert!(vote_count_minutes(&ws, MeetingId(1), FLAG, Lang::Vi).is_err());
}

#[test]
fn csv_files_start_with_a_bom_and_quote_every_field() {
    let (mut ws, cluster) = sample_meeting();
    let first = ws.cluster(cluster).expect("c").units[0];
    let unit = ws.unit(first).expect("unit").clone();
    ws.update_unit(
        first,
        thidua::domain::UnitDraft {
            full_name: "Bộ Tham mưu \"BĐBP\", Hà Nội".into(),
            short_name: unit.short_name.clone(),
            kind: unit.kind.clone(),
            commander: unit.commander.clone(),
            contact: unit.contact.clone(),
        },
    )
    .expect("rename");
    let results = thidua::documents::results_csv(&ws, M, Lang::Vi).expect("csv");
    assert!(results.starts_with("\u{feff}\"Vòng\",\"Danh hiệu\""));
    // 8 candidates in the flag round; in the certificate round 4 standing
    // and the 4 flag units listed as excluded.
    assert_eq!(results.lines().count(), 1 + 8 + 8);
    assert_eq!(results.matches("\"Không xét\"").count(), 4);
    assert!(
        results.contains("\"Bộ Tham mưu \"\"BĐBP\"\", Hà Nội\""),
        "{results}"
    );
    assert!(results.contains("\"Cục Chính trị BĐBP\",\"8\",\"100,00%\",\"Được đề nghị\""));
    let scores = thidua::documents::scores_csv(&ws, cluster, SAMPLE_YEAR, Lang::En).expect("csv");
    assert!(scores.starts_with("\u{feff}\"Rank\",\"Unit\",\"Self score\",\"Cluster score\""));
    assert_eq!(scores.lines().count(), 1 + 8);
    assert!(scores.lines().all(|l| l.ends_with('"')));
}
