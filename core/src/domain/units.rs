//! Units (đơn vị): the record, what a user typed for one, its name rule and its edits.
//!
//! Their names follow one uniqueness rule, `unit_name_key`.

use super::workspace::{clean, normalized_name};
use super::{ClusterId, DomainError, UnitId, Workspace};

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

/// The one uniqueness rule for units: two units may not have the same full
/// name as people read it. Two units clash exactly when their keys are
/// equal; creating or renaming a unit and the integrity check of a whole
/// workspace (`merge::check_integrity`) both use this key.
pub fn unit_name_key(full_name: &str) -> String {
    normalized_name(full_name)
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
}
