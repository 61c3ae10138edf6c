//! Biểu 03/KQGQ: the results of resolving the denunciations the commune accepted (tổng hợp
//! kết quả giải quyết tố cáo thuộc thẩm quyền). Its layout follows the practice set of the
//! earlier circulars (LEGAL.md §4b, UNCONFIRMED for Thông tư 01/2024, which publishes the
//! complaint tables only) and keeps only the columns the records can fill: a renewed
//! denunciation (tố cáo tiếp) is not told apart at intake, so it has no column. It reads the
//! same facts as 01/KQGQ, of accepted denunciations: petitions in MS 1–3, cases from MS 4.

use std::collections::BTreeMap;

use super::kqgq::{ComplaintFact, Outcome};
use super::period::Period;
use super::{Column, Computed, Identity, RecordRef, Template};
use crate::outcome::Finding;

const DON: &str = "Đơn tố cáo thuộc thẩm quyền";
const KQ: &str = "Kết quả giải quyết";
const DA: &str = "Đã giải quyết";
const THU: &str = "Kiến nghị thu hồi cho Nhà nước";
const TRA: &str = "Trả lại cho tổ chức, cá nhân";
const XLHC: &str = "Kiến nghị xử lý hành chính";
const DT: &str = "Chuyển cơ quan điều tra";
const PT: &str = "Phân tích kết quả (vụ việc)";
const TH: &str = "Chấp hành thời hạn giải quyết";
const TIEN: &str = "Tiền (Trđ)";
const DAT: &str = "Đất (m2)";
const CBCC: &str = "Trong đó số cán bộ, công chức, viên chức";

pub const COLUMNS: &[Column] = &[
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
        header: &["Tổng số vụ việc tố cáo thuộc thẩm quyền"],
    },
    Column {
        ms: 5,
        header: &[KQ, DA, "Tổng số"],
    },
    Column {
        ms: 6,
        header: &[KQ, DA, "Bằng kết luận nội dung tố cáo"],
    },
    Column {
        ms: 7,
        header: &[KQ, DA, "Rút toàn bộ nội dung tố cáo"],
    },
    Column {
        ms: 8,
        header: &[KQ, DA, "Đình chỉ không do rút tố cáo"],
    },
    Column {
        ms: 9,
        header: &[KQ, "Chưa giải quyết xong"],
    },
    Column {
        ms: 10,
        header: &[KQ, THU, TIEN],
    },
    Column {
        ms: 11,
        header: &[KQ, THU, DAT],
    },
    Column {
        ms: 12,
        header: &[KQ, TRA, "Tổ chức", TIEN],
    },
    Column {
        ms: 13,
        header: &[KQ, TRA, "Tổ chức", DAT],
    },
    Column {
        ms: 14,
        header: &[KQ, TRA, "Cá nhân", TIEN],
    },
    Column {
        ms: 15,
        header: &[KQ, TRA, "Cá nhân", DAT],
    },
    Column {
        ms: 16,
        header: &[KQ, TRA, "Số tổ chức được trả lại quyền lợi"],
    },
    Column {
        ms: 17,
        header: &[KQ, TRA, "Số cá nhân được trả lại quyền lợi"],
    },
    Column {
        ms: 18,
        header: &[KQ, XLHC, "Tổng số người"],
    },
    Column {
        ms: 19,
        header: &[KQ, XLHC, CBCC],
    },
    Column {
        ms: 20,
        header: &[KQ, DT, "Số vụ"],
    },
    Column {
        ms: 21,
        header: &[KQ, DT, "Số đối tượng"],
    },
    Column {
        ms: 22,
        header: &[KQ, DT, CBCC],
    },
    Column {
        ms: 23,
        header: &[PT, "Tố cáo đúng"],
    },
    Column {
        ms: 24,
        header: &[PT, "Tố cáo sai"],
    },
    Column {
        ms: 25,
        header: &[PT, "Tố cáo có đúng, có sai"],
    },
    Column {
        ms: 26,
        header: &[TH, "Đúng quy định"],
    },
    Column {
        ms: 27,
        header: &[TH, "Không đúng quy định"],
    },
];

pub const IDENTITIES: &[Identity] = &[
    Identity {
        total: 1,
        parts: &[2, 3],
    },
    Identity {
        total: 4,
        parts: &[5, 9],
    },
    Identity {
        total: 5,
        parts: &[6, 7, 8],
    },
    Identity {
        total: 6,
        parts: &[23, 24, 25],
    },
];

