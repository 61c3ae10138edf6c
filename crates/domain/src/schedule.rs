//! The heads' periodic reception days (lịch tiếp công dân định kỳ): plans that repeat
//! weekly or monthly, the sessions they give in a date range once days that are not working
//! days are moved by the office's policy, the changes made to single sessions (cancelled,
//! moved, one-off and ad hoc sessions), and the check of a schedule against the minimum
//! number of reception days in force on each date and the rule that the chair may not
//! delegate where it applies. Pure: the desk reads plans and rows, this computes.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tiepdan_rules::calendar::Calendar;
use tiepdan_rules::reception::{Per, ReceptionRules};

pub use tiepdan_vocab::reception::Host;

/// A day of the week as the interchange format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    fn chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Weekday::Mon => "thứ Hai",
            Weekday::Tue => "thứ Ba",
            Weekday::Wed => "thứ Tư",
            Weekday::Thu => "thứ Năm",
            Weekday::Fri => "thứ Sáu",
            Weekday::Sat => "thứ Bảy",
            Weekday::Sun => "Chủ nhật",
        }
    }
}

/// `{ "weekly": ["mon", "thu"] }` or `{ "monthly": [10, 25] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlanRule {
    Weekly(Vec<Weekday>),
    /// Days of the month; a day the month does not have (31 in April) is its last day.
    Monthly(Vec<u8>),
}

impl PlanRule {
    /// "thứ Năm hằng tuần", "ngày 10 và 25 hằng tháng".
    pub fn label_vi(&self) -> String {
        fn and(items: Vec<String>) -> String {
            match items.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} và {last}", rest.join(", ")),
                _ => items.join(""),
            }
        }
        match self {
            PlanRule::Weekly(days) => format!(
                "{} hằng tuần",
                and(days.iter().map(|d| d.label_vi().to_owned()).collect())
            ),
            PlanRule::Monthly(days) => format!(
                "ngày {} hằng tháng",
                and(days.iter().map(|d| d.to_string()).collect())
            ),
        }
    }

    /// The rule's days in `[from, to]`, in order.
    fn dates(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        match self {
            PlanRule::Weekly(days) => {
                let mut d = from;
                while d <= to {
                    if days.iter().any(|w| w.chrono() == d.weekday()) {
                        out.push(d);
                    }
                    d = d + Days::new(1);
                }
            }
            PlanRule::Monthly(days) => {
                let mut month = NaiveDate::from_ymd_opt(from.year(), from.month(), 1)
                    .expect("a month's first day");
                while month <= to {
                    let last = last_of_month(month);
                    let mut these: Vec<NaiveDate> = days
                        .iter()
                        .map(|&d| {
                            month
                                .with_day(u32::from(d).clamp(1, last.day()))
                                .expect("a day within the month")
                        })
                        .filter(|d| (from..=to).contains(d))
                        .collect();
                    these.sort();
                    these.dedup();
                    out.extend(these);
                    month = last + Days::new(1);
                }
            }
        }
        out
    }
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    let next = if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    };
    next.expect("a month's first day") - Days::new(1)
}

/// What happens to a planned day that is not a working day (the office's choice).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ShiftPolicy {
    /// To the next working day (the practice of commune notices; the default).
    #[default]
    Next,
    /// To the working day before.
    Previous,
    /// Not held that time.
    Skip,
}

/// A host's periodic reception days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub id: i64,
    pub host: Host,
    pub host_name: String,
    pub rule: PlanRule,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub place: String,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// How many citizens (or groups) can be booked into one session.
    pub capacity: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// From a plan.
    Planned,
    /// Added once, planned ahead.
    OneOff,
    /// Đột xuất: called at short notice (crowds, hot spots).
    AdHoc,
}

/// A stored session: a planned day changed (moved or cancelled; `plan_id` and `planned_on`
/// name it) or a session added on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub id: i64,
    pub plan_id: Option<i64>,
    pub planned_on: Option<NaiveDate>,
    pub on: NaiveDate,
    pub kind: SessionKind,
    pub host: Host,
    pub host_name: String,
    pub place: String,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub capacity: u32,
    pub cancelled: Option<String>,
}

