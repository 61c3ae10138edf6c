//! The deadline engine: from a petition's facts and events, the rules in force on its
//! received date and the working calendar, every deadline that applies — when it falls
//! due, whether and when it was met, and a Vietnamese explanation of the count. Pure.
//!
//! Counting (Bộ luật Dân sự 2015 Điều 147–148): the start day is not counted; a
//! calendar-day period ending on a non-working day ends at the end of the next working
//! day (a make-up working Saturday is a working day); a working-day period counts only
//! working days. `paused`/`resumed` stop the clock where the rule says so; `extended` adds
//! days to the first extendable deadline still open on its date.

mod count;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::visit::{DecisionKind, PetitionKind};
use tiepdan_rules::calendar::Calendar;
use tiepdan_rules::deadlines::{
    Case, DeadlineName, DeadlineRule, DeadlineRules, Obligation, Start, Unit,
};

/// Where a period starts: the event its rule names, or (a second complaint with no
/// first-instance decision) the end of the first-instance period.
#[derive(Debug, Clone, Copy)]
enum Begin {
    Rule(NaiveDate),
    Expired(NaiveDate),
}
use count::{Notes, Pause, count};

/// What happened to a petition (the interchange format's `events` vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Handled,
    Accepted,
    Extended,
    Paused,
    Resumed,
    Dialogue,
    Resolved,
    Terminated,
    Withdrawn,
    Enforced,
    ReplyReceived,
}

pub use tiepdan_vocab::petition::Action;

/// One event, with the fields deadlines look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetitionEvent {
    pub on: NaiveDate,
    pub kind: EventKind,
    pub action: Option<Action>,
    /// `extended`: the days added.
    pub days: Option<u32>,
    /// `extended`, `resolved`: the decision's number.
    pub decision: Option<String>,
    /// `withdrawn`: only part of the petition.
    pub partial: Option<bool>,
}

impl PetitionEvent {
    pub fn new(on: NaiveDate, kind: EventKind) -> Self {
        PetitionEvent {
            on,
            kind,
            action: None,
            days: None,
            decision: None,
            partial: None,
        }
    }
}

/// The facts of a petition the deadlines depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetitionFacts {
    pub kind: PetitionKind,
    /// Complaints: 1 or 2 (`None` counts as 1).
    pub instance: Option<u8>,
    pub complex: bool,
    pub received_on: NaiveDate,
    /// The office's vùng sâu, vùng xa flag.
    pub remote_area: bool,
    /// Complaints: the kind of decision complained about.
    pub decision_kind: DecisionKind,
    /// Denunciations: known not to be the office's to resolve (routing table or handling).
    pub outside_competence: bool,
    /// In date order (ties keep their recorded order).
    pub events: Vec<PetitionEvent>,
}

/// Open, overdue (an office deadline passed unmet), or closed (resolved, terminated,
/// withdrawn, or handled otherwise than by accepting it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Overdue,
    Closed,
}

/// One deadline of a petition, in the interchange export's shape plus what the window
/// needs to show it honestly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Deadline {
    pub name: DeadlineName,
    /// The last day (the period ends at the end of it), `YYYY-MM-DD`.
    #[ts(type = "string")]
    pub due: NaiveDate,
    /// The date of the event that met it; later than `due` when it was met late.
    #[ts(type = "string | null")]
    pub met_on: Option<NaiveDate>,
    pub basis: String,
    /// How it was counted, in Vietnamese: start, count, unit, every shift.
    pub explain: String,
    /// The rule's figures were checked against the official text.
    pub verified: bool,
    pub obligation: Obligation,
    /// An open suspension holds the clock: the due date moves on each day.
    pub suspended: bool,
}

/// Every deadline of a petition and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlines {
    pub deadlines: Vec<Deadline>,
    /// When the petition was closed (resolved, terminated, withdrawn, handled otherwise
    /// than by accepting it).
    pub closed_on: Option<NaiveDate>,
    /// Closed by a resolution decision that has not been carried out (no `enforced` event
    /// after it): the case stays open until it is.
    pub awaiting_enforcement: bool,
}

impl Deadlines {
    /// Closed once closed — a resolution only once carried out; overdue when an office
    /// deadline ended before `today` unmet (and not held by a suspension); open otherwise.
    pub fn status(&self, today: NaiveDate) -> Status {
        if self.closed_on.is_some_and(|c| c <= today) && !self.awaiting_enforcement {
            return Status::Closed;
        }
        let overdue = self.deadlines.iter().any(|d| {
            d.obligation == Obligation::Office
                && !d.suspended
                && d.due < today
                && d.met_on.is_none_or(|m| m > today)
        });
        if overdue {
            Status::Overdue
        } else {
            Status::Open
        }
    }
}

