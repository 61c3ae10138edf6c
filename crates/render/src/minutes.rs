//! Biên bản tiếp công dân: the minutes of a reception (TCD_20 lineage; fields per
//! ../shared/domain/LEGAL.md §3c).

use super::header::{self, Header};
use super::layout::{Align, LEFT, Style, TEXT_W, Writer};

/// One person received, as the minutes name them.
pub struct Received {
    pub title: String,
    pub name: String,
    pub id_line: String,
    pub address: String,
    pub phone: String,
}

/// Everything the minutes print; plain values.
pub struct Minutes {
    /// The document names a denouncer: marked "MẬT".
    pub secret: bool,
    /// Everything brought was a denunciation made in person: the record of its content
    /// (biên bản ghi nội dung tố cáo trực tiếp, TCD_13 in practice), the person received
    /// named as the denouncer.
    pub denunciation: bool,
    pub parent: String,
    pub agency: String,
    pub number: String,
    pub place: String,
    pub at: chrono::NaiveDateTime,
    pub ended_at: chrono::NaiveDateTime,
    pub at_place: String,
    /// Who received: "Phạm Văn Bình".
    pub host: String,
    /// Their position: "Chủ tịch Ủy ban nhân dân xã Ba Tơ", "cán bộ tiếp công dân".
    pub host_role: String,
    pub recorder: String,
    /// The representatives (or the one person) received.
    pub received: Vec<Received>,
    /// Head-count of the group, 1 for one person.
    pub people: u32,
    pub content: String,
    pub papers: Vec<String>,
    pub outcome: String,
    pub copies: u32,
}

pub fn render(m: &Minutes) -> Vec<u8> {
    use chrono::Timelike;
    let mut w = Writer::new("Biên bản tiếp công dân");
    let place_and_date = format!("{}, {}", m.place, super::date_in_words(m.at.date()));
    header::write(
        &mut w,
        &Header {
            parent: &m.parent,
            agency: &m.agency,
            number: &m.number,
            place_and_date: &place_and_date,
        },
    );
    if m.secret {
        header::secret_mark(&mut w);
    }
    w.line(Align::Center, Style::Bold, 14.0, "BIÊN BẢN");
    w.line(
        Align::Center,
        Style::Bold,
        14.0,
        if m.denunciation {
            "Ghi nội dung tố cáo trực tiếp"
        } else {
            "Tiếp công dân"
        },
    );
    let (person, content, papers) = if m.denunciation {
        (
            "Người tố cáo",
            "II. Nội dung tố cáo",
            "Thông tin, tài liệu, bằng chứng do người tố cáo cung cấp",
        )
    } else {
        (
            "Công dân được tiếp",
            "II. Nội dung",
            "Tài liệu, bằng chứng cung cấp",
        )
    };
    w.rule(LEFT + TEXT_W / 2.0 - 15.0, LEFT + TEXT_W / 2.0 + 15.0, 0.5);
    w.gap(6.0);
    let body = |w: &mut Writer, text: &str| w.paragraph(Style::Regular, 13.0, 10.0, text);
    let bold = |w: &mut Writer, text: &str| w.paragraph(Style::Bold, 13.0, 10.0, text);
    body(
        &mut w,
        &format!(
            "Vào hồi {} giờ {:02} phút, {}, tại {}.",
            m.at.hour(),
            m.at.minute(),
            super::date_in_words(m.at.date()),
            m.at_place
        ),
    );
    bold(&mut w, "I. Thành phần");
    body(
        &mut w,
        &format!("1. Người tiếp công dân: {}, {}.", m.host, m.host_role),
    );
    body(&mut w, &format!("2. Người ghi biên bản: {}.", m.recorder));
    if m.people > 1 {
        body(
            &mut w,
            &format!(
                "3. {person}: đoàn {} người, do {} người đại diện:",
                m.people,
                m.received.len()
            ),
        );
    } else {
        body(&mut w, &format!("3. {person}:"));
    }
    for r in &m.received {
        let mut line = format!("- {} {}", r.title, r.name);
        if !r.id_line.is_empty() {
            line.push_str(&format!(
                "; số định danh cá nhân/CMND/Hộ chiếu: {}",
                r.id_line
            ));
        }
        line.push_str(&format!("; địa chỉ: {}", r.address));
        if !r.phone.is_empty() {
            line.push_str(&format!("; điện thoại: {}", r.phone));
        }
        body(&mut w, &format!("{line}."));
    }
    bold(&mut w, content);
    body(&mut w, &m.content);
    if m.papers.is_empty() {
        body(&mut w, &format!("{papers}: không có."));
    } else {
        body(&mut w, &format!("{papers}:"));
        for (i, p) in m.papers.iter().enumerate() {
            let end = if i + 1 == m.papers.len() { '.' } else { ';' };
            body(&mut w, &format!("{}. {p}{end}", i + 1));
        }
    }
    bold(&mut w, "III. Kết quả tiếp công dân");
    // An outcome the officer did not type: what the desk did, never a dotted blank.
    let outcome = if m.outcome.is_empty() {
        if m.papers.is_empty() {
            "Tiếp nhận thông tin, ghi nhận nội dung công dân trình bày."
        } else {
            "Tiếp nhận đơn và tài liệu kèm theo để xử lý theo quy định."
        }
    } else {
        &m.outcome
    };
    body(&mut w, outcome);
    body(
        &mut w,
        &format!(
            "Buổi tiếp kết thúc vào hồi {} giờ {:02} phút cùng ngày. Biên bản đã được đọc lại cho những người có tên trên nghe và cùng ký xác nhận; biên bản được lập thành {:02} bản.",
            m.ended_at.hour(),
            m.ended_at.minute(),
            m.copies
        ),
    );
    let first = m.received.first().map(|r| r.name.as_str()).unwrap_or("");
    header::signatures(
        &mut w,
        &[
            (
                if m.denunciation {
                    "Người tố cáo"
                } else {
                    "Người được tiếp"
                },
                first,
            ),
            ("Người ghi biên bản", &m.recorder),
            ("Người tiếp công dân", &m.host),
        ],
    );
    w.finish()
}
