//! Use cases of keeping the data safe: backup, restore, check.

use std::path::Path;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::error::{Error, Result, StoreError};
use crate::progress::{Progress, Unwatched, pages};
use crate::store::BackupInfo;

/// A backup file found on disk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct BackupFile {
    pub name: String,
    pub path: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
}

impl Desk {
    /// Takes a verified backup into `dir` (default: the data directory's `backups/`).
    pub fn backup_now(&mut self, ctx: &Ctx, dir: Option<&Path>) -> Result<BackupInfo> {
        self.backup_now_watched(ctx, dir, &Unwatched)
    }

    /// [`Desk::backup_now`], reporting the copy's pages to `progress`; stopped, it leaves
    /// no file and no record.
    pub fn backup_now_watched(
        &mut self,
        ctx: &Ctx,
        dir: Option<&Path>,
        progress: &dyn Progress,
    ) -> Result<BackupInfo> {
        self.take_backup(ctx, dir, "sao-luu", progress)
    }

    /// A verified backup into `dir` (default: `backups/`) named and recorded with
    /// `reason`, its audit head written down and audited.
    pub(super) fn take_backup(
        &mut self,
        ctx: &Ctx,
        dir: Option<&Path>,
        reason: &str,
        progress: &dyn Progress,
    ) -> Result<BackupInfo> {
        ctx.require(crate::domain::access::Permission::Backup)?;
        let dir = dir
            .map(Path::to_owned)
            .unwrap_or_else(|| self.dir.backups());
        let mut on_pages = pages(progress, "Sao lưu dữ liệu");
        let mut info = self
            .store
            .backup_to_watched(&dir, ctx.now, reason, &mut on_pages)?;
        info.audit_head = self.audit_head()?;
        self.store.write(|tx| -> Result<()> {
            let detail = serde_json::json!({ "path": info.path, "size_bytes": info.size_bytes, "audit_head": info.audit_head });
            audit::append(tx, ctx, "backup.create", "database", &[], Some(detail))?;
            Ok(())
        })?;
        Ok(info)
    }

    /// A verified backup written to another disk (a USB stick): into the folder
    /// `TiepDan-saoluu` of `target`, which must exist.
    pub fn backup_to_other_disk(
        &mut self,
        ctx: &Ctx,
        target: &Path,
        progress: &dyn Progress,
    ) -> Result<BackupInfo> {
        ctx.require(crate::domain::access::Permission::Backup)?;
        if target.as_os_str().is_empty() || !target.is_dir() {
            return Err(Error::invalid(
                "target",
                format!(
                    "Không thấy thư mục \"{}\"; hãy cắm USB rồi chọn ổ, hoặc nhập một thư mục có sẵn.",
                    target.display()
                ),
            ));
        }
        if target.starts_with(self.dir.root()) {
            return Err(Error::invalid(
                "target",
                "Thư mục này nằm trong thư mục dữ liệu, cùng ổ đĩa với dữ liệu: hãy chọn ổ khác (USB).",
            ));
        }
        self.backup_now_watched(
            ctx,
            Some(&target.join(crate::datadir::OFF_SITE_FOLDER)),
            progress,
        )
    }

    /// The backups in `dir` (default: the data directory's `backups/`; for another disk
    /// its `TiepDan-saoluu` folder too), newest first.
    pub fn backup_files(&self, ctx: &Ctx, dir: Option<&Path>) -> Result<Vec<BackupFile>> {
        ctx.require(crate::domain::access::Permission::Backup)?;
        let dirs: Vec<std::path::PathBuf> = match dir {
            None => vec![self.dir.backups()],
            Some(d) => vec![d.to_owned(), d.join(crate::datadir::OFF_SITE_FOLDER)],
        };
        let mut files = Vec::new();
        for d in dirs {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                if path.extension().and_then(|x| x.to_str()) != Some("sqlite3") {
                    continue;
                }
                let meta = e.metadata().ok();
                files.push(BackupFile {
                    name: e.file_name().to_string_lossy().into_owned(),
                    path: path.display().to_string(),
                    size_bytes: meta.as_ref().map_or(0, |m| m.len() as i64),
                });
            }
        }
        // The names carry their time (tiepdan-YYYYMMDD-HHMMSS-…): newest first.
        files.sort_by(|a, b| b.name.cmp(&a.name));
        Ok(files)
    }

    /// Replaces the data with the backup `file`, after checking it and backing up what is
    /// there now. Returns the safety backup of the replaced data.
    ///
    /// Who may sign in is not rolled back: the accounts (and their officers) of the live data
    /// are carried into the restored data, so that every keyring slot still has its account.
    ///
    /// `progress` sees the safety backup's pages, then the restore's; stopped during either,
    /// the data stays as it was.
    pub fn restore(
        &mut self,
        ctx: &Ctx,
        file: &Path,
        progress: &dyn Progress,
    ) -> Result<BackupInfo> {
        ctx.require(crate::domain::access::Permission::Restore)?;
        let backups = self.dir.backups();
        let accounts = LiveAccounts::read(self.store.conn())?;
        let mut on_pages = pages(progress, "Khôi phục dữ liệu");
        let safety = self
            .store
            .restore_from(file, &backups, ctx.now, &mut on_pages)?;
        self.store.write(|tx| -> Result<()> {
            accounts.write(tx)?;
            let detail = serde_json::json!({ "from": file, "safety_backup": safety.path });
            audit::append(tx, ctx, "backup.restore", "database", &[], Some(detail))?;
            Ok(())
        })?;
        Ok(safety)
    }
}

