//! The documents of #5 beyond the handling letters, read back with pdftotext: the
//! proposal to accept (phiếu đề xuất thụ lý), the notice refusing to receive a person
//! (Luật Tiếp công dân Điều 9), the guidance for a petition with several contents; and the
//! attention flags of a petition.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::HandleInput;
use tiepdan_core::domain::agency::{AgencyInput, AgencyRole};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::flags::Flag;
use tiepdan_core::domain::identity::{IdKind, Sex};
use tiepdan_core::domain::refusal::{RefusalGround, RefusalInput};
use tiepdan_core::domain::routing::Action;
use tiepdan_core::domain::visit::*;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn visit(kind: PetitionKind, role: AgencyRole, people: u32) -> VisitInput {
    VisitInput {
        at: "2026-11-23T08:00".into(),
        reception: Reception::Regular,
        received_by: ReceivedBy::Officer,
        citizens: vec![CitizenRef::New(CitizenInput {
            full_name: "Nguyễn Văn Đức".into(),
            id_kind: IdKind::Cccd,
            id_number: Some("034068012345".into()),
            birth_year: Some(1968),
            gender: Some(Sex::Male),
            address: "Thôn Đông, xã Ba Tơ".into(),
            ..CitizenInput::default()
        })],
        representatives: vec![],
        people,
        case: CaseChoice::New,
        summary: "Trình bày về việc thu hồi đất".into(),
        outcome: String::new(),
        petitions: vec![PetitionInput {
            kind,
            field: Field::Land,
            summary: "Quyết định thu hồi đất không đúng diện tích".into(),
            anonymous: false,
            respondent_role: Some(role),
            respondent_name: Some("Trần Văn Bình".into()),
            instance: None,
            contested_on: None,
            decision_kind: None,
            oral: false,
            papers: vec![],
            subfield: None,
        }],
    }
}

fn ready(kind: PetitionKind, role: AgencyRole, people: u32) -> (tempfile::TempDir, Desk, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let v = desk.record_visit(&c, &visit(kind, role, people)).unwrap();
    (dir, desk, v.visit_id, v.petition_ids[0])
}

fn documents(desk: &Desk) -> i64 {
    desk.store()
        .conn()
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_proposal_to_accept_names_the_complainant_the_basis_and_the_deadline() {
    let (_dir, mut desk, _, p) = ready(PetitionKind::Complaint, AgencyRole::CommuneChair, 1);
    let c = ctx("2026-11-23 10:00");
    let doc = desk.print_acceptance_proposal(&c, p).unwrap();
    assert!(doc.number_label.contains("PĐX"), "{}", doc.number_label);
    let text = pdftotext(&doc.path);
    for words in [
        "PHIẾU ĐỀ XUẤT THỤ LÝ",
        "Đơn khiếu nại",
        "Nguyễn Văn Đức",
        "Người bị khiếu nại: Trần Văn Bình",
        "Luật Khiếu nại",
        "Thời hạn thụ lý: chậm nhất hết ngày",
        "PHÊ DUYỆT CỦA CHỦ TỊCH",
        "NGƯỜI ĐỀ XUẤT",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    let again = desk.print_acceptance_proposal(&c, p).unwrap();
    assert!(again.reprint);
    assert_eq!(again.number_label, doc.number_label);

    // Once declined, no proposal to accept.
    desk.handle_petition(
        &c,
        &HandleInput {
            accepted_on: None,
            petition_id: p,
            on: "2026-11-23".into(),
            action: Action::Decline,
            to_agency: None,
            reason: Some("Đã có quyết định giải quyết lần hai".into()),
            note: None,
        },
    )
    .unwrap();
    let e = desk.print_acceptance_proposal(&c, p).unwrap_err().to_data();
    assert!(e.fields[0].message_vi.contains("khác thụ lý"), "{e:?}");
    // The notice of not accepting is the chair's own competence: "CHỦ TỊCH", not "TM.".
    let notice = pdftotext(&desk.print_decision(&c, p).unwrap().path);
    assert!(notice.contains("CHỦ TỊCH"), "{notice}");
    assert!(!notice.contains("TM. ỦY BAN NHÂN DÂN"), "{notice}");
    assert!(
        !notice.contains("của và") && !notice.contains("Căn cứ ,"),
        "{notice}"
    );
}

#[test]
fn a_proposal_never_names_a_denouncer_and_feedback_gets_none() {
    let (_dir, mut desk, _, p) = ready(PetitionKind::Denunciation, AgencyRole::CommuneOfficial, 1);
    let c = ctx("2026-11-23 10:00");
    let text = pdftotext(&desk.print_acceptance_proposal(&c, p).unwrap().path);
    assert!(text.contains("Đơn tố cáo"), "{text}");
    assert!(text.contains("giữ bí mật"), "{text}");
    for secret in ["Nguyễn Văn Đức", "034068012345", "Thôn Đông"] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }

    let (_dir, mut desk, _, p) = ready(PetitionKind::Feedback, AgencyRole::CommuneOfficial, 1);
    let e = desk.print_acceptance_proposal(&c, p).unwrap_err().to_data();
    assert!(
        e.fields[0]
            .message_vi
            .contains("chỉ dùng cho đơn khiếu nại"),
        "{e:?}"
    );
    assert_eq!(documents(&desk), 0);
}

#[test]
fn a_refusal_notice_cites_the_clause_of_article_9_and_other_grounds_need_details() {
    let (_dir, mut desk, v, _) = ready(PetitionKind::Complaint, AgencyRole::CommuneChair, 1);
    let c = ctx("2026-11-23 10:00");
    let e = desk
        .refuse_reception(
            &c,
            v,
            &RefusalInput {
                ground: RefusalGround::Other,
                detail: "  ".into(),
            },
        )
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "detail");
    assert!(
        desk.refuse_reception(
            &c,
            999,
            &RefusalInput {
                ground: RefusalGround::Disruptive,
                detail: String::new(),
            },
        )
        .is_err()
    );
    assert_eq!(documents(&desk), 0);

    let doc = desk
        .refuse_reception(
            &c,
            v,
            &RefusalInput {
                ground: RefusalGround::AlreadyResolved,
                detail: "Quyết định giải quyết lần hai số 15/QĐ-UBND ngày 02/3/2026".into(),
            },
        )
        .unwrap();
    assert!(doc.number_label.contains("TB"), "{}", doc.number_label);
    let text = pdftotext(&doc.path)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "THÔNG BÁO",
        "Về việc từ chối tiếp công dân",
        "Kính gửi: Ông Nguyễn Văn Đức",
        // Printed on 23/11/2026: the Law on Citizen Reception as amended from 01/07/2026.
        "khoản 3 Điều 9 Luật Tiếp công dân ngày 25 tháng 11 năm 2013, được sửa đổi, bổ sung bởi Luật số 136/2025/QH15",
        "15/QĐ-UBND",
        "chấm dứt việc khiếu nại",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    // Printed again: the same notice, not a second one.
    let again = desk
        .refuse_reception(
            &c,
            v,
            &RefusalInput {
                ground: RefusalGround::Disruptive,
                detail: String::new(),
            },
        )
        .unwrap();
    assert!(again.reprint);
    assert_eq!(documents(&desk), 1);
}

