//! The chair's watch list (danh sách theo dõi): cases put on it as a hot spot, a risk of
//! crowds or of going over the level, or a recommendation from the supervision of the
//! People's Council or the Fatherland Front, each with a reason and a review date; and, found
//! by the app, cases whose handling ended (not accepted, terminated) where the citizen
//! keeps coming back. Each with its next action: the earliest open task of the case.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, from_name};
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WatchKind {
    /// Điểm nóng.
    HotSpot,
    /// Nguy cơ phát sinh đông người.
    CrowdRisk,
    /// Nguy cơ khiếu kiện vượt cấp.
    OverLevelRisk,
    /// Kiến nghị qua giám sát của HĐND, Mặt trận Tổ quốc.
    Supervision,
    /// Found by the app: handling ended, the citizen keeps coming back.
    ReturnsAfterEnd,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WatchInput {
    /// A petition of the case to watch.
    #[ts(type = "number")]
    pub petition_id: i64,
    pub kind: WatchKind,
    pub reason: String,
    /// Supervision: who recommended it and in which document.
    pub source: Option<String>,
    /// `YYYY-MM-DD`.
    pub review_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WatchItem {
    /// `None` for what the app found.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[ts(type = "number")]
    pub case_id: i64,
    pub case_title: String,
    /// A petition of the case, to open it.
    #[ts(type = "number | null")]
    pub petition_id: Option<i64>,
    pub kind: WatchKind,
    pub reason: String,
    pub source: Option<String>,
    pub review_on: Option<String>,
    /// The review date has passed.
    pub review_due: bool,
    /// The earliest open task of the case: "Thi hành quyết định … — Công chức địa chính, hạn 20/03/2026".
    pub next_action: Option<String>,
}

use crate::desk::days::{day, stored_dmy as dmy};

impl Desk {
    /// Puts a petition's case on the watch list; audited.
    pub fn watch_case(&mut self, ctx: &Ctx, input: &WatchInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let case: Option<Option<i64>> = self
            .store
            .conn()
            .query_row(
                "SELECT case_id FROM petitions WHERE id = ?1",
                [input.petition_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(Some(case_id)) = case else {
            return Err(Error::invalid(
                "petition_id",
                "Không tìm thấy vụ việc của đơn này.",
            ));
        };
        let mut errors = Vec::new();
        if input.kind == WatchKind::ReturnsAfterEnd {
            errors.push(FieldError::new(
                "kind",
                "Loại này do phần mềm tự phát hiện; hãy chọn loại khác.",
            ));
        }
        let reason = clean(&input.reason);
        if reason.is_empty() {
            errors.push(FieldError::new("reason", "Ghi lý do theo dõi."));
        }
        let source = input.source.as_deref().map(clean).filter(|s| !s.is_empty());
        if input.kind == WatchKind::Supervision && source.is_none() {
            errors.push(FieldError::new(
                "source",
                "Ghi cơ quan kiến nghị và văn bản (ví dụ: Thường trực HĐND xã, Báo cáo giám sát số 12/BC-HĐND).",
            ));
        }
        match day(&input.review_on) {
            None => errors.push(FieldError::new(
                "review_on",
                "Ngày rà soát không hợp lệ; nhập ngày/tháng/năm.",
            )),
            Some(d) if d < ctx.now.date() => {
                errors.push(FieldError::new("review_on", "Ngày rà soát đã qua."))
            }
            _ => {}
        }
        let already: Option<i64> = self
            .store
            .conn()
            .query_row(
                "SELECT id FROM watch_list WHERE case_id = ?1 AND kind = ?2 AND ended_on IS NULL",
                params![case_id, crate::store::value::Named(input.kind)],
                |r| r.get(0),
            )
            .optional()?;
        if already.is_some() {
            errors.push(FieldError::new(
                "kind",
                "Vụ việc đã có trong danh sách theo dõi với loại này.",
            ));
        }
        let Some(review_on) = day(&input.review_on).filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO watch_list (case_id, kind, reason, source, review_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![case_id, crate::store::value::Named(input.kind), reason, source, review_on.to_string(), ctx.stamp()],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(tx, ctx, "watch.add", "case", &[case_id], Some(serde_json::json!({"watch": id, "kind": input.kind, "reason": reason, "review_on": review_on.to_string()})))?;
            Ok(id)
        })
    }

    /// Takes a case off the watch list, with the reason; audited.
    pub fn end_watch(&mut self, ctx: &Ctx, id: i64, reason: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let reason = clean(reason);
        if reason.is_empty() {
            return Err(Error::invalid("reason", "Ghi lý do thôi theo dõi."));
        }
        let open: Option<Option<String>> = self
            .store
            .conn()
            .query_row("SELECT ended_on FROM watch_list WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match open {
            None => return Err(Error::invalid("id", "Không tìm thấy mục theo dõi này.")),
            Some(Some(_)) => return Err(Error::invalid("id", "Mục này đã thôi theo dõi.")),
            Some(None) => {}
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE watch_list SET ended_on = ?1, ended_reason = ?2 WHERE id = ?3",
                params![ctx.now.date().to_string(), reason, id],
            )?;
            audit::append(
                tx,
                ctx,
                "watch.end",
                "watch",
                &[id],
                Some(serde_json::json!({"reason": reason})),
            )?;
            Ok(())
        })
    }

    /// The watch list as of `today`: what was put on it (open), then the cases found whose
    /// handling ended and where the citizen came back after; each with its next action.
    pub fn watch_list(&self, today: NaiveDate) -> Result<Vec<WatchItem>> {
        self.signed_in()?;
        let conn = self.store.conn();
        let mut items = Vec::new();
        let mut stmt = conn.prepare_cached(
            "SELECT w.id, w.case_id, c.title, w.kind, w.reason, w.source, w.review_on,
                    (SELECT min(p.id) FROM petitions p WHERE p.case_id = w.case_id)
               FROM watch_list w JOIN cases c ON c.id = w.case_id
              WHERE w.ended_on IS NULL ORDER BY w.review_on, w.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let kind: String = r.get(3)?;
            let review_on: String = r.get(6)?;
            items.push(WatchItem {
                id: Some(r.get(0)?),
                case_id: r.get(1)?,
                case_title: r.get(2)?,
                petition_id: r.get(7)?,
                kind: from_name(&kind).map_err(|e| Error::invalid("kind", e))?,
                reason: r.get(4)?,
                source: r.get(5)?,
                review_due: day(&review_on).is_some_and(|d| d <= today),
                review_on: Some(review_on),
                next_action: None,
            });
        }
        // Ended (declined or terminated), then a visit about the same case after that day.
        let mut found = conn.prepare_cached(
            "SELECT c.id, c.title, min(p.id), max(e.on_date), count(DISTINCT v.id)
               FROM events e JOIN petitions p ON p.id = e.petition_id
               JOIN cases c ON c.id = p.case_id
               JOIN visits v ON v.case_id = c.id AND substr(v.at, 1, 10) > e.on_date
              WHERE e.kind = 'terminated' OR (e.kind = 'handled' AND e.action = 'decline')
              GROUP BY c.id ORDER BY c.id",
        )?;
        let mut rows = found.query([])?;
        while let Some(r) = rows.next()? {
            let case_id: i64 = r.get(0)?;
            let ended: String = r.get(3)?;
            let visits: i64 = r.get(4)?;
            if items
                .iter()
                .any(|i| i.case_id == case_id && i.kind == WatchKind::ReturnsAfterEnd)
            {
                continue;
            }
            items.push(WatchItem {
                id: None,
                case_id,
                case_title: r.get(1)?,
                petition_id: r.get(2)?,
                kind: WatchKind::ReturnsAfterEnd,
                reason: format!(
                    "Đã chấm dứt, không thụ lý ngày {}; công dân vẫn đến {visits} lần sau đó.",
                    dmy(&ended)
                ),
                source: None,
                review_on: None,
                review_due: false,
                next_action: None,
            });
        }
        let mut next = conn.prepare_cached(
            "SELECT t.what, t.who, t.due FROM case_tasks t JOIN petitions p ON p.id = t.petition_id
              WHERE p.case_id = ?1 AND t.done_on IS NULL ORDER BY t.due, t.id LIMIT 1",
        )?;
        for item in &mut items {
            item.next_action = next
                .query_row([item.case_id], |r| {
                    let (what, who, due): (String, String, String) =
                        (r.get(0)?, r.get(1)?, r.get(2)?);
                    Ok(format!("{what} — {who}, hạn {}", dmy(&due)))
                })
                .optional()?;
        }
        Ok(items)
    }
}
