//! After a reception session: the host's conclusions (Thông báo kết luận, TT 04/2021), one
//! per matter — what is to be done, by whom and by when — issued as a numbered notice per
//! Nghị định 30/2020 and kept as assignments that stay on the dashboard until done. A
//! denouncer is never named in the notice.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::schedule::SessionKey;
use crate::error::{Error, FieldError, Result};
use crate::text::{clean, clean_block};

/// One matter of a session's conclusion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssignmentInput {
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    #[ts(type = "number | null")]
    pub citizen_id: Option<i64>,
    /// What the citizen raised.
    pub matter: String,
    /// What the host concluded is to be done.
    pub task: String,
    /// Who is to do it: an officer, a unit, a body.
    pub assignee: String,
    /// `YYYY-MM-DD`.
    pub due: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConclusionInput {
    pub session: SessionKey,
    pub items: Vec<AssignmentInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AssignmentView {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub session_id: i64,
    pub session_on: String,
    pub host_name: String,
    #[ts(type = "number | null")]
    pub case_id: Option<i64>,
    pub matter: String,
    pub task: String,
    pub assignee: String,
    pub due: String,
    pub done_on: Option<String>,
    pub overdue: bool,
}

/// What a notice says in place of a denouncer's name.
const WITHHELD: &str = "Công dân (thông tin về người tố cáo được giữ bí mật)";

use crate::desk::days::{day, dmy};

impl Desk {
    /// Records the conclusions of a session that has taken place and issues its notice; the
    /// assignments and the numbered notice are stored together or not at all.
    pub fn conclude_session(
        &mut self,
        ctx: &Ctx,
        input: &ConclusionInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::ConcludeSession)?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let session = self.session_of(&input.session)?.ok_or_else(|| {
            Error::Invalid(vec![FieldError::new(
                "session",
                "Không tìm thấy buổi tiếp này.",
            )])
        })?;
        let mut errors = Vec::new();
        if session.cancelled.is_some() {
            errors.push(FieldError::new("session", "Buổi tiếp này đã hủy."));
        }
        if session.on > ctx.now.date() {
            errors.push(FieldError::new(
                "session",
                format!(
                    "Buổi tiếp ngày {} chưa diễn ra; kết luận sau buổi tiếp.",
                    dmy(session.on)
                ),
            ));
        }
        if let Some(id) = session.id {
            let already: Option<i64> = self
                .store
                .conn()
                .query_row(
                    "SELECT document_id FROM assignments WHERE session_id = ?1 LIMIT 1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            if already.is_some() {
                errors.push(FieldError::new(
                    "session",
                    "Buổi tiếp này đã có thông báo kết luận.",
                ));
            }
        }
        if input.items.is_empty() {
            errors.push(FieldError::new(
                "items",
                "Ghi ít nhất một nội dung kết luận.",
            ));
        }
        struct Item {
            case_id: Option<i64>,
            citizen_id: Option<i64>,
            who: Option<String>,
            matter: String,
            task: String,
            assignee: String,
            due: NaiveDate,
        }
        let mut items = Vec::new();
        for (i, it) in input.items.iter().enumerate() {
            let at = |f: &str| format!("items[{i}].{f}");
            let n = i + 1;
            let matter = clean_block(&it.matter).trim().to_owned();
            let task = clean_block(&it.task).trim().to_owned();
            let assignee = clean(&it.assignee);
            if matter.is_empty() {
                errors.push(FieldError::new(
                    &at("matter"),
                    format!("Nội dung {n}: ghi việc công dân trình bày."),
                ));
            }
            if task.is_empty() {
                errors.push(FieldError::new(
                    &at("task"),
                    format!("Nội dung {n}: ghi kết luận, việc phải làm."),
                ));
            }
            if assignee.is_empty() {
                errors.push(FieldError::new(
                    &at("assignee"),
                    format!("Nội dung {n}: ghi người hoặc cơ quan được giao."),
                ));
            }
            if [&matter, &task].iter().any(|t| t.chars().count() > 4000) {
                errors.push(FieldError::new(
                    &at("task"),
                    format!("Nội dung {n}: dài quá 4.000 ký tự."),
                ));
            }
            let due = day(&it.due);
            match due {
                None => errors.push(FieldError::new(
                    &at("due"),
                    format!("Nội dung {n}: hạn thực hiện không hợp lệ."),
                )),
                Some(d) if d < session.on => errors.push(FieldError::new(
                    &at("due"),
                    format!(
                        "Nội dung {n}: hạn thực hiện trước ngày tiếp ({}).",
                        dmy(session.on)
                    ),
                )),
                _ => {}
            }
            let conn = self.store.conn();
            let who = match it.citizen_id {
                None => None,
                Some(c) => {
                    let name: Option<String> = conn
                        .query_row("SELECT full_name FROM citizens WHERE id = ?1", [c], |r| {
                            r.get(0)
                        })
                        .optional()?;
                    if name.is_none() {
                        errors.push(FieldError::new(
                            &at("citizen_id"),
                            format!("Nội dung {n}: không tìm thấy công dân."),
                        ));
                    }
                    // A denouncer in this matter's case is not named.
                    if crate::desk::denouncer::denounced_in(conn, c, it.case_id)? {
                        Some(WITHHELD.to_owned())
                    } else {
                        name
                    }
                }
            };
            if let Some(case) = it.case_id {
                let found: Option<i64> = conn
                    .query_row("SELECT id FROM cases WHERE id = ?1", [case], |r| r.get(0))
                    .optional()?;
                if found.is_none() {
                    errors.push(FieldError::new(
                        &at("case_id"),
                        format!("Nội dung {n}: không tìm thấy vụ việc."),
                    ));
                }
            }
            if let Some(due) = due {
                items.push(Item {
                    case_id: it.case_id,
                    citizen_id: it.citizen_id,
                    who,
                    matter,
                    task,
                    assignee,
                    due,
                });
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let session_id = self.stored_session_id(ctx, &input.session)?;
        let conclusions: Vec<crate::domain::forms::Conclusion> = items
            .iter()
            .map(|it| crate::domain::forms::Conclusion {
                who: it.who.as_deref(),
                matter: &it.matter,
                task: &it.task,
                assignee: &it.assignee,
                due: it.due,
            })
            .collect();
        let (title, paragraphs) =
            crate::domain::forms::conclusions_notice(&crate::domain::forms::ConclusionsNotice {
                office: &office.name,
                host: session.host,
                host_name: &session.host_name,
                on: session.on,
                place: &session.place,
                ad_hoc: session.kind == crate::domain::schedule::SessionKind::AdHoc,
                items: &conclusions,
            });
        let authority = self
            .rules
            .documents
            .authority_of("conclusion", session.host);
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id: items
                .iter()
                .find_map(|i| i.case_id)
                .filter(|_| items.len() == 1),
            petition_id: None,
            visit_id: None,
            sealed: false,
        };
        let signer = session.host_name.clone();
        let now = ctx.now;
        let stamp = ctx.stamp();
        self.issue_with(
            ctx,
            "conclusion",
            owner,
            |number| {
                let label = rules.label(&rules.notice, number);
                let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                    parent: office.parent.clone(),
                    agency: office.name.clone(),
                    number: label.clone(),
                    place: office.place.clone(),
                    date: now.date(),
                    heading: Some(("THÔNG BÁO".to_owned(), title)),
                    subject: String::new(),
                    to: Vec::new(),
                    paragraphs,
                    authority,
                    signer,
                    copies_to: vec![
                        "Các cơ quan, đơn vị, cá nhân được giao".into(),
                        "Công dân có liên quan".into(),
                        "Lưu: VT".into(),
                    ],
                    secret: false,
                });
                (label, pdf)
            },
            |tx, document_id| {
                for it in &items {
                    tx.execute(
                        "INSERT INTO assignments (session_id, case_id, citizen_id, matter, task, assignee, due,
                             document_id, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        params![session_id, it.case_id, it.citizen_id, it.matter, it.task, it.assignee, it.due.to_string(), document_id, stamp],
                    )?;
                }
                audit::append(tx, ctx, "schedule.conclude", "reception_session", &[session_id], Some(serde_json::json!({"document": document_id, "items": items.len()})))?;
                Ok(())
            },
        )
    }

    fn assignment_rows(
        &self,
        cond: &str,
        args: &[&dyn rusqlite::ToSql],
        today: NaiveDate,
    ) -> Result<Vec<AssignmentView>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT a.id, a.session_id, s.on_date, s.host_name, a.case_id, a.matter, a.task, a.assignee, a.due, a.done_on
               FROM assignments a JOIN reception_sessions s ON s.id = a.session_id
              WHERE {cond} ORDER BY a.due, a.id"
        ))?;
        let rows = stmt.query_map(args, |r| {
            let due: String = r.get(8)?;
            let done_on: Option<String> = r.get(9)?;
            Ok(AssignmentView {
                id: r.get(0)?,
                session_id: r.get(1)?,
                session_on: r.get(2)?,
                host_name: r.get(3)?,
                case_id: r.get(4)?,
                matter: r.get(5)?,
                task: r.get(6)?,
                assignee: r.get(7)?,
                overdue: done_on.is_none() && day(&due).is_some_and(|d| d < today),
                due,
                done_on,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The assignments of a session.
    pub fn assignments_of(&self, session_id: i64, today: NaiveDate) -> Result<Vec<AssignmentView>> {
        self.signed_in()?;
        self.assignment_rows("a.session_id = ?1", &[&session_id], today)
    }

    /// Open assignments due by `until` (overdue ones included), the earliest first.
    pub fn open_assignments(
        &self,
        today: NaiveDate,
        until: NaiveDate,
        limit: u32,
    ) -> Result<Vec<AssignmentView>> {
        self.signed_in()?;
        let mut rows = self.assignment_rows(
            "a.done_on IS NULL AND a.due <= ?1",
            &[&until.to_string()],
            today,
        )?;
        rows.truncate(limit as usize);
        Ok(rows)
    }

    /// Marks an assignment done on `on`; audited.
    pub fn complete_assignment(&mut self, ctx: &Ctx, id: i64, on: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let on = day(on).ok_or_else(|| {
            Error::Invalid(vec![FieldError::new("on", "Ngày hoàn thành không hợp lệ.")])
        })?;
        if on > ctx.now.date() {
            return Err(Error::Invalid(vec![FieldError::new(
                "on",
                "Ngày hoàn thành không được ở tương lai.",
            )]));
        }
        let row: Option<(String, Option<String>)> = self
            .store
            .conn()
            .query_row("SELECT s.on_date, a.done_on FROM assignments a JOIN reception_sessions s ON s.id = a.session_id WHERE a.id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((session_on, done)) = row else {
            return Err(Error::Invalid(vec![FieldError::new(
                "id",
                "Không tìm thấy việc được giao này.",
            )]));
        };
        if done.is_some() {
            return Err(Error::Invalid(vec![FieldError::new(
                "id",
                "Việc này đã được ghi là hoàn thành.",
            )]));
        }
        if day(&session_on).is_some_and(|s| on < s) {
            return Err(Error::Invalid(vec![FieldError::new(
                "on",
                "Ngày hoàn thành trước ngày tiếp.",
            )]));
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE assignments SET done_on = ?1 WHERE id = ?2",
                params![on.to_string(), id],
            )?;
            audit::append(
                tx,
                ctx,
                "assignment.done",
                "assignment",
                &[id],
                Some(serde_json::json!({"on": on.to_string()})),
            )?;
            Ok(())
        })
    }
}
