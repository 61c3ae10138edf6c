//! Writes a sample receipt to the path given (default `receipt.pdf`), to look at.
fn main() {
    let at =
        chrono::NaiveDateTime::parse_from_str("2026-11-23 09:14", "%Y-%m-%d %H:%M").expect("valid");
    let r = tiepdan::print::receipt::Receipt {
        parent: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
        agency: "Ủy ban nhân dân xã Ba Tơ".into(),
        number: "05/GBN".into(),
        place: "Ba Tơ".into(),
        at,
        received_at: "Trụ sở tiếp công dân, Ủy ban nhân dân xã Ba Tơ".into(),
        officer: "Lê Thị Hoa".into(),
        provider_title: "Ông".into(),
        provider_name: "Nguyễn Văn Đức".into(),
        provider_id: "034068012345".into(),
        provider_address: "Thôn Đông, xã Ba Tơ".into(),
        provider_phone: "0912345678".into(),
        content: "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND về việc thu hồi 250 m² đất nông nghiệp, đề nghị xem xét lại giá bồi thường và hỗ trợ tái định cư.".into(),
        papers: vec![tiepdan::print::receipt::ReceivedPaper { title: "Quyết định số 12/QĐ-UBND".into(), original: false, pages: Some(3) }],
        copies: 2,
        copies_to_provider: 1,
    };
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "receipt.pdf".into());
    std::fs::write(&path, tiepdan::print::receipt::render(&r)).expect("writable path");
}
