//! Use cases of the office profile (first run, Cài đặt).

use rusqlite::{OptionalExtension, params};

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::office::{Office, OfficeInput};
use crate::error::{Error, Result};

/// The office row, through any connection (a transaction works too).
pub(in crate::desk) fn read(conn: &rusqlite::Connection) -> rusqlite::Result<Option<Office>> {
    conn.query_row(
        "SELECT name, parent, place, province, commune_code, remote_area, chair, party_secretary
         FROM office WHERE id = 1",
        [],
        |r| {
            Ok(Office {
                name: r.get(0)?,
                parent: r.get(1)?,
                place: r.get(2)?,
                province: r.get(3)?,
                commune_code: r.get(4)?,
                remote_area: r.get(5)?,
                chair: r.get(6)?,
                party_secretary: r.get(7)?,
            })
        },
    )
    .optional()
}

impl Desk {
    /// The office profile, `None` before the first run is completed.
    pub fn office(&self) -> Result<Option<Office>> {
        self.signed_in()?;
        Ok(read(self.store.conn())?)
    }

    /// Creates or replaces the office profile.
    pub fn save_office(&mut self, ctx: &Ctx, input: &OfficeInput) -> Result<Office> {
        ctx.require(crate::domain::access::Permission::ManageRules)?;
        let office = input.validate().map_err(Error::Invalid)?;
        let before = self.office()?;
        let rules = &self.rules;
        self.store.write(|tx| -> Result<()> {
            upsert(tx, ctx, &office)?;
            // Vùng sâu, vùng xa lengthens complaint periods: every deadline moves with it.
            if before
                .as_ref()
                .is_some_and(|b| b.remote_area != office.remote_area)
            {
                let calendar = crate::desk::deadlines::calendar_of(tx, &rules.calendar)?;
                crate::desk::deadlines::refresh(
                    tx,
                    rules,
                    &calendar,
                    crate::desk::deadlines::Scope::All,
                    ctx.now.date(),
                )?;
            }
            let action = if before.is_some() {
                "office.update"
            } else {
                "office.create"
            };
            let detail = serde_json::json!({ "before": before, "after": &office });
            audit::append(tx, ctx, action, "office", &[1], Some(detail))?;
            Ok(())
        })?;
        Ok(office)
    }
}

/// Writes the office row (the only one); the caller appends the audit row.
pub(in crate::desk) fn upsert(
    tx: &rusqlite::Connection,
    ctx: &Ctx,
    office: &Office,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO office (id, name, parent, place, province, commune_code, remote_area,
                             chair, party_secretary, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, parent = excluded.parent, place = excluded.place,
            province = excluded.province, commune_code = excluded.commune_code,
            remote_area = excluded.remote_area, chair = excluded.chair,
            party_secretary = excluded.party_secretary, updated_at = excluded.updated_at",
        params![
            office.name,
            office.parent,
            office.place,
            office.province,
            office.commune_code,
            office.remote_area,
            office.chair,
            office.party_secretary,
            ctx.stamp(),
        ],
    )?;
    Ok(())
}
