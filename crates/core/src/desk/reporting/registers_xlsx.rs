//! The registers as Excel files (rust_xlsxwriter): A4 landscape, a title with the office
//! and the period, bordered wrapped cells, the header row repeated on every printed page,
//! an autofilter. Written in the viewing folder (`DataDir::view`) (temp file, then rename).

use chrono::NaiveDateTime;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::desk::Desk;
use crate::desk::registers::{PetitionRow, ReceptionRow, RegisterFilter};
use crate::error::{Error, FieldError, Result};

/// Which register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    /// Sổ tiếp công dân.
    Reception,
    /// Sổ theo dõi đơn.
    Petitions,
}

/// A written register file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RegisterFile {
    pub path: String,
    pub rows: u32,
}

impl Register {
    fn title(self) -> &'static str {
        match self {
            Register::Reception => "SỔ TIẾP CÔNG DÂN",
            Register::Petitions => "SỔ THEO DÕI ĐƠN",
        }
    }

    fn file_stem(self) -> &'static str {
        match self {
            Register::Reception => "so-tiep-cong-dan",
            Register::Petitions => "so-theo-doi-don",
        }
    }
}

const RECEPTION_COLUMNS: &[(&str, f64)] = &[
    ("STT", 5.0),
    ("Ngày tiếp", 11.0),
    ("Họ tên — địa chỉ — số giấy tờ", 30.0),
    ("Số người", 7.0),
    ("Nội dung vụ việc", 40.0),
    ("Phân loại đơn", 14.0),
    ("Hình thức tiếp", 12.0),
    ("Người tiếp", 12.0),
    ("Lần đầu / nhiều lần", 10.0),
    ("Kết quả tiếp", 25.0),
];

const PETITION_COLUMNS: &[(&str, f64)] = &[
    ("STT", 5.0),
    ("Ngày nhận", 11.0),
    ("Người gửi", 28.0),
    ("Loại đơn", 12.0),
    ("Lĩnh vực", 14.0),
    ("Nội dung", 42.0),
    ("Nguồn đơn", 14.0),
    ("Cơ quan chuyển đến", 20.0),
    ("Hướng xử lý", 16.0),
];

fn date_vi(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

fn period(filter: &RegisterFilter) -> String {
    match (filter.from.as_deref(), filter.to.as_deref()) {
        (Some(f), Some(t)) if !f.is_empty() && !t.is_empty() => {
            format!("Từ ngày {} đến ngày {}", date_vi(f), date_vi(t))
        }
        (Some(f), _) if !f.is_empty() => format!("Từ ngày {}", date_vi(f)),
        (_, Some(t)) if !t.is_empty() => format!("Đến ngày {}", date_vi(t)),
        _ => "Toàn bộ sổ".to_owned(),
    }
}

/// The workbook's bytes for `rows` (each a list of cell texts).
fn workbook(
    title: &str,
    office: &str,
    period: &str,
    columns: &[(&str, f64)],
    rows: &[Vec<String>],
) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(title.chars().take(31).collect::<String>())?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    let last = (columns.len() - 1) as u16;
    let centered = Format::new()
        .set_align(FormatAlign::Center)
        .set_font_name("Times New Roman");
    sheet.merge_range(
        0,
        0,
        0,
        last,
        &office.to_uppercase(),
        &centered.clone().set_bold(),
    )?;
    sheet.merge_range(
        1,
        0,
        1,
        last,
        title,
        &centered.clone().set_bold().set_font_size(14),
    )?;
    sheet.merge_range(2, 0, 2, last, period, &centered.clone().set_italic())?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#E7E6E6")
        .set_font_name("Times New Roman");
    let cell = Format::new()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_font_name("Times New Roman");
    for (c, (name, width)) in columns.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
        sheet.write_string_with_format(4, c as u16, *name, &head)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = 5 + i as u32;
        sheet.write_number_with_format(r, 0, (i + 1) as f64, &cell)?;
        for (c, text) in row.iter().enumerate() {
            sheet.write_string_with_format(r, (c + 1) as u16, text, &cell)?;
        }
    }
    sheet.set_repeat_rows(4, 4)?;
    sheet.set_freeze_panes(5, 0)?;
    sheet.autofilter(4, 0, 4 + rows.len() as u32, last)?;
    book.save_to_buffer()
}

