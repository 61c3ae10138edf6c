//! Issuing the front desk's documents: each gets the next number of the office's yearly
//! register and is stored byte for byte with its SHA-256, so printing it again gives the
//! identical file. A copy is written to the viewing folder (`DataDir::view`) for the
//! system viewer; a document naming a denouncer is the desk's on the day of the visit, the
//! first time, and a logged view after that.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDateTime};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::visit_view::VisitRecord;
use crate::desk::{Desk, name};
use crate::domain::office::Office;
use crate::domain::visit::ReceivedBy;
use crate::error::{Error, FieldError, Result};
use crate::print::{self, header::title_of};
use crate::rules::documents::FormRule;
use crate::text::clean;

/// The documents printed from a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VisitForm {
    /// Giấy biên nhận thông tin, tài liệu, bằng chứng.
    Receipt,
    /// Phiếu hẹn.
    Appointment,
    /// Biên bản tiếp công dân.
    Minutes,
}

/// What the officer adds when printing: the appointment's time, place and purpose; the
/// minutes' end time. Ignored by the forms that do not need them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PrintOptions {
    /// Phiếu hẹn: `YYYY-MM-DDTHH:MM`.
    pub appointment_at: Option<String>,
    /// Phiếu hẹn: where to come; default the office's reception room.
    pub appointment_place: Option<String>,
    /// Phiếu hẹn: what for.
    pub appointment_purpose: Option<String>,
}

/// An issued document and where its PDF is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IssuedDocument {
    #[ts(type = "number")]
    pub id: i64,
    /// The stored form name: "receipt", "transfer", …
    pub form: String,
    /// Its name in Vietnamese: "giấy biên nhận", "công văn chuyển đơn", …
    pub title: String,
    /// "05/GBN-UBND".
    pub number_label: String,
    pub issued_on: String,
    pub path: String,
    /// `true` when the document had been issued before and was printed again unchanged.
    pub reprint: bool,
    pub sha256: String,
}

/// An issued document as the window gets it: `opened` tells whether a viewer was started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PrintedDocument {
    pub document: IssuedDocument,
    pub opened: bool,
}

/// "Thời điểm hẹn" checks, pure.
fn appointment_time(opts: &PrintOptions, now: NaiveDateTime) -> Result<NaiveDateTime> {
    let fail = |m: String| Error::Invalid(vec![FieldError::new("appointment_at", m)]);
    let text = opts.appointment_at.as_deref().unwrap_or_default();
    let at = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M").map_err(|_| {
        fail("Chưa nhập hoặc nhập sai thời điểm hẹn; nhập ngày/tháng/năm và giờ:phút.".into())
    })?;
    if at <= now {
        return Err(fail("Thời điểm hẹn phải sau thời điểm hiện tại.".into()));
    }
    Ok(at)
}

