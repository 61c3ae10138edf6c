//! The working calendar (`assets/rules/calendar.toml`): holidays and make-up working days
//! of state offices, merged with the office's own days (the `calendar_days` table).
//!
//! ```
//! use chrono::NaiveDate;
//! use tiepdan_rules::calendar::CalendarRules;
//! let cal = CalendarRules::default_rules().calendar();
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! assert!(!cal.is_working_day(d("2026-02-17"))); // Tết Nguyên đán
//! assert!(cal.is_working_day(d("2026-01-10"))); // a make-up Saturday
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Provenance, RuleFileError};

/// The file name under `assets/rules/` and under the data directory's `rules/`.
pub const FILE: &str = "calendar.toml";

/// The shipped file.
pub const DEFAULT: &str = include_str!("../../../assets/rules/calendar.toml");

/// Nghỉ (lễ, Tết, nghỉ bù, hoán đổi) or làm việc (làm bù, or a weekday confirmed working).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Holiday,
    WorkingDay,
}

/// One day of the rule file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub note: String,
    /// Checked against an official notice (or fixed by the Labour Code itself).
    pub verified: bool,
}

/// One day of the office's own calendar (the database's `calendar_days`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CalendarRules {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub days: Vec<CalendarDay>,
}

impl CalendarRules {
    /// The calendar shipped with this build.
    pub fn default_rules() -> Self {
        Self::parse(DEFAULT).expect("assets/rules/calendar.toml is valid (tested)")
    }

    /// Parses and checks a rule file's text: one entry per date, each with a note.
    pub fn parse(text: &str) -> Result<Self, RuleFileError> {
        let err = |details: String| RuleFileError {
            file: FILE.to_owned(),
            details,
        };
        let rules: CalendarRules = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let mut seen = BTreeSet::new();
        for day in &rules.days {
            if !seen.insert(day.date) {
                return Err(err(format!(
                    "ngày {} xuất hiện hơn một lần",
                    day.date.format("%d/%m/%Y")
                )));
            }
            if day.note.trim().is_empty() {
                return Err(err(format!(
                    "ngày {} thiếu ghi chú (note)",
                    day.date.format("%d/%m/%Y")
                )));
            }
        }
        Ok(rules)
    }

    /// The calendar of this file alone.
    pub fn calendar(&self) -> Calendar {
        Calendar::merge(&self.days, &[])
    }
}

/// What a listed day is and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayEntry {
    pub kind: DayKind,
    pub note: String,
    /// From the rule file and verified there; office days count as verified (the office
    /// states them).
    pub verified: bool,
    /// From the office's own calendar rather than the rule file.
    pub office: bool,
}

/// The working calendar in force: Monday–Friday, except the listed days.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Calendar {
    days: BTreeMap<NaiveDate, DayEntry>,
    years: BTreeSet<i32>,
}

impl Calendar {
    /// The file's days with the office's days laid over them: an office day replaces the
    /// file's entry for its date.
    pub fn merge(file: &[CalendarDay], office: &[OfficeDay]) -> Calendar {
        let mut cal = Calendar::default();
        for d in file {
            cal.days.insert(
                d.date,
                DayEntry {
                    kind: d.kind,
                    note: d.note.clone(),
                    verified: d.verified,
                    office: false,
                },
            );
        }
        for d in office {
            cal.days.insert(
                d.date,
                DayEntry {
                    kind: d.kind,
                    note: d.note.clone(),
                    verified: true,
                    office: true,
                },
            );
        }
        cal.years = cal.days.keys().map(|d| d.year()).collect();
        cal
    }

