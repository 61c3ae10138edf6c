//! A visit (lượt tiếp) as recorded at the front desk: who came, how many, about which case,
//! and the petitions (đơn) they handed in. Pure validation; the vocabulary is the
//! interchange format's (`../shared/spec/INTERCHANGE.md`).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agency::AgencyRole;
use crate::citizen::CitizenInput;
use tiepdan_vocab::FieldError;
use tiepdan_vocab::text::{clean, clean_opt, fold};

pub use tiepdan_vocab::petition::{DecisionKind, Field, PetitionKind, ReceivedBy, Reception};

/// A paper handed in with a petition (listed on the receipt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaperInput {
    pub title: String,
    /// Bản chính (true) or bản sao.
    pub original: bool,
    /// A copy that is certified (bản sao có chứng thực).
    #[serde(default)]
    pub certified: bool,
    pub pages: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PetitionInput {
    pub kind: PetitionKind,
    pub field: Field,
    pub summary: String,
    pub anonymous: bool,
    pub respondent_role: Option<AgencyRole>,
    pub respondent_name: Option<String>,
    /// Complaints: 1 (lần đầu) or 2 (lần hai).
    pub instance: Option<u8>,
    /// Complaints: when the contested decision was received or learned of, `YYYY-MM-DD`.
    pub contested_on: Option<String>,
    /// Complaints: an administrative decision (default) or a disciplinary one.
    #[serde(default)]
    pub decision_kind: Option<DecisionKind>,
    /// Denunciations: presented orally in person, with no written đơn (Luật Tố cáo Điều 24
    /// khoản 2: one outside the office's competence is guided, not transferred).
    #[serde(default)]
    pub oral: bool,
    pub papers: Vec<PaperInput>,
    /// The sub-field the officer names (môi trường, giải phóng mặt bằng…), optional.
    #[serde(default)]
    pub subfield: Option<String>,
}

/// A citizen of the visit: one already registered, or one typed now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CitizenRef {
    Existing(#[ts(type = "number")] i64),
    New(CitizenInput),
}

/// The case (vụ việc) of the visit: a new matter, or a repeat of an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseChoice {
    New,
    Existing(#[ts(type = "number")] i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitInput {
    /// `YYYY-MM-DDTHH:MM`, Vietnam local time.
    pub at: String,
    pub reception: Reception,
    pub received_by: ReceivedBy,
    pub citizens: Vec<CitizenRef>,
    /// Positions in `citizens` of those who speak for the group; empty = the first.
    pub representatives: Vec<usize>,
    /// Head-count, at least the number of citizens named.
    pub people: u32,
    pub case: CaseChoice,
    pub summary: String,
    pub outcome: String,
    pub petitions: Vec<PetitionInput>,
}

/// A petition that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPetition {
    pub kind: PetitionKind,
    pub field: Field,
    pub summary: String,
    pub summary_fold: String,
    pub anonymous: bool,
    pub respondent_role: Option<AgencyRole>,
    pub respondent_name: Option<String>,
    pub instance: Option<u8>,
    pub contested_on: Option<chrono::NaiveDate>,
    pub decision_kind: DecisionKind,
    pub oral: bool,
    pub papers: Vec<PaperInput>,
    pub subfield: Option<String>,
}

/// A visit that passed validation (citizens typed now are validated by the use case,
/// which knows the identity rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedVisit {
    pub at: NaiveDateTime,
    pub representatives: Vec<usize>,
    pub summary: String,
    pub outcome: String,
    pub petitions: Vec<NewPetition>,
}

/// Longest free text kept in a summary (about three typed pages); longer papers are
/// attached, not typed.
pub const MAX_SUMMARY: usize = 10_000;
/// Longest outcome or paper title.
pub const MAX_LINE: usize = 2_000;

/// Adds an error when `value` is longer than `max` characters.
fn at_most(errors: &mut Vec<FieldError>, field: &str, what: &str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        errors.push(FieldError::new(
            field,
            format!(
                "{what} quá dài ({n} ký tự); tối đa {max} ký tự. Hãy tóm tắt, phần dài để trong tài liệu kèm theo."
            ),
        ));
    }
}

fn nonempty(errors: &mut Vec<FieldError>, field: &str, what: &str, value: &str) -> String {
    let v = clean(value);
    if v.is_empty() {
        errors.push(FieldError::new(field, format!("Chưa nhập {what}.")));
    }
    v
}