#[test]
fn a_petition_with_several_contents_gets_guidance_listing_each_content_and_body() {
    let (_dir, mut desk, _, p) = ready(PetitionKind::Complaint, AgencyRole::CommuneChair, 1);
    let c = ctx("2026-11-23 10:00");
    desk.set_several_contents(&c, p, true).unwrap();
    // Without the list of contents and their bodies the guidance would say nothing useful:
    // refused, with the field to fill, and nothing recorded.
    let guide = |note: Option<&str>| HandleInput {
        accepted_on: None,
        petition_id: p,
        on: "2026-11-23".into(),
        action: Action::Guide,
        to_agency: None,
        reason: None,
        note: note.map(str::to_owned),
    };
    for empty in [None, Some("  \n ")] {
        let e = desk.handle_petition(&c, &guide(empty)).unwrap_err();
        let data = e.to_data();
        assert_eq!(data.code, "invalid");
        assert_eq!(data.fields[0].field, "note", "{data:?}");
    }
    assert!(desk.print_decision(&c, p).is_err(), "nothing was decided");
    desk.handle_petition(
        &c,
        &guide(Some(
            "- Tranh chấp ranh giới đất thuộc thẩm quyền của Tòa án nhân dân khu vực 1\r\n\r\nViệc cấp giấy chứng nhận thuộc thẩm quyền của Sở Nông nghiệp và Môi trường\n",
        )),
    )
    .unwrap();
    let doc = desk.print_decision(&c, p).unwrap();
    assert!(doc.number_label.contains("HD"), "{}", doc.number_label);
    let text = pdftotext(&doc.path);
    for words in [
        "HƯỚNG DẪN",
        "nhiều nội dung khác nhau",
        "- Tranh chấp ranh giới đất thuộc thẩm quyền của Tòa án nhân dân khu vực 1",
        "- Việc cấp giấy chứng nhận thuộc thẩm quyền của Sở Nông nghiệp và Môi trường",
        "viết tách các nội dung đơn",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
}

#[test]
fn flags_mark_a_crowd_a_complex_case_and_a_petition_sent_back_down_from_the_province() {
    let (_dir, mut desk, _, p) = ready(PetitionKind::Complaint, AgencyRole::CommuneChair, 6);
    let c = ctx("2026-11-23 10:00");
    assert_eq!(desk.petition_view(p, today()).unwrap().flags, [Flag::Crowd]);
    let province = desk
        .add_agency(
            &c,
            &AgencyInput {
                name: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
                role: AgencyRole::ProvinceChair,
                address: None,
            },
        )
        .unwrap();
    desk.store()
        .conn()
        .execute(
            "UPDATE petitions SET complex = 1, channel = 'forwarded', forwarded_by = ?2 WHERE id = ?1",
            [p, province.id],
        )
        .unwrap();
    assert_eq!(
        desk.petition_view(p, today()).unwrap().flags,
        [Flag::Crowd, Flag::Complex, Flag::OverLevel]
    );
    // A year on and still open: long-running too; the dashboard shows the same flags.
    let later = chrono::NaiveDate::from_ymd_opt(2027, 11, 23).unwrap();
    assert!(
        desk.petition_view(p, later)
            .unwrap()
            .flags
            .contains(&Flag::LongRunning)
    );
    let due = desk.due(later, 10).unwrap();
    let item = due.overdue.iter().find(|i| i.petition_id == p).unwrap();
    assert!(item.flags.contains(&Flag::LongRunning) && item.flags.contains(&Flag::Crowd));
}
