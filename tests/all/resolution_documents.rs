//! The documents that resolve a matter, printed from the recorded resolution and the
//! officer's own texts, read back from the PDF.

use crate::casework::{accepted, accepted_denunciation};
use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{OutcomeKind, ResolutionDocumentInput};
use tiepdan_core::domain::outcome::Finding;

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn texts(event_id: i64) -> ResolutionDocumentInput {
    ResolutionDocumentInput {
        event_id,
        findings: "Đã kiểm tra hồ sơ thu hồi đất thửa số 112.\nĐo đạc thực địa ngày 25/02/2026.".into(),
        assessment: "Diện tích thu hồi đúng, nhưng giá bồi thường áp chưa đúng bảng giá.".into(),
        measures: "Sửa đổi một phần quyết định thu hồi đất về giá bồi thường.\nGiao công chức địa chính tính lại giá trong 15 ngày.".into(),
    }
}

fn resolved(desk: &mut Desk, p: i64, on: &str, decision: Option<&str>) -> i64 {
    let c = ctx(&format!("{on} 10:00"));
    let mut input = outcome(p, on, OutcomeKind::Resolved);
    input.result = Some(Finding::PartlyRight);
    input.decision = decision.map(str::to_owned);
    desk.record_outcome(&c, &input).unwrap();
    desk.outcomes(p).unwrap().last().unwrap().id
}

fn assert_no_blank(text: &str) {
    for blank in ["……", "...", "của và", "( )", "đối với ,"] {
        assert!(!text.contains(blank), "«{blank}» in {text}");
    }
}

#[test]
fn a_complaints_decision_is_written_from_the_record_and_the_officers_texts() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted(&mut desk);
    let mut dialogue = outcome(p, "2026-02-20", OutcomeKind::Dialogue);
    dialogue.minutes =
        Some("Người khiếu nại giữ nguyên yêu cầu bồi thường theo giá thị trường.".into());
    desk.record_outcome(&ctx("2026-02-20 15:00"), &dialogue)
        .unwrap();
    let e = resolved(&mut desk, p, "2026-03-05", None);
    let c = ctx("2026-03-05 11:00");

    // Nothing written: each missing part is named, and nothing is issued.
    let blank = ResolutionDocumentInput {
        event_id: e,
        findings: " ".into(),
        assessment: String::new(),
        measures: "\n".into(),
    };
    let err = desk
        .print_resolution_document(&c, &blank)
        .unwrap_err()
        .to_data();
    assert_eq!(err.code, "invalid");
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["findings", "assessment", "measures"]);
    assert!(
        err.fields[0].message_vi.contains("kết quả xác minh"),
        "{err:?}"
    );

    let doc = desk.print_resolution_document(&c, &texts(e)).unwrap();
    assert!(doc.number_label.contains("/QĐ-"), "{}", doc.number_label);
    assert_eq!(doc.title, "quyết định giải quyết khiếu nại");
    let text = pdftotext(&doc.path);
    for expected in [
        "QUYẾT ĐỊNH",
        "Về việc giải quyết khiếu nại của Ông Nguyễn Văn Đức (lần đầu)",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN",
        "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011",
        "Căn cứ việc thụ lý giải quyết khiếu nại ngày 06/02/2026",
        "Xét đơn khiếu nại ngày 04/02/2026 của Ông Nguyễn Văn Đức, địa chỉ: Thôn Đông, xã Ba Tơ",
        "I. Nội dung khiếu nại Khiếu nại quyết định thu hồi đất.",
        "II. Kết quả xác minh nội dung khiếu nại Đã kiểm tra hồ sơ thu hồi đất thửa số 112.",
        "III. Kết quả đối thoại Ngày 20/02/2026",
        "giữ nguyên yêu cầu bồi thường theo giá thị trường",
        "IV. Kết luận Khiếu nại của Ông Nguyễn Văn Đức là đúng một phần.",
        "Điều 1. Sửa đổi một phần quyết định thu hồi đất về giá bồi thường.",
        "Giao công chức địa chính tính lại giá trong 15 ngày.",
        // A remote-area office: 45 days to complain again, to whom the rule says.
        "Trong thời hạn 45 ngày",
        "Chủ tịch Ủy ban nhân dân cấp tỉnh",
        "khởi kiện vụ án hành chính",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }
    // Signed on 05/03/2026: the Law on Complaints before its 2025 amendment.
    assert!(!text.contains("136/2025"), "{text}");
    assert!(
        !text.contains("TM. ỦY BAN NHÂN DÂN"),
        "the chair's own competence: {text}"
    );
    assert_no_blank(&text);

    // The resolution now carries the decision's number; printing again gives the same
    // document, whatever is typed.
    let shown = desk.outcomes(p).unwrap();
    assert_eq!(
        shown.last().unwrap().decision.as_deref(),
        Some(doc.number_label.as_str())
    );
    let again = desk.print_resolution_document(&c, &blank).unwrap();
    assert_eq!((again.id, again.reprint), (doc.id, true));
    assert_eq!(
        bytes(std::path::Path::new(&again.path)),
        bytes(std::path::Path::new(&doc.path))
    );
}

