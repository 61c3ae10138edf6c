//! Ten years of a large ward (`cargo bench --bench decade`, issue #24): 10 years of 20,000
//! visits with their 400,000 petitions (2016–2025), a receipt stored for every visit, and
//! 5,000 scanned attachments of 300 KB, encrypted as every office's database is. Measures
//! what an office meets after ten years: the database's size and what it is made of, the
//! open, a verified backup (time and size), the full integrity check, and the six-month
//! report. Results go to standard output; docs/benchmarks.md keeps them with the date.
//!
//! The receipts: 20 are issued through the app (render, number, store), and their
//! median size is what the rest are made of: each other visit gets a copy of a real
//! receipt's bytes under its own number, which stores the same number of bytes as
//! issuing it would, in seconds instead of a quarter of an hour.

use std::path::{Path, PathBuf};
use std::time::Instant;

use base64::Engine;
use tiepdan_core::Desk;
use tiepdan_core::desk::{AttachInput, AttachmentOwner, PrintOptions, VisitForm};

#[path = "support/generate.rs"]
mod generate;
use generate::*;

const VISITS_PER_YEAR: usize = 20_000;
const YEARS: usize = 10;
const ATTACHMENTS: usize = 5_000;

/// The ward's size: the visits of the ten years and the attachments. `BENCH_PETITIONS=N`
/// (as the tests run every bench, with 2,000) makes a small ward of N petitions, half as
/// many visits and one attachment per 40 visits.
fn size() -> (usize, usize) {
    match std::env::var("BENCH_PETITIONS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
    {
        Some(petitions) => {
            let visits = (petitions / 2).max(YEARS);
            (visits, (visits / 40).max(1))
        }
        None => (VISITS_PER_YEAR * YEARS, ATTACHMENTS),
    }
}
const ATTACHMENT_BYTES: usize = 300 * 1024;

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let (visits, _) = size();
    let cached = root.join(format!("decade-v1-{visits}"));
    if !cached.join("ready").exists() {
        build(&cached);
    }
    let key = tiepdan_core::store::DbKey::from_recovery(
        &std::fs::read_to_string(cached.join("key")).unwrap(),
    )
    .unwrap();
    // Measured in place: ten years take too much disk to copy for every run; a run adds
    // only its backup's record and audit row.
    let work = &cached;
    let db = work.join("tiepdan.sqlite3");
    println!("database file: {:.0} MB", mb(file_size(&db)));

    let t = Instant::now();
    let mut desk = Desk::open_keyed(work, Some(&key), now()).unwrap();
    println!("open (encrypted): {:.2} s", t.elapsed().as_secs_f64());
    desk.act_as(tiepdan_core::domain::access::Roles::ALL);
    {
        let conn = desk.store().conn();
        for (what, sql) in [
            ("visits", "SELECT count(*) FROM visits"),
            ("petitions", "SELECT count(*) FROM petitions"),
            ("citizens", "SELECT count(*) FROM citizens"),
            ("documents", "SELECT count(*) FROM documents"),
            ("attachments", "SELECT count(*) FROM attachments"),
        ] {
            let n: i64 = conn.query_row(sql, [], |r| r.get(0)).unwrap();
            println!("  {what}: {n}");
        }
        for (what, sql) in [
            (
                "documents' bytes",
                "SELECT sum(length(content)) FROM documents",
            ),
            (
                "attachments' bytes",
                "SELECT sum(length(content)) FROM attachment_blobs",
            ),
        ] {
            let n: i64 = conn.query_row(sql, [], |r| r.get(0)).unwrap();
            println!("  {what}: {:.0} MB", mb(n as u64));
        }
        let pages: i64 = conn
            .query_row("SELECT count(*) FROM dbstat", [], |r| r.get(0))
            .unwrap_or(-1);
        if pages >= 0 {
            println!("  pages: {pages}");
        }
    }

    let half = tiepdan_core::domain::report::period::Period::of(
        tiepdan_core::domain::report::period::PeriodKind::SixMonths,
        2025,
    );
    let mut runs = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let tables = desk.compute_all_reports(half).unwrap();
        runs.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(tables.iter().all(|t| t.broken_identities().is_empty()));
    }
    runs.sort_by(f64::total_cmp);
    println!(
        "six-month report of 2025, every table at once: median {:.0} ms (n = 3)",
        runs[1]
    );

    let t = Instant::now();
    let status = desk.check_integrity_now();
    println!(
        "full integrity check: {:.1} s ({:?})",
        t.elapsed().as_secs_f64(),
        status.state
    );

    let backups = work.join("backups");
    let t = Instant::now();
    let info = desk.backup_now(&ctx(now()), Some(&backups)).unwrap();
    println!(
        "verified backup: {:.1} s, {:.0} MB",
        t.elapsed().as_secs_f64(),
        mb(info.size_bytes as u64)
    );
    drop(desk);
    let _ = std::fs::remove_dir_all(&backups);
}

