//! Issue 18: messages name stored records by what users know (a unit's or
//! a cluster's name, a meeting's cluster and year), never by storage keys.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::sample_meeting;
use thidua_core::domain::merge::RecordRef;
use thidua_core::domain::Workspace;
use thidua_core::exchange::FileError;
use thidua_core::i18n::{describe_storage_error, name_record, name_stored, Lang};
use thidua_core::storage_error::StorageError;

fn both(key: &str, ws: &Workspace) -> (String, String) {
    (
        name_stored(Lang::Vi, key, ws),
        name_stored(Lang::En, key, ws),
    )
}

#[test]
fn a_known_unit_cluster_and_meeting_are_named_by_their_names() {
    let (ws, cluster) = sample_meeting();
    let unit = &ws.units()[0];
    let unit_key = format!("thidua.unit.{}", unit.id.0);
    assert_eq!(
        both(&unit_key, &ws),
        (
            format!("đơn vị «{}»", unit.display_name()),
            format!("unit “{}”", unit.display_name())
        )
    );
    let name = ws
        .cluster(cluster)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    assert!(!name.is_empty());
    assert_eq!(
        both(&format!("thidua.cluster.{}", cluster.0), &ws),
        (format!("cụm «{name}»"), format!("cluster “{name}”"))
    );
    let meeting = &ws.meetings()[0];
    let year = meeting.year;
    assert_eq!(
        both(&format!("thidua.meeting.{}", meeting.id.0), &ws),
        (
            format!("Hội nghị {name} năm {year}"),
            format!("the {name} meeting of {year}")
        )
    );
    // The coded reference gives the same words as the key.
    assert_eq!(
        name_record(Lang::Vi, RecordRef::Meeting(meeting.id), &ws),
        format!("Hội nghị {name} năm {year}")
    );
    // The vote lock of a meeting names the meeting.
    assert_eq!(
        name_stored(Lang::Vi, &format!("thidua.lock.{}", meeting.id.0), &ws),
        format!("dấu giữ vòng bỏ phiếu của Hội nghị {name} năm {year}")
    );
}

#[test]
fn an_unknown_id_is_named_by_its_kind() {
    let (ws, _) = sample_meeting();
    let cases = [
        (
            "thidua.unit.3811021128768726",
            "một bản ghi đơn vị",
            "a unit record",
        ),
        (
            "thidua.cluster.3811021128768726",
            "một bản ghi cụm",
            "a cluster record",
        ),
        (
            "thidua.meeting.3811021128768726",
            "một bản ghi hội nghị",
            "a meeting record",
        ),
        (
            "thidua.cluster.not-a-number",
            "một bản ghi cụm",
            "a cluster record",
        ),
        ("thidua.settings", "cài đặt", "the settings"),
        (
            "thidua.snapshot.000042",
            "bản sao lưu số 42",
            "snapshot no. 42",
        ),
        (
            "thidua.aside.1.thidua.unit.77",
            "bản cất riêng của một bản ghi đơn vị",
            "the set-aside copy of a unit record",
        ),
        (
            "thidua.lock.99",
            "dấu giữ vòng bỏ phiếu của một hội nghị",
            "the vote lock of a meeting",
        ),
        (
            "thidua.something-later",
            "một bản ghi dữ liệu",
            "a stored record",
        ),
    ];
    for (key, vi, en) in cases {
        assert_eq!(both(key, &ws), (vi.to_owned(), en.to_owned()), "{key}");
    }
}

