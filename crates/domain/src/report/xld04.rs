//! Biểu 04/XLD: the results of handling recommendations and feedback (kiến nghị, phản ánh).
//! The same petitions as 01/XLD, of those two kinds (`docs/reports.md`); the content, status
//! and result columns count cases (vụ việc), each classified by its first eligible petition.

use super::cases::{self, CaseTable};
use super::period::Period;
use super::xld01::PetitionFact;
use super::{Column, Computed, Identity, Template};
use crate::deadline::Action;
use crate::visit::{Field, PetitionKind};

const PHAI: &str = "Tổng số đơn phải xử lý";
const DA: &str = "Đã xử lý trong kỳ";
const DDK: &str = "Đủ điều kiện xử lý";
const ND: &str = "Phân loại vụ việc theo nội dung";
const TT: &str = "Phân loại vụ việc theo tình trạng giải quyết";
const KQ: &str = "Kết quả xử lý";
const KTHQ: &str = "Vụ việc không thuộc thẩm quyền";
const GQ: &str = "Kết quả giải quyết vụ việc thẩm quyền";

pub const COLUMNS: &[Column] = &[
    Column {
        ms: 1,
        header: &[PHAI, "Tổng số đơn"],
    },
    Column {
        ms: 2,
        header: &[PHAI, "Đơn kỳ trước chuyển sang"],
    },
    Column {
        ms: 3,
        header: &[PHAI, "Đơn tiếp nhận trong kỳ"],
    },
    Column {
        ms: 4,
        header: &[DA, "Tổng số"],
    },
    Column {
        ms: 5,
        header: &[DA, "Đơn kỳ trước chuyển sang"],
    },
    Column {
        ms: 6,
        header: &[DA, "Đơn tiếp nhận trong kỳ"],
    },
    Column {
        ms: 7,
        header: &[DDK, "Số đơn"],
    },
    Column {
        ms: 8,
        header: &[DDK, "Số vụ việc"],
    },
    Column {
        ms: 9,
        header: &[ND, "Chế độ, chính sách"],
    },
    Column {
        ms: 10,
        header: &[ND, "Đất đai"],
    },
    Column {
        ms: 11,
        header: &[ND, "Tư pháp"],
    },
    Column {
        ms: 12,
        header: &[ND, "Khác"],
    },
    Column {
        ms: 13,
        header: &[TT, "Đã được giải quyết"],
    },
    Column {
        ms: 14,
        header: &[TT, "Chưa được giải quyết"],
    },
    Column {
        ms: 15,
        header: &[KQ, "Vụ việc thuộc thẩm quyền"],
    },
    Column {
        ms: 16,
        header: &[KQ, KTHQ, "Tổng số"],
    },
    Column {
        ms: 17,
        header: &[KQ, KTHQ, "Chuyển đơn"],
    },
    Column {
        ms: 18,
        header: &[KQ, KTHQ, "Đôn đốc giải quyết"],
    },
    Column {
        ms: 19,
        header: &[GQ, "Số vụ việc đã được giải quyết"],
    },
    Column {
        ms: 20,
        header: &[GQ, "Số vụ việc chưa giải quyết"],
    },
];

pub const IDENTITIES: &[Identity] = &[
    Identity {
        total: 1,
        parts: &[2, 3],
    },
    Identity {
        total: 4,
        parts: &[5, 6],
    },
    Identity {
        total: 8,
        parts: &[9, 10, 11, 12],
    },
    Identity {
        total: 8,
        parts: &[13, 14],
    },
    Identity {
        total: 8,
        parts: &[15, 16],
    },
    Identity {
        total: 16,
        parts: &[17, 18],
    },
];

fn classify(first: &PetitionFact, action: Action) -> Vec<u16> {
    let content = match first.field {
        Field::Policy => 9,
        Field::Land => 10,
        Field::Judicial => 11,
        _ => 12,
    };
    let resolved = first.case_resolutions > 0;
    let mut columns = vec![content, if resolved { 13 } else { 14 }];
    if matches!(action, Action::Accept | Action::Decline) {
        columns.extend([15, if resolved { 19 } else { 20 }]);
    } else {
        columns.extend([16, if action == Action::Remind { 18 } else { 17 }]);
    }
    columns
}

/// Biểu 04/XLD for `period`.
pub fn compute(petitions: &[PetitionFact], period: Period) -> Computed {
    let table = CaseTable {
        template: Template::Xld04,
        kinds: &[PetitionKind::Recommendation, PetitionKind::Feedback],
        replies: None,
        classify,
    };
    cases::compute(&table, petitions, period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::period::PeriodKind;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[allow(clippy::too_many_arguments)]
    fn p(
        id: i64,
        case: i64,
        received: &str,
        kind: PetitionKind,
        field: Field,
        handled: Option<(&str, Action)>,
        resolutions: u32,
    ) -> PetitionFact {
        PetitionFact {
            id,
            case_id: Some(case),
            received_on: d(received),
            kind,
            field,
            instance: None,
            court_accepted: false,
            earlier_in_case: 0,
            handled: handled.map(|(on, a)| (d(on), a)),
            case_resolutions: resolutions,
            replies: Vec::new(),
        }
    }

    #[test]
    fn each_column_counts_cases_of_recommendations_and_feedback() {
        use Action::*;
        use Field::*;
        use PetitionKind::*;
        let period = Period::of(PeriodKind::SixMonths, 2026);
        let rows = [
            // Carried over and accepted; the case resolved.
            p(
                1,
                1,
                "2025-12-01",
                Recommendation,
                Policy,
                Some(("2026-01-05", Accept)),
                1,
            ),
            // Same case, received in the period, also accepted: one case.
            p(
                2,
                1,
                "2026-02-01",
                Feedback,
                Policy,
                Some(("2026-02-03", Accept)),
                1,
            ),
            // Transferred (land), reminded (judicial), guided (other): outside competence.
            p(
                3,
                3,
                "2026-02-10",
                Feedback,
                Land,
                Some(("2026-02-11", Transfer)),
                0,
            ),
            p(
                4,
                4,
                "2026-03-10",
                Feedback,
                Judicial,
                Some(("2026-03-11", Remind)),
                0,
            ),
            p(
                5,
                5,
                "2026-03-12",
                Recommendation,
                OtherAdmin,
                Some(("2026-03-13", Guide)),
                0,
            ),
            // Filed, unhandled, a complaint (not in this table), after the period.
            p(
                6,
                6,
                "2026-04-01",
                Feedback,
                Policy,
                Some(("2026-04-02", File)),
                0,
            ),
            p(7, 7, "2026-05-01", Feedback, Policy, None, 0),
            p(
                8,
                8,
                "2026-05-01",
                Complaint,
                Policy,
                Some(("2026-05-02", Accept)),
                0,
            ),
            p(9, 9, "2026-06-15", Feedback, Policy, None, 0),
            // Accepted and not yet resolved.
            p(
                10,
                10,
                "2026-06-01",
                Recommendation,
                Land,
                Some(("2026-06-02", Decline)),
                0,
            ),
        ];
        let t = compute(&rows, period);
        #[rustfmt::skip]
        let expected = [8, 1, 7, 7, 1, 6, 6, 5, 1, 2, 1, 1, 1, 4, 2, 3, 2, 1, 1, 1];
        let got: Vec<i64> = (1..=20).map(|ms| t.value(ms)).collect();
        assert_eq!(got, expected);
        assert!(t.broken_identities().is_empty());
        // The policy case leads to both of its petitions.
        let ids: Vec<i64> = t.records_of(9).iter().map(|r| r.id).collect();
        assert_eq!(ids, [1, 2]);
    }
}