impl Desk {
    /// Recomputes the audit chain: the number of rows when it holds, else the first place it
    /// breaks (a row changed, added or removed outside the app).
    pub fn verify_audit(&self) -> Result<std::result::Result<u64, crate::audit::Break>> {
        self.signed_in()?;
        Ok(crate::audit::verify(self.store.conn())?)
    }

    /// The audit chain's head now, as `N:HASH` (empty for an empty trail).
    pub fn audit_head(&self) -> Result<String> {
        self.signed_in()?;
        Ok(crate::audit::head(self.store.conn())?
            .map(|h| h.to_string())
            .unwrap_or_default())
    }

    /// Whether today's chain still extends `head` (`N:HASH`, recorded on a backup, an
    /// export or a submitted report): row N is there with that hash. Verify the chain
    /// itself with [`Desk::verify_audit`].
    pub fn audit_extends(&self, head: &str) -> Result<bool> {
        self.signed_in()?;
        let head: crate::audit::Head = head
            .parse()
            .map_err(|m: String| Error::invalid("head", m))?;
        Ok(crate::audit::extends(self.store.conn(), &head)?)
    }
}

/// The live data's accounts and their officers, as rows, carried across a restore.
struct LiveAccounts {
    officers: Vec<[rusqlite::types::Value; 6]>,
    accounts: Vec<[rusqlite::types::Value; 8]>,
}

impl LiveAccounts {
    const OFFICERS: &str = "id, full_name, title, role, active, created_at";
    const ACCOUNTS: &str = "officer_id, login, password_hash, roles, active, created_at, password_changed_at, public_key";

