//! The statistical reports of Thông tư 01/2024/TT-TTCP, computed from the records: each
//! template's columns are defined once, by their number (MS) and header path; a computed
//! table keeps, for every number, the records it counts (drill-down) and is checked
//! against the template's sum identities. Pure: the desk reads the facts, this computes.

mod cases;
pub mod kqgq;
pub mod kqgq03;
pub mod period;
pub mod tcd01;
pub mod xld01;
pub mod xld0203;
pub mod xld04;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use period::Period;

/// The report templates (biểu) the app produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Template {
    #[serde(rename = "01/TCD")]
    Tcd01,
    #[serde(rename = "01/XLD")]
    Xld01,
    #[serde(rename = "02/XLD")]
    Xld02,
    #[serde(rename = "03/XLD")]
    Xld03,
    #[serde(rename = "04/XLD")]
    Xld04,
    #[serde(rename = "01/KQGQ")]
    Kqgq01,
    #[serde(rename = "02/KQGQ")]
    Kqgq02,
    #[serde(rename = "03/KQGQ")]
    Kqgq03,
}

/// One column of a template: its number and its header, outermost group first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub ms: u16,
    pub header: &'static [&'static str],
}

/// A sum identity of a template: the column equals the sum of the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    pub total: u16,
    pub parts: &'static [u16],
}

impl Template {
    pub const ALL: [Template; 8] = [
        Template::Tcd01,
        Template::Xld01,
        Template::Xld02,
        Template::Xld03,
        Template::Xld04,
        Template::Kqgq01,
        Template::Kqgq02,
        Template::Kqgq03,
    ];

    /// "01/TCD".
    pub fn code(self) -> &'static str {
        match self {
            Template::Tcd01 => "01/TCD",
            Template::Xld01 => "01/XLD",
            Template::Xld02 => "02/XLD",
            Template::Xld03 => "03/XLD",
            Template::Xld04 => "04/XLD",
            Template::Kqgq01 => "01/KQGQ",
            Template::Kqgq02 => "02/KQGQ",
            Template::Kqgq03 => "03/KQGQ",
        }
    }

    pub fn parse(code: &str) -> Option<Template> {
        Template::ALL
            .into_iter()
            .find(|t| t.code().eq_ignore_ascii_case(code.trim()))
    }

    pub fn title_vi(self) -> &'static str {
        match self {
            Template::Tcd01 => "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
            Template::Xld01 => "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
            Template::Xld02 => "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI",
            Template::Xld03 => "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO",
            Template::Xld04 => "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH",
            Template::Kqgq01 => "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN",
            Template::Kqgq02 => "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI",
            Template::Kqgq03 => "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO THUỘC THẨM QUYỀN",
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Template::Tcd01 => tcd01::COLUMNS,
            Template::Xld01 => xld01::COLUMNS,
            Template::Xld02 => xld0203::COLUMNS_02,
            Template::Xld03 => xld0203::COLUMNS_03,
            Template::Xld04 => xld04::COLUMNS,
            Template::Kqgq01 => kqgq::COLUMNS_01,
            Template::Kqgq02 => kqgq::COLUMNS_02,
            Template::Kqgq03 => kqgq03::COLUMNS,
        }
    }

    /// The numbers a chart of the report shows: (label, MS).
    pub fn summary(self) -> &'static [(&'static str, u16)] {
        match self {
            Template::Tcd01 => &[
                ("Tiếp thường xuyên", 4),
                ("Thủ trưởng tiếp", 13),
                ("Ủy quyền tiếp", 22),
                ("Đoàn đông người", 8),
            ],
            Template::Xld01 => &[
                ("Khiếu nại", 8),
                ("Tố cáo", 9),
                ("Kiến nghị, phản ánh", 10),
                ("Thuộc thẩm quyền", 14),
                ("Không thuộc thẩm quyền", 18),
                ("Chưa xử lý", 5),
            ],
            Template::Xld02 | Template::Xld03 => &[
                ("Tổng số đơn phải xử lý", 1),
                ("Đơn đã xử lý", 4),
                ("Vụ việc đủ điều kiện", 8),
                ("Thuộc thẩm quyền", 21),
                ("Không thuộc thẩm quyền", 24),
            ],
            Template::Xld04 => &[
                ("Chế độ, chính sách", 9),
                ("Đất đai", 10),
                ("Tư pháp", 11),
                ("Khác", 12),
                ("Thuộc thẩm quyền", 15),
                ("Không thuộc thẩm quyền", 16),
            ],
            Template::Kqgq01 => &[
                ("Vụ việc thuộc thẩm quyền", 4),
                ("Giải quyết bằng quyết định", 5),
                ("Rút đơn", 6),
                ("Đúng hạn", 25),
                ("Quá hạn", 26),
            ],
            Template::Kqgq02 => &[("Quyết định phải thực hiện", 1), ("Đã thực hiện xong", 2)],
            Template::Kqgq03 => &[
                ("Vụ việc thuộc thẩm quyền", 4),
                ("Đã kết luận", 6),
                ("Chưa giải quyết xong", 9),
                ("Đúng hạn", 26),
                ("Quá hạn", 27),
            ],
        }
    }

    /// The MS row's label of column `ms`, as the template writes it: the number, followed
    /// by every sum it is the total of ("1=2+3=4+5").
    pub fn ms_label(self, ms: u16) -> String {
        let mut label = ms.to_string();
        for id in self.identities().iter().filter(|i| i.total == ms) {
            label.push('=');
            let parts: Vec<String> = id.parts.iter().map(|p| p.to_string()).collect();
            label.push_str(&parts.join("+"));
        }
        label
    }

    /// `value` of column `ms` in the template's unit: a whole number stays an integer.
    pub fn printed(self, ms: u16, value: i64) -> serde_json::Value {
        let scale = self.scale(ms);
        if value % scale == 0 {
            serde_json::Value::from(value / scale)
        } else {
            serde_json::Value::from(value as f64 / scale as f64)
        }
    }

    /// `value` of column `ms` as printed in a Vietnamese table: "1.234" or "150,5".
    pub fn text(self, ms: u16, value: i64) -> String {
        number_vi(value, self.scale(ms))
    }

    /// How many stored units make one unit of column `ms` as the template prints it:
    /// money is kept in đồng and printed in millions ("Tiền (Trđ)"), land in hundredths
    /// of a square metre and printed in m² ("Đất (m2)"); counts as they are.
    pub fn scale(self, ms: u16) -> i64 {
        let leaf = self
            .columns()
            .iter()
            .find(|c| c.ms == ms)
            .and_then(|c| c.header.last())
            .copied()
            .unwrap_or("");
        if leaf.ends_with("(Trđ)") {
            1_000_000
        } else if leaf.ends_with("(m2)") {
            100
        } else {
            1
        }
    }

    pub fn identities(self) -> &'static [Identity] {
        match self {
            Template::Tcd01 => tcd01::IDENTITIES,
            Template::Xld01 => xld01::IDENTITIES,
            Template::Xld02 => xld0203::IDENTITIES_02,
            Template::Xld03 => xld0203::IDENTITIES_03,
            Template::Xld04 => xld04::IDENTITIES,
            Template::Kqgq01 => kqgq::IDENTITIES_01,
            Template::Kqgq02 => kqgq::IDENTITIES_02,
            Template::Kqgq03 => kqgq03::IDENTITIES,
        }
    }
}

