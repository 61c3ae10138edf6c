//! Officers and who is responsible for a case: added with a clear message for bad input,
//! assigned from a petition (audited), counted on the dashboard by officer.

use crate::common::*;
use chrono::NaiveDate;
use tiepdan_core::Desk;
use tiepdan_core::domain::officer::{OfficerInput, OfficerRole};

#[test]
fn the_dashboard_counts_each_officers_deadlines_and_the_unassigned_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let first = complaint(&mut desk);
    let c = ctx("2026-03-20 08:00");

    let e = desk
        .add_officer(
            &c,
            &OfficerInput {
                full_name: "  ".into(),
                title: String::new(),
                role: OfficerRole::Handler,
            },
        )
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "full_name");
    assert!(desk.officers().unwrap().is_empty());

    let lan = desk
        .add_officer(
            &c,
            &OfficerInput {
                full_name: "nguyễn thị lan".into(),
                title: "Công chức Văn phòng - Thống kê".into(),
                role: OfficerRole::Handler,
            },
        )
        .unwrap();
    assert_eq!(lan.full_name, "Nguyễn Thị Lan");
    let today = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    let before = desk.due(today, 10).unwrap();
    assert!(before.overdue_count >= 1);
    assert_eq!(before.by_officer.len(), 1);
    assert_eq!(before.by_officer[0].officer_id, None);
    assert_eq!(before.by_officer[0].overdue, before.overdue_count);

    let e = desk
        .assign_case(&c, first, Some(999))
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "officer");
    assert!(desk.assign_case(&c, 999, Some(lan.id)).is_err());
    desk.assign_case(&c, first, Some(lan.id)).unwrap();
    assert_eq!(
        desk.petition_view(first, today).unwrap().owner_id,
        Some(lan.id)
    );
    let after = desk.due(today, 10).unwrap();
    assert_eq!(after.by_officer.len(), 1, "{:?}", after.by_officer);
    assert_eq!(after.by_officer[0].name, "Nguyễn Thị Lan");
    assert_eq!(after.by_officer[0].overdue, before.overdue_count);

    desk.assign_case(&c, first, None).unwrap();
    let audited: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'case.assign'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 2);
    assert_eq!(desk.due(today, 10).unwrap().by_officer[0].officer_id, None);
}
