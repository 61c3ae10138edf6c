//! Hot spots: the locality read from each petitioner's address and the sub-field the
//! officer names, counted over twelve months on the dashboard, filtering the petition
//! register, corrected in the petition's panel, carried by export and import, and never
//! counting a denouncer's address.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::desk::{ExportOptions, PetitionFactsInput, RegisterFilter};
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::IdKind;
use tiepdan_core::domain::visit::*;
use tiepdan_core::progress::Unwatched;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

/// A visit of a person of `address` handing in a petition of `kind` about `subfield`.
fn visit(
    desk: &mut Desk,
    at: &str,
    name: &str,
    address: &str,
    kind: PetitionKind,
    subfield: Option<&str>,
) -> i64 {
    let mut v = complaint_visit();
    v.at = format!("{at}T09:00");
    v.citizens = vec![CitizenRef::New(CitizenInput {
        full_name: name.into(),
        id_kind: IdKind::NoPaper,
        address: address.into(),
        ..CitizenInput::default()
    })];
    v.petitions[0].kind = kind;
    v.petitions[0].instance = (kind == PetitionKind::Complaint).then_some(1);
    v.petitions[0].subfield = subfield.map(str::to_owned);
    desk.record_visit(&ctx(&format!("{at} 09:30")), &v)
        .unwrap()
        .petition_ids[0]
}

fn filter(locality: Option<&str>, subfield: Option<&str>) -> RegisterFilter {
    RegisterFilter {
        limit: 0,
        locality: locality.map(str::to_owned),
        subfield: subfield.map(str::to_owned),
        ..RegisterFilter::default()
    }
}

#[test]
fn hot_spots_count_localities_and_sub_fields_and_filter_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-06-01 08:00")).unwrap();
    desk.save_office(&ctx("2026-06-01 08:00"), &office())
        .unwrap();
    use PetitionKind::*;
    let a = visit(
        &mut desk,
        "2026-06-02",
        "Lê Văn An",
        "Thôn Gò Da, xã Ba Tơ",
        Recommendation,
        Some("môi trường"),
    );
    visit(
        &mut desk,
        "2026-06-03",
        "Hồ Thị Bé",
        "thôn gò da",
        Feedback,
        Some("Môi trường"),
    );
    visit(
        &mut desk,
        "2026-06-04",
        "Đinh Văn Cư",
        "Tổ dân phố 2, phường Trần Phú",
        Complaint,
        Some("Giải phóng mặt bằng"),
    );
    visit(
        &mut desk,
        "2026-06-05",
        "Phạm Văn Dũng",
        "xã Ba Tơ",
        Recommendation,
        None,
    );
    // A denouncer of Thôn Làng Mạ: their address is never counted nor found by locality.
    visit(
        &mut desk,
        "2026-06-06",
        "Người Tố Cáo",
        "Thôn Làng Mạ, xã Ba Tơ",
        Denunciation,
        Some("Đầu tư"),
    );
    // Older than twelve months: left out.
    visit(
        &mut desk,
        "2025-05-20",
        "Vũ Văn Em",
        "Thôn Gò Da",
        Recommendation,
        Some("Môi trường"),
    );

    let h = desk.hot_spots(today()).unwrap();
    assert_eq!(h.since, "2025-07-01");
    let localities: Vec<_> = h
        .localities
        .iter()
        .map(|s| (s.label.as_str(), s.petitions))
        .collect();
    assert_eq!(localities, [("Thôn Gò Da", 2), ("Tổ dân phố 2", 1)]);
    assert_eq!(
        h.without_locality, 2,
        "no locality in the address, and the denunciation"
    );
    let subfields: Vec<_> = h
        .subfields
        .iter()
        .map(|s| (s.label.as_str(), s.petitions))
        .collect();
    assert_eq!(
        subfields,
        [("Môi trường", 2), ("Đầu tư", 1), ("Giải phóng mặt bằng", 1)]
    );
    assert_eq!(h.without_subfield, 1);
    assert!(h.localities.iter().all(|s| !s.label.contains("Làng Mạ")));

    // The petition register filtered by a hot spot's key.
    let go_da = &h.localities[0].key;
    let rows = desk
        .petition_register(&filter(Some(go_da), None), today())
        .unwrap();
    assert_eq!(rows.len(), 3, "both of this year and the older one");
    assert!(
        desk.petition_register(&filter(Some("thon lang ma"), None), today())
            .unwrap()
            .is_empty()
    );
    let env = desk
        .petition_register(&filter(None, Some("moi truong")), today())
        .unwrap();
    assert_eq!(env.len(), 3);

    // The panel shows the locality and the sub-field, and corrects the sub-field.
    let view = desk.petition_view(a, today()).unwrap();
    assert_eq!(
        (view.locality.as_deref(), view.subfield.as_deref()),
        (Some("Thôn Gò Da"), Some("Môi trường"))
    );
    let mut facts = PetitionFactsInput {
        subfield: Some("  trật tự   xây dựng ".into()),
        ..unchanged_facts(&view)
    };
    desk.update_petition_facts(&ctx("2026-06-10 10:00"), &facts)
        .unwrap();
    assert_eq!(
        desk.petition_view(a, today()).unwrap().subfield.as_deref(),
        Some("Trật tự xây dựng")
    );
    facts.subfield = Some(String::new());
    desk.update_petition_facts(&ctx("2026-06-10 10:05"), &facts)
        .unwrap();
    assert_eq!(desk.petition_view(a, today()).unwrap().subfield, None);
    facts.subfield = Some("Trật tự xây dựng".into());
    desk.update_petition_facts(&ctx("2026-06-10 10:10"), &facts)
        .unwrap();

    // Export and import carry the sub-field.
    let text = desk
        .export(
            &ctx("2026-06-30 10:00"),
            &ExportOptions {
                redact: false,
                today: None,
            },
        )
        .unwrap();
    assert!(text.contains("\"subfield\":\"Trật tự xây dựng\""), "{text}");
    let other = tempfile::tempdir().unwrap();
    let mut copy = Desk::open(other.path(), at("2026-06-30 10:00")).unwrap();
    copy.import_watched(&ctx("2026-06-30 10:00"), &text, &Unwatched)
        .unwrap();
    let h2 = copy.hot_spots(today()).unwrap();
    assert!(
        h2.subfields.iter().any(|s| s.label == "Trật tự xây dựng"),
        "{h2:?}"
    );
}

