//! What the commune must send soon: each periodic report of Thông tư 01/2024 from a few days
//! before its data cut-off until it is submitted, and each report due under a plan from a
//! few days before its day until it is marked sent. Pure: the caller says what was
//! submitted or marked.
//!
//! ```
//! use chrono::NaiveDate;
//! use tiepdan_domain::reminders::reminders;
//! use tiepdan_rules::reminders::ReminderRules;
//! let rules = ReminderRules::default_rules();
//! let today = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
//! let due = reminders(today, &rules, |_| false, |_| false);
//! assert!(due.iter().any(|r| r.title == "Báo cáo 6 tháng đầu năm 2026"));
//! ```

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use tiepdan_rules::reminders::{DatedRule, Periodic, ReminderRules};
use ts_rs::TS;

use crate::report::period::{Period, PeriodKind};

/// How long an unsent report keeps showing after its day.
const KEEP_AFTER: Days = Days::new(60);

/// A report to send, as the dashboard shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reminder {
    /// Stable: "report:six_months:2026", "dated:2026-06-15:<title>".
    pub key: String,
    pub title: String,
    /// The data cut-off of a periodic report.
    #[ts(type = "string | null")]
    pub cut_off: Option<NaiveDate>,
    #[ts(type = "string")]
    pub due: NaiveDate,
    #[ts(type = "number")]
    pub days_left: i64,
    pub basis: String,
    /// The periodic report's period, to open it on the report screen.
    pub period: Option<Period>,
}

/// The stable key of a plan's report.
pub fn dated_key(d: &DatedRule) -> String {
    format!("dated:{}:{}", d.due, d.title)
}

fn kind_of(p: Periodic) -> PeriodKind {
    match p {
        Periodic::FirstQuarter => PeriodKind::FirstQuarter,
        Periodic::SixMonths => PeriodKind::SixMonths,
        Periodic::NineMonths => PeriodKind::NineMonths,
        Periodic::Year => PeriodKind::Year,
    }
}

/// The reminders showing on `today`, soonest first. `submitted(period)` says whether a
/// report of that period was submitted; `marked(key)` whether a dated report was marked
/// sent.
pub fn reminders(
    today: NaiveDate,
    rules: &ReminderRules,
    submitted: impl Fn(&Period) -> bool,
    marked: impl Fn(&str) -> bool,
) -> Vec<Reminder> {
    let lead = Days::new(u64::from(rules.lead_days));
    let showing =
        |due: NaiveDate, from: NaiveDate| from - lead <= today && today <= due + KEEP_AFTER;
    let mut out = Vec::new();
    for year in [today.year() - 1, today.year(), today.year() + 1] {
        for r in &rules.reports {
            let period = Period::of(kind_of(r.period), year);
            let due = period.to + Days::new(u64::from(r.due_days));
            if !showing(due, period.to) || submitted(&period) {
                continue;
            }
            out.push(Reminder {
                key: format!(
                    "report:{}:{year}",
                    serde_json::to_value(r.period)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                ),
                title: period.title_vi(),
                cut_off: Some(period.to),
                due,
                days_left: (due - today).num_days(),
                basis: rules.provenance.basis.clone(),
                period: Some(period),
            });
        }
    }
    for d in &rules.dated {
        let key = dated_key(d);
        if !showing(d.due, d.due) || marked(&key) {
            continue;
        }
        out.push(Reminder {
            key,
            title: d.title.clone(),
            cut_off: None,
            due: d.due,
            days_left: (d.due - today).num_days(),
            basis: d.basis.clone(),
            period: None,
        });
    }
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.title.cmp(&b.title)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_periodic_report_shows_from_its_lead_until_it_is_submitted() {
        let rules = ReminderRules::default_rules();
        let titles = |today, submitted: bool| -> Vec<String> {
            reminders(today, &rules, |_| submitted, |_| false)
                .into_iter()
                .map(|r| r.title)
                .collect()
        };
        // Eleven days before the cut-off of 14/6: nothing yet; ten days before: shown.
        assert!(!titles(d(2026, 6, 3), false).contains(&"Báo cáo 6 tháng đầu năm 2026".to_owned()));
        let r = reminders(d(2026, 6, 4), &rules, |_| false, |_| false);
        let six = r
            .iter()
            .find(|r| r.title == "Báo cáo 6 tháng đầu năm 2026")
            .unwrap();
        assert_eq!(
            (six.cut_off, six.due, six.days_left),
            (Some(d(2026, 6, 14)), d(2026, 6, 17), 13)
        );
        assert_eq!(six.key, "report:six_months:2026");
        // Late and unsent it stays (negative days left); submitted it goes.
        let late = reminders(d(2026, 6, 20), &rules, |_| false, |_| false);
        assert!(
            late.iter()
                .any(|r| r.key == "report:six_months:2026" && r.days_left == -3)
        );
        assert!(!titles(d(2026, 6, 20), true).contains(&"Báo cáo 6 tháng đầu năm 2026".to_owned()));
        // The year's report of 2026 shows in early December, and into January 2027.
        assert!(titles(d(2026, 12, 5), false).contains(&"Báo cáo năm 2026".to_owned()));
        assert!(titles(d(2027, 1, 5), false).contains(&"Báo cáo năm 2026".to_owned()));
    }

    #[test]
    fn a_plans_report_shows_before_its_day_until_marked_sent() {
        let rules = ReminderRules::default_rules();
        let r = reminders(d(2026, 12, 10), &rules, |_| true, |_| false);
        let plan = r.iter().find(|r| r.title.contains("tổng kết")).unwrap();
        assert_eq!((plan.due, plan.days_left), (d(2026, 12, 19), 9));
        assert!(plan.basis.contains("107-KL/TW") && plan.period.is_none());
        let key = plan.key.clone();
        let after = reminders(d(2026, 12, 10), &rules, |_| true, |k| k == key);
        assert!(!after.iter().any(|r| r.title.contains("tổng kết")));
    }
}
