//! Citizens (công dân) as typed at the front desk, and how a typed query matches earlier
//! ones. Pure: the identity rules and "this year" come in as values.
//!
//! ```
//! use tiepdan_domain::citizen::CitizenInput;
//! use tiepdan_domain::identity::{IdKind, Sex};
//! use tiepdan_rules::identity::IdentityRules;
//! let input = CitizenInput {
//!     full_name: " nguyễn văn  Đức ".into(),
//!     id_kind: IdKind::Cccd,
//!     id_number: Some("034068012345".into()),
//!     birth_year: Some(1968),
//!     gender: Some(Sex::Male),
//!     address: "Thôn Đông, xã Ba Tơ".into(),
//!     ..CitizenInput::default()
//! };
//! let c = input.validate(&IdentityRules::default_rules(), 2026).unwrap();
//! assert_eq!(c.full_name, "Nguyễn Văn Đức");
//! assert_eq!(c.name_fold, "nguyen van duc");
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::identity::{IdKind, Sex, check_id};
use tiepdan_rules::identity::IdentityRules;
use tiepdan_vocab::FieldError;
use tiepdan_vocab::text::{clean, clean_opt, fold};

/// A citizen as typed in the intake form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CitizenInput {
    pub full_name: String,
    pub id_kind: IdKind,
    pub id_number: Option<String>,
    /// Ngày cấp, `YYYY-MM-DD`.
    pub id_issued_on: Option<String>,
    /// Nơi cấp.
    pub id_issued_by: Option<String>,
    pub birth_year: Option<i32>,
    pub gender: Option<Sex>,
    pub address: String,
    pub phone: Option<String>,
}

impl Default for CitizenInput {
    fn default() -> Self {
        CitizenInput {
            full_name: String::new(),
            id_kind: IdKind::NoPaper,
            id_number: None,
            id_issued_on: None,
            id_issued_by: None,
            birth_year: None,
            gender: None,
            address: String::new(),
            phone: None,
        }
    }
}

/// A validated citizen, ready to store, with its search keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCitizen {
    pub full_name: String,
    pub name_fold: String,
    pub id_kind: IdKind,
    pub id_number: Option<String>,
    pub id_issued_on: Option<chrono::NaiveDate>,
    pub id_issued_by: Option<String>,
    pub birth_year: Option<i32>,
    pub gender: Option<Sex>,
    pub address: String,
    pub address_fold: String,
    pub phone: Option<String>,
}

/// Writes a name as names are written: each word capitalised ("nguyễn văn đức" →
/// "Nguyễn Văn Đức"), so that typing speed does not decide how a name is printed.
pub fn name_case(name: &str) -> String {
    clean(name)
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

impl CitizenInput {
    /// Checks everything at once; `this_year` bounds the birth year.
    pub fn validate(
        &self,
        rules: &IdentityRules,
        this_year: i32,
    ) -> Result<NewCitizen, Vec<FieldError>> {
        let mut errors = Vec::new();
        let full_name = name_case(&self.full_name);
        if full_name.is_empty() {
            errors.push(FieldError::new("full_name", "Chưa nhập họ tên công dân."));
        } else if full_name.chars().count() > 120 {
            errors.push(FieldError::new(
                "full_name",
                "Họ tên quá dài (tối đa 120 ký tự).",
            ));
        }
        if let Some(y) = self.birth_year
            && !(1900..=this_year).contains(&y)
        {
            errors.push(FieldError::new(
                "birth_year",
                format!("Năm sinh phải từ 1900 đến {this_year}; đã nhập {y}."),
            ));
        }
        let year_for_id = self.birth_year.filter(|y| (1900..=this_year).contains(y));
        let id_number = match check_id(
            self.id_kind,
            self.id_number.as_deref(),
            year_for_id,
            self.gender,
            rules,
        ) {
            Ok(n) => n,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let id_issued_on = match clean_opt(self.id_issued_on.as_deref()) {
            None => None,
            Some(d) => match chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
                Ok(date)
                    if date.format("%Y").to_string().parse::<i32>().unwrap_or(0) <= this_year =>
                {
                    Some(date)
                }
                _ => {
                    errors.push(FieldError::new(
                        "id_issued_on",
                        format!("Ngày cấp không hợp lệ (\"{d}\"); nhập theo dạng ngày/tháng/năm, không sau năm {this_year}."),
                    ));
                    None
                }
            },
        };
        let phone = clean_opt(self.phone.as_deref()).map(|p| {
            p.chars()
                .filter(|c| !matches!(c, ' ' | '.' | '-'))
                .collect::<String>()
        });
        if let Some(p) = &phone {
            let digits = p.strip_prefix('+').unwrap_or(p);
            if !digits.chars().all(|c| c.is_ascii_digit()) || !(9..=12).contains(&digits.len()) {
                errors.push(FieldError::new(
                    "phone",
                    format!("Số điện thoại gồm 9–12 chữ số (ví dụ 0912345678); đã nhập \"{p}\"."),
                ));
            }
        }
        let address = clean(&self.address);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewCitizen {
            name_fold: fold(&full_name),
            full_name,
            id_kind: self.id_kind,
            id_number,
            id_issued_on,
            id_issued_by: clean_opt(self.id_issued_by.as_deref()),
            birth_year: self.birth_year,
            gender: self.gender,
            address_fold: fold(&address),
            address,
            phone,
        })
    }
}

