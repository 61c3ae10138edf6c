//! The statistical reports on an imported scenario (`tests/fixtures/report_scenario.jsonl`):
//! every column of 01/TCD and 01/XLD for two quarters, worked out by hand from the file,
//! the records behind a number, and the JSON of "Reports as data".

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::domain::report::Template;
use tiepdan_core::domain::report::period::{Period, PeriodKind};

const SCENARIO: &str = include_str!("../fixtures/report_scenario.jsonl");

fn desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-24 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.import(&c, SCENARIO).unwrap();
    (dir, desk)
}

fn values(desk: &Desk, template: Template, period: Period) -> Vec<i64> {
    let view = desk.report(template, period).unwrap();
    assert!(view.broken.is_empty(), "{:?}", view.broken);
    view.values
}

#[test]
fn reception_01_tcd_for_two_quarters_matches_the_hand_count() {
    let (_dir, desk) = desk();
    // Q1: v1, v2 (a crowd of 7) regular; v3, v4 (a crowd of 6, both repeats) at the chair's
    // periodic day 12/02; v5 delegated ad hoc.
    #[rustfmt::skip]
    let q1 = [5, 17, 5,   2, 8, 2, 0, 1, 7, 1, 0,   1, 2, 7, 0, 2, 1, 6, 0, 1,   1, 1, 2, 1, 0, 0, 0, 0, 0];
    assert_eq!(
        values(
            &desk,
            Template::Tcd01,
            Period::of(PeriodKind::FirstQuarter, 2026)
        ),
        q1
    );
    // Q2: v6 a regular repeat; v7 a crowd of 5 at the chair's day; v8 delegated; v9 is
    // after 14/06.
    #[rustfmt::skip]
    let q2 = [3, 7, 3,   1, 1, 0, 1, 0, 0, 0, 0,   1, 1, 5, 1, 0, 1, 5, 1, 0,   1, 1, 1, 1, 0, 0, 0, 0, 0];
    assert_eq!(
        values(
            &desk,
            Template::Tcd01,
            Period::of(PeriodKind::SecondQuarter, 2026)
        ),
        q2
    );
}

#[test]
fn handling_01_xld_for_two_quarters_matches_the_hand_count() {
    let (_dir, desk) = desk();
    // Q1: p0 carried over and unhandled; p1 accepted (its case resolved once); p2
    // transferred; p3 filed (not eligible); p4 handled only on 16/03; p5 returned.
    #[rustfmt::skip]
    let q1 = [6, 1, 5, 4, 2,   3, 3,   1, 1, 1,   1, 0, 2,   1, 1, 0, 0,   2, 0, 2, 0,   0];
    assert_eq!(
        values(
            &desk,
            Template::Xld01,
            Period::of(PeriodKind::FirstQuarter, 2026)
        ),
        q1
    );
    // Q2: p0 and p4 carried over; p6 declined; p7 a reminder on a case resolved once; p8
    // handled after the period; p2's reply arrived on 01/04.
    #[rustfmt::skip]
    let q2 = [5, 2, 3, 3, 2,   3, 3,   2, 0, 1,   1, 0, 2,   1, 1, 0, 0,   2, 1, 0, 1,   1];
    assert_eq!(
        values(
            &desk,
            Template::Xld01,
            Period::of(PeriodKind::SecondQuarter, 2026)
        ),
        q2
    );
}

