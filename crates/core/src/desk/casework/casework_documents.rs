//! The documents of casework after acceptance, per Nghị định 30/2020: the invitation to a
//! dialogue (Giấy mời, with the Law 136/2025 rule that resolution goes on when an invited
//! complainant stays away without a valid reason), and the decision to suspend or to end
//! the resolution (Quyết định tạm đình chỉ / đình chỉ) from its recorded event. Numbered,
//! stored and reprinted like every issued document. Never for a denunciation (the
//! denouncer is not named to anyone).

use chrono::{NaiveDateTime, Timelike};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Ctx;
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::{Desk, from_name};
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvitationInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    /// `YYYY-MM-DDTHH:MM`.
    pub at: String,
    pub place: String,
}

struct Complaint {
    summary: String,
    received_on: String,
    people: Vec<String>,
}

impl Desk {
    fn complaint_of(&self, petition_id: i64) -> Result<Complaint> {
        let conn = self.store.conn();
        let row: Option<(String, String, String)> = conn
            .query_row(
                "SELECT kind, summary, received_on FROM petitions WHERE id = ?1",
                [petition_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((kind, summary, received_on)) = row else {
            return Err(Error::invalid("petition_id", "Không tìm thấy đơn."));
        };
        if kind == "denunciation" {
            return Err(Error::invalid(
                "petition_id",
                "Đơn tố cáo không có văn bản này (người tố cáo được giữ bí mật).",
            ));
        }
        let mut stmt = conn.prepare_cached(
            "SELECT c.full_name, c.gender, c.address FROM petition_citizens pc
               JOIN citizens c ON c.id = pc.citizen_id WHERE pc.petition_id = ?1 ORDER BY pc.position",
        )?;
        let people = stmt
            .query_map([petition_id], |r| {
                let gender: Option<String> = r.get(1)?;
                let title = crate::print::header::title_of(gender.and_then(|g| from_name(&g).ok()));
                Ok(format!(
                    "{title} {}, địa chỉ: {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Complaint {
            summary,
            received_on,
            people,
        })
    }

    /// Giấy mời đối thoại for a complaint the commune accepted.
    pub fn print_dialogue_invitation(
        &mut self,
        ctx: &Ctx,
        input: &InvitationInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let c = self.complaint_of(input.petition_id)?;
        let accepted: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT handled_action FROM petitions WHERE id = ?1",
                [input.petition_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if accepted.as_deref() != Some("accept") {
            return Err(Error::invalid(
                "petition_id",
                "Chỉ mời đối thoại khi đơn đã được thụ lý giải quyết.",
            ));
        }
        let mut errors = Vec::new();
        let at = NaiveDateTime::parse_from_str(input.at.trim(), "%Y-%m-%dT%H:%M").ok();
        match at {
            None => errors.push(FieldError::new(
                "at",
                "Thời gian đối thoại ghi theo dạng ngày/tháng/năm giờ:phút.",
            )),
            Some(t) if t <= ctx.now => errors.push(FieldError::new(
                "at",
                "Thời gian đối thoại phải sau thời điểm mời.",
            )),
            _ => {}
        }
        let place = clean(&input.place);
        if place.is_empty() {
            errors.push(FieldError::new("place", "Ghi địa điểm đối thoại."));
        }
        let Some(at) = at.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id: None,
            petition_id: Some(input.petition_id),
            visit_id: None,
            sealed: false,
        };
        let received = crate::desk::days::day(&c.received_on).unwrap_or(ctx.now.date());
        let paragraphs =
            crate::domain::forms::dialogue_invitation(&crate::domain::forms::DialogueInvitation {
                office: &office.name,
                people: &c.people,
                summary: &c.summary,
                received_on: received,
                hour: at.hour(),
                minute: at.minute(),
                day_in_words: &crate::print::date_in_words(at.date()),
                place: &place,
            });
        self.issue(ctx, "invitation", owner, |number| {
            let label = rules.label(&rules.invitation, number);
            let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: ctx.now.date(),
                heading: Some((
                    "GIẤY MỜI".to_owned(),
                    "Về việc đối thoại giải quyết khiếu nại".to_owned(),
                )),
                subject: String::new(),
                to: Vec::new(),
                paragraphs: paragraphs.clone(),
                authority: rules.authority("invitation"),
                signer: office.chair.clone(),
                copies_to: vec!["Như trên".into(), "Lưu: VT, hồ sơ vụ việc".into()],
                secret: false,
            });
            (label, pdf)
        })
    }

    /// The decision to suspend (tạm đình chỉ) or to end (đình chỉ) the resolution of a
    /// complaint, from the `paused` or `terminated` event recorded on it.
    pub fn print_resolution_stop(&mut self, ctx: &Ctx, event_id: i64) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let row: Option<(i64, String, String, Option<String>, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT petition_id, kind, on_date, reason, created_at FROM events WHERE id = ?1",
                [event_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((petition_id, kind, on, reason, created)) = row else {
            return Err(Error::invalid("event_id", "Không tìm thấy sự kiện này."));
        };
        let suspend = match kind.as_str() {
            "paused" => true,
            "terminated" => false,
            _ => {
                return Err(Error::invalid(
                    "event_id",
                    "Chỉ in quyết định cho việc tạm đình chỉ hoặc đình chỉ.",
                ));
            }
        };
        let form = format!("stop-{event_id}");
        if let Some(doc) = self.stored(ctx, "petition_id", petition_id, &form, Some(&created))? {
            return Ok(doc);
        }
        let c = self.complaint_of(petition_id)?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let on = chrono::NaiveDate::parse_from_str(&on, "%Y-%m-%d")
            .map_err(|_| Error::invalid("event_id", "Ngày của sự kiện không hợp lệ."))?;
        let what = if suspend {
            "tạm đình chỉ"
        } else {
            "đình chỉ"
        };
        let who = c.people.first().cloned().unwrap_or_default();
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id: None,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: false,
        };
        self.issue(ctx, &form, owner, |number| {
            let label = rules.label(&rules.decision, number);
            let paragraphs = crate::domain::forms::stop_decision(
                &crate::domain::forms::StopDecision {
                    office: &office.name,
                    complainant: &who,
                    summary: &c.summary,
                    reason: reason.as_deref(),
                    from: on,
                    suspend,
                },
                ctx.now.date(),
                &rules,
            );
            let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: ctx.now.date(),
                heading: Some((
                    "QUYẾT ĐỊNH".to_owned(),
                    format!("Về việc {what} việc giải quyết khiếu nại"),
                )),
                subject: String::new(),
                to: Vec::new(),
                paragraphs,
                authority: rules.authority("decision"),
                signer: office.chair.clone(),
                copies_to: vec!["Như Điều 3".into(), "Lưu: VT, hồ sơ vụ việc".into()],
                secret: false,
            });
            (label, pdf)
        })
    }
}