/// Biểu 03/KQGQ for `period`, from the accepted denunciations.
pub fn compute(denunciations: &[ComplaintFact], period: Period) -> Computed {
    let mut t = Computed::new(Template::Kqgq03, period);
    let mut cases: BTreeMap<i64, Vec<&ComplaintFact>> = BTreeMap::new();
    for p in denunciations {
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
        let in_period = || {
            members
                .iter()
                .flat_map(|p| p.events.iter().map(move |e| (*p, e)))
                .filter(|(_, e)| period.contains(e.on))
        };
        // The case's conclusion in the period (the last), else how it otherwise ended.
        let conclusion = in_period()
            .filter_map(|(p, e)| match e.outcome {
                Outcome::Resolved(finding) => Some((p, e, finding)),
                _ => None,
            })
            .max_by_key(|(p, e, _)| (e.on, p.id));
        if let Some((p, e, finding)) = conclusion {
            let class = match finding {
                Finding::Right => 23,
                Finding::Wrong => 24,
                Finding::PartlyRight => 25,
            };
            let on_time = p.resolve_due.is_none_or(|due| e.on <= due);
            for ms in [5, 6, class, if on_time { 26 } else { 27 }] {
                count_case(&mut t, ms);
            }
            let f = &e.figures;
            let r = p.record();
            t.add_money_and_land([10, 11, 12, 13, 14, 15], f, r);
            for (ms, v) in [
                (16, f.orgs_benefited),
                (17, f.people_benefited),
                (18, f.people_disciplined),
                (19, f.officials_disciplined),
                (20, f.referred_to_investigation),
                (21, f.people_referred),
                (22, f.officials_referred),
            ] {
                t.add_figure(ms, v, r);
            }
        } else if in_period().any(|(_, e)| e.outcome == Outcome::Withdrawn { partial: false }) {
            count_case(&mut t, 5);
            count_case(&mut t, 7);
        } else if in_period().any(|(_, e)| e.outcome == Outcome::Terminated) {
            count_case(&mut t, 5);
            count_case(&mut t, 8);
        } else {
            count_case(&mut t, 9);
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Figures;
    use crate::report::kqgq::OutcomeEvent;
    use crate::report::period::PeriodKind;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn fact(
        id: i64,
        accepted: NaiveDate,
        due: NaiveDate,
        events: Vec<(NaiveDate, Outcome)>,
    ) -> ComplaintFact {
        ComplaintFact {
            id,
            case_id: None,
            instance: None,
            accepted_on: accepted,
            resolve_due: Some(due),
            events: events
                .into_iter()
                .map(|(on, outcome)| OutcomeEvent {
                    on,
                    outcome,
                    figures: Figures {
                        people_disciplined: 1,
                        ..Figures::default()
                    },
                })
                .collect(),
        }
    }

    #[test]
    fn each_accepted_denunciation_is_counted_by_how_it_ended_and_the_sums_hold() {
        let period = Period::of(PeriodKind::SixMonths, 2026);
        let facts = vec![
            // Carried over, concluded right and on time.
            fact(
                1,
                d(1, 5) - chrono::Days::new(30),
                d(2, 1),
                vec![(d(1, 20), Outcome::Resolved(Finding::Right))],
            ),
            // Received in the period, concluded wrong, late.
            fact(
                2,
                d(2, 1),
                d(3, 3),
                vec![(d(3, 10), Outcome::Resolved(Finding::Wrong))],
            ),
            // Withdrawn whole; terminated; still open.
            fact(
                3,
                d(3, 1),
                d(4, 1),
                vec![(d(3, 5), Outcome::Withdrawn { partial: false })],
            ),
            fact(4, d(3, 1), d(4, 1), vec![(d(3, 6), Outcome::Terminated)]),
            fact(5, d(5, 1), d(6, 30), vec![]),
            // Concluded before the period: not in it.
            fact(
                6,
                d(1, 1) - chrono::Days::new(60),
                d(1, 1),
                vec![(
                    d(1, 1) - chrono::Days::new(20),
                    Outcome::Resolved(Finding::Right),
                )],
            ),
        ];
        let t = compute(&facts, period);
        let v = |ms| t.value(ms);
        assert_eq!((v(1), v(2), v(3), v(4)), (5, 1, 4, 5));
        assert_eq!((v(5), v(6), v(7), v(8), v(9)), (4, 2, 1, 1, 1));
        assert_eq!((v(23), v(24), v(25)), (1, 1, 0));
        assert_eq!((v(26), v(27)), (1, 1));
        assert_eq!(v(18), 2, "the figures of the two conclusions");
        for id in IDENTITIES {
            let sum: i64 = id.parts.iter().map(|&p| v(p)).sum();
            assert_eq!(v(id.total), sum, "{} = {:?}", id.total, id.parts);
        }
        assert_eq!(t.records_of(9).len(), 1);
    }
}
