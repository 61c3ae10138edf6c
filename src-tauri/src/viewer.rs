//! Opens a printed document in the system's PDF viewer (from which the officer prints).
//! `TIEPDAN_NO_VIEWER=1` turns it off (end-to-end tests, kiosks without a viewer).

use std::path::Path;
use std::process::Command;

/// Starts the viewer for `path` without waiting for it; `false` when none could start.
pub fn open(path: &Path) -> bool {
    if std::env::var_os("TIEPDAN_NO_VIEWER").is_some() {
        return false;
    }
    let mut c = if cfg!(windows) {
        let mut c = Command::new("explorer.exe");
        c.arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(path);
        c
    };
    match c.spawn() {
        Ok(mut child) => {
            // Reap the launcher when it exits so it leaves no zombie behind.
            std::thread::spawn(move || child.wait());
            true
        }
        Err(_) => false,
    }
}
