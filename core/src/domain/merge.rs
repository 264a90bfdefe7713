//! Bringing what files carry into the workspace (PRODUCT.md §8 “Import”). A
//! `Bundle` is what one or more files hold; `plan` compares it record by
//! record with the workspace (new, identical, different); `apply` makes
//! the user's choices on a copy and checks the whole result, so an import
//! applies entirely or not at all.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    AchievementReport, Cluster, ClusterId, CriteriaTable, CriterionId, EmulationYear, Meeting,
    MeetingId, Points, Scorer, Unit, UnitId, UnitScores, Workspace,
};

/// One unit's report and self scores for one cluster-year (file kind
/// *unit-report*), with the criteria table it was scored against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitReport {
    pub cluster: ClusterId,
    pub cluster_name: String,
    pub year: u16,
    pub unit: Unit,
    pub criteria: CriteriaTable,
    pub self_scores: BTreeMap<CriterionId, Points>,
    pub report: Option<AchievementReport>,
}

/// Everything some files bring, already checked record by record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bundle {
    pub units: Vec<Unit>,
    pub clusters: Vec<Cluster>,
    pub meetings: Vec<Meeting>,
    pub reports: Vec<UnitReport>,
}

/// Which record an item of the preview is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RecordKey {
    Unit(UnitId),
    Cluster(ClusterId),
    Year(ClusterId, u16),
    Scores(ClusterId, u16, UnitId, ScorerKey),
    Report(ClusterId, u16, UnitId),
    Meeting(MeetingId),
}

/// `Scorer` with an order, for keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScorerKey {
    SelfScore,
    Cluster,
}

impl From<ScorerKey> for Scorer {
    fn from(key: ScorerKey) -> Scorer {
        match key {
            ScorerKey::SelfScore => Scorer::SelfScore,
            ScorerKey::Cluster => Scorer::Cluster,
        }
    }
}

/// The content of one record. A cluster that exists on both sides is
/// compared without its years (`years` empty), and a year that exists on
/// both sides without its scores and reports: those are items of their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Unit(Unit),
    Cluster(Cluster),
    Year(EmulationYear),
    Scores(BTreeMap<CriterionId, Points>),
    Report(AchievementReport),
    Meeting(Meeting),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    New,
    Identical,
    /// Both sides have it, with different content: `mine` is what this
    /// laptop has.
    Differs {
        mine: Box<Part>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub key: RecordKey,
    pub theirs: Part,
    pub status: Status,
}

impl Item {
    /// Their record compared with this laptop's (`None`: this laptop has none).
    fn compared(key: RecordKey, mine: Option<Part>, theirs: Part) -> Item {
        Item {
            key,
            status: status(mine, &theirs),
            theirs,
        }
    }

    /// Whether “keep both” makes sense: a second unit or cluster under a
    /// new id, or both reports' texts one after the other. A year's
    /// settings, a score sheet or a meeting exist once per cluster-year.
    pub fn can_keep_both(&self) -> bool {
        matches!(
            self.theirs,
            Part::Unit(_) | Part::Cluster(_) | Part::Report(_)
        )
    }
}

/// What the user chose for a differing record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// Leave this laptop's version (the default: an import changes nothing
    /// the user did not pick).
    #[default]
    KeepMine,
    TakeTheirs,
    KeepBoth,
}

/// The comparison of a bundle with the workspace, item by item, in the
/// files' order: units, clusters (their years, scores, reports), unit
/// reports, meetings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub items: Vec<Item>,
}

impl Plan {
    pub fn count(&self, wanted: fn(&Status) -> bool) -> usize {
        self.items.iter().filter(|i| wanted(&i.status)).count()
    }
    pub fn new_count(&self) -> usize {
        self.count(|s| matches!(s, Status::New))
    }
    pub fn identical_count(&self) -> usize {
        self.count(|s| matches!(s, Status::Identical))
    }
    pub fn differing_count(&self) -> usize {
        self.count(|s| matches!(s, Status::Differs { .. }))
    }
}

