//! The decision that starts verification, from the `accepted` event recorded on a
//! complaint (giao nhiệm vụ xác minh) or a denunciation (thụ lý giải quyết tố cáo và giao
//! nhiệm vụ xác minh). The verifier's report becomes a task due on its day, so a late
//! report shows on the dashboard. Numbered, stored and reprinted like every document.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Ctx;
use crate::desk::days::{day, dmy};
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::{Desk, from_name};
use crate::domain::forms;
use crate::domain::visit::PetitionKind;
use crate::error::{Error, FieldError, Result};
use crate::rules::deadlines::DeadlineName;
use crate::text::clean;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VerificationInput {
    /// The `accepted` event.
    #[ts(type = "number")]
    pub event_id: i64,
    /// Who verifies ("Công chức tư pháp - hộ tịch Lê Văn Tâm").
    pub verifier: String,
    /// By when they report, `YYYY-MM-DD`.
    pub report_by: String,
}

impl Desk {
    /// Issues (or prints again) the decision starting the verification of an accepted
    /// complaint or denunciation.
    pub fn print_verification_decision(
        &mut self,
        ctx: &Ctx,
        input: &VerificationInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let conn = self.store.conn();
        type Row = (
            i64,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            String,
        );
        let row: Option<Row> = conn
            .query_row(
                "SELECT e.petition_id, e.kind, e.on_date, e.created_at, p.kind, p.summary,
                        p.respondent_name, p.received_on
                   FROM events e JOIN petitions p ON p.id = e.petition_id WHERE e.id = ?1",
                [input.event_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                },
            )
            .optional()?;
        let Some((petition_id, kind, on, created, pkind, summary, respondent, received)) = row
        else {
            return Err(Error::invalid(
                "event_id",
                "Không tìm thấy việc thụ lý này.",
            ));
        };
        let pkind: PetitionKind = from_name(&pkind).map_err(|e| Error::invalid("event_id", e))?;
        if kind != "accepted"
            || !matches!(pkind, PetitionKind::Complaint | PetitionKind::Denunciation)
        {
            return Err(Error::invalid(
                "event_id",
                "Quyết định này lập từ việc thụ lý một đơn khiếu nại hoặc tố cáo.",
            ));
        }
        let denunciation = pkind == PetitionKind::Denunciation;
        let form = if denunciation {
            format!("denunciation-acceptance-{}", input.event_id)
        } else {
            format!("verification-{}", input.event_id)
        };
        if let Some(doc) = self.stored(ctx, "petition_id", petition_id, &form, Some(&created))? {
            return Ok(doc);
        }
        let accepted_on =
            day(&on).ok_or_else(|| Error::invalid("event_id", "Ngày thụ lý không hợp lệ."))?;
        let resolve = self
            .deadlines(petition_id, ctx.now.date())?
            .deadlines
            .into_iter()
            .find(|d| d.name == DeadlineName::Resolve);
        let mut errors = Vec::new();
        let verifier = clean(&input.verifier);
        if verifier.is_empty() {
            errors.push(FieldError::new(
                "verifier",
                "Ghi người hoặc tổ được giao xác minh.",
            ));
        } else if verifier.chars().count() > 200 {
            errors.push(FieldError::new(
                "verifier",
                "Người được giao xác minh ghi quá 200 ký tự.",
            ));
        }
        match day(&input.report_by) {
            None => errors.push(FieldError::new(
                "report_by",
                "Ghi hạn báo cáo kết quả xác minh theo dạng ngày/tháng/năm.",
            )),
            Some(r) if r < accepted_on => errors.push(FieldError::new(
                "report_by",
                format!("Hạn báo cáo trước ngày thụ lý ({}).", dmy(accepted_on)),
            )),
            Some(r) if resolve.as_ref().is_some_and(|d| r > d.due) => errors.push(FieldError::new(
                "report_by",
                format!(
                    "Hạn báo cáo sau hạn giải quyết ({}); hãy chọn ngày sớm hơn để còn thời gian kết luận.",
                    dmy(resolve.as_ref().map(|d| d.due).unwrap_or(accepted_on))
                ),
            )),
            _ => {}
        }
        let Some(report_by) = day(&input.report_by).filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let complainant = if denunciation {
            String::new()
        } else {
            let (name, gender): (String, Option<String>) = conn
                .query_row(
                    "SELECT c.full_name, c.gender FROM petition_citizens pc
                       JOIN citizens c ON c.id = pc.citizen_id
                      WHERE pc.petition_id = ?1 ORDER BY pc.position LIMIT 1",
                    [petition_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| {
                    Error::invalid("event_id", "Đơn khiếu nại chưa ghi người khiếu nại.")
                })?;
            let title = crate::print::header::title_of(gender.and_then(|g| from_name(&g).ok()));
            format!("{title} {name}")
        };
        let rules = self.rules.documents.clone();
        let basis = resolve.as_ref().map(|d| {
            d.basis
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        });
        let (subject, paragraphs, copies_to) = forms::verification_decision(
            &forms::VerificationDecision {
                office: &office.name,
                denunciation,
                complainant: &complainant,
                respondent: respondent.as_deref(),
                summary: &summary,
                received_on: day(&received).unwrap_or(accepted_on),
                accepted_on,
                verifier: &verifier,
                report_by,
                resolve_by: resolve
                    .as_ref()
                    .zip(basis.as_deref())
                    .map(|(d, b)| (d.due, b)),
                dated: ctx.now.date(),
            },
            &rules,
        );
        let owner = Owner {
            case_id: None,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: false,
        };
        let label_cell = std::cell::RefCell::new(String::new());
        let stamp = ctx.stamp();
        let what_kind = if denunciation {
            "tố cáo"
        } else {
            "khiếu nại"
        };
        self.issue_with(
            ctx,
            &form,
            owner,
            |number| {
                let label = rules.label(&rules.decision, number);
                label_cell.replace(label.clone());
                let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                    parent: office.parent.clone(),
                    agency: office.name.clone(),
                    number: label.clone(),
                    place: office.place.clone(),
                    date: ctx.now.date(),
                    heading: Some(("QUYẾT ĐỊNH".to_owned(), subject)),
                    subject: String::new(),
                    to: Vec::new(),
                    paragraphs,
                    authority: rules.authority("decision"),
                    signer: office.chair.clone(),
                    copies_to,
                    secret: false,
                });
                (label, pdf)
            },
            |tx, _| {
                // The verifier's report, due on its day: late, it shows on the dashboard.
                tx.execute(
                    "INSERT INTO case_tasks (petition_id, kind, what, who, due, created_at)
                     VALUES (?1, 'step', ?2, ?3, ?4, ?5)",
                    params![
                        petition_id,
                        format!(
                            "Báo cáo kết quả xác minh nội dung {what_kind} (Quyết định số {})",
                            label_cell.borrow()
                        ),
                        verifier,
                        report_by.to_string(),
                        stamp
                    ],
                )?;
                Ok(())
            },
        )
    }
}
