//! Merging two records of the same person (typed twice, or imported from two registers):
//! only by an explicit action with a reason, audited with both records as they were.

use rusqlite::params;

use crate::audit::{self, Ctx};
use crate::desk::{Citizen, Desk};
use crate::error::{Error, FieldError, Result};
use crate::text::clean;

impl Desk {
    /// Moves every visit, petition and denunciation of citizen `merged` to `kept`, fills
    /// the kept record's empty fields from the merged one, and deletes the merged record.
    pub fn merge_citizens(
        &mut self,
        ctx: &Ctx,
        kept: i64,
        merged: i64,
        reason: &str,
    ) -> Result<Citizen> {
        ctx.require(crate::domain::access::Permission::CorrectCitizen)?;
        let reason = clean(reason);
        let mut errors = Vec::new();
        if kept == merged {
            errors.push(FieldError::new(
                "merged",
                "Hai bản ghi là một; hãy chọn hai công dân khác nhau.",
            ));
        }
        if reason.is_empty() {
            errors.push(FieldError::new(
                "reason",
                "Chưa nhập lý do gộp (ví dụ: cùng số CCCD, nhập trùng).",
            ));
        }
        // Merging moves denunciations from one record to the other.
        for id in [kept, merged] {
            self.guard_citizen(ctx, id, true, "gộp hồ sơ công dân")?;
        }
        let secret = self.known_only_as_denouncer(kept)? || self.known_only_as_denouncer(merged)?;
        let before = [self.citizen_for(ctx, kept)?, self.citizen_for(ctx, merged)?];
        // Sealed records are merged in the open and sealed again when the kept one is
        // still known only as a denouncer.
        let public = self.denouncer_public(ctx)?;
        let opener = self.denouncer_secret(ctx)?;
        for (c, field, which) in [
            (&before[0], "kept", "giữ lại"),
            (&before[1], "merged", "gộp vào"),
        ] {
            if c.is_none() {
                errors.push(FieldError::new(
                    field,
                    format!("Không có công dân {which} trong sổ."),
                ));
            }
        }
        if let [Some(a), Some(b)] = &before
            && let (Some(x), Some(y)) = (&a.id_number, &b.id_number)
            && x != y
        {
            errors.push(FieldError::new(
                "merged",
                format!("Hai công dân có số giấy tờ khác nhau ({x} và {y}); không gộp được hai người khác nhau."),
            ));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.store.write(|tx| -> Result<()> {
            crate::desk::denouncer::open_citizen(tx, opener.as_ref(), kept)?;
            crate::desk::denouncer::open_citizen(tx, opener.as_ref(), merged)?;
            crate::desk::denouncer::move_links(tx, kept, merged)?;
            for table in ["visit_citizens", "petition_citizens"] {
                let owner = if table == "visit_citizens" { "visit_id" } else { "petition_id" };
                // A link the kept citizen already has is dropped, not duplicated.
                tx.execute(
                    &format!(
                        "DELETE FROM {table} WHERE citizen_id = ?2
                           AND {owner} IN (SELECT {owner} FROM {table} WHERE citizen_id = ?1)"
                    ),
                    params![kept, merged],
                )?;
                tx.execute(
                    &format!("UPDATE {table} SET citizen_id = ?1 WHERE citizen_id = ?2"),
                    params![kept, merged],
                )?;
            }
            tx.execute(
                "UPDATE citizens SET
                    id_number = coalesce(id_number, (SELECT id_number FROM citizens WHERE id = ?2)),
                    id_kind = CASE WHEN id_number IS NULL
                                   THEN (SELECT id_kind FROM citizens WHERE id = ?2) ELSE id_kind END,
                    id_issued_on = coalesce(id_issued_on, (SELECT id_issued_on FROM citizens WHERE id = ?2)),
                    id_issued_by = coalesce(id_issued_by, (SELECT id_issued_by FROM citizens WHERE id = ?2)),
                    birth_year = coalesce(birth_year, (SELECT birth_year FROM citizens WHERE id = ?2)),
                    gender = coalesce(gender, (SELECT gender FROM citizens WHERE id = ?2)),
                    phone = coalesce(phone, (SELECT phone FROM citizens WHERE id = ?2)),
                    denouncer_only = min(denouncer_only, (SELECT denouncer_only FROM citizens WHERE id = ?2))
                 WHERE id = ?1",
                params![kept, merged],
            )?;
            let merged_ref: Option<String> =
                tx.query_row("SELECT ref FROM citizens WHERE id = ?1", [merged], |r| r.get(0))?;
            tx.execute("DELETE FROM citizens WHERE id = ?1", [merged])?;
            // The kept record answers to the merged one's interchange ref, so importing the
            // file it came from again does not bring the duplicate back.
            tx.execute(
                "UPDATE citizens SET ref = ?2 WHERE id = ?1 AND ref IS NULL",
                params![kept, merged_ref],
            )?;
            let detail = if secret {
                serde_json::json!({ "reason": reason, "records": "bảo mật người tố cáo" })
            } else {
                serde_json::json!({ "kept": before[0], "merged": before[1], "reason": reason })
            };
            audit::append(tx, ctx, "citizen.merge", "citizen", &[kept, merged], Some(detail))?;
            crate::desk::denouncer::settle_citizen(tx, &public, opener.as_ref(), kept)?;
            Ok(())
        })?;
        self.citizen_for(ctx, kept)?.ok_or_else(|| {
            Error::Invalid(vec![FieldError::new(
                "kept",
                "Không có công dân giữ lại trong sổ.",
            )])
        })
    }
}
