//! Power-cut safety: a writer killed with SIGKILL in the middle of a burst of writes leaves
//! a sound database holding every write it acknowledged.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::domain::agency::{AgencyInput, AgencyRole};

const CHILD_ENV: &str = "TIEPDAN_CRASH_CHILD_DIR";

/// Runs only as the child process: writes agencies one use case at a time and prints
/// "ack N" after each commit returned, until it is killed.
#[test]
fn writer_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return; // Not the child: nothing to do.
    };
    let mut desk = Desk::open(dir.as_ref(), at("2026-11-23 08:00")).unwrap();
    let c = ctx("2026-11-23 08:00");
    for i in 0.. {
        let input = AgencyInput {
            name: format!("Cơ quan {i}"),
            role: AgencyRole::Other,
            address: Some("Thôn Đông ".repeat(20)),
        };
        desk.add_agency(&c, &input).unwrap();
        println!("ack {i}");
    }
}

#[cfg(unix)]
#[test]
fn a_killed_writer_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut acked = Vec::new();
    let stdout = child.stdout.take().unwrap();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("ack ") {
            acked.push(n.parse::<u32>().unwrap());
            if acked.len() == 150 {
                // SIGKILL: no destructor, no checkpoint, no clean close.
                unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    assert!(!status.success(), "the writer was killed, not finished");
    assert_eq!(acked.len(), 150);

    // The -wal file left by the killed writer is replayed on open.
    let health = tiepdan_core::store::inspect(&db(dir.path()), None).unwrap();
    assert!(health.integrity_ok, "{:?}", health.problems);
    let desk = Desk::open(dir.path(), at("2026-11-23 09:00")).unwrap();
    let names: std::collections::HashSet<String> = desk
        .agencies()
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    for n in &acked {
        assert!(
            names.contains(&format!("Cơ quan {n}")),
            "acknowledged write {n} is missing"
        );
    }
    // Each stored agency came with its audit row, in the same transaction.
    let (agencies, audits): (i64, i64) = desk
        .store()
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM agencies),
                    (SELECT count(*) FROM audit_log WHERE action = 'agency.create')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(agencies, audits);
    assert!(agencies >= 150);
}
