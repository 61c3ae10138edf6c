//! Legal fidelity, round 2: each example of the review walked through the public API — an
//! interchange file imported into a real database, then the export's computed `deadlines`
//! and `routing` read back (and the schedule for the reception days).

use crate::common::*;
use chrono::NaiveDate;
use serde_json::Value;
use tiepdan_core::Desk;
use tiepdan_core::desk::ExportOptions;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const OFFICE: &str = r#"{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "commune_code": "21769", "remote_area": false, "chair": "Phạm Văn Hùng", "party_secretary": "Đinh Thị Lan"}
{"type": "agency", "ref": "tinh", "name": "Ủy ban nhân dân tỉnh Quảng Ngãi", "role": "province_chair"}
{"type": "citizen", "ref": "an", "full_name": "Nguyễn Văn An", "id_kind": "none", "address": "Thôn Đông, xã Ba Tơ"}
"#;

/// A petition line: `extra` holds the fields that differ (JSON members, comma first).
fn petition(r: &str, kind: &str, received_on: &str, extra: &str) -> String {
    format!(
        r#"{{"type": "petition", "ref": "{r}", "received_on": "{received_on}", "channel": "in_person", "kind": "{kind}", "field": "land", "petitioners": ["an"], "signatories": 1, "summary": "Nội dung đơn {r}"{extra}}}"#
    )
}

/// Imports the office and `lines`, exports as of `today`; the petitions by ref.
fn run(lines: &[String], today: &str) -> (Desk, std::collections::HashMap<String, Value>) {
    let dir = tempfile::tempdir().unwrap().keep();
    let mut desk = Desk::open(&dir, at("2026-11-23 08:00")).unwrap();
    let text = format!("{OFFICE}{}\n", lines.join("\n"));
    desk.import(&ctx("2026-11-23 09:00"), &text)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = desk
        .export(
            &ctx("2026-11-23 09:00"),
            &ExportOptions {
                redact: false,
                today: Some(d(today)),
            },
        )
        .unwrap();
    let petitions = out
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["type"] == "petition")
        .map(|v| (v["ref"].as_str().unwrap().to_owned(), v))
        .collect();
    (desk, petitions)
}

fn deadline<'a>(p: &'a Value, name: &str) -> Option<&'a Value> {
    p["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == name)
}

