//! Emulation years (năm thi đua) of a cluster: members, leader, deputy, hand-over and their edits.
//!
//! The hand-over passes the flag; deleting a year takes its scores,
//! reports and meeting with it.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use super::clusters::sort_by_rotation;
use super::{
    sample_criteria, AchievementReport, Cluster, ClusterId, CriteriaTable, Date, DomainError,
    RoundState, ScoreSheet, UnitId, Workspace,
};

/// Years a user may create; anything else is a typing mistake.
pub const YEAR_RANGE: RangeInclusive<u16> = 1990..=2100;

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
    pub reports: BTreeMap<UnitId, AchievementReport>,
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
    /// Where the flag was handed over; empty when not recorded (records
    /// from before the place was kept).
    pub place: String,
    pub note: String,
}

/// Refuses a year number outside `YEAR_RANGE`.
fn check_year_number(year: u16) -> Result<(), DomainError> {
    if YEAR_RANGE.contains(&year) {
        Ok(())
    } else {
        Err(DomainError::YearOutOfRange(year))
    }
}

impl EmulationYear {
    /// Refuses a hand-over this year cannot make: to a unit that is not
    /// one of the cluster's `units`, from another unit than this year's
    /// leader, or from the leader to itself.
    fn check_handover(&self, units: &[UnitId], h: &Handover) -> Result<(), DomainError> {
        if !units.contains(&h.to) {
            return Err(DomainError::UnitNotInCluster(h.to));
        }
        if self.leader != Some(h.from) {
            return Err(if self.leader.is_none() {
                DomainError::HandoverWithoutLeader
            } else {
                DomainError::HandoverNotFromLeader
            });
        }
        if h.to == h.from {
            return Err(DomainError::HandoverToSelf);
        }
        Ok(())
    }

    /// The year checked as `Workspace::add_year` and
    /// `Workspace::set_handover` check one for `cluster`: its number in
    /// `YEAR_RANGE`, members among the cluster's units, leader and deputy
    /// members and not the same unit, and a hand-over from the leader to
    /// another unit of the cluster; its members put in rotation order.
    pub(super) fn checked(self, cluster: &Cluster) -> Result<EmulationYear, DomainError> {
        check_year_number(self.year)?;
        let draft = YearDraft {
            members: self.members,
            leader: self.leader,
            deputy: self.deputy,
        };
        let draft = Workspace::checked_year_draft(cluster, draft)?;
        let year = EmulationYear {
            members: draft.members,
            ..self
        };
        if let Some(h) = &year.handover {
            year.check_handover(&cluster.units, h)?;
        }
        Ok(year)
    }
}

impl Workspace {
    /// The members of a cluster-year with their display names, in rotation
    /// order; empty if the year does not exist.
    pub fn members_named(&self, cluster: ClusterId, year: u16) -> Vec<(UnitId, String)> {
        self.cluster(cluster)
            .and_then(|c| c.year(year))
            .map(|y| y.members.iter().map(|u| (*u, self.unit_name(*u))).collect())
            .unwrap_or_default()
    }

    pub(super) fn year_mut(
        &mut self,
        cluster: ClusterId,
        year: u16,
    ) -> Result<&mut EmulationYear, DomainError> {
        self.cluster_mut(cluster)?
            .year_mut(year)
            .ok_or(DomainError::UnknownYear(year))
    }

    /// Validates a year's membership and roles against the cluster.
    pub(super) fn checked_year_draft(
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
        check_year_number(year)?;
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
            reports: BTreeMap::new(),
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
            .is_some_and(|m| m.rounds.iter().any(|r| r.state != RoundState::Draft));
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
        let units = &cluster.units;
        let target = cluster
            .years
            .iter_mut()
            .find(|y| y.year == year)
            .ok_or(DomainError::UnknownYear(year))?;
        if let Some(h) = &handover {
            target.check_handover(units, h)?;
        }
        target.handover = handover.map(|h| Handover {
            note: h.note.trim().to_owned(),
            place: h.place.trim().to_owned(),
            ..h
        });
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