/// Why an import cannot be made. Each names the record.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("two files carry {what} with different content")]
    FilesDisagree { what: String },
    #[error("{what} belongs to cluster {cluster:?} ({year}), which is not on this laptop; import that cluster's file first")]
    ClusterMissing {
        what: String,
        cluster: String,
        year: u16,
    },
    #[error("{unit:?} is not a member of {cluster:?} in {year} on this laptop")]
    NotAMember {
        unit: String,
        cluster: String,
        year: u16,
    },
    #[error("the report of {unit:?} scores item {item} ({name:?}), which this laptop's criteria table for {year} has as {here:?}")]
    CriteriaDiffer {
        unit: String,
        year: u16,
        item: u32,
        name: String,
        here: String,
    },
    #[error("after the import, {0}")]
    Broken(IntegrityProblem),
    #[error("“keep both” cannot be chosen for {0}")]
    CannotKeepBoth(String),
}

impl Bundle {
    /// Adds what another file brings. A record both carry must be the
    /// same in both.
    pub fn absorb(&mut self, other: Bundle) -> Result<(), MergeError> {
        fn add<T: PartialEq + Clone, K: PartialEq>(
            list: &mut Vec<T>,
            more: Vec<T>,
            key: impl Fn(&T) -> K,
            what: impl Fn(&T) -> String,
        ) -> Result<(), MergeError> {
            for item in more {
                match list.iter().find(|x| key(x) == key(&item)) {
                    Some(existing) if *existing == item => {}
                    Some(_) => return Err(MergeError::FilesDisagree { what: what(&item) }),
                    None => list.push(item),
                }
            }
            Ok(())
        }
        add(
            &mut self.units,
            other.units,
            |u| u.id,
            |u| format!("unit {:?}", u.full_name),
        )?;
        add(
            &mut self.clusters,
            other.clusters,
            |c| c.id,
            |c| format!("cluster {:?}", c.name),
        )?;
        add(
            &mut self.meetings,
            other.meetings,
            |m| m.id,
            |m| format!("the meeting of {}", m.year),
        )?;
        add(
            &mut self.reports,
            other.reports,
            |r| (r.cluster, r.year, r.unit.id),
            |r| format!("the report of {:?} for {}", r.unit.full_name, r.year),
        )
    }

    /// The workspace these records make when read one by one (storage at
    /// start-up), and the records that left it: while
    /// `check_integrity_except` finds a record at fault, that record
    /// leaves with its problem, and a reference to it (or to a record in
    /// `aside`, set aside already) is then no fault of the record making
    /// it, so one bad record never takes others with it.
    pub fn settle(
        self,
        aside: &BTreeSet<RecordRef>,
    ) -> (Workspace, Vec<(RecordRef, IntegrityProblem)>) {
        let mut ws = Workspace {
            units: self.units,
            clusters: self.clusters,
            meetings: self.meetings,
        };
        let mut aside = aside.clone();
        let mut left = Vec::new();
        while let Err(error) = check_integrity_except(&ws, &aside) {
            let found = match error.record {
                RecordRef::Unit(id) => take_last(&mut ws.units, |u| u.id == id),
                RecordRef::Cluster(id) => take_last(&mut ws.clusters, |c| c.id == id),
                RecordRef::Meeting(id) => take_last(&mut ws.meetings, |m| m.id == id),
            };
            // Each turn takes one record out, so this ends; a fault naming
            // no record here cannot happen, but would not loop either.
            if !found {
                break;
            }
            aside.insert(error.record);
            left.push((error.record, error.problem));
        }
        (ws, left)
    }

    /// `ws` with the records these files bring that it does not have, so
    /// that a preview can name every record it lists. Only for names: it
    /// is neither checked nor ever stored.
    pub fn naming(&self, ws: &Workspace) -> Workspace {
        let mut naming = ws.clone();
        let units = self
            .units
            .iter()
            .chain(self.reports.iter().map(|r| &r.unit));
        for unit in units {
            if naming.unit(unit.id).is_none() {
                naming.units.push(unit.clone());
            }
        }
        for cluster in &self.clusters {
            if naming.cluster(cluster.id).is_none() {
                naming.clusters.push(cluster.clone());
            }
        }
        for meeting in &self.meetings {
            if naming.meeting(meeting.id).is_none() {
                naming.meetings.push(meeting.clone());
            }
        }
        naming
    }
}

