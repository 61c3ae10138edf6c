//! Use cases of the agency catalogue (Danh mục cơ quan).

use rusqlite::params;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::agency::{Agency, AgencyInput, AgencyRole};
use crate::error::{Error, Result};
use crate::text::{Collation, fold};

impl Desk {
    /// Adds an agency to the catalogue.
    pub fn add_agency(&mut self, ctx: &Ctx, input: &AgencyInput) -> Result<Agency> {
        ctx.require(crate::domain::access::Permission::EditAgencies)?;
        let new = input.validate().map_err(Error::Invalid)?;
        let id = self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO agencies (name, name_fold, role, address, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    new.name,
                    fold(&new.name),
                    new.role.as_str(),
                    new.address,
                    ctx.stamp()
                ],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                ctx,
                "agency.create",
                "agency",
                &[id],
                Some(serde_json::json!({ "name": new.name })),
            )?;
            Ok(id)
        })?;
        Ok(Agency {
            id,
            name: new.name,
            role: new.role,
            address: new.address,
        })
    }

    /// Every agency, in Vietnamese alphabetical order.
    pub fn agencies(&self) -> Result<Vec<Agency>> {
        self.signed_in()?;
        let mut stmt = self
            .store
            .conn()
            .prepare("SELECT id, name, role, address FROM agencies")?;
        let rows = stmt.query_map([], |r| {
            let role: String = r.get(2)?;
            Ok(Agency {
                id: r.get(0)?,
                name: r.get(1)?,
                role: AgencyRole::parse(&role).unwrap_or(AgencyRole::Other),
                address: r.get(3)?,
            })
        })?;
        let mut agencies = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        Collation::vietnamese().sort_by_key(&mut agencies, |a| &a.name);
        Ok(agencies)
    }
}
