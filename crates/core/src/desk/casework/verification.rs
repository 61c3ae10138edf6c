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

/// A working session during verification, recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkMinutesInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    /// `YYYY-MM-DDTHH:MM`.
    pub at: String,
    pub place: String,
    /// Who took part, one per entry.
    pub participants: Vec<String>,
    pub content: String,
}

/// The verifier's report on an accepted petition's verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VerificationReportInput {
    /// The `accepted` event whose verification decision was issued.
    #[ts(type = "number")]
    pub event_id: i64,
    pub findings: String,
    pub proposal: String,
}

impl Desk {
    /// The kind word of an accepted complaint or denunciation, or why not.
    fn verified_matter(&self, petition_id: i64) -> Result<(PetitionKind, String)> {
        let row: Option<(String, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT kind, summary FROM petitions WHERE id = ?1 AND handled_action = 'accept'",
                [petition_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((kind, summary)) = row else {
            return Err(Error::invalid(
                "petition_id",
                "Chỉ xác minh đơn đã được thụ lý.",
            ));
        };
        let kind: PetitionKind = from_name(&kind).map_err(|e| Error::invalid("petition_id", e))?;
        if !matches!(kind, PetitionKind::Complaint | PetitionKind::Denunciation) {
            return Err(Error::invalid(
                "petition_id",
                "Chỉ xác minh đơn khiếu nại hoặc tố cáo.",
            ));
        }
        Ok((kind, summary))
    }

    /// Issues the record of a working session during verification. A denunciation's is
    /// sealed and marked MẬT (the denouncer may have taken part).
    pub fn print_work_minutes(
        &mut self,
        ctx: &Ctx,
        input: &WorkMinutesInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let (kind, summary) = self.verified_matter(input.petition_id)?;
        let denunciation = kind == PetitionKind::Denunciation;
        if denunciation {
            self.log_denouncer_view(
                ctx,
                "lập biên bản làm việc, xác minh tố cáo",
                "petition",
                &[input.petition_id],
                &[input.petition_id],
            )?;
        }
        let mut errors = Vec::new();
        let at = chrono::NaiveDateTime::parse_from_str(input.at.trim(), "%Y-%m-%dT%H:%M").ok();
        match at {
            None => errors.push(FieldError::new(
                "at",
                "Thời gian làm việc ghi theo dạng ngày/tháng/năm giờ:phút.",
            )),
            Some(t) if t > ctx.now => errors.push(FieldError::new(
                "at",
                "Thời gian làm việc không được ở tương lai.",
            )),
            _ => {}
        }
        let place = clean(&input.place);
        if place.is_empty() {
            errors.push(FieldError::new("place", "Ghi địa điểm làm việc."));
        }
        let participants = crate::text::clean_lines(&input.participants);
        if participants.is_empty() {
            errors.push(FieldError::new(
                "participants",
                "Ghi thành phần làm việc (mỗi người một dòng).",
            ));
        }
        let content = crate::text::clean_block(&input.content).trim().to_owned();
        if content.is_empty() {
            errors.push(FieldError::new("content", "Ghi nội dung làm việc."));
        }
        let Some(at) = at.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let matter = if denunciation {
            "tố cáo"
        } else {
            "khiếu nại"
        };
        let paragraphs = forms::work_session_minutes(&forms::WorkSession {
            at,
            place: &place,
            matter,
            summary: &summary,
            participants: &participants,
            content: &content,
        });
        let recorder = self.acting_officer_name(ctx)?;
        let rules = self.rules.documents.clone();
        let form = format!("work-minutes-{}", ctx.now.format("%Y%m%d%H%M%S"));
        let owner = Owner {
            case_id: None,
            petition_id: Some(input.petition_id),
            visit_id: None,
            sealed: denunciation,
        };
        self.issue(ctx, &form, owner, |number| {
            let label = rules.label(&rules.minutes, number);
            let pdf = crate::print::record::render(&crate::print::record::Record {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: at.date(),
                subject: format!("Về việc làm việc, xác minh nội dung {matter}"),
                paragraphs,
                signers: vec![
                    ("Người ghi biên bản".to_owned(), recorder.clone()),
                    ("Đại diện các bên".to_owned(), String::new()),
                ],
                secret: denunciation,
            });
            (label, pdf)
        })
    }

    /// Issues the verifier's report to the chair and marks the report's task done.
    pub fn print_verification_report(
        &mut self,
        ctx: &Ctx,
        input: &VerificationReportInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let row: Option<(i64, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT petition_id, kind FROM events WHERE id = ?1",
                [input.event_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((petition_id, "accepted")) = row.as_ref().map(|(p, k)| (*p, k.as_str())) else {
            return Err(Error::invalid(
                "event_id",
                "Báo cáo xác minh lập từ việc thụ lý đã có quyết định giao xác minh.",
            ));
        };
        let (kind, summary) = self.verified_matter(petition_id)?;
        let form = format!("verification-report-{}", input.event_id);
        if let Some(doc) = self.stored(ctx, "petition_id", petition_id, &form, None)? {
            return Ok(doc);
        }
        let decision_form = if kind == PetitionKind::Denunciation {
            format!("denunciation-acceptance-{}", input.event_id)
        } else {
            format!("verification-{}", input.event_id)
        };
        let conn = self.store.conn();
        let decision: Option<(String, String)> = conn
            .query_row(
                "SELECT number_label, issued_on FROM documents WHERE petition_id = ?1 AND form = ?2",
                params![petition_id, decision_form],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((number, issued_on)) = decision else {
            return Err(Error::invalid(
                "event_id",
                "Chưa có quyết định giao xác minh: hãy lập quyết định trước.",
            ));
        };
        let verifier: String = conn
            .query_row(
                "SELECT who FROM case_tasks WHERE petition_id = ?1 AND what LIKE 'Báo cáo kết quả xác minh%' ORDER BY id DESC LIMIT 1",
                [petition_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_else(|| "Người được giao xác minh".to_owned());
        let mut errors = Vec::new();
        let findings = crate::text::clean_block(&input.findings).trim().to_owned();
        let proposal = crate::text::clean_block(&input.proposal).trim().to_owned();
        if findings.is_empty() {
            errors.push(FieldError::new("findings", "Ghi kết quả xác minh."));
        }
        if proposal.is_empty() {
            errors.push(FieldError::new(
                "proposal",
                "Ghi kết luận và kiến nghị của người xác minh.",
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let matter = if kind == PetitionKind::Denunciation {
            "tố cáo"
        } else {
            "khiếu nại"
        };
        let paragraphs = forms::verification_report(&forms::VerificationReport {
            office: &office.name,
            matter,
            summary: &summary,
            decision: &number,
            decided_on: day(&issued_on).unwrap_or(ctx.now.date()),
            verifier: &verifier,
            findings: &findings,
            proposal: &proposal,
        });
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id: None,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: false,
        };
        let today = ctx.now.date();
        self.issue_with(
            ctx,
            &form,
            owner,
            |n| {
                let label = rules.label(&rules.report, n);
                let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                    parent: office.parent.clone(),
                    agency: office.name.clone(),
                    number: label.clone(),
                    place: office.place.clone(),
                    date: today,
                    heading: Some((
                        "BÁO CÁO".to_owned(),
                        format!("Kết quả xác minh nội dung {matter}"),
                    )),
                    subject: String::new(),
                    to: vec![format!("Chủ tịch {}", office.name)],
                    paragraphs,
                    authority: ("NGƯỜI XÁC MINH".to_owned(), String::new()),
                    signer: verifier.clone(),
                    copies_to: vec!["Như trên".into(), "Lưu: hồ sơ vụ việc".into()],
                    secret: false,
                });
                (label, pdf)
            },
            |tx, _| {
                tx.execute(
                    "UPDATE case_tasks SET done_on = ?1 WHERE petition_id = ?2 AND done_on IS NULL
                        AND what LIKE 'Báo cáo kết quả xác minh%'",
                    params![today, petition_id],
                )?;
                Ok(())
            },
        )
    }
}
