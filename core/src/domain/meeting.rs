//! The year-end meeting of a cluster and its award rounds (SPEC §4–5):
//! details, entitled voters, the rounds in order, and booth voting on one
//! shared laptop. The booth keeps who has voted apart from the ballots,
//! which are a multiset with no voter, time or order.

use sha2::{Digest, Sha256};

use super::{
    quorum_met, reconcile, totals_from_ballots, Approvals, BallotBox, ClusterId, Date, DomainError,
    Fraction, HandTotals, PaperCount, ReconcileError, Roll, RoundRules, Totals, UnitId, Workspace,
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
    /// "Trưởng ban", "Ủy viên", …
    pub role: String,
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
    /// One voter per member unit (SPEC default).
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

/// What the shared laptop shows in an open round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoothScreen {
    /// The operator's roll: presence, whose turn, close.
    Operator,
    /// A clean ballot for this voter.
    Ballot(VoterId),
    /// "Hand the laptop back": locked until the operator's PIN.
    HandBack,
    /// A reload happened during this voter's ballot; nothing was recorded
    /// for them. Locked like `HandBack`.
    Interrupted(VoterId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booth {
    /// Frozen when the round opened.
    pub entitled: Vec<Voter>,
    pub present: Vec<VoterId>,
    /// Who has voted, sorted; never how.
    pub voted: Vec<VoterId>,
    pub ballots: BallotBox,
    /// SHA-256 of the round id and the operator's PIN.
    pub pin_digest: String,
    pub screen: BoothScreen,
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

impl Workspace {
    /// The booth round this laptop is locked for: a round open in the
    /// booth whose screen is a delegate's (a ballot, the hand-back screen,
    /// an interrupted ballot). Until the operator's PIN, the app shows that
    /// round on every route and offers no way out.
    pub fn locked_booth(&self) -> Option<(MeetingId, RoundId)> {
        self.meetings.iter().find_map(|meeting| {
            meeting.rounds.iter().find_map(|round| match &round.state {
                RoundState::Open(booth) if booth.screen != BoothScreen::Operator => {
                    Some((meeting.id, round.id))
                }
                _ => None,
            })
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub id: RoundId,
    /// "Cờ thi đua của Chính phủ", …
    pub award: String,
    pub rules: RoundRules,
    /// In ballot order. Units nominated in a higher round are taken off
    /// when the round opens and listed in `excluded`.
    pub candidates: Vec<UnitId>,
    pub excluded: Vec<UnitId>,
    pub kind: RoundKind,
    pub state: RoundState,
    /// The candidates, in order, on the ballot papers last printed for
    /// this round; `None` if none were printed (or before this was kept).
    pub printed: Option<Vec<UnitId>>,
}

impl Round {
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
    pub rounds: Vec<Round>,
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

/// The digest of an operator PIN, salted with the round so that the same
/// PIN gives different digests in different rounds.
pub fn pin_digest(round: RoundId, pin: &str) -> String {
    let digest = Sha256::digest(format!("thidua-pin:{}:{}", round.0, pin.trim()).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Meeting {
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
    pub fn closed_totals(
        &self,
        round: &Round,
        year: &super::EmulationYear,
    ) -> Option<(Totals, u32)> {
        let RoundState::Closed(count) = &round.state else {
            return None;
        };
        let places = round.rules.quota.places(year.members.len() as u32);
        Some((
            count.totals(&round.candidates, &round.rules, places),
            places,
        ))
    }

    /// The runoff held for `round`'s tied or unfilled places, if one was
    /// created (there is at most one per round).
    pub fn runoff_of(&self, round: RoundId) -> Option<&Round> {
        self.rounds
            .iter()
            .find(|r| r.kind == (RoundKind::Runoff { parent: round }))
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

    /// Keeps the candidates, in order, the ballot papers of a draft round
    /// were printed with (`rules::rounds::record_printed_papers` gives
    /// them); once the round has opened there is nothing to keep.
    pub(crate) fn record_printed_papers(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        standing: Vec<UnitId>,
    ) -> Result<(), DomainError> {
        let round = self.meeting_mut(meeting)?.round_mut(round)?;
        if round.state == RoundState::Draft {
            round.printed = Some(standing);
        }
        Ok(())
    }

    pub(super) fn meeting_mut(&mut self, id: MeetingId) -> Result<&mut Meeting, DomainError> {
        self.meetings
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or(DomainError::UnknownMeeting)
    }

    /// The cluster-year a meeting belongs to.
    pub fn year_of(&self, meeting: MeetingId) -> Result<&super::EmulationYear, DomainError> {
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

    /// Creates the year-end meeting of a cluster-year (one per year).
    pub fn add_meeting(
        &mut self,
        id: MeetingId,
        cluster: ClusterId,
        year: u16,
    ) -> Result<(), DomainError> {
        let cluster_ref = self
            .cluster(cluster)
            .ok_or(DomainError::UnknownCluster(cluster))?;
        if cluster_ref.year(year).is_none() {
            return Err(DomainError::UnknownYear(year));
        }
        if self.meeting_of(cluster, year).is_some() || self.meeting(id).is_some() {
            return Err(DomainError::MeetingExists);
        }
        self.meetings.push(Meeting {
            id,
            cluster,
            year,
            details: MeetingDetails::default(),
            voters: Voters::OnePerUnit,
            quorum: Fraction::two_thirds(),
            exclusion: true,
            rounds: Vec::new(),
        });
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
            .filter(|m| !m.name.trim().is_empty() || !m.role.trim().is_empty())
            .map(|m| CommitteeMember {
                name: m.name.trim().to_owned(),
                role: m.role.trim().to_owned(),
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

    fn check_round_draft(&self, meeting: MeetingId, draft: &RoundDraft) -> Result<(), DomainError> {
        let members = self.members_of(meeting)?;
        if draft.award.trim().is_empty() {
            return Err(DomainError::EmptyAward);
        }
        if draft.candidates.is_empty() {
            return Err(DomainError::NoCandidates);
        }
        if let Some(outsider) = draft.candidates.iter().find(|c| !members.contains(c)) {
            return Err(DomainError::UnitNotInCluster(*outsider));
        }
        if draft.rules.quota.places(members.len() as u32) == 0 {
            return Err(DomainError::QuotaZero);
        }
        Ok(())
    }

    pub fn add_round(
        &mut self,
        meeting: MeetingId,
        id: RoundId,
        draft: RoundDraft,
    ) -> Result<(), DomainError> {
        self.check_round_draft(meeting, &draft)?;
        let meeting = self.meeting_mut(meeting)?;
        if meeting.round(id).is_some() {
            return Err(DomainError::IdInUse);
        }
        let mut candidates = draft.candidates;
        candidates.dedup();
        meeting.rounds.push(Round {
            id,
            award: draft.award.split_whitespace().collect::<Vec<_>>().join(" "),
            rules: draft.rules,
            candidates,
            excluded: Vec::new(),
            kind: if draft.rehearsal {
                RoundKind::Rehearsal
            } else {
                RoundKind::Regular
            },
            state: RoundState::Draft,
            printed: None,
        });
        Ok(())
    }

    /// Deletes a round that has not opened, or a rehearsal at any time
    /// (its ballots go with it).
    pub fn delete_round(&mut self, meeting: MeetingId, round: RoundId) -> Result<(), DomainError> {
        let meeting = self.meeting_mut(meeting)?;
        let target = meeting.round(round).ok_or(DomainError::UnknownRound)?;
        if target.kind != RoundKind::Rehearsal && target.state != RoundState::Draft {
            return Err(DomainError::RoundNotDraft);
        }
        meeting.rounds.retain(|r| r.id != round);
        Ok(())
    }

    /// Moves a draft round one place up or down in the order of rounds.
    pub fn move_round(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        earlier: super::Shift,
    ) -> Result<(), DomainError> {
        let meeting = self.meeting_mut(meeting)?;
        let idx = meeting
            .rounds
            .iter()
            .position(|r| r.id == round)
            .ok_or(DomainError::UnknownRound)?;
        let other = match earlier {
            super::Shift::Earlier => idx.checked_sub(1),
            super::Shift::Later => Some(idx + 1).filter(|o| *o < meeting.rounds.len()),
        };
        if let Some(other) = other {
            if meeting.rounds[idx].state != RoundState::Draft
                || meeting.rounds[other].state != RoundState::Draft
            {
                return Err(DomainError::RoundNotDraft);
            }
            meeting.rounds.swap(idx, other);
        }
        Ok(())
    }

    /// What opening a round in either mode checks and freezes: the
    /// roll, and the candidates (`candidates`: units nominated in higher
    /// rounds taken off).
    fn opening(
        &self,
        meeting_id: MeetingId,
        round_id: RoundId,
        candidates: CandidatesOf<'_>,
    ) -> Result<(RoundCandidates, Vec<Voter>), DomainError> {
        let members = self.members_of(meeting_id)?;
        let meeting = self
            .meeting(meeting_id)
            .ok_or(DomainError::UnknownMeeting)?;
        let round = meeting.round(round_id).ok_or(DomainError::UnknownRound)?;
        if round.state != RoundState::Draft {
            return Err(DomainError::RoundNotDraft);
        }
        if meeting.vote_in_progress() {
            return Err(DomainError::AnotherRoundOpen);
        }
        let position = meeting
            .rounds
            .iter()
            .position(|r| r.id == round_id)
            .unwrap_or(0);
        let counting = round.kind != RoundKind::Rehearsal;
        if counting
            && meeting.rounds[..position]
                .iter()
                .any(|r| r.kind != RoundKind::Rehearsal && r.state == RoundState::Draft)
        {
            return Err(DomainError::EarlierRoundNotClosed);
        }
        let candidates = candidates(self)?;
        if candidates.standing.is_empty() {
            return Err(DomainError::NoCandidates);
        }
        let entitled = meeting.entitled(&members);
        if entitled.is_empty() {
            return Err(DomainError::NoVoters);
        }
        Ok((candidates, entitled))
    }

    /// Opening a round whose paper ballots are counted (entered or by
    /// hand): refused if the papers printed list other candidates.
    fn opening_on_paper(
        &self,
        meeting: MeetingId,
        round: RoundId,
        candidates: CandidatesOf<'_>,
    ) -> Result<(RoundCandidates, Vec<Voter>), DomainError> {
        let opening = self.opening(meeting, round, candidates)?;
        let outdated = self
            .meeting(meeting)
            .and_then(|m| m.round(round))
            .is_some_and(|r| r.papers_outdated(&opening.0.standing));
        if outdated {
            return Err(DomainError::PapersOutdated);
        }
        Ok(opening)
    }

    /// Freezes the round's candidates and gives it its new state.
    fn begin(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        candidates: RoundCandidates,
        state: RoundState,
    ) -> Result<(), DomainError> {
        let round = self.meeting_mut(meeting)?.round_mut(round)?;
        round.candidates = candidates.standing;
        round.excluded = candidates.excluded;
        round.state = state;
        Ok(())
    }

    /// Opens a round for booth voting (`rules::rounds::open_round`, which
    /// hands in the candidates): freezes the roll and the candidates, and
    /// sets the operator's PIN.
    pub(crate) fn open_round(
        &mut self,
        meeting_id: MeetingId,
        round_id: RoundId,
        pin: &str,
        candidates: CandidatesOf<'_>,
    ) -> Result<(), DomainError> {
        if pin.trim().chars().count() < 4 {
            return Err(DomainError::PinTooShort);
        }
        let (candidates, entitled) = self.opening(meeting_id, round_id, candidates)?;
        let booth = Booth {
            entitled,
            present: Vec::new(),
            voted: Vec::new(),
            ballots: BallotBox::default(),
            pin_digest: pin_digest(round_id, pin),
            screen: BoothScreen::Operator,
        };
        self.begin(meeting_id, round_id, candidates, RoundState::Open(booth))
    }

    /// Checks the presence counts of a paper or hand count against the
    /// roll and the quorum.
    pub(super) fn check_paper_roll(
        &self,
        meeting: MeetingId,
        entitled: u32,
        present: u32,
        issued: u32,
    ) -> Result<(), DomainError> {
        let quorum = self
            .meeting(meeting)
            .ok_or(DomainError::UnknownMeeting)?
            .quorum;
        if present > entitled {
            return Err(DomainError::PresentOverEntitled { present, entitled });
        }
        if !quorum_met(present, entitled, quorum) {
            return Err(DomainError::NoQuorum { present, entitled });
        }
        if issued > present {
            return Err(DomainError::Count(ReconcileError::IssuedOverPresent {
                issued,
                present,
            }));
        }
        Ok(())
    }

    /// Opens a round for paper ballots (`rules::rounds::open_paper_round`,
    /// which hands in the candidates): freezes the number of entitled
    /// voters and the candidates. `present` and `issued` are counted in
    /// the hall.
    pub(crate) fn open_paper_round(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        present: u32,
        issued: u32,
        candidates: CandidatesOf<'_>,
    ) -> Result<(), DomainError> {
        let (candidates, entitled) = self.opening_on_paper(meeting, round, candidates)?;
        let entitled = entitled.len() as u32;
        self.check_paper_roll(meeting, entitled, present, issued)?;
        let count = PaperCount {
            entitled,
            present,
            issued,
            ..PaperCount::default()
        };
        self.begin(meeting, round, candidates, RoundState::Paper(count))
    }

    /// Records a count done by hand (`rules::rounds::close_with_totals`,
    /// which hands in the candidates): the round goes from draft straight
    /// to closed if the totals reconcile (SPEC §4), and is refused with
    /// the reason if they do not.
    pub(crate) fn close_with_totals(
        &mut self,
        meeting: MeetingId,
        round_id: RoundId,
        present: u32,
        issued: u32,
        hand: HandTotals,
        candidates: CandidatesOf<'_>,
    ) -> Result<(), DomainError> {
        let (candidates, entitled) = self.opening_on_paper(meeting, round_id, candidates)?;
        let entitled = entitled.len() as u32;
        self.check_paper_roll(meeting, entitled, present, issued)?;
        let members = self.members_of(meeting)?.len() as u32;
        let round = self
            .meeting(meeting)
            .and_then(|m| m.round(round_id))
            .ok_or(DomainError::UnknownRound)?;
        let standing = &candidates.standing;
        if let Some(unit) = hand.votes.keys().find(|u| !standing.contains(u)) {
            return Err(DomainError::NotACandidateUnit(*unit));
        }
        let votes = standing
            .iter()
            .map(|c| (*c, hand.votes.get(c).copied().unwrap_or(0)))
            .collect();
        let hand = HandTotals { votes, ..hand };
        let roll = Roll {
            entitled,
            present,
            issued,
        };
        let count = ClosedCount {
            roll,
            ballots: BallotBox::default(),
            source: CountSource::Hand(hand),
        };
        let places = round.rules.quota.places(members);
        let totals = count.totals(standing, &round.rules, places);
        reconcile(&totals, places).map_err(DomainError::Count)?;
        self.begin(meeting, round_id, candidates, RoundState::Closed(count))
    }

    fn booth_mut(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
    ) -> Result<(&mut Booth, RoundRules, Vec<UnitId>), DomainError> {
        let round = self.meeting_mut(meeting)?.round_mut(round)?;
        let rules = round.rules;
        let candidates = round.candidates.clone();
        match &mut round.state {
            RoundState::Open(booth) => Ok((booth, rules, candidates)),
            _ => Err(DomainError::RoundNotOpen),
        }
    }

    /// Ticks a voter present or absent; only before the first ballot.
    pub fn set_present(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        voter: VoterId,
        present: bool,
    ) -> Result<(), DomainError> {
        let (booth, _, _) = self.booth_mut(meeting, round)?;
        if !booth.ballots.is_empty() || !booth.voted.is_empty() {
            return Err(DomainError::VotingStarted);
        }
        if !booth.entitled.iter().any(|v| v.id == voter) {
            return Err(DomainError::NotOnRoll);
        }
        booth.present.retain(|p| *p != voter);
        if present {
            booth.present.push(voter);
            crate::sort::sort(&mut booth.present);
        }
        Ok(())
    }

    /// The operator hands the laptop to `voter` for a clean ballot.
    pub fn start_ballot(
        &mut self,
        meeting_id: MeetingId,
        round: RoundId,
        voter: VoterId,
    ) -> Result<(), DomainError> {
        let quorum = self
            .meeting(meeting_id)
            .ok_or(DomainError::UnknownMeeting)?
            .quorum;
        let (booth, _, _) = self.booth_mut(meeting_id, round)?;
        if booth.screen != BoothScreen::Operator {
            return Err(DomainError::BoothLocked);
        }
        if !quorum_met(
            booth.present.len() as u32,
            booth.entitled.len() as u32,
            quorum,
        ) {
            return Err(DomainError::NoQuorum {
                present: booth.present.len() as u32,
                entitled: booth.entitled.len() as u32,
            });
        }
        if !booth.present.contains(&voter) {
            return Err(DomainError::NotPresent);
        }
        if booth.voted.contains(&voter) {
            return Err(DomainError::AlreadyVoted);
        }
        booth.screen = BoothScreen::Ballot(voter);
        Ok(())
    }

    /// Records the ballot of the voter whose turn it is, and locks the
    /// laptop. The ballot keeps only the approvals.
    pub fn submit_ballot(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        approvals: Vec<UnitId>,
    ) -> Result<(), DomainError> {
        let members = self.members_of(meeting)?.len() as u32;
        let (booth, rules, candidates) = self.booth_mut(meeting, round)?;
        let BoothScreen::Ballot(voter) = booth.screen else {
            return Err(DomainError::NoBallotInProgress);
        };
        let approvals = Approvals::new(approvals);
        if approvals.units().iter().any(|a| !candidates.contains(a)) {
            return Err(DomainError::NotACandidate);
        }
        if approvals.len() as u64 > u64::from(rules.quota.places(members)) {
            return Err(DomainError::TooManyApprovals);
        }
        let own_unit = booth
            .entitled
            .iter()
            .find(|v| v.id == voter)
            .map(|v| v.unit);
        if !rules.self_vote_allowed && own_unit.is_some_and(|u| approvals.units().contains(&u)) {
            return Err(DomainError::SelfVote);
        }
        if booth.voted.contains(&voter) {
            return Err(DomainError::AlreadyVoted);
        }
        booth.ballots.cast(approvals);
        booth.voted.push(voter);
        crate::sort::sort(&mut booth.voted);
        booth.screen = BoothScreen::HandBack;
        Ok(())
    }

    /// Unlocks the operator's screen with the PIN.
    pub fn unlock_booth(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        pin: &str,
    ) -> Result<(), DomainError> {
        let (booth, _, _) = self.booth_mut(meeting, round)?;
        if booth.pin_digest != pin_digest(round, pin) {
            return Err(DomainError::WrongPin);
        }
        booth.screen = BoothScreen::Operator;
        Ok(())
    }

    /// After a reload, a ballot that was being filled is dropped unseen:
    /// its voter has not voted and the laptop stays locked. Meetings in
    /// `run_elsewhere` (their vote runs in another tab) are left alone.
    pub fn interrupt_open_ballots(&mut self, run_elsewhere: &[MeetingId]) {
        let meetings = self
            .meetings
            .iter_mut()
            .filter(|m| !run_elsewhere.contains(&m.id));
        for meeting in meetings {
            for round in &mut meeting.rounds {
                if let RoundState::Open(booth) = &mut round.state {
                    if let BoothScreen::Ballot(voter) = booth.screen {
                        booth.screen = BoothScreen::Interrupted(voter);
                    }
                }
            }
        }
    }

    /// Closes the round from the operator's screen; the counts become final.
    pub fn close_round(&mut self, meeting: MeetingId, round: RoundId) -> Result<(), DomainError> {
        let (booth, _, _) = self.booth_mut(meeting, round)?;
        if booth.screen != BoothScreen::Operator {
            return Err(DomainError::BoothLocked);
        }
        let present = booth.present.len() as u32;
        let count = ClosedCount {
            roll: Roll {
                entitled: booth.entitled.len() as u32,
                present,
                issued: present,
            },
            ballots: booth.ballots.clone(),
            source: CountSource::Booth,
        };
        self.meeting_mut(meeting)?.round_mut(round)?.state = RoundState::Closed(count);
        Ok(())
    }

    /// Adds the runoff of `parent` for `places` among `candidates` (the
    /// tied or not yet nominated units its result leaves,
    /// `rules::rounds::create_runoff`) right after it. Returns its id.
    pub(crate) fn add_runoff(
        &mut self,
        meeting_id: MeetingId,
        round_id: RoundId,
        new_id: RoundId,
        candidates: Vec<UnitId>,
        places: u32,
    ) -> Result<RoundId, DomainError> {
        let meeting = self
            .meeting(meeting_id)
            .ok_or(DomainError::UnknownMeeting)?;
        let round = meeting.round(round_id).ok_or(DomainError::UnknownRound)?;
        if candidates.is_empty() {
            return Err(DomainError::NoCandidates);
        }
        // One runoff per round, whatever its state: a second one would
        // vote again on places the first already filled.
        if meeting.runoff_of(round_id).is_some() {
            return Err(DomainError::RunoffExists);
        }
        let runoff = Round {
            id: new_id,
            award: round.award.clone(),
            rules: RoundRules {
                quota: super::Quota::Fixed(places),
                ..round.rules
            },
            candidates,
            excluded: Vec::new(),
            kind: RoundKind::Runoff { parent: round_id },
            state: RoundState::Draft,
            printed: None,
        };
        let meeting = self.meeting_mut(meeting_id)?;
        let position = meeting
            .rounds
            .iter()
            .position(|r| r.id == round_id)
            .unwrap_or(0);
        // After the parent and any runoffs of it already held.
        let mut insert_at = position + 1;
        while insert_at < meeting.rounds.len()
            && matches!(meeting.rounds[insert_at].kind, RoundKind::Runoff { .. })
        {
            insert_at += 1;
        }
        // Its nominees would be excluded from the rounds after it, whose
        // candidates were frozen when they opened.
        if meeting.exclusion
            && meeting.rounds[insert_at..]
                .iter()
                .any(|r| r.kind != RoundKind::Rehearsal && r.state != RoundState::Draft)
        {
            return Err(DomainError::LaterRoundStarted);
        }
        meeting.rounds.insert(insert_at, runoff);
        Ok(new_id)
    }
}
