//! What became of a petition after handling, entered on it: the resolution decision with
//! its finding and figures (`resolved`), the decision carried out (`enforced`), a whole or
//! partial withdrawal, a termination (đình chỉ). These are the events the KQGQ tables count;
//! each is audited and moves the petition's deadlines in the same transaction.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, from_name, name};
use crate::domain::deadline::{Action, EventKind};
use crate::domain::outcome::{Figures, Finding, is_known_key};
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

/// The outcomes an officer enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// Thụ lý: the formal acceptance (the resolution deadline starts).
    Accepted,
    Resolved,
    Enforced,
    Withdrawn,
    Terminated,
    /// Tạm đình chỉ: the resolution clock stops.
    Paused,
    /// Tiếp tục giải quyết after a suspension.
    Resumed,
    /// Đối thoại held (Luật Khiếu nại Điều 30), with its minutes.
    Dialogue,
    /// Gia hạn giải quyết: days added to the resolution period by a written decision.
    Extended,
    /// The body a petition was transferred to answered (văn bản trả lời, kết quả giải
    /// quyết): the office stops reminding it (01/XLD counts it).
    ReplyReceived,
}

impl OutcomeKind {
    fn event(self) -> EventKind {
        match self {
            OutcomeKind::Accepted => EventKind::Accepted,
            OutcomeKind::Resolved => EventKind::Resolved,
            OutcomeKind::Enforced => EventKind::Enforced,
            OutcomeKind::Withdrawn => EventKind::Withdrawn,
            OutcomeKind::Terminated => EventKind::Terminated,
            OutcomeKind::Paused => EventKind::Paused,
            OutcomeKind::Resumed => EventKind::Resumed,
            OutcomeKind::Dialogue => EventKind::Dialogue,
            OutcomeKind::Extended => EventKind::Extended,
            OutcomeKind::ReplyReceived => EventKind::ReplyReceived,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OutcomeInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    /// `YYYY-MM-DD`.
    pub on: String,
    pub kind: OutcomeKind,
    /// Resolved: đúng, sai, đúng một phần.
    pub result: Option<Finding>,
    /// The decision's number ("12/QĐ-UBND").
    pub decision: Option<String>,
    /// Withdrawn: only part of the content.
    #[serde(default)]
    pub partial: bool,
    /// Terminated or paused: why.
    pub reason: Option<String>,
    /// Dialogue: what was said and agreed (the minutes' content).
    #[serde(default)]
    pub minutes: Option<String>,
    /// Extended: the days added.
    #[serde(default)]
    pub days: Option<u32>,
    /// Resolved or enforced: the figures, keyed as the interchange format's `results`
    /// (money in đồng, land in m², people).
    #[serde(default)]
    pub results: BTreeMap<String, f64>,
}

/// An outcome recorded on a petition.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OutcomeView {
    #[ts(type = "number")]
    pub id: i64,
    pub on: String,
    pub kind: OutcomeKind,
    pub result: Option<Finding>,
    pub decision: Option<String>,
    pub partial: Option<bool>,
    pub reason: Option<String>,
    pub minutes: Option<String>,
    pub days: Option<u32>,
    /// The non-zero figures, as entered.
    #[ts(type = "Record<string, number>")]
    pub results: serde_json::Map<String, serde_json::Value>,
}

/// The stored events of a petition that matter here, in date order.
struct History {
    received_on: NaiveDate,
    accepted_on: Option<NaiveDate>,
    /// Handled first with an action other than accepting it.
    handled_other: bool,
    /// Transferred to another body, on that day.
    transferred_on: Option<NaiveDate>,
    is_complaint: bool,
    events: Vec<(NaiveDate, EventKind, Option<bool>)>,
}

impl History {
    fn closed(&self) -> Option<(NaiveDate, EventKind)> {
        self.events
            .iter()
            .find(|(_, k, partial)| {
                matches!(k, EventKind::Terminated)
                    || (*k == EventKind::Withdrawn && *partial != Some(true))
            })
            .map(|(on, k, _)| (*on, *k))
    }

    fn last_decision(&self) -> Option<NaiveDate> {
        self.events
            .iter()
            .filter(|(_, k, _)| *k == EventKind::Resolved)
            .map(|(on, _, _)| *on)
            .next_back()
    }

