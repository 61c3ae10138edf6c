//! A register (Sổ tiếp công dân, Sổ theo dõi đơn) as PDF: A4 landscape, the office and the
//! register's title on the first page, then a ruled table whose header row is repeated on
//! every page, each cell's text wrapped to its column. Pure.

use super::layout::{Align, BOTTOM, Style, Writer};

pub struct RegisterTable<'a> {
    pub office: &'a str,
    /// "SỔ TIẾP CÔNG DÂN".
    pub title: &'a str,
    /// "Từ ngày 01/01/2026 đến ngày 30/06/2026".
    pub period: &'a str,
    /// Column names and relative widths.
    pub columns: &'a [(&'a str, f64)],
    /// Cell texts; the first column (STT) is numbered here.
    pub rows: &'a [Vec<String>],
}

const X0: f32 = 12.0;
const SIZE: f32 = 8.0;
const LINE: f32 = 3.4;

/// Draws one row of cells at the writer's `y` and moves below it.
fn row(w: &mut Writer, widths: &[f32], cells: &[String], style: Style) {
    let lines: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(text, width)| w.wrap(text, style, SIZE, width - 1.6))
        .collect();
    let height = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * LINE + 1.6;
    let top = w.y;
    let mut x = X0;
    for (cell, width) in lines.iter().zip(widths) {
        for (k, line) in cell.iter().enumerate() {
            w.y = top + 0.8 + k as f32 * LINE;
            let align = if style == Style::Bold {
                Align::Center
            } else {
                Align::Left
            };
            w.put(x + 0.8, width - 1.6, align, style, SIZE, line);
        }
        w.segment((x, top), (x, top + height), 0.4);
        x += width;
    }
    w.segment((x, top), (x, top + height), 0.4);
    w.segment((X0, top + height), (x, top + height), 0.4);
    w.y = top + height;
}

/// The height `cells` need.
fn height(w: &Writer, widths: &[f32], cells: &[String]) -> f32 {
    cells
        .iter()
        .zip(widths)
        .map(|(text, width)| w.wrap(text, Style::Regular, SIZE, width - 1.6).len())
        .max()
        .unwrap_or(1)
        .max(1) as f32
        * LINE
        + 1.6
}

pub fn render(t: &RegisterTable<'_>) -> Vec<u8> {
    let mut w = Writer::landscape(t.title);
    let table_w = w.page_w - 2.0 * X0;
    let total: f64 = t.columns.iter().map(|(_, width)| width).sum();
    let widths: Vec<f32> = t
        .columns
        .iter()
        .map(|(_, width)| (*width / total) as f32 * table_w)
        .collect();
    let header: Vec<String> = t
        .columns
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    w.y = 12.0;
    for (style, size, text) in [
        (Style::Bold, 11.0, t.office.to_uppercase()),
        (Style::Bold, 14.0, t.title.to_owned()),
        (Style::Italic, 10.0, t.period.to_owned()),
    ] {
        w.put(X0, table_w, Align::Center, style, size, &text);
        w.advance(size);
    }
    w.gap(3.0);
    w.segment((X0, w.y), (X0 + table_w, w.y), 0.4);
    row(&mut w, &widths, &header, Style::Bold);
    if t.rows.is_empty() {
        w.gap(3.0);
        w.put(
            X0,
            table_w,
            Align::Center,
            Style::Italic,
            10.0,
            "Không có dòng nào trong sổ cho khoảng thời gian này.",
        );
    }
    for (i, cells) in t.rows.iter().enumerate() {
        let mut numbered = vec![(i + 1).to_string()];
        numbered.extend(cells.iter().cloned());
        if w.y + height(&w, &widths, &numbered) > w.page_h - BOTTOM {
            w.new_page();
            w.y = 12.0;
            w.segment((X0, w.y), (X0 + table_w, w.y), 0.4);
            row(&mut w, &widths, &header, Style::Bold);
        }
        row(&mut w, &widths, &numbered, Style::Regular);
    }
    w.finish()
}
