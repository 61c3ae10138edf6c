//! Versioned schema migrations (rusqlite_migration), numbered SQL files in `migrations/`.
//! The version lives in SQLite's `user_version`. Migrations only ever get appended.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_initial.sql")),
    M::up(include_str!("../../migrations/0002_drafts.sql")),
];

/// The schema version this build creates and understands.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings `conn` to [`LATEST_VERSION`] in one transaction; the error is a description.
pub(super) fn to_latest(conn: &mut Connection) -> Result<(), String> {
    Migrations::from_slice(MIGRATIONS)
        .to_latest(conn)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        Migrations::from_slice(MIGRATIONS).validate().unwrap();
    }
}
