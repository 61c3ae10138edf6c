//! Printed documents as PDF, laid out per Nghị định 30/2020 (A4, margins, the national
//! title and motto, the agency block, "Số: …", place and date, signature block). Pure:
//! each document takes plain values and returns PDF bytes; numbering and storage are the
//! desk's job.

pub mod appointment;
pub mod briefing;
pub mod dialogue;
pub mod docx;
pub mod header;
pub mod layout;
pub mod letter;
pub mod minutes;
pub mod proposal;
pub mod receipt;
pub mod record;
pub mod recovery;
pub mod register;
pub mod report;
pub mod written_report;

pub use layout::{Align, Style, Writer};

/// A date written in full, as ND 30/2020 wants: "ngày 05 tháng 01 năm 2026"; day and the
/// months 1 and 2 padded with a zero.
pub fn date_in_words(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = match date.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_full_with_the_nd30_padding() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(date_in_words(d(2020, 1, 5)), "ngày 05 tháng 01 năm 2020");
        assert_eq!(date_in_words(d(2019, 6, 29)), "ngày 29 tháng 6 năm 2019");
        assert_eq!(date_in_words(d(2026, 11, 23)), "ngày 23 tháng 11 năm 2026");
        assert_eq!(date_in_words(d(2026, 2, 3)), "ngày 03 tháng 02 năm 2026");
    }
}
