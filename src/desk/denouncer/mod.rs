//! The one owner of a denouncer's identity (Luật Tố cáo 2018 Điều 47–48): the only code
//! whose SQL names the `denouncers` table, which links a denunciation to the people who made
//! it (kept apart from `petition_citizens`; a trigger keeps denouncers out of that table).
//! Every other module asks here: to link or read a denunciation's people, to know whether
//! someone denounced, or to show one (`reveal.rs`: on request, with a reason, audited;
//! `secrecy.rs`: the gates of documents, scans, bookings and printouts, audited).
//! `tests/one_owner.rs` fails when any other module's SQL names the table.

pub(super) mod reveal;
mod secrecy;

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};

pub(super) use secrecy::{MASKED, SECRET_BOOKING};

/// Links petition `petition_id` to its denouncers, in order.
pub(super) fn link(tx: &Connection, petition_id: i64, citizen_ids: &[i64]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO denouncers (petition_id, citizen_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (pos, id) in citizen_ids.iter().enumerate() {
        stmt.execute(params![petition_id, id, pos])?;
    }
    Ok(())
}

/// Removes the links of petition `petition_id` (an import rewriting the petition).
pub(super) fn unlink_petition(tx: &Connection, petition_id: i64) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM denouncers WHERE petition_id = ?1",
        [petition_id],
    )?;
    Ok(())
}

/// The denouncers of petition `petition_id`, in order (for the full export and the reveal).
pub(super) fn of_petition(conn: &Connection, petition_id: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT citizen_id FROM denouncers WHERE petition_id = ?1 ORDER BY position, citizen_id",
    )?;
    let rows = stmt.query_map([petition_id], |r| r.get(0))?;
    rows.collect()
}

/// The first denouncer's name and address, for a letter addressed to them.
pub(super) fn first_addressee(
    conn: &Connection,
    petition_id: i64,
) -> rusqlite::Result<Option<(String, String)>> {
    conn.query_row(
        "SELECT c.full_name, c.address FROM denouncers x JOIN citizens c ON c.id = x.citizen_id
          WHERE x.petition_id = ?1 ORDER BY x.position LIMIT 1",
        [petition_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

/// Whether `citizen_id` denounced in case `case_id` (any case when `None`).
pub(super) fn denounced_in(
    conn: &Connection,
    citizen_id: i64,
    case_id: Option<i64>,
) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM denouncers d JOIN petitions p ON p.id = d.petition_id
                         WHERE d.citizen_id = ?1 AND (p.case_id = ?2 OR ?2 IS NULL))",
        params![citizen_id, case_id],
        |r| r.get(0),
    )
}

/// The denunciations `citizen_id` made.
pub(super) fn petitions_of(conn: &Connection, citizen_id: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT petition_id FROM denouncers WHERE citizen_id = ?1 ORDER BY petition_id",
    )?;
    let rows = stmt.query_map([citizen_id], |r| r.get(0))?;
    rows.collect()
}

/// Moves `merged`'s denunciations to `kept` (merging two records of one person); a link
/// `kept` already has is dropped, not duplicated.
pub(super) fn move_links(tx: &Connection, kept: i64, merged: i64) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM denouncers WHERE citizen_id = ?2
           AND petition_id IN (SELECT petition_id FROM denouncers WHERE citizen_id = ?1)",
        params![kept, merged],
    )?;
    tx.execute(
        "UPDATE denouncers SET citizen_id = ?1 WHERE citizen_id = ?2",
        params![kept, merged],
    )?;
    Ok(())
}

/// Whether every link `citizen_id` has is to a denunciation (as denouncer, or present at a
/// visit where only denunciations were handed in): known to the office only as a denouncer.
pub(super) fn only_a_denouncer(conn: &Connection, citizen_id: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "WITH only_denunciations (visit_id) AS (
             SELECT visit_id FROM petitions WHERE visit_id IS NOT NULL
             GROUP BY visit_id HAVING min(kind = 'denunciation') = 1)
         SELECT (EXISTS (SELECT 1 FROM denouncers WHERE citizen_id = ?1)
                 OR EXISTS (SELECT 1 FROM visit_citizens WHERE citizen_id = ?1
                            AND visit_id IN only_denunciations))
             AND NOT EXISTS (SELECT 1 FROM petition_citizens WHERE citizen_id = ?1)
             AND NOT EXISTS (SELECT 1 FROM visit_citizens WHERE citizen_id = ?1
                             AND visit_id NOT IN only_denunciations)",
        [citizen_id],
        |r| r.get(0),
    )
}

/// The citizens linked to a denunciation: as its denouncers, or present at a visit where
/// one was handed in; and those marked as known only as denouncers (what a redacted export
/// leaves out).
pub(super) fn linked_citizens(conn: &Connection) -> rusqlite::Result<HashSet<i64>> {
    let mut stmt = conn.prepare(
        "SELECT citizen_id FROM denouncers
         UNION SELECT vc.citizen_id FROM visit_citizens vc
               JOIN petitions p ON p.visit_id = vc.visit_id AND p.kind = 'denunciation'
         UNION SELECT id FROM citizens WHERE denouncer_only = 1",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}
