//! Plain data of the product: units, clusters, emulation years, hand-overs.
//! No I/O and no web types; see `rules` for what is computed from it.

mod ballot;
mod date;
mod ids;
pub mod sample;
mod workspace;

pub use ballot::{
    Approvals, BallotBox, BlankBallot, Comparison, Fraction, Quota, RoundRules, ShareBase, Threshold, TieBreak,
};
pub use date::Date;
pub use ids::{ClusterId, UnitId};
pub use workspace::{
    Cluster, ClusterDraft, DomainError, EmulationYear, Handover, Shift, Unit, UnitDraft, Workspace,
    YearDraft, YEAR_RANGE,
};
