//! The documents that resolve a matter: the first-instance decision on a complaint
//! (Quyết định giải quyết khiếu nại, Luật Khiếu nại Điều 31) and the conclusion on the
//! content of a denunciation (Kết luận nội dung tố cáo, Luật Tố cáo Điều 35). The app
//! writes what the record knows; the verification's findings, the assessment and the
//! measures are the officer's own text, passed in as they wrote it. A denunciation's
//! conclusion names the person denounced, never the denouncer.

use chrono::NaiveDate;
use tiepdan_rules::documents::DocumentRules;

use crate::outcome::Finding;

/// The officer's judgement, paragraph by paragraph (one per line they wrote).
pub struct Judgement<'a> {
    /// Kết quả xác minh.
    pub findings: &'a str,
    /// Nhận xét, kết luận: why the finding is what it is.
    pub assessment: &'a str,
    /// What is decided (a complaint's Điều 1) or the measures taken and recommended.
    pub measures: &'a str,
}

/// The lines of a text the officer wrote, trimmed, blanks dropped.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
}

fn finding_word(f: Finding) -> &'static str {
    match f {
        Finding::Right => "đúng",
        Finding::Wrong => "sai",
        Finding::PartlyRight => "đúng một phần",
    }
}

/// A first-instance decision on a complaint.
pub struct ComplaintDecision<'a> {
    pub office: &'a str,
    /// "Ông Nguyễn Văn Đức", and their address.
    pub complainant: &'a str,
    pub address: &'a str,
    pub received_on: NaiveDate,
    pub summary: &'a str,
    /// The person or body whose decision or act is complained about.
    pub respondent: Option<&'a str>,
    pub accepted_on: Option<NaiveDate>,
    /// The dialogue held, its day and what was said.
    pub dialogue: Option<(NaiveDate, &'a str)>,
    pub finding: Finding,
    pub judgement: Judgement<'a>,
    /// The day it is signed: the laws cited are those in force then.
    pub dated: NaiveDate,
    /// Days to complain again, and to whom.
    pub appeal_days: u32,
    pub second_instance: &'a str,
}

/// The decision's lines, from the deciding chair's title to its last article, and its
/// copies list.
pub fn complaint_decision(
    d: &ComplaintDecision,
    rules: &DocumentRules,
) -> (Vec<String>, Vec<String>) {
    let mut p = vec![
        format!("CHỦ TỊCH {}", d.office.to_uppercase()),
        format!("Căn cứ {};", rules.cite("local_government", d.dated)),
        format!("Căn cứ {};", rules.cite("complaints", d.dated)),
    ];
    if let Some(a) = d.accepted_on {
        p.push(format!(
            "Căn cứ việc thụ lý giải quyết khiếu nại ngày {};",
            a.format("%d/%m/%Y")
        ));
    }
    p.push(format!(
        "Xét đơn khiếu nại ngày {} của {}, địa chỉ: {}{}.",
        d.received_on.format("%d/%m/%Y"),
        d.complainant,
        d.address,
        d.respondent
            .map(|r| format!(", khiếu nại {r}"))
            .unwrap_or_default()
    ));
    p.push("I. Nội dung khiếu nại".to_owned());
    p.push(super::sentence(d.summary));
    p.push("II. Kết quả xác minh nội dung khiếu nại".to_owned());
    p.extend(paragraphs(d.judgement.findings));
    let mut part = 3;
    if let Some((on, said)) = d.dialogue {
        p.push("III. Kết quả đối thoại".to_owned());
        p.push(format!(
            "Ngày {}, đã tổ chức đối thoại với người khiếu nại và các bên có liên quan.",
            on.format("%d/%m/%Y")
        ));
        p.extend(paragraphs(said));
        part = 4;
    }
    let roman = ["", "I", "II", "III", "IV", "V"];
    p.push(format!("{}. Kết luận", roman[part]));
    p.push(format!(
        "Khiếu nại của {} là {}.",
        d.complainant,
        finding_word(d.finding)
    ));
    p.extend(paragraphs(d.judgement.assessment));
    p.push("Từ những nhận định và căn cứ trên,".to_owned());
    p.push("QUYẾT ĐỊNH:".to_owned());
    let measures: Vec<String> = paragraphs(d.judgement.measures).collect();
    p.push(format!(
        "Điều 1. {}",
        measures.first().cloned().unwrap_or_default()
    ));
    p.extend(measures.into_iter().skip(1));
    p.push(format!(
        "Điều 2. Trong thời hạn {} ngày, kể từ ngày nhận được Quyết định này, nếu không đồng ý với việc giải quyết khiếu nại, {} có quyền khiếu nại đến {} hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật về tố tụng hành chính.",
        d.appeal_days, d.complainant, d.second_instance
    ));
    p.push(format!(
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Ủy ban nhân dân, {}{} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
        d.respondent.map(|r| format!("{r}, ")).unwrap_or_default(),
        d.complainant
    ));
    let copies = vec![
        "Như Điều 3".to_owned(),
        format!("{} (để biết)", d.second_instance),
        "Thanh tra cấp tỉnh".to_owned(),
        "Lưu: VT, hồ sơ vụ việc".to_owned(),
    ];
    (p, copies)
}

