//! Tài liệu chuẩn bị buổi tiếp: the host's briefing pack for a reception session, A4
//! portrait. A summary page (the session, then one line per booked citizen: the case, its
//! flags and its next deadline), then a page per booking: who comes, the officer's note,
//! the case's history (visits, petitions, decisions, answers) and its open deadlines.
//! Marked for internal use. Pure.

use super::layout::{Align, LEFT, Style, TEXT_W, Writer};

pub struct Briefing {
    pub parent: String,
    pub agency: String,
    /// "Thứ Năm, ngày 03/12/2026, từ 07 giờ 30 đến 11 giờ 30".
    pub when: String,
    pub place: String,
    /// "Chủ tịch Ủy ban nhân dân Phạm Văn Hùng".
    pub host: String,
    /// "27/11/2026".
    pub prepared_on: String,
    pub items: Vec<BriefingItem>,
}

pub struct BriefingItem {
    pub citizen: String,
    pub address: String,
    pub people: u32,
    pub case_title: Option<String>,
    pub note: Option<String>,
    /// "Đông người", "Kéo dài"…
    pub flags: Vec<String>,
    /// (date "dd/mm/yyyy", what happened), oldest first.
    pub history: Vec<(String, String)>,
    /// (what, due "dd/mm/yyyy", overdue).
    pub deadlines: Vec<(String, String, bool)>,
}

const SIZE: f32 = 12.0;

fn heading(w: &mut Writer, text: &str) {
    w.gap(2.0);
    w.line(Align::Left, Style::Bold, 13.0, text);
}

fn item_page(w: &mut Writer, n: usize, it: &BriefingItem) {
    w.line(
        Align::Left,
        Style::Bold,
        14.0,
        &format!(
            "{n}. {}{}",
            it.citizen,
            if it.people > 1 {
                format!(" (đoàn {} người)", it.people)
            } else {
                String::new()
            }
        ),
    );
    w.paragraph(
        Style::Regular,
        SIZE,
        0.0,
        &format!("Địa chỉ: {}", it.address),
    );
    w.paragraph(
        Style::Regular,
        SIZE,
        0.0,
        &format!(
            "Vụ việc: {}",
            it.case_title.as_deref().unwrap_or("(chưa gắn vụ việc)")
        ),
    );
    if !it.flags.is_empty() {
        w.paragraph(
            Style::Bold,
            SIZE,
            0.0,
            &format!("Lưu ý: {}.", it.flags.join(", ")),
        );
    }
    if let Some(note) = &it.note {
        w.paragraph(
            Style::Italic,
            SIZE,
            0.0,
            &format!("Ghi chú của cán bộ: {note}"),
        );
    }
    heading(w, "Quá trình giải quyết");
    if it.history.is_empty() {
        w.paragraph(
            Style::Italic,
            SIZE,
            0.0,
            "Chưa có lượt tiếp, đơn hay quyết định nào được ghi.",
        );
    }
    for (date, what) in &it.history {
        w.paragraph(Style::Regular, SIZE, 0.0, &format!("- {date}: {what}"));
    }
    heading(w, "Thời hạn đang chạy");
    if it.deadlines.is_empty() {
        w.paragraph(Style::Italic, SIZE, 0.0, "Không có thời hạn nào đang chạy.");
    }
    for (what, due, overdue) in &it.deadlines {
        let style = if *overdue {
            Style::Bold
        } else {
            Style::Regular
        };
        let tail = if *overdue { " — ĐÃ QUÁ HẠN" } else { "" };
        w.paragraph(style, SIZE, 0.0, &format!("- {what}: hạn {due}{tail}"));
    }
}

pub fn render(b: &Briefing) -> Vec<u8> {
    let mut w = Writer::new("Tài liệu chuẩn bị buổi tiếp công dân");
    w.put(
        LEFT,
        TEXT_W,
        Align::Left,
        Style::Regular,
        11.0,
        &b.parent.to_uppercase(),
    );
    w.put(
        LEFT,
        TEXT_W,
        Align::Right,
        Style::BoldItalic,
        11.0,
        "Tài liệu nội bộ — không giao cho công dân",
    );
    w.advance(11.0);
    w.line(Align::Left, Style::Bold, 11.0, &b.agency.to_uppercase());
    w.gap(6.0);
    w.line(
        Align::Center,
        Style::Bold,
        15.0,
        "TÀI LIỆU CHUẨN BỊ BUỔI TIẾP CÔNG DÂN",
    );
    w.line(Align::Center, Style::Regular, 13.0, &b.when);
    w.line(
        Align::Center,
        Style::Regular,
        13.0,
        &format!("Tại: {}", b.place),
    );
    w.line(
        Align::Center,
        Style::Bold,
        13.0,
        &format!("Người chủ trì: {}", b.host),
    );
    w.line(
        Align::Center,
        Style::Italic,
        11.0,
        &format!("(Lập ngày {})", b.prepared_on),
    );
    w.gap(4.0);
    heading(
        &mut w,
        &format!("Danh sách công dân đã đặt lịch: {}", b.items.len()),
    );
    if b.items.is_empty() {
        w.paragraph(
            Style::Italic,
            SIZE,
            0.0,
            "Chưa có công dân nào đặt lịch cho buổi tiếp này.",
        );
    }
    for (i, it) in b.items.iter().enumerate() {
        let next = it
            .deadlines
            .iter()
            .find(|d| d.2)
            .or(it.deadlines.first())
            .map(|(what, due, overdue)| {
                format!(
                    "; {what} hạn {due}{}",
                    if *overdue { " (quá hạn)" } else { "" }
                )
            })
            .unwrap_or_default();
        let flags = if it.flags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", it.flags.join(", "))
        };
        w.paragraph(
            Style::Regular,
            SIZE,
            0.0,
            &format!(
                "{}. {} — {}{flags}{next}",
                i + 1,
                it.citizen,
                it.case_title.as_deref().unwrap_or("(chưa gắn vụ việc)")
            ),
        );
    }
    for (i, it) in b.items.iter().enumerate() {
        w.new_page();
        item_page(&mut w, i + 1, it);
    }
    w.finish()
}
