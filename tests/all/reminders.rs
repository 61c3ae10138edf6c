//! The reports to send, on the dashboard: a periodic report from ten days before its
//! cut-off until it is submitted, a plan's report until marked sent, the days from the
//! administrator's rule file.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::domain::report::Template;
use tiepdan_core::domain::report::period::{Period, PeriodKind};

fn titles(desk: &Desk, now: &str) -> Vec<(String, String)> {
    desk.reminders(&ctx(now))
        .unwrap()
        .into_iter()
        .map(|r| (r.title, r.due.to_string()))
        .collect()
}

#[test]
fn a_periodic_report_is_reminded_until_submitted_and_a_plans_until_marked_sent() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-06-10 08:00")).unwrap();
    desk.save_office(&ctx("2026-06-10 08:00"), &office())
        .unwrap();
    let six = (
        "Báo cáo 6 tháng đầu năm 2026".to_owned(),
        "2026-06-17".to_owned(),
    );
    assert!(titles(&desk, "2026-06-10 08:00").contains(&six));
    assert!(
        !titles(&desk, "2026-06-01 08:00").contains(&six),
        "too early"
    );
    let c = ctx("2026-06-15 09:00");
    desk.submit_report(
        &c,
        Template::parse("01/XLD").unwrap(),
        Period::of(PeriodKind::SixMonths, 2026),
        "",
    )
    .unwrap();
    assert!(
        !titles(&desk, "2026-06-15 09:00").contains(&six),
        "submitted"
    );

    // A plan's report: shown before its day, gone once marked sent (audited); a key that
    // is not pending, or a desk without the right, is refused.
    let now = "2026-12-10 08:00";
    let due = desk.reminders(&ctx(now)).unwrap();
    let plan = due.iter().find(|r| r.title.contains("tổng kết")).unwrap();
    assert_eq!(
        (plan.due.to_string().as_str(), plan.days_left),
        ("2026-12-19", 9)
    );
    let reception = tiepdan_core::audit::Ctx {
        roles: tiepdan_core::domain::access::Roles::of(&[
            tiepdan_core::domain::officer::OfficerRole::Reception,
        ]),
        ..ctx(now)
    };
    assert_eq!(
        desk.mark_reminder_sent(&reception, &plan.key)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let e = desk
        .mark_reminder_sent(&ctx(now), "report:six_months:2026")
        .unwrap_err();
    assert_eq!(e.code(), "invalid");
    desk.mark_reminder_sent(&ctx(now), &plan.key).unwrap();
    assert!(
        !titles(&desk, now)
            .iter()
            .any(|(t, _)| t.contains("tổng kết"))
    );
    assert!(
        titles(&desk, now)
            .iter()
            .any(|(t, _)| t == "Báo cáo năm 2026")
    );
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let audited: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'reminder.sent'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
}

#[test]
fn the_due_days_come_from_the_administrators_rule_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("rules")).unwrap();
    let text = tiepdan_core::rules::reminders::DEFAULT.replace("due_days = 3", "due_days = 5");
    std::fs::write(dir.path().join("rules/reminders.toml"), text).unwrap();
    let desk = Desk::open(dir.path(), at("2026-06-10 08:00")).unwrap();
    assert!(titles(&desk, "2026-06-10 08:00").contains(&(
        "Báo cáo 6 tháng đầu năm 2026".to_owned(),
        "2026-06-19".to_owned()
    )));
    // A broken file is refused by name, never ignored.
    std::fs::write(dir.path().join("rules/reminders.toml"), "lead_days = 0").unwrap();
    let e = Desk::open(dir.path(), at("2026-06-10 08:00")).unwrap_err();
    assert!(e.to_string().contains("reminders.toml"), "{e}");
}

#[test]
fn a_plans_report_is_drafted_with_its_title_its_figures_and_the_officers_part() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    complaint(&mut desk);
    let c = ctx("2026-12-10 08:00");
    let plan = desk
        .reminders(&c)
        .unwrap()
        .into_iter()
        .find(|r| r.title.contains("tổng kết"))
        .unwrap();
    let file = desk.export_plan_report(&c, &plan.key).unwrap();
    assert!(file.path.ends_with(".docx"), "{}", file.path);
    let text = docx_text(&std::fs::read(&file.path).unwrap());
    for words in [
        "Tổng kết thực hiện Kế hoạch triển khai Kết luận số 107-KL/TW",
        "(Số liệu tính từ ngày 15/12/2025 đến ngày 10/12/2026)",
        "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN KẾ HOẠCH",
        "(Phần này do cán bộ viết",
        "1. Tổng số lượt tiếp công dân: 1 lượt",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    let e = desk
        .export_plan_report(&c, "dated:2099-01-01:không có")
        .unwrap_err();
    assert_eq!(e.code(), "invalid");
}
