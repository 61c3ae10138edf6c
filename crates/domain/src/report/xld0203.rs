//! Biểu 02/XLD (complaints) and 03/XLD (denunciations): the same petitions as 01/XLD, of
//! one kind; from MS 8 on they count cases, each classified by its first eligible petition
//! (`docs/reports.md`). One computation, the two templates differing only in their columns
//! and in how a case is classified.

use super::cases::{self, CaseTable};
use super::period::Period;
use super::xld01::PetitionFact;
use super::{Column, Computed, Identity, Template};
use crate::deadline::Action;
use crate::visit::{Field, PetitionKind};

const PHAI: &str = "Tổng số đơn phải xử lý";
const DA: &str = "Đơn đã xử lý";
const DDK: &str = "Đủ điều kiện xử lý";
const ND: &str = "Phân loại vụ việc theo nội dung";
const HC: &str = "Lĩnh vực hành chính";
const KQ: &str = "Kết quả xử lý";
const THQ: &str = "Vụ việc thuộc thẩm quyền";
const KTHQ: &str = "Vụ việc không thuộc thẩm quyền";
const PD: &str = "Số văn bản phúc đáp nhận được do chuyển đơn";

macro_rules! common_columns {
    () => {
        [
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
                header: &[DA, "Tổng"],
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
        ]
    };
}

const TT02: &str = "Phân loại vụ việc theo tình trạng giải quyết";

pub const COLUMNS_02: &[Column] = &{
    let c = common_columns!();
    [
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        c[5],
        c[6],
        c[7],
        Column {
            ms: 9,
            header: &[ND, HC, "Tổng"],
        },
        Column {
            ms: 10,
            header: &[ND, HC, "Chế độ, chính sách"],
        },
        Column {
            ms: 11,
            header: &[ND, HC, "Đất đai, nhà cửa"],
        },
        Column {
            ms: 12,
            header: &[ND, HC, "Khác"],
        },
        Column {
            ms: 13,
            header: &[ND, "Lĩnh vực tư pháp"],
        },
        Column {
            ms: 14,
            header: &[ND, "Lĩnh vực Đảng, đoàn thể"],
        },
        Column {
            ms: 15,
            header: &[ND, "Lĩnh vực khác"],
        },
        Column {
            ms: 16,
            header: &[TT02, "Đã giải quyết", "Lần đầu"],
        },
        Column {
            ms: 17,
            header: &[TT02, "Đã giải quyết", "Lần 2"],
        },
        Column {
            ms: 18,
            header: &[TT02, "Đã giải quyết", "Đã có bản án của tòa"],
        },
        Column {
            ms: 19,
            header: &[TT02, "Đang giải quyết"],
        },
        Column {
            ms: 20,
            header: &[TT02, "Chưa giải quyết"],
        },
        Column {
            ms: 21,
            header: &[KQ, THQ, "Tổng"],
        },
        Column {
            ms: 22,
            header: &[KQ, THQ, "Lần đầu"],
        },
        Column {
            ms: 23,
            header: &[KQ, THQ, "Lần 2"],
        },
        Column {
            ms: 24,
            header: &[KQ, KTHQ, "Tổng"],
        },
        Column {
            ms: 25,
            header: &[KQ, KTHQ, "Hướng dẫn"],
        },
        Column {
            ms: 26,
            header: &[KQ, KTHQ, "Đôn đốc giải quyết"],
        },
        Column {
            ms: 27,
            header: &[PD],
        },
    ]
};

const TT03: &str = "Phân loại vụ việc tố cáo theo tình trạng giải quyết";

