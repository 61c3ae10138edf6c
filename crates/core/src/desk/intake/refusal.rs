//! Thông báo từ chối tiếp công dân (Luật Tiếp công dân 2013 Điều 9): the notice handed to
//! a person the office refuses to receive, issued from the visit that records their coming.
//! Numbered as a notice; printed again unchanged once issued.

use crate::audit::Ctx;
use crate::desk::Desk;
use crate::desk::documents::{IssuedDocument, Owner};
use crate::domain::refusal::RefusalInput;
use crate::error::{Error, Result};
use crate::print::header::title_of;
use crate::print::letter::{Letter, render};

/// The stored form name.
pub const FORM: &str = "refusal";

impl Desk {
    /// Issues (or prints again) the refusal notice of visit `visit_id`.
    pub fn refuse_reception(
        &mut self,
        ctx: &Ctx,
        visit_id: i64,
        input: &RefusalInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let input = input.validate().map_err(Error::Invalid)?;
        let mut visit = self.visit(visit_id)?;
        let issued_before = self.has_document("visit_id", visit_id, FORM)?;
        // The person refused may have handed in a denunciation: the notice names them.
        let secret = visit.names_a_denouncer();
        if secret {
            self.check_denouncer_document(ctx, &visit, FORM, issued_before)?;
            self.fill_sealed_people(ctx, &mut visit.people_named)?;
        }
        if issued_before && let Some(doc) = self.stored(ctx, "visit_id", visit_id, FORM, None)? {
            return Ok(doc);
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let person = visit
            .people_named
            .iter()
            .find(|p| p.representative)
            .or(visit.people_named.first());
        let (title, name) = match person {
            Some(p) => (title_of(p.gender), p.full_name.clone()),
            None => ("Ông/Bà", "người đến nơi tiếp công dân".to_owned()),
        };
        let day = crate::desk::days::day(&visit.at).unwrap_or(ctx.now.date());
        let law = self.rules.documents.cite("reception", ctx.now.date());
        let paragraphs =
            crate::domain::forms::refusal_notice(&crate::domain::forms::RefusalNotice {
                office: &office.name,
                day,
                title,
                name: &name,
                id_number: person.and_then(|p| p.id_number.as_deref()),
                address: person.map(|p| p.address.as_str()),
                summary: &visit.summary,
                ground: input.ground,
                detail: &input.detail,
                law,
            });
        let rules = self.rules.documents.clone();
        let owner = Owner {
            case_id: Some(visit.case_id),
            petition_id: None,
            visit_id: Some(visit_id),
            sealed: secret,
        };
        self.issue(ctx, FORM, owner, |number| {
            let label = rules.label(&rules.notice, number);
            let pdf = render(&Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                date: ctx.now.date(),
                heading: Some((
                    "Thông báo".to_owned(),
                    "Về việc từ chối tiếp công dân".to_owned(),
                )),
                subject: String::new(),
                to: vec![format!("{title} {name}")],
                paragraphs,
                authority: rules.authority("refusal"),
                signer: office.chair.clone(),
                copies_to: vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()],
                secret,
            });
            (label, pdf)
        })
    }
}
