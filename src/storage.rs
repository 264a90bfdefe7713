//! The only code that touches the browser's storage. Records live under
//! keys starting with `thidua.`: one per unit, one per cluster, one for the
//! settings; each carries its schema version. A record that cannot be read
//! is moved aside (never overwritten) and reported; the rest loads.

mod browser;
mod council;
mod kept;
mod memory;

use std::collections::BTreeMap;

pub use browser::BrowserStorage;
pub use council::{
    council_size, council_text, read_council, read_councils, write_council, StoredCouncil,
};
pub use kept::{read_kept, remember_kept};
pub use memory::MemoryStorage;
pub use thidua_core::storage_error::StorageError;

use crate::domain::merge::RecordRef;
use crate::domain::{Cluster, Meeting, Unit, Workspace};
use crate::exchange::{
    decode_record, encode_record, ClusterDto, MeetingDto, RecordError, SettingsDto, UnitDto,
};
use crate::i18n::Lang;

pub use thidua_core::storage_keys::{
    ASIDE_PREFIX, COUNCIL_PREFIX, HALL_PREFIX, KEPT_KEY, LOCK_PREFIX, PREFIX, SETTINGS_KEY,
    SNAPSHOT_PREFIX,
};
use thidua_core::storage_keys::{CLUSTER_PREFIX, MEETING_PREFIX, UNIT_PREFIX};
/// What Chromium and Firefox allow an origin in localStorage: 5 MiB of
/// UTF-16 code units, keys and values together (measured in Chromium).
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;
/// The meter warns from this share of the quota on; snapshots are never
/// kept beyond it, so live data always has the rest.
pub const WARN_PERCENT: usize = 80;
/// At most this many snapshots are kept; the oldest go first.
pub const MAX_SNAPSHOTS: usize = 5;

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
    /// What its text still says about it (a name, a year), to name it.
    pub label: crate::exchange::RecordLabel,
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

/// Writes `text` under `key` and reads it back: `Ok` only once storage
/// holds exactly that.
fn write_read_back(store: &mut dyn KeyValue, key: &str, text: &str) -> Result<(), StorageError> {
    store.set(key, text)?;
    if store.get(key)?.as_deref() != Some(text) {
        return Err(StorageError::ReadBackMismatch {
            key: key.to_owned(),
        });
    }
    Ok(())
}

/// The record `encode_record` made for `key`; its refusal to write the
/// data out is a failed write of `key`, and nothing is written.
fn record_text(key: &str, encoded: Result<String, RecordError>) -> Result<String, StorageError> {
    encoded.map_err(|error| StorageError::WriteFailed {
        key: key.to_owned(),
        reason: error.to_string(),
    })
}

/// The key a record is stored under: `thidua.unit.<id>`,
/// `thidua.cluster.<id>`, `thidua.meeting.<id>` (read back by
/// `record_of_key`).
fn record_key(record: RecordRef) -> String {
    match record {
        RecordRef::Unit(id) => format!("{UNIT_PREFIX}{id}"),
        RecordRef::Cluster(id) => format!("{CLUSTER_PREFIX}{id}"),
        RecordRef::Meeting(id) => format!("{MEETING_PREFIX}{}", id.0),
    }
}

fn meeting_key(meeting: &Meeting) -> String {
    record_key(RecordRef::Meeting(meeting.id))
}

fn unit_key(unit: &Unit) -> String {
    record_key(RecordRef::Unit(unit.id))
}

fn cluster_key(cluster: &Cluster) -> String {
    record_key(RecordRef::Cluster(cluster.id))
}

/// Whether `key` holds one of the workspace's records: a unit, a cluster
/// or a meeting (not a record set aside, whose key starts otherwise).
fn is_record_key(key: &str) -> bool {
    key.starts_with(UNIT_PREFIX)
        || key.starts_with(CLUSTER_PREFIX)
        || key.starts_with(MEETING_PREFIX)
}

/// Reads everything at start-up; a record that fails, alone or in the
/// workspace as a whole (`second_reading`), is moved aside and reported.
pub fn load(store: &mut dyn KeyValue) -> Result<Loaded, StorageError> {
    read_all(store, true)
}

