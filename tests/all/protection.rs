//! Protection of a denouncer: the request on the denunciation, the decision naming them
//! sealed and marked MẬT with a review task on its last day, a refusal with its reason —
//! never to a desk without the right to see denouncers.

use crate::casework::accepted_denunciation;
use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{ProtectionDecisionInput, ProtectionRequestInput};

fn request(petition_id: i64, on: &str) -> ProtectionRequestInput {
    ProtectionRequestInput {
        petition_id,
        requested_on: on.into(),
        scopes: vec!["job".into(), "honour".into()],
        reason: "Bị đe dọa chuyển công tác sau khi tố cáo".into(),
    }
}

#[test]
fn a_denouncer_asks_for_protection_and_the_chair_decides_under_seal() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-02-04 08:00")).unwrap();
    let p = accepted_denunciation(&mut desk);
    let c = ctx("2026-02-10 09:00");
    // Bad input named; a complaint cannot ask under the denunciation law.
    let mut bad = request(p, "2026-01-01");
    bad.scopes = vec!["xe".into()];
    bad.reason = String::new();
    let e = desk.request_protection(&c, &bad).unwrap_err().to_data();
    let fields: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["requested_on", "scopes", "reason"], "{e:?}");
    let id = desk
        .request_protection(&c, &request(p, "2026-02-09"))
        .unwrap();
    let listed = desk.protections(p).unwrap();
    assert_eq!(
        (listed.len(), listed[0].scopes.clone()),
        (1, vec!["job".to_owned(), "honour".to_owned()])
    );

    // Without the right to see denouncers: refused, nothing issued.
    let reception = tiepdan_core::audit::Ctx {
        roles: tiepdan_core::domain::access::Roles::of(&[
            tiepdan_core::domain::officer::OfficerRole::Reception,
        ]),
        ..c.clone()
    };
    let decision = ProtectionDecisionInput {
        id,
        accept: true,
        measures: "Giữ nguyên vị trí công tác của người tố cáo\nKhông điều chuyển trong thời gian giải quyết tố cáo".into(),
        until: "2026-05-10".into(),
        reason: String::new(),
    };
    assert_eq!(
        desk.decide_protection(&reception, &decision)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        desk.request_protection(&reception, &request(p, "2026-02-09"))
            .unwrap_err()
            .code(),
        "forbidden"
    );

    let mut no_measure = decision.clone();
    no_measure.measures = " ".into();
    no_measure.until = "2026-02-01".into();
    assert_eq!(
        desk.decide_protection(&c, &no_measure)
            .unwrap_err()
            .to_data()
            .fields
            .len(),
        2
    );
    let doc = desk.decide_protection(&c, &decision).unwrap();
    let text = pdftotext(&doc.path);
    for expected in [
        "QUYẾT ĐỊNH Về việc áp dụng biện pháp bảo vệ người tố cáo",
        "MẬT",
        "Xét đề nghị ngày 09/02/2026 của Nguyễn Văn Đức (địa chỉ: Thôn Đông, xã Ba Tơ), người tố cáo",
        "về việc bảo vệ vị trí công tác, việc làm, danh dự, nhân phẩm",
        "Điều 1. Áp dụng biện pháp bảo vệ đối với Nguyễn Văn Đức, từ ngày 10/02/2026 đến ngày 10/05/2026:",
        "- Giữ nguyên vị trí công tác của người tố cáo",
        "CHỦ TỊCH",
    ] {
        assert!(text.contains(expected), "«{expected}» in {text}");
    }
    assert!(!text.contains("……"), "{text}");
    let conn = rusqlite::Connection::open(db(dir.path())).unwrap();
    let (stored, sealed): (Vec<u8>, bool) = conn
        .query_row(
            "SELECT content, sealed FROM documents WHERE id = ?1",
            [doc.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(sealed && !stored.starts_with(b"%PDF"));
    let tasks = desk.tasks_of(p, d("2026-05-11")).unwrap();
    assert!(
        tasks
            .iter()
            .any(|t| t.what.starts_with("Rà soát việc bảo vệ người tố cáo")
                && t.due == "2026-05-10"
                && t.overdue)
    );
    let shown = &desk.protections(p).unwrap()[0];
    assert_eq!(
        (shown.accepted, shown.until.as_deref()),
        (Some(true), Some("2026-05-10"))
    );
    // Printed again: the same document, whatever is typed.
    let again = desk
        .decide_protection(
            &c,
            &ProtectionDecisionInput {
                accept: false,
                ..decision
            },
        )
        .unwrap();
    assert_eq!((again.id, again.reprint), (doc.id, true));

    // A second request refused, with the reason and the right to ask again.
    let second = desk
        .request_protection(&c, &request(p, "2026-02-10"))
        .unwrap();
    let notice = desk
        .decide_protection(
            &c,
            &ProtectionDecisionInput {
                id: second,
                accept: false,
                measures: String::new(),
                until: String::new(),
                reason: "Không có căn cứ về việc bị đe dọa".into(),
            },
        )
        .unwrap();
    let text = pdftotext(&notice.path);
    assert!(
        text.contains("THÔNG BÁO Về việc không áp dụng biện pháp bảo vệ người tố cáo"),
        "{text}"
    );
    assert!(
        text.contains("Kính gửi: Nguyễn Văn Đức (Thôn Đông, xã Ba Tơ)."),
        "{text}"
    );
    assert!(
        text.contains("vì lý do: Không có căn cứ về việc bị đe dọa."),
        "{text}"
    );
}

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
