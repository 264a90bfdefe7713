//! A DTO to and from its stored shape (`serde_json::Value`) through serde's derives, a refusal naming its place.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// `data` as a JSON value. Every write goes through a `Value`, whose
/// objects keep their keys sorted: the text written from it is the
/// canonical one that checksums are taken over.
pub fn to_value<T: Serialize>(data: &T) -> Value {
    // `to_value` fails only for a map whose keys are not strings or a
    // `Serialize` written by hand that refuses; the DTOs have neither.
    serde_json::to_value(data).unwrap_or(Value::Null)
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