/// Reads everything again after another tab wrote. A workspace that
/// fails the second reading may be that tab's save half done (one key
/// after another), so nothing is moved aside for it: the reload is
/// refused (`Unsettled`) and the next storage event, or the next
/// start-up, reads it whole. Unreadable records are set aside as at
/// start-up.
pub fn reload(store: &mut dyn KeyValue) -> Result<Loaded, StorageError> {
    read_all(store, false)
}

fn read_all(store: &mut dyn KeyValue, at_start: bool) -> Result<Loaded, StorageError> {
    let mut loaded = Loaded::default();
    let mut records = crate::domain::merge::Bundle::default();
    let mut keys = store.keys()?;
    crate::sort::sort(&mut keys);
    let mut failures = Vec::new();
    for key in keys.iter().filter(|k| k.starts_with(PREFIX)) {
        if key.starts_with(ASIDE_PREFIX) {
            loaded.earlier_set_aside.push(key.clone());
            continue;
        }
        // Snapshots (each a whole workspace), the council's years, vote
        // locks, the hall's pin and the keys of a later version are not
        // the workspace: they are left unread (issue 19: a start-up with
        // five snapshots read five workspaces more, and kept their text).
        if *key != SETTINGS_KEY && !is_record_key(key) {
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
            read_unit(key, &text).map(|unit| records.units.push(unit))
        } else if key.starts_with(CLUSTER_PREFIX) {
            read_cluster(key, &text).map(|cluster| records.clusters.push(cluster))
        } else {
            read_meeting(key, &text).map(|meeting| records.meetings.push(meeting))
        };
        match outcome {
            Ok(()) => {
                loaded.persister.written.insert(key.clone(), text);
            }
            Err(error) => failures.push((key.clone(), text, error)),
        }
    }
    crate::host::mark("records-read");
    let aside = set_aside_records(&loaded, &failures);
    let (workspace, left) = records.settle(&aside);
    crate::host::mark("workspace-built");
    if let Some((_, problem)) = left.first().filter(|_| !at_start) {
        return Err(StorageError::Unsettled {
            problem: problem.clone(),
        });
    }
    loaded.workspace = workspace;
    second_reading(&mut loaded, left, &mut failures);
    loaded.persister.saved = Some(loaded.workspace.clone());
    for (key, text, error) in failures {
        let kept_under = move_aside(store, &keys, &key, &text);
        if kept_under.is_none() {
            loaded.persister.unreadable.insert(key.clone());
        }
        loaded.set_aside.push(SetAside {
            label: crate::exchange::record_label(&text),
            key,
            kept_under,
            error,
        });
    }
    Ok(loaded)
}

/// The record a storage key holds, live or set aside
/// (`thidua.aside.<n>.thidua.unit.<id>`).
fn record_of_key(key: &str) -> Option<RecordRef> {
    use crate::domain::{ClusterId, MeetingId, UnitId};
    let key = match key.strip_prefix(ASIDE_PREFIX) {
        Some(rest) => rest.split_once('.')?.1,
        None => key,
    };
    let id = |prefix: &str| key.strip_prefix(prefix)?.parse::<u64>().ok();
    id(UNIT_PREFIX)
        .map(|id| RecordRef::Unit(UnitId(id)))
        .or_else(|| id(CLUSTER_PREFIX).map(|id| RecordRef::Cluster(ClusterId(id))))
        .or_else(|| id(MEETING_PREFIX).map(|id| RecordRef::Meeting(MeetingId(id))))
}

/// The records set aside, in this load or an earlier one.
fn set_aside_records(
    loaded: &Loaded,
    failures: &[(String, String, RecordError)],
) -> std::collections::BTreeSet<RecordRef> {
    loaded
        .earlier_set_aside
        .iter()
        .chain(failures.iter().map(|(key, _, _)| key))
        .filter_map(|key| record_of_key(key))
        .collect()
}

