//! The denouncer key's recovery code, and where the key stands: should every handler and
//! leader lose their password (an administrator resetting one voids its grant), nothing
//! could open a sealed identity again. A holder writes the key down once, as a recovery
//! code kept with the recovery key in the sealed envelope; with it, an administrator
//! grants the key to a handler or leader account. Both are audit rows.

use serde::Serialize;
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::access::Permission;
use crate::error::{Error, Result};
use crate::store::DbKey;

/// Where the denouncer key stands, for the settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IdentityKeyStatus {
    /// This session holds the key (a handler or leader it was granted to).
    pub held: bool,
    /// The office's first key is still in use: no handler or leader has signed in yet.
    pub first_key: bool,
    /// Accounts holding a grant, by login.
    pub granted: Vec<String>,
    /// Active handler and leader accounts still without one.
    pub pending: Vec<String>,
    /// When the recovery code was last written down (`YYYY-MM-DDTHH:MM:SS`).
    pub recovery_saved_at: Option<String>,
}

impl Desk {
    /// Where the denouncer key stands (handlers, leaders and the administrator).
    pub fn identity_key_status(&mut self, ctx: &Ctx) -> Result<IdentityKeyStatus> {
        if !ctx.roles.may(Permission::ManageAccounts) {
            ctx.require(Permission::SeeDenouncer)?;
        }
        self.denouncer_public(ctx)?;
        let conn = self.store.conn();
        let logins = |sql: &str| -> Result<Vec<String>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let granted = logins(
            "SELECT a.login FROM denouncer_key_grants g JOIN accounts a ON a.officer_id = g.officer_id
              ORDER BY a.login",
        )?;
        let holders: Vec<(String, String)> = {
            let mut stmt = conn.prepare(
                "SELECT login, roles FROM accounts WHERE active = 1 AND officer_id NOT IN
                   (SELECT officer_id FROM denouncer_key_grants) ORDER BY login",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let pending = holders
            .into_iter()
            .filter(|(_, roles)| {
                serde_json::from_str::<crate::domain::access::Roles>(roles)
                    .is_ok_and(|r| r.may(Permission::SeeDenouncer))
            })
            .map(|(login, _)| login)
            .collect();
        let (first_key, recovery_saved_at): (bool, Option<String>) = conn.query_row(
            "SELECT bootstrap IS NOT NULL, recovery_saved_at FROM denouncer_key WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(IdentityKeyStatus {
            held: self.keys.denouncer.is_some() && ctx.roles.may(Permission::SeeDenouncer),
            first_key,
            granted,
            pending,
            recovery_saved_at,
        })
    }

    /// The denouncer key written down as a recovery code (eight groups of eight hex
    /// digits), for a handler or leader holding it. Audited; shown once per call.
    pub fn identity_recovery_code(&mut self, ctx: &Ctx) -> Result<String> {
        ctx.require(Permission::SeeDenouncer)?;
        let secret = self.keys.denouncer.clone().ok_or_else(|| {
            Error::invalid(
                "denouncer_key",
                "Tài khoản này chưa giữ khóa danh tính người tố cáo (hoặc cơ quan còn dùng khóa đầu tiên): chưa có mã để chép.",
            )
        })?;
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE denouncer_key SET recovery_saved_at = ?1 WHERE id = 1",
                [ctx.stamp()],
            )?;
            audit::append(tx, ctx, "denouncer.key_export", "office", &[], None)?;
            Ok(())
        })?;
        Ok(DbKey::from_bytes(secret.to_bytes()).to_recovery())
    }

    /// Grants the denouncer key to `login` (an active handler or leader) with the recovery
    /// code: the administrator's way back when no holder can sign in. The code must be the
    /// office's key. Audited.
    pub fn grant_identity_key(&mut self, ctx: &Ctx, login: &str, code: &str) -> Result<()> {
        ctx.require(Permission::ManageAccounts)?;
        let bad_code = || {
            Error::invalid(
                "code",
                "Mã khôi phục khóa danh tính không đúng (64 chữ số thập lục phân, như in trên phiếu). Không có gì thay đổi.",
            )
        };
        let secret = DbKey::from_recovery(code)
            .map(|k| crypto_box::SecretKey::from(*k.as_bytes()))
            .ok_or_else(bad_code)?;
        if secret.public_key() != self.denouncer_public(ctx)? {
            return Err(bad_code());
        }
        let login = login.trim().to_lowercase();
        let row: Option<(i64, String, bool, Option<Vec<u8>>)> =
            rusqlite::OptionalExtension::optional(self.store.conn().query_row(
                "SELECT officer_id, roles, active, public_key FROM accounts WHERE login = ?1",
                [&login],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            ))?;
        let Some((officer_id, roles, active, public)) = row else {
            return Err(Error::invalid(
                "login",
                format!("Không có tài khoản \"{login}\"."),
            ));
        };
        let holder = serde_json::from_str::<crate::domain::access::Roles>(&roles)
            .is_ok_and(|r| r.may(Permission::SeeDenouncer));
        if !active || !holder {
            return Err(Error::invalid(
                "login",
                format!(
                    "Tài khoản \"{login}\" không phải cán bộ xử lý hay lãnh đạo đang làm việc: không cấp khóa danh tính người tố cáo."
                ),
            ));
        }
        let Some(public) = public.and_then(|p| crypto_box::PublicKey::from_slice(&p).ok()) else {
            return Err(Error::invalid(
                "login",
                format!(
                    "Tài khoản \"{login}\" chưa đăng nhập lần nào nên chưa có khóa riêng; hãy để cán bộ đăng nhập một lần rồi cấp lại."
                ),
            ));
        };
        let sealed = super::key::seal(&public, &secret.to_bytes());
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "INSERT OR REPLACE INTO denouncer_key_grants (officer_id, sealed, granted_at)
                 VALUES (?1, ?2, ?3)",
                rusqlite::params![officer_id, sealed, ctx.stamp()],
            )?;
            audit::append(
                tx,
                ctx,
                "denouncer.key_grant",
                "officer",
                &[officer_id],
                Some(serde_json::json!({"by": "mã khôi phục"})),
            )?;
            Ok(())
        })
    }
}
