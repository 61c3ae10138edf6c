//! Reading the cells of an old register: days written every way communes write them,
//! the kind and field of a petition in words or abbreviations, what its handling was, and
//! a name and address kept in one cell.

use chrono::NaiveDate;
use tiepdan_vocab::petition::{Action, Field, PetitionKind};
use tiepdan_vocab::text::fold;

use super::sheet::Cell;

/// The day a cell names: a date cell, an Excel serial number, or text such as "12/3/2024",
/// "12-03-2024", "12.3.24", "2024-03-12" or "ngày 12 tháng 3 năm 2024".
pub fn day(cell: &Cell) -> Result<NaiveDate, String> {
    match cell {
        Cell::Date(d) => Ok(*d),
        Cell::Number(n) if (20_000.0..80_000.0).contains(n) => {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a real day");
            Ok(base + chrono::Days::new(n.floor() as u64))
        }
        Cell::Text(t) => text_day(t),
        Cell::Number(_) => Err(format!("\"{}\" không phải là ngày", cell.text())),
        Cell::Empty => Err("trống".into()),
    }
}

fn text_day(t: &str) -> Result<NaiveDate, String> {
    let folded = fold(t);
    let numbers: Vec<u32> = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    let wrong = || format!("\"{t}\" không đọc được thành ngày (ghi như 12/03/2024)");
    let (d, m, y) = match numbers.as_slice() {
        [y, m, d, ..] if *y >= 1900 => (*d, *m, *y),
        [d, m, y, ..] => (*d, *m, *y),
        _ => return Err(wrong()),
    };
    let y = if y < 100 { 2000 + y } else { y };
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| format!("\"{t}\" không phải là ngày có thật"))
}

/// The kind a cell names, in words or the usual abbreviations (KN, TC, KNPA, PA).
pub fn kind(text: &str) -> Option<PetitionKind> {
    let f = fold(text);
    let compact: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
    if f.contains("khieu nai") || compact == "kn" || compact == "khieunai" {
        Some(PetitionKind::Complaint)
    } else if f.contains("to cao") || compact == "tc" {
        Some(PetitionKind::Denunciation)
    } else if f.contains("kien nghi") || compact == "knpa" || compact == "kiennghi" {
        Some(PetitionKind::Recommendation)
    } else if f.contains("phan anh") || compact == "pa" {
        Some(PetitionKind::Feedback)
    } else {
        None
    }
}

/// The field (lĩnh vực) words name, if they name one. Words are matched whole and with
/// their marks: "đất" is land, "đạt" (reached) is not.
pub fn field(text: &str) -> Option<Field> {
    let lower = tiepdan_vocab::text::nfc(&text.to_lowercase());
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let f = format!(" {} ", words.join(" "));
    let has = |w: &[&str]| w.iter().any(|w| f.contains(&format!(" {w} ")));
    if has(&["tham nhũng"]) {
        Some(Field::Corruption)
    } else if has(&[
        "đất",
        "đất đai",
        "nhà ở",
        "nhà cửa",
        "giải phóng mặt bằng",
        "bồi thường",
        "tái định cư",
    ]) {
        Some(Field::Land)
    } else if has(&[
        "chế độ",
        "chính sách",
        "bảo hiểm",
        "trợ cấp",
        "người có công",
    ]) {
        Some(Field::Policy)
    } else if has(&["công chức", "công vụ", "cán bộ", "thái độ"]) {
        Some(Field::CivilService)
    } else if has(&["tư pháp", "tòa án", "toà án", "thi hành án", "hộ tịch"]) {
        Some(Field::Judicial)
    } else if has(&["đảng viên", "đoàn thể", "chi bộ"]) {
        Some(Field::Party)
    } else if has(&["hành chính", "môi trường", "xây dựng", "trật tự"]) {
        Some(Field::OtherAdmin)
    } else {
        None
    }
}