/// The second reading of what loaded, record by record readable: the
/// workspace as a whole must pass the integrity check of files and
/// snapshots (`Bundle::settle`, by `merge::check_integrity_except`). A
/// record at fault has left the workspace and joins the unreadable ones,
/// with its reason: it is moved aside and reported, and never written over
/// (the persister forgets it). A reference to a record set aside is not a
/// fault of the record making it: one bad record does not take the records
/// that name it along.
fn second_reading(
    loaded: &mut Loaded,
    left: Vec<(RecordRef, crate::domain::merge::IntegrityProblem)>,
    failures: &mut Vec<(String, String, RecordError)>,
) {
    for (record, problem) in left {
        let key = record_key(record);
        let text = loaded.persister.written.remove(&key).unwrap_or_default();
        let error = RecordError::Integrity {
            path: "data".into(),
            problem,
        };
        failures.push((key, text, error));
    }
}

/// Copies an unreadable value to a fresh aside key and removes the
/// original, only once the copy reads back intact.
fn move_aside(
    store: &mut dyn KeyValue,
    existing: &[String],
    key: &str,
    text: &str,
) -> Option<String> {
    // Only what is there is moved: a value that changed (or is gone)
    // stays where it is, never written over.
    if store.get(key).ok()?.as_deref() != Some(text) {
        return None;
    }
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
/// never touched. Records equal to the ones it last saved are not even
/// encoded again: a save after one edit costs one record, not the whole
/// workspace.
#[derive(Clone, Debug, Default)]
pub struct Persister {
    written: BTreeMap<String, String>,
    /// The workspace as of the last complete save (or load).
    saved: Option<Workspace>,
    /// Unreadable records left under their own keys: never written, and
    /// not this tab's to compare.
    unreadable: std::collections::BTreeSet<String>,
}

impl Persister {
    /// Brings storage in line with `workspace`. On an error, what was
    /// written before it stays written and the rest is tried next time.
    pub fn save_workspace(
        &mut self,
        store: &mut dyn KeyValue,
        workspace: &Workspace,
    ) -> Result<usize, StorageError> {
        // Nothing changed since the last save or load: nothing to write,
        // and storage is not even read (the save at start-up costs nothing).
        if self.saved.as_ref() == Some(workspace) {
            return Ok(0);
        }
        // This tab's workspace was checked whole, against what it read; a
        // record another tab wrote since (even one this save does not
        // touch) could make the union invalid — two units of one name, a
        // reference to a deleted record — so the save is refused and the
        // tab reloads first.
        self.check_nothing_changed_elsewhere(store)?;
        let saved = self.saved.take();
        let outcome = self.save_changes(store, workspace, saved.as_ref());
        self.saved = match outcome {
            Ok(_) => Some(workspace.clone()),
            Err(_) => saved,
        };
        outcome
    }

    fn save_changes(
        &mut self,
        store: &mut dyn KeyValue,
        workspace: &Workspace,
        saved: Option<&Workspace>,
    ) -> Result<usize, StorageError> {
        let mut keys: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        let mut changed: BTreeMap<String, String> = BTreeMap::new();
        // A record serde cannot write out fails the save before anything
        // is written.
        let mut consider = |key: String,
                            unchanged: bool,
                            encode: &dyn Fn(&str) -> Result<String, StorageError>|
         -> Result<(), StorageError> {
            if !(unchanged && self.written.contains_key(&key)) {
                changed.insert(key.clone(), encode(&key)?);
            }
            keys.insert(key);
            Ok(())
        };
        for unit in workspace.units() {
            let unchanged = saved.and_then(|s| s.unit(unit.id)) == Some(unit);
            consider(unit_key(unit), unchanged, &|key| {
                record_text(key, encode_record(&UnitDto::from(unit)))
            })?;
        }
        for cluster in workspace.clusters() {
            let unchanged = saved.and_then(|s| s.cluster(cluster.id)) == Some(cluster);
            consider(cluster_key(cluster), unchanged, &|key| {
                record_text(key, encode_record(&ClusterDto::from(cluster)))
            })?;
        }
        for meeting in workspace.meetings() {
            let unchanged = saved.and_then(|s| s.meeting(meeting.id)) == Some(meeting);
            consider(meeting_key(meeting), unchanged, &|key| {
                record_text(key, encode_record(&MeetingDto::from(meeting)))
            })?;
        }
        // One save is one step: if a write fails, the records this save
        // already wrote are put back as they were, so that storage never
        // holds half an edit (a ballot without its voter's mark, a cluster
        // naming a unit that was not stored).
        let mut n_writes = 0;
        let mut done: Vec<(String, Option<String>)> = Vec::new();
        for (key, value) in &changed {
            if self.written.get(key) != Some(value) {
                let before = self.written.get(key).cloned();
                if let Err(error) = self.write(store, key, value) {
                    self.roll_back(store, done);
                    return Err(error);
                }
                done.push((key.clone(), before));
                n_writes += 1;
            }
        }
        let stale: Vec<String> = self
            .written
            .keys()
            .filter(|k| is_record_key(k) && !keys.contains(*k))
            .cloned()
            .collect();
        for key in stale {
            let before = self.written.get(&key).cloned();
            let removed = self
                .check_unchanged(store, &key)
                .and_then(|()| store.remove(&key));
            if let Err(error) = removed {
                self.roll_back(store, done);
                return Err(error);
            }
            self.written.remove(&key);
            done.push((key, before));
            n_writes += 1;
        }
        Ok(n_writes)
    }

    /// Puts back what one save wrote before it failed, newest first: each
    /// step returns storage to a state it was in a moment earlier, so it
    /// fits. A value that cannot be put back stays as written, and this
    /// persister remembers it as such (never a false record of storage).
    fn roll_back(&mut self, store: &mut dyn KeyValue, done: Vec<(String, Option<String>)>) {
        for (key, before) in done.into_iter().rev() {
            let restored = match &before {
                Some(old) => store.set(&key, old),
                None => store.remove(&key),
            };
            if restored.is_ok() && store.get(&key).ok().flatten() == before {
                match before {
                    Some(old) => self.written.insert(key, old),
                    None => self.written.remove(&key),
                };
            }
        }
    }

    /// Whether storage holds this meeting as it is now (as of this
    /// persister's last save or load): a ballot is acknowledged only then.
    pub fn meeting_saved(&self, meeting: &Meeting) -> bool {
        self.saved
            .as_ref()
            .and_then(|s| s.meeting(meeting.id))
            .is_some_and(|m| m == meeting)
    }

    pub fn save_lang(&mut self, store: &mut dyn KeyValue, lang: Lang) -> Result<(), StorageError> {
        self.write(
            store,
            SETTINGS_KEY,
            &record_text(SETTINGS_KEY, encode_record(&SettingsDto::from(lang)))?,
        )
    }

    /// Every record key in storage holds what this persister last read or
    /// wrote there, and none it knows has gone.
    fn check_nothing_changed_elsewhere(&self, store: &dyn KeyValue) -> Result<(), StorageError> {
        let keys = store.keys()?;
        for key in keys
            .iter()
            .filter(|k| is_record_key(k) && !self.unreadable.contains(*k))
        {
            if store.get(key)?.as_deref() != self.written.get(key).map(String::as_str) {
                return Err(StorageError::ChangedElsewhere { key: key.clone() });
            }
        }
        if let Some(gone) = self
            .written
            .keys()
            .find(|k| is_record_key(k) && !keys.contains(*k))
        {
            return Err(StorageError::ChangedElsewhere { key: gone.clone() });
        }
        Ok(())
    }

    /// Refuses to write over a value this persister did not read or write
    /// itself: another tab changed it, and this tab's copy is older.
    fn check_unchanged(&self, store: &dyn KeyValue, key: &str) -> Result<(), StorageError> {
        if store.get(key)?.as_deref() != self.written.get(key).map(String::as_str) {
            return Err(StorageError::ChangedElsewhere {
                key: key.to_owned(),
            });
        }
        Ok(())
    }

    /// Writes one value and reads it back.
    fn write(
        &mut self,
        store: &mut dyn KeyValue,
        key: &str,
        value: &str,
    ) -> Result<(), StorageError> {
        if key != SETTINGS_KEY {
            self.check_unchanged(store, key)?;
        }
        write_read_back(store, key, value)?;
        self.written.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}

/// How much of the quota is used, in UTF-16 code units (what browsers
/// count), by kind of key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// The app's live records (units, clusters, meetings, settings, locks).
    pub live: usize,
    pub snapshots: usize,
    /// Records set aside as unreadable.
    pub aside: usize,
    /// Keys of other apps on the same origin.
    pub other: usize,
}

impl Usage {
    pub fn total(&self) -> usize {
        self.live + self.snapshots + self.aside + self.other
    }

    /// Share of `QUOTA_UNITS` used, in whole percent.
    pub fn percent(&self) -> usize {
        self.total() * 100 / QUOTA_UNITS
    }

    pub fn warning(&self) -> bool {
        self.percent() >= WARN_PERCENT
    }
}

fn units_of(text: &str) -> usize {
    text.encode_utf16().count()
}

pub fn usage(store: &dyn KeyValue) -> Result<Usage, StorageError> {
    let mut usage = Usage::default();
    for key in store.keys()? {
        let size = units_of(&key) + store.get(&key)?.as_deref().map_or(0, units_of);
        if key.starts_with(SNAPSHOT_PREFIX) {
            usage.snapshots += size;
        } else if key.starts_with(ASIDE_PREFIX) {
            usage.aside += size;
        } else if key.starts_with(PREFIX) {
            usage.live += size;
        } else {
            usage.other += size;
        }
    }
    Ok(usage)
}

/// A snapshot in the list, without its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotInfo {
    pub key: String,
    /// What it was taken before: `import`, `delete-cluster`, … (the screen
    /// words it).
    pub reason: String,
    /// What the reason was about: a cluster's name, a file's name.
    pub subject: String,
    pub taken_at: String,
    pub size: usize,
    pub units: usize,
    pub clusters: usize,
    pub meetings: usize,
}

