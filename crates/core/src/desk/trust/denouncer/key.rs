//! The denouncer key: a second key, inside the encrypted database, for what names a
//! denouncer (Luật Tố cáo 2018 Điều 47–48). The database key opens the file for every
//! account; this one opens denouncer identities, the documents naming them and a
//! denunciation's scans, and only for a handler or leader it was granted to.
//!
//! - The office has one X25519 key pair. Its public half is in `denouncer_key`: anyone at
//!   the desk seals to it (a sealed box: an ephemeral key, XSalsa20-Poly1305).
//! - Each account has its own key pair: the public half in `accounts.public_key`, the
//!   secret half wrapped by its password in its keyring slot.
//! - The denouncer key's secret half is sealed to the public key of every active account
//!   that may see denouncers (`denouncer_key_grants`). A holder's session grants it to the
//!   holders that have none yet, so an administrator can make a handler account without
//!   ever holding it; a grant goes when its account is locked or loses the role.
//! - A new or upgraded office starts with the secret in the clear (`bootstrap`) until a
//!   handler or leader first signs in: that session makes a new key, re-seals everything,
//!   grants itself and drops the bootstrap.

use std::collections::HashMap;

use crypto_box::aead::OsRng;
use crypto_box::{PublicKey, SecretKey};
use rusqlite::{Connection, OptionalExtension, params};

use crate::audit::{self, Ctx};
use crate::error::Result;

/// What a desk holds of the keys for its session. `Debug` shows none of them.
#[derive(Default)]
pub(in crate::desk) struct Keys {
    /// The signed-in account's own secret key (from its keyring slot).
    pub account: Option<SecretKey>,
    /// The denouncer key's secret half, opened from this account's grant.
    pub denouncer: Option<SecretKey>,
    /// Identities typed at the desk in this session, by citizen id: the desk's first print
    /// of a receipt names the person it just received, without opening any seal.
    pub typed: HashMap<i64, super::sealed::Identity>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

impl Keys {
    /// Forgets the session's secrets (sign-out, lock, another officer).
    pub fn clear(&mut self) {
        *self = Keys::default();
    }
}

impl crate::desk::Desk {
    /// The office's denouncer public key (made on first need): what the desk seals to.
    pub(in crate::desk) fn denouncer_public(&mut self, ctx: &Ctx) -> Result<PublicKey> {
        // Read first: a write transaction only the once the key is made.
        if let Some(bytes) = self
            .store
            .conn()
            .query_row("SELECT public FROM denouncer_key WHERE id = 1", [], |r| {
                r.get::<_, Vec<u8>>(0)
            })
            .optional()?
        {
            return Ok(public_from(&bytes));
        }
        // The store's own first key, made at first need; its rotation is audited.
        self.store
            .write_unaudited(|tx| public_key(tx, &ctx.stamp()))
    }

    /// The denouncer key's secret half for this call: only for a role that may see
    /// denouncers, from its session's grant (or, before any handler or leader signed in,
    /// the bootstrap key). `None`: nothing sealed can be opened.
    pub(in crate::desk) fn denouncer_secret(&self, ctx: &Ctx) -> Result<Option<SecretKey>> {
        if !ctx
            .roles
            .may(crate::domain::access::Permission::SeeDenouncer)
        {
            return Ok(None);
        }
        if let Some(secret) = &self.keys.denouncer {
            return Ok(Some(secret.clone()));
        }
        bootstrap(self.store.conn())
    }

