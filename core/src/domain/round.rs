//! A round's edits (PRODUCT.md §4): added, deleted, moved, opened or closed at once.
//!
//! A draft is added, deleted or moved in the order; opened in the booth or
//! on paper, or closed at once with totals counted by hand, each freezing
//! the candidates it is handed.

use super::meeting::{CandidatesOf, ClosedCount, CountSource};
use super::{
    pin_digest, quorum_met, reconcile, BallotBox, Booth, BoothScreen, DomainError, HandTotals,
    MeetingId, PaperCount, ReconcileError, Roll, Round, RoundCandidates, RoundDraft, RoundId,
    RoundKind, RoundState, Shift, UnitId, Voter, Workspace,
};

impl Workspace {
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
        earlier: Shift,
    ) -> Result<(), DomainError> {
        let meeting = self.meeting_mut(meeting)?;
        let idx = meeting
            .rounds
            .iter()
            .position(|r| r.id == round)
            .ok_or(DomainError::UnknownRound)?;
        let other = match earlier {
            Shift::Earlier => idx.checked_sub(1),
            Shift::Later => Some(idx + 1).filter(|o| *o < meeting.rounds.len()),
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
    /// to closed if the totals reconcile (PRODUCT.md §4), and is refused with
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
}
