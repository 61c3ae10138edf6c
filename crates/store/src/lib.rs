//! The local store: one SQLite file through rusqlite.
//!
//! Owns opening (with the safety checks), migrations, transactions, the audit trail and
//! backups. It knows no legal rule and reads no clock: "now" is passed in.
//!
//! Opening an existing file never changes it before it has been judged sound: a file that is
//! not a database, is corrupt, belongs to another program or comes from a newer TiếpDân is
//! refused untouched. An older schema is backed up (verified) before it is migrated.
//!
//! A store opened with a [`DbKey`] is encrypted with SQLCipher: the file, its WAL and every
//! backup are unreadable without the key. A store opened without one is plain SQLite (the
//! library's tests and benchmarks, and an older installation before it is encrypted once by
//! [`Store::encrypt`]).

pub mod audit;
pub mod backup;
mod error;
mod health;
pub mod key;
mod migrations;
pub mod value;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use error::StoreError;

pub use backup::{BackupInfo, OnPages, verify_backup_file};
pub use health::{Health, inspect, quick_inspect};
pub use key::{DbKey, is_encrypted};
pub use migrations::LATEST_VERSION;

/// `PRAGMA application_id` of every TiếpDân database ("TDAN").
pub const APPLICATION_ID: i32 = 0x5444_414E;

/// An open, checked, migrated database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    key: Option<DbKey>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the database at `path`, encrypted with `key` when given. Backups
    /// taken before a migration go to `backup_dir`, stamped with `now`.
    ///
    /// An encrypted file without a key, a wrong key, or a key for a plain file is refused
    /// untouched ([`StoreError::KeyRequired`], [`StoreError::WrongKey`],
    /// [`StoreError::NotEncrypted`]).
    pub fn open(
        path: &Path,
        key: Option<&DbKey>,
        backup_dir: &Path,
        now: NaiveDateTime,
    ) -> Result<Store, StoreError> {
        let is_new = std::fs::metadata(path)
            .map(|m| m.len() == 0)
            .unwrap_or(true);
        if is_new {
            return Store::create(path, key);
        }
        check_key_fits(path, key)?;
        let mut conn = connect(
            path,
            key,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let probe = health::probe(&conn, path)?;
        if probe.user_version < LATEST_VERSION {
            // About to back up and migrate: the whole file is checked first.
            health::quick_check(&conn, path)?;
            let backup = backup::take(
                &conn,
                key,
                backup_dir,
                now,
                &format!("truoc-nang-cap-v{}-v{}", probe.user_version, LATEST_VERSION),
                &mut |_, _| true,
            )?;
            migrations::to_latest(&mut conn).map_err(|details| StoreError::Migration {
                details,
                backup: backup.path.display().to_string(),
            })?;
            set_pragmas(&conn)?;
            let store = Store {
                conn,
                path: path.to_owned(),
                key: key.cloned(),
            };
            store.record_backup(&backup)?;
            return Ok(store);
        }
        health::open_check(&conn, path)?;
        set_pragmas(&conn)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            key: key.cloned(),
        })
    }

    fn create(path: &Path, key: Option<&DbKey>) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let mut conn = Connection::open(path)?;
        if let Some(key) = key {
            key.apply(&conn)?;
        }
        set_pragmas(&conn)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrations::to_latest(&mut conn).map_err(|details| StoreError::Migration {
            details,
            backup: "(cơ sở dữ liệu mới, chưa có dữ liệu)".into(),
        })?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            key: key.cloned(),
        })
    }

    /// Whether this store is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// The key this store was opened with, to check a backup against it.
    pub fn key(&self) -> Option<&DbKey> {
        self.key.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is committed, or none of it. A
    /// transaction that changes a row must append its audit row in it: one that does not is
    /// rolled back ([`StoreError::Unaudited`]), so no write lands without its trace.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<rusqlite::Error> + From<StoreError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changes = tx.total_changes();
        let head = last_audit_row(&tx)?;
        let value = f(&tx)?;
        if tx.total_changes() != changes && last_audit_row(&tx)? == head {
            // Dropping the transaction rolls it back.
            return Err(StoreError::Unaudited {
                what: std::any::type_name::<T>().to_owned(),
            }
            .into());
        }
        tx.commit()?;
        Ok(value)
    }

    /// [`Store::write`] for what is not a record of the office and needs no audit row: a
    /// form's draft, derived data (the deadline cache), the store's own keys. Each caller
    /// says why in a comment.
    pub fn write_unaudited<T, E>(
        &mut self,
        f: impl FnOnce(&Transaction) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Takes a verified backup into `dir` and records it.
    pub fn backup_to(
        &self,
        dir: &Path,
        now: NaiveDateTime,
        reason: &str,
    ) -> Result<BackupInfo, StoreError> {
        self.backup_to_watched(dir, now, reason, &mut |_, _| true)
    }

    /// [`Store::backup_to`], telling `on_pages` how far the copy got; a copy stopped
    /// half-way leaves no file and no record.
    pub fn backup_to_watched(
        &self,
        dir: &Path,
        now: NaiveDateTime,
        reason: &str,
        on_pages: OnPages,
    ) -> Result<BackupInfo, StoreError> {
        let info = backup::take(&self.conn, self.key.as_ref(), dir, now, reason, on_pages)?;
        self.record_backup(&info)?;
        Ok(info)
    }

    fn record_backup(&self, info: &BackupInfo) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO backups (at, path, reason, size_bytes) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![
                info.at,
                info.path.display().to_string(),
                info.reason,
                info.size_bytes
            ],
        )?;
        Ok(())
    }

    /// The newest backup recorded in this database.
    pub fn last_backup(&self) -> Result<Option<BackupInfo>, StoreError> {
        backup::last(&self.conn)
    }

    /// Every backup recorded in this database, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, StoreError> {
        backup::all(&self.conn)
    }

    /// Replaces the whole database with the backup at `file`, after checking that file and
    /// taking a verified backup of the current data into `backup_dir`. The file is migrated
    /// if it comes from an older version. Returns the safety backup.
    ///
    /// `on_pages` is told how far the safety backup, then the restore, got; stopped during
    /// either, the data stays as it was.
    pub fn restore_from(
        &mut self,
        file: &Path,
        backup_dir: &Path,
        now: NaiveDateTime,
        on_pages: OnPages,
    ) -> Result<BackupInfo, StoreError> {
        // The live file itself is refused before anything reads it: opening it outside
        // SQLite here would drop this connection's locks (see `quick_inspect`).
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same(file, &self.path) {
            return Err(StoreError::LiveFile {
                path: file.to_owned(),
            });
        }
        let health = inspect(file, key_for_file(file, self.key.as_ref()))?;
        health.ensure_restorable(file)?;
        let safety = self.backup_to_watched(backup_dir, now, "truoc-khoi-phuc", &mut *on_pages)?;
        backup::copy_into(file, self.key.as_ref(), &mut self.conn, on_pages)?;
        if health.schema_version < LATEST_VERSION {
            migrations::to_latest(&mut self.conn).map_err(|details| StoreError::Migration {
                details,
                backup: safety.path.display().to_string(),
            })?;
        }
        set_pragmas(&self.conn)?;
        health::quick_check(&self.conn, &self.path)?;
        self.record_backup(&safety)?;
        Ok(safety)
    }
}

