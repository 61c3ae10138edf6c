//! Reception (`assets/rules/reception.toml`): the heads' minimum number of periodic
//! reception days in force on each date, the crowd-group threshold and when a case counts
//! as long-running.
//!
//! ```
//! use chrono::NaiveDate;
//! use tiepdan_rules::reception::{Host, Per, ReceptionRules};
//! let rules = ReceptionRules::default_rules();
//! let before = rules.minimum(Host::Chair, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()).unwrap();
//! let after = rules.minimum(Host::Chair, NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()).unwrap();
//! assert_eq!((before.sessions, before.per), (1, Per::Week));
//! assert_eq!((after.sessions, after.per, after.delegation), (2, Per::Month, false));
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Provenance, RuleFileError};

/// The file name under `assets/rules/` and under the data directory's `rules/`.
pub const FILE: &str = "reception.toml";

/// The shipped file.
pub const DEFAULT: &str = include_str!("../../../assets/rules/reception.toml");

pub use tiepdan_vocab::reception::Host;

/// The period a minimum is counted over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Week,
    Month,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Minimum {
    pub host: Host,
    /// Reception days at least, per `per`.
    pub sessions: u32,
    pub per: Per,
    /// Whether a deputy may receive in the head's place.
    pub delegation: bool,
    #[ts(type = "string")]
    pub valid_from: NaiveDate,
    /// The last day the row applies (inclusive); `None` = still in force.
    #[ts(type = "string | null")]
    pub valid_to: Option<NaiveDate>,
    pub basis: String,
    pub verified: bool,
}

impl Minimum {
    fn in_force(&self, on: NaiveDate) -> bool {
        self.valid_from <= on && self.valid_to.is_none_or(|t| on <= t)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceptionRules {
    #[serde(flatten)]
    pub provenance: Provenance,
    /// A group of this many people or more is a crowd group (đoàn đông người).
    pub crowd_threshold: u32,
    pub crowd_verified: bool,
    /// An open case this many days old is long-running (kéo dài).
    pub long_running_days: u32,
    /// A case received this many times is long-running.
    pub long_running_visits: u32,
    #[serde(rename = "minimum")]
    pub minimums: Vec<Minimum>,
}

impl ReceptionRules {
    /// The rules shipped with this build.
    pub fn default_rules() -> Self {
        Self::parse(DEFAULT).expect("assets/rules/reception.toml is valid (tested)")
    }

    /// Parses and checks the file: sensible figures, and one row per host on any date.
    pub fn parse(text: &str) -> Result<Self, RuleFileError> {
        let err = |details: String| RuleFileError {
            file: FILE.to_owned(),
            details,
        };
        let file: ReceptionRules = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        if file.crowd_threshold < 2 {
            return Err(err(
                "crowd_threshold (số người của đoàn đông người) phải từ 2 trở lên".into(),
            ));
        }
        if file.long_running_days == 0 || file.long_running_visits < 2 {
            return Err(err(
                "long_running_days phải từ 1 trở lên và long_running_visits từ 2 trở lên".into(),
            ));
        }
        for (i, m) in file.minimums.iter().enumerate() {
            let at = format!("dòng minimum thứ {} ({})", i + 1, m.host.label_vi());
            if m.sessions == 0 {
                return Err(err(format!("{at}: sessions phải từ 1 trở lên")));
            }
            if m.valid_to.is_some_and(|t| t < m.valid_from) {
                return Err(err(format!("{at}: valid_to đứng trước valid_from")));
            }
            if m.basis.trim().is_empty() {
                return Err(err(format!("{at}: thiếu căn cứ pháp lý (basis)")));
            }
            let overlaps = |o: &Minimum| {
                o.host == m.host
                    && o.valid_to.is_none_or(|t| t >= m.valid_from)
                    && m.valid_to.is_none_or(|t| t >= o.valid_from)
            };
            if let Some(j) = file.minimums[..i].iter().position(overlaps) {
                return Err(err(format!(
                    "dòng minimum thứ {} và thứ {} cùng áp dụng cho {} trong cùng thời gian; hãy sửa valid_from/valid_to",
                    j + 1,
                    i + 1,
                    m.host.label_vi()
                )));
            }
        }
        Ok(file)
    }

    /// The minimum in force for `host` on `on`, if any.
    pub fn minimum(&self, host: Host, on: NaiveDate) -> Option<&Minimum> {
        self.minimums
            .iter()
            .find(|m| m.host == host && m.in_force(on))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_party_secretary_keeps_two_days_a_month_across_the_2025_conclusion() {
        let r = ReceptionRules::default_rules();
        for on in ["2025-11-22", "2025-11-23", "2027-01-01"] {
            let m = r.minimum(Host::PartySecretary, d(on)).unwrap();
            assert_eq!((m.sessions, m.per), (2, Per::Month), "{on}");
        }
        assert_ne!(
            r.minimum(Host::PartySecretary, d("2025-11-22"))
                .unwrap()
                .basis,
            r.minimum(Host::PartySecretary, d("2025-11-23"))
                .unwrap()
                .basis
        );
        assert_eq!(r.crowd_threshold, 5);
    }

    #[test]
    fn overlapping_rows_for_one_host_are_refused_with_both_row_numbers() {
        let text = DEFAULT.replace("valid_to = \"2026-06-30\"", "valid_to = \"2026-07-01\"");
        let e = ReceptionRules::parse(&text).unwrap_err().to_string();
        assert!(e.contains("thứ 1 và thứ 2"), "{e}");
        assert!(e.contains("Chủ tịch"), "{e}");
    }

    #[test]
    fn nonsense_figures_are_refused() {
        for (from, to) in [
            ("crowd_threshold = 5", "crowd_threshold = 1"),
            ("sessions = 1", "sessions = 0"),
            ("long_running_visits = 3", "long_running_visits = 1"),
            ("per = \"week\"", "per = \"fortnight\""),
        ] {
            assert!(DEFAULT.contains(from));
            assert!(
                ReceptionRules::parse(&DEFAULT.replacen(from, to, 1)).is_err(),
                "{to}"
            );
        }
    }
}
