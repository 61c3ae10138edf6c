//! Recording visits at the front desk on a real database.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::domain::agency::AgencyRole;
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::{IdKind, Sex};
use tiepdan_core::domain::visit::*;

fn new_citizen(name: &str, id: &str, year: i32) -> CitizenRef {
    CitizenRef::New(CitizenInput {
        full_name: name.into(),
        id_kind: IdKind::Cccd,
        id_number: Some(id.into()),
        birth_year: Some(year),
        gender: Some(Sex::Male),
        address: "Thôn Đông, xã Ba Tơ".into(),
        ..CitizenInput::default()
    })
}

fn petition(kind: PetitionKind, summary: &str) -> PetitionInput {
    PetitionInput {
        kind,
        field: Field::Land,
        summary: summary.into(),
        anonymous: false,
        respondent_role: Some(AgencyRole::CommuneChair),
        respondent_name: None,
        instance: None,
        contested_on: None,
        decision_kind: None,
        oral: false,
        papers: vec![PaperInput {
            title: "Giấy chứng nhận quyền sử dụng đất".into(),
            original: false,
            certified: false,
            pages: Some(2),
        }],
        subfield: None,
    }
}

fn visit(citizens: Vec<CitizenRef>, case: CaseChoice, petitions: Vec<PetitionInput>) -> VisitInput {
    VisitInput {
        at: "2026-11-23T09:14".into(),
        reception: Reception::Regular,
        received_by: ReceivedBy::Officer,
        people: citizens.len().max(1) as u32,
        citizens,
        representatives: vec![],
        case,
        summary: "Tranh chấp ranh giới đất".into(),
        outcome: "Tiếp nhận đơn, hẹn trả lời".into(),
        petitions,
    }
}

fn count(desk: &Desk, table: &str) -> i64 {
    desk.store()
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_first_visit_then_a_repeat_are_one_case_with_two_visits() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let c = ctx("2026-11-23 09:20");
    let first = desk
        .record_visit(
            &c,
            &visit(
                vec![
                    new_citizen("nguyễn văn đức", "034068012345", 1968),
                    new_citizen("Lê Văn Tám", "034070000222", 1970),
                ],
                CaseChoice::New,
                vec![petition(
                    PetitionKind::Complaint,
                    "Khiếu nại quyết định thu hồi đất",
                )],
            ),
        )
        .unwrap();
    assert!(!first.repeat);
    assert_eq!(first.citizen_ids.len(), 2);
    assert_eq!(first.petition_ids.len(), 1);

    let again = desk
        .record_visit(
            &ctx("2026-11-23 10:00"),
            &visit(
                vec![CitizenRef::Existing(first.citizen_ids[0])],
                CaseChoice::Existing(first.case_id),
                vec![],
            ),
        )
        .unwrap();
    assert!(again.repeat);
    assert_eq!(again.case_id, first.case_id);
    assert_eq!(
        (
            count(&desk, "cases"),
            count(&desk, "visits"),
            count(&desk, "citizens")
        ),
        (1, 2, 2)
    );

    let conn = desk.store().conn();
    let (name, kind, instance, signatories): (String, String, i64, i64) = conn
        .query_row(
            "SELECT c.full_name, p.kind, p.instance, p.signatories FROM petitions p
             JOIN petition_citizens pc ON pc.petition_id = p.id AND pc.position = 0
             JOIN citizens c ON c.id = pc.citizen_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (name.as_str(), kind.as_str(), instance, signatories),
        ("Nguyễn Văn Đức", "complaint", 1, 2)
    );
    let reps: i64 = conn
        .query_row(
            "SELECT count(*) FROM visit_citizens WHERE visit_id = ?1 AND representative = 1",
            [first.visit_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reps, 1);
    let audits: Vec<String> = tiepdan_core::audit::recent(conn, 10)
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(audits, ["visit.record", "visit.record"]);
}

#[test]
fn a_draft_survives_until_its_visit_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let typed =
        serde_json::json!({ "rows": [{ "full_name": "Nguyễn Văn Đức" }], "summary": "Tranh chấp" });
    {
        let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
        desk.save_draft(&ctx("2026-11-23 09:10"), "intake", &typed)
            .unwrap();
        // The process ends here without saving the visit (a crash, a power cut).
    }
    let mut desk = Desk::open(dir.path(), at("2026-11-23 09:30")).unwrap();
    let draft = desk
        .draft(&ctx("2026-11-23 09:30"), "intake")
        .unwrap()
        .expect("the draft is offered back");
    // Another officer on the same PC is not offered it.
    let other = tiepdan_core::audit::Ctx {
        officer_id: Some(42),
        ..ctx("2026-11-23 09:30")
    };
    assert_eq!(desk.draft(&other, "intake").unwrap(), None);
    assert_eq!(draft.content, typed);
    assert_eq!(draft.updated_at, "2026-11-23T09:10:00");
    assert_eq!(count(&desk, "visits"), 0, "a draft is never a visit");
    desk.record_visit(
        &ctx("2026-11-23 09:31"),
        &visit(
            vec![new_citizen("Nguyễn Văn Đức", "034068012345", 1968)],
            CaseChoice::New,
            vec![],
        ),
    )
    .unwrap();
    assert_eq!(
        desk.draft(&ctx("2026-11-23 09:32"), "intake").unwrap(),
        None,
        "saving the visit removes its draft"
    );
    let huge = serde_json::json!({ "summary": "x".repeat(300 * 1024) });
    let e = desk
        .save_draft(&ctx("2026-11-23 09:40"), "intake", &huge)
        .unwrap_err();
    assert!(e.to_string().contains("Bản nháp quá lớn"), "{e}");
}