/// One session of the schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The stored row, once the session has one (booked, moved, cancelled, added).
    pub id: Option<i64>,
    pub plan_id: Option<i64>,
    /// The plan's day this session holds, before any move.
    pub planned_on: Option<NaiveDate>,
    pub on: NaiveDate,
    pub kind: SessionKind,
    pub host: Host,
    pub host_name: String,
    pub place: String,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub capacity: u32,
    pub cancelled: Option<String>,
}

impl Session {
    /// Moved off its planned day (by the policy or by hand).
    pub fn moved(&self) -> bool {
        self.planned_on.is_some_and(|p| p != self.on)
    }
}

/// How far a non-working stretch may push a planned day (Tết: up to nine days off).
const SHIFT_MARGIN: Days = Days::new(16);

/// The planned day `d` as the policy holds it: itself on a working day, else moved or
/// dropped.
fn shifted(d: NaiveDate, calendar: &Calendar, policy: ShiftPolicy) -> Option<NaiveDate> {
    if calendar.is_working_day(d) {
        return Some(d);
    }
    match policy {
        ShiftPolicy::Next => Some(calendar.next_working_day(d)),
        ShiftPolicy::Previous => {
            let mut p = d;
            loop {
                p = p.pred_opt().expect("dates stay far from chrono's limits");
                if calendar.is_working_day(p) {
                    return Some(p);
                }
            }
        }
        ShiftPolicy::Skip => None,
    }
}

