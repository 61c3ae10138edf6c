//! Recording a visit (lượt tiếp) with its citizens and petitions: one transaction, one
//! audit row, nothing half-written.

use chrono::Datelike;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::citizens::insert_citizen;
use crate::desk::{Desk, name};
use crate::domain::citizen::NewCitizen;
use crate::domain::visit::{
    CaseChoice, CitizenRef, DecisionKind, NewPetition, PetitionKind, VisitInput,
};
use crate::error::{Error, FieldError, Result};
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

pub(in crate::desk) enum Who {
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
        let who = self.resolve_citizens(ctx, &input.citizens, &mut errors)?;
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
            let only_denunciations = only_denunciations(&visit.petitions);
            let citizen_ids = store_citizens(
                tx,
                ctx,
                &who,
                only_denunciations,
                (&public, secret.as_ref()),
                &mut typed,
            )?;
            let (case_id, repeat) = match input.case {
                CaseChoice::Existing(id) => (id, true),
                CaseChoice::New => (
                    open_case(tx, &stamp, &visit.petitions, &visit.summary, visit.at.date())?,
                    false,
                ),
            };
            let denunciation_case =
                denunciation_case(tx, &stamp, &visit.petitions, visit.at.date())?;
            tx.execute(
                "INSERT INTO visits (case_id, at, reception, received_by, people, repeat, summary,
                                     summary_fold, outcome, created_at, officer_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    case_id,
                    crate::store::value::Stamp(visit.at),
                    crate::store::value::Named(input.reception),
                    crate::store::value::Named(input.received_by),
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
            let petition_ids = insert_petitions(
                tx,
                &stamp,
                &visit.petitions,
                Placed {
                    case_id,
                    denunciation_case,
                    visit_id: Some(visit_id),
                    received_on: visit.at.date(),
                    source: Source::InPerson,
                },
                &citizen_ids,
            )?;
            let detail = serde_json::json!({
                "case": case_id, "repeat": repeat, "citizens": citizen_ids, "petitions": petition_ids,
            });
            audit::append(tx, ctx, "visit.record", "visit", &[visit_id], Some(detail))?;
            if !petition_ids.is_empty() {
                crate::desk::deadlines::refresh_petitions(tx, rules, &petition_ids, ctx.now.date())?;
            }
            // The draft this visit was typed in is now a record.
            tx.execute(
                "DELETE FROM drafts WHERE form = ?1",
                [crate::desk::drafts::draft_key(ctx, INTAKE_DRAFT)],
            )?;
            Ok(RecordedVisit { visit_id, case_id, citizen_ids, petition_ids, repeat })
        })?;
        // The desk's first print names the people it just received, from what was typed.
        self.keys.typed.extend(typed);
        Ok(recorded)
    }

    /// The citizens of a visit or a received petition: each chosen one still on the
    /// register (and not hidden as a denouncer), each typed one valid and not already
    /// registered under its number. Problems go to `errors`.
    pub(in crate::desk) fn resolve_citizens(
        &self,
        ctx: &Ctx,
        citizens: &[CitizenRef],
        errors: &mut Vec<FieldError>,
    ) -> Result<Vec<Who>> {
        let mut who = Vec::new();
        for (i, c) in citizens.iter().enumerate() {
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
        Ok(who)
    }

    /// Whether row `id` of `table` is there (a record chosen on a form may have gone).
    pub(in crate::desk) fn exists(&self, table: &str, id: i64) -> Result<bool> {
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
pub(in crate::desk) fn insert_paper(
    tx: &rusqlite::Connection,
    petition_id: i64,
    title: &str,
    original: bool,
    certified: bool,
    pages: Option<u32>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO petition_papers (petition_id, title, original, pages, certified)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        petition_id,
        title,
        original,
        pages,
        certified && !original
    ])?;
    Ok(())
}

/// Whether every petition is a denunciation: the people are then known only as denouncers
/// (kept out of search and redacted exports, their identity sealed).
pub(in crate::desk) fn only_denunciations(petitions: &[NewPetition]) -> bool {
    !petitions.is_empty()
        && petitions
            .iter()
            .all(|p| p.kind == PetitionKind::Denunciation)
}

/// Registers the people typed now and settles those chosen: a denouncer's new record is
/// sealed (what was typed is kept in `typed` for the desk's first print); one known only
/// as a denouncer who now comes about something else is unsealed (`keys.1`, a holder's).
pub(in crate::desk) fn store_citizens(
    tx: &rusqlite::Connection,
    ctx: &Ctx,
    who: &[Who],
    only_denunciations: bool,
    keys: (&crypto_box::PublicKey, Option<&crypto_box::SecretKey>),
    typed: &mut Vec<(i64, crate::desk::denouncer::Identity)>,
) -> Result<Vec<i64>> {
    let (public, secret) = keys;
    let mut ids = Vec::new();
    for w in who {
        ids.push(match w {
            Who::Existing(id) => {
                if !only_denunciations {
                    tx.execute(
                        "UPDATE citizens SET denouncer_only = 0 WHERE id = ?1 AND denouncer_only = 1",
                        [id],
                    )?;
                    crate::desk::denouncer::settle_citizen(tx, public, secret, *id)?;
                }
                *id
            }
            Who::New(c) => {
                let id = insert_citizen(tx, ctx, c, only_denunciations)?;
                if only_denunciations {
                    typed.push((id, crate::desk::denouncer::seal_citizen(tx, public, id)?));
                }
                id
            }
        });
    }
    Ok(ids)
}

