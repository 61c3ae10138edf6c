//! Registers, the periodic reports, their submissions, trends and work statistics.

use super::*;

#[tauri::command]
pub async fn reception_register(
    app: AppHandle,
    filter: RegisterFilter,
) -> Result<Vec<ReceptionRow>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.reception_register(&filter))
    })
    .await
}

#[tauri::command]
pub async fn petition_register(
    app: AppHandle,
    filter: RegisterFilter,
) -> Result<Vec<PetitionRow>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.petition_register(&filter, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Writes the register as Excel and opens it.
#[tauri::command]
pub async fn export_register(
    app: AppHandle,
    register: Register,
    filter: RegisterFilter,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let file = with_desk(state, |desk| {
            desk.export_register(register, &filter, tiepdan_core::edge::now())
        })?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

fn period_of(input: &PeriodInput) -> Result<Period, ErrorData> {
    Period::from_input(input).map_err(|e| tiepdan_core::Error::Invalid(vec![e]).to_data())
}

/// A statistical report for a period, computed now.
#[tauri::command]
pub async fn report(
    app: AppHandle,
    template: Template,
    period: PeriodInput,
) -> Result<ReportView, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        with_desk(state, |desk| desk.report(template, period))
    })
    .await
}

/// The records behind one number of a report.
#[tauri::command]
pub async fn report_records(
    app: AppHandle,
    template: Template,
    period: PeriodInput,
    ms: u16,
) -> Result<Vec<ReportRecord>, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        with_desk(state, |desk| desk.report_records(template, period, ms))
    })
    .await
}

/// A report as Excel under `<data>/exports/`, opened in the system's viewer.
#[tauri::command]
pub async fn export_report(
    app: AppHandle,
    template: Template,
    period: PeriodInput,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        let file = with_desk(state, |desk| {
            desk.export_report_xlsx(template, period, tiepdan_core::edge::now())
        })?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// Saves a report, computed now, as submitted (frozen).
#[tauri::command]
pub async fn submit_report(
    app: AppHandle,
    template: Template,
    period: PeriodInput,
    note: String,
) -> Result<SubmittedReport, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        with_desk(state, |desk| {
            desk.submit_report(&ctx(desk), template, period, &note)
        })
    })
    .await
}

/// The latest submission of the period and what changed since, if it was submitted.
#[tauri::command]
pub async fn report_changes(
    app: AppHandle,
    template: Template,
    period: PeriodInput,
) -> Result<Option<ReportChanges>, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        with_desk(state, |desk| desk.report_changes(template, period))
    })
    .await
}

/// A report as PDF under `<data>/exports/`, opened in the system's viewer.
#[tauri::command]
pub async fn export_report_pdf(
    app: AppHandle,
    template: Template,
    period: PeriodInput,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        let file = with_desk(state, |desk| {
            desk.export_report_pdf(template, period, tiepdan_core::edge::now())
        })?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// Writes the written report (báo cáo bằng văn bản) for a period as a .docx draft and
/// opens it in the word processor.
#[tauri::command]
pub async fn export_written_report(
    app: AppHandle,
    period: PeriodInput,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        let file = with_desk(state, |desk| {
            desk.export_written_report(period, tiepdan_core::edge::now())
        })?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// Petitions received in each of the last twelve months, by field, for the dashboard.
#[tauri::command]
pub async fn trend(app: AppHandle) -> Result<tiepdan_core::desk::Trend, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.trend(tiepdan_core::edge::now().date(), 12)
        })
    })
    .await
}

/// Where the last twelve months' petitions come from and what they are about.
#[tauri::command]
pub async fn hot_spots(app: AppHandle) -> Result<tiepdan_core::desk::HotSpots, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.hot_spots(tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// The reports to send soon (periodic ones until submitted, a plan's until marked sent).
#[tauri::command]
pub async fn reminders(
    app: AppHandle,
) -> Result<Vec<tiepdan_core::domain::reminders::Reminder>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.reminders(&ctx(desk)))
    })
    .await
}

/// Marks a plan's report sent; returns the reminders left.
#[tauri::command]
pub async fn mark_reminder_sent(
    app: AppHandle,
    key: String,
) -> Result<Vec<tiepdan_core::domain::reminders::Reminder>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.mark_reminder_sent(&ctx(desk), &key)?;
            desk.reminders(&ctx(desk))
        })
    })
    .await
}

/// The draft (.docx) of a plan's report, opened in the viewer.
#[tauri::command]
pub async fn export_plan_report(
    app: AppHandle,
    key: String,
) -> Result<tiepdan_core::desk::RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let file = with_desk(state, |desk| desk.export_plan_report(&ctx(desk), &key))?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// Sub-fields to offer as the officer types one.
#[tauri::command]
pub async fn subfield_suggestions(app: AppHandle) -> Result<Vec<String>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.subfield_suggestions())
    })
    .await
}

/// Writes the register as PDF and opens it.
#[tauri::command]
pub async fn export_register_pdf(
    app: AppHandle,
    register: Register,
    filter: RegisterFilter,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let file = with_desk(state, |desk| {
            desk.export_register_pdf(register, &filter, tiepdan_core::edge::now())
        })?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// Staff work for a period: by officer and by field.
#[tauri::command]
pub async fn work_stats(
    app: AppHandle,
    period: PeriodInput,
) -> Result<tiepdan_core::desk::WorkStats, ErrorData> {
    on_worker(app, move |_app, state| {
        let period = period_of(&period)?;
        with_desk(state, |desk| {
            desk.work_stats(period, tiepdan_core::edge::now().date())
        })
    })
    .await
}
