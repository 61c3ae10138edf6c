//! Typed errors of the core, and their form as data for the IPC boundary.
//!
//! Each variant carries what is needed to explain it; its `Display` is the Vietnamese
//! message shown to the user (command line standard error, the window's error banner),
//! and says what to do. [`ErrorData`] is what crosses into the UI: a stable English
//! `code`, the Vietnamese message and, for validation, the field errors.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

/// One invalid field of a form or record: the field's name in the API and what to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message_vi: String,
}

impl FieldError {
    pub fn new(field: &str, message_vi: impl Into<String>) -> Self {
        FieldError {
            field: field.to_owned(),
            message_vi: message_vi.into(),
        }
    }
}

/// Errors of the local store: opening, checking, migrating, backing up, restoring.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "Tệp {path} không phải là cơ sở dữ liệu SQLite hoặc đã hỏng phần đầu tệp. Không ghi gì vào tệp này. Hãy khôi phục từ bản sao lưu gần nhất (tiepdan restore TỆP_SAO_LƯU hoặc Cài đặt → Khôi phục)."
    )]
    NotADatabase { path: PathBuf },

    #[error(
        "Cơ sở dữ liệu {path} bị hỏng (kiểm tra toàn vẹn báo: {details}). Không ghi gì vào tệp này. Hãy khôi phục từ bản sao lưu gần nhất (tiepdan restore TỆP_SAO_LƯU hoặc Cài đặt → Khôi phục)."
    )]
    Corrupt { path: PathBuf, details: String },

    #[error(
        "Cơ sở dữ liệu {path} được tạo bởi phiên bản TiếpDân mới hơn (lược đồ số {found}, phiên bản này chỉ hiểu đến số {supported}). Tệp được giữ nguyên. Hãy cài phiên bản TiếpDân mới hơn để mở dữ liệu này."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "Tệp {path} là cơ sở dữ liệu SQLite của một phần mềm khác, không phải của TiếpDân. Hãy chọn đúng tệp dữ liệu hoặc bản sao lưu của TiếpDân."
    )]
    ForeignFile { path: PathBuf },

    #[error("Không tìm thấy tệp {path}. Hãy kiểm tra lại đường dẫn.")]
    Missing { path: PathBuf },

    #[error(
        "Thư mục {path} chưa có dữ liệu TiếpDân. Hãy chạy `tiepdan init` (hoặc mở ứng dụng) để khai báo cơ quan và đặt mật khẩu trước: dữ liệu luôn được mã hóa, không lệnh nào tạo cơ sở dữ liệu không mã hóa."
    )]
    NotInitialised { path: PathBuf },

    #[error("Không đọc/ghi được {path}: {source}. Hãy kiểm tra quyền truy cập và dung lượng đĩa.")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "Bản sao lưu {path} không đạt kiểm tra sau khi tạo ({details}); đã xoá bản hỏng. Dữ liệu hiện tại không bị thay đổi. Hãy kiểm tra ổ đĩa đích và thử lại."
    )]
    BackupUnverified { path: PathBuf, details: String },

    #[error(
        "Không nâng cấp được cơ sở dữ liệu lên lược đồ mới: {details}. Dữ liệu đã được sao lưu tại {backup} trước khi nâng cấp."
    )]
    Migration { details: String, backup: String },

    #[error(
        "Cơ sở dữ liệu {path} đã được mã hóa: cần mật khẩu của một cán bộ (hoặc khóa khôi phục) để mở. Trên dòng lệnh, đặt biến môi trường TIEPDAN_PASSPHRASE hoặc nhập khi được hỏi."
    )]
    KeyRequired { path: PathBuf },

    #[error(
        "Khóa không mở được {path}: mật khẩu hoặc khóa khôi phục không đúng, hoặc tệp được mã hóa bằng khóa của một cơ quan khác. Không có gì bị thay đổi. Hãy nhập lại cho đúng."
    )]
    WrongKey { path: PathBuf },

    #[error(
        "Không mở được tệp dữ liệu {path}: tệp đã hỏng, hoặc đã được mã hóa nhưng thiếu tệp khóa keyring.json bên cạnh. Không ghi gì vào tệp này. Hãy chép lại keyring.json từ bản sao, hoặc khôi phục từ bản sao lưu gần nhất (tiepdan restore TỆP_SAO_LƯU, với khóa khôi phục)."
    )]
    KeyringMissing { path: PathBuf },

    #[error(
        "Tệp {path} chưa được mã hóa. Hãy đăng nhập bằng tài khoản quản trị để mã hóa dữ liệu (phần mềm sao lưu và kiểm tra trước khi mã hóa)."
    )]
    NotEncrypted { path: PathBuf },

    #[error(
        "Lỗi cơ sở dữ liệu: {0}. Nếu lỗi lặp lại, hãy chạy \"tiepdan check\" và báo cho cán bộ tin học."
    )]
    Sqlite(#[from] rusqlite::Error),
}

