//! The documents of the sample meeting in both languages, snapshot-tested:
//! vote-count minutes, meeting minutes, score table, achievement summary;
//! and the results fingerprint they print.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use thidua_core::documents::{
    achievement_summary, meeting_minutes, score_table, vote_count_minutes,
};
use thidua_core::domain::{Meeting, MeetingId, Workspace};
use thidua_core::exchange::{
    data_sha256, fingerprint, results_data, results_fingerprint, MeetingDto,
};
use thidua_core::i18n::Lang;
use thidua_core::sample::SAMPLE_YEAR;

use common::{sample_meeting, FLAG, MERIT, SAMPLE_M as M};

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
    let print = fingerprint(&data_sha256(&data).expect("written"));
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
    // The same meeting without its second round, as a file could bring it.
    let mut dto = MeetingDto::from(&ws.meetings()[0]);
    let id = dto.rounds[1].id;
    dto.rounds.retain(|r| r.id != id);
    let meeting = Meeting::try_from(dto).expect("meeting");
    let other = Workspace::new(ws.units().to_vec(), ws.clusters().to_vec(), vec![meeting])
        .expect("consistent");
    assert_ne!(results_fingerprint(&other, M), Some(print));
    // A missing meeting or an open round is refused, not printed.
    assert!(vote_count_minutes(&ws, MeetingId(1), FLAG, Lang::Vi).is_err());
}

#[test]
fn csv_files_start_with_a_bom_and_quote_every_field() {
    let (mut ws, cluster) = sample_meeting();
    let first = ws.cluster(cluster).expect("c").units()[0];
    let unit = ws.unit(first).expect("unit").clone();
    ws.update_unit(
        first,
        thidua_core::domain::UnitDraft {
            full_name: "Bộ Tham mưu \"BĐBP\", Hà Nội".into(),
            short_name: unit.short_name.clone(),
            kind: unit.kind.clone(),
            commander: unit.commander.clone(),
            contact: unit.contact.clone(),
        },
    )
    .expect("rename");
    let results = thidua_core::documents::results_csv(&ws, M, Lang::Vi).expect("csv");
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
    let scores =
        thidua_core::documents::scores_csv(&ws, cluster, SAMPLE_YEAR, Lang::En).expect("csv");
    assert!(scores.starts_with("\u{feff}\"Rank\",\"Unit\",\"Self score\",\"Cluster score\""));
    assert_eq!(scores.lines().count(), 1 + 8);
    assert!(scores.lines().all(|l| l.ends_with('"')));
}
