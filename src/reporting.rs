//! Reports and schedules from a terminal: the TT 01/2024 tables and the written report, the
//! reception days as JSON, iCalendar or the public notice.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tiepdan_core::Error;

use crate::args::{HostArg, ReportFormat, ScheduleFormat};
use crate::signin::open_desk;

/// `tiepdan schedule`: the sessions of a range as JSON, iCalendar or the public notice.
pub fn schedule(
    root: &Path,
    from: NaiveDate,
    to: NaiveDate,
    format: ScheduleFormat,
    host: Option<HostArg>,
    out: Option<PathBuf>,
) -> Result<(), Error> {
    let desk = open_desk(root)?;
    let host = host.map(tiepdan_core::domain::schedule::Host::from);
    let text = match format {
        ScheduleFormat::Json => {
            let mut view = desk.schedule(from, to)?;
            if let Some(h) = host {
                view.sessions.retain(|s| s.host == h);
                view.issues.retain(|i| i.host == h);
            }
            let mut text = serde_json::to_string_pretty(&view).expect("JSON values serialise");
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
            let pdf = desk.schedule_notice_pdf(from, to, tiepdan_core::edge::now().date())?;
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
    Ok(())
}

/// `tiepdan report`: a TT 01/2024 table as JSON, Excel or PDF, or the written report.
pub fn report(
    root: &Path,
    template: Option<String>,
    from: NaiveDate,
    to: NaiveDate,
    format: ReportFormat,
    out: Option<PathBuf>,
) -> Result<(), Error> {
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
    let desk = open_desk(root)?;
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
    Ok(())
}
