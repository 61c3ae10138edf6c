//! Legal data as data: the files of `assets/rules/`, each with its legal basis, whether it
//! is verified, and the date from which it applies. The defaults are compiled in; an
//! administrator's edited copy in the data directory's `rules/` folder replaces them.
//!
//! Parsing is pure (text in, rules out); reading the override file is the caller's job.

pub mod calendar;
pub mod deadlines;
pub mod documents;
pub mod identity;
pub mod reception;
pub mod reminders;
pub mod routing;

use serde::Deserialize;

/// What every rule file states about itself.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Provenance {
    /// The legal basis, cited so a reader can check it.
    pub basis: String,
    /// Whether the figures were checked against the official text.
    pub verified: bool,
    /// From when the file applies (YYYY-MM-DD).
    pub valid_from: chrono::NaiveDate,
}

/// A rule file that cannot be used: which file and what is wrong, in Vietnamese.
#[derive(Debug, thiserror::Error)]
#[error(
    "Tệp quy định {file} không dùng được: {details}. Hãy sửa tệp hoặc xoá nó để dùng quy định mặc định."
)]
pub struct RuleFileError {
    pub file: String,
    pub details: String,
}

/// The rule files, as an administrator sees them in Danh mục.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RuleFile {
    Calendar,
    Deadlines,
    Routing,
    Reception,
    Documents,
    Identity,
    Reminders,
}

impl RuleFile {
    pub const ALL: [RuleFile; 7] = [
        RuleFile::Calendar,
        RuleFile::Deadlines,
        RuleFile::Routing,
        RuleFile::Reception,
        RuleFile::Documents,
        RuleFile::Identity,
        RuleFile::Reminders,
    ];

    /// The file name under `assets/rules/` and under the data directory's `rules/`.
    pub fn file(self) -> &'static str {
        match self {
            RuleFile::Calendar => calendar::FILE,
            RuleFile::Deadlines => deadlines::FILE,
            RuleFile::Routing => routing::FILE,
            RuleFile::Reception => reception::FILE,
            RuleFile::Documents => documents::FILE,
            RuleFile::Identity => identity::FILE,
            RuleFile::Reminders => reminders::FILE,
        }
    }

    /// The shipped text.
    pub fn default_text(self) -> &'static str {
        match self {
            RuleFile::Calendar => calendar::DEFAULT,
            RuleFile::Deadlines => deadlines::DEFAULT,
            RuleFile::Routing => routing::DEFAULT,
            RuleFile::Reception => reception::DEFAULT,
            RuleFile::Documents => documents::DEFAULT,
            RuleFile::Identity => identity::DEFAULT,
            RuleFile::Reminders => reminders::DEFAULT,
        }
    }

    pub fn title_vi(self) -> &'static str {
        match self {
            RuleFile::Calendar => "Lịch nghỉ lễ, Tết và ngày làm bù",
            RuleFile::Deadlines => "Thời hạn xử lý, thụ lý, giải quyết",
            RuleFile::Routing => "Thẩm quyền giải quyết (bảng phân định)",
            RuleFile::Reception => "Tiếp công dân định kỳ, đoàn đông người, vụ việc kéo dài",
            RuleFile::Documents => "Số và ký hiệu văn bản",
            RuleFile::Identity => "Số định danh cá nhân (CCCD)",
            RuleFile::Reminders => "Hạn gửi báo cáo định kỳ và theo kế hoạch",
        }
    }
}
