//! Property tests of leader rotation.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use thidua_core::domain::{EmulationYear, UnitId};
use thidua_core::rules::rotation::{next_after, next_leader};

proptest! {
    /// The proposed leader is always a member of the next year, and is not
    /// this year's leader unless that unit is the only member.
    #[test]
    fn proposed_leader_is_a_member(n_units in 1usize..12, member_mask in any::<u16>(), leader_idx in 0usize..12) {
        let rotation: Vec<UnitId> = (0..n_units as u64).map(UnitId).collect();
        let members: Vec<UnitId> = rotation.iter().copied().filter(|u| member_mask & (1 << u.0) != 0).collect();
        let leader = members.get(leader_idx % members.len().max(1)).copied();
        let year = EmulationYear { year: 2024, members: members.clone(), leader, deputy: None, handover: None, criteria: Default::default(), scores: Default::default(), reports: Default::default() };
        let proposed = next_leader(&rotation, &members, &year);
        prop_assert_eq!(proposed.is_some(), !members.is_empty());
        if let Some(p) = proposed {
            prop_assert!(members.contains(&p));
            if members.len() > 1 {
                prop_assert_ne!(Some(p), leader);
            }
        }
        // Going round the rotation visits every member exactly once.
        if let Some(first) = members.first().copied() {
            let mut seen = vec![first];
            let mut current = first;
            while let Some(next) = next_after(&rotation, &members, current) {
                if next == first { break; }
                prop_assert!(!seen.contains(&next));
                seen.push(next);
                current = next;
            }
            prop_assert_eq!(seen.len(), members.len());
        }
    }
}
