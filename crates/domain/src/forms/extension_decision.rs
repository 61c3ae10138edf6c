//! Quyết định gia hạn giải quyết.

use chrono::NaiveDate;

/// A decision extending the resolution of a petition (quyết định gia hạn giải quyết).
pub struct ExtensionDecision<'a> {
    pub office: &'a str,
    pub denunciation: bool,
    /// The person denounced, named in Điều 1 of a denunciation's extension.
    pub respondent: Option<&'a str>,
    pub summary: &'a str,
    /// The day the resolution was accepted (thụ lý), when known.
    pub accepted_on: Option<NaiveDate>,
    /// The extension's first day and length.
    pub from: NaiveDate,
    pub days: u32,
    /// Why, as recorded; `None` prints the usual reason.
    pub reason: Option<&'a str>,
    /// The rule that allowed it ("Luật Tố cáo 2018 Điều 30").
    pub basis: &'a str,
    /// The local-government law in force on the decision's day.
    pub local_government: &'a str,
}

/// The decision's subject line ("Về việc gia hạn giải quyết tố cáo"), its paragraphs and
/// the copies' list.
pub fn extension_decision(d: &ExtensionDecision) -> (String, Vec<String>, Vec<String>) {
    let matter = if d.denunciation { "tố cáo" } else { "đơn" };
    let about = match (d.respondent, d.denunciation) {
        (Some(r), true) => format!(" đối với {r}"),
        _ => String::new(),
    };
    let mut p = vec![
        format!("CHỦ TỊCH {}", d.office.to_uppercase()),
        format!("Căn cứ {};", d.local_government),
        format!("Căn cứ {};", d.basis),
    ];
    if let Some(a) = d.accepted_on {
        p.push(format!(
            "Căn cứ việc thụ lý giải quyết {matter} ngày {};",
            a.format("%d/%m/%Y")
        ));
    }
    p.extend([
        format!(
            "Xét thấy: {}.",
            d.reason.unwrap_or("vụ việc cần thêm thời gian xác minh")
        ),
        "QUYẾT ĐỊNH:".to_owned(),
        format!(
            "Điều 1. Gia hạn giải quyết {matter}{about} về nội dung: {}. Thời gian gia hạn là {} ngày, kể từ ngày {}.",
            d.summary,
            d.days,
            d.from.format("%d/%m/%Y")
        ),
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.".to_owned(),
        format!(
            "Điều 3. Văn phòng Ủy ban nhân dân, người được giao xác minh và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.{}",
            if d.denunciation {
                " Việc thông báo cho người tố cáo bảo đảm giữ bí mật họ tên, địa chỉ, bút tích của người tố cáo."
            } else {
                ""
            }
        ),
    ]);
    let copies = if d.denunciation {
        vec![
            "Như Điều 3".to_owned(),
            "Người tố cáo, người bị tố cáo".to_owned(),
            "Lưu: VT, hồ sơ vụ việc".to_owned(),
        ]
    } else {
        vec!["Như Điều 3".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()]
    };
    (format!("Về việc gia hạn giải quyết {matter}"), p, copies)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extension_decision_names_the_person_denounced_never_the_denouncer() {
        let d = ExtensionDecision {
            office: "Ủy ban nhân dân xã Ba Tơ",
            denunciation: true,
            respondent: Some("ông Trần Văn B, công chức địa chính"),
            summary: "Nhận tiền khi làm thủ tục đất đai",
            accepted_on: NaiveDate::from_ymd_opt(2026, 3, 2),
            from: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
            days: 30,
            reason: None,
            basis: "Luật Tố cáo 2018 Điều 30",
            local_government: "Luật Tổ chức chính quyền địa phương",
        };
        let (subject, p, copies) = extension_decision(&d);
        assert_eq!(subject, "Về việc gia hạn giải quyết tố cáo");
        assert_eq!(p[0], "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TƠ");
        assert_eq!(
            p[3],
            "Căn cứ việc thụ lý giải quyết tố cáo ngày 02/03/2026;"
        );
        assert!(
            p[6].contains("tố cáo đối với ông Trần Văn B")
                && p[6].contains("30 ngày, kể từ ngày 01/04/2026"),
            "{}",
            p[6]
        );
        assert!(p[8].ends_with("bút tích của người tố cáo."), "{}", p[8]);
        assert_eq!(copies.len(), 3);
        let (subject, p, copies) = extension_decision(&ExtensionDecision {
            denunciation: false,
            accepted_on: None,
            reason: Some("cần xác minh thực địa"),
            ..d
        });
        assert_eq!(subject, "Về việc gia hạn giải quyết đơn");
        assert_eq!(p[3], "Xét thấy: cần xác minh thực địa.");
        assert!(!p.iter().any(|l| l.contains("ông Trần Văn B")));
        assert_eq!(copies.len(), 2);
    }
}
