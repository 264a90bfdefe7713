//! The browser's localStorage, reached through web-sys so that a blocked
//! storage (private mode, policies) is an error value and never a panic.

use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValue, StorageError};

pub struct BrowserStorage {
    storage: web_sys::Storage,
}

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
    pub fn open() -> Result<BrowserStorage, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".to_owned()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(BrowserStorage { storage }),
            Ok(None) => Err(StorageError::Unavailable(
                "localStorage is missing".to_owned(),
            )),
            Err(e) => Err(StorageError::Unavailable(reason(&e))),
        }
    }
}

impl KeyValue for BrowserStorage {
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let length = self
            .storage
            .length()
            .map_err(|e| StorageError::ReadFailed {
                key: "*".to_owned(),
                reason: reason(&e),
            })?;
        let mut keys = Vec::with_capacity(length as usize);
        for idx in 0..length {
            if let Ok(Some(key)) = self.storage.key(idx) {
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
            if is_quota_error(&e) {
                StorageError::QuotaExceeded {
                    key: key.to_owned(),
                }
            } else {
                StorageError::WriteFailed {
                    key: key.to_owned(),
                    reason: reason(&e),
                }
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
