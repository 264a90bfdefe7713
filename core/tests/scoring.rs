//! Scores: totals with caps, bonus and deductions, shared ranks, the
//! carry-over of the criteria table, validation; properties of the ranking.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{cluster_with, unit, year_draft};
use proptest::prelude::*;
use thidua_core::domain::{
    parse_score, sample_criteria, AchievementReport, ClusterId, CriteriaTable, CriterionDraft,
    CriterionId, DomainError, ItemKind, Metric, Points, ScoreInputError, Scorer, UnitId,
    UnitScores,
};
use thidua_core::i18n::{format_points, format_signed_points, screen_text, Lang};
use thidua_core::rules::rotation::start_next_year;
use thidua_core::rules::scoring::{ranking, total};

const C: ClusterId = ClusterId(1);

fn table(items: &[(ItemKind, u32)]) -> CriteriaTable {
    let mut table = CriteriaTable::default();
    for (kind, max) in items {
        table.add(CriterionDraft {
            kind: *kind,
            group: String::new(),
            name: "x".into(),
            max: Points(*max),
            guidance: String::new(),
        });
    }
    table
}

fn scores(pairs: &[(u32, u32)]) -> UnitScores {
    UnitScores {
        cluster_scores: pairs
            .iter()
            .map(|(i, p)| (CriterionId(*i), Points(*p)))
            .collect(),
        ..Default::default()
    }
}

#[test]
fn totals_cap_each_item_and_apply_bonus_and_deductions() {
    use ItemKind::*;
    let t = table(&[
        (Criterion, 3000),
        (Criterion, 7000),
        (Bonus, 500),
        (Deduction, 1000),
    ]);
    let check = |pairs: &[(u32, u32)], expected: Option<(i64, i64, i64, i64)>| {
        let got = total(&t, &scores(pairs), Scorer::Cluster)
            .map(|s| (s.criteria, s.bonus, s.deductions, s.total));
        assert_eq!(got, expected, "{pairs:?}");
    };
    check(&[], None);
    check(&[(1, 2550), (2, 6800)], Some((9350, 0, 0, 9350)));
    check(
        &[(1, 2550), (2, 6800), (3, 300), (4, 200)],
        Some((9350, 300, 200, 9450)),
    );
    // A stored score above the maximum (an older, larger table) is capped.
    check(&[(1, 9999)], Some((3000, 0, 0, 3000)));
    // Deductions can take a total below zero.
    check(&[(4, 1000)], Some((0, 0, 1000, -1000)));
    // Scores of items that left the table are ignored.
    check(&[(9, 500), (1, 100)], Some((100, 0, 0, 100)));
    assert_eq!(t.max_total(), 10_000);
}

#[test]
fn equal_totals_share_a_rank_and_unscored_units_come_last() {
    let t = table(&[(ItemKind::Criterion, 10_000)]);
    let members: Vec<UnitId> = (0..5).map(unit).collect();
    let sheet: BTreeMap<UnitId, UnitScores> = [
        (unit(0), scores(&[(1, 8000)])),
        (unit(1), scores(&[(1, 9000)])),
        (unit(2), scores(&[(1, 8000)])),
        (unit(4), scores(&[(1, 7000)])),
    ]
    .into();
    let rows = ranking(&t, &members, &sheet);
    let got: Vec<(UnitId, Option<u32>)> = rows.iter().map(|r| (r.unit, r.rank)).collect();
    assert_eq!(
        got,
        vec![
            (unit(1), Some(1)),
            (unit(0), Some(2)),
            (unit(2), Some(2)),
            (unit(4), Some(4)),
            (unit(3), None)
        ]
    );
}

#[test]
fn points_parse_with_a_decimal_comma_and_print_the_vietnamese_way() {
    for (text, expected) in [
        ("7", Some(700)),
        ("7,5", Some(750)),
        ("7.25", Some(725)),
        (" 100 ", Some(10_000)),
        ("0,05", Some(5)),
        ("-1", None),
        ("1,234", None),
        ("", None),
        ("a", None),
        (",5", None),
    ] {
        assert_eq!(Points::parse(text).map(|p| p.0), expected, "{text:?}");
    }
    assert_eq!(format_points(Lang::Vi, Points(750)), "7,5");
    assert_eq!(format_points(Lang::Vi, Points(725)), "7,25");
    assert_eq!(format_points(Lang::Vi, Points(123_400)), "1.234");
    assert_eq!(format_points(Lang::En, Points(750)), "7.5");
    assert_eq!(format_signed_points(Lang::Vi, -1050), "-10,5");
}

