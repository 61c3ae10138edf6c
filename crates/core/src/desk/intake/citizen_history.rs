//! What the desk sees of a citizen opened from the search box: their visits, their cases
//! and their petitions, newest first — never a denunciation (its visit, its case and its
//! petition stay out, as in every list), so any role may look.

use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::desk::citizens::CaseSummary;
use crate::desk::{Desk, from_name};
use crate::domain::visit::PetitionKind;
use crate::error::Result;

/// One visit in a citizen's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryVisit {
    #[ts(type = "number")]
    pub visit_id: i64,
    /// `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    pub summary: String,
    pub repeat: bool,
}

/// One petition in a citizen's history, with its next open deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryPetition {
    #[ts(type = "number")]
    pub petition_id: i64,
    pub received_on: String,
    pub kind: PetitionKind,
    pub summary: String,
    /// The earliest unmet office deadline, `YYYY-MM-DD`.
    pub next_due: Option<String>,
    pub closed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CitizenHistory {
    pub visits: Vec<HistoryVisit>,
    pub cases: Vec<CaseSummary>,
    pub petitions: Vec<HistoryPetition>,
}

/// At most this many of each, newest first.
const LIMIT: i64 = 50;

impl Desk {
    /// A citizen's visits, cases and petitions, never those of a denunciation.
    pub fn citizen_history(&self, citizen_id: i64) -> Result<CitizenHistory> {
        self.signed_in()?;
        let conn = self.store.conn();
        let visits = conn
            .prepare_cached(
                "SELECT v.id, v.at, v.summary, v.repeat FROM visits v
                   JOIN visit_citizens vc ON vc.visit_id = v.id
                  WHERE vc.citizen_id = ?1 AND v.voided_at IS NULL
                    AND NOT EXISTS (SELECT 1 FROM petitions d WHERE d.visit_id = v.id
                                    AND d.kind = 'denunciation')
                  ORDER BY v.at DESC, v.id DESC LIMIT ?2",
            )?
            .query_map(params![citizen_id, LIMIT], |r| {
                Ok(HistoryVisit {
                    visit_id: r.get(0)?,
                    at: r.get(1)?,
                    summary: r.get(2)?,
                    repeat: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let petitions = conn
            .prepare_cached(
                "SELECT p.id, p.received_on, p.kind, p.summary,
                        (SELECT min(d.due) FROM deadline_cache d WHERE d.petition_id = p.id
                            AND d.met_on IS NULL AND d.obligation = 'office' AND d.closed_on IS NULL),
                        EXISTS (SELECT 1 FROM deadline_cache d WHERE d.petition_id = p.id
                                AND d.closed_on IS NOT NULL)
                   FROM petitions p JOIN petition_citizens pc ON pc.petition_id = p.id
                  WHERE pc.citizen_id = ?1 AND p.voided_at IS NULL
                  ORDER BY p.received_on DESC, p.id DESC LIMIT ?2",
            )?
            .query_map(params![citizen_id, LIMIT], |r| {
                let kind: String = r.get(2)?;
                Ok(HistoryPetition {
                    petition_id: r.get(0)?,
                    received_on: r.get(1)?,
                    kind: from_name(&kind).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?,
                    summary: r.get(3)?,
                    next_due: r.get(4)?,
                    closed: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(CitizenHistory {
            visits,
            cases: self.cases_of_citizen(citizen_id)?,
            petitions,
        })
    }
}
