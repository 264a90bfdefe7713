//! Scores (PRODUCT.md §3 steps 2–3): the criteria table of a cluster-year, each
//! unit's self score and cluster score per item, and its achievement report.
//! Points are kept in hundredths, so `7,5` is exact and nothing is a float.

use std::collections::BTreeMap;

use super::UnitId;

/// Points in hundredths of a point: `Points(750)` is 7,5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(pub u32);

impl Points {
    /// Reads `7`, `7,5`, `7.25` (decimal comma or point, at most two
    /// decimals, no sign).
    pub fn parse(text: &str) -> Option<Points> {
        let text = text.trim().replace(',', ".");
        let (whole, decimals) = text.split_once('.').unwrap_or((&text, ""));
        if whole.is_empty()
            || decimals.len() > 2
            || !whole
                .chars()
                .chain(decimals.chars())
                .all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let whole: u32 = whole.parse().ok()?;
        let decimals: u32 = match decimals.len() {
            0 => 0,
            1 => decimals.parse::<u32>().ok()? * 10,
            _ => decimals.parse().ok()?,
        };
        whole.checked_mul(100)?.checked_add(decimals).map(Points)
    }
}

/// Why a score typed into a cell of the grid was refused; nothing is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreInputError {
    /// Not a number with at most two decimals (`abc`, `7,555`).
    NotANumber,
    /// A minus sign on a criterion or bonus item, which are scored from 0.
    Negative,
    /// Above the item's maximum.
    AboveMax { points: Points, max: Points },
}

/// Reads what was typed into a score cell of an item of `kind` with
/// maximum `max`: empty clears the score (`None`). Deductions are kept as
/// the positive number of points taken off (PRODUCT.md §3: "less
/// deductions"), so on a deduction item `-2` is read as 2 points deducted,
/// which is what the user who typed it meant; on other items a minus sign
/// is refused.
pub fn parse_score(
    text: &str,
    kind: ItemKind,
    max: Points,
) -> Result<Option<Points>, ScoreInputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let points = Points::parse(digits).ok_or(ScoreInputError::NotANumber)?;
    if negative && kind != ItemKind::Deduction && points != Points(0) {
        return Err(ScoreInputError::Negative);
    }
    if points > max {
        return Err(ScoreInputError::AboveMax { points, max });
    }
    Ok(Some(points))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CriterionId(pub u32);

/// What an item of the table does to the total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// A criterion (tiêu chí), scored from 0 to its maximum.
    Criterion,
    /// A bonus item (điểm thưởng), added.
    Bonus,
    /// A deduction item (điểm trừ), subtracted.
    Deduction,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Criterion {
    pub id: CriterionId,
    pub kind: ItemKind,
    /// The group heading (nhóm tiêu chí); empty for bonus and deductions.
    pub group: String,
    pub name: String,
    pub max: Points,
    pub guidance: String,
}

/// The criteria table (bảng tiêu chí) of a cluster-year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CriteriaTable {
    pub items: Vec<Criterion>,
}

impl CriteriaTable {
    pub fn item(&self, id: CriterionId) -> Option<&Criterion> {
        self.items.iter().find(|c| c.id == id)
    }

    /// The sum of the criteria maxima (100 or 1000 are usual).
    pub fn max_total(&self) -> u32 {
        self.items
            .iter()
            .filter(|c| c.kind == ItemKind::Criterion)
            .map(|c| c.max.0)
            .sum()
    }

    fn next_id(&self) -> CriterionId {
        CriterionId(self.items.iter().map(|c| c.id.0 + 1).max().unwrap_or(1))
    }
}

/// Who gave a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scorer {
    /// The unit itself (tự chấm).
    SelfScore,
    /// The cluster (cụm chấm).
    Cluster,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitScores {
    pub self_scores: BTreeMap<CriterionId, Points>,
    pub cluster_scores: BTreeMap<CriterionId, Points>,
}

impl UnitScores {
    pub fn by(&self, scorer: Scorer) -> &BTreeMap<CriterionId, Points> {
        match scorer {
            Scorer::SelfScore => &self.self_scores,
            Scorer::Cluster => &self.cluster_scores,
        }
    }

    fn by_mut(&mut self, scorer: Scorer) -> &mut BTreeMap<CriterionId, Points> {
        match scorer {
            Scorer::SelfScore => &mut self.self_scores,
            Scorer::Cluster => &mut self.cluster_scores,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.self_scores.is_empty() && self.cluster_scores.is_empty()
    }
}

/// One named figure of a report: "Chuyên án đấu tranh thành công: 17".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metric {
    pub name: String,
    /// As written, Vietnamese style: `766,33`, `19.832.311`.
    pub value: String,
    pub measure: String,
}

