//! Casework tasks (việc phải làm) on a petition's case: carrying out a decision, a step of
//! the case's plan, publishing a decision, reviewing a watched case — what, by whom, by
//! when; audited; open ones due soon or late are on the dashboard.

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
pub enum TaskKind {
    /// Tổ chức thi hành quyết định.
    Enforcement,
    /// A step of the case's plan.
    Step,
    /// Niêm yết, công khai a decision.
    Publication,
    /// Review of a watched case.
    Review,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TaskInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    pub kind: TaskKind,
    pub what: String,
    pub who: String,
    /// `YYYY-MM-DD`.
    pub due: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub petition_id: i64,
    /// What the petition is about (never a denouncer's name).
    pub petition: String,
    pub kind: TaskKind,
    pub what: String,
    pub who: String,
    pub due: String,
    pub done_on: Option<String>,
    pub overdue: bool,
}

use crate::desk::days::day;

impl Desk {
    /// Adds a task to a petition's case; audited.
    pub fn add_task(&mut self, ctx: &Ctx, input: &TaskInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let received: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT received_on FROM petitions WHERE id = ?1",
                [input.petition_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(received) = received.as_deref().and_then(day) else {
            return Err(Error::invalid("petition_id", "Không tìm thấy đơn."));
        };
        let mut errors = Vec::new();
        let what = clean(&input.what);
        let who = clean(&input.who);
        if what.is_empty() {
            errors.push(FieldError::new("what", "Ghi việc phải làm."));
        } else if what.chars().count() > 2000 {
            errors.push(FieldError::new(
                "what",
                "Nội dung việc dài quá 2.000 ký tự.",
            ));
        }
        if who.is_empty() {
            errors.push(FieldError::new("who", "Ghi người hoặc cơ quan thực hiện."));
        }
        match day(&input.due) {
            None => errors.push(FieldError::new(
                "due",
                "Hạn thực hiện không hợp lệ; nhập ngày/tháng/năm.",
            )),
            Some(d) if d < received => errors.push(FieldError::new(
                "due",
                format!(
                    "Hạn thực hiện trước ngày nhận đơn ({}).",
                    received.format("%d/%m/%Y")
                ),
            )),
            _ => {}
        }
        let Some(due) = day(&input.due).filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO case_tasks (petition_id, kind, what, who, due, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![input.petition_id, crate::store::value::Named(input.kind), what, who, due.to_string(), ctx.stamp()],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(tx, ctx, "task.add", "case_task", &[id], Some(serde_json::json!({"petition": input.petition_id, "kind": input.kind, "what": what, "who": who, "due": due.to_string()})))?;
            Ok(id)
        })
    }

    /// Marks a task done on `on`; audited.
    pub fn complete_task(&mut self, ctx: &Ctx, id: i64, on: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let on = day(on).ok_or_else(|| Error::invalid("on", "Ngày hoàn thành không hợp lệ."))?;
        if on > ctx.now.date() {
            return Err(Error::invalid(
                "on",
                "Ngày hoàn thành không được ở tương lai.",
            ));
        }
        let done: Option<Option<String>> = self
            .store
            .conn()
            .query_row("SELECT done_on FROM case_tasks WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match done {
            None => return Err(Error::invalid("id", "Không tìm thấy việc này.")),
            Some(Some(_)) => {
                return Err(Error::invalid("id", "Việc này đã được ghi là hoàn thành."));
            }
            Some(None) => {}
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE case_tasks SET done_on = ?1 WHERE id = ?2",
                params![on.to_string(), id],
            )?;
            audit::append(
                tx,
                ctx,
                "task.done",
                "case_task",
                &[id],
                Some(serde_json::json!({"on": on.to_string()})),
            )?;
            Ok(())
        })
    }

    fn task_rows(
        &self,
        cond: &str,
        arg: &dyn rusqlite::ToSql,
        today: NaiveDate,
        limit: u32,
    ) -> Result<Vec<TaskView>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT t.id, t.petition_id, substr(p.summary, 1, 200), t.kind, t.what, t.who, t.due, t.done_on
               FROM case_tasks t JOIN petitions p ON p.id = t.petition_id
              WHERE {cond} ORDER BY t.due, t.id LIMIT {limit}"
        ))?;
        let rows = stmt.query_map([arg], |r| {
            let kind: String = r.get(3)?;
            let due: String = r.get(6)?;
            let done_on: Option<String> = r.get(7)?;
            Ok(TaskView {
                id: r.get(0)?,
                petition_id: r.get(1)?,
                petition: r.get(2)?,
                kind: from_name(&kind).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        3,
                        rusqlite::types::Type::Text,
                        e.into(),
                    )
                })?,
                what: r.get(4)?,
                who: r.get(5)?,
                overdue: done_on.is_none() && day(&due).is_some_and(|d| d < today),
                due,
                done_on,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The tasks of a petition, the earliest due first.
    pub fn tasks_of(&self, petition_id: i64, today: NaiveDate) -> Result<Vec<TaskView>> {
        self.signed_in()?;
        self.task_rows("t.petition_id = ?1", &petition_id, today, 1000)
    }

    /// Open tasks due by `until` (late ones included), the earliest first.
    pub fn open_tasks(
        &self,
        today: NaiveDate,
        until: NaiveDate,
        limit: u32,
    ) -> Result<Vec<TaskView>> {
        self.signed_in()?;
        self.task_rows(
            "t.done_on IS NULL AND t.due <= ?1",
            &until.to_string(),
            today,
            limit,
        )
    }
}
