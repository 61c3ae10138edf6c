//! Reporting periods and their data cut-offs (Thông tư 01/2024/TT-TTCP, thời gian chốt số
//! liệu): the first quarter, six months, nine months and the year run from 15 December of
//! the previous year to the 14th of March, June, September and December; the second to
//! fourth quarters from the 15th of the last month of the previous quarter; any other
//! range is custom.
//!
//! ```
//! use tiepdan_domain::report::period::{Period, PeriodKind};
//! let p = Period::of(PeriodKind::SixMonths, 2026);
//! assert_eq!((p.from.to_string(), p.to.to_string()), ("2025-12-15".into(), "2026-06-14".into()));
//! assert_eq!(p.title_vi(), "Báo cáo 6 tháng đầu năm 2026");
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use tiepdan_vocab::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    FirstQuarter,
    SixMonths,
    NineMonths,
    Year,
    SecondQuarter,
    ThirdQuarter,
    FourthQuarter,
    Custom,
}

/// A period as chosen on the Báo cáo screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeriodInput {
    pub kind: PeriodKind,
    pub year: i32,
    /// Custom periods: `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A reporting period: both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Period {
    pub kind: PeriodKind,
    pub year: i32,
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the cut-off days exist every year")
}

impl Period {
    /// The legal period `kind` of reporting year `year` (not `Custom`, which has no
    /// cut-offs: use [`Period::custom`]).
    pub fn of(kind: PeriodKind, year: i32) -> Period {
        let start = ymd(year - 1, 12, 15);
        let (from, to) = match kind {
            PeriodKind::FirstQuarter => (start, ymd(year, 3, 14)),
            PeriodKind::SixMonths => (start, ymd(year, 6, 14)),
            PeriodKind::NineMonths => (start, ymd(year, 9, 14)),
            PeriodKind::Year | PeriodKind::Custom => (start, ymd(year, 12, 14)),
            PeriodKind::SecondQuarter => (ymd(year, 3, 15), ymd(year, 6, 14)),
            PeriodKind::ThirdQuarter => (ymd(year, 6, 15), ymd(year, 9, 14)),
            PeriodKind::FourthQuarter => (ymd(year, 9, 15), ymd(year, 12, 14)),
        };
        Period {
            kind,
            year,
            from,
            to,
        }
    }

    /// Any range, both ends included; `from` after `to` is refused.
    pub fn custom(from: NaiveDate, to: NaiveDate) -> Result<Period, FieldError> {
        if from > to {
            return Err(FieldError::new(
                "to",
                "Ngày cuối kỳ báo cáo phải sau hoặc bằng ngày đầu kỳ.",
            ));
        }
        Ok(Period {
            kind: PeriodKind::Custom,
            year: chrono::Datelike::year(&to),
            from,
            to,
        })
    }

    /// The period a range names: a legal period when the range is exactly one, else custom.
    pub fn from_range(from: NaiveDate, to: NaiveDate) -> Result<Period, FieldError> {
        let year = chrono::Datelike::year(&to);
        for kind in [
            PeriodKind::FirstQuarter,
            PeriodKind::SixMonths,
            PeriodKind::NineMonths,
            PeriodKind::Year,
            PeriodKind::SecondQuarter,
            PeriodKind::ThirdQuarter,
            PeriodKind::FourthQuarter,
        ] {
            let p = Period::of(kind, year);
            if p.from == from && p.to == to {
                return Ok(p);
            }
        }
        Period::custom(from, to)
    }

    /// "Báo cáo 6 tháng đầu năm 2026".
    pub fn title_vi(&self) -> String {
        let y = self.year;
        match self.kind {
            PeriodKind::FirstQuarter => format!("Báo cáo quý I năm {y}"),
            PeriodKind::SixMonths => format!("Báo cáo 6 tháng đầu năm {y}"),
            PeriodKind::NineMonths => format!("Báo cáo 9 tháng năm {y}"),
            PeriodKind::Year => format!("Báo cáo năm {y}"),
            PeriodKind::SecondQuarter => format!("Báo cáo quý II năm {y}"),
            PeriodKind::ThirdQuarter => format!("Báo cáo quý III năm {y}"),
            PeriodKind::FourthQuarter => format!("Báo cáo quý IV năm {y}"),
            PeriodKind::Custom => format!(
                "Báo cáo từ ngày {} đến ngày {}",
                self.from.format("%d/%m/%Y"),
                self.to.format("%d/%m/%Y")
            ),
        }
    }

    /// "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026".
    pub fn range_vi(&self) -> String {
        format!(
            "(Số liệu tính từ ngày {} đến ngày {})",
            self.from.format("%d/%m/%Y"),
            self.to.format("%d/%m/%Y")
        )
    }

    /// The period a form names: a legal kind and year, or a custom range (both dates
    /// required, `YYYY-MM-DD`).
    pub fn from_input(input: &PeriodInput) -> Result<Period, FieldError> {
        if input.kind != PeriodKind::Custom {
            if !(2000..=2100).contains(&input.year) {
                return Err(FieldError::new(
                    "year",
                    format!("Năm báo cáo {} không hợp lệ.", input.year),
                ));
            }
            return Ok(Period::of(input.kind, input.year));
        }
        let day = |s: &Option<String>, field: &str, what: &str| {
            s.as_deref()
                .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
                .ok_or_else(|| {
                    FieldError::new(
                        field,
                        format!("Chưa nhập hoặc nhập sai {what}; nhập ngày/tháng/năm."),
                    )
                })
        };
        Period::custom(
            day(&input.from, "from", "ngày đầu kỳ")?,
            day(&input.to, "to", "ngày cuối kỳ")?,
        )
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_legal_period_has_the_circulars_cut_offs() {
        let cases = [
            (PeriodKind::FirstQuarter, "2025-12-15", "2026-03-14"),
            (PeriodKind::SixMonths, "2025-12-15", "2026-06-14"),
            (PeriodKind::NineMonths, "2025-12-15", "2026-09-14"),
            (PeriodKind::Year, "2025-12-15", "2026-12-14"),
            (PeriodKind::SecondQuarter, "2026-03-15", "2026-06-14"),
            (PeriodKind::ThirdQuarter, "2026-06-15", "2026-09-14"),
            (PeriodKind::FourthQuarter, "2026-09-15", "2026-12-14"),
        ];
        for (kind, from, to) in cases {
            let p = Period::of(kind, 2026);
            assert_eq!((p.from, p.to), (d(from), d(to)), "{kind:?}");
            assert_eq!(Period::from_range(p.from, p.to).unwrap(), p);
        }
        // The quarters tile the year without gap or overlap.
        let q: Vec<Period> = [
            PeriodKind::FirstQuarter,
            PeriodKind::SecondQuarter,
            PeriodKind::ThirdQuarter,
            PeriodKind::FourthQuarter,
        ]
        .map(|k| Period::of(k, 2026))
        .to_vec();
        for w in q.windows(2) {
            assert_eq!(w[0].to.succ_opt().unwrap(), w[1].from);
        }
    }

    #[test]
    fn a_custom_range_is_named_by_its_dates_and_a_reversed_one_is_refused() {
        let p = Period::from_range(d("2026-01-01"), d("2026-01-31")).unwrap();
        assert_eq!(p.kind, PeriodKind::Custom);
        assert_eq!(
            p.title_vi(),
            "Báo cáo từ ngày 01/01/2026 đến ngày 31/01/2026"
        );
        assert!(Period::custom(d("2026-02-01"), d("2026-01-31")).is_err());
        assert!(p.contains(d("2026-01-31")) && !p.contains(d("2026-02-01")));
    }
}
