//! Citizens' rights over their data: what the office holds about a person, printed for them
//! without any link to a denunciation; corrections with a reason, audited before and after.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::CorrectionInput;
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::IdKind;

const FILE: &str = r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Đứt", "id_kind": "none", "address": "Thôn Đông, xã Ba Tơ"}
{"type": "petition", "ref": "p1", "received_on": "2026-03-02", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Khiếu nại việc bồi thường đất", "events": []}
{"type": "petition", "ref": "p2", "received_on": "2026-03-03", "channel": "in_person", "kind": "denunciation", "field": "civil_service", "petitioners": ["c1"], "respondent": {"role": "commune_official"}, "summary": "Tố cáo cán bộ địa chính nhận tiền", "events": []}
{"type": "visit", "ref": "v1", "at": "2026-03-02T08:00", "reception": "regular", "received_by": "officer", "citizens": ["c1"], "people": 1, "repeat": false, "summary": "Trình bày việc bồi thường", "petitions": ["p1"], "outcome": ""}
{"type": "visit", "ref": "v2", "at": "2026-03-03T08:00", "reception": "regular", "received_by": "officer", "citizens": ["c1"], "people": 1, "repeat": false, "summary": "Đến nộp đơn tố cáo", "petitions": ["p2"], "outcome": ""}
"#;

#[test]
fn a_citizen_gets_their_data_without_any_denunciation_and_corrections_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-04-01 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.import(&c, FILE).unwrap();
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let id: i64 = conn
        .query_row("SELECT id FROM citizens WHERE ref = 'c1'", [], |r| r.get(0))
        .unwrap();

    let fixed = CitizenInput {
        full_name: "Nguyễn Văn Đức".into(),
        id_kind: IdKind::Cccd,
        id_number: Some("034068012345".into()),
        birth_year: Some(1968),
        address: "Thôn Đông, xã Ba Tơ".into(),
        ..CitizenInput::default()
    };
    let mut bad = CorrectionInput {
        citizen_id: id,
        citizen: CitizenInput {
            full_name: " ".into(),
            ..fixed.clone()
        },
        reason: " ".into(),
    };
    let e = desk.correct_citizen(&c, &bad).unwrap_err();
    let text = format!("{e}");
    assert!(text.contains("Ghi lý do"), "{text}");
    bad.citizen.full_name = "Nguyễn Văn Đức".into();
    bad.citizen.id_number = Some("03406801234".into());
    bad.reason = "Sửa theo căn cước".into();
    assert!(format!("{}", desk.correct_citizen(&c, &bad).unwrap_err()).contains("12 chữ số"));
    let name: String = conn
        .query_row("SELECT full_name FROM citizens WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        name, "Nguyễn Văn Đứt",
        "nothing written by a refused correction"
    );

    let after = desk
        .correct_citizen(
            &c,
            &CorrectionInput {
                citizen_id: id,
                citizen: fixed,
                reason: "Công dân đề nghị sửa họ tên theo căn cước".into(),
            },
        )
        .unwrap();
    assert_eq!(after.full_name, "Nguyễn Văn Đức");
    let detail: String = conn
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'citizen.correct'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        detail.contains("Nguyễn Văn Đứt") && detail.contains("Nguyễn Văn Đức"),
        "{detail}"
    );
    let hits = desk.search("nguyen van duc", 10).unwrap();
    assert!(
        hits.iter().any(|h| h.title.contains("Nguyễn Văn Đức")),
        "the index follows"
    );

    let file = desk.export_citizen_data(&c, id).unwrap();
    let text = pdftotext(&file.path);
    for words in [
        "Cung cấp thông tin cá nhân của công dân",
        "Họ và tên: Nguyễn Văn Đức.",
        "Số giấy tờ tùy thân: 034068012345.",
        "Ngày 02/03/2026: Trình bày việc bồi thường",
        "Đơn nhận ngày 02/03/2026: Khiếu nại việc bồi thường đất",
        "Công dân đề nghị sửa họ tên theo căn cước",
        "không ghi trong văn bản này để bảo vệ người tố cáo",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    for withheld in ["Tố cáo cán bộ địa chính nhận tiền", "Đến nộp đơn tố cáo"]
    {
        assert!(
            !text.contains(withheld),
            "{withheld:?} must not be printed: {text}"
        );
    }
}

#[test]
fn minutes_that_name_a_denouncer_are_marked_secret_and_the_citizens_slips_are_not() {
    use tiepdan_core::desk::{PrintOptions, VisitForm};
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-04-01 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.import(&c, FILE).unwrap();
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let visit = |r: &str| -> i64 {
        conn.query_row("SELECT id FROM visits WHERE ref = ?1", [r], |x| x.get(0))
            .unwrap()
    };
    let opts = PrintOptions::default();
    let plain = desk
        .print_visit_document(&c, visit("v1"), VisitForm::Receipt, &opts)
        .unwrap();
    assert!(!pdftotext(&plain.path).contains("MẬT"));
    // The minutes the office keeps are marked; the slips handed to the citizen are not.
    for (form, marked) in [(VisitForm::Minutes, true), (VisitForm::Receipt, false)] {
        let printed = desk
            .print_visit_document(&c, visit("v2"), form, &opts)
            .unwrap();
        let text = pdftotext(&printed.path);
        assert_eq!(text.contains("MẬT"), marked, "{form:?}: {text}");
        // A denunciation made in person: the record of its content (TCD_13 in practice).
        if form == VisitForm::Minutes {
            for words in [
                "BIÊN BẢN Ghi nội dung tố cáo trực tiếp",
                "3. Người tố cáo:",
                "II. Nội dung tố cáo",
                "do người tố cáo cung cấp",
                "NGƯỜI TỐ CÁO",
            ] {
                assert!(text.contains(words), "{words} in {text}");
            }
        }
    }
    // A complaint's visit keeps the plain record.
    let minutes = desk
        .print_visit_document(&c, visit("v1"), VisitForm::Minutes, &opts)
        .unwrap();
    let text = pdftotext(&minutes.path);
    assert!(
        text.contains("BIÊN BẢN Tiếp công dân") && !text.contains("Người tố cáo"),
        "{text}"
    );
}
