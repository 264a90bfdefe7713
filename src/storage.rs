//! The only code that touches the browser's storage. Records live under
//! keys starting with `thidua.`: one per unit, one per cluster, one for the
//! settings; each carries its schema version. A record that cannot be read
//! is moved aside (never overwritten) and reported; the rest loads.

mod browser;
mod memory;

use std::collections::BTreeMap;

pub use browser::BrowserStorage;
pub use memory::MemoryStorage;

use crate::domain::{Cluster, Meeting, Unit, Workspace};
use crate::exchange::{
    decode_record, encode_record, ClusterDto, MeetingDto, RecordError, SettingsDto, UnitDto,
};
use crate::i18n::Lang;

pub const PREFIX: &str = "thidua.";
pub const SETTINGS_KEY: &str = "thidua.settings";
const UNIT_PREFIX: &str = "thidua.unit.";
const CLUSTER_PREFIX: &str = "thidua.cluster.";
const MEETING_PREFIX: &str = "thidua.meeting.";
/// Where unreadable records are kept: `thidua.aside.<n>.<original key>`.
pub const ASIDE_PREFIX: &str = "thidua.aside.";

/// Why storage failed. Each says which key, and the browser's reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("the browser's storage cannot be used: {0}")]
    Unavailable(String),
    #[error("storage is full while writing {key}")]
    QuotaExceeded { key: String },
    #[error("writing {key} failed: {reason}")]
    WriteFailed { key: String, reason: String },
    #[error("reading {key} failed: {reason}")]
    ReadFailed { key: String, reason: String },
    #[error("{key} reads back differently from what was written")]
    ReadBackMismatch { key: String },
}

/// A string key-value store: the browser's localStorage, or memory in tests.
pub trait KeyValue {
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
}

/// A record that could not be read at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    /// Where the unreadable text now is; `None` if moving it failed, in
    /// which case it stays under its own key and is never written over.
    pub kept_under: Option<String>,
    pub error: RecordError,
}

/// What start-up found in storage.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub workspace: Workspace,
    pub lang: Option<Lang>,
    pub set_aside: Vec<SetAside>,
    /// Unreadable records set aside in earlier sessions, still kept.
    pub earlier_set_aside: Vec<String>,
    pub persister: Persister,
}

fn read_unit(key: &str, text: &str) -> Result<Unit, RecordError> {
    let unit = Unit::try_from(decode_record::<UnitDto>(text)?)?;
    if key != unit_key(&unit) {
        return Err(RecordError::invalid(
            "data.id",
            "does not match the storage key",
        ));
    }
    Ok(unit)
}

fn read_cluster(key: &str, text: &str) -> Result<Cluster, RecordError> {
    let cluster = Cluster::try_from(decode_record::<ClusterDto>(text)?)?;
    if key != cluster_key(&cluster) {
        return Err(RecordError::invalid(
            "data.id",
            "does not match the storage key",
        ));
    }
    Ok(cluster)
}

fn read_meeting(key: &str, text: &str) -> Result<Meeting, RecordError> {
    let meeting = Meeting::try_from(decode_record::<MeetingDto>(text)?)?;
    if key != meeting_key(&meeting) {
        return Err(RecordError::invalid(
            "data.id",
            "does not match the storage key",
        ));
    }
    Ok(meeting)
}

fn meeting_key(meeting: &Meeting) -> String {
    format!("{MEETING_PREFIX}{}", meeting.id.0)
}

fn unit_key(unit: &Unit) -> String {
    format!("{UNIT_PREFIX}{}", unit.id)
}

fn cluster_key(cluster: &Cluster) -> String {
    format!("{CLUSTER_PREFIX}{}", cluster.id)
}