    fn read(conn: &rusqlite::Connection) -> Result<LiveAccounts> {
        let officers = conn
            .prepare(&format!(
                "SELECT {} FROM officers WHERE id IN (SELECT officer_id FROM accounts)",
                Self::OFFICERS
            ))?
            .query_map([], |r| {
                Ok(std::array::from_fn(|i| {
                    r.get(i).unwrap_or(rusqlite::types::Value::Null)
                }))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let accounts = conn
            .prepare(&format!("SELECT {} FROM accounts", Self::ACCOUNTS))?
            .query_map([], |r| {
                Ok(std::array::from_fn(|i| {
                    r.get(i).unwrap_or(rusqlite::types::Value::Null)
                }))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(LiveAccounts { officers, accounts })
    }

    /// Officers missing from the restored data are added back; the accounts replace the
    /// restored ones.
    fn write(&self, tx: &rusqlite::Transaction) -> Result<()> {
        for o in &self.officers {
            tx.execute(
                &format!(
                    "INSERT OR IGNORE INTO officers ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    Self::OFFICERS
                ),
                rusqlite::params_from_iter(o.iter()),
            )?;
        }
        // The restored data's grants of the denouncer key are kept for the accounts whose
        // key pair is still the same; the others get theirs from a holder's next session.
        let grants: Vec<(i64, Vec<u8>, Vec<u8>, String)> = tx
            .prepare(
                "SELECT g.officer_id, g.sealed, a.public_key, g.granted_at
                   FROM denouncer_key_grants g JOIN accounts a ON a.officer_id = g.officer_id
                  WHERE a.public_key IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        tx.execute("DELETE FROM denouncer_key_grants", [])?;
        tx.execute("DELETE FROM accounts", [])?;
        for a in &self.accounts {
            tx.execute(
                &format!(
                    "INSERT INTO accounts ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    Self::ACCOUNTS
                ),
                rusqlite::params_from_iter(a.iter()),
            )?;
        }
        for (officer_id, sealed, public_key, at) in grants {
            tx.execute(
                "INSERT INTO denouncer_key_grants (officer_id, sealed, granted_at)
                 SELECT ?1, ?2, ?4 FROM accounts WHERE officer_id = ?1 AND public_key = ?3",
                rusqlite::params![officer_id, sealed, public_key, at],
            )?;
        }
        Ok(())
    }
}

/// How a restore went.
#[derive(Debug, Clone)]
pub enum Restored {
    /// The live data was sound: it was backed up (verified) before being replaced.
    Replaced { safety_backup: BackupInfo },
    /// The live data could not be opened (damaged): it was moved aside, never deleted.
    DamagedMovedAside { moved_to: std::path::PathBuf },
}

/// Restores the data directory `root` from the backup `file`: checks the file first; backs
/// up sound live data, or moves damaged live data aside, before anything is replaced.
///
/// `key` is the data's key (from the keyring, by a password) or `None` for plain data; an
/// encrypted backup must have been made with that same key.
pub fn restore_data_dir(
    root: &Path,
    file: &Path,
    key: Option<&crate::store::DbKey>,
    ctx: &Ctx,
) -> Result<(Desk, Restored)> {
    ctx.require(crate::domain::access::Permission::Restore)?;
    crate::store::verify_backup_file(file, crate::store::key_for_file(file, key))?;
    match Desk::open_keyed(root, key, ctx.now) {
        Ok(mut desk) => {
            let safety_backup = desk.restore(ctx, file, &Unwatched)?;
            Ok((desk, Restored::Replaced { safety_backup }))
        }
        Err(Error::Store(StoreError::Corrupt { .. } | StoreError::NotADatabase { .. })) => {
            let db = crate::datadir::DataDir::new(root).database();
            let moved_to = move_aside(&db, ctx)?;
            copy_into_place(file, &db)?;
            if let Some(key) = key
                && crate::store::is_encrypted(&db) == Some(false)
            {
                // A plain backup from before encryption: encrypted once, like plain data.
                let backups = crate::datadir::DataDir::new(root).backups();
                drop(crate::store::Store::encrypt(&db, key, &backups, ctx.now)?);
            }
            let mut desk = Desk::open_keyed(root, key, ctx.now)?;
            desk.store.write(|tx| -> Result<()> {
                let detail = serde_json::json!({ "from": file, "damaged_moved_to": moved_to });
                audit::append(tx, ctx, "backup.restore", "database", &[], Some(detail))?;
                Ok(())
            })?;
            Ok((desk, Restored::DamagedMovedAside { moved_to }))
        }
        Err(e) => Err(e),
    }
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| {
        Error::Store(StoreError::Io {
            path: path.to_owned(),
            source,
        })
    }
}

/// Renames the damaged database (and its -wal/-shm) to `….hong-YYYYMMDD-HHMMSS`.
fn move_aside(db: &Path, ctx: &Ctx) -> Result<std::path::PathBuf> {
    let stamp = ctx.now.format("%Y%m%d-%H%M%S");
    let target = db.with_file_name(format!("tiepdan-hong-{stamp}.sqlite3"));
    std::fs::rename(db, &target).map_err(io_err(db))?;
    for suffix in ["-wal", "-shm"] {
        let side = std::path::PathBuf::from(format!("{}{suffix}", db.display()));
        if side.exists() {
            let side_target = std::path::PathBuf::from(format!("{}{suffix}", target.display()));
            std::fs::rename(&side, &side_target).map_err(io_err(&side))?;
        }
    }
    Ok(target)
}

/// Copies `file` to `db` through a temporary name, so `db` is either absent or complete.
fn copy_into_place(file: &Path, db: &Path) -> Result<()> {
    let partial = db.with_extension("restoring");
    std::fs::copy(file, &partial).map_err(io_err(&partial))?;
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .map_err(io_err(&partial))?;
    std::fs::rename(&partial, db).map_err(io_err(db))?;
    Ok(())
}