/// What the register says was done, when it says it plainly: the action and, for a
/// transfer, the body's name as written ("Chuyển Phòng Tài nguyên và Môi trường").
pub fn handling(text: &str) -> Option<(Action, Option<String>)> {
    let f = fold(text);
    if f.is_empty() {
        return None;
    }
    if f.starts_with("chuyen") {
        let body = text
            .split_whitespace()
            .skip(1)
            .skip_while(|w| {
                matches!(
                    fold(w).as_str(),
                    "don" | "den" | "toi" | "cho" | "sang" | "qua" | "ve" | "cho:" | "den:"
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        let body =
            body.trim_matches(|c: char| c == '.' || c == ',' || c == ':' || c.is_whitespace());
        return (!body.is_empty()).then(|| (Action::Transfer, Some(body.to_owned())));
    }
    if f.contains("huong dan") {
        Some((Action::Guide, None))
    } else if f.starts_with("luu") {
        Some((Action::File, None))
    } else if f.contains("khong thu ly") {
        Some((Action::Decline, None))
    } else if f.contains("thu ly") {
        Some((Action::Accept, None))
    } else {
        None
    }
}

/// A name and an address in one cell: split at the first line break, else the first
/// comma, else the first " - ".
pub fn name_and_address(text: &str) -> (String, String) {
    let text = text.trim();
    for sep in ["\n", ",", " - ", " – "] {
        if let Some((n, a)) = text.split_once(sep) {
            let a = a
                .trim()
                .trim_start_matches(|c: char| c == '-' || c == ':' || c.is_whitespace());
            return (tiepdan_vocab::text::clean(n), tiepdan_vocab::text::clean(a));
        }
    }
    (tiepdan_vocab::text::clean(text), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn days_are_read_every_way_they_are_written() {
        let d = ymd(2024, 3, 12);
        for text in [
            "12/3/2024",
            "12/03/2024",
            "12-03-2024",
            "12.3.24",
            "2024-03-12",
            "ngày 12 tháng 3 năm 2024",
        ] {
            assert_eq!(day(&Cell::Text(text.into())), Ok(d), "{text}");
        }
        assert_eq!(day(&Cell::Number(45363.0)), Ok(d));
        assert_eq!(day(&Cell::Date(d)), Ok(d));
        assert!(
            day(&Cell::Text("31/02/2024".into()))
                .unwrap_err()
                .contains("có thật")
        );
        assert!(day(&Cell::Text("tháng 3".into())).is_err());
        assert!(day(&Cell::Number(7.0)).is_err());
        assert!(day(&Cell::Empty).is_err());
    }

    #[test]
    fn kinds_in_words_and_abbreviations() {
        assert_eq!(kind("Khiếu nại"), Some(PetitionKind::Complaint));
        assert_eq!(kind("KN"), Some(PetitionKind::Complaint));
        assert_eq!(kind("TC"), Some(PetitionKind::Denunciation));
        assert_eq!(kind("KN-PA"), Some(PetitionKind::Recommendation));
        assert_eq!(
            kind("Kiến nghị, phản ánh"),
            Some(PetitionKind::Recommendation)
        );
        assert_eq!(kind("Phản ánh"), Some(PetitionKind::Feedback));
        assert_eq!(kind("đơn thư"), None);
    }

    #[test]
    fn handling_when_the_register_says_it_plainly() {
        assert_eq!(
            handling("Chuyển đơn đến Phòng Kinh tế"),
            Some((Action::Transfer, Some("Phòng Kinh tế".into())))
        );
        assert_eq!(
            handling("Đã hướng dẫn công dân"),
            Some((Action::Guide, None))
        );
        assert_eq!(handling("Lưu đơn"), Some((Action::File, None)));
        assert_eq!(handling("Không thụ lý"), Some((Action::Decline, None)));
        assert_eq!(handling("Thụ lý giải quyết"), Some((Action::Accept, None)));
        assert_eq!(
            handling("Chuyển"),
            None,
            "a transfer without its body says too little"
        );
        assert_eq!(handling("đang xem xét"), None);
    }

    #[test]
    fn a_name_and_an_address_in_one_cell() {
        assert_eq!(
            name_and_address("Trần Thị Bình, thôn Gò Da, xã Ba Tơ"),
            ("Trần Thị Bình".into(), "thôn Gò Da, xã Ba Tơ".into())
        );
        assert_eq!(
            name_and_address("Lê Văn Cường\nTổ dân phố 3"),
            ("Lê Văn Cường".into(), "Tổ dân phố 3".into())
        );
        assert_eq!(
            name_and_address("Đinh Văn Dũng - thôn 2"),
            ("Đinh Văn Dũng".into(), "thôn 2".into())
        );
        assert_eq!(
            name_and_address("Mai Văn E"),
            ("Mai Văn E".into(), String::new())
        );
        assert_eq!(field("Đất đai"), Some(Field::Land));
        assert_eq!(field("Tranh chấp ranh giới đất"), Some(Field::Land));
        assert_eq!(field("giá cả"), None);
        assert_eq!(field("Đề nghị công nhận thôn đạt chuẩn"), None);
    }
}