/// Removes the last item of `list` that `is` picks; whether there was one.
fn take_last<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool) -> bool {
    let at = list.iter().rposition(is);
    at.map(|i| list.remove(i)).is_some()
}

fn status(mine: Option<Part>, theirs: &Part) -> Status {
    match mine {
        None => Status::New,
        Some(m) if m == *theirs => Status::Identical,
        Some(m) => Status::Differs { mine: Box::new(m) },
    }
}

fn cluster_header(c: &Cluster) -> Cluster {
    Cluster {
        years: Default::default(),
        ..c.clone()
    }
}

fn year_settings(y: &EmulationYear) -> EmulationYear {
    EmulationYear {
        scores: BTreeMap::new(),
        reports: BTreeMap::new(),
        ..y.clone()
    }
}

/// Compares a bundle with the workspace. Refuses a unit report whose
/// cluster-year is not here, whose unit is not a member, or whose items
/// mean something else in this laptop's criteria table.
pub fn plan(ws: &Workspace, bundle: &Bundle) -> Result<Plan, MergeError> {
    let mut items = Vec::new();
    for unit in &bundle.units {
        items.push(Item::compared(
            RecordKey::Unit(unit.id),
            ws.unit(unit.id).cloned().map(Part::Unit),
            Part::Unit(unit.clone()),
        ));
    }
    for cluster in &bundle.clusters {
        let key = RecordKey::Cluster(cluster.id);
        let Some(mine) = ws.cluster(cluster.id) else {
            items.push(Item::compared(key, None, Part::Cluster(cluster.clone())));
            continue;
        };
        items.push(Item::compared(
            key,
            Some(Part::Cluster(cluster_header(mine))),
            Part::Cluster(cluster_header(cluster)),
        ));
        for year in &cluster.years {
            let key = RecordKey::Year(cluster.id, year.year);
            let Some(my_year) = mine.year(year.year) else {
                items.push(Item::compared(key, None, Part::Year(year.clone())));
                continue;
            };
            items.push(Item::compared(
                key,
                Some(Part::Year(year_settings(my_year))),
                Part::Year(year_settings(year)),
            ));
            for (unit, scores) in &year.scores {
                for scorer in [ScorerKey::SelfScore, ScorerKey::Cluster] {
                    score_item(&mut items, cluster.id, my_year, *unit, scorer, scores);
                }
            }
            for (unit, report) in &year.reports {
                report_item(&mut items, cluster.id, my_year, *unit, report);
            }
        }
    }
    for report in &bundle.reports {
        unit_report_items(ws, bundle, report, &mut items)?;
    }
    for meeting in &bundle.meetings {
        items.push(Item::compared(
            RecordKey::Meeting(meeting.id),
            ws.meeting(meeting.id).cloned().map(Part::Meeting),
            Part::Meeting(meeting.clone()),
        ));
    }
    Ok(Plan { items })
}

fn score_item(
    items: &mut Vec<Item>,
    cluster: ClusterId,
    my_year: &EmulationYear,
    unit: UnitId,
    scorer: ScorerKey,
    scores: &UnitScores,
) {
    let theirs = scores.by(scorer.into());
    if theirs.is_empty() {
        return;
    }
    let mine = my_year
        .scores
        .get(&unit)
        .map(|s| s.by(scorer.into()))
        .filter(|m| !m.is_empty())
        .cloned()
        .map(Part::Scores);
    items.push(Item::compared(
        RecordKey::Scores(cluster, my_year.year, unit, scorer),
        mine,
        Part::Scores(theirs.clone()),
    ));
}

fn report_item(
    items: &mut Vec<Item>,
    cluster: ClusterId,
    my_year: &EmulationYear,
    unit: UnitId,
    report: &AchievementReport,
) {
    items.push(Item::compared(
        RecordKey::Report(cluster, my_year.year, unit),
        my_year.reports.get(&unit).cloned().map(Part::Report),
        Part::Report(report.clone()),
    ));
}

