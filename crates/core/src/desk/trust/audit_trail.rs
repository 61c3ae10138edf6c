//! Nhật ký thao tác in the window: who did and who saw what, for a leader or the
//! administrator (an inspector is shown it by one of them) — newest first, filtered by day,
//! kind of action and officer, with the chain checked and its head to write down.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::access::Permission;
use crate::error::{Error, Result};
use crate::text::clean;

/// What to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditFilter {
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// A kind of action: its code or the start of one ("denouncer." for every view of a
    /// denouncer's identity and every request).
    pub action: Option<String>,
    /// Part of the officer's name or login.
    pub actor: Option<String>,
    /// At most this many rows (1–1000).
    pub limit: u32,
}

/// One row of the trail as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditRow {
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    pub actor: String,
    pub action: String,
    /// "Xem danh tính người tố cáo".
    pub action_vi: String,
    pub entity: String,
    #[ts(type = "Array<number>")]
    pub entity_ids: Vec<i64>,
    /// The row's details as recorded (compact JSON), empty when none.
    pub detail: String,
}

/// The trail's rows and the state of its chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditTrail {
    pub rows: Vec<AuditRow>,
    /// Every row chains (nothing changed, added or removed outside the app).
    pub intact: bool,
    /// "Nhật ký toàn vẹn: 1.234 dòng" or where it breaks.
    pub check: String,
    /// `N:HASH`, to write down.
    pub head: String,
}

/// The Vietnamese name of an action code.
pub fn action_vi(action: &str) -> &'static str {
    match action {
        "account.activate" => "Mở lại tài khoản",
        "account.create" => "Tạo tài khoản",
        "account.deactivate" => "Khóa tài khoản",
        "account.password" => "Đặt mật khẩu",
        "account.sign_in" => "Đăng nhập",
        "agency.create" => "Thêm cơ quan",
        "assignment.done" => "Hoàn thành việc được giao",
        "attachment.add" => "Đính kèm tài liệu",
        "backup.create" => "Sao lưu",
        "backup.restore" => "Khôi phục dữ liệu",
        "calendar.remove_day" => "Bỏ ngày nghỉ, ngày làm bù",
        "calendar.set_day" => "Đặt ngày nghỉ, ngày làm bù",
        "case.assign" => "Phân công cán bộ phụ trách",
        "case.leader" => "Phân công lãnh đạo phụ trách",
        "citizen.correct" => "Sửa thông tin công dân",
        "visit.void" => "Hủy lượt tiếp ghi nhầm hoặc ghi trùng",
        "outcome.void" => "Hủy kết quả giải quyết ghi nhầm",
        "backup.prune" => "Xóa bản sao lưu tự động cũ",
        "citizen.create" => "Thêm công dân",
        "citizen.merge" => "Gộp hồ sơ công dân",
        "database.encrypt" => "Mã hóa dữ liệu",
        "deadlines.recompute" => "Tính lại thời hạn",
        "denouncer.reveal_approve" => "Duyệt đề nghị xem danh tính người tố cáo",
        "denouncer.reveal_refuse" => "Từ chối đề nghị xem danh tính người tố cáo",
        "denouncer.reveal_request" => "Đề nghị xem danh tính người tố cáo",
        "denouncer.view" => "Xem danh tính người tố cáo",
        "denouncer.key_grant" => "Cấp khóa danh tính người tố cáo cho tài khoản",
        "denouncer.key_revoke" => "Thu hồi khóa danh tính người tố cáo của tài khoản",
        "denouncer.key_export" => "Chép mã khôi phục khóa danh tính người tố cáo",
        "denouncer.key_rotate" => {
            "Tạo khóa danh tính người tố cáo mới (lần đầu lãnh đạo, cán bộ xử lý đăng nhập)"
        }
        "document.issue" => "Lập văn bản",
        "interchange.import" => "Nhập dữ liệu từ tệp",
        "mediation.add" => "Ghi kết quả hòa giải",
        "office.create" => "Khai báo cơ quan",
        "office.update" => "Sửa thông tin cơ quan",
        "officer.create" => "Thêm cán bộ",
        "officer.update" => "Sửa thông tin cán bộ",
        "petition.facts" => "Sửa thông tin đơn",
        "petition.handle" => "Xử lý đơn",
        "petition.outcome" => "Ghi kết quả giải quyết",
        "petition.several_contents" => "Đánh dấu đơn nhiều nội dung",
        "directive.create" => "Ghi văn bản phải thực hiện",
        "directive.task_done" => "Hoàn thành việc theo văn bản phải thực hiện",
        "directive.void" => "Hủy văn bản phải thực hiện ghi nhầm",
        "protection.decide" => "Quyết định về bảo vệ người tố cáo",
        "protection.request" => "Ghi đề nghị bảo vệ người tố cáo",
        "reminder.sent" => "Đánh dấu đã gửi báo cáo theo kế hoạch",
        "report.submit" => "Chốt số liệu báo cáo",
        "rules.reset" => "Khôi phục quy định mặc định",
        "rules.save" => "Sửa tệp quy định",
        "schedule.book" => "Đặt lịch tiếp",
        "schedule.cancel" => "Hủy buổi tiếp",
        "schedule.conclude" => "Kết luận buổi tiếp",
        "schedule.plan" => "Lập kế hoạch tiếp định kỳ",
        "schedule.plan_end" => "Kết thúc kế hoạch tiếp định kỳ",
        "schedule.policy" => "Đặt cách dời buổi tiếp",
        "schedule.session" => "Thêm buổi tiếp",
        "schedule.unbook" => "Hủy đặt lịch tiếp",
        "task.add" => "Giao việc",
        "task.done" => "Hoàn thành việc",
        "visit.record" => "Ghi lượt tiếp công dân",
        "petition.receive" => "Ghi đơn nhận qua bưu điện, cơ quan khác chuyển đến, trực tuyến",
        "watch.add" => "Đưa vào danh sách theo dõi",
        "watch.end" => "Thôi theo dõi",
        _ => "Thao tác khác",
    }
}

