//! Danh mục: the legal data in force, for an administrator to read and change — the rule
//! files (shipped, or the office's own copy in `<data>/rules/`) and the office's own
//! working-calendar days. A change is checked together with every other rule file before
//! it is kept, recomputes the deadlines of every case, and is audited.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{Ctx, append};
use crate::desk::deadlines::{Scope, calendar_of, refresh};
use crate::desk::{Desk, Rules, override_text};
use crate::error::{Error, FieldError, Result};
use crate::rules::calendar::{DayKind, weekday_vi};
use crate::rules::{Provenance, RuleFile};

/// One rule file as Danh mục shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RuleFileInfo {
    pub file: RuleFile,
    /// `deadlines.toml`.
    pub name: String,
    pub title: String,
    /// The office's own copy is in force rather than the shipped one.
    pub overridden: bool,
    pub basis: String,
    pub verified: bool,
    pub valid_from: String,
    /// The text in force.
    pub text: String,
}

/// A day of the working calendar that is not an ordinary weekday or weekend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CalendarDayRow {
    pub date: String,
    /// "thứ Bảy".
    pub weekday: String,
    pub kind: DayKind,
    pub note: String,
    /// Set by the office (Danh mục) rather than the rule file.
    pub office: bool,
    pub verified: bool,
}

/// An office day as typed: a holiday or a working day on `date` (YYYY-MM-DD).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct OfficeDayInput {
    pub date: String,
    pub kind: DayKind,
    pub note: String,
}

/// What a change to the legal data did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RulesChanged {
    /// Petitions whose deadlines were recomputed.
    #[ts(type = "number")]
    pub recomputed: usize,
}

impl Rules {
    fn provenance(&self, file: RuleFile) -> &Provenance {
        match file {
            RuleFile::Calendar => &self.calendar.provenance,
            RuleFile::Deadlines => &self.deadlines.provenance,
            RuleFile::Routing => &self.routing.provenance,
            RuleFile::Reception => &self.reception.provenance,
            RuleFile::Documents => &self.documents.provenance,
            RuleFile::Identity => &self.identity.provenance,
            RuleFile::Reminders => &self.reminders.provenance,
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::Invalid(vec![FieldError::new(
            "date",
            format!("Ngày \"{s}\" không hợp lệ: hãy nhập theo dạng ngày/tháng/năm."),
        )])
    })
}

impl Desk {
    /// Every rule file with the text in force.
    pub fn rule_files(&self) -> Vec<RuleFileInfo> {
        RuleFile::ALL
            .iter()
            .map(|&f| {
                let own = override_text(&self.dir, f);
                let p = self.rules.provenance(f);
                RuleFileInfo {
                    file: f,
                    name: f.file().to_owned(),
                    title: f.title_vi().to_owned(),
                    overridden: own.is_some(),
                    basis: p.basis.clone(),
                    verified: p.verified,
                    valid_from: p.valid_from.to_string(),
                    text: own.unwrap_or_else(|| f.default_text().to_owned()),
                }
            })
            .collect()
    }

    /// The rules as they would be with `text` as `file`: every file checked together.
    fn candidate(&self, file: RuleFile, text: &str) -> Result<Rules> {
        let text = crate::text::clean_block(text);
        Rules::parse_with(|f| {
            if f == file {
                Some(text.clone())
            } else {
                override_text(&self.dir, f)
            }
        })
        .map_err(|e| match e {
            Error::Rules(e) => Error::Invalid(vec![FieldError::new(
                "text",
                format!(
                    "Tệp {} chưa đúng: {}. Hãy sửa rồi bấm Kiểm tra lại.",
                    e.file, e.details
                ),
            )]),
            other => other,
        })
    }

    /// Checks `text` as the new `file` without keeping it.
    pub fn check_rule_file(&self, file: RuleFile, text: &str) -> Result<()> {
        self.signed_in()?;
        self.candidate(file, text).map(|_| ())
    }

    /// Keeps `text` as the office's own `file` (written atomically), puts it in force and
    /// recomputes every deadline it changes.
    pub fn save_rule_file(
        &mut self,
        ctx: &Ctx,
        file: RuleFile,
        text: &str,
    ) -> Result<RulesChanged> {
        ctx.require(crate::domain::access::Permission::ManageRules)?;
        let rules = self.candidate(file, text)?;
        let text = crate::text::clean_block(text);
        let path = self.dir.root().join("rules").join(file.file());
        crate::desk::write_atomically(&path, text.as_bytes())?;
        self.put_in_force(ctx, rules, file, "rules.save", Some(&text))
    }

