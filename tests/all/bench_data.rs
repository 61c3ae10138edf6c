//! The benchmark's data is data the app would accept: a generated office exported and
//! imported into an empty folder with no error, its reports the same on both sides.

#[path = "../../benches/support/generate.rs"]
mod generate;

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::ExportOptions;
use tiepdan_core::domain::report::period::{Period, PeriodKind};

#[test]
fn a_generated_office_exports_and_imports_with_the_same_reports() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("nguon");
    generate::generate(&source, 2_000);
    let c = ctx("2026-11-23 16:00");
    let desk = Desk::open(&source, c.now).unwrap();
    let text = desk
        .export(
            &c,
            &ExportOptions {
                redact: false,
                today: None,
            },
        )
        .unwrap();
    let target = dir.path().join("dich");
    let mut copy = Desk::open(&target, c.now).unwrap();
    let summary = copy.import(&c, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.petitions.created, 2_000, "{summary:?}");
    for year in [2018, 2022, 2025] {
        let period = Period::of(PeriodKind::Year, year);
        let a = desk.compute_all_reports(period).unwrap();
        let b = copy.compute_all_reports(period).unwrap();
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.values, y.values, "{} {year}", x.template.code());
        }
        assert!(
            a.iter().any(|t| t.values.iter().any(|v| *v > 0)),
            "{year}: the reports count something"
        );
    }
}
