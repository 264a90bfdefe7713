//! A round's runoff: at most one per round, for its tied or unfilled places, right after it.

use super::{
    DomainError, Meeting, MeetingId, Quota, Round, RoundId, RoundKind, RoundRules, RoundState,
    UnitId, Workspace,
};

impl Meeting {
    /// The runoff held for `round`'s tied or unfilled places, if one was
    /// created (there is at most one per round).
    pub fn runoff_of(&self, round: RoundId) -> Option<&Round> {
        self.rounds
            .iter()
            .find(|r| r.kind == (RoundKind::Runoff { parent: round }))
    }
}

impl Workspace {
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
                quota: Quota::Fixed(places),
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
