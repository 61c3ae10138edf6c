//! Stored records in the interchange format's shape: what export writes, and what import
//! compares a file's record with. Links to other records are written by a [`Namer`].

use crate::store::value::{Named, Stamp};
use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Timelike};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::domain::office::Office;
use crate::domain::visit::PetitionKind;
use crate::interchange::*;

/// The tables whose records have refs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Table {
    Agency,
    Citizen,
    Case,
    Petition,
    Visit,
    Plan,
}

impl Table {
    pub const ALL: [Table; 6] = [
        Table::Agency,
        Table::Citizen,
        Table::Case,
        Table::Petition,
        Table::Visit,
        Table::Plan,
    ];

    pub fn sql(self) -> &'static str {
        match self {
            Table::Agency => "agencies",
            Table::Citizen => "citizens",
            Table::Case => "cases",
            Table::Petition => "petitions",
            Table::Visit => "visits",
            Table::Plan => "reception_plans",
        }
    }

    /// The stem of the refs generated for records typed in the app ("citizen-17").
    pub fn prefix(self) -> &'static str {
        match self {
            Table::Agency => "agency",
            Table::Citizen => "citizen",
            Table::Case => "case",
            Table::Petition => "petition",
            Table::Visit => "visit",
            Table::Plan => "plan",
        }
    }
}

/// How a record's id is written where a ref is expected.
pub(crate) type Namer<'a> = &'a dyn Fn(Table, i64) -> String;

/// This database's name in interchange files (`settings.interchange_id`, made at random
/// by migration 4), the start of the refs export makes up.
fn interchange_id(conn: &Connection) -> rusqlite::Result<String> {
    let id: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'interchange_id'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(id.unwrap_or_default())
}

/// The start of the refs made up for records of `t` typed in the app ("3fa2c1d0-citizen-").
fn stem(interchange_id: &str, t: Table) -> String {
    if interchange_id.is_empty() {
        format!("{}-", t.prefix())
    } else {
        format!("{interchange_id}-{}-", t.prefix())
    }
}

/// The record typed in this database's app that export named `ref_`, if that is one.
pub(crate) fn made_up_here(
    conn: &Connection,
    t: Table,
    ref_: &str,
) -> rusqlite::Result<Option<i64>> {
    let here = interchange_id(conn)?;
    let id = ref_
        .strip_prefix(&stem(&here, t))
        .filter(|n| !here.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .and_then(|n| n.parse::<i64>().ok());
    let Some(id) = id else { return Ok(None) };
    conn.prepare_cached(&format!(
        "SELECT id FROM {} WHERE id = ?1 AND ref IS NULL",
        t.sql()
    ))?
    .query_row([id], |r| r.get(0))
    .optional()
}

/// The ref of every stored record: its own, or for a record typed in the app a stable one
/// made up from this database's name, its table and id ("3fa2c1d0-citizen-17", with "-2"
/// added in the unlikely case a file already used that).
///
/// Only the refs records came with are held (a made-up one is computed when asked), so an
/// office typed in the app costs no memory here however large it is.
pub(crate) struct Refs {
    here: String,
    /// Per table, the refs records came with, by id.
    given: HashMap<Table, HashMap<i64, Box<str>>>,
    /// Per table, the given refs a made-up one could collide with (they start with its stem).
    taken: HashMap<Table, HashSet<Box<str>>>,
}

impl Refs {
    pub fn load(conn: &Connection) -> rusqlite::Result<Refs> {
        let here = interchange_id(conn)?;
        let mut given = HashMap::new();
        let mut taken = HashMap::new();
        for t in Table::ALL {
            let stem = stem(&here, t);
            let mut stmt = conn.prepare(&format!(
                "SELECT id, ref FROM {} WHERE ref IS NOT NULL",
                t.sql()
            ))?;
            let mut of_table: HashMap<i64, Box<str>> = HashMap::new();
            let mut clashes = HashSet::new();
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let given_ref: String = r.get(1)?;
                if given_ref.starts_with(&stem) {
                    clashes.insert(Box::from(given_ref.as_str()));
                }
                of_table.insert(r.get(0)?, given_ref.into_boxed_str());
            }
            given.insert(t, of_table);
            taken.insert(t, clashes);
        }
        Ok(Refs { here, given, taken })
    }

    pub fn name(&self, t: Table, id: i64) -> String {
        if let Some(r) = self.given.get(&t).and_then(|g| g.get(&id)) {
            return r.to_string();
        }
        // Made-up names differ by id, so they only ever clash with a given ref.
        let base = format!("{}{id}", stem(&self.here, t));
        let taken = &self.taken[&t];
        let mut name = base.clone();
        let mut n = 2;
        while taken.contains(name.as_str()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        name
    }
}

fn bad(col: usize, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, Type::Text, e.to_string().into())
}

