//! The one owner of a denouncer's identity (Luật Tố cáo 2018 Điều 47–48): the only code
//! whose SQL names the `denouncers` table, which links a denunciation to the people who made
//! it (kept apart from `petition_citizens`; a trigger keeps denouncers out of that table).
//! Every other module asks here: to link or read a denunciation's people, to know whether
//! someone denounced, or to show one (`reveal.rs`: on request, with a reason, audited;
//! `secrecy.rs`: the gates of documents, scans, bookings and printouts, audited).
//! `tests/one_owner.rs` fails when any other module's SQL names the table.

mod key;
pub(in crate::desk) mod protection;
mod recovery;
pub(in crate::desk) mod reveal;
mod sealed;
mod secrecy;

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};

pub(crate) use key::new_account_secret;
pub(in crate::desk) use key::{Keys, begin as begin_keys, grant_pending, revoke as revoke_key};
pub use recovery::IdentityKeyStatus;
pub(in crate::desk) use sealed::{
    Identity, SEALED_NAME, blob_key, open_bytes, seal_bytes, seal_citizen, settle_all,
    settle_citizen,
};

/// Writes citizen `id`'s sealed identity back into its plain columns before a use case
/// that rewrites it (a merge); refused when it is sealed and `secret` cannot open it.
pub(in crate::desk) fn open_citizen(
    tx: &Connection,
    secret: Option<&crypto_box::SecretKey>,
    id: i64,
) -> crate::error::Result<()> {
    if !sealed::is_sealed(tx, id)? {
        return Ok(());
    }
    match secret {
        Some(s) if sealed::unseal_citizen(tx, s, id)? => Ok(()),
        _ => Err(crate::error::Error::invalid(
            "denouncer_key",
            "Hồ sơ công dân này được niêm phong bằng khóa danh tính người tố cáo mà tài khoản này không mở được.",
        )),
    }
}
pub(in crate::desk) use secrecy::{MASKED, SECRET_BOOKING};

/// Links petition `petition_id` to its denouncers, in order.
pub(in crate::desk) fn link(
    tx: &Connection,
    petition_id: i64,
    citizen_ids: &[i64],
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO denouncers (petition_id, citizen_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (pos, id) in citizen_ids.iter().enumerate() {
        stmt.execute(params![petition_id, id, pos])?;
    }
    Ok(())
}

/// Removes the links of petition `petition_id` (an import rewriting the petition).
pub(in crate::desk) fn unlink_petition(tx: &Connection, petition_id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM denouncers WHERE petition_id = ?1")?
        .execute([petition_id])?;
    Ok(())
}

/// The denouncers of petition `petition_id`, in order (for the full export and the reveal).
pub(in crate::desk) fn of_petition(
    conn: &Connection,
    petition_id: i64,
) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT citizen_id FROM denouncers WHERE petition_id = ?1 ORDER BY position, citizen_id",
    )?;
    let rows = stmt.query_map([petition_id], |r| r.get(0))?;
    rows.collect()
}

