//! Versioned schema migrations (rusqlite_migration), numbered SQL files in `migrations/`.
//! The version lives in SQLite's `user_version`. Migrations only ever get appended.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_initial.sql")),
    M::up(include_str!("../../migrations/0002_drafts.sql")),
    M::up(include_str!(
        "../../migrations/0003_search_denouncers_calendar.sql"
    )),
    M::up(include_str!("../../migrations/0004_interchange.sql")),
    M::up(include_str!("../../migrations/0005_routing.sql")),
    M::up(include_str!("../../migrations/0006_deadline_cache.sql")),
    M::up(include_str!("../../migrations/0007_case_owner.sql")),
    M::up(include_str!("../../migrations/0008_report_indexes.sql")),
    M::up(include_str!("../../migrations/0009_submitted_reports.sql")),
    M::up(include_str!(
        "../../migrations/0010_accepted_complaints.sql"
    )),
    M::up(include_str!("../../migrations/0011_reception_sessions.sql")),
    M::up(include_str!("../../migrations/0012_assignments.sql")),
    M::up(include_str!("../../migrations/0013_case_tasks.sql")),
    M::up(include_str!("../../migrations/0014_attachment_blobs.sql")),
    M::up(include_str!("../../migrations/0015_watch_list.sql")),
    M::up(include_str!("../../migrations/0016_deadline_met_index.sql")),
    M::up(include_str!("../../migrations/0017_leader_mediation.sql")),
];

/// The schema version this build creates and understands.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings `conn` to [`LATEST_VERSION`] in one transaction; the error is a description.
pub(super) fn to_latest(conn: &mut Connection) -> Result<(), String> {
    register_fold(conn).map_err(|e| e.to_string())?;
    Migrations::from_slice(MIGRATIONS)
        .to_latest(conn)
        .map_err(|e| e.to_string())
}

/// `fold(text)` in SQL, for migrations that fill folded columns (see [`crate::text::fold`]).
fn register_fold(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(s.map(|s| crate::text::fold(&s)).unwrap_or_default())
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        // (validate() would run them without the `fold` function the migrations use.)
        let mut conn = Connection::open_in_memory().unwrap();
        to_latest(&mut conn).unwrap();
    }
}
