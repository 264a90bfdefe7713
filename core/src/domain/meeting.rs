//! The year-end meeting of a cluster and its award rounds (PRODUCT.md §4–5):
//! details, entitled voters, the rounds in order with their states and
//! counts, and the edits of the meeting itself. A round's edits are in
//! `round`, the booth's in `booth`, a runoff in `runoff`.

use super::{
    totals_from_ballots, BallotBox, Booth, ClusterId, Date, DomainError, EmulationYear, Fraction,
    HandTotals, PaperCount, Regulation, Roll, RoundRules, Totals, UnitId, Workspace,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MeetingId(pub u64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoundId(pub u64);

/// A voter on the roll: a unit's single delegate (id = the unit's id) or a
/// named delegate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VoterId(pub u64);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitteeMember {
    pub name: String,
    pub role: CommitteeRole,
}

/// A counting-committee member's role (PRODUCT.md §1): stored as a role,
/// printed in the document's language (`i18n::committee_role`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitteeRole {
    /// Trưởng ban: heads the committee, signs first.
    Head,
    /// Ủy viên.
    Member,
    /// Any other role, as typed (never empty: an empty role is a member).
    Other(String),
}

impl CommitteeRole {
    /// The role proposed for the member at `place` (0 first) before one is
    /// chosen: the first heads the committee, the others are members.
    pub fn default_at(place: usize) -> CommitteeRole {
        if place == 0 {
            CommitteeRole::Head
        } else {
            CommitteeRole::Member
        }
    }

    /// A typed role: trimmed, empty meaning a member.
    pub fn other(text: &str) -> CommitteeRole {
        let text = text.trim();
        if text.is_empty() {
            CommitteeRole::Member
        } else {
            CommitteeRole::Other(text.to_owned())
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingDetails {
    pub date: Option<Date>,
    /// Free text, "08:00".
    pub time: String,
    pub place: String,
    pub chair: String,
    pub secretary: String,
    pub directing_officer: String,
    /// The counting committee (ban kiểm phiếu): none yet, or 3–5 people.
    pub committee: Vec<CommitteeMember>,
}

/// A named delegate and the unit they vote for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delegate {
    pub id: VoterId,
    pub name: String,
    pub unit: UnitId,
}

/// Who is entitled to vote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Voters {
    /// One voter per member unit (PRODUCT.md §4 default).
    #[default]
    OnePerUnit,
    Delegates(Vec<Delegate>),
}

/// A voter as frozen on a round's roll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voter {
    pub id: VoterId,
    /// Empty for one-per-unit voters: the unit's name is shown.
    pub name: String,
    pub unit: UnitId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundKind {
    Regular,
    /// Among the units tied (or for places left) in `parent`.
    Runoff {
        parent: RoundId,
    },
    /// Practice: ballots never count; the round is deleted when it ends.
    Rehearsal,
}

/// How a closed round was counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountSource {
    Booth,
    /// Paper ballots entered twice; the passes are kept for the entry log.
    Paper(PaperCount),
    /// Counted by hand and typed as totals; the ballot box is empty.
    Hand(HandTotals),
}

/// The final counts of a closed round; results are derived from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClosedCount {
    pub roll: Roll,
    pub ballots: BallotBox,
    pub source: CountSource,
}

