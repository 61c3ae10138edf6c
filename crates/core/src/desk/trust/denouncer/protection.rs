//! Protection of a denouncer (Luật Tố cáo 2018, Chương VI): the request recorded on the
//! denunciation, the chair's answer — a decision applying measures until a day, with a
//! review task due then, or a notice refusing them — each naming the denouncer, so the
//! right to see denouncers, a logged view, the MẬT mark and a sealed copy.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::days::{day, dmy};
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::{Desk, from_name};
use crate::domain::forms;
use crate::domain::visit::PetitionKind;
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProtectionRequestInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    /// `YYYY-MM-DD`.
    pub requested_on: String,
    /// Of `domain::forms::SCOPES`: "secrecy", "job", "life", "property", "honour".
    pub scopes: Vec<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProtectionDecisionInput {
    #[ts(type = "number")]
    pub id: i64,
    pub accept: bool,
    /// Accepted: the measures, one per line, and until when (`YYYY-MM-DD`).
    pub measures: String,
    pub until: String,
    /// Refused: why.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProtectionView {
    #[ts(type = "number")]
    pub id: i64,
    pub requested_on: String,
    pub scopes: Vec<String>,
    pub reason: String,
    pub decided_on: Option<String>,
    pub accepted: Option<bool>,
    pub measures: Option<String>,
    pub until: Option<String>,
    pub decline_reason: Option<String>,
}

