//! Lịch tiếp dân through the core: plans with bad input refused and nothing written, the
//! sessions of a range moved off holidays, cancellations and ad hoc sessions, the minimum
//! check, bookings up to a session's capacity, and the appointment slip of a booking.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{BookingInput, PlanInput, SessionInput, SessionKey};
use tiepdan_core::domain::schedule::{Host, PlanRule, SessionKind, Weekday};

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn thursdays() -> PlanInput {
    PlanInput {
        host: Host::Chair,
        host_name: "Phạm Văn Hùng".into(),
        rule: PlanRule::Weekly(vec![Weekday::Thu]),
        from: "2026-01-01".into(),
        to: None,
        place: "Trụ sở tiếp công dân xã Ba Tơ".into(),
        start: "07:30".into(),
        end: "11:30".into(),
        capacity: 2,
    }
}

fn messages(e: tiepdan_core::error::Error) -> Vec<String> {
    match e {
        tiepdan_core::error::Error::Invalid(f) => f.into_iter().map(|f| f.message_vi).collect(),
        other => panic!("{other:?}"),
    }
}

fn count(dir: &tempfile::TempDir, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_plan_gives_sessions_off_holidays_and_bad_plans_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2025-12-20 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();

    let mut bad = thursdays();
    bad.host_name = "  ".into();
    bad.start = "11:30".into();
    bad.end = "07:30".into();
    bad.capacity = 0;
    bad.rule = PlanRule::Monthly(vec![10, 32]);
    let m = messages(desk.add_plan(&c, &bad).unwrap_err());
    for words in [
        "họ tên người chủ trì",
        "Giờ kết thúc phải sau",
        "từ 1 đến 500",
        "từ 1 đến 31",
    ] {
        assert!(
            m.iter().any(|m| m.contains(words)),
            "{words:?} not in {m:?}"
        );
    }
    let mut bad = thursdays();
    bad.rule = PlanRule::Weekly(vec![]);
    bad.to = Some("2025-12-31".into());
    let m = messages(desk.add_plan(&c, &bad).unwrap_err());
    assert!(m.iter().any(|m| m.contains("ít nhất một ngày")), "{m:?}");
    assert!(
        m.iter().any(|m| m.contains("đứng trước ngày bắt đầu")),
        "{m:?}"
    );
    assert_eq!(count(&dir, "SELECT count(*) FROM reception_plans"), 0);

    desk.add_plan(&c, &thursdays()).unwrap();
    let plans = desk.plans().unwrap();
    assert_eq!(plans[0].rule_label, "thứ Năm hằng tuần");
    let view = desk.schedule(d("2026-01-01"), d("2026-01-31")).unwrap();
    let days: Vec<(&str, bool)> = view
        .sessions
        .iter()
        .map(|s| (s.on.as_str(), s.moved))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-01-05", true),
            ("2026-01-08", false),
            ("2026-01-15", false),
            ("2026-01-22", false),
            ("2026-01-29", false)
        ]
    );
    assert_eq!(view.sessions[0].weekday, "thứ Hai");
    assert_eq!(view.sessions[0].planned_on.as_deref(), Some("2026-01-01"));
    // The chair's weeks are covered; the party secretary has no plan yet.
    assert!(
        view.issues.iter().all(|i| i.host == Host::PartySecretary),
        "{:?}",
        view.issues
    );
    assert!(
        view.issues[0]
            .message_vi
            .contains("Bí thư Đảng ủy: tháng 1/2026 mới có 0 ngày")
    );
    assert_eq!(
        count(
            &dir,
            "SELECT count(*) FROM audit_log WHERE action = 'schedule.plan'"
        ),
        1
    );
}

