//! The audit trail: every write use case appends one row (who, when, what, which records)
//! inside its own transaction. The table refuses UPDATE and DELETE (triggers).

use chrono::NaiveDateTime;
use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

/// Who does a use case, and when. Passed in from the edge (CLI, window); the core never
/// reads the clock or the environment itself.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: String,
    pub now: NaiveDateTime,
}

/// One row of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_ids: Vec<i64>,
    pub detail: Option<serde_json::Value>,
}

/// Appends one audit row; call it inside the use case's transaction.
pub fn append(
    conn: &Connection,
    ctx: &Ctx,
    action: &str,
    entity: &str,
    ids: &[i64],
    detail: Option<serde_json::Value>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_ids, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            ctx.now.format("%Y-%m-%dT%H:%M:%S").to_string(),
            ctx.actor,
            action,
            entity,
            serde_json::to_string(ids).expect("a list of integers serialises"),
            detail.map(|d| d.to_string()),
        ],
    )?;
    Ok(())
}

/// The newest `limit` rows, newest first.
pub fn recent(conn: &Connection, limit: u32) -> rusqlite::Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, action, entity, entity_ids, detail
         FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        let ids: String = r.get(5)?;
        let detail: Option<String> = r.get(6)?;
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            entity: r.get(4)?,
            entity_ids: serde_json::from_str(&ids).unwrap_or_default(),
            detail: detail.and_then(|d| serde_json::from_str(&d).ok()),
        })
    })?;
    rows.collect()
}
