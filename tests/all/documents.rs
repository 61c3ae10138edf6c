//! Documents issued from a recorded visit: numbered in the yearly register, stored with
//! their hash, reprinted identically, read back with pdftotext.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{PrintOptions, VisitForm};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::{IdKind, Sex};
use tiepdan_core::domain::visit::*;

fn person(name: &str, id: &str, year: i32, gender: Sex) -> CitizenRef {
    CitizenRef::New(CitizenInput {
        full_name: name.into(),
        id_kind: IdKind::Cccd,
        id_number: Some(id.into()),
        birth_year: Some(year),
        gender: Some(gender),
        address: "Thôn Gò Khế, xã Ba Tơ".into(),
        phone: Some("0905123456".into()),
        ..CitizenInput::default()
    })
}

fn petition(kind: PetitionKind, summary: &str, paper: &str) -> PetitionInput {
    PetitionInput {
        kind,
        field: Field::Land,
        summary: summary.into(),
        anonymous: false,
        respondent_role: None,
        respondent_name: None,
        instance: None,
        contested_on: None,
        decision_kind: None,
        oral: false,
        papers: vec![PaperInput {
            title: paper.into(),
            original: false,
            certified: false,
            pages: Some(4),
        }],
        subfield: None,
    }
}

/// A group of six, two of them speaking for it, handing in two petitions.
fn group_visit() -> VisitInput {
    VisitInput {
        at: "2026-11-23T08:40".into(),
        reception: Reception::Regular,
        received_by: ReceivedBy::Head,
        citizens: vec![
            person("Hồ Văn Đạt", "051068000101", 1968, Sex::Male),
            person("Phạm Thị Xuân", "051170000102", 1970, Sex::Female),
            person("Đinh Văn Bốn", "051075000103", 1975, Sex::Male),
        ],
        representatives: vec![0, 1],
        people: 6,
        case: CaseChoice::New,
        summary: "Đoàn 6 hộ dân thôn Gò Khế phản ánh việc bồi thường".into(),
        outcome: "Chủ tịch tiếp nhận, giao cán bộ địa chính kiểm tra".into(),
        petitions: vec![
            petition(
                PetitionKind::Complaint,
                "Khiếu nại phương án bồi thường đường ĐT 623",
                "Phương án bồi thường số 45/PA-UBND",
            ),
            petition(
                PetitionKind::Recommendation,
                "Kiến nghị làm lại mương thoát nước",
                "Ảnh chụp hiện trạng mương",
            ),
        ],
    }
}

fn ready() -> (tempfile::TempDir, Desk, i64) {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let v = desk.record_visit(&c, &group_visit()).unwrap();
    (dir, desk, v.visit_id)
}