/// Every error a use case of the core can return.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", summarise(.0))]
    Invalid(Vec<FieldError>),

    #[error(
        "Chưa khai báo thông tin cơ quan. Hãy nhập thông tin cơ quan (màn hình đầu tiên, hoặc tiepdan init --name …) trước."
    )]
    OfficeMissing,

    #[error(
        "Bạn không có quyền {}. Việc này dành cho: {}. Hãy nhờ người có quyền thực hiện, hoặc đề nghị quản trị hệ thống cấp quyền.",
        .permission.label_vi(),
        crate::domain::access::Roles::of(.permission.roles()).label_vi()
    )]
    Forbidden {
        permission: crate::domain::access::Permission,
    },

    #[error("Phiên làm việc đã khóa hoặc chưa đăng nhập. Hãy đăng nhập lại để tiếp tục.")]
    SignedOut,

    #[error("Tên đăng nhập hoặc mật khẩu không đúng. Không có gì bị thay đổi. Hãy nhập lại.")]
    BadCredentials,

    #[error("Đã nhập sai mật khẩu nhiều lần liên tiếp. Hãy chờ {seconds} giây rồi thử lại.")]
    Throttled { seconds: u64 },

    #[error(transparent)]
    Store(#[from] StoreError),

    #[error(transparent)]
    Rules(#[from] crate::rules::RuleFileError),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Store(StoreError::Sqlite(e))
    }
}

fn summarise(errors: &[FieldError]) -> String {
    let lines: Vec<&str> = errors.iter().map(|e| e.message_vi.as_str()).collect();
    format!("Thông tin chưa hợp lệ. {}", lines.join(" "))
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error as data, for the UI: `code` is stable and English, `message_vi` is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorData {
    pub code: String,
    pub message_vi: String,
    pub fields: Vec<FieldError>,
}

impl Error {
    /// One field's mistake, in Vietnamese, saying what to fix.
    pub fn invalid(field: &str, message: impl Into<String>) -> Error {
        Error::Invalid(vec![FieldError::new(field, message.into())])
    }

    /// The stable code of this error, for the UI and for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid",
            Error::OfficeMissing => "office_missing",
            Error::Rules(_) => "rules",
            Error::Forbidden { .. } => "forbidden",
            Error::SignedOut => "signed_out",
            Error::BadCredentials => "bad_credentials",
            Error::Throttled { .. } => "throttled",
            Error::Store(s) => match s {
                StoreError::NotADatabase { .. } => "not_a_database",
                StoreError::Corrupt { .. } => "corrupt",
                StoreError::NewerSchema { .. } => "newer_schema",
                StoreError::ForeignFile { .. } => "foreign_file",
                StoreError::Missing { .. } => "missing",
                StoreError::NotInitialised { .. } => "not_initialised",
                StoreError::Io { .. } => "io",
                StoreError::BackupUnverified { .. } => "backup_unverified",
                StoreError::Migration { .. } => "migration",
                StoreError::KeyRequired { .. } => "key_required",
                StoreError::WrongKey { .. } => "wrong_key",
                StoreError::NotEncrypted { .. } => "not_encrypted",
                StoreError::KeyringMissing { .. } => "keyring_missing",
                StoreError::Sqlite(_) => "sqlite",
            },
        }
    }

    pub fn to_data(&self) -> ErrorData {
        ErrorData {
            code: self.code().to_owned(),
            message_vi: self.to_string(),
            fields: match self {
                Error::Invalid(f) => f.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl From<&Error> for ErrorData {
    fn from(e: &Error) -> Self {
        e.to_data()
    }
}
