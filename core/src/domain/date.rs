//! A calendar date without time zone: stored as `2024-10-03`, shown and
//! typed day/month/year (`03/10/2024`).

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (30 February, month 13, …).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Day/month/year, `03/10/2024`: the one form dates are shown in on
    /// screen, in both languages (the Vietnamese convention).
    pub fn to_vietnamese(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// Reads a date as typed in a date field: day/month/year with `/`, `-`
    /// or `.` between (`3/10/2024`, `03/10/2024`, `3-10-2024`,
    /// `3.10.2024`), or the ISO form `2024-10-03` (pasted, or filled by a
    /// test). The year has four digits; an impossible date (31/02/2024)
    /// gives `None`.
    pub fn parse_dmy(text: &str) -> Option<Date> {
        let text = text.trim();
        let separator = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
        let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        let numeric = |p: &str, max_len: usize| {
            !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())
        };
        let (y, m, d) = if separator == '-' && a.len() == 4 {
            (*a, *b, *c)
        } else {
            (*c, *b, *a)
        };
        if y.len() != 4 || !numeric(y, 4) || !numeric(m, 2) || !numeric(d, 2) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl fmt::Display for Date {
    /// ISO form, `2024-10-03`, the form stored in files and storage (screens
    /// show `to_vietnamese`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = ();

    /// Reads the ISO form `YYYY-MM-DD` and nothing else.
    fn from_str(text: &str) -> Result<Date, ()> {
        let mut parts = text.trim().split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(());
        }
        let year = y.parse().map_err(|_| ())?;
        let month = m.parse().map_err(|_| ())?;
        let day = d.parse().map_err(|_| ())?;
        Date::new(year, month, day).ok_or(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Date;
    use proptest::prelude::*;

    fn date(y: u16, m: u8, d: u8) -> Option<Date> {
        Date::new(y, m, d)
    }

    #[test]
    fn reads_day_month_year_in_its_usual_spellings_and_iso() {
        let third_october = date(2024, 10, 3);
        for text in [
            "3/10/2024",
            "03/10/2024",
            "3-10-2024",
            "3.10.2024",
            " 03 / 10 / 2024 ",
            "2024-10-03",
        ] {
            assert_eq!(Date::parse_dmy(text), third_october, "{text}");
        }
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for text in [
            "31/02/2024",
            "29/02/2023",
            "0/10/2024",
            "3/13/2024",
            "3/10/24",
            "3/10",
            "3/10/2024/1",
            "3/10-2024",
            "a/10/2024",
            "+3/10/2024",
            "",
            "10/03",
        ] {
            assert_eq!(Date::parse_dmy(text), None, "{text}");
        }
        assert_eq!(Date::parse_dmy("29/02/2024"), date(2024, 2, 29));
    }

    #[test]
    fn shows_day_month_year() {
        let shown = date(2024, 10, 3).map(Date::to_vietnamese);
        assert_eq!(shown.as_deref(), Some("03/10/2024"));
    }

    proptest! {
        #[test]
        fn shown_then_read_is_the_same_date(y in 1000u16..=9999, m in 1u8..=12, d in 1u8..=31) {
            if let Some(day) = Date::new(y, m, d) {
                prop_assert_eq!(Date::parse_dmy(&day.to_vietnamese()), Some(day));
                prop_assert_eq!(Date::parse_dmy(&day.to_string()), Some(day));
            }
        }
    }
}
