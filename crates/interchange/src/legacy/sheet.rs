//! A workbook's sheets as rows of plain cells (calamine reads .xlsx, .xls and .ods from
//! bytes: nothing here touches the disk).

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use chrono::NaiveDate;

/// One cell as the legacy reader needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell Excel formats as a date.
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text (numbers without a needless ".0").
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

/// A sheet: its name and its rows, each with its number as the spreadsheet shows it.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<(u32, Vec<Cell>)>,
}

/// Excel's day 0 (its serial numbers count days from 30/12/1899).
fn excel_day(serial: f64) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    base.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            let s = tiepdan_vocab::text::nfc(s.trim());
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s)
            }
        }
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "có" } else { "không" }.into()),
        Data::DateTime(dt) => excel_day(dt.as_f64()).map_or(Cell::Empty, Cell::Date),
    }
}

/// Every sheet of the workbook in `bytes`, or why it cannot be read.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, row)| {
                let mut cells: Vec<Cell> = (0..left).map(|_| Cell::Empty).collect();
                cells.extend(row.iter().map(cell));
                (top + i as u32 + 1, cells)
            })
            .collect();
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// The serial number of a day as Excel counts it (for tests and previews).
pub fn serial_of(day: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a real day");
    (day - base).num_days() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_days_from_the_end_of_1899() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 12).unwrap();
        assert_eq!(excel_day(serial_of(d)), Some(d));
        assert_eq!(excel_day(45363.75), Some(d), "a time of day is dropped");
        assert_eq!(excel_day(-3.0), None);
        assert_eq!(Cell::Number(12.0).text(), "12");
        assert_eq!(Cell::Number(1.5).text(), "1.5");
    }

    #[test]
    fn bytes_that_are_not_a_workbook_are_refused() {
        assert!(read(b"not a spreadsheet").is_err());
    }
}
