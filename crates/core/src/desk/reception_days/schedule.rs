//! Lịch tiếp dân: the heads' reception plans, the sessions of a date range with their
//! bookings and the schedule's shortfalls, one-off and ad hoc sessions, cancellations.
//! Booking a citizen is `bookings.rs`; the published calendar and notice `publishing.rs`.
//! A plan's day is stored as a session row the first time it is touched (booked or
//! cancelled); until then it is computed from the plan.

use chrono::{Days, NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, from_name};
use crate::domain::schedule::{
    self, Host, Plan, PlanRule, ScheduleIssue, Session, SessionKind, SessionRow, ShiftPolicy,
};
use crate::error::{Error, FieldError, Result};
use crate::rules::calendar::weekday_vi;
use crate::text::clean;

/// A new plan, as the window or the command line gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanInput {
    pub host: Host,
    pub host_name: String,
    pub rule: PlanRule,
    /// `YYYY-MM-DD`.
    pub from: String,
    pub to: Option<String>,
    pub place: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    pub capacity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanView {
    #[ts(type = "number")]
    pub id: i64,
    pub host: Host,
    pub host_label: String,
    pub host_name: String,
    pub rule: PlanRule,
    /// "thứ Năm hằng tuần".
    pub rule_label: String,
    pub from: String,
    pub to: Option<String>,
    pub place: String,
    pub start: String,
    pub end: String,
    pub capacity: u32,
}

/// Names a session: its stored row, or a plan's day not stored yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionKey {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    pub planned_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionView {
    pub key: SessionKey,
    /// `YYYY-MM-DD`.
    pub on: String,
    /// "thứ Năm".
    pub weekday: String,
    pub planned_on: Option<String>,
    /// Moved off its planned day (a holiday, by the office's policy).
    pub moved: bool,
    pub kind: SessionKind,
    pub host: Host,
    pub host_label: String,
    pub host_name: String,
    pub place: String,
    pub start: String,
    pub end: String,
    pub capacity: u32,
    pub booked: u32,
    pub cancelled: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleView {
    pub from: String,
    pub to: String,
    pub policy: ShiftPolicy,
    pub sessions: Vec<SessionView>,
    /// Weeks or months short of the minimum, delegations no longer allowed.
    pub issues: Vec<ScheduleIssue>,
}

/// A session added on its own: planned once, or ad hoc (đột xuất).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionInput {
    pub kind: SessionKind,
    pub host: Host,
    pub host_name: String,
    pub on: String,
    pub place: String,
    pub start: String,
    pub end: String,
    pub capacity: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BookingInput {
    pub session: SessionKey,
    #[ts(type = "number")]
    pub citizen_id: i64,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    /// People coming (a group's size).
    pub people: u32,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BookingView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub session_id: i64,
    #[ts(type = "number")]
    pub citizen_id: i64,
    pub citizen_name: String,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    pub case_title: Option<String>,
    pub people: u32,
    pub note: Option<String>,
    /// The citizen is booked as a denouncer: `citizen_name` is withheld.
    pub secret: bool,
}

pub(super) const POLICY_KEY: &str = "reception_shift_policy";
pub(super) const MARGIN: Days = Days::new(16);

pub(super) use crate::desk::days::day;

pub(super) fn time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

pub(super) fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

pub(super) use crate::desk::days::dmy;

