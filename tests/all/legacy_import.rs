//! Old registers kept in Excel, in the shapes communes keep them: a title, a two-row header
//! with a merged group, the "(1) (2) (3)" row, dates typed as text and stored as serial
//! numbers, blank and "Quý II" separator rows, names written with their address in one
//! cell, abbreviations for the kinds. Previewed with each row's problems, imported all or
//! nothing, and imported again without changing anything.

use crate::common::*;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};
use tiepdan_core::Desk;
use tiepdan_core::desk::RegisterFilter;
use tiepdan_core::domain::visit::PetitionKind;
use tiepdan_core::interchange::legacy::{LegacyField, LegacyRegister, serial_of};
use tiepdan_core::progress::Unwatched;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A Sổ tiếp công dân as a commune keeps it.
fn reception_register() -> Vec<u8> {
    let mut book = workbook();
    let s = book.add_worksheet().set_name("Năm 2024").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    s.merge_range(0, 0, 0, 6, "SỔ TIẾP CÔNG DÂN NĂM 2024", &Format::new())
        .unwrap();
    for (c, h) in ["STT", "Ngày tiếp", "Người đến"].iter().enumerate() {
        s.write(2, c as u16, *h).unwrap();
    }
    s.merge_range(2, 2, 2, 3, "Người đến", &Format::new())
        .unwrap();
    for (c, h) in [
        (4, "Nội dung vụ việc"),
        (5, "Phân loại"),
        (6, "Kết quả xử lý"),
    ] {
        s.write(2, c, h).unwrap();
    }
    s.write(3, 2, "Họ tên").unwrap();
    s.write(3, 3, "Địa chỉ").unwrap();
    for c in 0..7u16 {
        s.write(4, c, format!("({})", c + 1)).unwrap();
    }
    // A date as a date cell, a date typed as text, a serial number without a format.
    s.write(5, 0, 1).unwrap();
    s.write_with_format(
        5,
        1,
        rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 3, 12).unwrap(),
        &date,
    )
    .unwrap();
    s.write(5, 2, "Đinh Văn Lực").unwrap();
    s.write(5, 3, "Thôn Gò Da, xã Ba Tơ").unwrap();
    s.write(5, 4, "Tranh chấp ranh giới đất với hộ liền kề")
        .unwrap();
    s.write(5, 5, "KNPA").unwrap();
    s.write(5, 6, "Hướng dẫn công dân đến Tòa án").unwrap();
    // A blank row and a separator.
    s.write(7, 0, "Quý II").unwrap();
    s.write(8, 0, 2).unwrap();
    s.write(8, 1, "05/4/2024").unwrap();
    s.write(8, 2, "Phạm Thị Mai").unwrap();
    s.write(8, 3, "Tổ dân phố 2").unwrap();
    s.write(8, 4, "Khiếu nại quyết định thu hồi đất làm đường")
        .unwrap();
    s.write(8, 5, "KN").unwrap();
    s.write(8, 6, "Thụ lý giải quyết").unwrap();
    s.write(9, 0, 3).unwrap();
    s.write(9, 1, serial_of(day(2024, 5, 20))).unwrap();
    s.write(9, 2, "Đinh Văn Lực").unwrap();
    s.write(9, 3, "Thôn Gò Da, xã Ba Tơ").unwrap();
    s.write(9, 4, "Đề nghị sửa đường liên thôn").unwrap();
    s.write(9, 5, "Kiến nghị").unwrap();
    s.write(9, 6, "Chuyển đơn đến Phòng Kinh tế").unwrap();
    s.write(11, 4, "Người lập sổ").unwrap();
    // A sheet of notes with no register on it.
    book.add_worksheet()
        .set_name("Ghi chú")
        .unwrap()
        .write(0, 0, "Sổ chép lại từ bản giấy")
        .unwrap();
    book.save_to_buffer().unwrap()
}

