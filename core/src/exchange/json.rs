//! The stored shapes to and from `serde_json::Value`, written out instead of
//! derived.
//!
//! serde's derives compile a visitor and a serialiser per type (and per
//! serde_json backend); here each DTO is a list of its fields, read and
//! written by the few generic helpers below — the wasm is 57 KB raw, 18 KB
//! gzip smaller for it. The JSON is the same as
//! serde's externally tagged, field-named output, and messages are worded
//! as serde's ("missing field `name`", "invalid type: …, expected …"), with
//! the place inside the record added: "… at years[0].year".

use std::fmt;

use serde_json::{Map, Number, Value};

/// Why a value does not have the expected shape, and where inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    path: String,
    message: String,
}

impl JsonError {
    pub fn new(message: impl Into<String>) -> JsonError {
        JsonError {
            path: String::new(),
            message: message.into(),
        }
    }

    /// `found` is not what `expected` describes.
    pub fn invalid_type(found: &Value, expected: &str) -> JsonError {
        JsonError::new(format!(
            "invalid type: {}, expected {expected}",
            describe(found)
        ))
    }

    /// The error, one level further out: inside field `name`.
    pub fn in_field(mut self, name: &str) -> JsonError {
        self.path = match self.path.as_str() {
            "" => name.to_owned(),
            p if p.starts_with('[') => format!("{name}{p}"),
            p => format!("{name}.{p}"),
        };
        self
    }

    /// The error, one level further out: inside item `index` of a list.
    fn in_item(mut self, index: usize) -> JsonError {
        self.path = match self.path.as_str() {
            "" => format!("[{index}]"),
            p if p.starts_with('[') => format!("[{index}]{p}"),
            p => format!("[{index}].{p}"),
        };
        self
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} at {}", self.message, self.path)
        }
    }
}

/// A value as serde words it in an error.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// A type with a stored shape.
pub trait Json: Sized {
    fn to_json(&self) -> Value;
    fn from_json(value: Value) -> Result<Self, JsonError>;

    /// The value of a field that is not there: an error, except for
    /// `Option` (serde's rule: a missing optional field is `None`).
    fn missing(name: &str) -> Result<Self, JsonError> {
        Err(JsonError::new(format!("missing field `{name}`")))
    }
}

impl Json for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
    fn from_json(value: Value) -> Result<String, JsonError> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(JsonError::invalid_type(&other, "a string")),
        }
    }
}

impl Json for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
    fn from_json(value: Value) -> Result<bool, JsonError> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(JsonError::invalid_type(&other, "a boolean")),
        }
    }
}

/// A whole number in `0..=max`, worded as serde does for `what`.
fn unsigned(value: &Value, max: u64, what: &str) -> Result<u64, JsonError> {
    match value.as_u64() {
        Some(n) if n <= max => Ok(n),
        Some(n) => Err(JsonError::new(format!(
            "invalid value: integer `{n}`, expected {what}"
        ))),
        None => Err(JsonError::invalid_type(value, what)),
    }
}

macro_rules! json_unsigned {
    ($($ty:ty),*) => {$(
        impl Json for $ty {
            fn to_json(&self) -> Value {
                Value::Number(Number::from(*self))
            }
            fn from_json(value: Value) -> Result<$ty, JsonError> {
                // Within `<$ty>::MAX` by the check, so the cast keeps the value.
                unsigned(&value, <$ty>::MAX as u64, stringify!($ty)).map(|n| n as $ty)
            }
        }
    )*};
}
json_unsigned!(u16, u32, u64);

impl<T: Json> Json for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_json)
    }
    fn from_json(value: Value) -> Result<Option<T>, JsonError> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
    fn missing(_: &str) -> Result<Option<T>, JsonError> {
        Ok(None)
    }
}

impl<T: Json> Json for Vec<T> {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(T::to_json).collect())
    }
    fn from_json(value: Value) -> Result<Vec<T>, JsonError> {
        match value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(idx, item)| T::from_json(item).map_err(|e| e.in_item(idx)))
                .collect(),
            other => Err(JsonError::invalid_type(&other, "a sequence")),
        }
    }
}