    /// The day the current suspension began, if the petition is suspended now.
    fn paused_since(&self) -> Option<NaiveDate> {
        let mut since = None;
        for (on, k, _) in &self.events {
            match k {
                EventKind::Paused if since.is_none() => since = Some(*on),
                EventKind::Resumed => since = None,
                _ => {}
            }
        }
        since
    }

    fn enforced_after(&self, decision: NaiveDate) -> bool {
        self.events
            .iter()
            .any(|(on, k, _)| *k == EventKind::Enforced && *on >= decision)
    }
}

impl History {
    /// An outcome that needs the petition accepted and not yet decided: "Chỉ {only} đơn đã
    /// thụ lý", "…; không {not}".
    fn require_open(&self, not: &str, only: &str, errors: &mut Vec<FieldError>) {
        if self.accepted_on.is_none() {
            errors.push(FieldError::new(
                "kind",
                format!("Chỉ {only} đơn đã thụ lý."),
            ));
        }
        if let Some(d) = self.last_decision() {
            errors.push(FieldError::new(
                "kind",
                format!(
                    "Đơn đã có quyết định giải quyết ngày {}; không {not}.",
                    dmy(d)
                ),
            ));
        }
    }
}

/// An outcome that must say why.
fn needs_reason(input: &OutcomeInput, message: &str, errors: &mut Vec<FieldError>) {
    if input
        .reason
        .as_deref()
        .map(clean)
        .unwrap_or_default()
        .is_empty()
    {
        errors.push(FieldError::new("reason", message));
    }
}

use crate::desk::days::dmy;

impl Desk {
    fn history(&self, petition_id: i64) -> Result<History> {
        let conn = self.store.conn();
        let row: Option<(String, Option<String>, Option<String>, String)> = conn
            .query_row(
                "SELECT received_on, handled_on, handled_action, kind FROM petitions WHERE id = ?1",
                [petition_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let missing =
            || Error::Invalid(vec![FieldError::new("petition_id", "Không tìm thấy đơn.")]);
        let Some((received, handled_on, action, kind)) = row else {
            return Err(missing());
        };
        let day = |s: &str| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok();
        let accepted_on = match action.as_deref().map(from_name::<Action>) {
            Some(Ok(Action::Accept)) => handled_on.as_deref().and_then(day),
            _ => None,
        };
        let handled_other = action.is_some() && accepted_on.is_none();
        let transferred_on = match action.as_deref().map(from_name::<Action>) {
            Some(Ok(Action::Transfer)) => handled_on.as_deref().and_then(day),
            _ => None,
        };
        let mut stmt = conn.prepare_cached(
            "SELECT on_date, kind, partial FROM events WHERE petition_id = ?1
               AND kind IN ('resolved', 'enforced', 'withdrawn', 'terminated', 'paused', 'resumed',
                            'accepted', 'extended', 'reply_received')
             ORDER BY on_date, id",
        )?;
        let events = stmt
            .query_map([petition_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<bool>>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter_map(|(on, kind, partial)| {
                Some((day(&on)?, from_name::<EventKind>(&kind).ok()?, partial))
            })
            .collect();
        Ok(History {
            handled_other,
            transferred_on,
            is_complaint: kind == "complaint",
            received_on: day(&received).ok_or_else(missing)?,
            accepted_on,
            events,
        })
    }

    /// Records an outcome on a petition; the figures must be known names with numbers ≥ 0.
    pub fn record_outcome(&mut self, ctx: &Ctx, input: &OutcomeInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let h = self.history(input.petition_id)?;
        let mut errors = Vec::new();
        let on = crate::desk::petition_day(
            &mut errors,
            "Ngày",
            &input.on,
            ctx.now.date(),
            h.received_on,
        );
        if let Some((closed, kind)) = h.closed() {
            let what = if kind == EventKind::Terminated {
                "đã đình chỉ giải quyết"
            } else {
                "đã rút toàn bộ"
            };
            errors.push(FieldError::new(
                "kind",
                format!("Đơn {what} ngày {}; không ghi thêm kết quả.", dmy(closed)),
            ));
        }
        match input.kind {
            OutcomeKind::Accepted => {
                if let Some((d, _, _)) = h.events.iter().find(|(_, k, _)| *k == EventKind::Accepted)
                {
                    errors.push(FieldError::new(
                        "kind",
                        format!("Đơn đã được thụ lý ngày {}.", dmy(*d)),
                    ));
                }
                if h.handled_other {
                    errors.push(FieldError::new(
                        "kind",
                        "Đơn đã được xử lý theo hướng khác (chuyển, hướng dẫn, trả lại…); không thụ lý.",
                    ));
                }
            }
            OutcomeKind::Resolved => {
                match h.accepted_on {
                    None => errors.push(FieldError::new(
                        "kind",
                        "Đơn chưa được thụ lý: chỉ ghi quyết định giải quyết cho đơn đã thụ lý.",
                    )),
                    Some(a) if on.is_some_and(|d| d < a) => errors.push(FieldError::new(
                        "on",
                        format!("Ngày giải quyết trước ngày thụ lý ({}).", dmy(a)),
                    )),
                    _ => {}
                }
                if let Some(d) = h.last_decision() {
                    errors.push(FieldError::new(
                        "kind",
                        format!(
                            "Đơn đã có quyết định giải quyết ngày {}; khiếu nại lần hai là một đơn mới.",
                            dmy(d)
                        ),
                    ));
                }
                if input.result.is_none() {
                    errors.push(FieldError::new(
                        "result",
                        "Chọn kết luận: đúng, sai hoặc đúng một phần.",
                    ));
                }
            }
            OutcomeKind::Enforced => match h.last_decision() {
                None => errors.push(FieldError::new(
                    "kind",
                    "Đơn chưa có quyết định giải quyết để ghi thi hành.",
                )),
                Some(d) if h.enforced_after(d) => errors.push(FieldError::new(
                    "kind",
                    format!("Quyết định ngày {} đã được ghi là thi hành xong.", dmy(d)),
                )),
                Some(d) if on.is_some_and(|x| x < d) => errors.push(FieldError::new(
                    "on",
                    format!("Ngày thi hành trước ngày quyết định ({}).", dmy(d)),
                )),
                _ => {}
            },
            OutcomeKind::Withdrawn => {}
            OutcomeKind::Paused => {
                h.require_open("tạm đình chỉ", "tạm đình chỉ việc giải quyết", &mut errors);
                if let Some(since) = h.paused_since() {
                    errors.push(FieldError::new(
                        "kind",
                        format!("Việc giải quyết đang tạm đình chỉ từ ngày {}.", dmy(since)),
                    ));
                }
                needs_reason(input, "Ghi lý do tạm đình chỉ.", &mut errors);
            }
            OutcomeKind::Resumed => match h.paused_since() {
                None => errors.push(FieldError::new(
                    "kind",
                    "Việc giải quyết không bị tạm đình chỉ nên không cần tiếp tục.",
                )),
                Some(since) if on.is_some_and(|d| d < since) => errors.push(FieldError::new(
                    "on",
                    format!("Ngày tiếp tục trước ngày tạm đình chỉ ({}).", dmy(since)),
                )),
                _ => {}
            },
            OutcomeKind::Dialogue => {
                if h.accepted_on.is_none() {
                    errors.push(FieldError::new(
                        "kind",
                        "Chỉ đối thoại khi đơn đã được thụ lý.",
                    ));
                }
                let minutes = input
                    .minutes
                    .as_deref()
                    .map(crate::text::clean_block)
                    .unwrap_or_default();
                if minutes.trim().is_empty() {
                    errors.push(FieldError::new(
                        "minutes",
                        "Ghi nội dung đối thoại (ý kiến các bên, kết quả).",
                    ));
                } else if minutes.chars().count() > 10_000 {
                    errors.push(FieldError::new(
                        "minutes",
                        "Nội dung đối thoại dài quá 10.000 ký tự.",
                    ));
                }
            }
            OutcomeKind::Extended => {
                h.require_open("gia hạn", "gia hạn giải quyết", &mut errors);
                match (input.days, on) {
                    (Some(days @ 1..=60), Some(on)) if h.accepted_on.is_some() => {
                        if let Err(why) = self.check_extension(input.petition_id, on, days)? {
                            errors.push(FieldError::new("days", why));
                        }
                    }
                    (Some(1..=60), _) => {}
                    _ => errors.push(FieldError::new(
                        "days",
                        "Ghi số ngày gia hạn (từ 1 đến 60 ngày, theo quyết định gia hạn).",
                    )),
                }
                needs_reason(
                    input,
                    "Ghi lý do gia hạn (vụ việc phức tạp, cần xác minh thêm…).",
                    &mut errors,
                );
            }
            OutcomeKind::ReplyReceived => match h.transferred_on {
                None => errors.push(FieldError::new(
                    "kind",
                    "Đơn không được chuyển đến cơ quan khác nên không có văn bản trả lời để ghi.",
                )),
                Some(t) if on.is_some_and(|d| d < t) => errors.push(FieldError::new(
                    "on",
                    format!("Ngày nhận trả lời trước ngày chuyển đơn ({}).", dmy(t)),
                )),
                _ => {}
            },
            OutcomeKind::Terminated => {
                needs_reason(input, "Ghi lý do đình chỉ.", &mut errors);
            }
        }
        let takes_figures = matches!(input.kind, OutcomeKind::Resolved | OutcomeKind::Enforced);
        let mut results = serde_json::Map::new();
        for (key, v) in &input.results {
            if !is_known_key(key) {
                errors.push(FieldError::new(
                    &format!("results.{key}"),
                    format!("Không có chỉ tiêu \"{key}\"."),
                ));
            } else if !v.is_finite() || *v < 0.0 {
                errors.push(FieldError::new(
                    &format!("results.{key}"),
                    "Số liệu phải là một số không âm.",
                ));
            } else if *v > 0.0 && !takes_figures {
                errors.push(FieldError::new(
                    &format!("results.{key}"),
                    "Chỉ quyết định giải quyết và việc thi hành mới có số liệu kết quả.",
                ));
            } else if *v > 0.0 {
                results.insert(key.clone(), serde_json::Value::from(*v));
            }
        }
        let figures = Figures::from_results(&results);
        if figures.money_returned_org > figures.money_returned
            || figures.land_returned_org > figures.land_returned
        {
            errors.push(FieldError::new(
                "results.money_returned_org",
                "Phần trả lại cho tổ chức không được lớn hơn tổng số trả lại.",
            ));
        }
        let decision = input
            .decision
            .as_deref()
            .map(clean)
            .filter(|d| !d.is_empty());
        if decision.as_ref().is_some_and(|d| d.chars().count() > 60) {
            errors.push(FieldError::new(
                "decision",
                "Số quyết định dài quá 60 ký tự.",
            ));
        }
        let reason = input.reason.as_deref().map(clean).filter(|r| !r.is_empty());
        let Some(on) = on.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let stored = figures.to_results();
        let results_text =
            (!stored.is_empty()).then(|| serde_json::Value::Object(stored.clone()).to_string());
        let partial = (input.kind == OutcomeKind::Withdrawn).then_some(input.partial);
        let minutes = input
            .minutes
            .as_deref()
            .map(crate::text::clean_block)
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty() && input.kind == OutcomeKind::Dialogue);
        // A complaint's resolution decision is to be made public: a task, due by the rule.
        let publication = (input.kind == OutcomeKind::Resolved && h.is_complaint).then(|| {
            let p = &self.rules.documents.publication;
            let number = decision.as_deref().map(|d| format!(" số {d}")).unwrap_or_default();
            (
                format!(
                    "Công khai quyết định giải quyết khiếu nại{number}: niêm yết tại trụ sở ít nhất {} ngày liên tục (căn cứ: {})",
                    p.posting_days, p.basis
                ),
                on + chrono::Days::new(u64::from(p.within_days)),
            )
        });
        let rules = &self.rules;
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO events (petition_id, on_date, kind, decision, result, reason, partial, results, note, created_at, days)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    input.petition_id,
                    on.to_string(),
                    crate::store::value::Named(input.kind.event()),
                    decision,
                    input.result.filter(|_| input.kind == OutcomeKind::Resolved).map(name),
                    reason,
                    partial,
                    results_text,
                    minutes,
                    ctx.stamp(),
                    input.days.filter(|_| input.kind == OutcomeKind::Extended)
                ],
            )?;
            let id = tx.last_insert_rowid();
            if let Some((what, due)) = &publication {
                tx.execute(
                    "INSERT INTO case_tasks (petition_id, kind, what, who, due, created_at)
                     VALUES (?1, 'publication', ?2, 'Văn phòng Ủy ban nhân dân', ?3, ?4)",
                    params![input.petition_id, what, due.to_string(), ctx.stamp()],
                )?;
            }
            let detail = serde_json::json!({
                "kind": input.kind, "on": on.to_string(), "result": input.result,
                "decision": decision, "partial": partial, "reason": reason, "results": stored,
                "days": input.days.filter(|_| input.kind == OutcomeKind::Extended),
            });
            audit::append(tx, ctx, "petition.outcome", "petition", &[input.petition_id], Some(detail))?;
            crate::desk::deadlines::refresh_petitions(tx, rules, &[input.petition_id], ctx.now.date())?;
            Ok(id)
        })
    }

