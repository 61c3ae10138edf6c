//! Which column holds what: guessed from the header words communes use ("Họ tên", "Địa
//! chỉ", "Ngày nhận", "Nội dung", "Phân loại", "Kết quả"…), over one or two header rows
//! (a merged "Người đến" above "Họ tên" and "Địa chỉ").

use serde::Serialize;
use tiepdan_vocab::text::fold;
use ts_rs::TS;

use super::sheet::Cell;

/// What a column of an old register holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LegacyField {
    /// STT: ignored.
    Number,
    Name,
    Address,
    /// "Họ tên, địa chỉ" in one column.
    NameAndAddress,
    IdNumber,
    Phone,
    Date,
    Summary,
    Kind,
    Field,
    People,
    Result,
    Note,
}

impl LegacyField {
    pub fn label_vi(self) -> &'static str {
        match self {
            LegacyField::Number => "Số thứ tự (bỏ qua)",
            LegacyField::Name => "Họ tên",
            LegacyField::Address => "Địa chỉ",
            LegacyField::NameAndAddress => "Họ tên và địa chỉ",
            LegacyField::IdNumber => "Số giấy tờ tùy thân",
            LegacyField::Phone => "Điện thoại",
            LegacyField::Date => "Ngày",
            LegacyField::Summary => "Nội dung",
            LegacyField::Kind => "Phân loại đơn",
            LegacyField::Field => "Lĩnh vực",
            LegacyField::People => "Số người",
            LegacyField::Result => "Kết quả, hướng xử lý",
            LegacyField::Note => "Ghi chú",
        }
    }
}

/// The words of a header (folded: no marks, lowercase) and what they name, most specific
/// first.
const WORDS: &[(&str, LegacyField)] = &[
    ("stt", LegacyField::Number),
    ("so thu tu", LegacyField::Number),
    ("so tt", LegacyField::Number),
    ("so nguoi", LegacyField::People),
    ("so luong nguoi", LegacyField::People),
    ("cccd", LegacyField::IdNumber),
    ("cmnd", LegacyField::IdNumber),
    ("can cuoc", LegacyField::IdNumber),
    ("dinh danh", LegacyField::IdNumber),
    ("giay to", LegacyField::IdNumber),
    ("dien thoai", LegacyField::Phone),
    ("sdt", LegacyField::Phone),
    ("phan loai", LegacyField::Kind),
    ("loai don", LegacyField::Kind),
    ("loai vu viec", LegacyField::Kind),
    ("linh vuc", LegacyField::Field),
    ("ket qua", LegacyField::Result),
    ("huong xu ly", LegacyField::Result),
    ("xu ly", LegacyField::Result),
    ("giai quyet", LegacyField::Result),
    ("ghi chu", LegacyField::Note),
    ("noi dung", LegacyField::Summary),
    ("tom tat", LegacyField::Summary),
    ("ngay", LegacyField::Date),
    ("thoi gian", LegacyField::Date),
    ("dia chi", LegacyField::Address),
    ("noi cu tru", LegacyField::Address),
    ("noi o", LegacyField::Address),
    ("tru tai", LegacyField::Address),
    ("ho ten", LegacyField::Name),
    ("ho va ten", LegacyField::Name),
    ("nguoi den", LegacyField::Name),
    ("nguoi gui", LegacyField::Name),
    ("nguoi khieu nai", LegacyField::Name),
    ("nguoi to cao", LegacyField::Name),
    ("ten nguoi", LegacyField::Name),
    ("cong dan", LegacyField::Name),
];

/// What one header names, if anything. A header naming both a person and an address
/// ("Họ tên, địa chỉ") is the two in one column.
pub fn field_of(header: &str) -> Option<LegacyField> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    let names = |f: LegacyField| WORDS.iter().any(|(w, x)| *x == f && h.contains(w));
    if names(LegacyField::Name) && names(LegacyField::Address) {
        return Some(LegacyField::NameAndAddress);
    }
    WORDS.iter().find(|(w, _)| h.contains(w)).map(|(_, f)| *f)
}

/// The header of a sheet: the rows it spans and what each column holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Index (in the sheet's rows) of the last header row; data starts after it.
    pub last_row: usize,
    /// For each column: its header text and what it holds.
    pub columns: Vec<(String, Option<LegacyField>)>,
}

impl Header {
    pub fn column(&self, f: LegacyField) -> Option<usize> {
        self.columns.iter().position(|(_, x)| *x == Some(f))
    }
}

/// How many cells of a row read as headers.
fn score(row: &[Cell]) -> usize {
    row.iter()
        .filter(|c| matches!(c, Cell::Text(_)) && field_of(&c.text()).is_some())
        .count()
}

