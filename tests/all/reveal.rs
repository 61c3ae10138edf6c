//! A denouncer's identity through the core's API: a role with the right sees it with a
//! reason; anyone else asks, a leader (not themselves) decides, an approval is good for one
//! view; every view is in the audit trail; nothing without a reason.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::domain::officer::OfficerRole::{Admin, Handler, Leader, Reception};

const NOW: &str = "2026-11-23 09:00";

fn sign_in(dir: &std::path::Path, login: &str) -> Desk {
    sign_in_as(dir, login, NOW)
}

const SCENARIO: &str = r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "agency", "ref": "ag-btcd", "name": "Ban Tiếp công dân tỉnh Quảng Ngãi", "role": "province_department"}
{"type": "citizen", "ref": "cd-kin", "full_name": "Lò Văn Kín", "id_kind": "cccd", "id_number": "051070009999", "birth_year": 1970, "gender": "male", "address": "Thôn Nước Lăng, xã Ba Tơ"}
{"type": "petition", "ref": "tc-1", "received_on": "2026-11-02", "channel": "forwarded", "forwarded_by": "ag-btcd", "forwarded_doc": "45/BTCD", "kind": "denunciation", "field": "corruption", "petitioners": ["cd-kin"], "respondent": {"role": "commune_vice_chair"}, "summary": "Tố cáo Phó Chủ tịch xã nhận tiền khi cấp phép xây dựng", "events": []}
"#;

/// An encrypted office with the denunciation and one account per role; the petition id.
fn office(dir: &std::path::Path) -> i64 {
    let (mut desk, done) =
        Desk::setup(dir, &account("quantri", "Trần Quản Trị", &[Admin]), at(NOW)).unwrap();
    let admin = done.session.ctx(at(NOW));
    desk.import(&admin, SCENARIO).unwrap();
    for (login, name, role) in [
        ("tiepdan", "Lê Thị Tiếp", Reception),
        ("xuly", "Phạm Văn Xử", Handler),
        ("chutich", "Phạm Văn Hùng", Leader),
        ("phochutich", "Đinh Văn Phó", Leader),
    ] {
        desk.add_account(&admin, &account(login, name, &[role]))
            .unwrap();
    }
    desk.store()
        .conn()
        .query_row("SELECT id FROM petitions", [], |r| r.get(0))
        .unwrap()
}

fn views(desk: &Desk) -> Vec<(String, String)> {
    let mut stmt = desk
        .store()
        .conn()
        .prepare("SELECT actor, detail FROM audit_log WHERE action = 'denouncer.view' ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_handler_sees_the_denouncer_with_a_reason_and_the_view_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let petition = office(dir.path());
    let mut desk = sign_in(dir.path(), "xuly");
    let c = desk.session().unwrap().ctx(at(NOW));
    assert!(desk.reveal_status(&c, petition).unwrap().may_view);
    let e = desk.reveal_denouncers(&c, petition, "xem").unwrap_err();
    assert!(e.to_string().contains("Ghi rõ lý do"), "{e}");
    assert!(views(&desk).is_empty(), "a refused view is not a view");
    let shown = desk
        .reveal_denouncers(&c, petition, "Xác minh nội dung tố cáo với người tố cáo")
        .unwrap();
    assert_eq!(shown.denouncers[0].full_name, "Lò Văn Kín");
    let logged = views(&desk);
    assert_eq!(logged.len(), 1);
    assert!(
        logged[0].0.contains("Phạm Văn Xử (xuly)"),
        "{:?}",
        logged[0]
    );
    assert!(
        logged[0].1.contains("Xác minh nội dung tố cáo"),
        "{:?}",
        logged[0]
    );
    assert!(desk.verify_audit().unwrap().is_ok());
}

#[test]
fn a_reception_officer_needs_another_leaders_approval_for_one_view() {
    let dir = tempfile::tempdir().unwrap();
    let petition = office(dir.path());

    let mut desk = sign_in(dir.path(), "tiepdan");
    let c = desk.session().unwrap().ctx(at(NOW));
    let status = desk.reveal_status(&c, petition).unwrap();
    assert!(!status.may_view && status.request.is_none());
    let e = desk
        .reveal_denouncers(&c, petition, "Cần liên hệ người tố cáo")
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    // Asking is not approving; a reception officer cannot approve anything.
    let request = desk
        .request_reveal(&c, petition, "Cần liên hệ người tố cáo để bổ sung")
        .unwrap();
    assert_eq!(request.approved, None);
    assert_eq!(desk.pending_reveals(&c).unwrap_err().code(), "forbidden");
    assert_eq!(
        desk.decide_reveal(&c, request.id, true, "")
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        desk.reveal_denouncers(&c, petition, "Cần liên hệ người tố cáo")
            .unwrap_err()
            .code(),
        "forbidden"
    );
    drop(desk);

    // A leader approves.
    let mut desk = sign_in(dir.path(), "chutich");
    let l = desk.session().unwrap().ctx(at(NOW));
    let pending = desk.pending_reveals(&l).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].requested_by, "Lê Thị Tiếp");
    let decided = desk
        .decide_reveal(&l, request.id, true, "Đồng ý, chỉ một lần")
        .unwrap();
    assert_eq!(decided.approved, Some(true));
    assert!(
        desk.decide_reveal(&l, request.id, false, "").is_err(),
        "decided once"
    );
    drop(desk);

    // One view, then a new request is needed.
    let mut desk = sign_in(dir.path(), "tiepdan");
    let c = desk.session().unwrap().ctx(at(NOW));
    let shown = desk
        .reveal_denouncers(&c, petition, "Gọi điện hẹn người tố cáo")
        .unwrap();
    assert_eq!(shown.denouncers.len(), 1);
    assert_eq!(
        desk.reveal_denouncers(&c, petition, "Gọi điện lần nữa cho chắc")
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(views(&desk).len(), 1);
    let status = desk.reveal_status(&c, petition).unwrap();
    assert!(status.request.unwrap().used_at.is_some());
}