fn snapshot_keys(store: &dyn KeyValue) -> Result<Vec<String>, StorageError> {
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(SNAPSHOT_PREFIX))
        .collect();
    crate::sort::sort(&mut keys);
    Ok(keys)
}

/// Keeps a copy of `workspace` before a risky step. Older snapshots go
/// first when there are `MAX_SNAPSHOTS` or when storage would pass
/// `WARN_PERCENT` of the quota; if it still does not fit, nothing is
/// removed and `NoRoomForSnapshot` says so (the caller offers a file).
pub fn take_snapshot(
    store: &mut dyn KeyValue,
    reason: &str,
    subject: &str,
    taken_at: &str,
    workspace: &Workspace,
) -> Result<String, StorageError> {
    let keys = snapshot_keys(store)?;
    let next = keys
        .iter()
        .filter_map(|k| k.strip_prefix(SNAPSHOT_PREFIX)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let key = format!("{SNAPSHOT_PREFIX}{next:06}");
    let text = record_text(
        &key,
        encode_record(&crate::exchange::SnapshotDto {
            reason: reason.to_owned(),
            subject: subject.to_owned(),
            taken_at: taken_at.to_owned(),
            data: crate::exchange::workspace_data(workspace),
        }),
    )?;
    let needed = units_of(&key) + units_of(&text);
    let ceiling = QUOTA_UNITS * WARN_PERCENT / 100;
    let now = usage(store)?;
    // Oldest first: how many must go for the new one to fit?
    let mut freed = 0;
    let mut drop = 0;
    for old in &keys {
        let fits = now.total() - freed + needed <= ceiling;
        if fits && keys.len() - drop < MAX_SNAPSHOTS {
            break;
        }
        freed += units_of(old) + store.get(old)?.as_deref().map_or(0, units_of);
        drop += 1;
    }
    if now.total() - freed + needed > ceiling {
        return Err(StorageError::NoRoomForSnapshot { needed });
    }
    for old in &keys[..drop] {
        store.remove(old)?;
    }
    write_read_back(store, &key, &text)?;
    Ok(key)
}

/// The snapshots kept, newest first. One that cannot be read is listed
/// with its reason `unreadable`, so it can still be deleted.
pub fn snapshots(store: &dyn KeyValue) -> Result<Vec<SnapshotInfo>, StorageError> {
    let mut out = Vec::new();
    for key in snapshot_keys(store)?.into_iter().rev() {
        let text = store.get(&key)?.unwrap_or_default();
        let size = units_of(&key) + units_of(&text);
        let info = match decode_record::<crate::exchange::SnapshotDto>(&text) {
            Ok(dto) => SnapshotInfo {
                key,
                reason: dto.reason,
                subject: dto.subject,
                taken_at: dto.taken_at,
                size,
                units: dto.data.units.len(),
                clusters: dto.data.clusters.len(),
                meetings: dto.data.meetings.len(),
            },
            Err(_) => SnapshotInfo {
                key,
                reason: "unreadable".to_owned(),
                subject: String::new(),
                taken_at: String::new(),
                size,
                units: 0,
                clusters: 0,
                meetings: 0,
            },
        };
        out.push(info);
    }
    Ok(out)
}

/// The workspace a snapshot holds.
pub fn read_snapshot(store: &dyn KeyValue, key: &str) -> Result<Workspace, StorageError> {
    let bad = |error: crate::exchange::FileError| StorageError::BadSnapshot {
        key: key.to_owned(),
        error,
    };
    let text = store.get(key)?.ok_or_else(|| StorageError::SnapshotGone {
        key: key.to_owned(),
    })?;
    let dto = decode_record::<crate::exchange::SnapshotDto>(&text).map_err(|e| bad(e.into()))?;
    crate::exchange::workspace_from(dto.data).map_err(bad)
}

pub fn delete_snapshot(store: &mut dyn KeyValue, key: &str) -> Result<(), StorageError> {
    if key.starts_with(SNAPSHOT_PREFIX) {
        store.remove(key)?;
    }
    Ok(())
}

/// The tab running a round in progress of a meeting, if it has shown
/// itself in the last `LOCK_FRESH_MS`.
pub const LOCK_FRESH_MS: f64 = 20_000.0;

/// A vote lock as stored: `{"at": ms, "tab": …}` (fields in that order, as
/// the keys sort); anything else read is no lock.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct LockDto {
    at: f64,
    tab: String,
}

