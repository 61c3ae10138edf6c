//! The record of a periodic reception day nobody came to (biên bản buổi tiếp công dân
//! không có công dân đến; TCD_21 in practice): the host was there, at the time and place
//! announced, and no citizen came.

use chrono::{NaiveDate, NaiveTime};

/// The session as it was held.
pub struct EmptySession<'a> {
    pub office: &'a str,
    pub on: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub place: &'a str,
    /// "Chủ tịch Ủy ban nhân dân xã Ba Tơ Phạm Văn Hùng".
    pub host: &'a str,
    /// Who sat with the host, one per entry ("Ông Lê Văn Tâm, công chức tư pháp").
    pub members: &'a [String],
    /// Who wrote the record.
    pub recorder: &'a str,
    /// An ad hoc session (đột xuất) rather than a periodic one.
    pub ad_hoc: bool,
}

/// The record's paragraphs, in order.
pub fn empty_session_minutes(s: &EmptySession) -> Vec<String> {
    let mut p = vec![
        format!(
            "Hôm nay, vào hồi {} ngày {}, tại {}, {} tổ chức tiếp công dân {}.",
            s.start.format("%H giờ %M phút"),
            s.on.format("%d/%m/%Y"),
            s.place,
            s.office,
            if s.ad_hoc {
                "đột xuất"
            } else {
                "định kỳ theo lịch tiếp công dân đã thông báo"
            }
        ),
        "I. Thành phần".to_owned(),
        format!("1. Người chủ trì tiếp công dân: {}.", s.host),
    ];
    let members: Vec<&str> = s
        .members
        .iter()
        .map(|m| m.trim())
        .filter(|m| !m.is_empty())
        .collect();
    if members.is_empty() {
        p.push(format!("2. Người ghi biên bản: {}.", s.recorder));
    } else {
        p.push("2. Cùng tham dự:".to_owned());
        p.extend(members.iter().map(|m| format!("- {m};")));
        p.push(format!("3. Người ghi biên bản: {}.", s.recorder));
    }
    p.extend([
        "II. Nội dung".to_owned(),
        format!(
            "Trong thời gian tiếp công dân, từ {} đến {}, không có công dân nào đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh.",
            s.start.format("%H giờ %M"),
            s.end.format("%H giờ %M")
        ),
        format!(
            "Buổi tiếp công dân kết thúc vào hồi {} cùng ngày. Biên bản được lập thành 02 bản, lưu hồ sơ tiếp công dân.",
            s.end.format("%H giờ %M phút")
        ),
    ]);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_says_who_sat_when_and_that_nobody_came() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let members = vec![
            "Ông Lê Văn Tâm, công chức tư pháp".to_owned(),
            "  ".to_owned(),
        ];
        let s = EmptySession {
            office: "Ủy ban nhân dân xã Ba Tơ",
            on: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            start: t(7, 30),
            end: t(11, 0),
            place: "Trụ sở Ủy ban nhân dân xã",
            host: "Chủ tịch Ủy ban nhân dân xã Ba Tơ Phạm Văn Hùng",
            members: &members,
            recorder: "Trần Văn Quân",
            ad_hoc: false,
        };
        let p = empty_session_minutes(&s);
        assert!(p[0].starts_with("Hôm nay, vào hồi 07 giờ 30 phút ngày 10/03/2026, tại Trụ sở"));
        assert_eq!(p[4], "- Ông Lê Văn Tâm, công chức tư pháp;");
        assert_eq!(p[5], "3. Người ghi biên bản: Trần Văn Quân.");
        assert!(
            p.iter()
                .any(|l| l.contains("từ 07 giờ 30 đến 11 giờ 00, không có công dân nào"))
        );
        let alone = empty_session_minutes(&EmptySession { members: &[], ..s });
        assert_eq!(alone[3], "2. Người ghi biên bản: Trần Văn Quân.");
        assert!(
            alone
                .iter()
                .all(|l| !l.contains("……") && !l.ends_with(": ."))
        );
    }
}