#[test]
fn no_leader_approves_their_own_request_and_an_administrator_cannot_see() {
    let dir = tempfile::tempdir().unwrap();
    let petition = office(dir.path());
    let mut desk = sign_in(dir.path(), "quantri");
    let a = desk.session().unwrap().ctx(at(NOW));
    assert!(!desk.reveal_status(&a, petition).unwrap().may_view);
    assert_eq!(
        desk.reveal_denouncers(&a, petition, "Kiểm tra kỹ thuật dữ liệu")
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let request = desk
        .request_reveal(&a, petition, "Kiểm tra kỹ thuật dữ liệu")
        .unwrap();
    drop(desk);
    // A leader refuses, with a note the requester sees.
    let mut desk = sign_in(dir.path(), "phochutich");
    let l = desk.session().unwrap().ctx(at(NOW));
    let refused = desk
        .decide_reveal(&l, request.id, false, "Không cần cho việc kỹ thuật")
        .unwrap();
    assert_eq!(refused.approved, Some(false));
    // A leader's own request needs another leader.
    let own = desk
        .request_reveal(&l, petition, "Tự đề nghị để thử quy trình")
        .unwrap();
    let e = desk.decide_reveal(&l, own.id, true, "").unwrap_err();
    assert!(e.to_string().contains("lãnh đạo khác"), "{e}");
    // Not a denunciation: nothing to keep secret, and no reveal to ask for.
    let e = desk
        .request_reveal(&l, 999, "Đơn không tồn tại ở đây")
        .unwrap_err();
    assert!(e.to_string().contains("Không có đơn số 999"), "{e}");
}

#[test]
fn a_document_naming_a_denouncer_is_reprinted_only_by_a_role_that_may_see_them() {
    use tiepdan_core::desk::{PrintOptions, VisitForm};
    use tiepdan_core::domain::visit::PetitionKind;
    let dir = tempfile::tempdir().unwrap();
    office(dir.path());
    let mut visit = complaint_visit();
    visit.at = "2026-11-23T08:30".into();
    visit.petitions[0].kind = PetitionKind::Denunciation;
    visit.petitions[0].instance = None;
    visit.summary = "Tố cáo cán bộ địa chính".into();
    visit.petitions[0].summary = "Tố cáo cán bộ địa chính nhận tiền".into();

    // At the desk, the day of the visit: the receipt is printed (the citizen's slip, not marked MẬT).
    let mut desk = sign_in(dir.path(), "tiepdan");
    let c = desk.session().unwrap().ctx(at(NOW));
    let recorded = desk.record_visit(&c, &visit).unwrap();
    desk.print_visit_document(
        &c,
        recorded.visit_id,
        VisitForm::Receipt,
        &PrintOptions::default(),
    )
    .unwrap();
    // A reprint, even the same day, is a view of the identity: refused to this role.
    let e = desk
        .print_visit_document(
            &c,
            recorded.visit_id,
            VisitForm::Receipt,
            &PrintOptions::default(),
        )
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    // The next day, not even a first print of the minutes.
    let next = desk.session().unwrap().ctx(at("2026-11-24 08:00"));
    let e = desk
        .print_visit_document(
            &next,
            recorded.visit_id,
            VisitForm::Minutes,
            &PrintOptions::default(),
        )
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    drop(desk);

    // The handler may, and the reprint is logged as a view.
    let mut desk = sign_in(dir.path(), "xuly");
    let h = desk.session().unwrap().ctx(at("2026-11-24 08:00"));
    desk.print_visit_document(
        &h,
        recorded.visit_id,
        VisitForm::Receipt,
        &PrintOptions::default(),
    )
    .unwrap();
    let logged = views(&desk);
    assert_eq!(logged.len(), 1);
    assert!(
        logged[0].0.contains("xuly") && logged[0].1.contains("in lại"),
        "{logged:?}"
    );
}
