//! The reports the commune must send soon, for the dashboard: periodic reports until they
//! are submitted, reports due under a plan until marked sent (`domain::reminders`).

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::reminders::{Reminder, reminders};
use crate::error::{Error, Result};

impl Desk {
    /// The reminders showing today.
    pub fn reminders(&self, ctx: &Ctx) -> Result<Vec<Reminder>> {
        self.signed_in()?;
        let conn = self.store.conn();
        // Both tables are small (a few rows a year): read them whole.
        let submitted: HashSet<(String, String)> = conn
            .prepare("SELECT DISTINCT period_from, period_to FROM submitted_reports")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let sent: HashSet<String> = conn
            .prepare("SELECT key FROM reminders_sent")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(reminders(
            ctx.now.date(),
            &self.rules.reminders,
            |p| submitted.contains(&(p.from.to_string(), p.to.to_string())),
            |key| sent.contains(key),
        ))
    }

    /// Marks the plan's report `key` sent: its reminder leaves the dashboard.
    pub fn mark_reminder_sent(&mut self, ctx: &Ctx, key: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::SubmitReport)?;
        let known = self
            .reminders(ctx)?
            .into_iter()
            .any(|r| r.key == key && r.period.is_none());
        if !known {
            return Err(Error::invalid(
                "key",
                "Không có báo cáo theo kế hoạch này đang chờ gửi (báo cáo định kỳ được đánh dấu khi chốt số liệu đã gửi).",
            ));
        }
        self.store.write(|tx| -> Result<()> {
            let already: Option<i64> = tx
                .query_row("SELECT 1 FROM reminders_sent WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?;
            if already.is_none() {
                tx.execute(
                    "INSERT INTO reminders_sent (key, sent_on, actor) VALUES (?1, ?2, ?3)",
                    params![key, ctx.now.date().to_string(), ctx.actor],
                )?;
                audit::append(
                    tx,
                    ctx,
                    "reminder.sent",
                    "reminder",
                    &[],
                    Some(serde_json::json!({ "key": key })),
                )?;
            }
            Ok(())
        })
    }
}