/// `dd/mm/yyyy`.
pub fn vi_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Every deadline of the petition as of `today` (which only matters for a suspension not
/// yet lifted), by the rules in force on its received date, each explained.
pub fn compute(
    facts: &PetitionFacts,
    rules: &DeadlineRules,
    cal: &Calendar,
    today: NaiveDate,
) -> Deadlines {
    compute_with(facts, rules, cal, today, true)
}

/// As [`compute`], with every `explain` left empty: the same dates, for recomputing the
/// cache of every case (the window asks for an explanation one petition at a time).
pub fn compute_dates(
    facts: &PetitionFacts,
    rules: &DeadlineRules,
    cal: &Calendar,
    today: NaiveDate,
) -> Deadlines {
    compute_with(facts, rules, cal, today, false)
}

/// Whether an extension of `days` decided on `on` is one the rules allow: it goes to the
/// office deadline the engine would give it to, whose rule must allow extensions, within
/// its number of times and days. `Err` is the Vietnamese reason.
pub fn check_extension(
    facts: &PetitionFacts,
    rules: &DeadlineRules,
    on: NaiveDate,
    days: u32,
) -> Result<(), String> {
    let mut with = facts.clone();
    let mut event = PetitionEvent::new(on, EventKind::Extended);
    event.days = Some(days);
    with.events.push(event);
    let events = normalise(&with.events);
    let rows = started(&in_force(&with, rules, &events), &with, &events);
    let met: Vec<Option<&PetitionEvent>> = rows.iter().map(|(r, _)| met_by(r, &events)).collect();
    let extensions = assign_extensions(&rows, &met, &events);
    let Some((i, list)) = extensions.iter().enumerate().find(|(_, l)| {
        l.iter()
            .any(|e| e.is_ok_and(|e| e.on == on) || e.is_err_and(|e| e.on == on))
    }) else {
        return Err(
            "Không có thời hạn nào đang chạy để gia hạn (chưa thụ lý, hoặc đã giải quyết).".into(),
        );
    };
    let rule = rows[i].0;
    let Some(limit) = rule.extension else {
        return Err(format!(
            "Thời hạn này không được gia hạn theo quy định ({}).",
            rule.basis
        ));
    };
    if list.len() as u32 > limit.max_times {
        return Err(format!(
            "Đã gia hạn đủ {} lần theo quy định ({}); không gia hạn thêm.",
            limit.max_times, rule.basis
        ));
    }
    if days > limit.max_days {
        return Err(format!(
            "Mỗi lần gia hạn tối đa {} ngày theo quy định ({}).",
            limit.max_days, rule.basis
        ));
    }
    Ok(())
}

/// The rules in force for a petition (its events normalised).
fn in_force<'r>(
    facts: &PetitionFacts,
    rules: &'r DeadlineRules,
    events: &[PetitionEvent],
) -> Vec<&'r DeadlineRule> {
    let case = Case {
        kind: facts.kind,
        instance: facts.instance,
        complex: facts.complex,
        remote_area: facts.remote_area,
        decision_kind: facts.decision_kind,
        // The handling may send it elsewhere whatever the table says.
        outside_competence: facts.outside_competence
            || events.iter().any(|e| {
                e.kind == EventKind::Handled
                    && matches!(
                        e.action,
                        Some(Action::Transfer | Action::Guide | Action::Return)
                    )
            }),
    };
    let accepted_on = first(events, |e| e.kind == EventKind::Accepted).map(|e| e.on);
    rules.in_force_at(&case, facts.received_on, accepted_on)
}

/// The rules of `in_force` whose period has started, with the day it did.
fn started<'r>(
    in_force: &[&'r DeadlineRule],
    facts: &PetitionFacts,
    events: &[PetitionEvent],
) -> Vec<(&'r DeadlineRule, NaiveDate)> {
    in_force
        .iter()
        .filter_map(|r| start_of(r.from, facts.received_on, events).map(|s| (*r, s)))
        .collect()
}

