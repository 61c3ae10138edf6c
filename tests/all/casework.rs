//! Casework after intake through the core: acceptance, a dialogue and its minutes, a
//! suspension that moves the resolution deadline by the days it lasted, a decision and a
//! task to carry it out that turns late on the dashboard; withdrawals and termination.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{HandleInput, OutcomeInput, OutcomeKind, TaskInput, TaskKind};
use tiepdan_core::domain::outcome::Finding;
use tiepdan_core::domain::routing::Action;
use tiepdan_core::rules::deadlines::DeadlineName;

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn event(petition_id: i64, on: &str, kind: OutcomeKind) -> OutcomeInput {
    outcome(petition_id, on, kind)
}

fn messages(e: tiepdan_core::error::Error) -> Vec<String> {
    match e {
        tiepdan_core::error::Error::Invalid(f) => f.into_iter().map(|f| f.message_vi).collect(),
        other => panic!("{other:?}"),
    }
}

fn resolve_due(desk: &Desk, petition: i64, today: &str) -> chrono::NaiveDate {
    desk.deadlines(petition, d(today))
        .unwrap()
        .deadlines
        .iter()
        .find(|x| x.name == DeadlineName::Resolve)
        .map(|x| x.due)
        .expect("a resolution deadline")
}

/// The complaint of `common::complaint`, handled as accepted on 05/02 and accepted
/// (thụ lý) on 06/02/2026.
pub(crate) fn accepted(desk: &mut Desk) -> i64 {
    let p = complaint(desk);
    let c = ctx("2026-02-06 09:00");
    desk.handle_petition(
        &c,
        &HandleInput {
            accepted_on: None,
            petition_id: p,
            on: "2026-02-05".into(),
            action: Action::Accept,
            to_agency: None,
            reason: Some("Thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân xã".into()),
            note: None,
        },
    )
    .unwrap();
    desk.record_outcome(&c, &event(p, "2026-02-06", OutcomeKind::Accepted))
        .unwrap();
    p
}

