//! The keyring file (`keyring.json`, beside the database): the database key wrapped once
//! per account. Each slot's wrapping key is derived from the officer's password with
//! argon2id; the database key is sealed with XChaCha20-Poly1305, so a wrong password fails
//! to open the seal instead of giving a wrong key. Nothing in the file opens the database
//! without a password (or the recovery key, which is never written anywhere).

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::error::{Error, Result, StoreError};
use crate::store::DbKey;

const FORMAT: &str = "tiepdan-keyring";

/// argon2id cost of a new slot and of an account's password hash: 64 MiB, 3 passes, one
/// lane — 105 ms per derivation on the build machine (Xeon), about 0.25–0.3 s on an
/// office PC two or three times slower, so a sign-in (slot and hash) costs ≈ 0.5 s and a
/// guesser needs 64 MiB per try (`docs/benchmarks.md`, "Password derivation"). A slot
/// written with less is rewrapped at its next sign-in.
pub(crate) const KDF_M_COST: u32 = 64 * 1024;
pub(crate) const KDF_T_COST: u32 = 3;
pub(crate) const KDF_P_COST: u32 = 1;

/// The argon2 parameters of [`KDF_M_COST`] and the rest.
pub(crate) fn kdf_params() -> Params {
    Params::new(KDF_M_COST, KDF_T_COST, KDF_P_COST, Some(32)).expect("valid argon2 parameters")
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Keyring {
    format: String,
    version: u32,
    slots: Vec<Slot>,
}

/// The database key, wrapped for one account.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Slot {
    login: String,
    /// argon2id memory (KiB), passes and lanes, and the salt in hex.
    m_cost: u32,
    t_cost: u32,
    p_cost: u32,
    salt: String,
    nonce: String,
    wrapped: String,
    /// The account's own secret key (see `denouncer/key.rs`), wrapped by the same password;
    /// absent in a slot written before there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    account_nonce: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    account_wrapped: Option<String>,
}

/// What a slot opens: the database key, and the account's own secret key when the slot
/// has one.
pub(crate) struct Opened {
    pub key: DbKey,
    pub account: Option<crypto_box::SecretKey>,
}

impl Keyring {
    pub(crate) fn new() -> Keyring {
        Keyring {
            format: FORMAT.into(),
            version: 1,
            slots: Vec::new(),
        }
    }

    /// The keyring at `path`, or `None` when there is none.
    pub(crate) fn read(path: &Path) -> Result<Option<Keyring>> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(Error::Store(StoreError::Io {
                    path: path.to_owned(),
                    source,
                }));
            }
        };
        let ring: Keyring = serde_json::from_str(&text)
            .ok()
            .filter(|k: &Keyring| k.format == FORMAT)
            .ok_or_else(|| {
                Error::invalid(
                    "keyring",
                    format!(
                        "Tệp khóa {} bị hỏng hoặc không phải của TiếpDân. Hãy khôi phục nó từ bản sao, hoặc mở dữ liệu bằng khóa khôi phục.",
                        path.display()
                    ),
                )
            })?;
        Ok(Some(ring))
    }

    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self).expect("the keyring serialises");
        crate::desk::write_atomically(path, text.as_bytes())
    }

    /// Wraps `key` and the account's secret key for `login` (replacing its slot) with
    /// `password`.
    pub(crate) fn set(
        &mut self,
        login: &str,
        password: &str,
        key: &DbKey,
        account: &crypto_box::SecretKey,
    ) {
        let params = kdf_params();
        let mut salt = [0u8; 16];
        {
            use chacha20poly1305::aead::rand_core::RngCore;
            OsRng.fill_bytes(&mut salt);
        }
        let mut kek = derive(
            password,
            &salt,
            params.m_cost(),
            params.t_cost(),
            params.p_cost(),
        );
        let cipher = XChaCha20Poly1305::new((&kek).into());
        kek.zeroize();
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let wrapped = cipher
            .encrypt(&nonce, key.as_bytes().as_slice())
            .expect("sealing 32 bytes cannot fail");
        let account_nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let account_wrapped = cipher
            .encrypt(&account_nonce, account.to_bytes().as_slice())
            .expect("sealing 32 bytes cannot fail");
        self.remove(login);
        self.slots.push(Slot {
            login: login.to_lowercase(),
            m_cost: params.m_cost(),
            t_cost: params.t_cost(),
            p_cost: params.p_cost(),
            salt: hex(&salt),
            nonce: hex(&nonce),
            wrapped: hex(&wrapped),
            account_nonce: Some(hex(&account_nonce)),
            account_wrapped: Some(hex(&account_wrapped)),
        });
    }

    pub(crate) fn remove(&mut self, login: &str) {
        let login = login.to_lowercase();
        self.slots.retain(|s| s.login != login);
    }

    /// The database key and account key, if `password` opens `login`'s slot.
    pub(crate) fn open(&self, login: &str, password: &str) -> Option<Opened> {
        let login = login.trim().to_lowercase();
        let slot = self.slots.iter().find(|s| s.login == login)?;
        slot.open(password)
    }

    /// Whether `login`'s slot was derived with less than today's cost, or has no account
    /// key yet: it is written again at the next sign-in.
    pub(crate) fn is_weak(&self, login: &str) -> bool {
        let login = login.trim().to_lowercase();
        self.slots.iter().any(|s| {
            s.login == login
                && (s.m_cost < KDF_M_COST || s.t_cost < KDF_T_COST || s.account_wrapped.is_none())
        })
    }

    /// The first account whose slot `password` opens, with the key: for the command line,
    /// which is given a passphrase and no name.
    pub(crate) fn open_any(&self, password: &str) -> Option<(String, Opened)> {
        self.slots
            .iter()
            .find_map(|s| s.open(password).map(|k| (s.login.clone(), k)))
    }
}

