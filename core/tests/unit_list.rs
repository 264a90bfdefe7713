//! A pasted list of units: each line read, flagged against the units and the other lines, and added in one edit.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cluster_with, unit, C};
use proptest::prelude::*;
use thidua_core::domain::{
    loose_name_key, read_pasted_units, Collision, DomainError, LineFlag, UnitDraft, UnitId,
};

fn flags(text: &str, existing: &[&str]) -> Vec<(String, LineFlag)> {
    let ws = cluster_with(existing);
    read_pasted_units(text, ws.units())
        .into_iter()
        .map(|l| (l.name, l.flag))
        .collect()
}

#[test]
fn lines_are_trimmed_and_blank_lines_skipped() {
    let read = flags("  Đồn Biên phòng A  \n\n   \n\tLữ đoàn  21 \r\n", &[]);
    assert_eq!(
        read,
        vec![
            ("Đồn Biên phòng A".to_owned(), LineFlag::New),
            ("Lữ đoàn 21".to_owned(), LineFlag::New),
        ]
    );
    assert!(flags("\n \n", &[]).is_empty());
}

#[test]
fn exact_duplicates_are_named_by_the_unit_or_the_earlier_line() {
    let read = flags(
        "cục kỹ thuật\nĐồn A\nĐồn  a\nBộ Tham mưu",
        &["Cục Kỹ thuật", "Bộ Tham mưu"],
    );
    assert_eq!(
        read[0].1,
        LineFlag::Duplicate(Collision::Unit {
            id: unit(0),
            name: "Cục Kỹ thuật".into()
        })
    );
    assert_eq!(read[1].1, LineFlag::New);
    assert_eq!(
        read[2].1,
        LineFlag::Duplicate(Collision::Line {
            index: 1,
            name: "Đồn A".into()
        })
    );
    assert_eq!(
        read[3].1,
        LineFlag::Duplicate(Collision::Unit {
            id: unit(1),
            name: "Bộ Tham mưu".into()
        })
    );
}

#[test]
fn near_duplicates_fold_case_diacritics_and_the_border_guard_suffix() {
    let existing = [
        "Đồn Biên phòng Cửa khẩu Lào Cai",
        "Bộ Chỉ huy BĐBP tỉnh Hà Giang",
    ];
    let read = flags(
        "Don Bien phong Cua khau Lao Cai\n\
         Đồn Biên phòng Cửa khẩu Lào Cai - BĐBP\n\
         BỘ CHỈ HUY BĐBP TỈNH HÀ GIANG (Biên phòng)\n\
         Hải đội 2\n\
         Hai doi 2 BDBP\n\
         Hải đội 3",
        &existing,
    );
    let near_unit = |idx: usize| {
        LineFlag::NearDuplicate(Collision::Unit {
            id: unit(idx),
            name: existing[idx].into(),
        })
    };
    assert_eq!(read[0].1, near_unit(0));
    assert_eq!(read[1].1, near_unit(0));
    assert_eq!(read[2].1, near_unit(1));
    assert_eq!(read[3].1, LineFlag::New);
    assert_eq!(
        read[4].1,
        LineFlag::NearDuplicate(Collision::Line {
            index: 3,
            name: "Hải đội 2".into()
        })
    );
    assert_eq!(read[5].1, LineFlag::New, "another number is another unit");
}

#[test]
fn the_loose_key_keeps_a_name_that_is_only_a_suffix() {
    assert_eq!(loose_name_key("Đồn Biên phòng"), "don");
    assert_eq!(loose_name_key("BĐBP"), "bdbp");
    assert_eq!(loose_name_key("Đại đội  Đặc nhiệm"), "dai doi dac nhiem");
    // Combining marks (a decomposed paste) fold the same as precomposed letters.
    assert_eq!(
        loose_name_key("Lu\u{31b}\u{303} đoàn"),
        loose_name_key("Lữ đoàn")
    );
}

#[test]
fn add_units_adds_all_to_the_cluster_or_none() {
    let mut ws = cluster_with(&["Cục Kỹ thuật"]);
    let draft = |name: &str| UnitDraft {
        full_name: name.into(),
        ..Default::default()
    };
    let before = ws.clone();
    let refused = ws.add_units(
        vec![
            (UnitId(900), draft("Đồn A")),
            (UnitId(901), draft("cục kỹ thuật")),
        ],
        Some(C),
    );
    assert!(matches!(
        refused,
        Err(DomainError::DuplicateUnitName { .. })
    ));
    assert_eq!(ws, before, "a refusal changes nothing");
    ws.add_units(
        vec![(UnitId(900), draft("Đồn A")), (UnitId(901), draft("Đồn B"))],
        Some(C),
    )
    .expect("two new units");
    assert_eq!(ws.units().len(), 3);
    let cluster = ws.cluster(C).expect("cluster");
    assert_eq!(cluster.units(), &[unit(0), UnitId(900), UnitId(901)]);
}

/// Names built from a few look-alike pieces, so that collisions are common.
fn name() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Đồn",
        "đồn",
        "Don",
        "Biên phòng",
        "BĐBP",
        "A",
        "a",
        "Lữ đoàn",
        "21",
        "  ",
    ]);
    prop::collection::vec(piece, 1..4).prop_map(|p| p.join(" "))
}

proptest! {
    #[test]
    fn a_line_never_flags_itself_and_exact_duplicates_do_not_depend_on_order(
        names in prop::collection::vec(name(), 0..8),
        existing in prop::collection::vec(name(), 0..3),
        seed in any::<u64>(),
    ) {
        // Existing units have distinct keys, as the workspace keeps them.
        let mut distinct: Vec<&str> = Vec::new();
        for e in &existing {
            let key = thidua_core::domain::unit_name_key(e);
            if !key.is_empty() && !distinct.iter().any(|d| thidua_core::domain::unit_name_key(d) == key) {
                distinct.push(e);
            }
        }
        let ws = cluster_with(&distinct);
        let read = read_pasted_units(&names.join("\n"), ws.units());
        for (idx, line) in read.iter().enumerate() {
            if let LineFlag::Duplicate(Collision::Line { index, .. })
            | LineFlag::NearDuplicate(Collision::Line { index, .. }) = &line.flag
            {
                prop_assert!(*index < idx, "line {idx} names line {index}");
            }
        }
        // Shuffled, the same names are added: one line per key not on the
        // laptop, whichever line comes first.
        let mut shuffled = names.clone();
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        let again = read_pasted_units(&shuffled.join("\n"), ws.units());
        let not_duplicate = |lines: &[thidua_core::domain::PastedLine]| {
            let mut keys: Vec<String> = lines
                .iter()
                .filter(|l| !matches!(l.flag, LineFlag::Duplicate(_)))
                .map(|l| thidua_core::domain::unit_name_key(&l.name))
                .collect();
            keys.sort();
            keys
        };
        prop_assert_eq!(not_duplicate(&read), not_duplicate(&again));
        let duplicates = |lines: &[thidua_core::domain::PastedLine]| {
            lines.iter().filter(|l| matches!(l.flag, LineFlag::Duplicate(_))).count()
        };
        prop_assert_eq!(duplicates(&read), duplicates(&again));
    }
}
