//! The audit trail as the use cases write it: who ([`Ctx`]) did what, appended inside the
//! write's transaction. The chain itself (hashing, verifying, reading) is the store's.

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::domain::access::Permission;
use crate::error::{Error, Result};

pub use tiepdan_store::audit::{
    AuditEntry, Break, HEAD_PREFIX, Head, extends, head, recent, sha256_hex, verify,
};

/// Who does a use case, and when. Passed in from the edge (CLI, window); the core never
/// reads the clock or the environment itself.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// As the audit trail names them: "Nguyễn Thị Lan (lan)".
    pub actor: String,
    pub now: NaiveDateTime,
    /// The signed-in officer's roles: what the permission matrix lets this call do.
    pub roles: crate::domain::access::Roles,
    /// The signed-in officer, when there is one.
    pub officer_id: Option<i64>,
}

impl Ctx {
    /// The system's own upkeep (deadline cache at start): no role, so no officer's use case.
    pub fn system(now: NaiveDateTime) -> Ctx {
        Ctx {
            actor: "hệ thống".into(),
            now,
            roles: crate::domain::access::Roles::NONE,
            officer_id: None,
        }
    }

    /// `now` as records store it: `YYYY-MM-DDTHH:MM:SS`.
    pub fn stamp(&self) -> String {
        self.now.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

impl Ctx {
    /// Refuses the use case unless one of the session's roles holds `p` (the matrix in
    /// `domain::access`).
    pub fn require(&self, p: Permission) -> Result<()> {
        if self.roles.is_empty() {
            Err(Error::SignedOut)
        } else if self.roles.may(p) {
            Ok(())
        } else {
            Err(Error::Forbidden { permission: p })
        }
    }
}

/// Appends one audit row for `ctx`, chained to the one before; call it inside the use
/// case's transaction.
pub fn append(
    conn: &Connection,
    ctx: &Ctx,
    action: &str,
    entity: &str,
    ids: &[i64],
    detail: Option<serde_json::Value>,
) -> rusqlite::Result<()> {
    tiepdan_store::audit::append(conn, &ctx.stamp(), &ctx.actor, action, entity, ids, detail)
}
