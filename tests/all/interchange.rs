//! The interchange format on real databases: import (all or nothing, idempotent, NFC),
//! export and the round trip, redaction of denouncers, and the command line.

use std::path::Path;

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{ExportOptions, ImportError};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::{IdKind, Sex};
use tiepdan_core::domain::visit::*;
use unicode_normalization::UnicodeNormalization;

const SCENARIO: &str = include_str!("../fixtures/interchange_scenario.jsonl");

/// The denouncer of the scenario, known to the office only through her denunciation.
const DENOUNCER: [&str; 3] = [
    "Hoàng Thị Mỵ Châu",
    "046175998877",
    "Xóm Suối Cát, thôn Gò Mít",
];

fn open(dir: &Path) -> Desk {
    Desk::open(dir, at("2026-11-23 08:00")).unwrap()
}

fn import(desk: &mut Desk, text: &str) -> tiepdan_core::desk::ImportSummary {
    desk.import(&ctx("2026-11-23 09:00"), text)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn export(desk: &Desk, redact: bool) -> String {
    desk.export(
        &ctx("2026-11-23 09:00"),
        &ExportOptions {
            redact,
            today: None,
        },
    )
    .unwrap()
}

fn query<T: rusqlite::types::FromSql>(desk: &Desk, sql: &str) -> T {
    desk.store()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// The name this database gives the refs it makes up (migration 4).
fn interchange_id(desk: &Desk) -> String {
    query(
        desk,
        "SELECT value FROM settings WHERE key = 'interchange_id'",
    )
}

/// The row count of every table (virtual and shadow tables included).
fn row_counts(desk: &Desk) -> Vec<(String, i64)> {
    let conn = desk.store().conn();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

#[test]
fn a_scenario_with_every_record_and_event_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    let s = import(&mut desk, SCENARIO);
    assert_eq!(s.office.created, 1);
    assert_eq!(s.calendar.created, 2);
    assert_eq!(s.agencies.created, 2);
    assert_eq!(s.citizens.created, 4);
    // Two case records, plus one case each for the four petitions and the visit naming none.
    assert_eq!(s.cases.created, 2 + 5);
    assert_eq!(s.petitions.created, 6);
    assert_eq!(s.visits.created, 4);
    assert_eq!(s.reception_plans.created, 2);

    assert_eq!(
        desk.office().unwrap().unwrap().commune_code.as_deref(),
        Some("21769")
    );
    let kinds: String = query(
        &desk,
        "SELECT group_concat(kind, ',') FROM (SELECT DISTINCT kind FROM events ORDER BY kind)",
    );
    assert_eq!(
        kinds,
        "accepted,dialogue,enforced,extended,handled,paused,reply_received,resolved,resumed,terminated,withdrawn"
    );
    let actions: String = query(
        &desk,
        "SELECT group_concat(action, ',') FROM (SELECT DISTINCT action FROM events
         WHERE action IS NOT NULL ORDER BY action)",
    );
    assert_eq!(actions, "accept,decline,file,guide,remind,return,transfer");
    let (days, decision): (i64, String) = desk
        .store()
        .conn()
        .query_row(
            "SELECT days, decision FROM events WHERE kind = 'extended'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((days, decision.as_str()), (15, "45/QĐ-UBND"));
    let minutes: String = query(&desk, "SELECT note FROM events WHERE kind = 'dialogue'");
    assert_eq!(minutes, "Hai bên trình bày, chưa thống nhất");
    let results: String = query(&desk, "SELECT results FROM events WHERE kind = 'resolved'");
    let results: serde_json::Value = serde_json::from_str(&results).unwrap();
    assert_eq!(results["people_benefited"], 2);
    let to: String = query(
        &desk,
        "SELECT a.ref FROM events e JOIN agencies a ON a.id = e.to_agency WHERE e.action = 'transfer'",
    );
    assert_eq!(to, "ag-nnmt");
    let partial: i64 = query(&desk, "SELECT partial FROM events WHERE kind = 'withdrawn'");
    assert_eq!(partial, 1);

    // Cleaned as the app stores it: names written as names, ID numbers compact.
    let tam: (String, String) = desk
        .store()
        .conn()
        .query_row(
            "SELECT full_name, id_number FROM citizens WHERE ref = 'cd-tam'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(tam, ("Lê Văn Tám".to_owned(), "212345678".to_owned()));

    // The denouncer is stored apart and kept out of search; the others are not.
    assert_eq!(
        query::<i64>(
            &desk,
            "SELECT count(*) FROM petition_citizens pc JOIN petitions p ON p.id = pc.petition_id WHERE p.kind = 'denunciation'"
        ),
        0
    );
    assert_eq!(query::<i64>(&desk, "SELECT count(*) FROM denouncers"), 1);
    let only: String = query(
        &desk,
        "SELECT group_concat(ref, ',') FROM citizens WHERE denouncer_only = 1",
    );
    assert_eq!(only, "cd-chau");
    let found: i64 = query(
        &desk,
        "SELECT count(*) FROM search WHERE search MATCH 'chau'",
    );
    assert_eq!(found, 0, "a denouncer is not searchable");
    let found: i64 = query(
        &desk,
        "SELECT count(*) FROM search WHERE search MATCH 'duc'",
    );
    assert_eq!(found, 1);

    // Links: the visit's petitions, representatives, the forwarding body.
    let visit_of: String = query(
        &desk,
        "SELECT v.ref FROM petitions p JOIN visits v ON v.id = p.visit_id WHERE p.ref = 'd-kn1'",
    );
    assert_eq!(visit_of, "lt-1");
    let reps: i64 = query(
        &desk,
        "SELECT count(*) FROM visit_citizens WHERE representative = 1",
    );
    assert_eq!(reps, 4, "one per visit");
    let forwarded: String = query(
        &desk,
        "SELECT a.name FROM petitions p JOIN agencies a ON a.id = p.forwarded_by WHERE p.ref = 'd-pa1'",
    );
    assert_eq!(forwarded, "Tòa án nhân dân khu vực 1");
    let papers: i64 = query(&desk, "SELECT count(*) FROM petition_papers");
    assert_eq!(papers, 2);
    let case_title: String = query(&desk, "SELECT title FROM cases WHERE ref = 'vv-tocao'");
    assert_eq!(
        case_title,
        "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục"
    );

    let audit = tiepdan_core::audit::recent(desk.store().conn(), 5).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "interchange.import");
    assert_eq!(audit[0].detail.as_ref().unwrap()["petitions"]["created"], 6);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    import(&mut desk, SCENARIO);
    let counts = row_counts(&desk);
    let text = export(&desk, false);

    let again = import(&mut desk, SCENARIO);
    assert_eq!((again.created(), again.changed()), (0, 0), "{again:?}");
    assert_eq!(
        again.unchanged(),
        1 + 2 + 2 + 4 + 2 + 6 + 4 + 2,
        "own cases are not records of the file"
    );
    assert_eq!(
        row_counts(&desk),
        counts,
        "no row added, not even an audit row"
    );
    assert_eq!(export(&desk, false), text);
}

#[test]
fn a_changed_record_is_updated_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    import(&mut desk, SCENARIO);
    let events: i64 = query(&desk, "SELECT count(*) FROM events");
    let changed = SCENARIO
        .replace("Thôn Tây, xã Ba Tơ", "Thôn Bắc, xã Ba Tơ")
        .replace(
            r#"{"on": "2026-04-08", "kind": "handled", "action": "file"}"#,
            r#"{"on": "2026-04-08", "kind": "handled", "action": "file"}, {"on": "2026-04-09", "kind": "reply_received"}"#,
        );
    let s = import(&mut desk, &changed);
    assert_eq!((s.created(), s.changed()), (0, 2), "{s:?}");
    assert_eq!(s.citizens.changed, 1);
    assert_eq!(s.petitions.changed, 1);
    let address: String = query(&desk, "SELECT address FROM citizens WHERE ref = 'cd-tam'");
    assert_eq!(address, "Thôn Bắc, xã Ba Tơ");
    assert_eq!(
        query::<i64>(&desk, "SELECT count(*) FROM events"),
        events + 1
    );
    let audits: i64 = query(
        &desk,
        "SELECT count(*) FROM audit_log WHERE action = 'interchange.import'",
    );
    assert_eq!(audits, 2);
}

#[test]
fn an_invalid_file_is_refused_whole_with_every_line_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    import(&mut desk, SCENARIO);
    let counts = row_counts(&desk);
    let text = export(&desk, false);
    let db_bytes = bytes(&db(dir.path()));

    let bad = [
        r#"{"type": "citizen", "ref": "cd-moi", "full_name": "Trần Văn Mới", "id_kind": "cccd", "id_number": "03406801234", "address": "Thôn Đông"}"#,
        r#"{"type": "petition", "ref": "d-moi", "received_on": "2026-05-02", "channel": "post", "kind": "complain", "field": "land", "petitioners": ["cd-duc"], "summary": "Đơn mới"}"#,
        "",
        r#"{"type": "visit", "ref": "lt-moi", "at": "2026-05-02T10:00", "reception": "regular", "received_by": "officer", "citizens": ["cd-khong-co"], "summary": "Lượt tiếp mới"}"#,
        r#"{"type": "calendar", "date": "2026-02-30", "kind": "holiday"}"#,
        r#"{"type": "agency", "ref": "ag-moi", "name": "Cơ quan mới","#,
        r#"{"type": "citizen", "ref": "cd-duc-2", "full_name": "Nguyễn Văn Đức", "id_kind": "cccd", "id_number": "034068012345", "address": "Thôn Đông"}"#,
    ]
    .join("\n");
    let file = format!("{SCENARIO}{bad}\n");
    let first = SCENARIO.lines().count() + 1;
    let Err(ImportError::Invalid(errors)) = desk.import(&ctx("2026-11-23 09:00"), &file) else {
        panic!("the file must be refused");
    };
    let named: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(
        named,
        [
            (first, "id_number"),
            (first + 1, "kind"),
            (first + 3, "citizens[0]"),
            (first + 4, "date"),
            (first + 5, ""),
            (first + 6, "id_number"),
        ],
        "{errors:#?}"
    );
    assert_eq!(
        errors[1].message_vi,
        format!(
            "Dòng {}, trường `kind`: giá trị \"complain\" không hợp lệ; dùng một trong: complaint, denunciation, recommendation, feedback.",
            first + 1
        )
    );
    assert!(
        errors[0].message_vi.contains("phải có 12 chữ số"),
        "{}",
        errors[0]
    );
    assert!(
        errors[2].message_vi.contains("\"cd-khong-co\""),
        "{}",
        errors[2]
    );
    assert!(errors[3].message_vi.contains("YYYY-MM-DD"), "{}", errors[3]);
    assert!(errors[4].message_vi.contains("JSON"), "{}", errors[4]);
    let duc = SCENARIO
        .lines()
        .position(|l| l.contains(r#""ref": "cd-duc""#))
        .unwrap()
        + 1;
    assert!(
        errors[5].message_vi.contains(&format!("dòng {duc}")),
        "{}",
        errors[5]
    );

    assert_eq!(row_counts(&desk), counts);
    assert_eq!(export(&desk, false), text);
    assert_eq!(bytes(&db(dir.path())), db_bytes);
}

#[test]
fn only_a_handling_event_carries_an_action() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    import(&mut desk, SCENARIO);
    let counts = row_counts(&desk);
    let line = r#"{"type": "petition", "ref": "d-nhan", "received_on": "2026-05-02", "channel": "post", "kind": "complaint", "field": "land", "petitioners": ["cd-duc"], "summary": "Đơn mới", "events": [{"on": "2026-05-03", "kind": "accepted", "action": "transfer"}]}"#;
    let Err(ImportError::Invalid(errors)) =
        desk.import(&ctx("2026-11-23 09:00"), &format!("{SCENARIO}{line}\n"))
    else {
        panic!("an accepted event with an action must be refused");
    };
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].message_vi.contains("chỉ sự kiện handled"),
        "{}",
        errors[0]
    );
    assert_eq!(row_counts(&desk), counts);
}

