//! Drafts of forms being typed: saved as the officer types, offered back after a crash,
//! deleted when the record is saved. Not records, hence not audited (see ARCHITECTURE.md).
//! Each officer has their own: on a PC shared by several officers, nobody is offered
//! another's half-typed visit.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::audit::Ctx;
use crate::desk::Desk;
use crate::error::{Error, FieldError, Result};

/// The largest draft accepted: a form, not a file.
const MAX_DRAFT_BYTES: usize = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Draft {
    pub form: String,
    #[ts(type = "unknown")]
    pub content: serde_json::Value,
    /// `YYYY-MM-DDTHH:MM:SS`.
    pub updated_at: String,
}

/// The stored key of `form`'s draft for the officer of `ctx`.
pub(crate) fn draft_key(ctx: &Ctx, form: &str) -> String {
    match ctx.officer_id {
        Some(id) => format!("{form}@{id}"),
        None => form.to_owned(),
    }
}

impl Desk {
    /// Saves (replaces) the signed-in officer's draft of `form`.
    pub fn save_draft(&mut self, ctx: &Ctx, form: &str, content: &serde_json::Value) -> Result<()> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let text = content.to_string();
        if text.len() > MAX_DRAFT_BYTES {
            return Err(Error::Invalid(vec![FieldError::new(
                "content",
                format!(
                    "Bản nháp quá lớn ({} KB); tối đa {} KB.",
                    text.len() / 1024,
                    MAX_DRAFT_BYTES / 1024
                ),
            )]));
        }
        // A draft is not a record: never counted, exported or audited (ARCHITECTURE.md).
        self.store.write_unaudited(|tx| -> Result<()> {
            tx.execute(
                "INSERT INTO drafts (form, content, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (form) DO UPDATE SET content = excluded.content,
                                                  updated_at = excluded.updated_at",
                params![draft_key(ctx, form), text, ctx.stamp()],
            )?;
            Ok(())
        })
    }

    /// The signed-in officer's draft of `form`, if they left one.
    pub fn draft(&self, ctx: &Ctx, form: &str) -> Result<Option<Draft>> {
        let row = self
            .store
            .conn()
            .query_row(
                "SELECT content, updated_at FROM drafts WHERE form = ?1",
                [draft_key(ctx, form)],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()?;
        Ok(row.map(|(content, updated_at)| Draft {
            form: form.to_owned(),
            content: serde_json::from_str(&content).unwrap_or(serde_json::Value::Null),
            updated_at,
        }))
    }

    pub fn discard_draft(&mut self, ctx: &Ctx, form: &str) -> Result<()> {
        // A draft is not a record: never audited.
        self.store.write_unaudited(|tx| -> Result<()> {
            tx.execute("DELETE FROM drafts WHERE form = ?1", [draft_key(ctx, form)])?;
            Ok(())
        })
    }
}
