//! Officers' accounts and the permission matrix, through the core's API (not the window):
//! a reception officer cannot reach a leader's or an administrator's action, a locked
//! session can do nothing, and bad account input is explained and saves nothing.

use crate::common::*;
use tiepdan_core::desk::ExportOptions;
use tiepdan_core::domain::officer::OfficerRole::{Admin, Handler, Leader, Reception};
use tiepdan_core::domain::report::Template;
use tiepdan_core::domain::report::period::Period;
use tiepdan_core::progress::Unwatched;
use tiepdan_core::{Desk, Error};

const NOW: &str = "2026-02-04 08:00";

/// An encrypted office with an administrator and one account per role.
fn office_with_accounts(dir: &std::path::Path) {
    let (mut desk, done) =
        Desk::setup(dir, &account("quantri", "Trần Quản Trị", &[Admin]), at(NOW)).unwrap();
    assert_eq!(done.session.login, "quantri");
    let admin = done.session.ctx(at(NOW));
    desk.save_office(&admin, &office()).unwrap();
    for (login, name, role) in [
        ("tiepdan", "Lê Thị Tiếp", Reception),
        ("xuly", "Phạm Văn Xử", Handler),
        ("chutich", "Phạm Văn Hùng", Leader),
    ] {
        desk.add_account(&admin, &account(login, name, &[role]))
            .unwrap();
    }
}

fn sign_in(dir: &std::path::Path, login: &str) -> Desk {
    sign_in_as(dir, login, NOW)
}

fn forbidden(e: Error) -> String {
    assert_eq!(e.code(), "forbidden", "{e}");
    e.to_string()
}

#[test]
fn a_reception_officer_cannot_reach_a_leaders_or_an_administrators_action() {
    let dir = tempfile::tempdir().unwrap();
    office_with_accounts(dir.path());

    let mut desk = sign_in(dir.path(), "tiepdan");
    let c = desk.session().unwrap().ctx(at("2026-02-04 09:30"));
    // The front desk's own work is allowed.
    let recorded = desk.record_visit(&c, &complaint_visit()).unwrap();
    let petition = recorded.petition_ids[0];
    // A leader's actions are refused by the core, with who may do them.
    let officers = desk.officers().unwrap();
    let leader_id = officers
        .iter()
        .find(|o| o.full_name == "Phạm Văn Hùng")
        .unwrap()
        .id;
    let msg = forbidden(desk.assign_case(&c, petition, Some(leader_id)).unwrap_err());
    assert!(msg.contains("phân công cán bộ"), "{msg}");
    assert!(msg.contains("Lãnh đạo"), "{msg}");
    let period =
        Period::from_range(at("2025-12-15 00:00").date(), at("2026-06-14 00:00").date()).unwrap();
    forbidden(
        desk.submit_report(&c, Template::parse("01/XLD").unwrap(), period, "")
            .unwrap_err(),
    );
    forbidden(
        desk.assign_leader(&c, petition, Some(leader_id))
            .unwrap_err(),
    );
    // …and the administrator's.
    forbidden(
        desk.add_account(&c, &account("moi", "Người Mới", &[Reception]))
            .unwrap_err(),
    );
    forbidden(desk.save_office(&c, &office()).unwrap_err());
    forbidden(
        desk.export(
            &c,
            &ExportOptions {
                redact: true,
                today: None,
            },
        )
        .unwrap_err(),
    );
    // Nothing of it was written: the trail holds the visit and the sign-in only.
    let refused: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action IN ('case.assign', 'report.submit', 'account.create') AND at > '2026-02-04T09:00'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(refused, 0);
    drop(desk);

    // The leader may; the administrator may not handle petitions nor see denouncers.
    let mut desk = sign_in(dir.path(), "chutich");
    let c = desk.session().unwrap().ctx(at("2026-02-04 10:00"));
    desk.assign_leader(&c, petition, Some(leader_id)).unwrap();
    drop(desk);
    let desk = sign_in(dir.path(), "quantri");
    let c = desk.session().unwrap().ctx(at("2026-02-04 10:00"));
    assert!(
        desk.export(
            &c,
            &ExportOptions {
                redact: true,
                today: None
            }
        )
        .is_ok()
    );
    let msg = forbidden(
        desk.export(
            &c,
            &ExportOptions {
                redact: false,
                today: None,
            },
        )
        .unwrap_err(),
    );
    assert!(msg.contains("danh tính người tố cáo"), "{msg}");
}