impl LockDto {
    fn read(text: &str) -> Option<LockDto> {
        serde_json::from_str(text).ok()
    }
}

fn lock_key(meeting: crate::domain::MeetingId) -> String {
    format!("{LOCK_PREFIX}{}", meeting.0)
}

/// Another live tab that runs this meeting's round, if any.
pub fn lock_holder(
    store: &dyn KeyValue,
    meeting: crate::domain::MeetingId,
    tab: &str,
    now_ms: f64,
) -> Option<String> {
    let text = store.get(&lock_key(meeting)).ok()??;
    let lock = LockDto::read(&text)?;
    (lock.tab != tab && now_ms - lock.at < LOCK_FRESH_MS).then_some(lock.tab)
}

/// Marks this tab as the one running the meeting's round, now.
pub fn claim_lock(
    store: &mut dyn KeyValue,
    meeting: crate::domain::MeetingId,
    tab: &str,
    now_ms: f64,
) -> Result<(), StorageError> {
    let key = lock_key(meeting);
    let lock = LockDto {
        at: now_ms,
        tab: tab.to_owned(),
    };
    let text = serde_json::to_string(&lock).map_err(|e| StorageError::WriteFailed {
        key: key.clone(),
        reason: e.to_string(),
    })?;
    store.set(&key, &text)
}

