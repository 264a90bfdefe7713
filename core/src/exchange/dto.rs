//! Data-transfer objects: the stored shape of units, clusters and settings,
//! kept apart from the domain types so that the format can evolve. A field
//! marked `default` may be missing (records written before it existed);
//! an `Option` missing reads as `None`; unknown fields are ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::regulation_dto::{regulation_dto, regulation_from};
use super::{RecordError, RegulationDto};

use crate::domain::{
    AchievementReport, Cluster, ClusterId, CriteriaTable, Criterion, CriterionId, Date,
    EmulationYear, Handover, ItemKind, Metric, Points, ReportSections, Unit, UnitId, UnitScores,
    YEAR_RANGE,
};
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitDto {
    pub id: u64,
    pub full_name: String,
    #[serde(default)]
    pub short_name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub commander: String,
    #[serde(default)]
    pub contact: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterDto {
    pub id: u64,
    pub name: String,
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub parent_org: String,
    #[serde(default)]
    pub notes: String,
    pub units: Vec<u64>,
    pub years: Vec<YearDto>,
    /// Missing (and not written) when it is the built-in default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulation: Option<RegulationDto>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearDto {
    pub year: u16,
    pub members: Vec<u64>,
    pub leader: Option<u64>,
    pub deputy: Option<u64>,
    pub handover: Option<HandoverDto>,
    #[serde(default)]
    pub criteria: Vec<CriterionDto>,
    #[serde(default)]
    pub scores: Vec<UnitScoresDto>,
    #[serde(default)]
    pub reports: Vec<ReportDto>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKindDto {
    Criterion,
    Bonus,
    Deduction,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionDto {
    pub id: u32,
    pub kind: ItemKindDto,
    #[serde(default)]
    pub group: String,
    pub name: String,
    /// Hundredths of a point.
    pub max: u32,
    #[serde(default)]
    pub guidance: String,
}

/// Scores as `[item id, hundredths]` pairs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitScoresDto {
    pub unit: u64,
    pub self_scores: Vec<(u32, u32)>,
    pub cluster_scores: Vec<(u32, u32)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportDto {
    pub unit: u64,
    pub narrative: String,
    pub metrics: Vec<MetricDto>,
    /// The dossier's sections as edited; absent until one is, so older
    /// records keep their bytes.
    #[serde(default, skip_serializing_if = "SectionsDto::is_empty")]
    pub sections: SectionsDto,
}

/// The sections of an achievement report edited for the dossier
/// (`domain::ReportSections`); an empty section is not written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionsDto {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mission: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub achievements: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub movements: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub awards: String,
}

impl SectionsDto {
    fn is_empty(&self) -> bool {
        self == &SectionsDto::default()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricDto {
    pub name: String,
    pub value: String,
    #[serde(default)]
    pub measure: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandoverDto {
    pub from: u64,
    pub to: u64,
    /// ISO date, `2024-10-03`.
    pub date: String,
    /// Absent when empty, so a hand-over without a place is stored as
    /// before the place was kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingsDto {
    pub lang: String,
}

impl From<&Unit> for UnitDto {
    fn from(unit: &Unit) -> UnitDto {
        UnitDto {
            id: unit.id.0,
            full_name: unit.full_name.clone(),
            short_name: unit.short_name.clone(),
            kind: unit.kind.clone(),
            commander: unit.commander.clone(),
            contact: unit.contact.clone(),
        }
    }
}

impl TryFrom<UnitDto> for Unit {
    type Error = RecordError;

    fn try_from(dto: UnitDto) -> Result<Unit, RecordError> {
        if dto.full_name.trim().is_empty() {
            return Err(RecordError::invalid("data.full_name", "is empty"));
        }
        Ok(Unit {
            id: UnitId(dto.id),
            full_name: dto.full_name,
            short_name: dto.short_name,
            kind: dto.kind,
            commander: dto.commander,
            contact: dto.contact,
        })
    }
}

impl From<&Cluster> for ClusterDto {
    fn from(cluster: &Cluster) -> ClusterDto {
        ClusterDto {
            id: cluster.id.0,
            name: cluster.name.clone(),
            number: cluster.number.clone(),
            parent_org: cluster.parent_org.clone(),
            notes: cluster.notes.clone(),
            units: cluster.units.iter().map(|u| u.0).collect(),
            years: cluster.years.iter().map(year_dto).collect(),
            regulation: regulation_dto(&cluster.regulation),
        }
    }
}

/// A year of a cluster in its stored shape.
pub(super) fn year_dto(y: &EmulationYear) -> YearDto {
    YearDto {
        year: y.year,
        members: y.members.iter().map(|u| u.0).collect(),
        leader: y.leader.map(|u| u.0),
        deputy: y.deputy.map(|u| u.0),
        handover: y.handover.as_ref().map(|h| HandoverDto {
            from: h.from.0,
            to: h.to.0,
            date: h.date.to_string(),
            place: h.place.clone(),
            note: h.note.clone(),
        }),
        criteria: criteria_dto(&y.criteria),
        scores: y
            .scores
            .iter()
            .map(|(unit, s)| UnitScoresDto {
                unit: unit.0,
                self_scores: s.self_scores.iter().map(|(k, v)| (k.0, v.0)).collect(),
                cluster_scores: s.cluster_scores.iter().map(|(k, v)| (k.0, v.0)).collect(),
            })
            .collect(),
        reports: y
            .reports
            .iter()
            .map(|(unit, r)| report_dto(*unit, r))
            .collect(),
    }
}

impl TryFrom<ClusterDto> for Cluster {
    type Error = RecordError;

    /// Checks every invariant the domain relies on, naming the field that
    /// breaks one.
    fn try_from(dto: ClusterDto) -> Result<Cluster, RecordError> {
        if dto.name.trim().is_empty() {
            return Err(RecordError::invalid("data.name", "is empty"));
        }
        let units: Vec<UnitId> = dto.units.iter().copied().map(UnitId).collect();
        for (idx, unit) in units.iter().enumerate() {
            if units[..idx].contains(unit) {
                return Err(RecordError::invalid(
                    format!("data.units[{idx}]"),
                    format!("unit {unit} is listed twice"),
                ));
            }
        }
        let mut years: Vec<EmulationYear> = Vec::with_capacity(dto.years.len());
        for (idx, year) in dto.years.into_iter().enumerate() {
            let path = format!("data.years[{idx}]");
            if !YEAR_RANGE.contains(&year.year) {
                return Err(RecordError::invalid(
                    format!("{path}.year"),
                    format!("{} is out of range", year.year),
                ));
            }
            if years.iter().any(|y| y.year == year.year) {
                return Err(RecordError::invalid(
                    format!("{path}.year"),
                    format!("year {} appears twice", year.year),
                ));
            }
            let members: Vec<UnitId> = year.members.iter().copied().map(UnitId).collect();
            for (m_idx, member) in members.iter().enumerate() {
                if !units.contains(member) {
                    return Err(RecordError::invalid(
                        format!("{path}.members[{m_idx}]"),
                        format!("unit {member} is not in the cluster"),
                    ));
                }
                if members[..m_idx].contains(member) {
                    return Err(RecordError::invalid(
                        format!("{path}.members[{m_idx}]"),
                        format!("unit {member} is listed twice"),
                    ));
                }
            }
            let leader = year.leader.map(UnitId);
            let deputy = year.deputy.map(UnitId);
            if leader.is_some_and(|l| !members.contains(&l)) {
                return Err(RecordError::invalid(
                    format!("{path}.leader"),
                    "is not a member",
                ));
            }
            if deputy.is_some_and(|d| !members.contains(&d)) {
                return Err(RecordError::invalid(
                    format!("{path}.deputy"),
                    "is not a member",
                ));
            }
            if leader.is_some() && leader == deputy {
                return Err(RecordError::invalid(
                    format!("{path}.deputy"),
                    "is the leader too",
                ));
            }
            let handover = match year.handover {
                None => None,
                Some(h) => {
                    let date: Date = h.date.parse().map_err(|()| {
                        RecordError::invalid(
                            format!("{path}.handover.date"),
                            format!("{:?} is not a date (YYYY-MM-DD)", h.date),
                        )
                    })?;
                    if Some(UnitId(h.from)) != leader {
                        return Err(RecordError::invalid(
                            format!("{path}.handover.from"),
                            "is not the year's leader",
                        ));
                    }
                    if !units.contains(&UnitId(h.to)) || h.to == h.from {
                        return Err(RecordError::invalid(
                            format!("{path}.handover.to"),
                            "is not another unit of the cluster",
                        ));
                    }
                    Some(Handover {
                        from: UnitId(h.from),
                        to: UnitId(h.to),
                        date,
                        place: h.place,
                        note: h.note,
                    })
                }
            };
            let criteria = criteria_from(year.criteria, &path)?;
            let scores = scores_from(year.scores, &criteria, &members, &path)?;
            let mut reports = BTreeMap::new();
            for (r_idx, report) in year.reports.into_iter().enumerate() {
                if !members.contains(&UnitId(report.unit)) {
                    return Err(RecordError::invalid(
                        format!("{path}.reports[{r_idx}].unit"),
                        "is not a member",
                    ));
                }
                reports.insert(UnitId(report.unit), report_from(report));
            }
            years.push(EmulationYear {
                criteria,
                scores,
                reports,
                year: year.year,
                members,
                leader,
                deputy,
                handover,
            });
        }
        crate::sort::sort_by_key(&mut years, |y| y.year);
        let regulation = regulation_from(dto.regulation)?;
        Ok(Cluster {
            id: ClusterId(dto.id),
            name: dto.name,
            number: dto.number,
            parent_org: dto.parent_org,
            notes: dto.notes,
            units,
            years: years.into(),
            regulation,
        })
    }
}

impl From<Lang> for SettingsDto {
    fn from(lang: Lang) -> SettingsDto {
        SettingsDto {
            lang: lang.code().to_owned(),
        }
    }
}

impl TryFrom<SettingsDto> for Lang {
    type Error = RecordError;

    fn try_from(dto: SettingsDto) -> Result<Lang, RecordError> {
        Lang::from_code(&dto.lang).ok_or_else(|| {
            RecordError::invalid(
                "data.lang",
                format!("{:?} is not a language of the app", dto.lang),
            )
        })
    }
}

pub(super) fn criteria_dto(table: &CriteriaTable) -> Vec<CriterionDto> {
    table
        .items
        .iter()
        .map(|c| CriterionDto {
            id: c.id.0,
            kind: match c.kind {
                ItemKind::Criterion => ItemKindDto::Criterion,
                ItemKind::Bonus => ItemKindDto::Bonus,
                ItemKind::Deduction => ItemKindDto::Deduction,
            },
            group: c.group.clone(),
            name: c.name.clone(),
            max: c.max.0,
            guidance: c.guidance.clone(),
        })
        .collect()
}

pub(super) fn report_dto(unit: UnitId, report: &AchievementReport) -> ReportDto {
    ReportDto {
        unit: unit.0,
        narrative: report.narrative.clone(),
        metrics: report
            .metrics
            .iter()
            .map(|m| MetricDto {
                name: m.name.clone(),
                value: m.value.clone(),
                measure: m.measure.clone(),
            })
            .collect(),
        sections: SectionsDto {
            mission: report.sections.mission.clone(),
            achievements: report.sections.achievements.clone(),
            movements: report.sections.movements.clone(),
            awards: report.sections.awards.clone(),
        },
    }
}

pub(super) fn report_from(dto: ReportDto) -> AchievementReport {
    AchievementReport {
        narrative: dto.narrative,
        metrics: dto
            .metrics
            .into_iter()
            .map(|m| Metric {
                name: m.name,
                value: m.value,
                measure: m.measure,
            })
            .collect(),
        sections: ReportSections {
            mission: dto.sections.mission,
            achievements: dto.sections.achievements,
            movements: dto.sections.movements,
            awards: dto.sections.awards,
        },
    }
}

pub(super) fn criteria_from(
    items: Vec<CriterionDto>,
    path: &str,
) -> Result<CriteriaTable, RecordError> {
    let mut table = CriteriaTable::default();
    for (idx, item) in items.into_iter().enumerate() {
        if table.item(CriterionId(item.id)).is_some() {
            return Err(RecordError::invalid(
                format!("{path}.criteria[{idx}].id"),
                "appears twice",
            ));
        }
        if item.max == 0 {
            return Err(RecordError::invalid(
                format!("{path}.criteria[{idx}].max"),
                "must be above zero",
            ));
        }
        table.items.push(Criterion {
            id: CriterionId(item.id),
            kind: match item.kind {
                ItemKindDto::Criterion => ItemKind::Criterion,
                ItemKindDto::Bonus => ItemKind::Bonus,
                ItemKindDto::Deduction => ItemKind::Deduction,
            },
            group: item.group,
            name: item.name,
            max: Points(item.max),
            guidance: item.guidance,
        });
    }
    Ok(table)
}

fn scores_from(
    sheets: Vec<UnitScoresDto>,
    table: &CriteriaTable,
    members: &[UnitId],
    path: &str,
) -> Result<BTreeMap<UnitId, UnitScores>, RecordError> {
    let mut out = BTreeMap::new();
    for (idx, sheet) in sheets.into_iter().enumerate() {
        let here = format!("{path}.scores[{idx}]");
        if !members.contains(&UnitId(sheet.unit)) {
            return Err(RecordError::invalid(
                format!("{here}.unit"),
                "is not a member",
            ));
        }
        let mut scores = UnitScores::default();
        for (field, pairs, target) in [
            ("self_scores", sheet.self_scores, &mut scores.self_scores),
            (
                "cluster_scores",
                sheet.cluster_scores,
                &mut scores.cluster_scores,
            ),
        ] {
            for (p_idx, (item, points)) in pairs.into_iter().enumerate() {
                let Some(criterion) = table.item(CriterionId(item)) else {
                    return Err(RecordError::invalid(
                        format!("{here}.{field}[{p_idx}]"),
                        format!("item {item} is not in the criteria table"),
                    ));
                };
                if points > criterion.max.0 {
                    return Err(RecordError::invalid(
                        format!("{here}.{field}[{p_idx}]"),
                        "is above the item's maximum",
                    ));
                }
                target.insert(CriterionId(item), Points(points));
            }
        }
        out.insert(UnitId(sheet.unit), scores);
    }
    Ok(out)
}