/// The first denouncer's name and address, for a letter addressed to them (a sealed
/// identity opened with `secret`; without it, the placeholders).
pub(in crate::desk) fn first_addressee(
    conn: &Connection,
    secret: Option<&crypto_box::SecretKey>,
    petition_id: i64,
) -> crate::error::Result<Option<(String, String)>> {
    let row: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT c.id, c.full_name, c.address FROM denouncers x JOIN citizens c ON c.id = x.citizen_id
              WHERE x.petition_id = ?1 ORDER BY x.position LIMIT 1",
            [petition_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((id, name, address)) = row else {
        return Ok(None);
    };
    if let Some(secret) = secret
        && let Some(c) = sealed::identity(conn, secret, id)?
    {
        return Ok(Some((c.full_name, c.address)));
    }
    Ok(Some((name, address)))
}

/// Opens, with `secret`, the sealed identities among interchange `records`; the others,
/// and all of them without a secret, are left as stored.
pub(in crate::desk) fn open_records(
    conn: &Connection,
    secret: Option<&crypto_box::SecretKey>,
    records: &mut [(i64, crate::interchange::CitizenRecord)],
) -> crate::error::Result<()> {
    let Some(secret) = secret else {
        return Ok(());
    };
    for (id, record) in records.iter_mut() {
        let Some(map) = sealed::identity_map(conn, secret, *id)? else {
            continue;
        };
        let mut value = serde_json::to_value(&*record).expect("a record serialises");
        if let serde_json::Value::Object(fields) = &mut value {
            for (k, v) in map {
                if v.is_null() {
                    fields.remove(&k);
                } else {
                    fields.insert(k, v);
                }
            }
        }
        if let Ok(opened) = serde_json::from_value(value) {
            *record = opened;
        }
    }
    Ok(())
}

impl crate::desk::Desk {
    /// Citizen `id` as this call may show them: a sealed identity opened for a role that
    /// may see denouncers (after its gate and audit row), the placeholders otherwise.
    pub(in crate::desk) fn citizen_for(
        &self,
        ctx: &crate::audit::Ctx,
        id: i64,
    ) -> crate::error::Result<Option<crate::desk::citizens::Citizen>> {
        let Some(plain) = self.citizen(id)? else {
            return Ok(None);
        };
        if sealed::is_sealed(self.store.conn(), id)? {
            let secret = self.require_denouncer_secret(ctx)?;
            if let Some(opened) = sealed::identity(self.store.conn(), &secret, id)? {
                return Ok(Some(opened));
            }
        }
        Ok(Some(plain))
    }

    /// Opens the sealed identities among `records` (a full export, by a role that may see
    /// denouncers; the caller logs the view).
    pub(in crate::desk) fn open_citizen_records(
        &self,
        ctx: &crate::audit::Ctx,
        records: &mut [(i64, crate::interchange::CitizenRecord)],
    ) -> crate::error::Result<()> {
        let conn = self.store.conn();
        let mut any_sealed = false;
        for (id, _) in records.iter() {
            any_sealed |= sealed::is_sealed(conn, *id)?;
        }
        if !any_sealed {
            return Ok(());
        }
        let secret = self.require_denouncer_secret(ctx)?;
        open_records(conn, Some(&secret), records)
    }

    /// A sealed citizen's name and address for a document: as typed at this desk in this
    /// session, else opened for a role that may see denouncers. `None`: not sealed, or not
    /// to be opened by this call.
    pub(in crate::desk) fn sealed_name_address(
        &self,
        ctx: &crate::audit::Ctx,
        id: i64,
    ) -> crate::error::Result<Option<(String, String)>> {
        let conn = self.store.conn();
        if !sealed::is_sealed(conn, id)? {
            return Ok(None);
        }
        let map = match self.keys.typed.get(&id) {
            Some(m) => Some(m.clone()),
            None => match self.denouncer_secret(ctx)? {
                Some(s) => sealed::identity_map(conn, &s, id)?,
                None => None,
            },
        };
        Ok(map.map(|m| {
            let text = |k: &str| {
                m.get(k)
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            (text("full_name"), text("address"))
        }))
    }

    /// Fills the people of a visit document whose identity is sealed: from what was typed
    /// at this desk in this session (its first print), else opened for a role that may
    /// see denouncers (the caller's gate has logged the view). Anyone else's stay masked.
    pub(in crate::desk) fn fill_sealed_people(
        &self,
        ctx: &crate::audit::Ctx,
        people: &mut [crate::desk::visit_view::VisitPerson],
    ) -> crate::error::Result<()> {
        let conn = self.store.conn();
        let secret = self.denouncer_secret(ctx)?;
        for p in people {
            if !sealed::is_sealed(conn, p.citizen_id)? {
                continue;
            }
            let map = match self.keys.typed.get(&p.citizen_id) {
                Some(m) => Some(m.clone()),
                None => match &secret {
                    Some(s) => sealed::identity_map(conn, s, p.citizen_id)?,
                    None => None,
                },
            };
            if let Some(m) = map {
                sealed::fill_person(p, &m);
            }
        }
        Ok(())
    }
}

/// Whether `citizen_id` denounced in case `case_id` (any case when `None`).
pub(in crate::desk) fn denounced_in(
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
pub(in crate::desk) fn petitions_of(
    conn: &Connection,
    citizen_id: i64,
) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT petition_id FROM denouncers WHERE citizen_id = ?1 ORDER BY petition_id",
    )?;
    let rows = stmt.query_map([citizen_id], |r| r.get(0))?;
    rows.collect()
}

/// Moves `merged`'s denunciations to `kept` (merging two records of one person); a link
/// `kept` already has is dropped, not duplicated.
pub(in crate::desk) fn move_links(tx: &Connection, kept: i64, merged: i64) -> rusqlite::Result<()> {
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

/// The citizens every link of whom is to a denunciation (as denouncer, or present at a
/// visit where only denunciations were handed in): known to the office only as denouncers.
/// One pass over the links, whatever the number of citizens (an import asks it once).
pub(in crate::desk) fn only_denouncers(conn: &Connection) -> rusqlite::Result<HashSet<i64>> {
    let mut stmt = conn.prepare(
        "WITH only_denunciations (visit_id) AS MATERIALIZED (
             SELECT visit_id FROM petitions WHERE visit_id IS NOT NULL
             GROUP BY visit_id HAVING min(kind = 'denunciation') = 1),
         linked (citizen_id) AS (
             SELECT citizen_id FROM denouncers
             UNION SELECT citizen_id FROM visit_citizens
                   WHERE visit_id IN only_denunciations)
         SELECT citizen_id FROM linked l
          WHERE NOT EXISTS (SELECT 1 FROM petition_citizens WHERE citizen_id = l.citizen_id)
            AND NOT EXISTS (SELECT 1 FROM visit_citizens WHERE citizen_id = l.citizen_id
                            AND visit_id NOT IN only_denunciations)",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// The citizens linked to a denunciation: as its denouncers, or present at a visit where
/// one was handed in; and those marked as known only as denouncers (what a redacted export
/// leaves out).
pub(in crate::desk) fn linked_citizens(conn: &Connection) -> rusqlite::Result<HashSet<i64>> {
    let mut stmt = conn.prepare(
        "SELECT citizen_id FROM denouncers
         UNION SELECT vc.citizen_id FROM visit_citizens vc
               JOIN petitions p ON p.visit_id = vc.visit_id AND p.kind = 'denunciation'
         UNION SELECT id FROM citizens WHERE denouncer_only = 1",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}