/// Whether this tab holds the lock (fresh or not): after a reload it goes
/// on running the vote it ran.
pub fn holds_lock(store: &dyn KeyValue, meeting: crate::domain::MeetingId, tab: &str) -> bool {
    store
        .get(&lock_key(meeting))
        .ok()
        .flatten()
        .and_then(|t| LockDto::read(&t))
        .is_some_and(|l| l.tab == tab)
}

pub fn release_lock(
    store: &mut dyn KeyValue,
    meeting: crate::domain::MeetingId,
    tab: &str,
) -> Result<(), StorageError> {
    let key = lock_key(meeting);
    let mine = store
        .get(&key)?
        .and_then(|t| LockDto::read(&t))
        .is_some_and(|l| l.tab == tab);
    if mine {
        store.remove(&key)?;
    }
    Ok(())
}

/// The meetings an edit changes, each with whether a round of it is in
/// progress afterwards (its vote lock is then claimed, otherwise released).
pub fn touched_meetings(
    before: &Workspace,
    after: &Workspace,
) -> Vec<(crate::domain::MeetingId, bool)> {
    after
        .meetings()
        .iter()
        .filter(|m| before.meeting(m.id) != Some(*m))
        .map(|m| (m.id, m.vote_in_progress()))
        .collect()
}