impl Desk {
    /// Quyết định gia hạn giải quyết, from an extension recorded on a petition (a
    /// denunciation above all: Luật Tố cáo allows two). Cites the rule that allowed it; a
    /// denunciation's decision names the person denounced, never the denouncer.
    pub fn print_extension(&mut self, ctx: &Ctx, event_id: i64) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        type Row = (
            i64,
            String,
            String,
            Option<u32>,
            Option<String>,
            Option<String>,
            String,
        );
        let row: Option<Row> = self
            .store
            .conn()
            .query_row(
                "SELECT petition_id, kind, on_date, days, decision, reason, created_at
                   FROM events WHERE id = ?1",
                [event_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((petition_id, kind, on, days, _decision, reason, created)) = row else {
            return Err(Error::invalid("event_id", "Không tìm thấy sự kiện này."));
        };
        if kind != "extended" {
            return Err(Error::invalid(
                "event_id",
                "Chỉ in quyết định gia hạn cho việc gia hạn giải quyết.",
            ));
        }
        let form = format!("extension-{event_id}");
        if let Some(doc) = self.stored(ctx, "petition_id", petition_id, &form, Some(&created))? {
            return Ok(doc);
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let on = chrono::NaiveDate::parse_from_str(&on, "%Y-%m-%d")
            .map_err(|_| Error::invalid("event_id", "Ngày của sự kiện không hợp lệ."))?;
        let (pkind, summary, respondent, accepted): (
            String,
            String,
            Option<String>,
            Option<String>,
        ) = self.store.conn().query_row(
            "SELECT kind, summary, respondent_name,
                        (SELECT on_date FROM events WHERE petition_id = p.id AND kind = 'accepted'
                          ORDER BY on_date LIMIT 1)
                   FROM petitions p WHERE id = ?1",
            [petition_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        // The basis is the rule that allowed the extension (the deadline it extended).
        let basis = self
            .deadlines(petition_id, on)?
            .deadlines
            .into_iter()
            .find(|d| {
                d.explain
                    .contains(&format!("ngày {}", on.format("%d/%m/%Y")))
                    && d.explain.contains("Gia hạn")
            })
            .or_else(|| {
                self.deadlines(petition_id, on)
                    .ok()?
                    .deadlines
                    .into_iter()
                    .find(|d| d.name == crate::rules::deadlines::DeadlineName::Resolve)
            })
            // The rule's first citation ("Luật Tố cáo 2018 Điều 30"; notes after ";" are
            // about counting, not the decision).
            .map(|d| {
                d.basis
                    .split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })
            .ok_or_else(|| Error::invalid("event_id", "Không tìm thấy thời hạn được gia hạn."))?;
        let law = self
            .rules
            .documents
            .cite("local_government", ctx.now.date());
        let (subject, paragraphs, copies_to) =
            crate::domain::forms::extension_decision(&crate::domain::forms::ExtensionDecision {
                office: &office.name,
                denunciation: pkind == "denunciation",
                respondent: respondent.as_deref(),
                summary: &summary,
                accepted_on: accepted.as_deref().and_then(crate::desk::days::day),
                from: on,
                days: days.unwrap_or(0),
                reason: reason.as_deref(),
                basis: &basis,
                local_government: law,
            });
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id: None,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: false,
        };
        self.issue(ctx, &form, owner, |number| {
            let label = rules.label(&rules.decision, number);
            let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: ctx.now.date(),
                heading: Some(("QUYẾT ĐỊNH".to_owned(), subject.clone())),
                subject: String::new(),
                to: Vec::new(),
                paragraphs: paragraphs.clone(),
                authority: rules.authority("decision"),
                signer: office.chair.clone(),
                copies_to: copies_to.clone(),
                secret: false,
            });
            (label, pdf)
        })
    }
}
