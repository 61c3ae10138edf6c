//! Submitted reports are frozen (báo cáo đã nộp): saving a report as submitted stores its
//! numbers and their SHA-256, in one transaction with its audit row; the rows can never be
//! changed (triggers refuse it). Running the same period again after late edits shows, column
//! by column, what changed since.

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::report::Template;
use crate::domain::report::period::Period;
use crate::error::{Error, FieldError, Result};

/// A report as it was submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SubmittedReport {
    #[ts(type = "number")]
    pub id: i64,
    pub template: Template,
    pub from: String,
    pub to: String,
    #[ts(type = "Array<number>")]
    pub values: Vec<i64>,
    pub sha256: String,
    pub note: String,
    pub submitted_at: String,
    /// The audit chain's head when it was submitted (`N:HASH`; empty before version 23).
    pub audit_head: String,
}

/// A column whose number differs from the submitted one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChangedColumn {
    pub ms: u16,
    pub header: String,
    #[ts(type = "number")]
    pub submitted: i64,
    #[ts(type = "number")]
    pub now: i64,
    /// Both as the template prints them ("150,5" million đồng).
    pub submitted_text: String,
    pub now_text: String,
}

/// The latest submission of a period and what changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportChanges {
    pub submitted: SubmittedReport,
    pub changed: Vec<ChangedColumn>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Desk {
    /// Saves `template` for `period`, computed now, as submitted.
    pub fn submit_report(
        &mut self,
        ctx: &Ctx,
        template: Template,
        period: Period,
        note: &str,
    ) -> Result<SubmittedReport> {
        ctx.require(crate::domain::access::Permission::SubmitReport)?;
        let note = crate::text::clean(note);
        if note.chars().count() > 500 {
            return Err(Error::Invalid(vec![FieldError::new(
                "note",
                "Ghi chú dài quá 500 ký tự.",
            )]));
        }
        let t = self.compute_report(template, period)?;
        let columns = serde_json::Value::Object(t.columns_json()).to_string();
        let sha256 = hex(&Sha256::digest(columns.as_bytes()));
        let at = ctx.stamp();
        let audit_head = self.audit_head()?;
        let id = self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO submitted_reports (template, period_from, period_to, columns, sha256, note, submitted_at, audit_head)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
                    template.code(),
                    period.from.to_string(),
                    period.to.to_string(),
                    columns,
                    sha256,
                    note,
                    at,
                    audit_head
                ],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                ctx,
                "report.submit",
                "submitted_report",
                &[id],
                Some(serde_json::json!({
                    "template": template.code(),
                    "from": period.from.to_string(),
                    "to": period.to.to_string(),
                    "sha256": sha256,
                })),
            )?;
            Ok(id)
        })?;
        Ok(SubmittedReport {
            id,
            template,
            from: period.from.to_string(),
            to: period.to.to_string(),
            values: t.values,
            sha256,
            note,
            submitted_at: at,
            audit_head,
        })
    }

    /// The latest submission of `template` for exactly `period`, checked against its hash,
    /// and the columns that differ now.
    pub fn report_changes(
        &self,
        template: Template,
        period: Period,
    ) -> Result<Option<ReportChanges>> {
        self.signed_in()?;
        let row = rusqlite::OptionalExtension::optional(self.store.conn().query_row(
            "SELECT id, columns, sha256, note, submitted_at, audit_head FROM submitted_reports
              WHERE template = ?1 AND period_from = ?2 AND period_to = ?3
              ORDER BY id DESC LIMIT 1",
            rusqlite::params![
                template.code(),
                period.from.to_string(),
                period.to.to_string()
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            },
        ))?;
        let Some((id, columns, sha256, note, submitted_at, audit_head)) = row else {
            return Ok(None);
        };
        let damaged = || {
            Error::Invalid(vec![FieldError::new(
                "report",
                format!(
                    "Số liệu báo cáo đã nộp ngày {} không khớp mã kiểm tra; hãy khôi phục từ bản sao lưu.",
                    submitted_at.get(..10).unwrap_or(&submitted_at)
                ),
            )])
        };
        if hex(&Sha256::digest(columns.as_bytes())) != sha256 {
            return Err(damaged());
        }
        let stored: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&columns).map_err(|_| damaged())?;
        let now = self.compute_report(template, period)?;
        let mut values = Vec::new();
        let mut changed = Vec::new();
        for (c, v) in template.columns().iter().zip(&now.values) {
            // Stored as printed (money in millions, land in m²): back to stored units.
            let scale = template.scale(c.ms) as f64;
            let before = stored
                .get(&c.ms.to_string())
                .and_then(|x| x.as_f64())
                .map_or(0, |x| (x * scale).round() as i64);
            values.push(before);
            if before != *v {
                changed.push(ChangedColumn {
                    ms: c.ms,
                    header: c.header.join(" › "),
                    submitted: before,
                    now: *v,
                    submitted_text: template.text(c.ms, before),
                    now_text: template.text(c.ms, *v),
                });
            }
        }
        Ok(Some(ReportChanges {
            submitted: SubmittedReport {
                id,
                template,
                from: period.from.to_string(),
                to: period.to.to_string(),
                values,
                sha256,
                note,
                submitted_at,
                audit_head,
            },
            changed,
        }))
    }
}
