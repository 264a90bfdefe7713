//! The catalogue is complete in both languages; numbers look Vietnamese;
//! routes parse. (That the core never reaches a browser crate is checked
//! by `cargo tree -p thidua-core` in `make lint`, not here.)
#![cfg(not(target_arch = "wasm32"))]

use thidua_core::domain::{
    candidate_for_key, entry_key, parse_count, ClusterId, CouncilId, MeetingId, Pass, RoundId,
};
use thidua_core::i18n::{format_integer, Lang, Text};
use thidua_core::route::Route;

#[test]
fn every_string_exists_in_both_languages() {
    for text in Text::ALL {
        let (vi, en) = (text.in_lang(Lang::Vi), text.in_lang(Lang::En));
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{text:?}");
    }
    // Most strings differ between languages; a copy-paste slip shows here.
    let same = Text::ALL
        .iter()
        .filter(|t| t.in_lang(Lang::Vi) == t.in_lang(Lang::En))
        .count();
    assert_eq!(same, 0);
}

#[test]
fn integers_in_vietnamese_and_english() {
    let cases = [
        (0, "0", "0"),
        (999, "999", "999"),
        (1234, "1.234", "1,234"),
        (19_832_311, "19.832.311", "19,832,311"),
        (-5925, "-5.925", "-5,925"),
    ];
    for (value, vi, en) in cases {
        assert_eq!(format_integer(Lang::Vi, value), vi);
        assert_eq!(format_integer(Lang::En, value), en);
    }
}