#[test]
fn a_dialogue_a_suspension_and_a_decision_with_its_enforcement_task() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    let p = accepted(&mut desk);
    let c = ctx("2026-03-25 09:00");
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-07", OutcomeKind::Accepted))
            .unwrap_err(),
    );
    assert!(m[0].contains("đã được thụ lý ngày 06/02/2026"), "{m:?}");
    let before = resolve_due(&desk, p, "2026-02-10");

    // A dialogue needs its content; then its minutes are printed.
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-20", OutcomeKind::Dialogue))
            .unwrap_err(),
    );
    assert!(m[0].contains("Ghi nội dung đối thoại"), "{m:?}");
    let mut dialogue = event(p, "2026-02-20", OutcomeKind::Dialogue);
    dialogue.minutes = Some(
        "Ông Đức trình bày: giá bồi thường thấp hơn giá thị trường.\nCông chức địa chính giải trình căn cứ tính giá.\nHai bên thống nhất đo đạc lại diện tích."
            .into(),
    );
    desk.record_outcome(&c, &dialogue).unwrap();
    let held = desk.outcomes(p).unwrap();
    let dialogue_id = held
        .iter()
        .find(|o| o.kind == OutcomeKind::Dialogue)
        .unwrap()
        .id;
    let doc = desk.print_dialogue_minutes(&c, dialogue_id).unwrap();
    let text = pdftotext(&doc.path);
    for words in [
        "BIÊN BẢN",
        "Đối thoại giải quyết khiếu nại",
        "Căn cứ Điều 30 Luật Khiếu nại",
        "Ông Nguyễn Văn Đức",
        "Hai bên thống nhất đo đạc lại diện tích.",
        "NGƯỜI KHIẾU NẠI",
        "NGƯỜI CHỦ TRÌ ĐỐI THOẠI",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    assert!(
        !desk
            .print_dialogue_minutes(&c, dialogue_id)
            .unwrap()
            .path
            .is_empty()
    );
    // The invitation to the next dialogue: in the future, at a place.
    use tiepdan_core::desk::InvitationInput;
    let invite = |at: &str, place: &str| InvitationInput {
        petition_id: p,
        at: at.into(),
        place: place.into(),
    };
    assert!(
        desk.print_dialogue_invitation(&c, &invite("2026-03-20T08:00", "Trụ sở"))
            .is_err()
    );
    assert!(
        desk.print_dialogue_invitation(&c, &invite("2026-03-30T08:00", " "))
            .is_err()
    );
    let letter = desk
        .print_dialogue_invitation(
            &c,
            &invite("2026-03-30T08:00", "Hội trường Ủy ban nhân dân xã"),
        )
        .unwrap();
    let text = pdftotext(&letter.path);
    for words in [
        "GIẤY MỜI",
        "Về việc đối thoại giải quyết khiếu nại",
        "Ông Nguyễn Văn Đức",
        "Thời gian: 8 giờ 00 phút, ngày 30 tháng 3 năm 2026.",
        "vắng mặt không có lý do chính đáng, việc giải quyết khiếu nại vẫn được tiếp tục",
        "/GM-UBND",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }

    // Suspended from 23/02, resumed on 05/03: the resolution deadline moves by those days.
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-23", OutcomeKind::Paused))
            .unwrap_err(),
    );
    assert!(m[0].contains("lý do tạm đình chỉ"), "{m:?}");
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-23", OutcomeKind::Resumed))
            .unwrap_err(),
    );
    assert!(m[0].contains("không bị tạm đình chỉ"), "{m:?}");
    let mut pause = event(p, "2026-02-23", OutcomeKind::Paused);
    pause.reason = Some("Chờ kết quả đo đạc của Văn phòng đăng ký đất đai".into());
    desk.record_outcome(&c, &pause).unwrap();
    let paused = desk.outcomes(p).unwrap();
    let paused = paused
        .iter()
        .find(|o| o.kind == OutcomeKind::Paused)
        .unwrap()
        .id;
    let decision = desk.print_resolution_stop(&c, paused).unwrap();
    let text = pdftotext(&decision.path);
    for words in [
        "QUYẾT ĐỊNH",
        "Về việc tạm đình chỉ việc giải quyết khiếu nại",
        "Xét thấy: Chờ kết quả đo đạc của Văn phòng đăng ký đất đai.",
        "Điều 1. Tạm đình chỉ việc giải quyết khiếu nại của Ông Nguyễn Văn Đức",
        "/QĐ-UBND",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text}");
    }
    assert_eq!(
        desk.print_resolution_stop(&c, paused).unwrap().id,
        decision.id,
        "reprinted, not renumbered"
    );
    assert!(desk.print_resolution_stop(&c, dialogue_id).is_err());
    assert!(
        messages(desk.record_outcome(&c, &pause).unwrap_err())[0]
            .contains("đang tạm đình chỉ từ ngày 23/02/2026")
    );
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-20", OutcomeKind::Resumed))
            .unwrap_err(),
    );
    assert!(m[0].contains("trước ngày tạm đình chỉ"), "{m:?}");
    desk.record_outcome(&c, &event(p, "2026-03-05", OutcomeKind::Resumed))
        .unwrap();
    // Before 01/07/2026 a suspension does not stop the clock (Law 136/2025 changed that).
    let after = resolve_due(&desk, p, "2026-03-06");
    assert_eq!(after, before);
    let explained = desk.deadlines(p, d("2026-03-06")).unwrap();
    let resolve = explained
        .deadlines
        .iter()
        .find(|x| x.name == DeadlineName::Resolve)
        .unwrap();
    assert!(
        resolve.explain.contains("vẫn được tính vào thời hạn"),
        "{}",
        resolve.explain
    );

    // The decision, then the task of carrying it out: due soon, then late, then done.
    let mut resolved = event(p, "2026-03-10", OutcomeKind::Resolved);
    resolved.result = Some(Finding::PartlyRight);
    resolved.decision = Some("15/QĐ-UBND".into());
    desk.record_outcome(&c, &resolved).unwrap();
    // Its publication is due by the rule (15 days, UNCONFIRMED, editable).
    let publish = desk.tasks_of(p, d("2026-03-10")).unwrap();
    assert_eq!(publish.len(), 1);
    assert_eq!(publish[0].kind, TaskKind::Publication);
    assert_eq!(publish[0].due, "2026-03-25");
    assert!(
        publish[0].what.contains("số 15/QĐ-UBND"),
        "{}",
        publish[0].what
    );
    let task = TaskInput {
        petition_id: p,
        kind: TaskKind::Enforcement,
        what:
            "Tổ chức thi hành Quyết định số 15/QĐ-UBND: đo đạc lại, điều chỉnh phương án bồi thường"
                .into(),
        who: "Công chức địa chính - xây dựng".into(),
        due: "2026-03-20".into(),
    };
    let mut bad = task.clone();
    bad.who = " ".into();
    bad.due = "2026-01-01".into();
    let m = messages(desk.add_task(&c, &bad).unwrap_err());
    assert_eq!(m.len(), 2, "{m:?}");
    let id = desk.add_task(&c, &task).unwrap();
    let soon = desk.due(d("2026-03-18"), 50).unwrap();
    assert_eq!(soon.tasks.len(), 1);
    assert!(!soon.tasks[0].overdue);
    let late = desk.due(d("2026-03-23"), 50).unwrap();
    assert!(late.tasks[0].overdue);
    assert_eq!(late.tasks[0].kind, TaskKind::Enforcement);
    desk.complete_task(&c, id, "2026-03-24").unwrap();
    let left = desk.due(d("2026-03-24"), 50).unwrap().tasks;
    assert!(
        left.iter().all(|t| t.kind == TaskKind::Publication),
        "{left:?}"
    );
    assert!(desk.complete_task(&c, id, "2026-03-24").is_err());
    let tasks = desk.tasks_of(p, d("2026-03-24")).unwrap();
    let enforcement = tasks
        .iter()
        .find(|t| t.kind == TaskKind::Enforcement)
        .unwrap();
    assert_eq!(enforcement.done_on.as_deref(), Some("2026-03-24"));
}

