//! The legal deadlines of a petition (`assets/rules/deadlines.toml`): one row per rule,
//! with its conditions, its count and unit, where it starts, and the dates it is in force.
//!
//! ```
//! use chrono::NaiveDate;
//! use tiepdan_vocab::petition::PetitionKind;
//! use tiepdan_rules::deadlines::{Case, DeadlineName, DeadlineRules};
//! let rules = DeadlineRules::default_rules();
//! let case = Case::new(PetitionKind::Complaint, Some(1), false, true);
//! let on = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
//! let resolve = rules.in_force(&case, on).into_iter().find(|r| r.name == DeadlineName::Resolve).unwrap();
//! assert_eq!(resolve.days, 45);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Provenance, RuleFileError};
use tiepdan_vocab::petition::{DecisionKind, PetitionKind};

/// The file name under `assets/rules/` and under the data directory's `rules/`.
pub const FILE: &str = "deadlines.toml";

/// The shipped file.
pub const DEFAULT: &str = include_str!("../../../assets/rules/deadlines.toml");

/// Which deadline; the order is the order of a petition's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineName {
    /// Xử lý đơn.
    Handle,
    /// Kiểm tra điều kiện thụ lý (denunciations).
    Check,
    /// Chuyển tố cáo không thuộc thẩm quyền (Luật Tố cáo Điều 24).
    Transfer,
    /// Thụ lý.
    Accept,
    /// Giải quyết.
    Resolve,
    /// The complainant's time to lodge a second complaint.
    SecondComplaint,
}

impl DeadlineName {
    /// The Vietnamese name, as in "Thời hạn thụ lý".
    pub fn label_vi(self) -> &'static str {
        match self {
            DeadlineName::Handle => "xử lý đơn",
            DeadlineName::Check => "kiểm tra điều kiện thụ lý tố cáo",
            DeadlineName::Transfer => "chuyển tố cáo không thuộc thẩm quyền",
            DeadlineName::Accept => "thụ lý",
            DeadlineName::Resolve => "giải quyết",
            DeadlineName::SecondComplaint => "khiếu nại lần hai",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Ngày theo lịch (Bộ luật Dân sự Điều 147–148).
    Calendar,
    /// Ngày làm việc.
    Working,
}

/// The event a period is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Start {
    /// The petition's received date.
    Received,
    /// Xử lý đơn with action accept (or an `accepted` event with no handling before it).
    Handled,
    /// Thụ lý.
    Accepted,
    /// The first-instance decision — or, when none was made, the end of the first-instance
    /// resolution period once it has passed (Luật Khiếu nại Điều 33).
    Resolved,
}

/// Whose period it is: the office's (can be overdue) or the citizen's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    #[default]
    Office,
    Citizen,
}

/// How far a period may be extended (gia hạn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Extension {
    pub max_times: u32,
    /// Days (in the rule's unit) of one extension at most.
    pub max_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRule {
    pub name: DeadlineName,
    pub kind: PetitionKind,
    pub instance: Option<u8>,
    pub complex: Option<bool>,
    pub remote_area: Option<bool>,
    /// Complaints: the kinds of decision complained about the row is for; absent = any.
    pub decision_kinds: Option<Vec<DecisionKind>>,
    /// Denunciations: the office is not competent (true) or may be (false); absent = either.
    pub outside_competence: Option<bool>,
    pub days: u32,
    pub unit: Unit,
    pub from: Start,
    #[serde(default)]
    pub pause: bool,
    /// Only suspensions decided on or after this day stop the clock (a transitional rule:
    /// cases accepted under the earlier text and suspended under the new one).
    pub pause_from: Option<NaiveDate>,
    pub extension: Option<Extension>,
    #[serde(default)]
    pub obligation: Obligation,
    pub basis: String,
    pub verified: bool,
    pub valid_from: NaiveDate,
    /// The last day the row applies (inclusive); `None` = still in force.
    pub valid_to: Option<NaiveDate>,
    /// Which date chooses the row in force: the received date (default) or, where the
    /// law's transition keys on it, the acceptance date (thụ lý).
    #[serde(default)]
    pub keyed_on: KeyedOn,
}

/// The date that decides which row is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyedOn {
    #[default]
    Received,
    Accepted,
}

/// The facts a rule's conditions look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    pub kind: PetitionKind,
    /// Complaints: 1 or 2 (`None` counts as 1).
    pub instance: Option<u8>,
    pub complex: bool,
    pub remote_area: bool,
    /// Complaints: what kind of decision is complained about.
    pub decision_kind: DecisionKind,
    /// Denunciations: known not to be the office's to resolve (the routing table, or the
    /// handling decided so).
    pub outside_competence: bool,
}