pub const COLUMNS_03: &[Column] = &{
    let c = common_columns!();
    [
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        c[5],
        c[6],
        c[7],
        Column {
            ms: 9,
            header: &[ND, HC, "Tổng cộng"],
        },
        Column {
            ms: 10,
            header: &[ND, HC, "Chế độ, chính sách"],
        },
        Column {
            ms: 11,
            header: &[ND, HC, "Đất đai, nhà cửa"],
        },
        Column {
            ms: 12,
            header: &[ND, HC, "Công chức, công vụ"],
        },
        Column {
            ms: 13,
            header: &[ND, HC, "Khác"],
        },
        Column {
            ms: 14,
            header: &[ND, "Tham nhũng"],
        },
        Column {
            ms: 15,
            header: &[ND, "Lĩnh vực Tư pháp"],
        },
        Column {
            ms: 16,
            header: &[ND, "Lĩnh vực Đảng, đoàn thể"],
        },
        Column {
            ms: 17,
            header: &[ND, "Lĩnh vực khác"],
        },
        Column {
            ms: 18,
            header: &[TT03, "Tố cáo tiếp", "Quá thời hạn chưa giải quyết"],
        },
        Column {
            ms: 19,
            header: &[TT03, "Tố cáo tiếp", "Đã có kết luận giải quyết"],
        },
        Column {
            ms: 20,
            header: &[TT03, "Chưa giải quyết"],
        },
        Column {
            ms: 21,
            header: &[KQ, THQ, "Tổng số"],
        },
        Column {
            ms: 22,
            header: &[KQ, THQ, "Tố cáo lần đầu"],
        },
        Column {
            ms: 23,
            header: &[KQ, THQ, "Tố cáo tiếp"],
        },
        Column {
            ms: 24,
            header: &[KQ, KTHQ, "Tổng số"],
        },
        Column {
            ms: 25,
            header: &[KQ, KTHQ, "Chuyển đơn"],
        },
        Column {
            ms: 26,
            header: &[KQ, KTHQ, "Đôn đốc giải quyết"],
        },
        Column {
            ms: 27,
            header: &[PD],
        },
    ]
};

pub const IDENTITIES_02: &[Identity] = &[
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
        parts: &[9, 13, 14, 15],
    },
    Identity {
        total: 8,
        parts: &[16, 17, 18, 19, 20],
    },
    Identity {
        total: 8,
        parts: &[21, 24],
    },
    Identity {
        total: 9,
        parts: &[10, 11, 12],
    },
    Identity {
        total: 21,
        parts: &[22, 23],
    },
    Identity {
        total: 24,
        parts: &[25, 26],
    },
];

pub const IDENTITIES_03: &[Identity] = &[
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
        parts: &[9, 14, 15, 16, 17],
    },
    Identity {
        total: 8,
        parts: &[18, 19, 20],
    },
    Identity {
        total: 8,
        parts: &[21, 24],
    },
    Identity {
        total: 9,
        parts: &[10, 11, 12, 13],
    },
    Identity {
        total: 21,
        parts: &[22, 23],
    },
    Identity {
        total: 24,
        parts: &[25, 26],
    },
];

fn classify_02(p: &PetitionFact, action: Action) -> Vec<u16> {
    let content = match p.field {
        Field::Policy => vec![9, 10],
        Field::Land => vec![9, 11],
        Field::Judicial => vec![13],
        Field::Party => vec![14],
        Field::Other => vec![15],
        _ => vec![9, 12],
    };
    let second = p.instance == Some(2);
    let status = if p.court_accepted {
        18
    } else if p.case_resolutions > 0 {
        if second { 17 } else { 16 }
    } else if action == Action::Accept {
        19
    } else {
        20
    };
    let result = if matches!(action, Action::Accept | Action::Decline) {
        [21, if second { 23 } else { 22 }]
    } else {
        [24, if action == Action::Remind { 26 } else { 25 }]
    };
    [content, vec![status], result.to_vec()].concat()
}

fn classify_03(p: &PetitionFact, action: Action) -> Vec<u16> {
    let repeat = p.earlier_in_case > 0;
    let content = match p.field {
        Field::Policy => vec![9, 10],
        Field::Land => vec![9, 11],
        Field::CivilService => vec![9, 12],
        Field::OtherAdmin => vec![9, 13],
        Field::Corruption => vec![14],
        Field::Judicial => vec![15],
        Field::Party => vec![16],
        Field::Other => vec![17],
    };
    let status = match (repeat, p.case_resolutions > 0) {
        (_, true) => 19,
        (true, false) => 18,
        (false, false) => 20,
    };
    let result = if matches!(action, Action::Accept | Action::Decline) {
        [21, if repeat { 23 } else { 22 }]
    } else {
        [24, if action == Action::Remind { 26 } else { 25 }]
    };
    [content, vec![status], result.to_vec()].concat()
}

