//! Completing or correcting what routing and the deadlines read of a petition — who it is
//! about, the complaint's instance, the contested decision and its kind, an oral
//! denunciation — and what was recorded wrong: its kind (not to or from a denunciation,
//! whose people are kept apart), field, summary, the day a letter was received, the
//! complex flag (longer periods). From the handling panel; audited with the values before
//! and after and the officer's reason; the petition's deadlines move in the same
//! transaction, and a submitted report shows which of its numbers changed.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, name};
use crate::domain::agency::AgencyRole;
use crate::domain::visit::{DecisionKind, PetitionKind};
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

/// The facts the officer may set on a petition already recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PetitionFactsInput {
    #[ts(type = "number")]
    pub petition_id: i64,
    pub respondent_role: Option<AgencyRole>,
    pub respondent_name: Option<String>,
    /// Complaints: 1 (lần đầu) or 2 (lần hai).
    pub instance: Option<u8>,
    /// Complaints: `YYYY-MM-DD`.
    pub contested_on: Option<String>,
    pub decision_kind: Option<DecisionKind>,
    /// Denunciations: presented orally in person.
    pub oral: bool,
    /// A correction of the kind (among complaint, recommendation and feedback).
    #[serde(default)]
    pub kind: Option<PetitionKind>,
    #[serde(default)]
    pub field: Option<crate::domain::visit::Field>,
    #[serde(default)]
    pub summary: Option<String>,
    /// A petition not handed in at a visit: the day it was received, `YYYY-MM-DD`.
    #[serde(default)]
    pub received_on: Option<String>,
    /// Vụ việc phức tạp: the longer periods of the rules.
    #[serde(default)]
    pub complex: Option<bool>,
    /// An anonymous denunciation that names the wrongdoer and brings what to check (Luật
    /// Tố cáo Điều 25 khoản 2): handled, not filed.
    #[serde(default)]
    pub specific: Option<bool>,
    /// A complaint a court has accepted or decided: not accepted here.
    #[serde(default)]
    pub court_accepted: Option<bool>,
    /// The sub-field (lĩnh vực chi tiết: môi trường, giải phóng mặt bằng…): absent leaves
    /// it, empty clears it. A classification, not a correction: no reason needed.
    #[serde(default)]
    pub subfield: Option<String>,
    /// How many people signed (or thumb-printed) the petition: 0 for a letter without a
    /// signature (a complaint is then declined, Luật Khiếu nại Điều 11). Absent leaves it.
    #[serde(default)]
    pub signatories: Option<u32>,
    /// Why a recorded value is corrected (required when kind, field, summary or the day
    /// change).
    #[serde(default)]
    pub reason: Option<String>,
}

/// What a correction compares against: the stored values, whether the petition was handed
/// in at a visit, and its first event.
struct Recorded {
    summary: String,
    field: String,
    received_on: String,
    complex: bool,
    specific: bool,
    court_accepted: bool,
    at_visit: bool,
    first_event: Option<NaiveDate>,
}

