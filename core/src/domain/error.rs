//! Why an edit was refused: `DomainError`, one variant per reason.
//!
//! Each variant names the field it belongs to.

use super::{ClusterId, Points, ReconcileError, UnitId, YEAR_RANGE};

/// Why an edit was refused. Each names the field it belongs to, so the
/// screen can show it beside that field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("the unit's full name is empty")]
    EmptyUnitName,
    #[error("the cluster's name is empty")]
    EmptyClusterName,
    #[error("a unit named {name:?} already exists")]
    DuplicateUnitName { name: String },
    #[error("a cluster named {name:?} already exists")]
    DuplicateClusterName { name: String },
    #[error("the new record's id is already in use")]
    IdInUse,
    #[error("unit {0} does not exist")]
    UnknownUnit(UnitId),
    #[error("cluster {0} does not exist")]
    UnknownCluster(ClusterId),
    #[error("the cluster has no year {0}")]
    UnknownYear(u16),
    #[error("year {0} is outside {min}–{max}", min = YEAR_RANGE.start(), max = YEAR_RANGE.end())]
    YearOutOfRange(u16),
    #[error("year {0} already exists in this cluster")]
    YearExists(u16),
    #[error("unit {0} is already in this cluster")]
    UnitAlreadyInCluster(UnitId),
    #[error("unit {0} is not in this cluster")]
    UnitNotInCluster(UnitId),
    #[error("unit {unit} is a member in year {year}; remove it from that year first")]
    UnitStillMember { unit: UnitId, year: u16 },
    #[error("the leader unit is not a member this year")]
    LeaderNotMember,
    #[error("the deputy unit is not a member this year")]
    DeputyNotMember,
    #[error("the leader and the deputy are the same unit")]
    LeaderIsDeputy,
    #[error("a hand-over needs a leader unit this year")]
    HandoverWithoutLeader,
    #[error("the hand-over is from this year's leader; remove it before changing the leader")]
    HandoverNotFromLeader,
    #[error("the flag cannot be handed over to the unit that holds it")]
    HandoverToSelf,
    #[error("a vote is in progress; end it before deleting")]
    VoteInProgress,
    /// The step would change or drop this round (its award) while it is in
    /// progress: files and snapshots hold no ballots of an open round
    /// (`exchange::seal`), so nothing could bring them back.
    #[error("the round {0:?} is in progress: this step would lose its ballots")]
    VoteWouldBeLost(String),
    /// A round of the year's meeting has opened: its places and roll were
    /// counted from the members, so they can no longer change.
    #[error("the year's members cannot change once a round has opened")]
    MembersFrozenByVote,
    /// The edit is on screen but storage did not take it, for this
    /// reason (worded where shown, in the language of the moment); it is
    /// never reported as saved.
    #[error("the change is not saved: {0}")]
    NotSaved(crate::storage_error::StorageError),
    /// Another tab changed what this form or edit started from: nothing was
    /// changed here, and the screen now shows the newer values.
    #[error("the data was changed in another tab")]
    ChangedInAnotherTab,
    /// The vote's lock could not be written (storage full): the step is
    /// refused, or two tabs could run one vote.
    #[error("the vote's lock could not be kept: {0}")]
    VoteLockFailed(crate::storage_error::StorageError),
    #[error("the meeting does not exist")]
    UnknownMeeting,
    #[error("this year already has a meeting")]
    MeetingExists,
    #[error("a counting committee has 3 to 5 members, not {0}")]
    CommitteeSize(usize),
    #[error("a committee member has no name")]
    CommitteeMemberWithoutName,
    #[error("a delegate of unit {0} has no name")]
    DelegateWithoutName(UnitId),
    #[error("the round does not exist")]
    UnknownRound,
    #[error("the award is empty")]
    EmptyAward,
    #[error("the award {0:?} is in the regulation twice")]
    AwardInRegulationTwice(String),
    #[error("the cluster has no meeting in an earlier year")]
    NoEarlierMeeting,
    #[error("the round has no candidates")]
    NoCandidates,
    #[error("the quota gives no place to fill")]
    QuotaZero,
    #[error("the round has already been opened")]
    RoundNotDraft,
    #[error("the round is not open")]
    RoundNotOpen,
    #[error("the round is not closed")]
    RoundNotClosed,
    #[error("another round is open")]
    AnotherRoundOpen,
    #[error("an earlier round has not been held yet")]
    EarlierRoundNotClosed,
    #[error("a round is open; its roll is frozen")]
    RoundIsOpen,
    #[error("the PIN needs at least 4 characters")]
    PinTooShort,
    #[error("wrong PIN")]
    WrongPin,
    #[error("nobody is entitled to vote")]
    NoVoters,
    #[error("voting has started; presence is frozen")]
    VotingStarted,
    #[error("not on the roll")]
    NotOnRoll,
    #[error("the laptop is locked: the operator's PIN is needed")]
    BoothLocked,
    #[error("no quorum: {present} of {entitled} present")]
    NoQuorum { present: u32, entitled: u32 },
    #[error("the voter is not marked present")]
    NotPresent,
    #[error("this voter has already voted")]
    AlreadyVoted,
    #[error("no ballot is being filled")]
    NoBallotInProgress,
    #[error("a unit on the ballot is not a candidate")]
    NotACandidate,
    #[error("more approvals than places")]
    TooManyApprovals,
    #[error("a delegate may not approve their own unit in this round")]
    SelfVote,
    #[error("the round has no tie and no place left")]
    NoRunoffNeeded,
    #[error("a runoff of this round is already prepared")]
    RunoffExists,
    #[error("a later round has already opened; a runoff would change its candidates")]
    LaterRoundStarted,
    #[error("the item has no name")]
    EmptyCriterionName,
    #[error("the item's maximum must be above zero")]
    ZeroMax,
    #[error("the item does not exist")]
    UnknownCriterion,
    #[error("{points:?} exceeds the maximum {max:?}")]
    ScoreOverMax { points: Points, max: Points },
    #[error("unit {0} is not a member this year")]
    NotAMember(UnitId),
    #[error("a score must be a number from 0, with at most two decimals")]
    NotAScore,
    #[error("a metric has a value but no name")]
    MetricWithoutName,
    #[error("{present} present is more than the {entitled} entitled voters")]
    PresentOverEntitled { present: u32, entitled: u32 },
    #[error("the count does not reconcile: {0}")]
    Count(ReconcileError),
    #[error("unit {0} is not a candidate in this round")]
    NotACandidateUnit(UnitId),
    #[error("the candidates changed after the ballot papers were printed")]
    PapersOutdated,
    #[error("entry pass {0} is finished")]
    PassFinished(u32),
    #[error("no ballot to take back")]
    NothingToUndo,
    #[error("entry pass {0} has no ballots")]
    NoBallotsEntered(u32),
    #[error("both entry passes must be finished first")]
    PassNotFinished,
    #[error("the two passes agree on ballot {0}")]
    NoDifferenceAt(u32),
    #[error("settle ballot {0} first")]
    SettleInOrder(u32),
    #[error("the two passes differ on {0} ballots")]
    PassesDiffer(u32),
    #[error("{0:?} is not a whole number from 0")]
    NotACount(String),
    #[error("{0:?} is not a candidate's number on the paper")]
    NotOnPaper(String),
    #[error("the council's name is empty")]
    EmptyCouncilName,
    #[error("the council's year cannot change once files were received")]
    CouncilYearFixed,
    #[error("award {0:?} has two limits")]
    DuplicateAwardLimit(String),
    #[error("the file is of year {file}, the council's of year {council}")]
    CouncilWrongYear { file: u16, council: u16 },
    #[error("no such received file")]
    UnknownReceivedFile,
    #[error("a fingerprint is 16 hex digits")]
    FingerprintShape,
    #[error("no nominee to vote on")]
    NoNominees,
    #[error("the council has no members to vote")]
    NoCouncilMembers,
}
