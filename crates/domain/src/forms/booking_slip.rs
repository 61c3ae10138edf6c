//! Phiếu hẹn of a periodic reception day.

/// What a booking slip (phiếu hẹn) says the citizen comes about and for: the case's title
/// ("việc công dân đề nghị" when the booking names none), and to meet which host.
pub fn booking_slip_text(
    case_title: Option<&str>,
    host: tiepdan_vocab::reception::Host,
    host_name: &str,
) -> (String, String) {
    let about = case_title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("việc công dân đề nghị")
        .to_owned();
    let purpose = format!(
        "gặp {} {} tại buổi tiếp công dân định kỳ",
        host.label_vi(),
        host_name.trim()
    );
    (about, purpose)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booking_slip_names_the_case_and_the_host_never_a_blank() {
        use tiepdan_vocab::reception::Host;
        let (about, purpose) = booking_slip_text(
            Some("Tranh chấp ranh giới đất"),
            Host::Chair,
            "Phạm Văn Hùng",
        );
        assert_eq!(about, "Tranh chấp ranh giới đất");
        assert!(purpose.starts_with("gặp "), "{purpose}");
        assert!(
            purpose.ends_with("Phạm Văn Hùng tại buổi tiếp công dân định kỳ"),
            "{purpose}"
        );
        for none in [None, Some("  ")] {
            assert_eq!(
                booking_slip_text(none, Host::Chair, "X").0,
                "việc công dân đề nghị"
            );
        }
    }
}