/// Runs `sql` (with `?1` = the one id wanted, or NULL for all) and maps each row.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    only: Option<i64>,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut out = Vec::new();
    each_row(conn, sql, only, map, |t| {
        out.push(t);
        Ok::<_, rusqlite::Error>(())
    })?;
    Ok(out)
}

/// The records an `each_…` reader hands over, gathered with their ids (import compares
/// one stored record at a time).
fn gather<T>(
    each: impl FnOnce(&mut dyn FnMut(i64, T) -> rusqlite::Result<()>) -> rusqlite::Result<()>,
) -> rusqlite::Result<Vec<(i64, T)>> {
    let mut out = Vec::new();
    each(&mut |id, t| {
        out.push((id, t));
        Ok(())
    })?;
    Ok(out)
}

/// Runs `sql` like [`rows`], handing each mapped row to `f` as it is read: nothing is
/// gathered, so a whole table can be streamed.
fn each_row<T, E: From<rusqlite::Error>>(
    conn: &Connection,
    sql: &str,
    only: Option<i64>,
    mut map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    mut f: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([only])?;
    while let Some(row) = rows.next()? {
        f(map(row)?)?;
    }
    Ok(())
}

pub(crate) fn office(conn: &Connection) -> rusqlite::Result<Option<Office>> {
    crate::desk::office::read(conn)
}

pub(crate) fn calendar(
    conn: &Connection,
    only: Option<NaiveDate>,
) -> rusqlite::Result<Vec<CalendarRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, kind, note FROM calendar_days WHERE ?1 IS NULL OR date = ?1 ORDER BY date",
    )?;
    stmt.query_map([only.map(|d| d.to_string())], |r| {
        Ok(CalendarRecord {
            date: r.get::<_, NaiveDate>(0)?,
            kind: r.get::<_, Named<_>>(1).map(|n| n.0)?,
            note: r.get(2)?,
        })
    })?
    .collect()
}

pub(crate) fn agencies(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
) -> rusqlite::Result<Vec<(i64, AgencyRecord)>> {
    rows(
        conn,
        "SELECT id, name, role, address FROM agencies WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
        only,
        |r| {
            let id = r.get(0)?;
            Ok((
                id,
                AgencyRecord {
                    ref_: name(Table::Agency, id),
                    name: r.get(1)?,
                    role: r.get::<_, Named<_>>(2).map(|n| n.0)?,
                    address: r.get(3)?,
                },
            ))
        },
    )
}

pub(crate) fn citizens(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
) -> rusqlite::Result<Vec<(i64, CitizenRecord)>> {
    gather(|f| each_citizen_of(conn, name, only, f))
}

/// Every citizen, handed to `f` one by one.
pub(crate) fn each_citizen<E: From<rusqlite::Error>>(
    conn: &Connection,
    name: Namer<'_>,
    f: impl FnMut(i64, CitizenRecord) -> Result<(), E>,
) -> Result<(), E> {
    each_citizen_of(conn, name, None, f)
}

fn each_citizen_of<E: From<rusqlite::Error>>(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
    mut f: impl FnMut(i64, CitizenRecord) -> Result<(), E>,
) -> Result<(), E> {
    each_row(
        conn,
        "SELECT id, full_name, id_kind, id_number, id_issued_on, id_issued_by, birth_year,
                gender, address, phone
         FROM citizens WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
        only,
        |r| {
            let id = r.get(0)?;
            Ok((
                id,
                CitizenRecord {
                    ref_: name(Table::Citizen, id),
                    full_name: r.get(1)?,
                    id_kind: r.get::<_, Named<_>>(2).map(|n| n.0)?,
                    id_number: r.get(3)?,
                    id_issued_on: r.get::<_, Option<NaiveDate>>(4)?,
                    id_issued_by: r.get(5)?,
                    birth_year: r.get(6)?,
                    gender: r.get::<_, Option<Named<_>>>(7).map(|v| v.map(|n| n.0))?,
                    address: r.get(8)?,
                    phone: r.get(9)?,
                },
            ))
        },
        |(id, c)| f(id, c),
    )
}

pub(crate) fn cases(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
) -> rusqlite::Result<Vec<(i64, CaseRecord)>> {
    gather(|f| each_case_of(conn, name, only, f))
}

/// Every case, handed to `f` one by one.
pub(crate) fn each_case<E: From<rusqlite::Error>>(
    conn: &Connection,
    name: Namer<'_>,
    f: impl FnMut(i64, CaseRecord) -> Result<(), E>,
) -> Result<(), E> {
    each_case_of(conn, name, None, f)
}

