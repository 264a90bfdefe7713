//! The workspace: every unit and cluster on this laptop, and the edits a
//! user can make to them. Every edit validates first and changes nothing
//! when it returns an error.

use std::ops::RangeInclusive;

use super::{
    sample_criteria, AchievementReport, ClusterId, CriteriaTable, CriterionDraft, CriterionId,
    Date, Points, ReconcileError, ScoreSheet, Scorer, UnitId,
};

/// Years a user may create; anything else is a typing mistake.
pub const YEAR_RANGE: RangeInclusive<u16> = 1990..=2100;

/// A unit (đơn vị), which may belong to several clusters over the years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: UnitId,
    pub full_name: String,
    /// May be empty; then the full name is shown everywhere.
    pub short_name: String,
    /// Free text: "Cơ quan", "Lữ đoàn", "Đồn Biên phòng", …
    pub kind: String,
    /// Commander and how to reach them, free text.
    pub commander: String,
    pub contact: String,
}

impl Unit {
    /// What makes two units the same unit to a reader (`unit_name_key`).
    pub fn name_key(&self) -> String {
        unit_name_key(&self.full_name)
    }

    /// The name used in lists and tables.
    pub fn display_name(&self) -> &str {
        if self.short_name.trim().is_empty() {
            &self.full_name
        } else {
            &self.short_name
        }
    }
}

/// What a user typed for a unit, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitDraft {
    pub full_name: String,
    pub short_name: String,
    pub kind: String,
    pub commander: String,
    pub contact: String,
}

/// An emulation cluster (cụm thi đua) and all its years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub id: ClusterId,
    pub name: String,
    /// "8" for "Cụm thi đua số 8"; free text, may be empty.
    pub number: String,
    pub parent_org: String,
    pub notes: String,
    /// Every unit that is or was in the cluster, in the order the leader
    /// role rotates (the cluster's regulation fixes that order).
    pub units: Vec<UnitId>,
    /// Ascending by year, at most one per year.
    pub years: Vec<EmulationYear>,
}

impl Cluster {
    /// What makes two clusters the same cluster to a reader
    /// (`cluster_name_key`).
    pub fn name_key(&self) -> (String, String) {
        cluster_name_key(&self.name, &self.parent_org)
    }

    pub fn year(&self, year: u16) -> Option<&EmulationYear> {
        self.years.iter().find(|y| y.year == year)
    }

    fn year_mut(&mut self, year: u16) -> Option<&mut EmulationYear> {
        self.years.iter_mut().find(|y| y.year == year)
    }
}

/// What a user typed for a cluster, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClusterDraft {
    pub name: String,
    pub number: String,
    pub parent_org: String,
    pub notes: String,
}

/// One emulation year (năm thi đua) of a cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmulationYear {
    pub year: u16,
    /// Member units this year, in the cluster's rotation order.
    pub members: Vec<UnitId>,
    pub leader: Option<UnitId>,
    pub deputy: Option<UnitId>,
    /// The leader flag passed on at this year's closing meeting.
    pub handover: Option<Handover>,
    pub criteria: CriteriaTable,
    pub scores: ScoreSheet,
    pub reports: std::collections::BTreeMap<UnitId, AchievementReport>,
}

/// Membership and roles of a year, as a user chose them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearDraft {
    pub members: Vec<UnitId>,
    pub leader: Option<UnitId>,
    pub deputy: Option<UnitId>,
}

/// The hand-over (bàn giao) of the leader flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handover {
    pub from: UnitId,
    pub to: UnitId,
    pub date: Date,
    pub note: String,
}

