//! The registers as lists and as Excel files read back with calamine; a denouncer's
//! identity stays off both.

use crate::common::*;
use calamine::{Data, Reader, Xlsx, open_workbook};
use tiepdan_core::Desk;
use tiepdan_core::desk::{Register, RegisterFilter, WITHHELD};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::{IdKind, Sex};
use tiepdan_core::domain::visit::*;

fn person(name: &str, id: &str) -> CitizenRef {
    let gender = if id.as_bytes()[3] == b'1' {
        Sex::Female
    } else {
        Sex::Male
    };
    CitizenRef::New(CitizenInput {
        full_name: name.into(),
        id_kind: IdKind::Cccd,
        id_number: Some(id.into()),
        birth_year: Some(1968),
        gender: Some(gender),
        address: "Thôn Đông, xã Ba Tơ".into(),
        ..CitizenInput::default()
    })
}

fn visit(at: &str, who: CitizenRef, kind: PetitionKind, summary: &str) -> VisitInput {
    VisitInput {
        at: at.into(),
        reception: Reception::Regular,
        received_by: ReceivedBy::Officer,
        citizens: vec![who],
        representatives: vec![],
        people: 1,
        case: CaseChoice::New,
        summary: "Trình bày tại trụ sở".into(),
        outcome: "Tiếp nhận đơn".into(),
        petitions: vec![PetitionInput {
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
            papers: vec![],
            subfield: None,
        }],
    }
}

fn ready() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 16:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    desk.record_visit(
        &c,
        &visit(
            "2026-10-05T08:00",
            person("Nguyễn Văn Đức", "034068012345"),
            PetitionKind::Complaint,
            "Khiếu nại thu hồi đất",
        ),
    )
    .unwrap();
    desk.record_visit(
        &c,
        &visit(
            "2026-11-20T09:30",
            person("Lò Văn Kín", "034068099999"),
            PetitionKind::Denunciation,
            "Tố cáo cán bộ địa chính nhận tiền",
        ),
    )
    .unwrap();
    desk.record_visit(
        &c,
        &visit(
            "2026-11-21T10:00",
            person("Trần Thị Mơ", "034168000777"),
            PetitionKind::Recommendation,
            "Kiến nghị sửa đường liên thôn",
        ),
    )
    .unwrap();
    (dir, desk)
}

#[test]
fn registers_filter_by_date_text_and_kind_and_hide_denouncers() {
    let (_dir, desk) = ready();
    let all = desk.reception_register(&RegisterFilter::default()).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(
        all[0].who, "Trần Thị Mơ — Thôn Đông, xã Ba Tơ — 034168000777",
        "newest first"
    );
    assert_eq!(all[1].who, WITHHELD);
    let november = RegisterFilter {
        from: Some("2026-11-01".into()),
        to: Some("2026-11-30".into()),
        ..RegisterFilter::default()
    };
    assert_eq!(desk.reception_register(&november).unwrap().len(), 2);
    let text = RegisterFilter {
        text: Some("thu hoi".into()),
        ..RegisterFilter::default()
    };
    let found = desk.petition_register(&text, today()).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].who, "Nguyễn Văn Đức — Thôn Đông, xã Ba Tơ");
    assert_eq!(found[0].handling, "Chưa xử lý");
    let denunciations = RegisterFilter {
        kind: Some(PetitionKind::Denunciation),
        ..RegisterFilter::default()
    };
    let rows = desk.petition_register(&denunciations, today()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].who, WITHHELD);
    let listed = format!(
        "{:?}{:?}",
        desk.reception_register(&RegisterFilter::default()).unwrap(),
        desk.petition_register(&RegisterFilter::default(), today())
            .unwrap()
    );
    assert!(
        !listed.contains("Lò Văn Kín") && !listed.contains("034068099999"),
        "{listed}"
    );
    let limited = RegisterFilter {
        limit: 1,
        ..RegisterFilter::default()
    };
    assert_eq!(desk.petition_register(&limited, today()).unwrap().len(), 1);
}

#[test]
fn the_registers_open_in_a_spreadsheet_reader_with_every_row() {
    let (_dir, desk) = ready();
    let now = at("2026-11-23 16:05");
    let file = desk
        .export_register(Register::Reception, &RegisterFilter::default(), now)
        .unwrap();
    assert_eq!(file.rows, 3);
    assert!(
        file.path.ends_with("so-tiep-cong-dan-20261123-160500.xlsx"),
        "{}",
        file.path
    );
    let mut book: Xlsx<_> = open_workbook(&file.path).unwrap();
    let sheet = book.worksheet_range("SỔ TIẾP CÔNG DÂN").unwrap();
    let text = |r: u32, c: u32| match sheet.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(text(0, 0), "ỦY BAN NHÂN DÂN XÃ BA TƠ");
    assert_eq!(text(1, 0), "SỔ TIẾP CÔNG DÂN");
    assert_eq!(text(2, 0), "Toàn bộ sổ");
    assert_eq!(text(4, 2), "Họ tên — địa chỉ — số giấy tờ");
    assert_eq!((text(5, 0), text(5, 1)), ("1".into(), "21/11/2026".into()));
    assert!(text(5, 4).contains("Kiến nghị sửa đường liên thôn"));
    assert_eq!(text(6, 2), WITHHELD);
    assert_eq!(text(7, 8), "Lần đầu");

    let filter = RegisterFilter {
        from: Some("2026-11-01".into()),
        to: Some("2026-11-30".into()),
        ..RegisterFilter::default()
    };
    let file = desk
        .export_register(Register::Petitions, &filter, now)
        .unwrap();
    assert_eq!(file.rows, 2);
    let mut book: Xlsx<_> = open_workbook(&file.path).unwrap();
    let sheet = book.worksheet_range("SỔ THEO DÕI ĐƠN").unwrap();
    assert_eq!(
        sheet.get_value((2, 0)),
        Some(&Data::String(
            "Từ ngày 01/11/2026 đến ngày 30/11/2026".into()
        ))
    );
    assert_eq!(
        sheet.get_value((6, 3)),
        Some(&Data::String("Tố cáo".into()))
    );
    let all: String = sheet.rows().flatten().map(|d| d.to_string()).collect();
    assert!(!all.contains("Lò Văn Kín"));
}

