//! The receipt PDF read back as a person would: pdftotext finds every Vietnamese line,
//! pdffonts shows the font embedded.

use std::process::Command;

use tiepdan_core::print::receipt::{render, specimen};

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} runs (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_receipt_reads_back_in_vietnamese_with_its_font_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bien-nhan.pdf");
    let pdf = render(&specimen());
    // Only the glyphs used are embedded: every issued document is kept in the database.
    assert!(
        pdf.len() < 120_000,
        "{} bytes: fonts not subset?",
        pdf.len()
    );
    std::fs::write(&path, pdf).unwrap();
    let p = path.to_str().unwrap();
    let text = tool("pdftotext", &["-layout", p, "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "ỦY BAN NHÂN DÂN XÃ BA TƠ",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/GBN",
        "Ba Tơ, ngày 05 tháng 01 năm 2026",
        "GIẤY BIÊN NHẬN",
        "Vào hồi 9 giờ 04 phút, ngày 05 tháng 01 năm 2026",
        "Đã nhận của Ông: Nguyễn Văn Đức.",
        "034068012345",
        "hỗ trợ tái định cư.",
        "1. Quyết định số 12/QĐ-UBND (bản sao có chứng thực, 3 trang);",
        "2. Giấy chứng nhận quyền sử dụng đất (bản chính).",
        "NGƯỜI CUNG CẤP",
        "NGƯỜI NHẬN",
        "Lê Thị Hoa",
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        rows.len() >= 3,
        "regular, bold and italic are used:\n{fonts}"
    );
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type (2 words), encoding, emb, sub, uni, …
        assert_eq!(
            (cols[4], cols[6]),
            ("yes", "yes"),
            "embedded with a Unicode map:\n{fonts}"
        );
    }
}
