//! Danh mục on a real data directory: the office's own calendar days and rule files are
//! changed through the core, checked whole before they are kept, audited, and move the
//! deadlines of open cases at once.

use crate::common::*;
use chrono::NaiveDate;
use tiepdan_core::Desk;
use tiepdan_core::desk::OfficeDayInput;
use tiepdan_core::rules::RuleFile;
use tiepdan_core::rules::calendar::DayKind;
use tiepdan_core::rules::deadlines::DeadlineName;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn due(desk: &Desk, id: i64, name: DeadlineName) -> NaiveDate {
    desk.deadlines(id, d("2026-02-05"))
        .unwrap()
        .deadlines
        .into_iter()
        .find(|x| x.name == name)
        .unwrap()
        .due
}

/// The cached due date the dashboard reads.
fn cached(desk: &Desk, id: i64, name: &str) -> String {
    desk.store()
        .conn()
        .query_row(
            "SELECT due FROM deadline_cache WHERE petition_id = ?1 AND name = ?2",
            rusqlite::params![id, name],
            |r| r.get(0),
        )
        .unwrap()
}

fn audit_count(desk: &Desk, action: &str) -> i64 {
    desk.store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = ?1",
            [action],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn an_office_holiday_moves_an_open_cases_deadline_and_removing_it_moves_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let id = complaint(&mut desk);
    // Handling: 10 working days from 04/02/2026 across Tết 2026.
    let before = due(&desk, id, DeadlineName::Handle);
    assert_eq!(cached(&desk, id, "handle"), before.to_string());

    let c = ctx("2026-02-05 08:00");
    let changed = desk
        .set_office_day(
            &c,
            &OfficeDayInput {
                date: before.to_string(),
                kind: DayKind::Holiday,
                note: "Nghỉ theo quyết định của UBND tỉnh".into(),
            },
        )
        .unwrap();
    assert_eq!(changed.recomputed, 1);
    let moved = due(&desk, id, DeadlineName::Handle);
    assert!(moved > before, "{moved} after {before}");
    assert_eq!(cached(&desk, id, "handle"), moved.to_string());
    let row = desk
        .calendar_days(2026)
        .unwrap()
        .into_iter()
        .find(|r| r.date == before.to_string())
        .unwrap();
    assert!(row.office);
    assert_eq!(row.kind, DayKind::Holiday);
    assert_eq!(audit_count(&desk, "calendar.set_day"), 1);

    desk.remove_office_day(&c, &before.to_string()).unwrap();
    assert_eq!(due(&desk, id, DeadlineName::Handle), before);
    assert_eq!(cached(&desk, id, "handle"), before.to_string());
    assert_eq!(audit_count(&desk, "calendar.remove_day"), 1);
}

#[test]
fn bad_calendar_input_is_refused_with_a_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let id = complaint(&mut desk);
    let before = cached(&desk, id, "handle");
    let c = ctx("2026-02-05 08:00");
    let day = |date: &str, note: &str| OfficeDayInput {
        date: date.into(),
        kind: DayKind::Holiday,
        note: note.into(),
    };
    for (input, field, words) in [
        (day("2026-02-30", "Nghỉ"), "date", "không hợp lệ"),
        (day("30/01/2026", "Nghỉ"), "date", "không hợp lệ"),
        (day("2026-03-02", "  "), "note", "lý do"),
        (day("2026-03-02", &"x".repeat(201)), "note", "200"),
    ] {
        let e = desk.set_office_day(&c, &input).unwrap_err().to_data();
        assert_eq!(e.fields[0].field, field, "{input:?}");
        assert!(e.fields[0].message_vi.contains(words), "{e:?}");
    }
    // A day of the rule file cannot be "removed": it is overridden instead.
    let e = desk.remove_office_day(&c, "2026-02-17").unwrap_err();
    assert!(
        e.to_string().contains("không có trong lịch riêng")
            || e.to_data().fields[0]
                .message_vi
                .contains("không có trong lịch riêng")
    );
    assert_eq!(cached(&desk, id, "handle"), before);
    assert_eq!(audit_count(&desk, "calendar.set_day"), 0);
}

#[test]
fn a_rule_file_is_checked_kept_applied_and_reset_through_the_core() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let id = complaint(&mut desk);
    let c = ctx("2026-02-05 08:00");
    let shipped = desk
        .rule_files()
        .into_iter()
        .find(|f| f.file == RuleFile::Deadlines)
        .unwrap();
    assert!(!shipped.overridden);
    let calendar_days = shipped.text.clone();

    // A broken file: a Vietnamese message naming the file; nothing written or applied.
    let broken = calendar_days.replacen("days = 10", "days = 0", 1);
    let e = desk
        .save_rule_file(&c, RuleFile::Deadlines, &broken)
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "text");
    assert!(e.fields[0].message_vi.contains("deadlines.toml"), "{e:?}");
    assert!(e.fields[0].message_vi.contains("số ngày"), "{e:?}");
    assert!(!dir.path().join("rules/deadlines.toml").exists());
    assert!(
        desk.check_rule_file(RuleFile::Deadlines, "không phải toml")
            .is_err()
    );

    // Acceptance counted in working days: checked, kept, applied, recomputed.
    let edited = calendar_days.replacen(
        "instance = 1\ndays = 10\nunit = \"calendar\"",
        "instance = 1\ndays = 10\nunit = \"working\"",
        1,
    );
    assert_ne!(edited, calendar_days);
    desk.check_rule_file(RuleFile::Deadlines, &edited).unwrap();
    let changed = desk
        .save_rule_file(&c, RuleFile::Deadlines, &edited.replace('\n', "\r\n"))
        .unwrap();
    assert_eq!(changed.recomputed, 1);
    assert_eq!(due(&desk, id, DeadlineName::Accept), d("2026-02-25"));
    assert_eq!(cached(&desk, id, "accept"), "2026-02-25");
    let kept = std::fs::read_to_string(dir.path().join("rules/deadlines.toml")).unwrap();
    assert!(!kept.contains('\r'));
    assert!(
        desk.rule_files()
            .iter()
            .any(|f| f.file == RuleFile::Deadlines && f.overridden)
    );
    assert_eq!(audit_count(&desk, "rules.save"), 1);

    // It stays in force after the data is opened again.
    drop(desk);
    let mut desk = Desk::open(dir.path(), at("2026-02-05 09:00")).unwrap();
    assert_eq!(due(&desk, id, DeadlineName::Accept), d("2026-02-25"));

    // A file that does not change deadlines recomputes nothing.
    let reception = desk
        .rule_files()
        .into_iter()
        .find(|f| f.file == RuleFile::Reception)
        .unwrap();
    let more = reception
        .text
        .replacen("crowd_threshold = 5", "crowd_threshold = 6", 1);
    let changed = desk.save_rule_file(&c, RuleFile::Reception, &more).unwrap();
    assert_eq!(changed.recomputed, 0);

    // Reset: the shipped file applies again.
    let changed = desk.reset_rule_file(&c, RuleFile::Deadlines).unwrap();
    assert_eq!(changed.recomputed, 1);
    assert!(!dir.path().join("rules/deadlines.toml").exists());
    assert_ne!(due(&desk, id, DeadlineName::Accept), d("2026-02-25"));
    assert_eq!(audit_count(&desk, "rules.reset"), 1);
}
