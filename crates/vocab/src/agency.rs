//! The kinds of body petitions go to or come from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
