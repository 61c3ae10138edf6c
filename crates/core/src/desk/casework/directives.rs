//! What the commune must carry out but did not decide itself (văn bản phải thực hiện): an
//! inspection's conclusion, another body's decision or denunciation conclusion, a
//! supervision recommendation of the People's Council or the Fatherland Front. Each is
//! entered with its tasks (what, who, by when); late tasks show on the dashboard until
//! done. Nothing is deleted: a directive entered by mistake is voided with its reason.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::desk::days::{day, dmy};
use crate::error::{Error, FieldError, Result};
use crate::store::value::Named;
use crate::text::clean;

/// Where a directive comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DirectiveKind {
    /// Kết luận thanh tra, kiểm tra.
    InspectionConclusion,
    /// Quyết định của cơ quan khác (giải quyết khiếu nại lần hai, xử lý…).
    Decision,
    /// Kết luận nội dung tố cáo của cơ quan khác.
    DenunciationConclusion,
    /// Kiến nghị giám sát của Hội đồng nhân dân, Mặt trận Tổ quốc.
    Supervision,
}

impl DirectiveKind {
    pub fn label_vi(self) -> &'static str {
        match self {
            DirectiveKind::InspectionConclusion => "Kết luận thanh tra, kiểm tra",
            DirectiveKind::Decision => "Quyết định của cơ quan khác",
            DirectiveKind::DenunciationConclusion => "Kết luận nội dung tố cáo của cơ quan khác",
            DirectiveKind::Supervision => "Kiến nghị giám sát (HĐND, MTTQ)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DirectiveTaskInput {
    pub what: String,
    pub who: String,
    /// `YYYY-MM-DD`.
    pub due: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DirectiveInput {
    pub kind: DirectiveKind,
    /// Who issued it ("Thanh tra tỉnh Quảng Ngãi").
    pub issuer: String,
    /// Its number ("12/KL-TTr"); may be empty for a recommendation without one.
    pub number: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    pub received_on: String,
    pub summary: String,
    pub tasks: Vec<DirectiveTaskInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DirectiveTaskView {
    #[ts(type = "number")]
    pub id: i64,
    pub what: String,
    pub who: String,
    pub due: String,
    pub done_on: Option<String>,
    pub result: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DirectiveView {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: DirectiveKind,
    pub kind_label: String,
    pub issuer: String,
    pub number: String,
    pub issued_on: String,
    pub received_on: String,
    pub summary: String,
    pub tasks: Vec<DirectiveTaskView>,
    /// Every task done.
    pub done: bool,
}

const MAX_TEXT: usize = 2_000;

/// A directive's row: id, kind, issuer, number, issued, received, summary.
type Head = (
    i64,
    Named<DirectiveKind>,
    String,
    String,
    String,
    String,
    String,
);

impl Desk {
    /// Records a directive with its tasks; returns the open directives.
    pub fn add_directive(&mut self, ctx: &Ctx, input: &DirectiveInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let today = ctx.now.date();
        let mut errors = Vec::new();
        let issuer = clean(&input.issuer);
        if issuer.is_empty() {
            errors.push(FieldError::new("issuer", "Ghi cơ quan ban hành văn bản."));
        }
        let number = clean(&input.number);
        if number.chars().count() > 60 {
            errors.push(FieldError::new("number", "Số văn bản dài quá 60 ký tự."));
        }
        let summary = clean(&input.summary);
        if summary.is_empty() {
            errors.push(FieldError::new(
                "summary",
                "Ghi trích yếu nội dung văn bản.",
            ));
        } else if summary.chars().count() > MAX_TEXT {
            errors.push(FieldError::new("summary", "Trích yếu dài quá 2.000 ký tự."));
        }
        let mut date = |field: &str, text: &str, what: &str| {
            let d = day(text);
            match d {
                None => errors.push(FieldError::new(
                    field,
                    format!("{what} ghi theo dạng ngày/tháng/năm."),
                )),
                Some(d) if d > today => errors.push(FieldError::new(
                    field,
                    format!("{what} không được ở tương lai."),
                )),
                _ => {}
            }
            d
        };
        let issued = date("issued_on", &input.issued_on, "Ngày ban hành");
        let received = date("received_on", &input.received_on, "Ngày nhận");
        if let (Some(i), Some(r)) = (issued, received)
            && r < i
        {
            errors.push(FieldError::new(
                "received_on",
                format!("Ngày nhận trước ngày ban hành ({}).", dmy(i)),
            ));
        }
        if input.tasks.is_empty() {
            errors.push(FieldError::new(
                "tasks",
                "Ghi ít nhất một việc phải thực hiện.",
            ));
        }
        let mut tasks = Vec::new();
        for (i, t) in input.tasks.iter().enumerate() {
            let n = i + 1;
            let (what, who) = (clean(&t.what), clean(&t.who));
            if what.is_empty() {
                errors.push(FieldError::new(
                    &format!("tasks.{i}.what"),
                    format!("Việc {n}: ghi việc phải làm."),
                ));
            }
            if who.is_empty() {
                errors.push(FieldError::new(
                    &format!("tasks.{i}.who"),
                    format!("Việc {n}: ghi người, bộ phận thực hiện."),
                ));
            }
            match (day(&t.due), received) {
                (None, _) => errors.push(FieldError::new(
                    &format!("tasks.{i}.due"),
                    format!("Việc {n}: hạn thực hiện ghi theo dạng ngày/tháng/năm."),
                )),
                (Some(d), Some(r)) if d < r => errors.push(FieldError::new(
                    &format!("tasks.{i}.due"),
                    format!(
                        "Việc {n}: hạn thực hiện trước ngày nhận văn bản ({}).",
                        dmy(r)
                    ),
                )),
                (Some(d), _) => tasks.push((what, who, d)),
            }
        }
        let (Some(issued), Some(received)) = (issued, received) else {
            return Err(Error::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO directives (kind, issuer, number, issued_on, received_on, summary, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![Named(input.kind), issuer, number, issued, received, summary, ctx.stamp()],
            )?;
            let id = tx.last_insert_rowid();
            for (what, who, due) in &tasks {
                tx.execute(
                    "INSERT INTO directive_tasks (directive_id, what, who, due, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, what, who, due, ctx.stamp()],
                )?;
            }
            audit::append(
                tx,
                ctx,
                "directive.create",
                "directive",
                &[id],
                Some(serde_json::json!({"kind": input.kind, "issuer": issuer, "number": number, "tasks": tasks.len()})),
            )?;
            Ok(id)
        })
    }

    /// The directives, those with open tasks first (by their earliest open task); done ones
    /// when `all`.
    pub fn directives(&self, ctx: &Ctx, all: bool) -> Result<Vec<DirectiveView>> {
        self.signed_in()?;
        let today = ctx.now.date();
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, kind, issuer, number, issued_on, received_on, summary
               FROM directives WHERE voided_at IS NULL ORDER BY received_on DESC, id DESC",
        )?;
        let heads: Vec<Head> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut tasks = conn.prepare_cached(
            "SELECT id, what, who, due, done_on, result FROM directive_tasks
              WHERE directive_id = ?1 ORDER BY due, id",
        )?;
        let mut out = Vec::new();
        for (id, kind, issuer, number, issued_on, received_on, summary) in heads {
            let list: Vec<DirectiveTaskView> = tasks
                .query_map([id], |r| {
                    let due: String = r.get(3)?;
                    let done_on: Option<String> = r.get(4)?;
                    Ok(DirectiveTaskView {
                        id: r.get(0)?,
                        what: r.get(1)?,
                        who: r.get(2)?,
                        overdue: done_on.is_none() && day(&due).is_some_and(|d| d < today),
                        due,
                        done_on,
                        result: r.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let done = list.iter().all(|t| t.done_on.is_some());
            if done && !all {
                continue;
            }
            out.push(DirectiveView {
                id,
                kind: kind.0,
                kind_label: kind.0.label_vi().to_owned(),
                issuer,
                number,
                issued_on,
                received_on,
                summary,
                tasks: list,
                done,
            });
        }
        // Open first, by their earliest open task.
        out.sort_by_key(|d| {
            (
                d.done,
                d.tasks
                    .iter()
                    .filter(|t| t.done_on.is_none())
                    .map(|t| t.due.clone())
                    .min()
                    .unwrap_or_default(),
            )
        });
        Ok(out)
    }

    /// Records a directive's task done on `on`, with what was done.
    pub fn complete_directive_task(
        &mut self,
        ctx: &Ctx,
        task_id: i64,
        on: &str,
        result: &str,
    ) -> Result<()> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let mut errors = Vec::new();
        let on = day(on);
        match on {
            None => errors.push(FieldError::new(
                "on",
                "Ngày hoàn thành ghi theo dạng ngày/tháng/năm.",
            )),
            Some(d) if d > ctx.now.date() => errors.push(FieldError::new(
                "on",
                "Ngày hoàn thành không được ở tương lai.",
            )),
            _ => {}
        }
        let result = clean(result);
        if result.is_empty() {
            errors.push(FieldError::new(
                "result",
                "Ghi kết quả thực hiện (đã làm gì, văn bản nào).",
            ));
        }
        let row: Option<Option<String>> = self
            .store
            .conn()
            .query_row(
                "SELECT t.done_on FROM directive_tasks t JOIN directives d ON d.id = t.directive_id
                  WHERE t.id = ?1 AND d.voided_at IS NULL",
                [task_id],
                |r| r.get(0),
            )
            .optional()?;
        match row {
            None => errors.push(FieldError::new("task", "Không tìm thấy việc này.")),
            Some(Some(d)) => errors.push(FieldError::new(
                "task",
                format!(
                    "Việc này đã ghi hoàn thành ngày {}.",
                    crate::desk::days::stored_dmy(&d)
                ),
            )),
            Some(None) => {}
        }
        let Some(on) = on.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE directive_tasks SET done_on = ?1, result = ?2 WHERE id = ?3",
                params![on, result, task_id],
            )?;
            audit::append(
                tx,
                ctx,
                "directive.task_done",
                "directive_task",
                &[task_id],
                Some(serde_json::json!({"on": on.to_string(), "result": result})),
            )?;
            Ok(())
        })
    }

    /// Voids a directive entered by mistake, with the reason; it leaves every list.
    pub fn void_directive(&mut self, ctx: &Ctx, id: i64, reason: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::VoidRecord)?;
        let reason = clean(reason);
        if reason.is_empty() {
            return Err(Error::invalid(
                "reason",
                "Ghi lý do hủy (nhập nhầm, trùng…).",
            ));
        }
        let found: Option<Option<String>> = self
            .store
            .conn()
            .query_row(
                "SELECT voided_at FROM directives WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match found {
            None => return Err(Error::invalid("id", "Không tìm thấy văn bản này.")),
            Some(Some(_)) => return Err(Error::invalid("id", "Văn bản này đã được hủy.")),
            Some(None) => {}
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE directives SET voided_at = ?1, void_reason = ?2 WHERE id = ?3",
                params![ctx.stamp(), reason, id],
            )?;
            audit::append(
                tx,
                ctx,
                "directive.void",
                "directive",
                &[id],
                Some(serde_json::json!({"reason": reason})),
            )?;
            Ok(())
        })
    }
}
