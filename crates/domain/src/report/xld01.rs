//! Biểu 01/XLD: the results of handling petitions (xử lý đơn). What each column counts is
//! written in `docs/reports.md`; in short: a petition must be handled in the period when it
//! was received in it, or received before and not yet handled when the period began
//! (carried over); it was handled when its first handling decision falls on or before the
//! period's end; handled petitions other than those filed (lưu đơn) are eligible; a case
//! counts once; the decision decides "thuộc thẩm quyền" (accept, decline) or not (guide;
//! transfer and return; remind); replies are the `reply_received` events of the period.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::period::Period;
use super::{Column, Computed, Identity, RecordKind, RecordRef, Template};
use crate::deadline::Action;
use crate::visit::{Field, PetitionKind};

const PHAI: &str = "Tổng số đơn phải xử lý";
const DDK: &str = "Đủ điều kiện xử lý";
const ND: &str = "Phân loại đơn theo nội dung";
const TT: &str = "Phân loại đơn theo tình trạng giải quyết";
const KQ: &str = "Kết quả xử lý đơn";
const THQ: &str = "Đơn thuộc thẩm quyền";
const KTHQ: &str = "Đơn không thuộc thẩm quyền";

pub const COLUMNS: &[Column] = &[
    Column {
        ms: 1,
        header: &[PHAI, "Tổng số đơn"],
    },
    Column {
        ms: 2,
        header: &[PHAI, "Kỳ trước chuyển sang"],
    },
    Column {
        ms: 3,
        header: &[PHAI, "Tiếp nhận trong kỳ"],
    },
    Column {
        ms: 4,
        header: &["Số đơn đã xử lý"],
    },
    Column {
        ms: 5,
        header: &["Số đơn chưa xử lý (chuyển kỳ sau xử lý)"],
    },
    Column {
        ms: 6,
        header: &[DDK, "Số đơn"],
    },
    Column {
        ms: 7,
        header: &[DDK, "Số vụ việc"],
    },
    Column {
        ms: 8,
        header: &[ND, "Khiếu nại"],
    },
    Column {
        ms: 9,
        header: &[ND, "Tố cáo"],
    },
    Column {
        ms: 10,
        header: &[ND, "Kiến nghị, phản ánh"],
    },
    Column {
        ms: 11,
        header: &[TT, "Đã giải quyết", "Lần đầu"],
    },
    Column {
        ms: 12,
        header: &[TT, "Đã giải quyết", "Nhiều lần"],
    },
    Column {
        ms: 13,
        header: &[TT, "Chưa giải quyết xong"],
    },
    Column {
        ms: 14,
        header: &[KQ, THQ, "Tổng số"],
    },
    Column {
        ms: 15,
        header: &[KQ, THQ, "Khiếu nại"],
    },
    Column {
        ms: 16,
        header: &[KQ, THQ, "Tố cáo"],
    },
    Column {
        ms: 17,
        header: &[KQ, THQ, "Kiến nghị, phản ánh"],
    },
    Column {
        ms: 18,
        header: &[KQ, KTHQ, "Tổng số"],
    },
    Column {
        ms: 19,
        header: &[KQ, KTHQ, "Hướng dẫn"],
    },
    Column {
        ms: 20,
        header: &[KQ, KTHQ, "Chuyển đơn"],
    },
    Column {
        ms: 21,
        header: &[KQ, KTHQ, "Đôn đốc giải quyết"],
    },
    Column {
        ms: 22,
        header: &["Số văn bản phúc đáp nhận được do chuyển đơn"],
    },
];

pub const IDENTITIES: &[Identity] = &[
    Identity {
        total: 1,
        parts: &[2, 3],
    },
    Identity {
        total: 1,
        parts: &[4, 5],
    },
    Identity {
        total: 6,
        parts: &[8, 9, 10],
    },
    Identity {
        total: 6,
        parts: &[11, 12, 13],
    },
    Identity {
        total: 6,
        parts: &[14, 18],
    },
    Identity {
        total: 14,
        parts: &[15, 16, 17],
    },
    Identity {
        total: 18,
        parts: &[19, 20, 21],
    },
];

