//! Handling a petition (xử lý đơn): the app's routing proposal from the stored facts, and
//! the officer's decision recorded as a `handled` event. A decision other than the
//! proposal needs a reason; both are audited.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, from_name};
use crate::domain::routing::{Action, PendingTransfer, Proposal, RoutingFacts, propose};
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

/// The officer's decision on a petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HandleInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    /// `YYYY-MM-DD`.
    pub on: String,
    pub action: Action,
    /// The body transferred, returned or reminded to.
    #[ts(type = "number | null")]
    pub to_agency: Option<i64>,
    /// Why the decision differs from the proposal (required then).
    pub reason: Option<String>,
    /// What the letter lists: for a petition with several contents, one line per content
    /// and the body competent for it.
    #[serde(default)]
    pub note: Option<String>,
    /// Action accept: the day of acceptance (thụ lý), `YYYY-MM-DD`, when it is decided with
    /// the handling — one entry meets both deadlines; absent = accepted later (casework).
    #[serde(default)]
    pub accepted_on: Option<String>,
}

fn bad(i: usize, e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(crate::desk::days::day)
}

impl Desk {
    /// The facts routing looks at, read from the petition and its case.
    pub fn routing_facts(&self, petition_id: i64) -> Result<RoutingFacts> {
        self.signed_in()?;
        let conn = self.store.conn();
        let facts = conn
            .query_row(
                "SELECT p.kind, p.respondent_role, p.instance, p.received_on, p.contested_on,
                        p.anonymous, p.specific, p.court_accepted, p.second_instance_on,
                        p.signatories, a.name, p.several_contents, p.case_id,
                        p.field, p.decision_kind, p.oral
                 FROM petitions p LEFT JOIN agencies a ON a.id = p.forwarded_by
                 WHERE p.id = ?1",
                [petition_id],
                |r| {
                    let role: Option<String> = r.get(1)?;
                    Ok((
                        RoutingFacts {
                            kind: r.get::<_, crate::store::value::Named<_>>(0)?.0,
                            field: r.get::<_, crate::store::value::Named<_>>(13)?.0,
                            decision_kind: r
                                .get::<_, Option<String>>(14)?
                                .map(|x| from_name(&x).map_err(|e| bad(14, e)))
                                .transpose()?
                                .unwrap_or_default(),
                            oral: r.get(15)?,
                            respondent: role
                                .map(|x| from_name(&x).map_err(|e| bad(1, e)))
                                .transpose()?,
                            instance: r.get(2)?,
                            received_on: date(r.get(3)?).unwrap_or_default(),
                            contested_on: date(r.get(4)?),
                            anonymous: r.get(5)?,
                            specific: r.get(6)?,
                            court_accepted: r.get(7)?,
                            second_instance_on: date(r.get(8)?),
                            signatories: r.get(9)?,
                            forwarded_by: r.get(10)?,
                            several_contents: r.get(11)?,
                            pending_transfer: None,
                            remote_area: false,
                        },
                        r.get::<_, Option<i64>>(12)?,
                    ))
                },
            )
            .optional()?;
        let Some((mut facts, case_id)) = facts else {
            return Err(Error::Invalid(vec![FieldError::new(
                "petition",
                format!("Không có đơn số {petition_id} trong sổ."),
            )]));
        };
        facts.remote_area = conn
            .query_row("SELECT remote_area FROM office WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(false);
        // The same case sent to another body earlier, with no reply since.
        facts.pending_transfer = conn
            .query_row(
                "SELECT coalesce(a.name, ''), e.on_date FROM events e
                   JOIN petitions p ON p.id = e.petition_id
                   LEFT JOIN agencies a ON a.id = e.to_agency
                  WHERE p.case_id = ?1 AND p.id <> ?2 AND e.kind = 'handled' AND e.action = 'transfer'
                    AND NOT EXISTS (SELECT 1 FROM events r WHERE r.petition_id = e.petition_id
                                    AND r.kind = 'reply_received' AND r.on_date >= e.on_date)
                  ORDER BY e.on_date DESC LIMIT 1",
                params![case_id, petition_id],
                |r| Ok(PendingTransfer { to: r.get(0)?, on: date(r.get(1)?).unwrap_or_default() }),
            )
            .optional()?;
        Ok(facts)
    }

    /// The app's proposal for the petition.
    pub fn propose_routing(&self, petition_id: i64) -> Result<Proposal> {
        self.signed_in()?;
        Ok(propose(
            &self.routing_facts(petition_id)?,
            &self.rules.routing,
            &self.working_calendar()?,
        ))
    }

    /// Records the officer's decision as a `handled` event; returns the event's id.
    pub fn handle_petition(&mut self, ctx: &Ctx, input: &HandleInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let facts = self.routing_facts(input.petition_id)?;
        let proposal = propose(&facts, &self.rules.routing, &self.working_calendar()?);
        let mut errors = Vec::new();
        let on = crate::desk::petition_day(
            &mut errors,
            "Ngày xử lý",
            &input.on,
            ctx.now.date(),
            facts.received_on,
        );
        if input.action == Action::Review {
            errors.push(FieldError::new(
                "action",
                "Hãy chọn một hướng xử lý cụ thể.",
            ));
        }
        let needs_body = matches!(
            input.action,
            Action::Transfer | Action::Remind | Action::Return
        );
        if needs_body && input.to_agency.is_none() {
            errors.push(FieldError::new(
                "to_agency",
                "Chưa chọn cơ quan nhận (chuyển đơn, đôn đốc hoặc trả lại đơn cần ghi cơ quan).",
            ));
        }
        if let Some(id) = input.to_agency {
            let known: Option<i64> = self
                .store
                .conn()
                .query_row("SELECT id FROM agencies WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if known.is_none() {
                errors.push(FieldError::new(
                    "to_agency",
                    "Cơ quan đã chọn không có trong danh mục.",
                ));
            }
        }
        let reason = input.reason.as_deref().map(clean).unwrap_or_default();
        let note = input
            .note
            .as_deref()
            .map(crate::text::clean_block)
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        if note.as_ref().is_some_and(|n| n.chars().count() > 4000) {
            errors.push(FieldError::new("note", "Ghi chú dài quá 4.000 ký tự."));
        }
        if input.action == Action::Guide && facts.several_contents && note.is_none() {
            errors.push(FieldError::new(
                "note",
                "Đơn có nhiều nội dung thuộc thẩm quyền của nhiều cơ quan: hãy ghi từng nội dung và cơ quan có thẩm quyền giải quyết nội dung đó (mỗi dòng một nội dung) để văn bản hướng dẫn nêu đủ.",
            ));
        }
        let overridden = input.action != proposal.action;
        if overridden && reason.is_empty() {
            errors.push(FieldError::new(
                "reason",
                "Hướng xử lý khác với đề xuất của phần mềm: hãy ghi lý do.",
            ));
        }
        let accepted_on = match (input.action, input.accepted_on.as_deref()) {
            (Action::Accept, Some(text)) if !text.trim().is_empty() => {
                let day = crate::desk::petition_day(
                    &mut errors,
                    "Ngày thụ lý",
                    text,
                    ctx.now.date(),
                    facts.received_on,
                );
                if let (Some(a), Some(h)) = (day, on)
                    && a < h
                {
                    errors.push(FieldError::new(
                        "accepted_on",
                        "Ngày thụ lý không được trước ngày xử lý đơn.",
                    ));
                }
                let already: Option<String> = self
                    .store
                    .conn()
                    .query_row(
                        "SELECT on_date FROM events WHERE petition_id = ?1 AND kind = 'accepted' LIMIT 1",
                        [input.petition_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(d) = already {
                    errors.push(FieldError::new(
                        "accepted_on",
                        format!(
                            "Đơn đã được thụ lý ngày {}.",
                            date(Some(d))
                                .map_or(String::new(), |d| d.format("%d/%m/%Y").to_string())
                        ),
                    ));
                }
                day
            }
            _ => None,
        };
        let Some(on) = on.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let rules = &self.rules;
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO events (petition_id, on_date, kind, action, to_agency, reason, note, created_at)
                 VALUES (?1, ?2, 'handled', ?3, ?4, ?5, ?6, ?7)",
                params![
                    input.petition_id,
                    on.to_string(),
                    crate::store::value::Named(input.action),
                    input.to_agency,
                    (!reason.is_empty()).then_some(&reason),
                    note,
                    ctx.stamp()
                ],
            )?;
            let id = tx.last_insert_rowid();
            if let Some(a) = accepted_on {
                tx.execute(
                    "INSERT INTO events (petition_id, on_date, kind, created_at)
                     VALUES (?1, ?2, 'accepted', ?3)",
                    params![input.petition_id, a.to_string(), ctx.stamp()],
                )?;
            }
            let detail = serde_json::json!({
                "proposal": proposal, "decision": input.action, "overridden": overridden,
                "reason": reason, "to_agency": input.to_agency, "note": note,
                "accepted_on": accepted_on.map(|a| a.to_string()),
            });
            audit::append(tx, ctx, "petition.handle", "petition", &[input.petition_id], Some(detail))?;
            crate::desk::deadlines::refresh_petitions(tx, rules, &[input.petition_id], ctx.now.date())?;
            Ok(id)
        })
    }
}

