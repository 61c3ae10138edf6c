//! The import beside a plain SQLite insert of the same rows (`cargo bench --bench import`,
//! issue #24), in the same run on the same file: the benchmark office
//! (`target/bench-data/desk-v6-N`, made by the desk bench's generator) exported whole,
//! then
//! - **the floor**: each line of the file parsed as JSON and inserted as it is (type, ref,
//!   text) into one table, in one transaction, plain and encrypted: what SQLite costs for
//!   these rows with nothing checked, linked, indexed or computed;
//! - **the import**: `Desk::import_file` into an empty encrypted office, as the command
//!   line runs it (check, write, denouncer flags, search index, sealing, deadlines).
//!
//! `BENCH_PETITIONS=N` sets the office's size (1,000,000 unless set; the tests run every
//! bench with 2,000). Results go to standard output; docs/benchmarks.md keeps them with the
//! date. Peak memory is the command line's, measured with `/usr/bin/time -v` (one process
//! here holds all three runs).

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use tiepdan_core::Desk;
use tiepdan_core::desk::ExportOptions;
use tiepdan_core::progress::Unwatched;
use tiepdan_core::store::{DbKey, Store};

#[path = "support/generate.rs"]
mod generate;
use generate::*;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let (petitions, source) = cached_office(&root);
    let file = root.join(format!("import-v1-{petitions}.jsonl"));
    if !file.exists() {
        export(&source, &file);
    }
    let (lines, bytes) = size_of(&file);
    println!(
        "file: {lines} records, {:.0} MB, {petitions} petitions",
        bytes as f64 / 1_048_576.0
    );
    let work = root.join(format!("import-work-{petitions}"));

    for key in [None, Some(DbKey::generate())] {
        let label = if key.is_some() { "encrypted" } else { "plain" };
        let seconds = floor(&file, &fresh(&work), key.as_ref());
        report(&format!("floor, {label}"), seconds, lines, petitions);
    }

    let dir = fresh(&work);
    let key = DbKey::generate();
    let mut desk = Desk::open_keyed(&dir, Some(&key), now()).unwrap();
    let stages = Stages::default();
    let t = Instant::now();
    let summary = desk
        .import_file(&ctx(now()), &file, &stages)
        .unwrap_or_else(|e| panic!("{e}"));
    let seconds = t.elapsed().as_secs_f64();
    assert_eq!(summary.petitions.created as usize, petitions, "{summary:?}");
    report(
        "import (Desk::import_file), encrypted",
        seconds,
        lines,
        petitions,
    );
    let seen = stages.0.into_inner();
    for (i, (stage, started)) in seen.iter().enumerate() {
        let end = seen.get(i + 1).map_or_else(Instant::now, |(_, next)| *next);
        println!("  {stage}: {:.1} s", (end - *started).as_secs_f64());
    }
    drop(desk);
    let _ = std::fs::remove_dir_all(&work);
}

/// When each stage of the import began (the stage named "Ghi dữ liệu" ends when the
/// deadlines' begins: it includes the denouncer flags, the search index and the sealing).
#[derive(Default)]
struct Stages(std::cell::RefCell<Vec<(String, Instant)>>);

impl tiepdan_core::progress::Progress for Stages {
    fn step(&self, stage: &str, _: u64, _: u64) -> bool {
        let mut seen = self.0.borrow_mut();
        if seen.last().is_none_or(|(s, _)| s != stage) {
            seen.push((stage.to_owned(), Instant::now()));
        }
        true
    }
}

/// The whole office written to `file` as the command line's full export writes it.
fn export(source: &Path, file: &Path) {
    let desk = Desk::open(source, now()).unwrap();
    let part = file.with_extension("part");
    let mut out = BufWriter::new(std::fs::File::create(&part).unwrap());
    let options = ExportOptions {
        redact: false,
        today: None,
    };
    desk.export_to(&ctx(now()), &options, &mut out, &part, &Unwatched)
        .unwrap();
    out.flush().unwrap();
    drop(out);
    std::fs::rename(&part, file).unwrap();
}

/// The file's records and bytes.
fn size_of(file: &Path) -> (usize, u64) {
    let lines = BufReader::new(std::fs::File::open(file).unwrap())
        .lines()
        .filter(|l| is_record(l.as_ref().unwrap()))
        .count();
    (lines, std::fs::metadata(file).unwrap().len())
}

/// An empty folder for one run.
fn fresh(work: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).unwrap();
    work.to_path_buf()
}

/// Seconds to insert each line of `file` as it is into one table of a store opened as the
/// app opens one (the same pragmas, encrypted when `key` is given), in one transaction.
fn floor(file: &Path, dir: &Path, key: Option<&DbKey>) -> f64 {
    let store = Store::open(
        &dir.join("tiepdan.sqlite3"),
        key,
        &dir.join("backups"),
        now(),
    )
    .unwrap();
    let conn = store.conn();
    conn.execute_batch("CREATE TABLE rows (type TEXT NOT NULL, ref TEXT, body TEXT NOT NULL)")
        .unwrap();
    let t = Instant::now();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut insert = tx
            .prepare("INSERT INTO rows (type, ref, body) VALUES (?1, ?2, ?3)")
            .unwrap();
        for line in BufReader::new(std::fs::File::open(file).unwrap()).lines() {
            let line = line.unwrap();
            if !is_record(&line) {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(&line).unwrap();
            insert
                .execute(rusqlite::params![
                    value["type"].as_str().unwrap_or(""),
                    value["ref"].as_str(),
                    line
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    t.elapsed().as_secs_f64()
}

/// A line holding a record (the file opens with `//` comments).
fn is_record(line: &str) -> bool {
    !line.is_empty() && !line.starts_with("//")
}

fn report(what: &str, seconds: f64, lines: usize, petitions: usize) {
    println!(
        "{what}: {seconds:.1} s, {:.0} records/s, {:.0} petitions/s",
        lines as f64 / seconds,
        petitions as f64 / seconds
    );
}