fn compute_with(
    facts: &PetitionFacts,
    rules: &DeadlineRules,
    cal: &Calendar,
    today: NaiveDate,
    explain: bool,
) -> Deadlines {
    let events = normalise(&facts.events);
    let closed_on = closed_on(&events);
    let in_force = in_force(facts, rules, &events);
    let rows = started(&in_force, facts, &events);
    let met: Vec<Option<&PetitionEvent>> = rows.iter().map(|(r, _)| met_by(r, &events)).collect();
    let extensions = assign_extensions(&rows, &met, &events);
    let pauses = pauses(&events, today);
    let mut deadlines: Vec<Deadline> = rows
        .iter()
        .zip(met)
        .zip(extensions)
        .map(|(((rule, start), met), ext)| {
            deadline(
                rule,
                Begin::Rule(*start),
                met,
                &ext,
                &pauses,
                &events,
                closed_on,
                cal,
                explain,
            )
        })
        .collect();
    // Luật Khiếu nại Điều 33: with no first-instance decision by the end of its period, the
    // complainant's time for a second complaint runs from that end.
    if closed_on.is_none()
        && let Some(resolve) = deadlines
            .iter()
            .find(|d| d.name == DeadlineName::Resolve && d.met_on.is_none() && !d.suspended)
            .filter(|d| d.due < today)
            .map(|d| d.due)
        && let Some(rule) = in_force
            .iter()
            .find(|r| r.from == Start::Resolved && !rows.iter().any(|(x, _)| std::ptr::eq(*x, **r)))
    {
        deadlines.push(deadline(
            rule,
            Begin::Expired(resolve),
            None,
            &[],
            &[],
            &events,
            closed_on,
            cal,
            explain,
        ));
    }
    Deadlines {
        deadlines,
        closed_on,
        awaiting_enforcement: awaiting_enforcement(&events, closed_on),
    }
}

/// Whether the petition was closed by a resolution decision with no `enforced` event on
/// or after it.
fn awaiting_enforcement(events: &[PetitionEvent], closed_on: Option<NaiveDate>) -> bool {
    let Some(closed) = closed_on else {
        return false;
    };
    let Some(decision) = events
        .iter()
        .find(|e| is_final(e))
        .filter(|e| e.kind == EventKind::Resolved && e.on == closed)
    else {
        return false;
    };
    !events
        .iter()
        .any(|e| e.kind == EventKind::Enforced && e.on >= decision.on)
}

/// Events in date order, with the handling an `accepted` event implies when no `handled`
/// came before it (handled with action accept that day).
fn normalise(events: &[PetitionEvent]) -> Vec<PetitionEvent> {
    let mut sorted: Vec<&PetitionEvent> = events.iter().collect();
    sorted.sort_by_key(|e| e.on);
    let mut out = Vec::with_capacity(sorted.len() + 1);
    let mut handled = false;
    for e in sorted {
        match e.kind {
            EventKind::Handled => handled = true,
            EventKind::Accepted if !handled => {
                handled = true;
                out.push(PetitionEvent {
                    action: Some(Action::Accept),
                    ..PetitionEvent::new(e.on, EventKind::Handled)
                });
            }
            _ => {}
        }
        out.push(e.clone());
    }
    out
}

fn first(events: &[PetitionEvent], f: impl Fn(&PetitionEvent) -> bool) -> Option<&PetitionEvent> {
    events.iter().find(|e| f(e))
}

fn start_of(from: Start, received_on: NaiveDate, events: &[PetitionEvent]) -> Option<NaiveDate> {
    match from {
        Start::Received => Some(received_on),
        Start::Handled => first(events, |e| {
            e.kind == EventKind::Handled && e.action == Some(Action::Accept)
        })
        .map(|e| e.on),
        Start::Accepted => first(events, |e| e.kind == EventKind::Accepted).map(|e| e.on),
        Start::Resolved => first(events, |e| e.kind == EventKind::Resolved).map(|e| e.on),
    }
}

fn is_final(e: &PetitionEvent) -> bool {
    match e.kind {
        EventKind::Resolved | EventKind::Terminated => true,
        EventKind::Withdrawn => e.partial != Some(true),
        _ => false,
    }
}

/// The event that met a deadline.
fn met_by<'e>(rule: &DeadlineRule, events: &'e [PetitionEvent]) -> Option<&'e PetitionEvent> {
    match rule.name {
        DeadlineName::Handle => first(events, |e| e.kind == EventKind::Handled),
        DeadlineName::Check | DeadlineName::Transfer => first(events, |e| {
            matches!(e.kind, EventKind::Handled | EventKind::Accepted)
        }),
        DeadlineName::Accept => first(events, |e| {
            e.kind == EventKind::Accepted
                || (e.kind == EventKind::Handled && e.action.is_some_and(|a| a != Action::Accept))
        }),
        DeadlineName::Resolve => first(events, is_final),
        DeadlineName::SecondComplaint => None,
    }
}

