//! The decision that starts the verification of an accepted matter: for a complaint, the
//! decision assigning its verification (quyết định giao nhiệm vụ xác minh nội dung khiếu
//! nại, TCD_12 in practice); for a denunciation, the decision accepting it and assigning
//! its verification (quyết định thụ lý giải quyết tố cáo và giao nhiệm vụ xác minh, TCD_18),
//! which names the person denounced and never the denouncer.

use chrono::NaiveDate;
use tiepdan_rules::documents::DocumentRules;

/// The decision's values.
pub struct VerificationDecision<'a> {
    pub office: &'a str,
    pub denunciation: bool,
    /// A complaint's complainant as addressed ("Ông Nguyễn Văn Đức"); unused for a
    /// denunciation.
    pub complainant: &'a str,
    /// The person denounced (or complained about), as recorded.
    pub respondent: Option<&'a str>,
    pub summary: &'a str,
    pub received_on: NaiveDate,
    pub accepted_on: NaiveDate,
    /// Who verifies ("Công chức địa chính - xây dựng Lê Văn Tâm", "Tổ xác minh gồm …").
    pub verifier: &'a str,
    /// By when the verification is reported.
    pub report_by: NaiveDate,
    /// The resolution's last day and the rule that sets it.
    pub resolve_by: Option<(NaiveDate, &'a str)>,
    pub dated: NaiveDate,
}

/// The subject line, the lines from the deciding chair's title to the last article, and
/// the copies list.
pub fn verification_decision(
    d: &VerificationDecision,
    rules: &DocumentRules,
) -> (String, Vec<String>, Vec<String>) {
    let law = if d.denunciation {
        "denunciations"
    } else {
        "complaints"
    };
    let mut p = vec![
        format!("CHỦ TỊCH {}", d.office.to_uppercase()),
        format!("Căn cứ {};", rules.cite("local_government", d.dated)),
        format!("Căn cứ {};", rules.cite(law, d.dated)),
    ];
    let against = d
        .respondent
        .map(|r| format!(" đối với {r}"))
        .unwrap_or_default();
    let summary = super::sentence(d.summary);
    let report = format!(
        "báo cáo kết quả xác minh với Chủ tịch {} trước ngày {}.",
        d.office,
        d.report_by.format("%d/%m/%Y")
    );
    if d.denunciation {
        p.push(format!(
            "Xét đơn tố cáo nhận ngày {} đủ điều kiện thụ lý giải quyết;",
            d.received_on.format("%d/%m/%Y")
        ));
        p.push("QUYẾT ĐỊNH:".to_owned());
        p.push(format!(
            "Điều 1. Thụ lý giải quyết tố cáo{against} từ ngày {}. Nội dung tố cáo được thụ lý: {summary}",
            d.accepted_on.format("%d/%m/%Y")
        ));
        if let Some((due, basis)) = d.resolve_by {
            p.push(format!(
                "Thời hạn giải quyết tố cáo: chậm nhất hết ngày {} ({basis}).",
                due.format("%d/%m/%Y")
            ));
        }
        p.push(format!(
            "Điều 2. Giao {} tiến hành kiểm tra, xác minh nội dung tố cáo được thụ lý nêu tại Điều 1, kiến nghị biện pháp xử lý và {report}",
            d.verifier
        ));
        p.push(format!(
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Ủy ban nhân dân, {}{} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này. Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo được giữ bí mật.",
            d.verifier,
            d.respondent.map(|r| format!(", {r}")).unwrap_or_default()
        ));
    } else {
        p.push(format!(
            "Căn cứ việc thụ lý giải quyết khiếu nại ngày {};",
            d.accepted_on.format("%d/%m/%Y")
        ));
        p.push("QUYẾT ĐỊNH:".to_owned());
        p.push(format!(
            "Điều 1. Giao {} tiến hành xác minh làm rõ nội dung khiếu nại của {}{} về việc: {summary} Người được giao xác minh {report}",
            d.verifier,
            d.complainant,
            d.respondent
                .map(|r| format!(" (người bị khiếu nại: {r})"))
                .unwrap_or_default()
        ));
        if let Some((due, basis)) = d.resolve_by {
            p.push(format!(
                "Thời hạn giải quyết khiếu nại: chậm nhất hết ngày {} ({basis}).",
                due.format("%d/%m/%Y")
            ));
        }
        p.push("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.".to_owned());
        p.push(format!(
            "Điều 3. Văn phòng Ủy ban nhân dân, {} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
            d.verifier
        ));
    }
    let subject = if d.denunciation {
        "Về việc thụ lý giải quyết tố cáo và giao nhiệm vụ xác minh nội dung tố cáo"
    } else {
        "Về việc giao nhiệm vụ xác minh nội dung khiếu nại"
    };
    let copies = vec![
        "Như Điều 3".to_owned(),
        "Thanh tra cấp tỉnh (để biết)".to_owned(),
        "Lưu: VT, hồ sơ vụ việc".to_owned(),
    ];
    (subject.to_owned(), p, copies)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn sample(denunciation: bool) -> VerificationDecision<'static> {
        VerificationDecision {
            office: "Ủy ban nhân dân xã Ba Tơ",
            denunciation,
            complainant: "Ông Nguyễn Văn Đức",
            respondent: Some("ông Trần Văn Bình, công chức địa chính"),
            summary: "Nhận tiền khi làm thủ tục đất đai",
            received_on: d(3, 2),
            accepted_on: d(3, 9),
            verifier: "Công chức tư pháp - hộ tịch Lê Văn Tâm",
            report_by: d(3, 30),
            resolve_by: Some((d(4, 8), "Luật Tố cáo 2018 Điều 30")),
            dated: d(3, 9),
        }
    }

    #[test]
    fn a_denunciations_acceptance_names_the_person_denounced_the_verifier_and_the_days() {
        let rules = DocumentRules::default_rules();
        let (subject, p, _) = verification_decision(&sample(true), &rules);
        assert!(subject.starts_with("Về việc thụ lý giải quyết tố cáo"));
        let text = p.join("\n");
        assert!(!text.contains("Nguyễn Văn Đức"), "{text}");
        assert!(text.contains("Điều 1. Thụ lý giải quyết tố cáo đối với ông Trần Văn Bình, công chức địa chính từ ngày 09/03/2026."));
        assert!(text.contains("chậm nhất hết ngày 08/04/2026 (Luật Tố cáo 2018 Điều 30)"));
        assert!(text.contains("Điều 2. Giao Công chức tư pháp - hộ tịch Lê Văn Tâm"));
        assert!(text.contains("trước ngày 30/03/2026."));
        assert!(text.contains("Căn cứ Luật Tố cáo"));
    }

    #[test]
    fn a_complaints_verification_names_the_complainant_and_prints_no_blank() {
        let rules = DocumentRules::default_rules();
        let (subject, p, copies) = verification_decision(
            &VerificationDecision {
                respondent: None,
                resolve_by: None,
                ..sample(false)
            },
            &rules,
        );
        assert_eq!(subject, "Về việc giao nhiệm vụ xác minh nội dung khiếu nại");
        assert!(p[5].starts_with("Điều 1. Giao Công chức tư pháp - hộ tịch Lê Văn Tâm tiến hành xác minh làm rõ nội dung khiếu nại của Ông Nguyễn Văn Đức về việc: Nhận tiền"), "{}", p[5]);
        assert!(p.iter().all(|l| !l.contains("……") && !l.contains("()")));
        assert_eq!(copies.len(), 3);
    }
}
