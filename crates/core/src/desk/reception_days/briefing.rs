//! The host's briefing pack for a reception session (Tài liệu chuẩn bị buổi tiếp): for
//! each booked citizen, the case's history (visits, petitions, handling decisions,
//! resolutions, answers), its open deadlines and flags, and the officer's note; a summary
//! page first. Read-only; the PDF is drawn by `print::briefing`.

use chrono::NaiveDate;

use crate::audit::Ctx;
use crate::desk::schedule::SessionKey;
use crate::desk::{BookingView, Desk, from_name};
use crate::domain::deadline::{Action, EventKind, Status};
use crate::domain::forms;
use crate::domain::visit::{PetitionKind, Reception};
use crate::error::{Error, FieldError, Result};
use crate::print::briefing::{Briefing, BriefingItem};

use crate::desk::days::stored_dmy as dmy;

impl Desk {
    /// The briefing pack of the session `key` names, as of `today`.
    /// A booked denouncer is named only for a host holding the right to see denouncers, and
    /// that is a logged view; anyone else reads "người tố cáo (bảo mật)".
    pub fn briefing_pack_pdf(
        &mut self,
        ctx: &Ctx,
        key: &SessionKey,
        today: NaiveDate,
    ) -> Result<Vec<u8>> {
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let session = self.session_of(key)?.ok_or_else(|| {
            Error::Invalid(vec![FieldError::new(
                "session",
                "Không tìm thấy buổi tiếp này.",
            )])
        })?;
        let bookings = match session.id {
            Some(id) => self.bookings(id)?,
            None => Vec::new(),
        };
        let may_see = ctx
            .roles
            .may(crate::domain::access::Permission::SeeDenouncer);
        let mut items = Vec::with_capacity(bookings.len());
        for b in &bookings {
            let mut item = self.briefing_item(b, today)?;
            if b.secret {
                if may_see {
                    let petitions = match b.case_id {
                        Some(c) => self.denunciations_of("case", c)?,
                        None => Vec::new(),
                    };
                    self.log_denouncer_view(
                        ctx,
                        "tài liệu chuẩn bị buổi tiếp công dân",
                        "booking",
                        &[b.id],
                        &petitions,
                    )?;
                    if let Some(c) = self.citizen_for(ctx, b.citizen_id)? {
                        item.citizen = c.full_name;
                    }
                } else {
                    item.address = "(bảo mật)".to_owned();
                }
            }
            items.push(item);
        }
        Ok(crate::print::briefing::render(&Briefing {
            parent: office.parent,
            agency: office.name,
            when: forms::session_when(session.on, session.start, session.end),
            place: session.place.clone(),
            host: format!("{} {}", session.host.label_vi(), session.host_name),
            prepared_on: today.format("%d/%m/%Y").to_string(),
            items,
        }))
    }

