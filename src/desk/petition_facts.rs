//! Completing or correcting what routing and the deadlines read of a petition — who it is
//! about, the complaint's instance, the contested decision and its kind, an oral
//! denunciation — from the handling panel. Audited with the values before and after; the
//! petition's deadlines move in the same transaction.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Desk, name};
use crate::domain::agency::AgencyRole;
use crate::domain::visit::{DecisionKind, PetitionKind};
use crate::error::{Error, FieldError, Result};
use crate::store::audit::{self, Ctx};
use crate::text::clean;

/// The facts the officer may set on a petition already recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PetitionFactsInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    pub respondent_role: Option<AgencyRole>,
    pub respondent_name: Option<String>,
    /// Complaints: 1 (lần đầu) or 2 (lần hai).
    pub instance: Option<u8>,
    /// Complaints: `YYYY-MM-DD`.
    pub contested_on: Option<String>,
    pub decision_kind: Option<DecisionKind>,
    /// Denunciations: presented orally in person.
    pub oral: bool,
}

impl Desk {
    /// Sets the routing facts of a petition; returns nothing, the caller reads the view.
    pub fn update_petition_facts(&mut self, ctx: &Ctx, input: &PetitionFactsInput) -> Result<()> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let before = self.routing_facts(input.petition_id)?;
        let complaint = before.kind == PetitionKind::Complaint;
        let mut errors = Vec::new();
        let instance = match (complaint, input.instance) {
            (true, None) => Some(1),
            (true, Some(n @ (1 | 2))) => Some(n),
            (true, Some(n)) => {
                errors.push(FieldError::new(
                    "instance",
                    format!("Khiếu nại lần {n} không có; chỉ có lần đầu (1) hoặc lần hai (2)."),
                ));
                None
            }
            (false, _) => None,
        };
        let contested_on = match input.contested_on.as_deref().map(str::trim) {
            Some(text) if complaint && !text.is_empty() => {
                match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(d) if d <= before.received_on => Some(d),
                    _ => {
                        errors.push(FieldError::new(
                            "contested_on",
                            format!(
                                "Ngày nhận quyết định bị khiếu nại không hợp lệ hoặc sau ngày nhận đơn ({}).",
                                before.received_on.format("%d/%m/%Y")
                            ),
                        ));
                        None
                    }
                }
            }
            _ => None,
        };
        let respondent_name = input
            .respondent_name
            .as_deref()
            .map(clean)
            .filter(|n| !n.is_empty());
        if respondent_name
            .as_ref()
            .is_some_and(|n| n.chars().count() > 300)
        {
            errors.push(FieldError::new(
                "respondent_name",
                "Tên người hoặc cơ quan bị khiếu nại, tố cáo dài quá 300 ký tự.",
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let decision_kind = input
            .decision_kind
            .filter(|k| complaint && *k != DecisionKind::Administrative);
        let oral = input.oral && before.kind == PetitionKind::Denunciation;
        let rules = &self.rules;
        let id = input.petition_id;
        self.store.write(|tx| -> Result<()> {
            let old: serde_json::Value = tx.query_row(
                "SELECT json_object('respondent_role', respondent_role, 'respondent_name', respondent_name,
                        'instance', instance, 'contested_on', contested_on,
                        'decision_kind', decision_kind, 'oral', oral)
                   FROM petitions WHERE id = ?1",
                [id],
                |r| Ok(serde_json::from_str(&r.get::<_, String>(0)?).unwrap_or_default()),
            )?;
            tx.execute(
                "UPDATE petitions SET respondent_role = ?2, respondent_name = ?3, instance = ?4,
                        contested_on = ?5, decision_kind = ?6, oral = ?7
                  WHERE id = ?1",
                params![
                    id,
                    input.respondent_role.map(name),
                    respondent_name,
                    instance,
                    contested_on.map(|d| d.to_string()),
                    decision_kind.map(name),
                    oral
                ],
            )?;
            let new = serde_json::json!({
                "respondent_role": input.respondent_role.map(name),
                "respondent_name": respondent_name,
                "instance": instance,
                "contested_on": contested_on.map(|d| d.to_string()),
                "decision_kind": decision_kind.map(name),
                "oral": oral,
            });
            audit::append(
                tx,
                ctx,
                "petition.facts",
                "petition",
                &[id],
                Some(serde_json::json!({ "before": old, "after": new })),
            )?;
            super::deadlines::refresh_petitions(tx, rules, &[id], ctx.now.date())?;
            Ok(())
        })
    }
}
