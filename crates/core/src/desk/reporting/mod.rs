//! What the office reports and keeps: the TT 01/2024 tables, their files and submissions, the two registers, the dashboard's trend and workload.

pub(super) mod hot_spots;
pub(super) mod registers;
pub(super) mod registers_xlsx;
pub(super) mod reminders;
pub(super) mod report_files;
pub(super) mod reports;
pub(super) mod submitted_reports;
pub(super) mod trend;
pub(super) mod work_stats;
