//! The public notice of periodic reception days (thông báo lịch tiếp công dân).

use chrono::NaiveDate;
use tiepdan_rules::documents::DocumentRules;

/// The first line of the public notice of reception days issued on `dated` for `range`
/// ("từ ngày … đến ngày …").
pub fn schedule_notice_opening(
    office: &str,
    range: &str,
    dated: NaiveDate,
    rules: &DocumentRules,
) -> String {
    format!(
        "Căn cứ {}; {office} thông báo lịch tiếp công dân định kỳ {range} như sau:",
        rules.cite("reception", dated)
    )
}
