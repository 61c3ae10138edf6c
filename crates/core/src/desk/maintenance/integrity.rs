//! The full integrity check, off the open path: opening checks only the schema and that the
//! file holds every page (`tiepdan_store` `open_check`); the whole file is read by
//! `PRAGMA quick_check` on a connection of its own, on a background thread started once the
//! window is up, and its result shows on the About page and, when it fails, on the
//! dashboard. Every backup is checked in full as it is taken.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde::Serialize;
use ts_rs::TS;

use crate::desk::Desk;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IntegrityState {
    NotRun,
    Running,
    Sound,
    Damaged,
}

/// Where the background check stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IntegrityStatus {
    pub state: IntegrityState,
    /// What was found wrong (at most 20), or why the check could not run.
    pub problems: Vec<String>,
    /// When it finished, `YYYY-MM-DDTHH:MM:SS`.
    pub checked_at: Option<String>,
    /// How long it took.
    #[ts(type = "number | null")]
    pub millis: Option<u64>,
}

impl Default for IntegrityStatus {
    fn default() -> Self {
        IntegrityStatus {
            state: IntegrityState::NotRun,
            problems: Vec::new(),
            checked_at: None,
            millis: None,
        }
    }
}

/// The status shared with the thread that checks.
pub(crate) type IntegritySlot = Arc<Mutex<IntegrityStatus>>;

impl Desk {
    /// Starts the full check on a background thread (once; again only after it finished).
    pub fn check_integrity_in_background(&self) {
        let slot = self.integrity.clone();
        {
            let Ok(mut s) = slot.lock() else { return };
            if s.state == IntegrityState::Running {
                return;
            }
            s.state = IntegrityState::Running;
        }
        let path = self.store.path().to_owned();
        let key = self.store.key().cloned();
        std::thread::spawn(move || {
            let status = run(&path, key.as_ref());
            if let Ok(mut s) = slot.lock() {
                *s = status;
            }
        });
    }

    /// The full check, now, on this thread: the command line and the tests.
    pub fn check_integrity_now(&self) -> IntegrityStatus {
        let status = run(self.store.path(), self.store.key());
        if let Ok(mut s) = self.integrity.lock() {
            *s = status.clone();
        }
        status
    }

    /// Where the check stands.
    pub fn integrity_status(&self) -> IntegrityStatus {
        self.integrity.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

fn run(path: &std::path::Path, key: Option<&crate::store::DbKey>) -> IntegrityStatus {
    let started = Instant::now();
    let found = tiepdan_store::quick_inspect(path, key);
    let checked_at = Some(
        crate::edge::now()
            .format(crate::store::value::STAMP)
            .to_string(),
    );
    let millis = Some(u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX));
    match found {
        Ok(problems) if problems.is_empty() => IntegrityStatus {
            state: IntegrityState::Sound,
            problems,
            checked_at,
            millis,
        },
        Ok(problems) => IntegrityStatus {
            state: IntegrityState::Damaged,
            problems,
            checked_at,
            millis,
        },
        Err(e) => IntegrityStatus {
            state: IntegrityState::Damaged,
            problems: vec![e.to_string()],
            checked_at,
            millis,
        },
    }
}
