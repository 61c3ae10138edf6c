//! What the commune must carry out but did not decide: entered with its tasks, bad input
//! named with nothing written, late tasks flagged, tasks done with their result, a
//! directive entered by mistake voided — each audited.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{DirectiveInput, DirectiveKind, DirectiveTaskInput};

fn inspection() -> DirectiveInput {
    DirectiveInput {
        kind: DirectiveKind::InspectionConclusion,
        issuer: "Thanh tra tỉnh Quảng Ngãi".into(),
        number: "12/KL-TTr".into(),
        issued_on: "2026-03-02".into(),
        received_on: "2026-03-05".into(),
        summary: "Kết luận thanh tra việc quản lý đất công ích".into(),
        tasks: vec![
            DirectiveTaskInput {
                what: "Thu hồi 1.200 m² đất công ích cho thuê sai".into(),
                who: "Công chức địa chính - xây dựng".into(),
                due: "2026-04-30".into(),
            },
            DirectiveTaskInput {
                what: "Kiểm điểm trách nhiệm cá nhân có liên quan".into(),
                who: "Văn phòng Ủy ban nhân dân".into(),
                due: "2026-06-30".into(),
            },
        ],
    }
}

#[test]
fn a_directive_is_carried_out_task_by_task_and_shows_late_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-03-06 08:00")).unwrap();
    let c = ctx("2026-03-06 08:00");
    // Bad input: every mistake named, nothing written.
    let mut bad = inspection();
    bad.issuer = " ".into();
    bad.received_on = "2026-03-01".into();
    bad.tasks[1].due = "2026-02-01".into();
    bad.tasks[0].who = String::new();
    let e = desk.add_directive(&c, &bad).unwrap_err().to_data();
    let fields: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["issuer", "received_on", "tasks.0.who", "tasks.1.due"],
        "{e:?}"
    );
    assert!(desk.directives(&c, true).unwrap().is_empty());
    let mut none = inspection();
    none.tasks.clear();
    assert!(
        desk.add_directive(&c, &none)
            .unwrap_err()
            .to_string()
            .contains("ít nhất một việc")
    );

    let id = desk.add_directive(&c, &inspection()).unwrap();
    let later = ctx("2026-05-02 08:00");
    let list = desk.directives(&later, false).unwrap();
    assert_eq!(list.len(), 1);
    let d = &list[0];
    assert_eq!(
        (d.id, d.kind_label.as_str(), d.done),
        (id, "Kết luận thanh tra, kiểm tra", false)
    );
    assert_eq!(
        d.tasks.iter().map(|t| t.overdue).collect::<Vec<_>>(),
        [true, false]
    );

    // Done, with its result; not twice; not in the future.
    let first = d.tasks[0].id;
    let e = desk
        .complete_directive_task(&later, first, "2026-05-03", "")
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields.len(), 2, "{e:?}");
    desk.complete_directive_task(
        &later,
        first,
        "2026-05-01",
        "Đã ban hành Quyết định thu hồi số 30/QĐ-UBND",
    )
    .unwrap();
    assert!(
        desk.complete_directive_task(&later, first, "2026-05-01", "lại")
            .unwrap_err()
            .to_string()
            .contains("đã ghi hoàn thành")
    );
    let second = desk.directives(&later, false).unwrap()[0].tasks[1].id;
    desk.complete_directive_task(
        &ctx("2026-06-20 08:00"),
        second,
        "2026-06-20",
        "Đã họp kiểm điểm",
    )
    .unwrap();
    assert!(
        desk.directives(&later, false).unwrap().is_empty(),
        "all done: off the open list"
    );
    let all = desk.directives(&later, true).unwrap();
    assert!(
        all[0].done
            && all[0].tasks[0].result.as_deref()
                == Some("Đã ban hành Quyết định thu hồi số 30/QĐ-UBND")
    );

    // Entered twice: voided with a reason, it leaves every list; refused without one.
    let twice = desk.add_directive(&later, &inspection()).unwrap();
    assert_eq!(
        desk.void_directive(&later, twice, " ").unwrap_err().code(),
        "invalid"
    );
    desk.void_directive(&later, twice, "Nhập trùng").unwrap();
    assert!(
        desk.directives(&later, true)
            .unwrap()
            .iter()
            .all(|d| d.id != twice)
    );
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let audited: Vec<String> = conn
        .prepare("SELECT action FROM audit_log WHERE action LIKE 'directive.%' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        audited,
        [
            "directive.create",
            "directive.task_done",
            "directive.task_done",
            "directive.create",
            "directive.void"
        ]
    );
}

#[test]
fn a_reception_desk_reads_directives_but_does_not_enter_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-03-06 08:00")).unwrap();
    let reception = tiepdan_core::audit::Ctx {
        roles: tiepdan_core::domain::access::Roles::of(&[
            tiepdan_core::domain::officer::OfficerRole::Reception,
        ]),
        ..ctx("2026-03-06 08:00")
    };
    assert_eq!(
        desk.add_directive(&reception, &inspection())
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert!(desk.directives(&reception, true).unwrap().is_empty());
}