impl Slot {
    fn open(&self, password: &str) -> Option<Opened> {
        let salt = unhex(&self.salt)?;
        let nonce = unhex(&self.nonce)?;
        let wrapped = unhex(&self.wrapped)?;
        if nonce.len() != 24 || self.m_cost > 1 << 22 || self.t_cost > 64 || self.p_cost > 16 {
            return None;
        }
        let mut kek = derive(password, &salt, self.m_cost, self.t_cost, self.p_cost);
        let cipher = XChaCha20Poly1305::new((&kek).into());
        kek.zeroize();
        let unwrap = |nonce: &[u8], wrapped: &[u8]| -> Option<[u8; 32]> {
            if nonce.len() != 24 {
                return None;
            }
            let mut plain = cipher.decrypt(XNonce::from_slice(nonce), wrapped).ok()?;
            let bytes: Option<[u8; 32]> = plain.as_slice().try_into().ok();
            plain.zeroize();
            bytes
        };
        let key = DbKey::from_bytes(unwrap(&nonce, &wrapped)?);
        let account = match (&self.account_nonce, &self.account_wrapped) {
            (Some(n), Some(w)) => unwrap(&unhex(n)?, &unhex(w)?),
            _ => None,
        };
        Some(Opened {
            key,
            account: account.map(crypto_box::SecretKey::from),
        })
    }
}

/// The 32-byte wrapping key derived from `password` (argon2id).
fn derive(password: &str, salt: &[u8], m: u32, t: u32, p: u32) -> [u8; 32] {
    let params = Params::new(m, t, p, Some(32)).unwrap_or(Params::DEFAULT);
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(password.as_bytes(), salt, &mut out)
        .expect("argon2 accepts a 16-byte salt and a 32-byte output");
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_opens_with_its_password_only() {
        let key = DbKey::generate();
        let account = crate::desk::denouncer::new_account_secret();
        let mut ring = Keyring::new();
        ring.set("Lan", "mật khẩu đúng", &key, &account);
        ring.set("hung", "khác hẳn 123", &key, &account);
        let opened = ring.open("lan", "mật khẩu đúng").unwrap();
        assert_eq!(opened.key, key);
        assert_eq!(
            opened.account.map(|a| a.to_bytes()),
            Some(account.to_bytes())
        );
        assert_eq!(
            ring.open("LAN ", "mật khẩu đúng").map(|o| o.key),
            Some(key.clone())
        );
        assert!(ring.open("lan", "mật khẩu sai").is_none());
        assert!(ring.open("ai", "mật khẩu đúng").is_none());
        assert_eq!(
            ring.open_any("khác hẳn 123").map(|(l, _)| l),
            Some("hung".into())
        );
        // The file never holds the key itself.
        let text = serde_json::to_string(&ring).unwrap();
        let plain_hex = hex(key.as_bytes());
        assert!(!text.contains(&plain_hex));
        assert!(!text.contains(&hex(&account.to_bytes())));
        ring.remove("lan");
        assert!(ring.open("lan", "mật khẩu đúng").is_none());
    }

    #[test]
    fn a_tampered_slot_opens_nothing() {
        let key = DbKey::generate();
        let mut ring = Keyring::new();
        ring.set(
            "lan",
            "12345678",
            &key,
            &crate::desk::denouncer::new_account_secret(),
        );
        let mut w = ring.slots[0].wrapped.clone().into_bytes();
        w[0] = if w[0] == b'0' { b'1' } else { b'0' };
        ring.slots[0].wrapped = String::from_utf8(w).unwrap();
        assert!(ring.open("lan", "12345678").is_none());
    }
}