#[test]
fn a_decision_issued_outside_the_app_or_another_event_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted(&mut desk);
    let accepted_event = desk.outcomes(p).unwrap()[0].id;
    let c = ctx("2026-03-05 11:00");
    let err = desk
        .print_resolution_document(&c, &texts(accepted_event))
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("quyết định giải quyết"), "{err}");
    let e = resolved(&mut desk, p, "2026-03-05", Some("07/QĐ-UBND"));
    let err = desk.print_resolution_document(&c, &texts(e)).unwrap_err();
    assert!(err.to_string().contains("số 07/QĐ-UBND"), "{err}");
    let err = desk
        .print_resolution_document(&c, &texts(999_999))
        .unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(
        desk.outcomes(p)
            .unwrap()
            .last()
            .unwrap()
            .decision
            .as_deref(),
        Some("07/QĐ-UBND")
    );
}

#[test]
fn a_denunciations_conclusion_names_the_person_denounced_never_the_denouncer() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted_denunciation(&mut desk);
    let mut facts = unchanged_facts(&desk.petition_view(p, d("2026-02-07")).unwrap());
    facts.respondent_name = Some("ông Trần Văn Bình, công chức địa chính".into());
    desk.update_petition_facts(&ctx("2026-02-07 08:00"), &facts)
        .unwrap();
    let e = resolved(&mut desk, p, "2026-07-03", None);
    let doc = desk
        .print_resolution_document(&ctx("2026-07-03 11:00"), &texts(e))
        .unwrap();
    assert!(doc.number_label.contains("/KL-"), "{}", doc.number_label);
    let text = pdftotext(&doc.path);
    for expected in [
        "KẾT LUẬN",
        "KẾT LUẬN Nội dung tố cáo đối với ông Trần Văn Bình, công chức địa chính",
        "Căn cứ Luật Tố cáo",
        "Ngày 06/02/2026, Chủ tịch Ủy ban nhân dân",
        "1. Kết quả xác minh nội dung tố cáo",
        "Nội dung tố cáo là tố cáo đúng một phần.",
        "3. Biện pháp xử lý và kiến nghị",
        "giữ bí mật họ tên, địa chỉ, bút tích",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }
    assert!(
        !text.contains("Nguyễn Văn Đức") && !text.contains("034068012345"),
        "{text}"
    );
    assert_no_blank(&text);

    // Then the result, to the denouncer alone: named, marked MẬT, sealed at rest, the view
    // logged; refused to a desk without the right to see denouncers.
    let reception = tiepdan_core::audit::Ctx {
        roles: tiepdan_core::domain::access::Roles::of(&[
            tiepdan_core::domain::officer::OfficerRole::Reception,
        ]),
        ..ctx("2026-07-03 11:30")
    };
    assert_eq!(
        desk.print_denunciation_result(&reception, e)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let notice = desk
        .print_denunciation_result(&ctx("2026-07-03 11:30"), e)
        .unwrap();
    assert_eq!(notice.title, "thông báo kết quả giải quyết tố cáo");
    let text = pdftotext(&notice.path);
    for expected in [
        "THÔNG BÁO Kết quả giải quyết tố cáo",
        "Kính gửi: Nguyễn Văn Đức (Thôn Đông, xã Ba Tơ).",
        "MẬT",
        &format!("Kết luận nội dung tố cáo số {}", doc.number_label),
        "nội dung tố cáo là tố cáo đúng một phần.",
        "tố cáo tiếp đến Chủ tịch Ủy ban nhân dân cấp tỉnh",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }
    assert_no_blank(&text);
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let (stored, sealed): (Vec<u8>, bool) = conn
        .query_row(
            "SELECT content, sealed FROM documents WHERE id = ?1",
            [notice.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        sealed && !stored.starts_with(b"%PDF"),
        "the copy at rest is sealed"
    );
    let views: i64 = conn
        .query_row("SELECT count(*) FROM audit_log WHERE action = 'denouncer.view' AND detail LIKE '%kết quả giải quyết tố cáo%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(views, 1);
    let again = desk
        .print_denunciation_result(&ctx("2026-07-04 08:00"), e)
        .unwrap();
    assert_eq!((again.id, again.reprint), (notice.id, true));

    // The conclusion counts in 03/KQGQ and in the written report's denunciation section.
    use tiepdan_core::domain::report::Template;
    use tiepdan_core::domain::report::period::{Period, PeriodKind};
    let year = Period::of(PeriodKind::Year, 2026);
    let t = desk.compute_report(Template::Kqgq03, year).unwrap();
    let v = |ms| t.value(ms);
    assert_eq!(
        (v(1), v(3), v(4), v(5), v(6), v(25), v(9)),
        (1, 1, 1, 1, 1, 1, 0)
    );
    assert_eq!(v(26) + v(27), 1);
    let text = docx_text(&desk.written_report_docx(year, d("2026-12-15")).unwrap());
    assert!(
        text.contains("5. Giải quyết tố cáo thuộc thẩm quyền: 1 đơn (kỳ trước chuyển sang 0, tiếp nhận trong kỳ 1), 1 vụ việc. Đã giải quyết 1 vụ việc, gồm 1 vụ việc có kết luận nội dung tố cáo (tố cáo đúng 0, tố cáo sai 0, có đúng có sai 1)"),
        "{text}"
    );
    assert!(text.contains("(Phần này do cán bộ viết"), "{text}");
}

#[test]
fn the_result_notice_waits_for_the_conclusion() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted_denunciation(&mut desk);
    let e = resolved(&mut desk, p, "2026-03-03", None);
    let err = desk
        .print_denunciation_result(&ctx("2026-03-03 11:00"), e)
        .unwrap_err();
    assert!(err.to_string().contains("hãy lập kết luận trước"), "{err}");
}

#[test]
fn a_recommendation_is_answered_by_a_letter_from_the_committee() {
    use tiepdan_core::desk::HandleInput;
    use tiepdan_core::domain::routing::Action;
    use tiepdan_core::domain::visit::PetitionKind;
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    desk.save_office(&ctx("2026-02-04 08:00"), &office())
        .unwrap();
    let mut v = complaint_visit();
    v.petitions[0].kind = PetitionKind::Recommendation;
    v.petitions[0].instance = None;
    v.petitions[0].summary = "Đề nghị sửa đường liên thôn Đông".into();
    let p = desk
        .record_visit(&ctx("2026-02-04 09:30"), &v)
        .unwrap()
        .petition_ids[0];
    let c = ctx("2026-02-06 09:00");
    desk.handle_petition(
        &c,
        &HandleInput {
            accepted_on: None,
            petition_id: p,
            on: "2026-02-05".into(),
            action: Action::Accept,
            to_agency: None,
            reason: Some("Thuộc thẩm quyền của Ủy ban nhân dân xã".into()),
            note: None,
        },
    )
    .unwrap();
    desk.record_outcome(&c, &outcome(p, "2026-02-06", OutcomeKind::Accepted))
        .unwrap();
    let e = resolved(&mut desk, p, "2026-02-20", None);
    let mut input = texts(e);
    input.measures = String::new();
    // A reply may leave out what will be done, not the answer.
    let mut bad = input.clone();
    bad.assessment = " ".into();
    let err = desk
        .print_resolution_document(&ctx("2026-02-20 11:00"), &bad)
        .unwrap_err()
        .to_data();
    assert_eq!(err.fields.len(), 1);
    assert!(
        err.fields[0].message_vi.contains("nội dung trả lời"),
        "{err:?}"
    );
    let doc = desk
        .print_resolution_document(&ctx("2026-02-20 11:00"), &input)
        .unwrap();
    assert!(doc.number_label.contains("/UBND-"), "{}", doc.number_label);
    assert_eq!(doc.title, "văn bản trả lời kiến nghị, phản ánh");
    let text = pdftotext(&doc.path);
    for expected in [
        "V/v trả lời đơn kiến nghị",
        "Kính gửi: Ông Nguyễn Văn Đức (địa chỉ: Thôn Đông, xã Ba Tơ).",
        "nhận được đơn kiến nghị của Ông Nguyễn Văn Đức",
        "về việc: Đề nghị sửa đường liên thôn Đông.",
        "2. Nội dung trả lời",
        "trả lời để Ông Nguyễn Văn Đức được biết.",
        "TM. ỦY BAN NHÂN DÂN",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }
    assert!(!text.contains("3. Việc sẽ thực hiện"), "{text}");
    assert_no_blank(&text);
}

#[test]
fn acceptance_starts_verification_with_a_decision_and_a_report_task() {
    use tiepdan_core::desk::VerificationInput;
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted_denunciation(&mut desk);
    let accepted_event = desk.outcomes(p).unwrap()[0].id;
    let c = ctx("2026-02-06 10:00");
    let input = |verifier: &str, report_by: &str| VerificationInput {
        event_id: accepted_event,
        verifier: verifier.into(),
        report_by: report_by.into(),
    };
    // Nobody named, a day before acceptance, or after the resolution's last day: named.
    let err = desk
        .print_verification_decision(&c, &input(" ", "2026-02-05"))
        .unwrap_err()
        .to_data();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["verifier", "report_by"], "{err:?}");
    let err = desk
        .print_verification_decision(&c, &input("Lê Văn Tâm", "2026-12-31"))
        .unwrap_err();
    assert!(err.to_string().contains("sau hạn giải quyết"), "{err}");

    let doc = desk
        .print_verification_decision(
            &c,
            &input("Công chức tư pháp - hộ tịch Lê Văn Tâm", "2026-02-27"),
        )
        .unwrap();
    assert_eq!(doc.title, "quyết định thụ lý giải quyết tố cáo");
    let text = pdftotext(&doc.path);
    for expected in [
        "QUYẾT ĐỊNH Về việc thụ lý giải quyết tố cáo và giao nhiệm vụ xác minh nội dung tố cáo",
        "Căn cứ Luật Tố cáo",
        "Xét đơn tố cáo nhận ngày 04/02/2026 đủ điều kiện thụ lý giải quyết;",
        "Điều 1. Thụ lý giải quyết tố cáo từ ngày 06/02/2026.",
        "Thời hạn giải quyết tố cáo: chậm nhất hết ngày",
        "Điều 2. Giao Công chức tư pháp - hộ tịch Lê Văn Tâm",
        "trước ngày 27/02/2026.",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }
    assert!(
        !text.contains("Nguyễn Văn Đức"),
        "the denouncer is not named: {text}"
    );
    assert_no_blank(&text);
    // The report is a task due on its day, late on the dashboard once the day has passed.
    let tasks = desk.tasks_of(p, d("2026-03-02")).unwrap();
    let report = tasks
        .iter()
        .find(|t| t.what.starts_with("Báo cáo kết quả xác minh"))
        .unwrap();
    assert_eq!(
        (report.due.as_str(), report.who.as_str()),
        ("2026-02-27", "Công chức tư pháp - hộ tịch Lê Văn Tâm")
    );
    assert!(report.what.contains(&doc.number_label), "{}", report.what);
    assert!(report.overdue, "{report:?}");
    // Printed again: the same document, no second task.
    let again = desk
        .print_verification_decision(&c, &input("Người khác", "2026-02-20"))
        .unwrap();
    assert_eq!((again.id, again.reprint), (doc.id, true));
    assert_eq!(
        desk.tasks_of(p, d("2026-03-02")).unwrap().len(),
        tasks.len()
    );
}

