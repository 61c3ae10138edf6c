//! Citizens at the front desk on a real database: registration, duplicate identity numbers,
//! finding earlier citizens while typing, and the editable identity rules.

use crate::common::*;
use tiepdan_core::Desk;
use tiepdan_core::domain::citizen::{CitizenInput, MatchKind};
use tiepdan_core::domain::identity::{IdKind, Sex};

fn citizen(name: &str, id: Option<&str>, year: i32, sex: Sex, address: &str) -> CitizenInput {
    CitizenInput {
        full_name: name.into(),
        id_kind: if id.is_some() {
            IdKind::Cccd
        } else {
            IdKind::NoPaper
        },
        id_number: id.map(str::to_owned),
        birth_year: Some(year),
        gender: Some(sex),
        address: address.into(),
        ..CitizenInput::default()
    }
}

fn desk_with_people() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let c = ctx("2026-11-23 08:00");
    for (name, id, year, sex, address) in [
        (
            "Nguyễn Văn Đức",
            Some("034068012345"),
            1968,
            Sex::Male,
            "Thôn Đông",
        ),
        ("Nguyễn Văn Dục", None, 1970, Sex::Male, "Thôn Tây"),
        ("Đường Thị Lan", None, 1980, Sex::Female, "Thôn Bắc"),
        ("Dương Thị Lan", None, 1981, Sex::Female, "Thôn Nam"),
        (
            "Trần Văn Bình",
            Some("051075000111"),
            1975,
            Sex::Male,
            "Thôn Đông",
        ),
    ] {
        desk.add_citizen(&c, &citizen(name, id, year, sex, address))
            .unwrap();
    }
    (dir, desk)
}

#[test]
fn typing_finds_the_identity_number_first_then_exact_then_toneless_names() {
    let (_dir, desk) = desk_with_people();
    let found = desk
        .find_citizens("nguyen van duc", Some("034 068 012 345"), 10)
        .unwrap();
    let names: Vec<(&str, MatchKind)> = found
        .iter()
        .map(|m| (m.citizen.full_name.as_str(), m.matched_by))
        .collect();
    assert_eq!(
        names,
        [
            ("Nguyễn Văn Đức", MatchKind::IdNumber),
            ("Nguyễn Văn Dục", MatchKind::FoldedName)
        ]
    );
    let found = desk.find_citizens("Dương Thị", None, 10).unwrap();
    let names: Vec<(&str, MatchKind)> = found
        .iter()
        .map(|m| (m.citizen.full_name.as_str(), m.matched_by))
        .collect();
    assert_eq!(
        names,
        [
            ("Dương Thị Lan", MatchKind::ExactName),
            ("Đường Thị Lan", MatchKind::FoldedName)
        ]
    );
    // Kinds and sexes come back as they were stored.
    let duc = &desk.find_citizens("", Some("034068012345"), 1).unwrap()[0].citizen;
    assert_eq!((duc.id_kind, duc.gender), (IdKind::Cccd, Some(Sex::Male)));
    let lan = &desk.find_citizens("Dương Thị Lan", None, 1).unwrap()[0].citizen;
    assert_eq!(
        (lan.id_kind, lan.gender),
        (IdKind::NoPaper, Some(Sex::Female))
    );
    assert!(desk.find_citizens("Lê", None, 10).unwrap().is_empty());
    assert!(desk.find_citizens("", None, 10).unwrap().is_empty());
}

#[test]
fn the_same_identity_number_is_not_registered_twice() {
    let (_dir, mut desk) = desk_with_people();
    let again = citizen(
        "Nguyễn Văn Đức",
        Some("034068012345"),
        1968,
        Sex::Male,
        "Thôn Khác",
    );
    let e = desk
        .add_citizen(&ctx("2026-11-23 09:00"), &again)
        .unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert!(
        e.to_string()
            .contains("đã có trong sổ: Nguyễn Văn Đức (Thôn Đông)"),
        "{e}"
    );
    let count: i64 = desk
        .store()
        .conn()
        .query_row("SELECT count(*) FROM citizens", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 5);
}

#[test]
fn a_bad_citizen_is_refused_and_nothing_is_written() {
    let (_dir, mut desk) = desk_with_people();
    let bad = citizen(
        "Lê Văn Tám",
        Some("034068012345"),
        1986,
        Sex::Male,
        "Thôn Đông",
    );
    let e = desk
        .add_citizen(&ctx("2026-11-23 09:00"), &bad)
        .unwrap_err();
    assert!(e.to_string().contains("không khớp năm sinh"), "{e}");
    let (citizens, audits): (i64, i64) = desk
        .store()
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM citizens), (SELECT count(*) FROM audit_log WHERE action = 'citizen.create')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((citizens, audits), (5, 5));
}