fn unit_report_items(
    ws: &Workspace,
    bundle: &Bundle,
    report: &UnitReport,
    items: &mut Vec<Item>,
) -> Result<(), MergeError> {
    let what = format!("the report of {:?}", report.unit.full_name);
    let cluster = ws
        .cluster(report.cluster)
        .or_else(|| bundle.clusters.iter().find(|c| c.id == report.cluster));
    let Some(year) = cluster.and_then(|c| c.year(report.year)) else {
        return Err(MergeError::ClusterMissing {
            what,
            cluster: report.cluster_name.clone(),
            year: report.year,
        });
    };
    if !year.members.contains(&report.unit.id) {
        return Err(MergeError::NotAMember {
            unit: report.unit.full_name.clone(),
            cluster: report.cluster_name.clone(),
            year: report.year,
        });
    }
    for id in report.self_scores.keys() {
        let theirs = report.criteria.item(*id).map(|c| c.name.as_str());
        let here = year.criteria.item(*id).map(|c| c.name.as_str());
        if theirs != here || here.is_none() {
            return Err(MergeError::CriteriaDiffer {
                unit: report.unit.full_name.clone(),
                year: report.year,
                item: id.0,
                name: theirs.unwrap_or_default().to_owned(),
                here: here.unwrap_or_default().to_owned(),
            });
        }
    }
    if !items
        .iter()
        .any(|i| i.key == RecordKey::Unit(report.unit.id))
    {
        items.push(Item::compared(
            RecordKey::Unit(report.unit.id),
            ws.unit(report.unit.id).cloned().map(Part::Unit),
            Part::Unit(report.unit.clone()),
        ));
    }
    let scores = UnitScores {
        self_scores: report.self_scores.clone(),
        cluster_scores: BTreeMap::new(),
    };
    score_item(
        items,
        report.cluster,
        year,
        report.unit.id,
        ScorerKey::SelfScore,
        &scores,
    );
    if let Some(text) = &report.report {
        report_item(items, report.cluster, year, report.unit.id, text);
    }
    Ok(())
}

/// A name not yet used by `taken`: `name (2)`, `name (3)`, …
fn second_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    (2u32..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_owned())
}

fn merged_report(mine: &AchievementReport, theirs: &AchievementReport) -> AchievementReport {
    let mut out = mine.clone();
    if !theirs.narrative.trim().is_empty() && theirs.narrative != mine.narrative {
        out.narrative = if mine.narrative.trim().is_empty() {
            theirs.narrative.clone()
        } else {
            format!("{}\n\n{}", mine.narrative, theirs.narrative)
        };
    }
    for metric in &theirs.metrics {
        if !out.metrics.contains(metric) {
            out.metrics.push(metric.clone());
        }
    }
    out
}