#[test]
fn cancelling_a_thursday_leaves_its_week_short_and_an_ad_hoc_session_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-03-01 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let plan = desk.add_plan(&c, &thursdays()).unwrap();
    let key = SessionKey {
        id: None,
        plan_id: Some(plan),
        planned_on: Some("2026-03-12".into()),
    };
    let m = messages(desk.cancel_session(&c, &key, " ").unwrap_err());
    assert!(m[0].contains("lý do"), "{m:?}");
    desk.cancel_session(&c, &key, "Chủ tịch dự họp tại tỉnh")
        .unwrap();
    let view = desk.schedule(d("2026-03-09"), d("2026-03-22")).unwrap();
    let cancelled = view.sessions.iter().find(|s| s.on == "2026-03-12").unwrap();
    assert_eq!(
        cancelled.cancelled.as_deref(),
        Some("Chủ tịch dự họp tại tỉnh")
    );
    let chair: Vec<&str> = view
        .issues
        .iter()
        .filter(|i| i.host == Host::Chair)
        .map(|i| i.message_vi.as_str())
        .collect();
    assert_eq!(chair.len(), 1, "{chair:?}");
    assert!(chair[0].contains("tuần từ 09/03/2026 đến 15/03/2026 mới có 0 ngày"));

    // An ad hoc session on Friday 13/03.
    let ad_hoc = SessionInput {
        kind: SessionKind::AdHoc,
        host: Host::Chair,
        host_name: "Phạm Văn Hùng".into(),
        on: "2026-03-13".into(),
        place: "Nhà văn hóa thôn Tây".into(),
        start: "14:00".into(),
        end: "16:30".into(),
        capacity: 30,
    };
    let mut planned = ad_hoc.clone();
    planned.kind = SessionKind::Planned;
    assert!(desk.add_session(&c, &planned).is_err());
    desk.add_session(&c, &ad_hoc).unwrap();
    // An ad hoc session is owed anyway: it does not make up the periodic day.
    let view = desk.schedule(d("2026-03-09"), d("2026-03-22")).unwrap();
    assert_eq!(
        view.issues.iter().filter(|i| i.host == Host::Chair).count(),
        1,
        "{:?}",
        view.issues
    );
    // A periodic session added once on Wednesday 11/03 does.
    let mut one_off = ad_hoc.clone();
    one_off.kind = SessionKind::OneOff;
    one_off.on = "2026-03-11".into();
    desk.add_session(&c, &one_off).unwrap();
    let view = desk.schedule(d("2026-03-09"), d("2026-03-22")).unwrap();
    assert!(
        view.issues.iter().all(|i| i.host != Host::Chair),
        "{:?}",
        view.issues
    );
    assert!(
        view.sessions
            .iter()
            .any(|s| s.on == "2026-03-13" && s.kind == SessionKind::AdHoc)
    );
    assert_eq!(
        count(
            &dir,
            "SELECT count(*) FROM audit_log WHERE action = 'schedule.cancel'"
        ),
        1
    );
}

