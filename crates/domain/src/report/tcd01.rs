//! Biểu 01/TCD: the results of regular, periodic and ad hoc reception. What each column
//! counts is written in `docs/reports.md`; in short: a visit (lượt) in the period counts
//! in the group of its reception — regular reception whoever received it; periodic and ad
//! hoc reception by the head (thủ trưởng tiếp) or by a delegate (ủy quyền tiếp, also when an
//! officer received it) — people are the visits' head-counts, a case (vụ việc) counts once
//! per group, "nhiều lần" when it was received before (a repeat visit) or more than once in
//! the group during the period; a crowd group (đoàn đông người) is a visit of at least the
//! configured number of people; a reception session (kỳ tiếp) is a day on which the head
//! (or the delegate) received.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::period::Period;
use super::{Column, Computed, Identity, RecordKind, RecordRef, Template};
use crate::visit::{ReceivedBy, Reception};

const TX: &str = "Tiếp thường xuyên";
const DK: &str = "Tiếp định kỳ và đột xuất của Thủ trưởng";
const TT: &str = "Thủ trưởng tiếp";
const UQ: &str = "Ủy quyền tiếp";
const VV: &str = "Số vụ việc";
const DN: &str = "Trong đó đoàn đông người";

pub const COLUMNS: &[Column] = &[
    Column {
        ms: 1,
        header: &["Tổng số lượt tiếp"],
    },
    Column {
        ms: 2,
        header: &["Tổng số người được tiếp"],
    },
    Column {
        ms: 3,
        header: &["Tổng số vụ việc tiếp"],
    },
    Column {
        ms: 4,
        header: &[TX, "Số lượt tiếp"],
    },
    Column {
        ms: 5,
        header: &[TX, "Số người được tiếp"],
    },
    Column {
        ms: 6,
        header: &[TX, VV, "Tiếp lần đầu"],
    },
    Column {
        ms: 7,
        header: &[TX, VV, "Tiếp nhiều lần"],
    },
    Column {
        ms: 8,
        header: &[TX, DN, "Số đoàn được tiếp"],
    },
    Column {
        ms: 9,
        header: &[TX, DN, "Số người được tiếp"],
    },
    Column {
        ms: 10,
        header: &[TX, DN, "Số vụ việc tiếp lần đầu"],
    },
    Column {
        ms: 11,
        header: &[TX, DN, "Số vụ việc tiếp nhiều lần"],
    },
    Column {
        ms: 12,
        header: &[DK, TT, "Số kỳ tiếp"],
    },
    Column {
        ms: 13,
        header: &[DK, TT, "Số lượt tiếp"],
    },
    Column {
        ms: 14,
        header: &[DK, TT, "Số người được tiếp"],
    },
    Column {
        ms: 15,
        header: &[DK, TT, VV, "Tiếp lần đầu"],
    },
    Column {
        ms: 16,
        header: &[DK, TT, VV, "Tiếp nhiều lần"],
    },
    Column {
        ms: 17,
        header: &[DK, TT, DN, "Số đoàn được tiếp"],
    },
    Column {
        ms: 18,
        header: &[DK, TT, DN, "Số người được tiếp"],
    },
    Column {
        ms: 19,
        header: &[DK, TT, DN, "Số vụ việc tiếp lần đầu"],
    },
    Column {
        ms: 20,
        header: &[DK, TT, DN, "Số vụ việc tiếp nhiều lần"],
    },
    Column {
        ms: 21,
        header: &[DK, UQ, "Số kỳ tiếp"],
    },
    Column {
        ms: 22,
        header: &[DK, UQ, "Số lượt tiếp"],
    },
    Column {
        ms: 23,
        header: &[DK, UQ, "Số người được tiếp"],
    },
    Column {
        ms: 24,
        header: &[DK, UQ, VV, "Tiếp lần đầu"],
    },
    Column {
        ms: 25,
        header: &[DK, UQ, VV, "Tiếp nhiều lần"],
    },
    Column {
        ms: 26,
        header: &[DK, UQ, DN, "Số đoàn được tiếp"],
    },
    Column {
        ms: 27,
        header: &[DK, UQ, DN, "Số người được tiếp"],
    },
    Column {
        ms: 28,
        header: &[DK, UQ, DN, "Số vụ việc tiếp lần đầu"],
    },
    Column {
        ms: 29,
        header: &[DK, UQ, DN, "Số vụ việc tiếp nhiều lần"],
    },
];

