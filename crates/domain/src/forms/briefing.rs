//! The lines of the host's briefing pack (tài liệu chuẩn bị buổi tiếp): when the session
//! is, and each step of a case's history as one sentence.

use chrono::{NaiveDate, NaiveTime};
use tiepdan_rules::calendar::weekday_vi;

use crate::deadline::{Action, EventKind};
use crate::visit::{PetitionKind, Reception};

/// "Thứ Ba, ngày 10/03/2026, từ 07 giờ 30 đến 11 giờ 00".
pub fn session_when(on: NaiveDate, start: NaiveTime, end: NaiveTime) -> String {
    let w = weekday_vi(on);
    let mut c = w.chars();
    let weekday = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default();
    format!(
        "{weekday}, ngày {}, từ {} đến {}",
        on.format("%d/%m/%Y"),
        start.format("%H giờ %M"),
        end.format("%H giờ %M")
    )
}

/// A visit: how the citizen was received, what about and, when recorded, with what result.
pub fn visit_line(reception: Option<Reception>, summary: &str, outcome: &str) -> String {
    let how = match reception {
        Some(Reception::Periodic) => "Tiếp định kỳ",
        Some(Reception::AdHoc) => "Tiếp đột xuất",
        _ => "Tiếp thường xuyên",
    };
    if outcome.trim().is_empty() {
        format!("{how}: {summary}")
    } else {
        format!("{how}: {summary} Kết quả: {}", outcome.trim())
    }
}

/// A petition received.
pub fn petition_line(kind: PetitionKind, summary: &str) -> String {
    let word = match kind {
        PetitionKind::Complaint => "đơn khiếu nại",
        PetitionKind::Denunciation => "đơn tố cáo",
        PetitionKind::Recommendation => "đơn kiến nghị",
        PetitionKind::Feedback => "đơn phản ánh",
    };
    format!("Nhận {word}: {summary}")
}

/// One recorded step of a petition, with the fields its sentence needs.
pub struct EventLine<'a> {
    pub kind: EventKind,
    pub action: Option<Action>,
    /// The body a petition was transferred to.
    pub agency: Option<&'a str>,
    pub decision: Option<&'a str>,
    /// A resolution's finding: "right", "wrong" or "partly".
    pub result: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub partial: Option<bool>,
}

/// The step as one sentence.
pub fn event_line(e: &EventLine) -> String {
    match e.kind {
        EventKind::Handled => {
            let to = e.agency.map(|n| format!(" đến {n}")).unwrap_or_default();
            format!(
                "Xử lý đơn: {}{to}",
                e.action.unwrap_or(Action::Accept).label_vi()
            )
        }
        EventKind::Accepted => "Thụ lý giải quyết".to_owned(),
        EventKind::Extended => "Gia hạn giải quyết".to_owned(),
        EventKind::Paused => "Tạm đình chỉ giải quyết".to_owned(),
        EventKind::Resumed => "Tiếp tục giải quyết".to_owned(),
        EventKind::Dialogue => "Đối thoại".to_owned(),
        EventKind::Resolved => {
            let number = e.decision.map(|d| format!(" số {d}")).unwrap_or_default();
            let finding = match e.result {
                Some("right") => "đúng",
                Some("wrong") => "sai",
                Some(_) => "đúng một phần",
                None => "đã giải quyết",
            };
            format!("Quyết định giải quyết{number}: {finding}")
        }
        EventKind::Terminated => format!(
            "Đình chỉ giải quyết{}",
            e.reason.map(|r| format!(" ({r})")).unwrap_or_default()
        ),
        EventKind::Withdrawn if e.partial == Some(true) => "Rút một phần nội dung".to_owned(),
        EventKind::Withdrawn => "Rút toàn bộ đơn".to_owned(),
        EventKind::Enforced => "Đã thi hành xong quyết định".to_owned(),
        EventKind::ReplyReceived => "Nhận văn bản trả lời của cơ quan được chuyển đơn".to_owned(),
    }
}

/// An open deadline of a petition received on `received`.
pub fn deadline_line(name: &str, received: NaiveDate) -> String {
    format!("Thời hạn {name} (đơn nhận {})", received.format("%d/%m/%Y"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: EventKind) -> EventLine<'static> {
        EventLine {
            kind,
            action: None,
            agency: None,
            decision: None,
            result: None,
            reason: None,
            partial: None,
        }
    }

    #[test]
    fn each_step_of_a_case_reads_as_a_sentence_without_blanks() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(
            session_when(d, t(7, 30), t(11, 0)),
            "Thứ Ba, ngày 10/03/2026, từ 07 giờ 30 đến 11 giờ 00"
        );
        assert_eq!(
            visit_line(Some(Reception::Periodic), "Hỏi về đất.", " Đã hướng dẫn. "),
            "Tiếp định kỳ: Hỏi về đất. Kết quả: Đã hướng dẫn."
        );
        assert_eq!(visit_line(None, "Hỏi.", ""), "Tiếp thường xuyên: Hỏi.");
        assert_eq!(
            event_line(&EventLine {
                action: Some(Action::Transfer),
                agency: Some("Công an xã"),
                ..event(EventKind::Handled)
            }),
            format!("Xử lý đơn: {} đến Công an xã", Action::Transfer.label_vi())
        );
        assert_eq!(
            event_line(&EventLine {
                decision: Some("12/QĐ-UBND"),
                result: Some("partly"),
                ..event(EventKind::Resolved)
            }),
            "Quyết định giải quyết số 12/QĐ-UBND: đúng một phần"
        );
        assert_eq!(
            event_line(&event(EventKind::Terminated)),
            "Đình chỉ giải quyết"
        );
        assert_eq!(
            deadline_line("giải quyết", d),
            "Thời hạn giải quyết (đơn nhận 10/03/2026)"
        );
    }
}