/// What 01/XLD reads of a petition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetitionFact {
    pub id: i64,
    pub case_id: Option<i64>,
    pub received_on: NaiveDate,
    pub kind: PetitionKind,
    pub field: Field,
    /// Complaints: 1 or 2.
    pub instance: Option<u8>,
    /// A court has accepted the same matter.
    pub court_accepted: bool,
    /// Petitions of the same case received before this one (read for handled
    /// denunciations only: 03/XLD is the one table that looks at it).
    pub earlier_in_case: u32,
    /// The first handling decision: its date and action.
    pub handled: Option<(NaiveDate, Action)>,
    /// Resolution decisions on the petition's case up to the period's end.
    pub case_resolutions: u32,
    /// The dates replies were received from bodies the petition was transferred to.
    pub replies: Vec<NaiveDate>,
}

/// Where a petition stands in a period: carried over or received in it, and its first
/// handling's action when that falls on or before the period's end.
pub(super) struct InScope {
    pub carried: bool,
    pub handled: Option<Action>,
}

/// `None` when the petition is not to be handled in `period` (received after it, or
/// received and handled before it began).
pub(super) fn scope(p: &PetitionFact, period: Period) -> Option<InScope> {
    if p.received_on > period.to {
        return None;
    }
    let handled_on = p.handled.map(|(on, _)| on);
    let carried = p.received_on < period.from && handled_on.is_none_or(|on| on >= period.from);
    if !carried && !period.contains(p.received_on) {
        return None;
    }
    Some(InScope {
        carried,
        handled: p.handled.filter(|(on, _)| *on <= period.to).map(|(_, a)| a),
    })
}

pub(super) fn petition(p: &PetitionFact) -> RecordRef {
    RecordRef {
        kind: RecordKind::Petition,
        id: p.id,
    }
}

fn kind_column(kind: PetitionKind, complaint: u16) -> u16 {
    match kind {
        PetitionKind::Complaint => complaint,
        PetitionKind::Denunciation => complaint + 1,
        PetitionKind::Recommendation | PetitionKind::Feedback => complaint + 2,
    }
}

