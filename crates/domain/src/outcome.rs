//! What resolving a petition found and produced: the finding (khiếu nại đúng, sai, đúng một
//! phần) and the figures the 01–02/KQGQ tables add up (money and land to recover or return,
//! people benefited, disciplined or referred for investigation). The figures travel as the
//! `results` object of a `resolved` or `enforced` event, keyed by name.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Đúng, sai, đúng một phần.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    Right,
    Wrong,
    PartlyRight,
}

/// How a figure is kept: money in đồng, land in hundredths of a square metre (so 12,5 m²
/// stays exact), everything else as a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Dong,
    CentiSquareMetre,
    Count,
}

impl Unit {
    /// How many stored units make one unit as entered (đồng, m², a person).
    pub fn per_entered(self) -> f64 {
        match self {
            Unit::CentiSquareMetre => 100.0,
            Unit::Dong | Unit::Count => 1.0,
        }
    }
}

/// The figures of one decision or of its carrying out, in stored units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    /// Money to recover for (or recovered by) the State, đồng.
    pub money_recovered: i64,
    pub land_recovered: i64,
    /// Money to return (or returned) to organisations and people, đồng; of which
    /// `money_returned_org` to organisations.
    pub money_returned: i64,
    pub land_returned: i64,
    pub money_returned_org: i64,
    pub land_returned_org: i64,
    /// People and organisations whose rights are restored.
    pub people_benefited: i64,
    pub orgs_benefited: i64,
    /// People proposed for (or given) administrative discipline; of which officials.
    pub people_disciplined: i64,
    pub officials_disciplined: i64,
    /// Cases referred to (or prosecuted by) the investigating body, the people concerned,
    /// of which officials.
    pub referred_to_investigation: i64,
    pub people_referred: i64,
    pub officials_referred: i64,
}

type Field = fn(&mut Figures) -> &mut i64;

/// Every key of `results`, its unit and where it goes. The first seven are the spec's;
/// the others split them as the KQGQ tables do (`docs/reports.md`).
pub const KEYS: [(&str, Unit, Field); 13] = [
    ("money_recovered", Unit::Dong, |f| &mut f.money_recovered),
    ("money_returned", Unit::Dong, |f| &mut f.money_returned),
    ("land_recovered_m2", Unit::CentiSquareMetre, |f| {
        &mut f.land_recovered
    }),
    ("land_returned_m2", Unit::CentiSquareMetre, |f| {
        &mut f.land_returned
    }),
    ("people_benefited", Unit::Count, |f| &mut f.people_benefited),
    ("people_disciplined", Unit::Count, |f| {
        &mut f.people_disciplined
    }),
    ("referred_to_investigation", Unit::Count, |f| {
        &mut f.referred_to_investigation
    }),
    ("money_returned_org", Unit::Dong, |f| {
        &mut f.money_returned_org
    }),
    ("land_returned_org_m2", Unit::CentiSquareMetre, |f| {
        &mut f.land_returned_org
    }),
    ("orgs_benefited", Unit::Count, |f| &mut f.orgs_benefited),
    ("officials_disciplined", Unit::Count, |f| {
        &mut f.officials_disciplined
    }),
    ("people_referred", Unit::Count, |f| &mut f.people_referred),
    ("officials_referred", Unit::Count, |f| {
        &mut f.officials_referred
    }),
];

impl Figures {
    /// The figures of a `results` object; unknown keys and values that are not numbers ≥ 0
    /// are left out (the import refuses them before they are stored).
    pub fn from_results(results: &serde_json::Map<String, serde_json::Value>) -> Figures {
        let mut f = Figures::default();
        for (key, unit, field) in KEYS {
            if let Some(x) = results
                .get(key)
                .and_then(|v| v.as_f64())
                .filter(|x| *x >= 0.0)
            {
                *field(&mut f) = (x * unit.per_entered()).round() as i64;
            }
        }
        f
    }

    /// `from_results` of the stored JSON text; empty figures when it is absent or broken.
    pub fn from_json(text: Option<&str>) -> Figures {
        text.and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
            .and_then(|v| v.as_object().map(Figures::from_results))
            .unwrap_or_default()
    }

    /// The non-zero figures as a `results` object, in entered units.
    pub fn to_results(mut self) -> serde_json::Map<String, serde_json::Value> {
        let mut out = serde_json::Map::new();
        for (key, unit, field) in KEYS {
            let v = *field(&mut self);
            if v != 0 {
                let value = match unit {
                    Unit::CentiSquareMetre if v % 100 != 0 => {
                        serde_json::Value::from(v as f64 / 100.0)
                    }
                    _ => serde_json::Value::from(v / unit.per_entered() as i64),
                };
                out.insert(key.to_owned(), value);
            }
        }
        out
    }

    /// Money and land returned to people (the total less the part to organisations).
    pub fn money_returned_people(&self) -> i64 {
        (self.money_returned - self.money_returned_org).max(0)
    }

    pub fn land_returned_people(&self) -> i64 {
        (self.land_returned - self.land_returned_org).max(0)
    }
}

/// Whether `key` is a figure the app knows.
pub fn is_known_key(key: &str) -> bool {
    KEYS.iter().any(|(k, _, _)| *k == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_round_trip_in_entered_units_and_keep_land_exact() {
        let json = serde_json::json!({
            "money_recovered": 12_500_000, "land_returned_m2": 125.5,
            "land_returned_org_m2": 25, "people_benefited": 3, "unknown": 9,
            "people_disciplined": -1
        });
        let f = Figures::from_results(json.as_object().unwrap());
        assert_eq!(f.money_recovered, 12_500_000);
        assert_eq!(f.land_returned, 12_550);
        assert_eq!(f.land_returned_people(), 10_050);
        assert_eq!(f.people_benefited, 3);
        assert_eq!(f.people_disciplined, 0, "a negative figure is left out");
        let back = f.to_results();
        assert_eq!(back["land_returned_m2"], serde_json::json!(125.5));
        assert_eq!(back["land_returned_org_m2"], serde_json::json!(25));
        assert!(!back.contains_key("unknown"));
        assert_eq!(Figures::from_results(&back), f);
        assert_eq!(Figures::from_json(Some("not json")), Figures::default());
    }
}
