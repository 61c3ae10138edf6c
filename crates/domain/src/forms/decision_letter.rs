//! The letters and notices of a handling decision.

use chrono::NaiveDate;

use crate::routing::Action;
use crate::visit::PetitionKind;

/// The letter or notice a handling decision sends (ND 30/2020): công văn chuyển đơn, đôn
/// đốc, trả lại đơn, hướng dẫn (one content, or a petition of several contents for several
/// bodies), thông báo thụ lý and không thụ lý. A denunciation's transfer never names the
/// denouncer (`petitioner` is `None` then) and says that the identity is kept secret.
pub struct DecisionLetter<'a> {
    pub action: Action,
    pub kind: PetitionKind,
    /// The kind as the letter names it: "khiếu nại".
    pub kind_word: &'a str,
    pub office: &'a str,
    /// When the petition was received, as printed ("05/03/2026").
    pub received: &'a str,
    pub summary: &'a str,
    /// Name and address of the petitioner a letter may name.
    pub petitioner: Option<(&'a str, &'a str)>,
    /// The body written to (transferred to, reminded, returned to).
    pub body: &'a str,
    /// The legal basis of the decision.
    pub basis: &'a str,
    /// The body competent for the matter.
    pub competent: &'a str,
    /// Who accepts it, for a notice of acceptance.
    pub accepting: &'a str,
    pub acceptance_basis: &'a str,
    /// Why it is declined.
    pub reason: &'a str,
    pub accepted_on: NaiveDate,
    pub several_contents: bool,
    /// The contents and their bodies as the officer listed them (several contents).
    pub note: Option<&'a str>,
}

/// What a letter says, for the layout to print.
pub struct LetterText {
    /// A notice's or guidance's type and title ("Thông báo", "Về việc …"); `None` for a
    /// công văn, which has a subject line instead.
    pub heading: Option<(String, String)>,
    pub subject: String,
    pub recipients: Vec<String>,
    pub paragraphs: Vec<String>,
    pub copies_to: Vec<String>,
}