/// Biểu 01/XLD for `period`.
pub fn compute(petitions: &[PetitionFact], period: Period) -> Computed {
    let mut t = Computed::new(Template::Xld01, period);
    let mut cases = BTreeSet::new();
    for p in petitions {
        for on in &p.replies {
            if period.contains(*on) {
                t.count(22, petition(p));
            }
        }
        let Some(InScope { carried, handled }) = scope(p, period) else {
            continue;
        };
        let r = petition(p);
        t.count(1, r);
        t.count(if carried { 2 } else { 3 }, r);
        let Some(action) = handled else {
            t.count(5, r);
            continue;
        };
        t.count(4, r);
        if action == Action::File {
            continue;
        }
        t.count(6, r);
        if cases.insert(p.case_id.unwrap_or(-p.id)) {
            t.count(7, r);
        } else {
            let i = t.index(7);
            t.records[i].push(r);
        }
        t.count(kind_column(p.kind, 8), r);
        t.count(
            match p.case_resolutions {
                0 => 13,
                1 => 11,
                _ => 12,
            },
            r,
        );
        match action {
            Action::Accept | Action::Decline => {
                t.count(14, r);
                t.count(kind_column(p.kind, 15), r);
            }
            other => {
                t.count(18, r);
                t.count(
                    match other {
                        Action::Guide => 19,
                        Action::Remind => 21,
                        _ => 20,
                    },
                    r,
                );
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

    fn p(
        id: i64,
        case: i64,
        received: &str,
        kind: PetitionKind,
        handled: Option<(&str, Action)>,
    ) -> PetitionFact {
        PetitionFact {
            id,
            case_id: Some(case),
            received_on: d(received),
            kind,
            field: Field::Land,
            instance: None,
            court_accepted: false,
            earlier_in_case: 0,
            handled: handled.map(|(on, a)| (d(on), a)),
            case_resolutions: 0,
            replies: Vec::new(),
        }
    }

    #[test]
    fn each_column_counts_what_docs_reports_says() {
        use Action::*;
        use PetitionKind::*;
        let period = Period::of(PeriodKind::SixMonths, 2026);
        let mut rows = vec![
            // Carried over: received before, handled in the period (accept).
            p(1, 1, "2025-12-01", Complaint, Some(("2026-01-10", Accept))),
            // Handled before the period: not counted.
            p(2, 2, "2025-11-01", Complaint, Some(("2025-12-10", Accept))),
            // Carried over and still not handled.
            p(3, 3, "2025-12-10", Feedback, None),
            // Received in the period: a transfer with two replies, one after the period.
            p(
                4,
                4,
                "2026-02-01",
                Denunciation,
                Some(("2026-02-03", Transfer)),
            ),
            // Same case as 4, guided.
            p(
                5,
                4,
                "2026-02-05",
                Denunciation,
                Some(("2026-02-06", Guide)),
            ),
            // Filed: handled but not eligible.
            p(6, 6, "2026-03-01", Denunciation, Some(("2026-03-02", File))),
            // A reminder, a return and a decline.
            p(
                7,
                7,
                "2026-04-01",
                Recommendation,
                Some(("2026-04-02", Remind)),
            ),
            p(8, 8, "2026-04-05", Feedback, Some(("2026-04-06", Return))),
            p(9, 9, "2026-05-01", Complaint, Some(("2026-05-02", Decline))),
            // Received in the period, handled after it.
            p(
                10,
                10,
                "2026-06-10",
                Complaint,
                Some(("2026-06-20", Accept)),
            ),
            // Received after the period.
            p(11, 11, "2026-06-15", Complaint, None),
        ];
        rows[3].replies = vec![d("2026-03-01"), d("2026-07-01")];
        rows[0].case_resolutions = 1;
        rows[8].case_resolutions = 2;
        let t = compute(&rows, period);
        let expected = [
            (1, 9),
            (2, 2),
            (3, 7),
            (4, 7),
            (5, 2),
            (6, 6),
            (7, 5),
            (8, 2),
            (9, 2),
            (10, 2),
            (11, 1),
            (12, 1),
            (13, 4),
            (14, 2),
            (15, 2),
            (16, 0),
            (17, 0),
            (18, 4),
            (19, 1),
            (20, 2),
            (21, 1),
            (22, 1),
        ];
        for (ms, n) in expected {
            assert_eq!(t.value(ms), n, "MS {ms}");
        }
        assert!(t.broken_identities().is_empty());
        let ids: Vec<i64> = t.records_of(2).iter().map(|r| r.id).collect();
        assert_eq!(ids, [1, 3]);
    }

    fn arb() -> impl Strategy<Value = PetitionFact> {
        let actions = [
            Action::Accept,
            Action::Decline,
            Action::Transfer,
            Action::Guide,
            Action::Return,
            Action::File,
            Action::Remind,
        ];
        (
            1i64..500,
            prop::option::of(1i64..60),
            0i64..500,
            0usize..4,
            prop::option::of((0i64..60, 0usize..7)),
            0u32..3,
            prop::collection::vec(0i64..500, 0..3),
        )
            .prop_map(move |(id, case_id, day, kind, handled, res, replies)| {
                let received_on = d("2025-10-01") + chrono::Duration::days(day);
                PetitionFact {
                    id,
                    case_id,
                    received_on,
                    kind: [
                        PetitionKind::Complaint,
                        PetitionKind::Denunciation,
                        PetitionKind::Recommendation,
                        PetitionKind::Feedback,
                    ][kind],
                    field: Field::Land,
                    instance: None,
                    court_accepted: false,
                    earlier_in_case: 0,
                    handled: handled.map(|(after, a)| {
                        (received_on + chrono::Duration::days(after), actions[a])
                    }),
                    case_resolutions: res,
                    replies: replies
                        .into_iter()
                        .map(|x| d("2025-10-01") + chrono::Duration::days(x))
                        .collect(),
                }
            })
    }

    proptest! {
        #[test]
        fn the_templates_sums_hold_on_any_petitions(rows in prop::collection::vec(arb(), 0..80)) {
            for kind in [PeriodKind::FirstQuarter, PeriodKind::SixMonths, PeriodKind::ThirdQuarter] {
                let t = compute(&rows, Period::of(kind, 2026));
                prop_assert!(t.broken_identities().is_empty(), "{:?}", t.broken_identities());
                prop_assert!(t.value(7) <= t.value(6));
            }
        }
    }
}
