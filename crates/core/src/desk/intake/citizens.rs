//! Use cases of citizens at the front desk: register one, find earlier ones while typing.

use rusqlite::OptionalExtension;
use rusqlite::types::Value;
use serde::Serialize;
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, name};
use crate::domain::citizen::{CitizenInput, MatchKind, NewCitizen, name_match};
use crate::domain::identity::{IdKind, Sex};
use crate::error::{Error, Result};
use crate::text::{Collation, fold};

/// A stored citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Citizen {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub id_kind: IdKind,
    pub id_number: Option<String>,
    pub birth_year: Option<i32>,
    pub gender: Option<Sex>,
    pub address: String,
    pub phone: Option<String>,
}

/// A citizen found while the officer types, with why it matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CitizenMatch {
    pub citizen: Citizen,
    pub matched_by: MatchKind,
    /// The cases this citizen came about, newest first.
    pub cases: Vec<CaseSummary>,
}

pub(in crate::desk) const COLUMNS: &str =
    "id, full_name, id_kind, id_number, birth_year, gender, address, phone";

pub(in crate::desk) fn row_to_citizen(r: &rusqlite::Row<'_>) -> rusqlite::Result<Citizen> {
    Ok(Citizen {
        id: r.get(0)?,
        full_name: r.get(1)?,
        id_kind: r.get::<_, crate::store::value::Named<_>>(2)?.0,
        id_number: r.get(3)?,
        birth_year: r.get(4)?,
        gender: r
            .get::<_, Option<crate::store::value::Named<Sex>>>(5)?
            .map(|g| g.0),
        address: r.get(6)?,
        phone: r.get(7)?,
    })
}

/// The columns a typed citizen fills, in the order of [`typed_values`].
const TYPED_COLUMNS: [&str; 11] = [
    "full_name",
    "name_fold",
    "id_kind",
    "id_number",
    "id_issued_on",
    "id_issued_by",
    "birth_year",
    "gender",
    "address",
    "address_fold",
    "phone",
];

/// A validated citizen's values for [`TYPED_COLUMNS`].
fn typed_values(c: &NewCitizen) -> Vec<Value> {
    vec![
        c.full_name.clone().into(),
        c.name_fold.clone().into(),
        name(c.id_kind).into(),
        c.id_number.clone().into(),
        c.id_issued_on
            .map(|d| d.format("%Y-%m-%d").to_string())
            .into(),
        c.id_issued_by.clone().into(),
        c.birth_year.into(),
        c.gender.map(name).into(),
        c.address.clone().into(),
        c.address_fold.clone().into(),
        c.phone.clone().into(),
    ]
}

/// Inserts a validated citizen; the caller writes the audit row.
pub(in crate::desk) fn insert_citizen(
    tx: &rusqlite::Connection,
    ctx: &Ctx,
    c: &NewCitizen,
    denouncer_only: bool,
) -> rusqlite::Result<i64> {
    let marks: Vec<String> = (1..=TYPED_COLUMNS.len() + 2)
        .map(|n| format!("?{n}"))
        .collect();
    let mut values = typed_values(c);
    values.push(ctx.stamp().into());
    values.push(denouncer_only.into());
    tx.execute(
        &format!(
            "INSERT INTO citizens ({}, created_at, denouncer_only) VALUES ({})",
            TYPED_COLUMNS.join(", "),
            marks.join(", ")
        ),
        rusqlite::params_from_iter(values),
    )?;
    Ok(tx.last_insert_rowid())
}

/// Replaces the record `id` with a validated citizen as typed (a correction); the caller
/// writes the audit row.
pub(in crate::desk) fn replace_citizen(
    tx: &rusqlite::Connection,
    id: i64,
    c: &NewCitizen,
) -> rusqlite::Result<()> {
    let sets: Vec<String> = TYPED_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, col)| format!("{col} = ?{}", i + 1))
        .collect();
    let mut values = typed_values(c);
    values.push(id.into());
    tx.execute(
        &format!(
            "UPDATE citizens SET {} WHERE id = ?{}",
            sets.join(", "),
            TYPED_COLUMNS.len() + 1
        ),
        rusqlite::params_from_iter(values),
    )?;
    Ok(())
}