#[test]
fn an_anonymous_denunciation_keeps_no_link_to_the_people() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let mut p = petition(
        PetitionKind::Denunciation,
        "Tố cáo cán bộ địa chính nhận tiền",
    );
    p.anonymous = true;
    p.field = Field::Corruption;
    let r = desk
        .record_visit(
            &ctx("2026-11-23 09:20"),
            &visit(
                vec![new_citizen("Phan Văn Kiên", "034071000333", 1971)],
                CaseChoice::New,
                vec![p],
            ),
        )
        .unwrap();
    assert_eq!(count(&desk, "petition_citizens"), 0);
    let signatories: i64 = desk
        .store()
        .conn()
        .query_row(
            "SELECT signatories FROM petitions WHERE id = ?1",
            [r.petition_ids[0]],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(signatories, 0);
}

#[test]
fn a_bad_visit_writes_nothing_and_names_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    desk.record_visit(
        &ctx("2026-11-23 09:15"),
        &visit(
            vec![new_citizen("Nguyễn Văn Đức", "034068012345", 1968)],
            CaseChoice::New,
            vec![],
        ),
    )
    .unwrap();
    let before: Vec<i64> = ["citizens", "cases", "visits", "petitions", "audit_log"]
        .iter()
        .map(|t| count(&desk, t))
        .collect();
    let bad = visit(
        vec![
            CitizenRef::Existing(999),
            new_citizen("Trần Thị B", "03406801234", 1968),
            new_citizen("Nguyễn Văn Đức", "034068012345", 1968),
        ],
        CaseChoice::Existing(42),
        vec![petition(PetitionKind::Complaint, "  ")],
    );
    let e = desk
        .record_visit(&ctx("2026-11-23 09:20"), &bad)
        .unwrap_err();
    let data = e.to_data();
    let fields: Vec<&str> = data.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "petitions.0.summary",
            "citizens.0",
            "citizens.1.id_number",
            "citizens.2.id_number",
            "case"
        ],
        "{data:?}"
    );
    assert!(
        data.fields[2]
            .message_vi
            .starts_with("Công dân thứ 2: Số CCCD/căn cước phải có 12 chữ số")
    );
    assert!(data.fields[3].message_vi.contains("đã có trong sổ"));
    let after: Vec<i64> = ["citizens", "cases", "visits", "petitions", "audit_log"]
        .iter()
        .map(|t| count(&desk, t))
        .collect();
    assert_eq!(before, after);
}

