//! The schedule published: the hosts' sessions as iCalendar for a phone, and the public
//! notice of reception days to post at the office.

use chrono::{Days, NaiveDate};

use crate::desk::Desk;
use crate::domain::schedule::{Host, SessionKind, ShiftPolicy};
use crate::error::{Error, Result};
use crate::rules::calendar::weekday_vi;

use super::schedule::{SessionView, day, dmy, time};

impl Desk {
    /// The sessions from `from` to `to` (of one host, or all) as an iCalendar file for a
    /// phone's calendar: one event per session that is not cancelled, in local time, with a
    /// stable UID (the plan's day, or the stored session).
    pub fn schedule_ics(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        host: Option<Host>,
    ) -> Result<String> {
        self.signed_in()?;
        use icalendar::{Calendar, Component, Event, EventLike};
        let view = self.schedule(from, to)?;
        let office = self.office()?.map(|o| o.name).unwrap_or_default();
        let mut calendar = Calendar::new();
        calendar.name(&format!("Lịch tiếp công dân — {office}"));
        for s in view
            .sessions
            .iter()
            .filter(|s| s.cancelled.is_none() && host.is_none_or(|h| h == s.host))
        {
            let (Some(on), Some(start), Some(end)) = (day(&s.on), time(&s.start), time(&s.end))
            else {
                continue;
            };
            let uid = match (&s.key.id, &s.key.plan_id, &s.key.planned_on) {
                (_, Some(plan), Some(planned)) => format!("plan-{plan}-{planned}@tiepdan"),
                (Some(id), _, _) => format!("session-{id}@tiepdan"),
                _ => format!("{}-{}@tiepdan", s.on, s.start),
            };
            let moved = s
                .planned_on
                .as_deref()
                .and_then(day)
                .filter(|_| s.moved)
                .map(|p| {
                    format!(
                        " Lịch định kỳ ngày {}, chuyển sang ngày làm việc tiếp theo.",
                        dmy(p)
                    )
                })
                .unwrap_or_default();
            calendar.push(
                Event::new()
                    .uid(&uid)
                    .summary(&format!("Tiếp công dân — {} {}", s.host_label, s.host_name))
                    .location(&s.place)
                    .description(&format!(
                        "{}. Đã đặt lịch {}/{} lượt.{moved}",
                        match s.kind {
                            SessionKind::Planned => "Tiếp công dân định kỳ",
                            SessionKind::OneOff => "Buổi tiếp công dân",
                            SessionKind::AdHoc => "Tiếp công dân đột xuất",
                        },
                        s.booked,
                        s.capacity
                    ))
                    .starts(on.and_time(start))
                    .ends(on.and_time(end))
                    .done(),
            );
        }
        Ok(calendar.done().to_string())
    }
}

impl Desk {
    /// Writes `schedule_ics` in the viewing folder (`DataDir::view`).
    pub fn export_schedule_ics(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        host: Option<Host>,
        now: chrono::NaiveDateTime,
    ) -> Result<crate::desk::RegisterFile> {
        self.signed_in()?;
        let text = self.schedule_ics(from, to, host)?;
        let stem = format!(
            "lich-tiep-cong-dan-{}-{}",
            from.format("%Y%m%d"),
            to.format("%Y%m%d")
        );
        let path = crate::desk::files::export_path(&self.dir, &stem, now, "ics")?;
        let path = crate::desk::files::write_copy(&path, text.as_bytes())?;
        Ok(crate::desk::RegisterFile {
            path: path.display().to_string(),
            rows: text.matches("BEGIN:VEVENT").count() as u32,
        })
    }
}

/// "tháng 12 năm 2026" for a whole month, else "từ ngày 01/12/2026 đến ngày 15/12/2026".
fn range_words(from: NaiveDate, to: NaiveDate) -> String {
    use chrono::Datelike;
    let month_end = (from + Days::new(32)).with_day(1).map(|d| d - Days::new(1));
    if from.day() == 1 && Some(to) == month_end {
        format!("tháng {} năm {}", from.month(), from.year())
    } else {
        format!("từ ngày {} đến ngày {}", dmy(from), dmy(to))
    }
}

fn hours_words(start: &str, end: &str) -> String {
    let words = |t: &str| t.replacen(':', " giờ ", 1);
    format!("từ {} đến {}", words(start), words(end))
}