#[test]
fn bookings_stop_at_capacity_and_the_slip_names_the_day_place_and_host() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    complaint(&mut desk);
    let c = ctx("2026-03-02 08:00");
    let plan = desk.add_plan(&c, &thursdays()).unwrap();
    // Three citizens: the complainant and two more.
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    for name in ["Lê Thị Hai", "Trần Văn Ba"] {
        conn.execute(
            "INSERT INTO citizens (full_name, name_fold, id_kind, address, created_at)
             VALUES (?1, lower(?1), 'none', 'Thôn Tây', '2026-03-01T08:00:00')",
            [name],
        )
        .unwrap();
    }
    let citizens: Vec<i64> = conn
        .prepare("SELECT id FROM citizens ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let case: i64 = conn
        .query_row("SELECT id FROM cases", [], |r| r.get(0))
        .unwrap();
    let thursday = SessionKey {
        id: None,
        plan_id: Some(plan),
        planned_on: Some("2026-03-05".into()),
    };
    let booking = |citizen, case_id| BookingInput {
        session: thursday.clone(),
        citizen_id: citizen,
        case_id,
        people: 1,
        note: Some("Hỏi về quyết định thu hồi đất".into()),
    };
    let first = desk.book(&c, &booking(citizens[0], Some(case))).unwrap();
    assert_eq!(
        first.case_title.as_deref(),
        Some("Khiếu nại quyết định thu hồi đất")
    );
    let m = messages(desk.book(&c, &booking(citizens[0], None)).unwrap_err());
    assert!(m[0].contains("đã được đặt lịch"), "{m:?}");
    desk.book(&c, &booking(citizens[1], None)).unwrap();
    let m = messages(desk.book(&c, &booking(citizens[2], None)).unwrap_err());
    assert_eq!(
        m,
        ["Buổi tiếp ngày 05/03/2026 đã đủ 2 lượt đặt lịch; hãy chọn buổi khác."]
    );
    assert_eq!(count(&dir, "SELECT count(*) FROM bookings"), 2);
    let view = desk.schedule(d("2026-03-02"), d("2026-03-08")).unwrap();
    assert_eq!((view.sessions[0].booked, view.sessions[0].capacity), (2, 2));
    // A session with bookings is not cancelled; a past one is not booked.
    let stored = SessionKey {
        id: Some(first.session_id),
        plan_id: None,
        planned_on: None,
    };
    let m = messages(desk.cancel_session(&c, &stored, "Mưa bão").unwrap_err());
    assert!(m[0].contains("đã có 2 công dân đặt lịch"), "{m:?}");
    let mut past = booking(citizens[2], None);
    past.session.planned_on = Some("2026-02-26".into());
    let m = messages(desk.book(&c, &past).unwrap_err());
    assert!(m[0].contains("đã qua"), "{m:?}");
    let mut nobody = booking(9999, None);
    nobody.session.planned_on = Some("2026-03-12".into());
    assert!(messages(desk.book(&c, &nobody).unwrap_err())[0].contains("Không tìm thấy công dân"));

    let slip = desk.print_booking_slip(&c, first.id).unwrap();
    let text = pdftotext(&slip.path);
    for words in [
        "PHIẾU HẸN",
        "Nguyễn Văn Đức",
        "Khiếu nại quyết định thu hồi đất",
        "vào hồi 7 giờ 30 phút, ngày 05 tháng 3 năm 2026",
        "Trụ sở tiếp công dân xã Ba Tơ",
        "gặp Chủ tịch Ủy ban nhân dân Phạm Văn Hùng",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    assert_eq!(
        count(
            &dir,
            "SELECT count(*) FROM audit_log WHERE action = 'schedule.book'"
        ),
        2
    );

    // A booking is cancelled with a reason, freeing its place; the trail keeps the reason.
    let m = messages(desk.cancel_booking(&c, first.id, " ").unwrap_err());
    assert!(m[0].contains("Ghi lý do hủy đặt lịch"), "{m:?}");
    desk.cancel_booking(&c, first.id, "Công dân báo ốm, không đến được")
        .unwrap();
    assert_eq!(count(&dir, "SELECT count(*) FROM bookings"), 1);
    let m = messages(
        desk.cancel_booking(&c, first.id, "Hủy lần nữa")
            .unwrap_err(),
    );
    assert!(m[0].contains("Không tìm thấy lượt đặt lịch"), "{m:?}");
    desk.book(&c, &booking(citizens[2], None)).unwrap();
    let detail: String = rusqlite::Connection::open(db(dir.path()))
        .unwrap()
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'schedule.unbook'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(detail.contains("Công dân báo ốm"), "{detail}");
    assert!(!detail.contains("Nguyễn Văn Đức"), "{detail}");
    // Not once the session is held.
    let later = ctx("2026-03-06 08:00");
    let held = desk.bookings(first.session_id).unwrap()[0].id;
    let m = messages(desk.cancel_booking(&later, held, "Quên hủy").unwrap_err());
    assert!(m[0].contains("đã diễn ra"), "{m:?}");
}

#[test]
fn the_command_line_prints_the_schedule_as_json_and_as_an_ics_a_calendar_library_reads() {
    use icalendar::{Calendar, Component, EventLike};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("lich.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}"#,
            "\n",
            r#"{"type": "reception_plan", "ref": "lt-ct", "host": "chair", "host_name": "Phạm Văn Hùng", "rule": {"weekly": ["thu"]}, "from": "2026-01-01", "place": "Trụ sở tiếp công dân xã", "start": "07:30", "end": "11:30"}"#,
            "\n",
            r#"{"type": "reception_plan", "ref": "lt-bt", "host": "party_secretary", "host_name": "Đinh Thị Mai", "rule": {"monthly": [10, 25]}, "from": "2026-01-01", "place": "Hội trường Đảng ủy xã", "start": "14:00", "end": "17:00"}"#,
            "\n"
        ),
    )
    .unwrap();
    // A plain store made by the library (the command line makes none).
    drop(Desk::open(dir.path(), ctx("2026-01-01 08:00").now).unwrap());
    let o = cli(&["--data", data, "import", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = cli(&[
        "--data",
        data,
        "schedule",
        "--from",
        "2026-04-27",
        "--to",
        "2026-05-10",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let days: Vec<(&str, &str)> = json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["on"].as_str().unwrap(), s["host"].as_str().unwrap()))
        .collect();
    // The secretary's Saturday 25/04 moves past Sunday and the Giỗ Tổ day off (27/04) to
    // Tuesday 28/04; the chair's Thursday 30/04 past 01/05 and the weekend to Monday 04/05;
    // the secretary's 10/05 is a Sunday: Monday 11/05, after the range.
    assert_eq!(
        days,
        [
            ("2026-04-28", "party_secretary"),
            ("2026-05-04", "chair"),
            ("2026-05-07", "chair")
        ]
    );
    assert_eq!(json["sessions"][1]["planned_on"], "2026-04-30");
    assert!(
        json["issues"][0]["message_vi"]
            .as_str()
            .unwrap()
            .contains("tuần từ 27/04/2026 đến 03/05/2026")
    );

    let ics = dir.path().join("lich.ics");
    let o = cli(&[
        "--data",
        data,
        "schedule",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--format",
        "ics",
        "--host",
        "party_secretary",
        "--out",
        ics.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&ics).unwrap();
    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 24, "the 10th and 25th of twelve months");
    let first = events[0];
    assert_eq!(
        first.get_summary(),
        Some("Tiếp công dân — Bí thư Đảng ủy Đinh Thị Mai")
    );
    assert_eq!(first.get_location(), Some("Hội trường Đảng ủy xã"));
    // Saturday 10/01/2026 is a make-up working day: the session stays on it.
    assert!(text.contains("DTSTART:20260110T140000"), "{text}");
    let uids: std::collections::BTreeSet<_> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(uids.len(), 24, "stable, distinct UIDs");
    let o = cli(&[
        "--data",
        data,
        "schedule",
        "--from",
        "2026-05-10",
        "--to",
        "2026-05-01",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("Ngày cuối đứng trước ngày đầu"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_public_notice_lists_the_months_sessions_with_their_moves() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-04-20 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    desk.add_plan(&c, &thursdays()).unwrap();
    let key = SessionKey {
        id: None,
        plan_id: Some(1),
        planned_on: Some("2026-05-14".into()),
    };
    desk.cancel_session(&c, &key, "Bầu cử").unwrap();
    let file = desk
        .export_schedule_notice(d("2026-04-01"), d("2026-04-30"), c.now)
        .unwrap();
    let text = pdftotext(&file.path);
    for words in [
        "THÔNG BÁO",
        "Lịch tiếp công dân định kỳ tháng 4 năm 2026",
        "Thứ Năm, ngày 02/04/2026, từ 07 giờ 30 đến 11 giờ 30: Chủ tịch Ủy ban nhân dân Phạm Văn Hùng tiếp công dân tại Trụ sở tiếp công dân xã Ba Tơ.",
        "Thứ Năm, ngày 23/04/2026",
        "chuyển sang ngày làm việc kế tiếp",
        "TM. ỦY BAN NHÂN DÂN",
        "Niêm yết tại trụ sở",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    // 30/04 moves to 04/05, out of April; May lists it and leaves out the cancelled 14/05.
    assert!(!text.contains("30/04/2026"), "{text}");
    let bytes = desk
        .schedule_notice_pdf(d("2026-05-01"), d("2026-05-31"), c.now.date())
        .unwrap();
    let path = dir.path().join("may.pdf");
    std::fs::write(&path, bytes).unwrap();
    let text = pdftotext(path.to_str().unwrap());
    // The law cited is the one in force on the notice's day: amended from 01/07/2026.
    let cites = |issued: &str| {
        let bytes = desk
            .schedule_notice_pdf(d("2026-05-01"), d("2026-05-31"), d(issued))
            .unwrap();
        let p = dir.path().join(format!("notice-{issued}.pdf"));
        std::fs::write(&p, bytes).unwrap();
        let t = pdftotext(p.to_str().unwrap());
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let before = cites("2026-04-20");
    assert!(
        before.contains("Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;"),
        "{before}"
    );
    assert!(!before.contains("136/2025"), "{before}");
    assert!(cites("2026-07-02").contains("bổ sung bởi Luật số 136/2025/QH15;"));
    assert!(
        text.contains("Thứ Hai, ngày 04/05/2026, từ 07 giờ 30 đến 11 giờ 30"),
        "{text}"
    );
    assert!(
        text.contains("(chuyển từ ngày 30/04/2026 do trùng ngày nghỉ)"),
        "{text}"
    );
    assert!(!text.contains("14/05/2026"), "{text}");
}

#[test]
fn the_briefing_pack_names_each_booked_case_its_history_and_open_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    let petition = complaint(&mut desk);
    let c = ctx("2026-02-09 08:00");
    let plan = desk.add_plan(&c, &thursdays()).unwrap();
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let (citizen, case): (i64, i64) = conn
        .query_row(
            "SELECT pc.citizen_id, p.case_id FROM petitions p
               JOIN petition_citizens pc ON pc.petition_id = p.id WHERE p.id = ?1",
            [petition],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let key = SessionKey {
        id: None,
        plan_id: Some(plan),
        planned_on: Some("2026-02-12".into()),
    };
    // Before anyone books: a summary page that says so.
    let empty = desk.briefing_pack_pdf(&c, &key, c.now.date()).unwrap();
    let path = dir.path().join("empty.pdf");
    std::fs::write(&path, empty).unwrap();
    assert!(pdftotext(path.to_str().unwrap()).contains("Chưa có công dân nào đặt lịch"));

    desk.book(
        &c,
        &BookingInput {
            session: key.clone(),
            citizen_id: citizen,
            case_id: Some(case),
            people: 1,
            note: Some("Ông Đức đề nghị được gặp trực tiếp Chủ tịch".into()),
        },
    )
    .unwrap();
    let file = desk.export_briefing_pack(&c, &key).unwrap();
    let text = pdftotext(&file.path);
    for words in [
        "TÀI LIỆU CHUẨN BỊ BUỔI TIẾP CÔNG DÂN",
        "Thứ Năm, ngày 12/02/2026, từ 07 giờ 30 đến 11 giờ 30",
        "Người chủ trì: Chủ tịch Ủy ban nhân dân Phạm Văn Hùng",
        "Danh sách công dân đã đặt lịch: 1",
        "1. Nguyễn Văn Đức — Khiếu nại quyết định thu hồi đất",
        "Ghi chú của cán bộ: Ông Đức đề nghị được gặp trực tiếp Chủ tịch",
        "04/02/2026: Tiếp thường xuyên: Khiếu nại quyết định thu hồi đất",
        "04/02/2026: Nhận đơn khiếu nại: Khiếu nại quyết định thu hồi đất",
        "Thời hạn xử lý đơn (đơn nhận 04/02/2026): hạn",
        "Tài liệu nội bộ",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
}

const TWO_MATTERS: &str = r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Đức", "id_kind": "none", "address": "Thôn Đông, xã Ba Tơ"}
{"type": "citizen", "ref": "c2", "full_name": "Trần Thị Kín", "id_kind": "none", "address": "Thôn Gò, xã Ba Tơ"}
{"type": "case", "ref": "vv1", "title": "Bồi thường đất ông Đức"}
{"type": "case", "ref": "vv2", "title": "Tố cáo cán bộ địa chính"}
{"type": "petition", "ref": "p1", "received_on": "2026-03-02", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "case": "vv1", "summary": "Khiếu nại việc bồi thường đất", "events": []}
{"type": "petition", "ref": "p2", "received_on": "2026-03-03", "channel": "in_person", "kind": "denunciation", "field": "civil_service", "petitioners": ["c2"], "respondent": {"role": "commune_official"}, "case": "vv2", "summary": "Tố cáo cán bộ địa chính nhận tiền", "events": []}
"#;

#[test]
fn a_sessions_conclusions_become_a_notice_and_dashboard_deadlines_without_naming_a_denouncer() {
    use tiepdan_core::desk::{AssignmentInput, ConclusionInput};
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-03-04 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.import(&c, TWO_MATTERS).unwrap();
    let plan = desk.add_plan(&c, &thursdays()).unwrap();
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let id = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let (duc, kin) = (
        id("SELECT id FROM citizens WHERE ref = 'c1'"),
        id("SELECT id FROM citizens WHERE ref = 'c2'"),
    );
    let (vv1, vv2) = (
        id("SELECT id FROM cases WHERE ref = 'vv1'"),
        id("SELECT id FROM cases WHERE ref = 'vv2'"),
    );
    let key = SessionKey {
        id: None,
        plan_id: Some(plan),
        planned_on: Some("2026-03-05".into()),
    };
    let items = vec![
        AssignmentInput {
            case_id: Some(vv1),
            citizen_id: Some(duc),
            matter: "Đề nghị xem xét lại đơn giá bồi thường".into(),
            task: "Kiểm tra lại hồ sơ bồi thường, trả lời công dân bằng văn bản".into(),
            assignee: "Công chức địa chính - xây dựng".into(),
            due: "2026-03-20".into(),
        },
        AssignmentInput {
            case_id: Some(vv2),
            citizen_id: Some(kin),
            matter: "Tố cáo cán bộ địa chính nhận tiền".into(),
            task: "Xác minh nội dung tố cáo".into(),
            assignee: "Văn phòng Ủy ban nhân dân xã".into(),
            due: "2026-04-15".into(),
        },
    ];
    let input = ConclusionInput {
        session: key.clone(),
        items: items.clone(),
    };
    // Before the session, and with a broken matter: refused, nothing written.
    let m = match desk.conclude_session(&c, &input).unwrap_err() {
        tiepdan_core::error::Error::Invalid(f) => f,
        other => panic!("{other:?}"),
    };
    assert!(m[0].message_vi.contains("chưa diễn ra"), "{m:?}");
    let after = ctx("2026-03-05 11:45");
    let mut broken = input.clone();
    broken.items[1].assignee = " ".into();
    broken.items[0].due = "2026-03-01".into();
    let m = match desk.conclude_session(&after, &broken).unwrap_err() {
        tiepdan_core::error::Error::Invalid(f) => f,
        other => panic!("{other:?}"),
    };
    let m: Vec<String> = m.into_iter().map(|f| f.message_vi).collect();
    assert!(
        m.iter()
            .any(|m| m.contains("Nội dung 1: hạn thực hiện trước ngày tiếp")),
        "{m:?}"
    );
    assert!(
        m.iter()
            .any(|m| m.contains("Nội dung 2: ghi người hoặc cơ quan được giao")),
        "{m:?}"
    );
    assert_eq!(count(&dir, "SELECT count(*) FROM assignments"), 0);
    assert_eq!(count(&dir, "SELECT count(*) FROM documents"), 0);

    let doc = desk.conclude_session(&after, &input).unwrap();
    assert_eq!(doc.form, "conclusion");
    let text = pdftotext(&doc.path);
    for words in [
        "THÔNG BÁO",
        "Kết luận của Chủ tịch Ủy ban nhân dân tại buổi tiếp công dân ngày 05/03/2026",
        "1. Nguyễn Văn Đức: Đề nghị xem xét lại đơn giá bồi thường. Kết luận: Kiểm tra lại hồ sơ bồi thường, trả lời công dân bằng văn bản. Giao Công chức địa chính - xây dựng thực hiện, báo cáo kết quả trước ngày 20/03/2026.",
        "2. Công dân (thông tin về người tố cáo được giữ bí mật): Tố cáo cán bộ địa chính nhận tiền.",
        "TM. ỦY BAN NHÂN DÂN",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    assert!(
        !text.contains("Trần Thị Kín"),
        "a denouncer is never named: {text}"
    );
    let again = desk.conclude_session(&after, &input).unwrap_err();
    assert!(format!("{again}").contains("đã có thông báo kết luận"));

    // On 19/03 the first is due soon; on 21/03 it is overdue; once done it leaves.
    let due = desk.due(d("2026-03-19"), 50).unwrap();
    assert_eq!(due.assignments.len(), 1);
    assert!(!due.assignments[0].overdue);
    let due = desk.due(d("2026-03-21"), 50).unwrap();
    assert!(due.assignments[0].overdue);
    assert_eq!(
        due.assignments[0].assignee,
        "Công chức địa chính - xây dựng"
    );
    let later = ctx("2026-03-21 09:00");
    assert!(
        desk.complete_assignment(&later, due.assignments[0].id, "2026-03-22")
            .is_err()
    );
    desk.complete_assignment(&later, due.assignments[0].id, "2026-03-21")
        .unwrap();
    assert!(
        desk.due(d("2026-03-21"), 50)
            .unwrap()
            .assignments
            .is_empty()
    );
    assert!(
        desk.complete_assignment(&later, due.assignments[0].id, "2026-03-21")
            .is_err()
    );
    assert_eq!(
        count(
            &dir,
            "SELECT count(*) FROM audit_log WHERE action = 'schedule.conclude'"
        ),
        1
    );
}

#[test]
fn with_no_plan_the_notice_says_so_and_the_ics_is_an_empty_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-04-20 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let file = desk
        .export_schedule_notice(d("2026-05-01"), d("2026-05-31"), c.now)
        .unwrap();
    let text = pdftotext(&file.path);
    assert!(
        text.contains("Chưa có buổi tiếp công dân định kỳ nào trong thời gian này."),
        "{text}"
    );
    let ics = desk
        .schedule_ics(d("2026-05-01"), d("2026-05-31"), None)
        .unwrap();
    let calendar: icalendar::Calendar = ics.parse().unwrap();
    assert!(calendar.components.is_empty(), "{ics}");
    assert!(desk.schedule(d("2026-05-31"), d("2026-05-01")).is_err());
}

#[test]
fn a_session_nobody_came_to_gets_its_record_and_one_with_a_visit_does_not() {
    use tiepdan_core::desk::EmptySessionInput;
    use tiepdan_core::domain::visit::Reception;
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-03-04 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.import(&c, TWO_MATTERS).unwrap();
    let plan = desk.add_plan(&c, &thursdays()).unwrap();
    let key = |day: &str| SessionKey {
        id: None,
        plan_id: Some(plan),
        planned_on: Some(day.into()),
    };
    let input = |day: &str| EmptySessionInput {
        session: key(day),
        members: vec![
            "Ông Lê Văn Tâm, công chức tư pháp - hộ tịch\n\n Bà Đinh Thị Hoa, công chức văn phòng "
                .into(),
        ],
    };
    // Not held yet: refused, nothing issued.
    let e = desk
        .print_empty_session_minutes(&c, &input("2026-03-05"))
        .unwrap_err();
    assert!(e.to_string().contains("chưa diễn ra"), "{e}");

    let after = ctx("2026-03-05 11:30");
    let doc = desk
        .print_empty_session_minutes(&after, &input("2026-03-05"))
        .unwrap();
    assert!(doc.number_label.contains("/BB-"), "{}", doc.number_label);
    assert_eq!(doc.title, "biên bản buổi tiếp không có công dân");
    let text = pdftotext(&doc.path);
    for words in [
        "BIÊN BẢN Về việc tiếp công dân định kỳ",
        "Hôm nay, vào hồi 07 giờ 30 phút ngày 05/03/2026",
        "1. Người chủ trì tiếp công dân: Chủ tịch Ủy ban nhân dân Phạm Văn Hùng.",
        "- Ông Lê Văn Tâm, công chức tư pháp - hộ tịch;",
        "- Bà Đinh Thị Hoa, công chức văn phòng;",
        "không có công dân nào đến trình bày",
        "NGƯỜI CHỦ TRÌ",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    assert!(!text.contains("……") && !text.contains(": ."), "{text}");
    // Printed again: the same document.
    let again = desk
        .print_empty_session_minutes(&after, &input("2026-03-05"))
        .unwrap();
    assert_eq!((again.id, again.reprint), (doc.id, true));

    // A week later someone came: no such record for that day.
    let mut v = complaint_visit();
    v.at = "2026-03-12T08:00".into();
    v.reception = Reception::Periodic;
    desk.record_visit(&ctx("2026-03-12 08:10"), &v).unwrap();
    let e = desk
        .print_empty_session_minutes(&ctx("2026-03-12 11:30"), &input("2026-03-12"))
        .unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert!(
        e.to_string()
            .contains("đã ghi 1 lượt tiếp của người đứng đầu"),
        "{e}"
    );
}