#[test]
fn a_number_leads_to_its_records_and_the_report_is_data_too() {
    let (_dir, desk) = desk();
    let q1 = Period::of(PeriodKind::FirstQuarter, 2026);
    // 01/XLD MS 5: not handled by 14/03 — p0 and p4.
    let records = desk.report_records(Template::Xld01, q1, 5).unwrap();
    let mut summaries: Vec<&str> = records.iter().map(|r| r.label.as_str()).collect();
    summaries.sort();
    assert_eq!(
        summaries,
        [
            "Kiến nghị sửa đường liên thôn",
            "Phản ánh việc cấp giấy chứng nhận chậm"
        ]
    );
    // 01/TCD MS 16: the chair received two cases again on 12/02.
    let records = desk.report_records(Template::Tcd01, q1, 16).unwrap();
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r.date == "2026-02-12"));
    let e = desk
        .report_records(Template::Tcd01, q1, 30)
        .unwrap_err()
        .to_data();
    assert!(e.fields[0].message_vi.contains("không có cột số 30"));

    let json = desk
        .report_json(Template::Xld01, Period::of(PeriodKind::SixMonths, 2026))
        .unwrap();
    assert_eq!(json["template"], "01/XLD");
    assert_eq!(json["from"], "2025-12-15");
    assert_eq!(json["to"], "2026-06-14");
    assert_eq!(json["office"], "Ủy ban nhân dân xã Ba Tơ");
    let cols = json["columns"].as_object().unwrap();
    assert_eq!(cols.len(), 22);
    assert_eq!(
        cols["1"].as_i64().unwrap(),
        cols["2"].as_i64().unwrap() + cols["3"].as_i64().unwrap()
    );
}

#[test]
fn the_excel_file_has_the_templates_header_merges_ms_row_and_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let (_dir, desk) = desk();
    let q1 = Period::of(PeriodKind::FirstQuarter, 2026);
    let file = desk
        .export_report_xlsx(Template::Tcd01, q1, at("2026-11-24 08:00"))
        .unwrap();
    let mut book: Xlsx<_> = open_workbook(&file.path).unwrap();
    book.load_merged_regions().unwrap();
    let sheet = book.worksheet_range("01 TCD").unwrap();
    let text = |r: u32, c: u32| match sheet.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(text(0, 14), "Biểu số: 01/TCD");
    assert_eq!(text(1, 0), "ỦY BAN NHÂN DÂN XÃ BA TƠ");
    assert!(text(3, 0).starts_with("TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN"));
    assert_eq!(text(4, 0), "Báo cáo quý I năm 2026");
    assert_eq!(
        text(5, 0),
        "(Số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026)"
    );
    // Header rows 7–10, the MS row 11, the office's numbers on row 12.
    assert_eq!(text(7, 0), "Đơn vị");
    assert_eq!(text(7, 4), "Tiếp thường xuyên");
    assert_eq!(text(8, 12), "Thủ trưởng tiếp");
    assert_eq!(text(9, 15), "Số vụ việc");
    assert_eq!(text(10, 15), "Tiếp lần đầu");
    assert_eq!(text(11, 0), "MS");
    assert_eq!(text(11, 1), "1=4+13+22");
    assert_eq!(text(11, 3), "3=6+7+15+16+24+25");
    for ms in 4..=29u32 {
        assert_eq!(text(11, ms), ms.to_string());
    }
    let numbers: Vec<i64> = (1..=29u32)
        .map(|c| match sheet.get_value((12, c)) {
            Some(Data::Float(f)) => *f as i64,
            other => panic!("column {c}: {other:?}"),
        })
        .collect();
    assert_eq!(numbers, desk.report(Template::Tcd01, q1).unwrap().values);
    type Merge = (String, (u32, u32), (u32, u32));
    let merges: Vec<Merge> = book
        .merged_regions_by_sheet("01 TCD")
        .iter()
        .map(|(_, _, d)| (text(d.start.0, d.start.1), d.start, d.end))
        .collect();
    for expected in [
        ("Đơn vị".to_owned(), (7, 0), (10, 0)),
        ("Tổng số lượt tiếp".to_owned(), (7, 1), (10, 1)),
        ("Tiếp thường xuyên".to_owned(), (7, 4), (7, 11)),
        (
            "Tiếp định kỳ và đột xuất của Thủ trưởng".to_owned(),
            (7, 12),
            (7, 29),
        ),
        ("Ủy quyền tiếp".to_owned(), (8, 21), (8, 29)),
        ("Trong đó đoàn đông người".to_owned(), (8, 8), (8, 11)),
    ] {
        assert!(merges.contains(&expected), "{expected:?} not in {merges:?}");
    }
}

