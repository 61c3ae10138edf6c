//! A record (biên bản) of the office's own: the header, "BIÊN BẢN" and its subject, the
//! paragraphs (titles and part headings set as in a letter), and a signature column for
//! each signer. Used for a reception day nobody came to, and for the content of a
//! denunciation made in person.

use super::header::{self, Header};
use super::layout::{Align, LEFT, Style, TEXT_W, Writer};
use super::letter::{Role, role};

/// Everything a record prints; plain values.
pub struct Record {
    pub parent: String,
    pub agency: String,
    pub number: String,
    pub place: String,
    pub date: chrono::NaiveDate,
    /// "Về việc tiếp công dân định kỳ".
    pub subject: String,
    pub paragraphs: Vec<String>,
    /// (title, name) per column, left to right.
    pub signers: Vec<(String, String)>,
    /// It names a denouncer: marked "MẬT".
    pub secret: bool,
}

pub fn render(r: &Record) -> Vec<u8> {
    let mut w = Writer::new("Biên bản");
    let place_and_date = format!("{}, {}", r.place, super::date_in_words(r.date));
    header::write(
        &mut w,
        &Header {
            parent: &r.parent,
            agency: &r.agency,
            number: &r.number,
            place_and_date: &place_and_date,
        },
    );
    if r.secret {
        header::secret_mark(&mut w);
    }
    w.line(Align::Center, Style::Bold, 14.0, "BIÊN BẢN");
    w.line(Align::Center, Style::Bold, 14.0, &r.subject);
    w.rule(LEFT + TEXT_W / 2.0 - 15.0, LEFT + TEXT_W / 2.0 + 15.0, 0.5);
    w.gap(6.0);
    for p in &r.paragraphs {
        match role(p) {
            Role::Title => w.line(Align::Center, Style::Bold, 14.0, p),
            Role::Heading => w.paragraph(Style::Bold, 14.0, 10.0, p),
            Role::Body => w.paragraph(Style::Regular, 14.0, 10.0, p),
        }
        w.gap(1.5);
    }
    let signers: Vec<(&str, &str)> = r
        .signers
        .iter()
        .map(|(t, n)| (t.as_str(), n.as_str()))
        .collect();
    header::signatures(&mut w, &signers);
    w.finish()
}
