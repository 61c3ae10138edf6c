//! Recording a visit (lượt tiếp) with its citizens and petitions: one transaction, one
//! audit row, nothing half-written.

use chrono::Datelike;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use super::citizens::insert_citizen;
use super::{Desk, name};
use crate::domain::citizen::NewCitizen;
use crate::domain::visit::{CaseChoice, CitizenRef, DecisionKind, PetitionKind, VisitInput};
use crate::error::{Error, FieldError, Result};
use crate::store::audit::{self, Ctx};
use crate::text::fold;

/// The name of the intake form's draft.
pub const INTAKE_DRAFT: &str = "intake";

/// What a recorded visit created or reused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecordedVisit {
    #[ts(type = "number")]
    pub visit_id: i64,
    #[ts(type = "number")]
    pub case_id: i64,
    /// In the order of the input's citizens.
    #[ts(type = "Array<number>")]
    pub citizen_ids: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub petition_ids: Vec<i64>,
    /// A repeat visit: the case existed before.
    pub repeat: bool,
}

enum Who {
    Existing(i64),
    New(Box<NewCitizen>),
}

impl Desk {
    /// Records a visit: registers the citizens typed now, opens or reuses the case, stores
    /// the visit and each petition with its papers. All checks first, then one transaction.
    pub fn record_visit(&mut self, ctx: &Ctx, input: &VisitInput) -> Result<RecordedVisit> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let mut errors = Vec::new();
        let checked = input.validate(ctx.now);
        if let Err(e) = &checked {
            errors.extend(e.iter().cloned());
        }
        let mut who = Vec::new();
        for (i, c) in input.citizens.iter().enumerate() {
            match c {
                CitizenRef::Existing(id) => {
                    // A person known only as a denouncer is offered by no look-up: chosen
                    // by number, they are "not in the register" to anyone without the right.
                    let hidden = !ctx.roles.may(crate::domain::access::Permission::SeeDenouncer)
                        && self.store.conn().query_row(
                            "SELECT EXISTS (SELECT 1 FROM citizens WHERE id = ?1 AND denouncer_only = 1)",
                            [id],
                            |r| r.get::<_, bool>(0),
                        )?;
                    if hidden || !self.exists("citizens", *id)? {
                        errors.push(FieldError::new(
                            &format!("citizens.{i}"),
                            format!(
                                "Công dân thứ {} không còn trong sổ; hãy tìm và chọn lại.",
                                i + 1
                            ),
                        ));
                    }
                    who.push(Who::Existing(*id));
                }
                CitizenRef::New(typed) => {
                    match typed.validate(&self.rules.identity, ctx.now.year()) {
                        Ok(new) => {
                            if let Some(number) = &new.id_number
                                && let Some(existing) = self.citizen_by_id_number(number)?
                            {
                                errors.push(FieldError::new(
                                &format!("citizens.{i}.id_number"),
                                format!(
                                    "Công dân thứ {}: số giấy tờ {number} đã có trong sổ ({}, {}); hãy chọn công dân này.",
                                    i + 1,
                                    existing.full_name,
                                    existing.address
                                ),
                            ));
                            }
                            who.push(Who::New(Box::new(new)));
                        }
                        Err(e) => errors.extend(e.into_iter().map(|f| FieldError {
                            field: format!("citizens.{i}.{}", f.field),
                            message_vi: format!("Công dân thứ {}: {}", i + 1, f.message_vi),
                        })),
                    }
                }
            }
        }
        if let CaseChoice::Existing(case_id) = input.case
            && !self.exists("cases", case_id)?
        {
            errors.push(FieldError::new(
                "case",
                "Vụ việc đã chọn không còn trong sổ; hãy chọn lại.",
            ));
        }
        let visit = match checked {
            Ok(v) if errors.is_empty() => v,
            _ => return Err(Error::Invalid(errors)),
        };