impl ClosedCount {
    /// The round's totals, from the ballots or as typed by hand.
    pub fn totals(&self, candidates: &[UnitId], rules: &RoundRules, places: u32) -> Totals {
        match &self.source {
            CountSource::Hand(hand) => Totals {
                entitled: self.roll.entitled,
                present: self.roll.present,
                issued: self.roll.issued,
                collected: hand.collected,
                valid: hand.valid,
                invalid: hand.invalid,
                votes: hand.votes.clone(),
            },
            _ => totals_from_ballots(&self.ballots, candidates, rules, places, self.roll),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundState {
    Draft,
    /// Booth voting on the shared laptop.
    Open(Booth),
    /// Paper ballots being entered by the counting committee.
    Paper(PaperCount),
    Closed(ClosedCount),
}

impl RoundState {
    /// Opened and not yet closed, in either mode.
    pub fn in_progress(&self) -> bool {
        matches!(self, RoundState::Open(_) | RoundState::Paper(_))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub id: RoundId,
    /// "Cờ thi đua của Chính phủ", …
    pub award: String,
    pub rules: RoundRules,
    /// In ballot order. Units nominated in a higher round are taken off
    /// when the round opens and listed in `excluded`; frozen then, so only
    /// the round's edits set them (read with `candidates`, `excluded`).
    pub(crate) candidates: Vec<UnitId>,
    pub(crate) excluded: Vec<UnitId>,
    pub kind: RoundKind,
    pub state: RoundState,
    /// The candidates, in order, on the ballot papers last printed for
    /// this round; `None` if none were printed (or before this was kept).
    pub printed: Option<Vec<UnitId>>,
}

impl Round {
    /// The round's list in ballot order: a draft's as chosen, an opened
    /// round's as frozen when it opened (`rules::rounds::ballot_candidates`
    /// gives the candidates in any state).
    pub fn candidates(&self) -> &[UnitId] {
        &self.candidates
    }

    /// Units of the list taken off when the round opened.
    pub fn excluded(&self) -> &[UnitId] {
        &self.excluded
    }

    /// The candidates frozen when the round opened; `None` for a draft,
    /// whose candidates depend on the rounds before it
    /// (`rules::rounds::ballot_candidates`).
    pub fn frozen_candidates(&self) -> Option<RoundCandidates> {
        (self.state != RoundState::Draft).then(|| RoundCandidates {
            standing: self.candidates.clone(),
            excluded: self.excluded.clone(),
        })
    }

    /// Whether ballot papers were printed for this round with another
    /// list than `standing`, its candidates now.
    pub fn papers_outdated(&self, standing: &[UnitId]) -> bool {
        self.printed.as_ref().is_some_and(|p| p != standing)
    }
}

/// How an edit that freezes a round's candidates gets them: the tally's
/// decisions give them (`rules::rounds::ballot_candidates`), and the
/// domain decides nothing itself, so those edits are handed the function.
pub(crate) type CandidatesOf<'a> = &'a dyn Fn(&Workspace) -> Result<RoundCandidates, DomainError>;

/// The candidates of a round: the one answer every screen, document and
/// check takes (`rules::rounds::ballot_candidates`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundCandidates {
    /// In ballot order: the papers' numbers, the entry pad's keys, the
    /// booth's ballot, the hand-count form's rows.
    pub standing: Vec<UnitId>,
    /// Units of the round's list taken off because a higher round
    /// nominated them, in list order.
    pub excluded: Vec<UnitId>,
}

/// What a user chose for a round, before validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundDraft {
    pub award: String,
    pub rules: RoundRules,
    pub candidates: Vec<UnitId>,
    pub rehearsal: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub id: MeetingId,
    pub cluster: ClusterId,
    pub year: u16,
    pub details: MeetingDetails,
    pub voters: Voters,
    pub quorum: Fraction,
    /// A unit nominated in a higher round is no candidate in lower ones.
    pub exclusion: bool,
    /// In order; changed only by the round edits (read with `rounds`).
    pub(crate) rounds: super::Shared<Vec<Round>>,
    /// The nomination letter's fields, as the secretary filled them.
    pub letter: super::NominationLetter,
}

/// Awards clusters commonly vote on, highest first.
pub const COMMON_AWARDS: [&str; 6] = [
    "Cờ thi đua của Chính phủ",
    "Cờ thi đua Bộ Quốc phòng",
    "Cờ thi đua của Bộ Tư lệnh BĐBP",
    "Bằng khen của Bộ trưởng Bộ Quốc phòng",
    "Bằng khen của Bộ Tư lệnh BĐBP",
    "Đơn vị Quyết thắng",
];

impl Meeting {
    /// The rounds, in order.
    pub fn rounds(&self) -> &[Round] {
        &self.rounds
    }

    /// Whether a round of this meeting is opened and not yet closed (its
    /// vote is running: locked to one tab, sealed in files).
    pub fn vote_in_progress(&self) -> bool {
        self.rounds.iter().any(|r| r.state.in_progress())
    }

    pub fn round(&self, id: RoundId) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    pub(super) fn round_mut(&mut self, id: RoundId) -> Result<&mut Round, DomainError> {
        self.rounds
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or(DomainError::UnknownRound)
    }

    /// The roll of entitled voters for `members`.
    pub fn entitled(&self, members: &[UnitId]) -> Vec<Voter> {
        match &self.voters {
            Voters::OnePerUnit => members
                .iter()
                .map(|u| Voter {
                    id: VoterId(u.0),
                    name: String::new(),
                    unit: *u,
                })
                .collect(),
            Voters::Delegates(list) => list
                .iter()
                .filter(|d| members.contains(&d.unit))
                .map(|d| Voter {
                    id: d.id,
                    name: d.name.clone(),
                    unit: d.unit,
                })
                .collect(),
        }
    }

    /// A closed round's totals and the places it awards: its count over
    /// its candidates, its quota over the year's members. The results, the
    /// minutes and the integrity check of every way in take them from here;
    /// `None` for a round that is not closed.
    pub fn closed_totals(&self, round: &Round, year: &EmulationYear) -> Option<(Totals, u32)> {
        let RoundState::Closed(count) = &round.state else {
            return None;
        };
        let places = round.rules.quota.places(year.members.len() as u32);
        Some((
            count.totals(&round.candidates, &round.rules, places),
            places,
        ))
    }
}

impl Workspace {
    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    pub fn meeting_of(&self, cluster: ClusterId, year: u16) -> Option<&Meeting> {
        self.meetings
            .iter()
            .find(|m| m.cluster == cluster && m.year == year)
    }

    pub(super) fn meeting_mut(&mut self, id: MeetingId) -> Result<&mut Meeting, DomainError> {
        self.meetings
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or(DomainError::UnknownMeeting)
    }

    /// The cluster-year a meeting belongs to.
    pub fn year_of(&self, meeting: MeetingId) -> Result<&EmulationYear, DomainError> {
        let meeting = self.meeting(meeting).ok_or(DomainError::UnknownMeeting)?;
        let cluster = self
            .cluster(meeting.cluster)
            .ok_or(DomainError::UnknownCluster(meeting.cluster))?;
        cluster
            .year(meeting.year)
            .ok_or(DomainError::UnknownYear(meeting.year))
    }

    pub(super) fn members_of(&self, meeting: MeetingId) -> Result<Vec<UnitId>, DomainError> {
        let meeting = self.meeting(meeting).ok_or(DomainError::UnknownMeeting)?;
        let cluster = self
            .cluster(meeting.cluster)
            .ok_or(DomainError::UnknownCluster(meeting.cluster))?;
        Ok(cluster
            .year(meeting.year)
            .ok_or(DomainError::UnknownYear(meeting.year))?
            .members
            .clone())
    }

    /// Checks that `cluster` has `year` and no meeting for it yet, and
    /// that `id` is free; gives the cluster's regulation.
    fn check_new_meeting(
        &self,
        id: MeetingId,
        cluster: ClusterId,
        year: u16,
    ) -> Result<&Regulation, DomainError> {
        let cluster_ref = self
            .cluster(cluster)
            .ok_or(DomainError::UnknownCluster(cluster))?;
        if cluster_ref.year(year).is_none() {
            return Err(DomainError::UnknownYear(year));
        }
        if self.meeting_of(cluster, year).is_some() || self.meeting(id).is_some() {
            return Err(DomainError::MeetingExists);
        }
        Ok(cluster_ref.regulation())
    }

    /// Creates the year-end meeting of a cluster-year (one per year), its
    /// quorum and who votes as the cluster's regulation says.
    pub fn add_meeting(
        &mut self,
        id: MeetingId,
        cluster: ClusterId,
        year: u16,
    ) -> Result<(), DomainError> {
        let regulation = self.check_new_meeting(id, cluster, year)?;
        let (quorum, voters) = (regulation.quorum, regulation.who_votes.voters());
        self.meetings.push(Meeting {
            id,
            cluster,
            year,
            details: MeetingDetails::default(),
            voters,
            quorum,
            exclusion: true,
            rounds: Default::default(),
            letter: super::NominationLetter::default(),
        });
        Ok(())
    }

    /// The cluster's latest meeting before `year`, if any.
    pub fn earlier_meeting(&self, cluster: ClusterId, year: u16) -> Option<&Meeting> {
        self.meetings
            .iter()
            .filter(|m| m.cluster == cluster && m.year < year)
            .max_by_key(|m| m.year)
    }

    /// Creates a year's meeting from the cluster's latest earlier one
    /// (issue 18): its place, time, officers, counting committee (the
    /// members' values as they were), voters still members, quorum and
    /// exclusion, and its regular rounds as drafts with their rules (a
    /// fresh lots seed each) and the candidates still members (all members
    /// if none is). Runoffs and rehearsals are not carried over, nor the
    /// date. Everything stays editable; all or nothing. `fresh` gives new
    /// ids and seeds.
    pub fn add_meeting_from_earlier(
        &mut self,
        id: MeetingId,
        cluster: ClusterId,
        year: u16,
        fresh: &mut dyn FnMut() -> u64,
    ) -> Result<(), DomainError> {
        self.check_new_meeting(id, cluster, year)?;
        let earlier = self
            .earlier_meeting(cluster, year)
            .ok_or(DomainError::NoEarlierMeeting)?
            .clone();
        let members = self
            .cluster(cluster)
            .and_then(|c| c.year(year))
            .map(|y| y.members.clone())
            .unwrap_or_default();
        let voters = match earlier.voters {
            Voters::OnePerUnit => Voters::OnePerUnit,
            Voters::Delegates(list) => Voters::Delegates(
                list.into_iter()
                    .filter(|d| members.contains(&d.unit))
                    .collect(),
            ),
        };
        let drafts: Vec<RoundDraft> = earlier
            .rounds
            .iter()
            .filter(|r| r.kind == RoundKind::Regular)
            .map(|r| {
                let listed: Vec<UnitId> = members
                    .iter()
                    .copied()
                    .filter(|m| r.candidates.contains(m) || r.excluded.contains(m))
                    .collect();
                RoundDraft {
                    award: r.award.clone(),
                    rules: RoundRules {
                        lots_seed: fresh(),
                        ..r.rules
                    },
                    candidates: if listed.is_empty() {
                        members.clone()
                    } else {
                        listed
                    },
                    rehearsal: false,
                }
            })
            .collect();
        let mut next = self.clone();
        next.meetings.push(Meeting {
            id,
            cluster,
            year,
            details: MeetingDetails {
                date: None,
                ..earlier.details
            },
            voters,
            quorum: earlier.quorum,
            exclusion: earlier.exclusion,
            rounds: Default::default(),
            // The council the letter goes to stays; its number and signer
            // (the new leader unit's commander) are the new year's.
            letter: super::NominationLetter {
                recipient: earlier.letter.recipient.clone(),
                ..Default::default()
            },
        });
        for draft in drafts {
            next.add_round(id, RoundId(fresh()), draft)?;
        }
        *self = next;
        Ok(())
    }

    pub fn update_meeting(
        &mut self,
        id: MeetingId,
        details: MeetingDetails,
        quorum: Fraction,
        exclusion: bool,
    ) -> Result<(), DomainError> {
        let committee: Vec<CommitteeMember> = details
            .committee
            .into_iter()
            // A row with neither name nor role is unused.
            .filter(|m| {
                !m.name.trim().is_empty()
                    || !matches!(&m.role, CommitteeRole::Other(text) if text.trim().is_empty())
            })
            .map(|m| CommitteeMember {
                name: m.name.trim().to_owned(),
                role: match m.role {
                    CommitteeRole::Other(text) => CommitteeRole::other(&text),
                    role => role,
                },
            })
            .collect();
        if committee.iter().any(|m| m.name.is_empty()) {
            return Err(DomainError::CommitteeMemberWithoutName);
        }
        if !committee.is_empty() && !(3..=5).contains(&committee.len()) {
            return Err(DomainError::CommitteeSize(committee.len()));
        }
        let meeting = self.meeting_mut(id)?;
        meeting.details = MeetingDetails {
            committee,
            ..details
        };
        meeting.quorum = quorum;
        meeting.exclusion = exclusion;
        Ok(())
    }

    /// Sets who votes; refused while a round is open (its roll is frozen).
    pub fn set_voters(&mut self, id: MeetingId, voters: Voters) -> Result<(), DomainError> {
        let members = self.members_of(id)?;
        if let Voters::Delegates(list) = &voters {
            if let Some(d) = list.iter().find(|d| d.name.trim().is_empty()) {
                return Err(DomainError::DelegateWithoutName(d.unit));
            }
            if let Some(d) = list.iter().find(|d| !members.contains(&d.unit)) {
                return Err(DomainError::UnitNotInCluster(d.unit));
            }
        }
        let meeting = self.meeting_mut(id)?;
        if meeting.vote_in_progress() {
            return Err(DomainError::RoundIsOpen);
        }
        meeting.voters = voters;
        Ok(())
    }
}
