//! Files the desk writes beside the database (printed documents, Excel registers, exports):
//! written to a temporary name, synced, then renamed, so a power cut leaves either the old
//! file or the whole new one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, StoreError};

/// Writes `bytes` to `path` atomically, creating its folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source, path: &Path| {
        Error::Store(StoreError::Io {
            path: path.to_owned(),
            source,
        })
    };
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| io(e, dir))?;
    }
    let mut tmp_name = path.file_name().unwrap_or_default().to_owned();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e, path));
    }
    Ok(())
}

/// Writes a copy to read or print into the viewing folder: whole or not at all (temporary
/// name, then rename), but not synced to disk — the original is in the database, and the
/// copy goes when the window closes.
pub fn write_copy(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp_name = path.file_name().unwrap_or_default().to_owned();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|source| {
            let _ = std::fs::remove_file(&tmp);
            Error::Store(StoreError::Io {
                path: path.to_owned(),
                source,
            })
        })
}

/// `<viewing folder>/<stem>-<YYYYMMDD-HHMMSS>.<ext>` (see `DataDir::view`).
pub fn export_path(
    dir: &crate::datadir::DataDir,
    stem: &str,
    now: chrono::NaiveDateTime,
    ext: &str,
) -> Result<PathBuf> {
    view_path(
        dir,
        &format!("{stem}-{}.{ext}", now.format("%Y%m%d-%H%M%S")),
    )
}

/// `file_name` in the viewing folder, the folder created owner-only.
pub fn view_path(dir: &crate::datadir::DataDir, file_name: &str) -> Result<PathBuf> {
    let view = dir.view_ready().map_err(|source| {
        Error::Store(StoreError::Io {
            path: dir.view(),
            source,
        })
    })?;
    Ok(view.join(file_name))
}

impl crate::desk::Desk {
    /// Writes the interchange export to the viewing folder and returns where.
    pub fn export_file(
        &mut self,
        ctx: &crate::audit::Ctx,
        opts: &crate::desk::ExportOptions,
        reason: &str,
    ) -> Result<crate::desk::RegisterFile> {
        let now = ctx.now;
        let text = self.export_logged(ctx, opts, reason)?;
        let stem = if opts.redact {
            "tiepdan-xuat-da-luoc-bo"
        } else {
            "tiepdan-xuat-day-du"
        };
        let path = export_path(&self.dir, stem, now, "jsonl")?;
        write_copy(&path, text.as_bytes())?;
        Ok(crate::desk::RegisterFile {
            path: path.display().to_string(),
            rows: text.lines().filter(|l| l.starts_with('{')).count() as u32,
        })
    }
}