/// Why an edit was refused. Each names the field it belongs to, so the
/// screen can show it beside that field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("the unit's full name is empty")]
    EmptyUnitName,
    #[error("the cluster's name is empty")]
    EmptyClusterName,
    #[error("a unit named {name:?} already exists")]
    DuplicateUnitName { name: String },
    #[error("a cluster named {name:?} already exists")]
    DuplicateClusterName { name: String },
    #[error("the new record's id is already in use")]
    IdInUse,
    #[error("unit {0} does not exist")]
    UnknownUnit(UnitId),
    #[error("cluster {0} does not exist")]
    UnknownCluster(ClusterId),
    #[error("the cluster has no year {0}")]
    UnknownYear(u16),
    #[error("year {0} is outside {min}–{max}", min = YEAR_RANGE.start(), max = YEAR_RANGE.end())]
    YearOutOfRange(u16),
    #[error("year {0} already exists in this cluster")]
    YearExists(u16),
    #[error("unit {0} is already in this cluster")]
    UnitAlreadyInCluster(UnitId),
    #[error("unit {0} is not in this cluster")]
    UnitNotInCluster(UnitId),
    #[error("unit {unit} is a member in year {year}; remove it from that year first")]
    UnitStillMember { unit: UnitId, year: u16 },
    #[error("the leader unit is not a member this year")]
    LeaderNotMember,
    #[error("the deputy unit is not a member this year")]
    DeputyNotMember,
    #[error("the leader and the deputy are the same unit")]
    LeaderIsDeputy,
    #[error("a hand-over needs a leader unit this year")]
    HandoverWithoutLeader,
    #[error("the hand-over is from this year's leader; remove it before changing the leader")]
    HandoverNotFromLeader,
    #[error("the flag cannot be handed over to the unit that holds it")]
    HandoverToSelf,
    #[error("a vote is in progress; end it before deleting")]
    VoteInProgress,
    #[error("another tab or window is running this vote")]
    RoundInAnotherTab,
    /// Storage refused the snapshot taken before a deletion, and the copy
    /// could not be downloaded either; the text says why.
    #[error("no snapshot could be kept before deleting: {0}")]
    SnapshotFailed(String),
    /// The step would change or drop this round (its award) while it is in
    /// progress: files and snapshots hold no ballots of an open round
    /// (`exchange::seal`), so nothing could bring them back.
    #[error("the round {0:?} is in progress: this step would lose its ballots")]
    VoteWouldBeLost(String),
    /// A round of the year's meeting has opened: its places and roll were
    /// counted from the members, so they can no longer change.
    #[error("the year's members cannot change once a round has opened")]
    MembersFrozenByVote,
    /// The edit is on screen but storage did not take it (the text says
    /// why); it is never reported as saved.
    #[error("the change is not saved: {0}")]
    NotSaved(String),
    /// Another tab changed what this form or edit started from: nothing was
    /// changed here, and the screen now shows the newer values.
    #[error("the data was changed in another tab")]
    ChangedInAnotherTab,
    /// The vote's lock could not be written (storage full): the step is
    /// refused, or two tabs could run one vote.
    #[error("the vote's lock could not be kept: {0}")]
    VoteLockFailed(String),
    #[error("the meeting does not exist")]
    UnknownMeeting,
    #[error("this year already has a meeting")]
    MeetingExists,
    #[error("a counting committee has 3 to 5 members, not {0}")]
    CommitteeSize(usize),
    #[error("a committee member has no name")]
    CommitteeMemberWithoutName,
    #[error("a delegate of unit {0} has no name")]
    DelegateWithoutName(UnitId),
    #[error("the round does not exist")]
    UnknownRound,
    #[error("the award is empty")]
    EmptyAward,
    #[error("the round has no candidates")]
    NoCandidates,
    #[error("the quota gives no place to fill")]
    QuotaZero,
    #[error("the round has already been opened")]
    RoundNotDraft,
    #[error("the round is not open")]
    RoundNotOpen,
    #[error("the round is not closed")]
    RoundNotClosed,
    #[error("another round is open")]
    AnotherRoundOpen,
    #[error("an earlier round has not been held yet")]
    EarlierRoundNotClosed,
    #[error("a round is open; its roll is frozen")]
    RoundIsOpen,
    #[error("the PIN needs at least 4 characters")]
    PinTooShort,
    #[error("wrong PIN")]
    WrongPin,
    #[error("nobody is entitled to vote")]
    NoVoters,
    #[error("voting has started; presence is frozen")]
    VotingStarted,
    #[error("not on the roll")]
    NotOnRoll,
    #[error("the laptop is locked: the operator's PIN is needed")]
    BoothLocked,
    #[error("no quorum: {present} of {entitled} present")]
    NoQuorum { present: u32, entitled: u32 },
    #[error("the voter is not marked present")]
    NotPresent,
    #[error("this voter has already voted")]
    AlreadyVoted,
    #[error("no ballot is being filled")]
    NoBallotInProgress,
    #[error("a unit on the ballot is not a candidate")]
    NotACandidate,
    #[error("more approvals than places")]
    TooManyApprovals,
    #[error("a delegate may not approve their own unit in this round")]
    SelfVote,
    #[error("the round has no tie and no place left")]
    NoRunoffNeeded,
    #[error("a runoff of this round is already prepared")]
    RunoffExists,
    #[error("a later round has already opened; a runoff would change its candidates")]
    LaterRoundStarted,
    #[error("the item has no name")]
    EmptyCriterionName,
    #[error("the item's maximum must be above zero")]
    ZeroMax,
    #[error("the item does not exist")]
    UnknownCriterion,
    #[error("{points:?} exceeds the maximum {max:?}")]
    ScoreOverMax { points: Points, max: Points },
    #[error("unit {0} is not a member this year")]
    NotAMember(UnitId),
    #[error("a score must be a number from 0, with at most two decimals")]
    NotAScore,
    #[error("a metric has a value but no name")]
    MetricWithoutName,
    #[error("{present} present is more than the {entitled} entitled voters")]
    PresentOverEntitled { present: u32, entitled: u32 },
    #[error("the count does not reconcile: {0}")]
    Count(ReconcileError),
    #[error("unit {0} is not a candidate in this round")]
    NotACandidateUnit(UnitId),
    #[error("the candidates changed after the ballot papers were printed")]
    PapersOutdated,
    #[error("entry pass {0} is finished")]
    PassFinished(u32),
    #[error("no ballot to take back")]
    NothingToUndo,
    #[error("entry pass {0} has no ballots")]
    NoBallotsEntered(u32),
    #[error("both entry passes must be finished first")]
    PassNotFinished,
    #[error("the two passes agree on ballot {0}")]
    NoDifferenceAt(u32),
    #[error("settle ballot {0} first")]
    SettleInOrder(u32),
    #[error("the two passes differ on {0} ballots")]
    PassesDiffer(u32),
    #[error("{0:?} is not a whole number from 0")]
    NotACount(String),
    #[error("{0:?} is not a candidate's number on the paper")]
    NotOnPaper(String),
}

