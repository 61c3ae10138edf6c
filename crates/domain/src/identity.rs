//! Identity documents of citizens: CCCD / căn cước (12 digits), old CMND (9 or 12 digits),
//! passport, other papers, or none. Pure: the century-and-sex table comes in as data
//! ([`IdentityRules`]).
//!
//! ```
//! use tiepdan_domain::identity::{check_id, IdKind, Sex};
//! use tiepdan_rules::identity::IdentityRules;
//! let rules = IdentityRules::default_rules();
//! // 034 (province of birth registration), 0 (20th century, male), 68 (1968), 6 random digits.
//! let n = check_id(IdKind::Cccd, Some("034 068 012345"), Some(1968), Some(Sex::Male), &rules).unwrap();
//! assert_eq!(n.as_deref(), Some("034068012345"));
//! ```

use tiepdan_rules::identity::IdentityRules;
use tiepdan_vocab::FieldError;

pub use tiepdan_vocab::identity::{IdKind, Sex};

const FIELD: &str = "id_number";

/// Checks `number` for `kind` and returns it in stored form (spaces, dots and dashes
/// removed; passport letters upper-case), or `None` for [`IdKind::NoPaper`]. For a 12-digit
/// number the 4th to 6th digits must agree with the birth year and sex when they are given.
pub fn check_id(
    kind: IdKind,
    number: Option<&str>,
    birth_year: Option<i32>,
    sex: Option<Sex>,
    rules: &IdentityRules,
) -> Result<Option<String>, FieldError> {
    let compact: String = number
        .unwrap_or_default()
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}'))
        .collect();
    let err = |m: String| Err(FieldError::new(FIELD, m));
    match kind {
        IdKind::NoPaper => {
            if compact.is_empty() {
                Ok(None)
            } else {
                err("Đã chọn \"không có giấy tờ\" nhưng lại nhập số giấy tờ: hãy chọn loại giấy tờ hoặc xoá số.".into())
            }
        }
        IdKind::Cccd => {
            digits_only(&compact, "Số CCCD/căn cước")?;
            let n = compact.chars().count();
            if n != 12 {
                return err(format!("Số CCCD/căn cước phải có 12 chữ số; đã nhập {n}."));
            }
            check_birth_digits(&compact, birth_year, sex, rules)?;
            Ok(Some(compact))
        }
        IdKind::Cmnd => {
            digits_only(&compact, "Số CMND")?;
            let n = compact.chars().count();
            if n != 9 && n != 12 {
                return err(format!("Số CMND phải có 9 hoặc 12 chữ số; đã nhập {n}."));
            }
            Ok(Some(compact))
        }
        IdKind::Passport => {
            let upper = compact.to_uppercase();
            let n = upper.chars().count();
            if upper.is_empty() {
                return err("Chưa nhập số hộ chiếu.".into());
            }
            if !upper.chars().all(|c| c.is_ascii_alphanumeric()) || !(6..=12).contains(&n) {
                return err(format!(
                    "Số hộ chiếu gồm 6–12 chữ cái Latinh hoặc chữ số (ví dụ C1234567); đã nhập \"{}\".",
                    number.unwrap_or_default().trim()
                ));
            }
            Ok(Some(upper))
        }
        IdKind::Other => {
            let text = tiepdan_vocab::text::clean(number.unwrap_or_default());
            if text.is_empty() {
                return err("Chưa nhập số hoặc tên giấy tờ.".into());
            }
            Ok(Some(text))
        }
    }
}

fn digits_only(s: &str, what: &str) -> Result<(), FieldError> {
    if s.is_empty() {
        return Err(FieldError::new(
            FIELD,
            format!("Chưa nhập {}.", what.to_lowercase()),
        ));
    }
    match s.chars().find(|c| !c.is_ascii_digit()) {
        Some(c) => Err(FieldError::new(
            FIELD,
            format!("{what} chỉ gồm chữ số; có ký tự \"{c}\"."),
        )),
        None => Ok(()),
    }
}