#[test]
fn a_submitted_report_is_frozen_and_a_rerun_shows_what_changed_since() {
    let (_dir, mut desk) = desk();
    let q1 = Period::of(PeriodKind::FirstQuarter, 2026);
    assert!(desk.report_changes(Template::Xld01, q1).unwrap().is_none());
    let sent = desk
        .submit_report(
            &ctx("2026-03-16 08:00"),
            Template::Xld01,
            q1,
            "Gửi Thanh tra tỉnh",
        )
        .unwrap();
    assert_eq!(sent.values[0], 6);
    let same = desk.report_changes(Template::Xld01, q1).unwrap().unwrap();
    assert!(same.changed.is_empty());
    assert_eq!(same.submitted.sha256, sent.sha256);

    // The rows cannot be changed or removed, even from SQL.
    let conn = desk.store().conn();
    let e = conn
        .execute("UPDATE submitted_reports SET columns = '{}'", [])
        .unwrap_err();
    assert!(e.to_string().contains("không được sửa"), "{e}");
    assert!(conn.execute("DELETE FROM submitted_reports", []).is_err());

    // A late entry: p4 was in fact handled on 12/03 (guided).
    conn.execute(
        "UPDATE events SET on_date = '2026-03-12' WHERE kind = 'handled' AND action = 'guide'",
        [],
    )
    .unwrap();
    let late = desk.report_changes(Template::Xld01, q1).unwrap().unwrap();
    let changed: Vec<(u16, i64, i64)> = late
        .changed
        .iter()
        .map(|c| (c.ms, c.submitted, c.now))
        .collect();
    // Handled 4 → 5, unhandled 2 → 1, eligible 3 → 4 (cases 3 → 4), recommendation 1 → 2,
    // not yet resolved 2 → 3, outside competence 2 → 3 (guided 0 → 1).
    assert_eq!(
        changed,
        [
            (4, 4, 5),
            (5, 2, 1),
            (6, 3, 4),
            (7, 3, 4),
            (10, 1, 2),
            (13, 2, 3),
            (18, 2, 3),
            (19, 0, 1)
        ]
    );

    // A stored submission changed behind the app's back is reported, not trusted.
    conn.execute_batch(
        "DROP TRIGGER submitted_reports_no_update;
         UPDATE submitted_reports SET columns = replace(columns, '\"1\":6', '\"1\":7');",
    )
    .unwrap();
    let e = desk
        .report_changes(Template::Xld01, q1)
        .unwrap_err()
        .to_data();
    assert!(
        e.fields[0].message_vi.contains("không khớp mã kiểm tra"),
        "{e:?}"
    );
}