/// A step in the rotation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    Earlier,
    Later,
}

/// Every unit and cluster on this laptop.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workspace {
    pub units: Vec<Unit>,
    pub clusters: Vec<Cluster>,
    pub meetings: Vec<super::Meeting>,
}

/// Names are compared as people read them: case, surrounding and doubled
/// spaces do not make two names different.
pub(super) fn normalized_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The one uniqueness rule for units: two units may not have the same full
/// name as people read it. Two units clash exactly when their keys are
/// equal; creating or renaming a unit and the integrity check of a whole
/// workspace (`merge::check_integrity`) both use this key.
pub fn unit_name_key(full_name: &str) -> String {
    normalized_name(full_name)
}

/// The one uniqueness rule for clusters: two clusters may share a name
/// under different parent bodies, never under the same one (names compared
/// as people read them). Creating or renaming a cluster and the integrity
/// check of a whole workspace both use this key.
pub fn cluster_name_key(name: &str, parent_org: &str) -> (String, String) {
    (normalized_name(name), normalized_name(parent_org))
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl UnitDraft {
    fn into_unit(self, id: UnitId) -> Unit {
        Unit {
            id,
            full_name: clean(&self.full_name),
            short_name: clean(&self.short_name),
            kind: clean(&self.kind),
            commander: self.commander.trim().to_owned(),
            contact: self.contact.trim().to_owned(),
        }
    }
}

impl Workspace {
    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn cluster(&self, id: ClusterId) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    fn cluster_mut(&mut self, id: ClusterId) -> Result<&mut Cluster, DomainError> {
        self.clusters
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(DomainError::UnknownCluster(id))
    }

    /// A cluster's name, or an empty string for a missing cluster.
    pub fn cluster_name(&self, id: ClusterId) -> String {
        self.cluster(id).map(|c| c.name.clone()).unwrap_or_default()
    }

    /// The members of a cluster-year with their display names, in rotation
    /// order; empty if the year does not exist.
    pub fn members_named(&self, cluster: ClusterId, year: u16) -> Vec<(UnitId, String)> {
        self.cluster(cluster)
            .and_then(|c| c.year(year))
            .map(|y| y.members.iter().map(|u| (*u, self.unit_name(*u))).collect())
            .unwrap_or_default()
    }

    /// The name to show for a unit id, even one whose record is missing.
    pub fn unit_name(&self, id: UnitId) -> String {
        match self.unit(id) {
            Some(unit) => unit.display_name().to_owned(),
            None => format!("#{id}"),
        }
    }

    fn check_unit_draft(
        &self,
        draft: &UnitDraft,
        editing: Option<UnitId>,
    ) -> Result<(), DomainError> {
        if normalized_name(&draft.full_name).is_empty() {
            return Err(DomainError::EmptyUnitName);
        }
        let key = unit_name_key(&draft.full_name);
        let clash = self
            .units
            .iter()
            .any(|u| Some(u.id) != editing && u.name_key() == key);
        if clash {
            return Err(DomainError::DuplicateUnitName {
                name: clean(&draft.full_name),
            });
        }
        Ok(())
    }

    /// Creates a unit, and appends it to the rotation of `cluster` if given.
    pub fn add_unit(
        &mut self,
        id: UnitId,
        draft: UnitDraft,
        cluster: Option<ClusterId>,
    ) -> Result<(), DomainError> {
        self.check_unit_draft(&draft, None)?;
        if self.unit(id).is_some() {
            return Err(DomainError::IdInUse);
        }
        if let Some(cluster_id) = cluster {
            self.cluster_mut(cluster_id)?.units.push(id);
        }
        self.units.push(draft.into_unit(id));
        Ok(())
    }

    pub fn update_unit(&mut self, id: UnitId, draft: UnitDraft) -> Result<(), DomainError> {
        self.check_unit_draft(&draft, Some(id))?;
        let unit = self
            .units
            .iter_mut()
            .find(|u| u.id == id)
            .ok_or(DomainError::UnknownUnit(id))?;
        *unit = draft.into_unit(id);
        Ok(())
    }

    fn check_cluster_draft(
        &self,
        draft: &ClusterDraft,
        editing: Option<ClusterId>,
    ) -> Result<(), DomainError> {
        if normalized_name(&draft.name).is_empty() {
            return Err(DomainError::EmptyClusterName);
        }
        let key = cluster_name_key(&draft.name, &draft.parent_org);
        let clash = self
            .clusters
            .iter()
            .any(|c| Some(c.id) != editing && c.name_key() == key);
        if clash {
            return Err(DomainError::DuplicateClusterName {
                name: clean(&draft.name),
            });
        }
        Ok(())
    }

    pub fn add_cluster(&mut self, id: ClusterId, draft: ClusterDraft) -> Result<(), DomainError> {
        self.check_cluster_draft(&draft, None)?;
        if self.cluster(id).is_some() {
            return Err(DomainError::IdInUse);
        }
        self.clusters.push(Cluster {
            id,
            name: clean(&draft.name),
            number: clean(&draft.number),
            parent_org: clean(&draft.parent_org),
            notes: draft.notes.trim().to_owned(),
            units: Vec::new(),
            years: Vec::new(),
        });
        Ok(())
    }

    pub fn update_cluster(
        &mut self,
        id: ClusterId,
        draft: ClusterDraft,
    ) -> Result<(), DomainError> {
        self.check_cluster_draft(&draft, Some(id))?;
        let cluster = self.cluster_mut(id)?;
        cluster.name = clean(&draft.name);
        cluster.number = clean(&draft.number);
        cluster.parent_org = clean(&draft.parent_org);
        cluster.notes = draft.notes.trim().to_owned();
        Ok(())
    }

    /// Adds an existing unit (perhaps from another cluster) to the rotation.
    pub fn add_unit_to_cluster(
        &mut self,
        cluster: ClusterId,
        unit: UnitId,
    ) -> Result<(), DomainError> {
        if self.unit(unit).is_none() {
            return Err(DomainError::UnknownUnit(unit));
        }
        let cluster = self.cluster_mut(cluster)?;
        if cluster.units.contains(&unit) {
            return Err(DomainError::UnitAlreadyInCluster(unit));
        }
        cluster.units.push(unit);
        Ok(())
    }

    /// Takes a unit out of the rotation; refused while any year lists it.
    pub fn remove_unit_from_cluster(
        &mut self,
        cluster: ClusterId,
        unit: UnitId,
    ) -> Result<(), DomainError> {
        let cluster = self.cluster_mut(cluster)?;
        if let Some(year) = cluster.years.iter().find(|y| y.members.contains(&unit)) {
            return Err(DomainError::UnitStillMember {
                unit,
                year: year.year,
            });
        }
        let before = cluster.units.len();
        cluster.units.retain(|u| *u != unit);
        if cluster.units.len() == before {
            return Err(DomainError::UnitNotInCluster(unit));
        }
        Ok(())
    }

    /// Moves a unit one place in the rotation; members of every year follow
    /// the new order. Moving the first unit earlier changes nothing.
    pub fn move_in_rotation(
        &mut self,
        cluster: ClusterId,
        unit: UnitId,
        shift: Shift,
    ) -> Result<(), DomainError> {
        let cluster = self.cluster_mut(cluster)?;
        let idx = cluster
            .units
            .iter()
            .position(|u| *u == unit)
            .ok_or(DomainError::UnitNotInCluster(unit))?;
        let other = match shift {
            Shift::Earlier => idx.checked_sub(1),
            Shift::Later => Some(idx + 1),
        };
        if let Some(other) = other.filter(|o| *o < cluster.units.len()) {
            cluster.units.swap(idx, other);
            let order = cluster.units.clone();
            for year in &mut cluster.years {
                sort_by_rotation(&mut year.members, &order);
            }
        }
        Ok(())
    }

    /// Validates a year's membership and roles against the cluster.
    fn checked_year_draft(
        cluster: &Cluster,
        mut draft: YearDraft,
    ) -> Result<YearDraft, DomainError> {
        if let Some(outsider) = draft.members.iter().find(|m| !cluster.units.contains(m)) {
            return Err(DomainError::UnitNotInCluster(*outsider));
        }
        sort_by_rotation(&mut draft.members, &cluster.units);
        draft.members.dedup();
        if draft.leader.is_some_and(|l| !draft.members.contains(&l)) {
            return Err(DomainError::LeaderNotMember);
        }
        if draft.deputy.is_some_and(|d| !draft.members.contains(&d)) {
            return Err(DomainError::DeputyNotMember);
        }
        if draft.leader.is_some() && draft.leader == draft.deputy {
            return Err(DomainError::LeaderIsDeputy);
        }
        Ok(draft)
    }

    pub fn add_year(
        &mut self,
        cluster: ClusterId,
        year: u16,
        draft: YearDraft,
    ) -> Result<(), DomainError> {
        if !YEAR_RANGE.contains(&year) {
            return Err(DomainError::YearOutOfRange(year));
        }
        let cluster = self.cluster_mut(cluster)?;
        if cluster.year(year).is_some() {
            return Err(DomainError::YearExists(year));
        }
        let draft = Self::checked_year_draft(cluster, draft)?;
        // The table of the latest earlier year carries over; a first year
        // starts from the built-in sample table.
        let criteria = cluster
            .years
            .iter()
            .filter(|y| y.year < year)
            .max_by_key(|y| y.year)
            .map_or_else(sample_criteria, |y| y.criteria.clone());
        cluster.years.push(EmulationYear {
            year,
            members: draft.members,
            leader: draft.leader,
            deputy: draft.deputy,
            handover: None,
            criteria,
            scores: ScoreSheet::new(),
            reports: std::collections::BTreeMap::new(),
        });
        crate::sort::sort_by_key(&mut cluster.years, |y| y.year);
        Ok(())
    }

    pub fn update_year(
        &mut self,
        cluster: ClusterId,
        year: u16,
        draft: YearDraft,
    ) -> Result<(), DomainError> {
        // A round that has opened counted its places and voters from the
        // members: changing them would change a count already made (and
        // its results), so the membership is then frozen.
        let cluster_id = cluster;
        let voted = self
            .meeting_of(cluster_id, year)
            .is_some_and(|m| m.rounds.iter().any(|r| r.state != super::RoundState::Draft));
        let cluster = self.cluster_mut(cluster_id)?;
        let draft = Self::checked_year_draft(cluster, draft)?;
        let target = cluster
            .year_mut(year)
            .ok_or(DomainError::UnknownYear(year))?;
        if voted && target.members != draft.members {
            return Err(DomainError::MembersFrozenByVote);
        }
        if target
            .handover
            .as_ref()
            .is_some_and(|h| Some(h.from) != draft.leader)
        {
            return Err(DomainError::HandoverNotFromLeader);
        }
        target.members = draft.members;
        target.leader = draft.leader;
        target.deputy = draft.deputy;
        Ok(())
    }

    /// Records (or, with `None`, removes) the hand-over at the end of `year`.
    /// The flag goes from this year's leader to another unit of the cluster.
    pub fn set_handover(
        &mut self,
        cluster: ClusterId,
        year: u16,
        handover: Option<Handover>,
    ) -> Result<(), DomainError> {
        let cluster = self.cluster_mut(cluster)?;
        if let Some(h) = &handover {
            if !cluster.units.contains(&h.to) {
                return Err(DomainError::UnitNotInCluster(h.to));
            }
        }
        let target = cluster
            .year_mut(year)
            .ok_or(DomainError::UnknownYear(year))?;
        if let Some(h) = &handover {
            if target.leader != Some(h.from) {
                return Err(if target.leader.is_none() {
                    DomainError::HandoverWithoutLeader
                } else {
                    DomainError::HandoverNotFromLeader
                });
            }
            if h.to == h.from {
                return Err(DomainError::HandoverToSelf);
            }
        }
        target.handover = handover.map(|h| Handover {
            note: h.note.trim().to_owned(),
            ..h
        });
        Ok(())
    }
}

impl Workspace {
    fn year_mut(
        &mut self,
        cluster: ClusterId,
        year: u16,
    ) -> Result<&mut EmulationYear, DomainError> {
        self.cluster_mut(cluster)?
            .year_mut(year)
            .ok_or(DomainError::UnknownYear(year))
    }

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

    /// Replaces a unit's achievement report; blank metric rows are dropped.
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
        if report.narrative.is_empty() && report.metrics.is_empty() {
            target.reports.remove(&unit);
        } else {
            target.reports.insert(unit, report);
        }
        Ok(())
    }
}

