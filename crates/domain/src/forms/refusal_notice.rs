//! Thông báo từ chối tiếp công dân.

use chrono::NaiveDate;

/// A notice refusing to receive a person (thông báo từ chối tiếp công dân, Luật Tiếp công
/// dân Điều 9).
pub struct RefusalNotice<'a> {
    pub office: &'a str,
    /// The day they came.
    pub day: NaiveDate,
    /// "Ông", "Bà" or "Ông/Bà"; the name, or what stands for it when nobody was named.
    pub title: &'a str,
    pub name: &'a str,
    /// ", số định danh cá nhân …, địa chỉ: …" as known; empty when nobody was named.
    pub id_number: Option<&'a str>,
    pub address: Option<&'a str>,
    /// What they came about (may be empty).
    pub summary: &'a str,
    pub ground: crate::refusal::RefusalGround,
    /// What happened, in the officer's words (may be empty).
    pub detail: &'a str,
    /// The law in force on the notice's day ("Luật Tiếp công dân năm 2013").
    pub law: &'a str,
}

/// The notice's paragraphs, in order.
pub fn refusal_notice(n: &RefusalNotice) -> Vec<String> {
    let (office, title, name) = (n.office, n.title, n.name);
    let who = match n.address {
        Some(address) => {
            let id = n
                .id_number
                .map(|x| format!(", số định danh cá nhân {x}"))
                .unwrap_or_default();
            format!("{title} {name}{id}, địa chỉ: {address}")
        }
        None => title.to_owned(),
    };
    let about = if n.summary.is_empty() {
        String::new()
    } else {
        format!(" để trình bày về việc: {}", n.summary)
    };
    let detail = if n.detail.is_empty() {
        String::new()
    } else {
        format!(" ({})", n.detail)
    };
    let mut p = vec![
        format!(
            "Ngày {}, {who} đến {office}{about}.",
            n.day.format("%d/%m/%Y")
        ),
        format!(
            "Qua xem xét, {office} nhận thấy {}{detail}.",
            n.ground.finding_vi()
        ),
        format!(
            "Căn cứ khoản {} Điều 9 {}, {office} từ chối tiếp {title} {name}.",
            n.ground.clause(),
            n.law
        ),
    ];
    if n.ground == crate::refusal::RefusalGround::AlreadyResolved {
        p.push(format!(
            "Đề nghị {title} chấp hành quy định của pháp luật, chấm dứt việc khiếu nại, tố cáo về vụ việc đã được giải quyết."
        ));
    }
    p.push(format!("{office} thông báo để {title} {name} được biết."));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_notice_names_the_person_the_ground_and_the_law_in_force() {
        use crate::refusal::RefusalGround;
        let n = RefusalNotice {
            office: "Ủy ban nhân dân xã Ba Tơ",
            day: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            title: "Ông",
            name: "Nguyễn Văn Đức",
            id_number: Some("034068012345"),
            address: Some("Thôn Đông"),
            summary: "Khiếu nại quyết định thu hồi đất",
            ground: RefusalGround::AlreadyResolved,
            detail: "",
            law: "Luật Tiếp công dân năm 2013",
        };
        let p = refusal_notice(&n);
        assert_eq!(
            p[0],
            "Ngày 23/11/2026, Ông Nguyễn Văn Đức, số định danh cá nhân 034068012345, địa chỉ: Thôn Đông đến Ủy ban nhân dân xã Ba Tơ để trình bày về việc: Khiếu nại quyết định thu hồi đất."
        );
        assert!(
            p[2].contains("Điều 9 Luật Tiếp công dân năm 2013"),
            "{}",
            p[2]
        );
        assert!(p[3].starts_with("Đề nghị Ông chấp hành"), "{}", p[3]);
        assert_eq!(p.len(), 5);
        // Nobody named: no dangling "của và" or blanks.
        let p = refusal_notice(&RefusalNotice {
            title: "Ông/Bà",
            name: "người đến nơi tiếp công dân",
            id_number: None,
            address: None,
            summary: "",
            ground: RefusalGround::Incapacitated,
            ..n
        });
        assert_eq!(
            p[0],
            "Ngày 23/11/2026, Ông/Bà đến Ủy ban nhân dân xã Ba Tơ."
        );
        assert!(
            p.iter().all(|l| !l.contains("……") && !l.contains("  ")),
            "{p:?}"
        );
    }
}
