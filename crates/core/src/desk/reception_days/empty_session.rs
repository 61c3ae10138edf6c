//! The record of a reception day nobody came to: the host sat at the announced time and
//! place and no citizen came. Refused for a session not yet held, cancelled, or with a
//! visit recorded that day; numbered, stored and reprinted like every issued document.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Ctx;
use crate::desk::Desk;
use crate::desk::days::dmy;
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::schedule::SessionKey;
use crate::domain::forms;
use crate::error::{Error, FieldError, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EmptySessionInput {
    pub session: SessionKey,
    /// Who sat with the host, one per entry ("Ông Lê Văn Tâm, công chức tư pháp").
    #[serde(default)]
    pub members: Vec<String>,
}

impl Desk {
    /// Issues (or prints again) the record of the session `input.session` names, which no
    /// citizen came to.
    pub fn print_empty_session_minutes(
        &mut self,
        ctx: &Ctx,
        input: &EmptySessionInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::ConcludeSession)?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let session = self
            .session_of(&input.session)?
            .ok_or_else(|| Error::invalid("session", "Không tìm thấy buổi tiếp này."))?;
        let mut errors = Vec::new();
        if session.cancelled.is_some() {
            errors.push(FieldError::new("session", "Buổi tiếp này đã hủy."));
        }
        if session.on > ctx.now.date() {
            errors.push(FieldError::new(
                "session",
                format!(
                    "Buổi tiếp ngày {} chưa diễn ra; lập biên bản sau buổi tiếp.",
                    dmy(session.on)
                ),
            ));
        }
        let visits: i64 = self.store.conn().query_row(
            "SELECT count(*) FROM visits WHERE reception IN ('periodic', 'ad_hoc') AND voided_at IS NULL
               AND substr(at, 1, 10) = ?1",
            [session.on.to_string()],
            |r| r.get(0),
        )?;
        if visits > 0 {
            errors.push(FieldError::new(
                "session",
                format!(
                    "Ngày {} đã ghi {visits} lượt tiếp của người đứng đầu; biên bản này chỉ lập cho buổi tiếp không có công dân đến.",
                    dmy(session.on)
                ),
            ));
        }
        let members = crate::text::clean_lines(&input.members);
        if members.len() > 20 {
            errors.push(FieldError::new(
                "members",
                "Ghi tối đa 20 người cùng tham dự.",
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let session_id = self.stored_session_id(ctx, &input.session)?;
        let form = format!("empty-session-{session_id}");
        if let Some(doc) = self.stored_form(ctx, &form)? {
            return Ok(doc);
        }
        let recorder = self.acting_officer_name(ctx)?;
        let host = format!("{} {}", session.host.label_vi(), session.host_name);
        let paragraphs = forms::empty_session_minutes(&forms::EmptySession {
            office: &office.name,
            on: session.on,
            start: session.start,
            end: session.end,
            place: &session.place,
            host: &host,
            members: &members,
            recorder: &recorder,
            ad_hoc: session.kind == crate::domain::schedule::SessionKind::AdHoc,
        });
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id: None,
            petition_id: None,
            visit_id: None,
            sealed: false,
        };
        let on = session.on;
        let subject = if session.kind == crate::domain::schedule::SessionKind::AdHoc {
            "Về việc tiếp công dân đột xuất"
        } else {
            "Về việc tiếp công dân định kỳ"
        };
        self.issue(ctx, &form, owner, |number| {
            let label = rules.label(&rules.minutes, number);
            let pdf = crate::print::record::render(&crate::print::record::Record {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: on,
                subject: subject.to_owned(),
                paragraphs,
                signers: vec![
                    ("Người ghi biên bản".to_owned(), recorder.clone()),
                    ("Người chủ trì".to_owned(), session.host_name.clone()),
                ],
                secret: false,
            });
            (label, pdf)
        })
    }
}