/// The decision's letter, worded from its values.
pub fn decision_letter(d: &DecisionLetter) -> LetterText {
    let DecisionLetter {
        received,
        body,
        basis,
        competent,
        accepting,
        acceptance_basis,
        reason,
        ..
    } = *d;
    let kind = d.kind_word;
    let body = body.to_owned();
    let copies_for_notice: Vec<String> = if d.kind == PetitionKind::Denunciation {
        // A notice to a denouncer goes to no other body.
        vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()]
    } else {
        vec![
            "Như trên".to_owned(),
            "Thanh tra cấp tỉnh (để biết)".to_owned(),
            "Lưu: VT, hồ sơ vụ việc".to_owned(),
        ]
    };

    let from_whom = match (d.petitioner, d.kind) {
        (_, PetitionKind::Denunciation) | (None, _) => String::new(),
        (Some((name, address)), _) => format!(" của {name} (địa chỉ: {address})"),
    };
    let secrecy = "Thông tin về người tố cáo được giữ bí mật theo quy định của Luật Tố cáo; khi cần liên hệ người tố cáo, đề nghị liên hệ Ủy ban nhân dân xã.".to_owned();
    let office_name = d.office;
    let person_to = d
        .petitioner
        .map(|(name, address)| format!("{name} ({address})"))
        .unwrap_or_else(|| "Người gửi đơn".into());
    // How every letter starts: when the petition came and what it says.
    let opening = format!(
        "Ngày {received}, {office_name} nhận được đơn {kind}{from_whom} với nội dung: {}",
        d.summary
    );
    let (heading, subject, recipients, mut paragraphs, copies_to) = match d.action {
        Action::Transfer => (
            None,
            format!("chuyển đơn {kind}"),
            vec![body.clone()],
            vec![
                opening.clone(),
                format!(
                    "Căn cứ {basis}, nội dung đơn không thuộc thẩm quyền giải quyết của {office_name}. {office_name} chuyển đơn đến {body} để xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho {office_name} biết."
                ),
            ],
            if d.kind == PetitionKind::Denunciation {
                vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()]
            } else {
                vec![
                    "Như trên".to_owned(),
                    "Người gửi đơn (để biết)".to_owned(),
                    "Lưu: VT, hồ sơ vụ việc".to_owned(),
                ]
            },
        ),
        Action::Remind => (
            None,
            "đôn đốc giải quyết đơn".to_owned(),
            vec![body.clone()],
            vec![
                opening.clone(),
                format!(
                    "Vụ việc trên đã được chuyển đến {body} nhưng đến nay {office_name} chưa nhận được kết quả giải quyết. {office_name} đề nghị {body} khẩn trương xem xét, giải quyết theo thẩm quyền và thông báo kết quả cho {office_name} biết."
                ),
            ],
            vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()],
        ),
        Action::Return => (
            None,
            "trả lại đơn chuyển không đúng thẩm quyền".to_owned(),
            vec![body.clone()],
            vec![
                format!(
                    "Ngày {received}, {office_name} nhận được đơn {kind} do {body} chuyển đến, với nội dung: {}",
                    d.summary
                ),
                format!(
                    "Căn cứ {basis}, nội dung đơn không thuộc thẩm quyền giải quyết của {office_name} (thẩm quyền: {competent}). {office_name} trả lại đơn và tài liệu kèm theo để {body} xử lý theo quy định."
                ),
            ],
            vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()],
        ),
        Action::Guide if d.several_contents => {
            // Hướng dẫn đơn có nhiều nội dung (TT 05/2021 practice): each content and
            // the body competent for it, as the officer listed them; lines to fill in
            // by hand otherwise.
            let lines: Vec<String> = match d.note {
                Some(n) => n
                    .lines()
                    .map(|l| l.trim().trim_start_matches(['-', '•']).trim())
                    .filter(|l| !l.is_empty())
                    .map(|l| format!("- {l}"))
                    .collect(),
                // Recorded without the list (an imported decision): no blank line to fill,
                // the competent body the routing found instead.
                None => vec![format!(
                    "- Các nội dung không thuộc thẩm quyền của {office_name}: gửi đến {competent} hoặc cơ quan có thẩm quyền giải quyết từng nội dung."
                )],
            };
            let mut paragraphs = vec![format!(
                "Ngày {received}, {office_name} nhận được đơn của {}. Sau khi xem xét nội dung đơn và thông tin, tài liệu kèm theo, đơn có nhiều nội dung khác nhau thuộc thẩm quyền giải quyết của nhiều cơ quan:",
                d.petitioner
                    .map(|(name, address)| format!("{name} (địa chỉ: {address})"))
                    .unwrap_or_else(|| "Ông/Bà".to_owned())
            )];
            paragraphs.extend(lines);
            paragraphs.push(format!(
                "Căn cứ {basis}, đề nghị Ông/Bà viết tách các nội dung đơn như đã hướng dẫn và gửi đến cơ quan có thẩm quyền để được xem xét, giải quyết theo quy định của pháp luật."
            ));
            (
                Some((
                    "Hướng dẫn".to_owned(),
                    "Đơn có nhiều nội dung khác nhau thuộc thẩm quyền giải quyết của nhiều cơ quan"
                        .to_owned(),
                )),
                String::new(),
                vec![person_to.clone()],
                paragraphs,
                vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()],
            )
        }
        Action::Guide => (
            None,
            format!("hướng dẫn gửi đơn {kind}"),
            vec![person_to.clone()],
            vec![
                format!(
                    "Ngày {received}, {office_name} nhận được đơn {kind} của {} với nội dung: {}",
                    d.petitioner.map(|(name, _)| name).unwrap_or("Ông/Bà"),
                    d.summary
                ),
                format!(
                    "Căn cứ {basis}, nội dung đơn không thuộc thẩm quyền giải quyết của {office_name}. Đề nghị Ông/Bà gửi đơn đến {competent} để được xem xét, giải quyết theo quy định."
                ),
            ],
            vec!["Như trên".to_owned(), "Lưu: VT, hồ sơ vụ việc".to_owned()],
        ),
        Action::Decline => (
            Some((
                "Thông báo".to_owned(),
                format!("Về việc không thụ lý giải quyết {kind}"),
            )),
            String::new(),
            vec![person_to.clone()],
            vec![
                opening.clone(),
                format!(
                    "Căn cứ {basis}, {office_name} thông báo không thụ lý giải quyết đơn vì lý do: {}",
                    reason
                ),
            ],
            copies_for_notice.clone(),
        ),
        _ => (
            Some((
                "Thông báo".to_owned(),
                format!("Về việc thụ lý giải quyết {kind}"),
            )),
            String::new(),
            vec![person_to.clone()],
            vec![
                opening.clone(),
                format!(
                    "Căn cứ {acceptance_basis}, đơn thuộc thẩm quyền giải quyết của {accepting} và đủ điều kiện thụ lý. {office_name} thông báo thụ lý giải quyết từ ngày {}.",
                    d.accepted_on.format("%d/%m/%Y")
                ),
            ],
            copies_for_notice.clone(),
        ),
    };
    if d.kind == PetitionKind::Denunciation
        && matches!(d.action, Action::Transfer | Action::Remind | Action::Return)
    {
        paragraphs.push(secrecy);
    }
    LetterText {
        heading,
        subject,
        recipients,
        paragraphs,
        copies_to,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn letter(action: Action, kind: PetitionKind) -> LetterText {
        decision_letter(&sample(action, kind))
    }

    fn sample(action: Action, kind: PetitionKind) -> DecisionLetter<'static> {
        DecisionLetter {
            action,
            kind,
            kind_word: "tố cáo",
            office: "Ủy ban nhân dân xã Ba Tơ",
            received: "05/03/2026",
            summary: "Tố cáo cán bộ địa chính",
            petitioner: (kind != PetitionKind::Denunciation)
                .then_some(("Nguyễn Văn Đức", "Thôn Đông")),
            body: "Ủy ban nhân dân tỉnh Quảng Ngãi",
            basis: "Luật Tố cáo 2018 Điều 13",
            competent: "Chủ tịch Ủy ban nhân dân tỉnh",
            accepting: "Chủ tịch Ủy ban nhân dân xã Ba Tơ",
            acceptance_basis: "Luật Tố cáo 2018 Điều 29",
            reason: "đơn không ghi nội dung cụ thể",
            accepted_on: d(2026, 3, 12),
            several_contents: false,
            note: None,
        }
    }

    #[test]
    fn a_denunciations_transfer_names_no_denouncer_and_says_the_identity_is_secret() {
        let l = letter(Action::Transfer, PetitionKind::Denunciation);
        let text = l.paragraphs.join("\n");
        assert!(!text.contains("Nguyễn Văn Đức"));
        assert!(text.contains("được giữ bí mật"));
        assert_eq!(l.recipients, ["Ủy ban nhân dân tỉnh Quảng Ngãi"]);
        assert!(l.heading.is_none() && l.subject == "chuyển đơn tố cáo");
    }

    #[test]
    fn notices_say_why_a_petition_is_declined_and_from_when_it_is_accepted() {
        let declined = letter(Action::Decline, PetitionKind::Complaint);
        assert!(declined.paragraphs[1].ends_with("vì lý do: đơn không ghi nội dung cụ thể"));
        assert!(
            declined
                .copies_to
                .iter()
                .any(|c| c.contains("Thanh tra cấp tỉnh"))
        );
        let accepted = letter(Action::Accept, PetitionKind::Complaint);
        assert!(accepted.paragraphs[1].contains("thụ lý giải quyết từ ngày 12/03/2026"));
        assert!(accepted.paragraphs[0].contains("của Nguyễn Văn Đức (địa chỉ: Thôn Đông)"));
    }

    #[test]
    fn guidance_for_several_contents_lists_them_and_never_prints_blanks() {
        let mut l = letter(Action::Guide, PetitionKind::Complaint);
        assert!(!l.paragraphs.join(" ").contains(".........."));
        let listed = DecisionLetter {
            several_contents: true,
            note: Some("- Tranh chấp đất: Tòa án nhân dân khu vực 1\n\n• Trợ cấp: Sở Nội vụ"),
            ..sample(Action::Guide, PetitionKind::Complaint)
        };
        l = decision_letter(&listed);
        assert!(
            l.paragraphs
                .contains(&"- Tranh chấp đất: Tòa án nhân dân khu vực 1".to_owned())
        );
        assert!(l.paragraphs.contains(&"- Trợ cấp: Sở Nội vụ".to_owned()));
        let unlisted = DecisionLetter {
            several_contents: true,
            ..sample(Action::Guide, PetitionKind::Complaint)
        };
        let text = decision_letter(&unlisted).paragraphs.join(" ");
        assert!(!text.contains("....") && !text.contains("……"), "{text}");
        assert!(text.contains("Chủ tịch Ủy ban nhân dân tỉnh"), "{text}");
    }
}
