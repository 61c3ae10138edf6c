//! Giấy biên nhận thông tin, tài liệu, bằng chứng: the receipt handed to a citizen for the
//! papers received at the desk. Fields per ../shared/domain/LEGAL.md §3c.

use super::header::{self, Header};
use super::layout::{Align, LEFT, Style, TEXT_W, Writer};

/// One paper received.
pub struct ReceivedPaper {
    pub title: String,
    pub original: bool,
    /// A certified copy (bản sao có chứng thực).
    pub certified: bool,
    pub pages: Option<u32>,
}

impl ReceivedPaper {
    /// "bản chính", "bản sao có chứng thực" or "bản sao".
    pub fn kind_vi(&self) -> &'static str {
        paper_kind_vi(self.original, self.certified)
    }
}

/// How a paper handed in is described: "bản chính", "bản sao có chứng thực", "bản sao".
pub fn paper_kind_vi(original: bool, certified: bool) -> &'static str {
    match (original, certified) {
        (true, _) => "bản chính",
        (false, true) => "bản sao có chứng thực",
        (false, false) => "bản sao",
    }
}

/// Everything the receipt prints; plain values.
/// Handed to the citizen: never marked MẬT (the minutes the office keeps are).
pub struct Receipt {
    pub parent: String,
    pub agency: String,
    pub number: String,
    /// Địa danh, e.g. "Ba Tơ".
    pub place: String,
    pub at: chrono::NaiveDateTime,
    /// Where the papers were received, e.g. "Trụ sở tiếp công dân, Ủy ban nhân dân xã Ba Tơ".
    pub received_at: String,
    pub officer: String,
    /// "Ông" or "Bà".
    pub provider_title: String,
    pub provider_name: String,
    /// "034068012345, cấp ngày …, nơi cấp …" or empty.
    pub provider_id: String,
    pub provider_address: String,
    pub provider_phone: String,
    /// For a group: "đại diện cho đoàn 6 người; người đại diện khác: Bà …"; else empty.
    pub group: String,
    pub content: String,
    pub papers: Vec<ReceivedPaper>,
    /// Copies made, and how many go to the provider (UNCONFIRMED practice: configurable).
    pub copies: u32,
    pub copies_to_provider: u32,
}

pub fn render(r: &Receipt) -> Vec<u8> {
    use chrono::Timelike;
    let mut w = Writer::new("Giấy biên nhận thông tin, tài liệu, bằng chứng");
    let place_and_date = format!("{}, {}", r.place, super::date_in_words(r.at.date()));
    header::write(
        &mut w,
        &Header {
            parent: &r.parent,
            agency: &r.agency,
            number: &r.number,
            place_and_date: &place_and_date,
        },
    );
    w.line(Align::Center, Style::Bold, 14.0, "GIẤY BIÊN NHẬN");
    w.line(
        Align::Center,
        Style::Bold,
        14.0,
        "Thông tin, tài liệu, bằng chứng",
    );
    w.rule(LEFT + TEXT_W / 2.0 - 20.0, LEFT + TEXT_W / 2.0 + 20.0, 0.5);
    w.gap(6.0);
    let body = |w: &mut Writer, text: &str| w.paragraph(Style::Regular, 13.0, 10.0, text);
    body(
        &mut w,
        &format!(
            "Vào hồi {} giờ {:02} phút, {}, tại {}.",
            r.at.hour(),
            r.at.minute(),
            super::date_in_words(r.at.date()),
            r.received_at
        ),
    );
    body(
        &mut w,
        &format!("Tôi là: {}, cán bộ tiếp công dân.", r.officer),
    );
    body(
        &mut w,
        &format!("Đã nhận của {}: {}.", r.provider_title, r.provider_name),
    );
    if !r.group.is_empty() {
        body(&mut w, &format!("Là người {}.", r.group));
    }
    if !r.provider_id.is_empty() {
        body(
            &mut w,
            &format!("Số định danh cá nhân/CMND/Hộ chiếu: {}.", r.provider_id),
        );
    }
    body(&mut w, &format!("Địa chỉ: {}.", r.provider_address));
    if !r.provider_phone.is_empty() {
        body(&mut w, &format!("Số điện thoại: {}.", r.provider_phone));
    }
    body(&mut w, &format!("Nội dung: {}", r.content));
    body(&mut w, "Các thông tin, tài liệu, bằng chứng gồm:");
    if r.papers.is_empty() {
        body(&mut w, "(không có tài liệu kèm theo)");
    }
    for (i, p) in r.papers.iter().enumerate() {
        let kind = p.kind_vi();
        let pages = p.pages.map(|n| format!(", {n} trang")).unwrap_or_default();
        let end = if i + 1 == r.papers.len() { '.' } else { ';' };
        body(
            &mut w,
            &format!("{}. {} ({kind}{pages}){end}", i + 1, p.title),
        );
    }
    body(
        &mut w,
        &format!(
            "Giấy biên nhận được lập thành {:02} bản, mỗi bên giữ {:02} bản, giao cho người cung cấp {:02} bản.",
            r.copies, r.copies_to_provider, r.copies_to_provider
        ),
    );
    header::signatures(
        &mut w,
        &[
            ("Người cung cấp", &r.provider_name),
            ("Người nhận", &r.officer),
        ],
    );
    w.finish()
}

/// A filled-in receipt, for print previews, the example and the tests.
pub fn specimen() -> Receipt {
    Receipt {
        parent: "Ủy ban nhân dân tỉnh Quảng Ngãi".into(),
        agency: "Ủy ban nhân dân xã Ba Tơ".into(),
        number: "05/GBN".into(),
        place: "Ba Tơ".into(),
        at: chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .and_then(|d| d.and_hms_opt(9, 4, 0))
            .expect("a valid date"),
        received_at: "Trụ sở tiếp công dân, Ủy ban nhân dân xã Ba Tơ".into(),
        officer: "Lê Thị Hoa".into(),
        provider_title: "Ông".into(),
        provider_name: "Nguyễn Văn Đức".into(),
        provider_id: "034068012345".into(),
        provider_address: "Thôn Đông, xã Ba Tơ".into(),
        provider_phone: "0912345678".into(),
        group: String::new(),
        content: "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND của Ủy ban nhân dân xã Ba Tơ về việc thu hồi 250 m² đất nông nghiệp của hộ gia đình ông Nguyễn Văn Đức, đề nghị xem xét lại giá bồi thường và hỗ trợ tái định cư.".into(),
        papers: vec![
            ReceivedPaper {
                title: "Quyết định số 12/QĐ-UBND".into(),
                original: false,
                certified: true,
                pages: Some(3),
            },
            ReceivedPaper {
                title: "Giấy chứng nhận quyền sử dụng đất".into(),
                original: true,
                certified: false,
                pages: None,
            },
        ],
        copies: 2,
        copies_to_provider: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_is_a_pdf() {
        let pdf = render(&specimen());
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 1000);
    }
}