/// Applies a plan with the user's choices (`choices[i]` for `items[i]`;
/// new records are always added, identical ones left alone) and returns
/// the new workspace, or why it would be broken. `fresh` gives ids for
/// records kept twice.
pub fn apply(
    ws: &Workspace,
    plan: &Plan,
    choices: &[Choice],
    fresh: &mut dyn FnMut() -> u64,
) -> Result<Workspace, MergeError> {
    let mut out = ws.clone();
    for (idx, item) in plan.items.iter().enumerate() {
        let choice = match item.status {
            Status::New => Choice::TakeTheirs,
            Status::Identical => continue,
            Status::Differs { .. } => choices.get(idx).copied().unwrap_or_default(),
        };
        if choice == Choice::KeepMine {
            continue;
        }
        if choice == Choice::KeepBoth && !item.can_keep_both() {
            return Err(MergeError::CannotKeepBoth(describe_key(&out, &item.key)));
        }
        let both = choice == Choice::KeepBoth;
        match (&item.key, &item.theirs) {
            (RecordKey::Unit(id), Part::Unit(unit)) => {
                if both {
                    let name = second_name(&unit.full_name, |n| {
                        let key = super::unit_name_key(n);
                        out.units.iter().any(|u| u.name_key() == key)
                    });
                    out.units.push(Unit {
                        id: UnitId(fresh()),
                        full_name: name,
                        short_name: String::new(),
                        ..unit.clone()
                    });
                } else if let Some(mine) = out.units.iter_mut().find(|u| u.id == *id) {
                    *mine = unit.clone();
                } else {
                    out.units.push(unit.clone());
                }
            }
            (RecordKey::Cluster(id), Part::Cluster(cluster)) => {
                if both {
                    let name = second_name(&cluster.name, |n| {
                        let key = super::cluster_name_key(n, &cluster.parent_org);
                        out.clusters.iter().any(|c| c.name_key() == key)
                    });
                    let mut copy = cluster.clone();
                    copy.id = ClusterId(fresh());
                    copy.name = name;
                    copy.years = whole_years(plan, *id).into();
                    out.clusters.push(copy);
                } else if let Some(mine) = out.clusters.iter_mut().find(|c| c.id == *id) {
                    let years = std::mem::take(&mut mine.years);
                    *mine = Cluster {
                        years,
                        ..cluster.clone()
                    };
                } else {
                    out.clusters.push(cluster.clone());
                }
            }
            (RecordKey::Year(cluster, year), Part::Year(theirs)) => {
                let target = out.clusters.iter_mut().find(|c| c.id == *cluster).ok_or(
                    MergeError::Broken(IntegrityProblem::ClusterGone { cluster: *cluster }),
                )?;
                match target.years.iter_mut().find(|y| y.year == *year) {
                    Some(mine) => {
                        let scores = std::mem::take(&mut mine.scores);
                        let reports = std::mem::take(&mut mine.reports);
                        *mine = EmulationYear {
                            scores,
                            reports,
                            ..theirs.clone()
                        };
                    }
                    None => {
                        target.years.push(theirs.clone());
                        crate::sort::sort_by_key(&mut target.years, |y| y.year);
                    }
                }
            }
            (RecordKey::Scores(cluster, year, unit, scorer), Part::Scores(theirs)) => {
                let y = year_mut(&mut out, *cluster, *year)?;
                let sheet = y.scores.entry(*unit).or_default();
                match scorer {
                    ScorerKey::SelfScore => sheet.self_scores = theirs.clone(),
                    ScorerKey::Cluster => sheet.cluster_scores = theirs.clone(),
                }
            }
            (RecordKey::Report(cluster, year, unit), Part::Report(theirs)) => {
                let y = year_mut(&mut out, *cluster, *year)?;
                let merged = match (both, y.reports.get(unit)) {
                    (true, Some(mine)) => merged_report(mine, theirs),
                    // A unit's file carries no dossier sections (the
                    // leader writes them): taking its report keeps ours.
                    (false, Some(mine)) if theirs.sections.is_empty() => AchievementReport {
                        sections: mine.sections.clone(),
                        ..theirs.clone()
                    },
                    _ => theirs.clone(),
                };
                y.reports.insert(*unit, merged);
            }
            (RecordKey::Meeting(id), Part::Meeting(theirs)) => {
                if let Some(mine) = out.meetings.iter_mut().find(|m| m.id == *id) {
                    *mine = theirs.clone();
                } else {
                    out.meetings.push(theirs.clone());
                }
            }
            _ => return Err(MergeError::Broken(IntegrityProblem::PreviewInconsistent)),
        }
    }
    check_integrity(&out).map_err(|e| MergeError::Broken(e.problem))?;
    Ok(out)
}

/// The years of a cluster as the file has them: its year items, whole.
fn whole_years(plan: &Plan, id: ClusterId) -> Vec<EmulationYear> {
    let mut years: Vec<EmulationYear> = plan
        .items
        .iter()
        .filter_map(|i| match (&i.key, &i.theirs) {
            (RecordKey::Year(c, _), Part::Year(y)) if *c == id => Some(y.clone()),
            _ => None,
        })
        .collect();
    for year in &mut years {
        for item in &plan.items {
            match (&item.key, &item.theirs) {
                (RecordKey::Scores(c, y, unit, scorer), Part::Scores(s))
                    if *c == id && *y == year.year =>
                {
                    let sheet = year.scores.entry(*unit).or_default();
                    match scorer {
                        ScorerKey::SelfScore => sheet.self_scores = s.clone(),
                        ScorerKey::Cluster => sheet.cluster_scores = s.clone(),
                    }
                }
                (RecordKey::Report(c, y, unit), Part::Report(r)) if *c == id && *y == year.year => {
                    year.reports.insert(*unit, r.clone());
                }
                _ => {}
            }
        }
    }
    years
}

