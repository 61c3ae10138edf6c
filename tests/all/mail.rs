//! Petitions that did not come in person: by post, the letter box, forwarded by another body
//! (joined to the case its content belongs to), online. Recorded in one transaction with
//! how they arrived; every mistake named at once, nothing half-written.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::RegisterFilter;
use tiepdan_core::domain::agency::{AgencyInput, AgencyRole};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::mail::{Channel, MailInput};
use tiepdan_core::domain::visit::{CaseChoice, CitizenRef, Field, PetitionInput, PetitionKind};

fn petition(kind: PetitionKind, summary: &str) -> PetitionInput {
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
        papers: vec![],
        subfield: None,
    }
}

fn count(desk: &Desk, sql: &str) -> i64 {
    desk.store()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_forwarded_petition_is_recorded_and_the_same_content_again_joins_its_case() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-04 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let btcd = desk
        .add_agency(
            &c,
            &AgencyInput {
                name: "Ban Tiếp công dân tỉnh Quảng Ngãi".into(),
                role: AgencyRole::ProvinceDepartment,
                address: None,
            },
        )
        .unwrap();
    let hdnd = desk
        .add_agency(
            &c,
            &AgencyInput {
                name: "Thường trực HĐND huyện".into(),
                role: AgencyRole::ProvinceDepartment,
                address: None,
            },
        )
        .unwrap();
    let mut input = MailInput {
        received_on: "2026-12-03".into(),
        channel: Channel::Forwarded,
        forwarded_by: Some(btcd.id),
        forwarded_doc: Some("125/BTCD-NV ngày 01/12/2026".into()),
        citizens: vec![CitizenRef::New(CitizenInput {
            full_name: "Đinh Văn Bốn".into(),
            address: "Thôn Gò Nghênh".into(),
            ..CitizenInput::default()
        })],
        case: CaseChoice::New,
        petitions: vec![petition(
            PetitionKind::Recommendation,
            "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất thửa 112",
        )],
    };
    let first = desk.receive_mail(&c, &input).unwrap();
    assert!(!first.repeat);
    let (channel, by, doc, visit): (String, i64, String, Option<i64>) = desk
        .store()
        .conn()
        .query_row(
            "SELECT channel, forwarded_by, forwarded_doc, visit_id FROM petitions WHERE id = ?1",
            [first.petition_ids[0]],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (channel.as_str(), by, doc.as_str(), visit),
        ("forwarded", btcd.id, "125/BTCD-NV ngày 01/12/2026", None)
    );
    assert_eq!(count(&desk, "SELECT count(*) FROM visits"), 0, "no visit");
    // Its deadlines are computed like any petition's.
    assert!(
        count(
            &desk,
            "SELECT count(*) FROM deadline_cache WHERE petition_id = 1"
        ) > 0
    );
    // The same content forwarded by a second body: the same person, the same case.
    input.forwarded_by = Some(hdnd.id);
    input.forwarded_doc = Some("88/HĐND-VP ngày 02/12/2026".into());
    input.citizens = vec![CitizenRef::Existing(first.citizen_ids[0])];
    input.case = CaseChoice::Existing(first.case_id);
    let second = desk.receive_mail(&c, &input).unwrap();
    assert!(second.repeat);
    assert_eq!(second.case_id, first.case_id);
    assert_eq!(count(&desk, "SELECT count(*) FROM cases"), 1);
    // The petitions register shows how each arrived and from whom.
    let rows = desk
        .petition_register(
            &RegisterFilter {
                from: None,
                to: None,
                text: None,
                kind: None,
                limit: 100,
                locality: None,
                subfield: None,
                status: None,
                officer_id: None,
                flag: None,
            },
            c.now.date(),
        )
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter().any(|r| r
            .forwarded_by
            .contains("Thường trực HĐND huyện (88/HĐND-VP")),
        "{rows:?}"
    );
    assert!(
        rows.iter().all(|r| r.who.contains("Đinh Văn Bốn")),
        "{rows:?}"
    );
    // Audited, in the officer's words.
    assert_eq!(
        count(
            &desk,
            "SELECT count(*) FROM audit_log WHERE action = 'petition.receive'"
        ),
        2
    );
}

#[test]
fn bad_input_is_named_at_once_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-04 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let before = count(&desk, "SELECT count(*) FROM audit_log");
    let input = MailInput {
        received_on: "2026-12-09".into(),
        channel: Channel::Forwarded,
        forwarded_by: Some(999),
        forwarded_doc: None,
        citizens: vec![CitizenRef::Existing(12345)],
        case: CaseChoice::Existing(777),
        petitions: vec![petition(PetitionKind::Complaint, " ")],
    };
    let e = desk.receive_mail(&c, &input).unwrap_err();
    let tiepdan_core::Error::Invalid(fields) = &e else {
        panic!("{e}")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    for expected in [
        "received_on",
        "forwarded_doc",
        "petitions.0.summary",
        "citizens.0",
        "case",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    assert!(fields.iter().all(|f| !f.message_vi.is_empty()));
    assert_eq!(count(&desk, "SELECT count(*) FROM petitions"), 0);
    assert_eq!(count(&desk, "SELECT count(*) FROM audit_log"), before);
    // The body that forwarded it must be in the catalogue.
    let mut fixed = input.clone();
    fixed.received_on = "2026-12-03".into();
    fixed.forwarded_doc = Some("1/UBND".into());
    fixed.citizens = vec![CitizenRef::New(CitizenInput {
        full_name: "Lê Văn Một".into(),
        address: "Thôn Một".into(),
        ..CitizenInput::default()
    })];
    fixed.case = CaseChoice::New;
    fixed.petitions[0].summary = "Khiếu nại quyết định thu hồi đất".into();
    let e = desk.receive_mail(&c, &fixed).unwrap_err();
    assert!(e.to_string().contains("Danh mục cơ quan"), "{e}");
    assert_eq!(count(&desk, "SELECT count(*) FROM citizens"), 0);
}

#[test]
fn an_unsigned_letter_has_no_sender_and_a_denouncer_by_post_is_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-12-04 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.save_office(&c, &office()).unwrap();
    let mut unsigned = petition(PetitionKind::Feedback, "Phản ánh đổ rác thải ra kênh N6");
    unsigned.anonymous = true;
    let got = desk
        .receive_mail(
            &c,
            &MailInput {
                received_on: "2026-12-04".into(),
                channel: Channel::Box,
                forwarded_by: None,
                forwarded_doc: None,
                citizens: vec![],
                case: CaseChoice::New,
                petitions: vec![unsigned],
            },
        )
        .unwrap();
    assert!(got.citizen_ids.is_empty());
    let got = desk
        .receive_mail(
            &c,
            &MailInput {
                received_on: "2026-12-04".into(),
                channel: Channel::Post,
                forwarded_by: None,
                forwarded_doc: None,
                citizens: vec![CitizenRef::New(CitizenInput {
                    full_name: "Vừ Thị Thư Tín".into(),
                    address: "Thôn Nước Lăng".into(),
                    phone: Some("0912000111".into()),
                    ..CitizenInput::default()
                })],
                case: CaseChoice::New,
                petitions: vec![petition(
                    PetitionKind::Denunciation,
                    "Tố cáo cán bộ địa chính nhận tiền",
                )],
            },
        )
        .unwrap();
    let (name, sealed): (String, bool) = desk
        .store()
        .conn()
        .query_row(
            "SELECT full_name, sealed IS NOT NULL FROM citizens WHERE id = ?1",
            [got.citizen_ids[0]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((name.as_str(), sealed), ("Người tố cáo (bảo mật)", true));
}
