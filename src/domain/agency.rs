//! Agencies (cơ quan, tổ chức): the bodies petitions are transferred to or come from.
//!
//! Pure: [`AgencyInput::validate`] cleans and checks an agency as typed.
//!
//! ```
//! use tiepdan::domain::agency::{AgencyInput, AgencyRole};
//! let a = AgencyInput { name: " Tòa án nhân dân  khu vực 1 ".into(), role: AgencyRole::Court, address: None };
//! assert_eq!(a.validate().unwrap().name, "Tòa án nhân dân khu vực 1");
//! ```

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldError;
use crate::text::{clean, clean_opt};

/// What kind of body an agency is, in the interchange format's role vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgencyRole {
    CommuneChair,
    CommuneViceChair,
    CommuneCommitteeMember,
    CommuneOfficeHead,
    CommuneOfficial,
    CommunePolice,
    ProvinceChair,
    ProvinceDepartment,
    Court,
    Procuracy,
    PartyMember,
    Enterprise,
    PrivatePerson,
    Other,
}

impl AgencyRole {
    /// The name stored in the database and written in interchange files.
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyRole::CommuneChair => "commune_chair",
            AgencyRole::CommuneViceChair => "commune_vice_chair",
            AgencyRole::CommuneCommitteeMember => "commune_committee_member",
            AgencyRole::CommuneOfficeHead => "commune_office_head",
            AgencyRole::CommuneOfficial => "commune_official",
            AgencyRole::CommunePolice => "commune_police",
            AgencyRole::ProvinceChair => "province_chair",
            AgencyRole::ProvinceDepartment => "province_department",
            AgencyRole::Court => "court",
            AgencyRole::Procuracy => "procuracy",
            AgencyRole::PartyMember => "party_member",
            AgencyRole::Enterprise => "enterprise",
            AgencyRole::PrivatePerson => "private_person",
            AgencyRole::Other => "other",
        }
    }

    pub const ALL: [AgencyRole; 14] = [
        AgencyRole::CommuneChair,
        AgencyRole::CommuneViceChair,
        AgencyRole::CommuneCommitteeMember,
        AgencyRole::CommuneOfficeHead,
        AgencyRole::CommuneOfficial,
        AgencyRole::CommunePolice,
        AgencyRole::ProvinceChair,
        AgencyRole::ProvinceDepartment,
        AgencyRole::Court,
        AgencyRole::Procuracy,
        AgencyRole::PartyMember,
        AgencyRole::Enterprise,
        AgencyRole::PrivatePerson,
        AgencyRole::Other,
    ];

    pub fn parse(s: &str) -> Option<AgencyRole> {
        AgencyRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

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