/// A decision already recorded on a petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Handled {
    pub on: String,
    pub action: Action,
    pub to: Option<String>,
    pub reason: Option<String>,
}

/// A petition as the handling panel shows it (never its denouncers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PetitionView {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: crate::domain::visit::PetitionKind,
    pub summary: String,
    pub received_on: String,
    pub respondent_role: Option<crate::domain::agency::AgencyRole>,
    pub respondent_name: Option<String>,
    /// Several matters for several bodies (set by the officer).
    pub several_contents: bool,
    /// The sub-field the officer named (lĩnh vực chi tiết).
    pub subfield: Option<String>,
    /// How many signed the petition (0: no signature).
    pub signatories: u32,
    /// The locality the first petitioner's address names (never a denouncer's).
    pub locality: Option<String>,
    /// Crowd, long-running, complex, over-the-level.
    pub flags: Vec<crate::domain::flags::Flag>,
    /// The officer responsible for the petition's case.
    #[ts(type = "number | null")]
    pub owner_id: Option<i64>,
    /// The leader responsible for it.
    #[ts(type = "number | null")]
    pub leader_id: Option<i64>,
    /// Complaints: 1 or 2.
    pub instance: Option<u8>,
    /// Complaints: when the contested decision was received, `YYYY-MM-DD`.
    pub contested_on: Option<String>,
    pub decision_kind: Option<crate::domain::visit::DecisionKind>,
    /// Denunciations presented orally in person.
    pub oral: bool,
    pub field: crate::domain::visit::Field,
    /// Vụ việc phức tạp (the longer periods).
    pub complex: bool,
    /// Handed in at a visit (its day is the visit's).
    pub at_visit: bool,
    pub anonymous: bool,
    /// An anonymous denunciation that names the wrongdoer and brings what to check.
    pub specific: bool,
    /// A complaint a court has accepted or decided.
    pub court_accepted: bool,
    pub proposal: Proposal,
    pub handled: Vec<Handled>,
}

