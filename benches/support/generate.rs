//! The benchmark's office, generated straight into SQLite (shared by `benches/desk.rs` and
//! the test that exports it and imports it into an empty folder): 1,000,000 petitions
//! take minutes through the use cases, seconds this way — so it must stay data the use
//! cases themselves would accept (`tests/all/bench_data.rs` checks the round trip).

#![allow(dead_code)]

use std::path::Path;
use std::time::Instant;

use rusqlite::{Connection, params};
use tiepdan_core::text::fold;
use tiepdan_core::{Ctx, Desk};

pub const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trịnh", "Lương",
];
pub const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Thu",
];
pub const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo",
    "Thắng", "Trang", "Trung", "Tuấn", "Vân", "Yến", "Ánh", "Ơn", "Ửng", "Bốn", "Tám",
];
pub const HAMLETS: &[&str] = &[
    "Thôn Đông",
    "Thôn Tây",
    "Thôn Gò Khế",
    "Thôn Làng Mạ",
    "Thôn Nước Lăng",
    "Thôn Đồng Dinh",
    "Tổ dân phố 3",
    "Tổ dân phố 7",
    "Thôn Bà Tên",
    "Thôn Huy Ba",
];
pub const COMMUNES: &[&str] = &[
    "xã Ba Tơ",
    "xã Ba Vì",
    "xã Ba Thành",
    "xã Ba Động",
    "xã Ba Điền",
];
pub const TOPICS: &[&str] = &[
    "tranh chấp ranh giới đất với hộ liền kề",
    "quyết định thu hồi đất nông nghiệp",
    "giá bồi thường, hỗ trợ tái định cư",
    "chậm cấp giấy chứng nhận quyền sử dụng đất",
    "chế độ trợ cấp người có công",
    "thái độ làm việc của công chức địa chính",
    "xây dựng công trình lấn chiếm hành lang đường",
    "ô nhiễm môi trường từ trại chăn nuôi",
    "việc thu các khoản đóng góp tại thôn",
    "cấp sai diện tích đất ở",
];
pub const KINDS: &[&str] = &["complaint", "denunciation", "recommendation", "feedback"];
pub const FIELDS: &[&str] = &[
    "land",
    "policy",
    "civil_service",
    "other_admin",
    "corruption",
    "other",
];

/// A small deterministic generator (xorshift), so every run builds the same data.
pub struct Rng(pub u64);
#[allow(clippy::should_implement_trait)]
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

pub fn ctx(now: chrono::NaiveDateTime) -> Ctx {
    Ctx {
        actor: "đo hiệu năng".into(),
        now,
        roles: tiepdan_core::domain::access::Roles::ALL,
        officer_id: None,
    }
}

pub fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(16, 0, 0)
        .unwrap()
}

