//! The audit trail: every write use case appends one row (who, when, what, which records)
//! inside its own transaction. The table refuses UPDATE and DELETE (triggers).

use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

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

/// The SHA-256 of `text`, in lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hash of a row in the chain: its content after the hash of the row before (the same
/// text migration 18 hashes in SQL).
#[allow(clippy::too_many_arguments)]
fn chain_hash(
    prev: &str,
    id: i64,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    entity_ids: &str,
    detail: Option<&str>,
) -> String {
    sha256_hex(&format!(
        "{prev}\n{id}\n{at}\n{actor}\n{action}\n{entity}\n{entity_ids}\n{}",
        detail.unwrap_or("")
    ))
}

/// Appends one audit row, chained to the one before; call it inside the use case's
/// transaction.
pub fn append(
    conn: &Connection,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    ids: &[i64],
    detail: Option<serde_json::Value>,
) -> rusqlite::Result<()> {
    let entity_ids = serde_json::to_string(ids).expect("a list of integers serialises");
    let detail = detail.map(|d| d.to_string());
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_ids, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![at, actor, action, entity, entity_ids, detail],
    )?;
    let id = conn.last_insert_rowid();
    let prev: String = conn
        .query_row(
            "SELECT hash FROM audit_hashes WHERE id < ?1 ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(String::new()),
            e => Err(e),
        })?;
    let hash = chain_hash(
        &prev,
        id,
        at,
        actor,
        action,
        entity,
        &entity_ids,
        detail.as_deref(),
    );
    conn.execute(
        "INSERT INTO audit_hashes (id, hash) VALUES (?1, ?2)",
        params![id, hash],
    )?;
    Ok(())
}

/// Where the audit chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The row's content or hash does not match the chain: changed (or a row before it
    /// was removed).
    Changed(i64),
    /// A row with no hash: written outside the app.
    Added(i64),
    /// A hashed row that is no longer in the trail.
    Removed(i64),
}

impl Break {
    pub fn message_vi(&self) -> String {
        match self {
            Break::Changed(id) => format!(
                "Nhật ký bị can thiệp: dòng số {id} đã bị sửa (hoặc một dòng ngay trước nó đã bị xóa)."
            ),
            Break::Added(id) => {
                format!("Nhật ký bị can thiệp: dòng số {id} được thêm ngoài phần mềm.")
            }
            Break::Removed(id) => format!("Nhật ký bị can thiệp: dòng số {id} đã bị xóa."),
        }
    }
}

/// Recomputes the whole chain: `Ok(rows)` when every row matches, else the first break.
pub fn verify(conn: &Connection) -> rusqlite::Result<Result<u64, Break>> {
    let mut removed = conn.prepare(
        "SELECT h.id FROM audit_hashes h LEFT JOIN audit_log a ON a.id = h.id
          WHERE a.id IS NULL ORDER BY h.id LIMIT 1",
    )?;
    let gone: Option<i64> = removed
        .query_row([], |r| r.get(0))
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    let mut stmt = conn.prepare(
        "SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_ids, a.detail, h.hash
           FROM audit_log a LEFT JOIN audit_hashes h ON h.id = a.id ORDER BY a.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = String::new();
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if gone.is_some_and(|g| g < id) {
            return Ok(Err(Break::Removed(gone.expect("checked"))));
        }
        let stored: Option<String> = r.get(7)?;
        let Some(stored) = stored else {
            return Ok(Err(Break::Added(id)));
        };
        let detail: Option<String> = r.get(6)?;
        let expected = chain_hash(
            &prev,
            id,
            &r.get::<_, String>(1)?,
            &r.get::<_, String>(2)?,
            &r.get::<_, String>(3)?,
            &r.get::<_, String>(4)?,
            &r.get::<_, String>(5)?,
            detail.as_deref(),
        );
        if expected != stored {
            return Ok(Err(Break::Changed(id)));
        }
        prev = stored;
        n += 1;
    }
    if let Some(g) = gone {
        return Ok(Err(Break::Removed(g)));
    }
    Ok(Ok(n))
}

/// The chain's head: the newest row's number and hash, written outside the database (on a
/// backup's, an export's and a submitted report's record and printed on the report) so
/// that anyone holding the key cannot truncate or rebuild the trail unseen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub id: i64,
    pub hash: String,
}

/// The shortest hash prefix a head may be given with (64 bits).
pub const HEAD_PREFIX: usize = 16;

impl std::fmt::Display for Head {
    /// `N:HASH`, the hash shortened to [`HEAD_PREFIX`] hex digits (easy to copy from paper).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short = self.hash.get(..HEAD_PREFIX).unwrap_or(&self.hash);
        write!(f, "{}:{short}", self.id)
    }
}

impl std::str::FromStr for Head {
    type Err = String;

    /// `N:HASH` with at least 16 hex digits of the hash.
    fn from_str(s: &str) -> std::result::Result<Head, String> {
        let bad = || {
            format!(
                "Mốc nhật ký \"{s}\" không đúng dạng SỐ:MÃ (ví dụ 1234:9f86d081884c7d65), mã gồm ít nhất {HEAD_PREFIX} chữ số hệ 16."
            )
        };
        let (id, hash) = s.trim().split_once(':').ok_or_else(bad)?;
        let id: i64 = id.trim().parse().map_err(|_| bad())?;
        let hash = hash.trim().to_lowercase();
        if hash.len() < HEAD_PREFIX || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(bad());
        }
        Ok(Head { id, hash })
    }
}

/// The newest row of the chain (`None` for an empty trail).
pub fn head(conn: &Connection) -> rusqlite::Result<Option<Head>> {
    conn.query_row(
        "SELECT id, hash FROM audit_hashes ORDER BY id DESC LIMIT 1",
        [],
        |r| {
            Ok(Head {
                id: r.get(0)?,
                hash: r.get(1)?,
            })
        },
    )
    .map(Some)
    .or_else(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Ok(None),
        e => Err(e),
    })
}

/// Whether the chain still holds row `head.id` with that hash (the caller verifies the
/// chain itself with [`verify`]: together, every row up to the head is as it was).
pub fn extends(conn: &Connection, head: &Head) -> rusqlite::Result<bool> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT hash FROM audit_hashes WHERE id = ?1",
            [head.id],
            |r| r.get(0),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    Ok(stored.is_some_and(|h| h.starts_with(&head.hash)))
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
