//! Citizens booked into a reception session: the place taken (within the capacity), a
//! booking cancelled with its reason, the session's list, and the appointment slip.

use rusqlite::{OptionalExtension, params};

use crate::audit::{self, Ctx};
use crate::desk::denouncer::{MASKED, SECRET_BOOKING};
use crate::desk::documents::{IssuedDocument, Owner};
use crate::desk::{Desk, from_name};
use crate::domain::schedule::{Host, Session};
use crate::error::{Error, Result};
use crate::text::clean;

use super::schedule::{BookingInput, BookingView, MARGIN, SessionKey, day, dmy, time};

impl Desk {
    /// Cancels a booking (the citizen will not come, or was booked in error), with a reason:
    /// not one of a session already held; audited with the session and the reason, never the
    /// person's name. Frees the place for someone else.
    pub fn cancel_booking(&mut self, ctx: &Ctx, booking_id: i64, reason: &str) -> Result<()> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let reason = clean(reason);
        let found: Option<(i64, String)> = self
            .store
            .conn()
            .query_row(
                "SELECT b.session_id, s.on_date FROM bookings b
                   JOIN reception_sessions s ON s.id = b.session_id WHERE b.id = ?1",
                [booking_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((session, on)) = found else {
            return Err(Error::invalid(
                "booking_id",
                "Không tìm thấy lượt đặt lịch này (có thể đã được hủy).",
            ));
        };
        if reason.chars().count() < 3 {
            return Err(Error::invalid(
                "reason",
                "Ghi lý do hủy đặt lịch (ví dụ: công dân báo không đến được).",
            ));
        }
        if day(&on).is_some_and(|d| d < ctx.now.date()) {
            return Err(Error::invalid(
                "booking_id",
                "Buổi tiếp đã diễn ra: không hủy được lượt đặt lịch của buổi đã qua.",
            ));
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute("DELETE FROM bookings WHERE id = ?1", [booking_id])?;
            audit::append(
                tx,
                ctx,
                "schedule.unbook",
                "booking",
                &[booking_id],
                Some(serde_json::json!({"session": session, "reason": reason})),
            )?;
            Ok(())
        })
    }