/// Opens a new case named after its first petition — not a denunciation, which has a case
/// of its own when other petitions come with it — or after `fallback`.
pub(in crate::desk) fn open_case(
    tx: &rusqlite::Connection,
    stamp: &str,
    petitions: &[NewPetition],
    fallback: &str,
    opened_on: chrono::NaiveDate,
) -> Result<i64> {
    let only = only_denunciations(petitions);
    let title: String = petitions
        .iter()
        .find(|p| only || p.kind != PetitionKind::Denunciation)
        .map(|p| p.summary.as_str())
        .unwrap_or(fallback)
        .chars()
        .take(200)
        .collect();
    tx.execute(
        "INSERT INTO cases (title, opened_on, created_at) VALUES (?1, ?2, ?3)",
        params![title, opened_on.to_string(), stamp],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A denunciation handed in with other petitions is a matter of its own: its case is kept
/// apart, so the other matter's case stays open to the desk (a repeat visit is joined to
/// it) and never points at the denouncer. `None` when there is no such mix.
pub(in crate::desk) fn denunciation_case(
    tx: &rusqlite::Connection,
    stamp: &str,
    petitions: &[NewPetition],
    opened_on: chrono::NaiveDate,
) -> Result<Option<i64>> {
    let mixed = petitions
        .iter()
        .any(|p| p.kind == PetitionKind::Denunciation)
        && !only_denunciations(petitions);
    if !mixed {
        return Ok(None);
    }
    let title: String = petitions
        .iter()
        .find(|p| p.kind == PetitionKind::Denunciation)
        .map(|p| p.summary.chars().take(200).collect())
        .unwrap_or_default();
    tx.execute(
        "INSERT INTO cases (title, opened_on, created_at) VALUES (?1, ?2, ?3)",
        params![title, opened_on.to_string(), stamp],
    )?;
    Ok(Some(tx.last_insert_rowid()))
}

/// How the petitions reached the office.
pub(in crate::desk) enum Source<'a> {
    /// Handed in at a visit.
    InPerson,
    /// Not in person: by post, the letter box, forwarded (with the body and its letter) or
    /// online.
    Received {
        channel: crate::domain::mail::Channel,
        forwarded_by: Option<i64>,
        forwarded_doc: Option<&'a str>,
    },
}

/// Where new petitions go: their case (a denunciation's own case when there is one), the
/// visit they were handed in at, the day received and how.
pub(in crate::desk) struct Placed<'a> {
    pub case_id: i64,
    pub denunciation_case: Option<i64>,
    pub visit_id: Option<i64>,
    pub received_on: chrono::NaiveDate,
    pub source: Source<'a>,
}

/// Stores the petitions with their people (a denunciation's apart, with the owner of
/// denouncers) and papers; returns their ids.
pub(in crate::desk) fn insert_petitions(
    tx: &rusqlite::Connection,
    stamp: &str,
    petitions: &[NewPetition],
    placed: Placed<'_>,
    citizen_ids: &[i64],
) -> Result<Vec<i64>> {
    let (channel, forwarded_by, forwarded_doc) = match placed.source {
        Source::InPerson => ("in_person".to_owned(), None, None),
        Source::Received {
            channel,
            forwarded_by,
            forwarded_doc,
        } => (name(channel), forwarded_by, forwarded_doc),
    };
    let mut ids = Vec::new();
    for p in petitions {
        tx.execute(
            "INSERT INTO petitions (case_id, visit_id, received_on, channel, kind, field,
                 anonymous, signatories, respondent_role, respondent_name, instance,
                 contested_on, summary, summary_fold, created_at, decision_kind, oral,
                 forwarded_by, forwarded_doc, subfield)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20)",
            params![
                match (p.kind, placed.denunciation_case) {
                    (PetitionKind::Denunciation, Some(c)) => c,
                    _ => placed.case_id,
                },
                placed.visit_id,
                placed.received_on.to_string(),
                channel,
                crate::store::value::Named(p.kind),
                crate::store::value::Named(p.field),
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
                    .then_some(crate::store::value::Named(p.decision_kind)),
                p.oral,
                forwarded_by,
                forwarded_doc,
                p.subfield
            ],
        )?;
        let petition_id = tx.last_insert_rowid();
        if !p.anonymous {
            // A denouncer's identity is stored apart from the petition.
            if p.kind == PetitionKind::Denunciation {
                crate::desk::denouncer::link(tx, petition_id, citizen_ids)?;
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
        ids.push(petition_id);
    }
    Ok(ids)
}
