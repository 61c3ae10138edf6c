//! Phiếu đề xuất thụ lý: the officer's proposal to the chair to accept a petition for
//! resolution, with the chair's approval and the proposer side by side at the foot.

use super::header::{self, Header};
use super::layout::{Align, Style, Writer};

/// Everything the proposal prints; plain values.
pub struct Proposal {
    pub parent: String,
    pub agency: String,
    pub number: String,
    pub place: String,
    pub date: chrono::NaiveDate,
    /// "khiếu nại", "tố cáo".
    pub kind: String,
    /// "Chủ tịch Ủy ban nhân dân xã Ba Tơ".
    pub to: String,
    pub paragraphs: Vec<String>,
    pub chair: String,
    /// The proposing officer (the one signed in).
    pub officer: String,
}

pub fn render(p: &Proposal) -> Vec<u8> {
    let mut w = Writer::new("Phiếu đề xuất thụ lý");
    let place_and_date = format!("{}, {}", p.place, super::date_in_words(p.date));
    header::write(
        &mut w,
        &Header {
            parent: &p.parent,
            agency: &p.agency,
            number: &p.number,
            place_and_date: &place_and_date,
        },
    );
    w.line(Align::Center, Style::Bold, 14.0, "PHIẾU ĐỀ XUẤT THỤ LÝ");
    w.line(Align::Center, Style::Bold, 14.0, &format!("Đơn {}", p.kind));
    w.gap(6.0);
    w.line(
        Align::Center,
        Style::Regular,
        14.0,
        &format!("Kính gửi: {}.", p.to),
    );
    w.gap(4.0);
    for para in &p.paragraphs {
        w.paragraph(Style::Regular, 14.0, 10.0, para);
        w.gap(1.5);
    }
    header::signatures(
        &mut w,
        &[
            ("Phê duyệt của Chủ tịch", p.chair.as_str()),
            ("Người đề xuất", p.officer.as_str()),
        ],
    );
    w.finish()
}