    /// Books a citizen (or a group) into a session: not a cancelled or past session, not
    /// beyond its capacity, once per citizen; audited.
    pub fn book(&mut self, ctx: &Ctx, input: &BookingInput) -> Result<BookingView> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let citizen: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT full_name FROM citizens WHERE id = ?1",
                [input.citizen_id],
                |r| r.get(0),
            )
            .optional()?;
        if citizen.is_none() {
            return Err(Error::invalid("citizen_id", "Không tìm thấy công dân này."));
        }
        if let Some(case_id) = input.case_id {
            let found: Option<i64> = self
                .store
                .conn()
                .query_row("SELECT id FROM cases WHERE id = ?1", [case_id], |r| {
                    r.get(0)
                })
                .optional()?;
            if found.is_none() {
                return Err(Error::invalid("case_id", "Không tìm thấy vụ việc này."));
            }
        }
        if !(1..=500).contains(&input.people) {
            return Err(Error::invalid("people", "Số người đến phải từ 1 đến 500."));
        }
        let note = input.note.as_deref().map(clean).filter(|n| !n.is_empty());
        if note.as_ref().is_some_and(|n| n.chars().count() > 1000) {
            return Err(Error::invalid("note", "Ghi chú dài quá 1.000 ký tự."));
        }
        // A plan's day not stored yet is checked before it is stored.
        let session = match input.session.id {
            Some(_) => None,
            None => self
                .sessions_for_key(&input.session)?
                .filter(|s| s.on < ctx.now.date()),
        };
        if session.is_some() {
            return Err(Error::invalid("session", "Buổi tiếp này đã qua."));
        }
        let id = self.session_id(ctx, &input.session)?;
        let (on, capacity, cancelled): (String, u32, Option<String>) =
            self.store.conn().query_row(
                "SELECT on_date, capacity, cancelled FROM reception_sessions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        let on = day(&on)
            .ok_or_else(|| Error::invalid("session", "Ngày của buổi tiếp không hợp lệ."))?;
        if let Some(reason) = cancelled {
            return Err(Error::invalid(
                "session",
                format!("Buổi tiếp ngày {} đã hủy ({reason}).", dmy(on)),
            ));
        }
        if on < ctx.now.date() {
            return Err(Error::invalid(
                "session",
                format!("Buổi tiếp ngày {} đã qua.", dmy(on)),
            ));
        }
        let already: Option<i64> = self
            .store
            .conn()
            .query_row(
                "SELECT id FROM bookings WHERE session_id = ?1 AND citizen_id = ?2",
                params![id, input.citizen_id],
                |r| r.get(0),
            )
            .optional()?;
        if already.is_some() {
            return Err(Error::invalid(
                "citizen_id",
                format!(
                    "Công dân này đã được đặt lịch vào buổi tiếp ngày {}.",
                    dmy(on)
                ),
            ));
        }
        let booking = self.store.write(|tx| -> Result<i64> {
            // Counted inside the write, so the capacity holds whatever else was just booked.
            let now_booked: u32 = tx.query_row(
                "SELECT count(*) FROM bookings WHERE session_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if now_booked >= capacity {
                return Err(Error::invalid(
                    "session",
                    format!(
                        "Buổi tiếp ngày {} đã đủ {capacity} lượt đặt lịch; hãy chọn buổi khác.",
                        dmy(on)
                    ),
                ));
            }
            tx.execute(
                "INSERT INTO bookings (session_id, citizen_id, case_id, people, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    input.citizen_id,
                    input.case_id,
                    input.people,
                    note,
                    ctx.stamp()
                ],
            )?;
            let booking = tx.last_insert_rowid();
            audit::append(tx, ctx, "schedule.book", "booking", &[booking], Some(serde_json::json!({"session": id, "citizen": input.citizen_id, "case": input.case_id})))?;
            Ok(booking)
        })?;
        self.bookings(id)?
            .into_iter()
            .find(|b| b.id == booking)
            .ok_or_else(|| Error::invalid("session", "Không đọc lại được lượt đặt lịch."))
    }

    /// The session a key names: its stored row, or the plan's day computed.
    pub(in crate::desk) fn session_of(&self, key: &SessionKey) -> Result<Option<Session>> {
        if let Some(id) = key.id {
            let on: Option<String> = self
                .store
                .conn()
                .query_row(
                    "SELECT on_date FROM reception_sessions WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(on) = on.as_deref().and_then(day) else {
                return Ok(None);
            };
            return Ok(self
                .sessions(on, on)?
                .into_iter()
                .find(|s| s.id == Some(id)));
        }
        self.sessions_for_key(key)
    }

    /// The computed session a key names (a plan's day not stored yet).
    pub(super) fn sessions_for_key(&self, key: &SessionKey) -> Result<Option<Session>> {
        let (Some(plan_id), Some(planned)) = (key.plan_id, key.planned_on.as_deref().and_then(day))
        else {
            return Ok(None);
        };
        Ok(self
            .sessions(planned - MARGIN, planned + MARGIN)?
            .into_iter()
            .find(|s| s.plan_id == Some(plan_id) && s.planned_on == Some(planned)))
    }

    /// The citizens booked into session `session_id`, in booking order.
    pub fn bookings(&self, session_id: i64) -> Result<Vec<BookingView>> {
        self.signed_in()?;
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            &format!(
                "SELECT b.id, b.session_id, b.citizen_id, c.full_name, b.case_id, k.title, b.people, b.note,
                        {SECRET_BOOKING}
                   FROM bookings b JOIN citizens c ON c.id = b.citizen_id
                   LEFT JOIN cases k ON k.id = b.case_id
                  WHERE b.session_id = ?1 ORDER BY b.id"
            ),
        )?;
        let rows = stmt.query_map([session_id], |r| {
            let secret: bool = r.get(8)?;
            Ok(BookingView {
                id: r.get(0)?,
                session_id: r.get(1)?,
                citizen_id: r.get(2)?,
                citizen_name: if secret { MASKED.to_owned() } else { r.get(3)? },
                case_id: r.get(4)?,
                case_title: r.get(5)?,
                people: r.get(6)?,
                note: r.get(7)?,
                secret,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The appointment slip (Phiếu hẹn) of a booking: the session's day, hours, place and
    /// host; numbered in the year's register and stored like every issued document.
    pub fn print_booking_slip(&mut self, ctx: &Ctx, booking_id: i64) -> Result<IssuedDocument> {
        ctx.require(crate::domain::access::Permission::RecordVisit)?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        type Row = (
            i64,
            Option<i64>,
            Option<String>,
            String,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            String,
        );
        let row: Option<Row> = self
            .store
            .conn()
            .query_row(
                "SELECT b.citizen_id, b.case_id, k.title, s.on_date, s.start_time, s.place, s.host,
                        s.host_name, c.full_name, c.gender, c.address
                   FROM bookings b JOIN reception_sessions s ON s.id = b.session_id
                   JOIN citizens c ON c.id = b.citizen_id LEFT JOIN cases k ON k.id = b.case_id
                  WHERE b.id = ?1",
                [booking_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                    ))
                },
            )
            .optional()?;
        let Some((
            citizen_id,
            case_id,
            case_title,
            on,
            start,
            place,
            host,
            host_name,
            full_name,
            gender,
            address,
        )) = row
        else {
            return Err(Error::invalid(
                "booking_id",
                "Không tìm thấy lượt đặt lịch này.",
            ));
        };
        let (secret, first_today): (bool, bool) = self.store.conn().query_row(
            &format!(
                "SELECT {SECRET_BOOKING}, substr(b.created_at, 1, 10) = ?2
                        AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.form = 'appointment'
                                 AND d.case_id IS b.case_id AND d.visit_id IS NULL
                                 AND d.created_at >= b.created_at)
                   FROM bookings b WHERE b.id = ?1"
            ),
            params![booking_id, ctx.now.date().to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // A denouncer's slip: the first, at the desk on the day of booking; else a view.
        if secret && !first_today {
            let petitions = match case_id {
                Some(c) => self.denunciations_of("case", c)?,
                None => Vec::new(),
            };
            self.log_denouncer_view(
                ctx,
                "in lại phiếu hẹn",
                "booking",
                &[booking_id],
                &petitions,
            )?;
        }
        let at = day(&on)
            .zip(time(&start))
            .map(|(d, t)| d.and_time(t))
            .ok_or_else(|| Error::invalid("booking_id", "Ngày giờ của buổi tiếp không hợp lệ."))?;
        let host: Host = from_name(&host).map_err(|e| Error::invalid("booking_id", e))?;
        let gender = gender.and_then(|g| from_name(&g).ok());
        let rules = self.rules.documents.clone();
        // A sealed identity on the slip: opened for a role that may see denouncers, or as
        // typed at this desk in this session.
        let (full_name, address) = match self.sealed_name_address(ctx, citizen_id)? {
            Some(opened) => opened,
            None => (full_name, address),
        };
        let owner = Owner {
            case_id,
            petition_id: None,
            visit_id: None,
            sealed: secret,
        };
        let officer = self.acting_officer_name(ctx)?;
        let (about, purpose) =
            crate::domain::forms::booking_slip_text(case_title.as_deref(), host, &host_name);
        self.issue(ctx, "appointment", owner, |number| {
            let label = rules.label(&rules.appointment, number);
            let pdf = crate::print::appointment::render(&crate::print::appointment::Appointment {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: label.clone(),
                place: office.place.clone(),
                issued_at: ctx.now,
                person_title: crate::print::header::title_of(gender).to_owned(),
                person_name: full_name.clone(),
                person_address: address.clone(),
                about: about.clone(),
                at,
                at_place: place.clone(),
                purpose: purpose.clone(),
                officer: officer.clone(),
            });
            (label, pdf)
        })
    }
}
