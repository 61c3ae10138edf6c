//! Letters and notices of the handling decisions (ND 30/2020 Mẫu 1.4 and 1.5): the
//! header, either a type name and subject ("THÔNG BÁO / Về việc …") or a công văn's "V/v …"
//! under the number, "Kính gửi:", the body paragraphs, the signature block with its
//! authority line and the "Nơi nhận" list.

use super::header::{self, Header};
use super::layout::{Align, LEFT, Style, TEXT_W, Writer};

/// Everything a letter prints; plain values.
pub struct Letter {
    pub parent: String,
    pub agency: String,
    pub number: String,
    pub place: String,
    pub date: chrono::NaiveDate,
    /// A notice's type name ("THÔNG BÁO") and subject; `None` for a công văn.
    pub heading: Option<(String, String)>,
    /// A công văn's "V/v …" line under the number (ignored with a heading).
    pub subject: String,
    /// "Kính gửi:" recipients, one per line.
    pub to: Vec<String>,
    pub paragraphs: Vec<String>,
    /// "TM. ỦY BAN NHÂN DÂN" and "CHỦ TỊCH".
    pub authority: (String, String),
    pub signer: String,
    /// "Nơi nhận" items, without the leading "-".
    pub copies_to: Vec<String>,
    /// The letter names a denouncer: marked "MẬT" under the number.
    pub secret: bool,
}

/// How a paragraph is set: a decision's deciding title ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …")
/// and "QUYẾT ĐỊNH:" are centred in bold (ND 30/2020 Mẫu 1.1); a part's heading ("I. Nội
/// dung khiếu nại", "2. Kết luận về nội dung tố cáo") is bold; the rest is body text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Title,
    Heading,
    Body,
}

pub(crate) fn role(p: &str) -> Role {
    let letters = p.chars().filter(|c| c.is_alphabetic());
    if p.chars().any(char::is_alphabetic) && letters.clone().all(char::is_uppercase) {
        return Role::Title;
    }
    let (number, rest) = p.split_once(". ").unwrap_or(("", p));
    let numbered = !number.is_empty()
        && (number.chars().all(|c| c.is_ascii_digit())
            || number.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    if numbered && p.chars().count() <= 60 && !rest.ends_with(['.', ':', ';']) {
        Role::Heading
    } else {
        Role::Body
    }
}

pub fn render(l: &Letter) -> Vec<u8> {
    let title = l
        .heading
        .as_ref()
        .map(|h| h.0.clone())
        .unwrap_or_else(|| "Công văn".into());
    let mut w = Writer::new(&title);
    let place_and_date = format!("{}, {}", l.place, super::date_in_words(l.date));
    header::write(
        &mut w,
        &Header {
            parent: &l.parent,
            agency: &l.agency,
            number: &l.number,
            place_and_date: &place_and_date,
        },
    );
    if l.secret {
        header::secret_mark(&mut w);
    }
    match &l.heading {
        Some((kind, subject)) => {
            w.line(Align::Center, Style::Bold, 14.0, &kind.to_uppercase());
            w.line(Align::Center, Style::Bold, 14.0, subject);
            w.rule(LEFT + TEXT_W / 2.0 - 15.0, LEFT + TEXT_W / 2.0 + 15.0, 0.5);
            w.gap(6.0);
        }
        None => {
            // "V/v …" under the number, in the left column (12 pt, upright).
            w.gap(-3.0);
            w.put(
                LEFT - 8.0,
                80.0,
                Align::Center,
                Style::Regular,
                12.0,
                &format!("V/v {}", l.subject),
            );
            w.advance(12.0);
            w.gap(6.0);
        }
    }
    match l.to.as_slice() {
        [] => {}
        [one] => w.line(
            Align::Center,
            Style::Regular,
            14.0,
            &format!("Kính gửi: {one}."),
        ),
        many => {
            w.line(Align::Center, Style::Regular, 14.0, "Kính gửi:");
            for r in many {
                w.put(
                    LEFT + 45.0,
                    TEXT_W - 45.0,
                    Align::Left,
                    Style::Regular,
                    14.0,
                    &format!("- {r};"),
                );
                w.advance(14.0);
            }
        }
    }
    w.gap(4.0);
    for p in &l.paragraphs {
        match role(p) {
            Role::Title => w.line(Align::Center, Style::Bold, 14.0, p),
            Role::Heading => w.paragraph(Style::Bold, 14.0, 10.0, p),
            Role::Body => w.paragraph(Style::Regular, 14.0, 10.0, p),
        }
        w.gap(1.5);
    }
    w.gap(6.0);
    w.ensure(50.0);
    let half = TEXT_W / 2.0;
    let top = w.y;
    w.put(
        LEFT,
        half,
        Align::Left,
        Style::BoldItalic,
        12.0,
        "Nơi nhận:",
    );
    w.advance(12.0);
    for (i, item) in l.copies_to.iter().enumerate() {
        // "- Như trên;" … "- Lưu: VT." — the last line ends the list.
        let end = if i + 1 == l.copies_to.len() { '.' } else { ';' };
        w.put(
            LEFT,
            half,
            Align::Left,
            Style::Regular,
            11.0,
            &format!("- {item}{end}"),
        );
        w.advance(11.0);
    }
    let left_end = w.y;
    w.y = top;
    for line in [&l.authority.0, &l.authority.1] {
        w.put(LEFT + half, half, Align::Center, Style::Bold, 13.0, line);
        w.advance(13.0);
    }
    w.gap(24.0);
    w.put(
        LEFT + half,
        half,
        Align::Center,
        Style::Bold,
        13.0,
        &l.signer,
    );
    w.advance(13.0);
    w.y = w.y.max(left_end);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_part_headings_are_told_from_body_text() {
        assert_eq!(role("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BA TƠ"), Role::Title);
        assert_eq!(role("QUYẾT ĐỊNH:"), Role::Title);
        assert_eq!(
            role("II. Kết quả xác minh nội dung khiếu nại"),
            Role::Heading
        );
        assert_eq!(role("3. Biện pháp xử lý và kiến nghị"), Role::Heading);
        // A numbered conclusion of a reception day is a sentence, not a heading.
        assert_eq!(
            role("1. Ông A: Đề nghị cấp giấy. Kết luận: Kiểm tra."),
            Role::Body
        );
        assert_eq!(role("Điều 1. Sửa đổi một phần quyết định."), Role::Body);
        assert_eq!(role("- Như trên"), Role::Body);
        assert_eq!(role("2. Cùng tham dự:"), Role::Body);
        assert_eq!(role("12/2026"), Role::Body);
    }
}
