//! Staff work for a period, for the chair's review (Thống kê theo cán bộ, lĩnh vực): for
//! each officer responsible for cases (and for cases nobody is), and for each field, the
//! petitions handled and resolved in the period, on time and late against the deadlines
//! the app computed, and each officer's cases still open today. Read-only.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::desk::{Desk, from_name};
use crate::domain::report::period::Period;
use crate::domain::visit::Field;
use crate::error::Result;

/// One officer's or one field's numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct WorkCounts {
    /// Petitions whose handling (xử lý đơn) fell in the period.
    pub handled: u32,
    pub handled_late: u32,
    /// Petitions resolved (quyết định giải quyết) in the period.
    pub resolved: u32,
    pub resolved_late: u32,
    /// Cases with an office deadline not yet met, as of today (counted for the officers
    /// responsible for them; 0 for fields and for cases nobody is responsible for).
    pub open_cases: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OfficerWork {
    #[ts(type = "number | null")]
    pub officer_id: Option<i64>,
    pub name: String,
    pub counts: WorkCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldWork {
    pub field: Field,
    pub counts: WorkCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WorkStats {
    pub period: Period,
    pub by_officer: Vec<OfficerWork>,
    pub by_field: Vec<FieldWork>,
}

impl Desk {
    /// The staff work of `period`, open cases counted as of `today`.
    pub fn work_stats(&self, period: Period, today: NaiveDate) -> Result<WorkStats> {
        self.signed_in()?;
        let conn = self.store.conn();
        let mut officers: std::collections::BTreeMap<Option<i64>, WorkCounts> = Default::default();
        let mut fields: std::collections::BTreeMap<String, WorkCounts> = Default::default();
        // Deadlines met in the period, counted inside SQLite by owner, field and name.
        let mut met = conn.prepare_cached(
            "SELECT c.owner_id, p.field, d.name, count(*), sum(d.met_on > d.due)
               FROM deadline_cache d JOIN petitions p ON p.id = d.petition_id
               LEFT JOIN cases c ON c.id = p.case_id
              WHERE d.met_on BETWEEN ?1 AND ?2 AND d.name IN ('handle', 'resolve')
              GROUP BY 1, 2, 3",
        )?;
        let mut rows = met.query([period.from.to_string(), period.to.to_string()])?;
        while let Some(r) = rows.next()? {
            let owner: Option<i64> = r.get(0)?;
            let field: String = r.get(1)?;
            let name: String = r.get(2)?;
            let (n, late): (u32, u32) = (r.get(3)?, r.get(4)?);
            for counts in [
                officers.entry(owner).or_default(),
                fields.entry(field.clone()).or_default(),
            ] {
                if name == "handle" {
                    counts.handled += n;
                    counts.handled_late += late;
                } else {
                    counts.resolved += n;
                    counts.resolved_late += late;
                }
            }
        }
        // Each officer's cases with an office deadline not met as of `today` (what the
        // cache holds): read from the officers' cases, so it costs what they hold.
        let _ = today;
        let mut open = conn.prepare_cached(
            "SELECT c.owner_id, count(*) FROM cases c
              WHERE c.owner_id IS NOT NULL AND EXISTS (
                    SELECT 1 FROM petitions p JOIN deadline_cache d ON d.petition_id = p.id
                     WHERE p.case_id = c.id AND d.met_on IS NULL AND d.obligation = 'office'
                       AND d.closed_on IS NULL)
              GROUP BY 1",
        )?;
        let mut rows = open.query([])?;
        while let Some(r) = rows.next()? {
            officers.entry(r.get(0)?).or_default().open_cases = r.get(1)?;
        }
        let mut names =
            conn.prepare_cached("SELECT id, full_name FROM officers ORDER BY full_name")?;
        let known: Vec<(i64, String)> = names
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_officer: Vec<OfficerWork> = known
            .into_iter()
            .filter_map(|(id, name)| {
                officers.remove(&Some(id)).map(|counts| OfficerWork {
                    officer_id: Some(id),
                    name,
                    counts,
                })
            })
            .collect();
        if let Some(counts) = officers.remove(&None) {
            by_officer.push(OfficerWork {
                officer_id: None,
                name: "Chưa phân công".to_owned(),
                counts,
            });
        }
        let by_field = fields
            .into_iter()
            .filter_map(|(f, counts)| {
                Some(FieldWork {
                    field: from_name(&f).ok()?,
                    counts,
                })
            })
            .collect();
        Ok(WorkStats {
            period,
            by_officer,
            by_field,
        })
    }
}
