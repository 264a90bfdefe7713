//! A stored record named by what users know (a unit's or a cluster's name,
//! a meeting's cluster and year), never by its storage key.

use super::Lang;
use crate::domain::merge::RecordRef;
use crate::domain::{ClusterId, MeetingId, UnitId, Workspace};
use crate::exchange::RecordLabel;
use crate::storage_keys::{
    ASIDE_PREFIX, CLUSTER_PREFIX, KEPT_KEY, LOCK_PREFIX, MEETING_PREFIX, PREFIX, SETTINGS_KEY,
    SNAPSHOT_PREFIX, UNIT_PREFIX,
};

/// What a storage key holds, read from its prefix (the keys of
/// `storage_keys`, which the web shell writes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredRecord {
    Record(RecordRef),
    /// A unit, cluster or meeting key whose id cannot be read.
    Unknown(RecordKind),
    Settings,
    /// The import choices remembered.
    Kept,
    Snapshot(String),
    Lock(Option<MeetingId>),
    /// A record set aside earlier, under the key it had.
    Aside(Box<StoredRecord>),
    Other,
}

/// The kinds of record a workspace is stored as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Unit,
    Cluster,
    Meeting,
}

/// What the storage key `key` holds.
pub fn stored_record(key: &str) -> StoredRecord {
    if !key.starts_with(PREFIX) {
        return StoredRecord::Other;
    }
    let id = |text: &str| text.parse::<u64>().ok();
    let record = |kind: RecordKind, text: &str| match (kind, id(text)) {
        (RecordKind::Unit, Some(n)) => StoredRecord::Record(RecordRef::Unit(UnitId(n))),
        (RecordKind::Cluster, Some(n)) => StoredRecord::Record(RecordRef::Cluster(ClusterId(n))),
        (RecordKind::Meeting, Some(n)) => StoredRecord::Record(RecordRef::Meeting(MeetingId(n))),
        (kind, None) => StoredRecord::Unknown(kind),
    };
    if key == SETTINGS_KEY {
        StoredRecord::Settings
    } else if key == KEPT_KEY {
        StoredRecord::Kept
    } else if let Some(text) = key.strip_prefix(UNIT_PREFIX) {
        record(RecordKind::Unit, text)
    } else if let Some(text) = key.strip_prefix(CLUSTER_PREFIX) {
        record(RecordKind::Cluster, text)
    } else if let Some(text) = key.strip_prefix(MEETING_PREFIX) {
        record(RecordKind::Meeting, text)
    } else if let Some(text) = key.strip_prefix(SNAPSHOT_PREFIX) {
        StoredRecord::Snapshot(text.trim_start_matches('0').to_owned())
    } else if let Some(text) = key.strip_prefix(LOCK_PREFIX) {
        StoredRecord::Lock(id(text).map(MeetingId))
    } else if let Some(text) = key.strip_prefix(ASIDE_PREFIX) {
        let original = text.split_once('.').map_or("", |(_, key)| key);
        StoredRecord::Aside(Box::new(stored_record(original)))
    } else {
        StoredRecord::Other
    }
}

/// The record `record` named from `ws`: "đơn vị «Tên»", "cụm «Tên»",
/// "Hội nghị <cụm> năm <năm>"; one not in `ws` by its kind only.
pub fn name_record(lang: Lang, record: RecordRef, ws: &Workspace) -> String {
    match record {
        RecordRef::Unit(id) => match ws.unit(id) {
            Some(unit) => lang.pick(
                format!("đơn vị «{}»", unit.display_name()),
                format!("unit “{}”", unit.display_name()),
            ),
            None => name_kind(lang, RecordKind::Unit),
        },
        RecordRef::Cluster(id) => match ws.cluster(id) {
            Some(cluster) => lang.pick(
                format!("cụm «{}»", cluster.name),
                format!("cluster “{}”", cluster.name),
            ),
            None => name_kind(lang, RecordKind::Cluster),
        },
        RecordRef::Meeting(id) => match ws.meeting(id) {
            Some(meeting) => meeting_name(lang, ws.cluster(meeting.cluster), meeting.year),
            None => name_kind(lang, RecordKind::Meeting),
        },
    }
}

