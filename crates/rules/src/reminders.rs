//! Reminders (`assets/rules/reminders.toml`): which periodic reports the commune sends and
//! how many days after each data cut-off they are due, the reports due once under a plan,
//! and how far ahead the dashboard shows them.
//!
//! ```
//! use tiepdan_rules::reminders::{Periodic, ReminderRules};
//! let rules = ReminderRules::default_rules();
//! assert!(rules.reports.iter().any(|r| r.period == Periodic::SixMonths));
//! assert!(rules.dated.iter().any(|d| d.title.contains("107-KL/TW")));
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Provenance, RuleFileError};

/// The file name under `assets/rules/` and under the data directory's `rules/`.
pub const FILE: &str = "reminders.toml";

/// The shipped file.
pub const DEFAULT: &str = include_str!("../../../assets/rules/reminders.toml");

/// A periodic report of Thông tư 01/2024 (its names are the report screen's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Periodic {
    FirstQuarter,
    SixMonths,
    NineMonths,
    Year,
}

/// A periodic report and its due day, counted from the period's cut-off.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRule {
    pub period: Periodic,
    pub due_days: u32,
}

/// A report due once, on its day.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedRule {
    pub title: String,
    pub due: NaiveDate,
    pub basis: String,
    /// The first day its figures count from; absent, the reporting year's (15/12 before).
    #[serde(default)]
    pub from: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ReminderRules {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub lead_days: u32,
    #[serde(default, rename = "report")]
    pub reports: Vec<ReportRule>,
    #[serde(default)]
    pub dated: Vec<DatedRule>,
}

impl ReminderRules {
    pub fn default_rules() -> Self {
        Self::parse(DEFAULT).expect("assets/rules/reminders.toml is valid (tested)")
    }

    /// Parses and checks the file: a sensible lead, due days and titles.
    pub fn parse(text: &str) -> Result<Self, RuleFileError> {
        let err = |details: String| RuleFileError {
            file: FILE.to_owned(),
            details,
        };
        let file: ReminderRules = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        if file.lead_days == 0 || file.lead_days > 90 {
            return Err(err(
                "lead_days (báo trước bao nhiêu ngày) phải từ 1 đến 90".into()
            ));
        }
        for (i, r) in file.reports.iter().enumerate() {
            if r.due_days > 60 {
                return Err(err(format!(
                    "dòng report thứ {}: due_days phải từ 0 đến 60",
                    i + 1
                )));
            }
        }
        for (i, d) in file.dated.iter().enumerate() {
            if d.title.trim().is_empty() || d.basis.trim().is_empty() {
                return Err(err(format!(
                    "dòng dated thứ {}: cần ghi title và basis",
                    i + 1
                )));
            }
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses_and_bad_figures_are_named() {
        let r = ReminderRules::default_rules();
        assert_eq!(r.reports.len(), 4);
        assert!(!r.provenance.verified);
        let bad = DEFAULT.replace("lead_days = 10", "lead_days = 0");
        let e = ReminderRules::parse(&bad).unwrap_err();
        assert!(e.to_string().contains("lead_days"), "{e}");
        let bad = DEFAULT.replace("due_days = 3", "due_days = 99");
        assert!(
            ReminderRules::parse(&bad)
                .unwrap_err()
                .to_string()
                .contains("due_days")
        );
    }
}
