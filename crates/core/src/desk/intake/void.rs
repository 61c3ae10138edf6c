//! Voiding what was recorded in error, never deleting it.
//!
//! - A visit recorded twice: the visit and the petitions received at it are kept, marked
//!   with when and why, and left out of every register, report, deadline and search from
//!   then on. A petition already accepted for resolution (thụ lý), or with anything
//!   recorded after its handling, is corrected, not voided.
//! - An outcome recorded on the wrong petition (or twice): the petition's latest outcome
//!   moves whole to `voided_events` with when and why, so every deadline and report, which
//!   read `events`, forgets it; earlier outcomes are voided after the later ones.

use rusqlite::{OptionalExtension, params};

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::access::Permission;
use crate::error::{Error, Result};
use crate::text::clean;

impl Desk {
    /// Voids visit `visit_id` and the petitions received at it, for `reason`; audited with
    /// what was voided.
    pub fn void_visit(&mut self, ctx: &Ctx, visit_id: i64, reason: &str) -> Result<()> {
        ctx.require(Permission::VoidRecord)?;
        let reason = clean(reason);
        if reason.chars().count() < 5 {
            return Err(Error::invalid(
                "reason",
                "Hãy ghi lý do hủy (ví dụ: ghi trùng với lượt tiếp lúc 8 giờ cùng ngày).",
            ));
        }
        let conn = self.store.conn();
        let voided: Option<Option<String>> = conn
            .query_row(
                "SELECT voided_at FROM visits WHERE id = ?1",
                [visit_id],
                |r| r.get(0),
            )
            .optional()?;
        match voided {
            None => return Err(Error::invalid("visit_id", "Không có lượt tiếp này.")),
            Some(Some(_)) => {
                return Err(Error::invalid(
                    "visit_id",
                    "Lượt tiếp này đã được hủy trước đó.",
                ));
            }
            Some(None) => {}
        }
        let handled: i64 = conn.query_row(
            "SELECT count(*) FROM petitions p WHERE p.visit_id = ?1
               AND (p.handled_action = 'accept'
                    OR EXISTS (SELECT 1 FROM events e WHERE e.petition_id = p.id
                                 AND e.kind <> 'handled'))",
            [visit_id],
            |r| r.get(0),
        )?;
        if handled > 0 {
            return Err(Error::invalid(
                "visit_id",
                "Đơn nhận ở lượt tiếp này đã được thụ lý giải quyết nên không hủy được lượt tiếp. Hãy sửa thông tin đơn (Đơn thư → Thông tin đơn) thay vì hủy.",
            ));
        }
        let petitions: Vec<i64> = conn
            .prepare("SELECT id FROM petitions WHERE visit_id = ?1 ORDER BY id")?
            .query_map([visit_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let at = ctx.stamp();
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE visits SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
                params![visit_id, at, reason],
            )?;
            tx.execute(
                "UPDATE petitions SET voided_at = ?2, void_reason = ?3 WHERE visit_id = ?1",
                params![visit_id, at, reason],
            )?;
            tx.execute(
                "DELETE FROM deadline_cache WHERE petition_id IN
                   (SELECT id FROM petitions WHERE visit_id = ?1)",
                [visit_id],
            )?;
            let detail = serde_json::json!({ "reason": reason, "petitions": petitions });
            audit::append(tx, ctx, "visit.void", "visit", &[visit_id], Some(detail))?;
            Ok(())
        })
    }

    /// Voids outcome `event_id`, the latest recorded on its petition, for `reason`.
    pub fn void_outcome(&mut self, ctx: &Ctx, event_id: i64, reason: &str) -> Result<()> {
        ctx.require(Permission::VoidRecord)?;
        let reason = clean(reason);
        if reason.chars().count() < 5 {
            return Err(Error::invalid(
                "reason",
                "Hãy ghi lý do hủy (ví dụ: ghi nhầm vào đơn của ông Nguyễn Văn A).",
            ));
        }
        let conn = self.store.conn();
        let found: Option<(i64, String)> = conn
            .query_row(
                "SELECT petition_id, kind FROM events WHERE id = ?1",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((petition_id, kind)) = found else {
            return Err(Error::invalid(
                "event_id",
                "Không có kết quả giải quyết này.",
            ));
        };
        if kind == "handled" {
            return Err(Error::invalid(
                "event_id",
                "Đây là hướng xử lý đơn, không phải kết quả giải quyết: ghi hướng xử lý đúng ở khung xử lý đơn.",
            ));
        }
        let latest: i64 = conn.query_row(
            "SELECT id FROM events WHERE petition_id = ?1 ORDER BY on_date DESC, id DESC LIMIT 1",
            [petition_id],
            |r| r.get(0),
        )?;
        if latest != event_id {
            return Err(Error::invalid(
                "event_id",
                "Chỉ hủy được kết quả ghi sau cùng của đơn: hãy hủy các kết quả ghi sau nó trước.",
            ));
        }
        let rules = &self.rules;
        self.store.write(|tx| -> Result<()> {
            let record: String = tx.query_row(
                "SELECT json_object('id', id, 'on_date', on_date, 'kind', kind, 'action', action,
                        'to_agency', to_agency, 'days', days, 'decision', decision, 'result', result,
                        'reason', reason, 'partial', partial, 'results', results, 'note', note,
                        'officer_id', officer_id, 'created_at', created_at)
                   FROM events WHERE id = ?1",
                [event_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO voided_events (event_id, petition_id, record, reason, voided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![event_id, petition_id, record, reason, ctx.stamp()],
            )?;
            tx.execute("DELETE FROM events WHERE id = ?1", [event_id])?;
            let detail = serde_json::json!({
                "reason": reason,
                "event": serde_json::from_str::<serde_json::Value>(&record).unwrap_or_default(),
            });
            audit::append(tx, ctx, "outcome.void", "petition", &[petition_id], Some(detail))?;
            crate::desk::deadlines::refresh_petitions(tx, rules, &[petition_id], ctx.now.date())?;
            Ok(())
        })
    }
}