#[test]
fn withdrawals_partial_then_whole_and_a_termination_close_as_they_should() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    let p = accepted(&mut desk);
    let c = ctx("2026-03-01 09:00");
    let mut part = event(p, "2026-02-10", OutcomeKind::Withdrawn);
    part.partial = true;
    desk.record_outcome(&c, &part).unwrap();
    let open = desk.deadlines(p, d("2026-02-11")).unwrap();
    assert!(
        open.closed_on.is_none(),
        "a partial withdrawal leaves the rest to resolve"
    );
    desk.record_outcome(&c, &event(p, "2026-02-12", OutcomeKind::Withdrawn))
        .unwrap();
    let closed = desk.deadlines(p, d("2026-02-13")).unwrap();
    assert_eq!(closed.closed_on, Some(d("2026-02-12")));
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-14", OutcomeKind::Dialogue))
            .unwrap_err(),
    );
    assert!(m.iter().any(|m| m.contains("đã rút toàn bộ")), "{m:?}");

    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    let p = accepted(&mut desk);
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-15", OutcomeKind::Terminated))
            .unwrap_err(),
    );
    assert!(m[0].contains("lý do đình chỉ"), "{m:?}");
    let mut end = event(p, "2026-02-15", OutcomeKind::Terminated);
    end.reason = Some("Người khiếu nại chết mà không có người thừa kế quyền, nghĩa vụ".into());
    desk.record_outcome(&c, &end).unwrap();
    assert_eq!(
        desk.deadlines(p, d("2026-02-16")).unwrap().closed_on,
        Some(d("2026-02-15"))
    );
    let m = messages(desk.record_outcome(&c, &end).unwrap_err());
    assert!(
        m[0].contains("đã đình chỉ giải quyết ngày 15/02/2026"),
        "{m:?}"
    );
}

