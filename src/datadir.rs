//! Where the data lives: `--data DIR`, else the `TIEPDAN_DATA` environment variable, else
//! the operating system's per-user data directory (e.g. `~/.local/share/tiepdan` on Linux,
//! `%APPDATA%\TiepDan\data` on Windows). The edges (CLI, window) read the arguments and
//! the environment and pass them here.

use std::path::{Path, PathBuf};

/// The environment variable that overrides the default data directory.
pub const ENV_VAR: &str = "TIEPDAN_DATA";

/// The database file inside a data directory.
pub const DB_FILE: &str = "tiepdan.sqlite3";

/// Chooses the data directory: the explicit option first, then the environment value, then
/// the OS default.
pub fn resolve(option: Option<PathBuf>, env: Option<PathBuf>) -> PathBuf {
    option
        .or(env)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(default_dir)
}

/// The OS's per-user data directory for TiếpDân, or `./tiepdan-data` where the OS has none.
pub fn default_dir() -> PathBuf {
    directories::ProjectDirs::from("vn", "TiepDan", "tiepdan")
        .map(|d| d.data_dir().to_owned())
        .unwrap_or_else(|| PathBuf::from("tiepdan-data"))
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
    pub fn root(&self) -> &Path {
        &self.root
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_wins_over_the_environment() {
        let chosen = resolve(Some("/a".into()), Some("/b".into()));
        assert_eq!(chosen, PathBuf::from("/a"));
        assert_eq!(resolve(None, Some("/b".into())), PathBuf::from("/b"));
        assert_eq!(resolve(None, Some("".into())), default_dir());
        assert_eq!(resolve(None, None), default_dir());
    }
}
