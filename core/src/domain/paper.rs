//! Paper mode (PRODUCT.md §6): numbered paper ballots entered twice by two
//! committee members, the comparison of the two passes and how the
//! committee settles each difference; and counts done by hand, typed as
//! totals.

use std::collections::BTreeMap;

use super::{ballot_validity, Approvals, BallotBox, Invalidity, UnitId};

/// One paper ballot as read by the committee.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PaperBallot {
    /// The marked boxes, as marked: more marks than places is kept as
    /// read and counted invalid by the round's rules.
    Marks(Approvals),
    /// Invalid as a whole (torn, written on, not the round's paper).
    Spoilt,
}

impl PaperBallot {
    /// Whether this reading counts, by the one rule every mode uses
    /// (`ballot_validity`, which the entry pad asks of the marks on screen);
    /// a spoilt paper never does. The differences and the entry log ask here.
    pub fn validity(
        &self,
        candidates: &[UnitId],
        rules: &RoundRules,
        places: u32,
    ) -> Result<(), Invalidity> {
        match self {
            PaperBallot::Spoilt => Err(Invalidity::Spoilt),
            PaperBallot::Marks(marks) => ballot_validity(marks.units(), candidates, rules, places),
        }
    }
}

/// Which of the two independent entries of the same pile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pass {
    First,
    Second,
}

impl Pass {
    pub const BOTH: [Pass; 2] = [Pass::First, Pass::Second];

    pub fn index(self) -> usize {
        match self {
            Pass::First => 0,
            Pass::Second => 1,
        }
    }

    /// 1 or 2, as people say it.
    pub fn number(self) -> u32 {
        self.index() as u32 + 1
    }
}

/// One committee member's entry of the pile: ballot number `n` is
/// `ballots[n - 1]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaperPass {
    pub ballots: Vec<PaperBallot>,
    /// The member said the pile is done; the pass no longer changes
    /// except by the committee settling a difference.
    pub finished: bool,
}

/// A ballot number where the two passes read differently; `None` where a
/// pass has no ballot of that number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub number: u32,
    pub first: Option<PaperBallot>,
    pub second: Option<PaperBallot>,
}

/// How the committee settled a difference, kept for the entry log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settlement {
    pub number: u32,
    pub first: Option<PaperBallot>,
    pub second: Option<PaperBallot>,
    /// The reading the committee agreed on after looking at the paper;
    /// `None`: there is no ballot of that number.
    pub chosen: Option<PaperBallot>,
}

/// A paper round being entered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaperCount {
    /// Entitled voters, frozen when the count opened.
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    pub passes: [PaperPass; 2],
    pub settlements: Vec<Settlement>,
}

impl PaperCount {
    pub fn pass(&self, pass: Pass) -> &PaperPass {
        &self.passes[pass.index()]
    }

    pub fn pass_mut(&mut self, pass: Pass) -> &mut PaperPass {
        &mut self.passes[pass.index()]
    }

    /// The differences of the two passes; empty when they agree.
    pub fn differences(&self) -> Vec<Difference> {
        compare_passes(&self.passes[0].ballots, &self.passes[1].ballots)
    }

    /// Both passes finished and identical: the count can close.
    pub fn agreed(&self) -> bool {
        self.passes.iter().all(|p| p.finished) && self.differences().is_empty()
    }

    /// The first pass as a ballot box (equal to the second once agreed).
    pub fn ballot_box(&self) -> BallotBox {
        ballot_box_of(&self.passes[0].ballots)
    }
}

/// The numbers where two entries of the same pile differ, in order,
/// with both readings. Ballots beyond the shorter entry differ from
/// "no ballot".
pub fn compare_passes(first: &[PaperBallot], second: &[PaperBallot]) -> Vec<Difference> {
    let longest = first.len().max(second.len());
    (0..longest)
        .filter_map(|idx| {
            let a = first.get(idx);
            let b = second.get(idx);
            (a != b).then(|| Difference {
                number: idx as u32 + 1,
                first: a.cloned(),
                second: b.cloned(),
            })
        })
        .collect()
}

/// Paper ballots as a canonical multiset: numbers and order are dropped.
pub fn ballot_box_of(ballots: &[PaperBallot]) -> BallotBox {
    let mut ballot_box = BallotBox::default();
    for ballot in ballots {
        match ballot {
            PaperBallot::Marks(approvals) => ballot_box.cast(approvals.clone()),
            PaperBallot::Spoilt => ballot_box.cast_spoilt(),
        }
    }
    ballot_box
}

/// The keys that toggle candidates in paper entry, in ballot order:
/// digits first (1…9, 0), then letters. `x` (spoilt) and `z` (undo) are
/// kept for the commands, so up to 33 candidates have a key.
pub const ENTRY_KEYS: &str = "1234567890abcdefghijklmnopqrstuvw";