/// The benchmark office's size (`BENCH_PETITIONS`, 1,000,000 unless set; the tests run
/// every bench with 2,000) and its folder under `root`, generated on first use. v5:
/// transfers name their body and acceptances are recorded (data the use cases accept:
/// `tests/all/bench_data.rs` exports and imports it). v6: no ANALYZE statistics, as in an
/// office's database.
pub fn cached_office(root: &Path) -> (usize, std::path::PathBuf) {
    let petitions: usize = std::env::var("BENCH_PETITIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let cached = root.join(format!("desk-v6-{petitions}"));
    if !cached.join("ready").exists() {
        generate(&cached, petitions);
        std::fs::write(cached.join("ready"), "").unwrap();
    }
    (petitions, cached)
}

pub fn generate(dir: &Path, petitions: usize) {
    generate_keyed(dir, petitions, None)
}

/// [`generate`], into a database encrypted with `key` when one is given.
pub fn generate_keyed(dir: &Path, petitions: usize, key: Option<&tiepdan_core::store::DbKey>) {
    let _ = std::fs::remove_dir_all(dir);
    let mut desk = Desk::open_keyed(dir, key, now()).unwrap();
    if key.is_some() {
        desk.act_as(tiepdan_core::domain::access::Roles::ALL);
    }
    desk.save_office(
        &ctx(now()),
        &tiepdan_core::domain::office::OfficeInput {
            name: "Ủy ban nhân dân xã Ba Tơ".into(),
            parent: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
            place: "Ba Tơ".into(),
            province: "Quảng Ngãi".into(),
            commune_code: None,
            remote_area: true,
            chair: "Phạm Văn Hùng".into(),
            party_secretary: None,
        },
    )
    .unwrap();
    drop(desk);
    let conn = Connection::open(dir.join("tiepdan.sqlite3")).unwrap();
    if let Some(key) = key {
        key.apply(&conn).unwrap();
    }
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let citizens = (petitions * 3 / 10).max(1);
    let visits = (petitions / 2).max(1);
    let start = Instant::now();
    {
        let mut ins = conn
            .prepare(
                "INSERT INTO citizens (full_name, name_fold, id_kind, id_number, birth_year, gender,
                     address, address_fold, created_at)
                 VALUES (?1, ?2, 'cccd', ?3, ?4, ?5, ?6, ?7, '2026-01-01T00:00:00')",
            )
            .unwrap();
        for i in 0..citizens {
            let name = format!(
                "{} {} {}",
                rng.pick(SURNAMES),
                rng.pick(MIDDLE),
                rng.pick(GIVEN)
            );
            let address = format!("{}, {}", rng.pick(HAMLETS), rng.pick(COMMUNES));
            let year = 1940 + (rng.next() % 60) as i32;
            let female = rng.next() % 2 == 1;
            let number = format!("051{}{:02}{:06}", u8::from(female), year % 100, i);
            ins.execute(params![
                name,
                fold(&name),
                number,
                year,
                if female { "female" } else { "male" },
                address,
                fold(&address)
            ])
            .unwrap();
        }
        let mut case = conn
            .prepare("INSERT INTO cases (title, opened_on, created_at) VALUES (?1, ?2, '2026-01-01T00:00:00')")
            .unwrap();
        let mut visit = conn
            .prepare(
                "INSERT INTO visits (case_id, at, reception, received_by, people, summary, summary_fold,
                     created_at)
                 VALUES (?1, ?2, 'regular', 'officer', 1, ?3, ?4, '2026-01-01T00:00:00')",
            )
            .unwrap();
        let mut vc = conn
            .prepare("INSERT INTO visit_citizens (visit_id, citizen_id, position, representative) VALUES (?1, ?2, 0, 1)")
            .unwrap();
        let mut pet = conn
            .prepare(
                "INSERT INTO petitions (case_id, visit_id, received_on, channel, kind, field, summary,
                     summary_fold, created_at)
                 VALUES (?1, ?2, ?3, 'in_person', ?4, ?5, ?6, ?7, '2026-01-01T00:00:00')",
            )
            .unwrap();
        let mut pc = conn
            .prepare("INSERT INTO petition_citizens (petition_id, citizen_id, position) VALUES (?1, ?2, 0)")
            .unwrap();
        let mut den = conn
            .prepare(
                "INSERT INTO denouncers (petition_id, citizen_id, position) VALUES (?1, ?2, 0)",
            )
            .unwrap();
        let mut outcome = conn
            .prepare(
                "INSERT INTO events (petition_id, on_date, kind, result, results, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-01T00:00:00')",
            )
            .unwrap();
        // The bodies petitions are transferred to: a transfer names one, as the use cases
        // require.
        for (name, role) in [
            ("Công an xã Ba Tơ", "commune_police"),
            (
                "Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi",
                "province_department",
            ),
            ("Tòa án nhân dân khu vực 1 - Quảng Ngãi", "court"),
        ] {
            conn.execute(
                "INSERT INTO agencies (name, name_fold, role, created_at)
                 VALUES (?1, ?2, ?3, '2026-01-01T00:00:00')",
                params![name, fold(name), role],
            )
            .unwrap();
        }
        let mut event = conn
            .prepare(
                "INSERT INTO events (petition_id, on_date, kind, action, to_agency, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-01T00:00:00')",
            )
            .unwrap();
        const ACTIONS: &[&str] = &[
            "accept", "accept", "accept", "decline", "transfer", "transfer", "guide", "file",
            "remind", "return",
        ];
        let first_day = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
        let mut made = 0;
        for v in 0..visits {
            let day = first_day + chrono::Duration::days((v * 3650 / visits) as i64);
            let topic = rng.pick(TOPICS);
            let summary = format!("Công dân trình bày về {topic}");
            case.execute(params![topic, day.to_string()]).unwrap();
            let case_id = conn.last_insert_rowid();
            visit
                .execute(params![
                    case_id,
                    format!("{day}T08:30:00"),
                    summary,
                    fold(&summary)
                ])
                .unwrap();
            let visit_id = conn.last_insert_rowid();
            let citizen = 1 + (rng.next() % citizens as u64) as i64;
            vc.execute(params![visit_id, citizen]).unwrap();
            for _ in 0..2 {
                if made == petitions {
                    break;
                }
                let kind = rng.pick(KINDS);
                let text = format!(
                    "{} {} tại {}",
                    kind_word(kind),
                    rng.pick(TOPICS),
                    rng.pick(HAMLETS)
                );
                pet.execute(params![
                    case_id,
                    visit_id,
                    day.to_string(),
                    kind,
                    rng.pick(FIELDS),
                    text,
                    fold(&text)
                ])
                .unwrap();
                let id = conn.last_insert_rowid();
                if kind == "denunciation" {
                    den.execute(params![id, citizen]).unwrap();
                } else {
                    pc.execute(params![id, citizen]).unwrap();
                }
                if !rng.next().is_multiple_of(20) {
                    let on = day + chrono::Duration::days(1 + (rng.next() % 10) as i64);
                    let action = rng.pick(ACTIONS);
                    let to = matches!(action, "transfer" | "remind")
                        .then(|| 1 + (rng.next() % 3) as i64);
                    event
                        .execute(params![id, on.to_string(), "handled", action, to])
                        .unwrap();
                    let later = (on + chrono::Duration::days(30)).to_string();
                    if action == "accept" {
                        // Accepted (thụ lý) the next day, as the use cases record it before
                        // any resolution.
                        let accepted = (on + chrono::Duration::days(1)).to_string();
                        event
                            .execute(params![
                                id,
                                accepted,
                                "accepted",
                                rusqlite::types::Null,
                                rusqlite::types::Null
                            ])
                            .unwrap();
                    }
                    if action == "accept" && rng.next().is_multiple_of(3) {
                        let figures = rng.next().is_multiple_of(4).then_some(
                            r#"{"money_recovered": 5000000, "land_returned_m2": 120.5}"#,
                        );
                        let finding = rng.pick(&["right", "wrong", "partly_right"]);
                        outcome
                            .execute(params![id, later, "resolved", finding, figures])
                            .unwrap();
                        if rng.next().is_multiple_of(2) {
                            let done = (on + chrono::Duration::days(75)).to_string();
                            outcome
                                .execute(params![
                                    id,
                                    done,
                                    "enforced",
                                    rusqlite::types::Null,
                                    figures
                                ])
                                .unwrap();
                        }
                    } else if action == "transfer" && rng.next().is_multiple_of(2) {
                        event
                            .execute(params![
                                id,
                                later,
                                "reply_received",
                                rusqlite::types::Null,
                                rusqlite::types::Null
                            ])
                            .unwrap();
                    }
                }
                made += 1;
            }
        }
    }
    // No ANALYZE: the app never runs it, so an office's database has no statistics, and
    // with them (SQLite's STAT4 is compiled in) every statement whose plan depends on a
    // bound value is prepared again at each new value — the export at 1,000,000 petitions
    // took 38 s with them and 14 s without. The benchmark measures what an office has.
    conn.execute_batch("COMMIT; PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    println!(
        "generated {petitions} petitions, {visits} visits, {citizens} citizens in {:.0} s",
        start.elapsed().as_secs_f64()
    );
}

pub fn kind_word(kind: &str) -> &'static str {
    match kind {
        "complaint" => "Khiếu nại",
        "denunciation" => "Tố cáo",
        "recommendation" => "Kiến nghị",
        _ => "Phản ánh",
    }
}