/// A conclusion on the content of a denunciation.
pub struct DenunciationConclusion<'a> {
    pub office: &'a str,
    /// The person denounced, as the record names them ("ông Trần Văn B, công chức địa
    /// chính"); `None` when the record names nobody.
    pub respondent: Option<&'a str>,
    pub summary: &'a str,
    pub accepted_on: Option<NaiveDate>,
    pub finding: Finding,
    pub judgement: Judgement<'a>,
    pub dated: NaiveDate,
}

/// The conclusion's subject line, its paragraphs and its copies list.
pub fn denunciation_conclusion(
    c: &DenunciationConclusion,
    rules: &DocumentRules,
) -> (String, Vec<String>, Vec<String>) {
    let against = c
        .respondent
        .map(|r| format!(" đối với {r}"))
        .unwrap_or_default();
    let mut p = vec![format!(
        "Căn cứ {}; căn cứ {}.",
        rules.cite("denunciations", c.dated),
        rules.cite("local_government", c.dated)
    )];
    p.push(match c.accepted_on {
        Some(a) => format!(
            "Ngày {}, Chủ tịch {} thụ lý giải quyết tố cáo{against} về nội dung: {}",
            a.format("%d/%m/%Y"),
            c.office,
            super::sentence(c.summary)
        ),
        None => format!(
            "Chủ tịch {} giải quyết tố cáo{against} về nội dung: {}",
            c.office,
            super::sentence(c.summary)
        ),
    });
    p.push(format!(
        "Căn cứ kết quả xác minh nội dung tố cáo, Chủ tịch {} kết luận như sau:",
        c.office
    ));
    p.push("1. Kết quả xác minh nội dung tố cáo".to_owned());
    p.extend(paragraphs(c.judgement.findings));
    p.push("2. Kết luận về nội dung tố cáo".to_owned());
    p.push(format!(
        "Nội dung tố cáo là {}.",
        match c.finding {
            Finding::Right => "tố cáo đúng",
            Finding::Wrong => "tố cáo sai",
            Finding::PartlyRight => "tố cáo đúng một phần",
        }
    ));
    p.extend(paragraphs(c.judgement.assessment));
    p.push("3. Biện pháp xử lý và kiến nghị".to_owned());
    p.extend(paragraphs(c.judgement.measures));
    p.push("Việc thông báo kết luận này cho người tố cáo và người bị tố cáo bảo đảm giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo.".to_owned());
    let copies = vec![
        format!(
            "Người bị tố cáo{}",
            c.respondent.map(|r| format!(" ({r})")).unwrap_or_default()
        ),
        "Người tố cáo (thông báo kết quả giải quyết riêng)".to_owned(),
        "Thanh tra cấp tỉnh".to_owned(),
        "Lưu: VT, hồ sơ vụ việc".to_owned(),
    ];
    (format!("Nội dung tố cáo{against}"), p, copies)
}

