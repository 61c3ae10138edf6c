//! The office profile (thông tin cơ quan): who this installation works for.
//!
//! Pure: [`OfficeInput::validate`] turns what was typed into a clean [`Office`] or the list
//! of fields to fix, in Vietnamese.
//!
//! ```
//! use tiepdan_domain::office::OfficeInput;
//! let input = OfficeInput {
//!     name: "Ủy ban nhân dân xã Ba Tơ".into(),
//!     parent: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
//!     place: "Ba Tơ".into(),
//!     province: "Quảng Ngãi".into(),
//!     commune_code: Some("21769".into()),
//!     remote_area: true,
//!     chair: "Phạm Văn Hùng".into(),
//!     party_secretary: None,
//! };
//! assert_eq!(input.validate().unwrap().place, "Ba Tơ");
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tiepdan_vocab::FieldError;
use tiepdan_vocab::text::{clean, clean_opt};

/// The office as typed in the first-run form or in Cài đặt.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OfficeInput {
    /// Full name, e.g. "Ủy ban nhân dân xã Ba Tơ".
    pub name: String,
    /// The body above it, e.g. "Ủy ban nhân dân tỉnh Quảng Ngãi".
    pub parent: String,
    /// Place name used in the date line of documents (địa danh), e.g. "Ba Tơ".
    pub place: String,
    pub province: String,
    /// Official 5-digit commune code, optional.
    pub commune_code: Option<String>,
    /// Vùng sâu, vùng xa, đi lại khó khăn: lengthens complaint deadlines.
    pub remote_area: bool,
    /// Chủ tịch UBND.
    pub chair: String,
    /// Bí thư Đảng ủy, optional.
    pub party_secretary: Option<String>,
}

/// A validated office profile: every text NFC, trimmed, non-empty where required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Office {
    pub name: String,
    pub parent: String,
    pub place: String,
    pub province: String,
    pub commune_code: Option<String>,
    pub remote_area: bool,
    pub chair: String,
    pub party_secretary: Option<String>,
}

/// Longest text accepted for a name-like field; longer input is a typing accident.
const MAX_NAME: usize = 200;

fn required(errors: &mut Vec<FieldError>, field: &str, label: &str, value: &str) -> String {
    let v = clean(value);
    if v.is_empty() {
        errors.push(FieldError::new(field, format!("Chưa nhập {label}.")));
    } else if v.chars().count() > MAX_NAME {
        errors.push(FieldError::new(
            field,
            format!(
                "{} quá dài ({} ký tự); tối đa {MAX_NAME} ký tự.",
                capitalise(label),
                v.chars().count()
            ),
        ));
    }
    v
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl OfficeInput {
    /// Checks and cleans the profile; all problems are reported at once.
    pub fn validate(&self) -> Result<Office, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required(&mut errors, "name", "tên cơ quan", &self.name);
        let parent = required(&mut errors, "parent", "cơ quan cấp trên", &self.parent);
        let place = required(&mut errors, "place", "địa danh", &self.place);
        let province = required(&mut errors, "province", "tỉnh/thành phố", &self.province);
        let chair = required(&mut errors, "chair", "họ tên Chủ tịch", &self.chair);
        let party_secretary = clean_opt(self.party_secretary.as_deref());
        let commune_code = clean_opt(self.commune_code.as_deref());
        if let Some(code) = &commune_code {
            let digits = code.chars().filter(|c| c.is_ascii_digit()).count();
            if digits != code.chars().count() || digits != 5 {
                errors.push(FieldError::new(
                    "commune_code",
                    format!(
                        "Mã xã/phường phải gồm đúng 5 chữ số (đang nhập \"{code}\", {} ký tự).",
                        code.chars().count()
                    ),
                ));
            }
        }
        if errors.is_empty() {
            Ok(Office {
                name,
                parent,
                place,
                province,
                commune_code,
                remote_area: self.remote_area,
                chair,
                party_secretary,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> OfficeInput {
        OfficeInput {
            name: " Ủy ban nhân dân  xã Ba Tơ ".into(),
            parent: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
            place: "Ba Tơ".into(),
            province: "Quảng Ngãi".into(),
            commune_code: Some("".into()),
            remote_area: false,
            chair: "Phạm Văn Hùng".into(),
            party_secretary: Some("  ".into()),
        }
    }

    #[test]
    fn a_good_profile_is_cleaned() {
        let office = good().validate().unwrap();
        assert_eq!(office.name, "Ủy ban nhân dân xã Ba Tơ");
        assert_eq!(office.commune_code, None);
        assert_eq!(office.party_secretary, None);
    }

    #[test]
    fn every_missing_field_is_reported_at_once() {
        let errors = OfficeInput::default().validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "parent", "place", "province", "chair"]);
        assert_eq!(errors[0].message_vi, "Chưa nhập tên cơ quan.");
    }

    #[test]
    fn commune_code_must_be_five_digits() {
        for bad in ["1234", "123456", "12a45", "１２３４５"] {
            let input = OfficeInput {
                commune_code: Some(bad.into()),
                ..good()
            };
            let errors = input.validate().unwrap_err();
            assert_eq!(errors.len(), 1, "{bad}");
            assert_eq!(errors[0].field, "commune_code");
            assert!(errors[0].message_vi.contains("5 chữ số"), "{bad}");
        }
        let ok = OfficeInput {
            commune_code: Some(" 00004 ".into()),
            ..good()
        };
        assert_eq!(
            ok.validate().unwrap().commune_code.as_deref(),
            Some("00004")
        );
    }

    #[test]
    fn an_absurdly_long_name_is_refused() {
        let input = OfficeInput {
            chair: "a".repeat(201),
            ..good()
        };
        let errors = input.validate().unwrap_err();
        assert_eq!(errors[0].field, "chair");
        assert!(
            errors[0]
                .message_vi
                .starts_with("Họ tên Chủ tịch quá dài (201 ký tự)")
        );
    }
}
