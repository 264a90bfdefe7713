//! thidua-core: the pure core of thidua, with no browser crate (checked by
//! `cargo tree -p thidua-core` in `make lint`).
//!
//! Reading order: `domain` (plain data and edits), `rules` (pure
//! computations), `i18n` (languages and formats), `exchange` (the stored
//! format), `documents` (printable reports), `sample` (the sample cluster, built
//! through the edits), `sort`, `route` (hash routes); `lang`, the language and
//! its code, sits below `exchange` and is named `i18n::Lang`.

pub mod documents;
pub mod domain;
pub mod exchange;
pub mod i18n;
mod lang;
pub mod route;
pub mod rules;
pub mod sample;
pub mod sort;
pub mod storage_error;
pub mod storage_keys;
