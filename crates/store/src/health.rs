//! Judging a database file before trusting it: header, ownership, schema version,
//! integrity. Everything here reads; nothing writes.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

use super::{APPLICATION_ID, DbKey, LATEST_VERSION, open_read_only};
use crate::error::StoreError;

/// What `tiepdan check` reports about a database file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Health {
    /// `PRAGMA user_version`: the schema version the file is at.
    #[ts(type = "number")]
    pub schema_version: i64,
    /// The newest schema version this build understands.
    #[ts(type = "number")]
    pub supported_version: i64,
    /// `PRAGMA integrity_check` said "ok".
    pub integrity_ok: bool,
    /// The problems integrity_check listed (at most 20).
    pub problems: Vec<String>,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

impl Health {
    /// A file fit to be opened by this build: sound and not from a newer version.
    pub fn ensure_restorable(&self, path: &Path) -> Result<(), StoreError> {
        if !self.integrity_ok {
            return Err(StoreError::Corrupt {
                path: path.to_owned(),
                details: self.problems.join("; "),
            });
        }
        if self.schema_version > self.supported_version {
            return Err(StoreError::NewerSchema {
                path: path.to_owned(),
                found: self.schema_version,
                supported: self.supported_version,
            });
        }
        Ok(())
    }
}

/// Inspects the database at `path` read-only, with `key` if it is encrypted: the file is
/// left byte-for-byte unchanged.
pub fn inspect(path: &Path, key: Option<&DbKey>) -> Result<Health, StoreError> {
    let size_bytes = std::fs::metadata(path)
        .map_err(|_| StoreError::Missing {
            path: path.to_owned(),
        })?
        .len();
    let conn = open_read_only(path, key)?;
    let probe = probe(&conn, path)?;
    let problems = integrity_problems(&conn, path, "integrity_check")?;
    Ok(Health {
        schema_version: probe.user_version,
        supported_version: LATEST_VERSION,
        integrity_ok: problems.is_empty(),
        problems,
        size_bytes,
    })
}

pub(super) struct Probe {
    pub user_version: i64,
}

/// Reads the identity of the file: is it SQLite, is it ours, is it from a newer version.
pub(super) fn probe(conn: &Connection, path: &Path) -> Result<Probe, StoreError> {
    let read = |pragma: &str| -> Result<i64, StoreError> {
        conn.pragma_query_value(None, pragma, |r| r.get(0))
            .map_err(|e| classify(path, e))
    };
    let application_id = read("application_id")?;
    let user_version = read("user_version")?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    let ours = application_id == i64::from(APPLICATION_ID);
    if !ours && (tables > 0 || application_id != 0 || user_version != 0) {
        return Err(StoreError::ForeignFile {
            path: path.to_owned(),
        });
    }
    if user_version > LATEST_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: user_version,
            supported: LATEST_VERSION,
        });
    }
    Ok(Probe { user_version })
}

/// The check at every open, which must not read the whole file (a 1.2 GB database took
/// 17 s under `quick_check`): the schema is read, and the file must hold every page its
/// header counts — a truncated copy is refused. After a crash (a write-ahead log with
/// frames left) the full `quick_check` runs instead, as the log may mend the pages. The
/// full check runs after the window is up (`quick_inspect`) and on every backup.
pub(super) fn open_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let wal = {
        let mut name = path.as_os_str().to_owned();
        name.push("-wal");
        std::fs::metadata(std::path::PathBuf::from(name))
            .map(|m| m.len())
            .unwrap_or(0)
    };
    if wal > 0 {
        return quick_check(conn, path);
    }
    let read = || -> rusqlite::Result<(i64, i64, i64)> {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        // SQLCipher answers `page_size` as text (its cipher_page_size).
        let size = conn.query_row("PRAGMA page_size", [], |r| {
            Ok(match r.get::<_, rusqlite::types::Value>(0)? {
                rusqlite::types::Value::Integer(n) => n,
                rusqlite::types::Value::Text(t) => t.trim().parse().unwrap_or(0),
                _ => 0,
            })
        })?;
        Ok((tables, pages, size))
    };
    let (_, pages, size) = read().map_err(|e| classify(path, e))?;
    let on_disk = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let needed = u64::try_from(pages.saturating_mul(size)).unwrap_or(u64::MAX);
    if on_disk < needed {
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            details: format!(
                "tệp bị cắt cụt: cần {needed} byte ({pages} trang), chỉ có {on_disk} byte"
            ),
        });
    }
    Ok(())
}

/// `PRAGMA quick_check` on a read-only connection of its own, with `key` if the file is
/// encrypted: every page read, nothing written. The problems found (none: sound).
///
/// For the database this process has open: the file is reached through SQLite only. Any
/// other open and close of it here (reading its header to see whether it is encrypted)
/// would drop every POSIX lock the process holds on it, the open store's among them;
/// another process could then checkpoint and delete the write-ahead log the store still
/// writes to, and what it writes next would be lost ("How To Corrupt An SQLite Database
/// File", 2.2). The store knows its key, so nothing needs to be read first.
pub fn quick_inspect(path: &Path, key: Option<&DbKey>) -> Result<Vec<String>, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing {
            path: path.to_owned(),
        });
    }
    let conn = super::connect(
        path,
        key,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    integrity_problems(&conn, path, "quick_check")
}

/// `PRAGMA quick_check`: fails with [`StoreError::Corrupt`] when anything is wrong.
pub(super) fn quick_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let problems = integrity_problems(conn, path, "quick_check")?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            path: path.to_owned(),
            details: problems.join("; "),
        })
    }
}

fn integrity_problems(
    conn: &Connection,
    path: &Path,
    pragma: &str,
) -> Result<Vec<String>, StoreError> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(&format!("PRAGMA {pragma}(20)"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    match run() {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(Vec::new()),
        Ok(rows) => Ok(rows),
        Err(e) => match classify(path, e) {
            StoreError::Corrupt { details, .. } => Ok(vec![details]),
            other => Err(other),
        },
    }
}

/// Maps SQLite's "not a database" and "corrupt" codes to our errors.
pub(super) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
            path: path.to_owned(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_owned(),
            details: e.to_string(),
        },
        Some(ErrorCode::CannotOpen) if !path.exists() => StoreError::Missing {
            path: path.to_owned(),
        },
        _ => StoreError::Sqlite(e),
    }
}

/// Checks the 100-byte SQLite header, so that a truncated file is caught even when the
/// missing pages are not reached by a quick check.
pub(super) fn check_header(path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut header = [0u8; 100];
    if len < 100 || file.read_exact(&mut header).is_err() {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
        });
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
        });
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let page_count = u64::from(be32(28));
    let header_size_valid = be32(24) == be32(92) && page_count > 0;
    let wal = path.with_extension(format!(
        "{}-wal",
        path.extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
    ));
    let wal_has_frames = std::fs::metadata(&wal)
        .map(|m| m.len() > 0)
        .unwrap_or(false);
    if header_size_valid && !wal_has_frames && len < page_count * page_size {
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            details: format!(
                "tệp bị cắt cụt: phần đầu tệp ghi {page_count} trang × {page_size} byte nhưng tệp chỉ có {len} byte"
            ),
        });
    }
    Ok(())
}