#[test]
fn scores_are_validated_and_tables_carry_over_to_the_next_year() {
    let mut ws = cluster_with(&["A", "B", "C"]);
    ws.add_year(C, 2024, year_draft(&[0, 1], Some(0), None))
        .expect("year");
    let first = ws
        .cluster(C)
        .and_then(|c| c.year(2024))
        .expect("2024")
        .criteria
        .clone();
    assert_eq!(
        first,
        sample_criteria(),
        "a first year starts from the sample table"
    );
    assert_eq!(first.max_total(), 10_000);
    let item = first.items[0].id;
    let max = first.items[0].max;
    assert_eq!(
        ws.set_score(
            C,
            2024,
            unit(0),
            Scorer::Cluster,
            item,
            Some(Points(max.0 + 1))
        ),
        Err(DomainError::ScoreOverMax {
            points: Points(max.0 + 1),
            max
        })
    );
    assert_eq!(
        ws.set_score(C, 2024, unit(2), Scorer::Cluster, item, Some(Points(1))),
        Err(DomainError::NotAMember(unit(2)))
    );
    assert_eq!(
        ws.set_score(
            C,
            2024,
            unit(0),
            Scorer::Cluster,
            CriterionId(99),
            Some(Points(1))
        ),
        Err(DomainError::UnknownCriterion)
    );
    ws.set_score(C, 2024, unit(0), Scorer::SelfScore, item, Some(max))
        .expect("self score");
    ws.set_score(C, 2024, unit(0), Scorer::Cluster, item, Some(Points(2500)))
        .expect("cluster score");
    let year = ws.cluster(C).and_then(|c| c.year(2024)).expect("2024");
    let sheet = &year.scores[&unit(0)];
    assert_eq!(
        (sheet.self_scores[&item], sheet.cluster_scores[&item]),
        (max, Points(2500))
    );
    // A custom item, then the next year keeps the table but not the scores.
    let bonus = ws
        .add_criterion(
            C,
            2024,
            CriterionDraft {
                kind: ItemKind::Bonus,
                group: String::new(),
                name: "Khen đột xuất".into(),
                max: Points(300),
                guidance: String::new(),
            },
        )
        .expect("item");
    assert_eq!(
        ws.add_criterion(
            C,
            2024,
            CriterionDraft {
                kind: ItemKind::Bonus,
                group: String::new(),
                name: " ".into(),
                max: Points(300),
                guidance: String::new()
            }
        ),
        Err(DomainError::EmptyCriterionName)
    );
    start_next_year(&mut ws, C, 2024).expect("2025");
    let next = ws.cluster(C).and_then(|c| c.year(2025)).expect("2025");
    assert!(next.criteria.item(bonus).is_some());
    assert!(next.scores.is_empty());
    // Removing an item removes its scores.
    ws.remove_criterion(C, 2024, item).expect("remove");
    assert!(ws
        .cluster(C)
        .and_then(|c| c.year(2024))
        .expect("2024")
        .scores
        .is_empty());
}

#[test]
fn reports_drop_blank_rows_and_refuse_nameless_metrics() {
    let mut ws = cluster_with(&["A"]);
    ws.add_year(C, 2024, year_draft(&[0], None, None))
        .expect("year");
    let metric = |name: &str, value: &str| Metric {
        name: name.into(),
        value: value.into(),
        measure: "kg".into(),
    };
    let nameless = AchievementReport {
        narrative: "x".into(),
        metrics: vec![metric("", "5")],
        ..AchievementReport::default()
    };
    assert_eq!(
        ws.set_report(C, 2024, unit(0), nameless),
        Err(DomainError::MetricWithoutName)
    );
    let report = AchievementReport {
        narrative: " Tốt ".into(),
        metrics: vec![metric("Ma túy thu giữ", "766,33"), Metric::default()],
        ..AchievementReport::default()
    };
    ws.set_report(C, 2024, unit(0), report).expect("report");
    let stored = &ws
        .cluster(C)
        .and_then(|c| c.year(2024))
        .expect("2024")
        .reports[&unit(0)];
    assert_eq!(
        (stored.narrative.as_str(), stored.metrics.len()),
        ("Tốt", 1)
    );
}

