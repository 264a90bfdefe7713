//! The council's years (issue 17), one record each under
//! `thidua.council.<id>`, beside the workspace: read when the council's
//! screens need them, each write read back.

use super::{record_text, write_read_back, KeyValue, StorageError, COUNCIL_PREFIX};
use crate::domain::{Council, CouncilId};
use crate::exchange::{decode_record, encode_record, CouncilDto};

fn council_key(id: CouncilId) -> String {
    format!("{COUNCIL_PREFIX}{}", id.0)
}

/// A stored council-year, or why it cannot be read.
pub type StoredCouncil = Result<Council, StorageError>;

fn read(key: &str, text: &str) -> StoredCouncil {
    decode_record::<CouncilDto>(text)
        .and_then(Council::try_from)
        .map_err(|error| StorageError::ReadFailed {
            key: key.to_owned(),
            reason: error.to_string(),
        })
}

/// Every stored council-year, in the order of their keys; one that cannot
/// be read is listed with the reason (and left as it is).
pub fn read_councils(store: &dyn KeyValue) -> Result<Vec<StoredCouncil>, StorageError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(COUNCIL_PREFIX))
        .collect();
    crate::sort::sort(&mut keys);
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        if let Some(text) = store.get(&key)? {
            out.push(read(&key, &text));
        }
    }
    Ok(out)
}

/// One council-year as stored now; `None` when there is none.
pub fn read_council(store: &dyn KeyValue, id: CouncilId) -> Result<Option<Council>, StorageError> {
    let key = council_key(id);
    match store.get(&key)? {
        None => Ok(None),
        Some(text) => read(&key, &text).map(Some),
    }
}

/// The stored text of a council-year, as it is now (`None` when absent):
/// compared before a write to tell whether another tab wrote meanwhile.
pub fn council_text(store: &dyn KeyValue, id: CouncilId) -> Result<Option<String>, StorageError> {
    store.get(&council_key(id))
}

/// Writes a council-year and reads it back.
pub fn write_council(store: &mut dyn KeyValue, council: &Council) -> Result<(), StorageError> {
    let key = council_key(council.id);
    let text = record_text(&key, encode_record(&CouncilDto::from(council)))?;
    write_read_back(store, &key, &text)
}

/// The stored size of a council-year, in UTF-16 code units (what the
/// browser's quota counts).
pub fn council_size(store: &dyn KeyValue, id: CouncilId) -> Result<usize, StorageError> {
    let key = council_key(id);
    Ok(store
        .get(&key)?
        .map_or(0, |text| super::units_of(&key) + super::units_of(&text)))
}