fn event_vi(e: &PetitionEvent) -> String {
    let action = |a: Option<Action>| a.map_or("đã xử lý", Action::label_vi);
    match e.kind {
        EventKind::Handled => format!("xử lý đơn: {}", action(e.action)),
        EventKind::Accepted => "thụ lý".to_owned(),
        EventKind::Resolved => match &e.decision {
            Some(n) => format!("quyết định giải quyết số {n}"),
            None => "có quyết định giải quyết".to_owned(),
        },
        EventKind::Terminated => "đình chỉ giải quyết".to_owned(),
        EventKind::Withdrawn => "rút đơn".to_owned(),
        _ => "sự kiện".to_owned(),
    }
}

/// Closed by a final event, or by handling other than accepting (unless accepted later).
fn closed_on(events: &[PetitionEvent]) -> Option<NaiveDate> {
    let mut by_handling: Option<NaiveDate> = None;
    for e in events {
        if is_final(e) {
            return Some(by_handling.unwrap_or(e.on));
        }
        match e.kind {
            EventKind::Handled if e.action.is_some_and(|a| a != Action::Accept) => {
                by_handling.get_or_insert(e.on);
            }
            EventKind::Accepted => by_handling = None,
            _ => {}
        }
    }
    by_handling
}

/// For each deadline, the `extended` events that apply to it, or `Err` for those its rule
/// does not allow. An extension goes to the first office deadline started and not met on
/// its date.
fn assign_extensions<'e>(
    rows: &[(&DeadlineRule, NaiveDate)],
    met: &[Option<&PetitionEvent>],
    events: &'e [PetitionEvent],
) -> Vec<Vec<Result<&'e PetitionEvent, &'e PetitionEvent>>> {
    let mut out = vec![Vec::new(); rows.len()];
    for e in events.iter().filter(|e| e.kind == EventKind::Extended) {
        let open = rows.iter().zip(met).position(|((r, start), m)| {
            r.obligation == Obligation::Office && *start <= e.on && m.is_none_or(|m| m.on > e.on)
        });
        if let Some(i) = open {
            out[i].push(if rows[i].0.extension.is_some() {
                Ok(e)
            } else {
                Err(e)
            });
        }
    }
    out
}

