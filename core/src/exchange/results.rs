//! The results file of a meeting (PRODUCT.md §8, kind *results*): the closed
//! rounds and their counts, with the names needed to read them, and the
//! SHA-256 that the minutes print as a short fingerprint.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::shape::{from_value, to_value};
use super::MeetingDto;
use crate::domain::{MeetingId, RoundKind, RoundState, Workspace};
use crate::rules::scoring::rank_map;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitNameDto {
    pub id: u64,
    pub name: String,
}

/// `data` of a results file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsDto {
    pub cluster: String,
    pub year: u16,
    /// Every unit the rounds name, with its full name.
    pub units: Vec<UnitNameDto>,
    /// The meeting with its closed rounds only (no booth in progress, no
    /// PIN digest).
    pub meeting: MeetingDto,
    /// What the tally takes besides the counts, so that whoever receives
    /// the file derives the same results (issue 17). Files written before
    /// it have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tally: Option<TallyInputsDto>,
}

/// The inputs of the tally that are not in the rounds: the year's member
/// count (a share-of-members quota is taken of it), the cluster's score
/// ranking (a tie-break), and how many rounds were not closed yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyInputsDto {
    pub members: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub score_ranks: Vec<ScoreRankDto>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rounds_not_closed: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRankDto {
    pub unit: u64,
    pub rank: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The results of a meeting as a file's `data`, or `None` if the meeting
/// does not exist.
pub fn results_data(ws: &Workspace, meeting: MeetingId) -> Option<ResultsDto> {
    let mut m = ws.meeting(meeting)?.clone();
    let rounds_not_closed = m
        .rounds
        .iter()
        .filter(|r| !matches!(r.state, RoundState::Closed(_)) && r.kind != RoundKind::Rehearsal)
        .count() as u32;
    let tally = ws.year_of(meeting).ok().map(|year| TallyInputsDto {
        members: year.members.len() as u32,
        score_ranks: rank_map(&year.criteria, &year.members, &year.scores)
            .into_iter()
            .map(|(unit, rank)| ScoreRankDto { unit: unit.0, rank })
            .collect(),
        rounds_not_closed,
    });
    m.rounds
        .retain(|r| matches!(r.state, RoundState::Closed(_)));
    // Which papers were printed is no part of the results.
    for round in &mut m.rounds {
        round.printed = None;
    }
    // Nor is the dossier's letter, filled in after the minutes were
    // printed with the fingerprint (issue 16).
    m.letter = crate::domain::NominationLetter::default();
    let mut ids: Vec<_> = m
        .rounds
        .iter()
        .flat_map(|r| r.candidates.iter().chain(&r.excluded))
        .copied()
        .collect();
    crate::sort::sort(&mut ids);
    ids.dedup();
    Some(ResultsDto {
        cluster: ws.cluster_name(m.cluster),
        year: m.year,
        units: ids
            .into_iter()
            .map(|id| UnitNameDto {
                id: id.0,
                name: ws
                    .unit(id)
                    .map_or_else(|| format!("#{id}"), |u| u.full_name.clone()),
            })
            .collect(),
        meeting: MeetingDto::from(&m),
        tally,
    })
}

/// SHA-256, in lower-case hex, of the canonical text of a file's `data`:
/// compact JSON with the keys of every object sorted (`serde_json::Value`
/// keeps objects in a sorted map), so that the same data always hashes the
/// same, whoever wrote the file. Takes the JSON as it is, without a copy.
pub fn value_sha256(data: &serde_json::Value) -> String {
    let digest = Sha256::digest(data.to_string().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of `data` in its stored shape (see `value_sha256`); refused if
/// serde cannot serialise `data`.
pub fn data_sha256<T: Serialize>(data: &T) -> Result<String, super::RecordError> {
    Ok(value_sha256(&to_value(data)?))
}

/// The short form printed on the minutes: the first 16 hex digits of the
/// SHA-256 in four groups, `3F2A-9C01-77BE-0D45`.
pub fn fingerprint(sha256_hex: &str) -> String {
    sha256_hex
        .chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>().to_uppercase())
        .collect::<Vec<_>>()
        .join("-")
}

/// The fingerprint of a meeting's results as they stand.
pub fn results_fingerprint(ws: &Workspace, meeting: MeetingId) -> Option<String> {
    let data = results_data(ws, meeting)?;
    Some(fingerprint(&data_sha256(&data).ok()?))
}

/// A results file (`*.thidua.json`, kind *results*) of a meeting: the
/// envelope of PRODUCT.md §8 around `results_data`, with the SHA-256 of its
/// canonical `data`.
pub fn results_file(ws: &Workspace, meeting: MeetingId, exported_at: &str) -> Option<String> {
    super::files::file_text(
        super::FileKind::Results,
        &results_data(ws, meeting)?,
        exported_at,
    )
    .ok()
}

/// What a results file says of itself: the fingerprint of its data and
/// whether its recorded SHA-256 matches, or why it is not a results file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsCheck {
    pub cluster: String,
    pub year: u16,
    pub fingerprint: String,
    pub checksum_ok: bool,
}

pub fn check_results_file(text: &str) -> Result<ResultsCheck, super::RecordError> {
    use super::RecordError;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| RecordError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some("thidua") {
        return Err(RecordError::invalid("format", "this is not a thidua file"));
    }
    if value.get("kind").and_then(|k| k.as_str()) != Some("results") {
        return Err(RecordError::invalid("kind", "this is not a results file"));
    }
    let data = value
        .get("data")
        .ok_or_else(|| RecordError::invalid("data", "missing"))?;
    let results: ResultsDto =
        from_value(data.clone()).map_err(|message| RecordError::invalid("data", message))?;
    let actual = value_sha256(data);
    let recorded = value
        .get("sha256")
        .and_then(|s| s.as_str())
        .unwrap_or_default();
    Ok(ResultsCheck {
        cluster: results.cluster,
        year: results.year,
        fingerprint: fingerprint(&actual),
        checksum_ok: recorded.eq_ignore_ascii_case(&actual),
    })
}
