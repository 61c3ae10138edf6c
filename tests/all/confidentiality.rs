//! A denouncer's identity on every path around the reveal flow, checked by what an insider
//! reaches: a canary denouncer (unique name, identity number and phone) hands in a
//! denunciation with a scan, is booked into a reception day and refused once; then each
//! role reads what the core gives it. The name appears only where the right allows it, and
//! each such view is an audit row; no file is left beside the database.

use crate::common;

use crate::common::*;
use base64::Engine;
use tiepdan_core::Desk;
use tiepdan_core::desk::{AttachInput, AttachmentOwner, BookingInput, SessionKey};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::IdKind;
use tiepdan_core::domain::officer::OfficerRole::{Admin, Handler, Leader, Reception};
use tiepdan_core::domain::refusal::{RefusalGround, RefusalInput};
use tiepdan_core::domain::visit::{CitizenRef, PetitionKind};

const DAY: &str = "2026-11-23 09:00";
const NEXT_DAY: &str = "2026-11-24 09:00";
const NAME: &str = "Vừ Thị Canh Ry";
const ID: &str = "011180054321";
const PHONE: &str = "0912345678";

fn canary(text: &str) -> bool {
    text.contains(NAME) || text.contains(ID) || text.contains(PHONE)
}

fn views(desk: &Desk) -> Vec<String> {
    let mut stmt = desk
        .store()
        .conn()
        .prepare("SELECT actor || ': ' || detail FROM audit_log WHERE action = 'denouncer.view'")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&[0u8; 64]);
    bytes
}

struct Office {
    dir: tempfile::TempDir,
    visit: i64,
    petition: i64,
    citizen: i64,
    attachment: i64,
    booking: i64,
    session: i64,
}

/// The encrypted office, one account per role, and the canary's visit recorded at the desk
/// by the reception officer (the first prints of the day are the desk's).
fn office() -> Office {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, done) = Desk::setup(
        dir.path(),
        &account("quantri", "Trần Quản Trị", &[Admin]),
        at(DAY),
    )
    .unwrap();
    let admin = done.session.ctx(at(DAY));
    desk.save_office(&admin, &common::office()).unwrap();
    for (login, name, role) in [
        ("tiepdan", "Lê Thị Tiếp", Reception),
        ("xuly", "Phạm Văn Xử", Handler),
        ("chutich", "Phạm Văn Hùng", Leader),
    ] {
        desk.add_account(&admin, &account(login, name, &[role]))
            .unwrap();
    }
    drop(desk);
    let mut desk = sign_in_as(dir.path(), "tiepdan", DAY);
    let c = desk.session().unwrap().ctx(at(DAY));
    let mut v = complaint_visit();
    v.at = "2026-11-23T08:30".into();
    v.citizens = vec![CitizenRef::New(CitizenInput {
        full_name: NAME.into(),
        id_kind: IdKind::Cccd,
        id_number: Some(ID.into()),
        birth_year: Some(1980),
        gender: Some(tiepdan_core::domain::identity::Sex::Female),
        address: "Thôn Nước Lăng, xã Ba Tơ".into(),
        phone: Some(PHONE.into()),
        ..CitizenInput::default()
    })];
    v.summary = "Tố cáo cán bộ địa chính nhận tiền".into();
    v.petitions[0].kind = PetitionKind::Denunciation;
    v.petitions[0].instance = None;
    v.petitions[0].summary = "Tố cáo cán bộ địa chính nhận tiền".into();
    let recorded = desk.record_visit(&c, &v).unwrap();
    let petition = recorded.petition_ids[0];
    let attachment = desk
        .attach(
            &c,
            &AttachInput {
                owner: AttachmentOwner::Petition,
                owner_id: petition,
                file_name: format!("don-to-cao-{NAME}.png"),
                content_base64: base64::engine::general_purpose::STANDARD.encode(png()),
            },
        )
        .unwrap()
        .id;
    let (citizen, case): (i64, i64) = desk
        .store()
        .conn()
        .query_row(
            "SELECT d.citizen_id, p.case_id FROM denouncers d JOIN petitions p ON p.id = d.petition_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // The first refusal notice of the day is the desk's.
    let refusal = desk
        .refuse_reception(
            &c,
            recorded.visit_id,
            &RefusalInput {
                ground: RefusalGround::Disruptive,
                detail: "Có lời lẽ xúc phạm cán bộ".into(),
            },
        )
        .unwrap();
    assert!(
        canary(&pdftotext(&refusal.path)),
        "the person refused is named"
    );
    assert!(pdftotext(&refusal.path).contains("MẬT"));
    let session = desk
        .add_session(
            &c,
            &tiepdan_core::desk::SessionInput {
                on: "2026-11-26".into(),
                start: "08:00".into(),
                end: "11:00".into(),
                place: "Trụ sở UBND xã".into(),
                host: tiepdan_core::domain::schedule::Host::Chair,
                host_name: "Phạm Văn Hùng".into(),
                kind: tiepdan_core::domain::schedule::SessionKind::OneOff,
                capacity: 10,
            },
        )
        .unwrap();
    let booking = desk
        .book(
            &c,
            &BookingInput {
                session: SessionKey {
                    id: Some(session),
                    plan_id: None,
                    planned_on: None,
                },
                citizen_id: citizen,
                case_id: Some(case),
                people: 1,
                note: None,
            },
        )
        .unwrap();
    assert!(booking.secret);
    assert!(!canary(&booking.citizen_name), "{}", booking.citizen_name);
    Office {
        dir,
        visit: recorded.visit_id,
        petition,
        citizen,
        attachment,
        booking: booking.id,
        session,
    }
}

