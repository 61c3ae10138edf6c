//! The search index, brought up to date once for an import's records instead of row by
//! row.
//!
//! Once FTS5's index is part of a transaction, FTS5 writes its pending terms out at the
//! start of every statement that opens a statement journal (an insert with triggers or
//! foreign keys). An import of many records then spent most of its time writing and
//! merging tiny index segments. So an import drops the index's triggers inside its own
//! transaction, notes each citizen, petition and visit it writes, and when done puts the
//! triggers back exactly as they were stored and runs them once over those records. A
//! failed or stopped import rolls all of it back with the transaction: the triggers are
//! never missing outside it.

use rusqlite::{Connection, params};

/// Each indexed table, its kind in the rowid, and its entries' rowids and text: what its
/// insert trigger (`migrations/0003_search_denouncers_calendar.sql`) writes, as one
/// `SELECT` over the records of table `t` the import wrote, listed in `w` (a test checks
/// the two agree). Rowids are negative (newest first), so rows
/// are written in descending id order: FTS5 writes its pending terms out whenever a rowid
/// is not above the previous one.
const INDEXED: [(&str, i64, &str); 3] = [
    (
        "citizens",
        0,
        "SELECT -(t.id * 4), t.name_fold || ' ' || t.address_fold || ' '
                || coalesce(t.id_number, '') || ' ' || coalesce(t.phone, '')
           FROM temp.import_written w JOIN citizens t ON t.id = w.id
          WHERE w.tbl = ?1 AND t.denouncer_only = 0",
    ),
    (
        "petitions",
        1,
        "SELECT -(t.id * 4 + 1), t.summary_fold || ' ' || coalesce(t.forwarded_doc, '') || ' '
                || coalesce(t.ref, '')
           FROM temp.import_written w JOIN petitions t ON t.id = w.id
          WHERE w.tbl = ?1",
    ),
    (
        "visits",
        2,
        "SELECT -(t.id * 4 + 2), t.summary_fold
           FROM temp.import_written w JOIN visits t ON t.id = w.id
          WHERE w.tbl = ?1",
    ),
];

/// The search index of one import: left alone until the import first writes an indexed
/// record (an import that changes nothing writes nothing, not even the schema), then its
/// triggers dropped until [`Deferred::finish`].
#[derive(Default)]
pub(super) struct Deferred {
    /// The text of the dropped triggers, once dropped.
    triggers: Option<Vec<String>>,
}

impl Deferred {
    /// Notes that the import wrote record `id` of `table` (one of [`INDEXED`]).
    pub fn written(&mut self, tx: &Connection, table: &str, id: i64) -> rusqlite::Result<()> {
        if self.triggers.is_none() {
            self.triggers = Some(pause(tx)?);
        }
        tx.prepare_cached("INSERT OR IGNORE INTO temp.import_written (tbl, id) VALUES (?1, ?2)")?
            .execute(params![table, id])?;
        Ok(())
    }

    /// Puts the triggers back, if dropped, and indexes every record written.
    pub fn finish(self, tx: &Connection) -> rusqlite::Result<()> {
        match self.triggers {
            Some(triggers) => resume(tx, &triggers),
            None => Ok(()),
        }
    }
}

/// Drops the search triggers, returning their text, and starts the list of written records.
fn pause(tx: &Connection) -> rusqlite::Result<Vec<String>> {
    let found: Vec<(String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_master
              WHERE type = 'trigger' AND name GLOB '*_search_*' ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (name, _) in &found {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    tx.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS import_written (
             tbl TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID;
         DELETE FROM temp.import_written;",
    )?;
    Ok(found.into_iter().map(|(_, sql)| sql).collect())
}

/// Puts the triggers back and indexes every record the import wrote: its old entry, if
/// any, removed, and its new one written, one statement per table.
fn resume(tx: &Connection, triggers: &[String]) -> rusqlite::Result<()> {
    for sql in triggers {
        tx.execute_batch(sql)?;
    }
    for (table, kind, select) in INDEXED {
        tx.execute(
            "DELETE FROM search WHERE rowid IN
               (SELECT -(id * 4 + ?2) FROM temp.import_written WHERE tbl = ?1)",
            params![table, kind],
        )?;
        tx.execute(
            &format!(
                // Read backwards along the list's key: no sort, and rowids rising.
                "INSERT INTO search (rowid, body) {select} ORDER BY w.id DESC"
            ),
            [table],
        )?;
    }
    tx.execute_batch("DROP TABLE temp.import_written")?;
    Ok(())
}
