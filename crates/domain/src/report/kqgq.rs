//! Biểu 01/KQGQ (the results of resolving the complaints the commune accepted) and Biểu
//! 02/KQGQ (carrying out the resolution decisions). Both read the accepted complaints and
//! what happened to them: `resolved`, `withdrawn`, `terminated` and `enforced` events with
//! their figures (`domain::outcome`). 01/KQGQ counts petitions in MS 1–3 and cases (vụ
//! việc, by their `case` link) from MS 4 on; 02/KQGQ counts decisions. `docs/reports.md`
//! says which date decides the period for each column.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::period::Period;
use super::{Column, Computed, Identity, RecordKind, RecordRef, Template};
use crate::outcome::{Figures, Finding};

/// What happened to an accepted complaint after it was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A resolution decision with its finding and the figures it orders.
    Resolved(Finding),
    /// Withdrawn, wholly or in part.
    Withdrawn { partial: bool },
    /// Resolution ended (đình chỉ).
    Terminated,
    /// The decision before it has been carried out, with the figures achieved.
    Enforced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeEvent {
    pub on: NaiveDate,
    pub outcome: Outcome,
    pub figures: Figures,
}

/// What the KQGQ tables read of a complaint the commune accepted (thụ lý).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintFact {
    pub id: i64,
    pub case_id: Option<i64>,
    /// 1 or 2 (lần đầu, lần hai); absent counts as the first.
    pub instance: Option<u8>,
    pub accepted_on: NaiveDate,
    /// The resolution deadline, when the app computed one.
    pub resolve_due: Option<NaiveDate>,
    /// Its outcome events up to the period's end, in date order.
    pub events: Vec<OutcomeEvent>,
}

impl ComplaintFact {
    /// The day resolution ended: a decision, a termination or a whole withdrawal.
    pub(super) fn closed_on(&self) -> Option<NaiveDate> {
        self.events
            .iter()
            .find(|e| {
                matches!(
                    e.outcome,
                    Outcome::Resolved(_)
                        | Outcome::Terminated
                        | Outcome::Withdrawn { partial: false }
                )
            })
            .map(|e| e.on)
    }

    pub(super) fn record(&self) -> RecordRef {
        RecordRef {
            kind: RecordKind::Petition,
            id: self.id,
        }
    }
}

const DON: &str = "Đơn khiếu nại thuộc thẩm quyền";
const KQ: &str = "Kết quả giải quyết";
const DA: &str = "Đã giải quyết";
const THU: &str = "Kiến nghị thu hồi cho Nhà nước";
const TRA: &str = "Trả lại cho tổ chức, cá nhân";
const XLHC: &str = "Kiến nghị xử lý hành chính";
const DT: &str = "Chuyển cơ quan điều tra";
const PT: &str = "Phân tích kết quả giải quyết (vụ việc)";
const L1: &str = "Giải quyết lần đầu";
const L2: &str = "Giải quyết lần 2";
const TH: &str = "Chấp hành thời hạn giải quyết";
const TIEN: &str = "Tiền (Trđ)";
const DAT: &str = "Đất (m2)";
const NGUOI: &str = "Tổng số người bị kiến nghị xử lý";
const CBCC: &str = "Trong đó số cán bộ, công chức, viên chức";

