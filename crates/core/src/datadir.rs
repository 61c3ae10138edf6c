//! Where the data lives, in order: `--data DIR`; the `TIEPDAN_DATA` environment variable;
//! portable mode — a folder `data` beside the program when the marker file
//! `tiepdan-portable.txt` sits beside it (for offices that run the app from a USB stick);
//! else the operating system's per-user data directory (`~/.local/share/tiepdan` on Linux,
//! `%APPDATA%\TiepDan\tiepdan\data` on Windows). The edges (CLI, window) read the
//! arguments, the environment and the program's folder and pass them here.

use std::path::{Path, PathBuf};

/// The environment variable that overrides the default data directory.
pub const ENV_VAR: &str = "TIEPDAN_DATA";

/// The database file inside a data directory.
pub const DB_FILE: &str = "tiepdan.sqlite3";

/// The marker file that switches on portable mode when it sits beside the program.
pub const PORTABLE_MARKER: &str = "tiepdan-portable.txt";

/// Chooses the data directory: the explicit option first, then the environment value, then
/// portable mode (when `program_dir` holds the marker), then the OS default.
pub fn resolve(
    option: Option<PathBuf>,
    env: Option<PathBuf>,
    program_dir: Option<&Path>,
) -> PathBuf {
    let non_empty = |p: &PathBuf| !p.as_os_str().is_empty();
    if let Some(p) = option.filter(non_empty).or(env.filter(non_empty)) {
        return p;
    }
    match program_dir {
        Some(dir) if dir.join(PORTABLE_MARKER).is_file() => dir.join("data"),
        _ => default_dir(),
    }
}

/// The folder of the running program, for portable mode.
pub fn program_dir() -> Option<PathBuf> {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_owned))
}

/// The OS's per-user data directory for TiếpDân, or `./tiepdan-data` where the OS has none.
pub fn default_dir() -> PathBuf {
    directories::ProjectDirs::from("vn", "TiepDan", "tiepdan")
        .map(|d| d.data_dir().to_owned())
        .unwrap_or_else(|| PathBuf::from("tiepdan-data"))
}

/// The folder a backup to another disk is written in, inside the chosen folder or drive.
pub const OFF_SITE_FOLDER: &str = "TiepDan-saoluu";

/// Removable or other disks a backup could go to: mounted volumes under `/media/<user>`,
/// `/run/media/<user>` and `/mnt` on Linux; the drive letters D: to Z: that exist on
/// Windows. Best effort: the officer may also type a folder.
pub fn other_disks() -> Vec<PathBuf> {
    let mut found = Vec::new();
    if cfg!(windows) {
        for letter in b'D'..=b'Z' {
            let root = PathBuf::from(format!("{}:\\", letter as char));
            if root.is_dir() {
                found.push(root);
            }
        }
        return found;
    }
    let user = std::env::var("USER").unwrap_or_default();
    for parent in [
        PathBuf::from("/media").join(&user),
        PathBuf::from("/run/media").join(&user),
        PathBuf::from("/mnt"),
    ] {
        if let Ok(entries) = std::fs::read_dir(&parent) {
            let mut dirs: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect();
            dirs.sort();
            found.extend(dirs);
        }
    }
    found
}

/// Paths inside a data directory.
#[derive(Debug, Clone)]
pub struct DataDir {
    pub root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }
    pub fn database(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }
    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }
    /// The keyring: the database key wrapped by each officer's password.
    pub fn keyring(&self) -> PathBuf {
        self.root.join("keyring.json")
    }
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The private folder where this process writes what an officer opens to read or print
    /// (documents, registers, reports, scans): in the system's temporary folder, never
    /// beside the database (a portable data folder is on a USB stick), owner-only on Unix,
    /// removed when the desk closes and, for a copy left by a crash, at the window's next
    /// start. Every copy is also kept inside the encrypted database or made again from it.
    pub fn view(&self) -> PathBuf {
        std::env::temp_dir().join(format!("{}{}", self.view_prefix(), std::process::id()))
    }

    /// `tiepdan-<16 hex digits of the data folder's SHA-256>-`: one data folder's viewing
    /// folders, whatever process made them.
    fn view_prefix(&self) -> String {
        use sha2::{Digest, Sha256};
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        let digest = Sha256::digest(root.to_string_lossy().as_bytes());
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("tiepdan-{hex}-")
    }

    /// Creates the viewing folder (owner-only) and returns it.
    pub fn view_ready(&self) -> std::io::Result<PathBuf> {
        let dir = self.view();
        std::fs::create_dir_all(&dir)?;
        make_private(&dir)?;
        Ok(dir)
    }

    /// Removes this process's viewing folder.
    pub fn clear_view(&self) {
        let _ = std::fs::remove_dir_all(self.view());
    }

    /// Removes the viewing folders other processes left for this data folder (a crash, a
    /// power cut); the window calls it at start. Returns how many were removed.
    pub fn clear_stale_views(&self) -> usize {
        let prefix = self.view_prefix();
        let own = self.view();
        let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
            return 0;
        };
        entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            .filter(|e| e.path() != own)
            .filter(|e| std::fs::remove_dir_all(e.path()).is_ok())
            .count()
    }
}

/// Owner-only access on Unix (0700 for a folder, 0600 for a file); nothing elsewhere
/// (Windows profiles are already per user).
pub fn make_private(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_wins_over_the_environment() {
        let chosen = resolve(Some("/a".into()), Some("/b".into()), None);
        assert_eq!(chosen, PathBuf::from("/a"));
        assert_eq!(resolve(None, Some("/b".into()), None), PathBuf::from("/b"));
        assert_eq!(resolve(None, Some("".into()), None), default_dir());
        assert_eq!(resolve(None, None, None), default_dir());
    }

    #[test]
    fn the_portable_marker_puts_the_data_beside_the_program() {
        let program = tempfile::tempdir().unwrap();
        assert_eq!(resolve(None, None, Some(program.path())), default_dir());
        std::fs::write(program.path().join(PORTABLE_MARKER), "").unwrap();
        assert_eq!(
            resolve(None, None, Some(program.path())),
            program.path().join("data")
        );
        // --data and TIEPDAN_DATA still win.
        assert_eq!(
            resolve(None, Some("/b".into()), Some(program.path())),
            PathBuf::from("/b")
        );
    }
}
