//! The kinds of identity paper and the sex recorded on them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The kind of identity paper, as in the interchange format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// Căn cước công dân or thẻ căn cước: the 12-digit personal identification number.
    Cccd,
    /// Chứng minh nhân dân: 9 or 12 digits (valid until 31/12/2024, still on old papers).
    Cmnd,
    Passport,
    Other,
    /// No paper (anonymous denunciations, people without papers): "none" in files.
    #[serde(rename = "none")]
    NoPaper,
}

/// Sex as recorded on identity papers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "nam",
            Sex::Female => "nữ",
        }
    }
}
