//! Phiếu hẹn: the slip telling a citizen when and where to come back (TCD_04 lineage).

use super::header::{self, Header};
use super::layout::{Align, LEFT, Style, TEXT_W, Writer};

/// Everything the slip prints; plain values.
/// Handed to the citizen: never marked MẬT (the minutes the office keeps are).
pub struct Appointment {
    pub parent: String,
    pub agency: String,
    pub number: String,
    pub place: String,
    pub issued_at: chrono::NaiveDateTime,
    /// "Ông", "Bà" or "Ông/Bà".
    pub person_title: String,
    pub person_name: String,
    pub person_address: String,
    /// About what: the case's summary.
    pub about: String,
    pub at: chrono::NaiveDateTime,
    /// Where to come: "Trụ sở tiếp công dân, Ủy ban nhân dân xã Ba Tơ".
    pub at_place: String,
    /// To do what: "nhận kết quả giải quyết", "bổ sung tài liệu", …
    pub purpose: String,
    pub officer: String,
}

pub fn render(a: &Appointment) -> Vec<u8> {
    use chrono::Timelike;
    let mut w = Writer::new("Phiếu hẹn");
    let place_and_date = format!("{}, {}", a.place, super::date_in_words(a.issued_at.date()));
    header::write(
        &mut w,
        &Header {
            parent: &a.parent,
            agency: &a.agency,
            number: &a.number,
            place_and_date: &place_and_date,
        },
    );
    w.line(Align::Center, Style::Bold, 14.0, "PHIẾU HẸN");
    w.rule(LEFT + TEXT_W / 2.0 - 15.0, LEFT + TEXT_W / 2.0 + 15.0, 0.5);
    w.gap(6.0);
    let body = |w: &mut Writer, text: &str| w.paragraph(Style::Regular, 13.0, 10.0, text);
    body(&mut w, &format!("{} hẹn:", a.agency));
    body(&mut w, &format!("{}: {}.", a.person_title, a.person_name));
    body(&mut w, &format!("Địa chỉ: {}.", a.person_address));
    body(&mut w, &format!("Về việc: {}", a.about));
    body(
        &mut w,
        &format!(
            "Đến: {}, vào hồi {} giờ {:02} phút, {}.",
            a.at_place,
            a.at.hour(),
            a.at.minute(),
            super::date_in_words(a.at.date())
        ),
    );
    body(&mut w, &format!("Để: {}.", a.purpose));
    body(
        &mut w,
        "Khi đến, công dân mang theo phiếu hẹn này và giấy tờ tùy thân.",
    );
    header::signatures(&mut w, &[("Cán bộ tiếp công dân", &a.officer)]);
    w.finish()
}
