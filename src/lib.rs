//! thidua: the yearly work of an emulation cluster, in the browser.
//!
//! The web shell over `thidua-core` (domain, rules, i18n, exchange, sample,
//! documents, sort, routes), re-exported here so `crate::domain::…` keeps
//! its meaning. Reading order: the core, then `storage` (localStorage),
//! `host` (the clock, ids and downloads), `state` (the app store), `ui`.

pub use thidua_core::{documents, domain, exchange, i18n, rules, sample, sort};

pub mod host;
pub mod state;
pub mod storage;
pub mod ui;
