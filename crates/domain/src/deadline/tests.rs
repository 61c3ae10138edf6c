//! Each counting rule pinned on fixed dates, with the shipped rule files.

use super::*;
use tiepdan_rules::calendar::CalendarRules;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ev(on: &str, kind: EventKind) -> PetitionEvent {
    PetitionEvent::new(d(on), kind)
}

fn extended(on: &str, days: u32, decision: &str) -> PetitionEvent {
    PetitionEvent {
        days: Some(days),
        decision: Some(decision.into()),
        ..ev(on, EventKind::Extended)
    }
}

fn facts(kind: PetitionKind, received_on: &str, events: Vec<PetitionEvent>) -> PetitionFacts {
    PetitionFacts {
        kind,
        instance: (kind == PetitionKind::Complaint).then_some(1),
        complex: false,
        received_on: d(received_on),
        remote_area: false,
        decision_kind: crate::visit::DecisionKind::Administrative,
        outside_competence: false,
        events,
    }
}

/// Computes with explanations, and checks on every case that the dates-only computation
/// (the cache's) agrees on everything but the text.
fn run(f: &PetitionFacts, today: &str) -> Deadlines {
    let (rules, cal) = (
        DeadlineRules::default_rules(),
        CalendarRules::default_rules().calendar(),
    );
    let full = compute(f, &rules, &cal, d(today));
    let mut dates = compute_dates(f, &rules, &cal, d(today));
    assert!(dates.deadlines.iter().all(|x| x.explain.is_empty()));
    for (x, y) in dates.deadlines.iter_mut().zip(&full.deadlines) {
        x.explain.clone_from(&y.explain);
    }
    assert_eq!(dates, full);
    full
}

fn get(ds: &Deadlines, name: DeadlineName) -> &Deadline {
    ds.deadlines
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("{name:?} missing from {ds:#?}"))
}

fn due(f: &PetitionFacts, name: DeadlineName) -> NaiveDate {
    get(&run(f, "2027-12-31"), name).due
}

#[test]
fn a_working_day_period_crossing_tet_2026_skips_the_holidays() {
    // Received Thursday 12/02/2026: Fri 13/02 is day 1, Tết 16–20/02, then 23/02 onwards.
    let f = facts(PetitionKind::Denunciation, "2026-02-12", vec![]);
    let ds = run(&f, "2026-02-13");
    let check = get(&ds, DeadlineName::Check);
    assert_eq!(check.due, d("2026-03-02"));
    assert!(
        check.explain.contains("7 ngày làm việc"),
        "{}",
        check.explain
    );
    assert!(
        check
            .explain
            .contains("17/02/2026 (thứ Ba, Tết Nguyên đán (mùng 1))"),
        "{}",
        check.explain
    );
    assert!(
        check
            .explain
            .contains("Không tính 6 ngày thứ Bảy, Chủ nhật")
    );
    assert!(check.verified);
    assert_eq!(ds.status(d("2026-02-13")), Status::Open);
    assert_eq!(ds.status(d("2026-03-03")), Status::Overdue);
}

#[test]
fn a_calendar_day_period_ending_on_a_saturday_before_tet_ends_after_tet() {
    // 10 days from 04/02/2026 end on Saturday 14/02; Sunday and Tết follow: Monday 23/02.
    let f = facts(PetitionKind::Complaint, "2026-02-04", vec![]);
    let accept = get(&run(&f, "2026-02-05"), DeadlineName::Accept).clone();
    assert_eq!(accept.due, d("2026-02-23"));
    assert!(
        accept.explain.contains("14/02/2026 (thứ Bảy)")
            && accept
                .explain
                .contains("20/02/2026 (thứ Sáu, Tết Nguyên đán (mùng 4))")
            && accept
                .explain
                .contains("Hạn cuối: hết ngày 23/02/2026 (thứ Hai)"),
        "{}",
        accept.explain
    );
    assert!(accept.explain.contains("bắt đầu tính từ ngày 05/02/2026"));
}

#[test]
fn a_period_ending_on_an_ordinary_sunday_ends_on_monday() {
    let f = facts(PetitionKind::Complaint, "2026-03-05", vec![]);
    assert_eq!(due(&f, DeadlineName::Accept), d("2026-03-16"));
}