impl Store {
    /// Encrypts the plain database at `path` with `key`, once: a verified plain backup
    /// first (into `backup_dir`), then an encrypted copy checked for integrity and schema,
    /// put in the file's place by a rename; then every plain backup left in `backup_dir`
    /// (that one included) is replaced by an encrypted copy, so no readable copy stays.
    /// On any failure before the rename the plain file is untouched.
    pub fn encrypt(
        path: &Path,
        key: &DbKey,
        backup_dir: &Path,
        now: NaiveDateTime,
    ) -> Result<Store, StoreError> {
        let plain = Store::open(path, None, backup_dir, now)?;
        let safety = plain.backup_to(backup_dir, now, "truoc-ma-hoa")?;
        plain
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let version = plain.schema_version()?;
        let partial = path.with_extension("encrypting");
        let _ = std::fs::remove_file(&partial);
        let made = backup::export(&plain.conn, &partial, Some(key)).and_then(|()| {
            let health = inspect(&partial, Some(key))?;
            if health.integrity_ok && health.schema_version == version {
                Ok(())
            } else {
                Err(StoreError::Migration {
                    details: format!(
                        "bản mã hóa không đạt kiểm tra: {}",
                        health.problems.join("; ")
                    ),
                    backup: safety.path.display().to_string(),
                })
            }
        });
        if let Err(e) = made {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        drop(plain);
        let io = |p: &Path| {
            let p = p.to_owned();
            move |source| StoreError::Io { path: p, source }
        };
        std::fs::rename(&partial, path).map_err(io(path))?;
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        if let Some(dir) = path.parent() {
            backup::sync_dir(dir);
        }
        let store = Store::open(path, Some(key), backup_dir, now)?;
        backup::encrypt_plain_backups(backup_dir, key)?;
        Ok(store)
    }
}

/// SQLite's own page cache, in KiB (negative `cache_size`): 256 MiB. It holds pages already
/// decrypted, so repeated reads of an encrypted store do not decrypt them again (with it the
/// six-month reports on 1,000,000 petitions run as fast encrypted as plain; with SQLite's
/// 2 MB default they took 2.5 times as long, see docs/benchmarks.md). It grows only as pages
/// are read: a commune's database of a few dozen MB never comes near it.
const PAGE_CACHE_KIB: i64 = 256 * 1024;

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 128;

/// WAL with synchronous=FULL: a committed transaction survives a power cut.
fn set_pragmas(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // Room for every statement of an import's loop: with rusqlite's default of 16 they
    // pushed each other out and were parsed again for every record.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    debug_assert_eq!(mode.to_lowercase(), "wal");
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // What is deleted or replaced (a discarded draft, a corrected record) is overwritten,
    // not left readable in free pages by anyone holding the key.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(())
}

/// Opens `path` read-only without creating it.
fn open_read_only(path: &Path, key: Option<&DbKey>) -> Result<Connection, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing {
            path: path.to_owned(),
        });
    }
    check_key_fits(path, key)?;
    connect(
        path,
        key,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// The key to read the backup `file` with: the store's key for an encrypted backup, none
/// for a plain one (from before the store was encrypted, encrypted on the way in).
pub fn key_for_file<'a>(file: &Path, key: Option<&'a DbKey>) -> Option<&'a DbKey> {
    if is_encrypted(file) == Some(true) {
        key
    } else {
        None
    }
}

