//! Emulation clusters (cụm thi đua): the record, its name rule, its rotation order and its edits.
//!
//! The one uniqueness rule for their names, their units in rotation order,
//! and their edits (deleting one with its years and meetings included).

use super::workspace::{clean, normalized_name};
use super::{ClusterId, DomainError, EmulationYear, Regulation, UnitId, Workspace};

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
    /// role rotates (the cluster's regulation fixes that order); changed
    /// only by the rotation edits (read with `units`).
    pub(crate) units: Vec<UnitId>,
    /// Ascending by year, at most one per year (kept by the edits; read
    /// with `years`).
    pub(crate) years: super::Shared<Vec<EmulationYear>>,
    /// The voting regulation new meetings and rounds start from; changed
    /// only by `Workspace::set_regulation`, which checks it (read with
    /// `regulation`).
    pub(crate) regulation: Regulation,
}

impl Cluster {
    /// What makes two clusters the same cluster to a reader
    /// (`cluster_name_key`).
    pub fn name_key(&self) -> (String, String) {
        cluster_name_key(&self.name, &self.parent_org)
    }

    /// Every unit that is or was in the cluster, in rotation order.
    pub fn units(&self) -> &[UnitId] {
        &self.units
    }

    /// The cluster's years, ascending, at most one per year.
    pub fn years(&self) -> &[EmulationYear] {
        &self.years
    }

    /// The cluster with `years` as its years, put in ascending order;
    /// refused if two are the same year or one fails the checks a year
    /// gets when added (`EmulationYear::checked`: number, members, roles,
    /// hand-over).
    pub fn with_years(self, years: Vec<EmulationYear>) -> Result<Cluster, DomainError> {
        let mut years = years
            .into_iter()
            .map(|y| y.checked(&self))
            .collect::<Result<Vec<_>, _>>()?;
        crate::sort::sort_by_key(&mut years, |y| y.year);
        if let Some(twice) = years.windows(2).find(|w| w[0].year == w[1].year) {
            return Err(DomainError::YearExists(twice[0].year));
        }
        Ok(Cluster {
            years: years.into(),
            ..self
        })
    }

    /// The cluster's voting regulation (quy chế).
    pub fn regulation(&self) -> &Regulation {
        &self.regulation
    }

    pub fn year(&self, year: u16) -> Option<&EmulationYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub(super) fn year_mut(&mut self, year: u16) -> Option<&mut EmulationYear> {
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

/// The one uniqueness rule for clusters: two clusters may share a name
/// under different parent bodies, never under the same one (names compared
/// as people read them). Creating or renaming a cluster and the integrity
/// check of a whole workspace both use this key.
pub fn cluster_name_key(name: &str, parent_org: &str) -> (String, String) {
    (normalized_name(name), normalized_name(parent_org))
}

/// A step in the rotation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    Earlier,
    Later,
}

impl Workspace {
    pub fn cluster(&self, id: ClusterId) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    pub(super) fn cluster_mut(&mut self, id: ClusterId) -> Result<&mut Cluster, DomainError> {
        self.clusters
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(DomainError::UnknownCluster(id))
    }

    /// A cluster's name, or an empty string for a missing cluster.
    pub fn cluster_name(&self, id: ClusterId) -> String {
        self.cluster(id).map(|c| c.name.clone()).unwrap_or_default()
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
            years: Default::default(),
            regulation: Regulation::default(),
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
}

/// Sorts `members` in the order of `rotation`; ids not in it go last.
pub(super) fn sort_by_rotation(members: &mut [UnitId], rotation: &[UnitId]) {
    crate::sort::sort_by_key(members, |m| {
        rotation.iter().position(|r| r == m).unwrap_or(usize::MAX)
    });
}