/// A denunciation handed in together with another petition still hides the people; a
/// person known only as a denouncer is not offered by name at the desk; the visit opened
/// from a list shows no names.
#[test]
fn no_list_names_a_denouncer_even_beside_another_petition() {
    let (_dir, mut desk) = ready();
    let c = ctx("2026-11-23 16:00");
    let mut mixed = visit(
        "2026-11-22T08:00",
        person("Đặng Thị Rớt", "034168000555"),
        PetitionKind::Complaint,
        "Khiếu nại giá bồi thường",
    );
    let mut denunciation = mixed.petitions[0].clone();
    denunciation.kind = PetitionKind::Denunciation;
    denunciation.summary = "Tố cáo cán bộ thu tiền sai".into();
    mixed.petitions.push(denunciation);
    let v = desk.record_visit(&c, &mixed).unwrap();
    let rows = desk.reception_register(&RegisterFilter::default()).unwrap();
    let row = rows.iter().find(|r| r.visit_id == v.visit_id).unwrap();
    assert_eq!(row.who, WITHHELD);
    let listed = desk.visit_for_lists(v.visit_id).unwrap();
    assert!(listed.withheld && listed.people_named.is_empty());
    assert!(
        !desk.visit(v.visit_id).unwrap().people_named.is_empty(),
        "the desk's own view keeps them for the receipt"
    );
    // Lò Văn Kín came only to denounce: typing his name at the desk offers nobody.
    assert!(
        desk.find_citizens("Lò Văn Kín", None, 8)
            .unwrap()
            .is_empty()
    );
    // Nor his ID number: typed again, the person is registered as typed (the same record,
    // nothing stored before shown; tests/confidentiality.rs).
    let by_number = desk.find_citizens("", Some("034068099999"), 8).unwrap();
    assert!(by_number.is_empty(), "{by_number:?}");
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

#[test]
fn the_registers_print_as_pdf_on_landscape_pages_without_the_denouncer() {
    let (_dir, mut desk) = ready();
    let now = at("2026-11-23 16:05");
    let file = desk
        .export_register_pdf(Register::Petitions, &RegisterFilter::default(), now)
        .unwrap();
    assert_eq!(file.rows, 3);
    let text = pdftotext(&file.path);
    for words in [
        "ỦY BAN NHÂN DÂN XÃ BA TƠ",
        "SỔ THEO DÕI ĐƠN",
        "Toàn bộ sổ",
        "Nguyễn Văn Đức",
        "Khiếu nại thu hồi đất",
        "Kiến nghị sửa đường liên thôn",
        "Tố cáo cán bộ địa chính nhận tiền",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    assert!(
        !text.contains("Lò Văn Kín"),
        "the denouncer is named: {text}"
    );
    // A period with nothing in it still prints, and says so.
    let empty = RegisterFilter {
        from: Some("2025-01-01".into()),
        to: Some("2025-01-31".into()),
        ..RegisterFilter::default()
    };
    let none = desk
        .export_register_pdf(Register::Reception, &empty, now)
        .unwrap();
    assert_eq!(none.rows, 0);
    let text_none = pdftotext(&none.path);
    assert!(
        text_none.contains("Từ ngày 01/01/2025 đến ngày 31/01/2025"),
        "{text_none}"
    );
    assert!(text_none.contains("Không có dòng nào"), "{text_none}");
    let info = std::process::Command::new("pdfinfo")
        .arg(&file.path)
        .output()
        .unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("841.89 x 595.27"), "{info}");

    // Many rows run onto more pages, each with the header row again.
    let c = ctx("2026-11-23 16:10");
    for i in 0..60 {
        desk.record_visit(
            &c,
            &visit(
                &format!("2026-11-{:02}T08:{:02}", 1 + i % 20, i % 60),
                person(&format!("Người Thứ {}", i + 1), &format!("03406800{:04}", 2000 + i)),
                PetitionKind::Recommendation,
                "Kiến nghị về việc sửa chữa đường giao thông nông thôn liên thôn và hệ thống thoát nước dọc tuyến",
            ),
        )
        .unwrap();
    }
    let file = desk
        .export_register_pdf(Register::Reception, &RegisterFilter::default(), now)
        .unwrap();
    assert_eq!(file.rows, 63);
    let info = std::process::Command::new("pdfinfo")
        .arg(&file.path)
        .output()
        .unwrap();
    let pages: u32 = String::from_utf8(info.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap();
    assert!(pages >= 3, "{pages} pages");
    let text = pdftotext(&file.path);
    assert_eq!(text.matches("Ngày tiếp").count() as u32, pages);
}
