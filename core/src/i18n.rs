//! Languages, the message catalogue (Vietnamese first, English second) and
//! Vietnamese number formats. Pure: the shell picks the language.

mod ballot_text;
mod catalogue;
mod chart_label;
mod council_text;
mod errors;
mod number;
mod part_text;
mod record_name;
pub mod screen_text;
mod words;

pub use ballot_text::{
    describe_base, describe_paper_ballot, describe_quota, describe_reconcile_error,
    describe_regulation, describe_status, describe_threshold, describe_tie_break,
    describe_validity,
};
pub use catalogue::Text;
pub use chart_label::chart_label;
pub use council_text::{
    council_title, describe_flag, describe_paper_check, describe_paper_outcome, describe_receipt,
    describe_round_problem, describe_standing, file_fingerprint, files_not_kept, not_a_limit,
    not_a_share, not_a_year,
};
pub use errors::{
    describe_domain_error, describe_file_error, describe_integrity_problem, describe_merge_error,
    describe_record_error, describe_round_in_another_tab, describe_snapshot_failed,
    describe_storage_error,
};
pub use number::{
    format_integer, format_megabytes, format_moment, format_points, format_share,
    format_signed_points,
};
pub use part_text::{describe_part, record_kind};
pub use record_name::{
    name_kind, name_record, name_stored, name_unreadable, stored_record, RecordKind, StoredRecord,
};
pub use words::{count_in_words, number_in_words};

/// The interface language, defined below `exchange` (which stores it) and
/// named `i18n::Lang` everywhere else.
pub use crate::lang::Lang;

use crate::domain::CommitteeRole;

/// Picking the words of a language.
impl Lang {
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

/// A counting-committee member's role in `lang`, as a form offers it and a
/// document prints it; a role typed by the user is printed as typed.
pub fn committee_role(lang: Lang, role: &CommitteeRole) -> String {
    match role {
        CommitteeRole::Head => Text::RoleHead.in_lang(lang).to_owned(),
        CommitteeRole::Member => Text::RoleMember.in_lang(lang).to_owned(),
        CommitteeRole::Other(text) => text.clone(),
    }
}
