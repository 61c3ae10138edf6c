//! A petition's legal deadlines as of a day: the petition, its events, the office's
//! remote-area flag and calendar days are read (read-only), the rules in force and the
//! working calendar applied by `domain::deadline`.

use crate::store::value::Named;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::desk::Desk;
use crate::domain::deadline::{self, Deadline, PetitionEvent, PetitionFacts, Status};
use crate::domain::routing::outside_competence;
use crate::domain::visit::PetitionKind;
use crate::error::{Error, FieldError, Result};
use crate::rules::calendar::{Calendar, DayKind, OfficeDay};
use crate::rules::routing::RoutingRules;

/// Every deadline of one petition and where it stands on `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PetitionDeadlines {
    #[ts(type = "number")]
    pub petition_id: i64,
    #[ts(type = "string")]
    pub today: NaiveDate,
    pub status: Status,
    /// When the petition was closed (resolved, terminated, withdrawn, handled otherwise
    /// than by accepting it).
    #[ts(type = "string | null")]
    pub closed_on: Option<NaiveDate>,
    /// Resolved, the decision not yet carried out: the case stays open.
    pub awaiting_enforcement: bool,
    pub deadlines: Vec<Deadline>,
}

impl Desk {
    /// The first working day after `date` (the default day of an appointment).
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.signed_in()?;
        Ok(self.working_calendar()?.next_working_day(date))
    }

    /// The working calendar in force: the rule file's days with the office's own
    /// `calendar_days` laid over them.
    pub fn working_calendar(&self) -> Result<Calendar> {
        self.signed_in()?;
        calendar_of(self.store.conn(), &self.rules.calendar)
    }

    /// Recomputes every petition's deadlines (after the calendar or the rules changed);
    /// one transaction, one audit row. Returns how many petitions were computed.
    pub fn recompute_deadlines(&mut self, ctx: &crate::audit::Ctx) -> Result<usize> {
        self.signed_in()?;
        ctx.require(crate::domain::access::Permission::ManageRules)?;
        self.recompute_all(ctx)
    }

    /// [`Desk::recompute_deadlines`] without the permission check: the system's own upkeep
    /// when the rules in force changed since the cache was filled.
    pub(in crate::desk) fn recompute_all(&mut self, ctx: &crate::audit::Ctx) -> Result<usize> {
        let rules = &self.rules;
        self.store.write(|tx| -> Result<usize> {
            let calendar = calendar_of(tx, &rules.calendar)?;
            let n = refresh(tx, rules, &calendar, Scope::All, ctx.now.date())?;
            crate::audit::append(
                tx,
                ctx,
                "deadlines.recompute",
                "petition",
                &[],
                Some(serde_json::json!({ "petitions": n })),
            )?;
            Ok(n)
        })
    }
}