/// `value / scale` written the Vietnamese way: a dot between thousands, a comma before
/// the decimals (at most three, trailing zeros dropped): "1.234", "150,5", "0,125".
pub fn number_vi(value: i64, scale: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let v = value.unsigned_abs();
    let scale = scale.max(1).unsigned_abs();
    let (whole, rest) = (v / scale, v % scale);
    let digits = whole.to_string();
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if rest != 0 {
        // Three decimals, rounded, then trailing zeros dropped.
        let thousandths = (rest as u128 * 1000 + scale as u128 / 2) / scale as u128;
        let decimals = format!("{thousandths:03}");
        let decimals = decimals.trim_end_matches('0');
        if !decimals.is_empty() {
            out.push(',');
            out.push_str(decimals);
        }
    }
    out
}

/// One cell of a template's header: its row and column (0 = the first data column) and
/// how many rows and columns it spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HeaderCell {
    pub row: u32,
    pub col: u16,
    pub rows: u32,
    pub cols: u16,
    pub text: String,
}

/// The header cells of `columns`, merged by shared header prefix; a leaf reaches down to
/// the last header row. Columns count from 0 at the first data column.
pub fn header_cells(columns: &[Column]) -> Vec<HeaderCell> {
    let depth = columns.iter().map(|c| c.header.len()).max().unwrap_or(1) as u32;
    let mut cells = Vec::new();
    for level in 0..depth as usize {
        let mut i = 0;
        while i < columns.len() {
            let c = &columns[i];
            if c.header.len() <= level {
                i += 1;
                continue;
            }
            let prefix = &c.header[..=level];
            let mut j = i + 1;
            while j < columns.len()
                && columns[j].header.len() > level
                && &columns[j].header[..=level] == prefix
            {
                j += 1;
            }
            let leaf = j == i + 1 && c.header.len() == level + 1;
            cells.push(HeaderCell {
                row: level as u32,
                col: i as u16,
                rows: if leaf { depth - level as u32 } else { 1 },
                cols: (j - i) as u16,
                text: c.header[level].to_owned(),
            });
            i = j;
        }
    }
    cells
}

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Visit,
    Petition,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub struct RecordRef {
    pub kind: RecordKind,
    #[ts(type = "number")]
    pub id: i64,
}

