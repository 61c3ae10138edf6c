//! The database key: 32 random bytes given to SQLCipher as a raw key (no passphrase KDF at
//! open, so opening stays fast). It never sits in plain text beside the data: the keyring
//! holds it wrapped by each officer's password, and the officer prints it once as the
//! recovery key (Khóa khôi phục) to keep sealed.

use rusqlite::Connection;
use zeroize::Zeroize;

/// A raw SQLCipher key. Wiped from memory when dropped; `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct DbKey([u8; 32]);

impl Drop for DbKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

impl DbKey {
    /// A fresh random key from the operating system.
    pub fn generate() -> DbKey {
        use chacha20poly1305::aead::rand_core::RngCore;
        let mut bytes = [0u8; 32];
        chacha20poly1305::aead::OsRng.fill_bytes(&mut bytes);
        DbKey(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> DbKey {
        DbKey(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The recovery key as printed: 64 hex digits in eight groups of eight,
    /// e.g. `3F2A9C01-…`.
    pub fn to_recovery(&self) -> String {
        let hex = hex_upper(&self.0);
        hex.as_bytes()
            .chunks(8)
            .map(|c| std::str::from_utf8(c).expect("hex is ASCII"))
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Reads a recovery key as typed: dashes, spaces and case do not matter.
    pub fn from_recovery(text: &str) -> Option<DbKey> {
        let digits: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(digits.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(DbKey(bytes))
    }

    /// `PRAGMA key` with this raw key: must be the first statement on a connection.
    pub fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        // SQLCipher's own log would print "error decrypting page" on standard error for a
        // wrong key; the caller explains it in Vietnamese instead.
        conn.execute_batch(&format!(
            "PRAGMA cipher_log_level = NONE; PRAGMA key = \"{}\";",
            self.sql_literal()
        ))
    }

    /// The key as SQLCipher's blob literal `x'…'`, for `PRAGMA key` and `ATTACH … KEY`.
    pub fn sql_literal(&self) -> String {
        format!("x'{}'", hex_upper(&self.0))
    }
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// Whether the file at `path` is encrypted: a plain SQLite file starts with
/// "SQLite format 3"; an SQLCipher file starts with random bytes and is made of whole
/// pages. Anything else counts as plain, for the plain checks to call it damaged. `None`:
/// no such file, or too short to tell.
///
/// Never on a database this process has open: closing the file handle read here drops the
/// process's POSIX locks on it, the open connection's too (see `quick_inspect`).
pub fn is_encrypted(path: &std::path::Path) -> Option<bool> {
    use std::io::Read;
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    file.read_exact(&mut header).ok()?;
    Some(&header != b"SQLite format 3\0" && len >= 512 && len.is_multiple_of(512))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_key_round_trips_in_any_spelling() {
        let key = DbKey::generate();
        let printed = key.to_recovery();
        assert_eq!(printed.len(), 64 + 7);
        assert_eq!(DbKey::from_recovery(&printed), Some(key.clone()));
        let sloppy = printed.to_lowercase().replace('-', " ");
        assert_eq!(DbKey::from_recovery(&sloppy), Some(key));
        assert_eq!(DbKey::from_recovery("1234"), None);
        assert_eq!(DbKey::from_recovery(&"G".repeat(64)), None);
    }

    #[test]
    fn two_keys_differ_and_debug_hides_them() {
        let (a, b) = (DbKey::generate(), DbKey::generate());
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "DbKey(…)");
    }
}
