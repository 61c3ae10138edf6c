//! A small page writer over printpdf: A4 pages laid out top-down in millimetres, text in
//! Liberation Serif (metric-compatible with Times New Roman, full Vietnamese), left,
//! centred, right or wrapped, and horizontal rules. Pure: values in, PDF bytes out.
//!
//! Each face is embedded with only the glyphs the document uses (subset with allsorts,
//! printpdf's own font library): a receipt is tens of kilobytes instead of the four whole
//! fonts, which matters because every issued document is kept in the database.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

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

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
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

const STYLES: [(Style, &[u8]); 4] = [
    (Style::Regular, REGULAR),
    (Style::Bold, BOLD),
    (Style::Italic, ITALIC),
    (Style::BoldItalic, BOLD_ITALIC),
];

/// The whole fonts, parsed once per process, for measuring text.
fn full_font(style: Style) -> &'static ParsedFont {
    static FONTS: OnceLock<Vec<(Style, ParsedFont)>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        STYLES
            .iter()
            .map(|(style, bytes)| {
                let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                    .expect("the bundled Liberation Serif fonts parse");
                (*style, font)
            })
            .collect()
    });
    &fonts
        .iter()
        .find(|(s, _)| *s == style)
        .expect("every style is loaded")
        .1
}

/// The placeholder font id of a style in the ops, replaced by the real one at the end.
fn placeholder(style: Style) -> FontId {
    FontId(format!("tiepdan-{style:?}"))
}

/// `bytes` cut down to the glyphs of `chars` (and .notdef), with a Unicode cmap; `None`
/// when the font cannot be subset (the whole font is embedded then).
fn subset(bytes: &[u8], font: &ParsedFont, chars: &BTreeSet<char>) -> Option<ParsedFont> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    let glyphs: BTreeSet<u16> = chars
        .iter()
        .filter_map(|c| font.lookup_glyph_index(*c as u32))
        .filter(|g| *g != 0)
        .collect();
    let ids: Vec<u16> = std::iter::once(0).chain(glyphs).collect();
    let file = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = file.table_provider(0).ok()?;
    let cut =
        allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    ParsedFont::from_bytes(&cut, 0, &mut Vec::new())
}

/// Writes pages top-down; `y` is the distance from the top edge in mm.
pub struct Writer {
    title: String,
    /// The characters written in each style, for the subsets.
    used: BTreeMap<Style, BTreeSet<char>>,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    pub y: f32,
    /// The page's width and height in mm (A4 portrait unless [`Writer::landscape`]).
    pub page_w: f32,
    pub page_h: f32,
}

impl PartialOrd for Style {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Style {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}

impl Writer {
    pub fn new(title: &str) -> Self {
        Writer {
            title: title.to_owned(),
            used: BTreeMap::new(),
            pages: Vec::new(),
            ops: Vec::new(),
            y: TOP,
            page_w: PAGE_W,
            page_h: PAGE_H,
        }
    }

    /// A writer of A4 landscape pages (wide tables: the statistical reports).
    pub fn landscape(title: &str) -> Self {
        Writer {
            page_w: PAGE_H,
            page_h: PAGE_W,
            ..Writer::new(title)
        }
    }

    /// Width of `text` in mm at `size` pt.
    pub fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        let font = full_font(style);
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
        if self.y + needed > self.page_h - BOTTOM {
            self.new_page();
        }
    }

    pub fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
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
        self.used.entry(style).or_default().extend(text.chars());
        let id = placeholder(style);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Mm(left).into(),
                    y: Mm(self.page_h - baseline).into(),
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
        let y = self.y + dy;
        self.segment((x1, y), (x2, y), 0.6);
    }

    /// A straight line between two points given in mm from the page's top-left corner.
    pub fn segment(&mut self, from: (f32, f32), to: (f32, f32), thickness_pt: f32) {
        let point = |(x, y): (f32, f32)| LinePoint {
            p: Point {
                x: Mm(x).into(),
                y: Mm(self.page_h - y).into(),
            },
            bezier: false,
        };
        let points = vec![point(from), point(to)];
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(thickness_pt),
        });
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
    }

    /// `text` broken into lines no wider than `w` mm (a word longer than `w` stays whole).
    pub fn wrap(&self, text: &str, style: Style, size: f32, w: f32) -> Vec<String> {
        let space = self.width(" ", style, size);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in text.split_whitespace() {
            let ww = self.width(word, style, size);
            if !line.is_empty() && line_w + space + ww > w {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            if !line.is_empty() {
                line.push(' ');
                line_w += space;
            }
            line.push_str(word);
            line_w += ww;
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    pub fn gap(&mut self, mm_down: f32) {
        self.y += mm_down;
    }

    /// The finished PDF.
    pub fn finish(mut self) -> Vec<u8> {
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        let mut doc = PdfDocument::new(&self.title);
        let mut ids = BTreeMap::new();
        for (style, bytes) in STYLES {
            if let Some(chars) = self.used.get(&style) {
                let full = full_font(style);
                let font = subset(bytes, full, chars).unwrap_or_else(|| full.clone());
                ids.insert(placeholder(style), doc.add_font(&font));
            }
        }
        let pages = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|mut ops| {
                for op in &mut ops {
                    if let Op::SetFont {
                        font: PdfFontHandle::External(id),
                        ..
                    } = op
                        && let Some(real) = ids.get(id)
                    {
                        *id = real.clone();
                    }
                }
                PdfPage::new(Mm(self.page_w), Mm(self.page_h), ops)
            })
            .collect();
        doc.with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}
