//! A petition that did not come in person (đơn không nộp trực tiếp): received by post, from
//! the office's letter box, forwarded by another body (Ban tiếp công dân, HĐND, Thanh tra,
//! the province — with the number of its forwarding letter) or online. What the officer
//! records from the envelope or the forwarding letter; no visit, no receipt. Pure
//! validation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::visit::{CaseChoice, CitizenRef, NewPetition, PetitionInput, check_petitions};
use tiepdan_vocab::FieldError;
use tiepdan_vocab::text::clean_opt;

/// How a petition arrived when no one handed it in at the desk (the interchange format's
/// `channel`, less `in_person`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Qua bưu điện.
    Post,
    /// Hòm thư góp ý.
    Box,
    /// Cơ quan, tổ chức khác chuyển đến.
    Forwarded,
    /// Trực tuyến (Cổng dịch vụ công, thư điện tử).
    Online,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MailInput {
    /// `YYYY-MM-DD`: the day the office received it.
    pub received_on: String,
    pub channel: Channel,
    /// Forwarded: the body that forwarded it (Danh mục cơ quan).
    #[ts(type = "number | null")]
    pub forwarded_by: Option<i64>,
    /// Forwarded: the forwarding letter's number and date ("125/BTCD-NV ngày 02/12/2026").
    pub forwarded_doc: Option<String>,
    /// Who signed it; empty when every petition is unsigned (a denunciation or feedback).
    pub citizens: Vec<CitizenRef>,
    /// One content forwarded by several bodies, or sent again, is one case.
    pub case: CaseChoice,
    pub petitions: Vec<PetitionInput>,
}

/// A received petition that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedMail {
    pub received_on: NaiveDate,
    pub channel: Channel,
    pub forwarded_by: Option<i64>,
    pub forwarded_doc: Option<String>,
    pub petitions: Vec<NewPetition>,
}

impl MailInput {
    /// Checks what was received against `today` (nothing is received in the future).
    pub fn validate(&self, today: NaiveDate) -> Result<CheckedMail, Vec<FieldError>> {
        let mut errors = Vec::new();
        let received_on = match NaiveDate::parse_from_str(self.received_on.trim(), "%Y-%m-%d") {
            Ok(d) if d <= today => Some(d),
            Ok(_) => {
                errors.push(FieldError::new(
                    "received_on",
                    "Ngày nhận đơn không được ở tương lai.",
                ));
                None
            }
            Err(_) => {
                errors.push(FieldError::new(
                    "received_on",
                    format!(
                        "Ngày nhận đơn không hợp lệ (\"{}\"); nhập ngày/tháng/năm.",
                        self.received_on
                    ),
                ));
                None
            }
        };
        let forwarded_doc = clean_opt(self.forwarded_doc.as_deref());
        if self.channel == Channel::Forwarded {
            if self.forwarded_by.is_none() {
                errors.push(FieldError::new(
                    "forwarded_by",
                    "Đơn do cơ quan khác chuyển đến: chọn cơ quan chuyển đơn (thêm vào Danh mục cơ quan nếu chưa có).",
                ));
            }
            if forwarded_doc.is_none() {
                errors.push(FieldError::new(
                    "forwarded_doc",
                    "Đơn do cơ quan khác chuyển đến: ghi số, ngày văn bản chuyển đơn.",
                ));
            }
        }
        if self.petitions.is_empty() {
            errors.push(FieldError::new(
                "petitions",
                "Chưa có đơn nào: nhấn \"+ Thêm đơn\" và ghi nội dung đơn.",
            ));
        }
        let unsigned = !self.petitions.is_empty() && self.petitions.iter().all(|p| p.anonymous);
        if self.citizens.is_empty() && !unsigned {
            errors.push(FieldError::new(
                "citizens",
                "Chưa có người gửi đơn: ghi họ tên, địa chỉ người đứng tên trên đơn (đơn không ghi tên thì đánh dấu \"Không ghi tên người gửi\").",
            ));
        }
        let petitions = check_petitions(&self.petitions, received_on, &mut errors);
        match (received_on, errors.is_empty()) {
            (Some(received_on), true) => Ok(CheckedMail {
                received_on,
                channel: self.channel,
                forwarded_by: (self.channel == Channel::Forwarded)
                    .then_some(self.forwarded_by)
                    .flatten(),
                forwarded_doc: (self.channel == Channel::Forwarded)
                    .then_some(forwarded_doc)
                    .flatten(),
                petitions,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visit::{Field, PetitionKind};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn forwarded() -> MailInput {
        MailInput {
            received_on: "2026-12-03".into(),
            channel: Channel::Forwarded,
            forwarded_by: Some(1),
            forwarded_doc: Some(" 125/BTCD-NV  ngày 02/12/2026 ".into()),
            citizens: vec![CitizenRef::Existing(1)],
            case: CaseChoice::New,
            petitions: vec![PetitionInput {
                kind: PetitionKind::Recommendation,
                field: Field::Land,
                summary: "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất".into(),
                anonymous: false,
                respondent_role: None,
                respondent_name: None,
                instance: None,
                contested_on: None,
                decision_kind: None,
                oral: false,
                papers: vec![],
                subfield: None,
            }],
        }
    }

    #[test]
    fn a_forwarded_petition_keeps_its_body_and_letter() {
        let m = forwarded().validate(today()).unwrap();
        assert_eq!(m.forwarded_by, Some(1));
        assert_eq!(
            m.forwarded_doc.as_deref(),
            Some("125/BTCD-NV ngày 02/12/2026")
        );
        assert_eq!(m.petitions.len(), 1);
    }

    #[test]
    fn every_mistake_is_named_at_once() {
        let mut m = forwarded();
        m.received_on = "2026-12-05".into();
        m.forwarded_by = None;
        m.forwarded_doc = Some("  ".into());
        m.citizens.clear();
        m.petitions[0].summary = " ".into();
        let errors = m.validate(today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "received_on",
                "forwarded_by",
                "forwarded_doc",
                "citizens",
                "petitions.0.summary"
            ]
        );
    }

    #[test]
    fn a_post_letter_needs_no_body_and_an_unsigned_one_no_sender() {
        let mut m = forwarded();
        m.channel = Channel::Post;
        m.forwarded_by = None;
        m.forwarded_doc = None;
        assert!(m.validate(today()).is_ok());
        m.citizens.clear();
        m.petitions[0].kind = PetitionKind::Feedback;
        m.petitions[0].anonymous = true;
        let checked = m.validate(today()).unwrap();
        assert_eq!(checked.forwarded_doc, None);
    }
}