pub(super) fn bad(i: usize, e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

/// What a plan and a session share: a host's name, a place, hours and a capacity.
pub(super) struct Common {
    host_name: String,
    place: String,
    start: NaiveTime,
    end: NaiveTime,
}

pub(super) fn common(
    errors: &mut Vec<FieldError>,
    host_name: &str,
    place: &str,
    start: &str,
    end: &str,
    capacity: u32,
) -> Option<Common> {
    let host_name = clean(host_name);
    let place = clean(place);
    if host_name.is_empty() {
        errors.push(FieldError::new(
            "host_name",
            "Ghi họ tên người chủ trì tiếp.",
        ));
    }
    if place.is_empty() {
        errors.push(FieldError::new("place", "Ghi địa điểm tiếp công dân."));
    }
    let (start, end) = (time(start), time(end));
    match (start, end) {
        (None, _) => errors.push(FieldError::new("start", "Giờ bắt đầu ghi theo dạng 07:30.")),
        (_, None) => errors.push(FieldError::new("end", "Giờ kết thúc ghi theo dạng 11:30.")),
        (Some(s), Some(e)) if e <= s => {
            errors.push(FieldError::new("end", "Giờ kết thúc phải sau giờ bắt đầu."))
        }
        _ => {}
    }
    if !(1..=500).contains(&capacity) {
        errors.push(FieldError::new(
            "capacity",
            "Số lượt tiếp tối đa của một buổi phải từ 1 đến 500.",
        ));
    }
    Some(Common {
        host_name,
        place,
        start: start?,
        end: end?,
    })
}

impl Desk {
    /// The office's choice for planned days that are not working days.
    pub fn shift_policy(&self) -> Result<ShiftPolicy> {
        self.signed_in()?;
        let v: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [POLICY_KEY],
                |r| r.get(0),
            )
            .optional()?;
        Ok(v.and_then(|v| from_name(&v).ok()).unwrap_or_default())
    }

    pub fn set_shift_policy(&mut self, ctx: &Ctx, policy: ShiftPolicy) -> Result<()> {
        ctx.require(crate::domain::access::Permission::ManageSchedule)?;
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![POLICY_KEY, crate::store::value::Named(policy)],
            )?;
            audit::append(
                tx,
                ctx,
                "schedule.policy",
                "settings",
                &[],
                Some(serde_json::json!({"policy": policy})),
            )?;
            Ok(())
        })
    }

    pub(super) fn all_plans(&self) -> Result<Vec<Plan>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, host, host_name, rule, from_date, to_date, place, start_time, end_time, capacity
               FROM reception_plans ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            let host: String = r.get(1)?;
            let rule: String = r.get(3)?;
            let from: String = r.get(4)?;
            let to: Option<String> = r.get(5)?;
            let start: String = r.get(7)?;
            let end: String = r.get(8)?;
            Ok(Plan {
                id: r.get(0)?,
                host: from_name(&host).map_err(|e| bad(1, e))?,
                host_name: r.get(2)?,
                rule: serde_json::from_str(&rule).map_err(|e| bad(3, e.to_string()))?,
                from: day(&from).ok_or_else(|| bad(4, from.clone()))?,
                to: to.as_deref().and_then(day),
                place: r.get(6)?,
                start: time(&start).ok_or_else(|| bad(7, start.clone()))?,
                end: time(&end).ok_or_else(|| bad(8, end.clone()))?,
                capacity: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every plan, oldest first.
    pub fn plans(&self) -> Result<Vec<PlanView>> {
        self.signed_in()?;
        Ok(self
            .all_plans()?
            .into_iter()
            .map(|p| PlanView {
                id: p.id,
                host: p.host,
                host_label: p.host.label_vi().to_owned(),
                host_name: p.host_name,
                rule_label: p.rule.label_vi(),
                rule: p.rule,
                from: p.from.to_string(),
                to: p.to.map(|d| d.to_string()),
                place: p.place,
                start: hm(p.start),
                end: hm(p.end),
                capacity: p.capacity,
            })
            .collect())
    }

    /// Adds a plan of periodic reception days; audited.
    pub fn add_plan(&mut self, ctx: &Ctx, input: &PlanInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::ManageSchedule)?;
        let mut errors = Vec::new();
        let c = common(
            &mut errors,
            &input.host_name,
            &input.place,
            &input.start,
            &input.end,
            input.capacity,
        );
        let from = day(&input.from);
        let to = input
            .to
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map(day);
        if from.is_none() {
            errors.push(FieldError::new(
                "from",
                "Ngày bắt đầu áp dụng không hợp lệ.",
            ));
        }
        match to {
            Some(None) => errors.push(FieldError::new("to", "Ngày kết thúc không hợp lệ.")),
            Some(Some(t)) if from.is_some_and(|f| t < f) => errors.push(FieldError::new(
                "to",
                "Ngày kết thúc đứng trước ngày bắt đầu.",
            )),
            _ => {}
        }
        match &input.rule {
            PlanRule::Weekly(days) if days.is_empty() => {
                errors.push(FieldError::new("rule", "Chọn ít nhất một ngày trong tuần."))
            }
            PlanRule::Monthly(days)
                if days.is_empty() || days.iter().any(|d| !(1..=31).contains(d)) =>
            {
                errors.push(FieldError::new(
                    "rule",
                    "Ghi các ngày trong tháng từ 1 đến 31, ví dụ 10 và 25.",
                ))
            }
            _ => {}
        }
        let (Some(c), Some(from)) = (c.filter(|_| errors.is_empty()), from) else {
            return Err(Error::Invalid(errors));
        };
        let to = to.flatten();
        let rule = serde_json::to_string(&input.rule).expect("a plan rule serialises");
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO reception_plans (host, host_name, rule, from_date, to_date, place,
                     start_time, end_time, capacity, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    crate::store::value::Named(input.host),
                    c.host_name,
                    rule,
                    from.to_string(),
                    to.map(|t| t.to_string()),
                    c.place,
                    hm(c.start),
                    hm(c.end),
                    input.capacity,
                    ctx.stamp()
                ],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                ctx,
                "schedule.plan",
                "reception_plan",
                &[id],
                Some(serde_json::to_value(input).expect("serialises")),
            )?;
            Ok(id)
        })
    }

    /// Ends a plan after `last_day` (its later days are no longer planned); audited.
    pub fn end_plan(&mut self, ctx: &Ctx, plan_id: i64, last_day: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::ManageSchedule)?;
        let last =
            day(last_day).ok_or_else(|| Error::invalid("to", "Ngày kết thúc không hợp lệ."))?;
        let from: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT from_date FROM reception_plans WHERE id = ?1",
                [plan_id],
                |r| r.get(0),
            )
            .optional()?;
        let from =
            from.ok_or_else(|| Error::invalid("plan_id", "Không tìm thấy lịch tiếp này."))?;
        if day(&from).is_some_and(|f| last < f) {
            return Err(Error::invalid(
                "to",
                "Ngày kết thúc đứng trước ngày bắt đầu áp dụng.",
            ));
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE reception_plans SET to_date = ?1 WHERE id = ?2",
                params![last.to_string(), plan_id],
            )?;
            audit::append(
                tx,
                ctx,
                "schedule.plan_end",
                "reception_plan",
                &[plan_id],
                Some(serde_json::json!({"to": last.to_string()})),
            )?;
            Ok(())
        })
    }

    pub(super) fn session_rows(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<SessionRow>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, plan_id, planned_on, on_date, kind, host, host_name, place, start_time,
                    end_time, capacity, cancelled
               FROM reception_sessions
              WHERE on_date BETWEEN ?1 AND ?2 OR planned_on BETWEEN ?1 AND ?2",
        )?;
        let rows = stmt.query_map(
            [(from - MARGIN).to_string(), (to + MARGIN).to_string()],
            |r| {
                let planned: Option<String> = r.get(2)?;
                let on: String = r.get(3)?;
                let start: String = r.get(8)?;
                let end: String = r.get(9)?;
                Ok(SessionRow {
                    id: r.get(0)?,
                    plan_id: r.get(1)?,
                    planned_on: planned.as_deref().and_then(day),
                    on: day(&on).ok_or_else(|| bad(3, on.clone()))?,
                    kind: r.get::<_, crate::store::value::Named<_>>(4)?.0,
                    host: r.get::<_, crate::store::value::Named<_>>(5)?.0,
                    host_name: r.get(6)?,
                    place: r.get(7)?,
                    start: time(&start).ok_or_else(|| bad(8, start.clone()))?,
                    end: time(&end).ok_or_else(|| bad(9, end.clone()))?,
                    capacity: r.get(10)?,
                    cancelled: r.get(11)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sessions from `from` to `to` as domain values.
    pub fn sessions(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Session>> {
        self.signed_in()?;
        let calendar = self.working_calendar()?;
        Ok(schedule::sessions(
            &self.all_plans()?,
            &self.session_rows(from, to)?,
            &calendar,
            self.shift_policy()?,
            from,
            to,
        ))
    }

    /// The schedule from `from` to `to`: sessions with their bookings, and what falls short
    /// of the rules.
    pub fn schedule(&self, from: NaiveDate, to: NaiveDate) -> Result<ScheduleView> {
        self.signed_in()?;
        if to < from {
            return Err(Error::invalid("to", "Ngày cuối đứng trước ngày đầu."));
        }
        if (to - from).num_days() > 731 {
            return Err(Error::invalid("to", "Chỉ xem lịch tối đa hai năm một lần."));
        }
        let sessions = self.sessions(from, to)?;
        let calendar = self.working_calendar()?;
        let issues = schedule::check(&sessions, &self.rules.reception, &calendar, from, to);
        let conn = self.store.conn();
        let mut booked =
            conn.prepare_cached("SELECT count(*) FROM bookings WHERE session_id = ?1")?;
        let views = sessions
            .into_iter()
            .map(|s| {
                let n: u32 = match s.id {
                    Some(id) => booked.query_row([id], |r| r.get(0))?,
                    None => 0,
                };
                Ok(SessionView {
                    key: SessionKey {
                        id: s.id,
                        plan_id: s.plan_id,
                        planned_on: s.planned_on.map(|d| d.to_string()),
                    },
                    on: s.on.to_string(),
                    weekday: weekday_vi(s.on).to_owned(),
                    planned_on: s.planned_on.map(|d| d.to_string()),
                    moved: s.moved(),
                    kind: s.kind,
                    host: s.host,
                    host_label: s.host.label_vi().to_owned(),
                    host_name: s.host_name,
                    place: s.place,
                    start: hm(s.start),
                    end: hm(s.end),
                    capacity: s.capacity,
                    booked: n,
                    cancelled: s.cancelled,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ScheduleView {
            from: from.to_string(),
            to: to.to_string(),
            policy: self.shift_policy()?,
            sessions: views,
            issues,
        })
    }

    /// Adds a one-off or ad hoc session; audited.
    pub fn add_session(&mut self, ctx: &Ctx, input: &SessionInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::ManageSchedule)?;
        let mut errors = Vec::new();
        let c = common(
            &mut errors,
            &input.host_name,
            &input.place,
            &input.start,
            &input.end,
            input.capacity,
        );
        let on = day(&input.on);
        if on.is_none() {
            errors.push(FieldError::new("on", "Ngày tiếp không hợp lệ."));
        }
        if input.kind == SessionKind::Planned {
            errors.push(FieldError::new(
                "kind",
                "Buổi tiếp theo lịch định kỳ do lịch sinh ra; hãy chọn buổi tiếp riêng hoặc đột xuất.",
            ));
        }
        let (Some(c), Some(on)) = (c.filter(|_| errors.is_empty()), on) else {
            return Err(Error::Invalid(errors));
        };
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO reception_sessions (on_date, kind, host, host_name, place, start_time,
                     end_time, capacity, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    on.to_string(),
                    crate::store::value::Named(input.kind),
                    crate::store::value::Named(input.host),
                    c.host_name,
                    c.place,
                    hm(c.start),
                    hm(c.end),
                    input.capacity,
                    ctx.stamp()
                ],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                ctx,
                "schedule.session",
                "reception_session",
                &[id],
                Some(serde_json::to_value(input).expect("serialises")),
            )?;
            Ok(id)
        })
    }

    /// The stored row of the session `key` names, storing a plan's day first if needed.
    pub(in crate::desk) fn stored_session_id(
        &mut self,
        ctx: &Ctx,
        key: &SessionKey,
    ) -> Result<i64> {
        self.session_id(ctx, key)
    }

    pub(super) fn session_id(&mut self, ctx: &Ctx, key: &SessionKey) -> Result<i64> {
        if let Some(id) = key.id {
            let found: Option<i64> = self
                .store
                .conn()
                .query_row(
                    "SELECT id FROM reception_sessions WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            return found.ok_or_else(|| Error::invalid("session", "Không tìm thấy buổi tiếp này."));
        }
        let (Some(plan_id), Some(planned)) = (key.plan_id, key.planned_on.as_deref().and_then(day))
        else {
            return Err(Error::invalid("session", "Chưa chọn buổi tiếp."));
        };
        let stored: Option<i64> = self
            .store
            .conn()
            .query_row(
                "SELECT id FROM reception_sessions WHERE plan_id = ?1 AND planned_on = ?2",
                params![plan_id, planned.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = stored {
            return Ok(id);
        }
        let session = self
            .sessions(planned - MARGIN, planned + MARGIN)?
            .into_iter()
            .find(|s| s.id.is_none() && s.plan_id == Some(plan_id) && s.planned_on == Some(planned))
            .ok_or_else(|| Error::invalid("session", "Lịch không có buổi tiếp này."))?;
        // A plan's day stored as a row the first time it is touched: every value is the
        // plan's, nothing new is recorded; the booking, cancellation or conclusion that
        // needed the row is audited.
        self.store.write_unaudited(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO reception_sessions (plan_id, planned_on, on_date, kind, host, host_name,
                     place, start_time, end_time, capacity, created_at)
                 VALUES (?1, ?2, ?3, 'planned', ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    plan_id,
                    planned.to_string(),
                    session.on.to_string(),
                    crate::store::value::Named(session.host),
                    session.host_name,
                    session.place,
                    hm(session.start),
                    hm(session.end),
                    session.capacity,
                    ctx.stamp()
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Cancels a session with a reason; a session with bookings is refused (move the
    /// citizens first); audited.
    pub fn cancel_session(&mut self, ctx: &Ctx, key: &SessionKey, reason: &str) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::ManageSchedule)?;
        let reason = clean(reason);
        if reason.is_empty() {
            return Err(Error::invalid("reason", "Ghi lý do hủy buổi tiếp."));
        }
        let id = self.session_id(ctx, key)?;
        let booked: i64 = self.store.conn().query_row(
            "SELECT count(*) FROM bookings WHERE session_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if booked > 0 {
            return Err(Error::invalid(
                "session",
                format!(
                    "Buổi tiếp đã có {booked} công dân đặt lịch: hãy báo và xếp họ sang buổi khác trước khi hủy."
                ),
            ));
        }
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "UPDATE reception_sessions SET cancelled = ?1 WHERE id = ?2",
                params![reason, id],
            )?;
            audit::append(
                tx,
                ctx,
                "schedule.cancel",
                "reception_session",
                &[id],
                Some(serde_json::json!({"reason": reason})),
            )?;
            Ok(id)
        })
    }
}
