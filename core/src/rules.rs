//! Pure computations from the domain (never the reverse): leader rotation,
//! the cluster's history, the tally's decision and what a meeting's rounds
//! take from it, the ranking of scores, what the hall's projector shows.
//! They touch nothing outside; the edits here (a new year, opening a
//! round, a runoff) go through the domain's validated edits.

pub mod checklist;
pub mod council;
pub mod hall;
pub mod history;
pub mod rotation;
pub mod rounds;
pub mod scoring;
pub mod tally;
