//! What is due and overdue, for the dashboard (Tổng quan): unmet office deadlines of open
//! petitions from the deadline cache, overdue first, then those due within three working
//! days. A petition under suspension is neither.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::desk::Desk;
use crate::domain::visit::PetitionKind;
use crate::error::Result;
use crate::rules::deadlines::DeadlineName;

/// One unmet deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueItem {
    #[ts(type = "number")]
    pub petition_id: i64,
    pub kind: PetitionKind,
    pub summary: String,
    pub received_on: String,
    pub deadline: DeadlineName,
    pub due: String,
    /// Crowd, long-running, complex, over-the-level.
    pub flags: Vec<crate::domain::flags::Flag>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueSummary {
    pub today: String,
    /// The last day counted as "due soon" (three working days ahead).
    pub soon_until: String,
    /// At most [`COUNT_CAP`] (then "1.000+").
    #[ts(type = "number")]
    pub overdue_count: i64,
    #[ts(type = "number")]
    pub soon_count: i64,
    /// The oldest first, at most `limit`.
    pub overdue: Vec<DueItem>,
    pub soon: Vec<DueItem>,
    /// Each active officer's overdue and soon-due deadlines (cases they are responsible
    /// for), then those of cases nobody is responsible for; counts capped like the totals.
    pub by_officer: Vec<OfficerLoad>,
    /// What hosts assigned at reception sessions, not done and due by `soon_until`
    /// (overdue ones first), at most `limit`.
    pub assignments: Vec<crate::desk::AssignmentView>,
    /// Casework tasks (carrying out decisions, plan steps, publication, reviews) not done
    /// and due by `soon_until`, late ones first, at most `limit`.
    pub tasks: Vec<crate::desk::TaskView>,
    /// From November: next year's holidays are still a forecast (no official notice).
    pub calendar_warning: Option<String>,
}

/// The month from which the dashboard looks at next year's calendar (the Government's
/// notice of the next year's holidays usually comes out in October–December).
const CALENDAR_WATCH_FROM_MONTH: u32 = 11;

/// A warning when next year's listed days are missing or include forecasts not yet
/// checked against an official notice (and `today` is late in the year).
fn calendar_warning(
    calendar: &crate::rules::calendar::Calendar,
    today: NaiveDate,
) -> Option<String> {
    use chrono::Datelike;
    if today.month() < CALENDAR_WATCH_FROM_MONTH {
        return None;
    }
    let next = today.year() + 1;
    let mut days = calendar.days_of(next).peekable();
    let what = if days.peek().is_none() {
        "chưa có trong phần mềm"
    } else if days.any(|(_, e)| !e.office && !e.verified) {
        "mới là dự kiến, chưa đối chiếu thông báo chính thức"
    } else {
        return None;
    };
    Some(format!(
        "Lịch nghỉ lễ, Tết năm {next} {what}: thời hạn rơi vào năm {next} có thể thay đổi. Khi có thông báo nghỉ lễ, Tết của cơ quan có thẩm quyền, cập nhật ở Danh mục → Lịch làm việc."
    ))
}

/// One officer's share of the deadlines on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OfficerLoad {
    /// `None`: cases nobody is responsible for yet.
    #[ts(type = "number | null")]
    pub officer_id: Option<i64>,
    pub name: String,
    #[ts(type = "number")]
    pub overdue: i64,
    #[ts(type = "number")]
    pub soon: i64,
    /// Tasks of their cases not done by their due day.
    #[ts(type = "number")]
    pub late_tasks: i64,
}

const OPEN: &str =
    "d.met_on IS NULL AND d.obligation = 'office' AND d.closed_on IS NULL AND d.suspended = 0";

/// Counts stop here; the window shows "1.000+".
pub const COUNT_CAP: i64 = 1000;

/// Working days ahead that count as "due soon" (the three).
pub const SOON_WORKING_DAYS: usize = 3;

