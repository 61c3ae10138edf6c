//! A petition's deadlines on a real database: the office's calendar moves them, the rule
//! files in the data directory replace the shipped ones.

use crate::common::*;
use chrono::NaiveDate;
use tiepdan_core::Desk;
use tiepdan_core::domain::deadline::Status;
use tiepdan_core::rules::deadlines::DeadlineName;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn add_event(desk: &Desk, petition: i64, on: &str, kind: &str) {
    desk.store()
        .conn()
        .execute(
            "INSERT INTO events (petition_id, on_date, kind, created_at) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![petition, on, kind, format!("{on}T10:00:00")],
        )
        .unwrap();
}

#[test]
fn a_holiday_added_to_the_office_calendar_moves_an_open_cases_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let id = complaint(&mut desk);
    add_event(&desk, id, "2026-02-09", "accepted");

    let before = desk.deadlines(id, d("2026-03-01")).unwrap();
    assert_eq!(before.status, Status::Open);
    let resolve = |p: &tiepdan_core::desk::PetitionDeadlines| {
        p.deadlines
            .iter()
            .find(|x| x.name == DeadlineName::Resolve)
            .unwrap()
            .clone()
    };
    // Remote area: 45 days from 09/02/2026 end on Thursday 26/03/2026.
    assert_eq!(resolve(&before).due, d("2026-03-26"));
    let accept = before
        .deadlines
        .iter()
        .find(|x| x.name == DeadlineName::Accept)
        .unwrap();
    assert_eq!(accept.met_on, Some(d("2026-02-09")));

    desk.store()
        .conn()
        .execute(
            "INSERT INTO calendar_days (date, kind, note) VALUES ('2026-03-26', 'holiday', 'Nghỉ theo quyết định của UBND tỉnh')",
            [],
        )
        .unwrap();
    let after = desk.deadlines(id, d("2026-03-01")).unwrap();
    let moved = resolve(&after);
    assert_eq!(moved.due, d("2026-03-27"));
    assert!(
        moved.explain.contains(
            "26/03/2026 (thứ Năm, Nghỉ theo quyết định của UBND tỉnh, theo lịch của cơ quan)"
        ),
        "{}",
        moved.explain
    );
    assert_eq!(after.status, Status::Open);
    assert_eq!(
        desk.deadlines(id, d("2026-03-28")).unwrap().status,
        Status::Overdue
    );

    add_event(&desk, id, "2026-03-20", "resolved");
    let done = desk.deadlines(id, d("2026-03-28")).unwrap();
    // Met, no longer overdue; open until the decision is carried out.
    assert_eq!(done.status, Status::Open);
    assert_eq!(resolve(&done).met_on, Some(d("2026-03-20")));
    add_event(&desk, id, "2026-03-25", "enforced");
    assert_eq!(
        desk.deadlines(id, d("2026-03-28")).unwrap().status,
        Status::Closed
    );
}

#[test]
fn an_administrators_rule_file_replaces_the_default_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let id = complaint(&mut desk);
    drop(desk);

    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    let shipped = include_str!("../../assets/rules/deadlines.toml");
    // This office counts complaint acceptance in working days.
    let edited = shipped.replacen(
        "instance = 1\ndays = 10\nunit = \"calendar\"",
        "instance = 1\ndays = 10\nunit = \"working\"",
        1,
    );
    assert_ne!(edited, shipped);
    std::fs::write(rules.join("deadlines.toml"), edited).unwrap();
    let desk = Desk::open(dir.path(), at("2026-02-05 08:00")).unwrap();
    let accept = desk
        .deadlines(id, d("2026-02-05"))
        .unwrap()
        .deadlines
        .into_iter()
        .find(|x| x.name == DeadlineName::Accept)
        .unwrap();
    // 10 working days from 04/02/2026 skip Tết: Wednesday 25/02.
    assert_eq!(accept.due, d("2026-02-25"));
    drop(desk);

    std::fs::write(rules.join("deadlines.toml"), "basis = 1").unwrap();
    let e = Desk::open(dir.path(), at("2026-02-05 08:00")).unwrap_err();
    assert_eq!(e.code(), "rules");
    assert!(e.to_string().contains("deadlines.toml"), "{e}");
}

#[test]
fn an_unknown_petition_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    complaint(&mut desk);
    let e = desk.deadlines(999, d("2026-02-05")).unwrap_err();
    assert!(e.to_string().contains("Không có đơn số 999"), "{e}");
}

