//! What a document says, composed from its values and the rules in force on its date: pure
//! functions, one per form, so the wording and its legal citations are tested without a
//! database. The core numbers, stores and lays out what they return.
//!
//! ```
//! use tiepdan_domain::forms::{StopDecision, stop_decision};
//! use tiepdan_rules::documents::DocumentRules;
//! let rules = DocumentRules::default_rules();
//! let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let decision = StopDecision {
//!     office: "Ủy ban nhân dân xã Ba Tơ", complainant: "Ông Nguyễn Văn Đức",
//!     summary: "thu hồi đất", reason: None, from: d(6, 1), suspend: true,
//! };
//! let before = stop_decision(&decision, d(6, 30), &rules).join("\n");
//! let after = stop_decision(&decision, d(7, 1), &rules).join("\n");
//! assert!(!before.contains("136/2025") && after.contains("136/2025"));
//! ```

use chrono::NaiveDate;
use tiepdan_rules::documents::DocumentRules;

use crate::routing::Action;
use crate::visit::PetitionKind;

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

/// The first line of the public notice of reception days issued on `dated` for `range`
/// ("từ ngày … đến ngày …").
pub fn schedule_notice_opening(
    office: &str,
    range: &str,
    dated: NaiveDate,
    rules: &DocumentRules,
) -> String {
    format!(
        "Căn cứ {}; {office} thông báo lịch tiếp công dân định kỳ {range} như sau:",
        rules.cite("reception", dated)
    )
}

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

/// A sentence ends with a full stop, once.
fn sentence(s: &str) -> String {
    let t = s.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
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

/// What a booking slip (phiếu hẹn) says the citizen comes about and for: the case's title
/// ("việc công dân đề nghị" when the booking names none), and to meet which host.
pub fn booking_slip_text(
    case_title: Option<&str>,
    host: tiepdan_vocab::reception::Host,
    host_name: &str,
) -> (String, String) {
    let about = case_title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("việc công dân đề nghị")
        .to_owned();
    let purpose = format!(
        "gặp {} {} tại buổi tiếp công dân định kỳ",
        host.label_vi(),
        host_name.trim()
    );
    (about, purpose)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_booking_slip_names_the_case_and_the_host_never_a_blank() {
        use tiepdan_vocab::reception::Host;
        let (about, purpose) = booking_slip_text(
            Some("Tranh chấp ranh giới đất"),
            Host::Chair,
            "Phạm Văn Hùng",
        );
        assert_eq!(about, "Tranh chấp ranh giới đất");
        assert!(purpose.starts_with("gặp "), "{purpose}");
        assert!(
            purpose.ends_with("Phạm Văn Hùng tại buổi tiếp công dân định kỳ"),
            "{purpose}"
        );
        for none in [None, Some("  ")] {
            assert_eq!(
                booking_slip_text(none, Host::Chair, "X").0,
                "việc công dân đề nghị"
            );
        }
    }

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