/// Reads everything; a record that fails is moved aside and reported.
pub fn load(store: &mut dyn KeyValue) -> Result<Loaded, StorageError> {
    let mut loaded = Loaded::default();
    let mut keys = store.keys()?;
    keys.sort();
    let mut failures = Vec::new();
    for key in keys.iter().filter(|k| k.starts_with(PREFIX)) {
        if key.starts_with(ASIDE_PREFIX) {
            loaded.earlier_set_aside.push(key.clone());
            continue;
        }
        let Some(text) = store.get(key)? else {
            continue;
        };
        let outcome = if key == SETTINGS_KEY {
            decode_record::<SettingsDto>(&text)
                .and_then(Lang::try_from)
                .map(|lang| loaded.lang = Some(lang))
        } else if key.starts_with(UNIT_PREFIX) {
            read_unit(key, &text).map(|unit| loaded.workspace.units.push(unit))
        } else if key.starts_with(CLUSTER_PREFIX) {
            read_cluster(key, &text).map(|cluster| loaded.workspace.clusters.push(cluster))
        } else if key.starts_with(MEETING_PREFIX) {
            read_meeting(key, &text).map(|meeting| loaded.workspace.meetings.push(meeting))
        } else {
            // A key of a later version of the app: leave it alone.
            Ok(())
        };
        match outcome {
            Ok(()) => {
                loaded.persister.written.insert(key.clone(), text);
            }
            Err(error) => failures.push((key.clone(), text, error)),
        }
    }
    for (key, text, error) in failures {
        let kept_under = move_aside(store, &keys, &key, &text);
        loaded.set_aside.push(SetAside {
            key,
            kept_under,
            error,
        });
    }
    Ok(loaded)
}

/// Copies an unreadable value to a fresh aside key and removes the
/// original, only once the copy reads back intact.
fn move_aside(
    store: &mut dyn KeyValue,
    existing: &[String],
    key: &str,
    text: &str,
) -> Option<String> {
    let target = (1u32..)
        .map(|n| format!("{ASIDE_PREFIX}{n}.{key}"))
        .find(|candidate| !existing.contains(candidate))?;
    store.set(&target, text).ok()?;
    if store.get(&target).ok()?.as_deref() != Some(text) {
        return None;
    }
    store.remove(key).ok()?;
    Some(target)
}

/// Writes what changed since the last save, and nothing else. Keys it has
/// not written or read itself (unreadable records, later versions) are
/// never touched.
#[derive(Clone, Debug, Default)]
pub struct Persister {
    written: BTreeMap<String, String>,
}

impl Persister {
    /// Brings storage in line with `workspace`. On an error, what was
    /// written before it stays written and the rest is tried next time.
    pub fn save_workspace(
        &mut self,
        store: &mut dyn KeyValue,
        workspace: &Workspace,
    ) -> Result<usize, StorageError> {
        let mut wanted: BTreeMap<String, String> = BTreeMap::new();
        for unit in &workspace.units {
            wanted.insert(unit_key(unit), encode_record(&UnitDto::from(unit)));
        }
        for cluster in &workspace.clusters {
            wanted.insert(
                cluster_key(cluster),
                encode_record(&ClusterDto::from(cluster)),
            );
        }
        for meeting in &workspace.meetings {
            wanted.insert(
                meeting_key(meeting),
                encode_record(&MeetingDto::from(meeting)),
            );
        }
        let mut n_writes = 0;
        for (key, value) in &wanted {
            if self.written.get(key) != Some(value) {
                self.write(store, key, value)?;
                n_writes += 1;
            }
        }
        let stale: Vec<String> = self
            .written
            .keys()
            .filter(|k| {
                (k.starts_with(UNIT_PREFIX) || k.starts_with(CLUSTER_PREFIX))
                    && !wanted.contains_key(*k)
            })
            .cloned()
            .collect();
        for key in stale {
            store.remove(&key)?;
            self.written.remove(&key);
            n_writes += 1;
        }
        Ok(n_writes)
    }

    pub fn save_lang(&mut self, store: &mut dyn KeyValue, lang: Lang) -> Result<(), StorageError> {
        self.write(
            store,
            SETTINGS_KEY,
            &encode_record(&SettingsDto::from(lang)),
        )
    }

    /// Writes one value and reads it back.
    fn write(
        &mut self,
        store: &mut dyn KeyValue,
        key: &str,
        value: &str,
    ) -> Result<(), StorageError> {
        store.set(key, value)?;
        if store.get(key)?.as_deref() != Some(value) {
            return Err(StorageError::ReadBackMismatch {
                key: key.to_owned(),
            });
        }
        self.written.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}