/// A computed table: one value per column (in the template's order) and the records
/// behind each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Computed {
    pub template: Template,
    pub period: Period,
    pub values: Vec<i64>,
    pub records: Vec<Vec<RecordRef>>,
}

impl Computed {
    fn new(template: Template, period: Period) -> Self {
        let n = template.columns().len();
        Computed {
            template,
            period,
            values: vec![0; n],
            records: vec![Vec::new(); n],
        }
    }

    fn index(&self, ms: u16) -> usize {
        self.template
            .columns()
            .iter()
            .position(|c| c.ms == ms)
            .unwrap_or_else(|| panic!("{} has no column {ms}", self.template.code()))
    }

    /// Counts `record` once in column `ms`.
    fn count(&mut self, ms: u16, record: RecordRef) {
        self.add(ms, 1, record);
    }

    /// Adds `n` to column `ms`, because of `record`.
    fn add(&mut self, ms: u16, n: i64, record: RecordRef) {
        let i = self.index(ms);
        self.values[i] += n;
        self.records[i].push(record);
    }

    /// The value of column `ms`.
    pub fn value(&self, ms: u16) -> i64 {
        self.values[self.index(ms)]
    }

    /// The records behind column `ms`, each once, in order.
    pub fn records_of(&self, ms: u16) -> Vec<RecordRef> {
        let mut r = self.records[self.index(ms)].clone();
        r.sort();
        r.dedup();
        r
    }

    /// The identities that do not hold: (total, its value, the parts' sum).
    pub fn broken_identities(&self) -> Vec<(Identity, i64, i64)> {
        self.template
            .identities()
            .iter()
            .filter_map(|id| {
                let sum: i64 = id.parts.iter().map(|&p| self.value(p)).sum();
                let total = self.value(id.total);
                (sum != total).then_some((*id, total, sum))
            })
            .collect()
    }

    /// The columns keyed by MS, as the interchange format's "Reports as data" writes them.
    pub fn columns_json(&self) -> serde_json::Map<String, serde_json::Value> {
        self.template
            .columns()
            .iter()
            .zip(&self.values)
            .map(|(c, v)| (c.ms.to_string(), self.template.printed(c.ms, *v)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_the_vietnamese_way_in_the_template_unit() {
        assert_eq!(number_vi(1_234_567, 1), "1.234.567");
        assert_eq!(number_vi(0, 1), "0");
        assert_eq!(number_vi(150_500_000, 1_000_000), "150,5");
        assert_eq!(number_vi(1_250_000_000, 1_000_000), "1.250");
        assert_eq!(number_vi(12_050, 100), "120,5");
        assert_eq!(
            number_vi(1, 1_000_000),
            "0",
            "below a thousandth of the unit"
        );
        assert_eq!(Template::Kqgq01.scale(7), 1_000_000);
        assert_eq!(Template::Kqgq01.scale(8), 100);
        assert_eq!(Template::Kqgq01.scale(14), 1);
        assert_eq!(Template::Kqgq02.text(10, 20_000), "200");
        assert_eq!(
            Template::Kqgq02.printed(3, 150_500_000),
            serde_json::json!(150.5)
        );
        assert_eq!(Template::Xld01.printed(1, 7), serde_json::json!(7));
    }

    #[test]
    fn headers_merge_by_shared_prefix_and_leaves_reach_the_bottom() {
        let cells = header_cells(Template::Tcd01.columns());
        let find = |t: &str| {
            let h = cells.iter().find(|c| c.text == t).unwrap();
            (h.row, h.col, h.rows, h.cols)
        };
        assert_eq!(find("Tổng số lượt tiếp"), (0, 0, 4, 1));
        assert_eq!(find("Tiếp thường xuyên"), (0, 3, 1, 8));
        assert_eq!(
            find("Tiếp định kỳ và đột xuất của Thủ trưởng"),
            (0, 11, 1, 18)
        );
        assert_eq!(find("Thủ trưởng tiếp"), (1, 11, 1, 9));
        // Every data column is covered exactly once on every header row.
        for row in 0..4 {
            for col in 0..29u16 {
                let n = cells
                    .iter()
                    .filter(|h| {
                        h.row <= row && row < h.row + h.rows && h.col <= col && col < h.col + h.cols
                    })
                    .count();
                assert_eq!(n, 1, "row {row} col {col}");
            }
        }
    }
}
