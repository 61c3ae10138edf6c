//! The recovery key sheet: the key in large groups with what it opens and how to keep it,
//! to print once and seal in an envelope. The key is never stored by the app: the shell
//! writes this PDF to a temporary file for the printer and deletes it when the first run
//! moves on.

use super::layout::{Align, Style, Writer};

/// One page: the data directory it opens, the key, the instructions.
pub fn render(data_dir: &str, key: &str, at: chrono::NaiveDateTime) -> Vec<u8> {
    let mut w = Writer::new("Khóa khôi phục TiếpDân");
    w.line(
        Align::Center,
        Style::Bold,
        16.0,
        "KHÓA KHÔI PHỤC DỮ LIỆU TIẾPDÂN",
    );
    w.gap(4.0);
    w.line(
        Align::Center,
        Style::Italic,
        12.0,
        &format!(
            "Lập lúc {} {}",
            at.format("%H giờ %M"),
            super::date_in_words(at.date())
        ),
    );
    w.gap(8.0);
    for group in key.split('-').collect::<Vec<_>>().chunks(4) {
        w.line(Align::Center, Style::Bold, 18.0, &group.join(" - "));
        w.gap(2.0);
    }
    w.gap(8.0);
    for text in [
        format!("Khóa này mở được dữ liệu ở thư mục {data_dir} khi không còn ai nhớ mật khẩu."),
        "Phần mềm không lưu khóa này ở đâu trong máy. Hãy cho tờ giấy vào phong bì, niêm phong, ghi ngày và giao lãnh đạo cơ quan cất giữ; không chụp ảnh, không lưu vào máy tính hay điện thoại.".to_owned(),
        "Khi cần dùng: quản trị hệ thống nhập khóa vào lệnh tiepdan (tiepdan account password TÊN_ĐĂNG_NHẬP) để đặt lại mật khẩu.".to_owned(),
    ] {
        w.paragraph(Style::Regular, 13.0, 10.0, &text);
        w.gap(2.0);
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sheet_is_a_pdf() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        let pdf = super::render("/tmp/x", "ABCD-EFGH-IJKL-MNOP", at);
        assert!(pdf.starts_with(b"%PDF"));
    }
}
