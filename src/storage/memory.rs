//! An in-memory store for native tests, with an optional byte quota so
//! that a full storage can be tested without a browser.

use std::collections::BTreeMap;

use super::{KeyValue, StorageError};

#[derive(Clone, Debug, Default)]
pub struct MemoryStorage {
    pub entries: BTreeMap<String, String>,
    /// Total of key and value lengths that may be stored, if limited.
    pub quota: Option<usize>,
}

impl MemoryStorage {
    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValue for MemoryStorage {
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.keys().cloned().collect())
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded {
                    key: key.to_owned(),
                    reason: "QuotaExceededError: the memory quota is reached".to_owned(),
                });
            }
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.entries.remove(key);
        Ok(())
    }
}