/// The key shown beside the `idx`-th candidate (0-based), if it has one.
pub fn entry_key(idx: usize) -> Option<char> {
    ENTRY_KEYS.chars().nth(idx)
}

/// The candidate (0-based, ballot order) a key toggles.
pub fn candidate_for_key(key: &str) -> Option<usize> {
    let mut chars = key.chars();
    let c = chars.next()?.to_ascii_lowercase();
    if chars.next().is_some() {
        return None;
    }
    ENTRY_KEYS.chars().position(|k| k == c)
}

/// A count typed by a person: a whole number from 0; dots and spaces
/// as thousands separators are accepted ("1.234").
pub fn parse_count(text: &str) -> Result<u32, DomainError> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| *c != '.' && *c != ' ' && *c != '\u{a0}')
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(DomainError::NotACount(text.trim().to_owned()));
    }
    digits
        .parse()
        .map_err(|_| DomainError::NotACount(text.trim().to_owned()))
}

/// A reading typed by the committee the way the entry log writes it:
/// the candidates' numbers on the paper ("2, 3, 5" or "2 3 5"), `x` for a
/// spoilt paper, nothing for a paper with no mark.
pub fn parse_reading(text: &str, candidates: &[UnitId]) -> Result<PaperBallot, DomainError> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("x") {
        return Ok(PaperBallot::Spoilt);
    }
    let mut units = Vec::new();
    for part in text.split([',', ';', ' ']).filter(|p| !p.is_empty()) {
        let number: usize = part
            .parse()
            .map_err(|_| DomainError::NotOnPaper(part.to_owned()))?;
        let unit = number
            .checked_sub(1)
            .and_then(|idx| candidates.get(idx))
            .ok_or_else(|| DomainError::NotOnPaper(part.to_owned()))?;
        units.push(*unit);
    }
    Ok(PaperBallot::Marks(Approvals::new(units)))
}

/// A count done by hand and typed as totals (PRODUCT.md §6); voters present
/// and ballots issued go in the round's roll.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandTotals {
    pub collected: u32,
    pub valid: u32,
    pub invalid: u32,
    /// Votes per candidate, over the valid ballots.
    pub votes: BTreeMap<UnitId, u32>,
}

use super::meeting::{ClosedCount, CountSource};
use super::{
    reconcile, DomainError, MeetingId, ReconcileError, Roll, RoundId, RoundRules, RoundState,
    Workspace,
};

impl Workspace {
    /// The paper count of a round being entered, with its rules, its
    /// candidates and the places to fill.
    fn paper_mut(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
    ) -> Result<(&mut PaperCount, RoundRules, Vec<UnitId>, u32), DomainError> {
        let members = self.members_of(meeting)?.len() as u32;
        let round = self.meeting_mut(meeting)?.round_mut(round)?;
        let rules = round.rules;
        let candidates = round.candidates.clone();
        match &mut round.state {
            RoundState::Paper(count) => Ok((count, rules, candidates, rules.quota.places(members))),
            _ => Err(DomainError::RoundNotOpen),
        }
    }

    /// Corrects the counts of voters present and ballots issued.
    pub fn set_paper_roll(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        present: u32,
        issued: u32,
    ) -> Result<(), DomainError> {
        let (count, _, _, _) = self.paper_mut(meeting, round)?;
        let entitled = count.entitled;
        let entered = count
            .passes
            .iter()
            .map(|p| p.ballots.len())
            .max()
            .unwrap_or(0) as u32;
        self.check_paper_roll(meeting, entitled, present, issued)?;
        if entered > issued {
            return Err(DomainError::Count(ReconcileError::CollectedOverIssued {
                issued,
                collected: entered,
            }));
        }
        let (count, _, _, _) = self.paper_mut(meeting, round)?;
        count.present = present;
        count.issued = issued;
        Ok(())
    }

    /// Enters the next numbered ballot of `pass`; returns its number.
    /// Marks are kept as read, even when they make the ballot invalid.
    pub fn enter_paper_ballot(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        pass: Pass,
        ballot: PaperBallot,
    ) -> Result<u32, DomainError> {
        let (count, _, candidates, _) = self.paper_mut(meeting, round)?;
        if let PaperBallot::Marks(marks) = &ballot {
            if marks.units().iter().any(|u| !candidates.contains(u)) {
                return Err(DomainError::NotACandidate);
            }
        }
        let issued = count.issued;
        let entry = count.pass_mut(pass);
        if entry.finished {
            return Err(DomainError::PassFinished(pass.number()));
        }
        if entry.ballots.len() as u32 >= issued {
            return Err(DomainError::Count(ReconcileError::CollectedOverIssued {
                issued,
                collected: issued + 1,
            }));
        }
        entry.ballots.push(ballot);
        Ok(entry.ballots.len() as u32)
    }

