//! Biểu 01/KQGQ and 02/KQGQ on an imported scenario (`tests/fixtures/kqgq_scenario.jsonl`):
//! every column for two quarters worked out by hand from the file; money and land in the
//! template's units in the JSON, the Excel file and the PDF; and results entered on a
//! petition through the core, with the bad inputs refused and nothing written.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::OutcomeKind;
use tiepdan_core::domain::outcome::Finding;
use tiepdan_core::domain::report::period::{Period, PeriodKind};
use tiepdan_core::domain::report::{RecordKind, Template};

const SCENARIO: &str = include_str!("../fixtures/kqgq_scenario.jsonl");

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

fn q1() -> Period {
    Period::of(PeriodKind::FirstQuarter, 2026)
}

fn q2() -> Period {
    Period::of(PeriodKind::SecondQuarter, 2026)
}

/// The id of the scenario's petition `r`.
fn id_of(dir: &tempfile::TempDir, r: &str) -> i64 {
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    conn.query_row("SELECT id FROM petitions WHERE ref = ?1", [r], |row| {
        row.get(0)
    })
    .unwrap()
}

const M: i64 = 1_000_000; // đồng in a million
const M2: i64 = 100; // hundredths of m² in a m²

#[test]
fn results_01_kqgq_for_two_quarters_match_the_hand_count() {
    let (_dir, desk) = desk();
    // Q1 (15/12/2025–14/03/2026): k2 carried over (accepted 05/12, resolved 10/02, late
    // against 07/01); k3 (same case kv1), k4 (withdrawn wholly 01/02), k5 (resolved
    // "wrong" 01/03, on time), k6 (accepted 05/03, open). k1 was resolved before the
    // period; k7 and later were accepted after it. Cases: kv1, k4, k5, k6.
    #[rustfmt::skip]
    let expected = [5, 1, 4,  4,  2, 1,  150 * M, 12_050,  30 * M, 0, 20 * M, 200 * M2,  1, 2,  2, 1,  0, 0, 0,
                    1, 1, 0,  0, 0,  1, 1];
    assert_eq!(values(&desk, Template::Kqgq01, q1()), expected);
    // Q2 (15/03–14/06): k3 and k6 carried over, k7 (terminated) and k8 accepted in it;
    // k6 a second-instance decision upholding the first (referred to investigation), k8
    // one annulling it (12,5 million returned to a person). k9 was declined, k10 is a
    // denunciation, k11 was accepted after the period.
    #[rustfmt::skip]
    let expected = [4, 2, 2,  4,  2, 0,  0, 0,  0, 0, 12_500_000, 0,  0, 1,  0, 0,  1, 2, 1,
                    0, 0, 0,  1, 1,  2, 0];
    assert_eq!(values(&desk, Template::Kqgq01, q2()), expected);
}

#[test]
fn carrying_out_02_kqgq_for_two_quarters_matches_the_hand_count() {
    let (_dir, desk) = desk();
    // Q1: k1's decision (10/12/2025, carried out 15/01), k2's (10/02, carried out in Q2)
    // and k5's (never carried out).
    #[rustfmt::skip]
    let expected = [3, 1,  150 * M, 12_050,  0, 0,  30 * M, 0, 40 * M, 200 * M2,  0, 0, 20 * M, 0,  0, 0,  0, 0, 0];
    assert_eq!(values(&desk, Template::Kqgq02, q1()), expected);
    // Q2: k2's (carried out 20/04), k5's, k6's (carried out 20/05: prosecution), k8's.
    #[rustfmt::skip]
    let expected = [4, 2,  150 * M, 12_050,  100 * M, 12_050,  30 * M, 0, 32_500_000, 200 * M2,
                    30 * M, 0, 20 * M, 0,  2, 1,  1, 2, 1];
    assert_eq!(values(&desk, Template::Kqgq02, q2()), expected);
}

