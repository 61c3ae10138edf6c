//! The documents that resolve an accepted matter, from the `resolved` event recorded on it:
//! a complaint's first-instance decision (Quyết định giải quyết khiếu nại), a
//! denunciation's conclusion (Kết luận nội dung tố cáo), and the written reply to a
//! recommendation or feedback (văn bản trả lời kiến nghị, phản ánh). The record supplies the parties,
//! the content, the dates, the dialogue and the finding; the officer writes the
//! verification's findings, the assessment and the measures, which no record holds.
//! Numbered, stored and reprinted like every issued document; an event recorded without a
//! decision number takes the document's number.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Ctx;
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::{Desk, from_name};
use crate::domain::forms::{self, Judgement};
use crate::domain::outcome::Finding;
use crate::domain::visit::PetitionKind;
use crate::error::{Error, FieldError, Result};
use crate::text::clean_block;

/// What the officer writes for a resolution document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResolutionDocumentInput {
    /// The `resolved` event.
    #[ts(type = "number")]
    pub event_id: i64,
    /// Kết quả xác minh.
    pub findings: String,
    /// Nhận xét, kết luận.
    pub assessment: String,
    /// What is decided (Điều 1) or the measures and recommendations.
    pub measures: String,
}

/// The stored form name of the resolution document of event `event_id`.
fn form_of(kind: PetitionKind, event_id: i64) -> String {
    match kind {
        PetitionKind::Complaint => format!("complaint-decision-{event_id}"),
        PetitionKind::Denunciation => format!("denunciation-conclusion-{event_id}"),
        PetitionKind::Recommendation | PetitionKind::Feedback => format!("reply-{event_id}"),
    }
}

const MAX_CHARS: usize = 20_000;

/// The officer's three texts, cleaned, or what to fix. A reply may say nothing of what will
/// be done.
fn judgement_texts(input: &ResolutionDocumentInput, reply: bool) -> Result<[String; 3]> {
    let mut errors = Vec::new();
    let mut take = |field: &str, text: &str, what: &str| {
        let t = clean_block(text).trim().to_owned();
        if t.is_empty() && !(reply && field == "measures") {
            errors.push(FieldError::new(field, format!("Ghi {what}.")));
        } else if t.chars().count() > MAX_CHARS {
            errors.push(FieldError::new(
                field,
                format!("Phần {what} dài quá {MAX_CHARS} ký tự; hãy rút gọn."),
            ));
        }
        t
    };
    let texts = if reply {
        [
            take("findings", &input.findings, "kết quả xem xét, kiểm tra"),
            take("assessment", &input.assessment, "nội dung trả lời"),
            take("measures", &input.measures, "việc sẽ thực hiện"),
        ]
    } else {
        [
            take("findings", &input.findings, "kết quả xác minh"),
            take("assessment", &input.assessment, "nhận xét, kết luận"),
            take(
                "measures",
                &input.measures,
                "nội dung quyết định, biện pháp xử lý",
            ),
        ]
    };
    if errors.is_empty() {
        Ok(texts)
    } else {
        Err(Error::Invalid(errors))
    }
}

/// What the letter layout prints, once worded.
struct Draft {
    heading: Option<(String, String)>,
    subject: String,
    to: Vec<String>,
    paragraphs: Vec<String>,
    copies_to: Vec<String>,
    /// How the number is written; `None` for a công văn ("12/UBND-TCD").
    label_rule: Option<crate::rules::documents::FormRule>,
    authority: (String, String),
}

struct Resolved {
    petition_id: i64,
    on: chrono::NaiveDate,
    decision: Option<String>,
    finding: Finding,
    created: String,
    kind: PetitionKind,
}

