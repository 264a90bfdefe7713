//! The browser's localStorage through gloo-storage, opened only once it is
//! known to be there, so that a blocked storage (private mode, policies) is
//! an error value and never a panic.

use gloo_storage::Storage as _;
use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValue, StorageError};

/// localStorage, known to be usable when this was made. Values are the
/// stored strings as they are (gloo's typed `get`/`set` would quote them as
/// JSON), so `KeyValue` goes through gloo's `raw()` handle.
pub struct BrowserStorage {
    storage: web_sys::Storage,
}

/// The browser's words for an exception: `name: message` for an error,
/// else its text.
fn reason(value: &JsValue) -> String {
    if let Some(exception) = value.dyn_ref::<js_sys::Error>() {
        return format!(
            "{}: {}",
            String::from(exception.name()),
            String::from(exception.message())
        );
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// A DOMException named `QuotaExceededError` (or Firefox's older name).
fn is_quota_error(value: &JsValue) -> bool {
    value
        .dyn_ref::<web_sys::DomException>()
        .map(|e| {
            matches!(
                e.name().as_str(),
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
            )
        })
        .unwrap_or(false)
}

impl BrowserStorage {
    /// localStorage, or why it cannot be used. gloo's `LocalStorage::raw()`
    /// panics when there is no window or localStorage is missing or
    /// blocked, so each of those is checked first and reached only then.
    pub fn open() -> Result<BrowserStorage, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".to_owned()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(BrowserStorage {
                storage: gloo_storage::LocalStorage::raw(),
            }),
            Ok(None) => Err(StorageError::Unavailable(
                "localStorage is missing".to_owned(),
            )),
            Err(e) => Err(StorageError::Unavailable(reason(&e))),
        }
    }
}

impl KeyValue for BrowserStorage {
    /// Every key; a key the browser fails to name fails the whole list
    /// (`ReadFailed` of `*`, the list), as its length does, so that no
    /// record is left out unseen. A key gone since the length was read
    /// (`None`) is simply not there.
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let list_failed = |e: JsValue| StorageError::ReadFailed {
            key: "*".to_owned(),
            reason: reason(&e),
        };
        let length = self.storage.length().map_err(list_failed)?;
        let mut keys = Vec::with_capacity(length as usize);
        for idx in 0..length {
            if let Some(key) = self.storage.key(idx).map_err(list_failed)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage
            .get_item(key)
            .map_err(|e| StorageError::ReadFailed {
                key: key.to_owned(),
                reason: reason(&e),
            })
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| {
            let key = key.to_owned();
            let reason = reason(&e);
            if is_quota_error(&e) {
                StorageError::QuotaExceeded { key, reason }
            } else {
                StorageError::WriteFailed { key, reason }
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StorageError::WriteFailed {
                key: key.to_owned(),
                reason: reason(&e),
            })
    }
}