#[test]
fn numbers_lead_to_their_records_and_print_in_millions_and_square_metres() {
    let (dir, desk) = desk();
    // Late (MS 26) is case kv1: both its petitions, k2 and k3.
    let late = desk.report_records(Template::Kqgq01, q1(), 26).unwrap();
    let mut ids: Vec<i64> = late.iter().map(|r| r.id).collect();
    ids.sort();
    let mut expected = vec![id_of(&dir, "k2"), id_of(&dir, "k3")];
    expected.sort();
    assert_eq!(ids, expected);
    assert!(late.iter().all(|r| r.kind == RecordKind::Petition));
    // Money to recover (MS 7) is counted from k2's decision only.
    let money = desk.report_records(Template::Kqgq01, q1(), 7).unwrap();
    assert_eq!(money.len(), 1);
    assert_eq!(money[0].id, id_of(&dir, "k2"));

    let view = desk.report(Template::Kqgq01, q1()).unwrap();
    assert_eq!(&view.texts[6..8], ["150", "120,5"]);
    let json = desk.report_json(Template::Kqgq02, q2()).unwrap();
    assert_eq!(json["template"], "02/KQGQ");
    assert_eq!(json["columns"]["4"], serde_json::json!(120.5));
    assert_eq!(json["columns"]["9"], serde_json::json!(32.5));
    assert_eq!(json["columns"]["1"], serde_json::json!(4));
}

