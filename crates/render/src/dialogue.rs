//! Biên bản đối thoại: the minutes of a dialogue held while resolving a complaint (Luật
//! Khiếu nại Điều 30): who took part, what each side said and what was agreed, signed by
//! the person chairing it and the complainant. Laid out per Nghị định 30/2020. Pure.

use super::header::{self, Header};
use super::layout::{Align, LEFT, Style, TEXT_W, Writer};

pub struct Dialogue {
    pub parent: String,
    pub agency: String,
    pub number: String,
    pub place: String,
    pub on: chrono::NaiveDate,
    /// Where it was held.
    pub at_place: String,
    /// Who chaired it and as what.
    pub chair: String,
    pub chair_role: String,
    /// The complainants, as "Ông Nguyễn Văn Đức, Thôn Đông, xã Ba Tơ".
    pub complainants: Vec<String>,
    /// What the complaint is about.
    pub about: String,
    /// The minutes' content as typed (paragraphs on their own lines).
    pub content: String,
    /// The complainants' names for the signature block.
    pub signer: String,
}

pub fn render(d: &Dialogue) -> Vec<u8> {
    let mut w = Writer::new("Biên bản đối thoại");
    let place_and_date = format!("{}, {}", d.place, super::date_in_words(d.on));
    header::write(
        &mut w,
        &Header {
            parent: &d.parent,
            agency: &d.agency,
            number: &d.number,
            place_and_date: &place_and_date,
        },
    );
    w.line(Align::Center, Style::Bold, 14.0, "BIÊN BẢN");
    w.line(
        Align::Center,
        Style::Bold,
        14.0,
        "Đối thoại giải quyết khiếu nại",
    );
    w.rule(LEFT + TEXT_W / 2.0 - 15.0, LEFT + TEXT_W / 2.0 + 15.0, 0.5);
    w.gap(6.0);
    let body = |w: &mut Writer, text: &str| w.paragraph(Style::Regular, 13.0, 10.0, text);
    let bold = |w: &mut Writer, text: &str| w.paragraph(Style::Bold, 13.0, 10.0, text);
    body(
        &mut w,
        &format!(
            "Căn cứ Điều 30 Luật Khiếu nại; {}, tại {}, tổ chức đối thoại để giải quyết khiếu nại về việc: {}.",
            super::date_in_words(d.on),
            d.at_place,
            d.about
        ),
    );
    bold(&mut w, "I. Thành phần");
    body(
        &mut w,
        &format!("1. Người chủ trì đối thoại: {}, {}.", d.chair, d.chair_role),
    );
    body(&mut w, "2. Người khiếu nại:");
    for c in &d.complainants {
        body(&mut w, &format!("- {c}."));
    }
    body(
        &mut w,
        "3. Cơ quan, tổ chức, cá nhân có liên quan: ……………………………………………",
    );
    bold(&mut w, "II. Nội dung đối thoại");
    for line in d.content.lines().filter(|l| !l.trim().is_empty()) {
        body(&mut w, line.trim());
    }
    body(
        &mut w,
        "Biên bản được lập thành 03 bản, đã đọc lại cho những người tham gia cùng nghe và ký xác nhận; người khiếu nại giữ 01 bản.",
    );
    header::signatures(
        &mut w,
        &[
            ("Người khiếu nại", &d.signer),
            ("Người chủ trì đối thoại", &d.chair),
        ],
    );
    w.finish()
}