/// A unit's achievement report (báo cáo thành tích) for a year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AchievementReport {
    pub narrative: String,
    pub metrics: Vec<Metric>,
    /// The report's sections as edited for the nomination dossier; kept
    /// when the narrative and metrics are edited (`set_report`).
    pub sections: super::ReportSections,
}

impl AchievementReport {
    /// Nothing written: no narrative, metric or dossier section.
    pub fn is_empty(&self) -> bool {
        self.narrative.trim().is_empty() && self.metrics.is_empty() && self.sections.is_empty()
    }
}

/// A new item, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionDraft {
    pub kind: ItemKind,
    pub group: String,
    pub name: String,
    pub max: Points,
    pub guidance: String,
}

impl CriteriaTable {
    /// Adds an item; returns its id.
    pub fn add(&mut self, draft: CriterionDraft) -> CriterionId {
        let id = self.next_id();
        self.items.push(Criterion {
            id,
            kind: draft.kind,
            group: draft.group.trim().to_owned(),
            name: draft.name.split_whitespace().collect::<Vec<_>>().join(" "),
            max: draft.max,
            guidance: draft.guidance.trim().to_owned(),
        });
        id
    }
}

/// A built-in table for a first year: five groups totalling 100 points,
/// with a bonus and a deduction item.
pub fn sample_criteria() -> CriteriaTable {
    let rows: [(ItemKind, &str, &str, u32, &str); 9] = [
        (
            ItemKind::Criterion,
            "I. Thực hiện nhiệm vụ chính trị",
            "Hoàn thành chỉ tiêu, nhiệm vụ được giao",
            30,
            "Căn cứ báo cáo tổng kết và đánh giá của cấp trên",
        ),
        (
            ItemKind::Criterion,
            "I. Thực hiện nhiệm vụ chính trị",
            "Công tác tham mưu, đề xuất",
            15,
            "Chất lượng, hiệu quả các văn bản tham mưu",
        ),
        (
            ItemKind::Criterion,
            "II. Xây dựng đơn vị",
            "Xây dựng tổ chức Đảng trong sạch vững mạnh",
            15,
            "Kết quả đánh giá, xếp loại tổ chức Đảng",
        ),
        (
            ItemKind::Criterion,
            "II. Xây dựng đơn vị",
            "Chính quy, quản lý kỷ luật",
            15,
            "Không có vi phạm kỷ luật nghiêm trọng",
        ),
        (
            ItemKind::Criterion,
            "III. Phong trào thi đua",
            "Tổ chức phong trào thi đua Quyết thắng",
            15,
            "Kế hoạch, sơ kết, tổng kết, điển hình tiên tiến",
        ),
        (
            ItemKind::Criterion,
            "III. Phong trào thi đua",
            "Công tác khen thưởng, nhân rộng điển hình",
            10,
            "Đúng, đủ, kịp thời",
        ),
        (
            ItemKind::Bonus,
            "",
            "Thành tích đột xuất được cấp trên khen thưởng",
            5,
            "Mỗi lần được khen: 1 điểm, tối đa 5",
        ),
        (
            ItemKind::Deduction,
            "",
            "Vi phạm kỷ luật, để xảy ra vụ việc",
            10,
            "Mỗi vụ việc: trừ 2 điểm, tối đa 10",
        ),
        (
            ItemKind::Deduction,
            "",
            "Chậm báo cáo theo quy định",
            5,
            "Mỗi lần: trừ 1 điểm, tối đa 5",
        ),
    ];
    let mut table = CriteriaTable::default();
    for (kind, group, name, max, guidance) in rows {
        table.add(CriterionDraft {
            kind,
            group: group.into(),
            name: name.into(),
            max: Points(max * 100),
            guidance: guidance.into(),
        });
    }
    table
}

impl UnitScores {
    /// Sets (or, with `None`, clears) one score.
    pub fn set(&mut self, scorer: Scorer, item: CriterionId, points: Option<Points>) {
        match points {
            Some(p) => {
                self.by_mut(scorer).insert(item, p);
            }
            None => {
                self.by_mut(scorer).remove(&item);
            }
        }
    }
}

/// Units' scores of a year, keyed by unit.
pub type ScoreSheet = BTreeMap<UnitId, UnitScores>;