/// Generates the ward once: the petitions and visits, the receipts, the attachments,
/// then encrypts it (the key kept beside it).
fn build(dir: &Path) {
    let started = Instant::now();
    // Generated encrypted: ten years are too large to encrypt as a copy on a small disk.
    let key = tiepdan_core::store::DbKey::generate();
    let (visit_count, attachments) = size();
    generate_keyed(dir, visit_count * 2, Some(&key));
    let mut desk = Desk::open_keyed(dir, Some(&key), now()).unwrap();
    desk.act_as(tiepdan_core::domain::access::Roles::ALL);
    let c = ctx(now());
    let visits: Vec<i64> = {
        let conn = desk.store().conn();
        let mut stmt = conn.prepare("SELECT id FROM visits ORDER BY id").unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    };
    assert_eq!(visits.len(), visit_count);

    // Twenty receipts through the app; their median size is printed.
    let mut sizes = Vec::new();
    for id in visits.iter().take(20) {
        let doc = desk
            .print_visit_document(&c, *id, VisitForm::Receipt, &PrintOptions::default())
            .unwrap();
        let n: i64 = desk
            .store()
            .conn()
            .query_row(
                "SELECT length(content) FROM documents WHERE id = ?1",
                [doc.id],
                |r| r.get(0),
            )
            .unwrap();
        sizes.push(n);
    }
    sizes.sort();
    println!("a receipt as stored: median {} KB", sizes[10] / 1024);
    // Every other visit: a copy of a real receipt's bytes, numbered in its own year; a
    // year at a time, the write-ahead log emptied after each (it would hold them all).
    let conn = desk.store().conn();
    for year in 2016..=2025 {
        conn.execute(
            "INSERT INTO documents (form, register_year, number, number_label, issued_on,
                 case_id, visit_id, content_hash, content, created_at)
             SELECT d.form, CAST(substr(v.at, 1, 4) AS INTEGER), 1000000 + v.id,
                    (1000000 + v.id) || '/GBN', substr(v.at, 1, 10), v.case_id, v.id,
                    d.content_hash, d.content, v.at
               FROM visits v,
                    (SELECT * FROM documents WHERE form = 'receipt' ORDER BY length(content)
                      LIMIT 1 OFFSET 10) d
              WHERE substr(v.at, 1, 4) = ?1
                AND v.id NOT IN (SELECT visit_id FROM documents WHERE visit_id IS NOT NULL)",
            [year.to_string()],
        )
        .unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }

    // Scans: JPEG-like bytes that do not compress, each one different.
    let mut rng = Rng(0x5EED_0F5C_A5A5);
    for i in 0..attachments {
        let mut bytes = vec![0u8; ATTACHMENT_BYTES];
        for chunk in bytes.chunks_mut(8) {
            let v = rng.next().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        bytes[..4].copy_from_slice(&[0xFF, 0xD8, 0xFF, 0xE0]);
        desk.attach(
            &c,
            &AttachInput {
                owner: AttachmentOwner::Visit,
                owner_id: visits[i * visits.len() / attachments],
                file_name: format!("Bản chụp đơn {i}.jpg"),
                content_base64: base64::engine::general_purpose::STANDARD.encode(&bytes),
            },
        )
        .unwrap();
    }
    drop(desk);
    let _ = std::fs::remove_dir_all(dir.join("documents"));
    std::fs::write(dir.join("key"), key.to_recovery()).unwrap();
    std::fs::write(dir.join("ready"), "").unwrap();
    println!(
        "generated ten years in {:.0} s: {}",
        started.elapsed().as_secs_f64(),
        dir.display()
    );
}
