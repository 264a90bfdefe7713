//! The stored shape of a meeting (details, voters, its rounds), one file below per sub-record, each DTO beside its conversions.

mod ballots;
mod booth;
mod paper;
mod round;
mod rules;
mod source;

use serde::{Deserialize, Serialize};

use super::RecordError;
use crate::domain::{
    ClusterId, CommitteeMember, CommitteeRole, Date, Delegate, Fraction, Meeting, MeetingDetails,
    MeetingId, NominationLetter, Round, UnitId, VoterId, Voters, MAX_COUNT,
};
use round::{round_dto, round_from, RoundDto};
pub(super) use rules::{rules_dto, rules_from, RulesDto};

/// A meeting as stored. Its enums are externally tagged, serde's default:
/// `"draft"` for a variant without data, `{"open": {…}}` for one with
/// data, names in snake case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingDto {
    pub id: u64,
    pub cluster: u64,
    pub year: u16,
    pub details: DetailsDto,
    pub voters: VotersDto,
    /// An exact fraction, `2/3`.
    pub quorum: String,
    pub exclusion: bool,
    pub rounds: Vec<RoundDto>,
    /// The nomination letter's fields; absent until a secretary fills
    /// one, so older records keep their bytes.
    #[serde(default, skip_serializing_if = "LetterDto::is_empty")]
    pub letter: LetterDto,
}

/// The nomination letter's fields (`domain::NominationLetter`); an empty
/// field is not written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LetterDto {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recipient: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer_rank: String,
}

