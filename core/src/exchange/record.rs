//! A stored record: `{"version": N, "data": …}`. Reading one is done in two
//! stages: JSON with a version (migrated when older, refused when newer),
//! then the DTO, then the domain value through `TryFrom`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::shape::{from_text, from_value, to_value};

/// The schema version this build writes.
///
/// - 1: the first format.
/// - 2: a closed count always says how it was counted (`source`); version 1
///   records from before paper ballots have none and were all booth counts.
pub const CURRENT_VERSION: u32 = 2;

/// Why a stored record or file could not be read. Each says where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("no schema version (field `version`)")]
    MissingVersion,
    #[error("schema version {found} is newer than this app reads ({supported}); update the app")]
    NewerVersion { found: u64, supported: u32 },
    #[error("schema version {found} is unknown")]
    UnknownVersion { found: u64 },
    #[error("field `{path}`: {message}")]
    Shape { path: String, message: String },
    #[error("field `{path}`: {problem}")]
    Invalid { path: String, problem: String },
    /// The record at `path` breaks the workspace as a whole
    /// (`merge::check_integrity`): the problem stays coded, worded in the
    /// reader's language where it is shown.
    #[error("field `{path}`: {problem}")]
    Integrity {
        path: String,
        problem: crate::domain::merge::IntegrityProblem,
    },
}

impl RecordError {
    pub fn invalid(path: impl Into<String>, problem: impl Into<String>) -> RecordError {
        RecordError::Invalid {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

/// Brings `data` written by schema `version` (1 ≤ version ≤ current) to
/// the current schema, one step at a time. Works on any record or file
/// data: each step finds what it changes wherever it is nested.
pub fn migrate(data: &mut Value, version: u64) {
    if version < 2 {
        v1_to_v2(data);
    }
}

/// Version 2: a closed round's state has `source`; version 1 closed counts
/// without one were booth counts.
fn v1_to_v2(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(closed)) = map.get_mut("closed") {
                if closed.contains_key("ballots") && !closed.contains_key("source") {
                    closed.insert("source".to_owned(), Value::String("booth".to_owned()));
                }
            }
            map.values_mut().for_each(v1_to_v2);
        }
        Value::Array(items) => items.iter_mut().for_each(v1_to_v2),
        _ => {}
    }
}

/// Reads the `version` of a record or file: present, known, not newer.
pub fn check_version(value: &Value) -> Result<u64, RecordError> {
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(RecordError::MissingVersion)?;
    if version > u64::from(CURRENT_VERSION) {
        return Err(RecordError::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    if version == 0 {
        return Err(RecordError::UnknownVersion { found: version });
    }
    Ok(version)
}

/// Serialises `data` as a current-version record: `{"version":…,"data":…}`;
/// refused (and nothing to write) if serde cannot serialise `data`.
pub fn encode_record<T: Serialize>(data: &T) -> Result<String, RecordError> {
    Ok(format!(
        "{{\"version\":{CURRENT_VERSION},\"data\":{}}}",
        to_value(data)?
    ))
}

/// A current-version record as its text holds it, read straight into the
/// DTO: `decode_record`'s quick first attempt.
#[derive(serde::Deserialize)]
struct CurrentRecord<T> {
    version: u64,
    data: T,
}

/// Reads a record's `data` as a DTO, migrating older versions.
///
/// Nearly every record is a well-formed current one, read at every
/// start-up: it is read straight from its text into the DTO, with no
/// `Value` built in between (issue 19: a third of the large workspace's
/// start-up at 4× slowed CPU was spent here), by `shape::from_text`, the
/// one reader of every DTO (a reader of its own here would hold a second
/// copy of every DTO's reading code: 53 KB gzip). Anything else — an older
/// version to migrate, a newer one, any refusal, even a duplicate key the
/// careful reading would take the last of — is read again by
/// `decode_record_carefully`, which migrates and words the refusal. So what
/// a record reads as, and every refusal, is the careful reading's; the
/// quick one only finds the same DTO sooner (`core/tests/stored_shape.rs`
/// compares the two on every record of the sample and the large
/// workspace).
pub fn decode_record<T: DeserializeOwned>(text: &str) -> Result<T, RecordError> {
    match from_text::<CurrentRecord<T>>(text) {
        Ok(record) if record.version == u64::from(CURRENT_VERSION) => Ok(record.data),
        _ => decode_record_carefully(text),
    }
}

/// Reads a record's `data` as a DTO through a JSON `Value`: the version
/// checked, older versions migrated, a refusal naming the field and its
/// place. `decode_record` is the one to call; this is its second attempt.
pub fn decode_record_carefully<T: DeserializeOwned>(text: &str) -> Result<T, RecordError> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| RecordError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let version = check_version(&value)?;
    let mut data = value
        .get_mut("data")
        .map(Value::take)
        .ok_or(RecordError::Shape {
            path: "data".to_owned(),
            message: "missing".to_owned(),
        })?;
    migrate(&mut data, version);
    // The message names the field and its place inside the record:
    // "missing field `name` at years[0].criteria[2]".
    from_value(data).map_err(|message| RecordError::Shape {
        path: "data".to_owned(),
        message,
    })
}

/// What an unreadable record still says about itself, read leniently from
/// its text so that a record set aside can be named by what users know:
/// a unit's `full_name`, a cluster's `name`, a meeting's `cluster` and
/// `year`. Empty when the text is not JSON at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordLabel {
    pub name: Option<String>,
    pub cluster: Option<u64>,
    pub year: Option<u16>,
}

/// Reads a `RecordLabel` from a stored record's text (see there).
pub fn record_label(text: &str) -> RecordLabel {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return RecordLabel::default();
    };
    let data = value.get("data").unwrap_or(&Value::Null);
    let text_of = |field: &str| {
        data.get(field)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    RecordLabel {
        name: text_of("full_name").or_else(|| text_of("name")),
        cluster: data.get("cluster").and_then(Value::as_u64),
        year: data
            .get("year")
            .and_then(Value::as_u64)
            .and_then(|y| u16::try_from(y).ok()),
    }
}