pub const COLUMNS_01: &[Column] = &[
    Column {
        ms: 1,
        header: &[DON, "Tổng số"],
    },
    Column {
        ms: 2,
        header: &[DON, "Kỳ trước chuyển sang"],
    },
    Column {
        ms: 3,
        header: &[DON, "Tiếp nhận trong kỳ"],
    },
    Column {
        ms: 4,
        header: &["Tổng số vụ việc khiếu nại thuộc thẩm quyền"],
    },
    Column {
        ms: 5,
        header: &[KQ, DA, "Số vụ việc giải quyết bằng QĐ hành chính"],
    },
    Column {
        ms: 6,
        header: &[
            KQ,
            DA,
            "Số vụ việc rút đơn thông qua giải thích, thuyết phục",
        ],
    },
    Column {
        ms: 7,
        header: &[KQ, THU, TIEN],
    },
    Column {
        ms: 8,
        header: &[KQ, THU, DAT],
    },
    Column {
        ms: 9,
        header: &[KQ, TRA, "Tổ chức", TIEN],
    },
    Column {
        ms: 10,
        header: &[KQ, TRA, "Tổ chức", DAT],
    },
    Column {
        ms: 11,
        header: &[KQ, TRA, "Cá nhân", TIEN],
    },
    Column {
        ms: 12,
        header: &[KQ, TRA, "Cá nhân", DAT],
    },
    Column {
        ms: 13,
        header: &[KQ, TRA, "Số tổ chức được trả lại quyền lợi"],
    },
    Column {
        ms: 14,
        header: &[KQ, TRA, "Số cá nhân được trả lại quyền lợi"],
    },
    Column {
        ms: 15,
        header: &[KQ, XLHC, NGUOI],
    },
    Column {
        ms: 16,
        header: &[KQ, XLHC, CBCC],
    },
    Column {
        ms: 17,
        header: &[KQ, DT, "Số vụ"],
    },
    Column {
        ms: 18,
        header: &[KQ, DT, "Tổng số người"],
    },
    Column {
        ms: 19,
        header: &[KQ, DT, CBCC],
    },
    Column {
        ms: 20,
        header: &[PT, L1, "Khiếu nại đúng"],
    },
    Column {
        ms: 21,
        header: &[PT, L1, "Khiếu nại sai"],
    },
    Column {
        ms: 22,
        header: &[PT, L1, "Khiếu nại đúng một phần"],
    },
    Column {
        ms: 23,
        header: &[PT, L2, "Công nhận QĐ g/q lần đầu"],
    },
    Column {
        ms: 24,
        header: &[PT, L2, "Hủy, sửa QĐ g/q lần đầu"],
    },
    Column {
        ms: 25,
        header: &[PT, TH, "Đúng quy định"],
    },
    Column {
        ms: 26,
        header: &[PT, TH, "Không đúng quy định"],
    },
];

pub const IDENTITIES_01: &[Identity] = &[
    Identity {
        total: 1,
        parts: &[2, 3],
    },
    Identity {
        total: 5,
        parts: &[20, 21, 22, 23, 24],
    },
];

const THU_NN: &str = "Thu hồi cho nhà nước";
const TRA2: &str = "Trả lại cho tổ chức, cá nhân";
const PHAI_THU: &str = "Phải thu";
const DA_THU: &str = "Đã thu";
const PHAI_TRA: &str = "Phải trả";
const DA_TRA: &str = "Đã trả";
const XL: &str = "Đã xử lý hành chính";
const KT: &str = "Đã khởi tố";

pub const COLUMNS_02: &[Column] = &[
    Column {
        ms: 1,
        header: &["Tổng số quyết định phải thực hiện trong kỳ"],
    },
    Column {
        ms: 2,
        header: &["Số quyết định đã thực hiện xong"],
    },
    Column {
        ms: 3,
        header: &[THU_NN, PHAI_THU, TIEN],
    },
    Column {
        ms: 4,
        header: &[THU_NN, PHAI_THU, DAT],
    },
    Column {
        ms: 5,
        header: &[THU_NN, DA_THU, TIEN],
    },
    Column {
        ms: 6,
        header: &[THU_NN, DA_THU, DAT],
    },
    Column {
        ms: 7,
        header: &[TRA2, PHAI_TRA, "Tổ chức", TIEN],
    },
    Column {
        ms: 8,
        header: &[TRA2, PHAI_TRA, "Tổ chức", DAT],
    },
    Column {
        ms: 9,
        header: &[TRA2, PHAI_TRA, "Cá nhân", TIEN],
    },
    Column {
        ms: 10,
        header: &[TRA2, PHAI_TRA, "Cá nhân", DAT],
    },
    Column {
        ms: 11,
        header: &[TRA2, DA_TRA, "Tổ chức", TIEN],
    },
    Column {
        ms: 12,
        header: &[TRA2, DA_TRA, "Tổ chức", DAT],
    },
    Column {
        ms: 13,
        header: &[TRA2, DA_TRA, "Cá nhân", TIEN],
    },
    Column {
        ms: 14,
        header: &[TRA2, DA_TRA, "Cá nhân", DAT],
    },
    Column {
        ms: 15,
        header: &[XL, "Tổng số người bị xử lý"],
    },
    Column {
        ms: 16,
        header: &[XL, CBCC],
    },
    Column {
        ms: 17,
        header: &[KT, "Số vụ"],
    },
    Column {
        ms: 18,
        header: &[KT, "Số người"],
    },
    Column {
        ms: 19,
        header: &[KT, CBCC],
    },
];

/// 02/KQGQ has no sum in its MS row.
pub const IDENTITIES_02: &[Identity] = &[];

