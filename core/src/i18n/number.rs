//! Numbers the Vietnamese way: `1.234.567` (dot between thousands) in
//! Vietnamese, `1,234,567` in English.

use super::Lang;

pub fn format_integer(lang: Lang, value: i64) -> String {
    let separator = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (idx, digit) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A share in hundredths of a percent, two decimals: `87,50%` / `87.50%`.
pub fn format_share(lang: Lang, basis_points: u64) -> String {
    let decimal = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    format!("{}{decimal}{:02}%", basis_points / 100, basis_points % 100)
}

/// Points as written on a score table: `7,5`, `100`, `12,25` (English `7.5`).
pub fn format_points(lang: Lang, points: crate::domain::Points) -> String {
    format_signed_points(lang, i64::from(points.0))
}

/// Hundredths of a point, possibly negative (a total after deductions).
pub fn format_signed_points(lang: Lang, hundredths: i64) -> String {
    let decimal = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    let whole = format_integer(lang, (abs / 100) as i64);
    match abs % 100 {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}{decimal}{}", f / 10),
        f => format!("{sign}{whole}{decimal}{f:02}"),
    }
}

/// A size in MB with one decimal, `1,2 MB` (English `1.2 MB`), or in whole
/// KB below 1 MB (`38 KB`); sizes are counted in the units browsers count
/// their storage in.
pub fn format_megabytes(lang: Lang, units: usize) -> String {
    if units < 1_048_576 {
        return format!("{} KB", format_integer(lang, units.div_ceil(1024) as i64));
    }
    let tenths = (units as u64 * 10 + 524_288) / 1_048_576;
    let decimal = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    format!(
        "{}{decimal}{} MB",
        format_integer(lang, (tenths / 10) as i64),
        tenths % 10
    )
}

/// A moment stored as ISO text (`2024-10-03T09:05:00.000Z`) shown as
/// day/month/year and hour:minute, `03/10/2024 09:05` (the time as
/// written, UTC); text that is not such a moment is shown as it is.
pub fn format_moment(iso: &str) -> String {
    let date = iso
        .get(..10)
        .and_then(|d| d.parse::<crate::domain::Date>().ok());
    let time = iso.get(11..16).filter(|t| {
        t.len() == 5 && t.as_bytes()[2] == b':' && t.bytes().filter(u8::is_ascii_digit).count() == 4
    });
    match (date, time) {
        (Some(date), Some(time)) => format!("{} {time}", date.to_vietnamese()),
        (Some(date), None) => date.to_vietnamese(),
        _ => iso.to_owned(),
    }
}
