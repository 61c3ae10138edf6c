//! Versioned schema migrations (rusqlite_migration), numbered SQL files in `migrations/`.
//! The version lives in SQLite's `user_version`. Migrations only ever get appended.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../../migrations/0001_initial.sql")),
    M::up(include_str!("../../../migrations/0002_drafts.sql")),
    M::up(include_str!(
        "../../../migrations/0003_search_denouncers_calendar.sql"
    )),
    M::up(include_str!("../../../migrations/0004_interchange.sql")),
    M::up(include_str!("../../../migrations/0005_routing.sql")),
    M::up(include_str!("../../../migrations/0006_deadline_cache.sql")),
    M::up(include_str!("../../../migrations/0007_case_owner.sql")),
    M::up(include_str!("../../../migrations/0008_report_indexes.sql")),
    M::up(include_str!(
        "../../../migrations/0009_submitted_reports.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0010_accepted_complaints.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0011_reception_sessions.sql"
    )),
    M::up(include_str!("../../../migrations/0012_assignments.sql")),
    M::up(include_str!("../../../migrations/0013_case_tasks.sql")),
    M::up(include_str!(
        "../../../migrations/0014_attachment_blobs.sql"
    )),
    M::up(include_str!("../../../migrations/0015_watch_list.sql")),
    M::up(include_str!(
        "../../../migrations/0016_deadline_met_index.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0017_leader_mediation.sql"
    )),
    M::up(include_str!("../../../migrations/0018_audit_chain.sql")),
    M::up(include_str!("../../../migrations/0019_accounts.sql")),
    M::up(include_str!(
        "../../../migrations/0020_covering_report_indexes.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0021_decision_kind_oral.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0022_certified_copies.sql"
    )),
    M::up(include_str!(
        "../../../migrations/0023_submitted_audit_head.sql"
    )),
    M::up(include_str!("../../../migrations/0024_denouncer_key.sql")),
    M::up(include_str!("../../../migrations/0025_voided.sql")),
    M::up(include_str!("../../../migrations/0026_subfield.sql")),
    M::up(include_str!("../../../migrations/0027_voided_events.sql")),
    M::up(include_str!("../../../migrations/0028_reminders_sent.sql")),
    M::up(include_str!("../../../migrations/0029_directives.sql")),
    M::up(include_str!("../../../migrations/0030_protections.sql")),
    M::up(include_str!(
        "../../../migrations/0031_accepted_denunciations.sql"
    )),
    M::up(include_str!("../../../migrations/0032_link_indexes.sql")),
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

/// `fold(text)` in SQL, for migrations that fill folded columns (see [`tiepdan_vocab::text::fold`]).
fn register_fold(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(s.map(|s| tiepdan_vocab::text::fold(&s)).unwrap_or_default())
        },
    )?;
    // The audit chain of version 18 hashes the rows written before it.
    conn.create_scalar_function(
        "sha256_hex",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: String = ctx.get(0)?;
            Ok(super::audit::sha256_hex(&s))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_rows_written_before_the_chain_are_chained_by_its_migration() {
        let mut conn = Connection::open_in_memory().unwrap();
        register_fold(&conn).unwrap();
        Migrations::from_slice(MIGRATIONS)
            .to_version(&mut conn, 17)
            .unwrap();
        for (i, detail) in [Some(r#"{"a":1}"#), None, Some(r#"{"b":"Đức"}"#)]
            .iter()
            .enumerate()
        {
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, entity, entity_ids, detail)
                 VALUES (?1, 'cán bộ', 'test', 'case', '[1]', ?2)",
                rusqlite::params![format!("2026-01-0{}T08:00:00", i + 1), detail],
            )
            .unwrap();
        }
        to_latest(&mut conn).unwrap();
        assert_eq!(super::super::audit::verify(&conn).unwrap(), Ok(3));
        // New rows chain on from the migrated ones.
        super::super::audit::append(
            &conn,
            "2026-02-01T09:00:00",
            "ứng dụng",
            "test",
            "case",
            &[2],
            None,
        )
        .unwrap();
        assert_eq!(super::super::audit::verify(&conn).unwrap(), Ok(4));
    }

    #[test]
    fn migrations_are_valid() {
        // (validate() would run them without the `fold` function the migrations use.)
        let mut conn = Connection::open_in_memory().unwrap();
        to_latest(&mut conn).unwrap();
    }
}
