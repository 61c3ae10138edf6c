//! Verified backups with SQLite's online backup API.
//!
//! A backup is written to a temporary name, switched to a self-contained rollback-journal
//! file, checked with `integrity_check` and only then renamed into place, so a file named
//! `tiepdan-….sqlite3` in a backup folder is always a sound, complete copy.
//!
//! The backup of an encrypted store is encrypted with the same key: the copy's connection
//! is keyed before SQLite's backup API writes a page, so no plain page touches the disk.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use serde::Serialize;
use ts_rs::TS;

use super::DbKey;
use super::health::inspect;
use crate::error::StoreError;

/// Told `(pages copied, pages in all)` as a copy goes; returns `false` to stop it.
pub type OnPages<'a> = &'a mut dyn FnMut(u64, u64) -> bool;

/// Pages copied between two reports: about 200 reports a copy, at least 16 and at most
/// 1,024 pages (4 MiB at SQLite's default page size) each.
fn pages_per_step(total: u64) -> std::os::raw::c_int {
    std::os::raw::c_int::try_from((total / 200).clamp(16, 1024)).unwrap_or(1024)
}

/// Copies every page of `src` into `dst` with SQLite's online backup API, reporting as it
/// goes. The destination's write transaction commits only at the last page, so a copy
/// stopped half-way ([`StoreError::Cancelled`]) leaves the destination as it was.
fn copy_pages(src: &Connection, dst: &mut Connection, on_pages: OnPages) -> Result<(), StoreError> {
    let backup = Backup::new(src, dst)?;
    let mut per_step = pages_per_step(0);
    loop {
        let step = backup.step(per_step)?;
        let p = backup.progress();
        let total = u64::try_from(p.pagecount).unwrap_or(0);
        let done = total.saturating_sub(u64::try_from(p.remaining).unwrap_or(0));
        per_step = pages_per_step(total);
        match step {
            StepResult::Done => {
                on_pages(total, total);
                return Ok(());
            }
            StepResult::More => {}
            _ => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
        if !on_pages(done, total) {
            return Err(StoreError::Cancelled);
        }
    }
}

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
    /// The audit chain's head the copy holds (`N:HASH`; filled by the desk when it takes
    /// the backup, empty in the list of older ones): write it down to check the trail later.
    pub audit_head: String,
}

/// Copies the database behind `conn` into `dir` and verifies the copy.
pub(super) fn take(
    conn: &Connection,
    key: Option<&DbKey>,
    dir: &Path,
    now: NaiveDateTime,
    reason: &str,
    on_pages: OnPages,
) -> Result<BackupInfo, StoreError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let final_path = free_name(dir, now, reason);
    let partial = final_path.with_extension("partial");
    let result = copy_and_verify(conn, key, &partial, on_pages);
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
        audit_head: String::new(),
    })
}

fn copy_and_verify(
    conn: &Connection,
    key: Option<&DbKey>,
    partial: &Path,
    on_pages: OnPages,
) -> Result<(), StoreError> {
    let _ = std::fs::remove_file(partial);
    {
        let mut copy = Connection::open(partial)?;
        if let Some(key) = key {
            key.apply(&copy)?;
        }
        copy_pages(conn, &mut copy, on_pages)?;
        // A backup must be one self-contained file: no -wal beside it.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        copy.pragma_update(None, "synchronous", "FULL")?;
    }
    if let Ok(f) = std::fs::File::open(partial) {
        let _ = f.sync_all();
    }
    let source_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    verify(partial, key, source_version)
}