/// The rule file's calendar with the office's `calendar_days` laid over it.
pub(crate) fn calendar_of(
    conn: &Connection,
    file: &crate::rules::calendar::CalendarRules,
) -> Result<Calendar> {
    {
        let mut stmt =
            conn.prepare_cached("SELECT date, kind, note FROM calendar_days ORDER BY date")?;
        let office = stmt
            .query_map([], |r| {
                Ok(OfficeDay {
                    date: r.get::<_, NaiveDate>(0)?,
                    kind: r.get::<_, Named<DayKind>>(1)?.0,
                    note: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Calendar::merge(&file.days, &office))
    }
}

impl Desk {
    /// The deadlines of petition `petition_id` as of `today`.
    pub fn deadlines(&self, petition_id: i64, today: NaiveDate) -> Result<PetitionDeadlines> {
        self.signed_in()?;
        let conn = self.store.conn();
        let remote_area = remote_area(conn)?;
        let Some(facts) = facts_of(conn, petition_id, remote_area, &self.rules.routing)? else {
            return Err(Error::Invalid(vec![FieldError::new(
                "petition",
                format!("Không có đơn số {petition_id} trong sổ."),
            )]));
        };
        let calendar = self.working_calendar()?;
        let computed = deadline::compute(&facts, &self.rules.deadlines, &calendar, today);
        Ok(PetitionDeadlines {
            petition_id,
            today,
            status: computed.status(today),
            closed_on: computed.closed_on,
            awaiting_enforcement: computed.awaiting_enforcement,
            deadlines: computed.deadlines,
        })
    }
}

impl Desk {
    /// Whether the rules allow petition `petition_id` an extension of `days` decided on
    /// `on` (`Err`: the reason, in Vietnamese).
    pub(in crate::desk) fn check_extension(
        &self,
        petition_id: i64,
        on: NaiveDate,
        days: u32,
    ) -> Result<std::result::Result<(), String>> {
        let conn = self.store.conn();
        let remote_area = remote_area(conn)?;
        let Some(facts) = facts_of(conn, petition_id, remote_area, &self.rules.routing)? else {
            return Ok(Err("Không tìm thấy đơn.".into()));
        };
        Ok(deadline::check_extension(
            &facts,
            &self.rules.deadlines,
            on,
            days,
        ))
    }
}

fn remote_area(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT remote_area FROM office WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(false))
}

/// What the engine needs of one petition, read through `conn` (a transaction works too).
fn facts_of(
    conn: &Connection,
    petition_id: i64,
    remote_area: bool,
    routing: &RoutingRules,
) -> Result<Option<PetitionFacts>> {
    let petition = conn
        .prepare_cached(&format!(
            "SELECT {FACT_COLUMNS} FROM petitions WHERE id = ?1 AND voided_at IS NULL"
        ))?
        .query_row([petition_id], |r| {
            petition_facts(r, 0, remote_area, routing)
        })
        .optional()?;
    let Some(mut facts) = petition else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT on_date, kind, action, days, decision, partial
         FROM events WHERE petition_id = ?1 ORDER BY on_date, id",
    )?;
    facts.events = stmt
        .query_map([petition_id], |r| {
            Ok(PetitionEvent {
                on: r.get::<_, NaiveDate>(0)?,
                kind: r.get::<_, Named<_>>(1).map(|n| n.0)?,
                action: r.get::<_, Option<Named<_>>>(2).map(|v| v.map(|n| n.0))?,
                days: r.get(3)?,
                decision: r.get(4)?,
                partial: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(facts))
}

/// The petition's columns [`petition_facts`] reads, in its order.
const FACT_COLUMNS: &str =
    "kind, instance, complex, received_on, decision_kind, respondent_role, field";

/// A petition's facts from the columns [`FACT_COLUMNS`] starting at `at`, without events.
fn petition_facts(
    r: &Row,
    at: usize,
    remote_area: bool,
    routing: &RoutingRules,
) -> rusqlite::Result<PetitionFacts> {
    let kind = r.get::<_, Named<PetitionKind>>(at)?.0;
    let received_on = r.get::<_, NaiveDate>(at + 3)?;
    Ok(PetitionFacts {
        kind,
        instance: r.get(at + 1)?,
        complex: r.get(at + 2)?,
        received_on,
        remote_area,
        decision_kind: r
            .get::<_, Option<Named<_>>>(at + 4)?
            .map(|n| n.0)
            .unwrap_or_default(),
        outside_competence: outside_competence(
            kind,
            r.get::<_, Option<Named<_>>>(at + 5)?.map(|n| n.0),
            r.get::<_, Named<_>>(at + 6)?.0,
            received_on,
            routing,
        ),
        events: Vec::new(),
    })
}

/// Which petitions to recompute.
pub(crate) enum Scope<'a> {
    These(&'a [i64]),
    All,
}

/// Rebuilds the deadline cache of the petitions in `scope`, inside the caller's
/// transaction: every write that changes a petition's facts, its events, the calendar or
/// the rules calls it, so the cache never disagrees with what it is computed from.
/// Recomputes the cached deadlines of `ids` inside the transaction that changed them, with
/// the calendar in force read from the same transaction.
pub(crate) fn refresh_petitions(
    tx: &Connection,
    rules: &crate::desk::Rules,
    ids: &[i64],
    today: NaiveDate,
) -> Result<usize> {
    let calendar = calendar_of(tx, &rules.calendar)?;
    refresh(tx, rules, &calendar, Scope::These(ids), today)
}

pub(crate) fn refresh(
    conn: &Connection,
    all_rules: &crate::desk::Rules,
    calendar: &Calendar,
    scope: Scope<'_>,
    today: NaiveDate,
) -> Result<usize> {
    let rules = &all_rules.deadlines;
    let routing = &all_rules.routing;
    let remote_area = remote_area(conn)?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO deadline_cache (petition_id, name, due, met_on, obligation, suspended, closed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut store = |id: i64, facts: &PetitionFacts| -> Result<()> {
        let computed = deadline::compute_dates(facts, rules, calendar, today);
        let closed = computed.closed_on.map(|d| d.to_string());
        for d in &computed.deadlines {
            insert.execute(rusqlite::params![
                id,
                crate::store::value::Named(d.name),
                d.due.to_string(),
                d.met_on.map(|m| m.to_string()),
                crate::store::value::Named(d.obligation),
                d.suspended,
                closed
            ])?;
        }
        Ok(())
    };
    match scope {
        Scope::These(ids) => {
            let mut delete =
                conn.prepare_cached("DELETE FROM deadline_cache WHERE petition_id = ?1")?;
            for id in ids {
                delete.execute([id])?;
                if let Some(facts) = facts_of(conn, *id, remote_area, routing)? {
                    store(*id, &facts)?;
                }
            }
            Ok(ids.len())
        }
        Scope::All => {
            // Two ordered scans merged side by side instead of two queries per petition.
            conn.execute("DELETE FROM deadline_cache", [])?;
            let mut petitions = conn.prepare(&format!(
                "SELECT id, {FACT_COLUMNS} FROM petitions WHERE voided_at IS NULL ORDER BY id"
            ))?;
            let mut events = conn.prepare(
                "SELECT petition_id, on_date, kind, action, days, decision, partial
                 FROM events ORDER BY petition_id, on_date, id",
            )?;
            let mut events = events.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    PetitionEvent {
                        on: r.get::<_, NaiveDate>(1)?,
                        kind: r.get::<_, Named<_>>(2).map(|n| n.0)?,
                        action: r.get::<_, Option<Named<_>>>(3).map(|v| v.map(|n| n.0))?,
                        days: r.get(4)?,
                        decision: r.get(5)?,
                        partial: r.get(6)?,
                    },
                ))
            })?;
            let mut next_event = events.next().transpose()?;
            let mut rows = petitions.query([])?;
            let mut n = 0;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                let mut facts = petition_facts(r, 1, remote_area, routing)?;
                while let Some((pid, e)) = next_event.take() {
                    if pid < id {
                        next_event = events.next().transpose()?;
                    } else if pid == id {
                        facts.events.push(e);
                        next_event = events.next().transpose()?;
                    } else {
                        next_event = Some((pid, e));
                        break;
                    }
                }
                store(id, &facts)?;
                n += 1;
            }
            Ok(n)
        }
    }
}
