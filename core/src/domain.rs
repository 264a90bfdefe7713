//! Plain data of the product: units, clusters, emulation years, hand-overs.
//! No I/O and no web types; see `rules` for what is computed from it.

mod ballot;
mod booth;
mod clusters;
mod council;
mod count;
mod date;
mod dossier;
mod error;
pub mod form;
mod ids;
mod meeting;
pub mod merge;
mod paper;
mod regulation;
mod round;
mod runoff;
mod score_edits;
mod scoring;
mod shared;
mod unit_list;
mod units;
mod workspace;
mod years;

pub use ballot::{
    Approvals, BallotBox, BlankBallot, Comparison, Fraction, Quota, RoundRules, ShareBase,
    Threshold, TieBreak, MAX_COUNT,
};
pub use booth::{pin_digest, Booth, BoothScreen};
pub use clusters::{cluster_name_key, Cluster, ClusterDraft, Shift};
pub use council::{
    fingerprint_typed, group_fingerprint, AwardLimit, Council, CouncilDraft, CouncilId, PaperCheck,
    Receipt, ReceivedFile, ReceivedRound, Standing,
};
pub use count::{
    ballot_validity, quorum_met, reconcile, totals_from_ballots, Invalidity, ReconcileError, Roll,
    Totals,
};
pub use date::Date;
pub use dossier::{NominationLetter, ReportSections};
pub use error::DomainError;
pub use ids::{ClusterId, UnitId};
pub use meeting::{
    ClosedCount, CommitteeMember, CommitteeRole, CountSource, Delegate, Meeting, MeetingDetails,
    MeetingId, Round, RoundCandidates, RoundDraft, RoundId, RoundKind, RoundState, Voter, VoterId,
    Voters, COMMON_AWARDS,
};
pub use paper::{
    ballot_box_of, candidate_for_key, compare_passes, entry_key, parse_count, parse_reading,
    Difference, HandTotals, PaperBallot, PaperCount, PaperPass, Pass, Settlement,
};
pub use regulation::{AwardRules, Regulation, RuleSetting, WhoVotes};
pub use scoring::{
    parse_score, sample_criteria, AchievementReport, CriteriaTable, Criterion, CriterionDraft,
    CriterionId, ItemKind, Metric, Points, ScoreInputError, ScoreSheet, Scorer, UnitScores,
};
pub use shared::Shared;
pub use unit_list::{loose_name_key, read_pasted_units, Collision, LineFlag, PastedLine};
pub use units::{unit_name_key, Unit, UnitDraft};
pub use workspace::Workspace;
pub use years::{EmulationYear, Handover, YearDraft, YEAR_RANGE};