#[test]
fn routes_parse_and_print() {
    let cases = [
        ("", Route::Home),
        ("#/", Route::Home),
        ("#/units", Route::Units),
        ("#/files", Route::Files),
        ("#/clusters/42", Route::Cluster(ClusterId(42))),
        ("#/clusters/42/history", Route::History(ClusterId(42))),
        ("#/clusters/42/years/2024", Route::Year(ClusterId(42), 2024)),
        ("#/clusters/x", Route::NotFound),
        ("#/clusters/42/years/99999", Route::NotFound),
        ("#/nowhere", Route::NotFound),
        (
            "#/meetings/5/rounds/6",
            Route::Round(MeetingId(5), RoundId(6)),
        ),
        (
            "#/meetings/5/rounds/6/pass/2",
            Route::PaperPass(MeetingId(5), RoundId(6), Pass::Second),
        ),
        ("#/meetings/5/rounds/6/pass/3", Route::NotFound),
        (
            "#/meetings/5/rounds/6/papers",
            Route::BallotPapers(MeetingId(5), RoundId(6)),
        ),
        (
            "#/meetings/5/rounds/6/log",
            Route::EntryLog(MeetingId(5), RoundId(6)),
        ),
        ("#/meetings/5/rounds/x/log", Route::NotFound),
        (
            "#/meetings/5/rounds/6/minutes",
            Route::VoteMinutes(MeetingId(5), RoundId(6)),
        ),
        ("#/meetings/5/minutes", Route::MeetingMinutes(MeetingId(5))),
        ("#/meetings/5/dossier", Route::Dossier(MeetingId(5))),
        ("#/council", Route::Council),
        ("#/council/77", Route::CouncilYear(CouncilId(77))),
        ("#/council/77/summary", Route::CouncilSummary(CouncilId(77))),
        ("#/council/x", Route::NotFound),
        // Issue 16: the hall screen of a meeting.
        (
            "#/clusters/4/years/2024/meeting/hall",
            Route::Hall(ClusterId(4), 2024),
        ),
        ("#/clusters/4/years/x/meeting/hall", Route::NotFound),
        ("#/clusters/4/years/2024/meeting/hall/x", Route::NotFound),
        (
            "#/clusters/4/years/2024/score-table",
            Route::ScoreTable(ClusterId(4), 2024),
        ),
        (
            "#/clusters/4/years/2024/achievements",
            Route::Achievements(ClusterId(4), 2024),
        ),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::parse(hash), route, "{hash}");
        if route != Route::NotFound {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}

#[test]
fn paper_entry_keys_and_typed_counts() {
    assert_eq!(entry_key(0), Some('1'));
    assert_eq!(entry_key(9), Some('0'));
    assert_eq!(entry_key(10), Some('a'));
    assert_eq!(entry_key(32), Some('w'));
    assert_eq!(entry_key(33), None, "x and z are commands");
    for idx in 0..33 {
        let key = entry_key(idx).map(String::from).unwrap_or_default();
        assert_eq!(candidate_for_key(&key), Some(idx));
        assert_eq!(candidate_for_key(&key.to_uppercase()), Some(idx));
    }
    for command in ["x", "z", "Enter", "Escape", ""] {
        assert_eq!(candidate_for_key(command), None, "{command}");
    }
    let counts = [
        ("0", Some(0)),
        (" 42 ", Some(42)),
        ("1.234", Some(1234)),
        ("1 234", Some(1234)),
        ("", None),
        ("-1", None),
        ("3,5", None),
        ("abc", None),
        ("99999999999", None),
    ];
    for (text, expected) in counts {
        assert_eq!(parse_count(text).ok(), expected, "{text:?}");
    }
}

#[test]
fn sizes_read_in_kb_then_mb() {
    use thidua_core::i18n::format_megabytes;
    assert_eq!(format_megabytes(Lang::Vi, 0), "0 KB");
    assert_eq!(format_megabytes(Lang::Vi, 38_000), "38 KB");
    assert_eq!(format_megabytes(Lang::Vi, 1_048_576), "1,0 MB");
    assert_eq!(
        format_megabytes(Lang::En, 5 * 1_048_576 + 200_000),
        "5.2 MB"
    );
    assert_eq!(format_megabytes(Lang::Vi, 2_500_000), "2,4 MB");
}

#[test]
fn every_integrity_problem_is_worded_in_both_languages() {
    use thidua_core::domain::merge::IntegrityProblem as P;
    use thidua_core::domain::ReconcileError;
    use thidua_core::domain::UnitId;
    use thidua_core::i18n::describe_integrity_problem;
    let (cluster, year, unit) = ("Cụm thi đua số 1".to_owned(), 2024, UnitId(7));
    let problems = [
        P::UnitIdTwice { unit },
        P::UnitNameTwice {
            name: "Đồn Biên phòng A".into(),
            first: UnitId(1),
            second: UnitId(2),
        },
        P::ClusterIdTwice {
            cluster: ClusterId(3),
        },
        P::ClusterNameTwice {
            name: cluster.clone(),
            parent: "BĐBP tỉnh A".into(),
        },
        P::ClusterListsMissingUnit {
            cluster: cluster.clone(),
            unit,
        },
        P::YearHasStranger {
            cluster: cluster.clone(),
            year,
            unit,
        },
        P::ScoreForMissingItem {
            cluster: cluster.clone(),
            year,
            item: 4,
        },
        P::ScoreAboveMax {
            cluster: cluster.clone(),
            year,
            item: 4,
        },
        P::MeetingIdTwice { meeting: 5 },
        P::TwoMeetings {
            cluster: cluster.clone(),
            year,
        },
        P::MeetingNamesMissingUnit {
            cluster: cluster.clone(),
            year,
            unit,
        },
        P::MeetingWithoutCluster {
            cluster: ClusterId(3),
            year,
        },
        P::HandVotesForNonCandidate {
            award: "Cờ thi đua".into(),
            year,
            unit,
        },
        P::CountDoesNotReconcile {
            award: "Cờ thi đua".into(),
            year,
            error: ReconcileError::CollectedOverIssued {
                issued: 8,
                collected: 9,
            },
        },
        P::ClusterGone {
            cluster: ClusterId(3),
        },
        P::YearGone {
            cluster: ClusterId(3),
            year,
        },
        P::PreviewInconsistent,
    ];
    // Every variant is listed above: a new one fails to compile here
    // until it is added to the list.
    let listed = |p: &P| match p {
        P::UnitIdTwice { .. } => 0,
        P::UnitNameTwice { .. } => 1,
        P::ClusterIdTwice { .. } => 2,
        P::ClusterNameTwice { .. } => 3,
        P::ClusterListsMissingUnit { .. } => 4,
        P::YearHasStranger { .. } => 5,
        P::ScoreForMissingItem { .. } => 6,
        P::ScoreAboveMax { .. } => 7,
        P::MeetingIdTwice { .. } => 8,
        P::TwoMeetings { .. } => 9,
        P::MeetingNamesMissingUnit { .. } => 10,
        P::MeetingWithoutCluster { .. } => 11,
        P::HandVotesForNonCandidate { .. } => 12,
        P::CountDoesNotReconcile { .. } => 13,
        P::ClusterGone { .. } => 14,
        P::YearGone { .. } => 15,
        P::PreviewInconsistent => 16,
    };
    let kinds: std::collections::BTreeSet<_> = problems.iter().map(listed).collect();
    assert_eq!(kinds.len(), 17);
    for problem in &problems {
        let vi = describe_integrity_problem(Lang::Vi, problem);
        let en = describe_integrity_problem(Lang::En, problem);
        assert!(
            !vi.trim().is_empty() && !en.trim().is_empty(),
            "{problem:?}"
        );
        assert_ne!(vi, en, "{problem:?}");
        assert!(!en.is_empty() && !problem.to_string().is_empty());
    }
}

#[test]
fn no_text_is_catalogued_twice() {
    let mut seen = std::collections::BTreeMap::new();
    for text in Text::ALL {
        let pair = (text.in_lang(Lang::Vi), text.in_lang(Lang::En));
        if let Some(first) = seen.insert(pair, text) {
            panic!("{first:?} and {text:?} hold the same words");
        }
    }
}

/// Every message with values inside, with sample values, in `lang`, each
/// with the name of its function in `screen_text`.
fn messages_with_values(lang: Lang) -> Vec<(&'static str, String)> {
    use thidua_core::domain::{BlankBallot, Points, ScoreInputError};
    use thidua_core::i18n::screen_text as s;
    let names = ["Đồn A".to_owned(), "Đồn B".to_owned()];
    macro_rules! said {
        ($name:ident($($arg:expr),*)) => {
            (stringify!($name), s::$name($($arg),*))
        };
    }
    vec![
        said!(set_aside_place(lang, Some("thidua.aside.1.thidua.unit.7"))),
        said!(set_aside_place(lang, None)),
        said!(set_aside_entry(lang, "cụm «Cụm 8»", true)),
        said!(set_aside_entry(lang, "cụm «Cụm 8»", false)),
        said!(snapshot_downloaded(lang, "thidua-snapshot.thidua.json")),
        said!(entry_pass(lang, 1)),
        said!(entry_pass_inline(lang, 2)),
        said!(enter_pass(lang, 1)),
        said!(finish_pass(lang, 2)),
        said!(pass_finished(lang, 1)),
        said!(pass_ballots(lang, 12)),
        said!(passes_agree(lang, 1234)),
        said!(passes_differ(lang, 3)),
        said!(other_reading(lang, 17)),
        said!(ballot_saved(lang, 17)),
        said!(keystrokes(lang, 40)),
        said!(paper_rule(lang, 3)),
        said!(paper_invalid_rule(lang, 3, BlankBallot::Invalid)),
        said!(paper_invalid_rule(lang, 3, BlankBallot::Valid)),
        said!(year_title(lang, 2024)),
        said!(year_inline(lang, 2024)),
        said!(storage_used(lang, "1,2 MB", "5 MB", 24)),
        said!(imported(lang, 4, 1, "")),
        said!(import_summary(lang, 4, 10, 1)),
        said!(more_identical(lang, 300)),
        said!(snapshot_content(lang, 1, 8, 1, "38 KB")),
        said!(paper_count_source(lang, 2)),
        said!(nominated(lang, &names)),
        said!(tie_at_quota(lang, &names, 1)),
        said!(places_unfilled(lang, 1)),
        said!(chart_caption(lang, 5000)),
        said!(pasted_same(lang, "Đồn A", None)),
        said!(pasted_same(lang, "Đồn A", Some(2))),
        said!(pasted_alike(lang, "Đồn A", None)),
        said!(pasted_alike(lang, "Đồn A", Some(2))),
        said!(add_pasted_units(lang, 3)),
        said!(score_refused(
            lang,
            "31",
            ScoreInputError::AboveMax {
                points: Points(3100),
                max: Points(3000)
            },
            Some(Points(2850))
        )),
        said!(score_refused(
            lang,
            "abc",
            ScoreInputError::NotANumber,
            None
        )),
        said!(score_refused(lang, "-2", ScoreInputError::Negative, None)),
        said!(kept_before(lang, 2)),
        said!(kept_on(lang, "2026-12-01T04:09:00Z")),
        said!(kept_unread(lang, "(…)")),
        said!(kept_not_remembered(lang, "(…)")),
        // issue 16 hall:
        said!(hall_voted(lang, 3, 8)),
        said!(hall_round_rules(lang, 4, "≥ 1/2")),
        said!(hall_handover(lang, "Đồn A", "Đồn B", "03/10/2024")),
        said!(hall_next_leader(lang, 2025, "Đồn B")),
        said!(hall_pin_results(lang, "Cờ thi đua")),
        said!(hall_pinned_results(lang, "Cờ thi đua")),
    ]
}

#[test]
fn every_message_with_values_exists_in_both_languages() {
    let (vi, en) = (
        messages_with_values(Lang::Vi),
        messages_with_values(Lang::En),
    );
    assert_eq!(vi.len(), en.len());
    for ((_, vi), (_, en)) in vi.iter().zip(&en) {
        assert!(
            !vi.trim().is_empty() && !en.trim().is_empty(),
            "{vi} / {en}"
        );
        assert_ne!(vi, en);
    }
}

/// `messages_with_values` calls every function of `screen_text`, so that a
/// new message cannot escape the checks of both languages.
#[test]
fn messages_with_values_lists_every_screen_text_function() {
    let source = include_str!("../src/i18n/screen_text.rs");
    let declared: std::collections::BTreeSet<&str> = source
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("pub fn "))
        .filter_map(|rest| rest.split(['(', '<']).next())
        .collect();
    assert_eq!(declared.len(), source.matches("pub fn ").count());
    let listed: std::collections::BTreeSet<&str> = messages_with_values(Lang::Vi)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(listed.len(), declared.len());
    assert_eq!(listed, declared);
}

