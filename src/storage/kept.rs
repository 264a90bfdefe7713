//! The import choices the user kept their own records in, stored under one
//! key (`thidua.kept`) beside the workspace: read when an import is
//! previewed, added to when one is made.

use super::{move_aside, record_text, write_read_back, KeyValue, StorageError, KEPT_KEY, PREFIX};
use crate::domain::merge::{Choice, Plan};
use crate::exchange::{decode_record, encode_record, KeptChoices, KeptDto};

/// The choices remembered so far (none when the key is absent). A value
/// that cannot be read is `ReadFailed`, with the reason.
pub fn read_kept(store: &dyn KeyValue) -> Result<KeptChoices, StorageError> {
    match store.get(KEPT_KEY)? {
        None => Ok(KeptChoices::default()),
        Some(text) => decode_record::<KeptDto>(&text)
            .map(KeptChoices::from)
            .map_err(|error| StorageError::ReadFailed {
                key: KEPT_KEY.to_owned(),
                reason: error.to_string(),
            }),
    }
}

/// Adds the differing records of `plan` the user kept their own version
/// of (`choices`) to what storage remembers, with what another tab added
/// meanwhile. An unreadable value is first moved aside (never written
/// over). Returns how many choices this import added.
pub fn remember_kept(
    store: &mut dyn KeyValue,
    plan: &Plan,
    choices: &[Choice],
    at: &str,
) -> Result<usize, StorageError> {
    let mut kept = match read_kept(store) {
        Ok(kept) => kept,
        Err(unreadable @ StorageError::ReadFailed { .. }) => {
            let text = store.get(KEPT_KEY)?.unwrap_or_default();
            let keys: Vec<String> = store
                .keys()?
                .into_iter()
                .filter(|k| k.starts_with(PREFIX))
                .collect();
            if move_aside(store, &keys, KEPT_KEY, &text).is_none() {
                // Left where it is, and not written over.
                return Err(unreadable);
            }
            KeptChoices::default()
        }
        Err(other) => return Err(other),
    };
    let added = kept
        .remember(plan, choices, at)
        .map_err(|error| StorageError::WriteFailed {
            key: KEPT_KEY.to_owned(),
            reason: error.to_string(),
        })?;
    if added == 0 {
        return Ok(0);
    }
    let text = record_text(KEPT_KEY, encode_record(&KeptDto::from(&kept)))?;
    write_read_back(store, KEPT_KEY, &text)?;
    Ok(added)
}