impl Desk {
    fn recorded_of(&self, petition_id: i64) -> Result<Recorded> {
        let row = self.store.conn().query_row(
            "SELECT summary, field, received_on, complex, visit_id IS NOT NULL,
                    (SELECT min(on_date) FROM events WHERE petition_id = p.id),
                    specific, court_accepted
               FROM petitions p WHERE id = ?1",
            [petition_id],
            |r| {
                Ok(Recorded {
                    summary: r.get(0)?,
                    field: r.get(1)?,
                    received_on: r.get(2)?,
                    complex: r.get(3)?,
                    specific: r.get(6)?,
                    court_accepted: r.get(7)?,
                    at_visit: r.get(4)?,
                    first_event: r
                        .get::<_, Option<String>>(5)?
                        .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()),
                })
            },
        );
        row.map_err(|_| Error::invalid("petition_id", "Không tìm thấy đơn."))
    }

    /// Sets the routing facts of a petition; returns nothing, the caller reads the view.
    pub fn update_petition_facts(&mut self, ctx: &Ctx, input: &PetitionFactsInput) -> Result<()> {
        ctx.require(crate::domain::access::Permission::HandlePetition)?;
        let before = self.routing_facts(input.petition_id)?;
        let mut errors = Vec::new();
        let recorded = self.recorded_of(input.petition_id)?;
        let kind = match input.kind {
            Some(k) if k != before.kind => {
                if k == PetitionKind::Denunciation || before.kind == PetitionKind::Denunciation {
                    errors.push(FieldError::new(
                        "kind",
                        "Không đổi đơn sang hoặc khỏi loại tố cáo: người tố cáo được giữ riêng. Hãy ghi lại đơn đúng loại rồi lưu đơn ghi nhầm.",
                    ));
                }
                k
            }
            _ => before.kind,
        };
        let complaint = kind == PetitionKind::Complaint;
        let summary = match input.summary.as_deref().map(clean) {
            Some(s) if s.is_empty() => {
                errors.push(FieldError::new(
                    "summary",
                    "Nội dung đơn không được để trống.",
                ));
                None
            }
            Some(s) if s.chars().count() > crate::domain::visit::MAX_SUMMARY => {
                errors.push(FieldError::new(
                    "summary",
                    "Nội dung đơn quá dài; hãy tóm tắt, phần dài để trong tài liệu kèm theo.",
                ));
                None
            }
            Some(s) if s != recorded.summary => Some(s),
            _ => None,
        };
        let received_on = match input.received_on.as_deref().map(str::trim) {
            Some(text) if text != recorded.received_on => {
                match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    _ if recorded.at_visit => {
                        errors.push(FieldError::new(
                            "received_on",
                            "Đơn nộp tại lượt tiếp: ngày nhận là ngày của lượt tiếp, không sửa riêng.",
                        ));
                        None
                    }
                    Ok(d) if d <= ctx.now.date() && recorded.first_event.is_none_or(|e| d <= e) => {
                        Some(d)
                    }
                    _ => {
                        errors.push(FieldError::new(
                            "received_on",
                            format!(
                                "Ngày nhận đơn không hợp lệ, ở tương lai hoặc sau ngày xử lý đầu tiên{} (\"{text}\").",
                                recorded
                                    .first_event
                                    .map(|e| format!(" ({})", e.format("%d/%m/%Y")))
                                    .unwrap_or_default()
                            ),
                        ));
                        None
                    }
                }
            }
            _ => None,
        };
        let field = input.field.filter(|f| name(*f) != recorded.field);
        let corrects =
            kind != before.kind || summary.is_some() || received_on.is_some() || field.is_some();
        let reason = input.reason.as_deref().map(clean).unwrap_or_default();
        if corrects && reason.is_empty() {
            errors.push(FieldError::new(
                "reason",
                "Ghi lý do sửa (ví dụ: ghi nhầm loại đơn khi tiếp nhận).",
            ));
        }
        let received_for_check = received_on.unwrap_or(before.received_on);
        let instance = match (complaint, input.instance) {
            (true, None) => Some(1),
            (true, Some(n @ (1 | 2))) => Some(n),
            (true, Some(n)) => {
                errors.push(FieldError::new(
                    "instance",
                    format!("Khiếu nại lần {n} không có; chỉ có lần đầu (1) hoặc lần hai (2)."),
                ));
                None
            }
            (false, _) => None,
        };
        let contested_on = match input.contested_on.as_deref().map(str::trim) {
            Some(text) if complaint && !text.is_empty() => {
                match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(d) if d <= received_for_check => Some(d),
                    _ => {
                        errors.push(FieldError::new(
                            "contested_on",
                            format!(
                                "Ngày nhận quyết định bị khiếu nại không hợp lệ hoặc sau ngày nhận đơn ({}).",
                                received_for_check.format("%d/%m/%Y")
                            ),
                        ));
                        None
                    }
                }
            }
            _ => None,
        };
        let respondent_name = input
            .respondent_name
            .as_deref()
            .map(clean)
            .filter(|n| !n.is_empty());
        if respondent_name
            .as_ref()
            .is_some_and(|n| n.chars().count() > 300)
        {
            errors.push(FieldError::new(
                "respondent_name",
                "Tên người hoặc cơ quan bị khiếu nại, tố cáo dài quá 300 ký tự.",
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let decision_kind = input
            .decision_kind
            .filter(|k| complaint && *k != DecisionKind::Administrative);
        let oral = input.oral && kind == PetitionKind::Denunciation;
        let complex = input.complex.unwrap_or(recorded.complex);
        let specific =
            input.specific.unwrap_or(recorded.specific) && kind == PetitionKind::Denunciation;
        let court_accepted = input.court_accepted.unwrap_or(recorded.court_accepted) && complaint;
        if input.signatories.is_some_and(|n| n > 10_000) {
            return Err(Error::invalid(
                "signatories",
                "Số người ký tên không hợp lệ (quá 10.000); hãy kiểm tra lại.",
            ));
        }
        let signatories = input.signatories;
        // Some(None) clears the sub-field; None leaves it.
        let subfield: Option<Option<String>> = input
            .subfield
            .as_deref()
            .map(|s| crate::domain::hotspot::label(Some(s)));
        let rules = &self.rules;
        let id = input.petition_id;
        self.store.write(|tx| -> Result<()> {
            let old: serde_json::Value = tx.query_row(
                "SELECT json_object('respondent_role', respondent_role, 'respondent_name', respondent_name,
                        'instance', instance, 'contested_on', contested_on,
                        'decision_kind', decision_kind, 'oral', oral, 'kind', kind, 'field', field,
                        'summary', summary, 'received_on', received_on, 'complex', complex,
                        'specific', specific, 'court_accepted', court_accepted,
                        'subfield', subfield, 'signatories', signatories)
                   FROM petitions WHERE id = ?1",
                [id],
                |r| Ok(serde_json::from_str(&r.get::<_, String>(0)?).unwrap_or_default()),
            )?;
            tx.execute(
                "UPDATE petitions SET respondent_role = ?2, respondent_name = ?3, instance = ?4,
                        contested_on = ?5, decision_kind = ?6, oral = ?7, kind = ?8, complex = ?9,
                        specific = ?10, court_accepted = ?11
                  WHERE id = ?1",
                params![
                    id,
                    input.respondent_role.map(name),
                    respondent_name,
                    instance,
                    contested_on.map(|d| d.to_string()),
                    decision_kind.map(name),
                    oral,
                    crate::store::value::Named(kind),
                    complex,
                    specific,
                    court_accepted
                ],
            )?;
            if let Some(f) = field {
                tx.execute(
                    "UPDATE petitions SET field = ?2 WHERE id = ?1",
                    params![id, crate::store::value::Named(f)],
                )?;
            }
            if let Some(s) = &summary {
                tx.execute(
                    "UPDATE petitions SET summary = ?2, summary_fold = ?3 WHERE id = ?1",
                    params![id, s, crate::text::fold(s)],
                )?;
            }
            if let Some(d) = received_on {
                tx.execute(
                    "UPDATE petitions SET received_on = ?2 WHERE id = ?1",
                    params![id, d.to_string()],
                )?;
            }
            if let Some(n) = signatories {
                tx.execute(
                    "UPDATE petitions SET signatories = ?2 WHERE id = ?1",
                    params![id, n],
                )?;
            }
            if let Some(s) = &subfield {
                tx.execute(
                    "UPDATE petitions SET subfield = ?2 WHERE id = ?1",
                    params![id, s],
                )?;
            }
            let new = serde_json::json!({
                "respondent_role": input.respondent_role.map(name),
                "respondent_name": respondent_name,
                "instance": instance,
                "contested_on": contested_on.map(|d| d.to_string()),
                "decision_kind": decision_kind.map(name),
                "oral": oral,
                "kind": kind,
                "field": field.map(name).unwrap_or_else(|| recorded.field.clone()),
                "summary": summary.clone().unwrap_or_else(|| recorded.summary.clone()),
                "received_on": received_on.map(|d| d.to_string()).unwrap_or_else(|| recorded.received_on.clone()),
                "complex": complex,
                "specific": specific,
                "court_accepted": court_accepted,
                "signatories": signatories.or_else(|| old.get("signatories").and_then(|v| v.as_u64()).map(|n| n as u32)),
                "subfield": subfield.clone().unwrap_or_else(|| old.get("subfield").and_then(|v| v.as_str()).map(str::to_owned)),
            });
            let mut detail = serde_json::json!({ "before": old, "after": new });
            if corrects {
                detail["reason"] = serde_json::Value::from(reason.clone());
            }
            audit::append(tx, ctx, "petition.facts", "petition", &[id], Some(detail))?;
            crate::desk::deadlines::refresh_petitions(tx, rules, &[id], ctx.now.date())?;
            Ok(())
        })
    }
}