#[test]
fn a_locked_session_can_do_nothing_until_signed_in_again() {
    let dir = tempfile::tempdir().unwrap();
    office_with_accounts(dir.path());
    let mut desk = sign_in(dir.path(), "tiepdan");
    desk.lock();
    let c = tiepdan_core::edge::ctx(&desk, "kiểm thử");
    let e = desk.record_visit(&c, &complaint_visit()).unwrap_err();
    assert_eq!(e.code(), "signed_out");
    assert!(e.to_string().contains("đăng nhập lại"), "{e}");
    // Reads too: the core keeps a locked screen shut, whatever edge asks.
    let today = at(NOW).date();
    let refused = [
        desk.office().map(|_| ()),
        desk.agencies().map(|_| ()),
        desk.search("Nguyễn", 10).map(|_| ()),
        desk.reception_register(&Default::default()).map(|_| ()),
        desk.due(today, 10).map(|_| ()),
        desk.trend(today, 6).map(|_| ()),
        desk.status().map(|_| ()),
    ];
    for r in refused {
        assert_eq!(r.unwrap_err().code(), "signed_out");
    }
    // A wrong password does not unlock; the right one does.
    assert_eq!(
        desk.unlock("tiepdan", "sai", at(NOW)).unwrap_err().code(),
        "bad_credentials"
    );
    assert!(desk.session().is_none());
    desk.unlock("tiepdan", "tiepdan-mật-khẩu", at(NOW)).unwrap();
    let c = tiepdan_core::edge::ctx(&desk, "kiểm thử");
    assert!(desk.record_visit(&c, &complaint_visit()).is_ok());
    assert!(desk.search("Nguyễn", 10).is_ok());
}

#[test]
fn bad_account_input_is_explained_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    office_with_accounts(dir.path());
    let mut desk = sign_in(dir.path(), "quantri");
    let admin = desk.session().unwrap().ctx(at(NOW));
    let before = desk.accounts().unwrap();
    let mut bad = account("Ab", "", &[]);
    bad.password = "ngắn".into();
    let Error::Invalid(fields) = desk.add_account(&admin, &bad).unwrap_err() else {
        panic!("invalid input")
    };
    let text: Vec<&str> = fields.iter().map(|f| f.message_vi.as_str()).collect();
    assert!(
        text.iter()
            .any(|m| m.contains("Tên đăng nhập gồm 3–32 ký tự")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|m| m.contains("ít nhất 10 ký tự")),
        "{text:?}"
    );
    assert!(
        text.iter().any(|m| m.contains("Chọn ít nhất một vai trò")),
        "{text:?}"
    );
    assert!(text.iter().any(|m| m.contains("họ tên")), "{text:?}");
    let mut mismatch = account("moi", "Người Mới", &[Reception]);
    mismatch.password_again = "khác-hẳn-đi".into();
    assert!(
        desk.add_account(&admin, &mismatch)
            .unwrap_err()
            .to_string()
            .contains("không khớp")
    );
    let taken = account("TIEPDAN", "Người Khác", &[Reception]);
    assert!(
        desk.add_account(&admin, &taken)
            .unwrap_err()
            .to_string()
            .contains("đã có tài khoản")
    );
    assert_eq!(desk.accounts().unwrap(), before);
    // The last administrator cannot be locked out.
    let e = desk
        .set_account_active(&admin, "quantri", false)
        .unwrap_err();
    assert!(e.to_string().contains("quản trị cuối cùng"), "{e}");
}