        // Sealing needs only the office's public key; a holder's session may open a seal
        // (a denouncer now known to the office otherwise has their record unsealed).
        let public = self.denouncer_public(ctx)?;
        let secret = self.denouncer_secret(ctx)?;
        let rules = &self.rules;
        let mut typed = Vec::new();
        let recorded = self.store.write(|tx| -> Result<RecordedVisit> {
            let stamp = ctx.stamp();
            // People who came only to denounce are kept out of search and redacted exports.
            let only_denunciations = !visit.petitions.is_empty()
                && visit
                    .petitions
                    .iter()
                    .all(|p| p.kind == PetitionKind::Denunciation);
            let mut citizen_ids = Vec::new();
            for w in &who {
                citizen_ids.push(match w {
                    Who::Existing(id) => {
                        if !only_denunciations {
                            tx.execute(
                                "UPDATE citizens SET denouncer_only = 0
                                 WHERE id = ?1 AND denouncer_only = 1",
                                [id],
                            )?;
                            super::denouncer::settle_citizen(tx, &public, secret.as_ref(), *id)?;
                        }
                        *id
                    }
                    Who::New(c) => {
                        let id = insert_citizen(tx, ctx, c, only_denunciations)?;
                        if only_denunciations {
                            typed.push((id, super::denouncer::seal_citizen(tx, &public, id)?));
                        }
                        id
                    }
                });
            }
            let (case_id, repeat) = match input.case {
                CaseChoice::Existing(id) => (id, true),
                CaseChoice::New => {
                    // Named after its first petition — not a denunciation, which has a case
                    // of its own when other petitions come with it.
                    let title: String = visit
                        .petitions
                        .iter()
                        .find(|p| only_denunciations || p.kind != PetitionKind::Denunciation)
                        .map(|p| p.summary.as_str())
                        .unwrap_or(&visit.summary)
                        .chars()
                        .take(200)
                        .collect();
                    tx.execute(
                        "INSERT INTO cases (title, opened_on, created_at) VALUES (?1, ?2, ?3)",
                        params![title, visit.at.date().to_string(), stamp],
                    )?;
                    (tx.last_insert_rowid(), false)
                }
            };
            // A denunciation handed in with other petitions is a matter of its own: its case
            // is kept apart, so the other matter's case stays open to the desk (a repeat
            // visit is joined to it) and never points at the denouncer.
            let mixed = visit
                .petitions
                .iter()
                .any(|p| p.kind == PetitionKind::Denunciation)
                && !only_denunciations;
            let denunciation_case = if mixed {
                let title: String = visit
                    .petitions
                    .iter()
                    .find(|p| p.kind == PetitionKind::Denunciation)
                    .map(|p| p.summary.chars().take(200).collect())
                    .unwrap_or_default();
                tx.execute(
                    "INSERT INTO cases (title, opened_on, created_at) VALUES (?1, ?2, ?3)",
                    params![title, visit.at.date().to_string(), stamp],
                )?;
                Some(tx.last_insert_rowid())
            } else {
                None
            };
            tx.execute(
                "INSERT INTO visits (case_id, at, reception, received_by, people, repeat, summary,
                                     summary_fold, outcome, created_at, officer_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    case_id,
                    visit.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    name(input.reception),
                    name(input.received_by),
                    input.people,
                    repeat,
                    visit.summary,
                    fold(&visit.summary),
                    visit.outcome,
                    stamp,
                    ctx.officer_id
                ],
            )?;
            let visit_id = tx.last_insert_rowid();
            for (pos, id) in citizen_ids.iter().enumerate() {
                tx.execute(
                    "INSERT INTO visit_citizens (visit_id, citizen_id, position, representative)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![visit_id, id, pos, visit.representatives.contains(&pos)],
                )?;
            }
            let mut petition_ids = Vec::new();
            for p in &visit.petitions {
                tx.execute(
                    "INSERT INTO petitions (case_id, visit_id, received_on, channel, kind, field,
                         anonymous, signatories, respondent_role, respondent_name, instance,
                         contested_on, summary, summary_fold, created_at, decision_kind, oral)
                     VALUES (?1, ?2, ?3, 'in_person', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                             ?15, ?16)",
                    params![
                        match (p.kind, denunciation_case) {
                            (PetitionKind::Denunciation, Some(c)) => c,
                            _ => case_id,
                        },
                        visit_id,
                        visit.at.date().to_string(),
                        name(p.kind),
                        name(p.field),
                        p.anonymous,
                        if p.anonymous { 0 } else { citizen_ids.len() },
                        p.respondent_role.map(name),
                        p.respondent_name,
                        p.instance,
                        p.contested_on.map(|d| d.to_string()),
                        p.summary,
                        p.summary_fold,
                        stamp,
                        (p.decision_kind != DecisionKind::Administrative)
                            .then(|| name(p.decision_kind)),
                        p.oral
                    ],
                )?;
                let petition_id = tx.last_insert_rowid();
                if !p.anonymous {
                    // A denouncer's identity is stored apart from the petition.
                    if p.kind == PetitionKind::Denunciation {
                        super::denouncer::link(tx, petition_id, &citizen_ids)?;
                    } else {
                        for (pos, id) in citizen_ids.iter().enumerate() {
                            tx.execute(
                                "INSERT INTO petition_citizens (petition_id, citizen_id, position)
                                 VALUES (?1, ?2, ?3)",
                                params![petition_id, id, pos],
                            )?;
                        }
                    }
                }
                for paper in &p.papers {
                    insert_paper(
                        tx,
                        petition_id,
                        &paper.title,
                        paper.original,
                        paper.certified,
                        paper.pages,
                    )?;
                }
                petition_ids.push(petition_id);
            }
            let detail = serde_json::json!({
                "case": case_id, "repeat": repeat, "citizens": citizen_ids, "petitions": petition_ids,
            });
            audit::append(tx, ctx, "visit.record", "visit", &[visit_id], Some(detail))?;
            if !petition_ids.is_empty() {
                super::deadlines::refresh_petitions(tx, rules, &petition_ids, ctx.now.date())?;
            }
            // The draft this visit was typed in is now a record.
            tx.execute(
                "DELETE FROM drafts WHERE form = ?1",
                [super::drafts::draft_key(ctx, INTAKE_DRAFT)],
            )?;
            Ok(RecordedVisit { visit_id, case_id, citizen_ids, petition_ids, repeat })
        })?;
        // The desk's first print names the people it just received, from what was typed.
        self.keys.typed.extend(typed);
        Ok(recorded)
    }

    fn exists(&self, table: &str, id: i64) -> Result<bool> {
        let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
        Ok(self
            .store
            .conn()
            .query_row(&sql, [id], |_| Ok(()))
            .optional()?
            .is_some())
    }
}

/// Writes a paper handed in with a petition; only a copy can be a certified copy.
pub(super) fn insert_paper(
    tx: &rusqlite::Connection,
    petition_id: i64,
    title: &str,
    original: bool,
    certified: bool,
    pages: Option<u32>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO petition_papers (petition_id, title, original, pages, certified)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![petition_id, title, original, pages, certified && !original],
    )?;
    Ok(())
}