#[test]
fn the_petition_register_filters_by_status_officer_and_flag() {
    use tiepdan_core::desk::{HandleInput, RegisterStatus};
    use tiepdan_core::domain::flags::Flag;
    use tiepdan_core::domain::officer::{OfficerInput, OfficerRole};
    use tiepdan_core::domain::routing::Action;
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-06-01 08:00")).unwrap();
    desk.save_office(&ctx("2026-06-01 08:00"), &office())
        .unwrap();
    use PetitionKind::*;
    let open = visit(
        &mut desk,
        "2026-06-02",
        "Lê Văn An",
        "Thôn 1",
        Recommendation,
        None,
    );
    let done = visit(
        &mut desk,
        "2026-06-03",
        "Hồ Thị Bé",
        "Thôn 2",
        Feedback,
        None,
    );
    let complex = visit(
        &mut desk,
        "2026-06-04",
        "Đinh Văn Cư",
        "Thôn 3",
        Complaint,
        None,
    );
    desk.handle_petition(
        &ctx("2026-06-04 10:00"),
        &HandleInput {
            petition_id: done,
            on: "2026-06-04".into(),
            action: Action::File,
            to_agency: None,
            reason: Some("Trùng nội dung đã trả lời".into()),
            note: None,
            accepted_on: None,
        },
    )
    .unwrap();
    let view = desk.petition_view(complex, today()).unwrap();
    desk.update_petition_facts(
        &ctx("2026-06-05 09:00"),
        &PetitionFactsInput {
            complex: Some(true),
            ..unchanged_facts(&view)
        },
    )
    .unwrap();
    let officer = desk
        .add_officer(
            &ctx("2026-06-05 09:00"),
            &OfficerInput {
                full_name: "Trần Thị Xử".into(),
                title: "Công chức tư pháp - hộ tịch".into(),
                role: OfficerRole::Handler,
            },
        )
        .unwrap();
    desk.assign_case(&ctx("2026-06-05 09:10"), open, Some(officer.id))
        .unwrap();

    let ids = |f: RegisterFilter, on: chrono::NaiveDate| {
        let mut ids: Vec<i64> = desk
            .petition_register(&f, on)
            .unwrap()
            .iter()
            .map(|r| r.petition_id)
            .collect();
        ids.sort();
        ids
    };
    let by = |status: Option<RegisterStatus>, officer_id: Option<i64>, flag: Option<Flag>| {
        RegisterFilter {
            limit: 500,
            status,
            officer_id,
            flag,
            ..RegisterFilter::default()
        }
    };
    let early = chrono::NaiveDate::from_ymd_opt(2026, 6, 5).unwrap();
    let mut still = vec![open, complex];
    still.sort();
    assert_eq!(
        ids(by(Some(RegisterStatus::Open), None, None), early),
        still
    );
    assert_eq!(
        ids(by(Some(RegisterStatus::Done), None, None), early),
        [done]
    );
    assert!(ids(by(Some(RegisterStatus::Overdue), None, None), early).is_empty());
    // Weeks later both open ones are past their handling deadline.
    assert_eq!(
        ids(by(Some(RegisterStatus::Overdue), None, None), today()),
        still
    );
    assert_eq!(ids(by(None, Some(officer.id), None), early), [open]);
    assert_eq!(ids(by(None, None, Some(Flag::Complex)), early), [complex]);
    assert!(ids(by(None, None, Some(Flag::Crowd)), early).is_empty());
    // With a flag, the limit counts the rows that carry it.
    let one = RegisterFilter {
        limit: 1,
        ..by(None, None, Some(Flag::Complex))
    };
    assert_eq!(ids(one, early), [complex]);
}
