//! Backups, restore, the JSON Lines interchange, long work and its cancel.

use super::*;

#[tauri::command]
pub async fn about_info(app: AppHandle) -> Result<AboutInfo, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.about())
    })
    .await
}

/// Where the background integrity check stands.
#[tauri::command]
pub async fn integrity_status(
    app: AppHandle,
) -> Result<tiepdan_core::desk::IntegrityStatus, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.signed_in()?;
            Ok(desk.integrity_status())
        })
    })
    .await
}

#[tauri::command]
pub async fn backup_now(app: AppHandle) -> Result<BackupInfo, ErrorData> {
    on_worker(app, move |app, state| {
        let watch = Watch::start(app, state);
        with_desk(state, |desk| {
            desk.backup_now_watched(&ctx(desk), None, &watch)
        })
    })
    .await
}

/// The day's automatic backup, unless one was taken today; `None` then.
#[tauri::command]
pub async fn daily_backup(app: AppHandle) -> Result<Option<BackupInfo>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.daily_backup(&ctx(desk)))
    })
    .await
}

/// The dashboard's reminder when no copy went to another disk for a week.
#[tauri::command]
pub async fn backup_reminder(app: AppHandle) -> Result<Option<String>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.backup_reminder(tiepdan_core::edge::now())
        })
    })
    .await
}

/// Other disks a backup could go to (USB sticks, other drives).
#[tauri::command]
pub async fn other_disks() -> Vec<String> {
    tiepdan_core::datadir::other_disks()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect()
}

/// A verified backup into `TiepDan-saoluu` on another disk.
#[tauri::command]
pub async fn backup_to_other_disk(app: AppHandle, target: String) -> Result<BackupInfo, ErrorData> {
    on_worker(app, move |app, state| {
        let watch = Watch::start(app, state);
        with_desk(state, |desk| {
            desk.backup_to_other_disk(&ctx(desk), std::path::Path::new(target.trim()), &watch)
        })
    })
    .await
}

/// The backups in the data directory, or in a folder (and its `TiepDan-saoluu`).
#[tauri::command]
pub async fn backup_files(
    app: AppHandle,
    dir: Option<String>,
) -> Result<Vec<tiepdan_core::desk::BackupFile>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            let dir = dir.as_deref().map(str::trim).filter(|d| !d.is_empty());
            desk.backup_files(&ctx(desk), dir.map(std::path::Path::new))
        })
    })
    .await
}

/// Replaces the data with a backup (administrators); returns the safety backup of the data
/// replaced.
#[tauri::command]
pub async fn restore_backup(app: AppHandle, file: String) -> Result<BackupInfo, ErrorData> {
    on_worker(app, move |app, state| {
        let watch = Watch::start(app, state);
        with_desk(state, |desk| {
            desk.restore(&ctx(desk), std::path::Path::new(&file), &watch)
        })
    })
    .await
}

/// Imports an interchange file's text: all or nothing; the errors listed by line.
#[tauri::command]
pub async fn import_interchange(app: AppHandle, text: String) -> Result<ImportSummary, ErrorData> {
    on_worker(app, move |app, state| {
        let watch = Watch::start(app, state);
        let mut guard = lock_desk(state)?;
        let desk = guard
            .as_mut()
            .ok_or_else(|| tiepdan_core::Error::SignedOut.to_data())?;
        desk.import_watched(&ctx(desk), &text, &watch)
            .map_err(|e| e.to_data())
    })
    .await
}

/// Reads an old register kept in Excel (.xlsx, .xls, .ods) for the officer to check: the
/// columns as guessed, every row as it would be imported, each row's problems.
#[tauri::command]
pub async fn legacy_preview(
    app: AppHandle,
    bytes: Vec<u8>,
) -> Result<tiepdan_core::interchange::legacy::LegacyPreview, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.legacy_preview(&ctx(desk), &bytes))
    })
    .await
}

/// Imports an old register: all of it, or nothing and each bad row named.
#[tauri::command]
pub async fn legacy_import(app: AppHandle, bytes: Vec<u8>) -> Result<ImportSummary, ErrorData> {
    on_worker(app, move |app, state| {
        let watch = Watch::start(app, state);
        with_desk(state, |desk| desk.legacy_import(&ctx(desk), &bytes, &watch))
    })
    .await
}

/// Stops the long work in progress (an import, a backup, a restore, an export) at its next
/// step; it then keeps nothing.
#[tauri::command]
pub async fn cancel_work(app: AppHandle) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        state
            .cancel
            .store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    })
    .await
}

/// Long work's progress, sent to the window as `progress` events; stops when asked.
struct Watch<'a> {
    app: &'a AppHandle,
    cancel: &'a std::sync::atomic::AtomicBool,
}

impl<'a> Watch<'a> {
    fn start(app: &'a AppHandle, state: &'a AppState) -> Watch<'a> {
        state
            .cancel
            .store(false, std::sync::atomic::Ordering::SeqCst);
        Watch {
            app,
            cancel: &state.cancel,
        }
    }
}

impl tiepdan_core::progress::Progress for Watch<'_> {
    fn step(&self, stage: &str, done: u64, total: u64) -> bool {
        use tauri::Emitter;
        let report = tiepdan_core::progress::ProgressReport {
            stage: stage.to_owned(),
            done,
            total,
        };
        let _ = self.app.emit("progress", report);
        !self.cancel.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Writes the whole data as an interchange file in the exports folder.
#[tauri::command]
pub async fn export_interchange(
    app: AppHandle,
    redact: bool,
    reason: String,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |app, state| {
        let watch = Watch::start(app, state);
        with_desk(state, |desk| {
            desk.export_file(
                &ctx(desk),
                &ExportOptions {
                    redact,
                    today: None,
                },
                &reason,
                &watch,
            )
        })
    })
    .await
}