#[test]
fn an_identity_number_already_registered_under_another_ref_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    import(&mut desk, SCENARIO);
    let counts = row_counts(&desk);
    let other = r#"{"type": "citizen", "ref": "cd-khac", "full_name": "Nguyễn Văn Đức", "id_kind": "cccd", "id_number": "034068012345", "address": "Thôn Đông"}"#;
    let Err(ImportError::Invalid(errors)) = desk.import(&ctx("2026-11-23 09:00"), other) else {
        panic!("a second citizen with the same number must be refused");
    };
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .message_vi
            .starts_with("Dòng 1, trường `id_number`: số giấy tờ 034068012345 đã có trong sổ, của công dân ref \"cd-duc\""),
        "{}",
        errors[0]
    );
    assert_eq!(row_counts(&desk), counts);
}

#[test]
fn cross_record_mistakes_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    let file = [
        r#"{"type": "citizen", "ref": "a", "full_name": "Lê Văn A", "id_kind": "none"}"#,
        r#"{"type": "citizen", "ref": "a", "full_name": "Lê Văn B", "id_kind": "none"}"#,
        r#"{"type": "citizen", "ref": "c", "full_name": "Lê Văn C", "id_kind": "none"}"#,
        r#"{"type": "visit", "ref": "v", "at": "2026-05-02T10:00", "reception": "regular", "received_by": "officer", "citizens": ["a", "c"], "representatives": ["x"], "people": 1, "summary": "S"}"#,
        r#"{"type": "petition", "ref": "p", "received_on": "2026-05-02", "channel": "box", "kind": "denunciation", "field": "land", "anonymous": true, "petitioners": ["a"], "summary": "S", "events": [{"on": "2026-05-04", "kind": "accepted"}, {"on": "2026-05-03", "kind": "handled", "action": "accept"}, {"on": "2026-05-05", "kind": "celebrated"}, {"on": "2026-05-06", "kind": "handled", "action": "approve"}]}"#,
        r#"{"type": "petition", "ref": "q", "received_on": "2026-05-02", "channel": "post", "kind": "feedback", "field": "land", "petitioners": ["c"], "summary": "S", "events": [{"on": "2026-05-04", "kind": "accepted"}, {"on": "2026-05-03", "kind": "handled", "action": "accept"}, {"on": "2026-05-07", "kind": "handled", "action": "transfer", "to": "ag-x"}]}"#,
    ]
    .join("\n");
    let Err(ImportError::Invalid(errors)) = desk.import(&ctx("2026-11-23 09:00"), &file) else {
        panic!("refused");
    };
    let named: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(
        named,
        [
            (2, "ref"),
            (4, "people"),
            (4, "representatives"),
            (5, "petitioners"),
            (5, "events[2].kind"),
            (5, "events[3].action"),
            (6, "events[1].on"),
            (6, "events[2].to"),
        ],
        "{errors:#?}"
    );
    assert_eq!(query::<i64>(&desk, "SELECT count(*) FROM citizens"), 0);
}