impl Desk {
    /// The petition with the app's proposal, its flags as of `today` and the decisions
    /// recorded so far.
    pub fn petition_view(
        &self,
        petition_id: i64,
        today: chrono::NaiveDate,
    ) -> Result<PetitionView> {
        self.signed_in()?;
        let proposal = self.propose_routing(petition_id)?;
        let conn = self.store.conn();
        let mut view = conn.query_row(
            "SELECT p.kind, p.summary, p.received_on, p.respondent_role, p.respondent_name,
                    p.several_contents, c.owner_id, c.leader_id, p.instance, p.contested_on,
                    p.decision_kind, p.oral, p.field, p.complex, p.visit_id IS NOT NULL,
                    p.anonymous, p.specific, p.court_accepted, p.subfield, p.signatories,
                    (SELECT ct.address FROM petition_citizens pc JOIN citizens ct ON ct.id = pc.citizen_id
                      WHERE pc.petition_id = p.id ORDER BY pc.position LIMIT 1)
             FROM petitions p LEFT JOIN cases c ON c.id = p.case_id WHERE p.id = ?1",
            [petition_id],
            |r| {
                let kind: String = r.get(0)?;
                let role: Option<String> = r.get(3)?;
                Ok(PetitionView {
                    id: petition_id,
                    kind: from_name(&kind).map_err(|e| bad(0, e))?,
                    summary: r.get(1)?,
                    received_on: r.get(2)?,
                    respondent_role: role
                        .map(|x| from_name(&x).map_err(|e| bad(3, e)))
                        .transpose()?,
                    respondent_name: r.get(4)?,
                    several_contents: r.get(5)?,
                    subfield: r.get(18)?,
                    signatories: r.get(19)?,
                    locality: r
                        .get::<_, Option<String>>(20)?
                        .as_deref()
                        .and_then(crate::domain::hotspot::locality_of),
                    flags: Vec::new(),
                    owner_id: r.get(6)?,
                    leader_id: r.get(7)?,
                    instance: r.get(8)?,
                    contested_on: r.get(9)?,
                    decision_kind: r
                        .get::<_, Option<String>>(10)?
                        .map(|x| from_name(&x).map_err(|e| bad(10, e)))
                        .transpose()?,
                    oral: r.get(11)?,
                    field: r.get::<_, crate::store::value::Named<_>>(12)?.0,
                    complex: r.get(13)?,
                    at_visit: r.get(14)?,
                    anonymous: r.get(15)?,
                    specific: r.get(16)?,
                    court_accepted: r.get(17)?,
                    proposal,
                    handled: Vec::new(),
                })
            },
        )?;
        let mut stmt = conn.prepare(
            "SELECT e.on_date, e.action, a.name, e.reason FROM events e
               LEFT JOIN agencies a ON a.id = e.to_agency
              WHERE e.petition_id = ?1 AND e.kind = 'handled' ORDER BY e.on_date, e.id",
        )?;
        view.handled = stmt
            .query_map([petition_id], |r| {
                let action: Option<String> = r.get(1)?;
                Ok(Handled {
                    on: r.get(0)?,
                    action: from_name(action.as_deref().unwrap_or("accept"))
                        .map_err(|e| bad(1, e))?,
                    to: r.get(2)?,
                    reason: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        view.flags = self.flags_of(petition_id, today)?;
        Ok(view)
    }
}

impl Desk {
    /// Marks whether the petition raises several matters for several bodies (the proposal
    /// becomes "guide the citizen to split it"); audited.
    pub fn set_several_contents(
        &mut self,
        ctx: &Ctx,
        petition_id: i64,
        several: bool,
    ) -> Result<()> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        self.routing_facts(petition_id)?;
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE petitions SET several_contents = ?2 WHERE id = ?1",
                params![petition_id, several],
            )?;
            audit::append(
                tx,
                ctx,
                "petition.several_contents",
                "petition",
                &[petition_id],
                Some(serde_json::json!({ "several_contents": several })),
            )?;
            Ok(())
        })
    }
}
