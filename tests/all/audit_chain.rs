//! The tamper-evident audit trail: `tiepdan audit verify` accepts the trail the app wrote
//! and names the first row changed, added or removed with the sqlite3 shell.

use crate::common::*;
use std::process::Command;
use tiepdan_core::Desk;

fn shell(dir: &std::path::Path, sql: &str) {
    let out = Command::new("sqlite3")
        .arg(db(dir))
        .arg(sql)
        .output()
        .expect("the sqlite3 shell is installed (cargo xtask deps)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn verify(dir: &std::path::Path) -> std::process::Output {
    cli(&["--data", dir.to_str().unwrap(), "audit", "verify"])
}

#[test]
fn a_row_changed_added_or_removed_behind_the_apps_back_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    complaint(&mut desk);
    desk.backup_now(&ctx("2026-02-04 10:00"), None).unwrap();
    drop(desk);
    let o = verify(dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: i64 = rusqlite::Connection::open(db(dir.path()))
        .unwrap()
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert!(rows >= 3, "{rows}");
    assert!(
        stdout(&o).contains(&format!("{rows} dòng, chuỗi băm khớp")),
        "{}",
        stdout(&o)
    );

    // Changed with the shell (the append-only trigger dropped first): named, exit non-zero.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(db(dir.path()), db(copy.path())).unwrap();
    shell(
        copy.path(),
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'kẻ gian' WHERE id = 2;",
    );
    let o = verify(copy.path());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("dòng số 2 đã bị sửa"), "{}", stderr(&o));

    // Removed: the next row no longer chains, and the hash names the missing one.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(db(dir.path()), db(copy.path())).unwrap();
    shell(
        copy.path(),
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;",
    );
    let o = verify(copy.path());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("dòng số 2 đã bị xóa"), "{}", stderr(&o));

    // Added outside the app: a row with no hash.
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(db(dir.path()), db(copy.path())).unwrap();
    shell(
        copy.path(),
        "INSERT INTO audit_log (at, actor, action, entity, entity_ids) VALUES ('2026-02-05T00:00:00', 'x', 'y', 'z', '[]');",
    );
    let o = verify(copy.path());
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("được thêm ngoài phần mềm"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_trail_rebuilt_by_someone_with_the_key_no_longer_extends_the_recorded_head() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    complaint(&mut desk);
    let head = desk.audit_head().unwrap();
    let (id, _) = head.split_once(':').unwrap();
    let id: i64 = id.parse().unwrap();
    // The export carries the head; so does a report's PDF.
    let export = desk
        .export(&ctx("2026-02-04 10:00"), &Default::default())
        .unwrap();
    assert!(
        export.contains(&format!("Mốc nhật ký thao tác: {head}")),
        "{export}"
    );
    desk.backup_now(&ctx("2026-02-04 10:00"), None).unwrap();
    drop(desk);
    // Later work extends the head.
    let o = cli(&["--data", d, "audit", "verify", "--head", &head]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("vẫn nối tiếp mốc"), "{}", stdout(&o));
    // Someone holding the key deletes the trail from the head back and writes a new,
    // self-consistent one: the chain verifies, the recorded head does not.
    let keep = id - 1;
    shell(
        dir.path(),
        &format!(
            "DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_hashes_no_delete;
             DELETE FROM audit_log WHERE id > {keep}; DELETE FROM audit_hashes WHERE id > {keep};"
        ),
    );
    let mut desk = Desk::open(dir.path(), ctx("2026-02-05 08:00").now).unwrap();
    desk.backup_now(&ctx("2026-02-05 09:00"), None).unwrap();
    desk.backup_now(&ctx("2026-02-05 09:01"), None).unwrap();
    assert!(
        desk.verify_audit().unwrap().is_ok(),
        "a rebuilt chain is consistent"
    );
    assert!(!desk.audit_extends(&head).unwrap());
    drop(desk);
    let o = cli(&["--data", d, "audit", "verify", "--head", &head]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("KHÔNG còn nối tiếp mốc"),
        "{}",
        stderr(&o)
    );
    // A head that is not N:HASH is explained.
    let o = cli(&["--data", d, "audit", "verify", "--head", "abc"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("SỐ:MÃ"), "{}", stderr(&o));
}