#[test]
fn messages_with_values_read_as_the_screens_wrote_them() {
    use thidua_core::domain::BlankBallot;
    use thidua_core::i18n::screen_text as s;
    let names = ["Đồn A".to_owned(), "Đồn B".to_owned()];
    let cases = [
        (
            s::passes_agree(Lang::Vi, 1234),
            "1.234 phiếu, đọc giống nhau ở cả hai lượt.",
        ),
        (
            s::passes_agree(Lang::En, 1234),
            "1,234 ballots, read the same in both passes.",
        ),
        (
            s::paper_invalid_rule(Lang::Vi, 3, BlankBallot::Invalid),
            "Phiếu bầu quá 3 đơn vị hoặc không bầu đơn vị nào là phiếu không hợp lệ.",
        ),
        (
            s::paper_invalid_rule(Lang::En, 3, BlankBallot::Valid),
            "A paper with more than 3 ticked is invalid.",
        ),
        (
            s::tie_at_quota(Lang::En, &names, 1),
            "Tied at the quota line: Đồn A, Đồn B — 1 place(s) left, a runoff is needed.",
        ),
        (s::nominated(Lang::Vi, &names), "Đề nghị: Đồn A, Đồn B."),
        (
            s::imported(Lang::En, 4, 1, " A snapshot from before the import was kept."),
            "Imported: 4 new records, 1 taken from the file. A snapshot from before the import was kept.",
        ),
        (
            s::storage_used(Lang::Vi, "1,2 MB", "5 MB", 24),
            "Đã dùng 1,2 MB trên khoảng 5 MB (24%).",
        ),
        (
            s::set_aside_place(Lang::En, Some("thidua.aside.1.x")),
            "kept under key thidua.aside.1.x",
        ),
    ];
    for (got, expected) in cases {
        assert_eq!(got, expected);
    }
}

