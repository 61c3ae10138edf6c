//! The dashboard's hot spots: where the last twelve months' petitions come from (the
//! locality read from the petitioner's address) and what they are about (the sub-field the
//! officer named), with how many are still being handled.
//!
//! A denunciation never counts towards a locality: its petitioner's address is the
//! denouncer's, and "one denunciation from Thôn X" may be enough to name them. (Its
//! petitioners are kept apart, in `denouncers`, so this query cannot reach them.)

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::functions::FunctionFlags;
use serde::Serialize;
use ts_rs::TS;

use crate::desk::Desk;
use crate::domain::hotspot::locality_of;
use crate::error::Result;
use crate::text::{Collation, fold};

/// How many of each are shown.
const TOP: usize = 8;

/// A locality or a sub-field and its petitions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HotSpot {
    pub label: String,
    /// The key the registers filter by.
    pub key: String,
    pub petitions: u32,
    /// Still being handled (an office deadline open).
    pub open: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HotSpots {
    /// The first day counted, `YYYY-MM-DD` (twelve months back).
    pub since: String,
    pub localities: Vec<HotSpot>,
    pub subfields: Vec<HotSpot>,
    /// Petitions whose petitioner's address names no locality (or denunciations).
    pub without_locality: u32,
    pub without_subfield: u32,
}

/// Registers on the connection `locality_key(address)`, the folded locality an address
/// names (or NULL), and `fold_key(text)`, the folded text: the petition register filters
/// by the keys the hot spots give.
pub(crate) fn register_sql(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "fold_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| fold(&t)))
        },
    )?;
    conn.create_scalar_function(
        "locality_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let address: Option<String> = ctx.get(0)?;
            Ok(address.as_deref().and_then(locality_of).map(|l| fold(&l)))
        },
    )
}

#[derive(Default)]
struct Tally {
    label: String,
    petitions: u32,
    open: u32,
}

fn top(tallies: HashMap<String, Tally>) -> Vec<HotSpot> {
    let mut spots: Vec<HotSpot> = tallies
        .into_iter()
        .map(|(key, t)| HotSpot {
            label: t.label,
            key,
            petitions: t.petitions,
            open: t.open,
        })
        .collect();
    let collation = Collation::vietnamese();
    spots.sort_by(|a, b| {
        b.petitions
            .cmp(&a.petitions)
            .then_with(|| collation.compare(&a.label, &b.label))
    });
    spots.truncate(TOP);
    spots
}

impl Desk {
    /// The hot spots of the twelve months up to `today`.
    pub fn hot_spots(&self, today: NaiveDate) -> Result<HotSpots> {
        self.signed_in()?;
        let since = today
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(today)
            .succ_opt()
            .unwrap_or(today);
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT p.subfield,
                    (SELECT c.address FROM petition_citizens pc JOIN citizens c ON c.id = pc.citizen_id
                      WHERE pc.petition_id = p.id ORDER BY pc.position LIMIT 1),
                    EXISTS (SELECT 1 FROM deadline_cache d WHERE d.petition_id = p.id
                              AND d.met_on IS NULL AND d.obligation = 'office'
                              AND d.closed_on IS NULL)
               FROM petitions p
              WHERE p.received_on >= ?1 AND p.received_on <= ?2 AND p.voided_at IS NULL",
        )?;
        let mut localities: HashMap<String, Tally> = HashMap::new();
        let mut subfields: HashMap<String, Tally> = HashMap::new();
        let (mut without_locality, mut without_subfield) = (0, 0);
        let mut rows = stmt.query([since.to_string(), today.to_string()])?;
        while let Some(r) = rows.next()? {
            let subfield: Option<String> = r.get(0)?;
            let address: Option<String> = r.get(1)?;
            let open: bool = r.get(2)?;
            let count = |map: &mut HashMap<String, Tally>, label: String| {
                let t = map.entry(fold(&label)).or_default();
                if t.label.is_empty() {
                    t.label = label;
                }
                t.petitions += 1;
                t.open += u32::from(open);
            };
            match address.as_deref().and_then(locality_of) {
                Some(l) => count(&mut localities, l),
                None => without_locality += 1,
            }
            match subfield.filter(|s| !s.is_empty()) {
                Some(s) => count(&mut subfields, s),
                None => without_subfield += 1,
            }
        }
        Ok(HotSpots {
            since: since.to_string(),
            localities: top(localities),
            subfields: top(subfields),
            without_locality,
            without_subfield,
        })
    }

    /// The sub-fields to offer as the officer types: the ones this office uses most, then
    /// the usual ones, each once.
    pub fn subfield_suggestions(&self) -> Result<Vec<String>> {
        self.signed_in()?;
        let used: Vec<String> = self
            .store
            .conn()
            .prepare_cached(
                "SELECT min(subfield) FROM petitions
                  WHERE subfield IS NOT NULL AND voided_at IS NULL
                  GROUP BY fold_key(subfield) ORDER BY count(*) DESC LIMIT 30",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out: Vec<String> = Vec::new();
        let known = crate::domain::hotspot::SUBFIELD_SUGGESTIONS
            .iter()
            .map(|s| (*s).to_owned());
        for s in used.into_iter().chain(known) {
            if !out.iter().any(|o| fold(o) == fold(&s)) {
                out.push(s);
            }
        }
        Ok(out)
    }
}
