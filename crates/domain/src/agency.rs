//! Agencies (cơ quan, tổ chức): the bodies petitions are transferred to or come from.
//!
//! Pure: [`AgencyInput::validate`] cleans and checks an agency as typed.
//!
//! ```
//! use tiepdan_domain::agency::{AgencyInput, AgencyRole};
//! let a = AgencyInput { name: " Tòa án nhân dân  khu vực 1 ".into(), role: AgencyRole::Court, address: None };
//! assert_eq!(a.validate().unwrap().name, "Tòa án nhân dân khu vực 1");
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tiepdan_vocab::FieldError;
use tiepdan_vocab::text::{clean, clean_opt};

pub use tiepdan_vocab::agency::AgencyRole;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgencyInput {
    pub name: String,
    pub role: AgencyRole,
    pub address: Option<String>,
}

/// A stored agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agency {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: AgencyRole,
    pub address: Option<String>,
}

/// A validated, cleaned agency not yet stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgency {
    pub name: String,
    pub role: AgencyRole,
    pub address: Option<String>,
}

impl AgencyInput {
    pub fn validate(&self) -> Result<NewAgency, Vec<FieldError>> {
        let name = clean(&self.name);
        if name.is_empty() {
            return Err(vec![FieldError::new(
                "name",
                "Chưa nhập tên cơ quan, tổ chức.",
            )]);
        }
        Ok(NewAgency {
            name,
            role: self.role,
            address: clean_opt(self.address.as_deref()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in AgencyRole::ALL {
            assert_eq!(AgencyRole::parse(role.as_str()), Some(role));
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
        assert_eq!(AgencyRole::parse("mayor"), None);
    }

    #[test]
    fn an_agency_needs_a_name() {
        let input = AgencyInput {
            name: "  ".into(),
            role: AgencyRole::Other,
            address: Some(" ".into()),
        };
        assert_eq!(input.validate().unwrap_err()[0].field, "name");
    }
}