#[test]
fn from_1_july_2026_a_suspension_moves_the_resolution_deadline_by_its_days() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-09-01 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.import(
        &c,
        r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Một", "id_kind": "none", "address": "Thôn Đông"}
{"type": "petition", "ref": "k1", "received_on": "2026-08-03", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Khiếu nại quyết định thu hồi đất", "events": [{"on": "2026-08-04", "kind": "handled", "action": "accept"}, {"on": "2026-08-05", "kind": "accepted"}]}
"#,
    )
    .unwrap();
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let p: i64 = conn
        .query_row("SELECT id FROM petitions WHERE ref = 'k1'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let before = resolve_due(&desk, p, "2026-08-06");
    assert_eq!(before, d("2026-09-04"), "30 days from 05/08");
    let mut pause = event(p, "2026-08-10", OutcomeKind::Paused);
    pause.reason = Some("Chờ kết quả giám định".into());
    desk.record_outcome(&c, &pause).unwrap();
    // While suspended, the deadline keeps moving with each day that passes.
    assert!(resolve_due(&desk, p, "2026-08-15") > before);
    desk.record_outcome(&c, &event(p, "2026-08-20", OutcomeKind::Resumed))
        .unwrap();
    let after = resolve_due(&desk, p, "2026-08-21");
    assert_eq!(
        (after - before).num_days(),
        10,
        "10/08 to 19/08 do not count: {before} → {after}"
    );
}

#[test]
fn the_export_closes_a_case_only_once_its_decision_is_carried_out_or_it_ended_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("vu-viec.jsonl");
    std::fs::write(
        &file,
        r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Một", "id_kind": "none", "address": "Thôn Đông"}
{"type": "petition", "ref": "chua-thi-hanh", "received_on": "2026-08-03", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Quyết định chưa thi hành", "events": [{"on": "2026-08-05", "kind": "accepted"}, {"on": "2026-08-25", "kind": "resolved", "result": "right"}]}
{"type": "petition", "ref": "da-thi-hanh", "received_on": "2026-08-03", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Quyết định đã thi hành", "events": [{"on": "2026-08-05", "kind": "accepted"}, {"on": "2026-08-25", "kind": "resolved", "result": "wrong"}, {"on": "2026-09-10", "kind": "enforced"}]}
{"type": "petition", "ref": "dinh-chi", "received_on": "2026-08-03", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Đình chỉ", "events": [{"on": "2026-08-05", "kind": "accepted"}, {"on": "2026-08-20", "kind": "terminated", "reason": "Người khiếu nại rút toàn bộ"}]}
{"type": "petition", "ref": "tam-dinh-chi", "received_on": "2026-08-03", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Đang tạm đình chỉ", "events": [{"on": "2026-08-05", "kind": "accepted"}, {"on": "2026-08-10", "kind": "paused"}, {"on": "2026-08-12", "kind": "dialogue", "minutes": "Đối thoại lần một"}]}
"#,
    )
    .unwrap();
    // A plain store made by the library (the command line makes none).
    drop(tiepdan_core::Desk::open(dir.path(), ctx("2026-08-01 08:00").now).unwrap());
    let o = cli(&["--data", data, "import", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("out.jsonl");
    let o = cli(&[
        "--data",
        data,
        "export",
        "--out",
        out.to_str().unwrap(),
        "--today",
        "2026-11-24",
        "--reason",
        "Kiểm tra trạng thái vụ việc trong tệp xuất",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let status: std::collections::BTreeMap<String, (String, usize)> = text
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["type"] == "petition")
        .map(|r| {
            (
                r["ref"].as_str().unwrap().to_owned(),
                (
                    r["status"].as_str().unwrap().to_owned(),
                    r["events"].as_array().unwrap().len(),
                ),
            )
        })
        .collect();
    assert_eq!(
        status["chua-thi-hanh"].0, "open",
        "resolved, not carried out"
    );
    assert_eq!(status["da-thi-hanh"].0, "closed");
    assert_eq!(status["dinh-chi"].0, "closed");
    // Every event comes back out, suspension and dialogue included.
    assert_eq!(status["tam-dinh-chi"], ("open".to_owned(), 3));
    assert!(text.contains(r#""minutes":"Đối thoại lần một""#), "{text}");
}

#[test]
fn the_watch_list_holds_marked_cases_and_finds_those_that_come_back_after_ending() {
    use tiepdan_core::desk::{WatchInput, WatchKind};
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-05-20 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    desk.import(
        &c,
        r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Một", "id_kind": "none", "address": "Thôn Đông"}
{"type": "case", "ref": "vv1", "title": "Tranh chấp ranh giới đất"}
{"type": "case", "ref": "vv2", "title": "Đoàn thôn Tây phản đối dự án"}
{"type": "petition", "ref": "p1", "received_on": "2026-03-02", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "case": "vv1", "summary": "Khiếu nại ranh giới", "events": [{"on": "2026-03-05", "kind": "handled", "action": "decline"}]}
{"type": "petition", "ref": "p2", "received_on": "2026-04-02", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "case": "vv2", "summary": "Khiếu nại thu hồi đất dự án", "events": [{"on": "2026-04-03", "kind": "accepted"}]}
{"type": "visit", "ref": "v1", "at": "2026-04-10T08:00", "reception": "regular", "received_by": "officer", "citizens": ["c1"], "people": 1, "repeat": true, "case": "vv1", "summary": "Lại đến về ranh giới", "petitions": [], "outcome": ""}
{"type": "visit", "ref": "v2", "at": "2026-05-12T08:00", "reception": "regular", "received_by": "officer", "citizens": ["c1"], "people": 1, "repeat": true, "case": "vv1", "summary": "Lại đến lần nữa", "petitions": [], "outcome": ""}
"#,
    )
    .unwrap();
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let p2: i64 = conn
        .query_row("SELECT id FROM petitions WHERE ref = 'p2'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let watch = |kind, reason: &str, source: Option<&str>, review: &str| WatchInput {
        petition_id: p2,
        kind,
        reason: reason.into(),
        source: source.map(str::to_owned),
        review_on: review.into(),
    };
    let m = messages(
        desk.watch_case(&c, &watch(WatchKind::HotSpot, " ", None, "2026-05-01"))
            .unwrap_err(),
    );
    assert!(m.iter().any(|m| m.contains("Ghi lý do")), "{m:?}");
    assert!(m.iter().any(|m| m.contains("đã qua")), "{m:?}");
    let m = messages(
        desk.watch_case(
            &c,
            &watch(WatchKind::Supervision, "Giám sát", None, "2026-06-01"),
        )
        .unwrap_err(),
    );
    assert!(m[0].contains("cơ quan kiến nghị"), "{m:?}");
    desk.watch_case(
        &c,
        &watch(
            WatchKind::CrowdRisk,
            "Đoàn 20 hộ có thể kéo lên tỉnh",
            None,
            "2026-06-01",
        ),
    )
    .unwrap();
    assert!(
        desk.watch_case(
            &c,
            &watch(WatchKind::CrowdRisk, "Lần nữa", None, "2026-06-01")
        )
        .is_err()
    );
    desk.add_task(
        &c,
        &TaskInput {
            petition_id: p2,
            kind: TaskKind::Step,
            what: "Đối thoại với đại diện các hộ".into(),
            who: "Phó Chủ tịch xã".into(),
            due: "2026-05-28".into(),
        },
    )
    .unwrap();

    let list = desk.watch_list(d("2026-06-02")).unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list[0].kind, WatchKind::CrowdRisk);
    assert_eq!(list[0].case_title, "Đoàn thôn Tây phản đối dự án");
    assert!(list[0].review_due);
    assert_eq!(
        list[0].next_action.as_deref(),
        Some("Đối thoại với đại diện các hộ — Phó Chủ tịch xã, hạn 28/05/2026")
    );
    assert_eq!(list[1].kind, WatchKind::ReturnsAfterEnd);
    assert_eq!(list[1].case_title, "Tranh chấp ranh giới đất");
    assert!(
        list[1]
            .reason
            .contains("không thụ lý ngày 05/03/2026; công dân vẫn đến 2 lần"),
        "{}",
        list[1].reason
    );

    let id = list[0].id.unwrap();
    assert!(desk.end_watch(&c, id, " ").is_err());
    desk.end_watch(&c, id, "Đã đối thoại, các hộ đồng ý phương án")
        .unwrap();
    assert_eq!(desk.watch_list(d("2026-06-02")).unwrap().len(), 1);
}

#[test]
fn staff_work_counts_handling_and_resolution_on_time_and_late_by_officer_and_field() {
    use tiepdan_core::domain::officer::{OfficerInput, OfficerRole};
    use tiepdan_core::domain::report::period::{Period, PeriodKind};
    use tiepdan_core::domain::visit::Field;
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-24 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    // Three petitions in Q3 2026: two land cases (one handled late, one resolved on time),
    // one policy case still waiting to be handled.
    desk.import(
        &c,
        r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Một", "id_kind": "none", "address": "Thôn Đông"}
{"type": "case", "ref": "vv1", "title": "Đất ông Một"}
{"type": "case", "ref": "vv2", "title": "Đất bà Hai"}
{"type": "case", "ref": "vv3", "title": "Trợ cấp"}
{"type": "petition", "ref": "p1", "received_on": "2026-06-16", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "case": "vv1", "summary": "Đơn xử lý trễ", "events": [{"on": "2026-07-20", "kind": "handled", "action": "accept"}]}
{"type": "petition", "ref": "p2", "received_on": "2026-06-16", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "case": "vv2", "summary": "Đơn giải quyết đúng hạn", "events": [{"on": "2026-06-18", "kind": "handled", "action": "accept"}, {"on": "2026-06-19", "kind": "accepted"}, {"on": "2026-07-10", "kind": "resolved", "result": "wrong"}]}
{"type": "petition", "ref": "p3", "received_on": "2026-09-01", "channel": "in_person", "kind": "recommendation", "field": "policy", "petitioners": ["c1"], "case": "vv3", "summary": "Kiến nghị chưa xử lý", "events": []}
"#,
    )
    .unwrap();
    let tam = desk
        .add_officer(
            &c,
            &OfficerInput {
                full_name: "Lê Văn Tâm".into(),
                title: "Công chức địa chính".into(),
                role: OfficerRole::Handler,
            },
        )
        .unwrap();
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let id = |r: &str| -> i64 {
        conn.query_row("SELECT id FROM petitions WHERE ref = ?1", [r], |x| x.get(0))
            .unwrap()
    };
    desk.assign_case(&c, id("p1"), Some(tam.id)).unwrap();
    desk.assign_case(&c, id("p2"), Some(tam.id)).unwrap();

    let q3 = Period::of(PeriodKind::ThirdQuarter, 2026);
    let stats = desk.work_stats(q3, d("2026-11-24")).unwrap();
    let mine = stats
        .by_officer
        .iter()
        .find(|o| o.officer_id == Some(tam.id))
        .unwrap();
    // Q3 runs from 15/06 (TT 01/2024): p1 handled 20/07 after its 10 working days; p2
    // handled 18/06 on time and resolved 10/07 within 30 days. p1 waits for its acceptance:
    // one open case.
    assert_eq!(
        (
            mine.counts.handled,
            mine.counts.handled_late,
            mine.counts.resolved,
            mine.counts.resolved_late
        ),
        (2, 1, 1, 0)
    );
    assert_eq!(mine.counts.open_cases, 1);
    // p3 (nobody's, not handled) is in no count of the period.
    assert!(
        stats.by_officer.iter().all(|o| o.officer_id.is_some()),
        "{:?}",
        stats.by_officer
    );
    let land = stats
        .by_field
        .iter()
        .find(|f| f.field == Field::Land)
        .unwrap();
    assert_eq!(
        (
            land.counts.handled,
            land.counts.handled_late,
            land.counts.resolved
        ),
        (2, 1, 1)
    );
    assert!(stats.by_field.iter().all(|f| f.field != Field::Policy));
}

#[test]
fn a_leader_a_mediation_and_an_officers_late_tasks() {
    use tiepdan_core::desk::{MediationInput, MediationOutcome};
    use tiepdan_core::domain::officer::{OfficerInput, OfficerRole};
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), ctx("2026-02-04 08:00").now).unwrap();
    let p = accepted(&mut desk);
    let c = ctx("2026-03-10 09:00");
    let officer = |name: &str, role| OfficerInput {
        full_name: name.into(),
        title: "Cán bộ".into(),
        role,
    };
    let tam = desk
        .add_officer(&c, &officer("Lê Văn Tâm", OfficerRole::Handler))
        .unwrap();
    let pho = desk
        .add_officer(&c, &officer("Đinh Văn Phó", OfficerRole::Leader))
        .unwrap();
    desk.assign_case(&c, p, Some(tam.id)).unwrap();
    let m = messages(desk.assign_leader(&c, p, Some(tam.id)).unwrap_err());
    assert!(m[0].contains("vai trò lãnh đạo"), "{m:?}");
    desk.assign_leader(&c, p, Some(pho.id)).unwrap();
    let view = desk.petition_view(p, d("2026-03-10")).unwrap();
    assert_eq!(
        (view.owner_id, view.leader_id),
        (Some(tam.id), Some(pho.id))
    );

    let m = messages(
        desk.record_mediation(
            &c,
            &MediationInput {
                petition_id: p,
                on: "2026-03-20".into(),
                mediator: " ".into(),
                outcome: MediationOutcome::Failure,
                content: "".into(),
            },
        )
        .unwrap_err(),
    );
    assert_eq!(m.len(), 3, "{m:?}");
    desk.record_mediation(
        &c,
        &MediationInput {
            petition_id: p,
            on: "2026-03-01".into(),
            mediator: "Tổ hòa giải thôn Đông".into(),
            outcome: MediationOutcome::Partial,
            content: "Hai bên thống nhất lối đi chung, chưa thống nhất ranh giới phía sau".into(),
        },
    )
    .unwrap();
    let mediations = desk.mediations_of(p).unwrap();
    assert_eq!(mediations[0].outcome, MediationOutcome::Partial);

    // A late step of Tâm's case shows beside his deadlines on the dashboard.
    desk.add_task(
        &c,
        &TaskInput {
            petition_id: p,
            kind: TaskKind::Step,
            what: "Xác minh hiện trạng".into(),
            who: "Lê Văn Tâm".into(),
            due: "2026-03-05".into(),
        },
    )
    .unwrap();
    let due = desk.due(d("2026-03-10"), 50).unwrap();
    let load = due
        .by_officer
        .iter()
        .find(|l| l.officer_id == Some(tam.id))
        .unwrap();
    assert_eq!(load.late_tasks, 1);
}

/// A denunciation received at the desk on 04/02/2026, handled as accepted on 05/02 and
/// accepted (thụ lý) on 06/02.
pub(crate) fn accepted_denunciation(desk: &mut Desk) -> i64 {
    desk.save_office(&ctx("2026-02-04 08:00"), &office())
        .unwrap();
    let mut v = complaint_visit();
    v.petitions[0].kind = tiepdan_core::domain::visit::PetitionKind::Denunciation;
    v.petitions[0].instance = None;
    v.petitions[0].contested_on = None;
    v.petitions[0].summary = "Tố cáo cán bộ địa chính nhận tiền".into();
    let p = desk
        .record_visit(&ctx("2026-02-04 09:30"), &v)
        .unwrap()
        .petition_ids[0];
    let c = ctx("2026-02-06 09:00");
    desk.handle_petition(
        &c,
        &HandleInput {
            accepted_on: None,
            petition_id: p,
            on: "2026-02-05".into(),
            action: Action::Accept,
            to_agency: None,
            reason: Some("Thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân xã".into()),
            note: None,
        },
    )
    .unwrap();
    desk.record_outcome(&c, &event(p, "2026-02-06", OutcomeKind::Accepted))
        .unwrap();
    p
}

fn extension(petition_id: i64, on: &str, days: u32) -> OutcomeInput {
    OutcomeInput {
        days: Some(days),
        decision: Some("05/QĐ-UBND".into()),
        reason: Some("Vụ việc phức tạp, cần xác minh thêm".into()),
        ..event(petition_id, on, OutcomeKind::Extended)
    }
}

#[test]
fn an_extension_moves_the_resolution_deadline_within_what_the_rules_allow() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted_denunciation(&mut desk);
    let before = resolve_due(&desk, p, "2026-03-01");
    let c = ctx("2026-03-01 09:00");
    // Without its days, or more days than a time allows: named, nothing written.
    let mut bad = extension(p, "2026-03-01", 30);
    bad.days = None;
    bad.reason = None;
    let m = messages(desk.record_outcome(&c, &bad).unwrap_err());
    assert!(m.iter().any(|m| m.contains("số ngày gia hạn")), "{m:?}");
    assert!(m.iter().any(|m| m.contains("lý do gia hạn")), "{m:?}");
    let m = messages(
        desk.record_outcome(&c, &extension(p, "2026-03-01", 45))
            .unwrap_err(),
    );
    assert!(m[0].contains("tối đa 30 ngày"), "{m:?}");
    // Thirty days: the deadline moves by thirty days, and says why.
    desk.record_outcome(&c, &extension(p, "2026-03-01", 30))
        .unwrap();
    // Thirty more days, the end moved off a day off as the rule says.
    let after = resolve_due(&desk, p, "2026-03-01");
    assert!(
        (29..=31).contains(&(after - before).num_days()),
        "{before} → {after}"
    );
    let explained = desk.deadlines(p, d("2026-03-01")).unwrap();
    let resolve = explained
        .deadlines
        .iter()
        .find(|x| x.name == DeadlineName::Resolve)
        .unwrap();
    assert!(
        resolve.explain.contains("05/QĐ-UBND"),
        "{}",
        resolve.explain
    );
    assert!(resolve.explain.contains("thêm 30"), "{}", resolve.explain);
    // Twice is the most (Luật Tố cáo Điều 30): the third is refused with its basis.
    let later = ctx("2026-04-10 09:00");
    desk.record_outcome(&later, &extension(p, "2026-03-20", 30))
        .unwrap();
    let m = messages(
        desk.record_outcome(&later, &extension(p, "2026-04-10", 10))
            .unwrap_err(),
    );
    assert!(m[0].contains("đủ 2 lần"), "{m:?}");
    let shown = desk.outcomes(p).unwrap();
    assert_eq!(
        shown
            .iter()
            .filter(|o| o.kind == OutcomeKind::Extended)
            .map(|o| o.days)
            .collect::<Vec<_>>(),
        [Some(30), Some(30)]
    );
    // Its decision, printed: the rule that allowed it, the days, the person denounced —
    // never the denouncer — and no blank left to fill by hand.
    let first = shown
        .iter()
        .find(|o| o.kind == OutcomeKind::Extended)
        .unwrap();
    let doc = desk.print_extension(&later, first.id).unwrap();
    let text = pdftotext(&doc.path);
    for expected in [
        "QUYẾT ĐỊNH",
        "Về việc gia hạn giải quyết tố cáo",
        "Căn cứ Luật Tố cáo",
        "Thời gian gia hạn là 30 ngày, kể từ ngày 01/03/2026",
        "Tố cáo cán bộ địa chính nhận tiền",
        "Vụ việc phức tạp, cần xác minh thêm",
        "giữ bí mật",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(
        !text.contains("Nguyễn Văn Đức"),
        "the denouncer is not named: {text}"
    );
    assert!(!text.contains("……") && !text.contains("của và"), "{text}");
    // Printed again: the same document.
    assert_eq!(desk.print_extension(&later, first.id).unwrap().id, doc.id);
    let e = desk.print_extension(&later, 999_999).unwrap_err();
    assert!(e.to_string().contains("Không tìm thấy"), "{e}");
}

#[test]
fn a_complaint_has_no_extension_and_a_reply_needs_a_transfer() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted(&mut desk);
    let c = ctx("2026-03-01 09:00");
    let m = messages(
        desk.record_outcome(&c, &extension(p, "2026-03-01", 10))
            .unwrap_err(),
    );
    assert!(m[0].contains("không được gia hạn"), "{m:?}");
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-03-01", OutcomeKind::ReplyReceived))
            .unwrap_err(),
    );
    assert!(m[0].contains("không được chuyển"), "{m:?}");
}

#[test]
fn a_reply_to_a_transferred_petition_is_counted_in_01_xld_and_ends_the_reminders() {
    use tiepdan_core::domain::report::Template;
    use tiepdan_core::domain::report::period::{Period, PeriodKind};
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = complaint(&mut desk);
    let agency = desk
        .add_agency(
            &ctx("2026-02-04 09:40"),
            &tiepdan_core::domain::agency::AgencyInput {
                name: "Phòng Tài nguyên và Môi trường".into(),
                role: tiepdan_core::domain::agency::AgencyRole::ProvinceDepartment,
                address: None,
            },
        )
        .unwrap();
    let c = ctx("2026-02-06 09:00");
    desk.handle_petition(
        &c,
        &HandleInput {
            accepted_on: None,
            petition_id: p,
            on: "2026-02-05".into(),
            action: Action::Transfer,
            to_agency: Some(agency.id),
            reason: Some("Không thuộc thẩm quyền của xã".into()),
            note: None,
        },
    )
    .unwrap();
    let q1 = Period::of(PeriodKind::FirstQuarter, 2026);
    let replies = |desk: &Desk| {
        let view = desk.report(Template::Xld01, q1).unwrap();
        let i = view.columns.iter().position(|c| c.ms == 22).unwrap();
        view.values[i]
    };
    assert_eq!(replies(&desk), 0);
    // Before the transfer: refused.
    let m = messages(
        desk.record_outcome(&c, &event(p, "2026-02-04", OutcomeKind::ReplyReceived))
            .unwrap_err(),
    );
    assert!(m[0].contains("trước ngày chuyển đơn"), "{m:?}");
    let mut reply = event(p, "2026-03-02", OutcomeKind::ReplyReceived);
    reply.decision = Some("45/TNMT-TTr".into());
    desk.record_outcome(&ctx("2026-03-02 09:00"), &reply)
        .unwrap();
    assert_eq!(replies(&desk), 1);
    let view = desk.petition_view(p, d("2026-03-03")).unwrap();
    assert_ne!(
        view.proposal.action,
        Action::Remind,
        "answered: no more reminders"
    );
}

fn facts_of(desk: &Desk, p: i64) -> tiepdan_core::desk::PetitionFactsInput {
    let v = desk.petition_view(p, d("2026-02-10")).unwrap();
    tiepdan_core::desk::PetitionFactsInput {
        petition_id: p,
        respondent_role: v.respondent_role,
        respondent_name: v.respondent_name,
        instance: v.instance,
        contested_on: v.contested_on,
        decision_kind: v.decision_kind,
        oral: v.oral,
        kind: Some(v.kind),
        field: Some(v.field),
        summary: Some(v.summary),
        received_on: Some(v.received_on),
        complex: Some(v.complex),
        specific: Some(v.specific),
        court_accepted: Some(v.court_accepted),
        subfield: None,
        signatories: None,
        reason: None,
    }
}

#[test]
fn a_petition_recorded_wrong_is_corrected_with_a_reason_and_its_report_shows_the_change() {
    use tiepdan_core::domain::report::Template;
    use tiepdan_core::domain::report::period::{Period, PeriodKind};
    use tiepdan_core::domain::visit::{Field, PetitionKind};
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted(&mut desk);
    let c = ctx("2026-02-10 09:00");
    let q1 = Period::of(PeriodKind::FirstQuarter, 2026);
    desk.submit_report(
        &ctx("2026-03-16 09:00"),
        Template::Xld01,
        q1,
        "Gửi Thanh tra huyện",
    )
    .unwrap();
    let before = resolve_due(&desk, p, "2026-02-10");

    // A complex case: the longer period of the rules (45 days instead of 30).
    let mut input = facts_of(&desk, p);
    input.complex = Some(true);
    desk.update_petition_facts(&c, &input).unwrap();
    assert_eq!(
        (resolve_due(&desk, p, "2026-02-10") - before).num_days(),
        15,
        "complex: 45 days"
    );

    // The field recorded wrong: a reason is asked for, then the report shows the change.
    let mut input = facts_of(&desk, p);
    input.field = Some(Field::Policy);
    let m = messages(desk.update_petition_facts(&c, &input).unwrap_err());
    assert!(m[0].contains("lý do sửa"), "{m:?}");
    input.reason = Some("Ghi nhầm lĩnh vực khi tiếp nhận".into());
    input.summary = Some("Khiếu nại về chế độ trợ cấp".into());
    desk.update_petition_facts(&c, &input).unwrap();
    let v = desk.petition_view(p, d("2026-02-10")).unwrap();
    assert_eq!(
        (v.field, v.summary.as_str()),
        (Field::Policy, "Khiếu nại về chế độ trợ cấp")
    );
    let hits = desk.search("tro cap", 10).unwrap();
    assert!(!hits.is_empty(), "the corrected summary is found");
    let audited: String = desk
        .store()
        .conn()
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'petition.facts' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        audited.contains("Ghi nhầm lĩnh vực") && audited.contains("\"land\""),
        "{audited}"
    );

    // A visit's petition keeps the visit's day; no kind becomes a denunciation.
    let mut input = facts_of(&desk, p);
    input.received_on = Some("2026-02-01".into());
    input.kind = Some(PetitionKind::Denunciation);
    input.reason = Some("Thử".into());
    let m = messages(desk.update_petition_facts(&c, &input).unwrap_err());
    assert!(m.iter().any(|m| m.contains("ngày của lượt tiếp")), "{m:?}");
    assert!(m.iter().any(|m| m.contains("tố cáo")), "{m:?}");
    // A complaint recorded as a recommendation: its complaint facts go with it.
    let mut input = facts_of(&desk, p);
    input.kind = Some(PetitionKind::Recommendation);
    input.reason = Some("Công dân kiến nghị, không khiếu nại".into());
    desk.update_petition_facts(&c, &input).unwrap();
    let v = desk.petition_view(p, d("2026-02-10")).unwrap();
    assert_eq!((v.kind, v.instance), (PetitionKind::Recommendation, None));
    // The report submitted before shows which of its numbers the correction changed.
    let changes = desk.report_changes(Template::Xld01, q1).unwrap().unwrap();
    assert!(
        !changes.changed.is_empty(),
        "the submitted report shows a change"
    );
}

#[test]
fn an_anonymous_denunciation_with_specifics_is_handled_and_a_court_case_declined() {
    use tiepdan_core::domain::mail::{Channel, MailInput};
    use tiepdan_core::domain::visit::{CaseChoice, Field, PetitionInput, PetitionKind};
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    desk.save_office(&ctx("2026-02-04 08:00"), &office())
        .unwrap();
    let c = ctx("2026-02-10 09:00");
    let letter = desk
        .receive_mail(
            &c,
            &MailInput {
                received_on: "2026-02-09".into(),
                channel: Channel::Box,
                forwarded_by: None,
                forwarded_doc: None,
                citizens: vec![],
                case: CaseChoice::New,
                petitions: vec![PetitionInput {
                    kind: PetitionKind::Denunciation,
                    field: Field::Corruption,
                    summary: "Tố cáo trưởng thôn thu tiền làm đường, kèm bảng kê".into(),
                    anonymous: true,
                    respondent_role: Some(
                        tiepdan_core::domain::agency::AgencyRole::CommuneOfficial,
                    ),
                    respondent_name: Some("Trưởng thôn Gò Nghênh".into()),
                    instance: None,
                    contested_on: None,
                    decision_kind: None,
                    oral: false,
                    papers: vec![],
                    subfield: None,
                }],
            },
        )
        .unwrap();
    let p = letter.petition_ids[0];
    assert_eq!(desk.propose_routing(p).unwrap().action, Action::File);
    let mut input = facts_of(&desk, p);
    input.specific = Some(true);
    desk.update_petition_facts(&c, &input).unwrap();
    assert_ne!(desk.propose_routing(p).unwrap().action, Action::File);
    assert!(desk.petition_view(p, d("2026-02-10")).unwrap().specific);

    let k = complaint(&mut desk);
    let mut input = facts_of(&desk, k);
    input.respondent_role = Some(tiepdan_core::domain::agency::AgencyRole::CommuneChair);
    input.court_accepted = Some(true);
    desk.update_petition_facts(&c, &input).unwrap();
    let proposal = desk.propose_routing(k).unwrap();
    assert!(proposal.reason.contains("Tòa án"), "{proposal:?}");
}

#[test]
fn a_decision_from_an_event_recorded_without_its_reason_leaves_no_blank() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted(&mut desk);
    // As an import from another system may bring it: a suspension with no reason.
    desk.store()
        .conn()
        .execute(
            "INSERT INTO events (petition_id, on_date, kind, created_at)
             VALUES (?1, '2026-02-20', 'paused', '2026-02-20T09:00:00')",
            [p],
        )
        .unwrap();
    let id = desk.store().conn().last_insert_rowid();
    let doc = desk
        .print_resolution_stop(&ctx("2026-02-21 09:00"), id)
        .unwrap();
    let text = pdftotext(&doc.path);
    assert!(
        text.contains("Tạm đình chỉ việc giải quyết khiếu nại"),
        "{text}"
    );
    assert!(!text.contains("……") && !text.contains("Xét thấy"), "{text}");
    // Signed before 01/07/2026: the Law on Complaints as it then stood.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"),
        "{flat}"
    );
    assert!(!flat.contains("136/2025"), "{flat}");
}
