//! A small page writer over printpdf: A4 pages laid out top-down in millimetres, text in
//! Liberation Serif (metric-compatible with Times New Roman, full Vietnamese), left,
//! centred, right or wrapped, and horizontal rules. Pure: values in, PDF bytes out.

use printpdf::{
    FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem,
};

/// A4 portrait and the margins of Nghị định 30/2020 (top 20, bottom 20, left 30, right 15).
pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
pub const LEFT: f32 = 30.0;
pub const RIGHT: f32 = 15.0;
pub const TOP: f32 = 20.0;
pub const BOTTOM: f32 = 20.0;
pub const TEXT_W: f32 = PAGE_W - LEFT - RIGHT;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Points to millimetres.
fn mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

/// Writes pages top-down; `y` is the distance from the top edge in mm.
pub struct Writer {
    doc: PdfDocument,
    fonts: Vec<(Style, ParsedFont, FontId)>,
    pages: Vec<PdfPage>,
    ops: Vec<Op>,
    pub y: f32,
}

impl Writer {
    pub fn new(title: &str) -> Self {
        let mut doc = PdfDocument::new(title);
        let mut fonts = Vec::new();
        for (style, bytes) in [
            (Style::Regular, REGULAR),
            (Style::Bold, BOLD),
            (Style::Italic, ITALIC),
            (Style::BoldItalic, BOLD_ITALIC),
        ] {
            let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .expect("the bundled Liberation Serif fonts parse");
            let id = doc.add_font(&font);
            fonts.push((style, font, id));
        }
        Writer {
            doc,
            fonts,
            pages: Vec::new(),
            ops: Vec::new(),
            y: TOP,
        }
    }

    fn font(&self, style: Style) -> &(Style, ParsedFont, FontId) {
        self.fonts
            .iter()
            .find(|f| f.0 == style)
            .expect("every style is loaded")
    }

    /// Width of `text` in mm at `size` pt.
    pub fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        let (_, font, _) = self.font(style);
        let units = f32::from(font.units_per_em.max(1));
        let total: f32 = text
            .chars()
            .map(|c| {
                font.lookup_glyph_index(c as u32)
                    .and_then(|g| font.get_glyph_width(g))
                    .map(f32::from)
                    .unwrap_or(units / 2.0)
            })
            .sum();
        mm(total / units * size)
    }

    /// Starts a new page when fewer than `needed` mm are left.
    pub fn ensure(&mut self, needed: f32) {
        if self.y + needed > PAGE_H - BOTTOM {
            self.new_page();
        }
    }

    pub fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
        self.y = TOP;
    }

    /// Places one line of text in the box [x, x + w] at the current line, without moving.
    pub fn put(&mut self, x: f32, w: f32, align: Align, style: Style, size: f32, text: &str) {
        let tw = self.width(text, style, size);
        let left = match align {
            Align::Left => x,
            Align::Center => x + (w - tw) / 2.0,
            Align::Right => x + w - tw,
        };
        let baseline = self.y + mm(size) * 0.8;
        let id = self.font(style).2.clone();
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Mm(left).into(),
                    y: Mm(PAGE_H - baseline).into(),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Moves down one line of `size` pt with 1.2 line spacing.
    pub fn advance(&mut self, size: f32) {
        self.y += mm(size) * 1.25;
    }

    /// One line of text in the text block, then moves down.
    pub fn line(&mut self, align: Align, style: Style, size: f32, text: &str) {
        self.ensure(mm(size) * 1.25);
        self.put(LEFT, TEXT_W, align, style, size, text);
        self.advance(size);
    }

    /// A paragraph wrapped to the text width, first line indented by `indent` mm.
    pub fn paragraph(&mut self, style: Style, size: f32, indent: f32, text: &str) {
        let space = self.width(" ", style, size);
        let mut line = String::new();
        let mut line_w = 0.0;
        let mut first = true;
        for word in text.split_whitespace() {
            let w = self.width(word, style, size);
            let avail = TEXT_W - if first { indent } else { 0.0 };
            if !line.is_empty() && line_w + space + w > avail {
                self.ensure(mm(size) * 1.25);
                let x = LEFT + if first { indent } else { 0.0 };
                self.put(x, avail, Align::Left, style, size, &line);
                self.advance(size);
                first = false;
                line.clear();
                line_w = 0.0;
            }
            if !line.is_empty() {
                line.push(' ');
                line_w += space;
            }
            line.push_str(word);
            line_w += w;
        }
        if !line.is_empty() {
            self.ensure(mm(size) * 1.25);
            let x = LEFT + if first { indent } else { 0.0 };
            self.put(x, TEXT_W, Align::Left, style, size, &line);
            self.advance(size);
        }
    }

    /// A horizontal rule from x1 to x2 mm at the current y (plus `dy`).
    pub fn rule(&mut self, x1: f32, x2: f32, dy: f32) {
        let y = Mm(PAGE_H - self.y - dy).into();
        self.ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Mm(x1).into(),
                            y,
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Mm(x2).into(),
                            y,
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    pub fn gap(&mut self, mm_down: f32) {
        self.y += mm_down;
    }

    /// The finished PDF.
    pub fn finish(mut self) -> Vec<u8> {
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        let pages = std::mem::take(&mut self.pages);
        self.doc
            .with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}
