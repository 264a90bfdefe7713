//! Plain data of the product: units, clusters, emulation years, hand-overs.
//! No I/O and no web types; see `rules` for what is computed from it.

mod ballot;
mod count;
mod date;
pub mod form;
mod ids;
mod meeting;
pub mod merge;
mod paper;
mod scoring;
mod workspace;

pub use ballot::{
    Approvals, BallotBox, BlankBallot, Comparison, Fraction, Quota, RoundRules, ShareBase,
    Threshold, TieBreak, MAX_COUNT,
};
pub use count::{
    ballot_validity, quorum_met, reconcile, totals_from_ballots, Invalidity, ReconcileError, Roll,
    Totals,
};
pub use date::Date;
pub use ids::{ClusterId, UnitId};
pub use meeting::{
    pin_digest, Booth, BoothScreen, ClosedCount, CommitteeMember, CountSource, Delegate, Meeting,
    MeetingDetails, MeetingId, Round, RoundCandidates, RoundDraft, RoundId, RoundKind, RoundState,
    Voter, VoterId, Voters, COMMON_AWARDS,
};
pub use paper::{
    ballot_box_of, candidate_for_key, compare_passes, entry_key, parse_count, parse_reading,
    Difference, HandTotals, PaperBallot, PaperCount, PaperPass, Pass, Settlement,
};
pub use scoring::{
    sample_criteria, AchievementReport, CriteriaTable, Criterion, CriterionDraft, CriterionId,
    ItemKind, Metric, Points, ScoreSheet, Scorer, UnitScores,
};
pub use workspace::{
    cluster_name_key, unit_name_key, Cluster, ClusterDraft, DomainError, EmulationYear, Handover,
    Shift, Unit, UnitDraft, Workspace, YearDraft, YEAR_RANGE,
};