#[test]
fn a_group_receipt_names_both_representatives_and_every_paper() {
    let (_dir, mut desk, visit) = ready();
    let c = ctx("2026-11-23 09:05");
    let doc = desk
        .print_visit_document(&c, visit, VisitForm::Receipt, &PrintOptions::default())
        .unwrap();
    assert_eq!(doc.number_label, "01/GBN-UBND");
    assert!(!doc.reprint);
    let text = pdftotext(&doc.path);
    for expected in [
        "Số: 01/GBN-UBND",
        "Đã nhận của Ông: Hồ Văn Đạt.",
        "đại diện cho đoàn 6 người; người đại diện khác: Bà Phạm Thị Xuân",
        "051068000101",
        "Đơn khiếu nại: Khiếu nại phương án bồi thường đường ĐT 623",
        "Đơn kiến nghị: Kiến nghị làm lại mương thoát nước",
        "1. Phương án bồi thường số 45/PA-UBND (bản sao, 4 trang);",
        "2. Ảnh chụp hiện trạng mương (bản sao, 4 trang).",
        "lập thành 02 bản",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    assert!(
        !text.contains("Đinh Văn Bốn"),
        "only the representatives are named"
    );
    // The receiving officer is named (here the test's actor), never a dotted blank.
    assert!(text.contains("kiểm thử"), "{text}");
    assert!(!text.contains("……"), "{text}");
}

#[test]
fn printing_again_gives_the_same_file_and_number_and_new_documents_take_the_next_number() {
    let (_dir, mut desk, visit) = ready();
    let first = desk
        .print_visit_document(
            &ctx("2026-11-23 09:05"),
            visit,
            VisitForm::Receipt,
            &PrintOptions::default(),
        )
        .unwrap();
    let bytes = std::fs::read(&first.path).unwrap();
    std::fs::remove_file(&first.path).unwrap();
    let again = desk
        .print_visit_document(
            &ctx("2026-11-24 10:00"),
            visit,
            VisitForm::Receipt,
            &PrintOptions::default(),
        )
        .unwrap();
    assert!(again.reprint);
    assert_eq!(
        (again.id, &again.number_label, &again.sha256),
        (first.id, &first.number_label, &first.sha256)
    );
    assert_eq!(
        std::fs::read(&again.path).unwrap(),
        bytes,
        "byte-identical reprint"
    );

    let minutes = desk
        .print_visit_document(
            &ctx("2026-11-23 09:30"),
            visit,
            VisitForm::Minutes,
            &PrintOptions::default(),
        )
        .unwrap();
    assert_eq!(minutes.number_label, "02/BB-UBND");
    let text = pdftotext(&minutes.path);
    for expected in [
        "BIÊN BẢN",
        "Vào hồi 8 giờ 40 phút, ngày 23 tháng 11 năm 2026",
        "Người tiếp công dân: Phạm Văn Hùng, Chủ tịch Ủy ban nhân dân xã Ba Tơ",
        "đoàn 6 người, do 2 người đại diện",
        "Bà Phạm Thị Xuân",
        "Chủ tịch tiếp nhận, giao cán bộ địa chính kiểm tra",
        "kết thúc vào hồi 9 giờ 30 phút",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }

    let opts = PrintOptions {
        appointment_at: Some("2026-11-30T14:00".into()),
        appointment_place: None,
        appointment_purpose: Some("nhận văn bản trả lời".into()),
    };
    let slip = desk
        .print_visit_document(
            &ctx("2026-11-23 09:40"),
            visit,
            VisitForm::Appointment,
            &opts,
        )
        .unwrap();
    assert_eq!(slip.number_label, "03/PH-UBND");
    let text = pdftotext(&slip.path);
    assert!(
        text.contains("vào hồi 14 giờ 00 phút, ngày 30 tháng 11 năm 2026"),
        "{text}"
    );
    assert!(text.contains("Để: nhận văn bản trả lời."), "{text}");

    // A new year starts a new register.
    let next_year = desk
        .print_visit_document(
            &ctx("2027-01-02 08:00"),
            visit,
            VisitForm::Appointment,
            &PrintOptions {
                appointment_at: Some("2027-01-05T08:00".into()),
                ..opts
            },
        )
        .unwrap();
    assert_eq!(next_year.number_label, "01/PH-UBND");
    let audit: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'document.issue'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        audit, 4,
        "one audit row per issued document, none for the reprint"
    );
}

#[test]
fn a_bad_appointment_time_or_unknown_visit_issues_nothing() {
    let (_dir, mut desk, visit) = ready();
    let c = ctx("2026-11-23 09:05");
    for (at, expected) in [
        (None, "Chưa nhập hoặc nhập sai thời điểm hẹn"),
        (Some("30/11/2026"), "Chưa nhập hoặc nhập sai thời điểm hẹn"),
        (
            Some("2026-11-20T08:00"),
            "Thời điểm hẹn phải sau thời điểm hiện tại.",
        ),
        // A Saturday: the office is closed, the next working day is named.
        (
            Some("2026-12-05T08:00"),
            "Ngày hẹn 05/12/2026 là thứ Bảy, không phải ngày làm việc; ngày làm việc gần nhất sau đó là 07/12/2026.",
        ),
    ] {
        let opts = PrintOptions {
            appointment_at: at.map(String::from),
            ..PrintOptions::default()
        };
        let e = desk
            .print_visit_document(&c, visit, VisitForm::Appointment, &opts)
            .unwrap_err();
        assert!(
            e.to_string().contains(expected) || format!("{:?}", e.to_data()).contains(expected),
            "{e:?}"
        );
    }
    let e = desk
        .print_visit_document(
            &c,
            visit + 100,
            VisitForm::Receipt,
            &PrintOptions::default(),
        )
        .unwrap_err();
    assert!(
        format!("{:?}", e.to_data()).contains("Không có lượt tiếp số"),
        "{e:?}"
    );
    let n: i64 = desk
        .store()
        .conn()
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_tampered_stored_document_is_refused_not_reprinted() {
    let (_dir, mut desk, visit) = ready();
    let c = ctx("2026-11-23 09:05");
    desk.print_visit_document(&c, visit, VisitForm::Receipt, &PrintOptions::default())
        .unwrap();
    desk.store()
        .conn()
        .execute("UPDATE documents SET content = CAST('x' AS BLOB)", [])
        .unwrap();
    let e = desk
        .print_visit_document(&c, visit, VisitForm::Receipt, &PrintOptions::default())
        .unwrap_err();
    assert!(
        format!("{:?}", e.to_data()).contains("không khớp mã kiểm tra"),
        "{e:?}"
    );
}