impl Desk {
    /// Overdue and soon-due deadlines as of `today`.
    pub fn due(&self, today: NaiveDate, limit: u32) -> Result<DueSummary> {
        self.signed_in()?;
        let calendar = self.working_calendar()?;
        let mut soon_until = today;
        for _ in 0..SOON_WORKING_DAYS {
            soon_until = calendar.next_working_day(soon_until);
        }
        let conn = self.store.conn();
        // Counted up to COUNT_CAP: the window shows "1.000+" beyond, and the count stays
        // fast however large the backlog.
        let count = |cond: &str, args: &[&str]| -> rusqlite::Result<i64> {
            conn.prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM deadline_cache d
                  WHERE {OPEN} AND {cond} LIMIT {COUNT_CAP})"
            ))?
            .query_row(rusqlite::params_from_iter(args), |r| r.get(0))
        };
        let list = |cond: &str, args: &[&str]| -> rusqlite::Result<Vec<DueItem>> {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT d.petition_id, p.kind, substr(p.summary, 1, 200), p.received_on, d.name, d.due
                 FROM deadline_cache d JOIN petitions p ON p.id = d.petition_id
                 WHERE {OPEN} AND {cond} ORDER BY d.due, d.petition_id LIMIT {limit}"
            ))?;
            stmt.query_map(rusqlite::params_from_iter(args), |r| {
                Ok(DueItem {
                    petition_id: r.get(0)?,
                    kind: r.get::<_, crate::store::value::Named<_>>(1)?.0,
                    summary: r.get(2)?,
                    received_on: r.get(3)?,
                    deadline: r.get::<_, crate::store::value::Named<_>>(4)?.0,
                    due: r.get(5)?,
                    flags: Vec::new(),
                })
            })?
            .collect()
        };
        let (t, s) = (today.to_string(), soon_until.to_string());
        let overdue = "d.due < ?1";
        let soon = "d.due >= ?1 AND d.due <= ?2";
        let overdue_count = count(overdue, &[&t])?;
        let soon_count = count(soon, &[&t, &s])?;
        // Per officer through the index on cases.owner_id; the unassigned share is what
        // the officers' shares leave of the (uncapped) totals.
        let owned = |officer: i64, cond: &str, args: &[&str]| -> rusqlite::Result<i64> {
            conn.prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM cases c
                   JOIN petitions p ON p.case_id = c.id
                   JOIN deadline_cache d ON d.petition_id = p.id
                  WHERE c.owner_id = ?{n} AND {OPEN} AND {cond} LIMIT {COUNT_CAP})",
                n = args.len() + 1
            ))?
            .query_row(
                rusqlite::params_from_iter(
                    args.iter()
                        .map(|a| a.to_string())
                        .chain([officer.to_string()]),
                ),
                |r| r.get(0),
            )
        };
        let mut by_officer = Vec::new();
        for o in self.officers()?.into_iter().filter(|o| o.active) {
            let late_tasks: i64 = conn
                .prepare_cached(
                    "SELECT count(*) FROM case_tasks t JOIN petitions p ON p.id = t.petition_id
                       JOIN cases c ON c.id = p.case_id
                      WHERE c.owner_id = ?1 AND t.done_on IS NULL AND t.due < ?2",
                )?
                .query_row(rusqlite::params![o.id, t], |r| r.get(0))?;
            let load = OfficerLoad {
                overdue: owned(o.id, overdue, &[&t])?,
                soon: owned(o.id, soon, &[&t, &s])?,
                late_tasks,
                officer_id: Some(o.id),
                name: o.full_name,
            };
            if load.overdue + load.soon + load.late_tasks > 0 {
                by_officer.push(load);
            }
        }
        if overdue_count < COUNT_CAP && soon_count < COUNT_CAP {
            let assigned = |f: fn(&OfficerLoad) -> i64| by_officer.iter().map(f).sum::<i64>();
            let rest = OfficerLoad {
                officer_id: None,
                name: "Chưa phân công".to_owned(),
                overdue: overdue_count - assigned(|l| l.overdue),
                soon: soon_count - assigned(|l| l.soon),
                late_tasks: 0,
            };
            if rest.overdue + rest.soon > 0 {
                by_officer.push(rest);
            }
        }
        let flagged = |mut items: Vec<DueItem>| -> Result<Vec<DueItem>> {
            for item in &mut items {
                item.flags = self.flags_of(item.petition_id, today)?;
            }
            Ok(items)
        };
        Ok(DueSummary {
            overdue_count,
            soon_count,
            by_officer,
            overdue: flagged(list(overdue, &[&t])?)?,
            soon: flagged(list(soon, &[&t, &s])?)?,
            assignments: self.open_assignments(today, soon_until, limit)?,
            tasks: self.open_tasks(today, soon_until, limit)?,
            calendar_warning: calendar_warning(&calendar, today),
            today: t,
            soon_until: s,
        })
    }

    /// Recomputes the deadline cache when the deadline rules or the calendar in force
    /// differ from those it was computed with (a new build, an administrator's rule file),
    /// or when a database with petitions has none computed (migrated from an older
    /// version). The rules' fingerprint is kept in `settings`. Returns how many petitions
    /// were recomputed.
    pub(in crate::desk) fn fill_deadline_cache(
        &mut self,
        ctx: &crate::audit::Ctx,
    ) -> Result<usize> {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(format!(
            "{:?}{:?}",
            self.rules.deadlines, self.rules.calendar
        ));
        let fingerprint: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        let conn = self.store.conn();
        let stored: Option<String> = conn
            .query_row(
                "SELECT value FROM settings WHERE key = 'deadline_rules_fingerprint'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let missing: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM petitions WHERE voided_at IS NULL)
                AND NOT EXISTS (SELECT 1 FROM deadline_cache)",
            [],
            |r| r.get(0),
        )?;
        let has_petitions: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM petitions WHERE voided_at IS NULL)",
            [],
            |r| r.get(0),
        )?;
        let mut recomputed = 0;
        if missing || (has_petitions && stored.as_deref() != Some(fingerprint.as_str())) {
            recomputed = self.recompute_all(ctx)?;
        }
        if stored.as_deref() != Some(fingerprint.as_str()) {
            // Derived data: the fingerprint of the rules the cache was computed with.
            self.store.write_unaudited(|tx| -> Result<()> {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES ('deadline_rules_fingerprint', ?1)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [&fingerprint],
                )?;
                Ok(())
            })?;
        }
        Ok(recomputed)
    }
}

#[cfg(test)]
mod tests {
    use super::calendar_warning;
    use crate::rules::calendar::CalendarRules;
    use chrono::NaiveDate;

    #[test]
    fn next_years_forecast_is_flagged_from_november_and_a_missing_year_too() {
        let cal = CalendarRules::default_rules().calendar();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(calendar_warning(&cal, d(2026, 10, 31)), None);
        let w = calendar_warning(&cal, d(2026, 11, 1)).expect("2027 is a forecast");
        assert!(w.contains("năm 2027 mới là dự kiến"), "{w}");
        // 2026's days were all checked against the notices: nothing to say in late 2025.
        assert_eq!(calendar_warning(&cal, d(2025, 12, 1)), None);
        let w = calendar_warning(&cal, d(2027, 11, 1)).expect("2028 has no days");
        assert!(w.contains("năm 2028 chưa có trong phần mềm"), "{w}");
    }
}