impl Desk {
    /// Records a denouncer's request for protection on denunciation `petition_id`.
    pub fn request_protection(&mut self, ctx: &Ctx, input: &ProtectionRequestInput) -> Result<i64> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let row: Option<(String, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT kind, received_on FROM petitions WHERE id = ?1 AND voided_at IS NULL",
                [input.petition_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((kind, received)) = row else {
            return Err(Error::invalid("petition_id", "Không tìm thấy đơn."));
        };
        if from_name::<PetitionKind>(&kind).ok() != Some(PetitionKind::Denunciation) {
            return Err(Error::invalid(
                "petition_id",
                "Chỉ người tố cáo được đề nghị bảo vệ theo Luật Tố cáo.",
            ));
        }
        let mut errors = Vec::new();
        let on = day(&input.requested_on);
        match (on, day(&received)) {
            (None, _) => errors.push(FieldError::new(
                "requested_on",
                "Ngày đề nghị ghi theo dạng ngày/tháng/năm.",
            )),
            (Some(d), _) if d > ctx.now.date() => errors.push(FieldError::new(
                "requested_on",
                "Ngày đề nghị không được ở tương lai.",
            )),
            (Some(d), Some(r)) if d < r => errors.push(FieldError::new(
                "requested_on",
                format!("Ngày đề nghị trước ngày nhận đơn tố cáo ({}).", dmy(r)),
            )),
            _ => {}
        }
        let mut scopes: Vec<String> = Vec::new();
        for s in &input.scopes {
            match forms::scope_label(s) {
                Some(_) if !scopes.contains(s) => scopes.push(s.clone()),
                Some(_) => {}
                None => errors.push(FieldError::new(
                    "scopes",
                    format!("Không có nội dung bảo vệ \"{s}\"."),
                )),
            }
        }
        if input.scopes.is_empty() {
            errors.push(FieldError::new(
                "scopes",
                "Chọn ít nhất một nội dung đề nghị bảo vệ.",
            ));
        }
        let reason = clean(&input.reason);
        if reason.is_empty() {
            errors.push(FieldError::new(
                "reason",
                "Ghi lý do đề nghị bảo vệ (bị đe dọa, trù dập…).",
            ));
        }
        let Some(on) = on.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO protections (petition_id, requested_on, scopes, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    input.petition_id,
                    on,
                    serde_json::to_string(&scopes).expect("strings"),
                    reason,
                    ctx.stamp()
                ],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                ctx,
                "protection.request",
                "petition",
                &[input.petition_id],
                Some(serde_json::json!({"protection": id, "scopes": scopes})),
            )?;
            Ok(id)
        })
    }

    /// The protection requests of denunciation `petition_id`, oldest first.
    pub fn protections(&self, petition_id: i64) -> Result<Vec<ProtectionView>> {
        self.signed_in()?;
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, requested_on, scopes, reason, decided_on, accepted, measures, until, decline_reason
               FROM protections WHERE petition_id = ?1 ORDER BY requested_on, id",
        )?;
        let rows = stmt
            .query_map([petition_id], |r| {
                let scopes: String = r.get(2)?;
                Ok(ProtectionView {
                    id: r.get(0)?,
                    requested_on: r.get(1)?,
                    scopes: serde_json::from_str(&scopes).unwrap_or_default(),
                    reason: r.get(3)?,
                    decided_on: r.get(4)?,
                    accepted: r.get(5)?,
                    measures: r.get(6)?,
                    until: r.get(7)?,
                    decline_reason: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The chair's answer to request `input.id`: the decision applying measures (with a
    /// review task due on their last day) or the notice refusing them. Issued once; printed
    /// again unchanged.
    pub fn decide_protection(
        &mut self,
        ctx: &Ctx,
        input: &ProtectionDecisionInput,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        type Row = (i64, String, String, String, Option<i64>);
        let row: Option<Row> = self
            .store
            .conn()
            .query_row(
                "SELECT petition_id, requested_on, scopes, reason, document_id FROM protections WHERE id = ?1",
                [input.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((petition_id, requested, scopes, reason, document)) = row else {
            return Err(Error::invalid("id", "Không tìm thấy đề nghị bảo vệ này."));
        };
        self.log_denouncer_view(
            ctx,
            "in văn bản về bảo vệ người tố cáo",
            "petition",
            &[petition_id],
            &[petition_id],
        )?;
        let opener = self.require_denouncer_secret(ctx)?;
        let form = format!("protection-{}", input.id);
        if document.is_some()
            && let Some(doc) = self.stored(ctx, "petition_id", petition_id, &form, None)?
        {
            return Ok(doc);
        }
        let today = ctx.now.date();
        let mut errors = Vec::new();
        let requested = day(&requested).unwrap_or(today);
        let until = day(&input.until);
        let (measures, why) = (
            crate::text::clean_block(&input.measures).trim().to_owned(),
            clean(&input.reason),
        );
        if input.accept {
            if measures.is_empty() {
                errors.push(FieldError::new(
                    "measures",
                    "Ghi biện pháp bảo vệ áp dụng (mỗi biện pháp một dòng).",
                ));
            }
            match until {
                None => errors.push(FieldError::new(
                    "until",
                    "Ghi ngày kết thúc áp dụng biện pháp bảo vệ.",
                )),
                Some(u) if u <= today => {
                    errors.push(FieldError::new("until", "Ngày kết thúc phải sau hôm nay."))
                }
                _ => {}
            }
        } else if why.is_empty() {
            errors.push(FieldError::new(
                "reason",
                "Ghi lý do không áp dụng biện pháp bảo vệ.",
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let conn = self.store.conn();
        let (received, respondent): (String, Option<String>) = conn.query_row(
            "SELECT received_on, respondent_name FROM petitions WHERE id = ?1",
            [petition_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (name, address) =
            crate::desk::denouncer::first_addressee(conn, Some(&opener), petition_id)?
                .ok_or_else(|| Error::invalid("id", "Đơn tố cáo không ghi người tố cáo."))?;
        let scope_names: Vec<String> = serde_json::from_str(&scopes).unwrap_or_default();
        let labels: Vec<&str> = scope_names
            .iter()
            .filter_map(|s| forms::scope_label(s))
            .collect();
        let rules = self.rules.documents.clone();
        let law = rules.cite("denunciations", today).to_owned();
        let p = forms::Protection {
            office: &office.name,
            person: &name,
            address: &address,
            requested_on: requested,
            received_on: day(&received).unwrap_or(requested),
            respondent: respondent.as_deref(),
            scopes: &labels,
            reason: &reason,
            law: &law,
        };
        let (heading, paragraphs, label_rule) = match until.filter(|_| input.accept) {
            Some(u) => (
                (
                    "QUYẾT ĐỊNH".to_owned(),
                    "Về việc áp dụng biện pháp bảo vệ người tố cáo".to_owned(),
                ),
                forms::protection_decision(&p, &measures, today, u),
                rules.decision.clone(),
            ),
            None => (
                (
                    "THÔNG BÁO".to_owned(),
                    "Về việc không áp dụng biện pháp bảo vệ người tố cáo".to_owned(),
                ),
                forms::protection_refusal(&p, &why),
                rules.notice.clone(),
            ),
        };
        let owner = Owner {
            case_id: None,
            petition_id: Some(petition_id),
            visit_id: None,
            sealed: true,
        };
        let to = if input.accept {
            Vec::new()
        } else {
            vec![format!("{name} ({address})")]
        };
        let protection_id = input.id;
        let accept = input.accept;
        let stamp = ctx.stamp();
        self.issue_with(
            ctx,
            &form,
            owner,
            |number| {
                let label = rules.label(&label_rule, number);
                let pdf = crate::print::letter::render(&crate::print::letter::Letter {
                    parent: office.parent.clone(),
                    agency: office.name.clone(),
                    number: label.clone(),
                    place: office.place.clone(),
                    date: today,
                    heading: Some(heading),
                    subject: String::new(),
                    to,
                    paragraphs,
                    authority: rules.authority("decision"),
                    signer: office.chair.clone(),
                    copies_to: vec!["Người được bảo vệ".into(), "Lưu: VT, hồ sơ vụ việc (MẬT)".into()],
                    secret: true,
                });
                (label, pdf)
            },
            |tx, document_id| {
                tx.execute(
                    "UPDATE protections SET decided_on = ?1, accepted = ?2, measures = ?3, until = ?4,
                            decline_reason = ?5, document_id = ?6 WHERE id = ?7",
                    params![
                        today,
                        accept,
                        accept.then_some(&measures),
                        until.filter(|_| accept),
                        (!accept).then_some(&why),
                        document_id,
                        protection_id
                    ],
                )?;
                if let Some(u) = until.filter(|_| accept) {
                    // On the last day: review whether protection must go on.
                    tx.execute(
                        "INSERT INTO case_tasks (petition_id, kind, what, who, due, created_at)
                         VALUES (?1, 'review', 'Rà soát việc bảo vệ người tố cáo: tiếp tục hay chấm dứt', 'Văn phòng Ủy ban nhân dân', ?2, ?3)",
                        params![petition_id, u, stamp],
                    )?;
                }
                audit::append(tx, ctx, "protection.decide", "petition", &[petition_id], Some(serde_json::json!({"protection": protection_id, "accepted": accept})))?;
                Ok(())
            },
        )
    }
}