/// Refuses, before anything is opened, a key for a plain file or no key for an encrypted
/// one; checks a plain file's header.
fn check_key_fits(path: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    match (is_encrypted(path), key) {
        (None, _) => Err(StoreError::NotADatabase {
            path: path.to_owned(),
        }),
        (Some(false), None) => health::check_header(path),
        (Some(false), Some(_)) => Err(StoreError::NotEncrypted {
            path: path.to_owned(),
        }),
        (Some(true), None) => Err(StoreError::KeyRequired {
            path: path.to_owned(),
        }),
        (Some(true), Some(_)) => Ok(()),
    }
}

/// Opens a connection and gives it the key; a key that does not open the file is
/// [`StoreError::WrongKey`].
fn connect(path: &Path, key: Option<&DbKey>, flags: OpenFlags) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(path, flags).map_err(|e| health::classify(path, e))?;
    if let Some(key) = key {
        key.apply(&conn)?;
        // The first read tells whether the key is right: a wrong key reads as noise.
        let readable = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        });
        if let Err(e) = readable {
            return Err(match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => StoreError::WrongKey {
                    path: path.to_owned(),
                },
                _ => health::classify(path, e),
            });
        }
    }
    Ok(conn)
}

/// The newest audit row's id (0 when the trail is empty).
fn last_audit_row(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
        r.get(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(store: &Store) -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM agencies", [], |r| r.get(0))
            .unwrap()
    }

    fn insert(tx: &Transaction, name: &str) -> rusqlite::Result<usize> {
        tx.execute(
            "INSERT INTO agencies (name, name_fold, role, address, created_at)
             VALUES (?1, ?1, 'court', NULL, '2026-12-04T09:00:00')",
            [name],
        )
    }

    #[test]
    fn a_write_without_its_audit_row_is_rolled_back() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let mut store = Store::open(
            &dir.path().join("tiepdan.sqlite3"),
            None,
            &dir.path().join("backups"),
            now,
        )
        .unwrap();
        let e = store
            .write(|tx| -> Result<(), StoreError> {
                insert(tx, "Tòa án nhân dân khu vực 1")?;
                Ok(())
            })
            .unwrap_err();
        assert!(matches!(e, StoreError::Unaudited { .. }), "{e}");
        assert!(e.to_string().contains("không có gì thay đổi"), "{e}");
        assert_eq!(count(&store), 0, "rolled back");

        store
            .write(|tx| -> Result<(), StoreError> {
                insert(tx, "Tòa án nhân dân khu vực 1")?;
                audit::append(
                    tx,
                    "2026-12-04T09:00:00",
                    "kiểm thử",
                    "agency.create",
                    "agency",
                    &[1],
                    None,
                )?;
                Ok(())
            })
            .unwrap();
        assert_eq!(count(&store), 1);
        // Reading, or a write that changes nothing, needs no row.
        store
            .write(|_| -> Result<(), StoreError> { Ok(()) })
            .unwrap();
        // What is not a record is written without one, on purpose.
        store
            .write_unaudited(|tx| -> Result<(), StoreError> {
                insert(tx, "Viện kiểm sát nhân dân khu vực 1")?;
                Ok(())
            })
            .unwrap();
        assert_eq!(count(&store), 2);
    }
}