impl Desk {
    fn resolved_event(&self, event_id: i64) -> Result<Resolved> {
        type Row = (
            i64,
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
        );
        let row: Option<Row> = self
            .store
            .conn()
            .query_row(
                "SELECT e.petition_id, e.kind, e.on_date, e.decision, e.result, e.created_at, p.kind
                   FROM events e JOIN petitions p ON p.id = e.petition_id WHERE e.id = ?1",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
            )
            .optional()?;
        let Some((petition_id, kind, on, decision, result, created, pkind)) = row else {
            return Err(Error::invalid(
                "event_id",
                "Không tìm thấy kết quả giải quyết này.",
            ));
        };
        let finding = result.as_deref().and_then(|r| from_name::<Finding>(r).ok());
        let (true, Some(finding)) = (kind == "resolved", finding) else {
            return Err(Error::invalid(
                "event_id",
                "Chỉ lập văn bản này từ một quyết định giải quyết đã ghi kết luận (đúng, sai, đúng một phần).",
            ));
        };
        Ok(Resolved {
            petition_id,
            on: crate::desk::days::day(&on)
                .ok_or_else(|| Error::invalid("event_id", "Ngày của kết quả không hợp lệ."))?,
            decision,
            finding,
            created,
            kind: from_name(&pkind).map_err(|e| Error::invalid("event_id", e))?,
        })
    }

