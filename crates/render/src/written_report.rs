//! The written six-monthly (or any period's) report on citizen reception, petition handling
//! and complaint resolution (báo cáo bằng văn bản), as an editable .docx draft laid out per
//! Nghị định 30/2020: its figures come from the same computed tables as the statistical
//! forms; the assessment, the tasks ahead and the proposals are left for the officer, marked
//! with dotted lines. Pure.

use super::docx::{Align, Block, Para, Run, render as docx};
use tiepdan_domain::report::{Computed, Template};

pub struct WrittenReport<'a> {
    pub parent: &'a str,
    pub agency: &'a str,
    /// "Ba Tơ, ngày 15 tháng 6 năm 2026".
    pub place_and_date: &'a str,
    pub chair: &'a str,
    /// "Báo cáo 6 tháng đầu năm 2026".
    pub period_title: &'a str,
    /// "(Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026)".
    pub period_range: &'a str,
    /// Every template computed for the period.
    pub tables: &'a [Computed],
    /// A plan's report: its title in place of the period's, and a part on how the plan
    /// was led and carried out, for the officer to write.
    pub plan: Option<&'a str>,
}

/// A line for the officer to write on (one printed line at 14 pt).
fn dotted() -> Block {
    Block::Para(Para::new(Align::Left, vec![Run::plain("…".repeat(30))]))
}

/// The note over a part only the officer can write: the app fills the figures, never the
/// judgement.
fn officers_part() -> Block {
    Block::Para(Para::body(vec![Run::italic(
        "(Phần này do cán bộ viết: phần mềm không tự điền nhận định.)",
    )]))
}

fn heading(text: &str) -> Block {
    Block::Para(Para {
        indent: true,
        ..Para::new(Align::Both, vec![Run::bold(text)])
    })
}

fn body(text: String) -> Block {
    Block::Para(Para::body(vec![Run::plain(text)]))
}

fn centred(runs: Vec<Run>) -> Para {
    Para::new(Align::Center, runs)
}

/// The number of column `ms` of `template` as printed ("150,5"); "0" when the table is
/// missing.
fn n(tables: &[Computed], template: Template, ms: u16) -> String {
    tables
        .iter()
        .find(|t| t.template == template)
        .map(|t| template.text(ms, t.value(ms)))
        .unwrap_or_else(|| "0".to_owned())
}