impl VisitInput {
    /// Checks the visit against `now` (a visit cannot be recorded in the future).
    pub fn validate(&self, now: NaiveDateTime) -> Result<CheckedVisit, Vec<FieldError>> {
        let mut errors = Vec::new();
        let at = match NaiveDateTime::parse_from_str(&self.at, "%Y-%m-%dT%H:%M") {
            Ok(at) if at <= now + chrono::Duration::minutes(5) => Some(at),
            Ok(_) => {
                errors.push(FieldError::new(
                    "at",
                    "Thời điểm tiếp không được ở tương lai.",
                ));
                None
            }
            Err(_) => {
                errors.push(FieldError::new(
                    "at",
                    format!(
                        "Thời điểm tiếp không hợp lệ (\"{}\"); nhập ngày/tháng/năm và giờ:phút.",
                        self.at
                    ),
                ));
                None
            }
        };
        if self.citizens.is_empty() {
            errors.push(FieldError::new(
                "citizens",
                "Chưa có công dân nào trong lượt tiếp.",
            ));
        }
        let named = self.citizens.len();
        if (self.people as usize) < named.max(1) {
            errors.push(FieldError::new(
                "people",
                format!(
                    "Số người ({}) không được ít hơn số công dân đã ghi tên ({named}).",
                    self.people
                ),
            ));
        }
        let mut representatives = self.representatives.clone();
        representatives.sort_unstable();
        representatives.dedup();
        if let Some(bad) = representatives.iter().find(|&&i| i >= named) {
            errors.push(FieldError::new(
                "representatives",
                format!(
                    "Người đại diện số {} không có trong danh sách công dân.",
                    bad + 1
                ),
            ));
        }
        if representatives.is_empty() && named > 0 {
            representatives.push(0);
        }
        let summary = nonempty(&mut errors, "summary", "nội dung lượt tiếp", &self.summary);
        at_most(
            &mut errors,
            "summary",
            "Nội dung lượt tiếp",
            &summary,
            MAX_SUMMARY,
        );
        let outcome = clean(&self.outcome);
        at_most(&mut errors, "outcome", "Kết quả tiếp", &outcome, MAX_LINE);
        let petitions = check_petitions(&self.petitions, at.map(|at| at.date()), &mut errors);
        match (at, errors.is_empty()) {
            (Some(at), true) => Ok(CheckedVisit {
                at,
                representatives,
                summary,
                outcome,
                petitions,
            }),
            _ => Err(errors),
        }
    }
}

