//! Files the desk writes beside the database (printed documents, Excel registers, exports):
//! written to a temporary name, synced, then renamed, so a power cut leaves either the old
//! file or the whole new one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, StoreError};

/// Writes `bytes` to `path` atomically, creating its folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_streamed(path, Durable::Synced, |out| {
        out.write_all(bytes).map_err(|source| io(source, path))
    })
}

/// Writes a copy to read or print into the viewing folder: whole or not at all (temporary
/// name, then rename), but not synced to disk — the original is in the database, and the
/// copy goes when the window closes. Returns where it was written: when the earlier copy
/// cannot be replaced (on Windows, a viewer still has it open), beside it as
/// `<name> (2).<ext>`, `(3)`, … — printing again never fails because of the viewer.
pub fn write_copy(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    copy_beside_if_held(path, |target| {
        write_streamed(target, Durable::Unsynced, |out| {
            out.write_all(bytes).map_err(|source| io(source, target))
        })
    })
}

/// Writes with `write` to `path`, or, while `path` is held open ([`StoreError::FileInUse`]),
/// to the first of `<name> (2)`, `(3)`, … that is not. Any other failure (a full disk) is
/// returned as it is.
fn copy_beside_if_held(path: &Path, write: impl Fn(&Path) -> Result<()>) -> Result<PathBuf> {
    let mut target = path.to_owned();
    for n in 2..=MAX_COPIES {
        match write(&target) {
            Err(Error::Store(StoreError::FileInUse { .. })) => target = numbered(path, n),
            written => return written.map(|()| target),
        }
    }
    Err(Error::Store(StoreError::FileInUse {
        path: path.to_owned(),
    }))
}

/// How many copies of one document the viewing folder holds before printing again fails.
const MAX_COPIES: u32 = 50;

/// `<stem> (n).<ext>` beside `path`.
fn numbered(path: &Path, n: u32) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    };
    path.with_file_name(name)
}

/// Whether a file written by [`write_streamed`] is synced to disk before it is renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durable {
    Synced,
    Unsynced,
}

/// Writes `path` as `fill` produces it, through a buffer, to a temporary name renamed into
/// place at the end: a large file is never held in memory, and a failure (or `fill`'s
/// error) leaves no file, nor any part of one, behind.
pub fn write_streamed<T>(
    path: &Path,
    durable: Durable,
    fill: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| io(e, dir))?;
    }
    let mut tmp_name = path.file_name().unwrap_or_default().to_owned();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let written = (|| {
        let file = std::fs::File::create(&tmp).map_err(|e| io(e, &tmp))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        let value = fill(&mut out)?;
        let file = out.into_inner().map_err(|e| io(e.into_error(), &tmp))?;
        if durable == Durable::Synced {
            file.sync_all().map_err(|e| io(e, &tmp))?;
        }
        drop(file);
        std::fs::rename(&tmp, path).map_err(|e| replace_error(e, path))?;
        Ok(value)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Why `path` could not be replaced: on Windows, a file another program holds open (a PDF
/// viewer, Excel) refuses it with "access denied" or a sharing violation — said as such.
fn replace_error(source: std::io::Error, path: &Path) -> Error {
    const SHARING_VIOLATION: i32 = 32;
    const LOCK_VIOLATION: i32 = 33;
    let held = cfg!(windows)
        && path.exists()
        && (source.kind() == std::io::ErrorKind::PermissionDenied
            || matches!(
                source.raw_os_error(),
                Some(SHARING_VIOLATION | LOCK_VIOLATION)
            ));
    if held {
        Error::Store(StoreError::FileInUse {
            path: path.to_owned(),
        })
    } else {
        io(source, path)
    }
}

fn io(source: std::io::Error, path: &Path) -> Error {
    Error::Store(StoreError::Io {
        path: path.to_owned(),
        source,
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
    /// Writes the interchange export to the viewing folder as it is read, reporting to
    /// `progress` (which may stop it: then no file is left), and returns where.
    pub fn export_file(
        &mut self,
        ctx: &crate::audit::Ctx,
        opts: &crate::desk::ExportOptions,
        reason: &str,
        progress: &dyn crate::progress::Progress,
    ) -> Result<crate::desk::RegisterFile> {
        let stem = if opts.redact {
            "tiepdan-xuat-da-luoc-bo"
        } else {
            "tiepdan-xuat-day-du"
        };
        let path = export_path(&self.dir, stem, ctx.now, "jsonl")?;
        let rows = write_streamed(&path, Durable::Unsynced, |out| {
            self.export_logged_to(ctx, opts, reason, out, &path, progress)
        })?;
        Ok(crate::desk::RegisterFile {
            path: path.display().to_string(),
            rows: u32::try_from(rows).unwrap_or(u32::MAX),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_held_open_is_printed_beside_it_and_other_failures_are_not_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-000007-bien-nhan.pdf");
        assert_eq!(write_copy(&path, b"first").unwrap(), path);
        // A viewer holds the first copy, then also the second (Windows says FileInUse).
        let held = [
            path.clone(),
            dir.path().join("2026-000007-bien-nhan (2).pdf"),
        ];
        let written = copy_beside_if_held(&path, |target| {
            if held.iter().any(|h| h == target) {
                return Err(Error::Store(StoreError::FileInUse {
                    path: target.to_owned(),
                }));
            }
            write_atomically(target, b"again")
        })
        .unwrap();
        assert_eq!(written, dir.path().join("2026-000007-bien-nhan (3).pdf"));
        assert_eq!(std::fs::read(&written).unwrap(), b"again");
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        // A full disk is not a viewer: said as it is, nothing else tried.
        let tries = std::cell::Cell::new(0);
        let err = copy_beside_if_held(&path, |target| {
            tries.set(tries.get() + 1);
            Err(io(std::io::Error::other("disk full"), target))
        })
        .unwrap_err();
        assert!(matches!(err, Error::Store(StoreError::Io { .. })), "{err}");
        assert_eq!(tries.get(), 1);
        // Held for ever: printing again fails, saying why.
        let err = copy_beside_if_held(&path, |target| {
            Err(Error::Store(StoreError::FileInUse {
                path: target.to_owned(),
            }))
        })
        .unwrap_err();
        assert!(err.to_string().contains("đang mở"), "{err}");
    }

    #[test]
    fn a_file_that_cannot_be_replaced_stays_whole_and_the_error_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bao-cao.pdf");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("held"), b"x").unwrap();
        let err = write_atomically(&path, b"new").unwrap_err();
        assert!(err.to_string().contains("bao-cao.pdf"), "{err}");
        assert_eq!(std::fs::read(path.join("held")).unwrap(), b"x");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
