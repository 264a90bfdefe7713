//! Booth voting on one shared laptop (PRODUCT.md §5): the booth's state machine and its steps.
//!
//! The state machine covers the operator, a voter's ballot, the hand-back
//! and an interrupted ballot. The booth keeps who has voted apart from the
//! ballots, which are a multiset with no voter, time or order.

use sha2::{Digest, Sha256};

use super::meeting::{ClosedCount, CountSource};
use super::{
    quorum_met, Approvals, BallotBox, DomainError, MeetingId, Roll, Round, RoundId, RoundRules,
    RoundState, UnitId, Voter, VoterId, Workspace,
};

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

/// An open booth round. Its fields are private: only the booth's steps
/// (the state machine below) change them; screens read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booth {
    /// Frozen when the round opened.
    pub(crate) entitled: Vec<Voter>,
    pub(crate) present: Vec<VoterId>,
    /// Who has voted, sorted; never how.
    pub(crate) voted: Vec<VoterId>,
    pub(crate) ballots: BallotBox,
    /// SHA-256 of the round id and the operator's PIN.
    pub(crate) pin_digest: String,
    pub(crate) screen: BoothScreen,
}

impl Booth {
    /// The roll, frozen when the round opened.
    pub fn entitled(&self) -> &[Voter] {
        &self.entitled
    }

    /// The ballots cast so far: approvals and counts, no voter.
    pub fn ballots(&self) -> &BallotBox {
        &self.ballots
    }

    /// What the shared laptop shows.
    pub fn screen(&self) -> BoothScreen {
        self.screen
    }

    /// SHA-256 of the round id and the operator's PIN.
    pub fn pin_digest(&self) -> &str {
        &self.pin_digest
    }

    /// The voters ticked present, sorted.
    pub fn present(&self) -> &[VoterId] {
        &self.present
    }

    /// Who has voted, sorted; never how.
    pub fn voted(&self) -> &[VoterId] {
        &self.voted
    }
}

/// The digest of an operator PIN, salted with the round so that the same
/// PIN gives different digests in different rounds.
pub fn pin_digest(round: RoundId, pin: &str) -> String {
    let digest = Sha256::digest(format!("thidua-pin:{}:{}", round.0, pin.trim()).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
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

    /// Ticks every voter on the roll present (the usual case: one action
    /// instead of one per voter); only before the first ballot.
    pub fn set_all_present(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
    ) -> Result<(), DomainError> {
        let (booth, _, _) = self.booth_mut(meeting, round)?;
        let roll: Vec<VoterId> = booth.entitled.iter().map(|v| v.id).collect();
        for voter in roll {
            self.set_present(meeting, round, voter, true)?;
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
    ///
    /// Runs at every start-up: a meeting with no ballot being filled is not
    /// touched, so its rounds stay shared with the copy as last saved
    /// (`Shared`: iterating them mutably would copy every meeting's rounds).
    pub fn interrupt_open_ballots(&mut self, run_elsewhere: &[MeetingId]) {
        let filling = |round: &Round| match &round.state {
            RoundState::Open(booth) => matches!(booth.screen, BoothScreen::Ballot(_)),
            _ => false,
        };
        let meetings = self
            .meetings
            .iter_mut()
            .filter(|m| !run_elsewhere.contains(&m.id) && m.rounds.iter().any(filling));
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
}
