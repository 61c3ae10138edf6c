//! The century-and-sex digit table of 12-digit identification numbers
//! (`assets/rules/identity.toml`).
//!
//! ```
//! let rules = tiepdan_rules::identity::IdentityRules::default_rules();
//! assert_eq!(rules.century_sex(3).unwrap().century_start, 2000);
//! ```

use serde::Deserialize;

use super::{Provenance, RuleFileError};
use tiepdan_vocab::identity::Sex;

/// The file name under `assets/rules/` and under the data directory's `rules/`.
pub const FILE: &str = "identity.toml";

/// The shipped file.
pub const DEFAULT: &str = include_str!("../../../assets/rules/identity.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct CenturySex {
    pub digit: u8,
    pub century_start: i32,
    pub sex: Sex,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct IdentityRules {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub century_sex: Vec<CenturySex>,
}

impl IdentityRules {
    /// The rules shipped with this build.
    pub fn default_rules() -> Self {
        Self::parse(DEFAULT).expect("assets/rules/identity.toml is valid (tested)")
    }

    /// Parses and checks a rule file's text.
    pub fn parse(text: &str) -> Result<Self, RuleFileError> {
        let err = |details: String| RuleFileError {
            file: FILE.to_owned(),
            details,
        };
        let rules: IdentityRules = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        for d in 0..=9u8 {
            let n = rules.century_sex.iter().filter(|c| c.digit == d).count();
            if n != 1 {
                return Err(err(format!(
                    "chữ số {d} phải xuất hiện đúng một lần trong bảng century_sex (đang có {n})"
                )));
            }
        }
        if let Some(c) = rules
            .century_sex
            .iter()
            .find(|c| c.century_start % 100 != 0)
        {
            return Err(err(format!(
                "century_start của chữ số {} phải là năm đầu thế kỷ (đang là {})",
                c.digit, c.century_start
            )));
        }
        Ok(rules)
    }

    pub fn century_sex(&self, digit: u8) -> Option<&CenturySex> {
        self.century_sex.iter().find(|c| c.digit == digit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses_and_covers_every_digit() {
        let rules = IdentityRules::default_rules();
        assert!(
            !rules.provenance.verified,
            "the table is UNCONFIRMED in our sources"
        );
        assert_eq!(rules.century_sex(0).unwrap().sex, Sex::Male);
        assert_eq!(rules.century_sex(9).unwrap().century_start, 2300);
    }

    #[test]
    fn a_broken_table_is_refused_with_the_reason() {
        let text = DEFAULT.replace("{ digit = 9,", "{ digit = 8,");
        let e = IdentityRules::parse(&text).unwrap_err();
        assert!(
            e.to_string()
                .contains("chữ số 8 phải xuất hiện đúng một lần"),
            "{e}"
        );
        let e = IdentityRules::parse("basis = 1").unwrap_err();
        assert!(e.to_string().contains("identity.toml"), "{e}");
    }
}