#[test]
fn the_first_handling_kept_on_each_petition_follows_every_change_of_events() {
    let (_dir, desk) = desk();
    let conn = desk.store().conn();
    // Whatever happens to events, the kept columns equal a fresh computation.
    let agrees = || -> bool {
        conn.query_row(
            "SELECT count(*) FROM petitions p WHERE
               p.handled_on IS NOT (SELECT e.on_date FROM events e WHERE e.petition_id = p.id
                  AND e.kind IN ('handled', 'accepted') ORDER BY e.on_date, e.id LIMIT 1)
               OR p.handled_action IS NOT (SELECT coalesce(e.action, 'accept') FROM events e
                  WHERE e.petition_id = p.id AND e.kind IN ('handled', 'accepted')
                  ORDER BY e.on_date, e.id LIMIT 1)",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
            == 0
    };
    assert!(agrees());
    let p0: i64 = conn
        .query_row(
            "SELECT id FROM petitions WHERE handled_on IS NULL LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let add = |on: &str, kind: &str, action: Option<&str>| {
        conn.execute(
            "INSERT INTO events (petition_id, on_date, kind, action, created_at) VALUES (?1, ?2, ?3, ?4, '2026-11-24T00:00:00')",
            rusqlite::params![p0, on, kind, action],
        )
        .unwrap();
    };
    add("2026-05-10", "handled", Some("transfer"));
    add("2026-05-03", "accepted", None);
    add("2026-05-03", "handled", Some("guide"));
    assert!(agrees());
    let (on, action): (String, String) = conn
        .query_row(
            "SELECT handled_on, handled_action FROM petitions WHERE id = ?1",
            [p0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((on.as_str(), action.as_str()), ("2026-05-03", "accept"));
    conn.execute(
        "DELETE FROM events WHERE petition_id = ?1 AND kind = 'accepted'",
        [p0],
    )
    .unwrap();
    assert!(agrees());
    conn.execute(
        "UPDATE events SET on_date = '2026-06-01' WHERE petition_id = ?1 AND action = 'guide'",
        [p0],
    )
    .unwrap();
    assert!(agrees());
    conn.execute("DELETE FROM events WHERE petition_id = ?1", [p0])
        .unwrap();
    assert!(agrees());
}

#[test]
fn the_pdf_is_a4_landscape_with_the_title_header_ms_row_and_numbers() {
    let (_dir, desk) = desk();
    let q2 = Period::of(PeriodKind::SecondQuarter, 2026);
    let file = desk
        .export_report_pdf(Template::Xld01, q2, at("2026-06-20 08:00"))
        .unwrap();
    let text = pdftotext(&file.path);
    for words in [
        "ỦY BAN NHÂN DÂN XÃ BA TƠ",
        "Biểu số: 01/XLD",
        "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
        "Báo cáo quý II năm 2026",
        "(Số liệu tính từ ngày 15/03/2026 đến ngày 14/06/2026)",
        "Tổng số đơn phải xử lý",
        "Đơn không thuộc thẩm quyền",
        "Kết quả xử lý đơn",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Phạm Văn Hùng",
        "ngày 20 tháng 6 năm 2026",
        &format!(
            "Mốc nhật ký thao tác khi lập biểu: {}",
            desk.audit_head().unwrap()
        ),
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    // The office's row: its name, then the 22 numbers of Q2 in order.
    let row = text.split("Ủy ban nhân dân xã Ba Tơ").last().unwrap();
    let numbers: Vec<&str> = row.split_whitespace().take(22).collect();
    assert_eq!(
        numbers.join(" "),
        "5 2 3 3 2 3 3 2 0 1 1 0 2 1 1 0 0 2 1 0 1 1"
    );
    let info = std::process::Command::new("pdfinfo")
        .arg(&file.path)
        .output()
        .unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("841.89 x 595.27"), "{info}");
}

#[test]
fn the_dashboard_trend_counts_petitions_by_month_and_field() {
    use tiepdan_core::domain::visit::Field;
    let (_dir, desk) = desk();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let t = desk.trend(today, 12).unwrap();
    assert_eq!(t.months.first().unwrap(), "2025-07");
    assert_eq!(t.months.last().unwrap(), "2026-06");
    let land = &t.series[0];
    assert_eq!(land.field, Field::Land);
    let at = |m: &str| t.months.iter().position(|x| x == m).unwrap();
    assert_eq!(land.counts[at("2025-12")], 1);
    assert_eq!(land.counts[at("2026-04")], 1);
    assert_eq!(land.counts[at("2026-05")], 1);
    assert_eq!(land.counts.iter().sum::<i64>(), 3);
    let total: i64 = t.series.iter().flat_map(|s| &s.counts).sum();
    assert_eq!(total, 9);
    // Three months: only April to June.
    let short = desk.trend(today, 3).unwrap();
    assert_eq!(short.months, ["2026-04", "2026-05", "2026-06"]);
    assert_eq!(short.series.iter().flat_map(|s| &s.counts).sum::<i64>(), 3);
}

#[test]
fn recommendations_and_feedback_04_xld_for_two_quarters_match_the_hand_count() {
    let (_dir, desk) = desk();
    // Q1: p0 carried over, unhandled; p4 received, handled only on 16/03; p5 returned to
    // the province (counted with transfers), a case of its own in "khác".
    #[rustfmt::skip]
    let q1 = [3, 1, 2, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0];
    assert_eq!(
        values(
            &desk,
            Template::Xld04,
            Period::of(PeriodKind::FirstQuarter, 2026)
        ),
        q1
    );
    // Q2: p0 still unhandled; p4 carried over and guided (policy).
    #[rustfmt::skip]
    let q2 = [2, 2, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0];
    assert_eq!(
        values(
            &desk,
            Template::Xld04,
            Period::of(PeriodKind::SecondQuarter, 2026)
        ),
        q2
    );
}

#[test]
fn complaints_02_xld_and_denunciations_03_xld_match_the_hand_count() {
    let (_dir, desk) = desk();
    let q1 = Period::of(PeriodKind::FirstQuarter, 2026);
    let q2 = Period::of(PeriodKind::SecondQuarter, 2026);
    // 02/XLD Q1: p1 accepted (land), its case resolved once, first instance.
    #[rustfmt::skip]
    let c1 = [1, 0, 1, 1, 0, 1, 1, 1,  1, 0, 1, 0, 0, 0, 0,  1, 0, 0, 0, 0,  1, 1, 0, 0, 0, 0,  0];
    assert_eq!(values(&desk, Template::Xld02, q1), c1);
    // Q2: p6 declined (not yet resolved); p7 a reminder on vv1, resolved once before.
    #[rustfmt::skip]
    let c2 = [2, 0, 2, 2, 0, 2, 2, 2,  2, 0, 2, 0, 0, 0, 0,  1, 0, 0, 0, 1,  1, 1, 0, 1, 0, 1,  0];
    assert_eq!(values(&desk, Template::Xld02, q2), c2);
    // 03/XLD Q1: p2 transferred (civil service); p3 anonymous, filed.
    #[rustfmt::skip]
    let d1 = [2, 0, 2, 2, 0, 2, 1, 1,  1, 0, 0, 1, 0, 0, 0, 0, 0,  0, 0, 1,  0, 0, 0, 1, 1, 0,  0];
    assert_eq!(values(&desk, Template::Xld03, q1), d1);
    // Q2: p8 received, handled after the period; p2's reply on 01/04.
    #[rustfmt::skip]
    let d2 = [1, 0, 1, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0,  0, 0, 0, 0, 0, 0,  1];
    assert_eq!(values(&desk, Template::Xld03, q2), d2);
}

#[test]
fn every_table_at_once_equals_each_table_alone() {
    let (_dir, desk) = desk();
    let half = Period::of(PeriodKind::SixMonths, 2026);
    let all = desk.compute_all_reports(half).unwrap();
    assert_eq!(all.len(), Template::ALL.len());
    for (t, template) in all.iter().zip(Template::ALL) {
        assert_eq!(t.template, template);
        assert_eq!(t.values, desk.report(template, half).unwrap().values);
    }
}

#[test]
fn a_petition_withdrawn_before_any_handling_is_not_carried_into_later_periods() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-24 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    let file = r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Một", "id_kind": "none", "address": "Thôn Đông"}
{"type": "petition", "ref": "r1", "received_on": "2026-01-05", "channel": "in_person", "kind": "recommendation", "field": "policy", "petitioners": ["c1"], "summary": "Kiến nghị rồi rút", "events": [{"on": "2026-01-10", "kind": "withdrawn"}]}
{"type": "petition", "ref": "r2", "received_on": "2026-01-06", "channel": "in_person", "kind": "recommendation", "field": "policy", "petitioners": ["c1"], "summary": "Kiến nghị rút một phần", "events": [{"on": "2026-01-11", "kind": "withdrawn", "partial": true}]}
"#;
    desk.import(&c, file).unwrap();
    // Q1: both received and not handled. Q2: only the partly withdrawn one is carried over.
    let q1 = values(
        &desk,
        Template::Xld01,
        Period::of(PeriodKind::FirstQuarter, 2026),
    );
    assert_eq!((q1[0], q1[1], q1[2], q1[4]), (2, 0, 2, 2), "MS 1, 2, 3, 5");
    let q2 = values(
        &desk,
        Template::Xld01,
        Period::of(PeriodKind::SecondQuarter, 2026),
    );
    assert_eq!((q2[0], q2[1], q2[4]), (1, 1, 1), "MS 1, 2, 5");
}
