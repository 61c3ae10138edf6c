//! `tiepdan`: the command line over the core's use cases, for IT staff, scripts and tests.
//! Messages are Vietnamese; failures exit non-zero with the reason on standard error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tiepdan::desk::Restored;
use tiepdan::domain::office::OfficeInput;
use tiepdan::store::{self, inspect};
use tiepdan::{Ctx, Desk, Error, datadir};

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::FAILURE
        }
    }
}

fn ctx() -> Ctx {
    tiepdan::edge::ctx_now("dòng lệnh")
}

fn run(cli: Cli) -> Result<(), Error> {
    let root = datadir::resolve(cli.data, None, datadir::program_dir().as_deref());
    let dir = datadir::DataDir::new(&root);
    match cli.command {
        Command::Init(args) => {
            let ctx = ctx();
            let mut desk = Desk::open(&root, ctx.now)?;
            if let Some(name) = args.name {
                let input = OfficeInput {
                    name,
                    parent: args.parent,
                    place: args.place,
                    province: args.province,
                    commune_code: args.commune_code,
                    remote_area: args.remote_area,
                    chair: args.chair,
                    party_secretary: args.party_secretary,
                };
                desk.save_office(&ctx, &input)?;
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
            let health = inspect(&db)?;
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
            let ctx = ctx();
            let mut desk = Desk::open(&root, ctx.now)?;
            let info = desk.backup_now(&ctx, to.as_deref())?;
            println!(
                "Đã sao lưu và kiểm tra: {} ({} byte)",
                info.path.display(),
                info.size_bytes
            );
        }
        Command::Restore { file } => {
            let (_desk, restored) = tiepdan::desk::restore_data_dir(&root, &file, &ctx())?;
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
    }
    Ok(())
}