/// The list of bad inputs: each is refused with a Vietnamese message naming the
/// field, and nothing at all is written; the odd-but-valid ones are stored cleaned.
#[test]
fn bad_input_is_refused_whole_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let tables = [
        "citizens",
        "cases",
        "visits",
        "petitions",
        "petition_papers",
        "audit_log",
    ];
    let counts = |desk: &Desk| tables.iter().map(|t| count(desk, t)).collect::<Vec<_>>();
    let before = counts(&desk);
    let good = || {
        visit(
            vec![new_citizen("Nguyễn Văn Đức", "034068012345", 1968)],
            CaseChoice::New,
            vec![petition(PetitionKind::Complaint, "Khiếu nại thu hồi đất")],
        )
    };
    let cases: Vec<(&str, VisitInput, &str, &str)> = vec![
        (
            "invalid CCCD",
            visit(
                vec![new_citizen("Nguyễn Văn Đức", "034168012345", 1968)],
                CaseChoice::New,
                vec![],
            ),
            "citizens.0.id_number",
            "không khớp giới tính",
        ),
        (
            "empty name",
            visit(
                vec![new_citizen(" \u{7} ", "034068012345", 1968)],
                CaseChoice::New,
                vec![],
            ),
            "citizens.0.full_name",
            "Chưa nhập họ tên công dân.",
        ),
        (
            "future date",
            VisitInput {
                at: "2026-11-24T09:00".into(),
                ..good()
            },
            "at",
            "Thời điểm tiếp không được ở tương lai.",
        ),
        (
            "100,000-character summary",
            VisitInput {
                summary: "đất ".repeat(25_000),
                ..good()
            },
            "summary",
            "Nội dung lượt tiếp quá dài (99999 ký tự); tối đa 10000 ký tự.",
        ),
        (
            "100,000-character petition",
            visit(
                vec![new_citizen("Nguyễn Văn Đức", "034068012345", 1968)],
                CaseChoice::New,
                vec![petition(PetitionKind::Complaint, &"x".repeat(100_000))],
            ),
            "petitions.0.summary",
            "Đơn thứ 1: nội dung đơn quá dài (100000 ký tự)",
        ),
        (
            "control characters only",
            VisitInput {
                summary: "\u{0}\u{1b}\u{8}".into(),
                ..good()
            },
            "summary",
            "Chưa nhập nội dung lượt tiếp.",
        ),
    ];
    for (what, input, field, message) in cases {
        let e = desk
            .record_visit(&ctx("2026-11-23 09:15"), &input)
            .unwrap_err()
            .to_data();
        let f = e
            .fields
            .iter()
            .find(|f| f.field == field)
            .unwrap_or_else(|| panic!("{what}: {e:?}"));
        assert!(f.message_vi.contains(message), "{what}: {}", f.message_vi);
        assert_eq!(counts(&desk), before, "{what}: nothing written");
    }

    // Odd but valid: NFD text, control characters inside, markup in a name — stored
    // cleaned, as text.
    let nfd = "Nguye\u{302}\u{303}n Va\u{306}n \u{110}u\u{31b}\u{301}c";
    let mut input = visit(
        vec![new_citizen(nfd, "034068012345", 1968)],
        CaseChoice::New,
        vec![],
    );
    input.summary = "Tranh\u{0} chấp\u{1b}\tđất".into();
    input.citizens.push(CitizenRef::New(CitizenInput {
        full_name: "<script>alert(1)</script>".into(),
        id_kind: IdKind::NoPaper,
        address: "Thôn <b>Đông</b>".into(),
        ..CitizenInput::default()
    }));
    input.people = 2;
    desk.record_visit(&ctx("2026-11-23 09:15"), &input).unwrap();
    let names: Vec<String> = desk
        .store()
        .conn()
        .prepare("SELECT full_name FROM citizens ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(names[0], "Nguyễn Văn Đức");
    assert!(names[1].starts_with("<script>"), "{names:?}");
    let summary: String = desk
        .store()
        .conn()
        .query_row("SELECT summary FROM visits", [], |r| r.get(0))
        .unwrap();
    assert_eq!(summary, "Tranh chấp đất");
}

#[test]
fn a_complaint_and_a_denunciation_handed_in_together_are_two_cases_and_the_repeat_finds_the_complaint()
 {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let c = ctx("2026-11-23 09:20");
    let first = desk
        .record_visit(
            &c,
            &visit(
                vec![new_citizen("Nguyễn Văn An", "051068000123", 1968)],
                CaseChoice::New,
                vec![
                    petition(
                        PetitionKind::Denunciation,
                        "Tố cáo cán bộ địa chính nhận tiền",
                    ),
                    petition(PetitionKind::Complaint, "Khiếu nại quyết định thu hồi đất"),
                ],
            ),
        )
        .unwrap();
    let cases: Vec<(i64, String)> = {
        let conn = desk.store().conn();
        let mut stmt = conn
            .prepare(
                "SELECT p.case_id, c.title FROM petitions p JOIN cases c ON c.id = p.case_id
                  ORDER BY p.id",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_ne!(
        cases[0].0, cases[1].0,
        "the denunciation has a case of its own"
    );
    assert_eq!(
        cases[1].0, first.case_id,
        "the visit belongs to the complaint's case"
    );
    assert_eq!(cases[1].1, "Khiếu nại quyết định thu hồi đất");
    // Typed without tones at the next visit: the person and the complaint's case are offered.
    let found = desk.find_citizens("nguyen van an", None, 10).unwrap();
    assert_eq!(found.len(), 1);
    let offered: Vec<i64> = found[0].cases.iter().map(|k| k.id).collect();
    assert_eq!(offered, [first.case_id]);
    let again = desk
        .record_visit(
            &ctx("2026-11-30 09:00"),
            &visit(
                vec![CitizenRef::Existing(first.citizen_ids[0])],
                CaseChoice::Existing(first.case_id),
                vec![],
            ),
        )
        .unwrap();
    assert!(again.repeat);
    assert_eq!(again.case_id, first.case_id);
    // Opened from the search box: the complaint, its case and the repeat visit; nothing of
    // the denunciation (not even the visit it was handed in at).
    let h = desk.citizen_history(first.citizen_ids[0]).unwrap();
    let cases: Vec<&str> = h.cases.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(cases, ["Khiếu nại quyết định thu hồi đất"]);
    let petitions: Vec<&str> = h.petitions.iter().map(|p| p.summary.as_str()).collect();
    assert_eq!(petitions, ["Khiếu nại quyết định thu hồi đất"]);
    assert!(h.petitions[0].next_due.is_some() && !h.petitions[0].closed);
    assert_eq!(h.visits.len(), 1);
    assert!(h.visits[0].repeat);
}
