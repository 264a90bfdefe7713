//! Pure functions computed from the domain: leader rotation and the
//! cluster's history. They cannot fail and touch nothing outside.

pub mod history;
pub mod rotation;
pub mod scoring;
pub mod tally;
