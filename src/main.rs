//! `tiepdan`: the command line over the core's use cases, for IT staff, scripts and tests.
//! Messages are Vietnamese; failures exit non-zero with the reason on standard error.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use tiepdan_core::desk::AccountInput;
use tiepdan_core::desk::{Counts, ExportOptions, ImportError, ImportSummary, Restored};
use tiepdan_core::domain::office::OfficeInput;
use tiepdan_core::domain::officer::OfficerRole;
use tiepdan_core::store::{self, inspect};
use tiepdan_core::{Ctx, Desk, Error, datadir};

#[derive(Parser)]
#[command(
    name = "tiepdan",
    version,
    about = "TiếpDân — phần mềm tiếp công dân, xử lý đơn thư cấp xã (dòng lệnh)"
)]
struct Cli {
    /// Thư mục dữ liệu (mặc định: biến môi trường TIEPDAN_DATA, rồi thư mục dữ liệu của người dùng)
    #[arg(long, global = true, value_name = "THƯ_MỤC", env = datadir::ENV_VAR)]
    data: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
        /// Mã biểu: 01/TCD, 01/XLD, 02/XLD, 03/XLD, 04/XLD, 01/KQGQ hoặc 02/KQGQ
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
enum AccountAction {
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
enum AuditAction {
    /// Kiểm tra nhật ký thao tác có bị can thiệp không; với --head SỐ:MÃ (mốc in trên báo cáo
    /// đã nộp, ghi khi sao lưu hoặc xuất dữ liệu): nhật ký hôm nay có còn nối tiếp mốc đó
    Verify {
        /// Mốc nhật ký đã ghi lại trước đây, dạng SỐ:MÃ
        #[arg(long, value_name = "SỐ:MÃ")]
        head: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ScheduleFormat {
    Json,
    Ics,
    Pdf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
enum HostArg {
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
enum ReportFormat {
    Json,
    Xlsx,
    Pdf,
    Docx,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        format!("ngày \"{s}\" không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2026-11-23")
    })
}

#[derive(clap::Args)]
struct InitArgs {
    /// Tên cơ quan, ví dụ "Ủy ban nhân dân xã Ba Tơ"
    #[arg(long)]
    name: Option<String>,
    /// Cơ quan cấp trên
    #[arg(long, default_value = "")]
    parent: String,
    /// Địa danh ghi ở dòng ngày tháng
    #[arg(long, default_value = "")]
    place: String,
    /// Tỉnh, thành phố
    #[arg(long, default_value = "")]
    province: String,
    /// Mã xã/phường (5 chữ số)
    #[arg(long)]
    commune_code: Option<String>,
    /// Xã thuộc vùng sâu, vùng xa, đi lại khó khăn
    #[arg(long)]
    remote_area: bool,
    /// Họ tên Chủ tịch UBND
    #[arg(long, default_value = "")]
    chair: String,
    /// Họ tên Bí thư Đảng ủy
    #[arg(long)]
    party_secretary: Option<String>,
    /// Tên đăng nhập của tài khoản quản trị tạo lần đầu (mật khẩu: TIEPDAN_PASSPHRASE
    /// hoặc nhập khi được hỏi)
    #[arg(long, default_value = "quantri")]
    admin: String,
    /// Họ tên người quản trị
    #[arg(long, default_value = "Quản trị hệ thống")]
    admin_name: String,
    /// Các vai trò của tài khoản quản trị, ngoài quản trị: reception, handler, leader
    #[arg(long, value_delimiter = ',', value_enum)]
    also: Vec<RoleArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum RoleArg {
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

/// The environment variable holding the passphrase (an officer's password or the recovery
/// key) for scripts and tests; without it the command line asks.
const PASSPHRASE_VAR: &str = "TIEPDAN_PASSPHRASE";

/// The passphrase from `TIEPDAN_PASSPHRASE`, or typed at the terminal without echo.
fn passphrase(prompt: &str) -> Result<String, Error> {
    if let Ok(p) = std::env::var(PASSPHRASE_VAR) {
        return Ok(p);
    }
    rpassword::prompt_password(prompt).map_err(|_| {
        Error::invalid(
            "passphrase",
            format!("Không đọc được mật khẩu từ bàn phím: hãy chạy trong cửa sổ dòng lệnh, hoặc đặt biến môi trường {PASSPHRASE_VAR}."),
        )
    })
}

/// Opens the data: with a password or the recovery key when it is encrypted (the core
/// keeps the sign-in throttle), as is when it is still plain.
fn open_desk(root: &std::path::Path) -> Result<Desk, Error> {
    tiepdan_core::edge::open(root, || passphrase("Mật khẩu (hoặc khóa khôi phục): "))
}

/// The key and the context for a restore (the core decides who may restore a damaged store).
fn restore_access(root: &std::path::Path) -> Result<(Option<store::DbKey>, Ctx), Error> {
    tiepdan_core::edge::restore_access(root, "dòng lệnh", || {
        passphrase("Mật khẩu (hoặc khóa khôi phục): ")
    })
}

/// A new account's password: `TIEPDAN_NEW_PASSWORD`, or typed twice at the terminal.
fn new_password() -> Result<String, Error> {
    if let Ok(p) = std::env::var("TIEPDAN_NEW_PASSWORD") {
        return Ok(p);
    }
    let unreadable = |_| {
        Error::invalid(
            "password",
            "Không đọc được mật khẩu: chạy trong cửa sổ dòng lệnh, hoặc đặt biến môi trường TIEPDAN_NEW_PASSWORD.",
        )
    };
    let first = rpassword::prompt_password("Mật khẩu mới: ").map_err(unreadable)?;
    let again = rpassword::prompt_password("Nhập lại: ").map_err(unreadable)?;
    if first != again {
        return Err(Error::invalid(
            "password_again",
            "Hai lần nhập mật khẩu không khớp.",
        ));
    }
    Ok(first)
}

/// `tiepdan account add|password|list`.
fn account(root: &std::path::Path, action: AccountAction) -> Result<(), Error> {
    let mut desk = open_desk(root)?;
    match action {
        AccountAction::Add {
            login,
            name,
            title,
            roles,
        } => {
            let password = new_password()?;
            let input = AccountInput {
                officer_id: None,
                full_name: name,
                title,
                login,
                password: password.clone(),
                password_again: password,
                roles: roles.into_iter().map(OfficerRole::from).collect(),
            };
            let made = desk.add_account(&ctx(&desk), &input)?;
            println!(
                "Đã tạo tài khoản \"{}\" cho {} ({}).",
                made.login,
                made.full_name,
                made.roles.label_vi()
            );
        }
        AccountAction::Password { login } => {
            let password = new_password()?;
            desk.set_password(&ctx(&desk), &login, &password, &password)?;
            println!("Đã đặt mật khẩu mới cho tài khoản \"{login}\".");
        }
        AccountAction::IdentityCode => {
            let code = desk.identity_recovery_code(&ctx(&desk))?;
            println!("MÃ KHÔI PHỤC KHÓA DANH TÍNH NGƯỜI TỐ CÁO (chép lên phiếu, niêm phong):");
            println!("{code}");
        }
        AccountAction::GrantIdentity { login } => {
            let code = match std::env::var("TIEPDAN_IDENTITY_KEY") {
                Ok(c) => c,
                Err(_) => rpassword::prompt_password("Mã khôi phục khóa danh tính: ").map_err(
                    |_| {
                        Error::invalid(
                            "code",
                            "Không đọc được mã từ bàn phím: hãy chạy trong cửa sổ dòng lệnh, hoặc đặt biến môi trường TIEPDAN_IDENTITY_KEY.",
                        )
                    },
                )?,
            };
            desk.grant_identity_key(&ctx(&desk), &login, &code)?;
            println!("Đã cấp khóa danh tính người tố cáo cho tài khoản \"{login}\".");
        }
        AccountAction::List => {
            for a in desk.accounts()? {
                println!(
                    "{}\t{}\t{}\t{}",
                    a.login,
                    a.full_name,
                    a.roles.label_vi(),
                    if a.active {
                        "đang dùng"
                    } else {
                        "đã khóa"
                    }
                );
            }
        }
    }
    Ok(())
}

/// `init` on a data directory with no account yet: creates the administrator and the
/// encrypted store (encrypting plain data found there), and prints the recovery key once.
fn first_run(root: &std::path::Path, args: &InitArgs) -> Result<Desk, Error> {
    let password = passphrase("Đặt mật khẩu cho tài khoản quản trị: ")?;
    let again = if std::env::var(PASSPHRASE_VAR).is_ok() {
        password.clone()
    } else {
        passphrase("Nhập lại mật khẩu: ")?
    };
    let mut roles = vec![OfficerRole::Admin];
    roles.extend(args.also.iter().map(|r| OfficerRole::from(*r)));
    let input = AccountInput {
        officer_id: None,
        full_name: args.admin_name.clone(),
        title: String::new(),
        login: args.admin.clone(),
        password,
        password_again: again,
        roles,
    };
    let (desk, done) = Desk::setup(root, &input, tiepdan_core::edge::now())?;
    if done.encrypted_existing_data {
        println!("Dữ liệu cũ đã được sao lưu, kiểm tra rồi mã hóa.");
    }
    println!(
        "Đã tạo tài khoản quản trị \"{}\" và mã hóa cơ sở dữ liệu.",
        done.session.login
    );
    println!("KHÓA KHÔI PHỤC (chỉ hiện một lần; in hoặc chép ra giấy, niêm phong, cất giữ):");
    println!("{}", done.recovery_key);
    Ok(desk)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Import { file } = &cli.command {
        return import(cli.data.clone(), file);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::FAILURE
        }
    }
}

fn ctx(desk: &Desk) -> Ctx {
    tiepdan_core::edge::ctx(desk, "dòng lệnh")
}

fn run(cli: Cli) -> Result<(), Error> {
    let root = datadir::resolve(cli.data, None, datadir::program_dir().as_deref());
    let dir = datadir::DataDir::new(&root);
    match cli.command {
        Command::Init(args) => {
            let office = args.name.clone().map(|name| OfficeInput {
                name,
                parent: args.parent.clone(),
                place: args.place.clone(),
                province: args.province.clone(),
                commune_code: args.commune_code.clone(),
                remote_area: args.remote_area,
                chair: args.chair.clone(),
                party_secretary: args.party_secretary.clone(),
            });
            // A bad office profile is refused before any account or file is made.
            if let Some(input) = &office {
                input.validate().map_err(Error::Invalid)?;
            }
            let needs_setup = matches!(
                tiepdan_core::desk::access_state(&root)?,
                tiepdan_core::desk::AccessState::NeedsSetup { .. }
            );
            let mut desk = if needs_setup {
                first_run(&root, &args)?
            } else {
                open_desk(&root)?
            };
            if let Some(input) = office {
                desk.save_office(&ctx(&desk), &input)?;
            }
            let status = desk.status()?;
            println!("Cơ sở dữ liệu: {}", status.database);
            println!("Phiên bản lược đồ: {}", status.schema_version);
            match status.office {
                Some(o) => println!("Cơ quan: {}", o.name),
                None => println!("Chưa khai báo cơ quan (dùng --name … hoặc mở ứng dụng)."),
            }
        }
        Command::Check => {
            let db = dir.database();
            let key = if store::is_encrypted(&db) == Some(true) {
                let p = passphrase("Mật khẩu (hoặc khóa khôi phục): ")?;
                Some(tiepdan_core::desk::unwrap_key(&root, &p)?.1)
            } else {
                None
            };
            let health = inspect(&db, key.as_ref())?;
            println!(
                "Mã hóa: {}",
                if key.is_some() {
                    "có (SQLCipher)"
                } else {
                    "CHƯA — chạy tiepdan init để mã hóa"
                }
            );
            println!("Cơ sở dữ liệu: {}", db.display());
            println!(
                "Phiên bản lược đồ: {} (phiên bản này hiểu đến {})",
                health.schema_version, health.supported_version
            );
            println!("Dung lượng: {} byte", health.size_bytes);
            health.ensure_restorable(&db)?;
            println!("Kiểm tra toàn vẹn: đạt");
            if health.schema_version < store::LATEST_VERSION {
                println!("Lược đồ cũ hơn: sẽ được sao lưu rồi nâng cấp khi mở ứng dụng.");
            }
        }
        Command::Backup { to } => {
            let mut desk = open_desk(&root)?;
            let info = desk.backup_now(&ctx(&desk), to.as_deref())?;
            println!(
                "Đã sao lưu và kiểm tra: {} ({} byte)",
                info.path.display(),
                info.size_bytes
            );
            println!(
                "Mốc nhật ký thao tác: {} (ghi lại; kiểm tra sau bằng: tiepdan audit verify --head {0})",
                info.audit_head
            );
        }
        Command::Restore { file } => {
            let (key, ctx) = restore_access(&root)?;
            let (_desk, restored) =
                tiepdan_core::desk::restore_data_dir(&root, &file, key.as_ref(), &ctx)?;
            println!("Đã khôi phục từ {}.", file.display());
            match restored {
                Restored::Replaced { safety_backup } => println!(
                    "Dữ liệu trước khi khôi phục được sao lưu tại {}.",
                    safety_backup.path.display()
                ),
                Restored::DamagedMovedAside { moved_to } => {
                    println!("Tệp dữ liệu hỏng được giữ lại tại {}.", moved_to.display())
                }
            }
        }
        Command::Import { .. } => unreachable!("handled by import()"),
        Command::MergeCitizens {
            keep,
            merge,
            reason,
        } => {
            let mut desk = open_desk(&root)?;
            let kept = desk.merge_citizens(&ctx(&desk), keep, merge, &reason)?;
            println!(
                "Đã gộp công dân số {merge} vào số {keep} ({}).",
                kept.full_name
            );
        }
        Command::Export {
            out,
            today,
            redact,
            reason,
        } => {
            let mut desk = open_desk(&root)?;
            let c = ctx(&desk);
            let text = desk.export_logged(&c, &ExportOptions { redact, today }, &reason)?;
            tiepdan_core::desk::write_atomically(&out, text.as_bytes())?;
            let records = text.lines().filter(|l| !l.starts_with("//")).count();
            println!("Đã xuất {records} bản ghi vào {}.", out.display());
            if redact {
                println!("Đã lược bỏ mọi thông tin về người tố cáo.");
            }
        }
        Command::Account { action } => account(&root, action)?,
        Command::Audit {
            action: AuditAction::Verify { head },
        } => {
            let desk = open_desk(&root)?;
            match desk.verify_audit()? {
                Ok(rows) => {
                    println!("Nhật ký thao tác toàn vẹn: {rows} dòng, chuỗi băm khớp.");
                    println!("Mốc nhật ký hiện nay: {}", desk.audit_head()?);
                    if let Some(head) = head {
                        if !desk.audit_extends(&head)? {
                            return Err(tiepdan_core::Error::Invalid(vec![
                                tiepdan_core::error::FieldError::new(
                                    "head",
                                    format!(
                                        "Nhật ký thao tác KHÔNG còn nối tiếp mốc {head}: các dòng đến mốc đó đã bị xóa hoặc làm lại. Hãy báo lãnh đạo và đối chiếu với bản sao lưu có mốc này."
                                    ),
                                ),
                            ]));
                        }
                        println!(
                            "Nhật ký vẫn nối tiếp mốc {head}: không dòng nào đến mốc đó bị xóa hay làm lại."
                        );
                    }
                }
                Err(b) => {
                    return Err(tiepdan_core::Error::Invalid(vec![
                        tiepdan_core::error::FieldError::new("audit", b.message_vi()),
                    ]));
                }
            }
        }
        Command::Schedule {
            from,
            to,
            format,
            host,
            out,
        } => {
            let desk = open_desk(&root)?;
            let host = host.map(tiepdan_core::domain::schedule::Host::from);
            let text = match format {
                ScheduleFormat::Json => {
                    let mut view = desk.schedule(from, to)?;
                    if let Some(h) = host {
                        view.sessions.retain(|s| s.host == h);
                        view.issues.retain(|i| i.host == h);
                    }
                    let mut text =
                        serde_json::to_string_pretty(&view).expect("JSON values serialise");
                    text.push('\n');
                    text
                }
                ScheduleFormat::Ics => desk.schedule_ics(from, to, host)?,
                ScheduleFormat::Pdf => {
                    let Some(out) = out else {
                        return Err(tiepdan_core::Error::Invalid(vec![
                            tiepdan_core::error::FieldError::new(
                                "out",
                                "Tệp PDF cần nơi ghi: thêm --out TỆP.",
                            ),
                        ]));
                    };
                    let pdf =
                        desk.schedule_notice_pdf(from, to, tiepdan_core::edge::now().date())?;
                    tiepdan_core::desk::write_atomically(&out, &pdf)?;
                    println!("Đã lập thông báo lịch tiếp công dân vào {}.", out.display());
                    return Ok(());
                }
            };
            match out {
                Some(out) => {
                    tiepdan_core::desk::write_atomically(&out, text.as_bytes())?;
                    println!("Đã ghi lịch tiếp công dân vào {}.", out.display());
                }
                None => print!("{text}"),
            }
        }
        Command::Report {
            template,
            from,
            to,
            format,
            out,
        } => {
            let period = tiepdan_core::domain::report::period::Period::from_range(from, to)
                .map_err(|e| tiepdan_core::Error::Invalid(vec![e]))?;
            let template = match (&template, format) {
                (_, ReportFormat::Docx) => None,
                (Some(code), _) => Some(
                    tiepdan_core::domain::report::Template::parse(code).ok_or_else(|| {
                        let codes: Vec<&str> = tiepdan_core::domain::report::Template::ALL
                            .iter()
                            .map(|t| t.code())
                            .collect();
                        tiepdan_core::Error::Invalid(vec![tiepdan_core::error::FieldError::new(
                            "template",
                            format!(
                                "Không có biểu \"{code}\"; các biểu hiện có: {}.",
                                codes.join(", ")
                            ),
                        )])
                    })?,
                ),
                (None, _) => {
                    return Err(tiepdan_core::Error::Invalid(vec![
                        tiepdan_core::error::FieldError::new(
                            "template",
                            "Thiếu mã biểu: thêm --template, ví dụ --template 01/XLD.",
                        ),
                    ]));
                }
            };
            let desk = open_desk(&root)?;
            let today = tiepdan_core::edge::now().date();
            let bytes = match (template, format) {
                (Some(t), ReportFormat::Json) => {
                    let mut text = serde_json::to_string_pretty(&desk.report_json(t, period)?)
                        .expect("JSON values serialise");
                    text.push('\n');
                    text.into_bytes()
                }
                (Some(t), ReportFormat::Xlsx) => desk.report_xlsx(t, period)?,
                (Some(t), ReportFormat::Pdf) => desk.report_pdf(t, period, today)?,
                _ => desk.written_report_docx(period, today)?,
            };
            let what = template.map_or_else(
                || "báo cáo bằng văn bản".to_owned(),
                |t| format!("biểu {}", t.code()),
            );
            match (out, format) {
                (Some(out), _) => {
                    tiepdan_core::desk::write_atomically(&out, &bytes)?;
                    println!("Đã lập {what} {} vào {}.", period.range_vi(), out.display());
                }
                (None, ReportFormat::Json) => {
                    use std::io::Write;
                    std::io::stdout().write_all(&bytes).map_err(|e| {
                        tiepdan_core::Error::Store(tiepdan_core::error::StoreError::Io {
                            path: "stdout".into(),
                            source: e,
                        })
                    })?;
                }
                (None, _) => {
                    return Err(tiepdan_core::Error::Invalid(vec![
                        tiepdan_core::error::FieldError::new(
                            "out",
                            "Tệp Excel, PDF hoặc Word cần nơi ghi: thêm --out TỆP.",
                        ),
                    ]));
                }
            }
        }
    }
    Ok(())
}

/// `tiepdan import FILE`: every problem of the file on standard error, exit 1, nothing
/// stored; or a summary of what was created and changed.
/// The command line's progress bar (indicatif): a stage and its count on standard error,
/// drawn only on a terminal. Ctrl+C stops the process; the import's transaction then keeps
/// nothing.
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn new() -> Bar {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg:20} [{bar:40}] {pos}/{len} ({eta})")
                .expect("the template is valid")
                .progress_chars("=> "),
        );
        Bar(bar)
    }
}

impl tiepdan_core::progress::Progress for Bar {
    fn step(&self, stage: &str, done: u64, total: u64) -> bool {
        self.0.set_message(stage.to_owned());
        self.0.set_length(total);
        self.0.set_position(done);
        true
    }
}

fn import(data: Option<PathBuf>, file: &std::path::Path) -> ExitCode {
    let fail = |message: String| {
        eprintln!("Lỗi: {message}");
        ExitCode::FAILURE
    };
    let text = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                return fail(format!(
                    "tệp {} không phải văn bản UTF-8; hãy lưu lại tệp với bảng mã UTF-8.",
                    file.display()
                ));
            }
        },
        Err(e) => return fail(format!("không đọc được tệp {}: {e}.", file.display())),
    };
    let root = datadir::resolve(data, None, datadir::program_dir().as_deref());
    let mut desk = match open_desk(&root) {
        Ok(d) => d,
        Err(e) => return fail(e.to_string()),
    };
    let bar = Bar::new();
    let imported = desk.import_watched(&ctx(&desk), &text, &bar);
    bar.0.finish_and_clear();
    match imported {
        Ok(summary) => {
            print_summary(file, &summary);
            ExitCode::SUCCESS
        }
        Err(ImportError::Invalid(errors)) => {
            eprintln!(
                "Lỗi: tệp {} có {} lỗi nên không nhập gì; dữ liệu giữ nguyên. Hãy sửa rồi nhập lại:",
                file.display(),
                errors.len()
            );
            for e in errors {
                eprintln!("{e}");
            }
            ExitCode::FAILURE
        }
        Err(ImportError::Failed(e)) => fail(e.to_string()),
    }
}

fn print_summary(file: &std::path::Path, s: &ImportSummary) {
    if s.created() + s.changed() == 0 {
        println!(
            "Đã đọc {}: {} bản ghi đều đã có và giống hệt; không thay đổi gì.",
            file.display(),
            s.unchanged()
        );
        return;
    }
    println!(
        "Đã nhập {}: tạo mới {}, cập nhật {}, giữ nguyên {} bản ghi.",
        file.display(),
        s.created(),
        s.changed(),
        s.unchanged()
    );
    let rows: [(&str, Counts); 8] = [
        ("Cơ quan", s.office),
        ("Ngày lịch", s.calendar),
        ("Cơ quan, tổ chức", s.agencies),
        ("Công dân", s.citizens),
        ("Vụ việc", s.cases),
        ("Đơn", s.petitions),
        ("Lượt tiếp", s.visits),
        ("Lịch tiếp định kỳ", s.reception_plans),
    ];
    for (label, c) in rows {
        if c.created + c.changed + c.unchanged > 0 {
            println!(
                "  {label}: tạo mới {}, cập nhật {}, giữ nguyên {}",
                c.created, c.changed, c.unchanged
            );
        }
    }
}