impl Desk {
    /// Registers a citizen. The same identity number cannot be registered twice: the
    /// officer is told to choose the existing citizen instead.
    pub fn add_citizen(&mut self, ctx: &Ctx, input: &CitizenInput) -> Result<Citizen> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let this_year = chrono::Datelike::year(&ctx.now);
        let c = input
            .validate(&self.rules.identity, this_year)
            .map_err(Error::Invalid)?;
        if let Some(number) = &c.id_number
            && let Some(existing) = self.citizen_by_id_number(number)?
        {
            return Err(Error::Invalid(vec![crate::error::FieldError::new(
                "id_number",
                format!(
                    "Số giấy tờ {number} đã có trong sổ: {} ({}). Hãy chọn công dân này thay vì tạo mới.",
                    existing.full_name, existing.address
                ),
            )]));
        }
        let id = self.store.write(|tx| -> Result<i64> {
            let id = insert_citizen(tx, ctx, &c, false)?;
            audit::append(tx, ctx, "citizen.create", "citizen", &[id], None)?;
            Ok(id)
        })?;
        Ok(Citizen {
            id,
            full_name: c.full_name,
            id_kind: c.id_kind,
            id_number: c.id_number,
            birth_year: c.birth_year,
            gender: c.gender,
            address: c.address,
            phone: c.phone,
        })
    }

    /// The citizen `id`, if registered.
    pub fn citizen(&self, id: i64) -> Result<Option<Citizen>> {
        self.signed_in()?;
        let sql = format!("SELECT {COLUMNS} FROM citizens WHERE id = ?1");
        Ok(self
            .store
            .conn()
            .query_row(&sql, [id], row_to_citizen)
            .optional()?)
    }

    /// The citizen registered with this identity number, unless known to the office only
    /// as a denouncer: those are found by no look-up and named in no message, and their
    /// record is never changed from the desk — typed again, the person gets a record of
    /// their own (a full export then lists the number twice; see ARCHITECTURE.md).
    pub(in crate::desk) fn citizen_by_id_number(&self, number: &str) -> Result<Option<Citizen>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM citizens WHERE id_number = ?1 AND denouncer_only = 0 LIMIT 1"
        );
        Ok(self
            .store
            .conn()
            .query_row(&sql, [number], row_to_citizen)
            .optional()?)
    }

    /// Citizens matching what is being typed: the identity number exactly first, then names
    /// with the diacritics as typed, then names without tones; at most `limit`.
    pub fn find_citizens(
        &self,
        name: &str,
        id_number: Option<&str>,
        limit: usize,
    ) -> Result<Vec<CitizenMatch>> {
        self.signed_in()?;
        let mut found: Vec<CitizenMatch> = Vec::new();
        let number: String = id_number
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_uppercase();
        if !number.is_empty()
            && let Some(c) = self.citizen_by_id_number(&number)?
        {
            found.push(CitizenMatch {
                citizen: c,
                matched_by: MatchKind::IdNumber,
                cases: Vec::new(),
            });
        }
        let folded = fold(name);
        if let Some(first) = folded.split(' ').find(|w| !w.is_empty()) {
            let sql = format!(
                "SELECT {COLUMNS} FROM citizens
                 WHERE name_fold LIKE '%' || ?1 || '%' AND denouncer_only = 0 LIMIT 2000"
            );
            let mut stmt = self.store.conn().prepare(&sql)?;
            let rows = stmt.query_map([first], row_to_citizen)?;
            for c in rows {
                let c = c?;
                if found.iter().any(|m| m.citizen.id == c.id) {
                    continue;
                }
                if let Some(kind) = name_match(name, &c.full_name) {
                    found.push(CitizenMatch {
                        citizen: c,
                        matched_by: kind,
                        cases: Vec::new(),
                    });
                }
            }
        }
        let collation = Collation::vietnamese();
        found.sort_by(|a, b| {
            a.matched_by
                .cmp(&b.matched_by)
                .then_with(|| collation.compare(&a.citizen.full_name, &b.citizen.full_name))
        });
        found.truncate(limit);
        for m in &mut found {
            m.cases = self.cases_of_citizen(m.citizen.id)?;
        }
        Ok(found)
    }
}

/// A case a citizen came about before, for the "Đã từng đến" panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub opened_on: String,
    pub status: String,
    #[ts(type = "number")]
    pub visits: i64,
    #[ts(type = "number")]
    pub petitions: i64,
}

impl Desk {
    /// The cases a citizen has visits or petitions in, newest first.
    pub fn cases_of_citizen(&self, citizen_id: i64) -> Result<Vec<CaseSummary>> {
        self.signed_in()?;
        let mut stmt = self.store.conn().prepare(
            "SELECT c.id, c.title, c.opened_on, c.status,
                    (SELECT count(*) FROM visits v WHERE v.case_id = c.id),
                    (SELECT count(*) FROM petitions p WHERE p.case_id = c.id)
             FROM cases c
             WHERE c.id IN (SELECT v.case_id FROM visits v JOIN visit_citizens vc ON vc.visit_id = v.id
                            WHERE vc.citizen_id = ?1
                            UNION
                            SELECT p.case_id FROM petitions p JOIN petition_citizens pc ON pc.petition_id = p.id
                            WHERE pc.citizen_id = ?1)
               -- A denunciation's case is not shown at the desk (its people are secret).
               AND NOT EXISTS (SELECT 1 FROM petitions d WHERE d.case_id = c.id
                               AND d.kind = 'denunciation')
             ORDER BY c.opened_on DESC, c.id DESC",
        )?;
        let rows = stmt.query_map([citizen_id], |r| {
            Ok(CaseSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                opened_on: r.get(2)?,
                status: r.get(3)?,
                visits: r.get(4)?,
                petitions: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
