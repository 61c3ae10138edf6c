//! The header of an administrative document (ND 30/2020, Phụ lục I): agency block on the
//! left (parent body upright, issuing body bold, a short rule, "Số: …"), national title
//! and motto on the right (bold, the motto underlined), place and date in italics.

use super::layout::{Align, LEFT, Style, TEXT_W, Writer};

pub struct Header<'a> {
    /// "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" (upper-cased here).
    pub parent: &'a str,
    /// "ỦY BAN NHÂN DÂN XÃ BA TƠ" (upper-cased here).
    pub agency: &'a str,
    /// "05/GBN".
    pub number: &'a str,
    /// "Ba Tơ, ngày 23 tháng 11 năm 2026".
    pub place_and_date: &'a str,
}

/// The left column is a little under half of the text width, as in the ND 30 samples.
const LEFT_W: f32 = 72.0;

pub fn write(w: &mut Writer, h: &Header<'_>) {
    let right_x = LEFT + LEFT_W;
    let right_w = TEXT_W - LEFT_W + 10.0;
    let top = w.y;
    w.put(
        LEFT - 8.0,
        LEFT_W + 8.0,
        Align::Center,
        Style::Regular,
        12.0,
        &h.parent.to_uppercase(),
    );
    w.put(
        right_x,
        right_w,
        Align::Center,
        Style::Bold,
        12.0,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    );
    w.advance(12.0);
    let agency = h.agency.to_uppercase();
    w.put(
        LEFT - 8.0,
        LEFT_W + 8.0,
        Align::Center,
        Style::Bold,
        12.0,
        &agency,
    );
    let motto = "Độc lập - Tự do - Hạnh phúc";
    w.put(right_x, right_w, Align::Center, Style::Bold, 13.0, motto);
    w.advance(13.0);
    // Rules: a third of the agency name under it; the full motto width under the motto.
    let agency_mid = LEFT - 8.0 + (LEFT_W + 8.0) / 2.0;
    w.rule(agency_mid - 12.0, agency_mid + 12.0, 0.0);
    let motto_w = w.width(motto, Style::Bold, 13.0);
    let motto_mid = right_x + right_w / 2.0;
    w.rule(motto_mid - motto_w / 2.0, motto_mid + motto_w / 2.0, 0.0);
    w.gap(4.0);
    w.put(
        LEFT - 8.0,
        LEFT_W + 8.0,
        Align::Center,
        Style::Regular,
        13.0,
        &format!("Số: {}", h.number),
    );
    w.put(
        right_x,
        right_w,
        Align::Center,
        Style::Italic,
        13.0,
        h.place_and_date,
    );
    w.advance(13.0);
    w.gap(6.0);
    debug_assert!(w.y > top);
}

/// "MẬT" in a box under the number, for a document that names a denouncer (Luật Tố cáo
/// Điều 47: the denouncer's identity is kept secret; the mark follows the rules on state
/// secrets). Call it right after `write`.
pub fn secret_mark(w: &mut Writer) {
    let (x, width, height) = (LEFT + 16.0, 22.0, 7.0);
    let top = w.y - 2.0;
    w.y = top + 1.2;
    w.put(x, width, Align::Center, Style::Bold, 13.0, "MẬT");
    for (from, to) in [
        ((x, top), (x + width, top)),
        ((x, top + height), (x + width, top + height)),
        ((x, top), (x, top + height)),
        ((x + width, top), (x + width, top + height)),
    ] {
        w.segment(from, to, 0.8);
    }
    w.y = top + height + 3.0;
}

/// The signature block: one column per signer, each with its title in bold, "(Ký, ghi rõ
/// họ tên)" in italics, room to sign, and the name in bold.
pub fn signatures(w: &mut Writer, signers: &[(&str, &str)]) {
    if signers.is_empty() {
        return;
    }
    w.gap(6.0);
    w.ensure(40.0);
    let col = TEXT_W / signers.len() as f32;
    let row = |w: &mut Writer, style: Style, text: &dyn Fn(usize) -> String| {
        for i in 0..signers.len() {
            w.put(
                LEFT + col * i as f32,
                col,
                Align::Center,
                style,
                13.0,
                &text(i),
            );
        }
        w.advance(13.0);
    };
    row(w, Style::Bold, &|i| signers[i].0.to_uppercase());
    row(w, Style::Italic, &|_| "(Ký, ghi rõ họ tên)".to_owned());
    w.gap(22.0);
    row(w, Style::Bold, &|i| signers[i].1.to_owned());
}

/// "Ông", "Bà" or "Ông/Bà" from what is known of the person.
pub fn title_of(gender: Option<tiepdan_vocab::identity::Sex>) -> &'static str {
    match gender {
        Some(tiepdan_vocab::identity::Sex::Male) => "Ông",
        Some(tiepdan_vocab::identity::Sex::Female) => "Bà",
        None => "Ông/Bà",
    }
}
