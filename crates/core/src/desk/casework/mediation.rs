//! Grassroots mediation (hòa giải ở cơ sở) recorded on a petition: when, by whom (the
//! hamlet's mediation team), what was agreed and whether it succeeded. Audited.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, from_name};
use crate::error::{Error, FieldError, Result};
use crate::text::{clean, clean_block};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MediationOutcome {
    /// Hòa giải thành.
    Success,
    /// Thành một phần.
    Partial,
    /// Hòa giải không thành.
    Failure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MediationInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    /// `YYYY-MM-DD`.
    pub on: String,
    pub mediator: String,
    pub outcome: MediationOutcome,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MediationView {
    #[ts(type = "number")]
    pub id: i64,
    pub on: String,
    pub mediator: String,
    pub outcome: MediationOutcome,
    pub content: String,
}

impl Desk {
    /// Records a mediation on a petition.
    pub fn record_mediation(&mut self, ctx: &Ctx, input: &MediationInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let received: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT received_on FROM petitions WHERE id = ?1",
                [input.petition_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(received) = received.and_then(|r| NaiveDate::parse_from_str(&r, "%Y-%m-%d").ok())
        else {
            return Err(Error::Invalid(vec![FieldError::new(
                "petition_id",
                "Không tìm thấy đơn.",
            )]));
        };
        let mut errors = Vec::new();
        let on = crate::desk::petition_day(
            &mut errors,
            "Ngày hòa giải",
            &input.on,
            ctx.now.date(),
            received,
        );
        let mediator = clean(&input.mediator);
        if mediator.is_empty() {
            errors.push(FieldError::new(
                "mediator",
                "Ghi tổ hòa giải hoặc người hòa giải.",
            ));
        }
        let content = clean_block(&input.content).trim().to_owned();
        if content.is_empty() {
            errors.push(FieldError::new(
                "content",
                "Ghi nội dung hòa giải và kết quả.",
            ));
        } else if content.chars().count() > 10_000 {
            errors.push(FieldError::new("content", "Nội dung dài quá 10.000 ký tự."));
        }
        let Some(on) = on.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO mediations (petition_id, on_date, mediator, outcome, content, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![input.petition_id, on.to_string(), mediator, crate::store::value::Named(input.outcome), content, ctx.stamp()],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(tx, ctx, "mediation.add", "petition", &[input.petition_id], Some(serde_json::json!({"mediation": id, "outcome": input.outcome, "mediator": mediator})))?;
            Ok(id)
        })
    }

    /// The mediations of a petition, oldest first.
    pub fn mediations_of(&self, petition_id: i64) -> Result<Vec<MediationView>> {
        self.signed_in()?;
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, on_date, mediator, outcome, content FROM mediations WHERE petition_id = ?1 ORDER BY on_date, id",
        )?;
        let rows = stmt.query_map([petition_id], |r| {
            let outcome: String = r.get(3)?;
            Ok(MediationView {
                id: r.get(0)?,
                on: r.get(1)?,
                mediator: r.get(2)?,
                outcome: from_name(&outcome).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        3,
                        rusqlite::types::Type::Text,
                        e.into(),
                    )
                })?,
                content: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
