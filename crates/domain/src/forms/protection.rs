//! The chair's answer to a denouncer's request for protection (Luật Tố cáo 2018, Chương VI):
//! the decision applying protective measures, or the notice refusing them with the reason.
//! Both name the protected person, so the core seals them and marks them MẬT.

use chrono::NaiveDate;

/// What a denouncer asks to be protected.
pub const SCOPES: [(&str, &str); 5] = [
    ("secrecy", "bí mật thông tin của người tố cáo"),
    ("job", "vị trí công tác, việc làm"),
    ("life", "tính mạng, sức khỏe"),
    ("property", "tài sản"),
    ("honour", "danh dự, nhân phẩm"),
];

/// The label of a scope's stored name, if it is one.
pub fn scope_label(name: &str) -> Option<&'static str> {
    SCOPES.iter().find(|(n, _)| *n == name).map(|(_, l)| *l)
}

/// The values of the answer.
pub struct Protection<'a> {
    pub office: &'a str,
    /// "Ông Nguyễn Văn Đức", and their address.
    pub person: &'a str,
    pub address: &'a str,
    pub requested_on: NaiveDate,
    /// The denunciation it protects: received on, against whom.
    pub received_on: NaiveDate,
    pub respondent: Option<&'a str>,
    /// Scope labels asked for.
    pub scopes: &'a [&'a str],
    pub reason: &'a str,
    /// The law cited (the denunciation law in force on the day).
    pub law: &'a str,
}

/// The decision applying `measures` from `from` until `until`.
pub fn protection_decision(
    p: &Protection,
    measures: &str,
    from: NaiveDate,
    until: NaiveDate,
) -> Vec<String> {
    let against = p
        .respondent
        .map(|r| format!(" đối với {r}"))
        .unwrap_or_default();
    let mut lines = vec![
        format!("CHỦ TỊCH {}", p.office.to_uppercase()),
        format!("Căn cứ {} (Chương VI: bảo vệ người tố cáo);", p.law),
        format!(
            "Xét đề nghị ngày {} của {} (địa chỉ: {}), người tố cáo trong vụ việc tố cáo{against} nhận ngày {}, về việc bảo vệ {};",
            p.requested_on.format("%d/%m/%Y"),
            p.person,
            p.address,
            p.received_on.format("%d/%m/%Y"),
            p.scopes.join(", ")
        ),
        format!("Xét thấy: {}", super::sentence(p.reason)),
        "QUYẾT ĐỊNH:".to_owned(),
        format!(
            "Điều 1. Áp dụng biện pháp bảo vệ đối với {}, từ ngày {} đến ngày {}:",
            p.person,
            from.format("%d/%m/%Y"),
            until.format("%d/%m/%Y")
        ),
    ];
    lines.extend(
        measures
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| format!("- {}", l.trim_start_matches(['-', '•']).trim())),
    );
    lines.extend([
        "Điều 2. Người được bảo vệ có trách nhiệm chấp hành các yêu cầu của cơ quan áp dụng biện pháp bảo vệ; thông tin về người được bảo vệ được giữ bí mật.".to_owned(),
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Ủy ban nhân dân, các cơ quan, tổ chức, cá nhân có liên quan và người được bảo vệ chịu trách nhiệm thi hành Quyết định này.".to_owned(),
    ]);
    lines
}

/// The notice refusing protection, with the reason.
pub fn protection_refusal(p: &Protection, why: &str) -> Vec<String> {
    vec![
        format!(
            "Ngày {}, {} nhận được đề nghị của {} (địa chỉ: {}) về việc bảo vệ {}.",
            p.requested_on.format("%d/%m/%Y"),
            p.office,
            p.person,
            p.address,
            p.scopes.join(", ")
        ),
        format!(
            "Căn cứ {}, {} thông báo không áp dụng biện pháp bảo vệ, vì lý do: {}",
            p.law,
            p.office,
            super::sentence(why)
        ),
        "Khi có căn cứ mới cho thấy tính mạng, sức khỏe, tài sản, danh dự, nhân phẩm, vị trí công tác, việc làm hoặc bí mật thông tin của người tố cáo bị xâm hại hoặc đe dọa xâm hại, người tố cáo có quyền đề nghị lại.".to_owned(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Protection<'static> {
        Protection {
            office: "Ủy ban nhân dân xã Ba Tơ",
            person: "Ông Nguyễn Văn Đức",
            address: "Thôn Đông",
            requested_on: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            received_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            respondent: Some("ông Trần Văn Bình"),
            scopes: &["vị trí công tác, việc làm", "danh dự, nhân phẩm"],
            reason: "người tố cáo bị đe dọa chuyển công tác",
            law: "Luật Tố cáo ngày 12 tháng 6 năm 2018",
        }
    }

    #[test]
    fn the_decision_lists_each_measure_and_its_days() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let l = protection_decision(
            &p(),
            "Giữ nguyên vị trí công tác\n\n- Không điều chuyển",
            d(3, 12),
            d(6, 12),
        );
        assert!(
            l[2].contains("về việc bảo vệ vị trí công tác, việc làm, danh dự, nhân phẩm;"),
            "{}",
            l[2]
        );
        assert_eq!(l[3], "Xét thấy: người tố cáo bị đe dọa chuyển công tác.");
        assert!(l[5].ends_with("từ ngày 12/03/2026 đến ngày 12/06/2026:"));
        assert_eq!(
            (l[6].as_str(), l[7].as_str()),
            ("- Giữ nguyên vị trí công tác", "- Không điều chuyển")
        );
        assert_eq!(scope_label("job"), Some("vị trí công tác, việc làm"));
        assert_eq!(scope_label("x"), None);
    }

    #[test]
    fn the_refusal_gives_the_reason_and_the_right_to_ask_again() {
        let l = protection_refusal(&p(), "không có căn cứ về việc bị đe dọa");
        assert!(l[1].ends_with("vì lý do: không có căn cứ về việc bị đe dọa."));
        assert!(l[2].contains("có quyền đề nghị lại"));
    }
}
