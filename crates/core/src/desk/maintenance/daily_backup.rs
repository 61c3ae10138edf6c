//! The backups nobody has to remember: one automatic copy a day in the data folder (the
//! newest [`DAILY_KEPT`] kept), and a reminder on the dashboard when no copy has gone to
//! another disk for [`OFF_SITE_REMINDER_DAYS`] days — a copy on the PC's own disk dies
//! with it.

use chrono::NaiveDateTime;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::error::Result;
use crate::progress::Unwatched;
use crate::store::BackupInfo;

/// The reason an automatic copy is recorded and named with.
pub const DAILY_REASON: &str = "tu-dong";
/// Automatic copies kept in the data folder; older ones are deleted (manual copies and
/// copies on other disks are never deleted).
pub const DAILY_KEPT: usize = 14;
/// Days without a copy on another disk after which the dashboard reminds.
pub const OFF_SITE_REMINDER_DAYS: i64 = 7;

fn taken_at(b: &BackupInfo) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(&b.at, "%Y-%m-%dT%H:%M:%S").ok()
}

fn off_site(b: &BackupInfo) -> bool {
    b.path
        .components()
        .any(|c| c.as_os_str() == crate::datadir::OFF_SITE_FOLDER)
}

impl Desk {
    /// Takes the day's automatic backup unless one was taken today (any backup counts),
    /// then deletes the automatic copies beyond the newest [`DAILY_KEPT`]. `None` when
    /// today's copy already exists.
    pub fn daily_backup(&mut self, ctx: &Ctx) -> Result<Option<BackupInfo>> {
        ctx.require(crate::domain::access::Permission::Backup)?;
        let today = ctx.now.date();
        let all = self.store.backups()?;
        if all
            .iter()
            .filter(|b| !off_site(b))
            .filter_map(taken_at)
            .any(|at| at.date() == today)
        {
            return Ok(None);
        }
        let info = self.take_backup(ctx, None, DAILY_REASON, &Unwatched)?;
        let backups = self.dir.backups();
        let old: Vec<std::path::PathBuf> = self
            .store
            .backups()?
            .into_iter()
            .filter(|b| b.reason == DAILY_REASON && b.path.starts_with(&backups))
            .skip(DAILY_KEPT)
            .map(|b| b.path)
            .filter(|p| p.exists())
            .collect();
        if !old.is_empty() {
            for p in &old {
                let _ = std::fs::remove_file(p);
            }
            self.store.write(|tx| -> Result<()> {
                let detail = serde_json::json!({ "deleted": old, "kept": DAILY_KEPT });
                audit::append(tx, ctx, "backup.prune", "database", &[], Some(detail))?;
                Ok(())
            })?;
        }
        Ok(Some(info))
    }

    /// What the dashboard says about copies on another disk, or `None` when the last one
    /// is recent enough.
    pub fn backup_reminder(&self, now: NaiveDateTime) -> Result<Option<String>> {
        self.signed_in()?;
        let last = self
            .store
            .backups()?
            .into_iter()
            .filter(off_site)
            .find_map(|b| taken_at(&b));
        Ok(match last {
            None => Some(
                "Chưa có bản sao lưu nào ở ổ khác (USB). Nếu ổ đĩa của máy này hỏng, dữ liệu sẽ mất cùng các bản sao lưu trên máy: vào Cài đặt → Sao lưu ra ổ khác."
                    .to_owned(),
            ),
            Some(at) => {
                let days = (now.date() - at.date()).num_days();
                (days >= OFF_SITE_REMINDER_DAYS).then(|| {
                    format!(
                        "Đã {days} ngày chưa sao lưu ra ổ khác (lần gần nhất {}). Cắm USB rồi vào Cài đặt → Sao lưu ra ổ khác.",
                        at.format("%d/%m/%Y")
                    )
                })
            }
        })
    }
}
