//! The old registers communes keep in Excel (sổ tiếp công dân, sổ theo dõi đơn), read into
//! the interchange records the import already checks and stores: one code path for every
//! record that enters in bulk.
//!
//! [`preview`] reads a workbook's bytes, finds each sheet's header (one or two rows, merged
//! groups), guesses what each column holds, and reads every data row, naming each row's
//! problems; blank rows, separator rows ("Quý I") and the "(1) (2) (3)" row under a header
//! are skipped. [`records`] turns a preview without problems into records whose refs are
//! derived from the rows' content, so importing the same file again changes nothing.

mod cells;
mod columns;
mod sheet;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use tiepdan_domain::agency::AgencyRole;
use tiepdan_domain::identity::IdKind;
use tiepdan_domain::visit::{ReceivedBy, Reception};
use tiepdan_vocab::petition::{Action, Field, PetitionKind};
use tiepdan_vocab::text::fold;

pub use columns::LegacyField;
pub use sheet::serial_of;

use crate::record::{
    AgencyRecord, Channel, CitizenRecord, Event, EventKind, PetitionRecord, Record, VisitRecord,
};
use columns::Header;
use sheet::Cell;

/// Which register a sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LegacyRegister {
    /// Sổ tiếp công dân: each row a visit, and what the citizen presented as a petition.
    Reception,
    /// Sổ theo dõi đơn: each row a petition received by post or handed in.
    Petitions,
}

/// One column as guessed from its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LegacyColumn {
    pub header: String,
    pub field: Option<LegacyField>,
    /// What the column is read as, in Vietnamese ("Họ tên"; "Không dùng").
    pub label: String,
}

/// A sheet with a register header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LegacySheet {
    pub name: String,
    pub register: LegacyRegister,
    pub columns: Vec<LegacyColumn>,
    #[ts(type = "number")]
    pub rows: usize,
}

/// One data row as it will be imported, with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LegacyRow {
    pub sheet: String,
    /// The row's number as the spreadsheet shows it.
    pub row: u32,
    pub register: LegacyRegister,
    pub full_name: String,
    pub address: String,
    pub id_number: Option<String>,
    pub phone: Option<String>,
    /// `YYYY-MM-DD`.
    pub received_on: Option<String>,
    pub kind: Option<PetitionKind>,
    pub field: Field,
    /// The field was guessed from the summary (no "Lĩnh vực" column).
    pub field_guessed: bool,
    pub summary: String,
    pub people: u32,
    /// The result column as written.
    pub result: String,
    /// What the import records as its handling ("Chuyển đơn — Phòng Kinh tế"), if the
    /// result says it plainly.
    pub handling: Option<String>,
    pub problems: Vec<String>,
    #[serde(skip)]
    #[ts(skip)]
    action: Option<(Action, Option<String>)>,
}

/// What a workbook holds, read but not yet imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LegacyPreview {
    pub sheets: Vec<LegacySheet>,
    /// Sheets without a register header, left out.
    pub skipped: Vec<String>,
    pub rows: Vec<LegacyRow>,
    /// Rows with at least one problem.
    #[ts(type = "number")]
    pub problems: usize,
}

/// Why a file cannot be previewed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LegacyError {
    #[error(
        "Không đọc được tệp này như một bảng tính Excel (.xlsx, .xls) hay .ods ({0}). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại."
    )]
    NotAWorkbook(String),
    #[error(
        "Không trang tính nào có dòng tiêu đề của sổ (ví dụ: Họ tên, Địa chỉ, Ngày nhận, Nội dung, Phân loại, Kết quả). Hãy thêm một dòng tiêu đề như vậy phía trên các dòng số liệu rồi chọn lại tệp."
    )]
    NoRegister,
}

