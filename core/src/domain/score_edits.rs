//! The edits of a year's scoring: criteria items, scores and a unit's achievement report.
//!
//! Beside `scoring`, its data: items of the criteria table, scores never
//! above an item's maximum, and a unit's achievement report.

use super::{
    AchievementReport, ClusterId, CriterionDraft, CriterionId, DomainError, Points, Scorer, UnitId,
    Workspace,
};

impl Workspace {
    pub fn add_criterion(
        &mut self,
        cluster: ClusterId,
        year: u16,
        draft: CriterionDraft,
    ) -> Result<CriterionId, DomainError> {
        if draft.name.trim().is_empty() {
            return Err(DomainError::EmptyCriterionName);
        }
        if draft.max == Points(0) {
            return Err(DomainError::ZeroMax);
        }
        Ok(self.year_mut(cluster, year)?.criteria.add(draft))
    }

    /// Removes an item and every score given for it.
    pub fn remove_criterion(
        &mut self,
        cluster: ClusterId,
        year: u16,
        item: CriterionId,
    ) -> Result<(), DomainError> {
        let target = self.year_mut(cluster, year)?;
        if target.criteria.item(item).is_none() {
            return Err(DomainError::UnknownCriterion);
        }
        target.criteria.items.retain(|c| c.id != item);
        for scores in target.scores.values_mut() {
            scores.self_scores.remove(&item);
            scores.cluster_scores.remove(&item);
        }
        target.scores.retain(|_, scores| !scores.is_empty());
        Ok(())
    }

    /// Sets (or clears) one score; never above the item's maximum.
    pub fn set_score(
        &mut self,
        cluster: ClusterId,
        year: u16,
        unit: UnitId,
        scorer: Scorer,
        item: CriterionId,
        points: Option<Points>,
    ) -> Result<(), DomainError> {
        let target = self.year_mut(cluster, year)?;
        if !target.members.contains(&unit) {
            return Err(DomainError::NotAMember(unit));
        }
        let max = target
            .criteria
            .item(item)
            .ok_or(DomainError::UnknownCriterion)?
            .max;
        if let Some(points) = points.filter(|p| *p > max) {
            return Err(DomainError::ScoreOverMax { points, max });
        }
        let scores = target.scores.entry(unit).or_default();
        scores.set(scorer, item, points);
        if scores.is_empty() {
            target.scores.remove(&unit);
        }
        Ok(())
    }

    /// Replaces a unit's achievement report, its dossier sections kept;
    /// blank metric rows are dropped.
    pub fn set_report(
        &mut self,
        cluster: ClusterId,
        year: u16,
        unit: UnitId,
        mut report: AchievementReport,
    ) -> Result<(), DomainError> {
        let target = self.year_mut(cluster, year)?;
        if !target.members.contains(&unit) {
            return Err(DomainError::NotAMember(unit));
        }
        report.metrics.retain(|m| {
            !(m.name.trim().is_empty() && m.value.trim().is_empty() && m.measure.trim().is_empty())
        });
        if report.metrics.iter().any(|m| m.name.trim().is_empty()) {
            return Err(DomainError::MetricWithoutName);
        }
        for metric in &mut report.metrics {
            metric.name = metric.name.trim().to_owned();
            metric.value = metric.value.trim().to_owned();
            metric.measure = metric.measure.trim().to_owned();
        }
        report.narrative = report.narrative.trim().to_owned();
        // The dossier's sections are edited on their own screen.
        report.sections = target
            .reports
            .get(&unit)
            .map(|r| r.sections.clone())
            .unwrap_or_default();
        if report.is_empty() {
            target.reports.remove(&unit);
        } else {
            target.reports.insert(unit, report);
        }
        Ok(())
    }
}