#[test]
fn a_period_ending_on_a_make_up_saturday_ends_that_saturday() {
    // 10 days from 31/12/2025 end on Saturday 10/01/2026, worked in exchange for 02/01.
    let f = facts(PetitionKind::Complaint, "2025-12-31", vec![]);
    let ds = run(&f, "2026-01-02");
    let accept = get(&ds, DeadlineName::Accept);
    assert_eq!(accept.due, d("2026-01-10"));
    assert!(
        accept.explain.contains("ngày làm việc bù"),
        "{}",
        accept.explain
    );
    // A working-day count uses the make-up Saturday too: from Wed 07/01, 7 days end 15/01.
    let f = facts(PetitionKind::Denunciation, "2026-01-07", vec![]);
    let check = get(&run(&f, "2026-01-08"), DeadlineName::Check).clone();
    assert_eq!(check.due, d("2026-01-15"));
    assert!(
        check
            .explain
            .contains("Có tính ngày làm việc bù: 10/01/2026")
    );
}

#[test]
fn a_remote_area_office_gets_the_longer_complaint_periods() {
    let accepted = vec![ev("2026-03-02", EventKind::Accepted)];
    let mut f = facts(PetitionKind::Complaint, "2026-02-25", accepted);
    assert_eq!(due(&f, DeadlineName::Resolve), d("2026-04-01"));
    f.remote_area = true;
    assert_eq!(due(&f, DeadlineName::Resolve), d("2026-04-16"));
    assert_eq!(due(&f, DeadlineName::Accept), d("2026-03-09"), "not longer");
}

#[test]
fn a_complex_complaint_gets_45_days_and_60_in_a_remote_area() {
    let accepted = vec![ev("2026-03-02", EventKind::Accepted)];
    let mut f = facts(PetitionKind::Complaint, "2026-02-25", accepted);
    f.complex = true;
    assert_eq!(due(&f, DeadlineName::Resolve), d("2026-04-16"));
    f.remote_area = true;
    // 60 days end on Friday 01/05/2026, a holiday; then the weekend: Monday 04/05.
    let resolve = get(&run(&f, "2026-03-03"), DeadlineName::Resolve).clone();
    assert_eq!(resolve.due, d("2026-05-04"));
    assert!(resolve.basis.contains("Điều 28"));
    assert!(
        resolve.explain.contains("Ngày Quốc tế Lao động"),
        "{}",
        resolve.explain
    );
}

#[test]
fn a_second_instance_complaint_gets_45_days() {
    let mut f = facts(
        PetitionKind::Complaint,
        "2026-02-25",
        vec![ev("2026-03-02", EventKind::Accepted)],
    );
    f.instance = Some(2);
    let ds = run(&f, "2026-03-03");
    assert_eq!(get(&ds, DeadlineName::Resolve).due, d("2026-04-16"));
    assert!(get(&ds, DeadlineName::Resolve).basis.contains("Điều 37"));
    assert!(
        ds.deadlines
            .iter()
            .all(|x| x.name != DeadlineName::SecondComplaint)
    );
}

fn paused_complaint(received_on: &str) -> PetitionFacts {
    facts(
        PetitionKind::Complaint,
        received_on,
        vec![
            ev("2026-07-06", EventKind::Accepted),
            ev("2026-07-10", EventKind::Paused),
            ev("2026-07-20", EventKind::Resumed),
        ],
    )
}

#[test]
fn a_complaint_received_from_1_july_2026_does_not_count_paused_days() {
    // 30 days from 06/07 + 10 paused days end on Saturday 15/08: Monday 17/08.
    let resolve = get(
        &run(&paused_complaint("2026-07-01"), "2026-07-21"),
        DeadlineName::Resolve,
    )
    .clone();
    assert_eq!(resolve.due, d("2026-08-17"));
    assert!(
        resolve
            .explain
            .contains("Tạm đình chỉ từ ngày 10/07/2026 đến ngày 20/07/2026 (tiếp tục giải quyết): 10 ngày không tính"),
        "{}",
        resolve.explain
    );
    assert!(resolve.basis.contains("136/2025"));
}

#[test]
fn the_resolution_rules_are_chosen_by_the_acceptance_date() {
    // Received on 30/06/2026 but accepted on 06/07: Law 136/2025 applies (paused days do
    // not count), as for a complaint received in July.
    let resolve = get(
        &run(&paused_complaint("2026-06-30"), "2026-07-21"),
        DeadlineName::Resolve,
    )
    .clone();
    assert_eq!(resolve.due, d("2026-08-17"));
    assert!(resolve.basis.contains("136/2025"));
    // Accepted on 30/06/2026: the earlier text; a suspension decided from 01/07 follows the
    // new rules (transitional), so 10 days are not counted: 30/07 + 10 = Sunday 09/08 → 10/08.
    let mut f = paused_complaint("2026-06-29");
    f.events[0].on = d("2026-06-30");
    let resolve = get(&run(&f, "2026-07-21"), DeadlineName::Resolve).clone();
    assert_eq!(resolve.due, d("2026-08-10"));
    assert!(!resolve.basis.contains("136/2025"));
    assert!(
        resolve.explain.contains("quy định chuyển tiếp"),
        "{}",
        resolve.explain
    );
    // A suspension in June, under the earlier text, still counts.
    let f = facts(
        PetitionKind::Complaint,
        "2026-06-01",
        vec![
            ev("2026-06-10", EventKind::Accepted),
            ev("2026-06-15", EventKind::Paused),
            ev("2026-06-20", EventKind::Resumed),
        ],
    );
    let resolve = get(&run(&f, "2026-06-21"), DeadlineName::Resolve).clone();
    assert_eq!(resolve.due, d("2026-07-10"));
    assert!(
        resolve.explain.contains("vẫn được tính vào thời hạn"),
        "{}",
        resolve.explain
    );
}

