//! The document of a handling decision (ND 30/2020), numbered and stored like every issued
//! document: công văn chuyển đơn, hướng dẫn, trả lại đơn, đôn đốc; thông báo thụ lý and
//! không thụ lý. A transfer of a denunciation never names the denouncer: the identity is
//! read only for letters addressed to the denouncer.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use crate::audit::Ctx;
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::registers::kind_name;
use crate::desk::{Desk, from_name};
use crate::domain::routing::{Action, propose};
use crate::domain::visit::PetitionKind;
use crate::error::{Error, FieldError, Result};
use crate::print::letter::{Letter, render};

/// Who a letter goes to when it goes to the petitioner.
struct Person {
    name: String,
    address: String,
}

impl Desk {
    /// Prints the document of the petition's latest handling decision (the stored copy
    /// when it was issued before).
    pub fn print_decision(&mut self, ctx: &Ctx, petition_id: i64) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let conn = self.store.conn();
        let decision = conn
            .query_row(
                "SELECT e.action, e.on_date, a.name, e.reason, e.created_at, e.note FROM events e
                   LEFT JOIN agencies a ON a.id = e.to_agency
                  WHERE e.petition_id = ?1 AND e.kind = 'handled'
                  ORDER BY e.on_date DESC, e.id DESC LIMIT 1",
                [petition_id],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((action, on, to, officer_reason, decided_at, note)) = decision else {
            return Err(Error::Invalid(vec![FieldError::new(
                "petition",
                "Đơn chưa được xử lý: hãy ghi nhận hướng xử lý trước khi in văn bản.",
            )]));
        };
        let action: Action = from_name(action.as_deref().unwrap_or("accept"))
            .map_err(|e| Error::Invalid(vec![FieldError::new("action", e)]))?;
        let form = crate::desk::name(action);
        if action == Action::File || action == Action::Review {
            return Err(Error::Invalid(vec![FieldError::new(
                "action",
                "Lưu đơn không cần văn bản gửi đi.",
            )]));
        }
        // A letter addressed to a denouncer names them: the right, a view in the audit trail
        // and the MẬT mark, on the first print as on every reprint (checked before any copy
        // is written out).
        let to_denouncer = matches!(action, Action::Guide | Action::Decline | Action::Accept)
            && self.denunciations_of("petition", petition_id)? == [petition_id];
        if to_denouncer {
            self.log_denouncer_view(
                ctx,
                &format!("in {}", crate::desk::form_title(&form)),
                "petition",
                &[petition_id],
                &[petition_id],
            )?;
        }
        let opener = if to_denouncer {
            Some(self.require_denouncer_secret(ctx)?)
        } else {
            None
        };
        let conn = self.store.conn();
        // The stored copy only when it was issued for this decision, not an earlier one.
        if let Some(doc) = self.stored(ctx, "petition_id", petition_id, &form, Some(&decided_at))? {
            return Ok(doc);
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let view = self.petition_view(petition_id, ctx.now.date())?;
        let facts = self.routing_facts(petition_id)?;
        let proposal = propose(&facts, &self.rules.routing, &self.working_calendar()?);
        let (basis, reason) = if proposal.action == action {
            (proposal.basis.clone(), proposal.reason.clone())
        } else {
            (
                "Thông tư 05/2021/TT-TTCP".to_owned(),
                officer_reason.unwrap_or_default(),
            )
        };
        // The competent body, whatever the action (for a return it is not the addressee).
        let competent = facts
            .respondent
            .and_then(|role| {
                self.rules.routing.find(
                    facts.kind,
                    facts.instance,
                    role,
                    facts.field,
                    facts.received_on,
                )
            })
            .map(|r| r.authority.clone())
            .unwrap_or_else(|| proposal.authority.clone());
        // Accepting: the article on acceptance (the rule of the acceptance or check
        // deadline in force, e.g. Luật Khiếu nại Điều 27) and the competence basis; the
        // competent person as the table names it, else the office's chair.
        let acceptance_basis = {
            let deadlines = self.deadlines(petition_id, ctx.now.date())?;
            let rule = deadlines
                .deadlines
                .iter()
                .find(|d| {
                    matches!(
                        d.name,
                        crate::rules::deadlines::DeadlineName::Accept
                            | crate::rules::deadlines::DeadlineName::Check
                    )
                })
                .map(|d| d.basis.clone());
            let competence = (proposal.action == Action::Accept).then(|| proposal.basis.clone());
            match (rule, competence) {
                (Some(r), Some(c)) => format!("{r}; {c}"),
                (Some(r), None) => r,
                (None, Some(c)) => c,
                (None, None) => basis.clone(),
            }
        };
        let accepting = if competent.trim().is_empty() {
            format!("Chủ tịch {}", office.name)
        } else {
            competent.clone()
        };
        let case_id: Option<i64> = conn.query_row(
            "SELECT case_id FROM petitions WHERE id = ?1",
            [petition_id],
            |r| r.get(0),
        )?;
        // Letters to the petitioner read who it is; a denouncer only for letters to them.
        let petitioner = if view.kind == PetitionKind::Denunciation {
            match to_denouncer {
                true => {
                    crate::desk::denouncer::first_addressee(conn, opener.as_ref(), petition_id)?
                        .map(|(name, address)| Person { name, address })
                }
                false => None,
            }
        } else {
            conn.query_row(
                "SELECT c.full_name, c.address FROM petition_citizens x
                   JOIN citizens c ON c.id = x.citizen_id
                  WHERE x.petition_id = ?1 ORDER BY x.position LIMIT 1",
                [petition_id],
                |r| {
                    Ok(Person {
                        name: r.get(0)?,
                        address: r.get(1)?,
                    })
                },
            )
            .optional()?
        };
        let on = NaiveDate::parse_from_str(&on, "%Y-%m-%d").unwrap_or(ctx.now.date());
        let rules = self.rules.documents.clone();
        let kind = kind_name(view.kind).to_lowercase();
        let received = NaiveDate::parse_from_str(&view.received_on, "%Y-%m-%d")
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|_| view.received_on.clone());
        let body = to.clone().unwrap_or_else(|| proposal.authority.clone());
        let letter = crate::domain::forms::decision_letter(&crate::domain::forms::DecisionLetter {
            action,
            kind: view.kind,
            kind_word: &kind,
            office: &office.name,
            received: &received,
            summary: &view.summary,
            petitioner: petitioner
                .as_ref()
                .map(|p| (p.name.as_str(), p.address.as_str())),
            body: &body,
            basis: &basis,
            competent: &competent,
            accepting: &accepting,
            acceptance_basis: &acceptance_basis,
            reason: &reason,
            accepted_on: on,
            several_contents: view.several_contents,
            note: note.as_deref(),
        });
        let crate::domain::forms::LetterText {
            heading,
            subject,
            recipients,
            paragraphs,
            copies_to,
        } = letter;
        let rule = match heading.as_ref().map(|h| h.0.as_str()) {
            Some("Hướng dẫn") => Some(rules.guidance.clone()),
            Some(_) => Some(rules.notice.clone()),
            None => None,
        };
        let owner = Owner {
            case_id,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: to_denouncer,
        };
        self.issue(ctx, &form, owner, |number| {
            let label = match &rule {
                Some(r) => rules.label(r, number),
                None => rules.letter_label(number),
            };
            let pdf = render(&Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: ctx.now.date(),
                heading,
                subject,
                to: recipients,
                paragraphs,
                authority: rules.authority(&form),
                signer: office.chair.clone(),
                copies_to,
                secret: to_denouncer,
            });
            (label, pdf)
        })
    }
}
