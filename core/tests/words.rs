//! Numbers in words for the minutes, 0–10,000, in both languages.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use thidua_core::i18n::{count_in_words, number_in_words, Lang};

#[test]
fn vietnamese_words_follow_the_reading_rules() {
    let cases = [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (999, "chín trăm chín mươi chín"),
        (1_000, "một nghìn"),
        (1_001, "một nghìn không trăm linh một"),
        (1_010, "một nghìn không trăm mười"),
        (1_100, "một nghìn một trăm"),
        (1_234, "một nghìn hai trăm ba mươi tư"),
        (2_024, "hai nghìn không trăm hai mươi tư"),
        (5_005, "năm nghìn không trăm linh năm"),
        (9_999, "chín nghìn chín trăm chín mươi chín"),
        (10_000, "mười nghìn"),
    ];
    for (n, words) in cases {
        assert_eq!(number_in_words(Lang::Vi, n), words, "{n}");
    }
}

#[test]
fn english_words() {
    let cases = [
        (0, "zero"),
        (7, "seven"),
        (13, "thirteen"),
        (20, "twenty"),
        (42, "forty-two"),
        (100, "one hundred"),
        (105, "one hundred and five"),
        (1_000, "one thousand"),
        (1_005, "one thousand and five"),
        (1_234, "one thousand two hundred and thirty-four"),
        (10_000, "ten thousand"),
    ];
    for (n, words) in cases {
        assert_eq!(number_in_words(Lang::En, n), words, "{n}");
    }
}

/// Every number from 0 to 10,000 has its own words, made of known words
/// separated by single spaces.
#[test]
fn every_count_up_to_ten_thousand_reads_uniquely() {
    let vi_words: HashSet<&str> = [
        "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín",
        "mười", "mươi", "trăm", "linh", "nghìn",
    ]
    .into_iter()
    .collect();
    for lang in [Lang::Vi, Lang::En] {
        let mut seen = HashSet::new();
        for n in 0..=10_000 {
            let words = number_in_words(lang, n);
            assert!(
                !words.contains("  ") && words.trim() == words,
                "{n}: {words:?}"
            );
            if lang == Lang::Vi {
                assert!(
                    words.split(' ').all(|w| vi_words.contains(w)),
                    "{n}: {words}"
                );
            }
            assert!(
                seen.insert(words.clone()),
                "{n} reads like another: {words}"
            );
        }
    }
}

#[test]
fn counts_in_minutes_style() {
    assert_eq!(count_in_words(Lang::Vi, 8), "08 (tám)");
    assert_eq!(count_in_words(Lang::Vi, 0), "00 (không)");
    assert_eq!(
        count_in_words(Lang::Vi, 1_234),
        "1.234 (một nghìn hai trăm ba mươi tư)"
    );
    assert_eq!(count_in_words(Lang::En, 8), "08 (eight)");
    assert_eq!(
        count_in_words(Lang::En, 1_234),
        "1,234 (one thousand two hundred and thirty-four)"
    );
}
