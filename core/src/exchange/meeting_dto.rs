//! The stored shape of a meeting, its rounds and booth. Enums are
//! externally tagged (`{"open": {…}}`, `"draft"`), written out at the end
//! of this file. Ballots are stored as counts per distinct content in
//! canonical order: nothing in the record links a ballot to a voter or says
//! in which order ballots were cast.

use serde_json::Value;

use super::json::{
    json_enum, json_names, json_struct, tagged, unknown_variant, variant, variant_value, Json,
    JsonError,
};
use super::RecordError;
use crate::domain::Roll;
use crate::domain::{
    Approvals, BallotBox, BlankBallot, Booth, BoothScreen, ClosedCount, ClusterId, CommitteeMember,
    Comparison, CountSource, Date, Delegate, Fraction, HandTotals, Meeting, MeetingDetails,
    MeetingId, PaperBallot, PaperCount, PaperPass, Quota, Round, RoundId, RoundKind, RoundRules,
    RoundState, Settlement, ShareBase, Threshold, TieBreak, UnitId, Voter, VoterId, Voters,
    MAX_COUNT,
};

#[derive(Clone, Debug, PartialEq)]
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
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DetailsDto {
    pub date: Option<String>,
    pub time: String,
    pub place: String,
    pub chair: String,
    pub secretary: String,
    pub directing_officer: String,
    pub committee: Vec<CommitteeDto>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommitteeDto {
    pub name: String,
    pub role: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum VotersDto {
    OnePerUnit,
    Delegates { list: Vec<VoterDto> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct VoterDto {
    pub id: u64,
    pub name: String,
    pub unit: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoundDto {
    pub id: u64,
    pub award: String,
    pub rules: RulesDto,
    pub candidates: Vec<u64>,
    pub excluded: Vec<u64>,
    pub kind: KindDto,
    pub state: StateDto,
    /// Missing in records written before it was kept: `None`.
    pub printed: Option<Vec<u64>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum KindDto {
    Regular,
    Runoff { parent: u64 },
    Rehearsal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RulesDto {
    pub quota: QuotaDto,
    pub threshold: String,
    pub comparison: ComparisonDto,
    pub base: BaseDto,
    pub blank: BlankDto,
    pub self_vote_allowed: bool,
    pub tie_break: TieBreakDto,
    pub lots_seed: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuotaDto {
    Fixed { places: u32 },
    ShareOfMembers { share: String },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ComparisonDto {
    AtLeast,
    MoreThan,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BaseDto {
    Entitled,
    Present,
    Collected,
    Valid,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BlankDto {
    Invalid,
    Valid,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TieBreakDto {
    Runoff,
    ClusterScore,
    Lots,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StateDto {
    Draft,
    Open {
        booth: BoothDto,
    },
    Paper {
        count: PaperCountDto,
    },
    Closed {
        entitled: u32,
        present: u32,
        issued: u32,
        ballots: BallotsDto,
        /// Absent in version 1 records (booth); added by the migration.
        source: SourceDto,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum SourceDto {
    Booth,
    Paper {
        count: PaperCountDto,
    },
    Hand {
        collected: u32,
        valid: u32,
        invalid: u32,
        votes: Vec<VotesDto>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct VotesDto {
    pub unit: u64,
    pub votes: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PaperCountDto {
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    /// Exactly two: the first and the second entry of the pile.
    pub passes: Vec<PaperPassDto>,
    pub settlements: Vec<SettlementDto>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PaperPassDto {
    /// Ballot number n is at index n − 1.
    pub ballots: Vec<PaperBallotDto>,
    pub finished: bool,
}

/// `{"marks": [unit ids]}` or `"spoilt"`.
#[derive(Clone, Debug, PartialEq)]
pub enum PaperBallotDto {
    Marks(Vec<u64>),
    Spoilt,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SettlementDto {
    pub number: u32,
    /// `null`: that pass had no ballot of this number.
    pub first: Option<PaperBallotDto>,
    pub second: Option<PaperBallotDto>,
    /// `null`: the committee found no ballot of this number.
    pub chosen: Option<PaperBallotDto>,
}

fn paper_ballot_dto(ballot: &PaperBallot) -> PaperBallotDto {
    match ballot {
        PaperBallot::Marks(marks) => PaperBallotDto::Marks(ids(marks.units())),
        PaperBallot::Spoilt => PaperBallotDto::Spoilt,
    }
}

fn paper_count_dto(count: &PaperCount) -> PaperCountDto {
    PaperCountDto {
        entitled: count.entitled,
        present: count.present,
        issued: count.issued,
        passes: count
            .passes
            .iter()
            .map(|p| PaperPassDto {
                ballots: p.ballots.iter().map(paper_ballot_dto).collect(),
                finished: p.finished,
            })
            .collect(),
        settlements: count
            .settlements
            .iter()
            .map(|s| SettlementDto {
                number: s.number,
                first: s.first.as_ref().map(paper_ballot_dto),
                second: s.second.as_ref().map(paper_ballot_dto),
                chosen: s.chosen.as_ref().map(paper_ballot_dto),
            })
            .collect(),
    }
}

fn paper_ballot(dto: PaperBallotDto, path: &str) -> Result<PaperBallot, RecordError> {
    match dto {
        PaperBallotDto::Spoilt => Ok(PaperBallot::Spoilt),
        PaperBallotDto::Marks(list) => {
            let marks = Approvals::new(units(&list));
            if marks.len() != list.len() {
                return Err(RecordError::invalid(path, "lists a unit twice"));
            }
            Ok(PaperBallot::Marks(marks))
        }
    }
}

fn paper_count(dto: PaperCountDto, path: &str) -> Result<PaperCount, RecordError> {
    let passes_len = dto.passes.len();
    let Ok(passes) = <[PaperPassDto; 2]>::try_from(dto.passes) else {
        return Err(RecordError::invalid(
            format!("{path}.passes"),
            format!("has {passes_len} entry passes, not 2"),
        ));
    };
    let mut out = PaperCount {
        entitled: count(dto.entitled, &format!("{path}.entitled"))?,
        present: count(dto.present, &format!("{path}.present"))?,
        issued: count(dto.issued, &format!("{path}.issued"))?,
        ..PaperCount::default()
    };
    for (p, pass) in passes.into_iter().enumerate() {
        if pass.ballots.len() > out.issued as usize {
            return Err(RecordError::invalid(
                format!("{path}.passes[{p}].ballots"),
                format!(
                    "has {} ballots, more than the {} issued",
                    pass.ballots.len(),
                    out.issued
                ),
            ));
        }
        let mut ballots = Vec::with_capacity(pass.ballots.len());
        for (b, ballot) in pass.ballots.into_iter().enumerate() {
            ballots.push(paper_ballot(
                ballot,
                &format!("{path}.passes[{p}].ballots[{b}]"),
            )?);
        }
        out.passes[p] = PaperPass {
            ballots,
            finished: pass.finished,
        };
    }
    for (idx, s) in dto.settlements.into_iter().enumerate() {
        let at = format!("{path}.settlements[{idx}]");
        let reading = |dto: Option<PaperBallotDto>, field: &str| {
            dto.map(|b| paper_ballot(b, &format!("{at}.{field}")))
                .transpose()
        };
        out.settlements.push(Settlement {
            number: s.number,
            first: reading(s.first, "first")?,
            second: reading(s.second, "second")?,
            chosen: reading(s.chosen, "chosen")?,
        });
    }
    Ok(out)
}

#[derive(Clone, Debug, PartialEq)]
pub struct BoothDto {
    pub entitled: Vec<VoterDto>,
    pub present: Vec<u64>,
    pub voted: Vec<u64>,
    pub ballots: BallotsDto,
    pub pin_digest: String,
    pub screen: ScreenDto,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ScreenDto {
    Operator,
    Ballot { voter: u64 },
    HandBack,
    Interrupted { voter: u64 },
}

/// Ballots: `[{approvals, count}]` sorted by content, plus spoilt papers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BallotsDto {
    pub counts: Vec<BallotCountDto>,
    pub spoilt: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BallotCountDto {
    pub approvals: Vec<u64>,
    pub count: u32,
}

fn ids(units: &[UnitId]) -> Vec<u64> {
    units.iter().map(|u| u.0).collect()
}

fn units(ids: &[u64]) -> Vec<UnitId> {
    ids.iter().copied().map(UnitId).collect()
}

fn voters(list: &[Voter]) -> Vec<VoterDto> {
    list.iter()
        .map(|v| VoterDto {
            id: v.id.0,
            name: v.name.clone(),
            unit: v.unit.0,
        })
        .collect()
}

fn ballots_dto(ballots: &BallotBox) -> BallotsDto {
    BallotsDto {
        counts: ballots
            .entries()
            .map(|(a, n)| BallotCountDto {
                approvals: ids(a.units()),
                count: n,
            })
            .collect(),
        spoilt: ballots.spoilt(),
    }
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
                        role: c.role.clone(),
                    })
                    .collect(),
            },
            voters: match &m.voters {
                Voters::OnePerUnit => VotersDto::OnePerUnit,
                Voters::Delegates(list) => VotersDto::Delegates {
                    list: list
                        .iter()
                        .map(|d| VoterDto {
                            id: d.id.0,
                            name: d.name.clone(),
                            unit: d.unit.0,
                        })
                        .collect(),
                },
            },
            quorum: m.quorum.to_string(),
            exclusion: m.exclusion,
            rounds: m.rounds.iter().map(round_dto).collect(),
        }
    }
}

fn round_dto(r: &Round) -> RoundDto {
    let rules = &r.rules;
    RoundDto {
        id: r.id.0,
        award: r.award.clone(),
        rules: RulesDto {
            quota: match rules.quota {
                Quota::Fixed(places) => QuotaDto::Fixed { places },
                Quota::ShareOfMembers(share) => QuotaDto::ShareOfMembers {
                    share: share.to_string(),
                },
            },
            threshold: rules.threshold.share.to_string(),
            comparison: match rules.threshold.comparison {
                Comparison::AtLeast => ComparisonDto::AtLeast,
                Comparison::MoreThan => ComparisonDto::MoreThan,
            },
            base: match rules.base {
                ShareBase::Entitled => BaseDto::Entitled,
                ShareBase::Present => BaseDto::Present,
                ShareBase::Collected => BaseDto::Collected,
                ShareBase::Valid => BaseDto::Valid,
            },
            blank: match rules.blank {
                BlankBallot::Invalid => BlankDto::Invalid,
                BlankBallot::Valid => BlankDto::Valid,
            },
            self_vote_allowed: rules.self_vote_allowed,
            tie_break: match rules.tie_break {
                TieBreak::Runoff => TieBreakDto::Runoff,
                TieBreak::ClusterScore => TieBreakDto::ClusterScore,
                TieBreak::Lots => TieBreakDto::Lots,
            },
            lots_seed: rules.lots_seed,
        },
        candidates: ids(&r.candidates),
        excluded: ids(&r.excluded),
        printed: r.printed.as_deref().map(ids),
        kind: match r.kind {
            RoundKind::Regular => KindDto::Regular,
            RoundKind::Runoff { parent } => KindDto::Runoff { parent: parent.0 },
            RoundKind::Rehearsal => KindDto::Rehearsal,
        },
        state: match &r.state {
            RoundState::Draft => StateDto::Draft,
            RoundState::Open(booth) => StateDto::Open {
                booth: BoothDto {
                    entitled: voters(&booth.entitled),
                    present: booth.present.iter().map(|v| v.0).collect(),
                    voted: booth.voted.iter().map(|v| v.0).collect(),
                    ballots: ballots_dto(&booth.ballots),
                    pin_digest: booth.pin_digest.clone(),
                    screen: match booth.screen {
                        BoothScreen::Operator => ScreenDto::Operator,
                        BoothScreen::Ballot(v) => ScreenDto::Ballot { voter: v.0 },
                        BoothScreen::HandBack => ScreenDto::HandBack,
                        BoothScreen::Interrupted(v) => ScreenDto::Interrupted { voter: v.0 },
                    },
                },
            },
            RoundState::Paper(count) => StateDto::Paper {
                count: paper_count_dto(count),
            },
            RoundState::Closed(count) => StateDto::Closed {
                entitled: count.roll.entitled,
                present: count.roll.present,
                issued: count.roll.issued,
                ballots: ballots_dto(&count.ballots),
                source: match &count.source {
                    CountSource::Booth => SourceDto::Booth,
                    CountSource::Paper(paper) => SourceDto::Paper {
                        count: paper_count_dto(paper),
                    },
                    CountSource::Hand(hand) => SourceDto::Hand {
                        collected: hand.collected,
                        valid: hand.valid,
                        invalid: hand.invalid,
                        votes: hand
                            .votes
                            .iter()
                            .map(|(unit, votes)| VotesDto {
                                unit: unit.0,
                                votes: *votes,
                            })
                            .collect(),
                    },
                },
            },
        },
    }
}

fn fraction(text: &str, path: &str) -> Result<Fraction, RecordError> {
    Fraction::parse(text).ok_or_else(|| {
        RecordError::invalid(path, format!("{text:?} is not a share between 0 and 1"))
    })
}

fn ballot_box(dto: BallotsDto, path: &str) -> Result<BallotBox, RecordError> {
    let mut seen = Vec::new();
    for (idx, entry) in dto.counts.iter().enumerate() {
        let approvals = Approvals::new(units(&entry.approvals));
        if approvals.len() != entry.approvals.len() {
            return Err(RecordError::invalid(
                format!("{path}.counts[{idx}].approvals"),
                "lists a unit twice",
            ));
        }
        if seen.contains(&approvals) {
            return Err(RecordError::invalid(
                format!("{path}.counts[{idx}]"),
                "repeats a ballot content",
            ));
        }
        seen.push(approvals);
    }
    for (idx, entry) in dto.counts.iter().enumerate() {
        count(entry.count, &format!("{path}.counts[{idx}].count"))?;
    }
    count(dto.spoilt, &format!("{path}.spoilt"))?;
    BallotBox::from_counts(
        dto.counts
            .into_iter()
            .map(|e| (Approvals::new(units(&e.approvals)), e.count)),
        dto.spoilt,
    )
    .ok_or_else(|| {
        RecordError::invalid(
            path,
            format!("holds more than {MAX_COUNT} ballots in all, more than any meeting counts"),
        )
    })
}

/// A count from a stored record or a file: a number no meeting reaches
/// (above `MAX_COUNT`) is refused with its place, so nothing after the
/// conversion can overflow.
fn count(n: u32, path: &str) -> Result<u32, RecordError> {
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
                    role: c.role,
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
            rounds,
        })
    }
}

fn round_from(dto: RoundDto, path: &str) -> Result<Round, RecordError> {
    let r = dto.rules;
    let quota = match r.quota {
        QuotaDto::Fixed { places } => Quota::Fixed(places),
        QuotaDto::ShareOfMembers { share } => {
            Quota::ShareOfMembers(fraction(&share, &format!("{path}.rules.quota.share"))?)
        }
    };
    let rules = RoundRules {
        quota,
        threshold: Threshold {
            share: fraction(&r.threshold, &format!("{path}.rules.threshold"))?,
            comparison: match r.comparison {
                ComparisonDto::AtLeast => Comparison::AtLeast,
                ComparisonDto::MoreThan => Comparison::MoreThan,
            },
        },
        base: match r.base {
            BaseDto::Entitled => ShareBase::Entitled,
            BaseDto::Present => ShareBase::Present,
            BaseDto::Collected => ShareBase::Collected,
            BaseDto::Valid => ShareBase::Valid,
        },
        blank: match r.blank {
            BlankDto::Invalid => BlankBallot::Invalid,
            BlankDto::Valid => BlankBallot::Valid,
        },
        self_vote_allowed: r.self_vote_allowed,
        tie_break: match r.tie_break {
            TieBreakDto::Runoff => TieBreak::Runoff,
            TieBreakDto::ClusterScore => TieBreak::ClusterScore,
            TieBreakDto::Lots => TieBreak::Lots,
        },
        lots_seed: r.lots_seed,
    };
    let state = match dto.state {
        StateDto::Draft => RoundState::Draft,
        StateDto::Open { booth } => {
            let entitled: Vec<Voter> = booth
                .entitled
                .into_iter()
                .map(|v| Voter {
                    id: VoterId(v.id),
                    name: v.name,
                    unit: UnitId(v.unit),
                })
                .collect();
            let on_roll = |id: &u64| entitled.iter().any(|v| v.id.0 == *id);
            if let Some(idx) = booth.present.iter().position(|p| !on_roll(p)) {
                return Err(RecordError::invalid(
                    format!("{path}.state.booth.present[{idx}]"),
                    "is not on the roll",
                ));
            }
            if let Some(idx) = booth.voted.iter().position(|p| !on_roll(p)) {
                return Err(RecordError::invalid(
                    format!("{path}.state.booth.voted[{idx}]"),
                    "is not on the roll",
                ));
            }
            // Only a voter ticked present votes, once: otherwise closing the
            // round would make a count that does not reconcile.
            if let Some(idx) = booth.voted.iter().position(|v| !booth.present.contains(v)) {
                return Err(RecordError::invalid(
                    format!("{path}.state.booth.voted[{idx}]"),
                    "is not ticked present",
                ));
            }
            for (list, name) in [(&booth.present, "present"), (&booth.voted, "voted")] {
                if let Some(idx) = (1..list.len()).find(|&i| list[..i].contains(&list[i])) {
                    return Err(RecordError::invalid(
                        format!("{path}.state.booth.{name}[{idx}]"),
                        "is listed twice",
                    ));
                }
            }
            let ballots = ballot_box(booth.ballots, &format!("{path}.state.booth.ballots"))?;
            if ballots.len() as usize != booth.voted.len() {
                return Err(RecordError::invalid(
                    format!("{path}.state.booth.ballots"),
                    "the number of ballots differs from the number of voters who voted",
                ));
            }
            let screen = match booth.screen {
                ScreenDto::Operator => BoothScreen::Operator,
                ScreenDto::Ballot { voter } => BoothScreen::Ballot(VoterId(voter)),
                ScreenDto::HandBack => BoothScreen::HandBack,
                ScreenDto::Interrupted { voter } => BoothScreen::Interrupted(VoterId(voter)),
            };
            let mut present: Vec<VoterId> = booth.present.into_iter().map(VoterId).collect();
            crate::sort::sort(&mut present);
            let mut voted: Vec<VoterId> = booth.voted.into_iter().map(VoterId).collect();
            crate::sort::sort(&mut voted);
            RoundState::Open(Booth {
                entitled,
                present,
                voted,
                ballots,
                pin_digest: booth.pin_digest,
                screen,
            })
        }
        StateDto::Paper { count } => {
            RoundState::Paper(paper_count(count, &format!("{path}.state.count"))?)
        }
        StateDto::Closed {
            entitled,
            present,
            issued,
            ballots,
            source,
        } => RoundState::Closed(ClosedCount {
            roll: Roll {
                entitled: count(entitled, &format!("{path}.state.entitled"))?,
                present: count(present, &format!("{path}.state.present"))?,
                issued: count(issued, &format!("{path}.state.issued"))?,
            },
            ballots: ballot_box(ballots, &format!("{path}.state.ballots"))?,
            source: match source {
                SourceDto::Booth => CountSource::Booth,
                SourceDto::Paper { count } => {
                    CountSource::Paper(paper_count(count, &format!("{path}.state.source.count"))?)
                }
                SourceDto::Hand {
                    collected,
                    valid,
                    invalid,
                    votes,
                } => {
                    let at = format!("{path}.state.source");
                    let mut by_unit = std::collections::BTreeMap::new();
                    for (idx, v) in votes.iter().enumerate() {
                        let n = count(v.votes, &format!("{at}.votes[{idx}].votes"))?;
                        if by_unit.insert(UnitId(v.unit), n).is_some() {
                            return Err(RecordError::invalid(
                                format!("{at}.votes[{idx}].unit"),
                                "appears twice",
                            ));
                        }
                    }
                    CountSource::Hand(HandTotals {
                        collected: count(collected, &format!("{at}.collected"))?,
                        valid: count(valid, &format!("{at}.valid"))?,
                        invalid: count(invalid, &format!("{at}.invalid"))?,
                        votes: by_unit,
                    })
                }
            },
        }),
    };
    Ok(Round {
        id: RoundId(dto.id),
        award: dto.award,
        rules,
        candidates: units(&dto.candidates),
        excluded: units(&dto.excluded),
        kind: match dto.kind {
            KindDto::Regular => RoundKind::Regular,
            KindDto::Runoff { parent } => RoundKind::Runoff {
                parent: RoundId(parent),
            },
            KindDto::Rehearsal => RoundKind::Rehearsal,
        },
        state,
        printed: dto.printed.as_deref().map(units),
    })
}

json_struct!(MeetingDto {
    id,
    cluster,
    year,
    details,
    voters,
    quorum,
    exclusion,
    rounds
});
json_struct!(DetailsDto { date } defaults { time, place, chair, secretary, directing_officer, committee });
json_struct!(CommitteeDto { name, role });
json_struct!(VoterDto { id, name, unit });
/// As `json_struct!` would write it, except that `printed` is left out
/// when there is none: a round without printed papers keeps the shape
/// every earlier version wrote.
impl Json for RoundDto {
    fn to_json(&self) -> Value {
        let mut map = serde_json::Map::new();
        map.insert("id".to_owned(), self.id.to_json());
        map.insert("award".to_owned(), self.award.to_json());
        map.insert("rules".to_owned(), self.rules.to_json());
        map.insert("candidates".to_owned(), self.candidates.to_json());
        map.insert("kind".to_owned(), self.kind.to_json());
        map.insert("state".to_owned(), self.state.to_json());
        map.insert("excluded".to_owned(), self.excluded.to_json());
        if let Some(printed) = &self.printed {
            map.insert("printed".to_owned(), printed.to_json());
        }
        Value::Object(map)
    }
    fn from_json(value: Value) -> Result<RoundDto, JsonError> {
        let mut map = super::json::object(value, "struct RoundDto")?;
        Ok(RoundDto {
            id: super::json::field(&mut map, "id")?,
            award: super::json::field(&mut map, "award")?,
            rules: super::json::field(&mut map, "rules")?,
            candidates: super::json::field(&mut map, "candidates")?,
            kind: super::json::field(&mut map, "kind")?,
            state: super::json::field(&mut map, "state")?,
            excluded: super::json::field_or_default(&mut map, "excluded")?,
            printed: super::json::field(&mut map, "printed")?,
        })
    }
}
json_struct!(RulesDto {
    quota,
    threshold,
    comparison,
    base,
    blank,
    self_vote_allowed,
    tie_break,
    lots_seed
});
json_names!(ComparisonDto { AtLeast = "at_least", MoreThan = "more_than" });
json_names!(BaseDto { Entitled = "entitled", Present = "present", Collected = "collected", Valid = "valid" });
json_names!(BlankDto { Invalid = "invalid", Valid = "valid" });
json_names!(TieBreakDto { Runoff = "runoff", ClusterScore = "cluster_score", Lots = "lots" });
json_struct!(VotesDto { unit, votes });
json_struct!(PaperCountDto {
    entitled,
    present,
    issued,
    passes,
    settlements
});
json_struct!(PaperPassDto { ballots, finished });
json_struct!(SettlementDto {
    number,
    first,
    second,
    chosen
});
json_struct!(BoothDto {
    entitled,
    present,
    voted,
    ballots,
    pin_digest,
    screen
});
json_struct!(BallotsDto { counts, spoilt });
json_struct!(BallotCountDto { approvals, count });

// Enums with data, externally tagged as serde writes them: `"name"` for a
// variant without data, `{"name": {fields}}` for one with fields.
json_enum!(VotersDto { OnePerUnit = "one_per_unit", Delegates = "delegates" { list } });
json_enum!(KindDto { Regular = "regular", Runoff = "runoff" { parent }, Rehearsal = "rehearsal" });
json_enum!(QuotaDto { Fixed = "fixed" { places }, ShareOfMembers = "share_of_members" { share } });
json_enum!(StateDto {
    Draft = "draft",
    Open = "open" { booth },
    Paper = "paper" { count },
    Closed = "closed" { entitled, present, issued, ballots, source },
});
json_enum!(SourceDto {
    Booth = "booth",
    Paper = "paper" { count },
    Hand = "hand" { collected, valid, invalid, votes },
});
json_enum!(ScreenDto {
    Operator = "operator",
    Ballot = "ballot" { voter },
    HandBack = "hand_back",
    Interrupted = "interrupted" { voter },
});

/// `{"marks": [unit ids]}` (a newtype variant) or `"spoilt"`.
impl Json for PaperBallotDto {
    fn to_json(&self) -> Value {
        match self {
            PaperBallotDto::Marks(units) => tagged("marks", units.to_json()),
            PaperBallotDto::Spoilt => Value::String("spoilt".into()),
        }
    }
    fn from_json(value: Value) -> Result<PaperBallotDto, JsonError> {
        let (name, data) = variant(value, "enum PaperBallotDto")?;
        match name.as_str() {
            "spoilt" => Ok(PaperBallotDto::Spoilt),
            "marks" => Ok(PaperBallotDto::Marks(variant_value(&name, data)?)),
            other => Err(unknown_variant(other, &["marks", "spoilt"])),
        }
    }
}
