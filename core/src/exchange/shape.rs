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

/// Reads `value` as a `T`. A refusal is worded as serde words it, with the
/// place inside the value added: "missing field `name` at
/// years[0].criteria[2]" (nothing added at the top).
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let at_top = error.path().iter().next().is_none();
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        if at_top {
            message
        } else {
            format!("{message} at {path}")
        }
    })
}