fn verify(path: &Path, key: Option<&DbKey>, expected_version: i64) -> Result<(), StoreError> {
    let unverified = |details: String| StoreError::BackupUnverified {
        path: path.to_owned(),
        details,
    };
    let health = inspect(path, key).map_err(|e| unverified(e.to_string()))?;
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
pub fn verify_backup_file(path: &Path, key: Option<&DbKey>) -> Result<super::Health, StoreError> {
    let health = inspect(path, key)?;
    health.ensure_restorable(path)?;
    Ok(health)
}

/// Replaces the database behind `dst` (keyed with `key`, or plain) with the backup `file`.
/// An encrypted backup must have been made with the same key; a plain backup (taken before
/// the store was encrypted) is encrypted on the way in, through a temporary copy.
pub(super) fn copy_into(
    file: &Path,
    key: Option<&DbKey>,
    dst: &mut Connection,
    on_pages: OnPages,
) -> Result<(), StoreError> {
    let plain_into_encrypted = key.is_some() && super::is_encrypted(file) == Some(false);
    let converted = file.with_extension("converting");
    let source = if plain_into_encrypted {
        let plain = open_for_export(file)?;
        let _ = std::fs::remove_file(&converted);
        let result = export(&plain, &converted, key);
        if let Err(e) = result {
            let _ = std::fs::remove_file(&converted);
            return Err(e);
        }
        super::open_read_only(&converted, key)?
    } else {
        super::open_read_only(file, key)?
    };
    let result = copy_pages(&source, dst, on_pages);
    drop(source);
    if plain_into_encrypted {
        let _ = std::fs::remove_file(&converted);
    }
    result
}

/// A plain file opened read-write (never created), as `ATTACH` inherits its connection's
/// flags: the export only reads it.
fn open_for_export(path: &Path) -> Result<Connection, StoreError> {
    super::check_key_fits(path, None)?;
    super::connect(
        path,
        None,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Writes the whole database behind `src` into the new file `out`, encrypted with `key` or
/// plain, with SQLCipher's `sqlcipher_export` (the one way to change a file's key), and
/// carries over the schema version and the application id, which the export leaves out.
pub(super) fn export(src: &Connection, out: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    let literal = key.map(DbKey::sql_literal).unwrap_or_default();
    // The source may have been opened without SQLITE_OPEN_CREATE: attach an empty file.
    std::fs::File::create(out).map_err(|source| StoreError::Io {
        path: out.to_owned(),
        source,
    })?;
    src.execute(
        &format!("ATTACH DATABASE ?1 AS target KEY \"{literal}\""),
        [out.display().to_string()],
    )?;
    let result = (|| -> rusqlite::Result<()> {
        src.query_row("SELECT sqlcipher_export('target')", [], |_| Ok(()))?;
        let version: i64 = src.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let app: i64 = src.pragma_query_value(None, "application_id", |r| r.get(0))?;
        src.execute_batch(&format!(
            "PRAGMA target.user_version = {version}; PRAGMA target.application_id = {app};"
        ))
    })();
    src.execute_batch("DETACH DATABASE target")?;
    result?;
    if let Ok(f) = std::fs::File::open(out) {
        let _ = f.sync_all();
    }
    Ok(())
}

/// Encrypts, one by one, the plain backups left in `dir` from before the store was
/// encrypted: each is exported to a new encrypted file, checked, then put in its place.
/// Returns how many were encrypted.
pub(super) fn encrypt_plain_backups(dir: &Path, key: &DbKey) -> Result<usize, StoreError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    let mut done = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_backup = path.extension().is_some_and(|e| e == "sqlite3")
            && path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("tiepdan-"));
        if !is_backup || super::is_encrypted(&path) != Some(false) {
            continue;
        }
        let partial = path.with_extension("partial");
        let plain = open_for_export(&path)?;
        let version: i64 = plain.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let _ = std::fs::remove_file(&partial);
        let result = export(&plain, &partial, Some(key)).and_then(|()| {
            drop(plain);
            verify(&partial, Some(key), version)
        });
        if let Err(e) = result {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        std::fs::rename(&partial, &path).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        done += 1;
    }
    sync_dir(dir);
    Ok(done)
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

pub(super) fn sync_dir(dir: &Path) {
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
    Ok(all(conn)?.into_iter().next())
}

pub(super) fn all(conn: &Connection) -> Result<Vec<BackupInfo>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT path, at, reason, size_bytes FROM backups ORDER BY at DESC, id DESC")?;
    let rows = stmt.query_map([], |r| {
        Ok(BackupInfo {
            path: PathBuf::from(r.get::<_, String>(0)?),
            at: r.get(1)?,
            reason: r.get(2)?,
            size_bytes: r.get(3)?,
            audit_head: String::new(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