impl Computed {
    /// Adds `n` to column `ms` for `record`, unless it is zero (so a figure's drill-down
    /// lists only the decisions that carry it).
    pub(super) fn add_figure(&mut self, ms: u16, n: i64, record: RecordRef) {
        if n != 0 {
            self.add(ms, n, record);
        }
    }

    /// The money and land of a decision (what it orders) or of its carrying out, in
    /// `columns`: recovered money, land; returned to organisations (money, land), to people
    /// (money, land).
    pub(super) fn add_money_and_land(&mut self, columns: [u16; 6], f: &Figures, record: RecordRef) {
        let values = [
            f.money_recovered,
            f.land_recovered,
            f.money_returned_org,
            f.land_returned_org,
            f.money_returned_people(),
            f.land_returned_people(),
        ];
        for (ms, v) in columns.into_iter().zip(values) {
            self.add_figure(ms, v, record);
        }
    }
}

/// Biểu 01/KQGQ for `period`.
pub fn compute_01(complaints: &[ComplaintFact], period: Period) -> Computed {
    let mut t = Computed::new(Template::Kqgq01, period);
    let mut cases: BTreeMap<i64, Vec<&ComplaintFact>> = BTreeMap::new();
    for p in complaints {
        if p.accepted_on > period.to || p.closed_on().is_some_and(|on| on < period.from) {
            continue;
        }
        let r = p.record();
        t.count(1, r);
        t.count(if p.accepted_on < period.from { 2 } else { 3 }, r);
        cases.entry(p.case_id.unwrap_or(-p.id)).or_default().push(p);
    }
    for members in cases.values() {
        let all: Vec<RecordRef> = members.iter().map(|p| p.record()).collect();
        let count_case = |t: &mut Computed, ms: u16| {
            t.count(ms, all[0]);
            let i = t.index(ms);
            t.records[i].extend(&all[1..]);
        };
        count_case(&mut t, 4);
        // The case's outcome in the period: its last decision, else a whole withdrawal.
        let decision = members
            .iter()
            .flat_map(|p| p.events.iter().map(move |e| (*p, e)))
            .filter(|(_, e)| period.contains(e.on))
            .filter_map(|(p, e)| match e.outcome {
                Outcome::Resolved(finding) => Some((p, e, finding)),
                _ => None,
            })
            .max_by_key(|(p, e, _)| (e.on, p.id));
        if let Some((p, e, finding)) = decision {
            let class = match (p.instance == Some(2), finding) {
                (false, Finding::Right) => 20,
                (false, Finding::Wrong) => 21,
                (false, Finding::PartlyRight) => 22,
                (true, Finding::Wrong) => 23,
                (true, _) => 24,
            };
            let on_time = p.resolve_due.is_none_or(|due| e.on <= due);
            for ms in [5, class, if on_time { 25 } else { 26 }] {
                count_case(&mut t, ms);
            }
            let f = &e.figures;
            let r = p.record();
            t.add_money_and_land([7, 8, 9, 10, 11, 12], f, r);
            for (ms, v) in [
                (13, f.orgs_benefited),
                (14, f.people_benefited),
                (15, f.people_disciplined),
                (16, f.officials_disciplined),
                (17, f.referred_to_investigation),
                (18, f.people_referred),
                (19, f.officials_referred),
            ] {
                t.add_figure(ms, v, r);
            }
        } else if members.iter().any(|p| {
            p.events.iter().any(|e| {
                period.contains(e.on) && e.outcome == Outcome::Withdrawn { partial: false }
            })
        }) {
            count_case(&mut t, 6);
        }
    }
    t
}

