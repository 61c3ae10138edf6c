//! The papers of a verification: the record of a working session (biên bản làm việc, xác
//! minh) and the verifier's report to the chair (báo cáo kết quả xác minh). The record's
//! content, the findings and the proposal are the officer's own words.

use chrono::NaiveDateTime;

/// A working session during verification.
pub struct WorkSession<'a> {
    pub at: NaiveDateTime,
    pub place: &'a str,
    /// "khiếu nại" or "tố cáo".
    pub matter: &'a str,
    pub summary: &'a str,
    /// Who took part, one per entry ("Ông Lê Văn Tâm, công chức địa chính").
    pub participants: &'a [String],
    /// What was said and found, as the officer wrote it.
    pub content: &'a str,
}

fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
}

/// The record's paragraphs.
pub fn work_session_minutes(s: &WorkSession) -> Vec<String> {
    let mut p = vec![
        format!(
            "Hôm nay, vào hồi {} ngày {}, tại {}, tiến hành làm việc, xác minh nội dung {}: {}",
            s.at.format("%H giờ %M phút"),
            s.at.format("%d/%m/%Y"),
            s.place,
            s.matter,
            super::sentence(s.summary)
        ),
        "I. Thành phần".to_owned(),
    ];
    p.extend(
        s.participants
            .iter()
            .map(|x| x.trim())
            .filter(|x| !x.is_empty())
            .map(|x| format!("- {x};")),
    );
    p.push("II. Nội dung làm việc".to_owned());
    p.extend(lines(s.content));
    p.push("Biên bản đã được đọc lại cho những người có tên trên nghe và cùng ký xác nhận; biên bản được lập thành 02 bản.".to_owned());
    p
}

/// The verifier's report.
pub struct VerificationReport<'a> {
    pub office: &'a str,
    pub matter: &'a str,
    pub summary: &'a str,
    /// The decision assigning the verification: its number and day.
    pub decision: &'a str,
    pub decided_on: chrono::NaiveDate,
    pub verifier: &'a str,
    pub findings: &'a str,
    pub proposal: &'a str,
}

/// The report's paragraphs.
pub fn verification_report(r: &VerificationReport) -> Vec<String> {
    let mut p = vec![format!(
        "Thực hiện Quyết định số {} ngày {} của Chủ tịch {} về việc giao nhiệm vụ xác minh nội dung {}, {} báo cáo kết quả xác minh như sau:",
        r.decision,
        r.decided_on.format("%d/%m/%Y"),
        r.office,
        r.matter,
        r.verifier
    )];
    p.push(format!("1. Nội dung {}", r.matter));
    p.push(super::sentence(r.summary));
    p.push("2. Kết quả xác minh".to_owned());
    p.extend(lines(r.findings));
    p.push("3. Kết luận và kiến nghị".to_owned());
    p.extend(lines(r.proposal));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_papers_say_who_when_and_carry_the_officers_words() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 12)
            .unwrap()
            .and_hms_opt(8, 30, 0)
            .unwrap();
        let people = vec![
            "Ông Lê Văn Tâm, công chức địa chính".to_owned(),
            " ".to_owned(),
        ];
        let m = work_session_minutes(&WorkSession {
            at,
            place: "Thôn Đông",
            matter: "khiếu nại",
            summary: "Bồi thường đất",
            participants: &people,
            content: "Đo lại ranh giới thửa 112.\nHai bên thống nhất kết quả đo.",
        });
        assert!(m[0].starts_with("Hôm nay, vào hồi 08 giờ 30 phút ngày 12/03/2026, tại Thôn Đông"));
        assert_eq!(m[2], "- Ông Lê Văn Tâm, công chức địa chính;");
        assert_eq!(m[3], "II. Nội dung làm việc");
        assert_eq!(m.len(), 7);
        let r = verification_report(&VerificationReport {
            office: "Ủy ban nhân dân xã Ba Tơ",
            matter: "tố cáo",
            summary: "Nhận tiền",
            decision: "03/QĐ-UBND",
            decided_on: at.date(),
            verifier: "Lê Văn Tâm",
            findings: "Không có căn cứ.",
            proposal: "Kết luận tố cáo sai.",
        });
        assert!(r[0].contains("Quyết định số 03/QĐ-UBND ngày 12/03/2026"));
        assert_eq!(r[r.len() - 1], "Kết luận tố cáo sai.");
    }
}