fn day(field: &str, text: &Option<String>) -> Result<Option<String>> {
    match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(|d| Some(d.to_string()))
            .map_err(|_| {
                Error::invalid(field, "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm.")
            }),
    }
}

impl Desk {
    /// The audit trail as `filter` asks, newest first, with the chain checked.
    pub fn audit_trail(&self, ctx: &Ctx, filter: &AuditFilter) -> Result<AuditTrail> {
        ctx.require(Permission::ReadAudit)?;
        let from = day("from", &filter.from)?;
        let to = day("to", &filter.to)?;
        if let (Some(f), Some(t)) = (&from, &to)
            && f > t
        {
            return Err(Error::invalid("to", "Ngày cuối phải từ ngày đầu trở đi."));
        }
        let action = filter.action.as_deref().map(clean).unwrap_or_default();
        let actor = filter.actor.as_deref().map(clean).unwrap_or_default();
        let limit = filter.limit.clamp(1, 1000);
        let conn = self.store.conn();
        let mut stmt = conn.prepare(
            "SELECT id, at, actor, action, entity, entity_ids, coalesce(detail, '')
               FROM audit_log
              WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < date(?2, '+1 day'))
                AND (?3 = '' OR action = ?3 OR action LIKE ?3 || '%')
                AND (?4 = '' OR actor LIKE '%' || ?4 || '%')
              ORDER BY id DESC LIMIT ?5",
        )?;
        let rows = stmt.query_map(params![from, to, action, actor, limit], |r| {
            let action: String = r.get(3)?;
            let ids: String = r.get(5)?;
            Ok(AuditRow {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action_vi: action_vi(&action).to_owned(),
                action,
                entity: r.get(4)?,
                entity_ids: serde_json::from_str(&ids).unwrap_or_default(),
                detail: r.get(6)?,
            })
        })?;
        let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let (intact, check) = match audit::verify(conn)? {
            Ok(n) => (true, format!("Nhật ký toàn vẹn: {n} dòng, chuỗi băm khớp.")),
            Err(b) => (false, b.message_vi()),
        };
        Ok(AuditTrail {
            rows,
            intact,
            check,
            head: self.audit_head()?,
        })
    }
}
