//! The office's data from a terminal: init, check, backup, restore, import, export, merging
//! two records of one person, and the audit chain's check.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use tiepdan_core::desk::{Counts, ExportOptions, ImportError, ImportSummary, Restored};
use tiepdan_core::domain::office::OfficeInput;
use tiepdan_core::store::{self, inspect};
use tiepdan_core::{Error, datadir};

use crate::args::InitArgs;
use crate::ctx;
use crate::signin::{first_run, open_desk, passphrase, restore_access};

/// `tiepdan init`: the first run (administrator, encryption, recovery key), or the office
/// profile changed.
pub fn init(root: &Path, args: InitArgs) -> Result<(), Error> {
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
        tiepdan_core::desk::access_state(root)?,
        tiepdan_core::desk::AccessState::NeedsSetup { .. }
    );
    let mut desk = if needs_setup {
        first_run(root, &args)?
    } else {
        open_desk(root)?
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
    Ok(())
}

/// `tiepdan check`: the file judged read-only, key and all.
pub fn check(root: &Path) -> Result<(), Error> {
    let db = datadir::DataDir::new(root).database();
    let key = if store::is_encrypted(&db) == Some(true) {
        let p = passphrase("Mật khẩu (hoặc khóa khôi phục): ")?;
        Some(tiepdan_core::desk::unwrap_key(root, &p)?.1)
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
    Ok(())
}

/// `tiepdan backup`: a verified copy, and the audit head to write down.
pub fn backup(root: &Path, to: Option<PathBuf>) -> Result<(), Error> {
    let mut desk = open_desk(root)?;
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
    Ok(())
}

/// `tiepdan restore FILE`: the file checked first, the data replaced kept as a backup.
pub fn restore(root: &Path, file: PathBuf) -> Result<(), Error> {
    let (key, ctx) = restore_access(root)?;
    let (_desk, restored) = tiepdan_core::desk::restore_data_dir(root, &file, key.as_ref(), &ctx)?;
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
    Ok(())
}

/// `tiepdan merge-citizens`: two records of one person, audited.
pub fn merge_citizens(root: &Path, keep: i64, merge: i64, reason: String) -> Result<(), Error> {
    let mut desk = open_desk(root)?;
    let kept = desk.merge_citizens(&ctx(&desk), keep, merge, &reason)?;
    println!(
        "Đã gộp công dân số {merge} vào số {keep} ({}).",
        kept.full_name
    );
    Ok(())
}

/// `tiepdan export`: the whole office as an interchange file, redacted or logged.
pub fn export(
    root: &Path,
    out: PathBuf,
    today: Option<NaiveDate>,
    redact: bool,
    reason: String,
) -> Result<(), Error> {
    let mut desk = open_desk(root)?;
    let c = ctx(&desk);
    let bar = Bar::new();
    let opts = ExportOptions { redact, today };
    let records =
        tiepdan_core::desk::write_streamed(&out, tiepdan_core::desk::Durable::Synced, |file| {
            desk.export_logged_to(&c, &opts, &reason, file, &out, &bar)
        })?;
    bar.0.finish_and_clear();
    println!("Đã xuất {records} bản ghi vào {}.", out.display());
    if redact {
        println!("Đã lược bỏ mọi thông tin về người tố cáo.");
    }
    Ok(())
}

/// `tiepdan audit verify`: the hash chain recomputed, and whether it extends a head.
pub fn audit_verify(root: &Path, head: Option<String>) -> Result<(), Error> {
    let desk = open_desk(root)?;
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
    Ok(())
}

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

/// `tiepdan import FILE`: every problem of the file on standard error, exit 1, nothing
/// stored; or a summary of what was created and changed.
pub fn import(data: Option<PathBuf>, file: &std::path::Path) -> ExitCode {
    let fail = |message: String| {
        eprintln!("Lỗi: {message}");
        ExitCode::FAILURE
    };
    if let Err(e) = std::fs::metadata(file) {
        return fail(format!("không đọc được tệp {}: {e}.", file.display()));
    }
    let root = datadir::resolve(data, None, datadir::program_dir().as_deref());
    let mut desk = match open_desk(&root) {
        Ok(d) => d,
        Err(e) => return fail(e.to_string()),
    };
    let bar = Bar::new();
    // Read twice (checked, then written), never whole: any size fits in memory.
    let imported = desk.import_file(&ctx(&desk), file, &bar);
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