/// Any JSON as itself (the checksum of a file's `data` as read).
impl Json for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
    fn from_json(value: Value) -> Result<Value, JsonError> {
        Ok(value)
    }
}

/// A pair as a two-item list: `[item id, hundredths]`.
impl<A: Json, B: Json> Json for (A, B) {
    fn to_json(&self) -> Value {
        Value::Array(vec![self.0.to_json(), self.1.to_json()])
    }
    fn from_json(value: Value) -> Result<(A, B), JsonError> {
        match value {
            Value::Array(items) if items.len() == 2 => {
                let mut items = items.into_iter();
                let first = items.next().unwrap_or(Value::Null);
                let second = items.next().unwrap_or(Value::Null);
                Ok((
                    A::from_json(first).map_err(|e| e.in_item(0))?,
                    B::from_json(second).map_err(|e| e.in_item(1))?,
                ))
            }
            Value::Array(items) => Err(JsonError::new(format!(
                "invalid length {}, expected a tuple of size 2",
                items.len()
            ))),
            other => Err(JsonError::invalid_type(&other, "a tuple of size 2")),
        }
    }
}

/// The fields of an object, or an error naming what was expected.
pub fn object(value: Value, what: &str) -> Result<Map<String, Value>, JsonError> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(JsonError::invalid_type(&other, what)),
    }
}

/// Takes field `name` out of `map` as a `T`; a missing field follows
/// `T::missing`.
pub fn field<T: Json>(map: &mut Map<String, Value>, name: &str) -> Result<T, JsonError> {
    match map.remove(name) {
        Some(value) => T::from_json(value).map_err(|e| e.in_field(name)),
        None => T::missing(name),
    }
}

/// Takes field `name` out of `map`, or `T::default()` when it is missing
/// (serde's `#[serde(default)]`).
pub fn field_or_default<T: Json + Default>(
    map: &mut Map<String, Value>,
    name: &str,
) -> Result<T, JsonError> {
    match map.remove(name) {
        Some(value) => T::from_json(value).map_err(|e| e.in_field(name)),
        None => Ok(T::default()),
    }
}

/// An externally tagged enum value: `"name"` for a variant without data,
/// `{"name": data}` for one with data.
pub fn variant(value: Value, what: &str) -> Result<(String, Option<Value>), JsonError> {
    match value {
        Value::String(name) => Ok((name, None)),
        Value::Object(map) if map.len() == 1 => {
            let mut entries = map.into_iter();
            match entries.next() {
                Some((name, data)) => Ok((name, Some(data))),
                None => Err(JsonError::new(format!("expected {what}"))),
            }
        }
        other => Err(JsonError::invalid_type(&other, what)),
    }
}

/// The data of variant `name`, which must have some.
fn variant_data(name: &str, data: Option<Value>) -> Result<Value, JsonError> {
    data.ok_or_else(|| {
        JsonError::new(format!(
            "invalid type: unit variant, expected variant `{name}` with data"
        ))
    })
}

/// The fields of struct variant `name`.
pub struct VariantFields {
    name: String,
    map: Map<String, Value>,
}

impl VariantFields {
    /// Takes one field, as `field` does; an error is placed inside the
    /// variant: `state.closed.ballots`.
    pub fn take<T: Json>(&mut self, name: &str) -> Result<T, JsonError> {
        field(&mut self.map, name).map_err(|e| e.in_field(&self.name))
    }
}

/// The fields of struct variant `name`, which must be an object.
pub fn variant_fields(name: &str, data: Option<Value>) -> Result<VariantFields, JsonError> {
    let map = object(variant_data(name, data)?, "struct variant").map_err(|e| e.in_field(name))?;
    Ok(VariantFields {
        name: name.to_owned(),
        map,
    })
}

/// The data of newtype variant `name` as a `T`.
pub fn variant_value<T: Json>(name: &str, data: Option<Value>) -> Result<T, JsonError> {
    T::from_json(variant_data(name, data)?).map_err(|e| e.in_field(name))
}

/// A variant name that is not one of `expected`.
pub fn unknown_variant(name: &str, expected: &[&str]) -> JsonError {
    let list = expected
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    JsonError::new(format!("unknown variant `{name}`, expected one of {list}"))
}

