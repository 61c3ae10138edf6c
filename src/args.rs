//! The command line's words: subcommands, options and their Vietnamese help.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use tiepdan_core::datadir;
use tiepdan_core::domain::officer::OfficerRole;

#[derive(Parser)]
#[command(
    name = "tiepdan",
    version,
    about = "TiếpDân — phần mềm tiếp công dân, xử lý đơn thư cấp xã (dòng lệnh)"
)]
pub(crate) struct Cli {
    /// Thư mục dữ liệu (mặc định: biến môi trường TIEPDAN_DATA, rồi thư mục dữ liệu của người dùng)
    #[arg(long, global = true, value_name = "THƯ_MỤC", env = datadir::ENV_VAR)]
    pub(crate) data: Option<PathBuf>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Tạo (hoặc mở và nâng cấp) cơ sở dữ liệu; có thể khai báo luôn thông tin cơ quan
    Init(InitArgs),
    /// Kiểm tra cơ sở dữ liệu (phiên bản lược đồ, toàn vẹn) mà không thay đổi tệp
    Check,
    /// Sao lưu có kiểm tra vào một thư mục
    Backup {
        /// Thư mục đích (mặc định: thư mục backups trong thư mục dữ liệu)
        #[arg(long, value_name = "THƯ_MỤC")]
        to: Option<PathBuf>,
    },
    /// Khôi phục từ một bản sao lưu (tệp được kiểm tra trước khi thay thế dữ liệu)
    Restore {
        /// Tệp sao lưu .sqlite3
        file: PathBuf,
    },
    /// Nhập dữ liệu từ tệp trao đổi (JSON Lines): nhập tất cả hoặc không nhập gì; nhập lại cùng tệp không thay đổi gì
    Import {
        /// Tệp .jsonl theo định dạng trao đổi của TiếpDân
        file: PathBuf,
    },
    /// Gộp hai bản ghi của cùng một công dân (ghi nhật ký, cần lý do)
    MergeCitizens {
        /// Số hiệu công dân giữ lại
        #[arg(long)]
        keep: i64,
        /// Số hiệu công dân gộp vào rồi xoá
        #[arg(long)]
        merge: i64,
        /// Lý do gộp
        #[arg(long)]
        reason: String,
    },
    /// Xuất toàn bộ dữ liệu ra tệp trao đổi (JSON Lines)
    Export {
        /// Tệp đích (được ghi trọn vẹn hoặc không ghi gì)
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
        /// Ngày tính trạng thái và thời hạn (YYYY-MM-DD)
        #[arg(long, value_name = "NGÀY", value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Lược bỏ mọi thông tin về người tố cáo: bắt buộc với tệp gửi ra ngoài cơ quan
        #[arg(long)]
        redact: bool,
        /// Lý do xuất đầy đủ (không lược bỏ): bắt buộc khi không có --redact, ghi vào nhật ký
        #[arg(long, value_name = "LÝ_DO", default_value = "")]
        reason: String,
    },
    /// Nhật ký thao tác: `audit verify` kiểm tra chuỗi băm, chỉ ra dòng đầu tiên bị sửa, thêm
    /// hoặc xóa ngoài phần mềm
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Tài khoản cán bộ: `account add TÊN --name … --roles …` (mật khẩu của tài khoản mới:
    /// biến TIEPDAN_NEW_PASSWORD hoặc nhập khi được hỏi), `account list`
    Account {
        #[command(subcommand)]
        action: AccountAction,
    },
    /// In lịch tiếp công dân định kỳ: các buổi tiếp (đã dời khỏi ngày nghỉ) và những tuần,
    /// tháng chưa đủ số buổi tối thiểu
    Schedule {
        /// Ngày đầu (YYYY-MM-DD)
        #[arg(long, value_name = "NGÀY", value_parser = parse_date)]
        from: NaiveDate,
        /// Ngày cuối (YYYY-MM-DD)
        #[arg(long, value_name = "NGÀY", value_parser = parse_date)]
        to: NaiveDate,
        /// Định dạng: json, ics (lịch cho điện thoại) hoặc pdf (thông báo lịch tiếp để niêm yết)
        #[arg(long, value_enum, default_value = "json")]
        format: ScheduleFormat,
        /// Chỉ lịch của: chair (Chủ tịch), party_secretary (Bí thư), vice_chair (Phó Chủ tịch)
        #[arg(long, value_enum)]
        host: Option<HostArg>,
        /// Tệp đích; không ghi thì in ra màn hình
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
    },
    /// Lập biểu báo cáo thống kê (Thông tư 01/2024/TT-TTCP) cho một kỳ
    Report {
        /// Mã biểu: 01/TCD, 01/XLD, 02/XLD, 03/XLD, 04/XLD, 01/KQGQ, 02/KQGQ hoặc 03/KQGQ
        /// (không cần với --format docx: báo cáo bằng văn bản)
        #[arg(long, value_name = "BIỂU", required_unless_present_any = ["format"])]
        template: Option<String>,
        /// Ngày đầu kỳ (YYYY-MM-DD), ví dụ 2025-12-15
        #[arg(long, value_name = "NGÀY", value_parser = parse_date)]
        from: NaiveDate,
        /// Ngày cuối kỳ (YYYY-MM-DD), ví dụ 2026-06-14
        #[arg(long, value_name = "NGÀY", value_parser = parse_date)]
        to: NaiveDate,
        /// Định dạng: json, xlsx, pdf, hoặc docx (báo cáo bằng văn bản, dự thảo để sửa)
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
        /// Tệp đích; không ghi thì in JSON ra màn hình
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
    },
}

#[derive(clap::Subcommand)]
pub(crate) enum AccountAction {
    /// Tạo tài khoản cho một cán bộ mới (cần quyền quản trị)
    Add {
        /// Tên đăng nhập
        login: String,
        /// Họ tên cán bộ
        #[arg(long)]
        name: String,
        /// Chức vụ
        #[arg(long, default_value = "")]
        title: String,
        /// Vai trò: reception, handler, leader, admin (có thể nhiều, cách nhau bằng dấu phẩy)
        #[arg(long, value_delimiter = ',', value_enum, required = true)]
        roles: Vec<RoleArg>,
    },
    /// Đặt mật khẩu mới cho một tài khoản (của mình, hoặc của người khác khi là quản trị
    /// hay khi mở bằng khóa khôi phục)
    Password {
        /// Tên đăng nhập
        login: String,
    },
    /// Liệt kê các tài khoản
    List,
    /// In mã khôi phục khóa danh tính người tố cáo (lãnh đạo, cán bộ xử lý đang giữ khóa),
    /// để niêm phong cùng khóa khôi phục dữ liệu
    IdentityCode,
    /// Cấp khóa danh tính người tố cáo cho một lãnh đạo hoặc cán bộ xử lý bằng mã khôi phục
    /// của khóa đó (cần quyền quản trị; mã đọc từ biến TIEPDAN_IDENTITY_KEY hoặc bàn phím)
    GrantIdentity {
        /// Tên đăng nhập của người được cấp
        login: String,
    },
}

#[derive(clap::Subcommand)]
pub(crate) enum AuditAction {
    /// Kiểm tra nhật ký thao tác có bị can thiệp không; với --head SỐ:MÃ (mốc in trên báo cáo
    /// đã nộp, ghi khi sao lưu hoặc xuất dữ liệu): nhật ký hôm nay có còn nối tiếp mốc đó
    Verify {
        /// Mốc nhật ký đã ghi lại trước đây, dạng SỐ:MÃ
        #[arg(long, value_name = "SỐ:MÃ")]
        head: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ScheduleFormat {
    Json,
    Ics,
    Pdf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub(crate) enum HostArg {
    Chair,
    PartySecretary,
    ViceChair,
}

impl From<HostArg> for tiepdan_core::domain::schedule::Host {
    fn from(h: HostArg) -> Self {
        match h {
            HostArg::Chair => Self::Chair,
            HostArg::PartySecretary => Self::PartySecretary,
            HostArg::ViceChair => Self::ViceChair,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ReportFormat {
    Json,
    Xlsx,
    Pdf,
    Docx,
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        format!("ngày \"{s}\" không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2026-11-23")
    })
}

#[derive(clap::Args)]
pub(crate) struct InitArgs {
    /// Tên cơ quan, ví dụ "Ủy ban nhân dân xã Ba Tơ"
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// Cơ quan cấp trên
    #[arg(long, default_value = "")]
    pub(crate) parent: String,
    /// Địa danh ghi ở dòng ngày tháng
    #[arg(long, default_value = "")]
    pub(crate) place: String,
    /// Tỉnh, thành phố
    #[arg(long, default_value = "")]
    pub(crate) province: String,
    /// Mã xã/phường (5 chữ số)
    #[arg(long)]
    pub(crate) commune_code: Option<String>,
    /// Xã thuộc vùng sâu, vùng xa, đi lại khó khăn
    #[arg(long)]
    pub(crate) remote_area: bool,
    /// Họ tên Chủ tịch UBND
    #[arg(long, default_value = "")]
    pub(crate) chair: String,
    /// Họ tên Bí thư Đảng ủy
    #[arg(long)]
    pub(crate) party_secretary: Option<String>,
    /// Tên đăng nhập của tài khoản quản trị tạo lần đầu (mật khẩu: TIEPDAN_PASSPHRASE
    /// hoặc nhập khi được hỏi)
    #[arg(long, default_value = "quantri")]
    pub(crate) admin: String,
    /// Họ tên người quản trị
    #[arg(long, default_value = "Quản trị hệ thống")]
    pub(crate) admin_name: String,
    /// Các vai trò của tài khoản quản trị, ngoài quản trị: reception, handler, leader
    #[arg(long, value_delimiter = ',', value_enum)]
    pub(crate) also: Vec<RoleArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum RoleArg {
    Reception,
    Handler,
    Leader,
    Admin,
}

impl From<RoleArg> for OfficerRole {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Reception => OfficerRole::Reception,
            RoleArg::Handler => OfficerRole::Handler,
            RoleArg::Leader => OfficerRole::Leader,
            RoleArg::Admin => OfficerRole::Admin,
        }
    }
}