/// Paused → resumed intervals; one not yet resumed holds until `today` inclusive.
fn pauses(events: &[PetitionEvent], today: NaiveDate) -> Vec<Pause> {
    let mut out = Vec::new();
    let mut open: Option<&PetitionEvent> = None;
    for e in events {
        match e.kind {
            EventKind::Paused if open.is_none() => open = Some(e),
            EventKind::Resumed => {
                if let Some(p) = open.take() {
                    out.push(Pause {
                        from: p.on,
                        until: e.on,
                        open: false,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some(p) = open {
        let until =
            p.on.max(today)
                .succ_opt()
                .expect("dates stay far from chrono's limits");
        out.push(Pause {
            from: p.on,
            until,
            open: true,
        });
    }
    out
}

fn unit_vi(unit: Unit) -> &'static str {
    match unit {
        Unit::Calendar => "ngày (tính cả ngày nghỉ)",
        Unit::Working => "ngày làm việc",
    }
}

fn start_vi(from: Start) -> &'static str {
    match from {
        Start::Received => "ngày nhận đơn",
        Start::Handled => "ngày xử lý đơn",
        Start::Accepted => "ngày thụ lý",
        Start::Resolved => {
            "ngày có quyết định giải quyết lần đầu (ngày người khiếu nại nhận quyết định, nếu chưa ghi thì tính từ ngày ra quyết định)"
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn deadline(
    rule: &DeadlineRule,
    begin: Begin,
    met: Option<&PetitionEvent>,
    extensions: &[Result<&PetitionEvent, &PetitionEvent>],
    pauses: &[Pause],
    events: &[PetitionEvent],
    closed_on: Option<NaiveDate>,
    cal: &Calendar,
    explain: bool,
) -> Deadline {
    let mut explain = Notes::new(explain);
    let (start, start_label) = match begin {
        Begin::Rule(d) => (d, start_vi(rule.from)),
        Begin::Expired(d) => (
            d,
            "ngày hết thời hạn giải quyết lần đầu mà chưa có quyết định giải quyết",
        ),
    };
    explain.add(|| {
        format!(
            "Thời hạn {}: {} {} kể từ {} {} (không tính ngày đầu, bắt đầu tính từ ngày {}).",
            rule.name.label_vi(),
            rule.days,
            unit_vi(rule.unit),
            start_label,
            vi_date(start),
            vi_date(
                start
                    .succ_opt()
                    .expect("dates stay far from chrono's limits")
            ),
        )
    });
    let mut total = rule.days;
    let mut applied = 0;
    for ext in extensions {
        match ext {
            Ok(e) => {
                applied += 1;
                let days = e.days.unwrap_or(0);
                total += days;
                if !explain.wanted() {
                    continue;
                }
                let decision = match &e.decision {
                    Some(n) => format!("theo quyết định số {n}"),
                    None => "(không ghi số quyết định gia hạn)".to_owned(),
                };
                let mut s = format!(
                    "Gia hạn lần {applied} ngày {}: thêm {days} {} {decision}.",
                    vi_date(e.on),
                    unit_vi(rule.unit)
                );
                if let Some(limit) = rule.extension {
                    if applied > limit.max_times {
                        s.push_str(&format!(
                            " Lưu ý: vượt số lần gia hạn tối đa ({} lần).",
                            limit.max_times
                        ));
                    }
                    if days > limit.max_days {
                        s.push_str(&format!(
                            " Lưu ý: vượt mức gia hạn tối đa {} ngày mỗi lần.",
                            limit.max_days
                        ));
                    }
                }
                if e.days.is_none() {
                    s.push_str(" Lưu ý: sự kiện gia hạn không ghi số ngày.");
                }
                explain.add(|| s);
            }
            Err(e) => explain.add(|| format!(
                "Sự kiện gia hạn ngày {} không được tính: quy định áp dụng không cho phép gia hạn thời hạn này.",
                vi_date(e.on)
            )),
        }
    }
    if applied > 0 {
        explain.add(|| format!("Tổng thời hạn: {total} {}.", unit_vi(rule.unit)));
    }
    // Suspensions stop the clock where the rule says so — for every suspension, or (a
    // transitional rule) for those decided from `pause_from` on.
    let held: Vec<Pause> = pauses
        .iter()
        .filter(|p| rule.pause || rule.pause_from.is_some_and(|f| p.from >= f))
        .copied()
        .collect();
    if let Some(p) = events
        .iter()
        .find(|e| e.kind == EventKind::Paused && !held.iter().any(|h| h.from == e.on))
    {
        explain.add(|| format!(
            "Có quyết định tạm đình chỉ ngày {}, nhưng theo quy định áp dụng cho đơn này thời gian tạm đình chỉ đó vẫn được tính vào thời hạn.",
            vi_date(p.on)
        ));
    }
    if let Some(f) = rule.pause_from.filter(|_| !rule.pause && !held.is_empty()) {
        explain.add(|| format!(
            "Vụ việc thụ lý trước ngày {}: theo quy định chuyển tiếp, thời gian tạm đình chỉ từ ngày đó không tính vào thời hạn.",
            vi_date(f)
        ));
    }
    let counted = count(start, total, rule.unit, &held, cal, explain.wanted());
    explain.extend(counted.explain);
    explain.add(|| {
        format!(
            "Hạn cuối: hết ngày {} ({}).",
            vi_date(counted.due),
            tiepdan_rules::calendar::weekday_vi(counted.due)
        )
    });
    match (&met, rule.obligation) {
        (_, Obligation::Citizen) => explain.add(|| {
            "Đây là thời hạn của người khiếu nại để khiếu nại lần hai, không phải thời hạn của cơ quan."
                .to_owned()
        }),
        (Some(e), Obligation::Office) => explain.add(|| {
            let (on, what) = (e.on, event_vi(e));
            let late = (on - counted.due).num_days();
            if late > 0 {
                format!("Đã thực hiện ngày {} ({what}): trễ {late} ngày.", vi_date(on))
            } else {
                format!("Đã thực hiện ngày {} ({what}): đúng hạn.", vi_date(on))
            }
        }),
        (None, Obligation::Office) => {
            if let Some(c) = closed_on {
                explain.add(|| format!(
                    "Đơn đã kết thúc ngày {} nên thời hạn này không còn phải thực hiện.",
                    vi_date(c)
                ));
            }
        }
    }
    if !rule.verified {
        explain.add(|| format!(
            "Số ngày hoặc cách tính ngày của quy định này chưa đối chiếu được với văn bản gốc; quản trị viên có thể sửa ở Danh mục (tệp {}).",
            tiepdan_rules::deadlines::FILE
        ));
    }
    Deadline {
        name: rule.name,
        due: counted.due,
        met_on: met.map(|e| e.on),
        basis: rule.basis.clone(),
        explain: explain.join(),
        verified: rule.verified,
        obligation: rule.obligation,
        suspended: counted.suspended,
    }
}