/// A long unit name in a chart is broken between words, and what does not
/// fit ends with "…", never cut mid-word without a sign (issue 18).
#[test]
fn chart_labels_wrap_between_words_and_mark_a_cut() {
    use thidua_core::i18n::chart_label;
    assert_eq!(chart_label("Cục Kỹ thuật", 26, 2), vec!["Cục Kỹ thuật"]);
    // Before: the first 26 characters, "Ban Chỉ huy Đồn Biên phòng" was
    // followed by nothing telling the name went on.
    assert_eq!(
        chart_label(
            "Ban Chỉ huy Đồn Biên phòng Cửa khẩu Quốc tế Hữu Nghị",
            26,
            2
        ),
        vec!["Ban Chỉ huy Đồn Biên phòng", "Cửa khẩu Quốc tế Hữu Nghị"]
    );
    assert_eq!(
        chart_label(
            "Ban Chỉ huy Đồn Biên phòng Cửa khẩu Quốc tế Hữu Nghị, tỉnh Lạng Sơn",
            26,
            2
        ),
        vec!["Ban Chỉ huy Đồn Biên phòng", "Cửa khẩu Quốc tế Hữu…"]
    );
    // A last line full to the edge drops its last word for the sign.
    assert_eq!(chart_label("aaaa bbbb cccc dddd", 9, 1), vec!["aaaa…"]);
    // A word longer than a line is cut with the sign.
    assert_eq!(chart_label("Abcdefghijkl", 6, 2), vec!["Abcde…"]);
    for lines in chart_label(&"Đồn Biên phòng ".repeat(10), 20, 3) {
        assert!(lines.chars().count() <= 20, "{lines}");
    }
}

#[test]
fn moments_are_shown_day_month_year_whatever_the_language() {
    use thidua_core::i18n::format_moment as moment;
    use thidua_core::i18n::screen_text::kept_on;
    assert_eq!(moment("2024-10-03T09:05:00.000Z"), "03/10/2024 09:05");
    assert_eq!(moment("2024-10-03"), "03/10/2024");
    assert_eq!(
        moment("2024-13-03T09:05"),
        "2024-13-03T09:05",
        "not a date: as it is"
    );
    assert_eq!(moment("2024-10-03Tab:cd"), "03/10/2024");
    assert_eq!(
        kept_on(Lang::En, "2026-12-01T04:09:00Z"),
        "You chose to keep this laptop's version on 01/12/2026."
    );
}