#[test]
fn decomposed_text_is_stored_composed() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    let nfd: String = SCENARIO.nfd().collect();
    assert_ne!(nfd, SCENARIO);
    import(&mut desk, &nfd);
    let name: String = query(&desk, "SELECT full_name FROM citizens WHERE ref = 'cd-duc'");
    assert_eq!(name, "Nguyễn Văn Đức");
    assert!(unicode_normalization::is_nfc(&name));
    let summary: String = query(&desk, "SELECT summary FROM petitions WHERE ref = 'd-kn1'");
    assert!(unicode_normalization::is_nfc(&summary));

    let other = tempfile::tempdir().unwrap();
    let mut composed = open(other.path());
    import(&mut composed, SCENARIO);
    // The same text, but for the refs each database makes up for the cases it opened.
    let plain = |d: &Desk| export(d, false).replace(&interchange_id(d), "ID");
    assert_eq!(plain(&desk), plain(&composed));
    // And the NFC file is the same file to the database that took the NFD one.
    let s = import(&mut desk, SCENARIO);
    assert_eq!((s.created(), s.changed()), (0, 0));
}

/// A visit typed at the desk, with a new citizen and a petition with a paper.
fn record_at_the_desk(desk: &mut Desk) {
    desk.record_visit(
        &ctx("2026-11-23 09:30"),
        &VisitInput {
            at: "2026-11-23T09:14".into(),
            reception: Reception::Regular,
            received_by: ReceivedBy::Officer,
            citizens: vec![CitizenRef::New(CitizenInput {
                full_name: "Phan Văn Kiên".into(),
                id_kind: IdKind::Cccd,
                id_number: Some("034071000333".into()),
                birth_year: Some(1971),
                gender: Some(Sex::Male),
                address: "Thôn Bắc".into(),
                ..CitizenInput::default()
            })],
            representatives: vec![],
            people: 1,
            case: CaseChoice::New,
            summary: "Hỏi về hồ sơ đất".into(),
            outcome: "Hướng dẫn".into(),
            petitions: vec![PetitionInput {
                kind: PetitionKind::Recommendation,
                field: Field::Land,
                summary: "Kiến nghị đo đạc lại thửa đất".into(),
                anonymous: false,
                respondent_role: None,
                respondent_name: Some("Văn phòng đăng ký đất đai".into()),
                instance: None,
                contested_on: None,
                decision_kind: None,
                oral: false,
                papers: vec![PaperInput {
                    title: "Sơ đồ thửa đất".into(),
                    original: false,
                    certified: false,
                    pages: Some(1),
                }],
                subfield: None,
            }],
        },
    )
    .unwrap();
}