impl Desk {
    /// Prints `form` for the visit: the stored copy when it was issued before, else a new
    /// numbered document. A new appointment slip is issued each time (each names its own
    /// time).
    pub fn print_visit_document(
        &mut self,
        ctx: &Ctx,
        visit_id: i64,
        form: VisitForm,
        opts: &PrintOptions,
    ) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let mut visit = self.visit(visit_id)?;
        let issued_before = self.has_document("visit_id", visit_id, &name(form))?;
        // Checked before any copy is written out. Each appointment slip is a new document,
        // yet only the first is the desk's.
        if visit.names_a_denouncer() {
            self.check_denouncer_document(ctx, &visit, &name(form), issued_before)?;
            self.fill_sealed_people(ctx, &mut visit.people_named)?;
        }
        if issued_before
            && form != VisitForm::Appointment
            && let Some(doc) = self.stored_document(ctx, visit_id, form)?
        {
            return Ok(doc);
        }
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let scans = self.attached_names(visit_id)?;
        // Who received the citizen: the officer who recorded the visit, else the one printing.
        let officer = match &visit.officer_name {
            Some(n) => n.clone(),
            None => self.acting_officer_name(ctx)?,
        };
        let appointment_at = match form {
            VisitForm::Appointment => {
                let at = appointment_time(opts, ctx.now)?;
                let calendar = self.working_calendar()?;
                if !calendar.is_working_day(at.date()) {
                    return Err(Error::invalid(
                        "appointment_at",
                        format!(
                            "Ngày hẹn {} là {}, không phải ngày làm việc; ngày làm việc gần nhất sau đó là {}.",
                            at.format("%d/%m/%Y"),
                            crate::rules::calendar::weekday_vi(at.date()),
                            calendar.next_working_day(at.date()).format("%d/%m/%Y")
                        ),
                    ));
                }
                Some(at)
            }
            _ => None,
        };
        let rules = self.rules.documents.clone();
        let rule = match form {
            VisitForm::Receipt => &rules.receipt,
            VisitForm::Appointment => &rules.appointment,
            VisitForm::Minutes => &rules.minutes,
        };
        let owner = Owner {
            case_id: Some(visit.case_id),
            petition_id: None,
            visit_id: Some(visit_id),
            sealed: visit.names_a_denouncer(),
        };
        self.issue(ctx, &name(form), owner, |number| {
            let label = rules.label(rule, number);
            let pdf = match form {
                VisitForm::Receipt => {
                    receipt(&office, &visit, &scans, rule, &label, &officer, ctx.now)
                }
                VisitForm::Minutes => minutes(&office, &visit, rule, &label, &officer, ctx.now),
                VisitForm::Appointment => appointment(
                    &office,
                    &visit,
                    &officer,
                    &label,
                    ctx.now,
                    appointment_at.unwrap_or(ctx.now),
                    opts,
                ),
            };
            (label, pdf)
        })
    }

    /// A document that names a denouncer is printed freely only at the desk, the day of the
    /// visit, the first time; any later print or reprint needs the right to see denouncers
    /// and is logged as a view of their identity.
    pub(in crate::desk) fn check_denouncer_document(
        &mut self,
        ctx: &Ctx,
        visit: &crate::desk::VisitRecord,
        form: &str,
        reprint: bool,
    ) -> Result<()> {
        let same_day = visit.at.get(..10) == Some(ctx.now.format("%Y-%m-%d").to_string().as_str());
        if same_day && !reprint {
            return Ok(());
        }
        let petitions: Vec<i64> = visit.petitions.iter().map(|p| p.id).collect();
        self.log_denouncer_view(
            ctx,
            &format!("in lại {}", form_title(form)),
            "visit",
            &[visit.id],
            &petitions,
        )
    }

    /// Issues a document: takes the next number of the year's register, renders it with
    /// that number, stores its bytes and hash, writes the PDF; all in one transaction.
    pub(in crate::desk) fn issue(
        &mut self,
        ctx: &Ctx,
        form: &str,
        owner: Owner,
        render: impl FnOnce(i64) -> (String, Vec<u8>),
    ) -> Result<IssuedDocument> {
        self.issue_with(ctx, form, owner, render, |_, _| Ok(()))
    }

    /// `issue`, with `also` run in the same transaction once the document is stored (it is
    /// given the document's id): the records a document decides are kept with it or not at
    /// all.
    pub(in crate::desk) fn issue_with(
        &mut self,
        ctx: &Ctx,
        form: &str,
        owner: Owner,
        render: impl FnOnce(i64) -> (String, Vec<u8>),
        also: impl FnOnce(&rusqlite::Transaction, i64) -> Result<()>,
    ) -> Result<IssuedDocument> {
        let year = ctx.now.year();
        let public = if owner.sealed {
            Some(self.denouncer_public(ctx)?)
        } else {
            None
        };
        let issued = self
            .store
            .write(|tx| -> Result<(IssuedDocument, Vec<u8>)> {
                let number: i64 = tx.query_row(
                    "SELECT coalesce(max(number), 0) + 1 FROM documents WHERE register_year = ?1",
                    [year],
                    |r| r.get(0),
                )?;
                let (label, pdf) = render(number);
                let sha256 = hex(&Sha256::digest(&pdf));
                let issued_on = ctx.now.date().to_string();
                let stored = match &public {
                    Some(p) => crate::desk::denouncer::seal_bytes(p, &pdf),
                    None => pdf.clone(),
                };
                tx.execute(
                    "INSERT INTO documents (form, register_year, number, number_label, issued_on,
                     case_id, petition_id, visit_id, content_hash, content, created_at, sealed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    params![
                        form,
                        year,
                        number,
                        label,
                        issued_on,
                        owner.case_id,
                        owner.petition_id,
                        owner.visit_id,
                        sha256,
                        stored,
                        ctx.stamp(),
                        public.is_some()
                    ],
                )?;
                let id = tx.last_insert_rowid();
                also(tx, id)?;
                audit::append(
                    tx,
                    ctx,
                    "document.issue",
                    "document",
                    &[id],
                    Some(
                        serde_json::json!({"form": form, "number": label, "visit": owner.visit_id,
                    "petition": owner.petition_id, "sha256": sha256}),
                    ),
                )?;
                Ok((
                    IssuedDocument {
                        id,
                        form: form.to_owned(),
                        title: form_title(form).to_owned(),
                        number_label: label,
                        issued_on,
                        path: String::new(),
                        reprint: false,
                        sha256,
                    },
                    pdf,
                ))
            })?;
        // The file only once the number and the bytes are committed; a failed write leaves
        // the stored document, which prints again from the database.
        let (mut doc, pdf) = issued;
        doc.path = write_pdf(&self.dir, year, doc.id, &doc.number_label, &pdf)?;
        Ok(doc)
    }

    /// The document `form` issued for the visit before, written out again from its stored
    /// bytes (checked against its hash).
    fn stored_document(
        &self,
        ctx: &Ctx,
        visit_id: i64,
        form: VisitForm,
    ) -> Result<Option<IssuedDocument>> {
        self.stored(ctx, "visit_id", visit_id, &name(form), None)
    }

    /// Whether `form` was issued for `owner_column` = `id` (nothing is written out).
    pub(in crate::desk) fn has_document(
        &self,
        owner_column: &str,
        id: i64,
        form: &str,
    ) -> Result<bool> {
        Ok(self.store.conn().query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE {owner_column} = ?1 AND form = ?2)"
            ),
            params![id, form],
            |r| r.get(0),
        )?)
    }

    /// The document `form` stored for no record of its own (a reception day's record),
    /// written out again.
    pub(in crate::desk) fn stored_form(
        &self,
        ctx: &Ctx,
        form: &str,
    ) -> Result<Option<IssuedDocument>> {
        // Every row matches "1 = 1": the form name alone picks the document.
        self.stored(ctx, "1", 1, form, None)
    }

    /// The first document `form` stored for `owner_column` = `id`, written out again.
    pub(in crate::desk) fn stored(
        &self,
        ctx: &Ctx,
        owner_column: &str,
        id: i64,
        form: &str,
        since: Option<&str>,
    ) -> Result<Option<IssuedDocument>> {
        let row = self
            .store
            .conn()
            .query_row(
                &format!(
                    "SELECT id, register_year, number_label, issued_on, content_hash, content, sealed
                 FROM documents WHERE {owner_column} = ?1 AND form = ?2 AND created_at >= ?3
                 ORDER BY id DESC LIMIT 1"
                ),
                params![id, form, since.unwrap_or("")],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i32>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Vec<u8>>(5)?,
                        r.get::<_, bool>(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, year, label, issued_on, sha256, content, sealed)) = row else {
            return Ok(None);
        };
        // A document naming a denouncer opens only with the denouncer key (the caller's
        // gate has checked the right and logged the view).
        let pdf = if sealed {
            let secret = self.require_denouncer_secret(ctx)?;
            crate::desk::denouncer::open_bytes(&secret, &content).ok_or_else(|| {
                Error::invalid(
                    "document",
                    format!("Văn bản số {label} được niêm phong bằng một khóa danh tính người tố cáo khác; không mở được."),
                )
            })?
        } else {
            content
        };
        if hex(&Sha256::digest(&pdf)) != sha256 {
            return Err(Error::Invalid(vec![FieldError::new(
                "document",
                format!(
                    "Văn bản số {label} lưu trong cơ sở dữ liệu không khớp mã kiểm tra; hãy khôi phục từ bản sao lưu."
                ),
            )]));
        }
        let path = write_pdf(&self.dir, year, id, &label, &pdf)?;
        Ok(Some(IssuedDocument {
            id,
            form: form.to_owned(),
            title: form_title(form).to_owned(),
            number_label: label,
            issued_on,
            path,
            reprint: true,
            sha256,
        }))
    }
}

