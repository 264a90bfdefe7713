//! A DTO to and from its stored shape (`serde_json::Value`) through serde's derives, a refusal naming its place.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::error::Category;
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
/// serde_json's reader of text: the app holds one copy of each DTO's
/// reading code. The reader keeps no path while it reads (keeping one,
/// with `serde_path_to_error`, cost three quarters of the decoding's time
/// and 23 KB gzip); a refusal's place is found afterwards, by `place_at`,
/// from where in the text serde_json stopped.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let read = T::deserialize(&mut reader).map_err(|error| {
        let path = place_at(read_before(text, &error));
        let message = without_position(error);
        if path.is_empty() {
            message
        } else {
            format!("{message} at {path}")
        }
    })?;
    reader.end().map_err(without_position)?;
    Ok(read)
}

/// The part of `text` read before the value `error` refuses: the bytes up
/// to where serde_json stopped, less what it read past that value.
fn read_before<'a>(text: &'a str, error: &serde_json::Error) -> &'a [u8] {
    let offset = offset_of(text, error.line(), error.column());
    let mut read = text.as_bytes().get(..offset).unwrap_or_default();
    // A bracket refused as the text's syntax (a list where an enum is
    // wanted): serde_json counts the byte it looked at; it opens nothing.
    if error.classify() == Category::Syntax {
        if let Some((b'[' | b'{', before)) = read.split_last() {
            read = before;
        }
    }
    // A variant named bare where it needs fields (`"runoff"`) is refused
    // with no position of its own: the list or object around it gives one
    // after reading its `,` or closing bracket.
    if error.to_string().starts_with("invalid type: unit variant") {
        read = read.trim_ascii_end();
        if let Some((b',' | b']' | b'}', before)) = read.split_last() {
            read = before;
        }
    }
    read
}

/// The byte offset in `text` of serde_json's (1-based line, column): the
/// column counts the bytes read on that line, so the offset is how much of
/// the text had been read. An error with no position (line 0) gives 0, so
/// no place.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 => return 0,
        1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    line_start.saturating_add(column).min(text.len())
}

/// One open object or list on the way to a place in the text.
enum Open {
    /// An object and the key whose value is being read, once its `:` is read.
    Object {
        key: Option<String>,
        pending: Option<String>,
    },
    /// A list and the index of the element being read.
    List { index: usize },
}

/// The place in the value that the JSON text `read` reaches, as serde
/// names one: `rounds[2].state.paper` (empty at the top). An object's key
/// counts from its `:` until the `,` after its value; a list's index from
/// the start of its element. serde_json reports a field missing or too few
/// elements after reading the closing bracket, so that place is the
/// object's or list's own.
fn place_at(read: &[u8]) -> String {
    let mut open: Vec<Open> = Vec::new();
    let mut at = 0;
    while let Some(&byte) = read.get(at) {
        at += 1;
        match byte {
            b'{' => open.push(Open::Object {
                key: None,
                pending: None,
            }),
            b'[' => open.push(Open::List { index: 0 }),
            b'}' | b']' => {
                open.pop();
            }
            b':' => {
                if let Some(Open::Object { key, pending }) = open.last_mut() {
                    *key = pending.take();
                }
            }
            b',' => match open.last_mut() {
                Some(Open::Object { key, .. }) => *key = None,
                Some(Open::List { index }) => *index = index.saturating_add(1),
                None => {}
            },
            b'"' => {
                let start = at - 1;
                let mut closed = false;
                while let Some(&byte) = read.get(at) {
                    at += 1;
                    match byte {
                        b'\\' => at += 1,
                        b'"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                }
                if let Some(Open::Object { key: None, pending }) = open.last_mut() {
                    *pending = read
                        .get(start..at)
                        .filter(|_| closed)
                        .and_then(|quoted| std::str::from_utf8(quoted).ok())
                        .and_then(|quoted| serde_json::from_str(quoted).ok());
                }
            }
            _ => {}
        }
    }
    let path: String = open
        .iter()
        .map_while(|frame| match frame {
            Open::Object { key, .. } => key.clone().map(|key| format!(".{key}")),
            Open::List { index } => Some(format!("[{index}]")),
        })
        .collect();
    path.strip_prefix('.').map(str::to_owned).unwrap_or(path)
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