#[test]
fn export_then_import_then_export_gives_the_same_text() {
    let a = tempfile::tempdir().unwrap();
    let mut desk_a = open(a.path());
    import(&mut desk_a, SCENARIO);
    record_at_the_desk(&mut desk_a);
    let first = export(&desk_a, false);
    let here = interchange_id(&desk_a);
    assert_eq!(here.len(), 8);
    let made_up = format!(r#""ref":"{here}-citizen-5""#);
    assert!(first.contains(&made_up), "made-up ref:\n{first}");
    assert!(first.contains(r#""papers":[{"title":"Sơ đồ thửa đất","original":false,"pages":1}]"#));

    let b = tempfile::tempdir().unwrap();
    let mut desk_b = open(b.path());
    import(&mut desk_b, &first);
    let second = export(&desk_b, false);
    // The same records; each file names its own database's audit head.
    let records = |t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("// Mốc nhật ký"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(records(&first), records(&second));
    let s = import(&mut desk_b, &first);
    assert_eq!((s.created(), s.changed()), (0, 0));

    // The file goes back to the database it came from: the records typed there are found
    // by their made-up refs, not created a second time.
    let counts = row_counts(&desk_a);
    let s = import(&mut desk_a, &first);
    assert_eq!((s.created(), s.changed()), (0, 0), "{s:?}");
    assert_eq!(row_counts(&desk_a), counts);
    assert_eq!(export(&desk_a, false), first);
}

#[test]
fn a_redacted_export_holds_nothing_about_a_denouncer() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    import(&mut desk, SCENARIO);
    let full = export(&desk, false);
    let redacted = export(&desk, true);
    for s in DENOUNCER {
        assert!(full.contains(s), "the full export has {s}");
        assert!(!redacted.contains(s), "the redacted export leaks {s}");
    }
    assert!(!redacted.contains("cd-chau"));
    assert!(
        !redacted.contains(r#""ref":"lt-2""#),
        "the visit of the denunciation"
    );
    assert!(
        redacted.contains(r#""ref":"d-tc1""#),
        "the denunciation itself stays"
    );
    assert!(redacted.contains("Nguyễn Văn Đức"), "other citizens stay");
    // The province's copy of the app can take the redacted file.
    let other = tempfile::tempdir().unwrap();
    let mut province = open(other.path());
    import(&mut province, &redacted);
    let denouncers: i64 = query(&province, "SELECT count(*) FROM denouncers");
    assert_eq!(denouncers, 0);
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn the_command_line_imports_refuses_and_exports_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let good = write(files.path(), "scenario.jsonl", SCENARIO);
    // A plain store made by the library (the command line makes none).
    drop(tiepdan_core::Desk::open(dir.path(), ctx("2026-01-01 08:00").now).unwrap());

    let out = cli(&["--data", &d, "import", &good]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("tạo mới 28"), "{}", stdout(&out));
    let out = cli(&["import", &good, "--data", &d]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("không thay đổi gì"),
        "{}",
        stdout(&out)
    );

    let before = bytes(&db(dir.path()));
    let bad = write(
        files.path(),
        "bad.jsonl",
        "// sai\n{\"type\": \"petition\", \"ref\": \"x\", \"kind\": \"complain\"}\n{\"type\": \"calendar\"",
    );
    let out = cli(&["--data", &d, "import", &bad]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("không nhập gì"), "{err}");
    assert!(
        err.contains("Dòng 2, trường `kind`: giá trị \"complain\" không hợp lệ"),
        "{err}"
    );
    assert!(err.contains("Dòng 2, trường `received_on`"), "{err}");
    assert!(err.contains("Dòng 3: không đọc được JSON"), "{err}");
    assert_eq!(bytes(&db(dir.path())), before, "the database is untouched");

    let out_file = files.path().join("gui-tinh.jsonl");
    let o = out_file.display().to_string();
    let out = cli(&[
        "export",
        "--out",
        &o,
        "--redact",
        "--today",
        "2026-11-23",
        "--data",
        &d,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&out_file).unwrap();
    for s in DENOUNCER {
        assert!(!text.contains(s), "the redacted file leaks {s}");
    }
    assert!(text.contains("Nguyễn Văn Đức"));
    let leftovers: Vec<_> = std::fs::read_dir(files.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let out = cli(&["--data", &d, "export", "--out", &o, "--today", "23/11/2026"]);
    assert!(!out.status.success());
}

#[test]
fn an_export_with_a_day_carries_the_computed_routing_deadlines_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    import(&mut desk, SCENARIO);
    let opts = ExportOptions {
        redact: false,
        today: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
    };
    let text = desk.export(&ctx("2026-11-23 09:00"), &opts).unwrap();
    let petitions: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "petition")
        .collect();
    assert!(petitions.len() >= 5);
    for p in &petitions {
        let action = p["routing"]["action"].as_str().unwrap();
        assert!(
            [
                "accept", "decline", "transfer", "guide", "return", "file", "remind", "review"
            ]
            .contains(&action),
            "{p}"
        );
        assert!(
            ["open", "overdue", "closed"].contains(&p["status"].as_str().unwrap()),
            "{p}"
        );
        for d in p["deadlines"].as_array().unwrap() {
            assert!(
                d["due"].as_str().unwrap().len() == 10
                    && d["explain"].as_str().unwrap().contains("Hạn cuối"),
                "{d}"
            );
            assert!(
                d.get("met_on").is_none_or(|m| m.as_str().is_some()),
                "met_on is a date or absent: {d}"
            );
        }
    }
    assert!(
        petitions.iter().any(|p| p["status"] == "closed")
            && petitions.iter().any(|p| p["deadlines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d.get("met_on").is_some()))
    );
    // The computed fields are ignored on import: importing the file back changes nothing.
    let summary = import(&mut desk, &text);
    assert_eq!(summary.created() + summary.changed(), 0);
    // Without a day, no computed fields.
    assert!(!export(&desk, false).contains("\"routing\""));
}

/// The search index's rows, as FTS5 holds them.
fn search_rows(desk: &Desk) -> Vec<(i64, String)> {
    let conn = desk.store().conn();
    let mut stmt = conn
        .prepare("SELECT rowid, body FROM search ORDER BY rowid")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// The search triggers' text.
fn search_triggers(desk: &Desk) -> Vec<String> {
    let conn = desk.store().conn();
    let mut stmt = conn
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .unwrap();
    let rows = stmt.query_map([], |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn an_import_indexes_for_search_exactly_what_the_triggers_would() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = open(dir.path());
    let triggers = search_triggers(&desk);
    record_at_the_desk(&mut desk);
    import(&mut desk, SCENARIO);
    // Changed records too: their old entries must go.
    let changed = SCENARIO.replace(
        "Kiến nghị sửa đường liên thôn",
        "Kiến nghị làm lối đi liên thôn",
    );
    assert_ne!(changed, SCENARIO, "the scenario has the text changed here");
    import(&mut desk, &changed);
    assert_eq!(
        search_triggers(&desk),
        triggers,
        "the triggers are back, as they were"
    );
    let imported = search_rows(&desk);
    assert!(imported.len() > 10, "{imported:?}");
    assert!(
        imported.iter().any(|(_, b)| b.contains("lam loi di")),
        "{imported:?}"
    );
    assert!(
        !imported
            .iter()
            .any(|(_, b)| b.contains("sua duong lien thon")),
        "the old text left the index: {imported:?}"
    );
    // Every row indexed again by the triggers themselves.
    desk.store()
        .conn()
        .execute_batch(
            "UPDATE citizens SET name_fold = name_fold;
             UPDATE petitions SET summary_fold = summary_fold;
             UPDATE visits SET summary_fold = summary_fold;",
        )
        .unwrap();
    assert_eq!(search_rows(&desk), imported);
}

/// Long work stopped at its `n`-th report.
struct StopAt(std::cell::Cell<usize>, Vec<&'static str>);

impl tiepdan_core::progress::Progress for StopAt {
    fn step(&self, stage: &str, _done: u64, _total: u64) -> bool {
        if !self.1.contains(&stage) {
            return true;
        }
        let left = self.0.get();
        self.0.set(left.saturating_sub(1));
        left > 1
    }
}

#[test]
fn a_file_is_imported_from_disk_as_its_text_is_in_any_order() {
    let dir = tempfile::tempdir().unwrap();
    // The scenario backwards: every ref points to a record further down, and the case
    // left without title or date comes after the petitions that give them.
    let mut lines: Vec<&str> = SCENARIO.lines().collect();
    lines.reverse();
    let file = write(dir.path(), "nguoc.jsonl", &(lines.join("\n") + "\n"));
    let mut from_text = open(&dir.path().join("text"));
    let expected = import(&mut from_text, SCENARIO);
    let mut from_file = open(&dir.path().join("file"));
    let summary = from_file
        .import_file(
            &ctx("2026-11-23 09:00"),
            Path::new(&file),
            &tiepdan_core::progress::Unwatched,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary, expected);
    // Stored in another order, the records have other ids: compared as sets, the refs
    // made up for the cases of their own named alike.
    let lines = |desk: &Desk| {
        let made_up = interchange_id(desk) + "-case-";
        let mut all: Vec<String> = export(desk, false)
            .lines()
            .filter(|l| !l.starts_with("//"))
            .map(|l| {
                let mut l = l.replace(&made_up, "case-");
                // "case-3\"" → "case-N\"": the number is the case's id.
                while let Some(i) = l.find("\"case-").map(|i| i + 6) {
                    let digits = l[i..].chars().take_while(char::is_ascii_digit).count();
                    l.replace_range(i - 6..i + digits, "\"own-case N");
                }
                l
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(lines(&from_file), lines(&from_text));
    let bodies = |desk: &Desk| {
        let mut all: Vec<String> = search_rows(desk).into_iter().map(|(_, b)| b).collect();
        all.sort();
        all
    };
    assert_eq!(bodies(&from_file), bodies(&from_text));
}

#[test]
fn a_line_that_is_not_utf8_is_named_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = SCENARIO.as_bytes().to_vec();
    // A name saved in the old Windows code page (TCVN3/cp1258-like bytes).
    bytes.extend_from_slice(
        b"{\"type\": \"citizen\", \"ref\": \"cu\", \"full_name\": \"Nguy\xea\xd2n\", \"id_kind\": \"none\", \"address\": \"x\"}\n",
    );
    let path = dir.path().join("cu.jsonl");
    std::fs::write(&path, &bytes).unwrap();
    let line = SCENARIO.lines().count() + 1;
    let mut desk = open(&dir.path().join("data"));
    let counts = row_counts(&desk);
    let Err(ImportError::Invalid(errors)) = desk.import_file(
        &ctx("2026-11-23 09:00"),
        &path,
        &tiepdan_core::progress::Unwatched,
    ) else {
        panic!("a line that is not UTF-8 is refused")
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, line);
    assert!(errors[0].message_vi.contains("UTF-8"), "{}", errors[0]);
    assert_eq!(row_counts(&desk), counts);
}

#[test]
fn an_import_stopped_while_checking_or_writing_keeps_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "kichban.jsonl", SCENARIO);
    let mut desk = open(&dir.path().join("data"));
    let counts = row_counts(&desk);
    for stage in ["Kiểm tra tệp", "Ghi dữ liệu", "Tính lại thời hạn"] {
        let stop = StopAt(std::cell::Cell::new(2), vec![stage]);
        let e = desk
            .import_file(&ctx("2026-11-23 09:00"), Path::new(&file), &stop)
            .unwrap_err();
        assert!(
            matches!(&e, ImportError::Failed(e) if e.code() == "cancelled"),
            "{stage}: {e}"
        );
        assert_eq!(
            without_denouncer_key(row_counts(&desk)),
            without_denouncer_key(counts.clone()),
            "{stage}: nothing kept"
        );
        assert_eq!(
            search_triggers(&desk),
            search_triggers(&open(&dir.path().join("fresh")))
        );
    }
    // Not stopped, it goes through.
    desk.import_file(
        &ctx("2026-11-23 09:00"),
        Path::new(&file),
        &tiepdan_core::progress::Unwatched,
    )
    .unwrap();
}

/// Row counts but the office's denouncer key, which is made once, when an import first
/// reaches its writing: it belongs to the office, not to the file.
fn without_denouncer_key(counts: Vec<(String, i64)>) -> Vec<(String, i64)> {
    counts
        .into_iter()
        .filter(|(t, _)| t != "denouncer_key")
        .collect()
}

/// Appends a line to `file` the first time the import starts writing, as a copy still
/// running onto the disk would.
struct GrowsWhileWriting(std::path::PathBuf, std::cell::Cell<bool>);

impl tiepdan_core::progress::Progress for GrowsWhileWriting {
    fn step(&self, stage: &str, _: u64, _: u64) -> bool {
        if stage == "Ghi dữ liệu" && !self.1.replace(true) {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&self.0)
                .unwrap();
            writeln!(
                f,
                r#"{{"type": "agency", "ref": "ag-x", "name": "Sở X", "role": "province_department"}}"#
            )
            .unwrap();
        }
        true
    }
}

#[test]
fn a_file_changed_between_its_check_and_its_writing_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "kichban.jsonl", SCENARIO);
    let mut desk = open(&dir.path().join("data"));
    let counts = row_counts(&desk);
    let grows = GrowsWhileWriting(file.clone().into(), std::cell::Cell::new(false));
    let e = desk
        .import_file(&ctx("2026-11-23 09:00"), Path::new(&file), &grows)
        .unwrap_err();
    assert!(grows.1.get(), "the file was changed during the writing");
    let message = e.to_string();
    assert!(
        message.contains("Tệp đã thay đổi trong khi đang nhập"),
        "{message}"
    );
    assert_eq!(
        without_denouncer_key(row_counts(&desk)),
        without_denouncer_key(counts),
        "nothing kept"
    );
    // The same file, now still, goes through (its new line included).
    let summary = desk
        .import_file(
            &ctx("2026-11-23 09:05"),
            Path::new(&file),
            &tiepdan_core::progress::Unwatched,
        )
        .unwrap();
    assert!(summary.petitions.created > 0, "{summary:?}");
}