fn each_case_of<E: From<rusqlite::Error>>(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
    mut f: impl FnMut(i64, CaseRecord) -> Result<(), E>,
) -> Result<(), E> {
    each_row(
        conn,
        "SELECT id, title, opened_on FROM cases WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
        only,
        |r| {
            let id = r.get(0)?;
            Ok((
                id,
                CaseRecord {
                    ref_: name(Table::Case, id),
                    title: r.get(1)?,
                    opened_on: r.get::<_, NaiveDate>(2)?,
                },
            ))
        },
        |(id, c)| f(id, c),
    )
}

pub(crate) fn petitions(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
) -> rusqlite::Result<Vec<(i64, PetitionRecord)>> {
    gather(|f| each_petition(conn, name, only, f))
}

/// Every petition not voided (or the one `only`), with its petitioners, papers and events,
/// handed to `f` one by one.
pub(crate) fn each_petition<E: From<rusqlite::Error>>(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
    mut f: impl FnMut(i64, PetitionRecord) -> Result<(), E>,
) -> Result<(), E> {
    each_row(
        conn,
        "SELECT id, received_on, channel, forwarded_by, forwarded_doc, kind, field, anonymous,
                signatories, respondent_role, respondent_name, instance, contested_on, complex,
                specific, court_accepted, second_instance_on, case_id, summary, decision_kind, oral,
                subfield
         FROM petitions WHERE (?1 IS NULL AND voided_at IS NULL) OR id = ?1 ORDER BY id",
        only,
        |r| {
            let id = r.get(0)?;
            let role = r.get::<_, Option<Named<_>>>(9).map(|v| v.map(|n| n.0))?;
            let respondent_name: Option<String> = r.get(10)?;
            Ok((
                id,
                PetitionRecord {
                    ref_: name(Table::Petition, id),
                    received_on: r.get::<_, NaiveDate>(1)?,
                    channel: r.get::<_, Named<_>>(2).map(|n| n.0)?,
                    forwarded_by: r.get::<_, Option<i64>>(3)?.map(|a| name(Table::Agency, a)),
                    forwarded_doc: r.get(4)?,
                    kind: r.get::<_, Named<_>>(5).map(|n| n.0)?,
                    field: r.get::<_, Named<_>>(6).map(|n| n.0)?,
                    petitioners: Vec::new(),
                    anonymous: r.get(7)?,
                    signatories: r.get(8)?,
                    respondent: (role.is_some() || respondent_name.is_some()).then_some(
                        Respondent {
                            role,
                            name: respondent_name,
                        },
                    ),
                    instance: r.get(11)?,
                    contested_on: r.get::<_, Option<NaiveDate>>(12)?,
                    decision_kind: r.get::<_, Option<Named<_>>>(19).map(|v| v.map(|n| n.0))?,
                    oral: r.get(20)?,
                    complex: r.get(13)?,
                    specific: r.get(14)?,
                    court_accepted: r.get(15)?,
                    second_instance_on: r.get::<_, Option<NaiveDate>>(16)?,
                    case: r.get::<_, Option<i64>>(17)?.map(|c| name(Table::Case, c)),
                    summary: r.get(18)?,
                    papers: Vec::new(),
                    subfield: r.get(21)?,
                    events: Vec::new(),
                },
            ))
        },
        |(id, mut p): (i64, PetitionRecord)| {
            fill_petition(conn, name, id, &mut p)?;
            f(id, p)
        },
    )
}

fn fill_petition(
    conn: &Connection,
    name: Namer<'_>,
    id: i64,
    p: &mut PetitionRecord,
) -> rusqlite::Result<()> {
    p.petitioners = if p.kind == PetitionKind::Denunciation {
        crate::desk::denouncer::of_petition(conn, id)?
            .into_iter()
            .map(|c| name(Table::Citizen, c))
            .collect()
    } else {
        rows(
            conn,
            "SELECT citizen_id FROM petition_citizens WHERE petition_id = ?1
                  ORDER BY position, citizen_id",
            Some(id),
            |r| Ok(name(Table::Citizen, r.get(0)?)),
        )?
    };
    p.papers = rows(
        conn,
        "SELECT title, original, pages, certified FROM petition_papers WHERE petition_id = ?1 ORDER BY id",
        Some(id),
        |r| {
            Ok(Paper {
                title: r.get(0)?,
                original: r.get(1)?,
                pages: r.get(2)?,
                certified: r.get(3)?,
            })
        },
    )?;
    p.events = rows(
        conn,
        "SELECT on_date, kind, action, to_agency, days, decision, result, reason, partial,
                    results, note
             FROM events WHERE petition_id = ?1 ORDER BY on_date, id",
        Some(id),
        |r| {
            let results: Option<String> = r.get(9)?;
            Ok(Event {
                on: r.get::<_, NaiveDate>(0)?,
                kind: r.get::<_, Named<_>>(1).map(|n| n.0)?,
                action: r.get::<_, Option<Named<_>>>(2).map(|v| v.map(|n| n.0))?,
                to: r.get::<_, Option<i64>>(3)?.map(|a| name(Table::Agency, a)),
                days: r.get(4)?,
                decision: r.get(5)?,
                result: r.get::<_, Option<Named<_>>>(6).map(|v| v.map(|n| n.0))?,
                reason: r.get(7)?,
                partial: r.get(8)?,
                results: results
                    .map(|s| serde_json::from_str(&s).map_err(|e| bad(9, e)))
                    .transpose()?,
                minutes: r.get(10)?,
            })
        },
    )?;
    Ok(())
}

