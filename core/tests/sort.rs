//! The app's one stable sort agrees with the standard library's.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use thidua_core::sort::{sort, sort_by, sort_by_key};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Keys repeat often, so stability is tested: the tag keeps the order.
    #[test]
    fn sorts_like_std(items in prop::collection::vec((0u8..6, any::<u16>()), 0..70)) {
        let mut expected = items.clone();
        expected.sort_by_key(|item| item.0);
        let mut mine = items.clone();
        sort_by_key(&mut mine, |item| item.0);
        prop_assert_eq!(&mine, &expected);

        let mut descending = items.clone();
        sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
        expected.sort_by_key(|item| std::cmp::Reverse(item.0));
        prop_assert_eq!(&descending, &expected);

        let mut whole = items.clone();
        sort(&mut whole);
        let mut std_whole = items;
        std_whole.sort();
        prop_assert_eq!(whole, std_whole);
    }
}

#[test]
fn small_cases() {
    let mut empty: Vec<u8> = Vec::new();
    sort(&mut empty);
    assert!(empty.is_empty());
    let mut one = vec![7];
    sort(&mut one);
    assert_eq!(one, [7]);
    let mut names = vec!["Ba", "An", "Chi", "An"];
    sort(&mut names);
    assert_eq!(names, ["An", "An", "Ba", "Chi"]);
}
