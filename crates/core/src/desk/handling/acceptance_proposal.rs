//! Phiếu đề xuất thụ lý: the officer proposes to the chair that a complaint or a
//! denunciation be accepted for resolution, with the app's reasons, the legal basis and the
//! acceptance deadline. Numbered in the office register; printed again unchanged until a
//! new handling decision is recorded. A denouncer is not named (the identity stays in the
//! case file).

use rusqlite::OptionalExtension;

use crate::audit::Ctx;
use crate::desk::Desk;
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::registers::kind_name;
use crate::domain::forms;
use crate::domain::visit::PetitionKind;
use crate::error::{Error, FieldError, Result};
use crate::print::proposal::{Proposal, render};
use crate::rules::deadlines::DeadlineName;

/// The stored form name.
pub const FORM: &str = "proposal";

impl Desk {
    /// Issues (or prints again) the proposal to accept petition `petition_id`.
    pub fn print_acceptance_proposal(
        &mut self,
        ctx: &Ctx,
        petition_id: i64,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let today = ctx.now.date();
        let view = self.petition_view(petition_id, today)?;
        if !matches!(
            view.kind,
            PetitionKind::Complaint | PetitionKind::Denunciation
        ) {
            return Err(Error::Invalid(vec![FieldError::new(
                "petition",
                "Phiếu đề xuất thụ lý chỉ dùng cho đơn khiếu nại hoặc tố cáo; đơn kiến nghị, phản ánh được xử lý, không thụ lý.",
            )]));
        }
        if let Some(h) = view.handled.last()
            && h.action != crate::domain::routing::Action::Accept
        {
            return Err(Error::Invalid(vec![FieldError::new(
                "petition",
                "Đơn đã có quyết định xử lý khác thụ lý; không lập phiếu đề xuất thụ lý.",
            )]));
        }
        if view.proposal.action == crate::domain::routing::Action::Review {
            return Err(Error::invalid(
                "petition",
                format!(
                    "Chưa đủ thông tin để đề xuất thụ lý: {} Hãy ghi ở mục \"Thông tin đơn\" rồi in lại.",
                    view.proposal.reason
                ),
            ));
        }
        let since = view.handled.last().map(|h| h.on.clone());
        if let Some(doc) = self.stored(ctx, "petition_id", petition_id, FORM, since.as_deref())? {
            return Ok(doc);
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let conn = self.store.conn();
        let case_id: Option<i64> = conn.query_row(
            "SELECT case_id FROM petitions WHERE id = ?1",
            [petition_id],
            |r| r.get(0),
        )?;
        let kind = kind_name(view.kind).to_lowercase();
        let petitioner: Option<(String, String)> = if view.kind == PetitionKind::Denunciation {
            None
        } else {
            conn.query_row(
                "SELECT c.full_name, c.address FROM petition_citizens x
                   JOIN citizens c ON c.id = x.citizen_id
                  WHERE x.petition_id = ?1 ORDER BY x.position LIMIT 1",
                [petition_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
        };
        let received = crate::desk::days::day(&view.received_on).ok_or_else(|| {
            Error::invalid(
                "received_on",
                format!("Ngày nhận đơn không hợp lệ: \"{}\".", view.received_on),
            )
        })?;
        let deadlines = self.deadlines(petition_id, today)?;
        let open = deadlines.deadlines.iter().find(|d| {
            matches!(d.name, DeadlineName::Accept | DeadlineName::Check) && d.met_on.is_none()
        });
        let paragraphs = forms::acceptance_proposal(&forms::AcceptanceProposal {
            office: &office.name,
            received_on: received,
            kind: view.kind,
            petitioner: petitioner.as_ref().map(|(n, a)| (n.as_str(), a.as_str())),
            summary: &view.summary,
            respondent: view.respondent_name.as_deref(),
            reason: &view.proposal.reason,
            basis: &view.proposal.basis,
            deadline: open.map(|d| (d.name.label_vi(), d.due)),
        });
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: false,
        };
        let officer = self.acting_officer_name(ctx)?;
        self.issue(ctx, FORM, owner, |number| {
            let label = rules.label(&rules.proposal, number);
            let pdf = render(&Proposal {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: today,
                kind,
                to: format!("Chủ tịch {}", office.name),
                paragraphs,
                chair: office.chair.clone(),
                officer: officer.clone(),
            });
            (label, pdf)
        })
    }
}
