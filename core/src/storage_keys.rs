//! The keys the app's records are stored under in the browser's storage:
//! written by the web shell, read back by it and named for users by `i18n`
//! (one list, so the two cannot disagree).

/// Every key of the app starts with this.
pub const PREFIX: &str = "thidua.";
pub const SETTINGS_KEY: &str = "thidua.settings";
/// The import choices remembered (`exchange::KeptChoices`).
pub const KEPT_KEY: &str = "thidua.kept";
/// `thidua.unit.<id>`.
pub const UNIT_PREFIX: &str = "thidua.unit.";
/// `thidua.cluster.<id>`.
pub const CLUSTER_PREFIX: &str = "thidua.cluster.";
/// `thidua.meeting.<id>`.
pub const MEETING_PREFIX: &str = "thidua.meeting.";
/// Where unreadable records are kept: `thidua.aside.<n>.<original key>`.
pub const ASIDE_PREFIX: &str = "thidua.aside.";
/// Copies of the whole workspace taken before imports and deletions:
/// `thidua.snapshot.<000042>`, numbered in the order taken.
pub const SNAPSHOT_PREFIX: &str = "thidua.snapshot.";
/// The operator's pin of a meeting's hall screen: `thidua.hall.<meeting
/// id>`; no key while the hall follows the meeting.
pub const HALL_PREFIX: &str = "thidua.hall.";
/// A council-year of the higher council (issue 17): `thidua.council.<id>`.
pub const COUNCIL_PREFIX: &str = "thidua.council.";
/// Which tab runs a round in progress: `thidua.lock.<meeting id>`.
pub const LOCK_PREFIX: &str = "thidua.lock.";
