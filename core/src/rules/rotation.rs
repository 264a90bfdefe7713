//! Leader rotation (luân phiên cụm trưởng): the leader role passes to the
//! next member unit in the order the cluster's regulation fixes.

use crate::domain::{EmulationYear, UnitId};

/// The first member after `unit` in `rotation`, wrapping around; `None`
/// when no other member exists.
pub fn next_after(rotation: &[UnitId], members: &[UnitId], unit: UnitId) -> Option<UnitId> {
    let start = rotation.iter().position(|u| *u == unit)?;
    (1..rotation.len())
        .map(|step| rotation[(start + step) % rotation.len()])
        .find(|candidate| members.contains(candidate) && *candidate != unit)
}

/// The leader proposed for the year after `year`, among `next_members`:
/// the unit the flag was handed to, if it is still a member; else the next
/// member after this year's leader in rotation; else the first member in
/// rotation.
pub fn next_leader(
    rotation: &[UnitId],
    next_members: &[UnitId],
    year: &EmulationYear,
) -> Option<UnitId> {
    if let Some(handover) = &year.handover {
        if next_members.contains(&handover.to) {
            return Some(handover.to);
        }
    }
    let first_member = || rotation.iter().copied().find(|u| next_members.contains(u));
    match year.leader {
        Some(leader) if rotation.contains(&leader) => {
            next_after(rotation, next_members, leader).or_else(first_member)
        }
        _ => first_member(),
    }
}
