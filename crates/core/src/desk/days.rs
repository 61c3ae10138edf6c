//! Days as the store keeps them (`YYYY-MM-DD`, or the day of a `YYYY-MM-DDTHH:MM…` time)
//! and as the forms print them (`dd/mm/yyyy`): one reading, one writing, for every use case.

use chrono::NaiveDate;

/// The day a stored `YYYY-MM-DD` (or a timestamp starting with one) names.
pub(crate) fn day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

/// `dd/mm/yyyy`, as a Vietnamese form writes a day.
pub(crate) fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A stored day as a form writes it; what is not a day is shown as it is.
pub(crate) fn stored_dmy(s: &str) -> String {
    day(s).map_or_else(|| s.to_owned(), dmy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_days_and_times_read_as_their_day() {
        let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        assert_eq!(day("2026-07-01"), Some(d));
        assert_eq!(day(" 2026-07-01T08:30:00 "), Some(d));
        assert_eq!(day("01/07/2026"), None);
        assert_eq!(day(""), None);
        assert_eq!(stored_dmy("2026-07-01T08:30"), "01/07/2026");
        assert_eq!(stored_dmy("chưa rõ"), "chưa rõ");
    }
}
