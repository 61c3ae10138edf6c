//! The statistical reports (Báo cáo): the facts of a period read from the database
//! (read-only), the tables computed by `domain::report`, the records behind any number,
//! and the "Reports as data" JSON of the interchange format.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::desk::{Desk, from_name};
use crate::domain::deadline::Action;
use crate::domain::outcome::Figures;
use crate::domain::report::period::Period;
use crate::domain::report::{
    Computed, HeaderCell, RecordKind, Template, header_cells, kqgq, kqgq03, tcd01, xld01, xld04,
    xld0203,
};
use crate::error::{Error, FieldError, Result};

/// A computed table as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportView {
    pub template: Template,
    pub code: String,
    pub title: String,
    pub period: Period,
    /// "Báo cáo 6 tháng đầu năm 2026".
    pub period_title: String,
    /// "(Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026)".
    pub period_range: String,
    pub columns: Vec<ColumnView>,
    /// The header cells, merged as in the template: row and column (0 = the first data
    /// column), and how many rows and columns each spans.
    pub header: Vec<HeaderCell>,
    /// What a chart of the report shows: (label, value).
    pub summary: Vec<SummaryBar>,
    #[ts(type = "Array<number>")]
    pub values: Vec<i64>,
    /// The values as the template prints them: money in millions of đồng, land in m²,
    /// Vietnamese separators ("1.234", "150,5").
    pub texts: Vec<String>,
    /// Sum identities of the template that do not hold (empty unless something is wrong).
    pub broken: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ColumnView {
    pub ms: u16,
    /// The MS row's label: "1=2+3=4+5".
    pub label: String,
    /// Outermost group first.
    pub header: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SummaryBar {
    pub label: String,
    #[ts(type = "number")]
    pub value: i64,
}

/// One record behind a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReportRecord {
    pub kind: RecordKind,
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DD`: the visit's day or the petition's received date.
    pub date: String,
    /// What the record is about (never a denouncer's name).
    pub label: String,
}

fn bad(i: usize, e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

fn date(s: &str, i: usize) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
        .map_err(|_| bad(i, format!("ngày không hợp lệ trong cơ sở dữ liệu: \"{s}\"")))
}

/// A petition's facts for Biểu 01/XLD: the first handling (kept on the petition by
/// triggers), and the resolutions of the petition's case up to the period's end (?2), one
/// lookup per row inside SQLite. The case's petitions come first (`CROSS JOIN` fixes the
/// order): an office's database has no statistics, and without them SQLite would read
/// every resolution of every case for each petition (minutes at 1,000,000 petitions).
const PETITION_FACT_COLUMNS: &str =
    "p.id, p.case_id, p.received_on, p.kind, p.handled_on, p.handled_action,
    p.field, p.instance, p.court_accepted,
    CASE WHEN p.kind <> 'denunciation' OR p.handled_on IS NULL OR p.handled_on > ?2 THEN 0
         ELSE (SELECT count(*) FROM petitions q WHERE q.case_id = p.case_id AND q.id <> p.id
           AND q.voided_at IS NULL AND (q.received_on < p.received_on
                OR (q.received_on = p.received_on AND q.id < p.id)))
    END,
    CASE WHEN p.handled_on IS NULL OR p.handled_on > ?2 THEN 0
         WHEN p.case_id IS NULL THEN (SELECT count(*) FROM events e
           WHERE e.petition_id = p.id AND e.kind = 'resolved' AND e.on_date <= ?2)
         ELSE (SELECT count(*) FROM petitions q CROSS JOIN events e ON e.petition_id = q.id
           WHERE q.case_id = p.case_id AND e.kind = 'resolved' AND e.on_date <= ?2)
    END";

/// Every petition 01/XLD reads for a period (?1 to ?2): received in it, handled in it, or
/// still unhandled from before.
fn petition_facts_sql() -> String {
    format!(
        "SELECT {PETITION_FACT_COLUMNS} FROM petitions p WHERE p.received_on >= ?1 AND p.received_on <= ?2
           AND p.voided_at IS NULL
         UNION ALL
         SELECT {PETITION_FACT_COLUMNS} FROM petitions p WHERE p.handled_on >= ?1 AND p.received_on < ?1
         UNION ALL
         SELECT {PETITION_FACT_COLUMNS} FROM petitions p INDEXED BY petitions_unhandled
          WHERE p.handled_on IS NULL AND p.received_on < ?1 AND p.voided_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.petition_id = p.id AND e.on_date < ?1
                 AND (e.kind = 'terminated' OR (e.kind = 'withdrawn' AND coalesce(e.partial, 0) = 0)))"
    )
}

impl Desk {
    /// Computes `template` for `period`.
    pub fn compute_report(&self, template: Template, period: Period) -> Result<Computed> {
        self.signed_in()?;
        Ok(match template {
            Template::Tcd01 => tcd01::compute(
                &self.visit_facts(period)?,
                period,
                self.rules.reception.crowd_threshold,
            ),
            Template::Xld01 => xld01::compute(&self.petition_facts(period)?, period),
            Template::Xld04 => xld04::compute(&self.petition_facts(period)?, period),
            Template::Kqgq01 => kqgq::compute_01(&self.complaint_facts(period)?, period),
            Template::Kqgq02 => kqgq::compute_02(&self.complaint_facts(period)?, period),
            Template::Kqgq03 => kqgq03::compute(&self.denunciation_facts(period)?, period),
            Template::Xld02 | Template::Xld03 => {
                xld0203::compute(template, &self.petition_facts(period)?, period)
            }
        })
    }

    /// Every template for `period`, each fact read once (the six-month report in one go).
    pub fn compute_all_reports(&self, period: Period) -> Result<Vec<Computed>> {
        self.signed_in()?;
        let visits = self.visit_facts(period)?;
        let petitions = self.petition_facts(period)?;
        let complaints = self.complaint_facts(period)?;
        let denunciations = self.denunciation_facts(period)?;
        Ok(Template::ALL
            .into_iter()
            .map(|template| match template {
                Template::Tcd01 => {
                    tcd01::compute(&visits, period, self.rules.reception.crowd_threshold)
                }
                Template::Xld01 => xld01::compute(&petitions, period),
                Template::Xld04 => xld04::compute(&petitions, period),
                Template::Kqgq01 => kqgq::compute_01(&complaints, period),
                Template::Kqgq02 => kqgq::compute_02(&complaints, period),
                Template::Kqgq03 => kqgq03::compute(&denunciations, period),
                Template::Xld02 | Template::Xld03 => xld0203::compute(template, &petitions, period),
            })
            .collect())
    }

    /// The table as the window shows it.
    pub fn report(&self, template: Template, period: Period) -> Result<ReportView> {
        self.signed_in()?;
        let t = self.compute_report(template, period)?;
        Ok(ReportView {
            template,
            code: template.code().to_owned(),
            title: template.title_vi().to_owned(),
            period,
            period_title: period.title_vi(),
            period_range: period.range_vi(),
            columns: template
                .columns()
                .iter()
                .map(|c| ColumnView {
                    ms: c.ms,
                    label: template.ms_label(c.ms),
                    header: c.header.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
            header: header_cells(template.columns()),
            summary: template
                .summary()
                .iter()
                .map(|(label, ms)| SummaryBar {
                    label: (*label).to_owned(),
                    value: t.value(*ms),
                })
                .collect(),
            texts: template
                .columns()
                .iter()
                .zip(&t.values)
                .map(|(c, v)| template.text(c.ms, *v))
                .collect(),
            values: t.values.clone(),
            broken: t
                .broken_identities()
                .iter()
                .map(|(id, total, sum)| {
                    format!(
                        "Cột {} = {total} nhưng tổng các cột {:?} = {sum}",
                        id.total, id.parts
                    )
                })
                .collect(),
        })
    }

    /// The records behind column `ms` of `template` for `period`.
    pub fn report_records(
        &self,
        template: Template,
        period: Period,
        ms: u16,
    ) -> Result<Vec<ReportRecord>> {
        self.signed_in()?;
        if !template.columns().iter().any(|c| c.ms == ms) {
            return Err(Error::Invalid(vec![FieldError::new(
                "ms",
                format!("Biểu {} không có cột số {ms}.", template.code()),
            )]));
        }
        let t = self.compute_report(template, period)?;
        let conn = self.store.conn();
        let mut visit = conn.prepare_cached(
            "SELECT substr(at, 1, 10), CASE WHEN summary = '' THEN '(không ghi nội dung)' ELSE substr(summary, 1, 200) END
             FROM visits WHERE id = ?1",
        )?;
        let mut petition = conn.prepare_cached(
            "SELECT received_on, substr(summary, 1, 200) FROM petitions WHERE id = ?1",
        )?;
        t.records_of(ms)
            .into_iter()
            .map(|r| {
                let stmt = match r.kind {
                    RecordKind::Visit => &mut visit,
                    RecordKind::Petition => &mut petition,
                };
                let (date, label) = stmt.query_row([r.id], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
                })?;
                Ok(ReportRecord {
                    kind: r.kind,
                    id: r.id,
                    date,
                    label,
                })
            })
            .collect()
    }

    /// The interchange format's "Reports as data": template, period, office and the
    /// columns keyed by MS.
    pub fn report_json(&self, template: Template, period: Period) -> Result<serde_json::Value> {
        self.signed_in()?;
        let t = self.compute_report(template, period)?;
        let office = self.office()?.map(|o| o.name).unwrap_or_default();
        Ok(serde_json::json!({
            "template": template.code(),
            "from": period.from.to_string(),
            "to": period.to.to_string(),
            "office": office,
            "columns": t.columns_json(),
        }))
    }

    fn visit_facts(&self, period: Period) -> Result<Vec<tcd01::VisitFact>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT id, case_id, at, reception, received_by, people, repeat FROM visits
              WHERE at >= ?1 AND at < ?2 AND voided_at IS NULL",
        )?;
        let end = period
            .to
            .succ_opt()
            .expect("dates stay far from chrono's limits");
        let rows = stmt.query_map(
            rusqlite::params![period.from.to_string(), end.to_string()],
            |r| {
                Ok(tcd01::VisitFact {
                    id: r.get(0)?,
                    case_id: r.get(1)?,
                    on: date(&r.get::<_, String>(2)?, 2)?,
                    reception: r.get::<_, crate::store::value::Named<_>>(3)?.0,
                    received_by: r.get::<_, crate::store::value::Named<_>>(4)?.0,
                    people: r.get(5)?,
                    repeat: r.get(6)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The petitions 01/XLD looks at: received in the period, carried into it (received
    /// before, not handled before it began: `petitions.handled_on`, kept by triggers; not
    /// wholly withdrawn or terminated before it began either), and those with a reply in it. Indexed reads only, so a large database costs what the
    /// period holds.
    fn petition_facts(&self, period: Period) -> Result<Vec<xld01::PetitionFact>> {
        let conn = self.store.conn();
        let (from, to) = (period.from.to_string(), period.to.to_string());
        let mut replies: HashMap<i64, Vec<NaiveDate>> = HashMap::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT petition_id, on_date FROM events
                  WHERE kind = 'reply_received' AND on_date >= ?1 AND on_date <= ?2",
            )?;
            let mut rows = stmt.query([&from, &to])?;
            while let Some(r) = rows.next()? {
                replies
                    .entry(r.get(0)?)
                    .or_default()
                    .push(date(&r.get::<_, String>(1)?, 1)?);
            }
        }
        let mut stmt = conn.prepare_cached(&petition_facts_sql())?;
        let mut by_id = conn.prepare_cached(&format!(
            "SELECT {PETITION_FACT_COLUMNS} FROM petitions p WHERE p.id = ?1"
        ))?;
        let fact = |r: &rusqlite::Row| -> rusqlite::Result<xld01::PetitionFact> {
            let handled_on: Option<String> = r.get(4)?;
            let action: Option<String> = r.get(5)?;
            let handled = match (handled_on, action) {
                (Some(on), Some(a)) => Some((
                    date(&on, 4)?,
                    from_name::<Action>(&a).map_err(|e| bad(5, e))?,
                )),
                _ => None,
            };
            Ok(xld01::PetitionFact {
                id: r.get(0)?,
                case_id: r.get(1)?,
                received_on: date(&r.get::<_, String>(2)?, 2)?,
                kind: r.get::<_, crate::store::value::Named<_>>(3)?.0,
                handled,
                field: r.get::<_, crate::store::value::Named<_>>(6)?.0,
                instance: r.get(7)?,
                court_accepted: r.get(8)?,
                earlier_in_case: r.get(9)?,
                case_resolutions: r.get(10)?,
                replies: Vec::new(),
            })
        };
        let mut out: Vec<xld01::PetitionFact> = stmt
            .query_map([&from, &to], fact)?
            .collect::<rusqlite::Result<_>>()?;
        let mut seen: std::collections::HashSet<i64> = out.iter().map(|p| p.id).collect();
        for id in replies.keys() {
            if seen.insert(*id) {
                out.push(by_id.query_row(rusqlite::params![id, to], fact)?);
            }
        }
        for p in &mut out {
            p.replies = replies.remove(&p.id).unwrap_or_default();
        }
        Ok(out)
    }

    /// The complaints the commune accepted by the period's end, with their outcome events
    /// up to it and their resolution deadline (from the deadline cache). Those whose every
    /// decision was carried out before the period are read too and skipped by the tables.
    fn complaint_facts(&self, period: Period) -> Result<Vec<kqgq::ComplaintFact>> {
        self.accepted_facts(
            period,
            "SELECT p.id, p.case_id, p.instance, p.handled_on,
                    (SELECT due FROM deadline_cache d WHERE d.petition_id = p.id AND d.name = 'resolve'),
                    e.on_date, e.kind, e.result, e.partial, e.results
               FROM petitions p INDEXED BY petitions_accepted_complaints
               LEFT JOIN events e ON e.petition_id = p.id AND e.on_date <= ?1
                    AND e.kind IN ('resolved', 'withdrawn', 'terminated', 'enforced')
              WHERE p.kind = 'complaint' AND p.handled_action = 'accept' AND p.handled_on <= ?1
              ORDER BY p.id, e.on_date, e.id",
        )
    }

    /// The accepted denunciations and what happened to them, as 03/KQGQ reads them.
    fn denunciation_facts(&self, period: Period) -> Result<Vec<kqgq::ComplaintFact>> {
        self.accepted_facts(
            period,
            "SELECT p.id, p.case_id, p.instance, p.handled_on,
                    (SELECT due FROM deadline_cache d WHERE d.petition_id = p.id AND d.name = 'resolve'),
                    e.on_date, e.kind, e.result, e.partial, e.results
               FROM petitions p INDEXED BY petitions_accepted_denunciations
               LEFT JOIN events e ON e.petition_id = p.id AND e.on_date <= ?1
                    AND e.kind IN ('resolved', 'withdrawn', 'terminated', 'enforced')
              WHERE p.kind = 'denunciation' AND p.handled_action = 'accept' AND p.handled_on <= ?1
              ORDER BY p.id, e.on_date, e.id",
        )
    }

    /// Accepted petitions and their outcome events, read by `sql` (bound to the period's
    /// last day).
    fn accepted_facts(&self, period: Period, sql: &str) -> Result<Vec<kqgq::ComplaintFact>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([period.to.to_string()])?;
        let mut out: Vec<kqgq::ComplaintFact> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if out.last().is_none_or(|p| p.id != id) {
                out.push(kqgq::ComplaintFact {
                    id,
                    case_id: r.get(1)?,
                    instance: r.get(2)?,
                    accepted_on: date(&r.get::<_, String>(3)?, 3)?,
                    resolve_due: r
                        .get::<_, Option<String>>(4)?
                        .map(|d| date(&d, 4))
                        .transpose()?,
                    events: Vec::new(),
                });
            }
            let Some(on) = r.get::<_, Option<String>>(5)? else {
                continue;
            };
            let outcome = match r.get::<_, String>(6)?.as_str() {
                "resolved" => {
                    let finding: Option<String> = r.get(7)?;
                    let finding = finding.as_deref().unwrap_or("");
                    kqgq::Outcome::Resolved(from_name(finding).map_err(|e| bad(7, e))?)
                }
                "withdrawn" => kqgq::Outcome::Withdrawn {
                    partial: r.get::<_, Option<bool>>(8)?.unwrap_or(false),
                },
                "terminated" => kqgq::Outcome::Terminated,
                _ => kqgq::Outcome::Enforced,
            };
            let results: Option<String> = r.get(9)?;
            out.last_mut()
                .expect("pushed above")
                .events
                .push(kqgq::OutcomeEvent {
                    on: date(&on, 5)?,
                    outcome,
                    figures: Figures::from_json(results.as_deref()),
                });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    /// An office's database has no statistics (the app never runs ANALYZE): the plan must
    /// be good without them. Each correlated count reaches a case's petitions by
    /// `petitions_case` and their events by `events_petition`, never every event of a kind.
    #[test]
    fn the_01_xld_facts_are_read_by_key_without_statistics() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let store = crate::store::Store::open(
            &dir.path().join("t.sqlite3"),
            None,
            &dir.path().join("backups"),
            now,
        )
        .unwrap();
        let conn = store.conn();
        let plan: Vec<String> = conn
            .prepare(&format!(
                "EXPLAIN QUERY PLAN {}",
                super::petition_facts_sql()
            ))
            .unwrap()
            .query_map(["2025-01-01", "2025-06-30"], |r| r.get::<_, String>(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert!(
            !plan.iter().any(|step| step.contains("events_kind_on")),
            "{plan:#?}"
        );
        assert!(plan.iter().any(|step| step.contains("petitions_case")));
    }
}