    /// [`denouncer_secret`](Self::denouncer_secret), or a Vietnamese refusal saying why
    /// it is missing.
    pub(in crate::desk) fn require_denouncer_secret(&self, ctx: &Ctx) -> Result<SecretKey> {
        self.denouncer_secret(ctx)?.ok_or_else(|| {
            crate::error::Error::invalid(
                "denouncer_key",
                "Tài khoản này chưa được cấp khóa danh tính người tố cáo. Khóa được cấp tự động khi một cán bộ xử lý hoặc lãnh đạo đã có khóa đăng nhập; hãy nhờ họ đăng nhập một lần rồi đăng nhập lại.",
            )
        })
    }
}

/// Seals `plain` to the office's denouncer key.
pub(in crate::desk) fn seal(public: &PublicKey, plain: &[u8]) -> Vec<u8> {
    public
        .seal(&mut OsRng, plain)
        .expect("sealing to a valid public key cannot fail")
}

/// Opens what was sealed to `secret`'s public key.
pub(in crate::desk) fn open(secret: &SecretKey, sealed: &[u8]) -> Option<Vec<u8>> {
    secret.unseal(sealed).ok()
}

/// A new account key pair's secret half.
pub(crate) fn new_account_secret() -> SecretKey {
    SecretKey::generate(&mut OsRng)
}

/// The office's denouncer public key, made (with its bootstrap secret) on first need.
/// What was stored before there was a key (an upgraded office) is sealed at that moment.
pub(in crate::desk) fn public_key(tx: &Connection, now: &str) -> Result<PublicKey> {
    let row: Option<Vec<u8>> = tx
        .query_row("SELECT public FROM denouncer_key WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(bytes) = row {
        return Ok(public_from(&bytes));
    }
    let secret = SecretKey::generate(&mut OsRng);
    let public = secret.public_key();
    tx.execute(
        "INSERT INTO denouncer_key (id, public, bootstrap, created_at) VALUES (1, ?1, ?2, ?3)",
        params![
            public.as_bytes().as_slice(),
            secret.to_bytes().as_slice(),
            now
        ],
    )?;
    super::sealed::seal_what_is_plain(tx, &public)?;
    Ok(public)
}

fn public_from(bytes: &[u8]) -> PublicKey {
    PublicKey::from_slice(bytes).unwrap_or_else(|_| PublicKey::from([0u8; 32]))
}

/// The bootstrap secret, while the office has one.
pub(in crate::desk) fn bootstrap(conn: &Connection) -> Result<Option<SecretKey>> {
    let row: Option<Option<Vec<u8>>> = conn
        .query_row(
            "SELECT bootstrap FROM denouncer_key WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(row.flatten().and_then(|b| SecretKey::from_slice(&b).ok()))
}

/// A session begins: records the account's public key, and for an account that may see
/// denouncers opens its grant — rotating away from the bootstrap key when it is the
/// first — then grants the key to the other holders that have none. Grants of accounts
/// that are locked or lost the role are removed. Returns the opened denouncer secret.
pub(in crate::desk) fn begin(
    tx: &Connection,
    ctx: &Ctx,
    officer_id: i64,
    account: &SecretKey,
    holder: bool,
) -> Result<Option<SecretKey>> {
    let now = ctx.stamp();
    public_key(tx, &now)?;
    // A new key pair (its slot was written again): a grant sealed to the old one is void.
    if tx.execute(
        "UPDATE accounts SET public_key = ?1 WHERE officer_id = ?2
           AND (public_key IS NULL OR public_key <> ?1)",
        params![account.public_key().as_bytes().as_slice(), officer_id],
    )? > 0
    {
        revoke(tx, ctx, officer_id)?;
    }
    revoke_stale(tx, ctx)?;
    if !holder {
        return Ok(None);
    }
    let secret = match bootstrap(tx)? {
        Some(old) => Some(rotate(tx, ctx, &old)?),
        None => {
            let sealed: Option<Vec<u8>> = tx
                .query_row(
                    "SELECT sealed FROM denouncer_key_grants WHERE officer_id = ?1",
                    [officer_id],
                    |r| r.get(0),
                )
                .optional()?;
            sealed
                .and_then(|s| open(account, &s))
                .and_then(|b| SecretKey::from_slice(&b).ok())
        }
    };
    if let Some(secret) = &secret {
        grant_pending(tx, ctx, secret)?;
    }
    Ok(secret)
}

/// The first holder's session: a new denouncer key replaces the bootstrap one, everything
/// sealed is sealed again to it, and the bootstrap secret is dropped.
fn rotate(tx: &Connection, ctx: &Ctx, old: &SecretKey) -> Result<SecretKey> {
    let new = SecretKey::generate(&mut OsRng);
    super::sealed::reseal_all(tx, old, &new.public_key())?;
    tx.execute(
        "UPDATE denouncer_key SET public = ?1, bootstrap = NULL, recovery_saved_at = NULL
          WHERE id = 1",
        [new.public_key().as_bytes().as_slice()],
    )?;
    tx.execute("DELETE FROM denouncer_key_grants", [])?;
    audit::append(tx, ctx, "denouncer.key_rotate", "office", &[], None)?;
    Ok(new)
}

/// Grants the denouncer key to every active account that may see denouncers, has a public
/// key and no grant yet. Each grant is an audit row.
pub(in crate::desk) fn grant_pending(tx: &Connection, ctx: &Ctx, secret: &SecretKey) -> Result<()> {
    let pending: Vec<(i64, String, Vec<u8>)> = {
        let mut stmt = tx.prepare(
            "SELECT a.officer_id, a.roles, a.public_key FROM accounts a
              WHERE a.active = 1 AND a.public_key IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM denouncer_key_grants g
                                 WHERE g.officer_id = a.officer_id)",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (officer_id, roles, public) in pending {
        if !may_see(&roles) {
            continue;
        }
        let sealed = seal(&public_from(&public), &secret.to_bytes());
        tx.execute(
            "INSERT INTO denouncer_key_grants (officer_id, sealed, granted_at) VALUES (?1, ?2, ?3)",
            params![officer_id, sealed, ctx.stamp()],
        )?;
        audit::append(
            tx,
            ctx,
            "denouncer.key_grant",
            "officer",
            &[officer_id],
            None,
        )?;
    }
    Ok(())
}

/// Removes the grants of accounts that are locked or may no longer see denouncers.
pub(in crate::desk) fn revoke_stale(tx: &Connection, ctx: &Ctx) -> Result<()> {
    let granted: Vec<(i64, String, bool)> = {
        let mut stmt = tx.prepare(
            "SELECT g.officer_id, coalesce(a.roles, '[]'), coalesce(a.active, 0)
               FROM denouncer_key_grants g LEFT JOIN accounts a ON a.officer_id = g.officer_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (officer_id, roles, active) in granted {
        if !active || !may_see(&roles) {
            revoke(tx, ctx, officer_id)?;
        }
    }
    Ok(())
}

/// Removes `officer_id`'s grant (its password was reset by someone else, so its key pair
/// is new; or it was locked). Audited when there was one.
pub(in crate::desk) fn revoke(tx: &Connection, ctx: &Ctx, officer_id: i64) -> Result<()> {
    if tx.execute(
        "DELETE FROM denouncer_key_grants WHERE officer_id = ?1",
        [officer_id],
    )? > 0
    {
        audit::append(
            tx,
            ctx,
            "denouncer.key_revoke",
            "officer",
            &[officer_id],
            None,
        )?;
    }
    Ok(())
}

fn may_see(roles_json: &str) -> bool {
    serde_json::from_str::<crate::domain::access::Roles>(roles_json)
        .is_ok_and(|r| r.may(crate::domain::access::Permission::SeeDenouncer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_secret_opens_a_seal() {
        let secret = SecretKey::generate(&mut OsRng);
        let other = SecretKey::generate(&mut OsRng);
        let sealed = seal(&secret.public_key(), "Nguyễn Văn Ánh".as_bytes());
        let name = "Nguyễn Văn Ánh".as_bytes();
        assert!(!sealed.windows(name.len()).any(|w| w == name));
        assert_eq!(
            open(&secret, &sealed).as_deref(),
            Some("Nguyễn Văn Ánh".as_bytes())
        );
        assert_eq!(open(&other, &sealed), None);
        let mut tampered = sealed.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(open(&secret, &tampered), None);
    }
}
