//! The store's life: creation with the durability settings, migration with a verified
//! backup first, the audit trail written with each use case and never rewritten.

use crate::common::*;
use rusqlite::Connection;
use tiepdan_core::Desk;
use tiepdan_core::progress::{Progress, Unwatched};
use tiepdan_core::store::{APPLICATION_ID, LATEST_VERSION};

#[test]
fn a_new_store_is_wal_full_sync_with_foreign_keys_and_fts5() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let conn = desk.store().conn();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let sync: i64 = conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
    assert_eq!(app, i64::from(APPLICATION_ID));
    assert_eq!(version, LATEST_VERSION);
    conn.execute_batch("CREATE VIRTUAL TABLE temp.t USING fts5(body); DROP TABLE temp.t;")
        .expect("FTS5 is compiled in");
}

#[test]
fn an_older_schema_is_backed_up_and_verified_before_migration() {
    let dir = tempfile::tempdir().unwrap();
    {
        // A database from before the first migration: ours, but at schema version 0,
        // with data of its own that must survive in the backup.
        let conn = Connection::open(db(dir.path())).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.execute_batch(
            "CREATE TABLE legacy_notes (text TEXT); INSERT INTO legacy_notes VALUES ('sổ cũ');",
        )
        .unwrap();
    }
    let desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    assert_eq!(desk.store().schema_version().unwrap(), LATEST_VERSION);
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1);
    let name = backups[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(
        name,
        format!("tiepdan-20261123-080000-truoc-nang-cap-v0-v{LATEST_VERSION}.sqlite3")
    );
    let copy = Connection::open(&backups[0]).unwrap();
    let note: String = copy
        .query_row("SELECT text FROM legacy_notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(note, "sổ cũ");
    let status = desk.status().unwrap();
    assert_eq!(status.last_backup.unwrap().path, backups[0]);
}

#[test]
fn saving_the_office_writes_its_audit_row_in_the_same_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    desk.save_office(&ctx("2026-11-23 08:05"), &office())
        .unwrap();
    let mut changed = office();
    changed.chair = "Lê Thị Bình".into();
    desk.save_office(&ctx("2026-11-24 10:00"), &changed)
        .unwrap();
    let rows = tiepdan_core::audit::recent(desk.store().conn(), 10).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].action, "office.update");
    assert_eq!(rows[0].at, "2026-11-24T10:00:00");
    assert_eq!(rows[0].actor, "kiểm thử");
    assert_eq!(rows[0].entity_ids, [1]);
    let detail = rows[0].detail.as_ref().unwrap();
    assert_eq!(detail["before"]["chair"], "Phạm Văn Hùng");
    assert_eq!(detail["after"]["chair"], "Lê Thị Bình");
    assert_eq!(rows[1].action, "office.create");
}

#[test]
fn the_audit_trail_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    desk.save_office(&ctx("2026-11-23 08:05"), &office())
        .unwrap();
    let conn = desk.store().conn();
    let upd = conn
        .execute("UPDATE audit_log SET actor = 'ai đó'", [])
        .unwrap_err();
    assert!(upd.to_string().contains("append-only"), "{upd}");
    let del = conn.execute("DELETE FROM audit_log", []).unwrap_err();
    assert!(del.to_string().contains("append-only"), "{del}");
}

#[test]
fn stored_text_is_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let mut input = office();
    input.chair = unicode_nfd("Nguyễn  Đức  Thắng");
    desk.save_office(&ctx("2026-11-23 08:05"), &input).unwrap();
    assert_eq!(desk.office().unwrap().unwrap().chair, "Nguyễn Đức Thắng");
}

fn unicode_nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

