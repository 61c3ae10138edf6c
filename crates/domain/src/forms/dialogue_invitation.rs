//! Giấy mời đối thoại.

use chrono::NaiveDate;

/// A dialogue invitation (giấy mời đối thoại giải quyết khiếu nại).
pub struct DialogueInvitation<'a> {
    /// "Ủy ban nhân dân xã Ba Tơ": its chair invites.
    pub office: &'a str,
    /// Who is invited, one line each ("Ông Nguyễn Văn Đức, Thôn Đông").
    pub people: &'a [String],
    pub summary: &'a str,
    pub received_on: NaiveDate,
    /// The dialogue's time and day, the day already in words ("ngày 12 tháng 3 năm 2026").
    pub hour: u32,
    pub minute: u32,
    pub day_in_words: &'a str,
    pub place: &'a str,
}

/// The invitation's paragraphs, in order.
pub fn dialogue_invitation(d: &DialogueInvitation) -> Vec<String> {
    let mut p = vec![format!("Chủ tịch {} trân trọng kính mời:", d.office)];
    p.extend(d.people.iter().map(|x| format!("- {x};")));
    p.push(format!(
        "Đến dự buổi đối thoại về việc giải quyết khiếu nại: {} (đơn nhận ngày {}).",
        d.summary,
        d.received_on.format("%d/%m/%Y")
    ));
    p.push(format!(
        "Thời gian: {} giờ {:02} phút, {}.",
        d.hour, d.minute, d.day_in_words
    ));
    p.push(format!("Địa điểm: {}.", d.place));
    p.push("Khi đến, mang theo giấy tờ tùy thân và các tài liệu, chứng cứ liên quan (nếu có). Trường hợp người khiếu nại đã được mời mà vắng mặt không có lý do chính đáng, việc giải quyết khiếu nại vẫn được tiếp tục theo quy định.".to_owned());
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialogue_invitation_names_everyone_the_time_and_the_place() {
        let people = vec!["Ông Nguyễn Văn Đức, Thôn Đông".to_owned()];
        let p = dialogue_invitation(&DialogueInvitation {
            office: "Ủy ban nhân dân xã Ba Tơ",
            people: &people,
            summary: "Khiếu nại quyết định thu hồi đất",
            received_on: NaiveDate::from_ymd_opt(2026, 2, 4).unwrap(),
            hour: 8,
            minute: 5,
            day_in_words: "ngày 12 tháng 3 năm 2026",
            place: "Hội trường Ủy ban nhân dân xã",
        });
        assert_eq!(
            p[0],
            "Chủ tịch Ủy ban nhân dân xã Ba Tơ trân trọng kính mời:"
        );
        assert_eq!(p[1], "- Ông Nguyễn Văn Đức, Thôn Đông;");
        assert!(p[2].ends_with("(đơn nhận ngày 04/02/2026)."), "{}", p[2]);
        assert_eq!(p[3], "Thời gian: 8 giờ 05 phút, ngày 12 tháng 3 năm 2026.");
        assert!(p.iter().all(|l| !l.contains("……")));
    }
}
