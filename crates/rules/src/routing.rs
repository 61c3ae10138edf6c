//! The competence routing table (`assets/rules/routing.toml`): which action and which
//! authority for a petition's kind, complaint instance and respondent role, in force on a
//! date. Parsed and checked here (pure); applied by `tiepdan_domain::routing`.
//!
//! ```
//! use tiepdan_vocab::agency::AgencyRole;
//! use tiepdan_vocab::petition::{Field, PetitionKind};
//! let rules = tiepdan_rules::routing::RoutingRules::default_rules();
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
//! let r = rules.find(PetitionKind::Denunciation, None, AgencyRole::CommuneChair, Field::Land, day).unwrap();
//! assert_eq!(r.authority, "Chủ tịch Ủy ban nhân dân tỉnh");
//! ```

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Provenance, RuleFileError};
use tiepdan_vocab::agency::AgencyRole;
use tiepdan_vocab::petition::{Field, PetitionKind};

/// The file name under `assets/rules/` and under the data directory's `rules/`.
pub const FILE: &str = "routing.toml";

/// The shipped file.
pub const DEFAULT: &str = include_str!("../../../assets/rules/routing.toml");

/// What a route proposes: accept, transfer or guide (the refusal, filing and reminding
/// actions come from the facts, not from the table; checked when the file is read).
pub use tiepdan_vocab::petition::Action as RouteAction;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Route {
    pub kind: PetitionKind,
    /// Complaints only: 1 (lần đầu) or 2 (lần hai).
    pub instance: Option<u8>,
    pub respondents: Vec<AgencyRole>,
    /// The fields (lĩnh vực) the route is for; absent = every field.
    pub fields: Option<Vec<Field>>,
    pub action: RouteAction,
    pub authority: String,
    pub basis: String,
    pub verified: bool,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ComplaintLimits {
    /// Thời hiệu khiếu nại, in days from the contested decision.
    pub limitation_days: i64,
    pub limitation_basis: String,
    /// Days to lodge a second complaint after the first-instance decision.
    pub second_instance_days: i64,
    pub second_instance_days_remote: i64,
    pub second_instance_basis: String,
    pub refusal_basis: String,
    /// Complaints about a disciplinary decision against an official (Luật Khiếu nại
    /// Điều 48–51): days to complain the first time, the second time, and the second time
    /// against a dismissal (buộc thôi việc).
    pub disciplinary_days: i64,
    pub disciplinary_second_days: i64,
    pub dismissal_second_days: i64,
    pub disciplinary_basis: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RoutingRules {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub complaint_limits: ComplaintLimits,
    #[serde(rename = "route")]
    pub routes: Vec<Route>,
}

impl Route {
    fn in_force(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }

    fn covers(
        &self,
        kind: PetitionKind,
        instance: Option<u8>,
        role: AgencyRole,
        field: Field,
    ) -> bool {
        self.kind == kind
            && self.instance == instance
            && self.respondents.contains(&role)
            && self.fields.as_ref().is_none_or(|f| f.contains(&field))
    }
}

impl RoutingRules {
    /// The rules shipped with this build.
    pub fn default_rules() -> Self {
        Self::parse(DEFAULT).expect("assets/rules/routing.toml is valid (tested)")
    }

    /// Parses and checks a rule file's text: instances only on complaints (and always
    /// there), no two routes for the same kind, instance and role on the same day.
    pub fn parse(text: &str) -> Result<Self, RuleFileError> {
        let err = |details: String| RuleFileError {
            file: FILE.to_owned(),
            details,
        };
        let rules: RoutingRules = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        for (i, r) in rules.routes.iter().enumerate() {
            let n = i + 1;
            match (r.kind, r.instance) {
                (PetitionKind::Complaint, Some(1 | 2)) => {}
                (PetitionKind::Complaint, _) => {
                    return Err(err(format!(
                        "tuyến thứ {n}: khiếu nại phải ghi instance = 1 hoặc 2"
                    )));
                }
                (_, Some(_)) => {
                    return Err(err(format!("tuyến thứ {n}: chỉ khiếu nại mới có instance")));
                }
                (_, None) => {}
            }
            if r.valid_to.is_some_and(|to| to < r.valid_from) {
                return Err(err(format!("tuyến thứ {n}: valid_to trước valid_from")));
            }
            if !matches!(
                r.action,
                RouteAction::Accept | RouteAction::Transfer | RouteAction::Guide
            ) {
                return Err(err(format!(
                    "tuyến thứ {n}: action chỉ có thể là accept, transfer hoặc guide"
                )));
            }
            for other in &rules.routes[..i] {
                let fields = match (&other.fields, &r.fields) {
                    (Some(a), Some(b)) => a.iter().any(|f| b.contains(f)),
                    _ => true,
                };
                let same = other.kind == r.kind
                    && other.instance == r.instance
                    && fields
                    && other.respondents.iter().any(|x| r.respondents.contains(x));
                let overlap = other.valid_from <= r.valid_to.unwrap_or(NaiveDate::MAX)
                    && r.valid_from <= other.valid_to.unwrap_or(NaiveDate::MAX);
                if same && overlap {
                    return Err(err(format!(
                        "tuyến thứ {n} trùng với một tuyến trước cho cùng loại đơn, lần và đối tượng trong cùng thời gian"
                    )));
                }
            }
        }
        Ok(rules)
    }

    /// The route in force on `day` for this kind, instance (complaints; default 1),
    /// respondent and field, if the table has one.
    pub fn find(
        &self,
        kind: PetitionKind,
        instance: Option<u8>,
        role: AgencyRole,
        field: Field,
        day: NaiveDate,
    ) -> Option<&Route> {
        let instance = match kind {
            PetitionKind::Complaint => Some(instance.unwrap_or(1)),
            _ => None,
        };
        self.routes
            .iter()
            .find(|r| r.covers(kind, instance, role, field) && r.in_force(day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_is_marked_unverified() {
        let r = RoutingRules::default_rules();
        assert!(!r.provenance.verified);
        assert_eq!(r.complaint_limits.limitation_days, 90);
        assert!(r.routes.len() >= 15);
    }

    #[test]
    fn overlapping_routes_and_misplaced_instances_are_refused() {
        let dup = format!(
            "{DEFAULT}\n[[route]]\nkind = \"denunciation\"\nrespondents = [\"commune_official\"]\naction = \"guide\"\nauthority = \"x\"\nbasis = \"x\"\nverified = false\nvalid_from = \"2026-01-01\"\n"
        );
        assert!(
            RoutingRules::parse(&dup)
                .unwrap_err()
                .to_string()
                .contains("trùng")
        );
        let bad = DEFAULT.replacen(
            "kind = \"denunciation\"\n",
            "kind = \"denunciation\"\ninstance = 1\n",
            1,
        );
        assert!(
            RoutingRules::parse(&bad)
                .unwrap_err()
                .to_string()
                .contains("chỉ khiếu nại")
        );
    }

    #[test]
    fn a_route_proposes_only_what_a_table_can_know() {
        let file = DEFAULT.replacen("action = \"guide\"", "action = \"file\"", 1);
        let e = RoutingRules::parse(&file).unwrap_err();
        assert!(e.to_string().contains("accept, transfer hoặc guide"), "{e}");
    }

    #[test]
    fn a_route_applies_only_while_in_force() {
        let r = RoutingRules::default_rules();
        let before = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        assert!(
            r.find(
                PetitionKind::Complaint,
                None,
                AgencyRole::CommuneChair,
                Field::Land,
                before
            )
            .is_none()
        );
    }
}
