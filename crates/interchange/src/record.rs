//! The records of an interchange file, in the spec's shape (`INTERCHANGE.md`): what import
//! produces after checking and what export writes. Field names and enum values are the
//! format's; optional fields are left out when empty.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use tiepdan_domain::agency::AgencyRole;
use tiepdan_domain::identity::{IdKind, Sex};
use tiepdan_domain::office::Office;
use tiepdan_domain::visit::{DecisionKind, Field, PetitionKind, ReceivedBy, Reception};

/// One line of a file. Unknown fields are ignored on import: the format may grow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record {
    Office(Office),
    Calendar(CalendarRecord),
    Agency(AgencyRecord),
    Citizen(CitizenRecord),
    Case(CaseRecord),
    Petition(PetitionRecord),
    Visit(VisitRecord),
    ReceptionPlan(ReceptionPlanRecord),
}

/// A day that differs from the ordinary Monday–Friday week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarRecord {
    pub date: NaiveDate,
    pub kind: DayKind,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Holiday,
    WorkingDay,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyRecord {
    #[serde(rename = "ref")]
    pub ref_: String,
    pub name: String,
    pub role: AgencyRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenRecord {
    #[serde(rename = "ref")]
    pub ref_: String,
    pub full_name: String,
    pub id_kind: IdKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_issued_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_issued_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Sex>,
    #[serde(default)]
    pub address: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A case (vụ việc). `title` and `opened_on` are this project's additions to the format
/// (both optional on import: the first record's summary and the earliest record's date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    #[serde(rename = "ref")]
    pub ref_: String,
    pub title: String,
    pub opened_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitRecord {
    #[serde(rename = "ref")]
    pub ref_: String,
    #[serde(with = "minutes")]
    pub at: NaiveDateTime,
    pub reception: Reception,
    pub received_by: ReceivedBy,
    pub citizens: Vec<String>,
    #[serde(default)]
    pub representatives: Vec<String>,
    pub people: u32,
    #[serde(default)]
    pub repeat: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub petitions: Vec<String>,
    #[serde(default)]
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PetitionRecord {
    #[serde(rename = "ref")]
    pub ref_: String,
    pub received_on: NaiveDate,
    pub channel: Channel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_doc: Option<String>,
    pub kind: PetitionKind,
    pub field: Field,
    #[serde(default)]
    pub petitioners: Vec<String>,
    #[serde(default)]
    pub anonymous: bool,
    pub signatories: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<Respondent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contested_on: Option<NaiveDate>,
    /// Complaints: `administrative` (absent) | `disciplinary` | `dismissal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_kind: Option<DecisionKind>,
    /// Denunciations presented orally in person (an extension of the format; absent = false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub oral: bool,
    #[serde(default)]
    pub complex: bool,
    #[serde(default)]
    pub specific: bool,
    #[serde(default)]
    pub court_accepted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_instance_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    pub summary: String,
    /// Papers handed in with the petition: this project's addition to the format.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub papers: Vec<Paper>,
    /// The sub-field the officer named (lĩnh vực chi tiết): this project's addition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subfield: Option<String>,
    #[serde(default)]
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    InPerson,
    Post,
    Box,
    Forwarded,
    Online,
}

/// Who or what the petition is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<AgencyRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A paper handed in with a petition (`{ "title", "original", "pages" }`, and
/// `"certified": true` for a certified copy — an extension of the format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    pub title: String,
    #[serde(default)]
    pub original: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub certified: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
}

/// What happened to a petition, `{ "on", "kind", … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub on: NaiveDate,
    pub kind: EventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// An agency ref.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Finding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
    /// Figures for the KQGQ reports, keyed by name (see `domain::outcome::KEYS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<BTreeMap<String, serde_json::Number>>,
}

impl Event {
    /// An event of `kind` on `on` with no other field.
    pub fn new(on: NaiveDate, kind: EventKind) -> Event {
        Event {
            on,
            kind,
            action: None,
            to: None,
            days: None,
            decision: None,
            minutes: None,
            result: None,
            reason: None,
            partial: None,
            results: None,
        }
    }
}

/// The event vocabulary is the domain's (deadlines are computed from it).
pub use tiepdan_domain::deadline::{Action, EventKind};

/// Đúng, sai, đúng một phần: the domain's.
pub use tiepdan_domain::outcome::Finding;

/// A host's periodic reception days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceptionPlanRecord {
    #[serde(rename = "ref")]
    pub ref_: String,
    pub host: Host,
    pub host_name: String,
    pub rule: PlanRule,
    pub from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    pub place: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
}

/// Hosts, plan rules and days of the week are the domain's.
pub use tiepdan_domain::schedule::{Host, PlanRule, Weekday};

/// Times in files are `YYYY-MM-DDTHH:MM` (Vietnam local time).
pub mod minutes {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub const FORMAT: &str = "%Y-%m-%dT%H:%M";

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.format(FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let s = String::deserialize(d)?;
        NaiveDateTime::parse_from_str(&s, FORMAT).map_err(serde::de::Error::custom)
    }
}
