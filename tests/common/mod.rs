//! Helpers shared by the scenario tests: a fresh data directory, the CLI binary, a clock.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDateTime;
use tiepdan::Ctx;
use tiepdan::domain::office::OfficeInput;

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time is well formed")
}

pub fn ctx(now: &str) -> Ctx {
    Ctx {
        actor: "kiểm thử".into(),
        now: at(now),
    }
}

pub fn office() -> OfficeInput {
    OfficeInput {
        name: "Ủy ban nhân dân xã Ba Tơ".into(),
        parent: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
        place: "Ba Tơ".into(),
        province: "Quảng Ngãi".into(),
        commune_code: None,
        remote_area: true,
        chair: "Phạm Văn Hùng".into(),
        party_secretary: Some("Đinh Thị Lan".into()),
    }
}

/// Runs the `tiepdan` binary with `args`, with no TIEPDAN_DATA inherited.
pub fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .args(args)
        .env_remove("TIEPDAN_DATA")
        .output()
        .expect("the tiepdan binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn db(dir: &Path) -> PathBuf {
    dir.join("tiepdan.sqlite3")
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("file is readable")
}
