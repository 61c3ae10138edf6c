//! The local store: one SQLite file through rusqlite.
//!
//! Owns opening (with the safety checks), migrations, transactions, the audit trail and
//! backups. It knows no legal rule and reads no clock: "now" is passed in.
//!
//! Opening an existing file never changes it before it has been judged sound: a file that is
//! not a database, is corrupt, belongs to another program or comes from a newer TiếpDân is
//! refused untouched. An older schema is backed up (verified) before it is migrated.

pub mod audit;
pub mod backup;
mod health;
mod migrations;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::StoreError;

pub use backup::{BackupInfo, verify_backup_file};
pub use health::{Health, inspect};
pub use migrations::LATEST_VERSION;

/// `PRAGMA application_id` of every TiếpDân database ("TDAN").
pub const APPLICATION_ID: i32 = 0x5444_414E;

/// An open, checked, migrated database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the database at `path`. Backups taken before a migration go to
    /// `backup_dir`, stamped with `now`.
    pub fn open(path: &Path, backup_dir: &Path, now: NaiveDateTime) -> Result<Store, StoreError> {
        let is_new = std::fs::metadata(path)
            .map(|m| m.len() == 0)
            .unwrap_or(true);
        if is_new {
            return Store::create(path);
        }
        health::check_header(path)?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| health::classify(path, e))?;
        let probe = health::probe(&conn, path)?;
        health::quick_check(&conn, path)?;
        if probe.user_version < LATEST_VERSION {
            let backup = backup::take(
                &conn,
                backup_dir,
                now,
                &format!("truoc-nang-cap-v{}-v{}", probe.user_version, LATEST_VERSION),
            )?;
            migrations::to_latest(&mut conn).map_err(|details| StoreError::Migration {
                details,
                backup: backup.path.display().to_string(),
            })?;
            set_pragmas(&conn)?;
            let store = Store {
                conn,
                path: path.to_owned(),
            };
            store.record_backup(&backup)?;
            return Ok(store);
        }
        set_pragmas(&conn)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    fn create(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let mut conn = Connection::open(path)?;
        set_pragmas(&conn)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrations::to_latest(&mut conn).map_err(|details| StoreError::Migration {
            details,
            backup: "(cơ sở dữ liệu mới, chưa có dữ liệu)".into(),
        })?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is committed, or none of it.
    pub fn write<T, E>(&mut self, f: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
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
        let info = backup::take(&self.conn, dir, now, reason)?;
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

    /// Replaces the whole database with the backup at `file`, after checking that file and
    /// taking a verified backup of the current data into `backup_dir`. The file is migrated
    /// if it comes from an older version. Returns the safety backup.
    pub fn restore_from(
        &mut self,
        file: &Path,
        backup_dir: &Path,
        now: NaiveDateTime,
    ) -> Result<BackupInfo, StoreError> {
        let health = inspect(file)?;
        health.ensure_restorable(file)?;
        let safety = self.backup_to(backup_dir, now, "truoc-khoi-phuc")?;
        self.conn.restore(
            rusqlite::MAIN_DB,
            file,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
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

/// WAL with synchronous=FULL: a committed transaction survives a power cut.
fn set_pragmas(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    debug_assert_eq!(mode.to_lowercase(), "wal");
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Opens `path` read-only without creating it.
fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing {
            path: path.to_owned(),
        });
    }
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| health::classify(path, e))
}
