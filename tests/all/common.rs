//! Helpers shared by the scenario tests: a fresh data directory, the CLI binary, a clock.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDateTime;
use tiepdan_core::Ctx;
use tiepdan_core::Desk;
use tiepdan_core::domain::citizen::CitizenInput;
use tiepdan_core::domain::identity::{IdKind, Sex};
use tiepdan_core::domain::office::OfficeInput;
use tiepdan_core::domain::visit::*;

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time is well formed")
}

pub fn ctx(now: &str) -> Ctx {
    Ctx {
        actor: "kiểm thử".into(),
        now: at(now),
        roles: tiepdan_core::domain::access::Roles::ALL,
        officer_id: None,
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
        .env_remove("TIEPDAN_PASSPHRASE")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the tiepdan binary runs")
}

/// The passphrase the tests' encrypted offices are made with.
pub const PASSPHRASE: &str = "mật khẩu kiểm thử 2026";

/// The command line with `TIEPDAN_PASSPHRASE` set to `passphrase`.
pub fn cli_with(passphrase: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tiepdan"))
        .args(args)
        .env_remove("TIEPDAN_DATA")
        .env("TIEPDAN_PASSPHRASE", passphrase)
        .stdin(std::process::Stdio::null())
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

/// An office in a remote area (see `common::office`) and one complaint received on
/// 04/02/2026; returns the petition's id.
pub fn complaint(desk: &mut Desk) -> i64 {
    desk.save_office(&ctx("2026-02-04 08:00"), &office())
        .unwrap();
    let visit = complaint_visit();
    let recorded = desk.record_visit(&ctx("2026-02-04 09:30"), &visit).unwrap();
    recorded.petition_ids[0]
}

/// The visit of [`complaint`]: Nguyễn Văn Đức hands in a complaint about land.
pub fn complaint_visit() -> VisitInput {
    VisitInput {
        at: "2026-02-04T09:00".into(),
        reception: Reception::Regular,
        received_by: ReceivedBy::Officer,
        citizens: vec![CitizenRef::New(CitizenInput {
            full_name: "Nguyễn Văn Đức".into(),
            id_kind: IdKind::Cccd,
            id_number: Some("034068012345".into()),
            birth_year: Some(1968),
            gender: Some(Sex::Male),
            address: "Thôn Đông, xã Ba Tơ".into(),
            ..CitizenInput::default()
        })],
        representatives: vec![],
        people: 1,
        case: CaseChoice::New,
        summary: "Khiếu nại quyết định thu hồi đất".into(),
        outcome: "Tiếp nhận đơn".into(),
        petitions: vec![PetitionInput {
            kind: PetitionKind::Complaint,
            field: Field::Land,
            summary: "Khiếu nại quyết định thu hồi đất".into(),
            anonymous: false,
            respondent_role: None,
            respondent_name: None,
            instance: Some(1),
            contested_on: None,
            decision_kind: None,
            oral: false,
            papers: vec![],
            subfield: None,
        }],
    }
}

/// The text of a PDF (pdftotext -layout), whitespace runs collapsed to one space.
pub fn pdftotext(path: &str) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A new account whose password is "<login>-mật-khẩu".
pub fn account(
    login: &str,
    name: &str,
    roles: &[tiepdan_core::domain::officer::OfficerRole],
) -> tiepdan_core::desk::AccountInput {
    tiepdan_core::desk::AccountInput {
        officer_id: None,
        full_name: name.into(),
        title: String::new(),
        login: login.into(),
        password: format!("{login}-mật-khẩu"),
        password_again: format!("{login}-mật-khẩu"),
        roles: roles.to_vec(),
    }
}

/// Signs in to the encrypted office in `dir` as `login` (password of [`account`]) at `now`.
pub fn sign_in_as(dir: &Path, login: &str, now: &str) -> Desk {
    Desk::sign_in(dir, login, &format!("{login}-mật-khẩu"), at(now)).unwrap()
}

/// Every row of a register, unfiltered.
pub fn all_rows() -> tiepdan_core::desk::RegisterFilter {
    tiepdan_core::desk::RegisterFilter {
        limit: 0,
        ..Default::default()
    }
}

/// An outcome of `kind` on `on` with nothing else filled.
pub fn outcome(
    petition_id: i64,
    on: &str,
    kind: tiepdan_core::desk::OutcomeKind,
) -> tiepdan_core::desk::OutcomeInput {
    tiepdan_core::desk::OutcomeInput {
        petition_id,
        on: on.to_owned(),
        kind,
        result: None,
        decision: None,
        partial: false,
        reason: None,
        minutes: None,
        days: None,
        results: Default::default(),
    }
}

/// The panel's facts as the view shows them, changing nothing: set what the test changes.
pub fn unchanged_facts(
    view: &tiepdan_core::desk::PetitionView,
) -> tiepdan_core::desk::PetitionFactsInput {
    tiepdan_core::desk::PetitionFactsInput {
        petition_id: view.id,
        respondent_role: view.respondent_role,
        respondent_name: view.respondent_name.clone(),
        instance: view.instance,
        contested_on: view.contested_on.clone(),
        decision_kind: view.decision_kind,
        oral: view.oral,
        kind: None,
        field: None,
        summary: None,
        received_on: None,
        complex: None,
        specific: None,
        court_accepted: None,
        subfield: None,
        signatories: None,
        reason: None,
    }
}

/// The text of a .docx: the runs of `word/document.xml`, paragraphs on their own lines.
pub fn docx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut text = String::new();
    for para in xml.split("</w:p>") {
        for run in para.split("<w:t xml:space=\"preserve\">").skip(1) {
            text.push_str(run.split("</w:t>").next().unwrap());
        }
        text.push('\n');
    }
    text.replace("&amp;", "&")
}
