//! Routing proposals from stored petitions, and the officer's decision recorded as an
//! event: an override needs a reason, both are audited, a repeat after a transfer is a
//! reminder.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::HandleInput;
use tiepdan_core::domain::agency::{AgencyInput, AgencyRole};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::{IdKind, Sex};
use tiepdan_core::domain::routing::Action;
use tiepdan_core::domain::visit::*;

fn visit(case: CaseChoice, kind: PetitionKind, role: AgencyRole, at: &str) -> VisitInput {
    VisitInput {
        at: at.into(),
        reception: Reception::Regular,
        received_by: ReceivedBy::Officer,
        citizens: vec![CitizenRef::New(CitizenInput {
            full_name: "Nguyễn Văn Đức".into(),
            id_kind: IdKind::NoPaper,
            gender: Some(Sex::Male),
            address: "Thôn Đông, xã Ba Tơ".into(),
            ..CitizenInput::default()
        })],
        representatives: vec![],
        people: 1,
        case,
        summary: "Trình bày tại trụ sở".into(),
        outcome: String::new(),
        petitions: vec![PetitionInput {
            kind,
            field: Field::Land,
            summary: "Nội dung đơn".into(),
            anonymous: false,
            respondent_role: Some(role),
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

fn handle(petition_id: i64, action: Action, to: Option<i64>, reason: Option<&str>) -> HandleInput {
    HandleInput {
        accepted_on: None,
        note: None,
        petition_id,
        on: "2026-11-23".into(),
        action,
        to_agency: to,
        reason: reason.map(String::from),
    }
}

#[test]
fn the_proposal_is_confirmed_or_overridden_with_a_reason_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 10:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    let v = desk
        .record_visit(
            &c,
            &visit(
                CaseChoice::New,
                PetitionKind::Complaint,
                AgencyRole::CommuneChair,
                "2026-11-23T08:00",
            ),
        )
        .unwrap();
    let p = v.petition_ids[0];
    let proposal = desk.propose_routing(p).unwrap();
    assert_eq!(proposal.action, Action::Accept);
    // Marked as raising several matters for several bodies: guide the citizen to split it.
    desk.set_several_contents(&c, p, true).unwrap();
    assert_eq!(desk.propose_routing(p).unwrap().action, Action::Guide);
    assert!(
        desk.petition_view(p, chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
            .unwrap()
            .several_contents
    );
    desk.set_several_contents(&c, p, false).unwrap();
    assert!(desk.set_several_contents(&c, 999, true).is_err());

    let e = desk
        .handle_petition(&c, &handle(p, Action::Guide, None, None))
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "reason");
    let e = desk
        .handle_petition(
            &c,
            &HandleInput {
                accepted_on: None,
                note: None,
                on: "2026-11-24".into(),
                ..handle(p, Action::Accept, None, None)
            },
        )
        .unwrap_err()
        .to_data();
    assert!(e.fields[0].message_vi.contains("tương lai"));
    let e = desk
        .handle_petition(
            &c,
            &HandleInput {
                accepted_on: None,
                note: None,
                on: "2026-11-22".into(),
                ..handle(p, Action::Accept, None, None)
            },
        )
        .unwrap_err()
        .to_data();
    assert!(e.fields[0].message_vi.contains("trước ngày nhận đơn"));
    let events = |desk: &Desk| -> i64 {
        desk.store()
            .conn()
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(events(&desk), 0, "refused decisions write nothing");

    desk.handle_petition(
        &c,
        &handle(
            p,
            Action::Guide,
            None,
            Some("Công dân xin rút để hòa giải ở thôn"),
        ),
    )
    .unwrap();
    let detail: String = desk
        .store()
        .conn()
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'petition.handle'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        detail.contains("\"overridden\":true") && detail.contains("hòa giải"),
        "{detail}"
    );
    assert!(
        detail.contains("\"action\":\"accept\""),
        "the proposal is kept in the audit: {detail}"
    );
}

#[test]
fn a_denunciation_is_transferred_to_a_named_body_and_a_repeat_is_a_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 10:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    let v = desk
        .record_visit(
            &c,
            &visit(
                CaseChoice::New,
                PetitionKind::Denunciation,
                AgencyRole::CommuneViceChair,
                "2026-11-02T08:00",
            ),
        )
        .unwrap();
    let p = v.petition_ids[0];
    let proposal = desk.propose_routing(p).unwrap();
    assert_eq!(
        (proposal.action, proposal.authority.as_str()),
        (Action::Transfer, "Chủ tịch Ủy ban nhân dân tỉnh")
    );
    let e = desk
        .handle_petition(&c, &handle(p, Action::Transfer, None, None))
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "to_agency");
    let e = desk
        .handle_petition(&c, &handle(p, Action::Transfer, Some(99), None))
        .unwrap_err()
        .to_data();
    assert!(e.fields[0].message_vi.contains("không có trong danh mục"));
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
    desk.handle_petition(
        &c,
        &HandleInput {
            accepted_on: None,
            note: None,
            on: "2026-11-05".into(),
            ..handle(p, Action::Transfer, Some(province.id), None)
        },
    )
    .unwrap();

    // The same person comes back about the same case: the body has not answered.
    let again = desk
        .record_visit(
            &c,
            &visit(
                CaseChoice::Existing(v.case_id),
                PetitionKind::Denunciation,
                AgencyRole::CommuneViceChair,
                "2026-11-23T09:00",
            ),
        )
        .unwrap();
    let remind = desk.propose_routing(again.petition_ids[0]).unwrap();
    assert_eq!(
        (remind.action, remind.authority.as_str()),
        (Action::Remind, "Ủy ban nhân dân tỉnh Quảng Ngãi")
    );
    assert!(remind.reason.contains("05/11/2026"));
    desk.store()
        .conn()
        .execute("INSERT INTO events (petition_id, on_date, kind, created_at) VALUES (?1, '2026-11-20', 'reply_received', '2026-11-20T00:00:00')", [p])
        .unwrap();
    assert_eq!(
        desk.propose_routing(again.petition_ids[0]).unwrap().action,
        Action::Transfer,
        "answered: no reminder"
    );
    assert!(desk.propose_routing(9999).is_err());
}

#[test]
fn the_facts_set_in_the_handling_panel_make_the_proposal_and_the_acceptance_one_entry() {
    use tiepdan_core::desk::PetitionFactsInput;
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 10:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    let mut input = visit(
        CaseChoice::New,
        PetitionKind::Complaint,
        AgencyRole::CommuneChair,
        "2026-11-23T08:00",
    );
    input.petitions[0].respondent_role = None;
    let p = desk.record_visit(&c, &input).unwrap().petition_ids[0];
    assert_eq!(desk.propose_routing(p).unwrap().action, Action::Review);
    let facts = |contested: Option<&str>, instance: Option<u8>| PetitionFactsInput {
        petition_id: p,
        respondent_role: Some(AgencyRole::CommuneChair),
        respondent_name: Some("Chủ tịch Ủy ban nhân dân xã".into()),
        instance,
        contested_on: contested.map(String::from),
        decision_kind: Some(DecisionKind::Disciplinary),
        oral: true,
        ..Default::default()
    };
    // Bad input: a contested date after receipt, an instance that does not exist; nothing
    // is written.
    let audit = |desk: &Desk| -> i64 {
        desk.store()
            .conn()
            .query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'petition.facts'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let e = desk
        .update_petition_facts(&c, &facts(Some("2026-11-30"), None))
        .unwrap_err()
        .to_data();
    assert!(e.fields.iter().any(|f| f.field == "contested_on"), "{e:?}");
    let e = desk
        .update_petition_facts(&c, &facts(None, Some(3)))
        .unwrap_err()
        .to_data();
    assert!(e.fields.iter().any(|f| f.field == "instance"), "{e:?}");
    assert_eq!(audit(&desk), 0);
    // The disciplinary decision received 20 days earlier is out of time (15 days): the
    // proposal is concrete, with the basis; an oral flag on a complaint is not kept.
    desk.update_petition_facts(&c, &facts(Some("2026-11-03"), None))
        .unwrap();
    assert_eq!(audit(&desk), 1);
    let proposal = desk.propose_routing(p).unwrap();
    assert_eq!(proposal.action, Action::Decline, "{proposal:?}");
    assert!(proposal.basis.contains("Điều 48"), "{proposal:?}");
    let view = desk
        .petition_view(p, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        .unwrap();
    assert_eq!(view.decision_kind, Some(DecisionKind::Disciplinary));
    assert!(!view.oral);
    // Within time: accepted with the handling, one entry meets both deadlines.
    desk.update_petition_facts(&c, &facts(Some("2026-11-20"), None))
        .unwrap();
    let mut accept = handle(p, Action::Accept, None, None);
    accept.accepted_on = Some("2026-11-23".into());
    desk.handle_petition(&c, &accept).unwrap();
    let d = desk
        .deadlines(p, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        .unwrap();
    for name in ["handle", "accept"] {
        let x = d
            .deadlines
            .iter()
            .find(|x| serde_json::to_value(x.name).unwrap() == name)
            .unwrap();
        assert_eq!(
            x.met_on,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
            "{name}"
        );
    }
    // A second acceptance is refused with the day of the first.
    let e = desk.handle_petition(&c, &accept).unwrap_err().to_data();
    assert!(
        e.fields
            .iter()
            .any(|f| f.message_vi.contains("Đơn đã được thụ lý ngày 23/11/2026")),
        "{e:?}"
    );
}

#[test]
fn a_complaint_letter_without_a_signature_is_declined_once_the_panel_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = tiepdan_core::Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = complaint(&mut desk);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 5).unwrap();
    let view = desk.petition_view(p, day).unwrap();
    assert_eq!(view.signatories, 1);
    assert_ne!(view.proposal.action, Action::Decline);
    let mut facts = tiepdan_core::desk::PetitionFactsInput {
        // A decision of the commune chair: the commune is competent, so refusal grounds apply.
        respondent_role: Some(AgencyRole::CommuneChair),
        signatories: Some(0),
        ..unchanged_facts(&view)
    };
    desk.update_petition_facts(&ctx("2026-02-05 09:00"), &facts)
        .unwrap();
    let view = desk.petition_view(p, day).unwrap();
    assert_eq!(view.signatories, 0);
    assert_eq!(view.proposal.action, Action::Decline);
    assert!(
        view.proposal.reason.contains("không có chữ ký"),
        "{}",
        view.proposal.reason
    );
    facts.signatories = Some(20_000);
    let e = desk
        .update_petition_facts(&ctx("2026-02-05 09:05"), &facts)
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "signatories");
}
