//! Edits from forms that were opened a while ago. A form remembers the
//! values it started from (its *base*); when it is saved, another tab may
//! have changed the record since. `FormFields::merge` keeps every field the
//! user did not touch as it is now, takes the user's value for every field
//! they changed, and refuses (`DomainError::ChangedInAnotherTab`) when the
//! same field was changed both here and elsewhere to different values. So
//! no edit from a stale form overwrites a newer value unseen.

use super::{
    AchievementReport, Cluster, ClusterDraft, DomainError, EmulationYear, Fraction, Meeting,
    MeetingDetails, NominationLetter, ReportSections, Unit, UnitDraft, YearDraft,
};

/// One field: `base` is what the form started from, `mine` what it holds
/// now, `present` what the record holds now.
pub fn merge_field<T: PartialEq + Clone>(base: &T, mine: T, present: &T) -> Result<T, DomainError> {
    if mine == *base {
        // Untouched here: whatever the record holds now stays.
        Ok(present.clone())
    } else if present == base || *present == mine {
        Ok(mine)
    } else {
        Err(DomainError::ChangedInAnotherTab)
    }
}

/// The values a form edits, merged field by field.
pub trait FormFields: Sized {
    fn merge(base: &Self, mine: Self, present: &Self) -> Result<Self, DomainError>;
}

macro_rules! form_fields {
    ($ty:ident { $($field:ident),+ $(,)? }) => {
        impl FormFields for $ty {
            fn merge(base: &Self, mine: Self, present: &Self) -> Result<Self, DomainError> {
                Ok($ty {
                    $($field: merge_field(&base.$field, mine.$field, &present.$field)?,)+
                })
            }
        }
    };
}

form_fields!(ClusterDraft {
    name,
    number,
    parent_org,
    notes
});
form_fields!(UnitDraft {
    full_name,
    short_name,
    kind,
    commander,
    contact
});

/// Members are a set: ticking in another order is no change (the edit
/// puts them in rotation order anyway).
impl FormFields for YearDraft {
    fn merge(base: &Self, mine: Self, present: &Self) -> Result<Self, DomainError> {
        let set = |members: &[super::UnitId]| {
            members
                .iter()
                .copied()
                .collect::<std::collections::BTreeSet<_>>()
        };
        let members = merge_field(
            &set(&base.members),
            set(&mine.members),
            &set(&present.members),
        )?;
        Ok(YearDraft {
            members: members.into_iter().collect(),
            leader: merge_field(&base.leader, mine.leader, &present.leader)?,
            deputy: merge_field(&base.deputy, mine.deputy, &present.deputy)?,
        })
    }
}
form_fields!(MeetingDetails {
    date,
    time,
    place,
    chair,
    secretary,
    directing_officer,
    committee
});
form_fields!(MeetingForm {
    details,
    quorum,
    exclusion
});
form_fields!(NominationLetter {
    recipient,
    number,
    signer_name,
    signer_rank
});
form_fields!(ReportSections {
    mission,
    achievements,
    movements,
    awards
});
form_fields!(AchievementReport {
    narrative,
    metrics,
    sections
});

/// The meeting-details form: details, quorum and the exclusion rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingForm {
    pub details: MeetingDetails,
    pub quorum: Fraction,
    pub exclusion: bool,
}

impl MeetingForm {
    pub fn of(meeting: &Meeting) -> MeetingForm {
        MeetingForm {
            details: meeting.details.clone(),
            quorum: meeting.quorum,
            exclusion: meeting.exclusion,
        }
    }
}

impl ClusterDraft {
    /// The form's values of a stored cluster.
    pub fn of(cluster: &Cluster) -> ClusterDraft {
        ClusterDraft {
            name: cluster.name.clone(),
            number: cluster.number.clone(),
            parent_org: cluster.parent_org.clone(),
            notes: cluster.notes.clone(),
        }
    }
}

impl UnitDraft {
    pub fn of(unit: &Unit) -> UnitDraft {
        UnitDraft {
            full_name: unit.full_name.clone(),
            short_name: unit.short_name.clone(),
            kind: unit.kind.clone(),
            commander: unit.commander.clone(),
            contact: unit.contact.clone(),
        }
    }
}

impl YearDraft {
    pub fn of(year: &EmulationYear) -> YearDraft {
        YearDraft {
            members: year.members.clone(),
            leader: year.leader,
            deputy: year.deputy,
        }
    }
}

/// A form's edit against the present record: the merged values, or
/// `ChangedInAnotherTab` (also when the record is gone: nothing to edit).
pub fn merged<T: FormFields>(base: &T, mine: T, present: Option<T>) -> Result<T, DomainError> {
    let present = present.ok_or(DomainError::ChangedInAnotherTab)?;
    T::merge(base, mine, &present)
}
