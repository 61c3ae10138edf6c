//! A minimal Word document (.docx, WordprocessingML) writer for drafts the officer finishes
//! in a word processor: paragraphs of runs (bold, italic, size, alignment, first-line
//! indent) and borderless two-column tables (the Nghị định 30/2020 header and signature
//! blocks), on A4 portrait with the decree's margins, in Times New Roman. Pure: bytes out.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Both,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Points; `None` for the document's 14 pt.
    pub size: Option<f32>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
            size: None,
        }
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            italic: true,
            ..Run::plain(text)
        }
    }

    pub fn size(mut self, points: f32) -> Run {
        self.size = Some(points);
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub align: Align,
    pub runs: Vec<Run>,
    /// The body's first-line indent (1 cm).
    pub indent: bool,
}

impl Para {
    pub fn new(align: Align, runs: Vec<Run>) -> Para {
        Para {
            align,
            runs,
            indent: false,
        }
    }

    /// A justified body paragraph with the first line indented.
    pub fn body(runs: Vec<Run>) -> Para {
        Para {
            align: Align::Both,
            runs,
            indent: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    /// Two borderless columns side by side; the left one `left_share` of the width.
    Columns {
        left_share: f32,
        left: Vec<Para>,
        right: Vec<Para>,
    },
}

/// Text for XML: the five special characters escaped, control characters dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn para_xml(p: &Para, out: &mut String) {
    let jc = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Both => "both",
    };
    out.push_str("<w:p><w:pPr>");
    out.push_str(r#"<w:spacing w:before="0" w:after="60" w:line="300" w:lineRule="auto"/>"#);
    if p.indent {
        out.push_str(r#"<w:ind w:firstLine="567"/>"#);
    }
    out.push_str(&format!(r#"<w:jc w:val="{jc}"/></w:pPr>"#));
    for r in &p.runs {
        out.push_str("<w:r><w:rPr>");
        if r.bold {
            out.push_str("<w:b/>");
        }
        if r.italic {
            out.push_str("<w:i/>");
        }
        if let Some(pt) = r.size {
            let half = (pt * 2.0).round() as u32;
            out.push_str(&format!(
                r#"<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>"#
            ));
        }
        out.push_str("</w:rPr>");
        out.push_str(&format!(
            r#"<w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(&r.text)
        ));
    }
    out.push_str("</w:p>");
}

/// The text width of A4 portrait less the decree's margins (30 mm left, 20 mm right), in
/// twentieths of a point.
const TEXT_WIDTH: u32 = 9071;

fn columns_xml(left_share: f32, left: &[Para], right: &[Para], out: &mut String) {
    let l = (TEXT_WIDTH as f32 * left_share) as u32;
    let r = TEXT_WIDTH - l;
    out.push_str(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="{l}"/><w:gridCol w:w="{r}"/></w:tblGrid><w:tr>"#
    ));
    for (w, paras) in [(l, left), (r, right)] {
        out.push_str(&format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>"#
        ));
        for p in paras {
            para_xml(p, out);
        }
        if paras.is_empty() {
            out.push_str("<w:p/>");
        }
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr></w:tbl>");
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;

/// The document as .docx bytes; `title` goes into its properties.
pub fn render(title: &str, blocks: &[Block]) -> Vec<u8> {
    let mut body = String::new();
    for b in blocks {
        match b {
            Block::Para(p) => para_xml(p, &mut body),
            Block::Columns {
                left_share,
                left,
                right,
            } => columns_xml(*left_share, left, right, &mut body),
        }
    }
    // A4 portrait; margins 20 mm top and bottom, 30 mm left, 20 mm right (Nghị định 30/2020).
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>TiếpDân</dc:creator></cp:coreProperties>"#,
        escape(title)
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/document.xml", document.as_str()),
        ("docProps/core.xml", core.as_str()),
    ] {
        // Writing to memory cannot fail.
        zip.start_file(name, options).expect("zip entry in memory");
        zip.write_all(text.as_bytes()).expect("zip entry in memory");
    }
    zip.finish().expect("zip in memory").into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
        let bytes = render(
            "Thử",
            &[Block::Para(Para::body(vec![Run::bold("<Báo cáo>")]))],
        );
        assert_eq!(&bytes[..2], b"PK");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(xml.contains("&lt;Báo cáo&gt;"), "{xml}");
    }
}
