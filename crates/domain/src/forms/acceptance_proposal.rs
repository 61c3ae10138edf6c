//! Phiếu đề xuất thụ lý: the officer proposes to the chair that a complaint or a
//! denunciation be accepted for resolution. A denouncer is never named.

use chrono::NaiveDate;

use crate::visit::PetitionKind;

/// The values the proposal is worded from.
pub struct AcceptanceProposal<'a> {
    pub office: &'a str,
    pub received_on: NaiveDate,
    pub kind: PetitionKind,
    /// The complainant's name and address; ignored for a denunciation.
    pub petitioner: Option<(&'a str, &'a str)>,
    pub summary: &'a str,
    /// The person complained about or denounced, when recorded.
    pub respondent: Option<&'a str>,
    /// Why the app proposes acceptance, and on what basis.
    pub reason: &'a str,
    pub basis: &'a str,
    /// The open acceptance (or checking) deadline: its name and last day.
    pub deadline: Option<(&'a str, NaiveDate)>,
}

/// The kind as the proposal names it ("khiếu nại").
fn kind_word(kind: PetitionKind) -> &'static str {
    match kind {
        PetitionKind::Complaint => "khiếu nại",
        PetitionKind::Denunciation => "tố cáo",
        PetitionKind::Recommendation => "kiến nghị",
        PetitionKind::Feedback => "phản ánh",
    }
}

/// The proposal's paragraphs, in order.
pub fn acceptance_proposal(p: &AcceptanceProposal) -> Vec<String> {
    let kind = kind_word(p.kind);
    let who = match (p.kind, p.petitioner) {
        (PetitionKind::Denunciation, _) => {
            "người tố cáo (thông tin về người tố cáo được giữ bí mật, lưu trong hồ sơ vụ việc)"
                .to_owned()
        }
        (_, Some((name, address))) => format!("{name}, địa chỉ: {address}"),
        (_, None) => "người gửi đơn".to_owned(),
    };
    let mut out = vec![format!(
        "Ngày {}, {} nhận được đơn {kind} của {who}, với nội dung: {}",
        p.received_on.format("%d/%m/%Y"),
        p.office,
        p.summary
    )];
    if let Some(name) = p.respondent {
        let role = if p.kind == PetitionKind::Complaint {
            "Người bị khiếu nại"
        } else {
            "Người bị tố cáo"
        };
        out.push(format!("{role}: {name}."));
    }
    out.push(format!(
        "Sau khi xem xét nội dung đơn và các thông tin, tài liệu, bằng chứng kèm theo, nhận thấy: {} Căn cứ {}, đề xuất Chủ tịch {} thụ lý giải quyết {kind} theo quy định của pháp luật.",
        p.reason, p.basis, p.office
    ));
    if let Some((name, due)) = p.deadline {
        out.push(format!(
            "Thời hạn {name}: chậm nhất hết ngày {}.",
            due.format("%d/%m/%Y")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(kind: PetitionKind) -> AcceptanceProposal<'static> {
        AcceptanceProposal {
            office: "Ủy ban nhân dân xã Ba Tơ",
            received_on: NaiveDate::from_ymd_opt(2026, 3, 5).unwrap(),
            kind,
            petitioner: Some(("Nguyễn Văn Đức", "Thôn Đông")),
            summary: "Cán bộ địa chính nhận tiền khi làm thủ tục.",
            respondent: Some("ông Trần Văn B"),
            reason: "Đơn thuộc thẩm quyền và đủ điều kiện thụ lý.",
            basis: "Luật Tố cáo 2018 Điều 29",
            deadline: Some(("thụ lý", NaiveDate::from_ymd_opt(2026, 3, 12).unwrap())),
        }
    }

    #[test]
    fn a_denunciations_proposal_names_the_person_denounced_never_the_denouncer() {
        let p = acceptance_proposal(&sample(PetitionKind::Denunciation));
        let text = p.join("\n");
        assert!(!text.contains("Nguyễn Văn Đức") && !text.contains("Thôn Đông"));
        assert!(p[0].starts_with("Ngày 05/03/2026, Ủy ban nhân dân xã Ba Tơ nhận được đơn tố cáo của người tố cáo (thông tin"));
        assert_eq!(p[1], "Người bị tố cáo: ông Trần Văn B.");
        assert!(p[2].ends_with("đề xuất Chủ tịch Ủy ban nhân dân xã Ba Tơ thụ lý giải quyết tố cáo theo quy định của pháp luật."));
        assert_eq!(p[3], "Thời hạn thụ lý: chậm nhất hết ngày 12/03/2026.");
    }

    #[test]
    fn a_complaints_proposal_names_the_complainant_and_prints_no_blank() {
        let p = acceptance_proposal(&AcceptanceProposal {
            respondent: None,
            deadline: None,
            ..sample(PetitionKind::Complaint)
        });
        assert!(p[0].contains("đơn khiếu nại của Nguyễn Văn Đức, địa chỉ: Thôn Đông,"));
        assert_eq!(p.len(), 2);
        assert!(p.iter().all(|l| !l.contains("……") && !l.contains("của và")));
    }
}