fn year_mut(
    ws: &mut Workspace,
    cluster: ClusterId,
    year: u16,
) -> Result<&mut EmulationYear, MergeError> {
    ws.clusters
        .iter_mut()
        .find(|c| c.id == cluster)
        .and_then(|c| c.years.iter_mut().find(|y| y.year == year))
        .ok_or(MergeError::Broken(IntegrityProblem::YearGone {
            cluster,
            year,
        }))
}

/// A record's name for messages and the preview.
pub fn describe_key(ws: &Workspace, key: &RecordKey) -> String {
    match key {
        RecordKey::Unit(u) => ws.unit_name(*u),
        RecordKey::Cluster(c) => ws.cluster_name(*c),
        RecordKey::Year(c, y) => format!("{} · {y}", ws.cluster_name(*c)),
        RecordKey::Scores(c, y, u, _) | RecordKey::Report(c, y, u) => {
            format!("{} · {y} · {}", ws.cluster_name(*c), ws.unit_name(*u))
        }
        RecordKey::Meeting(m) => ws
            .meeting(*m)
            .map(|m| format!("{} · {}", ws.cluster_name(m.cluster), m.year))
            .unwrap_or_default(),
    }
}

/// The record a broken workspace is broken by: the one to refuse or set
/// aside so that the rest holds together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RecordRef {
    Unit(UnitId),
    Cluster(ClusterId),
    Meeting(MeetingId),
}

/// What `check_integrity` found: the record at fault and the problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{problem}")]
pub struct IntegrityError {
    pub record: RecordRef,
    pub problem: IntegrityProblem,
}

/// Why a workspace does not hold together, as a coded value with what
/// its message needs (names as they were when found: the record may be
/// set aside since). Worded for people by
/// `i18n::describe_integrity_problem`; the English `Display` is for logs
/// and tests.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IntegrityProblem {
    #[error("unit id {unit} is used twice")]
    UnitIdTwice { unit: UnitId },
    #[error("two different units are named {name:?} (ids {first} and {second})")]
    UnitNameTwice {
        name: String,
        first: UnitId,
        second: UnitId,
    },
    #[error("cluster id {cluster} is used twice")]
    ClusterIdTwice { cluster: ClusterId },
    #[error("two clusters are named {name:?} under the same parent body {parent:?}")]
    ClusterNameTwice { name: String, parent: String },
    #[error("cluster {cluster:?} lists unit {unit}, which is not on this laptop")]
    ClusterListsMissingUnit { cluster: String, unit: UnitId },
    #[error("{cluster:?} {year} has unit {unit}, which is not in the cluster")]
    YearHasStranger {
        cluster: String,
        year: u16,
        unit: UnitId,
    },
    #[error("{cluster:?} {year} has a score for item {item}, which its criteria table lacks")]
    ScoreForMissingItem {
        cluster: String,
        year: u16,
        item: u32,
    },
    #[error("{cluster:?} {year} has a score above the maximum of item {item}")]
    ScoreAboveMax {
        cluster: String,
        year: u16,
        item: u32,
    },
    #[error("meeting id {meeting} is used twice")]
    MeetingIdTwice { meeting: u64 },
    #[error("{cluster:?} has two meetings in {year}")]
    TwoMeetings { cluster: String, year: u16 },
    #[error("the meeting of {cluster:?} {year} names unit {unit}, which is not on this laptop")]
    MeetingNamesMissingUnit {
        cluster: String,
        year: u16,
        unit: UnitId,
    },
    #[error("a meeting of {year} belongs to cluster {cluster}, which is not on this laptop")]
    MeetingWithoutCluster { cluster: ClusterId, year: u16 },
    #[error("the hand count of round {award:?} ({year}) gives votes to unit {unit}, which is not a candidate")]
    HandVotesForNonCandidate {
        award: String,
        year: u16,
        unit: UnitId,
    },
    #[error("the count of round {award:?} ({year}) does not reconcile: {error}")]
    CountDoesNotReconcile {
        award: String,
        year: u16,
        error: super::ReconcileError,
    },
    /// An import's own steps: a cluster it writes into is gone.
    #[error("cluster {cluster} is missing")]
    ClusterGone { cluster: ClusterId },
    /// An import's own steps: a year it writes into is gone.
    #[error("cluster {cluster} has no year {year}")]
    YearGone { cluster: ClusterId, year: u16 },
    /// An import's own steps: the preview and the file do not agree.
    #[error("a preview item is inconsistent")]
    PreviewInconsistent,
}

