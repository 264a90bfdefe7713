//! Numbers written in words, the way minutes write counts: "08 (tám)
//! phiếu", "1.234 (một nghìn hai trăm ba mươi tư)".

use super::{format_integer, Lang};

const VI_DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// Vietnamese words for 0–99 standing alone or after hundreds
/// (`after_hundreds`: "linh" before a lone digit).
fn vi_tens(n: u32, after_hundreds: bool) -> String {
    let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
    match (tens, units) {
        (0, 0) => String::new(),
        (0, u) if after_hundreds => format!("linh {}", VI_DIGITS[u]),
        (0, u) => VI_DIGITS[u].to_owned(),
        (1, 0) => "mười".to_owned(),
        (1, 5) => "mười lăm".to_owned(),
        (1, u) => format!("mười {}", VI_DIGITS[u]),
        (t, 0) => format!("{} mươi", VI_DIGITS[t]),
        (t, 1) => format!("{} mươi mốt", VI_DIGITS[t]),
        (t, 4) => format!("{} mươi tư", VI_DIGITS[t]),
        (t, 5) => format!("{} mươi lăm", VI_DIGITS[t]),
        (t, u) => format!("{} mươi {}", VI_DIGITS[t], VI_DIGITS[u]),
    }
}

/// Vietnamese words for 0–999; `full` reads a leading zero hundred
/// ("không trăm") as inside a larger number.
fn vi_hundreds(n: u32, full: bool) -> String {
    let hundreds = (n / 100) as usize;
    let rest = n % 100;
    if hundreds == 0 && !full {
        return vi_tens(rest, false);
    }
    let head = format!("{} trăm", VI_DIGITS[hundreds]);
    if rest == 0 {
        head
    } else {
        format!("{head} {}", vi_tens(rest, true))
    }
}

fn vietnamese(n: u32) -> String {
    if n == 0 {
        return "không".to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    let groups = [
        (1_000_000_000, "tỷ"),
        (1_000_000, "triệu"),
        (1_000, "nghìn"),
    ];
    let mut rest = n;
    let mut started = false;
    for (size, name) in groups {
        let group = rest / size;
        rest %= size;
        if group > 0 {
            parts.push(format!("{} {name}", vi_hundreds(group, started)));
            started = true;
        }
    }
    if rest > 0 {
        parts.push(vi_hundreds(rest, started));
    }
    parts.join(" ")
}

const EN_SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn en_hundreds(n: u32) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let tens = match rest {
        0 => String::new(),
        1..=19 => EN_SMALL[rest as usize].to_owned(),
        _ if rest % 10 == 0 => EN_TENS[(rest / 10) as usize].to_owned(),
        _ => format!(
            "{}-{}",
            EN_TENS[(rest / 10) as usize],
            EN_SMALL[(rest % 10) as usize]
        ),
    };
    match (hundreds, tens.is_empty()) {
        (0, _) => tens,
        (h, true) => format!("{} hundred", EN_SMALL[h as usize]),
        (h, false) => format!("{} hundred and {tens}", EN_SMALL[h as usize]),
    }
}

fn english(n: u32) -> String {
    if n == 0 {
        return "zero".to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut rest = n;
    for (size, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        let group = rest / size;
        rest %= size;
        if group > 0 {
            parts.push(format!("{} {name}", en_hundreds(group)));
        }
    }
    if rest > 0 {
        if !parts.is_empty() && rest < 100 {
            parts.push(format!("and {}", en_hundreds(rest)));
        } else {
            parts.push(en_hundreds(rest));
        }
    }
    parts.join(" ")
}

/// `n` in words, lower case.
pub fn number_in_words(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Vi => vietnamese(n),
        Lang::En => english(n),
    }
}

/// A count as minutes write it: two digits at least, then the words —
/// "08 (tám)", "1.234 (một nghìn hai trăm ba mươi tư)".
pub fn count_in_words(lang: Lang, n: u32) -> String {
    let digits = if n < 10 {
        format!("{n:02}")
    } else {
        format_integer(lang, i64::from(n))
    };
    format!("{digits} ({})", number_in_words(lang, n))
}
