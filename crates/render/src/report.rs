//! A statistical report table as PDF: A4 landscape, the issuing body and the form number
//! above, the title and period, the template's header with its merged cells drawn as a
//! grid, the MS row, the office's numbers, and the signature block. Pure.

use super::layout::{Align, Style, Writer};
use tiepdan_domain::report::HeaderCell;

/// Everything the table prints; plain values.
pub struct ReportTable<'a> {
    pub parent: &'a str,
    pub agency: &'a str,
    /// "01/XLD".
    pub code: &'a str,
    pub title: &'a str,
    pub period_title: &'a str,
    pub period_range: &'a str,
    pub header: &'a [HeaderCell],
    /// The MS row's labels ("1=2+3=4+5").
    pub ms: &'a [String],
    /// The numbers as printed ("1.234", "150,5").
    pub values: &'a [String],
    pub chair: &'a str,
    /// "Ba Tơ, ngày 15 tháng 6 năm 2026".
    pub place_and_date: &'a str,
    /// The audit chain's head when the report was made (`N:HASH`), printed small at the
    /// foot: the anchor an inspector checks with `tiepdan audit verify --head`.
    pub audit_head: &'a str,
}

const X0: f32 = 15.0;
const UNIT_W: f32 = 30.0;
const HEAD_SIZE: f32 = 6.5;
const LINE: f32 = 2.9;

/// A box's lines of bold header text, centred both ways: `(x, y, width, height)` in mm.
fn text_block(w: &mut Writer, (x, y, width, height): (f32, f32, f32, f32), text: &[String]) {
    let block = text.len() as f32 * LINE;
    let mut line_y = y + (height - block) / 2.0 - 0.4;
    for l in text {
        w.y = line_y;
        w.put(x, width, Align::Center, Style::Bold, HEAD_SIZE, l);
        line_y += LINE;
    }
}