#[test]
fn a_backup_goes_to_another_disk_is_listed_there_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-04 16:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    // Not a folder that exists, and not inside the data directory: refused, nothing written.
    for bad in [usb.path().join("không có"), dir.path().join("backups")] {
        let e = desk.backup_to_other_disk(&c, &bad, &Unwatched).unwrap_err();
        assert!(format!("{:?}", e.to_data()).contains("thư mục"), "{e:?}");
    }
    let info = desk
        .backup_to_other_disk(&c, usb.path(), &Unwatched)
        .unwrap();
    assert!(info.path.starts_with(usb.path().join("TiepDan-saoluu")));
    let listed = desk.backup_files(&c, Some(usb.path())).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].path, info.path.display().to_string());
    // The office is changed, then the USB copy brings the earlier data back.
    let mut changed = office();
    changed.chair = "Người Khác".into();
    desk.save_office(&ctx("2026-12-04 16:05"), &changed)
        .unwrap();
    desk.restore(
        &ctx("2026-12-04 16:10"),
        std::path::Path::new(&listed[0].path),
        &Unwatched,
    )
    .unwrap();
    assert_eq!(desk.office().unwrap().unwrap().chair, office().chair);
}

/// Stops long work at its `n`-th report, and remembers what it was told.
struct StopAt {
    n: usize,
    seen: std::cell::RefCell<Vec<(String, u64, u64)>>,
}

impl Progress for StopAt {
    fn step(&self, stage: &str, done: u64, total: u64) -> bool {
        let mut seen = self.seen.borrow_mut();
        seen.push((stage.to_owned(), done, total));
        seen.len() < self.n
    }
}

fn stop_at(n: usize) -> StopAt {
    StopAt {
        n,
        seen: Default::default(),
    }
}

#[test]
fn backups_and_restores_report_their_pages_and_a_stop_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-05 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let backups = || desk_backups(dir.path());

    // A backup stopped at its first report leaves no file and no record.
    let before = backups();
    let first = stop_at(1);
    let e = desk.backup_now_watched(&c, None, &first).unwrap_err();
    assert_eq!(e.code(), "cancelled");
    assert_eq!(backups(), before, "a stopped backup leaves no file");
    assert!(desk.backup_files(&c, None).unwrap().len() == before.len());

    // Watched to the end, it reports growing page counts up to all of them.
    let all = stop_at(usize::MAX);
    let info = desk.backup_now_watched(&c, None, &all).unwrap();
    let seen = all.seen.borrow();
    assert!(seen.len() > 2, "{seen:?}");
    assert!(seen.iter().all(|(s, _, _)| s == "Sao lưu dữ liệu"));
    assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1), "{seen:?}");
    let (_, done, total) = seen.last().unwrap();
    assert!(done == total && *total > 0);

    // A restore stopped at any report, in its safety backup or in the copy itself, leaves
    // the data as it was; watched to the end, it brings the backup's data back.
    let mut changed = office();
    changed.chair = "Người Khác".into();
    desk.save_office(&ctx("2026-12-05 08:05"), &changed)
        .unwrap();
    let mut n = 1;
    loop {
        let stop = stop_at(n);
        match desk.restore(&ctx("2026-12-05 08:10"), &info.path, &stop) {
            Err(e) => {
                assert_eq!(e.code(), "cancelled");
                assert_eq!(
                    desk.office().unwrap().unwrap().chair,
                    "Người Khác",
                    "stopped at report {n}"
                );
                n += 1;
            }
            Ok(_) => break,
        }
    }
    assert!(
        n > 3,
        "the restore was stopped at {} points before it ran through",
        n - 1
    );
    assert_eq!(desk.office().unwrap().unwrap().chair, office().chair);
}

