//! Totals and ranking of scores: each item capped at its maximum, criteria
//! summed, bonus added, deductions subtracted; units ranked by the cluster's
//! total with shared ranks for equal totals. Integers (hundredths) only.

use std::collections::BTreeMap;

use crate::domain::{CriteriaTable, ItemKind, Points, Scorer, UnitId, UnitScores};

/// A unit's total by one scorer, in hundredths of a point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScoreTotal {
    pub criteria: i64,
    pub bonus: i64,
    pub deductions: i64,
    /// criteria + bonus − deductions.
    pub total: i64,
}

/// Totals of `scores` by `scorer` under `table`; `None` if that scorer gave
/// no score at all. Scores of items no longer in the table are ignored.
pub fn total(table: &CriteriaTable, scores: &UnitScores, scorer: Scorer) -> Option<ScoreTotal> {
    let given = scores.by(scorer);
    if given.is_empty() {
        return None;
    }
    let mut sum = ScoreTotal::default();
    for item in &table.items {
        let Some(points) = given.get(&item.id) else {
            continue;
        };
        let capped = i64::from(points.0.min(item.max.0));
        match item.kind {
            ItemKind::Criterion => sum.criteria += capped,
            ItemKind::Bonus => sum.bonus += capped,
            ItemKind::Deduction => sum.deductions += capped,
        }
    }
    sum.total = sum.criteria + sum.bonus - sum.deductions;
    Some(sum)
}

/// One line of the score table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankRow {
    pub unit: UnitId,
    pub self_total: Option<ScoreTotal>,
    pub cluster_total: Option<ScoreTotal>,
    /// 1 + the number of units with a higher cluster total; `None` for a
    /// unit the cluster has not scored.
    pub rank: Option<u32>,
}

/// The ranking of `members` by cluster total, highest first; equal totals
/// share a rank; unscored units last, in member order.
pub fn ranking(
    table: &CriteriaTable,
    members: &[UnitId],
    sheet: &BTreeMap<UnitId, UnitScores>,
) -> Vec<RankRow> {
    let empty = UnitScores::default();
    let mut rows: Vec<RankRow> = members
        .iter()
        .map(|unit| {
            let scores = sheet.get(unit).unwrap_or(&empty);
            RankRow {
                unit: *unit,
                self_total: total(table, scores, Scorer::SelfScore),
                cluster_total: total(table, scores, Scorer::Cluster),
                rank: None,
            }
        })
        .collect();
    let totals: Vec<i64> = rows
        .iter()
        .filter_map(|r| r.cluster_total.map(|t| t.total))
        .collect();
    for row in &mut rows {
        row.rank = row
            .cluster_total
            .map(|t| 1 + totals.iter().filter(|o| **o > t.total).count() as u32);
    }
    crate::sort::sort_by_key(&mut rows, |r| r.rank.unwrap_or(u32::MAX));
    rows
}

/// Rank per scored unit, for the ballot's score tie-break.
pub fn rank_map(
    table: &CriteriaTable,
    members: &[UnitId],
    sheet: &BTreeMap<UnitId, UnitScores>,
) -> BTreeMap<UnitId, u32> {
    ranking(table, members, sheet)
        .into_iter()
        .filter_map(|r| r.rank.map(|rank| (r.unit, rank)))
        .collect()
}

/// Whether `points` may be given for an item with maximum `max`.
pub fn within_max(points: Points, max: Points) -> bool {
    points <= max
}