pub(crate) fn visits(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
) -> rusqlite::Result<Vec<(i64, VisitRecord)>> {
    gather(|f| each_visit(conn, name, only, f))
}

/// Every visit not voided (or the one `only`), with its people and petitions, handed to
/// `f` one by one.
pub(crate) fn each_visit<E: From<rusqlite::Error>>(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
    mut f: impl FnMut(i64, VisitRecord) -> Result<(), E>,
) -> Result<(), E> {
    each_row(
        conn,
        "SELECT id, at, reception, received_by, people, repeat, case_id, summary, outcome
         FROM visits WHERE (?1 IS NULL AND voided_at IS NULL) OR id = ?1 ORDER BY id",
        only,
        |r| {
            let id = r.get(0)?;
            let at = r.get::<_, Stamp>(1)?.0;
            Ok((
                id,
                VisitRecord {
                    ref_: name(Table::Visit, id),
                    at: at.with_second(0).unwrap_or(at),
                    reception: r.get::<_, Named<_>>(2).map(|n| n.0)?,
                    received_by: r.get::<_, Named<_>>(3).map(|n| n.0)?,
                    citizens: Vec::new(),
                    representatives: Vec::new(),
                    people: r.get(4)?,
                    repeat: r.get(5)?,
                    case: r.get::<_, Option<i64>>(6)?.map(|c| name(Table::Case, c)),
                    summary: r.get(7)?,
                    petitions: Vec::new(),
                    outcome: r.get(8)?,
                },
            ))
        },
        |(id, mut v): (i64, VisitRecord)| {
            fill_visit(conn, name, id, &mut v)?;
            f(id, v)
        },
    )
}

fn fill_visit(
    conn: &Connection,
    name: Namer<'_>,
    id: i64,
    v: &mut VisitRecord,
) -> rusqlite::Result<()> {
    let people = rows(
        conn,
        "SELECT citizen_id, representative FROM visit_citizens WHERE visit_id = ?1
             ORDER BY position, citizen_id",
        Some(id),
        |r| Ok((name(Table::Citizen, r.get(0)?), r.get::<_, bool>(1)?)),
    )?;
    v.representatives = people
        .iter()
        .filter(|(_, rep)| *rep)
        .map(|(c, _)| c.clone())
        .collect();
    v.citizens = people.into_iter().map(|(c, _)| c).collect();
    v.petitions = rows(
        conn,
        "SELECT id FROM petitions WHERE visit_id = ?1 ORDER BY id",
        Some(id),
        |r| Ok(name(Table::Petition, r.get(0)?)),
    )?;
    Ok(())
}

pub(crate) fn plans(
    conn: &Connection,
    name: Namer<'_>,
    only: Option<i64>,
) -> rusqlite::Result<Vec<(i64, ReceptionPlanRecord)>> {
    rows(
        conn,
        "SELECT id, host, host_name, rule, from_date, to_date, place, start_time, end_time
         FROM reception_plans WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
        only,
        |r| {
            let id = r.get(0)?;
            let rule: String = r.get(3)?;
            Ok((
                id,
                ReceptionPlanRecord {
                    ref_: name(Table::Plan, id),
                    host: r.get::<_, Named<_>>(1).map(|n| n.0)?,
                    host_name: r.get(2)?,
                    rule: serde_json::from_str(&rule).map_err(|e| bad(3, e))?,
                    from: r.get::<_, NaiveDate>(4)?,
                    to: r.get::<_, Option<NaiveDate>>(5)?,
                    place: r.get(6)?,
                    start: r.get(7)?,
                    end: r.get(8)?,
                },
            ))
        },
    )
}

/// Ids of the citizens linked to a denunciation: as its denouncers, or present at a visit
/// where one was handed in; and those marked as known only as denouncers.
pub(crate) fn denunciation_linked_citizens(conn: &Connection) -> rusqlite::Result<HashSet<i64>> {
    crate::desk::denouncer::linked_citizens(conn)
}