#[test]
fn a_suspension_not_yet_lifted_holds_the_clock_and_is_not_overdue() {
    let mut f = paused_complaint("2026-07-01");
    f.events.pop();
    let ds = run(&f, "2026-09-30");
    let resolve = get(&ds, DeadlineName::Resolve);
    assert!(resolve.suspended);
    assert!(resolve.due > d("2026-09-30"), "{}", resolve.due);
    assert!(
        resolve
            .explain
            .contains("Đang tạm đình chỉ từ ngày 10/07/2026")
    );
    assert_eq!(ds.status(d("2026-09-30")), Status::Open);
}

#[test]
fn an_extended_denunciation_adds_the_days_and_names_the_decision() {
    let f = facts(
        PetitionKind::Denunciation,
        "2026-03-02",
        vec![
            ev("2026-03-09", EventKind::Accepted),
            extended("2026-04-01", 30, "15/QĐ-UBND"),
        ],
    );
    let ds = run(&f, "2026-04-02");
    let check = get(&ds, DeadlineName::Check);
    assert_eq!(
        (check.due, check.met_on),
        (d("2026-03-11"), Some(d("2026-03-09")))
    );
    let resolve = get(&ds, DeadlineName::Resolve);
    // 30 + 30 days from 09/03/2026: Friday 08/05/2026.
    assert_eq!(resolve.due, d("2026-05-08"));
    assert!(
        resolve
            .explain
            .contains("thêm 30 ngày (tính cả ngày nghỉ) theo quyết định số 15/QĐ-UBND")
            && resolve.explain.contains("Tổng thời hạn: 60"),
        "{}",
        resolve.explain
    );
}

#[test]
fn a_third_extension_is_counted_but_flagged() {
    let f = facts(
        PetitionKind::Denunciation,
        "2026-03-02",
        vec![
            ev("2026-03-09", EventKind::Accepted),
            extended("2026-04-01", 30, "15/QĐ-UBND"),
            extended("2026-05-01", 30, "20/QĐ-UBND"),
            extended("2026-06-01", 40, "25/QĐ-UBND"),
        ],
    );
    let resolve = get(&run(&f, "2026-06-02"), DeadlineName::Resolve).clone();
    assert!(
        resolve
            .explain
            .contains("vượt số lần gia hạn tối đa (2 lần)")
    );
    assert!(resolve.explain.contains("vượt mức gia hạn tối đa 30 ngày"));
    assert!(resolve.explain.contains("Tổng thời hạn: 130"));
}

#[test]
fn an_extension_before_acceptance_extends_the_denunciation_check() {
    let f = facts(
        PetitionKind::Denunciation,
        "2026-03-02",
        vec![extended("2026-03-05", 3, "02/TB-UBND")],
    );
    let ds = run(&f, "2026-03-06");
    assert_eq!(get(&ds, DeadlineName::Check).due, d("2026-03-16"));
}

#[test]
fn a_complaint_cannot_be_extended() {
    let f = facts(
        PetitionKind::Complaint,
        "2026-03-02",
        vec![
            ev("2026-03-05", EventKind::Accepted),
            extended("2026-03-20", 15, "09/QĐ-UBND"),
        ],
    );
    let resolve = get(&run(&f, "2026-03-21"), DeadlineName::Resolve).clone();
    assert_eq!(resolve.due, d("2026-04-06"), "04/04 is a Saturday");
    assert!(
        resolve.explain.contains("không được tính"),
        "{}",
        resolve.explain
    );
}