impl Case {
    /// A case with the ordinary conditions: an administrative decision, the office's own.
    pub fn new(kind: PetitionKind, instance: Option<u8>, complex: bool, remote_area: bool) -> Self {
        Case {
            kind,
            instance,
            complex,
            remote_area,
            decision_kind: DecisionKind::Administrative,
            outside_competence: false,
        }
    }
}

impl DeadlineRule {
    /// Whether the row applies to `case` on `on` (the date its `keyed_on` names).
    pub fn applies(&self, case: &Case, on: NaiveDate) -> bool {
        let instance = case.instance.unwrap_or(1);
        let decision_kind = match case.kind {
            PetitionKind::Complaint => case.decision_kind,
            _ => DecisionKind::Administrative,
        };
        self.kind == case.kind
            && self.instance.is_none_or(|i| i == instance)
            && self.complex.is_none_or(|c| c == case.complex)
            && self.remote_area.is_none_or(|r| r == case.remote_area)
            && self
                .decision_kinds
                .as_ref()
                .is_none_or(|k| k.contains(&decision_kind))
            && self
                .outside_competence
                .is_none_or(|o| o == case.outside_competence)
            && self.valid_from <= on
            && self.valid_to.is_none_or(|t| on <= t)
    }

    /// Whether some case and some date could match both rows.
    fn overlaps(&self, other: &DeadlineRule) -> bool {
        fn compatible<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        let ends_before =
            |a: &DeadlineRule, b: &DeadlineRule| a.valid_to.is_some_and(|t| t < b.valid_from);
        self.name == other.name
            && self.kind == other.kind
            && compatible(self.instance, other.instance)
            && compatible(self.complex, other.complex)
            && compatible(self.remote_area, other.remote_area)
            && match (&self.decision_kinds, &other.decision_kinds) {
                (Some(a), Some(b)) => a.iter().any(|k| b.contains(k)),
                _ => true,
            }
            && compatible(self.outside_competence, other.outside_competence)
            && !ends_before(self, other)
            && !ends_before(other, self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DeadlineRules {
    #[serde(flatten)]
    pub provenance: Provenance,
    #[serde(rename = "rule")]
    pub rules: Vec<DeadlineRule>,
}

impl DeadlineRules {
    /// The rules shipped with this build.
    pub fn default_rules() -> Self {
        Self::parse(DEFAULT).expect("assets/rules/deadlines.toml is valid (tested)")
    }

    /// Parses and checks a rule file's text: sensible figures, and never two rows for the
    /// same deadline of the same case on the same date.
    pub fn parse(text: &str) -> Result<Self, RuleFileError> {
        let err = |details: String| RuleFileError {
            file: FILE.to_owned(),
            details,
        };
        let file: DeadlineRules = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        for (i, r) in file.rules.iter().enumerate() {
            let at = format!("quy tắc thứ {} ({}, {})", i + 1, name(r.name), name(r.kind));
            if r.days == 0 {
                return Err(err(format!("{at}: số ngày (days) phải từ 1 trở lên")));
            }
            if r.instance.is_some_and(|i| !(1..=2).contains(&i)) {
                return Err(err(format!("{at}: instance chỉ nhận 1 hoặc 2")));
            }
            if r.valid_to.is_some_and(|t| t < r.valid_from) {
                return Err(err(format!("{at}: valid_to đứng trước valid_from")));
            }
            if r.extension
                .is_some_and(|e| e.max_times == 0 || e.max_days == 0)
            {
                return Err(err(format!(
                    "{at}: gia hạn (extension) cần max_times và max_days từ 1 trở lên"
                )));
            }
            if r.basis.trim().is_empty() {
                return Err(err(format!("{at}: thiếu căn cứ pháp lý (basis)")));
            }
            if let Some(j) = file.rules[..i]
                .iter()
                .position(|o| o.name == r.name && o.kind == r.kind && o.keyed_on != r.keyed_on)
            {
                return Err(err(format!(
                    "quy tắc thứ {} và thứ {} cùng là thời hạn ({}, {}) nhưng chọn quy định theo hai ngày khác nhau (keyed_on); hãy dùng cùng một ngày",
                    j + 1,
                    i + 1,
                    name(r.name),
                    name(r.kind)
                )));
            }
            if let Some(j) = file.rules[..i].iter().position(|o| o.overlaps(r)) {
                return Err(err(format!(
                    "quy tắc thứ {} và thứ {} cùng áp dụng cho một trường hợp ({}, {}) trong cùng thời gian; hãy phân biệt bằng instance, complex, remote_area hoặc valid_from/valid_to",
                    j + 1,
                    i + 1,
                    name(r.name),
                    name(r.kind)
                )));
            }
        }
        Ok(file)
    }

    /// The rows in force for a petition of `case` received on `on`, in the order of a
    /// petition's life (at most one per deadline name: overlaps are refused on parsing).
    pub fn in_force(&self, case: &Case, on: NaiveDate) -> Vec<&DeadlineRule> {
        self.in_force_at(case, on, None)
    }

    /// As [`DeadlineRules::in_force`], with the acceptance date for rows keyed on it (a
    /// petition not yet accepted is judged by its received date).
    pub fn in_force_at(
        &self,
        case: &Case,
        received_on: NaiveDate,
        accepted_on: Option<NaiveDate>,
    ) -> Vec<&DeadlineRule> {
        let mut rows: Vec<&DeadlineRule> = self
            .rules
            .iter()
            .filter(|r| {
                let on = match r.keyed_on {
                    KeyedOn::Received => received_on,
                    KeyedOn::Accepted => accepted_on.unwrap_or(received_on),
                };
                r.applies(case, on)
            })
            .collect();
        rows.sort_by_key(|r| r.name);
        rows
    }
}

fn name<T: Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn case(kind: PetitionKind, instance: Option<u8>, complex: bool, remote: bool) -> Case {
        Case::new(kind, instance, complex, remote)
    }

    fn names(rules: &DeadlineRules, c: &Case, on: &str) -> Vec<(DeadlineName, u32)> {
        rules
            .in_force(c, d(on))
            .iter()
            .map(|r| (r.name, r.days))
            .collect()
    }

    #[test]
    fn the_shipped_file_gives_the_figures_of_the_law() {
        use DeadlineName::*;
        use PetitionKind::*;
        let r = DeadlineRules::default_rules();
        assert_eq!(
            names(&r, &case(Complaint, None, false, false), "2026-03-02"),
            vec![
                (Handle, 10),
                (Accept, 10),
                (Resolve, 30),
                (SecondComplaint, 30)
            ]
        );
        assert_eq!(
            names(&r, &case(Complaint, Some(1), true, true), "2026-03-02")[2],
            (Resolve, 60)
        );
        assert_eq!(
            names(&r, &case(Complaint, Some(2), true, true), "2026-03-02")[2],
            (Resolve, 70)
        );
        assert_eq!(
            names(&r, &case(Denunciation, None, false, false), "2026-03-02"),
            vec![(Check, 7), (Resolve, 30)]
        );
        assert_eq!(
            names(&r, &case(Feedback, None, false, false), "2026-03-02"),
            vec![(Handle, 10), (Resolve, 30)]
        );
    }

    #[test]
    fn the_complaint_resolution_pauses_only_from_1_july_2026() {
        let r = DeadlineRules::default_rules();
        let c = case(PetitionKind::Complaint, Some(1), false, false);
        let pause = |on: &str| {
            r.in_force(&c, d(on))
                .into_iter()
                .find(|r| r.name == DeadlineName::Resolve)
                .unwrap()
                .pause
        };
        assert!(!pause("2026-06-30"));
        assert!(pause("2026-07-01"));
    }

    #[test]
    fn overlapping_rows_are_refused_with_both_numbers() {
        let text = format!(
            "{DEFAULT}\n[[rule]]\nname = \"check\"\nkind = \"denunciation\"\ndays = 5\nunit = \"working\"\nfrom = \"received\"\nbasis = \"x\"\nverified = false\nvalid_from = \"2025-01-01\"\n"
        );
        let e = DeadlineRules::parse(&text).unwrap_err().to_string();
        assert!(
            e.contains("deadlines.toml")
                && e.contains("cùng áp dụng")
                && e.contains("(check, denunciation)"),
            "{e}"
        );
    }

    #[test]
    fn zero_days_and_unknown_fields_are_refused() {
        let e = DeadlineRules::parse(&DEFAULT.replacen("days = 7\n", "days = 0\n", 1))
            .unwrap_err()
            .to_string();
        assert!(e.contains("(check, denunciation): số ngày"), "{e}");
        let e = DeadlineRules::parse(&DEFAULT.replacen("days = 7\n", "dayz = 7\n", 1))
            .unwrap_err()
            .to_string();
        assert!(e.contains("dayz"), "{e}");
    }
}