#[test]
fn an_administrators_rule_file_replaces_the_default_and_a_broken_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let rules_dir = dir.path().join("rules");
    std::fs::create_dir_all(&rules_dir).unwrap();
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/rules/identity.toml"
    ))
    .unwrap();
    // An edited table where digit 0 means the 19th century.
    let edited = shipped.replace(
        "{ digit = 0, century_start = 1900",
        "{ digit = 0, century_start = 1800",
    );
    std::fs::write(rules_dir.join("identity.toml"), edited).unwrap();
    let mut desk = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap();
    let e = desk
        .add_citizen(
            &ctx("2026-11-23 08:00"),
            &citizen("Nguyễn Văn Đức", Some("034068012345"), 1968, Sex::Male, "x"),
        )
        .unwrap_err();
    assert!(e.to_string().contains("1868"), "{e}");
    drop(desk);

    std::fs::write(rules_dir.join("identity.toml"), "century_sex = 3").unwrap();
    let e = Desk::open(dir.path(), at("2026-11-23 08:00")).unwrap_err();
    assert_eq!(e.code(), "rules");
    assert!(
        e.to_string().contains("identity.toml không dùng được"),
        "{e}"
    );
}

#[test]
fn one_search_box_finds_people_petitions_and_visits_without_tones_exact_first() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    for (name, id) in [
        ("Nguyễn Văn Đức", "034068012345"),
        ("Nguyễn Văn Dục", "034068012346"),
    ] {
        desk.add_citizen(
            &c,
            &CitizenInput {
                full_name: name.into(),
                id_kind: IdKind::Cccd,
                id_number: Some(id.into()),
                birth_year: Some(1968),
                gender: Some(Sex::Male),
                address: "Thôn Đông, xã Ba Tơ".into(),
                ..CitizenInput::default()
            },
        )
        .unwrap();
    }
    let hits = desk.search("nguyen van duc", 10).unwrap();
    let names: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(hits.len(), 2, "{names:?}");
    let hits = desk.search("Nguyễn Văn Dục", 10).unwrap();
    assert_eq!(hits[0].title, "Nguyễn Văn Dục", "the exact spelling first");
    assert!(hits[0].exact && !hits[1].exact);
    let hits = desk.search("Đức", 10).unwrap();
    assert_eq!(hits[0].title, "Nguyễn Văn Đức");
    assert_eq!(
        desk.search("034068012346", 10).unwrap()[0].title,
        "Nguyễn Văn Dục"
    );
    assert_eq!(
        desk.search("thon dong ba", 10).unwrap().len(),
        2,
        "addresses too, last word a prefix"
    );
    assert!(desk.search("trần", 10).unwrap().is_empty());
    assert!(
        desk.search("\" OR * (", 10).unwrap().is_empty(),
        "FTS syntax in the box is just text"
    );
}

#[test]
fn two_records_of_one_person_merge_only_with_a_reason_and_leave_an_audit_row() {
    let dir = tempfile::tempdir().unwrap();
    let c = ctx("2026-11-23 09:00");
    let mut desk = Desk::open(dir.path(), c.now).unwrap();
    let typed = |name: &str, id: Option<&str>, phone: Option<&str>| CitizenInput {
        full_name: name.into(),
        id_kind: if id.is_some() {
            IdKind::Cccd
        } else {
            IdKind::NoPaper
        },
        id_number: id.map(String::from),
        birth_year: Some(1968),
        gender: Some(Sex::Male),
        address: "Thôn Đông, xã Ba Tơ".into(),
        phone: phone.map(String::from),
        ..CitizenInput::default()
    };
    let a = desk
        .add_citizen(&c, &typed("Nguyễn Văn Đức", Some("034068012345"), None))
        .unwrap();
    let b = desk
        .add_citizen(&c, &typed("Nguyễn Văn Đức", None, Some("0912345678")))
        .unwrap();
    let other = desk
        .add_citizen(&c, &typed("Nguyễn Văn Đức", Some("034068099999"), None))
        .unwrap();

    let e = desk
        .merge_citizens(&c, a.id, b.id, "  ")
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "reason");
    let e = desk
        .merge_citizens(&c, a.id, other.id, "trùng tên")
        .unwrap_err()
        .to_data();
    assert!(
        e.fields[0].message_vi.contains("số giấy tờ khác nhau"),
        "{e:?}"
    );
    let e = desk
        .merge_citizens(&c, a.id, 999, "nhập trùng")
        .unwrap_err()
        .to_data();
    assert_eq!(e.fields[0].field, "merged");

    let kept = desk
        .merge_citizens(&c, a.id, b.id, "Nhập trùng khi tiếp dân")
        .unwrap();
    assert_eq!(
        kept.phone.as_deref(),
        Some("0912345678"),
        "empty fields filled from the merged record"
    );
    assert!(desk.citizen(b.id).unwrap().is_none());
    let audit: (String, String) = desk
        .store()
        .conn()
        .query_row(
            "SELECT entity_ids, detail FROM audit_log WHERE action = 'citizen.merge'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(audit.0, format!("[{},{}]", a.id, b.id));
    assert!(audit.1.contains("Nhập trùng khi tiếp dân") && audit.1.contains("0912345678"));
    assert_eq!(
        desk.search("nguyen van duc", 10).unwrap().len(),
        2,
        "the merged record left the index"
    );
}
