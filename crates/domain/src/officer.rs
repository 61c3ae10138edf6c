//! Officers (cán bộ) of the office: who is responsible for a case. Sign-in and passwords
//! arrive with the trust issue; here an officer is a name, a title and a role.
//!
//! ```
//! use tiepdan_domain::officer::{OfficerInput, OfficerRole};
//! let o = OfficerInput { full_name: " nguyễn thị  lan ".into(), title: "Công chức Tư pháp - Hộ tịch".into(), role: OfficerRole::Handler };
//! assert_eq!(o.validate().unwrap().full_name, "Nguyễn Thị Lan");
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tiepdan_vocab::FieldError;
use tiepdan_vocab::text::clean;

pub use tiepdan_vocab::access::OfficerRole;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OfficerInput {
    pub full_name: String,
    pub title: String,
    pub role: OfficerRole,
}

/// A correction of an officer's name or title, or their leaving (active = false).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OfficerEdit {
    #[ts(type = "number")]
    pub officer_id: i64,
    pub full_name: String,
    pub title: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Officer {
    #[ts(type = "number")]
    pub id: i64,
    pub full_name: String,
    pub title: String,
    pub role: OfficerRole,
    pub active: bool,
}

impl OfficerInput {
    /// A cleaned officer: the name written as names are; every error at once.
    pub fn validate(&self) -> Result<OfficerInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let full_name = crate::citizen::name_case(&clean(&self.full_name));
        if full_name.is_empty() {
            errors.push(FieldError::new("full_name", "Chưa nhập họ tên cán bộ."));
        } else if full_name.chars().count() > 100 {
            errors.push(FieldError::new("full_name", "Họ tên dài quá 100 ký tự."));
        }
        let title = clean(&self.title);
        if title.chars().count() > 200 {
            errors.push(FieldError::new("title", "Chức vụ dài quá 200 ký tự."));
        }
        if errors.is_empty() {
            Ok(OfficerInput {
                full_name,
                title,
                role: self.role,
            })
        } else {
            Err(errors)
        }
    }
}