/// The written reply to a recommendation or feedback (văn bản trả lời kiến nghị, phản
/// ánh): a công văn to the person who sent it.
pub struct RecommendationReply<'a> {
    pub office: &'a str,
    /// "kiến nghị" or "phản ánh".
    pub kind_word: &'a str,
    /// "Ông Nguyễn Văn Đức", and their address.
    pub petitioner: &'a str,
    pub address: &'a str,
    pub received_on: NaiveDate,
    pub summary: &'a str,
    /// What was checked, the answer, and (may be empty) what will be done.
    pub judgement: Judgement<'a>,
}

/// The reply's subject line ("trả lời đơn kiến nghị"), recipients, paragraphs and copies.
pub fn recommendation_reply(
    r: &RecommendationReply,
) -> (String, Vec<String>, Vec<String>, Vec<String>) {
    let mut p = vec![format!(
        "Ngày {}, {} nhận được đơn {} của {} (địa chỉ: {}) về việc: {}",
        r.received_on.format("%d/%m/%Y"),
        r.office,
        r.kind_word,
        r.petitioner,
        r.address,
        super::sentence(r.summary)
    )];
    p.push(format!(
        "Sau khi xem xét, kiểm tra nội dung đơn, {} trả lời như sau:",
        r.office
    ));
    p.push("1. Kết quả xem xét, kiểm tra".to_owned());
    p.extend(paragraphs(r.judgement.findings));
    p.push("2. Nội dung trả lời".to_owned());
    p.extend(paragraphs(r.judgement.assessment));
    let measures: Vec<String> = paragraphs(r.judgement.measures).collect();
    if !measures.is_empty() {
        p.push("3. Việc sẽ thực hiện".to_owned());
        p.extend(measures);
    }
    p.push(format!(
        "{} trả lời để {} được biết.",
        r.office, r.petitioner
    ));
    (
        format!("trả lời đơn {}", r.kind_word),
        vec![format!("{} (địa chỉ: {})", r.petitioner, r.address)],
        p,
        vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()],
    )
}

/// The notice of a denunciation's result to the denouncer (thông báo kết quả giải quyết
/// tố cáo, Luật Tố cáo Điều 35). It names the denouncer, so the core seals it.
pub struct DenunciationResult<'a> {
    pub office: &'a str,
    pub respondent: Option<&'a str>,
    pub summary: &'a str,
    pub accepted_on: Option<NaiveDate>,
    /// The conclusion: its number and day.
    pub conclusion: &'a str,
    pub concluded_on: NaiveDate,
    pub finding: Finding,
    /// Where and on what basis the denouncer may denounce again.
    pub renewed_to: &'a str,
    pub renewed_basis: &'a str,
}

