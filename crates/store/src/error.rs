//! The store's own errors: opening, checking, migrating, backing up, restoring.

use std::path::PathBuf;

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
        "Tệp {path} đang mở trong một chương trình khác (trình xem PDF, Excel hoặc Word) nên không ghi đè được; tệp cũ vẫn nguyên. Hãy đóng tệp đó rồi làm lại, hoặc ghi ra tên khác."
    )]
    FileInUse { path: PathBuf },

    #[error(
        "Bản sao lưu {path} không đạt kiểm tra sau khi tạo ({details}); đã xoá bản hỏng. Dữ liệu hiện tại không bị thay đổi. Hãy kiểm tra ổ đĩa đích và thử lại."
    )]
    BackupUnverified { path: PathBuf, details: String },

    #[error("Đã dừng theo yêu cầu. Không có gì bị thay đổi; có thể làm lại bất cứ lúc nào.")]
    Cancelled,

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

    /// A write that changed rows without appending its audit row: refused, rolled back.
    #[error(
        "Lỗi nội bộ: thao tác \"{what}\" ghi dữ liệu mà không ghi nhật ký thao tác, nên đã bị hủy; không có gì thay đổi. Hãy báo cho cán bộ tin học."
    )]
    Unaudited { what: String },

    #[error(
        "Tệp {path} chưa được mã hóa. Hãy đăng nhập bằng tài khoản quản trị để mã hóa dữ liệu (phần mềm sao lưu và kiểm tra trước khi mã hóa)."
    )]
    NotEncrypted { path: PathBuf },

    #[error(
        "Tệp {path} chính là cơ sở dữ liệu đang dùng, không phải bản sao lưu. Không có gì thay đổi. Hãy chọn một tệp trong thư mục sao lưu (backups) hoặc trên ổ USB."
    )]
    LiveFile { path: PathBuf },

    #[error(
        "Lỗi cơ sở dữ liệu: {0}. Nếu lỗi lặp lại, hãy chạy \"tiepdan check\" và báo cho cán bộ tin học."
    )]
    Sqlite(#[from] rusqlite::Error),
}