pub fn render(r: &WrittenReport<'_>) -> Vec<u8> {
    let t = r.tables;
    let tcd = |ms| n(t, Template::Tcd01, ms);
    let xld = |ms| n(t, Template::Xld01, ms);
    let kq = |ms| n(t, Template::Kqgq01, ms);
    let th = |ms| n(t, Template::Kqgq02, ms);
    let tc = |ms| n(t, Template::Kqgq03, ms);
    let period = r
        .period_title
        .strip_prefix("Báo cáo ")
        .unwrap_or(r.period_title);
    let mut blocks = vec![
        Block::Columns {
            left_share: 0.36,
            left: vec![
                centred(vec![Run::plain(r.parent.to_uppercase()).size(12.0)]),
                centred(vec![Run::bold(r.agency.to_uppercase()).size(12.0)]),
                centred(vec![Run::plain("Số: ……/BC-UBND").size(13.0)]),
            ],
            right: vec![
                centred(vec![
                    Run::bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").size(13.0),
                ]),
                centred(vec![Run::bold("Độc lập - Tự do - Hạnh phúc").size(13.0)]),
                centred(vec![]),
                centred(vec![Run::italic(r.place_and_date)]),
            ],
        },
        Block::Para(centred(vec![])),
        Block::Para(centred(vec![Run::bold("BÁO CÁO")])),
        Block::Para(centred(vec![Run::bold(match r.plan {
            Some(title) => title
                .strip_prefix("Báo cáo ")
                .map(|t| {
                    let mut c = t.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                })
                .unwrap_or_else(|| title.to_owned()),
            None => format!(
                "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo {period}"
            ),
        })])),
        Block::Para(centred(vec![Run::italic(r.period_range)])),
        Block::Para(centred(vec![])),
    ];
    if r.plan.is_some() {
        blocks.extend([
            heading("CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN KẾ HOẠCH"),
            officers_part(),
            dotted(),
            dotted(),
            dotted(),
        ]);
    }
    blocks.extend([
        heading("I. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN"),
        body(format!(
            "1. Tổng số lượt tiếp công dân: {} lượt, với {} người, về {} vụ việc.",
            tcd(1),
            tcd(2),
            tcd(3)
        )),
        body(format!(
            "2. Tiếp thường xuyên: {} lượt, {} người; {} vụ việc tiếp lần đầu, {} vụ việc tiếp nhiều lần; trong đó {} đoàn đông người với {} người.",
            tcd(4),
            tcd(5),
            tcd(6),
            tcd(7),
            tcd(8),
            tcd(9)
        )),
        body(format!(
            "3. Chủ tịch Ủy ban nhân dân tiếp công dân định kỳ và đột xuất: {} kỳ, {} lượt, {} người; ủy quyền tiếp {} kỳ, {} lượt, {} người.",
            tcd(12),
            tcd(13),
            tcd(14),
            tcd(21),
            tcd(22),
            tcd(23)
        )),
        body("4. Nội dung chủ yếu công dân phản ánh:".to_owned()),
        dotted(),
        dotted(),
        heading("II. TIẾP NHẬN, PHÂN LOẠI VÀ XỬ LÝ ĐƠN"),
        body(format!(
            "1. Tổng số đơn phải xử lý: {} đơn (kỳ trước chuyển sang {} đơn, tiếp nhận trong kỳ {} đơn); đã xử lý {} đơn, chưa xử lý {} đơn.",
            xld(1),
            xld(2),
            xld(3),
            xld(4),
            xld(5)
        )),
        body(format!(
            "2. Đơn đủ điều kiện xử lý: {} đơn, {} vụ việc, gồm {} đơn khiếu nại, {} đơn tố cáo, {} đơn kiến nghị, phản ánh.",
            xld(6),
            xld(7),
            xld(8),
            xld(9),
            xld(10)
        )),
        body(format!(
            "3. Kết quả xử lý: đơn thuộc thẩm quyền {} đơn (khiếu nại {}, tố cáo {}, kiến nghị, phản ánh {}); đơn không thuộc thẩm quyền {} đơn (hướng dẫn {}, chuyển đơn {}, đôn đốc giải quyết {}); nhận được {} văn bản phúc đáp.",
            xld(14),
            xld(15),
            xld(16),
            xld(17),
            xld(18),
            xld(19),
            xld(20),
            xld(21),
            xld(22)
        )),
        heading("III. KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO THUỘC THẨM QUYỀN"),
        body(format!(
            "1. Đơn khiếu nại thuộc thẩm quyền: {} đơn (kỳ trước chuyển sang {}, tiếp nhận trong kỳ {}), {} vụ việc.",
            kq(1),
            kq(2),
            kq(3),
            kq(4)
        )),
        body(format!(
            "2. Đã giải quyết {} vụ việc bằng quyết định hành chính (giải quyết lần đầu: {} vụ việc khiếu nại đúng, {} sai, {} đúng một phần; giải quyết lần hai: công nhận quyết định lần đầu {}, hủy, sửa {}); {} vụ việc rút đơn thông qua giải thích, thuyết phục. Giải quyết đúng thời hạn {} vụ việc, không đúng thời hạn {} vụ việc.",
            kq(5),
            kq(20),
            kq(21),
            kq(22),
            kq(23),
            kq(24),
            kq(6),
            kq(25),
            kq(26)
        )),
        body(format!(
            "3. Qua giải quyết khiếu nại đã kiến nghị thu hồi cho Nhà nước {} triệu đồng và {} m² đất; trả lại cho tổ chức {} triệu đồng và {} m² đất, cho cá nhân {} triệu đồng và {} m² đất ({} tổ chức, {} cá nhân được trả lại quyền lợi); kiến nghị xử lý hành chính {} người (trong đó {} cán bộ, công chức, viên chức); chuyển cơ quan điều tra {} vụ, {} người.",
            kq(7),
            kq(8),
            kq(9),
            kq(10),
            kq(11),
            kq(12),
            kq(13),
            kq(14),
            kq(15),
            kq(16),
            kq(17),
            kq(18)
        )),
        body(format!(
            "4. Thi hành quyết định giải quyết khiếu nại: {} quyết định phải thực hiện, đã thực hiện xong {} quyết định; đã thu hồi cho Nhà nước {} triệu đồng và {} m² đất (phải thu {} triệu đồng và {} m² đất); đã xử lý hành chính {} người; đã khởi tố {} vụ, {} người.",
            th(1),
            th(2),
            th(5),
            th(6),
            th(3),
            th(4),
            th(15),
            th(17),
            th(18)
        )),
        body(format!(
            "5. Giải quyết tố cáo thuộc thẩm quyền: {} đơn (kỳ trước chuyển sang {}, tiếp nhận trong kỳ {}), {} vụ việc. Đã giải quyết {} vụ việc, gồm {} vụ việc có kết luận nội dung tố cáo (tố cáo đúng {}, tố cáo sai {}, có đúng có sai {}), {} vụ việc người tố cáo rút toàn bộ tố cáo, {} vụ việc đình chỉ không do rút tố cáo; chưa giải quyết xong {} vụ việc. Giải quyết đúng thời hạn {} vụ việc, không đúng thời hạn {} vụ việc. Qua giải quyết tố cáo đã kiến nghị thu hồi cho Nhà nước {} triệu đồng và {} m² đất; kiến nghị xử lý hành chính {} người (trong đó {} cán bộ, công chức, viên chức); chuyển cơ quan điều tra {} vụ, {} đối tượng.",
            tc(1),
            tc(2),
            tc(3),
            tc(4),
            tc(5),
            tc(6),
            tc(23),
            tc(24),
            tc(25),
            tc(7),
            tc(8),
            tc(9),
            tc(26),
            tc(27),
            tc(10),
            tc(11),
            tc(18),
            tc(19),
            tc(20),
            tc(21)
        )),
        heading("IV. ĐÁNH GIÁ, NHẬN XÉT"),
        officers_part(),
        body("1. Ưu điểm:".to_owned()),
        dotted(),
        dotted(),
        body("2. Hạn chế, tồn tại và nguyên nhân:".to_owned()),
        dotted(),
        dotted(),
        heading("V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"),
        officers_part(),
        dotted(),
        dotted(),
        dotted(),
        heading("VI. ĐỀ XUẤT, KIẾN NGHỊ"),
        officers_part(),
        dotted(),
        dotted(),
        dotted(),
        Block::Para(Para::body(vec![Run::italic(
            "(Kèm theo các biểu số liệu 01/TCD, 01/XLD, 02/XLD, 03/XLD, 04/XLD, 01/KQGQ, 02/KQGQ và 03/KQGQ.)",
        )])),
        Block::Para(centred(vec![])),
    ]);
    let small = |s: &str| Para::new(Align::Left, vec![Run::plain(s).size(11.0)]);
    blocks.push(Block::Columns {
        left_share: 0.45,
        left: vec![
            Para::new(
                Align::Left,
                vec![Run {
                    bold: true,
                    italic: true,
                    ..Run::plain("Nơi nhận:").size(12.0)
                }],
            ),
            small("- Thanh tra tỉnh;"),
            small("- Thường trực Đảng ủy, Hội đồng nhân dân xã;"),
            small("- Lưu: VT."),
        ],
        right: vec![
            centred(vec![Run::bold("TM. ỦY BAN NHÂN DÂN")]),
            centred(vec![Run::bold("CHỦ TỊCH")]),
            centred(vec![]),
            centred(vec![]),
            centred(vec![]),
            centred(vec![Run::bold(r.chair)]),
        ],
    });
    docx(r.period_title, &blocks)
}