/// Checks the petitions handed in or received on `on` (when that date is known): each
/// summary, a complaint's instance and contested date (not after `on`), no anonymous
/// complaint, the papers' titles. Every error is added to `errors`.
pub fn check_petitions(
    list: &[PetitionInput],
    on: Option<chrono::NaiveDate>,
    errors: &mut Vec<FieldError>,
) -> Vec<NewPetition> {
    let mut petitions = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let field = |name: &str| format!("petitions.{i}.{name}");
        let summary = clean(&p.summary);
        if summary.is_empty() {
            errors.push(FieldError::new(
                &field("summary"),
                format!("Đơn thứ {}: chưa nhập nội dung đơn.", i + 1),
            ));
        }
        at_most(
            errors,
            &field("summary"),
            &format!("Đơn thứ {}: nội dung đơn", i + 1),
            &summary,
            MAX_SUMMARY,
        );
        let instance = match (p.kind, p.instance) {
            (PetitionKind::Complaint, None) => Some(1),
            (PetitionKind::Complaint, Some(n @ (1 | 2))) => Some(n),
            (PetitionKind::Complaint, Some(n)) => {
                errors.push(FieldError::new(
                    &field("instance"),
                    format!("Đơn thứ {}: khiếu nại lần {n} không có; chỉ có lần đầu (1) hoặc lần hai (2).", i + 1),
                ));
                None
            }
            (_, _) => None,
        };
        let contested_on = match clean_opt(p.contested_on.as_deref()) {
            None => None,
            Some(d) => match chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
                Ok(date) if on.is_none_or(|on| date <= on) => Some(date),
                _ => {
                    errors.push(FieldError::new(
                        &field("contested_on"),
                        format!("Đơn thứ {}: ngày nhận quyết định bị khiếu nại không hợp lệ hoặc sau ngày tiếp nhận (\"{d}\").", i + 1),
                    ));
                    None
                }
            },
        };
        if p.anonymous && p.kind == PetitionKind::Complaint {
            errors.push(FieldError::new(
                &field("anonymous"),
                format!("Đơn thứ {}: đơn khiếu nại phải ghi rõ họ tên người khiếu nại, không thể nặc danh.", i + 1),
            ));
        }
        let mut papers = Vec::new();
        for (j, paper) in p.papers.iter().enumerate() {
            let title = clean(&paper.title);
            if title.is_empty() {
                errors.push(FieldError::new(
                    &format!("petitions.{i}.papers.{j}.title"),
                    format!(
                        "Đơn thứ {}, tài liệu thứ {}: chưa nhập tên tài liệu.",
                        i + 1,
                        j + 1
                    ),
                ));
            }
            at_most(
                errors,
                &format!("petitions.{i}.papers.{j}.title"),
                &format!("Đơn thứ {}, tài liệu thứ {}: tên tài liệu", i + 1, j + 1),
                &title,
                MAX_LINE,
            );
            papers.push(PaperInput {
                title,
                ..paper.clone()
            });
        }
        petitions.push(NewPetition {
            kind: p.kind,
            field: p.field,
            summary_fold: fold(&summary),
            summary,
            anonymous: p.anonymous,
            respondent_role: p.respondent_role,
            respondent_name: clean_opt(p.respondent_name.as_deref()),
            instance,
            contested_on,
            decision_kind: match p.kind {
                PetitionKind::Complaint => p.decision_kind.unwrap_or_default(),
                _ => DecisionKind::Administrative,
            },
            oral: p.oral && p.kind == PetitionKind::Denunciation,
            papers,
            subfield: crate::hotspot::label(p.subfield.as_deref()),
        });
    }
    petitions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-11-23 10:00", "%Y-%m-%d %H:%M").unwrap()
    }

    pub fn visit() -> VisitInput {
        VisitInput {
            at: "2026-11-23T09:14".into(),
            reception: Reception::Regular,
            received_by: ReceivedBy::Officer,
            citizens: vec![CitizenRef::Existing(1), CitizenRef::Existing(2)],
            representatives: vec![],
            people: 6,
            case: CaseChoice::New,
            summary: "Tranh chấp ranh giới đất với hộ liền kề".into(),
            outcome: "Tiếp nhận đơn".into(),
            petitions: vec![PetitionInput {
                kind: PetitionKind::Complaint,
                field: Field::Land,
                summary: "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND".into(),
                anonymous: false,
                respondent_role: Some(AgencyRole::CommuneChair),
                respondent_name: None,
                instance: None,
                contested_on: Some("2026-10-01".into()),
                decision_kind: None,
                oral: false,
                papers: vec![PaperInput {
                    title: "Quyết định 12/QĐ-UBND".into(),
                    original: false,
                    certified: false,
                    pages: Some(3),
                }],
                subfield: None,
            }],
        }
    }

    #[test]
    fn a_good_visit_defaults_the_first_citizen_as_representative_and_first_instance() {
        let v = visit().validate(now()).unwrap();
        assert_eq!(v.representatives, [0]);
        assert_eq!(v.petitions[0].instance, Some(1));
        assert_eq!(
            v.petitions[0].summary_fold,
            "khieu nai quyet dinh thu hoi dat so 12/qd-ubnd"
        );
    }

    #[test]
    fn every_problem_is_named_with_where_it_is() {
        let mut bad = visit();
        bad.at = "2026-11-24T08:00".into();
        bad.people = 1;
        bad.representatives = vec![4];
        bad.summary = " ".into();
        bad.petitions[0].instance = Some(3);
        bad.petitions[0].anonymous = true;
        bad.petitions[0].papers[0].title = "".into();
        let errors = bad.validate(now()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "at",
                "people",
                "representatives",
                "summary",
                "petitions.0.instance",
                "petitions.0.anonymous",
                "petitions.0.papers.0.title"
            ]
        );
        assert_eq!(
            errors[1].message_vi,
            "Số người (1) không được ít hơn số công dân đã ghi tên (2)."
        );
    }

    #[test]
    fn a_malformed_time_and_an_empty_visit_are_refused() {
        let mut bad = visit();
        bad.at = "23/11/2026".into();
        bad.citizens.clear();
        let errors = bad.validate(now()).unwrap_err();
        assert!(errors[0].message_vi.contains("không hợp lệ"));
        assert_eq!(errors[1].field, "citizens");
    }
}
