//! Why the browser's storage failed: a plain value the shell reports and `i18n` words.

/// Why storage failed. Each says which key, and the browser's reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("the browser's storage cannot be used: {0}")]
    Unavailable(String),
    /// The browser refused the write for want of room; `reason` is its
    /// own (the DOMException's name and message).
    #[error("storage is full while writing {key}: {reason}")]
    QuotaExceeded { key: String, reason: String },
    #[error("writing {key} failed: {reason}")]
    WriteFailed { key: String, reason: String },
    #[error("reading {key} failed: {reason}")]
    ReadFailed { key: String, reason: String },
    #[error("{key} reads back differently from what was written")]
    ReadBackMismatch { key: String },
    #[error("{key} was changed by another tab or window since this one read it")]
    ChangedElsewhere { key: String },
    #[error("no room for a snapshot of {needed} units")]
    NoRoomForSnapshot { needed: usize },
    /// The snapshot's record or data is refused as a file's would be
    /// (coded, worded where shown).
    #[error("snapshot {key} cannot be read: {error}")]
    BadSnapshot {
        key: String,
        error: crate::exchange::FileError,
    },
    #[error("snapshot {key} is gone")]
    SnapshotGone { key: String },
    /// What another tab is writing does not hold together yet.
    #[error("the stored data does not hold together yet: {problem}")]
    Unsettled {
        problem: crate::domain::merge::IntegrityProblem,
    },
}
