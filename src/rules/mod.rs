//! Legal data as data: the files of `assets/rules/`, each with its legal basis, whether it
//! is verified, and the date from which it applies. The defaults are compiled in; an
//! administrator's edited copy in the data directory's `rules/` folder replaces them.
//!
//! Parsing is pure (text in, rules out); reading the override file is the caller's job.

pub mod calendar;
pub mod deadlines;
pub mod documents;
pub mod identity;
pub mod routing;

use serde::Deserialize;

/// What every rule file states about itself.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Provenance {
    /// The legal basis, cited so a reader can check it.
    pub basis: String,
    /// Whether the figures were checked against the official text.
    pub verified: bool,
    /// From when the file applies (YYYY-MM-DD).
    pub valid_from: chrono::NaiveDate,
}

/// A rule file that cannot be used: which file and what is wrong, in Vietnamese.
#[derive(Debug, thiserror::Error)]
#[error(
    "Tệp quy định {file} không dùng được: {details}. Hãy sửa tệp hoặc xoá nó để dùng quy định mặc định."
)]
pub struct RuleFileError {
    pub file: String,
    pub details: String,
}