pub fn render(t: &ReportTable<'_>) -> Vec<u8> {
    let mut w = Writer::landscape(&format!("Biểu {}", t.code));
    let table_w = w.page_w - 2.0 * X0;
    let col_w = (table_w - UNIT_W) / t.ms.len().max(1) as f32;
    let half = w.page_w / 2.0;
    // The issuing body (left) and the form (right).
    w.y = 12.0;
    w.put(
        X0,
        half - X0,
        Align::Center,
        Style::Regular,
        10.0,
        &t.parent.to_uppercase(),
    );
    w.put(
        half,
        half - X0,
        Align::Center,
        Style::Bold,
        10.0,
        &format!("Biểu số: {}", t.code),
    );
    w.advance(10.0);
    w.put(
        X0,
        half - X0,
        Align::Center,
        Style::Bold,
        10.0,
        &t.agency.to_uppercase(),
    );
    w.put(
        half,
        half - X0,
        Align::Center,
        Style::Italic,
        9.0,
        "(Ban hành kèm theo Thông tư số 01/2024/TT-TTCP)",
    );
    w.advance(10.0);
    w.gap(3.0);
    for (style, size, text) in [
        (Style::Bold, 12.0, t.title),
        (Style::Regular, 10.0, t.period_title),
        (Style::Italic, 10.0, t.period_range),
    ] {
        w.put(X0, table_w, Align::Center, style, size, text);
        w.advance(size);
    }
    w.gap(3.0);

    // Row heights of the header: enough for every cell's wrapped text.
    let depth = t.header.iter().map(|h| h.row + h.rows).max().unwrap_or(1) as usize;
    let lines = |h: &HeaderCell| {
        w.wrap(
            &h.text,
            Style::Bold,
            HEAD_SIZE,
            col_w * f32::from(h.cols) - 1.2,
        )
    };
    let mut heights = vec![6.0f32; depth];
    for h in t.header.iter().filter(|h| h.rows == 1) {
        let need = lines(h).len() as f32 * LINE + 2.0;
        heights[h.row as usize] = heights[h.row as usize].max(need);
    }
    for h in t.header.iter().filter(|h| h.rows > 1) {
        let need = lines(h).len() as f32 * LINE + 2.0;
        let span: f32 = heights[h.row as usize..(h.row + h.rows) as usize]
            .iter()
            .sum();
        if need > span {
            heights[(h.row + h.rows - 1) as usize] += need - span;
        }
    }
    let top = w.y;
    let row_y = |r: usize| top + heights[..r].iter().sum::<f32>();
    let head_h: f32 = heights.iter().sum();
    let x_of = |col: u16| X0 + UNIT_W + col_w * f32::from(col);
    // "Đơn vị" and every header cell, each in its box.
    let unit = w.wrap("Đơn vị", Style::Bold, HEAD_SIZE, UNIT_W - 1.0);
    text_block(&mut w, (X0, top, UNIT_W, head_h), &unit);
    for h in t.header {
        let (x, y) = (x_of(h.col), row_y(h.row as usize));
        let width = col_w * f32::from(h.cols);
        let height = heights[h.row as usize..(h.row + h.rows) as usize]
            .iter()
            .sum();
        let text = w.wrap(&h.text, Style::Bold, HEAD_SIZE, width - 1.2);
        text_block(&mut w, (x, y, width, height), &text);
        // The box's bottom and right edges; the grid's outer edges are drawn below.
        w.segment((x, y + height), (x + width, y + height), 0.4);
        w.segment((x + width, y), (x + width, y + height), 0.4);
    }
    // The MS row and the office's row.
    let ms_y = top + head_h;
    let ms_lines: Vec<Vec<String>> =
        t.ms.iter()
            // A long sum ("1=4+13+22") may break after "+" too, never over its neighbour.
            .map(|m| {
                w.wrap(
                    &m.replace('=', " =").replace('+', "+ "),
                    Style::Italic,
                    6.0,
                    col_w - 0.8,
                )
            })
            .collect();
    let ms_h = ms_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * 2.5 + 2.0;
    let data_y = ms_y + ms_h;
    let bottom = data_y + 7.0;
    w.y = ms_y + 0.8;
    w.put(X0, UNIT_W, Align::Center, Style::Italic, 7.0, "MS");
    for (i, lines) in ms_lines.iter().enumerate() {
        for (k, line) in lines.iter().enumerate() {
            w.y = ms_y + 0.8 + k as f32 * 2.5;
            let text = line.replace(" =", "=").replace("+ ", "+");
            w.put(
                x_of(i as u16),
                col_w,
                Align::Center,
                Style::Italic,
                6.0,
                &text,
            );
        }
    }
    w.y = data_y + 1.5;
    let agency = w.wrap(t.agency, Style::Regular, 7.5, UNIT_W - 1.5);
    w.put(
        X0 + 0.8,
        UNIT_W,
        Align::Left,
        Style::Regular,
        7.5,
        agency.first().map(String::as_str).unwrap_or(""),
    );
    for (i, v) in t.values.iter().enumerate() {
        w.put(x_of(i as u16), col_w, Align::Center, Style::Bold, 8.0, v);
    }
    for y in [top, ms_y, data_y, bottom] {
        w.segment((X0, y), (X0 + table_w, y), 0.5);
    }
    for x in [X0, X0 + UNIT_W] {
        w.segment((x, top), (x, bottom), 0.5);
    }
    for i in 1..=t.ms.len() {
        w.segment((x_of(i as u16), ms_y), (x_of(i as u16), bottom), 0.4);
    }
    // Signatures.
    w.y = bottom + 5.0;
    w.put(
        half,
        half - X0,
        Align::Center,
        Style::Italic,
        10.0,
        t.place_and_date,
    );
    w.advance(10.0);
    w.put(
        X0,
        half - X0,
        Align::Center,
        Style::Bold,
        10.0,
        "NGƯỜI LẬP BIỂU",
    );
    w.put(
        half,
        half - X0,
        Align::Center,
        Style::Bold,
        10.0,
        "THỦ TRƯỞNG ĐƠN VỊ",
    );
    w.advance(10.0);
    w.put(
        X0,
        half - X0,
        Align::Center,
        Style::Italic,
        9.0,
        "(Ký, ghi rõ họ tên)",
    );
    w.put(
        half,
        half - X0,
        Align::Center,
        Style::Italic,
        9.0,
        "(Ký, ghi rõ họ tên, đóng dấu)",
    );
    w.gap(20.0);
    w.put(half, half - X0, Align::Center, Style::Bold, 10.0, t.chair);
    if !t.audit_head.is_empty() {
        w.advance(10.0);
        w.gap(6.0);
        w.put(
            X0,
            w.page_w - 2.0 * X0,
            Align::Left,
            Style::Italic,
            7.5,
            &format!("Mốc nhật ký thao tác khi lập biểu: {}", t.audit_head),
        );
    }
    w.finish()
}
