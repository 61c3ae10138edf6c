//! Scanned documents attached to a petition and a visit: recognised and refused by their
//! first bytes, stored once per hash, listed on the receipt, and carried byte for byte by
//! a backup restored into another data directory.

use crate::common::*;
use base64::Engine;
use tiepdan_core::Desk;
use tiepdan_core::desk::{AttachInput, AttachmentOwner, PrintOptions, VisitForm};
use tiepdan_core::domain::report::Template;
use tiepdan_core::domain::report::period::{Period, PeriodKind};

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The smallest valid PNG: one transparent pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[test]
fn a_scanned_pdf_is_attached_listed_on_the_receipt_and_survives_backup_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    let petition = complaint(&mut desk);
    let c = ctx("2026-02-04 10:00");
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let visit: i64 = conn
        .query_row(
            "SELECT visit_id FROM petitions WHERE id = ?1",
            [petition],
            |r| r.get(0),
        )
        .unwrap();
    // A real PDF standing for the scan: a report the app prints.
    let scan = desk
        .report_pdf(
            Template::Tcd01,
            Period::of(PeriodKind::FirstQuarter, 2026),
            c.now.date(),
        )
        .unwrap();
    let input = |owner, owner_id, name: &str, bytes: &[u8]| AttachInput {
        owner,
        owner_id,
        file_name: name.into(),
        content_base64: b64(bytes),
    };
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };

    // Refused, with nothing written: a program, an empty file, garbage, no such petition.
    for (bad, words) in [
        (
            input(
                AttachmentOwner::Petition,
                petition,
                "setup.exe",
                b"MZ\x90\x00rest",
            ),
            "không phải PDF hay ảnh",
        ),
        (
            input(AttachmentOwner::Petition, petition, "rong.pdf", b""),
            "Tệp rỗng",
        ),
        (
            AttachInput {
                content_base64: "không phải base64!".into(),
                ..input(AttachmentOwner::Petition, petition, "x.pdf", b"")
            },
            "Không đọc được",
        ),
        (
            input(AttachmentOwner::Petition, 9999, "don.pdf", &scan),
            "Không tìm thấy hồ sơ",
        ),
    ] {
        let e = desk.attach(&c, &bad).unwrap_err();
        assert!(format!("{e}").contains(words), "{words:?} not in {e}");
    }
    assert_eq!((count("attachments"), count("attachment_blobs")), (0, 0));

    let pdf = desk
        .attach(
            &c,
            &input(
                AttachmentOwner::Petition,
                petition,
                "don-khieu-nai-ban-quet.pdf",
                &scan,
            ),
        )
        .unwrap();
    assert_eq!(pdf.media_type, "application/pdf");
    assert_eq!(pdf.size_bytes as usize, scan.len());
    assert!(pdf.thumbnail.is_none());
    let photo = desk
        .attach(
            &c,
            &input(AttachmentOwner::Visit, visit, "anh-giay-to.png", PNG),
        )
        .unwrap();
    assert!(
        photo
            .thumbnail
            .as_deref()
            .unwrap()
            .starts_with("data:image/png;base64,iVBORw0KGgo")
    );
    // The same scan attached again to the visit: one stored copy.
    desk.attach(
        &c,
        &input(AttachmentOwner::Visit, visit, "ban-sao.pdf", &scan),
    )
    .unwrap();
    assert_eq!((count("attachments"), count("attachment_blobs")), (3, 2));

    let receipt = desk
        .print_visit_document(&c, visit, VisitForm::Receipt, &PrintOptions::default())
        .unwrap();
    let text = pdftotext(&receipt.path);
    assert!(
        text.contains("Bản điện tử: don-khieu-nai-ban-quet.pdf"),
        "{text}"
    );
    assert!(text.contains("Bản điện tử: anh-giay-to.png"), "{text}");

    // A backup restored into another data directory carries the scan byte for byte.
    let backup = desk.backup_now(&c, None).unwrap();
    let other = tempfile::tempdir().unwrap();
    let (mut restored, _) = tiepdan_core::desk::restore_data_dir(
        other.path(),
        std::path::Path::new(&backup.path),
        None,
        &c,
    )
    .unwrap();
    let (name, bytes) = restored.attachment_bytes(&c, pdf.id).unwrap();
    assert_eq!(name, "don-khieu-nai-ban-quet.pdf");
    assert_eq!(bytes, scan, "byte for byte");
    let out = restored.export_attachment(&c, pdf.id).unwrap();
    assert_eq!(std::fs::read(&out.path).unwrap(), scan);

    // A stored copy changed behind the app's back is refused, not shown.
    drop(restored);
    let other_db = rusqlite::Connection::open(db(other.path())).unwrap();
    other_db
        .execute(
            "UPDATE attachment_blobs SET content = x'255044462D00' WHERE sha256 = ?1",
            [&pdf.sha256],
        )
        .unwrap();
    let reopened = Desk::open(other.path(), c.now).unwrap();
    let e = reopened.attachment_bytes(&c, pdf.id).unwrap_err();
    assert!(format!("{e}").contains("không khớp mã kiểm tra"), "{e}");
}