/// The dashboard's lists come from the deadline cache, kept in step with every write.
#[test]
fn the_dashboard_lists_overdue_and_soon_due_deadlines_and_follows_each_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = complaint(&mut desk);
    let all = desk.deadlines(p, d("2026-02-04")).unwrap().deadlines;
    let handle_due = all
        .iter()
        .find(|x| x.name == DeadlineName::Handle)
        .unwrap()
        .due;
    // Early on nothing is listed; in its last working days a deadline is "soon"; after, overdue.
    let early = desk.due(d("2026-02-05"), 50).unwrap();
    assert_eq!((early.overdue_count, early.soon_count), (0, 0), "{early:?}");
    let last_days = desk.due(handle_due, 50).unwrap();
    assert!(
        last_days
            .soon
            .iter()
            .any(|i| i.deadline == DeadlineName::Handle),
        "{last_days:?}"
    );
    let late = desk.due(handle_due.succ_opt().unwrap(), 50).unwrap();
    assert!(
        late.overdue
            .iter()
            .any(|i| i.petition_id == p && i.deadline == DeadlineName::Handle),
        "{late:?}"
    );

    // A holiday added by the office moves the cached due date after a recompute.
    let c = ctx("2026-02-06 10:00");
    assert!(
        cached(&desk, p).contains(&"handle 2026-02-25".to_owned()),
        "{:?}",
        cached(&desk, p)
    );
    desk.store()
        .conn()
        .execute("INSERT INTO calendar_days (date, kind, note) VALUES ('2026-02-24', 'holiday', 'Nghỉ bù')", [])
        .unwrap();
    assert_eq!(desk.recompute_deadlines(&c).unwrap(), 1);
    assert!(
        cached(&desk, p).contains(&"handle 2026-02-26".to_owned()),
        "{:?}",
        cached(&desk, p)
    );

    // Handling it meets the handling deadline: it leaves the overdue list at once.
    desk.handle_petition(
        &c,
        &tiepdan_core::desk::HandleInput {
            accepted_on: None,
            note: None,
            petition_id: p,
            on: "2026-02-06".into(),
            action: tiepdan_core::domain::routing::Action::Accept,
            to_agency: None,
            reason: Some("Thuộc thẩm quyền".into()),
        },
    )
    .unwrap();
    let after = desk.due(d("2026-03-02"), 50).unwrap();
    assert!(
        after
            .overdue
            .iter()
            .all(|i| i.deadline != DeadlineName::Handle),
        "{after:?}"
    );
}

fn cached(desk: &Desk, p: i64) -> Vec<String> {
    desk.store()
        .conn()
        .prepare(
            "SELECT name || ' ' || due FROM deadline_cache WHERE petition_id = ?1 ORDER BY name",
        )
        .unwrap()
        .query_map([p], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The cache rebuilt for every petition at once (import, recompute) holds exactly what
/// the engine computes for each petition alone.
#[test]
fn the_whole_cache_agrees_with_each_petitions_own_computation() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/interchange_scenario.jsonl"
    ))
    .unwrap();
    desk.import(&c, &text).unwrap();
    desk.recompute_deadlines(&c).unwrap();
    let ids: Vec<i64> = desk
        .store()
        .conn()
        .prepare("SELECT id FROM petitions ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(ids.len() >= 5);
    let mut with_events = 0;
    for p in ids {
        let own = desk.deadlines(p, d("2026-11-23")).unwrap();
        let expected: Vec<String> = own
            .deadlines
            .iter()
            .map(|x| {
                format!(
                    "{} {} {:?}",
                    serde_json::to_string(&x.name).unwrap().trim_matches('"'),
                    x.due,
                    x.met_on.map(|m| m.to_string())
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let stored: Vec<String> = desk
            .store()
            .conn()
            .prepare("SELECT name, due, met_on FROM deadline_cache WHERE petition_id = ?1 ORDER BY name, due")
            .unwrap()
            .query_map([p], |r| Ok(format!("{} {} {:?}", r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(stored, expected, "petition {p}");
        with_events += usize::from(own.deadlines.iter().any(|x| x.met_on.is_some()));
    }
    assert!(
        with_events >= 2,
        "the scenario's events meet some deadlines"
    );
}