fn due(p: &Value, name: &str) -> String {
    deadline(p, name).unwrap_or_else(|| panic!("no {name} deadline: {p}"))["due"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn names(p: &Value) -> Vec<&str> {
    p["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect()
}

const COMPLAINT: &str = r#", "respondent": {"role": "commune_chair"}, "instance": 1"#;

#[test]
fn the_national_day_break_of_2026_closes_monday_31_august() {
    let (desk, p) = run(
        &[
            // Accepted 31/07/2026: day 30 is Sunday 30/08, and 31/08–02/09 are closed.
            petition(
                "qk-accept",
                "complaint",
                "2026-07-27",
                &format!(r#"{COMPLAINT}, "events": [{{"on": "2026-07-31", "kind": "accepted"}}]"#),
            ),
            // Decision received 02/06/2026, complaint on 03/09: day 90 is the closed 31/08,
            // so the limitation period ends on 03/09 and the complaint is in time.
            petition(
                "qk-limit",
                "complaint",
                "2026-09-03",
                &format!(r#"{COMPLAINT}, "contested_on": "2026-06-02""#),
            ),
            // One day later it is time-barred.
            petition(
                "qk-late",
                "complaint",
                "2026-09-04",
                &format!(r#"{COMPLAINT}, "contested_on": "2026-06-02""#),
            ),
        ],
        "2026-11-23",
    );
    assert_eq!(due(&p["qk-accept"], "resolve"), "2026-09-03");
    let explain = deadline(&p["qk-accept"], "resolve").unwrap()["explain"]
        .as_str()
        .unwrap();
    assert!(explain.contains("31/08/2026"), "{explain}");
    assert_eq!(
        p["qk-limit"]["routing"]["action"], "accept",
        "{}",
        p["qk-limit"]
    );
    assert_eq!(p["qk-late"]["routing"]["action"], "decline");
    assert!(
        p["qk-late"]["routing"]["reason"]
            .as_str()
            .unwrap()
            .contains("Hết thời hiệu")
    );
    let cal = desk.working_calendar().unwrap();
    assert!(!cal.is_working_day(d("2026-08-31")));
    assert!(cal.is_working_day(d(MAKE_UP_2026)), "the make-up Saturday");
}

/// The Saturday worked in exchange for Monday 31/08/2026 (see calendar.toml).
const MAKE_UP_2026: &str = "2026-08-22";

#[test]
fn a_weekly_monday_reception_day_is_not_held_on_31_august_2026() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-08-01 08:00")).unwrap();
    let text = format!(
        "{OFFICE}{}\n",
        r#"{"type": "reception_plan", "ref": "rp", "host": "chair", "host_name": "Phạm Văn Hùng", "rule": {"weekly": ["mon"]}, "from": "2026-08-01", "place": "Trụ sở Ủy ban nhân dân xã", "start": "07:30", "end": "11:30"}"#
    );
    desk.import(&ctx("2026-08-01 09:00"), &text).unwrap();
    let view = desk.schedule(d("2026-08-24"), d("2026-09-06")).unwrap();
    let days: Vec<(String, bool)> = serde_json::to_value(&view).unwrap()["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["on"].as_str().unwrap().to_owned(), s["moved"] == true))
        .collect();
    // 24/08 as planned; 31/08 moves to the next working day, Thursday 03/09.
    assert_eq!(
        days,
        [
            ("2026-08-24".to_owned(), false),
            ("2026-09-03".to_owned(), true)
        ]
    );
}

#[test]
fn tet_at_ty_2025_had_no_make_up_saturday() {
    let (desk, p) = run(
        &[petition(
            "tet",
            "complaint",
            "2025-01-06",
            &format!(r#"{COMPLAINT}, "events": [{{"on": "2025-01-09", "kind": "accepted"}}]"#),
        )],
        "2025-03-01",
    );
    // 30 days from 09/01/2025 end on Saturday 08/02, an ordinary Saturday: Monday 10/02.
    assert_eq!(due(&p["tet"], "resolve"), "2025-02-10");
    let cal = desk.working_calendar().unwrap();
    assert!(!cal.is_working_day(d("2025-02-08")));
    for day in [
        "2025-01-27",
        "2025-01-28",
        "2025-01-29",
        "2025-01-30",
        "2025-01-31",
    ] {
        assert!(!cal.is_working_day(d(day)), "{day} is a Tết day");
    }
}

#[test]
fn complaints_about_disciplinary_decisions_have_their_own_time_limits() {
    let decided =
        r#", "respondent": {"role": "commune_chair"}, "instance": 1, "contested_on": "2026-10-01""#;
    let second = r#", "respondent": {"role": "commune_office_head"}, "instance": 2, "contested_on": "2026-10-01""#;
    let (_, p) = run(
        &[
            // 19 days after the decision: in time for an administrative decision, late for
            // a disciplinary one (15 days).
            petition("admin", "complaint", "2026-10-20", decided),
            petition(
                "disc",
                "complaint",
                "2026-10-20",
                &format!(r#"{decided}, "decision_kind": "disciplinary""#),
            ),
            petition(
                "disc-ok",
                "complaint",
                "2026-10-14",
                &format!(r#"{decided}, "decision_kind": "disciplinary""#),
            ),
            // A second complaint 25 days after the first decision: late against a
            // disciplinary decision (10 days), in time against a dismissal (30 days).
            petition(
                "disc-2",
                "complaint",
                "2026-10-26",
                &format!(r#"{second}, "decision_kind": "disciplinary""#),
            ),
            petition(
                "dismissal-2",
                "complaint",
                "2026-10-26",
                &format!(r#"{second}, "decision_kind": "dismissal""#),
            ),
            // Resolved: the complainant has 10 days (not 30) to complain again.
            petition(
                "disc-done",
                "complaint",
                "2026-10-05",
                &format!(
                    r#"{decided}, "decision_kind": "disciplinary", "events": [{{"on": "2026-10-06", "kind": "accepted"}}, {{"on": "2026-10-20", "kind": "resolved", "result": "wrong"}}]"#
                ),
            ),
        ],
        "2026-11-23",
    );
    assert_eq!(p["admin"]["routing"]["action"], "accept");
    assert_eq!(p["disc"]["routing"]["action"], "decline");
    assert!(
        p["disc"]["routing"]["basis"]
            .as_str()
            .unwrap()
            .contains("kỷ luật"),
        "{}",
        p["disc"]
    );
    assert_eq!(p["disc-ok"]["routing"]["action"], "accept");
    assert_eq!(p["disc-2"]["routing"]["action"], "decline");
    assert_eq!(p["dismissal-2"]["routing"]["action"], "accept");
    assert_eq!(p["disc"]["decision_kind"], "disciplinary");
    // 30 days from acceptance on 06/10; the second complaint 10 days from 20/10.
    assert_eq!(due(&p["disc-done"], "resolve"), "2026-11-05");
    assert_eq!(due(&p["disc-done"], "second_complaint"), "2026-10-30");
}

#[test]
fn a_second_complaint_may_follow_a_first_instance_that_decided_nothing() {
    let (_, p) = run(
        &[
            petition(
                "silent",
                "complaint",
                "2026-08-25",
                &format!(r#"{COMPLAINT}, "events": [{{"on": "2026-09-01", "kind": "accepted"}}]"#),
            ),
            petition(
                "running",
                "complaint",
                "2026-11-02",
                &format!(r#"{COMPLAINT}, "events": [{{"on": "2026-11-03", "kind": "accepted"}}]"#),
            ),
        ],
        "2026-11-23",
    );
    // 30 days from 01/09 end on Thursday 01/10; the complainant's 30 days run from there
    // to Saturday 31/10, so Monday 02/11.
    assert_eq!(due(&p["silent"], "resolve"), "2026-10-01");
    assert_eq!(due(&p["silent"], "second_complaint"), "2026-11-02");
    let explain = deadline(&p["silent"], "second_complaint").unwrap()["explain"]
        .as_str()
        .unwrap();
    assert!(
        explain.contains("hết thời hạn giải quyết lần đầu"),
        "{explain}"
    );
    // Still within its period: no second complaint yet.
    assert!(!names(&p["running"]).contains(&"second_complaint"));
}

#[test]
fn a_denunciation_outside_the_communes_competence_has_five_working_days_to_be_transferred() {
    let (_, p) = run(
        &[
            petition(
                "chair",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "commune_chair"}"#,
            ),
            petition(
                "official",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "commune_official"}"#,
            ),
            petition(
                "oral",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "commune_vice_chair"}, "oral": true"#,
            ),
            petition(
                "sent",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "commune_official"}, "events": [{"on": "2026-11-04", "kind": "handled", "action": "transfer", "to": "tinh"}]"#,
            ),
        ],
        "2026-11-03",
    );
    // Monday 02/11 + 5 working days = Monday 09/11; checking a denunciation that is ours
    // takes 7 working days, to Wednesday 11/11.
    assert_eq!(names(&p["chair"]), ["transfer"]);
    assert_eq!(due(&p["chair"], "transfer"), "2026-11-09");
    assert_eq!(p["chair"]["routing"]["action"], "transfer");
    assert!(names(&p["official"]).contains(&"check"));
    assert!(!names(&p["official"]).contains(&"transfer"));
    assert_eq!(due(&p["official"], "check"), "2026-11-11");
    // Made in person, orally: the denouncer is guided to the competent body.
    assert_eq!(p["oral"]["routing"]["action"], "guide");
    assert!(
        p["oral"]["routing"]["basis"]
            .as_str()
            .unwrap()
            .contains("Điều 24 khoản 2")
    );
    // Handled as a transfer by the officer: the transfer deadline, met.
    let sent = deadline(&p["sent"], "transfer").expect("transfer deadline");
    assert_eq!(sent["met_on"], "2026-11-04");
}

#[test]
fn the_commune_chair_resolves_denunciations_inside_the_commune() {
    let (_, p) = run(
        &[
            petition(
                "member",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "commune_committee_member"}"#,
            ),
            petition(
                "head",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "commune_office_head"}"#,
            ),
            petition(
                "vice",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "commune_vice_chair"}"#,
            ),
            // Encroachment on land by a private person: the commune's field.
            petition(
                "land",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "private_person"}"#,
            ),
            // Another field: the officer decides, never an unconditional transfer.
            petition(
                "policy",
                "denunciation",
                "2026-11-02",
                r#", "respondent": {"role": "enterprise"}"#,
            )
            .replace(r#""field": "land""#, r#""field": "policy""#),
        ],
        "2026-11-03",
    );
    for r in ["member", "head", "land"] {
        assert_eq!(p[r]["routing"]["action"], "accept", "{r}: {}", p[r]);
        assert_eq!(p[r]["routing"]["authority"], "Chủ tịch Ủy ban nhân dân xã");
    }
    assert_eq!(p["vice"]["routing"]["action"], "transfer");
    assert_eq!(
        p["vice"]["routing"]["authority"],
        "Chủ tịch Ủy ban nhân dân tỉnh"
    );
    assert_eq!(p["policy"]["routing"]["action"], "review");
    // The check deadline runs for what is ours, the transfer deadline for the rest.
    assert!(names(&p["land"]).contains(&"check"));
    assert!(names(&p["policy"]).contains(&"check"));
    assert_eq!(names(&p["vice"]), ["transfer"]);
}