/// `{"name": {field: value, …}}`.
pub fn struct_variant(name: &str, fields: Vec<(&str, Value)>) -> Value {
    let map = fields
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect::<Map<String, Value>>();
    tagged(name, Value::Object(map))
}

/// `{"name": data}`.
pub fn tagged(name: &str, data: Value) -> Value {
    let mut map = Map::new();
    map.insert(name.to_owned(), data);
    Value::Object(map)
}

/// The stored shape of a plain struct, field by field: `required` fields
/// must be there (an `Option` may be missing: `None`), `defaults` take
/// their type's default when missing.
macro_rules! json_struct {
    ($ty:ident { $($field:ident),* $(,)? } $(defaults { $($opt:ident),* $(,)? })?) => {
        impl $crate::exchange::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                let mut map = serde_json::Map::new();
                $(map.insert(stringify!($field).to_owned(), $crate::exchange::json::Json::to_json(&self.$field));)*
                $($(map.insert(stringify!($opt).to_owned(), $crate::exchange::json::Json::to_json(&self.$opt));)*)?
                serde_json::Value::Object(map)
            }
            fn from_json(value: serde_json::Value) -> Result<$ty, $crate::exchange::json::JsonError> {
                let mut map = $crate::exchange::json::object(value, concat!("struct ", stringify!($ty)))?;
                Ok($ty {
                    $($field: $crate::exchange::json::field(&mut map, stringify!($field))?,)*
                    $($($opt: $crate::exchange::json::field_or_default(&mut map, stringify!($opt))?,)*)?
                })
            }
        }
    };
}

/// The stored shape of an enum whose variants carry no data: its names.
macro_rules! json_names {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $crate::exchange::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::String(match self { $($ty::$variant => $name,)* }.to_owned())
            }
            fn from_json(value: serde_json::Value) -> Result<$ty, $crate::exchange::json::JsonError> {
                let serde_json::Value::String(name) = value else {
                    return Err($crate::exchange::json::JsonError::invalid_type(&value, concat!("enum ", stringify!($ty))));
                };
                match name.as_str() {
                    $($name => Ok($ty::$variant),)*
                    other => Err($crate::exchange::json::unknown_variant(other, &[$($name),*])),
                }
            }
        }
    };
}

/// The stored shape of an enum with variants without data (`"name"`) and
/// struct variants (`{"name": {fields}}`), externally tagged as serde wrote
/// them; a field error is placed inside its variant (`closed.ballots`).
macro_rules! json_enum {
    ($ty:ident { $($variant:ident = $name:literal $({ $($field:ident),* $(,)? })?),* $(,)? }) => {
        impl $crate::exchange::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                match self {
                    $($ty::$variant $({ $($field),* })? => json_enum!(@write $name $({ $($field),* })?),)*
                }
            }
            fn from_json(value: serde_json::Value) -> Result<$ty, $crate::exchange::json::JsonError> {
                let (name, data) = $crate::exchange::json::variant(value, concat!("enum ", stringify!($ty)))?;
                match name.as_str() {
                    $($name => json_enum!(@read $ty $variant name data $({ $($field),* })?),)*
                    other => Err($crate::exchange::json::unknown_variant(other, &[$($name),*])),
                }
            }
        }
    };
    (@write $name:literal) => {
        serde_json::Value::String($name.to_owned())
    };
    (@write $name:literal { $($field:ident),* }) => {
        $crate::exchange::json::struct_variant(
            $name,
            vec![$((stringify!($field), $crate::exchange::json::Json::to_json($field))),*],
        )
    };
    (@read $ty:ident $variant:ident $n:ident $d:ident) => {
        Ok($ty::$variant)
    };
    (@read $ty:ident $variant:ident $n:ident $d:ident { $($field:ident),* }) => {{
        let mut fields = $crate::exchange::json::variant_fields(&$n, $d)?;
        Ok($ty::$variant { $($field: fields.take(stringify!($field))?),* })
    }};
}

pub(crate) use {json_enum, json_names, json_struct};
