//! The hall screen's storage (issue 16): the operator's pin in its own key,
//! never a record (a save is not refused for it, no record's bytes change),
//! and the hall window's reading, which writes nothing.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../core/tests/common/mod.rs"]
mod common;

use common::{cluster_with, year_draft};
use thidua::domain::{ClusterId, MeetingId, RoundId};
use thidua::rules::hall::HallPin;
use thidua::storage::{
    hall_pin, load, read_only, set_hall_pin, MemoryStorage, Persister, HALL_PREFIX,
};

const M: MeetingId = MeetingId(50);

fn stored() -> (MemoryStorage, thidua::domain::Workspace) {
    let mut ws = cluster_with(&["Đơn vị A", "Đơn vị B", "Đơn vị C"]);
    ws.add_year(ClusterId(1), 2024, year_draft(&[0, 1, 2], Some(0), None))
        .expect("year");
    ws.add_meeting(M, ClusterId(1), 2024).expect("meeting");
    let mut store = MemoryStorage::default();
    Persister::default()
        .save_workspace(&mut store, &ws)
        .expect("save");
    (store, ws)
}

#[test]
fn a_pin_is_kept_in_its_own_key_and_read_back() {
    let (mut store, _) = stored();
    let records = store.entries.clone();
    assert_eq!(hall_pin(&store, M), None);
    set_hall_pin(&mut store, M, Some(HallPin::Agenda)).expect("pin");
    assert_eq!(
        store.entries.get("thidua.hall.50").map(String::as_str),
        Some(r#"{"show":"agenda"}"#)
    );
    assert_eq!(hall_pin(&store, M), Some(HallPin::Agenda));
    set_hall_pin(&mut store, M, Some(HallPin::Results(RoundId(61)))).expect("pin");
    assert_eq!(
        store.entries.get("thidua.hall.50").map(String::as_str),
        Some(r#"{"round":61,"show":"results"}"#)
    );
    assert_eq!(hall_pin(&store, M), Some(HallPin::Results(RoundId(61))));
    // Following again: no key at all, and every record as it was.
    set_hall_pin(&mut store, M, None).expect("follow");
    assert_eq!(store.entries, records);
    // Anything else under the key is no pin.
    for text in [
        "",
        "{}",
        r#"{"show":"results"}"#,
        r#"{"show":"agenda","round":1}"#,
        "[1]",
    ] {
        store
            .entries
            .insert(format!("{HALL_PREFIX}50"), text.to_owned());
        assert_eq!(hall_pin(&store, M), None, "{text}");
    }
}

#[test]
fn a_pin_written_by_another_window_does_not_refuse_a_save() {
    let (mut store, ws) = stored();
    let mut loaded = load(&mut store).expect("load");
    set_hall_pin(&mut store, M, Some(HallPin::Agenda)).expect("pin");
    let mut edited = ws.clone();
    edited
        .update_meeting(
            M,
            thidua::domain::MeetingDetails {
                place: "Hà Nội".into(),
                ..Default::default()
            },
            thidua::domain::Fraction::two_thirds(),
            true,
        )
        .expect("edit");
    loaded
        .persister
        .save_workspace(&mut store, &edited)
        .expect("a pin is not a record another tab changed");
    // And a reload leaves the pin alone (not set aside as unreadable).
    let again = load(&mut store).expect("load");
    assert!(again.set_aside.is_empty());
    assert_eq!(hall_pin(&store, M), Some(HallPin::Agenda));
}

#[test]
fn the_hall_window_reads_without_writing_even_an_unreadable_record() {
    let (mut store, ws) = stored();
    store
        .entries
        .insert("thidua.unit.999".into(), "not json".into());
    let before = store.entries.clone();
    let seen = read_only(&store, true).expect("read");
    assert_eq!(seen.workspace.units().len(), ws.units().len());
    assert_eq!(seen.set_aside.len(), 1);
    assert_eq!(seen.set_aside[0].kept_under, None, "nothing moved");
    assert_eq!(store.entries, before, "storage untouched");
    // The app's own start-up would have moved it aside: the reading above
    // is what keeps the hall window from doing so.
    load(&mut store).expect("load");
    assert_ne!(store.entries, before);
}