/// Why this tab may not make a change to a vote.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClaimError {
    /// Another live tab runs this meeting's vote.
    #[error("another tab runs the vote of meeting {0:?}")]
    InAnotherTab(crate::domain::MeetingId),
    /// The lock could not be written (or removed): the step is refused,
    /// or two tabs could both run one vote.
    #[error(transparent)]
    Storage(StorageError),
}

/// Claims the vote lock of every touched meeting with a round in progress
/// and releases the others', or refuses: when another live tab holds one,
/// or when a lock cannot be written and read back (storage full) or
/// removed. Nothing is claimed when another tab holds one of them.
pub fn claim_votes(
    store: &mut dyn KeyValue,
    tab: &str,
    now_ms: f64,
    touched: &[(crate::domain::MeetingId, bool)],
) -> Result<(), ClaimError> {
    for (meeting, _) in touched {
        if lock_holder(store, *meeting, tab, now_ms).is_some() {
            return Err(ClaimError::InAnotherTab(*meeting));
        }
    }
    for (meeting, in_progress) in touched {
        if *in_progress {
            claim_lock(store, *meeting, tab, now_ms).map_err(ClaimError::Storage)?;
            if !holds_lock(store, *meeting, tab) {
                return Err(ClaimError::Storage(StorageError::ReadBackMismatch {
                    key: lock_key(*meeting),
                }));
            }
        } else {
            release_lock(store, *meeting, tab).map_err(ClaimError::Storage)?;
        }
    }
    Ok(())
}

// issue 16 hall: what the operator pinned on a meeting's hall screen, and
// the hall window's reading of storage, which never writes.

/// A hall pin as stored: `{"show":"agenda"}` or
/// `{"round":…,"show":"results"}`; anything else read is no pin.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct HallPinDto {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    round: Option<u64>,
    show: String,
}

fn hall_key(meeting: crate::domain::MeetingId) -> String {
    format!("{HALL_PREFIX}{}", meeting.0)
}

/// What the operator pinned on `meeting`'s hall screen, if anything.
pub fn hall_pin(
    store: &dyn KeyValue,
    meeting: crate::domain::MeetingId,
) -> Option<crate::rules::hall::HallPin> {
    use crate::rules::hall::HallPin;
    let text = store.get(&hall_key(meeting)).ok()??;
    let dto: HallPinDto = serde_json::from_str(&text).ok()?;
    match (dto.show.as_str(), dto.round) {
        ("agenda", None) => Some(HallPin::Agenda),
        ("results", Some(round)) => Some(HallPin::Results(crate::domain::RoundId(round))),
        _ => None,
    }
}

/// Pins `meeting`'s hall screen, or (`None`) lets it follow the meeting;
/// the write is read back.
pub fn set_hall_pin(
    store: &mut dyn KeyValue,
    meeting: crate::domain::MeetingId,
    pin: Option<crate::rules::hall::HallPin>,
) -> Result<(), StorageError> {
    use crate::rules::hall::HallPin;
    let key = hall_key(meeting);
    let dto = match pin {
        None => return store.remove(&key),
        Some(HallPin::Agenda) => HallPinDto {
            round: None,
            show: "agenda".to_owned(),
        },
        Some(HallPin::Results(round)) => HallPinDto {
            round: Some(round.0),
            show: "results".to_owned(),
        },
    };
    let text = serde_json::to_string(&dto).map_err(|e| StorageError::WriteFailed {
        key: key.clone(),
        reason: e.to_string(),
    })?;
    write_read_back(store, &key, &text)
}

/// Storage seen through a window that only shows it: every write is
/// refused, so an unreadable record is left where it is, unmoved.
struct ReadOnly<'a>(&'a dyn KeyValue);

impl KeyValue for ReadOnly<'_> {
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get(key)
    }
    fn set(&mut self, key: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::WriteFailed {
            key: key.to_owned(),
            reason: "read-only view".to_owned(),
        })
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.set(key, "")
    }
}

/// What storage holds, read without writing anything (the hall window):
/// records that cannot be read are left out and left in place. After the
/// first reading (`first`), a workspace that fails the second reading may
/// be another tab's save half done: `Unsettled`, as `reload` says.
pub fn read_only(store: &dyn KeyValue, first: bool) -> Result<Loaded, StorageError> {
    read_all(&mut ReadOnly(store), first)
}