#[test]
fn a_deadline_met_on_time_and_one_met_late_both_stay_listed() {
    // Acceptance due Monday 23/02/2026 (see the Tết case above).
    let on_time = facts(
        PetitionKind::Complaint,
        "2026-02-04",
        vec![ev("2026-02-23", EventKind::Accepted)],
    );
    let ds = run(&on_time, "2026-03-01");
    let accept = get(&ds, DeadlineName::Accept);
    assert_eq!(accept.met_on, Some(d("2026-02-23")));
    assert!(accept.explain.contains("đúng hạn"), "{}", accept.explain);
    // The acceptance with no handling before it counts as handling that day.
    assert_eq!(get(&ds, DeadlineName::Handle).met_on, Some(d("2026-02-23")));
    assert_eq!(ds.status(d("2026-03-01")), Status::Open);

    let late = facts(
        PetitionKind::Complaint,
        "2026-02-04",
        vec![ev("2026-02-25", EventKind::Accepted)],
    );
    let ds = run(&late, "2026-03-01");
    let accept = get(&ds, DeadlineName::Accept);
    assert_eq!(
        (accept.due, accept.met_on),
        (d("2026-02-23"), Some(d("2026-02-25")))
    );
    assert!(accept.explain.contains("trễ 2 ngày"), "{}", accept.explain);
    assert_eq!(
        ds.status(d("2026-02-24")),
        Status::Overdue,
        "unmet on 24/02"
    );
    assert_eq!(ds.status(d("2026-03-01")), Status::Open, "met since");
}

#[test]
fn handling_other_than_accepting_meets_acceptance_and_closes_the_petition() {
    let mut transfer = ev("2026-02-10", EventKind::Handled);
    transfer.action = Some(Action::Transfer);
    let f = facts(PetitionKind::Complaint, "2026-02-04", vec![transfer]);
    let ds = run(&f, "2026-06-01");
    assert_eq!(get(&ds, DeadlineName::Accept).met_on, Some(d("2026-02-10")));
    assert!(ds.deadlines.iter().all(|x| x.name != DeadlineName::Resolve));
    assert_eq!(ds.closed_on, Some(d("2026-02-10")));
    assert_eq!(ds.status(d("2026-06-01")), Status::Closed);
}

#[test]
fn a_resolved_first_complaint_opens_the_citizens_second_complaint_period() {
    let mut resolved = ev("2026-04-01", EventKind::Resolved);
    resolved.decision = Some("30/QĐ-UBND".into());
    let f = facts(
        PetitionKind::Complaint,
        "2026-02-25",
        vec![ev("2026-03-02", EventKind::Accepted), resolved],
    );
    let ds = run(&f, "2026-06-01");
    let second = get(&ds, DeadlineName::SecondComplaint);
    assert_eq!(
        (second.due, second.met_on),
        (d("2026-05-01") + chrono::Days::new(3), None)
    );
    assert_eq!(second.obligation, Obligation::Citizen);
    assert!(
        get(&ds, DeadlineName::Resolve)
            .explain
            .contains("quyết định giải quyết số 30/QĐ-UBND")
    );
    // Resolved but not carried out: the case stays open until an `enforced` event.
    assert!(ds.awaiting_enforcement);
    assert_eq!(ds.status(d("2026-06-01")), Status::Open);
    let mut done = f.clone();
    done.events.push(ev("2026-05-20", EventKind::Enforced));
    let ds = run(&done, "2026-06-01");
    assert!(!ds.awaiting_enforcement);
    assert_eq!(ds.status(d("2026-06-01")), Status::Closed);
    // Ended otherwise (terminated) is closed with no enforcement.
    let ended = facts(
        PetitionKind::Complaint,
        "2026-02-25",
        vec![
            ev("2026-03-02", EventKind::Accepted),
            ev("2026-03-20", EventKind::Terminated),
        ],
    );
    assert_eq!(
        run(&ended, "2026-06-01").status(d("2026-06-01")),
        Status::Closed
    );
}

#[test]
fn feedback_gets_the_offices_default_from_handling() {
    let mut handled = ev("2026-03-03", EventKind::Handled);
    handled.action = Some(Action::Accept);
    let f = facts(PetitionKind::Feedback, "2026-03-02", vec![handled]);
    let ds = run(&f, "2026-03-04");
    let resolve = get(&ds, DeadlineName::Resolve);
    assert_eq!(resolve.due, d("2026-04-02"));
    assert!(!resolve.verified);
    assert!(resolve.explain.contains("deadlines.toml"));
}

#[test]
fn a_period_beyond_the_known_calendar_says_so() {
    let f = facts(PetitionKind::Complaint, "2027-12-28", vec![]);
    let accept = get(&run(&f, "2027-12-29"), DeadlineName::Accept).clone();
    assert!(
        accept.explain.contains("chưa có lịch nghỉ lễ năm 2028"),
        "{}",
        accept.explain
    );
}