#[test]
fn the_kqgq_excel_and_pdf_carry_the_headers_and_the_numbers_in_their_units() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let (_dir, desk) = desk();
    let file = desk
        .export_report_xlsx(Template::Kqgq01, q1(), at("2026-11-24 08:00"))
        .unwrap();
    let mut book: Xlsx<_> = open_workbook(&file.path).unwrap();
    let name = book.sheet_names()[0].clone();
    let sheet = book.worksheet_range(&name).unwrap();
    let cells: Vec<String> = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    for words in [
        "Biểu số: 01/KQGQ",
        "Đơn khiếu nại thuộc thẩm quyền",
        "Kiến nghị thu hồi cho Nhà nước",
        "Tiền (Trđ)",
        "Đất (m2)",
        "Công nhận QĐ g/q lần đầu",
        "5=20+21+22+23+24",
    ] {
        assert!(
            cells.iter().any(|c| c == words),
            "{words:?} not in the sheet"
        );
    }
    let data_row: Vec<f64> = sheet
        .rows()
        .find(|r| {
            r.first()
                .is_some_and(|c| *c == Data::String("Ủy ban nhân dân xã Ba Tơ".into()))
        })
        .unwrap()
        .iter()
        .skip(1)
        .map(|c| match c {
            Data::Float(f) => *f,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        &data_row[..9],
        [5.0, 1.0, 4.0, 4.0, 2.0, 1.0, 150.0, 120.5, 30.0]
    );

    let file = desk
        .export_report_pdf(Template::Kqgq02, q2(), at("2026-06-20 08:00"))
        .unwrap();
    let text = pdftotext(&file.path);
    for words in [
        "Biểu số: 02/KQGQ",
        "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI",
        "Thu hồi cho nhà nước",
        "Đã khởi tố",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    let row = text.split("Ủy ban nhân dân xã Ba Tơ").last().unwrap();
    let numbers: Vec<&str> = row.split_whitespace().take(19).collect();
    assert_eq!(
        numbers.join(" "),
        "4 2 150 120,5 100 120,5 30 0 32,5 200 30 0 20 0 2 1 1 2 1"
    );
}

fn messages(e: tiepdan_core::error::Error) -> Vec<String> {
    match e {
        tiepdan_core::error::Error::Invalid(f) => f.into_iter().map(|f| f.message_vi).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn results_entered_on_a_petition_reach_the_tables_and_bad_ones_are_refused() {
    let (dir, mut desk) = desk();
    let c = ctx("2026-06-10 09:00");
    let k3 = id_of(&dir, "k3");
    let events = || -> i64 {
        let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
        conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap()
    };
    let before = events();

    // Bad inputs: nothing is written.
    let mut bad = outcome(k3, "2026-06-01", OutcomeKind::Resolved);
    let m = messages(desk.record_outcome(&c, &bad).unwrap_err());
    assert!(m.iter().any(|m| m.contains("Chọn kết luận")), "{m:?}");
    bad.result = Some(Finding::Right);
    bad.results.insert("money_recovered".into(), -5.0);
    bad.results.insert("gold_bars".into(), 1.0);
    let m = messages(desk.record_outcome(&c, &bad).unwrap_err());
    assert!(m.iter().any(|m| m.contains("không âm")), "{m:?}");
    assert!(m.iter().any(|m| m.contains("gold_bars")), "{m:?}");
    let mut bad = outcome(k3, "2026-06-30", OutcomeKind::Resolved);
    bad.result = Some(Finding::Right);
    let m = messages(desk.record_outcome(&c, &bad).unwrap_err());
    assert!(m.iter().any(|m| m.contains("tương lai")), "{m:?}");
    let m = messages(
        desk.record_outcome(&c, &outcome(k3, "2026-06-01", OutcomeKind::Enforced))
            .unwrap_err(),
    );
    assert!(m.iter().any(|m| m.contains("chưa có quyết định")), "{m:?}");
    let m = messages(
        desk.record_outcome(&c, &outcome(k3, "2026-06-01", OutcomeKind::Terminated))
            .unwrap_err(),
    );
    assert!(m.iter().any(|m| m.contains("lý do đình chỉ")), "{m:?}");
    let declined = id_of(&dir, "k9");
    let mut not_accepted = outcome(declined, "2026-06-01", OutcomeKind::Resolved);
    not_accepted.result = Some(Finding::Wrong);
    let m = messages(desk.record_outcome(&c, &not_accepted).unwrap_err());
    assert!(m.iter().any(|m| m.contains("chưa được thụ lý")), "{m:?}");
    let mut twice = outcome(id_of(&dir, "k8"), "2026-06-01", OutcomeKind::Resolved);
    twice.result = Some(Finding::Wrong);
    let m = messages(desk.record_outcome(&c, &twice).unwrap_err());
    assert!(m.iter().any(|m| m.contains("đã có quyết định")), "{m:?}");
    let m = messages(
        desk.record_outcome(
            &c,
            &outcome(id_of(&dir, "k4"), "2026-06-01", OutcomeKind::Withdrawn),
        )
        .unwrap_err(),
    );
    assert!(m.iter().any(|m| m.contains("đã rút toàn bộ")), "{m:?}");
    let mut org = outcome(k3, "2026-06-01", OutcomeKind::Resolved);
    org.result = Some(Finding::Right);
    org.results.insert("money_returned".into(), 1_000_000.0);
    org.results.insert("money_returned_org".into(), 2_000_000.0);
    let m = messages(desk.record_outcome(&c, &org).unwrap_err());
    assert!(m.iter().any(|m| m.contains("tổ chức")), "{m:?}");
    assert_eq!(events(), before, "nothing written by a refused input");

    // k3 (case kv1, carried into Q2) resolved "partly right" on 01/06 with figures, then
    // carried out on 10/06.
    let mut resolved = outcome(k3, "2026-06-01", OutcomeKind::Resolved);
    resolved.result = Some(Finding::PartlyRight);
    resolved.decision = Some(" 30/QĐ-UBND ".into());
    resolved.results.insert("land_recovered_m2".into(), 75.25);
    resolved.results.insert("people_disciplined".into(), 1.0);
    desk.record_outcome(&c, &resolved).unwrap();
    let mut done = outcome(k3, "2026-06-10", OutcomeKind::Enforced);
    done.results.insert("land_recovered_m2".into(), 75.25);
    desk.record_outcome(&c, &done).unwrap();
    // Its acceptance (from the scenario), the decision and its carrying out.
    let shown: Vec<_> = desk
        .outcomes(k3)
        .unwrap()
        .into_iter()
        .filter(|o| o.kind != OutcomeKind::Accepted)
        .collect();
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].decision.as_deref(), Some("30/QĐ-UBND"));
    assert_eq!(
        shown[0].results["land_recovered_m2"],
        serde_json::json!(75.25)
    );
    let again = desk.record_outcome(&c, &done).unwrap_err();
    assert!(messages(again).iter().any(|m| m.contains("thi hành xong")));

    let t = values(&desk, Template::Kqgq01, q2());
    assert_eq!(
        (t[4], t[21], t[7], t[14]),
        (3, 1, 7_525, 1),
        "MS 5, 22, 8, 15"
    );
    let t = values(&desk, Template::Kqgq02, q2());
    assert_eq!(
        (t[0], t[1], t[3], t[5]),
        (5, 3, 12_050 + 7_525, 12_050 + 7_525)
    );
    // The resolution met k3's deadline: its status is closed in an export as of today.
    let deadlines = desk.deadlines(k3, c.now.date()).unwrap();
    let resolve = deadlines
        .deadlines
        .iter()
        .find(|d| d.name == tiepdan_core::rules::deadlines::DeadlineName::Resolve)
        .unwrap();
    assert_eq!(
        resolve.met_on.map(|d| d.to_string()).as_deref(),
        Some("2026-06-01")
    );
}

#[test]
fn the_written_report_is_a_word_draft_with_the_tables_figures() {
    let (dir, desk) = desk();
    let bytes = desk
        .written_report_docx(q1(), at("2026-03-20 08:00").date())
        .unwrap();
    let text = docx_text(&bytes);
    for words in [
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
        "ỦY BAN NHÂN DÂN XÃ BA TƠ",
        "Số: ……/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ba Tơ, ngày 20 tháng 3 năm 2026",
        "BÁO CÁO",
        "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo quý I năm 2026",
        "(Số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026)",
        // 01/KQGQ for Q1, as the tables give it.
        "Đơn khiếu nại thuộc thẩm quyền: 5 đơn (kỳ trước chuyển sang 1, tiếp nhận trong kỳ 4), 4 vụ việc.",
        "Đã giải quyết 2 vụ việc bằng quyết định hành chính (giải quyết lần đầu: 1 vụ việc khiếu nại đúng, 1 sai",
        "Giải quyết đúng thời hạn 1 vụ việc, không đúng thời hạn 1 vụ việc.",
        "kiến nghị thu hồi cho Nhà nước 150 triệu đồng và 120,5 m² đất",
        // 02/KQGQ.
        "3 quyết định phải thực hiện, đã thực hiện xong 1 quyết định",
        "IV. ĐÁNH GIÁ, NHẬN XÉT",
        "TM. ỦY BAN NHÂN DÂN",
        "Phạm Văn Hùng",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    // The figures are the tables': 01/XLD's first number is the petitions to handle.
    let xld = desk.report(Template::Xld01, q1()).unwrap();
    assert!(text.contains(&format!("Tổng số đơn phải xử lý: {} đơn", xld.texts[0])));

    // The command line writes the same draft for the six months.
    let out = dir.path().join("bao-cao.docx");
    let o = cli(&[
        "--data",
        dir.path().to_str().unwrap(),
        "report",
        "--format",
        "docx",
        "--from",
        "2025-12-15",
        "--to",
        "2026-06-14",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("báo cáo bằng văn bản"),
        "{}",
        stdout(&o)
    );
    let text = docx_text(&std::fs::read(&out).unwrap());
    assert!(text.contains("tố cáo 6 tháng đầu năm 2026"), "{text}");
    // A template that does not exist is named in the message; nothing is written.
    let o = cli(&[
        "--data",
        dir.path().to_str().unwrap(),
        "report",
        "--template",
        "05/KQGQ",
        "--from",
        "2025-12-15",
        "--to",
        "2026-06-14",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("01/KQGQ, 02/KQGQ"), "{}", stderr(&o));
}

#[test]
fn an_office_with_no_petitions_gets_a_written_report_of_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-06-20 08:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let bytes = desk.written_report_docx(q2(), c.now.date()).unwrap();
    let text = docx_text(&bytes);
    assert!(
        text.contains("Tổng số lượt tiếp công dân: 0 lượt, với 0 người, về 0 vụ việc."),
        "{text}"
    );
    assert!(
        text.contains("Đơn khiếu nại thuộc thẩm quyền: 0 đơn"),
        "{text}"
    );
    assert!(
        values(&desk, Template::Kqgq01, q2())
            .iter()
            .all(|v| *v == 0)
    );
}