/// Reads the workbook in `bytes`; rows dated after `today` are problems.
pub fn preview(bytes: &[u8], today: NaiveDate) -> Result<LegacyPreview, LegacyError> {
    let sheets = sheet::read(bytes).map_err(LegacyError::NotAWorkbook)?;
    let mut out = LegacyPreview {
        sheets: Vec::new(),
        skipped: Vec::new(),
        rows: Vec::new(),
        problems: 0,
    };
    for s in &sheets {
        let Some(header) = columns::find(&s.rows) else {
            out.skipped.push(s.name.clone());
            continue;
        };
        let register = register_of(s, &header);
        let before = out.rows.len();
        for (number, cells) in &s.rows[header.last_row + 1..] {
            if let Some(row) = read_row(&s.name, *number, cells, &header, register, today) {
                out.rows.push(row);
            }
        }
        out.sheets.push(LegacySheet {
            name: s.name.clone(),
            register,
            columns: header
                .columns
                .iter()
                .map(|(h, f)| LegacyColumn {
                    header: h.clone(),
                    field: *f,
                    label: f.map_or("Không dùng", LegacyField::label_vi).to_owned(),
                })
                .collect(),
            rows: out.rows.len() - before,
        });
    }
    if out.sheets.is_empty() {
        return Err(LegacyError::NoRegister);
    }
    out.problems = out.rows.iter().filter(|r| !r.problems.is_empty()).count();
    Ok(out)
}

/// A reception register when its date column or title speaks of receiving citizens
/// ("Ngày tiếp", "SỔ TIẾP CÔNG DÂN"); a petitions register when they speak of petitions
/// received ("Ngày nhận đơn", "SỔ THEO DÕI ĐƠN").
fn register_of(s: &sheet::Sheet, header: &Header) -> LegacyRegister {
    let date = header
        .column(LegacyField::Date)
        .map(|c| fold(&header.columns[c].0))
        .unwrap_or_default();
    if date.contains("tiep") {
        return LegacyRegister::Reception;
    }
    if date.contains("nhan") {
        return LegacyRegister::Petitions;
    }
    let title: String = s.rows[..header.last_row]
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(Cell::text))
        .map(|t| fold(&t))
        .collect::<Vec<_>>()
        .join(" ");
    if title.contains("don thu") || title.contains("theo doi don") || title.contains("nhan don") {
        LegacyRegister::Petitions
    } else {
        LegacyRegister::Reception
    }
}

/// A row under a header made only of column numbers: "(1) (2) (3)" or "1 2 3".
fn is_numbering(cells: &[Cell]) -> bool {
    let filled: Vec<String> = cells
        .iter()
        .map(Cell::text)
        .filter(|t| !t.is_empty())
        .collect();
    filled.len() >= 3
        && filled.iter().enumerate().all(|(i, t)| {
            let t = t.trim_matches(|c| c == '(' || c == ')');
            t.parse::<usize>().is_ok_and(|n| n == i + 1) || t.len() == 1
        })
}