/// Which records a document belongs to.
pub(in crate::desk) struct Owner {
    pub case_id: Option<i64>,
    pub petition_id: Option<i64>,
    pub visit_id: Option<i64>,
    /// It names a denouncer: its content is sealed to the denouncer key.
    pub sealed: bool,
}

/// The Vietnamese name of a stored form.
pub fn form_title(form: &str) -> &'static str {
    match form {
        "receipt" => "giấy biên nhận",
        "appointment" => "phiếu hẹn",
        "minutes" => "biên bản tiếp công dân",
        "transfer" => "công văn chuyển đơn",
        "guide" => "công văn hướng dẫn",
        "return" => "công văn trả lại đơn",
        "remind" => "công văn đôn đốc",
        "decline" => "thông báo không thụ lý",
        "accept" => "thông báo thụ lý",
        "proposal" => "phiếu đề xuất thụ lý",
        "refusal" => "thông báo từ chối tiếp công dân",
        "conclusion" => "thông báo kết luận buổi tiếp công dân",
        f if f.starts_with("dialogue") => "biên bản đối thoại",
        "invitation" => "giấy mời đối thoại",
        f if f.starts_with("stop") => "quyết định tạm đình chỉ, đình chỉ",
        f if f.starts_with("denunciation-result") => "thông báo kết quả giải quyết tố cáo",
        f if f.starts_with("verification-report") => "báo cáo kết quả xác minh",
        f if f.starts_with("work-minutes") => "biên bản làm việc, xác minh",
        f if f.starts_with("verification") => "quyết định giao nhiệm vụ xác minh",
        f if f.starts_with("denunciation-acceptance") => "quyết định thụ lý giải quyết tố cáo",
        f if f.starts_with("protection") => "văn bản về bảo vệ người tố cáo",
        f if f.starts_with("reply") => "văn bản trả lời kiến nghị, phản ánh",
        f if f.starts_with("empty-session") => "biên bản buổi tiếp không có công dân",
        f if f.starts_with("extension") => "quyết định gia hạn giải quyết",
        f if f.starts_with("complaint-decision") => "quyết định giải quyết khiếu nại",
        f if f.starts_with("denunciation-conclusion") => "kết luận nội dung tố cáo",
        _ => "văn bản",
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes the PDF into the viewing folder (`DataDir::view`) and returns its path; the
/// document itself is kept in the database.
fn write_pdf(
    dir: &crate::datadir::DataDir,
    year: i32,
    id: i64,
    label: &str,
    pdf: &[u8],
) -> Result<String> {
    let safe: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let path: PathBuf = crate::desk::files::view_path(dir, &format!("{year}-{id:06}-{safe}.pdf"))?;
    let path = crate::desk::files::write_copy(&path, pdf)?;
    Ok(path.display().to_string())
}

impl Desk {
    /// The name printed for the officer acting now: the signed-in officer, else the name
    /// the audit trail gives the actor (without its login in brackets).
    pub(crate) fn acting_officer_name(&self, ctx: &Ctx) -> Result<String> {
        if let Some(id) = ctx.officer_id
            && let Some(name) = self
                .store
                .conn()
                .query_row("SELECT full_name FROM officers WHERE id = ?1", [id], |r| {
                    r.get::<_, String>(0)
                })
                .optional()?
        {
            return Ok(name);
        }
        Ok(ctx
            .actor
            .split(" (")
            .next()
            .unwrap_or(&ctx.actor)
            .trim()
            .to_owned())
    }
}

fn reception_room(office: &Office) -> String {
    format!("Trụ sở tiếp công dân, {}", office.name)
}

fn id_line(p: &crate::desk::visit_view::VisitPerson) -> String {
    let Some(number) = &p.id_number else {
        return String::new();
    };
    let mut s = number.clone();
    if let Some(on) = &p.id_issued_on
        && let Ok(d) = chrono::NaiveDate::parse_from_str(on, "%Y-%m-%d")
    {
        s.push_str(&format!(", cấp ngày {}", d.format("%d/%m/%Y")));
    }
    if let Some(by) = &p.id_issued_by {
        s.push_str(&format!(", nơi cấp {by}"));
    }
    s
}

fn receipt(
    office: &Office,
    v: &VisitRecord,
    scans: &[String],
    rule: &FormRule,
    label: &str,
    officer: &str,
    now: NaiveDateTime,
) -> Vec<u8> {
    let reps = v.representatives();
    let first = reps.first().copied();
    let mut group = String::new();
    if v.people > 1 {
        group = format!("đại diện cho đoàn {} người", v.people);
        let others: Vec<String> = reps
            .iter()
            .skip(1)
            .map(|p| format!("{} {}", title_of(p.gender), p.full_name))
            .collect();
        if !others.is_empty() {
            group.push_str(&format!("; người đại diện khác: {}", others.join(", ")));
        }
    }
    let papers = v
        .petitions
        .iter()
        .flat_map(|p| p.papers.iter())
        .map(|p| print::receipt::ReceivedPaper {
            title: p.title.clone(),
            original: p.original,
            certified: p.certified,
            pages: p.pages,
        })
        // Files attached to the visit or its petitions: received as electronic copies.
        .chain(scans.iter().map(|name| print::receipt::ReceivedPaper {
            title: format!("Bản điện tử: {name}"),
            original: false,
            certified: false,
            pages: None,
        }))
        .collect();
    print::receipt::render(&print::receipt::Receipt {
        parent: office.parent.clone(),
        agency: office.name.clone(),
        number: label.to_owned(),
        place: office.place.clone(),
        at: now,
        received_at: reception_room(office),
        officer: officer.to_owned(),
        provider_title: title_of(first.and_then(|p| p.gender)).to_owned(),
        provider_name: first.map(|p| p.full_name.clone()).unwrap_or_default(),
        provider_id: first.map(id_line).unwrap_or_default(),
        provider_address: first.map(|p| p.address.clone()).unwrap_or_default(),
        provider_phone: first.and_then(|p| p.phone.clone()).unwrap_or_default(),
        group,
        content: v.content(),
        papers,
        copies: rule.copies,
        copies_to_provider: rule.copies_to_provider,
    })
}

fn minutes(
    office: &Office,
    v: &VisitRecord,
    rule: &FormRule,
    label: &str,
    officer: &str,
    now: NaiveDateTime,
) -> Vec<u8> {
    let at = NaiveDateTime::parse_from_str(&v.at, "%Y-%m-%dT%H:%M:%S").unwrap_or(now);
    let (host, host_role) = match v.received_by {
        ReceivedBy::Head => (office.chair.clone(), format!("Chủ tịch {}", office.name)),
        ReceivedBy::Delegate => (
            officer.to_owned(),
            "người được ủy quyền tiếp công dân".to_owned(),
        ),
        ReceivedBy::Officer => (officer.to_owned(), "cán bộ tiếp công dân".to_owned()),
    };
    let received = v
        .representatives()
        .into_iter()
        .map(|p| print::minutes::Received {
            title: title_of(p.gender).to_owned(),
            name: p.full_name.clone(),
            id_line: id_line(p),
            address: p.address.clone(),
            phone: p.phone.clone().unwrap_or_default(),
        })
        .collect();
    let papers = v
        .petitions
        .iter()
        .flat_map(|p| p.papers.iter())
        .map(|p| {
            let kind = print::receipt::paper_kind_vi(p.original, p.certified);
            match p.pages {
                Some(n) => format!("{} ({kind}, {n} trang)", p.title),
                None => format!("{} ({kind})", p.title),
            }
        })
        .collect();
    let mut content = v.summary.clone();
    if !v.petitions.is_empty() {
        if !content.is_empty() {
            content.push_str(". ");
        }
        content.push_str(&v.content());
    }
    print::minutes::render(&print::minutes::Minutes {
        secret: v.names_a_denouncer(),
        denunciation: !v.petitions.is_empty()
            && v.petitions
                .iter()
                .all(|p| p.kind == crate::domain::visit::PetitionKind::Denunciation),
        parent: office.parent.clone(),
        agency: office.name.clone(),
        number: label.to_owned(),
        place: office.place.clone(),
        at,
        ended_at: now.max(at),
        at_place: reception_room(office),
        host,
        host_role,
        recorder: officer.to_owned(),
        received,
        people: v.people,
        content,
        papers,
        outcome: v.outcome.clone(),
        copies: rule.copies,
    })
}

fn appointment(
    office: &Office,
    v: &VisitRecord,
    officer: &str,
    label: &str,
    now: NaiveDateTime,
    at: NaiveDateTime,
    opts: &PrintOptions,
) -> Vec<u8> {
    let first = v.representatives().first().copied();
    let place = opts
        .appointment_place
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| reception_room(office));
    let purpose = opts
        .appointment_purpose
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "nhận kết quả giải quyết".to_owned());
    let about = if v.case_title.is_empty() {
        v.content()
    } else {
        v.case_title.clone()
    };
    print::appointment::render(&print::appointment::Appointment {
        // The slip is the citizen's own paper (their name and a time): never marked MẬT,
        // which is the office's mark for what it keeps.
        parent: office.parent.clone(),
        agency: office.name.clone(),
        number: label.to_owned(),
        place: office.place.clone(),
        issued_at: now,
        person_title: title_of(first.and_then(|p| p.gender)).to_owned(),
        person_name: first.map(|p| p.full_name.clone()).unwrap_or_default(),
        person_address: first.map(|p| p.address.clone()).unwrap_or_default(),
        about,
        at,
        at_place: place,
        purpose,
        officer: officer.to_owned(),
    })
}