#[test]
fn no_storage_message_shows_a_storage_key() {
    let (ws, cluster) = sample_meeting();
    let key = format!("thidua.cluster.{}", cluster.0);
    let name = ws
        .cluster(cluster)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let errors = [
        StorageError::QuotaExceeded {
            key: key.clone(),
            reason: "QuotaExceededError".into(),
        },
        StorageError::WriteFailed {
            key: key.clone(),
            reason: "SecurityError".into(),
        },
        StorageError::ReadFailed {
            key: key.clone(),
            reason: "SecurityError".into(),
        },
        StorageError::ReadBackMismatch { key: key.clone() },
        StorageError::ChangedElsewhere { key: key.clone() },
    ];
    for error in &errors {
        for lang in [Lang::Vi, Lang::En] {
            let text = describe_storage_error(lang, error, &ws);
            assert!(!text.contains("thidua."), "{text}");
            assert!(text.contains(&name), "{text}");
        }
    }
    let snapshot = [
        StorageError::BadSnapshot {
            key: "thidua.snapshot.000007".into(),
            error: FileError::NotJson { line: 1, column: 2 },
        },
        StorageError::SnapshotGone {
            key: "thidua.snapshot.000007".into(),
        },
    ];
    for error in &snapshot {
        let (vi, en) = (
            describe_storage_error(Lang::Vi, error, &ws),
            describe_storage_error(Lang::En, error, &ws),
        );
        assert!(
            vi.contains("bản sao lưu số 7") && !vi.contains("thidua.snapshot"),
            "{vi}"
        );
        assert!(
            en.starts_with("Snapshot no. 7") && !en.contains("thidua.snapshot"),
            "{en}"
        );
    }
}

#[test]
fn a_change_not_saved_is_worded_in_the_language_shown_with_the_record_named() {
    use thidua_core::domain::DomainError;
    use thidua_core::i18n::describe_domain_error;
    let (ws, cluster) = sample_meeting();
    let name = ws
        .cluster(cluster)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let full = StorageError::QuotaExceeded {
        key: format!("thidua.cluster.{}", cluster.0),
        reason: "QuotaExceededError".into(),
    };
    let error = DomainError::NotSaved(full.clone());
    let en = describe_domain_error(Lang::En, &error, &ws);
    assert!(
        en.starts_with("Not saved: The browser's storage is full (while saving cluster “"),
        "{en}"
    );
    assert!(en.contains(&name) && !en.contains("thidua."), "{en}");
    let vi = describe_domain_error(Lang::Vi, &error, &ws);
    assert!(
        vi.starts_with("Chưa lưu: Bộ nhớ lưu trữ của trình duyệt đã đầy (khi lưu cụm «"),
        "{vi}"
    );
    let lock = describe_domain_error(Lang::En, &DomainError::VoteLockFailed(full), &ws);
    assert!(!lock.contains("thidua.") && lock.contains(&name), "{lock}");
}

#[test]
fn a_record_set_aside_is_named_by_what_its_text_still_says() {
    use thidua_core::exchange::record_label;
    use thidua_core::i18n::name_unreadable;
    let (ws, cluster) = common::sample_meeting();
    // A unit record with a field of the wrong type: not in the workspace,
    // but its name is still there to read.
    let unit =
        r#"{"version":2,"data":{"id":77,"full_name":"Đồn Biên phòng Hữu Nghị","short_name":5}}"#;
    let label = record_label(unit);
    assert_eq!(
        name_unreadable(Lang::Vi, "thidua.unit.77", &label, &ws),
        "đơn vị «Đồn Biên phòng Hữu Nghị»"
    );
    assert_eq!(
        name_unreadable(Lang::En, "thidua.aside.1.thidua.unit.77", &label, &ws),
        "unit “Đồn Biên phòng Hữu Nghị”"
    );
    let meeting = format!(
        r#"{{"version":2,"data":{{"id":9,"cluster":{},"year":2023,"rounds":"x"}}}}"#,
        cluster.0
    );
    assert_eq!(
        name_unreadable(Lang::Vi, "thidua.meeting.9", &record_label(&meeting), &ws),
        format!("Hội nghị {} năm 2023", ws.cluster_name(cluster))
    );
    let cluster_text = r#"{"version":2,"data":{"id":5,"name":"Cụm 3","units":"?"}}"#;
    assert_eq!(
        name_unreadable(
            Lang::En,
            "thidua.cluster.5",
            &record_label(cluster_text),
            &ws
        ),
        "cluster “Cụm 3”"
    );
    // Not JSON: by its kind, as before.
    assert_eq!(
        name_unreadable(Lang::Vi, "thidua.unit.77", &record_label("{oops"), &ws),
        "một bản ghi đơn vị"
    );
}