/// The sessions from `from` to `to`: each plan's days moved by `policy`, then the stored
/// rows (a planned day's row replaces it; other rows are added). Cancelled sessions are
/// kept, marked. In date and start-time order.
pub fn sessions(
    plans: &[Plan],
    rows: &[SessionRow],
    calendar: &Calendar,
    policy: ShiftPolicy,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Session> {
    let replaced: BTreeMap<(i64, NaiveDate), &SessionRow> = rows
        .iter()
        .filter_map(|r| Some(((r.plan_id?, r.planned_on?), r)))
        .collect();
    let mut out = Vec::new();
    for plan in plans {
        let first = plan.from.max(from - SHIFT_MARGIN);
        let last = plan.to.unwrap_or(to).min(to + SHIFT_MARGIN);
        if first > last {
            continue;
        }
        let mut taken = std::collections::BTreeSet::new();
        for planned in plan.rule.dates(first, last) {
            if replaced.contains_key(&(plan.id, planned)) {
                continue;
            }
            let Some(on) = shifted(planned, calendar, policy) else {
                continue;
            };
            // Two planned days moved onto the same day make one session.
            if !(from..=to).contains(&on) || !taken.insert(on) {
                continue;
            }
            out.push(Session {
                id: None,
                plan_id: Some(plan.id),
                planned_on: Some(planned),
                on,
                kind: SessionKind::Planned,
                host: plan.host,
                host_name: plan.host_name.clone(),
                place: plan.place.clone(),
                start: plan.start,
                end: plan.end,
                capacity: plan.capacity,
                cancelled: None,
            });
        }
    }
    for r in rows.iter().filter(|r| (from..=to).contains(&r.on)) {
        out.push(Session {
            id: Some(r.id),
            plan_id: r.plan_id,
            planned_on: r.planned_on,
            on: r.on,
            kind: r.kind,
            host: r.host,
            host_name: r.host_name.clone(),
            place: r.place.clone(),
            start: r.start,
            end: r.end,
            capacity: r.capacity,
            cancelled: r.cancelled.clone(),
        });
    }
    out.sort_by_key(|a| (a.on, a.start, a.host));
    out
}

/// Something wrong with a schedule, found before it happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleIssue {
    pub host: Host,
    /// The week or month (or the day, for a delegation).
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Sessions required and planned (0 and the count of delegated sessions for a
    /// delegation).
    pub required: u32,
    pub planned: u32,
    pub message_vi: String,
    pub basis: String,
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The windows (weeks Monday–Sunday or calendar months) of `per` that lie wholly in
/// `[from, to]`.
fn windows(per: Per, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut start = match per {
        Per::Week => from - Days::new(u64::from(from.weekday().num_days_from_monday())),
        Per::Month => NaiveDate::from_ymd_opt(from.year(), from.month(), 1).expect("first day"),
    };
    while start <= to {
        let end = match per {
            Per::Week => start + Days::new(6),
            Per::Month => last_of_month(start),
        };
        if start >= from && end <= to {
            out.push((start, end));
        }
        start = end + Days::new(1);
    }
    out
}

/// Checks the sessions against the minimum in force for the chair and the party secretary,
/// week by week or month by month over the weeks and months wholly in `[from, to]` (a
/// window with no working day, such as a Tết week, asks for nothing), and flags every
/// session a vice-chair holds where the chair may not delegate.
pub fn check(
    sessions: &[Session],
    rules: &ReceptionRules,
    calendar: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<ScheduleIssue> {
    let held: Vec<&Session> = sessions.iter().filter(|s| s.cancelled.is_none()).collect();
    let mut issues = Vec::new();
    for host in [Host::Chair, Host::PartySecretary] {
        for m in rules.minimums.iter().filter(|m| m.host == host) {
            let first = from.max(m.valid_from);
            let last = m.valid_to.map_or(to, |t| t.min(to));
            if first > last {
                continue;
            }
            for (start, end) in windows(m.per, first, last) {
                let mut d = start;
                let mut working = false;
                while d <= end && !working {
                    working = calendar.is_working_day(d);
                    d = d + Days::new(1);
                }
                if !working {
                    continue;
                }
                // The law counts the head's periodic reception DAYS: an ad hoc session
                // (đột xuất) is owed anyway, and two sessions on one day are one day.
                let mut days: Vec<NaiveDate> = held
                    .iter()
                    .filter(|s| (start..=end).contains(&s.on))
                    .filter(|s| s.kind != SessionKind::AdHoc)
                    .filter(|s| {
                        s.host == host
                            || (m.delegation && host == Host::Chair && s.host == Host::ViceChair)
                    })
                    .map(|s| s.on)
                    .collect();
                days.sort_unstable();
                days.dedup();
                let planned = days.len() as u32;
                if planned < m.sessions {
                    let (unit, window) = match m.per {
                        Per::Week => ("tuần", format!("tuần từ {} đến {}", dmy(start), dmy(end))),
                        Per::Month => {
                            ("tháng", format!("tháng {}/{}", start.month(), start.year()))
                        }
                    };
                    issues.push(ScheduleIssue {
                        host,
                        from: start,
                        to: end,
                        required: m.sessions,
                        planned,
                        message_vi: format!(
                            "{}: {window} mới có {planned} ngày tiếp định kỳ, chưa đủ tối thiểu {} ngày/{unit}.",
                            host.label_vi(),
                            m.sessions
                        ),
                        basis: m.basis.clone(),
                    });
                }
            }
        }
    }
    for s in held.iter().filter(|s| s.host == Host::ViceChair) {
        if let Some(m) = rules.minimum(Host::Chair, s.on).filter(|m| !m.delegation) {
            issues.push(ScheduleIssue {
                host: Host::ViceChair,
                from: s.on,
                to: s.on,
                required: 0,
                planned: 1,
                message_vi: format!(
                    "Buổi tiếp ngày {} do {} chủ trì: từ ngày {}, Chủ tịch Ủy ban nhân dân xã không được ủy quyền cho cấp phó tiếp công dân định kỳ.",
                    dmy(s.on),
                    s.host_name,
                    dmy(m.valid_from)
                ),
                basis: m.basis.clone(),
            });
        }
    }
    issues.sort_by_key(|a| (a.from, a.host));
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn calendar() -> Calendar {
        tiepdan_rules::calendar::CalendarRules::default_rules().calendar()
    }

    fn plan(id: i64, host: Host, rule: PlanRule) -> Plan {
        Plan {
            id,
            host,
            host_name: "Phạm Văn Hùng".into(),
            rule,
            from: d(1, 1),
            to: None,
            place: "Trụ sở tiếp công dân xã".into(),
            start: NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(11, 30, 0).unwrap(),
            capacity: 10,
        }
    }

    fn days(sessions: &[Session]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        sessions.iter().map(|s| (s.on, s.planned_on)).collect()
    }

    #[test]
    fn weekly_thursdays_move_off_new_year_tet_and_30_april_to_the_next_working_day() {
        let p = plan(1, Host::Chair, PlanRule::Weekly(vec![Weekday::Thu]));
        let cal = calendar();
        let s = sessions(
            std::slice::from_ref(&p),
            &[],
            &cal,
            ShiftPolicy::Next,
            d(1, 1),
            d(1, 15),
        );
        // 01/01 (Tết Dương lịch; 02/01 off too) moves to Monday 05/01.
        assert_eq!(
            days(&s),
            [
                (d(1, 5), Some(d(1, 1))),
                (d(1, 8), Some(d(1, 8))),
                (d(1, 15), Some(d(1, 15)))
            ]
        );
        assert!(s[0].moved() && !s[1].moved());
        // Tết Nguyên đán: Thursday 19/02 goes to Monday 23/02.
        let s = sessions(
            std::slice::from_ref(&p),
            &[],
            &cal,
            ShiftPolicy::Next,
            d(2, 9),
            d(2, 28),
        );
        assert_eq!(
            days(&s),
            [
                (d(2, 12), Some(d(2, 12))),
                (d(2, 23), Some(d(2, 19))),
                (d(2, 26), Some(d(2, 26)))
            ]
        );
        // 30/04 and 01/05: Thursday 30/04 goes to Monday 04/05.
        let s = sessions(
            std::slice::from_ref(&p),
            &[],
            &cal,
            ShiftPolicy::Next,
            d(4, 27),
            d(5, 8),
        );
        assert_eq!(
            days(&s),
            [(d(5, 4), Some(d(4, 30))), (d(5, 7), Some(d(5, 7)))]
        );
        // The other policies: the working day before, or not held.
        let s = sessions(
            std::slice::from_ref(&p),
            &[],
            &cal,
            ShiftPolicy::Previous,
            d(4, 27),
            d(5, 8),
        );
        assert_eq!(days(&s)[0], (d(4, 29), Some(d(4, 30))));
        let s = sessions(&[p], &[], &cal, ShiftPolicy::Skip, d(4, 27), d(5, 8));
        assert_eq!(days(&s), [(d(5, 7), Some(d(5, 7)))]);
    }

    #[test]
    fn monthly_days_keep_a_make_up_saturday_and_move_off_2_september() {
        let p = plan(
            2,
            Host::PartySecretary,
            PlanRule::Monthly(vec![2, 10, 16, 31]),
        );
        let cal = calendar();
        let s = sessions(&[p], &[], &cal, ShiftPolicy::Next, d(1, 1), d(9, 30));
        let on = |planned: NaiveDate| {
            s.iter()
                .find(|x| x.planned_on == Some(planned))
                .map(|x| x.on)
        };
        // 02/01 is a holiday: Monday 05/01. Saturday 10/01 is a make-up working day: kept.
        assert_eq!(on(d(1, 2)), Some(d(1, 5)));
        assert_eq!(on(d(1, 10)), Some(d(1, 10)));
        // 16/02 (Tết) goes to 23/02; "31" in February is its last day, Saturday 28/02,
        // which goes to Monday 02/03 — the same day as the 2nd of March: one session.
        assert_eq!(on(d(2, 16)), Some(d(2, 23)));
        assert_eq!(on(d(2, 28)), Some(d(3, 2)));
        assert_eq!(s.iter().filter(|x| x.on == d(3, 2)).count(), 1);
        // 31/03 is a Tuesday; 30/04 (the month's last day) is a holiday.
        assert_eq!(on(d(3, 31)), Some(d(3, 31)));
        assert_eq!(on(d(4, 30)), Some(d(5, 4)));
        // Quốc khánh 2026: Monday 31/08 (swapped for Saturday 22/08), 01/09 and 02/09 off:
        // the 31st and the 2nd both move to Thursday 03/09 — one session.
        assert_eq!(on(d(8, 31)), Some(d(9, 3)));
        assert_eq!(s.iter().filter(|x| x.on == d(9, 3)).count(), 1);
        assert!(cal.is_working_day(d(8, 22)), "the make-up Saturday");
    }

    #[test]
    fn a_stored_row_moves_or_cancels_its_planned_day_and_adds_one_off_sessions() {
        let p = plan(1, Host::Chair, PlanRule::Weekly(vec![Weekday::Thu]));
        let row =
            |id, planned_on: Option<NaiveDate>, on, kind, cancelled: Option<&str>| SessionRow {
                id,
                plan_id: planned_on.map(|_| 1),
                planned_on,
                on,
                kind,
                host: Host::Chair,
                host_name: "Phạm Văn Hùng".into(),
                place: "Nhà văn hóa thôn Tây".into(),
                start: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
                capacity: 30,
                cancelled: cancelled.map(str::to_owned),
            };
        let rows = [
            row(7, Some(d(3, 5)), d(3, 6), SessionKind::Planned, None),
            row(
                8,
                Some(d(3, 12)),
                d(3, 12),
                SessionKind::Planned,
                Some("Chủ tịch họp tỉnh"),
            ),
            row(9, None, d(3, 17), SessionKind::AdHoc, None),
        ];
        let s = sessions(
            &[p],
            &rows,
            &calendar(),
            ShiftPolicy::Next,
            d(3, 1),
            d(3, 20),
        );
        let summary: Vec<_> = s
            .iter()
            .map(|x| (x.on, x.id, x.kind, x.cancelled.is_some()))
            .collect();
        assert_eq!(
            summary,
            [
                (d(3, 6), Some(7), SessionKind::Planned, false),
                (d(3, 12), Some(8), SessionKind::Planned, true),
                (d(3, 17), Some(9), SessionKind::AdHoc, false),
                (d(3, 19), None, SessionKind::Planned, false),
            ]
        );
        assert!(s[0].moved());
    }

    #[test]
    fn the_minimum_check_follows_the_rule_in_force_on_each_date() {
        let rules = ReceptionRules::default_rules();
        let cal = calendar();
        // The chair on the 10th and 25th only: short every week without one until 30/06,
        // then two a month is enough from 01/07 (Law 136/2025).
        let p = plan(1, Host::Chair, PlanRule::Monthly(vec![10, 25]));
        let s = sessions(&[p], &[], &cal, ShiftPolicy::Next, d(6, 1), d(7, 31));
        let issues: Vec<ScheduleIssue> = check(&s, &rules, &cal, d(6, 1), d(7, 31))
            .into_iter()
            .filter(|i| i.host == Host::Chair)
            .collect();
        let weeks: Vec<NaiveDate> = issues.iter().map(|i| i.from).collect();
        // June: sessions on Wed 10/06 and Thu 25/06; weeks 1–7/6 and 15–21/6 have none.
        // The week 29/06–05/07 straddles the change and is not checked; July has two.
        assert_eq!(weeks, [d(6, 1), d(6, 15)]);
        assert!(
            issues[0]
                .message_vi
                .contains("tuần từ 01/06/2026 đến 07/06/2026")
        );
        assert!(
            issues[0]
                .message_vi
                .contains("chưa đủ tối thiểu 1 ngày/tuần")
        );
        assert_eq!(
            issues[0].basis,
            "Luật Tiếp công dân 2013 Điều 15 khoản 2 điểm d"
        );
        // One day a month is short after the change.
        let p = plan(1, Host::Chair, PlanRule::Monthly(vec![10]));
        let s = sessions(&[p], &[], &cal, ShiftPolicy::Next, d(7, 1), d(8, 31));
        let issues: Vec<ScheduleIssue> = check(&s, &rules, &cal, d(7, 1), d(8, 31))
            .into_iter()
            .filter(|i| i.host == Host::Chair)
            .collect();
        assert_eq!(issues.len(), 2);
        assert!(
            issues[0].message_vi.contains("tháng 7/2026 mới có 1 ngày"),
            "{issues:?}"
        );
        assert!(issues[0].message_vi.contains("tối thiểu 2 ngày/tháng"));
    }

    #[test]
    fn only_periodic_reception_days_count_towards_the_minimum() {
        let rules = ReceptionRules::default_rules();
        let cal = calendar();
        // July 2026 (two days a month): the plan's 10/07, an ad hoc session on 20/07 and a
        // one-off session added on 10/07 itself — still one periodic day.
        let p = plan(1, Host::Chair, PlanRule::Monthly(vec![10]));
        let row = |id, on, kind| SessionRow {
            id,
            plan_id: None,
            planned_on: None,
            on,
            kind,
            host: Host::Chair,
            host_name: "Phạm Văn Hùng".into(),
            place: "Trụ sở Ủy ban nhân dân xã".into(),
            start: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            capacity: 30,
            cancelled: None,
        };
        let rows = [
            row(1, d(7, 20), SessionKind::AdHoc),
            row(2, d(7, 10), SessionKind::OneOff),
        ];
        let s = sessions(
            std::slice::from_ref(&p),
            &rows,
            &cal,
            ShiftPolicy::Next,
            d(7, 1),
            d(7, 31),
        );
        assert_eq!(s.len(), 3);
        let short: Vec<_> = check(&s, &rules, &cal, d(7, 1), d(7, 31))
            .into_iter()
            .filter(|i| i.host == Host::Chair)
            .map(|i| (i.from, i.required, i.planned))
            .collect();
        assert_eq!(short, [(d(7, 1), 2, 1)]);
        // A one-off periodic session on another day makes the second day.
        let rows = [row(2, d(7, 24), SessionKind::OneOff)];
        let s = sessions(&[p], &rows, &cal, ShiftPolicy::Next, d(7, 1), d(7, 31));
        assert!(
            check(&s, &rules, &cal, d(7, 1), d(7, 31))
                .iter()
                .all(|i| i.host != Host::Chair)
        );
    }

    #[test]
    fn a_moved_holiday_session_can_leave_its_week_short_and_a_tet_week_asks_nothing() {
        let rules = ReceptionRules::default_rules();
        let cal = calendar();
        let p = plan(1, Host::Chair, PlanRule::Weekly(vec![Weekday::Thu]));
        let s = sessions(&[p], &[], &cal, ShiftPolicy::Next, d(2, 9), d(5, 10));
        let issues: Vec<ScheduleIssue> = check(&s, &rules, &cal, d(2, 9), d(5, 10))
            .into_iter()
            .filter(|i| i.host == Host::Chair)
            .collect();
        // Tết week 16–22/02 has no working day; 30/04 moved to 04/05 leaves 27/04–03/05
        // (working days 28 and 29/04) without a session.
        let weeks: Vec<NaiveDate> = issues.iter().map(|i| i.from).collect();
        assert_eq!(weeks, [d(4, 27)]);
        // The party secretary has no plan: every month wholly in the range is short.
        let none = check(&[], &rules, &cal, d(3, 1), d(4, 30));
        let secretary: Vec<_> = none
            .iter()
            .filter(|i| i.host == Host::PartySecretary)
            .map(|i| (i.from, i.required, i.planned))
            .collect();
        assert_eq!(secretary, [(d(3, 1), 2, 0), (d(4, 1), 2, 0)]);
    }

    #[test]
    fn a_vice_chair_counts_for_the_chair_until_delegation_ends_on_1_july_2026() {
        let rules = ReceptionRules::default_rules();
        let cal = calendar();
        let p = plan(3, Host::ViceChair, PlanRule::Weekly(vec![Weekday::Tue]));
        let s = sessions(&[p], &[], &cal, ShiftPolicy::Next, d(6, 1), d(7, 31));
        let issues = check(&s, &rules, &cal, d(6, 1), d(7, 31));
        let chair: Vec<_> = issues.iter().filter(|i| i.host == Host::Chair).collect();
        let delegated: Vec<NaiveDate> = issues
            .iter()
            .filter(|i| i.host == Host::ViceChair)
            .map(|i| i.from)
            .collect();
        // June is covered by the vice-chair; July is not: the chair is short and every
        // July Tuesday is a delegation the law no longer allows.
        assert_eq!(chair.len(), 1, "{issues:?}");
        assert_eq!(chair[0].from, d(7, 1));
        assert_eq!(delegated, [d(7, 7), d(7, 14), d(7, 21), d(7, 28)]);
        assert!(
            issues
                .iter()
                .any(|i| i.message_vi.contains("không được ủy quyền cho cấp phó"))
        );
    }

    #[test]
    fn rules_read_the_vietnamese_way() {
        assert_eq!(
            PlanRule::Weekly(vec![Weekday::Tue, Weekday::Thu]).label_vi(),
            "thứ Ba và thứ Năm hằng tuần"
        );
        assert_eq!(
            PlanRule::Monthly(vec![10, 20, 25]).label_vi(),
            "ngày 10, 20 và 25 hằng tháng"
        );
        assert_eq!(PlanRule::Monthly(vec![15]).label_vi(), "ngày 15 hằng tháng");
    }
}
