//! The council's year as stored (`thidua.council.<id>`, issue 17), and a
//! received results file read into the compact shape the council keeps:
//! each closed round's rules, places, candidates and totals, nothing more.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::files::{field, open_envelope, FileError, FileKind};
use super::meeting_dto::{count, fraction, rules_dto, rules_from, RulesDto};
use super::results::{ScoreRankDto, TallyInputsDto, UnitNameDto};
use super::{MeetingDto, RecordError};
use crate::domain::{
    AwardLimit, Council, CouncilDraft, CouncilId, Date, Meeting, PaperCheck, ReceivedFile,
    ReceivedRound, RoundKind, RoundState, Standing, Totals, UnitId,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CouncilDto {
    pub id: u64,
    pub name: String,
    pub year: u16,
    #[serde(default)]
    pub expected: Vec<String>,
    #[serde(default)]
    pub limits: Vec<AwardLimitDto>,
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default)]
    pub received: Vec<ReceivedFileDto>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AwardLimitDto {
    pub award: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_cluster: Option<u32>,
    /// An exact fraction, `1/2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_share: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandingDto {
    Stands,
    AwaitingChoice,
    Replaced,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceivedFileDto {
    pub sha256: String,
    pub cluster: String,
    pub year: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_date: Option<String>,
    pub exported_at: String,
    pub arrived_at: String,
    /// `"confirmed"`, or the fingerprint typed from the paper that does
    /// not match; absent while not confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    pub standing: StandingDto,
    pub units: Vec<UnitNameDto>,
    pub rounds: Vec<ReceivedRoundDto>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rounds_not_closed: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub score_ranks: Vec<ScoreRankDto>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceivedRoundDto {
    pub award: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub runoff: bool,
    pub rules: RulesDto,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<u32>,
    pub candidates: Vec<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<u64>,
    pub totals: TotalsDto,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TotalsDto {
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    pub collected: u32,
    pub valid: u32,
    pub invalid: u32,
    /// `[unit, votes]` pairs.
    pub votes: Vec<[u64; 2]>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl From<&Council> for CouncilDto {
    fn from(c: &Council) -> CouncilDto {
        CouncilDto {
            id: c.id.0,
            name: c.name.clone(),
            year: c.year,
            expected: c.expected.clone(),
            limits: c
                .limits
                .iter()
                .map(|l| AwardLimitDto {
                    award: l.award.clone(),
                    per_cluster: l.per_cluster,
                    min_share: l.min_share.map(|f| f.to_string()),
                })
                .collect(),
            members: c.members.clone(),
            received: c.received().iter().map(received_dto).collect(),
            vote: c.vote.map(|m| m.0),
        }
    }
}

fn received_dto(f: &ReceivedFile) -> ReceivedFileDto {
    ReceivedFileDto {
        sha256: f.sha256.clone(),
        cluster: f.cluster.clone(),
        year: f.year,
        meeting_date: f.meeting_date.map(|d| d.to_string()),
        exported_at: f.exported_at.clone(),
        arrived_at: f.arrived_at.clone(),
        paper: match &f.paper {
            PaperCheck::NotConfirmed => None,
            PaperCheck::Confirmed => Some("confirmed".to_owned()),
            PaperCheck::Mismatch(typed) => Some(typed.clone()),
        },
        standing: match f.standing {
            Standing::Stands => StandingDto::Stands,
            Standing::AwaitingChoice => StandingDto::AwaitingChoice,
            Standing::Replaced => StandingDto::Replaced,
        },
        units: f
            .units
            .iter()
            .map(|(id, name)| UnitNameDto {
                id: id.0,
                name: name.clone(),
            })
            .collect(),
        rounds: f
            .rounds
            .iter()
            .map(|r| ReceivedRoundDto {
                award: r.award.clone(),
                runoff: r.runoff,
                rules: rules_dto(&r.rules),
                places: r.places,
                candidates: r.candidates.iter().map(|u| u.0).collect(),
                excluded: r.excluded.iter().map(|u| u.0).collect(),
                totals: TotalsDto {
                    entitled: r.totals.entitled,
                    present: r.totals.present,
                    issued: r.totals.issued,
                    collected: r.totals.collected,
                    valid: r.totals.valid,
                    invalid: r.totals.invalid,
                    votes: r
                        .totals
                        .votes
                        .iter()
                        .map(|(u, v)| [u.0, u64::from(*v)])
                        .collect(),
                },
            })
            .collect(),
        rounds_not_closed: f.rounds_not_closed,
        score_ranks: f
            .score_ranks
            .iter()
            .map(|(unit, rank)| ScoreRankDto {
                unit: unit.0,
                rank: *rank,
            })
            .collect(),
    }
}

impl TryFrom<CouncilDto> for Council {
    type Error = RecordError;

    fn try_from(dto: CouncilDto) -> Result<Council, RecordError> {
        let mut limits = Vec::with_capacity(dto.limits.len());
        for (idx, l) in dto.limits.into_iter().enumerate() {
            let min_share = match l.min_share {
                None => None,
                Some(text) => Some(fraction(&text, &format!("data.limits[{idx}].min_share"))?),
            };
            limits.push(AwardLimit {
                award: l.award,
                per_cluster: l.per_cluster,
                min_share,
            });
        }
        let council = Council::new(
            CouncilId(dto.id),
            CouncilDraft {
                name: dto.name,
                year: dto.year,
                expected: dto.expected,
                limits,
                members: dto.members,
            },
        )
        .map_err(|e| RecordError::invalid("data", e.to_string()))?;
        let mut received = Vec::with_capacity(dto.received.len());
        for (idx, f) in dto.received.into_iter().enumerate() {
            received.push(received_from(f, &format!("data.received[{idx}]"))?);
        }
        let mut council = council.with_received(received);
        council.vote = dto.vote.map(crate::domain::MeetingId);
        Ok(council)
    }
}

fn received_from(dto: ReceivedFileDto, path: &str) -> Result<ReceivedFile, RecordError> {
    if dto.sha256.len() != 64 || !dto.sha256.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(RecordError::invalid(
            format!("{path}.sha256"),
            "not a SHA-256 in hex",
        ));
    }
    let meeting_date = match dto.meeting_date {
        None => None,
        Some(text) => Some(text.parse::<Date>().map_err(|()| {
            RecordError::invalid(
                format!("{path}.meeting_date"),
                format!("{text:?} is not a date"),
            )
        })?),
    };
    let mut rounds = Vec::with_capacity(dto.rounds.len());
    for (idx, r) in dto.rounds.into_iter().enumerate() {
        let at = format!("{path}.rounds[{idx}]");
        let t = r.totals;
        let mut votes = std::collections::BTreeMap::new();
        for (v_idx, [unit, n]) in t.votes.into_iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            votes.insert(
                UnitId(unit),
                count(n, &format!("{at}.totals.votes[{v_idx}]"))?,
            );
        }
        rounds.push(ReceivedRound {
            award: r.award,
            runoff: r.runoff,
            rules: rules_from(r.rules, &format!("{at}.rules"))?,
            places: match r.places {
                None => None,
                Some(n) => Some(count(n, &format!("{at}.places"))?),
            },
            candidates: r.candidates.into_iter().map(UnitId).collect(),
            excluded: r.excluded.into_iter().map(UnitId).collect(),
            totals: Totals {
                entitled: count(t.entitled, &format!("{at}.totals.entitled"))?,
                present: count(t.present, &format!("{at}.totals.present"))?,
                issued: count(t.issued, &format!("{at}.totals.issued"))?,
                collected: count(t.collected, &format!("{at}.totals.collected"))?,
                valid: count(t.valid, &format!("{at}.totals.valid"))?,
                invalid: count(t.invalid, &format!("{at}.totals.invalid"))?,
                votes,
            },
        });
    }
    Ok(ReceivedFile {
        sha256: dto.sha256.to_ascii_lowercase(),
        cluster: dto.cluster,
        year: dto.year,
        meeting_date,
        exported_at: dto.exported_at,
        arrived_at: dto.arrived_at,
        paper: match dto.paper.as_deref() {
            None => PaperCheck::NotConfirmed,
            Some("confirmed") => PaperCheck::Confirmed,
            Some(typed) => PaperCheck::Mismatch(typed.to_owned()),
        },
        standing: match dto.standing {
            StandingDto::Stands => Standing::Stands,
            StandingDto::AwaitingChoice => Standing::AwaitingChoice,
            StandingDto::Replaced => Standing::Replaced,
        },
        units: dto
            .units
            .into_iter()
            .map(|u| (UnitId(u.id), u.name))
            .collect(),
        rounds,
        rounds_not_closed: dto.rounds_not_closed,
        score_ranks: dto
            .score_ranks
            .into_iter()
            .map(|s| (UnitId(s.unit), s.rank))
            .collect(),
    })
}

/// Reads a received results file with every check an import makes
/// (size, JSON, format, kind, version, checksum, each record with its
/// path), then keeps of it what the council needs: per closed round its
/// rules, places, candidates and totals, counted from the file's ballots
/// or hand totals as the cluster's own app counts them.
pub fn read_received_results(text: &str, arrived_at: &str) -> Result<ReceivedFile, FileError> {
    let envelope = open_envelope(text, &[FileKind::Results])?;
    let mut data: Value = envelope.data;
    let cluster: String = field(&mut data, "cluster", "data")?;
    let year: u16 = field(&mut data, "year", "data")?;
    let units: Vec<UnitNameDto> = field(&mut data, "units", "data")?;
    let tally: Option<TallyInputsDto> = field(&mut data, "tally", "data")?;
    let meeting: MeetingDto = field(&mut data, "meeting", "data")?;
    let meeting =
        Meeting::try_from(meeting).map_err(|e| super::files::within(e, "data.meeting"))?;
    let members = tally.as_ref().map(|t| t.members);
    let rounds = meeting
        .rounds()
        .iter()
        .filter_map(|round| {
            let RoundState::Closed(closed) = &round.state else {
                return None;
            };
            let places = match round.rules.quota {
                crate::domain::Quota::Fixed(n) => Some(n),
                crate::domain::Quota::ShareOfMembers(_) => {
                    members.map(|m| round.rules.quota.places(m))
                }
            };
            let candidates = round.candidates().to_vec();
            let totals = closed.totals(&candidates, &round.rules, places.unwrap_or(0));
            Some(ReceivedRound {
                award: round.award.clone(),
                runoff: matches!(round.kind, RoundKind::Runoff { .. }),
                rules: round.rules,
                places,
                candidates,
                excluded: round.excluded().to_vec(),
                totals,
            })
        })
        .collect();
    let tally = tally.unwrap_or_default();
    Ok(ReceivedFile {
        sha256: envelope.sha256,
        cluster,
        year,
        meeting_date: meeting.details.date,
        exported_at: envelope.exported_at,
        arrived_at: arrived_at.to_owned(),
        paper: PaperCheck::NotConfirmed,
        standing: Standing::Stands,
        units: units.into_iter().map(|u| (UnitId(u.id), u.name)).collect(),
        rounds,
        rounds_not_closed: tally.rounds_not_closed,
        score_ranks: tally
            .score_ranks
            .into_iter()
            .map(|s| (UnitId(s.unit), s.rank))
            .collect(),
    })
}

/// A council-year as a file (kind *council*): its backup, with the files
/// it received in their compact form and the paper checks made.
pub fn council_file(council: &Council, exported_at: &str) -> Result<String, RecordError> {
    super::files::file_text(FileKind::Council, &CouncilDto::from(council), exported_at)
}

/// Reads a council-year file with every check an import makes, each
/// field's problem named with its path.
pub fn read_council_file(text: &str) -> Result<Council, FileError> {
    let envelope = open_envelope(text, &[FileKind::Council])?;
    let dto: CouncilDto = super::shape::from_value(envelope.data).map_err(|message| {
        FileError::Record(RecordError::Shape {
            path: "data".to_owned(),
            message,
        })
    })?;
    Council::try_from(dto).map_err(FileError::Record)
}
