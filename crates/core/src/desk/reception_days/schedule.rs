//! Lịch tiếp dân: the heads' reception plans, the sessions of a date range with their
//! bookings and the schedule's shortfalls, one-off and ad hoc sessions, cancellations,
//! and citizens booked into a session (with its capacity) and their appointment slips.
//! A plan's day is stored as a session row the first time it is touched (booked or
//! cancelled); until then it is computed from the plan.

use chrono::{Days, NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::denouncer::{MASKED, SECRET_BOOKING};
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::{Desk, from_name, name};
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

const POLICY_KEY: &str = "reception_shift_policy";
const MARGIN: Days = Days::new(16);

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn bad(i: usize, e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

/// What a plan and a session share: a host's name, a place, hours and a capacity.
struct Common {
    host_name: String,
    place: String,
    start: NaiveTime,
    end: NaiveTime,
}

fn common(
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
                params![POLICY_KEY, name(policy)],
            )?;
            audit::append(
                tx,
                ctx,
                "schedule.policy",
                "settings",
                &[],
                Some(serde_json::json!({"policy": name(policy)})),
            )?;
            Ok(())
        })
    }

    fn all_plans(&self) -> Result<Vec<Plan>> {
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
                    name(input.host),
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

    fn session_rows(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<SessionRow>> {
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
                let kind: String = r.get(4)?;
                let host: String = r.get(5)?;
                let start: String = r.get(8)?;
                let end: String = r.get(9)?;
                Ok(SessionRow {
                    id: r.get(0)?,
                    plan_id: r.get(1)?,
                    planned_on: planned.as_deref().and_then(day),
                    on: day(&on).ok_or_else(|| bad(3, on.clone()))?,
                    kind: from_name(&kind).map_err(|e| bad(4, e))?,
                    host: from_name(&host).map_err(|e| bad(5, e))?,
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
                    name(input.kind),
                    name(input.host),
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

    fn session_id(&mut self, ctx: &Ctx, key: &SessionKey) -> Result<i64> {
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
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO reception_sessions (plan_id, planned_on, on_date, kind, host, host_name,
                     place, start_time, end_time, capacity, created_at)
                 VALUES (?1, ?2, ?3, 'planned', ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    plan_id,
                    planned.to_string(),
                    session.on.to_string(),
                    name(session.host),
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

    /// Cancels a booking (the citizen will not come, or was booked in error), with a reason:
    /// not one of a session already held; audited with the session and the reason, never the
    /// person's name. Frees the place for someone else.
    pub fn cancel_booking(&mut self, ctx: &Ctx, booking_id: i64, reason: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let reason = clean(reason);
        let found: Option<(i64, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT b.session_id, s.on_date FROM bookings b
                   JOIN reception_sessions s ON s.id = b.session_id WHERE b.id = ?1",
                [booking_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((session, on)) = found else {
            return Err(Error::invalid(
                "booking_id",
                "Không tìm thấy lượt đặt lịch này (có thể đã được hủy).",
            ));
        };
        if reason.chars().count() < 3 {
            return Err(Error::invalid(
                "reason",
                "Ghi lý do hủy đặt lịch (ví dụ: công dân báo không đến được).",
            ));
        }
        if day(&on).is_some_and(|d| d < ctx.now.date()) {
            return Err(Error::invalid(
                "booking_id",
                "Buổi tiếp đã diễn ra: không hủy được lượt đặt lịch của buổi đã qua.",
            ));
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute("DELETE FROM bookings WHERE id = ?1", [booking_id])?;
            audit::append(
                tx,
                ctx,
                "schedule.unbook",
                "booking",
                &[booking_id],
                Some(serde_json::json!({"session": session, "reason": reason})),
            )?;
            Ok(())
        })
    }

    /// Books a citizen (or a group) into a session: not a cancelled or past session, not
    /// beyond its capacity, once per citizen; audited.
    pub fn book(&mut self, ctx: &Ctx, input: &BookingInput) -> Result<BookingView> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let citizen: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT full_name FROM citizens WHERE id = ?1",
                [input.citizen_id],
                |r| r.get(0),
            )
            .optional()?;
        if citizen.is_none() {
            return Err(Error::invalid("citizen_id", "Không tìm thấy công dân này."));
        }
        if let Some(case_id) = input.case_id {
            let found: Option<i64> = self
                .store
                .conn()
                .query_row("SELECT id FROM cases WHERE id = ?1", [case_id], |r| {
                    r.get(0)
                })
                .optional()?;
            if found.is_none() {
                return Err(Error::invalid("case_id", "Không tìm thấy vụ việc này."));
            }
        }
        if !(1..=500).contains(&input.people) {
            return Err(Error::invalid("people", "Số người đến phải từ 1 đến 500."));
        }
        let note = input.note.as_deref().map(clean).filter(|n| !n.is_empty());
        if note.as_ref().is_some_and(|n| n.chars().count() > 1000) {
            return Err(Error::invalid("note", "Ghi chú dài quá 1.000 ký tự."));
        }
        // A plan's day not stored yet is checked before it is stored.
        let session = match input.session.id {
            Some(_) => None,
            None => self
                .sessions_for_key(&input.session)?
                .filter(|s| s.on < ctx.now.date()),
        };
        if session.is_some() {
            return Err(Error::invalid("session", "Buổi tiếp này đã qua."));
        }
        let id = self.session_id(ctx, &input.session)?;
        let (on, capacity, cancelled): (String, u32, Option<String>) =
            self.store.conn().query_row(
                "SELECT on_date, capacity, cancelled FROM reception_sessions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        let on = day(&on)
            .ok_or_else(|| Error::invalid("session", "Ngày của buổi tiếp không hợp lệ."))?;
        if let Some(reason) = cancelled {
            return Err(Error::invalid(
                "session",
                format!("Buổi tiếp ngày {} đã hủy ({reason}).", dmy(on)),
            ));
        }
        if on < ctx.now.date() {
            return Err(Error::invalid(
                "session",
                format!("Buổi tiếp ngày {} đã qua.", dmy(on)),
            ));
        }
        let already: Option<i64> = self
            .store
            .conn()
            .query_row(
                "SELECT id FROM bookings WHERE session_id = ?1 AND citizen_id = ?2",
                params![id, input.citizen_id],
                |r| r.get(0),
            )
            .optional()?;
        if already.is_some() {
            return Err(Error::invalid(
                "citizen_id",
                format!(
                    "Công dân này đã được đặt lịch vào buổi tiếp ngày {}.",
                    dmy(on)
                ),
            ));
        }
        let booking = self.store.write(|tx| -> Result<i64> {
            // Counted inside the write, so the capacity holds whatever else was just booked.
            let now_booked: u32 = tx.query_row(
                "SELECT count(*) FROM bookings WHERE session_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if now_booked >= capacity {
                return Err(Error::invalid(
                    "session",
                    format!(
                        "Buổi tiếp ngày {} đã đủ {capacity} lượt đặt lịch; hãy chọn buổi khác.",
                        dmy(on)
                    ),
                ));
            }
            tx.execute(
                "INSERT INTO bookings (session_id, citizen_id, case_id, people, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    input.citizen_id,
                    input.case_id,
                    input.people,
                    note,
                    ctx.stamp()
                ],
            )?;
            let booking = tx.last_insert_rowid();
            audit::append(tx, ctx, "schedule.book", "booking", &[booking], Some(serde_json::json!({"session": id, "citizen": input.citizen_id, "case": input.case_id})))?;
            Ok(booking)
        })?;
        self.bookings(id)?
            .into_iter()
            .find(|b| b.id == booking)
            .ok_or_else(|| Error::invalid("session", "Không đọc lại được lượt đặt lịch."))
    }

    /// The session a key names: its stored row, or the plan's day computed.
    pub(in crate::desk) fn session_of(&self, key: &SessionKey) -> Result<Option<Session>> {
        if let Some(id) = key.id {
            let on: Option<String> = self
                .store
                .conn()
                .query_row(
                    "SELECT on_date FROM reception_sessions WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(on) = on.as_deref().and_then(day) else {
                return Ok(None);
            };
            return Ok(self
                .sessions(on, on)?
                .into_iter()
                .find(|s| s.id == Some(id)));
        }
        self.sessions_for_key(key)
    }

    /// The computed session a key names (a plan's day not stored yet).
    fn sessions_for_key(&self, key: &SessionKey) -> Result<Option<Session>> {
        let (Some(plan_id), Some(planned)) = (key.plan_id, key.planned_on.as_deref().and_then(day))
        else {
            return Ok(None);
        };
        Ok(self
            .sessions(planned - MARGIN, planned + MARGIN)?
            .into_iter()
            .find(|s| s.plan_id == Some(plan_id) && s.planned_on == Some(planned)))
    }

    /// The citizens booked into session `session_id`, in booking order.
    pub fn bookings(&self, session_id: i64) -> Result<Vec<BookingView>> {
        self.signed_in()?;
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            &format!(
                "SELECT b.id, b.session_id, b.citizen_id, c.full_name, b.case_id, k.title, b.people, b.note,
                        {SECRET_BOOKING}
                   FROM bookings b JOIN citizens c ON c.id = b.citizen_id
                   LEFT JOIN cases k ON k.id = b.case_id
                  WHERE b.session_id = ?1 ORDER BY b.id"
            ),
        )?;
        let rows = stmt.query_map([session_id], |r| {
            let secret: bool = r.get(8)?;
            Ok(BookingView {
                id: r.get(0)?,
                session_id: r.get(1)?,
                citizen_id: r.get(2)?,
                citizen_name: if secret { MASKED.to_owned() } else { r.get(3)? },
                case_id: r.get(4)?,
                case_title: r.get(5)?,
                people: r.get(6)?,
                note: r.get(7)?,
                secret,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The appointment slip (Phiếu hẹn) of a booking: the session's day, hours, place and
    /// host; numbered in the year's register and stored like every issued document.
    pub fn print_booking_slip(&mut self, ctx: &Ctx, booking_id: i64) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        type Row = (
            i64,
            Option<i64>,
            Option<String>,
            String,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            String,
        );
        let row: Option<Row> = self
            .store
            .conn()
            .query_row(
                "SELECT b.citizen_id, b.case_id, k.title, s.on_date, s.start_time, s.place, s.host,
                        s.host_name, c.full_name, c.gender, c.address
                   FROM bookings b JOIN reception_sessions s ON s.id = b.session_id
                   JOIN citizens c ON c.id = b.citizen_id LEFT JOIN cases k ON k.id = b.case_id
                  WHERE b.id = ?1",
                [booking_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                    ))
                },
            )
            .optional()?;
        let Some((
            citizen_id,
            case_id,
            case_title,
            on,
            start,
            place,
            host,
            host_name,
            full_name,
            gender,
            address,
        )) = row
        else {
            return Err(Error::invalid(
                "booking_id",
                "Không tìm thấy lượt đặt lịch này.",
            ));
        };
        let (secret, first_today): (bool, bool) = self.store.conn().query_row(
            &format!(
                "SELECT {SECRET_BOOKING}, substr(b.created_at, 1, 10) = ?2
                        AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.form = 'appointment'
                                 AND d.case_id IS b.case_id AND d.visit_id IS NULL
                                 AND d.created_at >= b.created_at)
                   FROM bookings b WHERE b.id = ?1"
            ),
            params![booking_id, ctx.now.date().to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // A denouncer's slip: the first, at the desk on the day of booking; else a view.
        if secret && !first_today {
            let petitions = match case_id {
                Some(c) => self.denunciations_of("case", c)?,
                None => Vec::new(),
            };
            self.log_denouncer_view(
                ctx,
                "in lại phiếu hẹn",
                "booking",
                &[booking_id],
                &petitions,
            )?;
        }
        let at = day(&on)
            .zip(time(&start))
            .map(|(d, t)| d.and_time(t))
            .ok_or_else(|| Error::invalid("booking_id", "Ngày giờ của buổi tiếp không hợp lệ."))?;
        let host: Host = from_name(&host).map_err(|e| Error::invalid("booking_id", e))?;
        let gender = gender.and_then(|g| from_name(&g).ok());
        let rules = self.rules.documents.clone();
        // A sealed identity on the slip: opened for a role that may see denouncers, or as
        // typed at this desk in this session.
        let (full_name, address) = match self.sealed_name_address(ctx, citizen_id)? {
            Some(opened) => opened,
            None => (full_name, address),
        };
        let owner = Owner {
            case_id,
            petition_id: None,
            visit_id: None,
            sealed: secret,
        };
        let officer = self.acting_officer_name(ctx)?;
        self.issue(ctx, "appointment", owner, |number| {
            let label = rules.label(&rules.appointment, number);
            let pdf = crate::print::appointment::render(&crate::print::appointment::Appointment {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                issued_at: ctx.now,
                person_title: crate::print::header::title_of(gender).to_owned(),
                person_name: full_name.clone(),
                person_address: address.clone(),
                about: case_title
                    .clone()
                    .unwrap_or_else(|| "việc công dân đề nghị".to_owned()),
                at,
                at_place: place.clone(),
                purpose: format!(
                    "gặp {} {host_name} tại buổi tiếp công dân định kỳ",
                    host.label_vi()
                ),
                officer: officer.clone(),
            });
            (label, pdf)
        })
    }
}

impl Desk {
    /// The sessions from `from` to `to` (of one host, or all) as an iCalendar file for a
    /// phone's calendar: one event per session that is not cancelled, in local time, with a
    /// stable UID (the plan's day, or the stored session).
    pub fn schedule_ics(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        host: Option<Host>,
    ) -> Result<String> {
        self.signed_in()?;
        use icalendar::{Calendar, Component, Event, EventLike};
        let view = self.schedule(from, to)?;
        let office = self.office()?.map(|o| o.name).unwrap_or_default();
        let mut calendar = Calendar::new();
        calendar.name(&format!("Lịch tiếp công dân — {office}"));
        for s in view
            .sessions
            .iter()
            .filter(|s| s.cancelled.is_none() && host.is_none_or(|h| h == s.host))
        {
            let (Some(on), Some(start), Some(end)) = (day(&s.on), time(&s.start), time(&s.end))
            else {
                continue;
            };
            let uid = match (&s.key.id, &s.key.plan_id, &s.key.planned_on) {
                (_, Some(plan), Some(planned)) => format!("plan-{plan}-{planned}@tiepdan"),
                (Some(id), _, _) => format!("session-{id}@tiepdan"),
                _ => format!("{}-{}@tiepdan", s.on, s.start),
            };
            let moved = s
                .planned_on
                .as_deref()
                .and_then(day)
                .filter(|_| s.moved)
                .map(|p| {
                    format!(
                        " Lịch định kỳ ngày {}, chuyển sang ngày làm việc tiếp theo.",
                        dmy(p)
                    )
                })
                .unwrap_or_default();
            calendar.push(
                Event::new()
                    .uid(&uid)
                    .summary(&format!("Tiếp công dân — {} {}", s.host_label, s.host_name))
                    .location(&s.place)
                    .description(&format!(
                        "{}. Đã đặt lịch {}/{} lượt.{moved}",
                        match s.kind {
                            SessionKind::Planned => "Tiếp công dân định kỳ",
                            SessionKind::OneOff => "Buổi tiếp công dân",
                            SessionKind::AdHoc => "Tiếp công dân đột xuất",
                        },
                        s.booked,
                        s.capacity
                    ))
                    .starts(on.and_time(start))
                    .ends(on.and_time(end))
                    .done(),
            );
        }
        Ok(calendar.done().to_string())
    }
}

impl Desk {
    /// Writes `schedule_ics` in the viewing folder (`DataDir::view`).
    pub fn export_schedule_ics(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        host: Option<Host>,
        now: chrono::NaiveDateTime,
    ) -> Result<crate::desk::RegisterFile> {
        self.signed_in()?;
        let text = self.schedule_ics(from, to, host)?;
        let stem = format!(
            "lich-tiep-cong-dan-{}-{}",
            from.format("%Y%m%d"),
            to.format("%Y%m%d")
        );
        let path = crate::desk::files::export_path(&self.dir, &stem, now, "ics")?;
        crate::desk::files::write_copy(&path, text.as_bytes())?;
        Ok(crate::desk::RegisterFile {
            path: path.display().to_string(),
            rows: text.matches("BEGIN:VEVENT").count() as u32,
        })
    }
}

/// "tháng 12 năm 2026" for a whole month, else "từ ngày 01/12/2026 đến ngày 15/12/2026".
fn range_words(from: NaiveDate, to: NaiveDate) -> String {
    use chrono::Datelike;
    let month_end = (from + Days::new(32)).with_day(1).map(|d| d - Days::new(1));
    if from.day() == 1 && Some(to) == month_end {
        format!("tháng {} năm {}", from.month(), from.year())
    } else {
        format!("từ ngày {} đến ngày {}", dmy(from), dmy(to))
    }
}

fn hours_words(start: &str, end: &str) -> String {
    let words = |t: &str| t.replacen(':', " giờ ", 1);
    format!("từ {} đến {}", words(start), words(end))
}

impl Desk {
    /// Thông báo lịch tiếp công dân: the sessions of a range (not cancelled) as a public
    /// notice to post at the office, per Nghị định 30/2020.
    pub fn schedule_notice_pdf(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<u8>> {
        self.signed_in()?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let view = self.schedule(from, to)?;
        let range = range_words(from, to);
        let mut paragraphs = vec![crate::domain::forms::schedule_notice_opening(
            &office.name,
            &range,
            today,
            &self.rules.documents,
        )];
        let held: Vec<&SessionView> = view
            .sessions
            .iter()
            .filter(|s| s.cancelled.is_none())
            .collect();
        if held.is_empty() {
            paragraphs
                .push("- Chưa có buổi tiếp công dân định kỳ nào trong thời gian này.".to_owned());
        }
        for s in held {
            let on = day(&s.on).expect("the schedule's own dates");
            let mut p = format!(
                "- {}, ngày {}, {}: {} {} tiếp công dân tại {}",
                {
                    let w = weekday_vi(on);
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                },
                dmy(on),
                hours_words(&s.start, &s.end),
                s.host_label,
                s.host_name,
                s.place
            );
            if let Some(planned) = s.planned_on.as_deref().and_then(day).filter(|_| s.moved) {
                p.push_str(&format!(
                    " (chuyển từ ngày {} do trùng ngày nghỉ)",
                    dmy(planned)
                ));
            }
            if s.kind == SessionKind::AdHoc {
                p.push_str(" (tiếp đột xuất)");
            }
            p.push('.');
            paragraphs.push(p);
        }
        paragraphs.push(match view.policy {
            ShiftPolicy::Next => "Trường hợp ngày tiếp định kỳ trùng ngày nghỉ lễ, Tết hoặc ngày nghỉ hằng tuần thì chuyển sang ngày làm việc kế tiếp.".to_owned(),
            ShiftPolicy::Previous => "Trường hợp ngày tiếp định kỳ trùng ngày nghỉ lễ, Tết hoặc ngày nghỉ hằng tuần thì chuyển lên ngày làm việc liền trước.".to_owned(),
            ShiftPolicy::Skip => "Trường hợp ngày tiếp định kỳ trùng ngày nghỉ lễ, Tết hoặc ngày nghỉ hằng tuần thì không tổ chức tiếp vào ngày đó.".to_owned(),
        });
        paragraphs.push("Công dân đến khiếu nại, tố cáo, kiến nghị, phản ánh xuất trình căn cước hoặc giấy tờ tùy thân; người được ủy quyền mang theo giấy ủy quyền. Công dân có thể đăng ký trước tại bộ phận tiếp công dân của xã để được sắp xếp lịch.".to_owned());
        paragraphs.push(format!("{} thông báo để Nhân dân được biết.", office.name));
        Ok(crate::print::letter::render(
            &crate::print::letter::Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: "      /TB-UBND".to_owned(),
                place: office.place.clone(),
                date: today,
                heading: Some((
                    "THÔNG BÁO".to_owned(),
                    format!("Lịch tiếp công dân định kỳ {range}"),
                )),
                subject: String::new(),
                to: Vec::new(),
                paragraphs,
                authority: self.rules.documents.authority("schedule"),
                signer: office.chair.clone(),
                copies_to: vec![
                    "Thường trực Đảng ủy xã".into(),
                    "Ủy ban Mặt trận Tổ quốc Việt Nam xã".into(),
                    "Niêm yết tại trụ sở và nhà văn hóa các thôn".into(),
                    "Đài truyền thanh xã".into(),
                    "Lưu: VT".into(),
                ],
                secret: false,
            },
        ))
    }

    /// Writes `schedule_notice_pdf` in the viewing folder (`DataDir::view`).
    pub fn export_schedule_notice(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        now: chrono::NaiveDateTime,
    ) -> Result<crate::desk::RegisterFile> {
        self.signed_in()?;
        let bytes = self.schedule_notice_pdf(from, to, now.date())?;
        let stem = format!(
            "thong-bao-lich-tiep-{}-{}",
            from.format("%Y%m%d"),
            to.format("%Y%m%d")
        );
        let path = crate::desk::files::export_path(&self.dir, &stem, now, "pdf")?;
        crate::desk::files::write_copy(&path, &bytes)?;
        Ok(crate::desk::RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }
}