/// Biểu 02/KQGQ for `period`: every resolution decision made by the period's end and not
/// carried out before it began; its carrying out is the first `enforced` event after it.
pub fn compute_02(complaints: &[ComplaintFact], period: Period) -> Computed {
    let mut t = Computed::new(Template::Kqgq02, period);
    for p in complaints {
        let r = p.record();
        for (i, e) in p.events.iter().enumerate() {
            if !matches!(e.outcome, Outcome::Resolved(_)) || e.on > period.to {
                continue;
            }
            let enforced = p.events[i + 1..]
                .iter()
                .take_while(|n| !matches!(n.outcome, Outcome::Resolved(_)))
                .find(|n| n.outcome == Outcome::Enforced);
            if enforced.is_some_and(|n| n.on < period.from) {
                continue;
            }
            t.count(1, r);
            t.add_money_and_land([3, 4, 7, 8, 9, 10], &e.figures, r);
            let Some(done) = enforced.filter(|n| period.contains(n.on)) else {
                continue;
            };
            t.count(2, r);
            let f = &done.figures;
            t.add_money_and_land([5, 6, 11, 12, 13, 14], f, r);
            for (ms, v) in [
                (15, f.people_disciplined),
                (16, f.officials_disciplined),
                (17, f.referred_to_investigation),
                (18, f.people_referred),
                (19, f.officials_referred),
            ] {
                t.add_figure(ms, v, r);
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

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 10, 1).unwrap() + chrono::Duration::days(n)
    }

    fn arb_event() -> impl Strategy<Value = OutcomeEvent> {
        (0i64..40, 0usize..6, 0i64..3, 0i64..300_000_000).prop_map(|(after, k, n, money)| {
            let outcome = match k {
                0 => Outcome::Resolved(Finding::Right),
                1 => Outcome::Resolved(Finding::Wrong),
                2 => Outcome::Resolved(Finding::PartlyRight),
                3 => Outcome::Withdrawn { partial: n == 0 },
                4 => Outcome::Terminated,
                _ => Outcome::Enforced,
            };
            OutcomeEvent {
                on: day(after),
                outcome,
                figures: Figures {
                    money_recovered: money,
                    people_disciplined: n,
                    ..Figures::default()
                },
            }
        })
    }

    fn arb() -> impl Strategy<Value = ComplaintFact> {
        (
            1i64..200,
            prop::option::of(1i64..20),
            prop::option::of(1u8..3),
            0i64..300,
            prop::option::of(0i64..120),
            prop::collection::vec(arb_event(), 0..4),
        )
            .prop_map(|(id, case_id, instance, accepted, due, events)| {
                let accepted_on = day(accepted);
                let mut events: Vec<OutcomeEvent> = events
                    .into_iter()
                    .map(|mut e| {
                        e.on = accepted_on + (e.on - day(0));
                        e
                    })
                    .collect();
                events.sort_by_key(|e| e.on);
                ComplaintFact {
                    id,
                    case_id,
                    instance,
                    accepted_on,
                    resolve_due: due.map(|d| accepted_on + chrono::Duration::days(d)),
                    events,
                }
            })
    }

    proptest! {
        #[test]
        fn the_sums_of_01_and_02_kqgq_hold_on_any_complaints(
            complaints in prop::collection::vec(arb(), 0..60),
            kind in prop::sample::select(vec![PeriodKind::FirstQuarter, PeriodKind::SixMonths, PeriodKind::Year]),
        ) {
            let period = Period::of(kind, 2026);
            let t = compute_01(&complaints, period);
            prop_assert!(t.broken_identities().is_empty(), "{:?}", t.broken_identities());
            // Every decided case is either on time or late; cases are fewer than petitions.
            prop_assert_eq!(t.value(25) + t.value(26), t.value(5));
            prop_assert!(t.value(5) + t.value(6) <= t.value(4));
            prop_assert!(t.value(4) <= t.value(1));
            let t = compute_02(&complaints, period);
            prop_assert!(t.value(2) <= t.value(1));
        }
    }

    #[test]
    fn a_case_of_two_petitions_is_one_case_classified_by_its_last_decision() {
        let period = Period::of(PeriodKind::FirstQuarter, 2026);
        let resolved = |on, finding, money| OutcomeEvent {
            on,
            outcome: Outcome::Resolved(finding),
            figures: Figures {
                money_recovered: money,
                ..Figures::default()
            },
        };
        let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
        let complaints = [
            ComplaintFact {
                id: 1,
                case_id: Some(7),
                instance: Some(1),
                accepted_on: d(1, 5),
                resolve_due: Some(d(2, 4)),
                events: vec![resolved(d(2, 1), Finding::Right, 5_000_000)],
            },
            ComplaintFact {
                id: 2,
                case_id: Some(7),
                instance: Some(2),
                accepted_on: d(2, 10),
                resolve_due: Some(d(3, 1)),
                events: vec![resolved(d(3, 5), Finding::Wrong, 2_500_000)],
            },
        ];
        let t = compute_01(&complaints, period);
        assert_eq!((t.value(1), t.value(4), t.value(5)), (2, 1, 1));
        assert_eq!((t.value(20), t.value(23), t.value(26)), (0, 1, 1));
        assert_eq!(t.value(7), 2_500_000, "the figures of the decision counted");
        assert_eq!(t.records_of(4).len(), 2, "both petitions behind the case");
        assert_eq!(Template::Kqgq01.text(7, t.value(7)), "2,5");
        let t = compute_02(&complaints, period);
        assert_eq!((t.value(1), t.value(2), t.value(3)), (2, 0, 7_500_000));
    }
}
