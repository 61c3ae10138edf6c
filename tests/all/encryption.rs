//! Encryption at rest: the database, its backups and the keyring are unreadable without a
//! password or the recovery key; a wrong passphrase changes nothing; plain data is
//! encrypted once, after a verified backup; and a row changed behind the app's back (after
//! decrypting with the key) is still named by `tiepdan audit verify`.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::store::DbKey;

const PLAIN_MAGIC: &[u8] = b"SQLite format 3\0";

/// An encrypted office made by `tiepdan init`; returns the recovery key it printed.
fn init(dir: &Path) -> String {
    let out = cli_with(
        PASSPHRASE,
        &[
            "--data",
            dir.to_str().unwrap(),
            "init",
            "--name",
            "Ủy ban nhân dân xã Ba Tơ",
            "--parent",
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "--place",
            "Ba Tơ",
            "--province",
            "Quảng Ngãi",
            "--chair",
            "Phạm Văn Hùng",
            "--also",
            "reception,handler,leader",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let line = text
        .lines()
        .skip_while(|l| !l.starts_with("KHÓA KHÔI PHỤC"))
        .nth(1)
        .expect("the recovery key is printed once");
    assert!(DbKey::from_recovery(line).is_some(), "{line}");
    line.to_owned()
}

fn with(passphrase: &str, dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--data", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    cli_with(passphrase, &all)
}

/// What the sqlite3 shell says when asked to read `file`.
fn sqlite3_reads(file: &Path) -> Result<String, String> {
    let out = Command::new("sqlite3")
        .arg(file)
        .arg("SELECT count(*) FROM audit_log;")
        .output()
        .expect("the sqlite3 shell is installed (cargo xtask deps)");
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn assert_unreadable(file: &Path) {
    let head = &bytes(file)[..16];
    assert_ne!(
        head,
        PLAIN_MAGIC,
        "{} has a plain SQLite header",
        file.display()
    );
    let read = sqlite3_reads(file);
    assert!(
        read.as_ref().is_err_and(|e| e.contains("not a database")),
        "the sqlite3 shell read {}: {read:?}",
        file.display()
    );
}

fn hex_of(recovery: &str) -> String {
    recovery.replace('-', "")
}

#[test]
fn the_database_and_its_backups_are_unreadable_without_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = init(dir.path());
    assert_unreadable(&db(dir.path()));

    let out = with(PASSPHRASE, dir.path(), &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let backup = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .expect("a backup file");
    assert_unreadable(&backup);

    // The key sits nowhere in plain text: not in the keyring, the database or the backup.
    let hex = hex_of(&recovery);
    for file in [
        dir.path().join("keyring.json"),
        db(dir.path()),
        backup.clone(),
    ] {
        let text = String::from_utf8_lossy(&bytes(&file)).to_uppercase();
        assert!(!text.contains(&hex), "{} holds the key", file.display());
    }

    // The recovery key opens it (for the command line, in place of a password).
    let out = with(&recovery, dir.path(), &["audit", "verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // And the backup restores, asked for with the password.
    let out = with(
        PASSPHRASE,
        dir.path(),
        &["restore", backup.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_unreadable(&db(dir.path()));
}

#[test]
fn a_wrong_passphrase_is_explained_in_vietnamese_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let before = (
        bytes(&db(dir.path())),
        bytes(&dir.path().join("keyring.json")),
    );
    for args in [
        &["check"][..],
        &["audit", "verify"],
        &["backup"],
        &["export", "--out", "x.jsonl", "--redact"],
    ] {
        let out = with("mật khẩu sai", dir.path(), args);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            stderr(&out).contains("mật khẩu không đúng"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // No key from a broken recovery key either.
    let out = with("0F48C4B3-32AF82AA", dir.path(), &["check"]);
    assert!(
        stderr(&out).contains("mật khẩu không đúng"),
        "{}",
        stderr(&out)
    );
    let after = (
        bytes(&db(dir.path())),
        bytes(&dir.path().join("keyring.json")),
    );
    assert!(before == after, "a wrong passphrase changed a file");
    assert!(!dir.path().join("backups").exists());
    assert!(!dir.path().join("x.jsonl").exists());

    // The library says the same for a wrong raw key, and opens nothing.
    let err =
        Desk::open_keyed(dir.path(), Some(&DbKey::generate()), at("2026-11-27 09:00")).unwrap_err();
    assert_eq!(err.code(), "wrong_key");
    assert!(err.to_string().contains("Không có gì bị thay đổi"), "{err}");
    // And a store opened with no key at all is refused, not read as garbage.
    let err = Desk::open(dir.path(), at("2026-11-27 09:00")).unwrap_err();
    assert_eq!(err.code(), "key_required");
    assert!(before.0 == bytes(&db(dir.path())));
}

#[test]
fn plain_data_is_encrypted_once_after_a_verified_backup_and_no_plain_copy_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
        let id = complaint(&mut desk);
        desk.backup_now(&ctx("2026-02-04 09:00"), None).unwrap();
        id
    };
    assert_eq!(&bytes(&db(dir.path()))[..16], PLAIN_MAGIC);
    let out = with(PASSPHRASE, dir.path(), &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Dữ liệu cũ đã được sao lưu, kiểm tra rồi mã hóa."),
        "{}",
        stdout(&out)
    );
    assert_unreadable(&db(dir.path()));
    // The old backup and the one taken before encrypting are both encrypted now.
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 2, "{backups:?}");
    assert!(
        backups
            .iter()
            .any(|p| p.to_string_lossy().contains("truoc-ma-hoa"))
    );
    for b in &backups {
        assert_unreadable(b);
    }
    // Nothing was lost: the petition is there, and the trail records the encryption.
    let desk = Desk::open_with_passphrase(dir.path(), PASSPHRASE, at("2026-02-05 08:00")).unwrap();
    assert!(
        desk.petition_view(id, at("2026-02-05 08:00").date())
            .is_ok()
    );
    let encrypted: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'database.encrypt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(encrypted, 1);
    assert_eq!(
        desk.verify_audit().unwrap(),
        Ok(desk.verify_audit().unwrap().unwrap())
    );
    drop(desk);
    // Once: init again does not encrypt again, it signs in.
    let out = with(PASSPHRASE, dir.path(), &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("KHÓA KHÔI PHỤC"));
}

/// Decrypts `src` into the plain file `out` with the key, as a technician with the
/// recovery key could.
fn decrypt(src: &Path, key: &DbKey, out: &Path) {
    let hex: String = key.as_bytes().iter().map(|b| format!("{b:02X}")).collect();
    let conn = rusqlite::Connection::open(src).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
        .unwrap();
    conn.execute(
        "ATTACH DATABASE ?1 AS plain KEY ''",
        [out.to_str().unwrap()],
    )
    .unwrap();
    conn.query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(()))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    conn.execute_batch(&format!(
        "PRAGMA plain.user_version = {version}; PRAGMA plain.application_id = {app}; DETACH DATABASE plain;"
    ))
    .unwrap();
}

/// Encrypts the plain file `src` into `out` with the key.
fn encrypt(src: &Path, key: &DbKey, out: &Path) {
    let hex: String = key.as_bytes().iter().map(|b| format!("{b:02X}")).collect();
    let conn = rusqlite::Connection::open(src).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS enc KEY \"x'{hex}'\""),
        [out.to_str().unwrap()],
    )
    .unwrap();
    conn.query_row("SELECT sqlcipher_export('enc')", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(&format!(
        "PRAGMA enc.user_version = {version}; PRAGMA enc.application_id = {app}; DETACH DATABASE enc;"
    ))
    .unwrap();
}

#[test]
fn audit_verify_names_a_row_changed_with_the_sqlite3_shell_after_decrypting() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = init(dir.path());
    let key = DbKey::from_recovery(&recovery).unwrap();
    let out = with(PASSPHRASE, dir.path(), &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = with(PASSPHRASE, dir.path(), &["audit", "verify"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let work = tempfile::tempdir().unwrap();
    let plain = work.path().join("plain.sqlite3");
    decrypt(&db(dir.path()), &key, &plain);
    assert_eq!(&bytes(&plain)[..16], PLAIN_MAGIC);
    let shell = Command::new("sqlite3")
        .arg(&plain)
        .arg("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'kẻ gian' WHERE id = 2;")
        .output()
        .unwrap();
    assert!(
        shell.status.success(),
        "{}",
        String::from_utf8_lossy(&shell.stderr)
    );
    let tampered = work.path().join("tampered.sqlite3");
    encrypt(&plain, &key, &tampered);
    std::fs::copy(&tampered, db(dir.path())).unwrap();
    assert_unreadable(&db(dir.path()));

    let out = with(PASSPHRASE, dir.path(), &["audit", "verify"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("dòng số 2 đã bị sửa"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn accounts_from_the_command_line_need_the_administrators_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = init(dir.path());
    let add = |passphrase: &str, login: &str, roles: &str| {
        Command::new(env!("CARGO_BIN_EXE_tiepdan"))
            .args([
                "--data",
                dir.path().to_str().unwrap(),
                "account",
                "add",
                login,
            ])
            .args(["--name", "Lê Thị Tiếp", "--roles", roles])
            .env("TIEPDAN_PASSPHRASE", passphrase)
            .env("TIEPDAN_NEW_PASSWORD", format!("{login}-mật-khẩu"))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    let out = add(PASSPHRASE, "tiepdan", "reception");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Cán bộ tiếp công dân"),
        "{}",
        stdout(&out)
    );
    // The reception officer's own password opens the data, but cannot make accounts.
    let out = add("tiepdan-mật-khẩu", "kela", "admin");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("quản lý cán bộ và tài khoản"),
        "{}",
        stderr(&out)
    );
    let out = with("tiepdan-mật-khẩu", dir.path(), &["account", "list"]);
    assert!(!stdout(&out).contains("kela"), "{}", stdout(&out));
    // With the recovery key an administrator sets a forgotten password.
    let out = Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .args([
            "--data",
            dir.path().to_str().unwrap(),
            "account",
            "password",
            "tiepdan",
        ])
        .env("TIEPDAN_PASSPHRASE", &recovery)
        .env("TIEPDAN_NEW_PASSWORD", "mật khẩu mới của Tiếp")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = with("mật khẩu mới của Tiếp", dir.path(), &["account", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("tiepdan"), "{}", stdout(&out));
    let out = with("tiepdan-mật-khẩu", dir.path(), &["account", "list"]);
    assert!(!out.status.success(), "the old password opens nothing");
}

#[test]
fn a_plain_backup_from_before_is_restored_encrypted_and_another_offices_backup_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    // A backup from before encryption, kept on a USB stick (outside the data directory).
    let old = {
        let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
        complaint(&mut desk);
        let info = desk
            .backup_now(&ctx("2026-02-04 09:00"), Some(elsewhere.path()))
            .unwrap();
        info.path
    };
    assert_eq!(&bytes(&old)[..16], PLAIN_MAGIC);
    let out = with(PASSPHRASE, dir.path(), &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = with(PASSPHRASE, dir.path(), &["restore", old.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_unreadable(&db(dir.path()));
    let desk = Desk::open_with_passphrase(dir.path(), PASSPHRASE, at("2026-02-05 08:00")).unwrap();
    let petitions: i64 = desk
        .store()
        .conn()
        .query_row("SELECT count(*) FROM petitions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(petitions, 1);
    drop(desk);

    // Another office's encrypted backup opens with none of our keys: refused, nothing changed.
    let other = tempfile::tempdir().unwrap();
    init(other.path());
    let out = with(PASSPHRASE, other.path(), &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let foreign = std::fs::read_dir(other.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .next()
        .unwrap();
    let backups_before = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .count();
    let out = with(
        PASSPHRASE,
        dir.path(),
        &["restore", foreign.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Không có gì bị thay đổi"),
        "{}",
        stderr(&out)
    );
    // Refused before anything was backed up or replaced (only the sign-in is logged).
    let backups_after = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .count();
    assert_eq!(backups_before, backups_after);
    let desk = Desk::open_with_passphrase(dir.path(), PASSPHRASE, at("2026-02-05 09:00")).unwrap();
    let restores: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'backup.restore'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(restores, 1, "only the plain backup's restore");
}
