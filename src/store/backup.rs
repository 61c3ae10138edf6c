//! Verified backups with SQLite's online backup API.
//!
//! A backup is written to a temporary name, switched to a self-contained rollback-journal
//! file, checked with `integrity_check` and only then renamed into place, so a file named
//! `tiepdan-….sqlite3` in a backup folder is always a sound, complete copy.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, MAIN_DB, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::health::inspect;
use crate::error::StoreError;

/// A backup that was taken and verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    #[ts(type = "string")]
    pub path: PathBuf,
    /// When it was taken, `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    pub reason: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
}

/// Copies the database behind `conn` into `dir` and verifies the copy.
pub(super) fn take(
    conn: &Connection,
    dir: &Path,
    now: NaiveDateTime,
    reason: &str,
) -> Result<BackupInfo, StoreError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let final_path = free_name(dir, now, reason);
    let partial = final_path.with_extension("partial");
    let result = copy_and_verify(conn, &partial);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &final_path).map_err(io(&final_path))?;
    sync_dir(dir);
    let size_bytes = std::fs::metadata(&final_path)
        .map_err(io(&final_path))?
        .len();
    Ok(BackupInfo {
        path: final_path,
        at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        reason: reason.to_owned(),
        size_bytes: i64::try_from(size_bytes).unwrap_or(i64::MAX),
    })
}

fn copy_and_verify(conn: &Connection, partial: &Path) -> Result<(), StoreError> {
    let _ = std::fs::remove_file(partial);
    conn.backup(MAIN_DB, partial, None)?;
    {
        // A backup must be one self-contained file: no -wal beside it.
        let copy = Connection::open_with_flags(partial, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        copy.pragma_update(None, "synchronous", "FULL")?;
    }
    if let Ok(f) = std::fs::File::open(partial) {
        let _ = f.sync_all();
    }
    let source_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    verify(partial, source_version)
}

fn verify(path: &Path, expected_version: i64) -> Result<(), StoreError> {
    let unverified = |details: String| StoreError::BackupUnverified {
        path: path.to_owned(),
        details,
    };
    let health = inspect(path).map_err(|e| unverified(e.to_string()))?;
    if !health.integrity_ok {
        return Err(unverified(health.problems.join("; ")));
    }
    if health.schema_version != expected_version {
        return Err(unverified(format!(
            "lược đồ số {} thay vì {expected_version}",
            health.schema_version
        )));
    }
    Ok(())
}

/// Checks a backup file the way a restore would, without touching it.
pub fn verify_backup_file(path: &Path) -> Result<super::Health, StoreError> {
    let health = inspect(path)?;
    health.ensure_restorable(path)?;
    Ok(health)
}

/// `tiepdan-20261123-091500-sao-luu.sqlite3`, with `-2`, `-3`… if taken in the same second.
fn free_name(dir: &Path, now: NaiveDateTime, reason: &str) -> PathBuf {
    let stem = format!("tiepdan-{}-{reason}", now.format("%Y%m%d-%H%M%S"));
    let mut candidate = dir.join(format!("{stem}.sqlite3"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}-{n}.sqlite3"));
        n += 1;
    }
    candidate
}

fn sync_dir(dir: &Path) {
    // On Unix a rename is durable only once its directory is synced; Windows has no
    // directory handles to sync, and NTFS journals the rename itself.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// The newest backup recorded in the database.
pub(super) fn last(conn: &Connection) -> Result<Option<BackupInfo>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT path, at, reason, size_bytes FROM backups ORDER BY at DESC, id DESC LIMIT 1",
    )?;
    let mut rows = stmt.query_map([], |r| {
        Ok(BackupInfo {
            path: PathBuf::from(r.get::<_, String>(0)?),
            at: r.get(1)?,
            reason: r.get(2)?,
            size_bytes: r.get(3)?,
        })
    })?;
    Ok(rows.next().transpose()?)
}