fn desk_backups(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("backups"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_daily_copy_is_taken_once_a_day_the_oldest_go_and_a_week_without_a_usb_copy_is_reminded() {
    let dir = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-01 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let manual = desk.backup_now(&ctx("2026-11-30 17:00"), None).unwrap();
    // Nothing on another disk yet: reminded.
    let r = desk.backup_reminder(c.now).unwrap().unwrap();
    assert!(r.contains("Chưa có bản sao lưu nào ở ổ khác"), "{r}");

    assert!(
        desk.daily_backup(&c).unwrap().is_some(),
        "the first sign-in of the day"
    );
    assert!(
        desk.daily_backup(&ctx("2026-12-01 14:00"))
            .unwrap()
            .is_none(),
        "once a day"
    );
    // Sixteen more days: only the newest fourteen automatic copies stay; the manual one too.
    for day in 2..=17 {
        let at = format!("2026-12-{day:02} 08:00");
        assert!(desk.daily_backup(&ctx(&at)).unwrap().is_some(), "{at}");
    }
    let files = desk_backups(dir.path());
    let automatic: Vec<_> = files
        .iter()
        .filter(|p| p.to_string_lossy().contains("tu-dong"))
        .collect();
    assert_eq!(automatic.len(), 14, "{files:?}");
    assert!(
        automatic
            .iter()
            .all(|p| !p.to_string_lossy().contains("20261201")),
        "the oldest went"
    );
    assert!(manual.path.exists(), "a manual copy is never deleted");
    let pruned: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'backup.prune'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(pruned >= 1);

    // A copy on a USB stick: no reminder for a week, then one naming the days.
    desk.backup_to_other_disk(&ctx("2026-12-17 09:00"), usb.path(), &Unwatched)
        .unwrap();
    assert_eq!(desk.backup_reminder(at("2026-12-23 09:00")).unwrap(), None);
    let r = desk
        .backup_reminder(at("2026-12-25 09:00"))
        .unwrap()
        .unwrap();
    assert!(
        r.starts_with("Đã 8 ngày chưa sao lưu ra ổ khác (lần gần nhất 17/12/2026)"),
        "{r}"
    );
}

#[test]
fn a_damaged_page_opens_quickly_and_is_found_by_the_full_check_after() {
    use tiepdan_core::desk::IntegrityState;
    let dir = tempfile::tempdir().unwrap();
    {
        let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
        desk.save_office(&ctx("2026-02-04 08:00"), &office())
            .unwrap();
        for i in 0..300 {
            let mut v = complaint_visit();
            v.summary =
                format!("Lượt tiếp số {i} về đất đai, nội dung dài để có nhiều trang dữ liệu");
            if let tiepdan_core::domain::visit::CitizenRef::New(c) = &mut v.citizens[0] {
                c.id_number = None;
                c.id_kind = tiepdan_core::domain::identity::IdKind::NoPaper;
                c.full_name = format!("Người đến thứ {i}");
            }
            desk.record_visit(&ctx("2026-02-04 09:30"), &v).unwrap();
        }
        let sound = desk.check_integrity_now();
        assert_eq!(sound.state, IntegrityState::Sound, "{sound:?}");
        assert!(sound.checked_at.is_some());
    }
    // A page in the middle overwritten (a failing disk): opening does not read every
    // page, so it still opens; the full check finds it.
    let path = db(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 20, "{pages} pages");
    let middle = (pages / 2) * 4096;
    for b in &mut bytes[middle + 8..middle + 4000] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let desk = Desk::open(dir.path(), at("2026-02-05 08:00")).unwrap();
    let found = desk.check_integrity_now();
    assert_eq!(found.state, IntegrityState::Damaged, "{found:?}");
    assert!(!found.problems.is_empty());
    assert_eq!(desk.integrity_status(), found);
}

#[test]
fn the_full_check_beside_an_open_store_keeps_its_writes_visible_to_other_processes() {
    // The window checks the whole file on a connection of its own while its store stays
    // open; the command line opens and closes the same file meanwhile. Had the check
    // opened the file outside SQLite, the window's locks would be gone, the command line
    // would delete the write-ahead log on its way out, and what the window wrote next
    // would never reach the file.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    desk.save_office(&ctx("2026-02-04 08:00"), &office())
        .unwrap();
    let visit = |desk: &mut Desk, summary: &str| {
        let mut v = complaint_visit();
        v.summary = summary.into();
        if let tiepdan_core::domain::visit::CitizenRef::New(c) = &mut v.citizens[0] {
            c.id_number = None;
            c.id_kind = tiepdan_core::domain::identity::IdKind::NoPaper;
            c.full_name = format!("Người đến: {summary}");
        }
        desk.record_visit(&ctx("2026-02-04 09:30"), &v).unwrap();
    };
    let exported = |name: &str| {
        let out = dir.path().join(name);
        let o = cli(&[
            "--data",
            data,
            "export",
            "--out",
            out.to_str().unwrap(),
            "--reason",
            "Kiểm tra dữ liệu cửa sổ đã ghi",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(out).unwrap()
    };
    visit(&mut desk, "Trước khi kiểm tra toàn bộ tệp");
    let sound = desk.check_integrity_now();
    assert_eq!(sound.state, tiepdan_core::desk::IntegrityState::Sound);
    visit(&mut desk, "Sau khi kiểm tra, trước lần xuất thứ nhất");
    assert!(exported("1.jsonl").contains("trước lần xuất thứ nhất"));
    visit(&mut desk, "Sau lần xuất thứ nhất");
    let second = exported("2.jsonl");
    assert!(
        second.contains("Sau lần xuất thứ nhất"),
        "the window's write after another process closed the file is lost"
    );
}

#[test]
fn an_export_is_written_as_it_is_read_and_a_stopped_one_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-05 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    for i in 0..40 {
        let mut v = complaint_visit();
        v.summary = format!("Lượt tiếp số {i} về tranh chấp ranh giới đất");
        if let tiepdan_core::domain::visit::CitizenRef::New(p) = &mut v.citizens[0] {
            p.id_number = None;
            p.id_kind = tiepdan_core::domain::identity::IdKind::NoPaper;
            p.full_name = format!("Người đến thứ {i}");
        }
        desk.record_visit(&c, &v).unwrap();
    }
    let opts = tiepdan_core::desk::ExportOptions {
        redact: true,
        today: None,
    };
    let watched = stop_at(usize::MAX);
    let file = desk.export_file(&c, &opts, "", &watched).unwrap();
    let written = std::fs::read_to_string(&file.path).unwrap();
    // The streamed file is the export, record for record, and says how many it holds.
    assert_eq!(written, desk.export(&c, &opts).unwrap());
    let records = written.lines().filter(|l| l.starts_with('{')).count();
    assert_eq!(file.rows as usize, records);
    assert!(records > 120, "{records} records");
    let seen = watched.seen.borrow().clone();
    assert!(seen.iter().all(|(stage, _, _)| stage == "Xuất dữ liệu"));
    let (_, done, total) = seen.last().unwrap();
    assert_eq!(done, total);
    assert!(seen.len() > 3, "{seen:?}");
    // Stopped half way, on the same name: the earlier file stays whole, nothing is added.
    let folder = std::path::Path::new(&file.path)
        .parent()
        .unwrap()
        .to_owned();
    let before: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    let stopped = desk.export_file(&c, &opts, "", &stop_at(3));
    assert!(
        matches!(stopped, Err(tiepdan_core::Error::Cancelled)),
        "{stopped:?}"
    );
    assert_eq!(std::fs::read_to_string(&file.path).unwrap(), written);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), before.len());
}

#[test]
fn a_petitions_papers_and_documents_are_found_by_index_not_by_reading_the_table() {
    let dir = tempfile::tempdir().unwrap();
    drop(Desk::open(dir.path(), at("2026-12-05 08:00")).unwrap());
    let conn = Connection::open(db(dir.path())).unwrap();
    for sql in [
        "SELECT title FROM petition_papers WHERE petition_id = 7",
        "DELETE FROM petition_papers WHERE petition_id = 7",
        "SELECT number_label FROM documents WHERE petition_id = 7",
        "SELECT id FROM documents WHERE visit_id = 7",
    ] {
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert!(
            plan.iter()
                .any(|step| step.starts_with("SEARCH") && step.contains("INDEX")),
            "{sql}: {plan:?}"
        );
    }
}

#[test]
fn the_live_database_is_refused_as_a_backup_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-05 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let before = desk.audit_head().unwrap();
    let refused = desk.restore(&c, &db(dir.path()), &Unwatched);
    match refused {
        Err(e @ tiepdan_core::Error::Store(tiepdan_core::error::StoreError::LiveFile { .. })) => {
            assert!(e.to_string().contains("không phải bản sao lưu"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    // Nothing was backed up, restored or logged.
    assert_eq!(desk.audit_head().unwrap(), before);
    assert!(desk_backups(dir.path()).is_empty());
}