fn broken(record: RecordRef, problem: IntegrityProblem) -> Result<(), IntegrityError> {
    Err(IntegrityError { record, problem })
}

/// The second reading of a workspace as a whole, run on every way data
/// comes in (storage at start-up, files, snapshots): ids unique, names
/// unique by the domain's own rules (`Unit::name_key`,
/// `Cluster::name_key`), every reference resolves (a meeting's candidates
/// and delegates included), scores only on the
/// year's items and never above their maximum, one meeting per
/// cluster-year, and every closed count
/// reconciles (`reconcile`), hand totals only for candidates.
/// Returns the first problem, naming the record at fault (the later of
/// two that clash, or the one whose reference does not resolve).
pub fn check_integrity(ws: &Workspace) -> Result<(), IntegrityError> {
    check_integrity_except(ws, &std::collections::BTreeSet::new())
}

/// `check_integrity`, where a reference to a record in `set_aside` (one
/// the loader could not take, kept aside and reported) is not a fault of
/// the record that makes it: one bad record never takes others with it.
pub fn check_integrity_except(
    ws: &Workspace,
    set_aside: &std::collections::BTreeSet<RecordRef>,
) -> Result<(), IntegrityError> {
    let mut unit_ids = std::collections::BTreeSet::new();
    let mut unit_names: BTreeMap<String, UnitId> = BTreeMap::new();
    for unit in &ws.units {
        let here = RecordRef::Unit(unit.id);
        if !unit_ids.insert(unit.id) {
            return broken(here, IntegrityProblem::UnitIdTwice { unit: unit.id });
        }
        if let Some(other) = unit_names.insert(unit.name_key(), unit.id) {
            return broken(
                here,
                IntegrityProblem::UnitNameTwice {
                    name: unit.full_name.clone(),
                    first: other,
                    second: unit.id,
                },
            );
        }
    }
    let mut cluster_ids = std::collections::BTreeSet::new();
    let mut cluster_names = std::collections::BTreeSet::new();
    for cluster in &ws.clusters {
        let here = RecordRef::Cluster(cluster.id);
        if !cluster_ids.insert(cluster.id) {
            return broken(
                here,
                IntegrityProblem::ClusterIdTwice {
                    cluster: cluster.id,
                },
            );
        }
        if !cluster_names.insert(cluster.name_key()) {
            return broken(
                here,
                IntegrityProblem::ClusterNameTwice {
                    name: cluster.name.clone(),
                    parent: cluster.parent_org.clone(),
                },
            );
        }
        for unit in &cluster.units {
            if !unit_ids.contains(unit) && !set_aside.contains(&RecordRef::Unit(*unit)) {
                return broken(
                    here,
                    IntegrityProblem::ClusterListsMissingUnit {
                        cluster: cluster.name.clone(),
                        unit: *unit,
                    },
                );
            }
        }
        for year in &cluster.years {
            let strangers = year
                .scores
                .keys()
                .chain(year.reports.keys())
                .chain(&year.members);
            for unit in strangers {
                if !cluster.units.contains(unit) {
                    return broken(
                        here,
                        IntegrityProblem::YearHasStranger {
                            cluster: cluster.name.clone(),
                            year: year.year,
                            unit: *unit,
                        },
                    );
                }
            }
            for sheet in year.scores.values() {
                let scores = sheet.self_scores.iter().chain(&sheet.cluster_scores);
                for (item, points) in scores {
                    let Some(criterion) = year.criteria.item(*item) else {
                        return broken(
                            here,
                            IntegrityProblem::ScoreForMissingItem {
                                cluster: cluster.name.clone(),
                                year: year.year,
                                item: item.0,
                            },
                        );
                    };
                    // As on entry and on load: never above the maximum.
                    if *points > criterion.max {
                        return broken(
                            here,
                            IntegrityProblem::ScoreAboveMax {
                                cluster: cluster.name.clone(),
                                year: year.year,
                                item: item.0,
                            },
                        );
                    }
                }
            }
        }
    }
    let mut meeting_ids = std::collections::BTreeSet::new();
    let mut meeting_years = std::collections::BTreeSet::new();
    for meeting in &ws.meetings {
        let here = RecordRef::Meeting(meeting.id);
        if !meeting_ids.insert(meeting.id) {
            return broken(
                here,
                IntegrityProblem::MeetingIdTwice {
                    meeting: meeting.id.0,
                },
            );
        }
        if !meeting_years.insert((meeting.cluster, meeting.year)) {
            return broken(
                here,
                IntegrityProblem::TwoMeetings {
                    cluster: ws.cluster_name(meeting.cluster),
                    year: meeting.year,
                },
            );
        }
        // Units are never deleted: every unit a meeting names is here.
        let delegates = match &meeting.voters {
            super::Voters::OnePerUnit => Vec::new(),
            super::Voters::Delegates(list) => list.iter().map(|d| d.unit).collect(),
        };
        let roll: Vec<UnitId> = meeting
            .rounds
            .iter()
            .filter_map(|r| match &r.state {
                super::RoundState::Open(booth) => Some(booth.entitled.iter().map(|v| v.unit)),
                _ => None,
            })
            .flatten()
            .collect();
        let named = meeting
            .rounds
            .iter()
            .flat_map(|r| {
                r.candidates
                    .iter()
                    .chain(&r.excluded)
                    .chain(r.printed.iter().flatten())
            })
            .chain(&delegates)
            .chain(&roll);
        for unit in named {
            if !unit_ids.contains(unit) && !set_aside.contains(&RecordRef::Unit(*unit)) {
                return broken(
                    here,
                    IntegrityProblem::MeetingNamesMissingUnit {
                        cluster: ws.cluster_name(meeting.cluster),
                        year: meeting.year,
                        unit: *unit,
                    },
                );
            }
        }
        let Some(year) = ws
            .cluster(meeting.cluster)
            .and_then(|c| c.year(meeting.year))
        else {
            if set_aside.contains(&RecordRef::Cluster(meeting.cluster)) {
                continue;
            }
            return broken(
                here,
                IntegrityProblem::MeetingWithoutCluster {
                    cluster: meeting.cluster,
                    year: meeting.year,
                },
            );
        };
        check_counts(meeting, year).map_err(|problem| IntegrityError {
            record: here,
            problem,
        })?;
    }
    Ok(())
}

/// Every closed count of a meeting reconciles as the domain required when
/// it was closed; hand totals name only the round's candidates.
fn check_counts(meeting: &Meeting, year: &EmulationYear) -> Result<(), IntegrityProblem> {
    for round in &meeting.rounds {
        // As `rules::rounds::results` counts them.
        let Some((totals, places)) = meeting.closed_totals(round, year) else {
            continue;
        };
        let super::RoundState::Closed(count) = &round.state else {
            continue;
        };
        if let super::CountSource::Hand(hand) = &count.source {
            if let Some(unit) = hand.votes.keys().find(|u| !round.candidates.contains(u)) {
                return Err(IntegrityProblem::HandVotesForNonCandidate {
                    award: round.award.clone(),
                    year: meeting.year,
                    unit: *unit,
                });
            }
        }
        super::reconcile(&totals, places).map_err(|error| {
            IntegrityProblem::CountDoesNotReconcile {
                award: round.award.clone(),
                year: meeting.year,
                error,
            }
        })?;
    }
    Ok(())
}
