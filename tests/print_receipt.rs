//! The receipt PDF read back as a person would: pdftotext finds every Vietnamese line,
//! pdffonts shows the font embedded.

use std::process::Command;

use tiepdan::print::receipt::{Receipt, ReceivedPaper, render};

fn sample() -> Receipt {
    Receipt {
        parent: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
        agency: "Ủy ban nhân dân xã Ba Tơ".into(),
        number: "05/GBN".into(),
        place: "Ba Tơ".into(),
        at: chrono::NaiveDateTime::parse_from_str("2026-01-05 09:04", "%Y-%m-%d %H:%M").unwrap(),
        received_at: "Trụ sở tiếp công dân, Ủy ban nhân dân xã Ba Tơ".into(),
        officer: "Lê Thị Hoa".into(),
        provider_title: "Ông".into(),
        provider_name: "Nguyễn Văn Đức".into(),
        provider_id: "034068012345".into(),
        provider_address: "Thôn Đông, xã Ba Tơ".into(),
        provider_phone: "0912345678".into(),
        content: "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND của Ủy ban nhân dân xã Ba Tơ về việc thu hồi 250 m² đất nông nghiệp của hộ gia đình ông Nguyễn Văn Đức, đề nghị xem xét lại giá bồi thường và hỗ trợ tái định cư.".into(),
        papers: vec![
            ReceivedPaper { title: "Quyết định số 12/QĐ-UBND".into(), original: false, pages: Some(3) },
            ReceivedPaper { title: "Giấy chứng nhận quyền sử dụng đất".into(), original: true, pages: None },
        ],
        copies: 2,
        copies_to_provider: 1,
    }
}

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
    std::fs::write(&path, render(&sample())).unwrap();
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
        "1. Quyết định số 12/QĐ-UBND (bản sao, 3 trang);",
        "2. Giấy chứng nhận quyền sử dụng đất (bản chính);",
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
