//! A booth round in progress (`BoothDto`: roll, who is present, who voted, ballots, screen) and its conversions.

use serde::{Deserialize, Serialize};

use super::ballots::{ballot_box, ballots_dto, BallotsDto};
use super::VoterDto;
use crate::domain::{Booth, BoothScreen, UnitId, Voter, VoterId};
use crate::exchange::RecordError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoothDto {
    pub entitled: Vec<VoterDto>,
    pub present: Vec<u64>,
    pub voted: Vec<u64>,
    pub ballots: BallotsDto,
    pub pin_digest: String,
    pub screen: ScreenDto,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreenDto {
    Operator,
    Ballot { voter: u64 },
    HandBack,
    Interrupted { voter: u64 },
}

pub(super) fn booth_dto(booth: &Booth) -> BoothDto {
    BoothDto {
        entitled: booth
            .entitled
            .iter()
            .map(|v| VoterDto::new(v.id, &v.name, v.unit))
            .collect(),
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
    }
}

/// The booth at `at` (`data.rounds[1].state.booth`), checked: who is
/// present and who voted are on the roll, once each, and the ballots are
/// as many as the voters who voted.
pub(super) fn booth_from(booth: BoothDto, at: &str) -> Result<Booth, RecordError> {
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
            format!("{at}.present[{idx}]"),
            "is not on the roll",
        ));
    }
    if let Some(idx) = booth.voted.iter().position(|p| !on_roll(p)) {
        return Err(RecordError::invalid(
            format!("{at}.voted[{idx}]"),
            "is not on the roll",
        ));
    }
    // Only a voter ticked present votes, once: otherwise closing the
    // round would make a count that does not reconcile.
    if let Some(idx) = booth.voted.iter().position(|v| !booth.present.contains(v)) {
        return Err(RecordError::invalid(
            format!("{at}.voted[{idx}]"),
            "is not ticked present",
        ));
    }
    for (list, name) in [(&booth.present, "present"), (&booth.voted, "voted")] {
        if let Some(idx) = (1..list.len()).find(|&i| list[..i].contains(&list[i])) {
            return Err(RecordError::invalid(
                format!("{at}.{name}[{idx}]"),
                "is listed twice",
            ));
        }
    }
    let ballots = ballot_box(booth.ballots, &format!("{at}.ballots"))?;
    if ballots.len() as usize != booth.voted.len() {
        return Err(RecordError::invalid(
            format!("{at}.ballots"),
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
    Ok(Booth {
        entitled,
        present,
        voted,
        ballots,
        pin_digest: booth.pin_digest,
        screen,
    })
}
