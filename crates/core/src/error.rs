//! Typed errors of the core, and their form as data for the IPC boundary.
//!
//! Each variant carries what is needed to explain it; its `Display` is the Vietnamese
//! message shown to the user (command line standard error, the window's error banner),
//! and says what to do. [`ErrorData`] is what crosses into the UI: a stable English
//! `code`, the Vietnamese message and, for validation, the field errors.

use serde::Serialize;
use ts_rs::TS;

pub use tiepdan_vocab::FieldError;

pub use tiepdan_store::StoreError;

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

    #[error("Đã dừng theo yêu cầu. Không có gì bị thay đổi; có thể làm lại bất cứ lúc nào.")]
    Cancelled,

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
            Error::Cancelled => "cancelled",
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
                StoreError::FileInUse { .. } => "file_in_use",
                StoreError::BackupUnverified { .. } => "backup_unverified",
                StoreError::Migration { .. } => "migration",
                StoreError::KeyRequired { .. } => "key_required",
                StoreError::WrongKey { .. } => "wrong_key",
                StoreError::NotEncrypted { .. } => "not_encrypted",
                StoreError::LiveFile { .. } => "live_file",
                StoreError::KeyringMissing { .. } => "keyring_missing",
                StoreError::Unaudited { .. } => "unaudited",
                StoreError::Cancelled => "cancelled",
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