fn read_row(
    sheet: &str,
    number: u32,
    cells: &[Cell],
    header: &Header,
    register: LegacyRegister,
    today: NaiveDate,
) -> Option<LegacyRow> {
    if is_numbering(cells) {
        return None;
    }
    let empty = Cell::Empty;
    let cell = |f: LegacyField| {
        header
            .column(f)
            .and_then(|c| cells.get(c))
            .unwrap_or(&empty)
    };
    let text = |f: LegacyField| tiepdan_vocab::text::clean(&cell(f).text());
    let (full_name, address) = if header.column(LegacyField::NameAndAddress).is_some() {
        cells::name_and_address(&cell(LegacyField::NameAndAddress).text())
    } else {
        (text(LegacyField::Name), text(LegacyField::Address))
    };
    let summary = tiepdan_vocab::text::clean_block(&cell(LegacyField::Summary).text())
        .trim()
        .to_owned();
    let kind_text = text(LegacyField::Kind);
    let date = cell(LegacyField::Date);
    // A separator ("Quý I"), a footer ("Người lập biểu") or a blank row: not a record.
    let filled = [
        !full_name.is_empty(),
        !date.is_empty(),
        !summary.is_empty(),
        !kind_text.is_empty(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if filled < 2 {
        return None;
    }
    let date_label = header
        .column(LegacyField::Date)
        .map_or("Ngày".to_owned(), |c| header.columns[c].0.clone());
    let mut problems = Vec::new();
    if full_name.is_empty() {
        problems.push("Họ tên trống: ghi họ tên người đến hoặc người gửi đơn.".to_owned());
    }
    let received_on = match cells::day(date) {
        Ok(d) if d > today => {
            problems.push(format!(
                "{date_label} {} ở tương lai.",
                d.format("%d/%m/%Y")
            ));
            None
        }
        Ok(d) if d.year_ce().1 < 1990 => {
            problems.push(format!(
                "{date_label} {} quá xa; hãy kiểm tra năm.",
                d.format("%d/%m/%Y")
            ));
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            problems.push(format!("{date_label}: {e}."));
            None
        }
    };
    let kind = cells::kind(&kind_text);
    if kind.is_none() {
        problems.push(if header.column(LegacyField::Kind).is_none() {
            "Sổ không có cột Phân loại: thêm cột \"Phân loại\" ghi khiếu nại, tố cáo, kiến nghị hoặc phản ánh.".to_owned()
        } else if kind_text.is_empty() {
            "Phân loại trống: ghi khiếu nại, tố cáo, kiến nghị hoặc phản ánh (hoặc KN, TC, KNPA, PA).".to_owned()
        } else {
            format!("Phân loại \"{kind_text}\" không rõ: ghi khiếu nại, tố cáo, kiến nghị hoặc phản ánh (hoặc KN, TC, KNPA, PA).")
        });
    }
    if summary.is_empty() {
        problems.push("Nội dung trống: ghi tóm tắt nội dung vụ việc.".to_owned());
    }
    let id_number = Some(text(LegacyField::IdNumber))
        .map(|t| {
            t.chars()
                .filter(|c| !c.is_whitespace() && *c != '.')
                .collect::<String>()
        })
        .filter(|t| !t.is_empty());
    if let Some(n) = &id_number
        && !(n.chars().all(|c| c.is_ascii_digit()) && (n.len() == 12 || n.len() == 9))
    {
        problems.push(format!(
            "Số giấy tờ \"{n}\" không phải số căn cước (12 chữ số) hay chứng minh nhân dân (9 chữ số); sửa lại hoặc để trống."
        ));
    }
    let phone = Some(text(LegacyField::Phone)).filter(|t| !t.is_empty());
    let (field, field_guessed) = match header.column(LegacyField::Field) {
        Some(_) => (
            cells::field(&text(LegacyField::Field)).unwrap_or(Field::Other),
            false,
        ),
        None => (cells::field(&summary).unwrap_or(Field::Other), true),
    };
    let people = match cell(LegacyField::People) {
        Cell::Number(n) if *n >= 1.0 && *n < 10_000.0 => *n as u32,
        c => c
            .text()
            .trim()
            .parse()
            .ok()
            .filter(|n| *n >= 1)
            .unwrap_or(1),
    };
    let result = tiepdan_vocab::text::clean(&cell(LegacyField::Result).text());
    let action = cells::handling(&result);
    let handling = action.as_ref().map(|(a, body)| {
        let label = action_label(*a);
        match body {
            Some(b) => format!("{label} — {b}"),
            None => label.to_owned(),
        }
    });
    Some(LegacyRow {
        sheet: sheet.to_owned(),
        row: number,
        register,
        full_name,
        address,
        id_number,
        phone,
        received_on: received_on.map(|d| d.to_string()),
        kind,
        field,
        field_guessed,
        summary,
        people,
        result,
        handling,
        problems,
        action,
    })
}

fn action_label(a: Action) -> &'static str {
    match a {
        Action::Accept => "Thụ lý",
        Action::Decline => "Không thụ lý",
        Action::Transfer => "Chuyển đơn",
        Action::Guide => "Hướng dẫn",
        Action::Return => "Trả lại đơn",
        Action::File => "Lưu đơn",
        Action::Remind => "Đôn đốc",
    }
}

fn digest(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(fold(p).as_bytes());
        h.update([0]);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The records of a preview without problems, and for each record the row it came from
/// (`None` for the citizens and bodies several rows share).
pub fn records(preview: &LegacyPreview) -> (Vec<Record>, Vec<Option<(String, u32)>>) {
    let mut out = Vec::new();
    let mut source = Vec::new();
    let mut citizens: HashMap<String, ()> = HashMap::new();
    let mut agencies: HashMap<String, ()> = HashMap::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let eight = NaiveTime::from_hms_opt(8, 0, 0).expect("a real time");
    for r in &preview.rows {
        let (Some(day), Some(kind)) = (
            r.received_on
                .as_deref()
                .and_then(|d| d.parse::<NaiveDate>().ok()),
            r.kind,
        ) else {
            continue;
        };
        let citizen = format!(
            "xls-cd-{}",
            digest(&[
                &r.full_name,
                &r.address,
                r.id_number.as_deref().unwrap_or("")
            ])
        );
        if citizens.insert(citizen.clone(), ()).is_none() {
            let id_kind = match r.id_number.as_deref().map(str::len) {
                Some(12) => IdKind::Cccd,
                Some(9) => IdKind::Cmnd,
                _ => IdKind::NoPaper,
            };
            out.push(Record::Citizen(CitizenRecord {
                ref_: citizen.clone(),
                full_name: r.full_name.clone(),
                id_kind,
                id_number: r.id_number.clone().filter(|_| id_kind != IdKind::NoPaper),
                id_issued_on: None,
                id_issued_by: None,
                birth_year: None,
                gender: None,
                address: r.address.clone(),
                phone: r.phone.clone(),
            }));
            source.push(None);
        }
        // The same content twice in one file (a visit written twice) is two records; the
        // same file imported again gives the same refs.
        let content = digest(&[
            &r.full_name,
            &r.address,
            &day.to_string(),
            &r.summary,
            &r.result,
        ]);
        let n = seen.entry(content.clone()).or_insert(0);
        *n += 1;
        let key = format!("{content}-{n}");
        let mut events = Vec::new();
        if let Some((action, body)) = &r.action {
            let to = body.as_ref().map(|b| {
                let agency = format!("xls-cq-{}", digest(&[b]));
                if agencies.insert(agency.clone(), ()).is_none() {
                    out.push(Record::Agency(AgencyRecord {
                        ref_: agency.clone(),
                        name: b.clone(),
                        role: AgencyRole::Other,
                        address: None,
                    }));
                    source.push(Some((r.sheet.clone(), r.row)));
                }
                agency
            });
            let mut e = Event::new(day, EventKind::Handled);
            e.action = Some(*action);
            e.to = to;
            events.push(e);
        }
        let petition = format!("xls-don-{key}");
        out.push(Record::Petition(PetitionRecord {
            ref_: petition.clone(),
            received_on: day,
            channel: match r.register {
                LegacyRegister::Reception => Channel::InPerson,
                LegacyRegister::Petitions => Channel::Post,
            },
            forwarded_by: None,
            forwarded_doc: None,
            kind,
            field: r.field,
            petitioners: vec![citizen.clone()],
            anonymous: false,
            signatories: 1,
            respondent: None,
            instance: None,
            contested_on: None,
            decision_kind: None,
            oral: false,
            complex: false,
            specific: false,
            court_accepted: false,
            second_instance_on: None,
            case: None,
            summary: r.summary.clone(),
            papers: Vec::new(),
            subfield: None,
            events,
        }));
        source.push(Some((r.sheet.clone(), r.row)));
        if r.register == LegacyRegister::Reception {
            out.push(Record::Visit(VisitRecord {
                ref_: format!("xls-lt-{key}"),
                at: day.and_time(eight),
                reception: Reception::Regular,
                received_by: ReceivedBy::Officer,
                citizens: vec![citizen],
                representatives: Vec::new(),
                people: r.people.max(1),
                repeat: false,
                case: None,
                summary: r.summary.clone(),
                petitions: vec![petition],
                outcome: r.result.clone(),
            }));
            source.push(Some((r.sheet.clone(), r.row)));
        }
    }
    (out, source)
}

/// The records as an interchange file's text, one per line (line `i + 1` is record `i`).
pub fn to_text(records: &[Record]) -> String {
    let mut text = String::new();
    for r in records {
        text.push_str(&serde_json::to_string(r).expect("records serialise"));
        text.push('\n');
    }
    text
}