/// A row under the header that names parts of merged groups: every filled cell is a header
/// word (a data row whose summary happens to contain "xử lý" is not one).
fn is_subheader(row: &[Cell]) -> bool {
    let filled: Vec<&Cell> = row.iter().filter(|c| !c.is_empty()).collect();
    !filled.is_empty()
        && filled
            .iter()
            .all(|c| matches!(c, Cell::Text(t) if field_of(t).is_some()))
}

/// Finds the header among the first rows of a sheet: the row where most cells are header
/// words (at least three), and the row under it too when that row names columns as well
/// (a merged group above its parts). `None` when the sheet has no register header.
pub fn find(rows: &[(u32, Vec<Cell>)]) -> Option<Header> {
    let top = rows.len().min(25);
    let (best, best_score) = (0..top)
        .map(|i| (i, score(&rows[i].1)))
        .max_by_key(|(i, s)| (*s, std::cmp::Reverse(*i)))?;
    if best_score < 3 {
        return None;
    }
    let two_rows = best + 1 < rows.len() && is_subheader(&rows[best + 1].1);
    let width = rows[best]
        .1
        .len()
        .max(if two_rows { rows[best + 1].1.len() } else { 0 });
    let mut columns = Vec::with_capacity(width);
    let mut group = String::new();
    for col in 0..width {
        let upper = rows[best].1.get(col).map(Cell::text).unwrap_or_default();
        if !upper.is_empty() {
            group = upper.clone();
        }
        let lower = if two_rows {
            rows[best + 1]
                .1
                .get(col)
                .map(Cell::text)
                .unwrap_or_default()
        } else {
            String::new()
        };
        // The part under a merged group says what the column is; the group says it when
        // nothing is under it.
        let (text, field) = if !lower.is_empty() {
            let f = field_of(&lower).or_else(|| field_of(&group));
            (format!("{group} — {lower}"), f)
        } else {
            (upper.clone(), field_of(&upper))
        };
        columns.push((text, field));
    }
    // A field named twice: the first column holds it, the later ones are notes.
    let mut seen = Vec::new();
    for (_, f) in columns.iter_mut() {
        if let Some(x) = *f {
            if seen.contains(&x) && x != LegacyField::Note {
                *f = Some(LegacyField::Note);
            } else {
                seen.push(x);
            }
        }
    }
    Some(Header {
        last_row: if two_rows { best + 1 } else { best },
        columns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> (u32, Vec<Cell>) {
        (
            0,
            cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text((*c).to_owned())
                    }
                })
                .collect(),
        )
    }

    #[test]
    fn headers_name_their_columns_with_or_without_marks() {
        assert_eq!(field_of("Họ và tên"), Some(LegacyField::Name));
        assert_eq!(field_of("HO TEN"), Some(LegacyField::Name));
        assert_eq!(
            field_of("Họ tên, địa chỉ"),
            Some(LegacyField::NameAndAddress)
        );
        assert_eq!(field_of("Ngày tiếp"), Some(LegacyField::Date));
        assert_eq!(field_of("Nội dung vụ việc"), Some(LegacyField::Summary));
        assert_eq!(field_of("Phân loại đơn"), Some(LegacyField::Kind));
        assert_eq!(field_of("Kết quả xử lý"), Some(LegacyField::Result));
        assert_eq!(field_of("Số CCCD"), Some(LegacyField::IdNumber));
        assert_eq!(field_of("Số người"), Some(LegacyField::People));
        assert_eq!(field_of("STT"), Some(LegacyField::Number));
        assert_eq!(field_of("Cột lạ"), None);
    }

    #[test]
    fn a_title_then_a_two_row_header_with_a_merged_group() {
        let rows = vec![
            row(&["SỔ TIẾP CÔNG DÂN NĂM 2023"]),
            row(&[]),
            row(&[
                "STT",
                "Ngày tiếp",
                "Người đến",
                "",
                "Nội dung",
                "Phân loại",
                "Kết quả",
            ]),
            row(&["", "", "Họ tên", "Địa chỉ", "", "", ""]),
            row(&["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]),
        ];
        let h = find(&rows).unwrap();
        assert_eq!(h.last_row, 3);
        let fields: Vec<_> = h.columns.iter().map(|(_, f)| *f).collect();
        use LegacyField::*;
        assert_eq!(
            fields,
            [
                Some(Number),
                Some(Date),
                Some(Name),
                Some(Address),
                Some(Summary),
                Some(Kind),
                Some(Result)
            ]
        );
    }

    #[test]
    fn a_data_row_under_a_one_row_header_stays_data() {
        let rows = vec![
            row(&["Họ tên", "Địa chỉ", "Ngày nhận", "Nội dung"]),
            row(&["Lê Văn A", "Thôn 1", "12/3/2024", "Đề nghị xử lý lấn chiếm"]),
        ];
        assert_eq!(find(&rows).unwrap().last_row, 0);
    }

    #[test]
    fn a_sheet_without_a_register_header_is_not_one() {
        assert!(find(&[row(&["Ghi chú", "abc"]), row(&["1", "2"])]).is_none());
    }
}