    /// Issues (or prints again) the resolution document of a `resolved` event: a
    /// complaint's decision or a denunciation's conclusion.
    pub fn print_resolution_document(
        &mut self,
        ctx: &Ctx,
        input: &ResolutionDocumentInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let ev = self.resolved_event(input.event_id)?;
        let form = form_of(ev.kind, input.event_id);
        let reply = matches!(
            ev.kind,
            PetitionKind::Recommendation | PetitionKind::Feedback
        );
        if let Some(doc) =
            self.stored(ctx, "petition_id", ev.petition_id, &form, Some(&ev.created))?
        {
            return Ok(doc);
        }
        if let Some(number) = &ev.decision {
            return Err(Error::invalid(
                "event_id",
                format!(
                    "Kết quả này đã ghi văn bản số {number}, ban hành ngoài phần mềm; không lập lại. Nếu ghi nhầm, hãy hủy kết quả đó rồi ghi lại và để trống số văn bản."
                ),
            ));
        }
        let [findings, assessment, measures] = judgement_texts(input, reply)?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let conn = self.store.conn();
        let (summary, received, respondent): (String, String, Option<String>) = conn.query_row(
            "SELECT summary, received_on, respondent_name FROM petitions WHERE id = ?1",
            [ev.petition_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let accepted_on: Option<String> = conn
            .query_row(
                "SELECT on_date FROM events WHERE petition_id = ?1 AND kind = 'accepted'
                  ORDER BY on_date LIMIT 1",
                [ev.petition_id],
                |r| r.get(0),
            )
            .optional()?;
        let accepted_on = accepted_on.as_deref().and_then(crate::desk::days::day);
        let judgement = Judgement {
            findings: &findings,
            assessment: &assessment,
            measures: &measures,
        };
        let rules = self.rules.documents.clone();
        let dated = ctx.now.date();
        // The first petitioner as the document addresses them, with their address.
        let petitioner = || -> Result<(String, String)> {
            let (name, gender, address): (String, Option<String>, String) = conn
                .query_row(
                    "SELECT c.full_name, c.gender, c.address FROM petition_citizens pc
                       JOIN citizens c ON c.id = pc.citizen_id
                      WHERE pc.petition_id = ?1 ORDER BY pc.position LIMIT 1",
                    [ev.petition_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or_else(|| Error::invalid("event_id", "Đơn chưa ghi người gửi đơn."))?;
            let title = crate::print::header::title_of(gender.and_then(|g| from_name(&g).ok()));
            Ok((format!("{title} {name}"), address))
        };
        let chair_signs = rules.authority("decision");
        let draft = match ev.kind {
            PetitionKind::Complaint => {
                let (complainant, address) = petitioner()?;
                let dialogue: Option<(String, String)> = conn
                    .query_row(
                        "SELECT on_date, note FROM events WHERE petition_id = ?1 AND kind = 'dialogue'
                          AND note IS NOT NULL AND on_date <= ?2 ORDER BY on_date DESC, id DESC LIMIT 1",
                        rusqlite::params![ev.petition_id, ev.on.to_string()],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let r = &rules.resolution;
                let (p, copies) = forms::complaint_decision(
                    &forms::ComplaintDecision {
                        office: &office.name,
                        complainant: &complainant,
                        address: &address,
                        received_on: crate::desk::days::day(&received).unwrap_or(ev.on),
                        summary: &summary,
                        respondent: respondent.as_deref(),
                        accepted_on,
                        dialogue: dialogue
                            .as_ref()
                            .and_then(|(d, n)| Some((crate::desk::days::day(d)?, n.as_str()))),
                        finding: ev.finding,
                        judgement,
                        dated,
                        appeal_days: if office.remote_area {
                            r.appeal_days_remote
                        } else {
                            r.appeal_days
                        },
                        second_instance: &r.second_instance,
                    },
                    &rules,
                );
                Draft {
                    heading: Some((
                        "QUYẾT ĐỊNH".to_owned(),
                        format!("Về việc giải quyết khiếu nại của {complainant} (lần đầu)"),
                    )),
                    subject: String::new(),
                    to: Vec::new(),
                    paragraphs: p,
                    copies_to: copies,
                    label_rule: Some(rules.decision.clone()),
                    authority: chair_signs,
                }
            }
            PetitionKind::Denunciation => {
                let (subject, p, copies) = forms::denunciation_conclusion(
                    &forms::DenunciationConclusion {
                        office: &office.name,
                        respondent: respondent.as_deref(),
                        summary: &summary,
                        accepted_on,
                        finding: ev.finding,
                        judgement,
                        dated,
                    },
                    &rules,
                );
                Draft {
                    heading: Some(("KẾT LUẬN".to_owned(), subject)),
                    subject: String::new(),
                    to: Vec::new(),
                    paragraphs: p,
                    copies_to: copies,
                    label_rule: Some(rules.conclusion.clone()),
                    authority: chair_signs,
                }
            }
            PetitionKind::Recommendation | PetitionKind::Feedback => {
                let (name, address) = petitioner()?;
                let (subject, to, p, copies) =
                    forms::recommendation_reply(&forms::RecommendationReply {
                        office: &office.name,
                        kind_word: if ev.kind == PetitionKind::Recommendation {
                            "kiến nghị"
                        } else {
                            "phản ánh"
                        },
                        petitioner: &name,
                        address: &address,
                        received_on: crate::desk::days::day(&received).unwrap_or(ev.on),
                        summary: &summary,
                        judgement,
                    });
                Draft {
                    heading: None,
                    subject,
                    to,
                    paragraphs: p,
                    copies_to: copies,
                    label_rule: None,
                    // The committee answers as a body.
                    authority: rules.authority("reply"),
                }
            }
        };
        let owner = Owner {
            case_id: None,
            petition_id: Some(ev.petition_id),
            visit_id: None,
            sealed: false,
        };
        let event_id = input.event_id;
        let label_cell = std::cell::RefCell::new(String::new());
        self.issue_with(
            ctx,
            &form,
            owner,
            |number| {
                let label = match &draft.label_rule {
                    Some(rule) => rules.label(rule, number),
                    None => rules.letter_label(number),
                };
                label_cell.replace(label.clone());
                let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                    parent: office.parent.clone(),
                    agency: office.name.clone(),
                    number: label.clone(),
                    place: office.place.clone(),
                    date: dated,
                    heading: draft.heading,
                    subject: draft.subject,
                    to: draft.to,
                    paragraphs: draft.paragraphs,
                    authority: draft.authority,
                    signer: office.chair.clone(),
                    copies_to: draft.copies_to,
                    secret: false,
                });
                (label, pdf)
            },
            |tx, _| {
                // The event takes the number the document was issued under.
                tx.execute(
                    "UPDATE events SET decision = ?1 WHERE id = ?2 AND decision IS NULL",
                    rusqlite::params![label_cell.borrow().as_str(), event_id],
                )?;
                Ok(())
            },
        )
    }
}

impl Desk {
    /// The notice of a denunciation's result to the denouncer, after its conclusion was
    /// issued. It names the denouncer: the right to see them, a logged view, the MẬT mark
    /// and a sealed copy, on the first print as on every reprint.
    pub fn print_denunciation_result(
        &mut self,
        ctx: &Ctx,
        event_id: i64,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let ev = self.resolved_event(event_id)?;
        if ev.kind != PetitionKind::Denunciation {
            return Err(Error::invalid(
                "event_id",
                "Thông báo kết quả giải quyết tố cáo chỉ lập cho đơn tố cáo.",
            ));
        }
        let conclusion_form = form_of(ev.kind, event_id);
        let issued: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT number_label FROM documents WHERE petition_id = ?1 AND form = ?2",
                rusqlite::params![ev.petition_id, conclusion_form],
                |r| r.get(0),
            )
            .optional()?;
        let Some(conclusion) = issued.or(ev.decision.clone()) else {
            return Err(Error::invalid(
                "event_id",
                "Chưa có kết luận nội dung tố cáo: hãy lập kết luận trước, rồi thông báo kết quả cho người tố cáo.",
            ));
        };
        self.log_denouncer_view(
            ctx,
            "in thông báo kết quả giải quyết tố cáo",
            "petition",
            &[ev.petition_id],
            &[ev.petition_id],
        )?;
        let opener = self.require_denouncer_secret(ctx)?;
        let form = format!("denunciation-result-{event_id}");
        if let Some(doc) =
            self.stored(ctx, "petition_id", ev.petition_id, &form, Some(&ev.created))?
        {
            return Ok(doc);
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let conn = self.store.conn();
        let (summary, respondent): (String, Option<String>) = conn.query_row(
            "SELECT summary, respondent_name FROM petitions WHERE id = ?1",
            [ev.petition_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let accepted_on: Option<String> = conn
            .query_row(
                "SELECT on_date FROM events WHERE petition_id = ?1 AND kind = 'accepted'
                  ORDER BY on_date LIMIT 1",
                [ev.petition_id],
                |r| r.get(0),
            )
            .optional()?;
        let (name, address) = crate::desk::denouncer::first_addressee(
            conn,
            Some(&opener),
            ev.petition_id,
        )?
        .ok_or_else(|| {
            Error::invalid(
                "event_id",
                "Đơn tố cáo không ghi người tố cáo (đơn nặc danh): không có người để thông báo.",
            )
        })?;
        let rules = self.rules.documents.clone();
        let paragraphs = forms::denunciation_result(&forms::DenunciationResult {
            office: &office.name,
            respondent: respondent.as_deref(),
            summary: &summary,
            accepted_on: accepted_on.as_deref().and_then(crate::desk::days::day),
            conclusion: &conclusion,
            concluded_on: ev.on,
            finding: ev.finding,
            renewed_to: &rules.resolution.renewed_denunciation_to,
            renewed_basis: &rules.resolution.renewed_denunciation_basis,
        });
        let owner = Owner {
            case_id: None,
            petition_id: Some(ev.petition_id),
            visit_id: None,
            sealed: true,
        };
        let dated = ctx.now.date();
        self.issue(ctx, &form, owner, |number| {
            let label = rules.label(&rules.notice, number);
            let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: dated,
                heading: Some((
                    "THÔNG BÁO".to_owned(),
                    "Kết quả giải quyết tố cáo".to_owned(),
                )),
                subject: String::new(),
                to: vec![format!("{name} ({address})")],
                paragraphs,
                authority: rules.authority("decision"),
                signer: office.chair.clone(),
                copies_to: vec!["Như trên".into(), "Lưu: VT, hồ sơ vụ việc".into()],
                secret: true,
            });
            (label, pdf)
        })
    }
}