#[test]
fn passwords_change_and_a_locked_account_no_longer_opens_the_data() {
    let dir = tempfile::tempdir().unwrap();
    office_with_accounts(dir.path());
    // One's own password, yes (in the window, with the current one); another's, no.
    let mut desk = sign_in(dir.path(), "tiepdan");
    let c = desk.session().unwrap().ctx(at(NOW));
    let e = desk
        .change_own_password(&c, "sai", "mật khẩu mới 2026", "mật khẩu mới 2026")
        .unwrap_err();
    assert!(
        e.to_string().contains("Mật khẩu hiện tại không đúng"),
        "{e}"
    );
    assert!(Desk::sign_in(dir.path(), "tiepdan", "tiepdan-mật-khẩu", at(NOW)).is_ok());
    let c = desk.session().unwrap().ctx(at(NOW));
    desk.set_password(&c, "tiepdan", "mật khẩu mới 2026", "mật khẩu mới 2026")
        .unwrap();
    forbidden(
        desk.set_password(&c, "xuly", "12345678", "12345678")
            .unwrap_err(),
    );
    drop(desk);
    assert_eq!(
        Desk::sign_in(dir.path(), "tiepdan", "tiepdan-mật-khẩu", at(NOW))
            .unwrap_err()
            .code(),
        "bad_credentials"
    );
    Desk::sign_in(dir.path(), "tiepdan", "mật khẩu mới 2026", at(NOW)).unwrap();

    // The administrator locks the handler's account: its password opens nothing any more.
    let mut desk = sign_in(dir.path(), "quantri");
    let admin = desk.session().unwrap().ctx(at(NOW));
    desk.set_account_active(&admin, "xuly", false).unwrap();
    drop(desk);
    assert_eq!(
        Desk::sign_in(dir.path(), "xuly", "xuly-mật-khẩu", at(NOW))
            .unwrap_err()
            .code(),
        "bad_credentials"
    );
    // Each sign-in is in the trail, and the trail holds.
    let desk = sign_in(dir.path(), "quantri");
    let sign_ins: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'account.sign_in'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sign_ins >= 4, "{sign_ins}");
    assert!(desk.verify_audit().unwrap().is_ok());
}

#[test]
fn the_first_run_needs_an_administrator_and_happens_once() {
    let dir = tempfile::tempdir().unwrap();
    let e = Desk::setup(dir.path(), &account("lan", "Lê Lan", &[Reception]), at(NOW)).unwrap_err();
    assert!(e.to_string().contains("Quản trị hệ thống"), "{e}");
    assert!(!dir.path().join("keyring.json").exists());
    office_with_accounts(dir.path());
    let e = Desk::setup(
        dir.path(),
        &account("khac", "Người Khác", &[Admin]),
        at(NOW),
    )
    .unwrap_err();
    assert!(e.to_string().contains("Hãy đăng nhập"), "{e}");
}

#[test]
fn restoring_an_older_backup_keeps_who_may_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    office_with_accounts(dir.path());
    let mut desk = sign_in(dir.path(), "quantri");
    let admin = desk.session().unwrap().ctx(at(NOW));
    let backup = desk.backup_now(&admin, None).unwrap().path;
    // After the backup: a new officer's account, and the handler's locked.
    desk.add_account(&admin, &account("moi", "Ngô Văn Mới", &[Reception]))
        .unwrap();
    desk.set_account_active(&admin, "xuly", false).unwrap();
    desk.restore(&admin, &backup, &Unwatched).unwrap();
    drop(desk);
    // The records are the backup's; the accounts are today's.
    assert!(Desk::sign_in(dir.path(), "moi", "moi-mật-khẩu", at(NOW)).is_ok());
    assert_eq!(
        Desk::sign_in(dir.path(), "xuly", "xuly-mật-khẩu", at(NOW))
            .unwrap_err()
            .code(),
        "bad_credentials"
    );
    let desk = sign_in(dir.path(), "quantri");
    assert!(desk.verify_audit().unwrap().is_ok());
}

