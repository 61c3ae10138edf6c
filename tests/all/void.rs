//! A visit recorded twice is voided: kept in the file, marked with when and why, audited,
//! and left out of the registers, the reports, the deadlines and the search. A visit whose
//! petition was already accepted for resolution is corrected, not voided.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{HandleInput, RegisterFilter};
use tiepdan_core::domain::access::Roles;
use tiepdan_core::domain::officer::OfficerRole;
use tiepdan_core::domain::report::Template;
use tiepdan_core::domain::report::period::{Period, PeriodKind};
use tiepdan_core::domain::routing::Action;
use tiepdan_core::domain::visit::CitizenRef;

fn all() -> RegisterFilter {
    all_rows()
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
}

fn counts(desk: &Desk) -> (usize, usize, i64, usize, Vec<i64>) {
    let due = desk.due(today(), 50).unwrap();
    (
        desk.reception_register(&all()).unwrap().len(),
        desk.petition_register(&all(), today()).unwrap().len(),
        due.overdue_count + due.soon_count,
        desk.search("thu hồi đất", 20).unwrap().len(),
        desk.report(Template::Tcd01, Period::of(PeriodKind::FirstQuarter, 2026))
            .unwrap()
            .values,
    )
}

#[test]
fn a_visit_recorded_twice_is_voided_kept_and_left_out_of_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    complaint(&mut desk);
    let once = counts(&desk);
    // The same visit typed again a few minutes later, for the same person.
    let mut again = complaint_visit();
    let person: i64 = desk
        .store()
        .conn()
        .query_row("SELECT id FROM citizens LIMIT 1", [], |r| r.get(0))
        .unwrap();
    again.citizens = vec![CitizenRef::Existing(person)];
    let twice = desk.record_visit(&ctx("2026-02-04 09:40"), &again).unwrap();
    let doubled = counts(&desk);
    assert_eq!(
        (doubled.0, doubled.1),
        (2, 2),
        "the duplicate shows everywhere first"
    );
    assert_ne!(doubled.4, once.4, "and is counted in 01/TCD");

    // Refused without a reason, as the reception desk, and for a visit that does not exist.
    let c = ctx("2026-02-04 10:00");
    let e = desk
        .void_visit(&c, twice.visit_id, " ")
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "reason");
    let mut reception = ctx("2026-02-04 10:00");
    reception.roles = Roles::of(&[OfficerRole::Reception]);
    assert_eq!(
        desk.void_visit(&reception, twice.visit_id, "Ghi trùng lượt tiếp lúc 9 giờ")
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert!(
        desk.void_visit(&c, 9999, "Ghi trùng lượt tiếp lúc 9 giờ")
            .is_err()
    );

    desk.void_visit(&c, twice.visit_id, "Ghi trùng lượt tiếp lúc 9 giờ")
        .unwrap();
    assert_eq!(
        counts(&desk),
        once,
        "registers, deadlines, search and 01/TCD as before"
    );
    // Kept, marked, audited; voiding twice is refused.
    let (voided, reason): (Option<String>, Option<String>) = desk
        .store()
        .conn()
        .query_row(
            "SELECT voided_at, void_reason FROM petitions WHERE id = ?1",
            [twice.petition_ids[0]],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(voided.is_some());
    assert_eq!(reason.as_deref(), Some("Ghi trùng lượt tiếp lúc 9 giờ"));
    let audited: String = desk
        .store()
        .conn()
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'visit.void'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        audited.contains("Ghi trùng lượt tiếp lúc 9 giờ"),
        "{audited}"
    );
    assert!(
        desk.void_visit(&c, twice.visit_id, "Ghi trùng lần nữa")
            .is_err()
    );
    // An export leaves it out (another office importing the file never sees it).
    let text = desk
        .export(
            &c,
            &tiepdan_core::desk::ExportOptions {
                redact: true,
                today: None,
            },
        )
        .unwrap();
    assert_eq!(text.matches("\"type\":\"petition\"").count(), 1, "{text}");
    assert_eq!(text.matches("\"type\":\"visit\"").count(), 1, "{text}");
    // A full recompute of the deadlines does not bring it back.
    desk.recompute_deadlines(&c).unwrap();
    assert_eq!(counts(&desk), once);
}

#[test]
fn a_visit_whose_petition_was_accepted_is_corrected_not_voided() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = complaint(&mut desk);
    let visit: i64 = desk
        .store()
        .conn()
        .query_row("SELECT visit_id FROM petitions WHERE id = ?1", [p], |r| {
            r.get(0)
        })
        .unwrap();
    desk.handle_petition(
        &ctx("2026-02-05 09:00"),
        &HandleInput {
            petition_id: p,
            on: "2026-02-05".into(),
            action: Action::Accept,
            to_agency: None,
            reason: Some("Thuộc thẩm quyền của Chủ tịch xã".into()),
            note: None,
            accepted_on: None,
        },
    )
    .unwrap();
    let e = desk
        .void_visit(&ctx("2026-02-05 10:00"), visit, "Ghi nhầm người đến")
        .unwrap_err()
        .to_data();
    assert!(
        e.fields[0].message_vi.contains("thụ lý giải quyết"),
        "{e:?}"
    );
    assert_eq!(desk.reception_register(&all()).unwrap().len(), 1);
}

#[test]
fn an_outcome_on_the_wrong_petition_is_voided_latest_first_kept_and_forgotten_by_the_deadlines() {
    use tiepdan_core::desk::OutcomeKind;
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = complaint(&mut desk);
    let c = ctx("2026-02-10 09:00");
    let accepted = desk
        .record_outcome(&c, &outcome(p, "2026-02-09", OutcomeKind::Accepted))
        .unwrap();
    let due_before = desk.deadlines(p, today()).unwrap();
    let mut resolved = outcome(p, "2026-02-10", OutcomeKind::Resolved);
    resolved.result = Some(tiepdan_core::domain::outcome::Finding::Right);
    resolved.decision = Some("15/QĐ-UBND".into());
    let wrong = desk.record_outcome(&c, &resolved).unwrap();
    assert_ne!(
        desk.deadlines(p, today()).unwrap(),
        due_before,
        "resolving closes the deadline"
    );

    // Not the latest: refused. The handling is not an outcome. A reason is required.
    let e = desk
        .void_outcome(&c, accepted, "Ghi nhầm đơn")
        .unwrap_err()
        .to_data();
    assert!(e.fields[0].message_vi.contains("ghi sau cùng"), "{e:?}");
    assert_eq!(
        desk.void_outcome(&c, wrong, "")
            .unwrap_err()
            .to_data()
            .fields[0]
            .field,
        "reason"
    );

    desk.void_outcome(&c, wrong, "Ghi nhầm vào đơn của ông Đức, là của bà Lan")
        .unwrap();
    let kinds: Vec<_> = desk.outcomes(p).unwrap().iter().map(|o| o.kind).collect();
    assert_eq!(kinds, [OutcomeKind::Accepted]);
    assert_eq!(
        desk.deadlines(p, today()).unwrap(),
        due_before,
        "the resolve deadline is open again"
    );
    let (reason, record): (String, String) = desk
        .store()
        .conn()
        .query_row(
            "SELECT reason, record FROM voided_events WHERE event_id = ?1",
            [wrong],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(reason, "Ghi nhầm vào đơn của ông Đức, là của bà Lan");
    assert!(record.contains("15/QĐ-UBND"), "kept whole: {record}");
    // Then the earlier one may go too.
    desk.void_outcome(&c, accepted, "Ghi nhầm đơn").unwrap();
    assert!(desk.outcomes(p).unwrap().is_empty());
}