#[test]
fn a_reception_officer_reaches_the_denouncer_on_no_path_after_the_desk() {
    let o = office();
    let mut desk = sign_in_as(o.dir.path(), "tiepdan", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let before = views(&desk).len();
    let forbidden = |e: tiepdan_core::Error| {
        assert!(
            matches!(e, tiepdan_core::Error::Forbidden { .. }),
            "refused for want of the right: {e}"
        );
        assert!(!canary(&e.to_string()), "{e}");
    };
    // The refusal notice and the visit's documents, printed again.
    forbidden(
        desk.refuse_reception(
            &c,
            o.visit,
            &RefusalInput {
                ground: RefusalGround::Disruptive,
                detail: "In lại".into(),
            },
        )
        .unwrap_err(),
    );
    forbidden(
        desk.print_visit_document(
            &c,
            o.visit,
            tiepdan_core::desk::VisitForm::Receipt,
            &Default::default(),
        )
        .unwrap_err(),
    );
    // The scan: listed without its name or thumbnail, not opened.
    let files = desk
        .attachments_of(&c, AttachmentOwner::Petition, o.petition)
        .unwrap();
    assert_eq!(files.len(), 1);
    assert!(!canary(&files[0].file_name), "{}", files[0].file_name);
    assert!(files[0].thumbnail.is_none());
    forbidden(desk.export_attachment(&c, o.attachment).unwrap_err());
    // The booking and the briefing pack.
    let booked = desk.bookings(o.session).unwrap();
    assert!(booked.iter().all(|b| !canary(&b.citizen_name)));
    let key = SessionKey {
        id: Some(o.session),
        plan_id: None,
        planned_on: None,
    };
    let pack = desk.export_briefing_pack(&c, &key).unwrap();
    let text = pdftotext(&pack.path);
    assert!(text.contains("bảo mật"), "{text}");
    assert!(!canary(&text), "{text}");
    forbidden(desk.print_booking_slip(&c, o.booking).unwrap_err());
    // The citizen's record: not found by number, not printed, corrected or merged.
    let found = desk.find_citizens("", Some(ID), 10).unwrap();
    assert!(found.is_empty(), "{found:?}");
    let found = desk.find_citizens(NAME, None, 10).unwrap();
    assert!(found.is_empty(), "{found:?}");
    forbidden(desk.export_citizen_data(&c, o.citizen).unwrap_err());
    forbidden(
        desk.correct_citizen(
            &c,
            &tiepdan_core::desk::CorrectionInput {
                citizen_id: o.citizen,
                citizen: CitizenInput {
                    full_name: "Người Khác".into(),
                    address: "Thôn Đông".into(),
                    ..CitizenInput::default()
                },
                reason: "Sửa tên".into(),
            },
        )
        .unwrap_err(),
    );
    forbidden(
        desk.merge_citizens(&c, o.citizen, o.citizen + 1000, "Nhập trùng")
            .unwrap_err(),
    );
    // Chosen by its number in a new visit, the record is "not in the register".
    let mut v = complaint_visit();
    v.at = "2026-11-24T08:30".into();
    v.citizens = vec![CitizenRef::Existing(o.citizen)];
    let e = desk.record_visit(&c, &v).unwrap_err();
    assert!(e.to_string().contains("không còn trong sổ"), "{e}");
    // The same person typed again with their number: a record of their own, as typed; no
    // message naming anyone, nothing stored before shown, the denouncer's record untouched.
    let again = desk
        .add_citizen(
            &c,
            &CitizenInput {
                full_name: "Vừ Thị Mới".into(),
                id_kind: IdKind::Cccd,
                id_number: Some(ID.into()),
                birth_year: Some(1980),
                gender: Some(tiepdan_core::domain::identity::Sex::Female),
                address: "Thôn Mới".into(),
                ..CitizenInput::default()
            },
        )
        .unwrap();
    assert!(!canary(&format!("{again:?}").replace(ID, "")), "{again:?}");
    assert_ne!(again.id, o.citizen);
    // The denouncer's record is untouched: still sealed, placeholders in the clear.
    let kept: (String, Option<String>, bool) = desk
        .store()
        .conn()
        .query_row(
            "SELECT full_name, phone, sealed IS NOT NULL FROM citizens WHERE id = ?1",
            [o.citizen],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(kept, ("Người tố cáo (bảo mật)".to_owned(), None, true));
    // Correcting someone else's record to the denouncer's number names no one.
    let other = desk
        .add_citizen(
            &c,
            &CitizenInput {
                full_name: "Lê Văn Khác".into(),
                address: "Thôn Tây".into(),
                ..CitizenInput::default()
            },
        )
        .unwrap();
    let e = desk
        .correct_citizen(
            &c,
            &tiepdan_core::desk::CorrectionInput {
                citizen_id: other.id,
                citizen: CitizenInput {
                    full_name: "Lê Văn Khác".into(),
                    id_kind: IdKind::Cccd,
                    id_number: Some(ID.into()),
                    birth_year: Some(1980),
                    gender: Some(tiepdan_core::domain::identity::Sex::Female),
                    address: "Thôn Tây".into(),
                    ..CitizenInput::default()
                },
                reason: "Sửa theo căn cước".into(),
            },
        )
        .unwrap_err();
    // The number is now the new record's (the denouncer's own is sealed, so no message
    // can name them).
    assert!(e.to_string().contains("Vừ Thị Mới"), "{e}");
    assert!(!canary(&e.to_string().replace(ID, "")), "{e}");

    assert_eq!(
        views(&desk).len(),
        before,
        "nothing was shown, nothing logged"
    );
}

#[test]
fn a_leader_sees_the_denouncer_where_needed_and_every_view_is_logged() {
    let o = office();
    let mut desk = sign_in_as(o.dir.path(), "chutich", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let key = SessionKey {
        id: Some(o.session),
        plan_id: None,
        planned_on: None,
    };
    let pack = desk.export_briefing_pack(&c, &key).unwrap();
    assert!(pdftotext(&pack.path).contains(NAME));
    let scan = desk.export_attachment(&c, o.attachment).unwrap();
    assert_eq!(std::fs::read(&scan.path).unwrap(), png());
    let again = desk
        .refuse_reception(
            &c,
            o.visit,
            &RefusalInput {
                ground: RefusalGround::Disruptive,
                detail: "In lại".into(),
            },
        )
        .unwrap();
    assert!(again.reprint);
    let logged = views(&desk);
    assert_eq!(logged.len(), 3, "{logged:#?}");
    assert!(logged.iter().all(|v| v.contains("Phạm Văn Hùng")));
    assert!(
        logged[0].contains("tài liệu chuẩn bị buổi tiếp"),
        "{logged:?}"
    );
    assert!(logged[1].contains("tệp đính kèm"), "{logged:?}");
    assert!(logged[2].contains("thông báo từ chối"), "{logged:?}");
}

#[test]
fn a_notice_to_the_denouncer_is_marked_secret_and_logged_as_a_view() {
    let o = office();
    let mut desk = sign_in_as(o.dir.path(), "xuly", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    desk.handle_petition(
        &c,
        &tiepdan_core::desk::HandleInput {
            petition_id: o.petition,
            action: tiepdan_core::domain::routing::Action::Accept,
            on: "2026-11-24".into(),
            to_agency: None,
            reason: Some("Cán bộ địa chính xã thuộc thẩm quyền Chủ tịch xã".into()),
            note: None,
            accepted_on: None,
        },
    )
    .unwrap();
    let before = views(&desk).len();
    let notice = desk.print_decision(&c, o.petition).unwrap();
    let text = pdftotext(&notice.path);
    assert!(text.contains(NAME), "addressed to the denouncer: {text}");
    assert!(text.contains("MẬT"), "{text}");
    assert_eq!(views(&desk).len(), before + 1);
}

#[test]
fn nothing_is_left_beside_the_database_and_the_copies_go_with_the_desk() {
    let o = office();
    let mut desk = sign_in_as(o.dir.path(), "chutich", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let scan = desk.export_attachment(&c, o.attachment).unwrap();
    let view = std::path::Path::new(&scan.path)
        .parent()
        .unwrap()
        .to_owned();
    assert!(!view.starts_with(o.dir.path()), "{}", view.display());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&view), 0o700);
        assert_eq!(mode(o.dir.path()), 0o700);
    }
    drop(desk);
    assert!(!view.exists(), "the viewing folder goes with the desk");
    // Beside the database: the keyring, backups and the database's own files only.
    for entry in walk(o.dir.path()) {
        let name = entry.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("tiepdan.sqlite3")
                || name == "keyring.json"
                || name == "signin.json"
                || entry.starts_with(o.dir.path().join("backups")),
            "a file left beside the database: {}",
            entry.display()
        );
        if name == "keyring.json" {
            assert!(!canary(&std::fs::read_to_string(&entry).unwrap()));
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_command_line_creates_no_plain_store() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("moi");
    let file = dir.path().join("x.jsonl");
    std::fs::write(&file, "").unwrap();
    let out = cli(&[
        "--data",
        data.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("tiepdan init"), "{}", stderr(&out));
    assert!(!data.join("tiepdan.sqlite3").exists());
    let out = cli(&[
        "--data",
        data.to_str().unwrap(),
        "export",
        "--out",
        "x.jsonl",
    ]);
    assert!(!out.status.success());
    assert!(!data.join("tiepdan.sqlite3").exists());
}

#[test]
fn a_discarded_draft_leaves_nothing_readable_in_the_file() {
    // A plain store, read byte by byte: what someone holding the key would see.
    let dir = tempfile::tempdir().unwrap();
    let c = ctx(DAY);
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    let typed = serde_json::json!({"full_name": NAME, "id_number": ID, "phone": PHONE});
    desk.save_draft(&c, "intake", &typed).unwrap();
    desk.discard_draft(&c, "intake").unwrap();
    // Typing goes on, the draft is saved many times and the visit is never recorded.
    for _ in 0..3 {
        desk.save_draft(&c, "intake", &typed).unwrap();
    }
    desk.discard_draft(&c, "intake").unwrap();
    drop(desk);
    let mut bytes = Vec::new();
    for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
        if e.path().is_file() {
            bytes.extend(std::fs::read(e.path()).unwrap());
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    assert!(!canary(&text), "a deleted draft is still in the file");
}

#[test]
fn a_leader_reads_in_the_audit_trail_who_saw_the_denouncer() {
    let o = office();
    // The handler looks once (a logged view).
    let mut desk = sign_in_as(o.dir.path(), "xuly", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    desk.export_attachment(&c, o.attachment).unwrap();
    let filter = tiepdan_core::desk::AuditFilter {
        action: Some("denouncer.view".into()),
        limit: 100,
        ..Default::default()
    };
    // Handlers and reception officers do not read the trail.
    let e = desk.audit_trail(&c, &filter).unwrap_err();
    assert!(matches!(e, tiepdan_core::Error::Forbidden { .. }), "{e}");
    drop(desk);
    let desk = sign_in_as(o.dir.path(), "chutich", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let trail = desk.audit_trail(&c, &filter).unwrap();
    assert!(trail.intact, "{}", trail.check);
    assert!(trail.check.contains("toàn vẹn"), "{}", trail.check);
    assert_eq!(trail.head, desk.audit_head().unwrap());
    assert_eq!(trail.rows.len(), 1, "{:#?}", trail.rows);
    let row = &trail.rows[0];
    assert_eq!(row.action_vi, "Xem danh tính người tố cáo");
    assert!(row.actor.contains("Phạm Văn Xử"), "{}", row.actor);
    assert!(row.detail.contains("mở tệp đính kèm"), "{}", row.detail);
    assert!(!canary(&format!("{trail:?}")));
    // Every row of the day, newest first; a wrong date is explained.
    let all = desk
        .audit_trail(
            &c,
            &tiepdan_core::desk::AuditFilter {
                from: Some("2026-11-23".into()),
                to: Some("2026-11-23".into()),
                limit: 1000,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(all.rows.len() > 5);
    assert!(all.rows.windows(2).all(|w| w[0].id > w[1].id));
    assert!(all.rows.iter().all(|r| r.at.starts_with("2026-11-23")));
    assert!(!canary(&format!("{all:?}")), "{all:#?}");
    let e = desk
        .audit_trail(
            &c,
            &tiepdan_core::desk::AuditFilter {
                from: Some("32/13/2026".into()),
                limit: 10,
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(e.to_string().contains("Ngày không hợp lệ"), "{e}");
}

#[test]
fn a_full_export_needs_a_leader_a_reason_and_is_a_logged_view() {
    let o = office();
    let opts = tiepdan_core::desk::ExportOptions {
        redact: false,
        today: None,
    };
    let mut desk = sign_in_as(o.dir.path(), "quantri", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    // The administrator exports, but not the denouncers.
    let e = desk
        .export_logged(&c, &opts, "Chuyển sang máy mới")
        .unwrap_err();
    assert!(matches!(e, tiepdan_core::Error::Forbidden { .. }), "{e}");
    let redacted = desk
        .export_logged(
            &c,
            &tiepdan_core::desk::ExportOptions {
                redact: true,
                today: None,
            },
            "",
        )
        .unwrap();
    assert!(!canary(&redacted));
    drop(desk);
    let mut desk = sign_in_as(o.dir.path(), "chutich", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let before = views(&desk).len();
    let e = desk.export_logged(&c, &opts, "  ").unwrap_err();
    assert!(e.to_string().contains("cần ghi rõ lý do"), "{e}");
    assert_eq!(views(&desk).len(), before);
    let full = desk
        .export_logged(&c, &opts, "Chuyển toàn bộ hồ sơ sang máy mới")
        .unwrap();
    assert!(full.contains(NAME));
    let logged = views(&desk);
    assert_eq!(logged.len(), before + 1);
    assert!(
        logged[before].contains("Chuyển toàn bộ hồ sơ sang máy mới"),
        "{logged:?}"
    );
}

/// Every value of every table of the database at `dir`, opened with the database key that
/// `password` unwraps (what an insider with that password reads outside the app). A plain
/// PDF's text is read with pdftotext.
fn everything_in_the_file(dir: &std::path::Path, password: &str) -> Vec<(String, String)> {
    let (_, key) = tiepdan_core::desk::unwrap_key(dir, password).unwrap();
    let hex: String = key.as_bytes().iter().map(|b| format!("{b:02X}")).collect();
    let conn = rusqlite::Connection::open_with_flags(
        dir.join("tiepdan.sqlite3"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
        .unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(tables.len() > 20, "{tables:?}");
    let scratch = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                let text = match row.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(b) if b.starts_with(b"%PDF") => {
                        let path = scratch.path().join("x.pdf");
                        std::fs::write(&path, b).unwrap();
                        format!(
                            "{} {}",
                            pdftotext(path.to_str().unwrap()),
                            String::from_utf8_lossy(b)
                        )
                    }
                    rusqlite::types::ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    _ => continue,
                };
                out.push((table.clone(), text));
            }
        }
    }
    out
}

#[test]
fn the_database_key_alone_opens_no_denouncer() {
    let o = office();
    // A handler's first sign-in replaces the office's first denouncer key (whose secret
    // the database held) and grants the new one to the handler and the leader; the
    // handler then prints the receipt (a logged view, the identity opened with the new
    // key) and the desk's refusal notice again (stored sealed, sealed again at the change).
    let mut desk = sign_in_as(o.dir.path(), "xuly", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let receipt = desk
        .print_visit_document(
            &c,
            o.visit,
            tiepdan_core::desk::VisitForm::Receipt,
            &Default::default(),
        )
        .unwrap();
    assert!(
        canary(&pdftotext(&receipt.path)),
        "the handler's print names them"
    );
    let notice = desk
        .refuse_reception(
            &c,
            o.visit,
            &RefusalInput {
                ground: RefusalGround::Disruptive,
                detail: "In lại".into(),
            },
        )
        .unwrap();
    assert!(notice.reprint);
    assert!(canary(&pdftotext(&notice.path)), "the reprint names them");
    let scan = desk.export_attachment(&c, o.attachment).unwrap();
    assert_eq!(std::fs::read(&scan.path).unwrap(), png());
    assert!(scan.path.contains("vu-thi-canh-ry"), "{}", scan.path);
    drop(desk);
    // The leader, granted by the handler's session, opens the identity too.
    let mut desk = sign_in_as(o.dir.path(), "chutich", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let shown = desk
        .reveal_denouncers(&c, o.petition, "Chuẩn bị buổi tiếp công dân của Chủ tịch")
        .unwrap();
    assert_eq!(shown.denouncers[0].full_name, NAME);
    assert_eq!(shown.denouncers[0].phone.as_deref(), Some(PHONE));
    drop(desk);

    // Every account's password opens the database; only the reception officer's and the
    // administrator's are read here, as an insider would read the file outside the app.
    for login in ["tiepdan", "quantri"] {
        let all = everything_in_the_file(o.dir.path(), &format!("{login}-mật-khẩu"));
        let found: Vec<&(String, String)> = all.iter().filter(|(_, v)| canary(v)).collect();
        assert!(found.is_empty(), "{login} reads the canary in {found:?}");
        // The first key's secret is gone.
        assert!(
            all.iter().any(|(t, _)| t == "denouncer_key"),
            "the key's public half is there"
        );
    }
    let desk = sign_in_as(o.dir.path(), "tiepdan", NEXT_DAY);
    let bootstrap: Option<Vec<u8>> = desk
        .store()
        .conn()
        .query_row("SELECT bootstrap FROM denouncer_key", [], |r| r.get(0))
        .unwrap();
    assert_eq!(bootstrap, None);
    let grants: i64 = desk
        .store()
        .conn()
        .query_row("SELECT count(*) FROM denouncer_key_grants", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(grants, 2, "the handler and the leader");
}

#[test]
fn a_locked_or_reset_account_loses_the_denouncer_key() {
    let o = office();
    drop(sign_in_as(o.dir.path(), "xuly", NEXT_DAY));
    let mut desk = sign_in_as(o.dir.path(), "quantri", NEXT_DAY);
    let admin = desk.session().unwrap().ctx(at(NEXT_DAY));
    let grants = |desk: &Desk| -> i64 {
        desk.store()
            .conn()
            .query_row("SELECT count(*) FROM denouncer_key_grants", [], |r| {
                r.get(0)
            })
            .unwrap()
    };
    assert_eq!(grants(&desk), 2);
    // The administrator sets the leader's password: a new key pair, the grant is void.
    desk.set_password(&admin, "chutich", "mật-khẩu-mới-123", "mật-khẩu-mới-123")
        .unwrap();
    assert_eq!(grants(&desk), 1);
    desk.set_account_active(&admin, "xuly", false).unwrap();
    assert_eq!(grants(&desk), 0);
    drop(desk);
    // The leader, until a holder signs in again, cannot open the identity: said plainly.
    let mut desk =
        Desk::sign_in(o.dir.path(), "chutich", "mật-khẩu-mới-123", at(NEXT_DAY)).unwrap();
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let e = desk
        .reveal_denouncers(&c, o.petition, "Chuẩn bị buổi tiếp công dân của Chủ tịch")
        .unwrap_err();
    assert!(e.to_string().contains("chưa được cấp khóa"), "{e}");
    assert!(!canary(&e.to_string()), "{e}");
}

#[test]
fn an_office_from_before_the_denouncer_key_is_sealed_at_its_first_session() {
    let o = office();
    // As an older version left it: the identity in the clear, no denouncer key.
    {
        let (_, key) = tiepdan_core::desk::unwrap_key(o.dir.path(), "quantri-mật-khẩu").unwrap();
        let hex: String = key.as_bytes().iter().map(|b| format!("{b:02X}")).collect();
        let conn = rusqlite::Connection::open(o.dir.path().join("tiepdan.sqlite3")).unwrap();
        conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
            .unwrap();
        conn.execute(
            "UPDATE citizens SET full_name = ?1, id_number = ?2, phone = ?3, sealed = NULL
              WHERE id = ?4",
            rusqlite::params![NAME, ID, PHONE, o.citizen],
        )
        .unwrap();
        conn.execute_batch(
            "DELETE FROM denouncer_key_grants; DELETE FROM denouncer_key;
             UPDATE documents SET sealed = 0, content = x'255044462D';
             UPDATE accounts SET public_key = NULL;",
        )
        .unwrap();
    }
    // The first sign-in after the upgrade (anyone's) seals what was plain.
    drop(sign_in_as(o.dir.path(), "tiepdan", NEXT_DAY));
    let all = everything_in_the_file(o.dir.path(), "tiepdan-mật-khẩu");
    let found: Vec<&(String, String)> = all.iter().filter(|(_, v)| canary(v)).collect();
    assert!(found.is_empty(), "{found:?}");
    // A handler's first sign-in then opens it with the office's new key.
    let mut desk = sign_in_as(o.dir.path(), "xuly", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let shown = desk
        .reveal_denouncers(&c, o.petition, "Kiểm tra sau khi cập nhật phần mềm")
        .unwrap();
    assert_eq!(shown.denouncers[0].full_name, NAME);
    assert_eq!(shown.denouncers[0].id_number.as_deref(), Some(ID));
}

#[test]
fn the_recovery_code_grants_the_key_again_when_no_holder_can_sign_in() {
    let o = office();
    // The handler's first sign-in makes the office's key; the handler writes it down.
    let mut desk = sign_in_as(o.dir.path(), "xuly", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let status = desk.identity_key_status(&c).unwrap();
    assert!(status.held && !status.first_key && status.recovery_saved_at.is_none());
    let code = desk.identity_recovery_code(&c).unwrap();
    assert_eq!(code.len(), 64 + 7, "{code}");
    drop(desk);
    // Reception can neither write the code down nor grant with it.
    let mut desk = sign_in_as(o.dir.path(), "tiepdan", NEXT_DAY);
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    assert!(desk.identity_recovery_code(&c).is_err());
    assert!(desk.grant_identity_key(&c, "chutich", &code).is_err());
    drop(desk);
    // Both holders' passwords are reset by the administrator: no grant is left.
    let mut desk = sign_in_as(o.dir.path(), "quantri", NEXT_DAY);
    let admin = desk.session().unwrap().ctx(at(NEXT_DAY));
    for login in ["xuly", "chutich"] {
        desk.set_password(&admin, login, "mật-khẩu-mới-123", "mật-khẩu-mới-123")
            .unwrap();
    }
    let status = desk.identity_key_status(&admin).unwrap();
    assert!(status.granted.is_empty(), "{status:?}");
    assert_eq!(status.pending, vec!["chutich", "xuly"]);
    assert!(status.recovery_saved_at.is_some());
    // A wrong code, a reception account: refused, nothing granted.
    let wrong = "0".repeat(64);
    let e = desk
        .grant_identity_key(&admin, "chutich", &wrong)
        .unwrap_err();
    assert!(e.to_string().contains("không đúng"), "{e}");
    let e = desk
        .grant_identity_key(&admin, "tiepdan", &code)
        .unwrap_err();
    assert!(e.to_string().contains("không cấp"), "{e}");
    // The leader, whose new key pair comes with the next sign-in, is granted with the code.
    drop(desk);
    drop(Desk::sign_in(o.dir.path(), "chutich", "mật-khẩu-mới-123", at(NEXT_DAY)).unwrap());
    let mut desk = sign_in_as(o.dir.path(), "quantri", NEXT_DAY);
    let admin = desk.session().unwrap().ctx(at(NEXT_DAY));
    desk.grant_identity_key(&admin, "chutich", &code.to_lowercase().replace('-', " "))
        .unwrap();
    drop(desk);
    let mut desk =
        Desk::sign_in(o.dir.path(), "chutich", "mật-khẩu-mới-123", at(NEXT_DAY)).unwrap();
    let c = desk.session().unwrap().ctx(at(NEXT_DAY));
    let shown = desk
        .reveal_denouncers(&c, o.petition, "Kiểm tra sau khi cấp lại khóa")
        .unwrap();
    assert_eq!(shown.denouncers[0].full_name, NAME);
}