pub const IDENTITIES: &[Identity] = &[
    Identity {
        total: 1,
        parts: &[4, 13, 22],
    },
    Identity {
        total: 2,
        parts: &[5, 14, 23],
    },
    Identity {
        total: 3,
        parts: &[6, 7, 15, 16, 24, 25],
    },
];

/// What 01/TCD reads of a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitFact {
    pub id: i64,
    pub case_id: Option<i64>,
    pub on: NaiveDate,
    pub reception: Reception,
    pub received_by: ReceivedBy,
    pub people: u32,
    /// The same matter was received before this visit.
    pub repeat: bool,
}

/// Where a group's columns start: the session count (if any), then visits, people, cases
/// first/repeat, crowd groups, their people, their cases first/repeat.
struct Group {
    sessions: Option<u16>,
    visits: u16,
}

const REGULAR: Group = Group {
    sessions: None,
    visits: 4,
};
const HEAD: Group = Group {
    sessions: Some(12),
    visits: 13,
};
const DELEGATE: Group = Group {
    sessions: Some(21),
    visits: 22,
};

fn group_of(v: &VisitFact) -> &'static Group {
    match (v.reception, v.received_by) {
        (Reception::Regular, _) => &REGULAR,
        (_, ReceivedBy::Head) => &HEAD,
        (_, _) => &DELEGATE,
    }
}

/// The cases among `visits`, each with its visits, and whether it was received more than
/// once (a repeat visit, or two visits in the group during the period).
fn cases<'a>(visits: &[&'a VisitFact]) -> Vec<(bool, Vec<&'a VisitFact>)> {
    let mut by_case: BTreeMap<i64, Vec<&VisitFact>> = BTreeMap::new();
    for v in visits {
        by_case
            .entry(v.case_id.unwrap_or(-v.id))
            .or_default()
            .push(v);
    }
    by_case
        .into_values()
        .map(|vs| (vs.len() > 1 || vs.iter().any(|v| v.repeat), vs))
        .collect()
}

fn visit(v: &VisitFact) -> RecordRef {
    RecordRef {
        kind: RecordKind::Visit,
        id: v.id,
    }
}

