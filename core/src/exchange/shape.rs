//! A DTO to and from its stored shape (`serde_json::Value`) through serde's derives, a refusal naming its place.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::RecordError;

/// `data` as a JSON value. Every write goes through a `Value`, whose
/// objects keep their keys sorted: the text written from it is the
/// canonical one that checksums are taken over. Serde refuses only a map
/// whose keys are not strings or a `Serialize` written by hand that
/// refuses (the DTOs have neither); such a refusal is returned, so that
/// nothing is written in place of `data`.
pub fn to_value<T: Serialize>(data: &T) -> Result<Value, RecordError> {
    serde_json::to_value(data).map_err(not_written)
}

/// Serde's refusal to write `data` out, as the record error that says so.
pub fn not_written(error: serde_json::Error) -> RecordError {
    RecordError::Shape {
        path: "data".to_owned(),
        message: error.to_string(),
    }
}

/// Reads `value` as a `T`: its text read by `from_text`, so that reading a
/// DTO from a file's `Value` and from a record's text are one and the same
/// code (a second way of reading every DTO cost the app 53 KB gzip).
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    from_text(&value.to_string())
}

/// Reads the JSON `text` as a `T`. A refusal is worded as serde words it,
/// with the place inside the value added: "missing field `name` at
/// years[0].criteria[2]" (nothing added at the top).
///
/// Every DTO is read by this one function, through serde's derives over
/// serde_json's reader of text wrapped in `serde_path_to_error`: the app
/// holds one copy of each DTO's reading code.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let read = serde_path_to_error::deserialize(&mut reader).map_err(|error| {
        let at_top = error.path().iter().next().is_none();
        let path = error.path().to_string();
        let message = without_position(error.into_inner());
        if at_top {
            message
        } else {
            format!("{message} at {path}")
        }
    })?;
    reader.end().map_err(without_position)?;
    Ok(read)
}

/// Serde's words without serde_json's " at line 1 column 3184": the place
/// that means something to a reader is the path inside the value, and the
/// text read may be one this app wrote from a `Value` a moment before.
fn without_position(error: serde_json::Error) -> String {
    let words = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match words.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => words,
    }
}