    /// Takes back the last ballot entered in `pass`.
    pub fn undo_paper_ballot(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        pass: Pass,
    ) -> Result<(), DomainError> {
        let (count, _, _, _) = self.paper_mut(meeting, round)?;
        let entry = count.pass_mut(pass);
        if entry.finished {
            return Err(DomainError::PassFinished(pass.number()));
        }
        entry
            .ballots
            .pop()
            .map(|_| ())
            .ok_or(DomainError::NothingToUndo)
    }

    /// Marks a pass done (or, with `finished` false, takes it up again
    /// while the other pass is still being entered).
    pub fn finish_paper_pass(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        pass: Pass,
        finished: bool,
    ) -> Result<(), DomainError> {
        let (count, _, _, _) = self.paper_mut(meeting, round)?;
        if !finished && count.passes.iter().all(|p| p.finished) {
            // Once both are done the differences are on screen; a pass
            // that changed after that could be made to match the other.
            return Err(DomainError::PassFinished(pass.number()));
        }
        if finished && count.pass(pass).ballots.is_empty() {
            return Err(DomainError::NoBallotsEntered(pass.number()));
        }
        count.pass_mut(pass).finished = finished;
        Ok(())
    }

    /// The committee's reading of a ballot the two passes read
    /// differently, after looking at the paper: written into both passes
    /// and logged. `None` says there is no ballot of that number; only the
    /// last number can be removed.
    pub fn settle_paper_ballot(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
        number: u32,
        chosen: Option<PaperBallot>,
    ) -> Result<(), DomainError> {
        let (count, _, candidates, _) = self.paper_mut(meeting, round)?;
        if !count.passes.iter().all(|p| p.finished) {
            return Err(DomainError::PassNotFinished);
        }
        let difference = count
            .differences()
            .into_iter()
            .find(|d| d.number == number)
            .ok_or(DomainError::NoDifferenceAt(number))?;
        if let Some(PaperBallot::Marks(marks)) = &chosen {
            if marks.units().iter().any(|u| !candidates.contains(u)) {
                return Err(DomainError::NotACandidate);
            }
        }
        let idx = number as usize - 1;
        let longest = count
            .passes
            .iter()
            .map(|p| p.ballots.len())
            .max()
            .unwrap_or(0);
        for pass in &mut count.passes {
            match &chosen {
                Some(ballot) if idx < pass.ballots.len() => pass.ballots[idx] = ballot.clone(),
                Some(ballot) if idx == pass.ballots.len() => pass.ballots.push(ballot.clone()),
                Some(_) => return Err(DomainError::SettleInOrder(pass.ballots.len() as u32 + 1)),
                None if number as usize == longest => pass.ballots.truncate(idx),
                None => return Err(DomainError::SettleInOrder(longest as u32)),
            }
        }
        count.settlements.push(Settlement {
            number,
            first: difference.first,
            second: difference.second,
            chosen,
        });
        Ok(())
    }

    /// Closes a paper round once both passes are finished and agree, and
    /// the number of ballots does not exceed the ballots issued.
    pub fn close_paper_round(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
    ) -> Result<(), DomainError> {
        let (count, rules, candidates, places) = self.paper_mut(meeting, round)?;
        if !count.passes.iter().all(|p| p.finished) {
            return Err(DomainError::PassNotFinished);
        }
        let differences = count.differences().len();
        if differences > 0 {
            return Err(DomainError::PassesDiffer(differences as u32));
        }
        let roll = Roll {
            entitled: count.entitled,
            present: count.present,
            issued: count.issued,
        };
        let closed = ClosedCount {
            roll,
            ballots: count.ballot_box(),
            source: CountSource::Paper(count.clone()),
        };
        let totals = closed.totals(&candidates, &rules, places);
        reconcile(&totals, places).map_err(DomainError::Count)?;
        self.meeting_mut(meeting)?.round_mut(round)?.state = RoundState::Closed(closed);
        Ok(())
    }

    /// Takes a paper round back to draft while nothing has been entered
    /// (the wrong mode was chosen, or the counts were wrong).
    pub fn cancel_paper_round(
        &mut self,
        meeting: MeetingId,
        round: RoundId,
    ) -> Result<(), DomainError> {
        let (count, _, _, _) = self.paper_mut(meeting, round)?;
        if count.passes.iter().any(|p| !p.ballots.is_empty()) {
            return Err(DomainError::VotingStarted);
        }
        let round = self.meeting_mut(meeting)?.round_mut(round)?;
        let excluded = std::mem::take(&mut round.excluded);
        round.candidates.extend(excluded);
        round.state = RoundState::Draft;
        Ok(())
    }
}