#[test]
fn five_wrong_passwords_in_a_row_pause_signing_in() {
    use tiepdan_core::desk::Throttle;
    let dir = tempfile::tempdir().unwrap();
    office_with_accounts(dir.path());
    let mut throttle = Throttle::load(dir.path());
    // The wall clock: the command line below reads it too.
    let t0 = tiepdan_core::edge::now();
    for _ in 0..Throttle::LIMIT {
        throttle.check(t0).unwrap();
        let outcome = Desk::sign_in(dir.path(), "tiepdan", "sai", at(NOW)).map(|_| ());
        throttle.record(&outcome, t0);
    }
    throttle.save(dir.path()).unwrap();
    // Kept on disk: a window opened again (or the command line) is paused too.
    let throttle = Throttle::load(dir.path());
    let e = throttle
        .check(t0 + chrono::Duration::seconds(1))
        .unwrap_err();
    assert_eq!(e.code(), "throttled");
    assert!(e.to_string().contains("Hãy chờ 29 giây"), "{e}");
    let out_file = dir.path().join("x.jsonl");
    let out = cli_with(
        "tiepdan-mật-khẩu",
        &[
            "--data",
            dir.path().to_str().unwrap(),
            "export",
            "--out",
            out_file.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Hãy chờ"), "{}", stderr(&out));
    // After the pause, the right password signs in and the count starts over.
    let mut throttle = throttle;
    let later = t0 + Throttle::PAUSE + chrono::Duration::seconds(1);
    throttle.check(later).unwrap();
    let ok = Desk::sign_in(dir.path(), "tiepdan", "tiepdan-mật-khẩu", at(NOW)).map(|_| ());
    throttle.record(&ok, later);
    let wrong = Desk::sign_in(dir.path(), "tiepdan", "sai", at(NOW)).map(|_| ());
    throttle.record(&wrong, later);
    throttle.check(later).unwrap();
}

#[test]
fn an_officer_is_corrected_and_one_who_leaves_can_no_longer_sign_in() {
    use tiepdan_core::domain::officer::OfficerEdit;
    let dir = tempfile::tempdir().unwrap();
    office_with_accounts(dir.path());
    let mut admin = sign_in(dir.path(), "quantri");
    let c = admin.session().unwrap().ctx(at(NOW));
    let id = |desk: &Desk, name: &str| {
        desk.officers()
            .unwrap()
            .into_iter()
            .find(|o| o.full_name == name)
            .unwrap()
            .id
    };
    let tiep = id(&admin, "Lê Thị Tiếp");
    // A blank name is refused, nothing changes.
    let e = admin
        .update_officer(
            &c,
            &OfficerEdit {
                officer_id: tiep,
                full_name: " ".into(),
                title: String::new(),
                active: true,
            },
        )
        .unwrap_err();
    assert!(
        format!("{:?}", e.to_data()).contains("Chưa nhập họ tên"),
        "{e}"
    );
    let fixed = admin
        .update_officer(
            &c,
            &OfficerEdit {
                officer_id: tiep,
                full_name: "lê thị tiếp".into(),
                title: "Công chức Văn phòng - Thống kê".into(),
                active: true,
            },
        )
        .unwrap();
    assert_eq!(fixed.full_name, "Lê Thị Tiếp");
    let accounts = admin.accounts().unwrap();
    let a = accounts.iter().find(|a| a.login == "tiepdan").unwrap();
    assert_eq!(a.title, "Công chức Văn phòng - Thống kê");
    // She leaves: the officer is inactive and her password no longer opens the data.
    admin
        .update_officer(
            &c,
            &OfficerEdit {
                officer_id: tiep,
                full_name: fixed.full_name,
                title: fixed.title,
                active: false,
            },
        )
        .unwrap();
    assert!(
        !admin
            .officers()
            .unwrap()
            .iter()
            .find(|o| o.id == tiep)
            .unwrap()
            .active
    );
    assert!(Desk::sign_in(dir.path(), "tiepdan", "tiepdan-mật-khẩu", at(NOW)).is_err());
    // The last administrator cannot leave; a reception officer cannot edit anyone.
    let quan = id(&admin, "Trần Quản Trị");
    let e = admin
        .update_officer(
            &c,
            &OfficerEdit {
                officer_id: quan,
                full_name: "Trần Quản Trị".into(),
                title: String::new(),
                active: false,
            },
        )
        .unwrap_err();
    assert!(
        format!("{:?}", e.to_data()).contains("quản trị cuối cùng"),
        "{e}"
    );
    assert!(
        admin
            .officers()
            .unwrap()
            .iter()
            .find(|o| o.id == quan)
            .unwrap()
            .active
    );
    drop(admin);
    let mut xuly = sign_in(dir.path(), "xuly");
    let cx = xuly.session().unwrap().ctx(at(NOW));
    forbidden(
        xuly.update_officer(
            &cx,
            &OfficerEdit {
                officer_id: quan,
                full_name: "X".into(),
                title: String::new(),
                active: true,
            },
        )
        .unwrap_err(),
    );
}
