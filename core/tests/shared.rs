//! Copies of the workspace share their clusters' years and their meetings'
//! rounds until one copy changes them (issue 19, `domain::Shared`): a
//! change to a copy never reaches the workspace it was copied from, nor
//! any other copy, and two copies compare equal exactly when their data is.
#![cfg(not(target_arch = "wasm32"))]

use thidua_core::domain::{Points, Scorer, Shared};
use thidua_core::sample::large_workspace;

#[test]
fn a_change_to_a_copy_never_reaches_the_workspace_it_was_copied_from() {
    let original = large_workspace(2, 2, 4).expect("workspace");
    let as_built = large_workspace(2, 2, 4).expect("workspace");
    let cluster = &original.clusters()[0];
    let year = &cluster.years()[0];
    let unit = year.members[0];
    let item = year.criteria.items[0].id;
    let old = year.scores[&unit].by(Scorer::Cluster).get(&item).copied();
    let new = Points::parse("0").expect("points");
    assert_ne!(old, Some(new));

    let mut copy = original.clone();
    let other = original.clone();
    assert_eq!(copy, original);
    copy.set_score(
        cluster.id,
        year.year,
        unit,
        Scorer::Cluster,
        item,
        Some(new),
    )
    .expect("scored");
    let scored = |ws: &thidua_core::domain::Workspace| {
        ws.clusters()[0].years()[0].scores[&unit]
            .by(Scorer::Cluster)
            .get(&item)
            .copied()
    };
    assert_eq!(scored(&copy), Some(new));
    assert_eq!(scored(&original), old);
    assert_eq!(scored(&other), old);
    assert_ne!(copy, original);
    assert_eq!(original, as_built);
    assert_eq!(other, original);

    // A meeting's rounds: the copy's deletion of a closed round is refused
    // and changes nothing; a copy whose rounds were made its own by an
    // edit that changed nothing still equals the original.
    let meeting = original.meetings()[0].id;
    let round = original.meetings()[0].rounds()[0].id;
    let mut copy = original.clone();
    assert!(copy.delete_round(meeting, round).is_err());
    assert_eq!(copy, original);
}

#[test]
fn shared_values_compare_by_content_and_change_alone() {
    let a = Shared::new(vec![1, 2, 3]);
    let mut b = a.clone();
    let c = Shared::new(vec![1, 2, 3]);
    assert_eq!(a, b);
    assert_eq!(a, c);
    b.push(4);
    assert_eq!(*a, vec![1, 2, 3]);
    assert_eq!(*b, vec![1, 2, 3, 4]);
    assert_ne!(a, b);
    for x in &mut b {
        *x *= 2;
    }
    assert_eq!(*b, vec![2, 4, 6, 8]);
    assert_eq!(*a, vec![1, 2, 3]);
}

/// Start-up drops a ballot left half-filled by a reload; a workspace with
/// none must come out still sharing every meeting's rounds with the copy
/// as last saved (a mutable pass over them copied all 200 meetings' rounds
/// of the large workspace at every start-up, and the first save then
/// compared them in full).
#[test]
fn start_up_with_no_ballot_being_filled_copies_no_rounds() {
    let mut loaded = large_workspace(2, 3, 4).expect("workspace");
    let saved = loaded.clone();
    loaded.interrupt_open_ballots(&[]);
    assert!(!loaded.meetings().is_empty());
    for (now, before) in loaded.meetings().iter().zip(saved.meetings()) {
        assert!(!now.rounds().is_empty());
        assert!(
            std::ptr::eq(now.rounds().as_ptr(), before.rounds().as_ptr()),
            "meeting {:?}: its rounds were copied",
            now.id
        );
    }
    assert_eq!(loaded, saved);
}
