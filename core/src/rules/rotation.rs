//! Leader rotation (luân phiên cụm trưởng): the leader role passes to the
//! next member unit in the order the cluster's regulation fixes, and a
//! new year is started with the roles it proposes.

use crate::domain::{ClusterId, Date, DomainError, EmulationYear, UnitId, Workspace, YearDraft};

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

/// Creates `year + 1` of a cluster from `year` through the domain's
/// `add_year`: the same members; as leader the unit the flag was handed
/// to, or else the next one in rotation; as deputy the unit after the new
/// leader. Returns the new year.
pub fn start_next_year(
    ws: &mut Workspace,
    cluster_id: ClusterId,
    year: u16,
) -> Result<u16, DomainError> {
    let cluster = ws
        .cluster(cluster_id)
        .ok_or(DomainError::UnknownCluster(cluster_id))?;
    let from = cluster.year(year).ok_or(DomainError::UnknownYear(year))?;
    let next = year + 1;
    let members = from.members.clone();
    let leader = next_leader(&cluster.units, &members, from);
    let deputy = leader.and_then(|l| next_after(&cluster.units, &members, l));
    ws.add_year(
        cluster_id,
        next,
        YearDraft {
            members,
            leader,
            deputy,
        },
    )?;
    Ok(next)
}

/// What the hand-over form of a year proposes before the user changes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandoverProposal {
    /// The next member in rotation after the year's leader (or the unit
    /// already handed to).
    pub to: Option<UnitId>,
    /// The date of the year's meeting, when it has one with a date.
    pub date: Option<Date>,
    /// The place of the year's meeting, empty when none is known.
    pub place: String,
}

/// The hand-over proposed for `year` of a cluster, from the workspace as it
/// is now: the screen recomputes it whenever the workspace changes, so a
/// newly saved leader or meeting is followed at once.
pub fn propose_handover(ws: &Workspace, cluster_id: ClusterId, year: u16) -> HandoverProposal {
    let to = ws.cluster(cluster_id).and_then(|cluster| {
        let this_year = cluster.year(year)?;
        next_leader(&cluster.units, &this_year.members, this_year)
    });
    let meeting = ws.meeting_of(cluster_id, year);
    HandoverProposal {
        to,
        date: meeting.and_then(|m| m.details.date),
        place: meeting
            .map(|m| m.details.place.trim().to_owned())
            .unwrap_or_default(),
    }
}
