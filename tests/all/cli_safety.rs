//! The command line refuses bad database files untouched and restores only sound backups.

use crate::common::*;
use rusqlite::Connection;
use tiepdan_core::Desk;
use tiepdan_core::domain::agency::{AgencyInput, AgencyRole};

/// A data directory with an office and `agencies` rows, closed cleanly.
fn populated(agencies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let c = ctx("2026-11-23 08:00");
    desk.save_office(&c, &office()).unwrap();
    for i in 0..agencies {
        let input = AgencyInput {
            name: format!("Cơ quan số {i} — Phòng Tài nguyên và Môi trường"),
            role: AgencyRole::ProvinceDepartment,
            address: Some("Số 1 đường Lê Lợi".repeat(4)),
        };
        desk.add_agency(&c, &input).unwrap();
    }
    drop(desk);
    dir
}

fn data_arg(dir: &tempfile::TempDir) -> String {
    dir.path().display().to_string()
}

#[test]
fn init_then_check_succeeds_with_data_before_or_after_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let d = data_arg(&dir);
    let out = cli_with(
        PASSPHRASE,
        &[
            "--data",
            &d,
            "init",
            "--name",
            "Ủy ban nhân dân phường Ba Đình",
            "--parent",
            "Ủy ban nhân dân Thành phố Hà Nội",
            "--place",
            "Hà Nội",
            "--province",
            "Hà Nội",
            "--commune-code",
            "00004",
            "--chair",
            "Nguyễn Văn A",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Ủy ban nhân dân phường Ba Đình"));
    assert!(stdout(&out).contains("KHÓA KHÔI PHỤC"), "{}", stdout(&out));
    let out = cli_with(PASSPHRASE, &["check", "--data", &d]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Kiểm tra toàn vẹn: đạt"));
    assert!(stdout(&out).contains("Mã hóa: có"));
    // Without the passphrase (and no terminal to ask on) nothing opens.
    let out = cli(&["check", "--data", &d]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("TIEPDAN_PASSPHRASE"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn init_with_bad_office_data_explains_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = data_arg(&dir);
    let out = cli_with(
        PASSPHRASE,
        &[
            "init",
            "--data",
            &d,
            "--name",
            "UBND xã X",
            "--commune-code",
            "12",
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("Chưa nhập cơ quan cấp trên."), "{err}");
    assert!(err.contains("Mã xã/phường phải gồm đúng 5 chữ số"), "{err}");
    // Refused before anything was made: no database, no keyring, no account.
    assert!(!dir.path().join("tiepdan.sqlite3").exists());
    assert!(!dir.path().join("keyring.json").exists());
}

#[test]
fn check_refuses_garbage_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(db(dir.path()), &garbage).unwrap();
    let out = cli(&["check", "--data", &data_arg(&dir)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("không phải là cơ sở dữ liệu"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("khôi phục"), "{}", stderr(&out));
    assert_eq!(bytes(&db(dir.path())), garbage);
    // Opening for work refuses it too, untouched.
    let err = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap_err();
    assert_eq!(err.code(), "not_a_database");
    assert_eq!(bytes(&db(dir.path())), garbage);
}

#[test]
fn check_refuses_a_truncated_database_untouched() {
    let dir = populated(400);
    let path = db(dir.path());
    let full = bytes(&path);
    assert!(
        full.len() > 100_000,
        "the fixture is big enough: {}",
        full.len()
    );
    let truncated = &full[..full.len() / 2];
    std::fs::write(&path, truncated).unwrap();
    let out = cli(&["check", "--data", &data_arg(&dir)]);
    assert!(!out.status.success(), "{}", stdout(&out));
    assert!(stderr(&out).contains("bị hỏng"), "{}", stderr(&out));
    assert_eq!(bytes(&path), truncated);
    let err = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap_err();
    assert_eq!(err.code(), "corrupt");
    assert_eq!(bytes(&path), truncated);
}

#[test]
fn check_and_open_refuse_a_newer_schema_untouched() {
    let dir = populated(3);
    let path = db(dir.path());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    let out = cli(&["check", "--data", &data_arg(&dir)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("phiên bản TiếpDân mới hơn"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("số 99"), "{}", stderr(&out));
    assert_eq!(bytes(&path), before);
    let err = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap_err();
    assert_eq!(err.code(), "newer_schema");
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_database_of_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = db(dir.path());
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE songs (title TEXT);")
            .unwrap();
    }
    let before = bytes(&path);
    let out = cli(&["check", "--data", &data_arg(&dir)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("phần mềm khác"), "{}", stderr(&out));
    assert_eq!(bytes(&path), before);
}

#[test]
fn check_of_a_missing_database_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(&["check", "--data", &data_arg(&dir)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Không tìm thấy tệp"),
        "{}",
        stderr(&out)
    );
    assert!(!db(dir.path()).exists());
}

#[test]
fn backup_to_a_folder_then_restore_brings_the_data_back() {
    let dir = populated(2);
    let d = data_arg(&dir);
    let target = tempfile::tempdir().unwrap();
    let out = cli(&[
        "backup",
        "--to",
        &target.path().display().to_string(),
        "--data",
        &d,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files: Vec<_> = std::fs::read_dir(target.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let backup = &files[0];
    assert!(backup.display().to_string().ends_with("-sao-luu.sqlite3"));
    // The backup is one self-contained, sound file.
    let health = tiepdan_core::store::inspect(backup, None).unwrap();
    assert!(health.integrity_ok);

    // Work goes on after the backup: a third agency.
    {
        let mut desk = Desk::open(dir.path(), at("2026-11-24 08:00")).unwrap();
        let input = AgencyInput {
            name: "Công an xã".into(),
            role: AgencyRole::CommunePolice,
            address: None,
        };
        desk.add_agency(&ctx("2026-11-24 08:00"), &input).unwrap();
        assert_eq!(desk.agencies().unwrap().len(), 3);
    }
    let out = cli(&["restore", &backup.display().to_string(), "--data", &d]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("truoc-khoi-phuc"), "{}", stdout(&out));
    let desk = Desk::open(dir.path(), at("2026-11-24 09:00")).unwrap();
    assert_eq!(desk.agencies().unwrap().len(), 2);
    assert_eq!(
        desk.office().unwrap().unwrap().name,
        "Ủy ban nhân dân xã Ba Tơ"
    );
    let last_action: String = desk
        .store()
        .conn()
        .query_row(
            "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(last_action, "backup.restore");
}

#[test]
fn restore_refuses_a_bad_backup_and_leaves_the_data_alone() {
    let dir = populated(2);
    let d = data_arg(&dir);
    let live_before = {
        let desk = Desk::open(dir.path(), at("2026-11-23 09:00")).unwrap();
        desk.agencies().unwrap()
    };
    let bad = dir.path().join("not-a-backup.sqlite3");
    std::fs::write(&bad, b"SQLite format 3\0 but then nonsense").unwrap();
    let out = cli(&["restore", &bad.display().to_string(), "--data", &d]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("không phải là cơ sở dữ liệu"),
        "{}",
        stderr(&out)
    );
    let desk = Desk::open(dir.path(), at("2026-11-23 09:00")).unwrap();
    assert_eq!(desk.agencies().unwrap(), live_before);
    assert!(
        !dir.path().join("backups").exists(),
        "nothing was backed up or replaced"
    );
}

#[test]
fn restore_over_a_damaged_database_keeps_the_damaged_file_aside() {
    let dir = populated(1);
    let d = data_arg(&dir);
    let backup = {
        let mut desk = Desk::open(dir.path(), at("2026-11-23 09:00")).unwrap();
        desk.backup_now(&ctx("2026-11-23 09:00"), None)
            .unwrap()
            .path
    };
    std::fs::write(db(dir.path()), b"garbage garbage garbage").unwrap();
    let out = cli(&["restore", &backup.display().to_string(), "--data", &d]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("tiepdan-hong-"), "{}", stdout(&out));
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("tiepdan-hong-"))
        .expect("the damaged file is kept");
    assert_eq!(bytes(&dir.path().join(kept)), b"garbage garbage garbage");
    let desk = Desk::open(dir.path(), at("2026-11-23 10:00")).unwrap();
    assert_eq!(desk.agencies().unwrap().len(), 1);
}