fn reception_cells(r: &ReceptionRow) -> Vec<String> {
    use crate::domain::visit::{ReceivedBy, Reception};
    vec![
        date_vi(&r.at),
        r.who.clone(),
        r.people.to_string(),
        r.content.clone(),
        r.kinds.clone(),
        match r.reception {
            Reception::Regular => "Thường xuyên",
            Reception::Periodic => "Định kỳ",
            Reception::AdHoc => "Đột xuất",
        }
        .into(),
        match (r.received_by, &r.officer_name) {
            (ReceivedBy::Head, _) => "Thủ trưởng".to_owned(),
            (ReceivedBy::Delegate, Some(n)) => format!("Ủy quyền: {n}"),
            (ReceivedBy::Delegate, None) => "Ủy quyền".to_owned(),
            (ReceivedBy::Officer, Some(n)) => n.clone(),
            (ReceivedBy::Officer, None) => "Cán bộ".to_owned(),
        },
        if r.repeat {
            "Nhiều lần"
        } else {
            "Lần đầu"
        }
        .into(),
        r.outcome.clone(),
    ]
}

fn petition_cells(r: &PetitionRow) -> Vec<String> {
    vec![
        date_vi(&r.received_on),
        r.who.clone(),
        crate::desk::registers::kind_name(r.kind).to_owned(),
        crate::desk::registers::field_label(r.field).to_owned(),
        r.summary.clone(),
        r.channel.clone(),
        r.forwarded_by.clone(),
        r.handling.clone(),
    ]
}

type Rows = (&'static [(&'static str, f64)], Vec<Vec<String>>);

impl Desk {
    /// The register's columns and every row of the filter, as cell texts.
    fn register_rows(
        &self,
        register: Register,
        filter: &RegisterFilter,
        today: chrono::NaiveDate,
    ) -> Result<Rows> {
        let all = RegisterFilter {
            limit: 0,
            ..filter.clone()
        };
        Ok(match register {
            Register::Reception => (
                RECEPTION_COLUMNS,
                self.reception_register(&all)?
                    .iter()
                    .map(reception_cells)
                    .collect(),
            ),
            Register::Petitions => (
                PETITION_COLUMNS,
                self.petition_register(&all, today)?
                    .iter()
                    .map(petition_cells)
                    .collect(),
            ),
        })
    }

    /// Writes the register as a PDF file (A4 landscape) in the viewing folder.
    pub fn export_register_pdf(
        &self,
        register: Register,
        filter: &RegisterFilter,
        now: NaiveDateTime,
    ) -> Result<RegisterFile> {
        self.signed_in()?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let (columns, rows) = self.register_rows(register, filter, now.date())?;
        let bytes = crate::print::register::render(&crate::print::register::RegisterTable {
            office: &office.name,
            title: register.title(),
            period: &period(filter),
            columns,
            rows: &rows,
        });
        let path = crate::desk::files::export_path(&self.dir, register.file_stem(), now, "pdf")?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(RegisterFile {
            path: path.display().to_string(),
            rows: rows.len() as u32,
        })
    }

    /// Writes the register as an Excel file in the viewing folder; all rows of the filter.
    pub fn export_register(
        &self,
        register: Register,
        filter: &RegisterFilter,
        now: NaiveDateTime,
    ) -> Result<RegisterFile> {
        self.signed_in()?;
        let office = self.office()?.ok_or(Error::OfficeMissing)?;
        let (columns, rows) = self.register_rows(register, filter, now.date())?;
        let bytes = workbook(
            register.title(),
            &office.name,
            &period(filter),
            columns,
            &rows,
        )
        .map_err(|e| {
            Error::Invalid(vec![FieldError::new(
                "register",
                format!("Không tạo được tệp Excel: {e}."),
            )])
        })?;
        let path = crate::desk::files::export_path(&self.dir, register.file_stem(), now, "xlsx")?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(RegisterFile {
            path: path.display().to_string(),
            rows: rows.len() as u32,
        })
    }
}
