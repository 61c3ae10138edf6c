//! A petition's attention flags (`domain::flags`), read from its case: the largest group,
//! how often the case came back, when it opened, whether it is still open, and who sent it.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use crate::desk::Desk;
use crate::domain::flags::{Flag, FlagFacts, flags};
use crate::domain::routing::Action;
use crate::error::Result;

impl Desk {
    /// The flags of petition `id` as of `today` (none for an unknown petition). Sent down
    /// by a provincial body counts as over-the-level only when the commune is competent
    /// (the routing proposal is to accept it).
    pub(crate) fn flags_of(&self, id: i64, today: NaiveDate) -> Result<Vec<Flag>> {
        let conn = self.store.conn();
        let facts = conn
        .prepare_cached(
            "SELECT
               max(coalesce((SELECT max(v.people) FROM visits v WHERE v.case_id = p.case_id
                                AND v.voided_at IS NULL), 1),
                   coalesce((SELECT v.people FROM visits v WHERE v.id = p.visit_id), 1)),
               max((SELECT count(*) FROM visits v WHERE v.case_id = p.case_id AND v.voided_at IS NULL),
                   (SELECT count(*) FROM petitions q WHERE q.case_id = p.case_id
                      AND q.voided_at IS NULL), 1),
               (SELECT c.opened_on FROM cases c WHERE c.id = p.case_id),
               NOT EXISTS (SELECT 1 FROM deadline_cache d
                            WHERE d.petition_id = p.id AND d.closed_on <= ?2),
               p.complex,
               p.channel = 'forwarded' AND EXISTS (SELECT 1 FROM agencies a
                   WHERE a.id = p.forwarded_by AND a.role IN ('province_chair', 'province_department'))
             FROM petitions p WHERE p.id = ?1",
        )?
        .query_row(rusqlite::params![id, today.to_string()], |r| {
            let opened: Option<String> = r.get(2)?;
            Ok(FlagFacts {
                people: r.get(0)?,
                visits: r.get(1)?,
                opened_on: opened.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()),
                open: r.get(3)?,
                complex: r.get(4)?,
                from_higher_level: r.get(5)?,
            })
        })
        .optional()?;
        let Some(mut facts) = facts else {
            return Ok(Vec::new());
        };
        if facts.from_higher_level {
            facts.from_higher_level = self.propose_routing(id)?.action == Action::Accept;
        }
        Ok(flags(&facts, &self.rules.reception, today))
    }
}