#[test]
fn verification_is_recorded_and_reported_to_the_chair() {
    use tiepdan_core::desk::{VerificationInput, VerificationReportInput, WorkMinutesInput};
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted(&mut desk);
    let accepted_event = desk.outcomes(p).unwrap()[0].id;
    let c = ctx("2026-02-20 16:00");
    let report = VerificationReportInput {
        event_id: accepted_event,
        findings: "Giá bồi thường áp theo bảng giá năm 2024.".into(),
        proposal: "Đề nghị Chủ tịch kết luận khiếu nại đúng một phần.".into(),
    };
    // No report before the decision assigning the verification.
    assert!(
        desk.print_verification_report(&c, &report)
            .unwrap_err()
            .to_string()
            .contains("quyết định giao xác minh")
    );
    desk.print_verification_decision(
        &ctx("2026-02-07 09:00"),
        &VerificationInput {
            event_id: accepted_event,
            verifier: "Lê Văn Tâm".into(),
            report_by: "2026-02-25".into(),
        },
    )
    .unwrap();

    let bad = WorkMinutesInput {
        petition_id: p,
        at: "2026-02-30T08:00".into(),
        place: " ".into(),
        participants: vec![],
        content: String::new(),
    };
    assert_eq!(
        desk.print_work_minutes(&c, &bad)
            .unwrap_err()
            .to_data()
            .fields
            .len(),
        4
    );
    let minutes = desk
        .print_work_minutes(
            &c,
            &WorkMinutesInput {
                petition_id: p,
                at: "2026-02-18T08:30".into(),
                place: "Thôn Đông".into(),
                participants: vec![
                    "Ông Lê Văn Tâm, công chức địa chính\nÔng Nguyễn Văn Đức, người khiếu nại"
                        .into(),
                ],
                content: "Đo lại ranh giới thửa 112.".into(),
            },
        )
        .unwrap();
    let text = pdftotext(&minutes.path);
    for expected in [
        "BIÊN BẢN Về việc làm việc, xác minh nội dung khiếu nại",
        "- Ông Nguyễn Văn Đức, người khiếu nại;",
        "Đo lại ranh giới thửa 112.",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }

    let doc = desk.print_verification_report(&c, &report).unwrap();
    assert!(doc.number_label.contains("/BC-"), "{}", doc.number_label);
    let text = pdftotext(&doc.path);
    for expected in [
        "BÁO CÁO Kết quả xác minh nội dung khiếu nại",
        "Kính gửi: Chủ tịch Ủy ban nhân dân xã Ba Tơ.",
        "về việc giao nhiệm vụ xác minh nội dung khiếu nại, Lê Văn Tâm báo cáo kết quả xác minh như sau:",
        "Giá bồi thường áp theo bảng giá năm 2024.",
        "NGƯỜI XÁC MINH",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }
    assert_no_blank(&text);
    // The report's task is done.
    let tasks = desk.tasks_of(p, d("2026-03-01")).unwrap();
    let t = tasks
        .iter()
        .find(|t| t.what.starts_with("Báo cáo kết quả xác minh"))
        .unwrap();
    assert_eq!(t.done_on.as_deref(), Some("2026-02-20"));
}