    /// Removes the office's own `file`: the shipped one applies again.
    pub fn reset_rule_file(&mut self, ctx: &Ctx, file: RuleFile) -> Result<RulesChanged> {
        ctx.require(crate::domain::access::Permission::ManageRules)?;
        let rules = Rules::parse_with(|f| {
            if f == file {
                None
            } else {
                override_text(&self.dir, f)
            }
        })?;
        let path = self.dir.root().join("rules").join(file.file());
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(Error::Store(crate::error::StoreError::Io { path, source }));
            }
        }
        self.put_in_force(ctx, rules, file, "rules.reset", None)
    }

    fn put_in_force(
        &mut self,
        ctx: &Ctx,
        rules: Rules,
        file: RuleFile,
        action: &str,
        text: Option<&str>,
    ) -> Result<RulesChanged> {
        use sha2::{Digest, Sha256};
        self.rules = rules;
        let sha256 = text.map(|t| {
            Sha256::digest(t.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        });
        self.store.write(|tx| -> Result<()> {
            append(
                tx,
                ctx,
                action,
                "rule_file",
                &[],
                Some(serde_json::json!({ "file": file.file(), "sha256": sha256 })),
            )?;
            Ok(())
        })?;
        // The cache keeps the fingerprint of the rules it was computed with: a change of
        // the deadlines or the calendar recomputes, one of another file does not.
        let recomputed = self.fill_deadline_cache(ctx)?;
        Ok(RulesChanged { recomputed })
    }

    /// The listed days of `year`: the rule file's holidays and make-up days with the
    /// office's own days laid over them.
    pub fn calendar_days(&self, year: i32) -> Result<Vec<CalendarDayRow>> {
        self.signed_in()?;
        if !(1900..=2999).contains(&year) {
            return Err(Error::Invalid(vec![FieldError::new(
                "year",
                format!("Năm {year} không hợp lệ."),
            )]));
        }
        let cal = self.working_calendar()?;
        Ok(cal
            .days_of(year)
            .map(|(d, e)| CalendarDayRow {
                date: d.to_string(),
                weekday: weekday_vi(d).to_owned(),
                kind: e.kind,
                note: e.note.clone(),
                office: e.office,
                verified: e.verified,
            })
            .collect())
    }

    /// Sets one day of the office's own calendar (replacing the rule file's entry for it)
    /// and recomputes every deadline in the same transaction.
    pub fn set_office_day(&mut self, ctx: &Ctx, input: &OfficeDayInput) -> Result<RulesChanged> {
        ctx.require(crate::domain::access::Permission::ManageRules)?;
        let date = parse_date(&input.date)?;
        let note = crate::text::clean(&input.note);
        if note.is_empty() {
            return Err(Error::Invalid(vec![FieldError::new(
                "note",
                "Hãy ghi lý do của ngày này (ví dụ: \"Nghỉ bù Quốc khánh\" hoặc số văn bản).",
            )]));
        }
        if note.chars().count() > 200 {
            return Err(Error::Invalid(vec![FieldError::new(
                "note",
                "Ghi chú dài quá 200 ký tự.",
            )]));
        }
        self.change_office_days(ctx, "calendar.set_day", date, |tx| {
            tx.execute(
                "INSERT INTO calendar_days (date, kind, note) VALUES (?1, ?2, ?3)
                 ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, note = excluded.note",
                rusqlite::params![
                    date.to_string(),
                    crate::store::value::Named(input.kind),
                    note
                ],
            )?;
            Ok(())
        })
    }

    /// Removes one day of the office's own calendar (the rule file's entry, if any,
    /// applies again) and recomputes every deadline in the same transaction.
    pub fn remove_office_day(&mut self, ctx: &Ctx, date: &str) -> Result<RulesChanged> {
        ctx.require(crate::domain::access::Permission::ManageRules)?;
        let date = parse_date(date)?;
        self.change_office_days(ctx, "calendar.remove_day", date, |tx| {
            let n = tx.execute("DELETE FROM calendar_days WHERE date = ?1", [date.to_string()])?;
            if n == 0 {
                return Err(Error::Invalid(vec![FieldError::new(
                    "date",
                    format!(
                        "Ngày {} không có trong lịch riêng của cơ quan; ngày trong tệp quy định chỉ sửa được bằng cách đặt lại ngày đó.",
                        date.format("%d/%m/%Y")
                    ),
                )]));
            }
            Ok(())
        })
    }

    fn change_office_days(
        &mut self,
        ctx: &Ctx,
        action: &str,
        date: NaiveDate,
        change: impl FnOnce(&rusqlite::Transaction) -> Result<()>,
    ) -> Result<RulesChanged> {
        let rules = &self.rules;
        self.store.write(|tx| {
            let before: Option<(String, String)> =
                rusqlite::OptionalExtension::optional(tx.query_row(
                    "SELECT kind, note FROM calendar_days WHERE date = ?1",
                    [date.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                ))?;
            change(tx)?;
            let after: Option<(String, String)> =
                rusqlite::OptionalExtension::optional(tx.query_row(
                    "SELECT kind, note FROM calendar_days WHERE date = ?1",
                    [date.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                ))?;
            let calendar = calendar_of(tx, &rules.calendar)?;
            let recomputed = refresh(tx, rules, &calendar, Scope::All, ctx.now.date())?;
            append(
                tx,
                ctx,
                action,
                "calendar_day",
                &[],
                Some(serde_json::json!({
                    "date": date.to_string(),
                    "before": before,
                    "after": after,
                    "recomputed": recomputed,
                })),
            )?;
            Ok(RulesChanged { recomputed })
        })
    }
}
