//! Keeping the data: backups and restore, import and export, files written safely.

pub(super) mod backups;
pub(super) mod daily_backup;
pub(super) mod files;
pub(super) mod integrity;
pub(super) mod interchange;
pub(super) mod legacy;
