//! Officers (Danh mục cán bộ) and who is responsible for a case (cán bộ phụ trách): the
//! dashboard counts each officer's overdue and soon-due deadlines.

use rusqlite::{OptionalExtension, params};

use crate::audit::{self, Ctx};
use crate::desk::{Desk, from_name};
use crate::domain::officer::{Officer, OfficerEdit, OfficerInput};
use crate::error::{Error, Result};
use crate::text::Collation;

impl Desk {
    /// Adds an officer to the catalogue.
    pub fn add_officer(&mut self, ctx: &Ctx, input: &OfficerInput) -> Result<Officer> {
        ctx.require(crate::domain::access::Permission::ManageAccounts)?;
        let new = input.validate().map_err(Error::Invalid)?;
        let id = self.store.write(|tx| insert_officer(tx, ctx, &new))?;
        Ok(Officer {
            id,
            full_name: new.full_name,
            title: new.title,
            role: new.role,
            active: true,
        })
    }

    /// Corrects an officer's name or title, or records that they no longer work here
    /// (administrators). An officer who leaves loses their account's sign-in too (its
    /// keyring slot is removed; the last administrator cannot leave). Audited before and
    /// after.
    pub fn update_officer(&mut self, ctx: &Ctx, input: &OfficerEdit) -> Result<Officer> {
        ctx.require(crate::domain::access::Permission::ManageAccounts)?;
        let Some(before) = self
            .officers()?
            .into_iter()
            .find(|o| o.id == input.officer_id)
        else {
            return Err(Error::invalid(
                "officer_id",
                format!("Không có cán bộ số {}.", input.officer_id),
            ));
        };
        let checked = OfficerInput {
            full_name: input.full_name.clone(),
            title: input.title.clone(),
            role: before.role,
        }
        .validate()
        .map_err(Error::Invalid)?;
        if !input.active && before.active {
            let login: Option<String> = self
                .store
                .conn()
                .query_row(
                    "SELECT login FROM accounts WHERE officer_id = ?1 AND active = 1",
                    [input.officer_id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(login) = login {
                self.set_account_active(ctx, &login, false)?;
            }
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE officers SET full_name = ?2, title = ?3, active = ?4 WHERE id = ?1",
                params![
                    input.officer_id,
                    checked.full_name,
                    (!checked.title.is_empty()).then_some(&checked.title),
                    input.active
                ],
            )?;
            audit::append(
                tx,
                ctx,
                "officer.update",
                "officer",
                &[input.officer_id],
                Some(serde_json::json!({
                    "before": { "full_name": before.full_name, "title": before.title, "active": before.active },
                    "after": { "full_name": checked.full_name, "title": checked.title, "active": input.active },
                })),
            )?;
            Ok(())
        })?;
        Ok(Officer {
            id: input.officer_id,
            full_name: checked.full_name,
            title: checked.title,
            role: before.role,
            active: input.active,
        })
    }

    /// Every officer, in Vietnamese alphabetical order.
    pub fn officers(&self) -> Result<Vec<Officer>> {
        self.signed_in()?;
        let mut stmt = self
            .store
            .conn()
            .prepare("SELECT id, full_name, coalesce(title, ''), role, active FROM officers")?;
        let mut officers = stmt
            .query_map([], |r| {
                let role: String = r.get(3)?;
                Ok(Officer {
                    id: r.get(0)?,
                    full_name: r.get(1)?,
                    title: r.get(2)?,
                    role: from_name(&role).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            3,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?,
                    active: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Collation::vietnamese().sort_by_key(&mut officers, |o| &o.full_name);
        Ok(officers)
    }
}

/// Inserts a validated officer, audited; returns the id.
pub(in crate::desk) fn insert_officer(
    tx: &rusqlite::Transaction,
    ctx: &Ctx,
    new: &OfficerInput,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO officers (full_name, title, role, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            new.full_name,
            (!new.title.is_empty()).then_some(&new.title),
            crate::store::value::Named(new.role),
            ctx.stamp()
        ],
    )?;
    let id = tx.last_insert_rowid();
    audit::append(
        tx,
        ctx,
        "officer.create",
        "officer",
        &[id],
        Some(serde_json::json!({ "full_name": new.full_name, "role": new.role })),
    )?;
    Ok(id)
}

/// Which of a case's two responsible people is set.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Responsible {
    /// The officer in charge (cán bộ phụ trách): any active officer.
    Officer,
    /// The leader in charge (lãnh đạo phụ trách): an active officer whose role is leader.
    Leader,
}

impl Desk {
    /// Sets (or clears) the officer responsible for the petition's case; audited with the
    /// one before.
    pub fn assign_case(
        &mut self,
        ctx: &Ctx,
        petition_id: i64,
        officer_id: Option<i64>,
    ) -> Result<()> {
        ctx.require(crate::domain::access::Permission::AssignCase)?;
        self.set_responsible(ctx, petition_id, officer_id, Responsible::Officer)
    }

    /// Sets (or clears) the leader responsible for the petition's case: an active officer
    /// whose role is leader (chair or vice-chair). Audited with the one before.
    pub fn assign_leader(
        &mut self,
        ctx: &Ctx,
        petition_id: i64,
        officer_id: Option<i64>,
    ) -> Result<()> {
        ctx.require(crate::domain::access::Permission::AssignCase)?;
        self.set_responsible(ctx, petition_id, officer_id, Responsible::Leader)
    }

    fn set_responsible(
        &mut self,
        ctx: &Ctx,
        petition_id: i64,
        officer_id: Option<i64>,
        who: Responsible,
    ) -> Result<()> {
        let conn = self.store.conn();
        let case: Option<Option<i64>> = conn
            .query_row(
                "SELECT case_id FROM petitions WHERE id = ?1",
                [petition_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(Some(case_id)) = case else {
            return Err(Error::invalid(
                "petition",
                format!("Không có đơn số {petition_id} (hoặc đơn chưa thuộc vụ việc nào)."),
            ));
        };
        if let Some(id) = officer_id {
            let row: Option<(bool, String)> = conn
                .query_row(
                    "SELECT active, role FROM officers WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match row {
                Some((true, role)) if who == Responsible::Leader && role != "leader" => {
                    return Err(Error::invalid(
                        "officer",
                        "Lãnh đạo phụ trách phải là cán bộ có vai trò lãnh đạo (Chủ tịch, Phó Chủ tịch).",
                    ));
                }
                Some((true, _)) => {}
                _ => {
                    return Err(Error::invalid(
                        "officer",
                        "Cán bộ đã chọn không có trong danh mục cán bộ đang làm việc.",
                    ));
                }
            }
        }
        let (column, action) = match who {
            Responsible::Officer => ("owner_id", "case.assign"),
            Responsible::Leader => ("leader_id", "case.leader"),
        };
        self.store.write(|tx| -> Result<()> {
            let before: Option<i64> = tx.query_row(
                &format!("SELECT {column} FROM cases WHERE id = ?1"),
                [case_id],
                |r| r.get(0),
            )?;
            tx.execute(
                &format!("UPDATE cases SET {column} = ?2 WHERE id = ?1"),
                params![case_id, officer_id],
            )?;
            audit::append(
                tx,
                ctx,
                action,
                "case",
                &[case_id],
                Some(serde_json::json!({ "before": before, "after": officer_id })),
            )?;
            Ok(())
        })
    }
}