/// A Sổ theo dõi đơn with names and addresses in one column; `bad` adds a row whose day
/// does not exist.
fn petitions_register(bad: bool) -> Vec<u8> {
    let mut book = workbook();
    let s = book.add_worksheet().set_name("Đơn thư").unwrap();
    for (c, h) in [
        "STT",
        "Ngày nhận đơn",
        "Họ tên, địa chỉ người gửi",
        "Nội dung",
        "Loại đơn",
        "Lĩnh vực",
    ]
    .iter()
    .enumerate()
    {
        s.write(0, c as u16, *h).unwrap();
    }
    let rows = [
        (
            "3/1/2024",
            "Hà Văn Tâm, thôn Làng Mạ",
            "Phản ánh đèn đường hỏng",
            "PA",
            "Khác",
        ),
        (
            "15-01-2024",
            "Lò Thị Hoa\nthôn Nước Lăng",
            "Tố cáo cán bộ địa chính nhận tiền",
            "TC",
            "Tham nhũng",
        ),
    ];
    for (i, (d, who, what, kind, field)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        s.write(r, 0, r).unwrap();
        s.write(r, 1, *d).unwrap();
        s.write(r, 2, *who).unwrap();
        s.write(r, 3, *what).unwrap();
        s.write(r, 4, *kind).unwrap();
        s.write(r, 5, *field).unwrap();
    }
    if bad {
        s.write(3, 0, 3).unwrap();
        s.write(3, 1, "31/02/2024").unwrap();
        s.write(3, 2, "Vũ Văn Sơn, thôn 1").unwrap();
        s.write(3, 3, "Kiến nghị cấp nước sạch").unwrap();
        s.write(3, 4, "đơn thư").unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// A workbook whose bytes do not depend on the day it is made.
fn workbook() -> Workbook {
    let mut book = Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 12, 5).unwrap()),
    );
    book
}

/// The window tests pick these files (`tests/fixtures/legacy/`): they are the registers
/// above, written again with `UPDATE_FIXTURES=1`, and must not drift from them.
#[test]
fn the_window_tests_registers_are_these() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy");
    let files = [
        ("so-tiep-cong-dan-2024.xlsx", reception_register()),
        ("so-theo-doi-don-loi.xlsx", petitions_register(true)),
        ("so-theo-doi-don.xlsx", petitions_register(false)),
    ];
    for (name, bytes) in files {
        let path = dir.join(name);
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        assert!(
            std::fs::read(&path).is_ok_and(|b| b == bytes),
            "{name} is out of date: run UPDATE_FIXTURES=1 cargo test -p tiepdan --test all legacy"
        );
    }
}

fn desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-12-05 08:00")).unwrap();
    desk.save_office(&ctx("2026-12-05 08:00"), &office())
        .unwrap();
    (dir, desk)
}

fn all() -> RegisterFilter {
    all_rows()
}

#[test]
fn a_reception_register_is_previewed_imported_and_imported_again_without_change() {
    let (_dir, mut desk) = desk();
    let c = ctx("2026-12-05 08:10");
    let bytes = reception_register();
    let p = desk.legacy_preview(&c, &bytes).unwrap();
    assert_eq!(p.skipped, ["Ghi chú"]);
    assert_eq!(p.sheets.len(), 1);
    assert_eq!(p.sheets[0].register, LegacyRegister::Reception);
    let fields: Vec<_> = p.sheets[0].columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some(LegacyField::Number),
            Some(LegacyField::Date),
            Some(LegacyField::Name),
            Some(LegacyField::Address),
            Some(LegacyField::Summary),
            Some(LegacyField::Kind),
            Some(LegacyField::Result)
        ]
    );
    assert_eq!(p.problems, 0, "{:?}", p.rows);
    let rows: Vec<_> = p
        .rows
        .iter()
        .map(|r| (r.row, r.received_on.clone().unwrap(), r.kind.unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            (6, "2024-03-12".into(), PetitionKind::Recommendation),
            (9, "2024-04-05".into(), PetitionKind::Complaint),
            (10, "2024-05-20".into(), PetitionKind::Recommendation),
        ]
    );
    assert_eq!(
        p.rows[0].field,
        tiepdan_core::domain::visit::Field::Land,
        "guessed from \"đất\""
    );
    assert!(p.rows[0].field_guessed);
    assert_eq!(
        p.rows[2].handling.as_deref(),
        Some("Chuyển đơn — Phòng Kinh tế")
    );

    let s = desk.legacy_import(&c, &bytes, &Unwatched).unwrap();
    assert_eq!(
        (s.citizens.created, s.petitions.created, s.visits.created),
        (2, 3, 3)
    );
    assert_eq!(s.agencies.created, 1);
    let visits = desk.reception_register(&all()).unwrap();
    assert_eq!(visits.len(), 3);
    assert!(
        visits
            .iter()
            .any(|v| v.who.contains("Phạm Thị Mai") && v.content.contains("thu hồi đất"))
    );
    let petitions = desk.petition_register(&all(), day(2026, 12, 5)).unwrap();
    let transferred = petitions
        .iter()
        .find(|p| p.summary.contains("đường liên thôn"))
        .unwrap();
    assert_eq!(transferred.handling, "Chuyển đơn");
    let bodies = desk.agencies().unwrap();
    assert!(
        bodies.iter().any(|a| a.name == "Phòng Kinh tế"),
        "{bodies:?}"
    );

    // The same file again: nothing new, nothing changed.
    let again = desk
        .legacy_import(&ctx("2026-12-05 08:20"), &bytes, &Unwatched)
        .unwrap();
    assert_eq!(again.created() + again.changed(), 0, "{again:?}");
    assert_eq!(desk.reception_register(&all()).unwrap().len(), 3);
}

