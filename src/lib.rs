//! thidua: the yearly work of an emulation cluster, in the browser.
//!
//! Reading order: `domain` (plain data and edits), `rules` (pure
//! computations), `i18n` (languages and formats), `exchange` (the stored
//! format), `storage` (localStorage), `state` (the app store), `ui`.

pub mod documents;
pub mod domain;
pub mod exchange;
pub mod i18n;
pub mod rules;
pub mod sort;
pub mod state;
pub mod storage;
pub mod ui;