/// Digits 4–6 of a 12-digit number: century-and-sex code and the year's last two digits.
fn check_birth_digits(
    number: &str,
    birth_year: Option<i32>,
    sex: Option<Sex>,
    rules: &IdentityRules,
) -> Result<(), FieldError> {
    let digit = |i: usize| number.as_bytes()[i] - b'0';
    let Some(code) = rules.century_sex(digit(3)) else {
        return Ok(());
    };
    let encoded_year = code.century_start + i32::from(digit(4)) * 10 + i32::from(digit(5));
    if let Some(year) = birth_year
        && year != encoded_year
    {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Số CCCD/căn cước không khớp năm sinh: chữ số thứ 4–6 (\"{}\") ứng với năm sinh {encoded_year}, nhưng năm sinh đã nhập là {year}. Hãy kiểm tra lại số hoặc năm sinh.",
                &number[3..6]
            ),
        ));
    }
    if let Some(s) = sex
        && s != code.sex
    {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Số CCCD/căn cước không khớp giới tính: chữ số thứ 4 (\"{}\") ứng với giới tính {}, nhưng đã chọn {}. Hãy kiểm tra lại.",
                digit(3),
                code.sex.label(),
                s.label()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> IdentityRules {
        IdentityRules::default_rules()
    }

    /// One case: kind, number, birth year, sex, Ok(stored) or Err(part of the message).
    type Row = (
        IdKind,
        Option<&'static str>,
        Option<i32>,
        Option<Sex>,
        Result<Option<&'static str>, &'static str>,
    );

    #[test]
    fn identity_numbers_table() {
        use IdKind::*;
        let rows: &[Row] = &[
            (
                Cccd,
                Some("034068012345"),
                Some(1968),
                Some(Sex::Male),
                Ok(Some("034068012345")),
            ),
            (
                Cccd,
                Some("034 068 012 345"),
                None,
                None,
                Ok(Some("034068012345")),
            ),
            (
                Cccd,
                Some("001305012345"),
                Some(2005),
                Some(Sex::Female),
                Ok(Some("001305012345")),
            ),
            (
                Cccd,
                Some("03406801234"),
                None,
                None,
                Err("phải có 12 chữ số; đã nhập 11"),
            ),
            (Cccd, Some("0340680123456"), None, None, Err("đã nhập 13")),
            (
                Cccd,
                Some("03406801234O"),
                None,
                None,
                Err("chỉ gồm chữ số; có ký tự \"O\""),
            ),
            (Cccd, None, None, None, Err("Chưa nhập số cccd/căn cước")),
            (
                Cccd,
                Some("034068012345"),
                Some(1986),
                None,
                Err("ứng với năm sinh 1968, nhưng năm sinh đã nhập là 1986"),
            ),
            (
                Cccd,
                Some("034068012345"),
                Some(1968),
                Some(Sex::Female),
                Err("ứng với giới tính nam, nhưng đã chọn nữ"),
            ),
            (
                Cccd,
                Some("034268012345"),
                Some(1968),
                None,
                Err("năm sinh 2068"),
            ),
            (
                Cmnd,
                Some("212345678"),
                Some(1970),
                None,
                Ok(Some("212345678")),
            ),
            (
                Cmnd,
                Some("034068012345"),
                None,
                None,
                Ok(Some("034068012345")),
            ),
            (
                Cmnd,
                Some("2123456"),
                None,
                None,
                Err("9 hoặc 12 chữ số; đã nhập 7"),
            ),
            (Passport, Some("c1234567"), None, None, Ok(Some("C1234567"))),
            (Passport, Some("C12"), None, None, Err("6–12 chữ cái")),
            (Passport, Some("C12345#7"), None, None, Err("6–12 chữ cái")),
            (
                Other,
                Some("  Giấy xác nhận  của Công an xã "),
                None,
                None,
                Ok(Some("Giấy xác nhận của Công an xã")),
            ),
            (
                Other,
                Some(" "),
                None,
                None,
                Err("Chưa nhập số hoặc tên giấy tờ"),
            ),
            (NoPaper, Some(""), None, None, Ok(None)),
            (NoPaper, Some("123"), None, None, Err("không có giấy tờ")),
        ];
        for (kind, number, year, sex, expected) in rows {
            let got = check_id(*kind, *number, *year, *sex, &rules());
            match (expected, &got) {
                (Ok(want), Ok(have)) => assert_eq!(have.as_deref(), *want, "{kind:?} {number:?}"),
                (Err(part), Err(e)) => {
                    assert_eq!(e.field, "id_number");
                    assert!(
                        e.message_vi.contains(part),
                        "{kind:?} {number:?}: {}",
                        e.message_vi
                    );
                }
                _ => panic!(
                    "{kind:?} {number:?} {year:?} {sex:?}: expected {expected:?}, got {got:?}"
                ),
            }
        }
    }

    #[test]
    fn an_edited_century_table_is_obeyed() {
        let mut edited = rules();
        for c in &mut edited.century_sex {
            if c.digit == 0 {
                c.century_start = 1800;
            }
        }
        let e = check_id(
            IdKind::Cccd,
            Some("034068012345"),
            Some(1968),
            None,
            &edited,
        )
        .unwrap_err();
        assert!(e.message_vi.contains("1868"), "{}", e.message_vi);
    }
}
