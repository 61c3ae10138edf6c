//! Recording petitions that did not come in person (by post, the letter box, forwarded by
//! another body, online): the people who signed them, their case — a content forwarded by
//! several bodies, or sent again, joins the case it belongs to — and each petition with how
//! it arrived. One transaction, one audit row; no visit, no receipt.

use serde::Serialize;
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::desk::visits::{
    Placed, Source, denunciation_case, insert_petitions, only_denunciations, open_case,
    store_citizens,
};
use crate::domain::mail::MailInput;
use crate::domain::visit::CaseChoice;
use crate::error::{Error, FieldError, Result};

/// What recording received petitions created or reused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReceivedMail {
    #[ts(type = "number")]
    pub case_id: i64,
    #[ts(type = "Array<number>")]
    pub citizen_ids: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub petition_ids: Vec<i64>,
    /// The case existed before (a content received again).
    pub repeat: bool,
}

impl Desk {
    /// Records petitions received not in person. All checks first (every problem at once),
    /// then one transaction.
    pub fn receive_mail(&mut self, ctx: &Ctx, input: &MailInput) -> Result<ReceivedMail> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let mut errors = Vec::new();
        let checked = input.validate(ctx.now.date());
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
        if let Some(Some(agency)) = checked.as_ref().ok().map(|m| m.forwarded_by)
            && !self.exists("agencies", agency)?
        {
            errors.push(FieldError::new(
                "forwarded_by",
                "Cơ quan chuyển đơn không có trong Danh mục cơ quan; hãy chọn lại.",
            ));
        }
        let mail = match checked {
            Ok(m) if errors.is_empty() => m,
            _ => return Err(Error::Invalid(errors)),
        };
        let public = self.denouncer_public(ctx)?;
        let secret = self.denouncer_secret(ctx)?;
        let rules = &self.rules;
        let mut typed = Vec::new();
        let received = self.store.write(|tx| -> Result<ReceivedMail> {
            let stamp = ctx.stamp();
            let citizen_ids = store_citizens(
                tx,
                ctx,
                &who,
                only_denunciations(&mail.petitions),
                (&public, secret.as_ref()),
                &mut typed,
            )?;
            let (case_id, repeat) = match input.case {
                CaseChoice::Existing(id) => (id, true),
                CaseChoice::New => (
                    open_case(tx, &stamp, &mail.petitions, "", mail.received_on)?,
                    false,
                ),
            };
            let denunciation_case =
                denunciation_case(tx, &stamp, &mail.petitions, mail.received_on)?;
            let petition_ids = insert_petitions(
                tx,
                &stamp,
                &mail.petitions,
                Placed {
                    case_id,
                    denunciation_case,
                    visit_id: None,
                    received_on: mail.received_on,
                    source: Source::Received {
                        channel: mail.channel,
                        forwarded_by: mail.forwarded_by,
                        forwarded_doc: mail.forwarded_doc.as_deref(),
                    },
                },
                &citizen_ids,
            )?;
            audit::append(
                tx,
                ctx,
                "petition.receive",
                "petition",
                &petition_ids,
                Some(serde_json::json!({
                    "case": case_id, "repeat": repeat, "citizens": citizen_ids,
                    "channel": mail.channel, "forwarded_by": mail.forwarded_by,
                    "forwarded_doc": mail.forwarded_doc,
                })),
            )?;
            crate::desk::deadlines::refresh_petitions(tx, rules, &petition_ids, ctx.now.date())?;
            Ok(ReceivedMail {
                case_id,
                citizen_ids,
                petition_ids,
                repeat,
            })
        })?;
        self.keys.typed.extend(typed);
        Ok(received)
    }
}
