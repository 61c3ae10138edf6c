//! Quyết định tạm đình chỉ / đình chỉ giải quyết khiếu nại.

use chrono::NaiveDate;
use tiepdan_rules::documents::DocumentRules;

/// The decision to suspend (tạm đình chỉ) or end (đình chỉ) the resolution of a complaint.
pub struct StopDecision<'a> {
    /// The office whose chair decides ("Ủy ban nhân dân xã Ba Tơ").
    pub office: &'a str,
    /// The complainant as addressed ("Ông Nguyễn Văn Đức").
    pub complainant: &'a str,
    pub summary: &'a str,
    /// Why, when it was recorded; an event without its reason prints no line to fill.
    pub reason: Option<&'a str>,
    /// From when the resolution stops.
    pub from: NaiveDate,
    /// Suspended (resumed later) rather than ended.
    pub suspend: bool,
}

/// The decision's lines, from the title of the deciding chair to its last article, citing
/// the laws in force on `dated` (the day it is signed).
pub fn stop_decision(d: &StopDecision, dated: NaiveDate, rules: &DocumentRules) -> Vec<String> {
    let mut lines = vec![
        format!("CHỦ TỊCH {}", d.office.to_uppercase()),
        format!("Căn cứ {};", rules.cite("local_government", dated)),
        format!("Căn cứ {};", rules.cite("complaints", dated)),
        format!(
            "Xét đơn khiếu nại của {} về việc: {}.",
            d.complainant, d.summary
        ),
    ];
    if let Some(reason) = d.reason {
        lines.push(format!("Xét thấy: {reason}."));
    }
    lines.extend([
        "QUYẾT ĐỊNH:".to_owned(),
        format!(
            "Điều 1. {} việc giải quyết khiếu nại của {} kể từ ngày {}.{}",
            if d.suspend {
                "Tạm đình chỉ"
            } else {
                "Đình chỉ"
            },
            d.complainant,
            d.from.format("%d/%m/%Y"),
            if d.suspend {
                " Thời gian tạm đình chỉ không tính vào thời hạn giải quyết; việc giải quyết được tiếp tục khi lý do tạm đình chỉ không còn."
            } else {
                ""
            }
        ),
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.".to_owned(),
        "Điều 3. Văn phòng Ủy ban nhân dân, các cơ quan, tổ chức, cá nhân có liên quan và người khiếu nại chịu trách nhiệm thi hành Quyết định này.".to_owned(),
    ]);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::schedule_notice_opening;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn each_form_cites_the_law_in_force_on_either_side_of_1_july_2026() {
        let rules = DocumentRules::default_rules();
        let decision = StopDecision {
            office: "Ủy ban nhân dân xã Ba Tơ",
            complainant: "Ông Nguyễn Văn Đức",
            summary: "thu hồi đất",
            reason: Some("chờ kết quả giám định"),
            from: d(2026, 6, 1),
            suspend: true,
        };
        for (dated, amended) in [(d(2026, 6, 30), false), (d(2026, 7, 1), true)] {
            let text = stop_decision(&decision, dated, &rules).join("\n");
            assert_eq!(text.contains("136/2025"), amended, "{dated}: {text}");
            assert!(text.contains("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011"));
            let notice =
                schedule_notice_opening("Ủy ban nhân dân xã Ba Tơ", "tháng 7", dated, &rules);
            assert_eq!(notice.contains("136/2025"), amended, "{notice}");
            assert!(notice.starts_with("Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013"));
        }
    }

    #[test]
    fn a_stop_without_its_reason_prints_no_line_to_fill() {
        let rules = DocumentRules::default_rules();
        let decision = StopDecision {
            office: "Ủy ban nhân dân xã Ba Tơ",
            complainant: "Bà Trần Thị Lan",
            summary: "cấp giấy chứng nhận",
            reason: None,
            from: d(2026, 8, 3),
            suspend: false,
        };
        let lines = stop_decision(&decision, d(2026, 8, 4), &rules);
        assert!(!lines.iter().any(|l| l.starts_with("Xét thấy")));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Điều 1. Đình chỉ") && l.ends_with("03/08/2026."))
        );
    }
}