#[test]
fn one_bad_row_refuses_the_whole_file_naming_its_sheet_and_row() {
    let (_dir, mut desk) = desk();
    let c = ctx("2026-12-05 08:10");
    let bytes = petitions_register(true);
    let p = desk.legacy_preview(&c, &bytes).unwrap();
    assert_eq!(p.sheets[0].register, LegacyRegister::Petitions);
    assert_eq!(p.rows.len(), 3);
    assert_eq!(p.problems, 1);
    assert_eq!(p.rows[0].full_name, "Hà Văn Tâm");
    assert_eq!(p.rows[0].address, "thôn Làng Mạ");
    assert_eq!(p.rows[1].full_name, "Lò Thị Hoa");
    assert_eq!(p.rows[1].kind, Some(PetitionKind::Denunciation));
    let bad = &p.rows[2];
    assert_eq!(bad.row, 4);
    assert!(
        bad.problems
            .iter()
            .any(|m| m.contains("31/02/2024") && m.contains("có thật")),
        "{:?}",
        bad.problems
    );
    assert!(
        bad.problems
            .iter()
            .any(|m| m.contains("\"đơn thư\" không rõ")),
        "{:?}",
        bad.problems
    );

    let e = desk.legacy_import(&c, &bytes, &Unwatched).unwrap_err();
    let data = e.to_data();
    assert_eq!(data.code, "invalid");
    assert!(
        data.fields
            .iter()
            .all(|f| f.message_vi.starts_with("Trang tính «Đơn thư», dòng 4:")),
        "{data:?}"
    );
    assert!(
        desk.petition_register(&all(), day(2026, 12, 5))
            .unwrap()
            .is_empty(),
        "nothing was imported"
    );

    // Fixed, it goes in whole; the denouncer's identity is sealed as any import's.
    let s = desk
        .legacy_import(&c, &petitions_register(false), &Unwatched)
        .unwrap();
    assert_eq!((s.petitions.created, s.visits.created), (2, 0));
    let rows = desk.petition_register(&all(), day(2026, 12, 5)).unwrap();
    let denunciation = rows
        .iter()
        .find(|r| r.kind == PetitionKind::Denunciation)
        .unwrap();
    assert!(
        !denunciation.who.contains("Lò Thị Hoa"),
        "{}",
        denunciation.who
    );
}

#[test]
fn what_is_not_a_register_is_refused_with_what_to_do() {
    let (_dir, mut desk) = desk();
    let c = ctx("2026-12-05 08:10");
    let e = desk
        .legacy_preview(&c, b"Ho ten;Dia chi\n")
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "file");
    assert!(e.fields[0].message_vi.contains(".xlsx"), "{e:?}");
    let mut book = Workbook::new();
    book.add_worksheet()
        .write(0, 0, "Danh sách cán bộ")
        .unwrap();
    let e = desk
        .legacy_preview(&c, &book.save_to_buffer().unwrap())
        .unwrap_err()
        .to_data();
    assert!(e.fields[0].message_vi.contains("dòng tiêu đề"), "{e:?}");
    // Only those who may import data may bring in a register.
    let mut reception = ctx("2026-12-05 08:10");
    reception.roles = tiepdan_core::domain::access::Roles::of(&[
        tiepdan_core::domain::officer::OfficerRole::Reception,
    ]);
    let e = desk
        .legacy_import(&reception, &reception_register(), &Unwatched)
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
}
