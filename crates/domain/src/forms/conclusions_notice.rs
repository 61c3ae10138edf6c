//! Thông báo kết luận of a reception session.

use chrono::NaiveDate;

use super::sentence;

/// One conclusion of a reception session: who raised it (if one person did), what they
/// raised, what was concluded, who carries it out and by when.
pub struct Conclusion<'a> {
    pub who: Option<&'a str>,
    pub matter: &'a str,
    pub task: &'a str,
    pub assignee: &'a str,
    pub due: NaiveDate,
}

/// The notice of a reception session's conclusions (thông báo kết luận).
pub struct ConclusionsNotice<'a> {
    pub office: &'a str,
    pub host: tiepdan_vocab::reception::Host,
    pub host_name: &'a str,
    pub on: NaiveDate,
    pub place: &'a str,
    /// Đột xuất rather than định kỳ.
    pub ad_hoc: bool,
    pub items: &'a [Conclusion<'a>],
}

/// The notice's subject line and its paragraphs.
pub fn conclusions_notice(n: &ConclusionsNotice) -> (String, Vec<String>) {
    use tiepdan_vocab::reception::Host;
    let day = n.on.format("%d/%m/%Y");
    let host = format!("{} {}", n.host.label_vi(), n.host_name);
    let mut p = vec![format!(
        "Ngày {day}, tại {}, {host} đã chủ trì tiếp công dân {}. Sau khi nghe công dân trình bày và ý kiến của cơ quan, đơn vị có liên quan, {host} kết luận như sau:",
        n.place,
        if n.ad_hoc {
            "đột xuất"
        } else {
            "định kỳ"
        }
    )];
    for (i, it) in n.items.iter().enumerate() {
        let who = it.who.map(|w| format!("{w}: ")).unwrap_or_default();
        p.push(format!(
            "{}. {who}{} Kết luận: {} Giao {} thực hiện, báo cáo kết quả trước ngày {}.",
            i + 1,
            sentence(it.matter),
            sentence(it.task),
            it.assignee,
            it.due.format("%d/%m/%Y")
        ));
    }
    p.push(format!(
        "{} thông báo để các cơ quan, đơn vị, cá nhân có liên quan biết, thực hiện.",
        n.office
    ));
    let whose = match n.host {
        Host::Chair => "Chủ tịch Ủy ban nhân dân",
        Host::ViceChair => "Phó Chủ tịch Ủy ban nhân dân",
        Host::PartySecretary => "Bí thư Đảng ủy",
    };
    (
        format!("Kết luận của {whose} tại buổi tiếp công dân ngày {day}"),
        p,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conclusions_notice_numbers_each_conclusion_with_its_assignee_and_due_day() {
        use tiepdan_vocab::reception::Host;
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let items = [Conclusion {
            who: Some("Ông Nguyễn Văn Đức"),
            matter: "Đề nghị cấp giấy chứng nhận",
            task: "Kiểm tra hồ sơ đất.",
            assignee: "Công chức địa chính",
            due: d(3, 20),
        }];
        let (title, p) = conclusions_notice(&ConclusionsNotice {
            office: "Ủy ban nhân dân xã Ba Tơ",
            host: Host::ViceChair,
            host_name: "Lê Văn Phó",
            on: d(3, 10),
            place: "Trụ sở",
            ad_hoc: true,
            items: &items,
        });
        assert_eq!(
            title,
            "Kết luận của Phó Chủ tịch Ủy ban nhân dân tại buổi tiếp công dân ngày 10/03/2026"
        );
        assert!(p[0].contains("chủ trì tiếp công dân đột xuất"), "{}", p[0]);
        assert_eq!(
            p[1],
            "1. Ông Nguyễn Văn Đức: Đề nghị cấp giấy chứng nhận. Kết luận: Kiểm tra hồ sơ đất. Giao Công chức địa chính thực hiện, báo cáo kết quả trước ngày 20/03/2026."
        );
        assert_eq!(p.len(), 3);
    }
}
