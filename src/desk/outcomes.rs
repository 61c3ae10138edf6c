//! What became of a petition after handling, entered on it: the resolution decision with
//! its finding and figures (`resolved`), the decision carried out (`enforced`), a whole or
//! partial withdrawal, a termination (đình chỉ). These are the events the KQGQ tables count;
//! each is audited and moves the petition's deadlines in the same transaction.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Desk, from_name, name};
use crate::domain::deadline::{Action, EventKind};
use crate::domain::outcome::{Figures, Finding, is_known_key};
use crate::error::{Error, FieldError, Result};
use crate::store::audit::{self, Ctx};
use crate::text::clean;

/// The outcomes an officer enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    Resolved,
    Enforced,
    Withdrawn,
    Terminated,
}

impl OutcomeKind {
    fn event(self) -> EventKind {
        match self {
            OutcomeKind::Resolved => EventKind::Resolved,
            OutcomeKind::Enforced => EventKind::Enforced,
            OutcomeKind::Withdrawn => EventKind::Withdrawn,
            OutcomeKind::Terminated => EventKind::Terminated,
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
    /// Terminated: why.
    pub reason: Option<String>,
    /// Resolved or enforced: the figures, keyed as the interchange format's `results`
    /// (money in đồng, land in m², people).
    #[serde(default)]
    pub results: BTreeMap<String, f64>,
}

/// An outcome recorded on a petition.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OutcomeView {
    pub on: String,
    pub kind: OutcomeKind,
    pub result: Option<Finding>,
    pub decision: Option<String>,
    pub partial: Option<bool>,
    pub reason: Option<String>,
    /// The non-zero figures, as entered.
    #[ts(type = "Record<string, number>")]
    pub results: serde_json::Map<String, serde_json::Value>,
}

/// The stored events of a petition that matter here, in date order.
struct History {
    received_on: NaiveDate,
    accepted_on: Option<NaiveDate>,
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

    fn enforced_after(&self, decision: NaiveDate) -> bool {
        self.events
            .iter()
            .any(|(on, k, _)| *k == EventKind::Enforced && *on >= decision)
    }
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl Desk {
    fn history(&self, petition_id: i64) -> Result<History> {
        let conn = self.store.conn();
        let row: Option<(String, Option<String>, Option<String>)> = conn
            .query_row(
                "SELECT received_on, handled_on, handled_action FROM petitions WHERE id = ?1",
                [petition_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let missing =
            || Error::Invalid(vec![FieldError::new("petition_id", "Không tìm thấy đơn.")]);
        let Some((received, handled_on, action)) = row else {
            return Err(missing());
        };
        let day = |s: &str| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok();
        let accepted_on = match action.as_deref().map(from_name::<Action>) {
            Some(Ok(Action::Accept)) => handled_on.as_deref().and_then(day),
            _ => None,
        };
        let mut stmt = conn.prepare_cached(
            "SELECT on_date, kind, partial FROM events WHERE petition_id = ?1
               AND kind IN ('resolved', 'enforced', 'withdrawn', 'terminated')
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
            received_on: day(&received).ok_or_else(missing)?,
            accepted_on,
            events,
        })
    }

    /// Records an outcome on a petition; the figures must be known names with numbers ≥ 0.
    pub fn record_outcome(&mut self, ctx: &Ctx, input: &OutcomeInput) -> Result<i64> {
        let h = self.history(input.petition_id)?;
        let mut errors = Vec::new();
        let on = NaiveDate::parse_from_str(input.on.trim(), "%Y-%m-%d").ok();
        match on {
            None => errors.push(FieldError::new(
                "on",
                "Ngày không hợp lệ; nhập ngày/tháng/năm.",
            )),
            Some(d) if d > ctx.now.date() => {
                errors.push(FieldError::new("on", "Ngày không được ở tương lai."))
            }
            Some(d) if d < h.received_on => errors.push(FieldError::new(
                "on",
                format!("Ngày trước ngày nhận đơn ({}).", dmy(h.received_on)),
            )),
            _ => {}
        }
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
            OutcomeKind::Terminated => {
                if input
                    .reason
                    .as_deref()
                    .map(clean)
                    .unwrap_or_default()
                    .is_empty()
                {
                    errors.push(FieldError::new("reason", "Ghi lý do đình chỉ."));
                }
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
        let rules = &self.rules;
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO events (petition_id, on_date, kind, decision, result, reason, partial, results, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    input.petition_id,
                    on.to_string(),
                    name(input.kind.event()),
                    decision,
                    input.result.filter(|_| input.kind == OutcomeKind::Resolved).map(name),
                    reason,
                    partial,
                    results_text,
                    ctx.now.format("%Y-%m-%dT%H:%M:%S").to_string()
                ],
            )?;
            let id = tx.last_insert_rowid();
            let detail = serde_json::json!({
                "kind": name(input.kind), "on": on.to_string(), "result": input.result,
                "decision": decision, "partial": partial, "reason": reason, "results": stored,
            });
            audit::append(tx, ctx, "petition.outcome", "petition", &[input.petition_id], Some(detail))?;
            let calendar = super::deadlines::calendar_of(tx, &rules.calendar)?;
            super::deadlines::refresh(
                tx,
                &rules.deadlines,
                &calendar,
                super::deadlines::Scope::These(&[input.petition_id]),
                ctx.now.date(),
            )?;
            Ok(id)
        })
    }

    /// The outcomes recorded on a petition, in date order.
    pub fn outcomes(&self, petition_id: i64) -> Result<Vec<OutcomeView>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT on_date, kind, result, decision, partial, reason, results FROM events
              WHERE petition_id = ?1 AND kind IN ('resolved', 'enforced', 'withdrawn', 'terminated')
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
                on: r.get(0)?,
                kind: from_name(&kind).map_err(|e| bad(1, e))?,
                result: result
                    .map(|x| from_name(&x).map_err(|e| bad(2, e)))
                    .transpose()?,
                decision: r.get(3)?,
                partial: r.get(4)?,
                reason: r.get(5)?,
                results: Figures::from_json(results.as_deref()).to_results(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