    fn briefing_item(&self, b: &BookingView, today: NaiveDate) -> Result<BriefingItem> {
        let conn = self.store.conn();
        let address: String = conn.query_row(
            "SELECT address FROM citizens WHERE id = ?1",
            [b.citizen_id],
            |r| r.get(0),
        )?;
        let mut history: Vec<(String, String)> = Vec::new();
        // The case's records; without a case, the citizen's own visits and petitions.
        let (visit_sql, petition_sql, owner) = match b.case_id {
            Some(case) => (
                "SELECT at, reception, summary, outcome FROM visits WHERE case_id = ?1 ORDER BY at",
                "SELECT id, received_on, kind, summary FROM petitions WHERE case_id = ?1 ORDER BY received_on, id",
                case,
            ),
            None => (
                "SELECT v.at, v.reception, v.summary, v.outcome FROM visits v
                   JOIN visit_citizens vc ON vc.visit_id = v.id WHERE vc.citizen_id = ?1 ORDER BY v.at",
                "SELECT p.id, p.received_on, p.kind, p.summary FROM petitions p
                   JOIN petition_citizens pc ON pc.petition_id = p.id WHERE pc.citizen_id = ?1
                  ORDER BY p.received_on, p.id",
                b.citizen_id,
            ),
        };
        let mut visits = conn.prepare(visit_sql)?;
        let mut rows = visits.query([owner])?;
        while let Some(r) = rows.next()? {
            let at: String = r.get(0)?;
            let reception: String = r.get(1)?;
            let summary: String = r.get(2)?;
            let outcome: String = r.get(3)?;
            let text =
                forms::visit_line(from_name::<Reception>(&reception).ok(), &summary, &outcome);
            history.push((at.clone(), text));
        }
        let mut petitions = conn.prepare(petition_sql)?;
        let found: Vec<(i64, String, String, String)> = petitions
            .query_map([owner], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut events = conn.prepare_cached(
            "SELECT e.on_date, e.kind, e.action, a.name, e.decision, e.result, e.reason, e.partial
               FROM events e LEFT JOIN agencies a ON a.id = e.to_agency
              WHERE e.petition_id = ?1 ORDER BY e.on_date, e.id",
        )?;
        let mut deadlines = Vec::new();
        let mut flags: Vec<String> = Vec::new();
        for (id, received, kind, summary) in &found {
            let kind: PetitionKind =
                from_name(kind).map_err(|e| Error::Invalid(vec![FieldError::new("kind", e)]))?;
            history.push((received.clone(), forms::petition_line(kind, summary)));
            let mut rows = events.query([id])?;
            while let Some(r) = rows.next()? {
                let on: String = r.get(0)?;
                let ev: String = r.get(1)?;
                let action: Option<String> = r.get(2)?;
                let agency: Option<String> = r.get(3)?;
                let decision: Option<String> = r.get(4)?;
                let result: Option<String> = r.get(5)?;
                let reason: Option<String> = r.get(6)?;
                let partial: Option<bool> = r.get(7)?;
                let text = match from_name::<EventKind>(&ev) {
                    Ok(kind) => forms::event_line(&forms::EventLine {
                        kind,
                        action: action.as_deref().and_then(|a| from_name::<Action>(a).ok()),
                        agency: agency.as_deref(),
                        decision: decision.as_deref(),
                        result: result.as_deref(),
                        reason: reason.as_deref(),
                        partial,
                    }),
                    Err(_) => ev.clone(),
                };
                history.push((on, text));
            }
            let d = self.deadlines(*id, today)?;
            if d.status != Status::Closed {
                for dl in d
                    .deadlines
                    .iter()
                    .filter(|x| x.met_on.is_none() && !x.suspended)
                {
                    deadlines.push((
                        match crate::desk::days::day(received) {
                            Some(r) => forms::deadline_line(dl.name.label_vi(), r),
                            None => format!("Thời hạn {}", dl.name.label_vi()),
                        },
                        dl.due.format("%d/%m/%Y").to_string(),
                        dl.due < today,
                    ));
                }
            }
            for f in self.flags_of(*id, today)? {
                let label = f.label_vi().to_owned();
                if !flags.contains(&label) {
                    flags.push(label);
                }
            }
        }
        history.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(BriefingItem {
            citizen: b.citizen_name.clone(),
            address,
            people: b.people,
            case_title: b.case_title.clone(),
            note: b.note.clone(),
            flags,
            history: history.into_iter().map(|(d, t)| (dmy(&d), t)).collect(),
            deadlines,
        })
    }
}

impl Desk {
    /// Writes the briefing pack in the viewing folder (`DataDir::view`).
    pub fn export_briefing_pack(
        &mut self,
        ctx: &Ctx,
        key: &SessionKey,
    ) -> Result<crate::desk::RegisterFile> {
        let now = ctx.now;
        let bytes = self.briefing_pack_pdf(ctx, key, now.date())?;
        let on = self
            .session_of(key)?
            .map(|s| s.on.format("%Y%m%d").to_string())
            .unwrap_or_default();
        let path = crate::desk::files::export_path(
            &self.dir,
            &format!("tai-lieu-buoi-tiep-{on}"),
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
