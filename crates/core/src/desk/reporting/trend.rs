//! The dashboard's trend: petitions received in each of the last months, by field.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::desk::{Desk, from_name};
use crate::domain::visit::Field;
use crate::error::Result;

/// Petitions received per month (oldest first) and field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Trend {
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    /// One series per field that has any petition in the months.
    pub series: Vec<TrendSeries>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrendSeries {
    pub field: Field,
    /// One count per month, in the order of `months`.
    #[ts(type = "Array<number>")]
    pub counts: Vec<i64>,
}

/// The first day of the month `back` months before `today`'s.
fn month_start(today: NaiveDate, back: u32) -> NaiveDate {
    let index = today.year() * 12 + today.month0() as i32 - back as i32;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .expect("the first of a month exists")
}

impl Desk {
    /// The last `months` months up to `today`'s, by field.
    pub fn trend(&self, today: NaiveDate, months: u32) -> Result<Trend> {
        self.signed_in()?;
        let months = months.clamp(1, 60);
        let first = month_start(today, months - 1);
        let labels: Vec<String> = (0..months)
            .rev()
            .map(|b| month_start(today, b).format("%Y-%m").to_string())
            .collect();
        let mut stmt = self.store.conn().prepare_cached(
            "SELECT substr(received_on, 1, 7), field, count(*) FROM petitions
              WHERE received_on >= ?1 AND received_on <= ?2 AND voided_at IS NULL
              GROUP BY 1, 2",
        )?;
        let mut series: Vec<TrendSeries> = Vec::new();
        let mut rows = stmt.query([first.to_string(), today.to_string()])?;
        while let Some(r) = rows.next()? {
            let month: String = r.get(0)?;
            let field: Field = from_name(&r.get::<_, String>(1)?).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
            })?;
            let Some(i) = labels.iter().position(|m| *m == month) else {
                continue;
            };
            let s = match series.iter().position(|s| s.field == field) {
                Some(k) => &mut series[k],
                None => {
                    series.push(TrendSeries {
                        field,
                        counts: vec![0; labels.len()],
                    });
                    series.last_mut().expect("just pushed")
                }
            };
            s.counts[i] += r.get::<_, i64>(2)?;
        }
        series.sort_by_key(|s| std::cmp::Reverse(s.counts.iter().sum::<i64>()));
        Ok(Trend {
            months: labels,
            series,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_back_across_the_new_year() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 17).unwrap();
        assert_eq!(month_start(d, 0).to_string(), "2026-02-01");
        assert_eq!(month_start(d, 2).to_string(), "2025-12-01");
        assert_eq!(month_start(d, 14).to_string(), "2024-12-01");
    }
}