/// How well a stored citizen matches what is being typed, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The identity number is the same.
    IdNumber,
    /// The name matches with its diacritics as typed.
    ExactName,
    /// The name matches once tones and đ are ignored.
    FoldedName,
}

/// Ranks a candidate against a typed name: exact diacritics before folded matches.
/// `None` when the name does not match at all. Every word typed must start a word of the
/// name, in order ("ng v duc" finds "Nguyễn Văn Đức").
pub fn name_match(typed: &str, stored_name: &str) -> Option<MatchKind> {
    let typed_clean = clean(typed).to_lowercase();
    if typed_clean.is_empty() {
        return None;
    }
    let words_match = |t: &str, s: &str| {
        let s_words: Vec<&str> = s.split(' ').collect();
        let mut i = 0;
        t.split(' ').all(|w| {
            while i < s_words.len() {
                i += 1;
                if s_words[i - 1].starts_with(w) {
                    return true;
                }
            }
            false
        })
    };
    if words_match(&typed_clean, &clean(stored_name).to_lowercase()) {
        Some(MatchKind::ExactName)
    } else if words_match(&fold(typed), &fold(stored_name)) {
        Some(MatchKind::FoldedName)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> IdentityRules {
        IdentityRules::default_rules()
    }

    fn input() -> CitizenInput {
        CitizenInput {
            full_name: "Nguyễn Văn Đức".into(),
            id_kind: IdKind::Cccd,
            id_number: Some("034068012345".into()),
            birth_year: Some(1968),
            gender: Some(Sex::Male),
            address: " Thôn Đông,  xã Ba Tơ ".into(),
            phone: Some("0912 345 678".into()),
            ..CitizenInput::default()
        }
    }

    #[test]
    fn a_good_citizen_is_cleaned_and_folded() {
        let c = input().validate(&rules(), 2026).unwrap();
        assert_eq!(c.address, "Thôn Đông, xã Ba Tơ");
        assert_eq!(c.address_fold, "thon dong, xa ba to");
        assert_eq!(c.phone.as_deref(), Some("0912345678"));
        assert_eq!(name_case("  trần thị  ÁNH "), "Trần Thị Ánh");
    }

    #[test]
    fn every_problem_is_reported_at_once_in_vietnamese() {
        let bad = CitizenInput {
            full_name: " ".into(),
            id_number: Some("03406801234".into()),
            birth_year: Some(2031),
            id_issued_on: Some("2024-02-30".into()),
            phone: Some("09x".into()),
            ..input()
        };
        let errors = bad.validate(&rules(), 2026).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "full_name",
                "birth_year",
                "id_number",
                "id_issued_on",
                "phone"
            ]
        );
        assert_eq!(
            errors[2].message_vi,
            "Số CCCD/căn cước phải có 12 chữ số; đã nhập 11."
        );
    }

    #[test]
    fn name_matching_ranks_exact_diacritics_first() {
        assert_eq!(
            name_match("Nguyễn Văn Đức", "Nguyễn Văn Đức"),
            Some(MatchKind::ExactName)
        );
        assert_eq!(
            name_match("nguyễn văn", "Nguyễn Văn Đức"),
            Some(MatchKind::ExactName)
        );
        assert_eq!(
            name_match("nguyen van duc", "Nguyễn Văn Đức"),
            Some(MatchKind::FoldedName)
        );
        assert_eq!(
            name_match("ng v duc", "Nguyễn Văn Đức"),
            Some(MatchKind::FoldedName)
        );
        // Dương, Đường and đương are the same once folded, but not exactly.
        assert_eq!(
            name_match("Dương", "Đường Văn A"),
            Some(MatchKind::FoldedName)
        );
        assert_eq!(
            name_match("Đường", "Đường Văn A"),
            Some(MatchKind::ExactName)
        );
        assert_eq!(name_match("Trần", "Nguyễn Văn Đức"), None);
        assert_eq!(
            name_match("duc van", "Nguyễn Văn Đức"),
            None,
            "words in order"
        );
        assert_eq!(name_match("", "Nguyễn Văn Đức"), None);
        assert!(MatchKind::IdNumber < MatchKind::ExactName);
    }
}