/// The notice's paragraphs.
pub fn denunciation_result(r: &DenunciationResult) -> Vec<String> {
    let against = r
        .respondent
        .map(|x| format!(" đối với {x}"))
        .unwrap_or_default();
    let accepted = r
        .accepted_on
        .map(|a| format!("Ngày {}, ", a.format("%d/%m/%Y")))
        .unwrap_or_default();
    vec![
        format!(
            "{accepted}Chủ tịch {} thụ lý giải quyết tố cáo{against} về nội dung: {}",
            r.office,
            super::sentence(r.summary)
        ),
        format!(
            "Ngày {}, Chủ tịch {} đã ban hành Kết luận nội dung tố cáo số {}. Theo kết luận, nội dung tố cáo là {}.",
            r.concluded_on.format("%d/%m/%Y"),
            r.office,
            r.conclusion,
            match r.finding {
                Finding::Right => "tố cáo đúng",
                Finding::Wrong => "tố cáo sai",
                Finding::PartlyRight => "tố cáo đúng một phần",
            }
        ),
        format!(
            "Trường hợp có căn cứ cho rằng việc giải quyết tố cáo không đúng pháp luật, người tố cáo có quyền tố cáo tiếp đến {} ({}).",
            r.renewed_to, r.renewed_basis
        ),
        format!(
            "{} thông báo để người tố cáo được biết. Thông tin về người tố cáo được giữ bí mật theo quy định của Luật Tố cáo.",
            r.office
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn judgement() -> Judgement<'static> {
        Judgement {
            findings: "Đã kiểm tra hồ sơ địa chính thửa 112.\n\n  Đo đạc thực địa ngày 02/06/2026.",
            assessment: "Việc thu hồi đúng diện tích nhưng áp giá bồi thường chưa đúng.",
            measures: "Sửa đổi một phần Quyết định số 45/QĐ-UBND ngày 10/01/2026.\nGiao công chức địa chính tính lại giá bồi thường.",
        }
    }

    fn decision(dated: NaiveDate) -> ComplaintDecision<'static> {
        ComplaintDecision {
            office: "Ủy ban nhân dân xã Ba Tơ",
            complainant: "Ông Nguyễn Văn Đức",
            address: "Thôn Đông",
            received_on: d(3, 2),
            summary: "Khiếu nại Quyết định số 45/QĐ-UBND về bồi thường khi thu hồi đất",
            respondent: Some("Chủ tịch Ủy ban nhân dân xã Ba Tơ"),
            accepted_on: Some(d(3, 9)),
            dialogue: None,
            finding: Finding::PartlyRight,
            judgement: judgement(),
            dated,
            appeal_days: 30,
            second_instance: "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi",
        }
    }

    #[test]
    fn a_complaint_decision_holds_every_part_the_law_asks_in_order() {
        let rules = DocumentRules::default_rules();
        let (p, copies) = complaint_decision(&decision(d(7, 2)), &rules);
        let at = |s: &str| {
            p.iter()
                .position(|l| l.starts_with(s))
                .unwrap_or_else(|| panic!("{s}: {p:#?}"))
        };
        assert!(at("I. Nội dung") < at("II. Kết quả xác minh"));
        assert!(at("II.") < at("III. Kết luận") && at("III.") < at("QUYẾT ĐỊNH"));
        assert_eq!(p[at("II.") + 1], "Đã kiểm tra hồ sơ địa chính thửa 112.");
        assert_eq!(p[at("II.") + 2], "Đo đạc thực địa ngày 02/06/2026.");
        assert_eq!(
            p[at("III.") + 1],
            "Khiếu nại của Ông Nguyễn Văn Đức là đúng một phần."
        );
        assert_eq!(
            p[at("Điều 1.")],
            "Điều 1. Sửa đổi một phần Quyết định số 45/QĐ-UBND ngày 10/01/2026."
        );
        assert!(
            p[at("Điều 2.")].contains("30 ngày")
                && p[at("Điều 2.")].contains("Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi")
        );
        assert!(
            p.iter().any(|l| l.contains("136/2025")),
            "the law in force on 2/7/2026"
        );
        assert!(
            copies
                .iter()
                .any(|c| c.starts_with("Chủ tịch Ủy ban nhân dân tỉnh"))
        );
        assert!(
            p.iter()
                .all(|l| !l.contains("……") && !l.contains("..") && !l.trim().is_empty())
        );
        // Signed before 1/7/2026, it cites the law then in force; a dialogue adds a part.
        let before = ComplaintDecision {
            dialogue: Some((d(6, 20), "Người khiếu nại giữ nguyên ý kiến.")),
            ..decision(d(6, 30))
        };
        let (p, _) = complaint_decision(&before, &rules);
        assert!(!p.iter().any(|l| l.contains("136/2025")));
        assert!(
            p.iter().any(|l| l == "III. Kết quả đối thoại")
                && p.iter().any(|l| l == "IV. Kết luận")
        );
    }

    #[test]
    fn a_denunciation_conclusion_names_the_person_denounced_and_never_the_denouncer() {
        let rules = DocumentRules::default_rules();
        let c = DenunciationConclusion {
            office: "Ủy ban nhân dân xã Ba Tơ",
            respondent: Some("ông Trần Văn B, công chức địa chính"),
            summary: "Nhận tiền khi làm thủ tục đất đai",
            accepted_on: Some(d(3, 2)),
            finding: Finding::Right,
            judgement: judgement(),
            dated: d(4, 1),
        };
        let (subject, p, copies) = denunciation_conclusion(&c, &rules);
        assert_eq!(
            subject,
            "Nội dung tố cáo đối với ông Trần Văn B, công chức địa chính"
        );
        assert!(p.iter().any(|l| l == "Nội dung tố cáo là tố cáo đúng."));
        assert!(p[1].starts_with("Ngày 02/03/2026, Chủ tịch Ủy ban nhân dân xã Ba Tơ thụ lý"));
        assert!(p.last().unwrap().contains("giữ bí mật"));
        assert!(copies[0].contains("ông Trần Văn B"));
        let (subject, p, _) = denunciation_conclusion(
            &DenunciationConclusion {
                respondent: None,
                accepted_on: None,
                ..c
            },
            &rules,
        );
        assert_eq!(subject, "Nội dung tố cáo");
        assert!(
            p.iter()
                .all(|l| !l.contains("đối với ,") && !l.contains("……"))
        );
    }

    #[test]
    fn a_reply_answers_the_person_who_wrote_and_leaves_out_what_was_not_written() {
        let r = RecommendationReply {
            office: "Ủy ban nhân dân xã Ba Tơ",
            kind_word: "kiến nghị",
            petitioner: "Bà Trần Thị Lan",
            address: "Thôn Tây",
            received_on: d(5, 4),
            summary: "Đề nghị sửa đường liên thôn",
            judgement: Judgement {
                findings: "Đoạn đường dài 300 m xuống cấp.",
                assessment: "Đã đưa vào kế hoạch sửa chữa năm 2026.",
                measures: "",
            },
        };
        let (subject, to, p, copies) = recommendation_reply(&r);
        assert_eq!(subject, "trả lời đơn kiến nghị");
        assert_eq!(to, ["Bà Trần Thị Lan (địa chỉ: Thôn Tây)"]);
        assert!(
            p[0].ends_with("về việc: Đề nghị sửa đường liên thôn."),
            "{}",
            p[0]
        );
        assert!(!p.iter().any(|l| l.starts_with("3.")));
        assert_eq!(
            p.last().unwrap(),
            "Ủy ban nhân dân xã Ba Tơ trả lời để Bà Trần Thị Lan được biết."
        );
        assert_eq!(copies.len(), 2);
    }

    #[test]
    fn the_result_notice_gives_the_conclusions_number_finding_and_the_next_step() {
        let p = denunciation_result(&DenunciationResult {
            office: "Ủy ban nhân dân xã Ba Tơ",
            respondent: Some("ông Trần Văn B"),
            summary: "Nhận tiền khi làm thủ tục",
            accepted_on: Some(d(3, 2)),
            conclusion: "05/KL-UBND",
            concluded_on: d(4, 1),
            finding: Finding::Wrong,
            renewed_to: "Chủ tịch Ủy ban nhân dân cấp tỉnh",
            renewed_basis: "Luật Tố cáo 2018 Điều 37",
        });
        assert_eq!(
            p[0],
            "Ngày 02/03/2026, Chủ tịch Ủy ban nhân dân xã Ba Tơ thụ lý giải quyết tố cáo đối với ông Trần Văn B về nội dung: Nhận tiền khi làm thủ tục."
        );
        assert!(p[1].contains("số 05/KL-UBND") && p[1].ends_with("là tố cáo sai."));
        assert!(p[2].contains("tố cáo tiếp đến Chủ tịch Ủy ban nhân dân cấp tỉnh"));
        assert!(p[3].contains("giữ bí mật"));
    }
}