proptest! {
    /// The ranking is a total order consistent with the totals: higher
    /// totals rank strictly better, equal totals share a rank, and ranks
    /// never skip below 1 or exceed the number of scored units.
    #[test]
    fn ranking_is_consistent_with_totals(points in prop::collection::vec(prop::option::of(0u32..=10_000), 1..15)) {
        let t = table(&[(ItemKind::Criterion, 10_000)]);
        let members: Vec<UnitId> = (0..points.len()).map(unit).collect();
        let sheet: BTreeMap<UnitId, UnitScores> = points.iter().enumerate().filter_map(|(i, p)| p.map(|p| (unit(i), scores(&[(1, p)])))).collect();
        let rows = ranking(&t, &members, &sheet);
        prop_assert_eq!(rows.len(), members.len());
        let scored = sheet.len() as u32;
        for a in &rows {
            if let Some(rank) = a.rank {
                prop_assert!((1..=scored).contains(&rank));
            }
            for b in &rows {
                match (a.cluster_total, b.cluster_total) {
                    (Some(x), Some(y)) if x.total > y.total => prop_assert!(a.rank < b.rank),
                    (Some(x), Some(y)) if x.total == y.total => prop_assert_eq!(a.rank, b.rank),
                    _ => {}
                }
            }
        }
        // Sorted: ranks never decrease down the table.
        let ranks: Vec<u32> = rows.iter().map(|r| r.rank.unwrap_or(u32::MAX)).collect();
        prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    }
}

#[test]
fn a_typed_score_is_read_or_refused_with_its_reason() {
    let max = Points(1000);
    let c = ItemKind::Criterion;
    assert_eq!(parse_score(" 7,5 ", c, max), Ok(Some(Points(750))));
    assert_eq!(parse_score("  ", c, max), Ok(None));
    assert_eq!(parse_score("abc", c, max), Err(ScoreInputError::NotANumber));
    assert_eq!(parse_score("-", c, max), Err(ScoreInputError::NotANumber));
    assert_eq!(parse_score("-2", c, max), Err(ScoreInputError::Negative));
    assert_eq!(
        parse_score("-2", ItemKind::Bonus, max),
        Err(ScoreInputError::Negative)
    );
    assert_eq!(
        parse_score("10,5", c, max),
        Err(ScoreInputError::AboveMax {
            points: Points(1050),
            max
        })
    );
    // A deduction typed with its minus sign is the points deducted.
    let d = ItemKind::Deduction;
    assert_eq!(parse_score("-2", d, max), Ok(Some(Points(200))));
    assert_eq!(parse_score("\u{2212} 2,5", d, max), Ok(Some(Points(250))));
    assert_eq!(parse_score("2", d, max), Ok(Some(Points(200))));
    assert_eq!(
        parse_score("-12", d, max),
        Err(ScoreInputError::AboveMax {
            points: Points(1200),
            max
        })
    );
}

#[test]
fn a_refused_score_says_what_was_typed_why_and_what_stays_stored() {
    let above = ScoreInputError::AboveMax {
        points: Points(3100),
        max: Points(3000),
    };
    assert_eq!(
        screen_text::score_refused(Lang::Vi, " 31 ", above, Some(Points(2850))),
        "“31” vượt quá điểm tối đa 30 của tiêu chí. Chưa lưu; điểm đã lưu vẫn là 28,5."
    );
    assert_eq!(
        screen_text::score_refused(Lang::En, "abc", ScoreInputError::NotANumber, None),
        "“abc” is not a score (a number from 0 with at most two decimals, e.g. 27.5). Not saved; this cell still has no score."
    );
}
