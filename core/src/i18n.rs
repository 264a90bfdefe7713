//! Languages, the message catalogue (Vietnamese first, English second) and
//! Vietnamese number formats. Pure: the shell picks the language.

mod ballot_text;
mod catalogue;
mod errors;
mod number;
mod part_text;
pub mod screen_text;
mod words;

pub use ballot_text::{
    describe_base, describe_paper_ballot, describe_quota, describe_reconcile_error,
    describe_status, describe_threshold, describe_tie_break, describe_validity,
};
pub use catalogue::Text;
pub use errors::{
    describe_domain_error, describe_file_error, describe_integrity_problem, describe_merge_error,
    describe_record_error, describe_round_in_another_tab, describe_snapshot_failed,
    describe_storage_error,
};
pub use number::{
    format_integer, format_megabytes, format_points, format_share, format_signed_points,
};
pub use part_text::{describe_part, record_kind};
pub use words::{count_in_words, number_in_words};

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// BCP 47 code, also used for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// Picks the Vietnamese or the English form of a fixed string.
    pub fn pick_str(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// Picks the Vietnamese or the English form of a formatted message.
    pub fn pick(self, vi: String, en: String) -> String {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