/// Biểu 02/XLD or 03/XLD for `period`.
pub fn compute(template: Template, petitions: &[PetitionFact], period: Period) -> Computed {
    let table = match template {
        Template::Xld02 => CaseTable {
            template,
            kinds: &[PetitionKind::Complaint],
            replies: Some(27),
            classify: classify_02,
        },
        _ => CaseTable {
            template: Template::Xld03,
            kinds: &[PetitionKind::Denunciation],
            replies: Some(27),
            classify: classify_03,
        },
    };
    cases::compute(&table, petitions, period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::period::PeriodKind;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn arb(kind: PetitionKind) -> impl Strategy<Value = PetitionFact> {
        let actions = [
            Action::Accept,
            Action::Decline,
            Action::Transfer,
            Action::Guide,
            Action::Return,
            Action::File,
            Action::Remind,
        ];
        let fields = [
            Field::Policy,
            Field::Land,
            Field::CivilService,
            Field::Corruption,
            Field::Judicial,
            Field::Party,
            Field::OtherAdmin,
            Field::Other,
        ];
        (
            1i64..300,
            prop::option::of(1i64..40),
            0i64..400,
            0usize..8,
            prop::option::of((0i64..60, 0usize..7)),
            (0u32..3, 0u32..3, any::<bool>(), prop::option::of(1u8..3)),
        )
            .prop_map(
                move |(id, case_id, day, field, handled, (res, earlier, court, instance))| {
                    let received_on =
                        NaiveDate::from_ymd_opt(2025, 10, 1).unwrap() + chrono::Duration::days(day);
                    PetitionFact {
                        id,
                        case_id,
                        received_on,
                        kind,
                        field: fields[field],
                        instance,
                        court_accepted: court,
                        earlier_in_case: earlier,
                        handled: handled.map(|(after, a)| {
                            (received_on + chrono::Duration::days(after), actions[a])
                        }),
                        case_resolutions: res,
                        replies: Vec::new(),
                    }
                },
            )
    }

    #[test]
    fn a_case_is_classified_by_its_first_petition_whatever_order_the_facts_come_in() {
        let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
        let petition = |id, received_on, handled| PetitionFact {
            id,
            case_id: Some(9),
            received_on,
            kind: PetitionKind::Denunciation,
            field: Field::CivilService,
            instance: None,
            court_accepted: false,
            earlier_in_case: 0,
            handled: Some(handled),
            case_resolutions: 0,
            replies: Vec::new(),
        };
        // Carried over (received 10/03, accepted 20/03) and new (16/03, guided 18/03).
        let carried = petition(1, d(3, 10), (d(3, 20), Action::Accept));
        let new = petition(2, d(3, 16), (d(3, 18), Action::Guide));
        let q2 = Period::of(PeriodKind::SecondQuarter, 2026);
        for facts in [[carried.clone(), new.clone()], [new, carried]] {
            let t = compute(Template::Xld03, &facts, q2);
            assert_eq!((t.value(8), t.value(21), t.value(24)), (1, 1, 0));
        }
    }

    proptest! {
        #[test]
        fn the_sums_of_02_and_03_hold_on_any_petitions(
            complaints in prop::collection::vec(arb(PetitionKind::Complaint), 0..60),
            denunciations in prop::collection::vec(arb(PetitionKind::Denunciation), 0..60),
        ) {
            let all: Vec<PetitionFact> = complaints.into_iter().chain(denunciations).collect();
            for template in [Template::Xld02, Template::Xld03] {
                let t = compute(template, &all, Period::of(PeriodKind::SixMonths, 2026));
                prop_assert!(t.broken_identities().is_empty(), "{:?} {:?}", template, t.broken_identities());
            }
        }
    }
}