    /// A working day: a listed `working_day`, or Monday–Friday not listed as a holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.days.get(&date) {
            Some(e) => e.kind == DayKind::WorkingDay,
            None => !is_weekend(date),
        }
    }

    /// The listed entry of `date`, if any.
    pub fn entry(&self, date: NaiveDate) -> Option<&DayEntry> {
        self.days.get(&date)
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        loop {
            d = d.succ_opt().expect("dates stay far from chrono's limits");
            if self.is_working_day(d) {
                return d;
            }
        }
    }

    /// The listed days of `year`, in date order.
    pub fn days_of(&self, year: i32) -> impl Iterator<Item = (NaiveDate, &DayEntry)> {
        let (from, to) = (
            NaiveDate::from_ymd_opt(year, 1, 1).expect("a year's first day"),
            NaiveDate::from_ymd_opt(year, 12, 31).expect("a year's last day"),
        );
        self.days.range(from..=to).map(|(d, e)| (*d, e))
    }

    /// Whether the calendar lists any day of `year` (otherwise only weekends are known).
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }
}

pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// "thứ Hai" … "Chủ nhật".
pub fn weekday_vi(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "thứ Hai",
        Weekday::Tue => "thứ Ba",
        Weekday::Wed => "thứ Tư",
        Weekday::Thu => "thứ Năm",
        Weekday::Fri => "thứ Sáu",
        Weekday::Sat => "thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_shipped_file_parses_and_knows_tet_2026_and_the_make_up_saturday() {
        let rules = CalendarRules::default_rules();
        assert!(!rules.provenance.verified);
        let cal = rules.calendar();
        for day in [
            "2026-02-16",
            "2026-02-20",
            "2026-01-02",
            "2026-04-27",
            "2026-09-02",
        ] {
            assert!(!cal.is_working_day(d(day)), "{day}");
        }
        assert!(
            cal.is_working_day(d("2026-01-10")),
            "Saturday worked in exchange"
        );
        assert!(cal.is_working_day(d("2026-02-23")));
        assert!(!cal.is_working_day(d("2026-02-21")), "an ordinary Saturday");
        assert_eq!(cal.next_working_day(d("2026-02-13")), d("2026-02-23"));
        assert!(cal.covers(2025) && cal.covers(2026) && cal.covers(2027));
        assert!(!cal.covers(2028));
        // Computed lunar dates are not claimed as verified.
        assert!(!cal.entry(d("2027-04-16")).unwrap().verified);
    }

    #[test]
    fn office_days_replace_the_files_days_for_their_dates() {
        let rules = CalendarRules::default_rules();
        let office = [
            OfficeDay {
                date: d("2026-09-01"),
                kind: DayKind::WorkingDay,
                note: "Thông báo của UBND tỉnh".into(),
            },
            OfficeDay {
                date: d("2026-03-10"),
                kind: DayKind::Holiday,
                note: "Lễ hội địa phương".into(),
            },
        ];
        let cal = Calendar::merge(&rules.days, &office);
        assert!(cal.is_working_day(d("2026-09-01")));
        assert!(!cal.is_working_day(d("2026-03-10")));
        assert!(cal.entry(d("2026-03-10")).unwrap().office);
        assert!(!cal.is_working_day(d("2026-09-02")), "other file days stay");
    }

    #[test]
    fn a_date_listed_twice_or_without_a_note_is_refused() {
        let twice = r#"basis = "x"
verified = false
valid_from = "2025-01-01"
days = [
  { date = "2025-01-01", kind = "holiday", note = "a", verified = true },
  { date = "2025-01-01", kind = "working_day", note = "b", verified = true },
]"#;
        let e = CalendarRules::parse(twice).unwrap_err().to_string();
        assert!(
            e.contains("calendar.toml") && e.contains("01/01/2025"),
            "{e}"
        );
        let bare = twice.replace("note = \"b\"", "note = \" \"").replace(
            "{ date = \"2025-01-01\", kind = \"holiday\", note = \"a\", verified = true },\n",
            "",
        );
        let e = CalendarRules::parse(&bare).unwrap_err().to_string();
        assert!(e.contains("thiếu ghi chú"), "{e}");
    }
}
