//! Why a petition needs a leader's attention beyond its deadlines: a crowd group (đoàn
//! đông người), a long-running case (vụ việc kéo dài), a complex case (phức tạp), or one
//! taken over the commune's head (vượt cấp: the commune's matter, sent back down by a
//! higher body). Pure; the thresholds come from `assets/rules/reception.toml`.
//!
//! ```
//! use chrono::NaiveDate;
//! use tiepdan_domain::flags::{Flag, FlagFacts, flags};
//! use tiepdan_rules::reception::ReceptionRules;
//! let facts = FlagFacts { people: 7, visits: 1, opened_on: NaiveDate::from_ymd_opt(2026, 11, 2),
//!     open: true, complex: false, from_higher_level: false };
//! let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
//! assert_eq!(flags(&facts, &ReceptionRules::default_rules(), today), [Flag::Crowd]);
//! ```

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use tiepdan_rules::reception::ReceptionRules;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    Crowd,
    LongRunning,
    Complex,
    OverLevel,
}

impl Flag {
    pub fn label_vi(self) -> &'static str {
        match self {
            Flag::Crowd => "Đông người",
            Flag::LongRunning => "Kéo dài",
            Flag::Complex => "Phức tạp",
            Flag::OverLevel => "Vượt cấp",
        }
    }
}

/// What the flags look at, for one petition and its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagFacts {
    /// The largest group that came about the case (1 for a petition by post).
    pub people: u32,
    /// How many times the case was received (visits and petitions, the larger).
    pub visits: u32,
    /// When the case was opened.
    pub opened_on: Option<NaiveDate>,
    /// Still open (not resolved, withdrawn, or handled otherwise than by accepting it).
    pub open: bool,
    pub complex: bool,
    /// Forwarded by a provincial or central body although the commune is competent.
    pub from_higher_level: bool,
}

/// The petition's flags, in a fixed order.
pub fn flags(f: &FlagFacts, rules: &ReceptionRules, today: NaiveDate) -> Vec<Flag> {
    let mut out = Vec::new();
    if f.people >= rules.crowd_threshold {
        out.push(Flag::Crowd);
    }
    let old = f
        .opened_on
        .is_some_and(|d| (today - d).num_days() >= i64::from(rules.long_running_days));
    if f.open && (old || f.visits >= rules.long_running_visits) {
        out.push(Flag::LongRunning);
    }
    if f.complex {
        out.push(Flag::Complex);
    }
    if f.from_higher_level {
        out.push(Flag::OverLevel);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn plain() -> FlagFacts {
        FlagFacts {
            people: 1,
            visits: 1,
            opened_on: Some(d("2026-11-01")),
            open: true,
            complex: false,
            from_higher_level: false,
        }
    }

    #[test]
    fn each_flag_starts_exactly_at_its_threshold() {
        let r = ReceptionRules::default_rules();
        let today = d("2026-11-24");
        assert!(flags(&plain(), &r, today).is_empty());
        let four = FlagFacts {
            people: 4,
            ..plain()
        };
        let five = FlagFacts {
            people: 5,
            ..plain()
        };
        assert!(flags(&four, &r, today).is_empty());
        assert_eq!(flags(&five, &r, today), [Flag::Crowd]);
        // 365 days old on the day, not the day before.
        let opened = FlagFacts {
            opened_on: Some(d("2025-11-24")),
            ..plain()
        };
        assert_eq!(flags(&opened, &r, today), [Flag::LongRunning]);
        assert!(flags(&opened, &r, d("2026-11-23")).is_empty());
        let thrice = FlagFacts {
            visits: 3,
            ..plain()
        };
        assert_eq!(flags(&thrice, &r, today), [Flag::LongRunning]);
        assert!(
            flags(
                &FlagFacts {
                    visits: 2,
                    ..plain()
                },
                &r,
                today
            )
            .is_empty()
        );
    }

    #[test]
    fn a_closed_case_is_not_long_running_but_keeps_its_other_flags() {
        let r = ReceptionRules::default_rules();
        let f = FlagFacts {
            people: 9,
            visits: 6,
            opened_on: Some(d("2020-01-01")),
            open: false,
            complex: true,
            from_higher_level: true,
        };
        assert_eq!(
            flags(&f, &r, d("2026-11-24")),
            [Flag::Crowd, Flag::Complex, Flag::OverLevel]
        );
    }
}