/// A meeting by its cluster (when known) and year.
fn meeting_name(lang: Lang, cluster: Option<&crate::domain::Cluster>, year: u16) -> String {
    match cluster {
        Some(cluster) => lang.pick(
            format!("Hội nghị {} năm {year}", cluster.name),
            format!("the {} meeting of {year}", cluster.name),
        ),
        None => lang.pick(
            format!("Hội nghị năm {year}"),
            format!("the meeting of {year}"),
        ),
    }
}

/// A record of `kind` whose name is not known.
pub fn name_kind(lang: Lang, kind: RecordKind) -> String {
    match kind {
        RecordKind::Unit => lang.pick_str("một bản ghi đơn vị", "a unit record"),
        RecordKind::Cluster => lang.pick_str("một bản ghi cụm", "a cluster record"),
        RecordKind::Meeting => lang.pick_str("một bản ghi hội nghị", "a meeting record"),
    }
    .to_owned()
}

/// What the storage key `key` holds, in words, named from `ws` (see
/// `name_record`); never the key itself.
pub fn name_stored(lang: Lang, key: &str, ws: &Workspace) -> String {
    name_of(lang, &stored_record(key), ws)
}

/// A record that could not be read, under `key`: named from `ws` when it
/// is there, else by what its own text still says (`label`: a unit's or a
/// cluster's name, a meeting's cluster and year), else by its kind.
pub fn name_unreadable(lang: Lang, key: &str, label: &RecordLabel, ws: &Workspace) -> String {
    let stored = stored_record(key);
    let record = match &stored {
        StoredRecord::Record(record) => Some(*record),
        StoredRecord::Aside(original) => match **original {
            StoredRecord::Record(record) => Some(record),
            _ => None,
        },
        _ => None,
    };
    let known = |record: RecordRef| match record {
        RecordRef::Unit(id) => ws.unit(id).is_some(),
        RecordRef::Cluster(id) => ws.cluster(id).is_some(),
        RecordRef::Meeting(id) => ws.meeting(id).is_some(),
    };
    match record {
        Some(record) if known(record) => name_record(lang, record, ws),
        Some(RecordRef::Unit(_)) if label.name.is_some() => {
            let name = label.name.as_deref().unwrap_or_default();
            lang.pick(format!("đơn vị «{name}»"), format!("unit “{name}”"))
        }
        Some(RecordRef::Cluster(_)) if label.name.is_some() => {
            let name = label.name.as_deref().unwrap_or_default();
            lang.pick(format!("cụm «{name}»"), format!("cluster “{name}”"))
        }
        Some(RecordRef::Meeting(_)) if label.year.is_some() => meeting_name(
            lang,
            label.cluster.and_then(|c| ws.cluster(ClusterId(c))),
            label.year.unwrap_or_default(),
        ),
        _ => name_of(lang, &stored, ws),
    }
}

fn name_of(lang: Lang, stored: &StoredRecord, ws: &Workspace) -> String {
    match stored {
        StoredRecord::Record(record) => name_record(lang, *record, ws),
        StoredRecord::Unknown(kind) => name_kind(lang, *kind),
        StoredRecord::Settings => lang.pick_str("cài đặt", "the settings").to_owned(),
        StoredRecord::Kept => lang
            .pick_str(
                "các lựa chọn đã giữ khi nhập tệp",
                "the choices kept on earlier imports",
            )
            .to_owned(),
        StoredRecord::Snapshot(number) if !number.is_empty() => lang.pick(
            format!("bản sao lưu số {number}"),
            format!("snapshot no. {number}"),
        ),
        StoredRecord::Snapshot(_) => lang.pick_str("một bản sao lưu", "a snapshot").to_owned(),
        StoredRecord::Lock(meeting) => {
            let of = match meeting {
                Some(id) if ws.meeting(*id).is_some() => {
                    name_record(lang, RecordRef::Meeting(*id), ws)
                }
                _ => lang.pick_str("một hội nghị", "a meeting").to_owned(),
            };
            lang.pick(
                format!("dấu giữ vòng bỏ phiếu của {of}"),
                format!("the vote lock of {of}"),
            )
        }
        StoredRecord::Aside(original) => {
            let of = name_of(lang, original, ws);
            lang.pick(
                format!("bản cất riêng của {of}"),
                format!("the set-aside copy of {of}"),
            )
        }
        StoredRecord::Other => lang
            .pick_str("một bản ghi dữ liệu", "a stored record")
            .to_owned(),
    }
}