impl Desk {
    /// Thông báo lịch tiếp công dân: the sessions of a range (not cancelled) as a public
    /// notice to post at the office, per Nghị định 30/2020.
    pub fn schedule_notice_pdf(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<u8>> {
        self.signed_in()?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let view = self.schedule(from, to)?;
        let range = range_words(from, to);
        let mut paragraphs = vec![crate::domain::forms::schedule_notice_opening(
            &office.name,
            &range,
            today,
            &self.rules.documents,
        )];
        let held: Vec<&SessionView> = view
            .sessions
            .iter()
            .filter(|s| s.cancelled.is_none())
            .collect();
        if held.is_empty() {
            paragraphs
                .push("- Chưa có buổi tiếp công dân định kỳ nào trong thời gian này.".to_owned());
        }
        for s in held {
            let on = day(&s.on).expect("the schedule's own dates");
            let mut p = format!(
                "- {}, ngày {}, {}: {} {} tiếp công dân tại {}",
                {
                    let w = weekday_vi(on);
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                },
                dmy(on),
                hours_words(&s.start, &s.end),
                s.host_label,
                s.host_name,
                s.place
            );
            if let Some(planned) = s.planned_on.as_deref().and_then(day).filter(|_| s.moved) {
                p.push_str(&format!(
                    " (chuyển từ ngày {} do trùng ngày nghỉ)",
                    dmy(planned)
                ));
            }
            if s.kind == SessionKind::AdHoc {
                p.push_str(" (tiếp đột xuất)");
            }
            p.push('.');
            paragraphs.push(p);
        }
        paragraphs.push(match view.policy {
            ShiftPolicy::Next => "Trường hợp ngày tiếp định kỳ trùng ngày nghỉ lễ, Tết hoặc ngày nghỉ hằng tuần thì chuyển sang ngày làm việc kế tiếp.".to_owned(),
            ShiftPolicy::Previous => "Trường hợp ngày tiếp định kỳ trùng ngày nghỉ lễ, Tết hoặc ngày nghỉ hằng tuần thì chuyển lên ngày làm việc liền trước.".to_owned(),
            ShiftPolicy::Skip => "Trường hợp ngày tiếp định kỳ trùng ngày nghỉ lễ, Tết hoặc ngày nghỉ hằng tuần thì không tổ chức tiếp vào ngày đó.".to_owned(),
        });
        paragraphs.push("Công dân đến khiếu nại, tố cáo, kiến nghị, phản ánh xuất trình căn cước hoặc giấy tờ tùy thân; người được ủy quyền mang theo giấy ủy quyền. Công dân có thể đăng ký trước tại bộ phận tiếp công dân của xã để được sắp xếp lịch.".to_owned());
        paragraphs.push(format!("{} thông báo để Nhân dân được biết.", office.name));
        Ok(crate::print::letter::render(
            &crate::print::letter::Letter {
                parent: office.parent.clone(),
                agency: office.name.clone(),
                number: "      /TB-UBND".to_owned(),
                place: office.place.clone(),
                date: today,
                heading: Some((
                    "THÔNG BÁO".to_owned(),
                    format!("Lịch tiếp công dân định kỳ {range}"),
                )),
                subject: String::new(),
                to: Vec::new(),
                paragraphs,
                authority: self.rules.documents.authority("schedule"),
                signer: office.chair.clone(),
                copies_to: vec![
                    "Thường trực Đảng ủy xã".into(),
                    "Ủy ban Mặt trận Tổ quốc Việt Nam xã".into(),
                    "Niêm yết tại trụ sở và nhà văn hóa các thôn".into(),
                    "Đài truyền thanh xã".into(),
                    "Lưu: VT".into(),
                ],
                secret: false,
            },
        ))
    }

    /// Writes `schedule_notice_pdf` in the viewing folder (`DataDir::view`).
    pub fn export_schedule_notice(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        now: chrono::NaiveDateTime,
    ) -> Result<crate::desk::RegisterFile> {
        self.signed_in()?;
        let bytes = self.schedule_notice_pdf(from, to, now.date())?;
        let stem = format!(
            "thong-bao-lich-tiep-{}-{}",
            from.format("%Y%m%d"),
            to.format("%Y%m%d")
        );
        let path = crate::desk::files::export_path(&self.dir, &stem, now, "pdf")?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(crate::desk::RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }
}