impl LetterDto {
    fn is_empty(&self) -> bool {
        self == &LetterDto::default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DetailsDto {
    pub date: Option<String>,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub chair: String,
    #[serde(default)]
    pub secretary: String,
    #[serde(default)]
    pub directing_officer: String,
    #[serde(default)]
    pub committee: Vec<CommitteeDto>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitteeDto {
    pub name: String,
    /// The role as stored: "Trưởng ban" and "Ủy viên" are the head and a
    /// member (the text records have always held, kept so their bytes stay
    /// the same), anything else a role typed by the user.
    pub role: String,
}

/// The stored text of the head's role.
const STORED_HEAD: &str = "Trưởng ban";
/// The stored text of a member's role.
const STORED_MEMBER: &str = "Ủy viên";

/// The one mapping between a committee role and its stored text.
pub fn stored_role(role: &CommitteeRole) -> String {
    match role {
        CommitteeRole::Head => STORED_HEAD.to_owned(),
        CommitteeRole::Member => STORED_MEMBER.to_owned(),
        CommitteeRole::Other(text) => text.clone(),
    }
}

/// The role a stored text names (the inverse of `stored_role`): only the
/// exact stored words are the head and a member, so that every other text
/// is written back byte for byte.
pub fn role_from_stored(text: String) -> CommitteeRole {
    match text.as_str() {
        STORED_HEAD => CommitteeRole::Head,
        STORED_MEMBER => CommitteeRole::Member,
        _ => CommitteeRole::Other(text),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VotersDto {
    OnePerUnit,
    Delegates { list: Vec<VoterDto> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoterDto {
    pub id: u64,
    pub name: String,
    pub unit: u64,
}

impl From<&Meeting> for MeetingDto {
    fn from(m: &Meeting) -> MeetingDto {
        MeetingDto {
            id: m.id.0,
            cluster: m.cluster.0,
            year: m.year,
            details: DetailsDto {
                date: m.details.date.map(|d| d.to_string()),
                time: m.details.time.clone(),
                place: m.details.place.clone(),
                chair: m.details.chair.clone(),
                secretary: m.details.secretary.clone(),
                directing_officer: m.details.directing_officer.clone(),
                committee: m
                    .details
                    .committee
                    .iter()
                    .map(|c| CommitteeDto {
                        name: c.name.clone(),
                        role: stored_role(&c.role),
                    })
                    .collect(),
            },
            voters: match &m.voters {
                Voters::OnePerUnit => VotersDto::OnePerUnit,
                Voters::Delegates(list) => VotersDto::Delegates {
                    list: list
                        .iter()
                        .map(|d| VoterDto::new(d.id, &d.name, d.unit))
                        .collect(),
                },
            },
            quorum: m.quorum.to_string(),
            exclusion: m.exclusion,
            rounds: m.rounds.iter().map(round_dto).collect(),
            letter: LetterDto {
                recipient: m.letter.recipient.clone(),
                number: m.letter.number.clone(),
                signer_name: m.letter.signer_name.clone(),
                signer_rank: m.letter.signer_rank.clone(),
            },
        }
    }
}

impl VoterDto {
    /// A delegate of the meeting or a voter on a booth's roll.
    fn new(id: VoterId, name: &str, unit: UnitId) -> VoterDto {
        VoterDto {
            id: id.0,
            name: name.to_owned(),
            unit: unit.0,
        }
    }
}

fn ids(units: &[UnitId]) -> Vec<u64> {
    units.iter().map(|u| u.0).collect()
}

fn units(ids: &[u64]) -> Vec<UnitId> {
    ids.iter().copied().map(UnitId).collect()
}

pub(super) fn fraction(text: &str, path: &str) -> Result<Fraction, RecordError> {
    Fraction::parse(text).ok_or_else(|| {
        RecordError::invalid(path, format!("{text:?} is not a share between 0 and 1"))
    })
}

/// A count from a stored record or a file: a number no meeting reaches
/// (above `MAX_COUNT`) is refused with its place, so nothing after the
/// conversion can overflow.
pub(super) fn count(n: u32, path: &str) -> Result<u32, RecordError> {
    if n > MAX_COUNT {
        return Err(RecordError::invalid(
            path,
            format!("{n} is more than any meeting counts (at most {MAX_COUNT})"),
        ));
    }
    Ok(n)
}

impl TryFrom<MeetingDto> for Meeting {
    type Error = RecordError;

    fn try_from(dto: MeetingDto) -> Result<Meeting, RecordError> {
        let date = match &dto.details.date {
            None => None,
            Some(text) => Some(text.parse::<Date>().map_err(|()| {
                RecordError::invalid("data.details.date", format!("{text:?} is not a date"))
            })?),
        };
        let details = MeetingDetails {
            date,
            time: dto.details.time,
            place: dto.details.place,
            chair: dto.details.chair,
            secretary: dto.details.secretary,
            directing_officer: dto.details.directing_officer,
            committee: dto
                .details
                .committee
                .into_iter()
                .map(|c| CommitteeMember {
                    name: c.name,
                    role: role_from_stored(c.role),
                })
                .collect(),
        };
        let voters = match dto.voters {
            VotersDto::OnePerUnit => Voters::OnePerUnit,
            VotersDto::Delegates { list } => Voters::Delegates(
                list.into_iter()
                    .map(|d| Delegate {
                        id: VoterId(d.id),
                        name: d.name,
                        unit: UnitId(d.unit),
                    })
                    .collect(),
            ),
        };
        let mut rounds = Vec::with_capacity(dto.rounds.len());
        for (idx, round) in dto.rounds.into_iter().enumerate() {
            let path = format!("data.rounds[{idx}]");
            if rounds.iter().any(|r: &Round| r.id.0 == round.id) {
                return Err(RecordError::invalid(format!("{path}.id"), "appears twice"));
            }
            rounds.push(round_from(round, &path)?);
        }
        Ok(Meeting {
            id: MeetingId(dto.id),
            cluster: ClusterId(dto.cluster),
            year: dto.year,
            details,
            voters,
            quorum: fraction(&dto.quorum, "data.quorum")?,
            exclusion: dto.exclusion,
            rounds: rounds.into(),
            letter: NominationLetter {
                recipient: dto.letter.recipient,
                number: dto.letter.number,
                signer_name: dto.letter.signer_name,
                signer_rank: dto.letter.signer_rank,
            },
        })
    }
}