/// Biểu 01/TCD for the visits of `period` (visits outside it are ignored).
pub fn compute(visits: &[VisitFact], period: Period, crowd_threshold: u32) -> Computed {
    let mut t = Computed::new(Template::Tcd01, period);
    let in_period: Vec<&VisitFact> = visits.iter().filter(|v| period.contains(v.on)).collect();
    for g in [&REGULAR, &HEAD, &DELEGATE] {
        let mine: Vec<&VisitFact> = in_period
            .iter()
            .copied()
            .filter(|v| std::ptr::eq(group_of(v), g))
            .collect();
        let b = g.visits;
        if let Some(ms) = g.sessions {
            let mut days = BTreeSet::new();
            for v in &mine {
                if days.insert(v.on) {
                    t.count(ms, visit(v));
                } else {
                    // The day is counted once; its other visits still lead to it.
                    let i = t.index(ms);
                    t.records[i].push(visit(v));
                }
            }
        }
        for v in &mine {
            t.count(b, visit(v));
            t.count(1, visit(v));
            t.add(b + 1, i64::from(v.people), visit(v));
            t.add(2, i64::from(v.people), visit(v));
        }
        for (many, vs) in cases(&mine) {
            let ms = if many { b + 3 } else { b + 2 };
            t.add(ms, 1, visit(vs[0]));
            t.add(3, 1, visit(vs[0]));
            for v in &vs[1..] {
                let (i, j) = (t.index(ms), t.index(3));
                t.records[i].push(visit(v));
                t.records[j].push(visit(v));
            }
        }
        let crowds: Vec<&VisitFact> = mine
            .iter()
            .copied()
            .filter(|v| v.people >= crowd_threshold)
            .collect();
        for v in &crowds {
            t.count(b + 4, visit(v));
            t.add(b + 5, i64::from(v.people), visit(v));
        }
        for (many, vs) in cases(&crowds) {
            let ms = if many { b + 7 } else { b + 6 };
            t.add(ms, 1, visit(vs[0]));
            for v in &vs[1..] {
                let i = t.index(ms);
                t.records[i].push(visit(v));
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::period::PeriodKind;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn v(
        id: i64,
        case: i64,
        on: &str,
        r: Reception,
        by: ReceivedBy,
        people: u32,
        repeat: bool,
    ) -> VisitFact {
        VisitFact {
            id,
            case_id: Some(case),
            on: d(on),
            reception: r,
            received_by: by,
            people,
            repeat,
        }
    }

    #[test]
    fn each_column_counts_what_docs_reports_says() {
        use ReceivedBy::*;
        use Reception::*;
        let p = Period::of(PeriodKind::SixMonths, 2026);
        let visits = [
            // Regular: a first visit, a group of 6 twice about one case, a repeat.
            v(1, 10, "2026-01-05", Regular, Officer, 1, false),
            v(2, 11, "2026-01-06", Regular, Officer, 6, false),
            v(3, 11, "2026-02-06", Regular, Officer, 6, true),
            v(4, 12, "2026-03-01", Regular, Head, 2, true),
            // The chair's periodic day (two visits the same day) and an ad hoc day.
            v(5, 13, "2026-03-12", Periodic, Head, 1, false),
            v(6, 14, "2026-03-12", Periodic, Head, 5, false),
            v(7, 13, "2026-04-02", AdHoc, Head, 1, true),
            // Delegated, and an officer on a periodic day counts as delegated.
            v(8, 15, "2026-05-14", Periodic, Delegate, 1, false),
            v(9, 16, "2026-05-14", Periodic, Officer, 3, false),
            // Outside the period.
            v(10, 17, "2026-06-15", Regular, Officer, 9, false),
            v(11, 18, "2025-12-14", Regular, Officer, 9, false),
        ];
        let t = compute(&visits, p, 5);
        let expected = [
            (1, 9),
            (2, 26),
            (3, 7),
            (4, 4),
            (5, 15),
            (6, 1),
            (7, 2),
            (8, 2),
            (9, 12),
            (10, 0),
            (11, 1),
            (12, 2),
            (13, 3),
            (14, 7),
            (15, 1),
            (16, 1),
            (17, 1),
            (18, 5),
            (19, 1),
            (20, 0),
            (21, 1),
            (22, 2),
            (23, 4),
            (24, 2),
            (25, 0),
            (26, 0),
            (27, 0),
            (28, 0),
            (29, 0),
        ];
        for (ms, n) in expected {
            assert_eq!(t.value(ms), n, "MS {ms}");
        }
        assert!(t.broken_identities().is_empty());
        // Drill-down: the regular repeat cases are visits 2, 3 and 4.
        let ids: Vec<i64> = t.records_of(7).iter().map(|r| r.id).collect();
        assert_eq!(ids, [2, 3, 4]);
    }

    fn arb_visit() -> impl Strategy<Value = VisitFact> {
        (
            1i64..400,
            prop::option::of(1i64..40),
            0i64..400,
            0usize..3,
            0usize..3,
            1u32..12,
            any::<bool>(),
        )
            .prop_map(|(id, case_id, day, r, by, people, repeat)| VisitFact {
                id,
                case_id,
                on: d("2025-12-01") + chrono::Duration::days(day),
                reception: [Reception::Regular, Reception::Periodic, Reception::AdHoc][r],
                received_by: [ReceivedBy::Head, ReceivedBy::Delegate, ReceivedBy::Officer][by],
                people,
                repeat,
            })
    }

    proptest! {
        #[test]
        fn the_templates_sums_hold_on_any_visits(visits in prop::collection::vec(arb_visit(), 0..80), threshold in 2u32..8) {
            let t = compute(&visits, Period::of(PeriodKind::Year, 2026), threshold);
            prop_assert!(t.broken_identities().is_empty(), "{:?}", t.broken_identities());
            // Crowds are part of their group.
            for (all, crowd) in [(4, 8), (5, 9), (13, 17), (14, 18), (22, 26), (23, 27)] {
                prop_assert!(t.value(crowd) <= t.value(all));
            }
        }
    }
}
