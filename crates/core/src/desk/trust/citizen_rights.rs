//! Citizens' rights over their data (Luật 91/2025, Nghị định 356/2025): everything the
//! office holds about a person, printed for them — identity, visits, petitions they signed,
//! appointments, files attached, and the corrections made — except what the law withholds
//! (links to denunciations: the denouncer is protected even on paper that could be lost);
//! and corrections of their record, with a reason, audited with the values before and after.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::desk::citizens::Citizen;
use crate::domain::citizen::CitizenInput;
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CorrectionInput {
    #[ts(type = "number")]
    pub citizen_id: i64,
    /// The record as it should be.
    pub citizen: CitizenInput,
    /// Why: "công dân đề nghị sửa theo căn cước".
    pub reason: String,
}

use crate::desk::days::stored_dmy as dmy;

impl Desk {
    /// Corrects a citizen's record; audited with the record before and after.
    pub fn correct_citizen(&mut self, ctx: &Ctx, input: &CorrectionInput) -> Result<Citizen> {
        ctx.require(crate::domain::access::Permission::CorrectCitizen)?;
        self.guard_citizen(ctx, input.citizen_id, false, "sửa thông tin công dân")?;
        let Some(before) = self.citizen_for(ctx, input.citizen_id)? else {
            return Err(Error::invalid("citizen_id", "Không tìm thấy công dân."));
        };
        let reason = clean(&input.reason);
        let secret = self.known_only_as_denouncer(input.citizen_id)?;
        let this_year = chrono::Datelike::year(&ctx.now);
        let mut errors = match input.citizen.validate(&self.rules.identity, this_year) {
            Ok(_) => Vec::new(),
            Err(e) => e,
        };
        if reason.is_empty() {
            errors.push(FieldError::new("reason", "Ghi lý do sửa thông tin."));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let c = input
            .citizen
            .validate(&self.rules.identity, this_year)
            .map_err(Error::Invalid)?;
        if let Some(number) = &c.id_number {
            let other: Option<(String, bool)> = self
                .store
                .conn()
                .query_row(
                    "SELECT full_name, denouncer_only FROM citizens WHERE id_number = ?1 AND id <> ?2",
                    params![number, input.citizen_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match other {
                // A person known only as a denouncer is named in no message.
                Some((_, true)) => {
                    return Err(Error::invalid(
                        "id_number",
                        format!(
                            "Số giấy tờ {number} đã có trong sổ ở một bản ghi khác; hãy kiểm tra lại số trên giấy tờ."
                        ),
                    ));
                }
                Some((who, false)) => {
                    return Err(Error::invalid(
                        "id_number",
                        format!(
                            "Số giấy tờ {number} đã thuộc công dân {who}; hãy gộp hai bản ghi thay vì sửa."
                        ),
                    ));
                }
                None => {}
            }
        }
        let public = self.denouncer_public(ctx)?;
        let opener = self.denouncer_secret(ctx)?;
        self.store.write(|tx| -> Result<()> {
            crate::desk::citizens::replace_citizen(tx, input.citizen_id, &c)?;
            // A denouncer's corrected record is sealed again.
            crate::desk::denouncer::settle_citizen(tx, &public, opener.as_ref(), input.citizen_id)?;
            audit::append(
                tx,
                ctx,
                "citizen.correct",
                "citizen",
                &[input.citizen_id],
                Some(if secret {
                    serde_json::json!({"reason": reason, "records": "bảo mật người tố cáo"})
                } else {
                    serde_json::json!({"before": before, "after": input.citizen, "reason": reason})
                }),
            )?;
            Ok(())
        })?;
        self.citizen_for(ctx, input.citizen_id)?
            .ok_or_else(|| Error::invalid("citizen_id", "Không đọc lại được công dân."))
    }

    /// Everything the office holds about a citizen, except the links to denunciations, as
    /// a PDF for them (Nghị định 30/2020 layout).
    pub fn citizen_data_pdf(
        &mut self,
        ctx: &Ctx,
        citizen_id: i64,
        today: chrono::NaiveDate,
    ) -> Result<Vec<u8>> {
        ctx.require(crate::domain::access::Permission::ExportFiles)?;
        self.guard_citizen(ctx, citizen_id, false, "in thông tin công dân")?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let Some(c) = self.citizen_for(ctx, citizen_id)? else {
            return Err(Error::invalid("citizen_id", "Không tìm thấy công dân."));
        };
        let conn = self.store.conn();
        let mut p = vec![format!(
            "Theo đề nghị của công dân, {} cung cấp các thông tin cá nhân của công dân đang được lưu giữ tại bộ phận tiếp công dân như sau:",
            office.name
        )];
        p.push("1. Thông tin nhận dạng".to_owned());
        p.push(format!("- Họ và tên: {}.", c.full_name));
        if let Some(y) = c.birth_year {
            p.push(format!("- Năm sinh: {y}."));
        }
        if let Some(n) = &c.id_number {
            p.push(format!("- Số giấy tờ tùy thân: {n}."));
        }
        p.push(format!("- Địa chỉ: {}.", c.address));
        if let Some(ph) = &c.phone {
            p.push(format!("- Số điện thoại: {ph}."));
        }
        p.push("2. Các lần đến tiếp công dân".to_owned());
        let mut visits = conn.prepare(
            "SELECT v.at, v.summary FROM visits v JOIN visit_citizens vc ON vc.visit_id = v.id
              WHERE vc.citizen_id = ?1
                AND NOT EXISTS (SELECT 1 FROM petitions d WHERE d.visit_id = v.id AND d.kind = 'denunciation')
              ORDER BY v.at",
        )?;
        let rows: Vec<(String, String)> = visits
            .query_map([citizen_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if rows.is_empty() {
            p.push("- Không có.".to_owned());
        }
        for (at, summary) in rows {
            p.push(format!("- Ngày {}: {summary}", dmy(&at)));
        }
        p.push("3. Đơn công dân đã gửi".to_owned());
        let mut petitions = conn.prepare(
            "SELECT p.received_on, p.summary FROM petitions p
               JOIN petition_citizens pc ON pc.petition_id = p.id
              WHERE pc.citizen_id = ?1 ORDER BY p.received_on, p.id",
        )?;
        let rows: Vec<(String, String)> = petitions
            .query_map([citizen_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if rows.is_empty() {
            p.push("- Không có.".to_owned());
        }
        for (on, summary) in rows {
            p.push(format!("- Đơn nhận ngày {}: {summary}", dmy(&on)));
        }
        p.push("4. Lịch hẹn".to_owned());
        let mut bookings = conn.prepare(
            "SELECT s.on_date, s.start_time, s.place FROM bookings b JOIN reception_sessions s ON s.id = b.session_id
              WHERE b.citizen_id = ?1 ORDER BY s.on_date",
        )?;
        let rows: Vec<(String, String, String)> = bookings
            .query_map([citizen_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if rows.is_empty() {
            p.push("- Không có.".to_owned());
        }
        for (on, start, place) in rows {
            p.push(format!("- Ngày {} lúc {start} tại {place}.", dmy(&on)));
        }
        p.push("5. Các lần sửa thông tin".to_owned());
        let mut fixes = conn.prepare(
            "SELECT at, detail FROM audit_log WHERE action = 'citizen.correct' AND entity_ids = ?1 ORDER BY id",
        )?;
        let rows: Vec<(String, Option<String>)> = fixes
            .query_map([format!("[{citizen_id}]")], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if rows.is_empty() {
            p.push("- Không có.".to_owned());
        }
        for (at, detail) in rows {
            let reason = detail
                .and_then(|d| serde_json::from_str::<serde_json::Value>(&d).ok())
                .and_then(|v| v["reason"].as_str().map(str::to_owned))
                .unwrap_or_default();
            p.push(format!("- Ngày {}: {reason}.", dmy(&at)));
        }
        p.push("Thông tin liên quan đến đơn tố cáo (nếu có) không ghi trong văn bản này để bảo vệ người tố cáo; công dân đề nghị trực tiếp tại bộ phận tiếp công dân. Nếu thông tin chưa đúng, công dân đề nghị sửa, bổ sung và xuất trình giấy tờ chứng minh.".to_owned());
        Ok(crate::print::letter::render(
            &crate::print::letter::Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: "      /TB-UBND".to_owned(),
                place: office.place.clone(),
                date: today,
                heading: Some((
                    "THÔNG BÁO".to_owned(),
                    "Cung cấp thông tin cá nhân của công dân".to_owned(),
                )),
                subject: String::new(),
                to: vec![format!(
                    "{} {}",
                    crate::print::header::title_of(c.gender),
                    c.full_name
                )],
                paragraphs: p,
                authority: self.rules.documents.authority("citizen_data"),
                signer: office.chair.clone(),
                copies_to: vec!["Như trên".into(), "Lưu: VT".into()],
                secret: false,
            },
        ))
    }

    /// Writes `citizen_data_pdf` in the viewing folder (`DataDir::view`).
    pub fn export_citizen_data(
        &mut self,
        ctx: &Ctx,
        citizen_id: i64,
    ) -> Result<crate::desk::RegisterFile> {
        let now = ctx.now;
        let bytes = self.citizen_data_pdf(ctx, citizen_id, now.date())?;
        let path = crate::desk::files::export_path(
            &self.dir,
            &format!("thong-tin-cong-dan-{citizen_id}"),
            now,
            "pdf",
        )?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(crate::desk::RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }
}