    /// The outcomes recorded on a petition, in date order.
    pub fn outcomes(&self, petition_id: i64) -> Result<Vec<OutcomeView>> {
        self.signed_in()?;
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT on_date, kind, result, decision, partial, reason, results, id, note, days FROM events
              WHERE petition_id = ?1
                AND kind IN ('accepted', 'resolved', 'enforced', 'withdrawn', 'terminated', 'paused',
                             'resumed', 'dialogue', 'extended', 'reply_received')
              ORDER BY on_date, id",
        )?;
        let rows = stmt.query_map([petition_id], |r| {
            let bad = |i, e: String| {
                rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
            };
            let kind: String = r.get(1)?;
            let result: Option<String> = r.get(2)?;
            let results: Option<String> = r.get(6)?;
            Ok(OutcomeView {
                id: r.get(7)?,
                minutes: r.get(8)?,
                on: r.get(0)?,
                kind: from_name(&kind).map_err(|e| bad(1, e))?,
                result: result
                    .map(|x| from_name(&x).map_err(|e| bad(2, e)))
                    .transpose()?,
                decision: r.get(3)?,
                partial: r.get(4)?,
                reason: r.get(5)?,
                days: r.get(9)?,
                results: Figures::from_json(results.as_deref()).to_results(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Desk {
    /// Biên bản đối thoại of a dialogue recorded on a complaint: the stored copy when it was
    /// printed before, else a new numbered document (the `minutes` series).
    pub fn print_dialogue_minutes(
        &mut self,
        ctx: &Ctx,
        event_id: i64,
    ) -> Result<crate::desk::IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let row: Option<(i64, String, Option<String>, String, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT e.petition_id, e.on_date, e.note, p.kind, p.summary
                   FROM events e JOIN petitions p ON p.id = e.petition_id
                  WHERE e.id = ?1 AND e.kind = 'dialogue'",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((petition_id, on, minutes, kind, summary)) = row else {
            return Err(Error::Invalid(vec![FieldError::new(
                "event_id",
                "Không tìm thấy buổi đối thoại này.",
            )]));
        };
        if kind == "denunciation" {
            return Err(Error::Invalid(vec![FieldError::new(
                "event_id",
                "Đơn tố cáo không có biên bản đối thoại (người tố cáo được giữ bí mật).",
            )]));
        }
        let since = self.store.conn().query_row(
            "SELECT created_at FROM events WHERE id = ?1",
            [event_id],
            |r| r.get::<_, String>(0),
        )?;
        if let Some(doc) = self.stored(
            ctx,
            "petition_id",
            petition_id,
            &format!("dialogue-{event_id}"),
            Some(&since),
        )? {
            return Ok(doc);
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let on = NaiveDate::parse_from_str(&on, "%Y-%m-%d").map_err(|_| {
            Error::Invalid(vec![FieldError::new(
                "event_id",
                "Ngày đối thoại không hợp lệ.",
            )])
        })?;
        let mut people = self.store.conn().prepare(
            "SELECT c.full_name, c.gender, c.address FROM petition_citizens pc
               JOIN citizens c ON c.id = pc.citizen_id WHERE pc.petition_id = ?1 ORDER BY pc.position",
        )?;
        let complainants: Vec<(String, Option<String>, String)> = people
            .query_map([petition_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        drop(people);
        let lines: Vec<String> = complainants
            .iter()
            .map(|(name, gender, address)| {
                let title = crate::print::header::title_of(
                    gender.as_deref().and_then(|g| from_name(g).ok()),
                );
                format!("{title} {name}, {address}")
            })
            .collect();
        let signer = complainants
            .first()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        let rules = self.rules.documents.clone();
        let owner = crate::desk::documents::Owner {
            case_id: None,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: false,
        };
        let at_place = format!("trụ sở {}", office.name);
        self.issue(ctx, &format!("dialogue-{event_id}"), owner, |number| {
            let label = rules.label(&rules.minutes, number);
            let pdf = crate::print::dialogue::render(&crate::print::dialogue::Dialogue {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                on,
                at_place,
                chair: office.chair.clone(),
                chair_role: format!("Chủ tịch {}", office.name),
                complainants: lines,
                about: summary,
                content: minutes.unwrap_or_default(),
                signer,
            });
            (label, pdf)
        })
    }
}
