//! A stored record: `{"version": N, "data": …}`. Reading one is done in two
//! stages: JSON with a version (migrated when older, refused when newer),
//! then the DTO, then the domain value through `TryFrom`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// The schema version this build writes.
pub const CURRENT_VERSION: u32 = 1;

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
}

impl RecordError {
    pub fn invalid(path: impl Into<String>, problem: impl Into<String>) -> RecordError {
        RecordError::Invalid {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

#[derive(Serialize)]
struct Envelope<'a, T> {
    version: u32,
    data: &'a T,
}

/// Serialises `data` as a current-version record.
pub fn encode_record<T: Serialize>(data: &T) -> String {
    let envelope = Envelope {
        version: CURRENT_VERSION,
        data,
    };
    // Serialising plain structs of strings and numbers into a String has no
    // way to fail; an empty object would still be refused on reading.
    serde_json::to_string(&envelope).unwrap_or_else(|_| String::from("{}"))
}

/// Reads a record's `data` as a DTO, migrating older versions.
pub fn decode_record<T: DeserializeOwned>(text: &str) -> Result<T, RecordError> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| RecordError::NotJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
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
    let data = value
        .get_mut("data")
        .map(Value::take)
        .ok_or(RecordError::Shape {
            path: "data".to_owned(),
            message: "missing".to_owned(),
        })?;
    // Version 1 is the first schema; later versions add their migration
    // steps here, each taking the data of version N to N + 1.
    // serde's message names the field for missing ones ("missing field
    // `name`"); a full path (serde_path_to_error) cost ~20 KB gzip of wasm.
    serde_json::from_value(data).map_err(|e| RecordError::Shape {
        path: "data".to_owned(),
        message: e.to_string(),
    })
}