/// Sorts `members` in the order of `rotation`; ids not in it go last.
fn sort_by_rotation(members: &mut [UnitId], rotation: &[UnitId]) {
    crate::sort::sort_by_key(members, |m| {
        rotation.iter().position(|r| r == m).unwrap_or(usize::MAX)
    });
}

impl Workspace {
    fn vote_in_progress(&self, cluster: ClusterId, year: Option<u16>) -> bool {
        self.meetings.iter().any(|m| {
            m.cluster == cluster && year.is_none_or(|y| m.year == y) && m.vote_in_progress()
        })
    }

    /// Deletes a cluster with all its years and meetings. Its units stay
    /// (they may belong to other clusters). Refused during a vote.
    pub fn delete_cluster(&mut self, id: ClusterId) -> Result<(), DomainError> {
        self.cluster(id).ok_or(DomainError::UnknownCluster(id))?;
        if self.vote_in_progress(id, None) {
            return Err(DomainError::VoteInProgress);
        }
        self.clusters.retain(|c| c.id != id);
        self.meetings.retain(|m| m.cluster != id);
        Ok(())
    }

    /// Deletes one year of a cluster with its scores, reports and meeting.
    pub fn delete_year(&mut self, cluster: ClusterId, year: u16) -> Result<(), DomainError> {
        let c = self
            .cluster(cluster)
            .ok_or(DomainError::UnknownCluster(cluster))?;
        c.year(year).ok_or(DomainError::UnknownYear(year))?;
        if self.vote_in_progress(cluster, Some(year)) {
            return Err(DomainError::VoteInProgress);
        }
        self.cluster_mut(cluster)?.years.retain(|y| y.year != year);
        self.meetings
            .retain(|m| !(m.cluster == cluster && m.year == year));
        Ok(())
    }
}
