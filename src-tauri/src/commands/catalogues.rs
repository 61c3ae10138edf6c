//! The office, agencies, rule files and the working calendar.

use super::*;

#[tauri::command]
pub async fn app_status(app: AppHandle) -> Result<AppStatus, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.status())
    })
    .await
}

#[tauri::command]
pub async fn save_office(app: AppHandle, input: OfficeInput) -> Result<AppStatus, ErrorData> {
    on_worker(app, move |app, state| {
        let status = with_desk(state, |desk| {
            desk.save_office(&ctx(desk), &input)?;
            desk.status()
        })?;
        if let (Some(office), Some(window)) = (&status.office, app.get_webview_window("main")) {
            window
                .set_title(&window_title(&office.name))
                .map_err(|e| internal(&e.to_string()))?;
        }
        Ok(status)
    })
    .await
}

#[tauri::command]
pub async fn agencies(app: AppHandle) -> Result<Vec<Agency>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.agencies())
    })
    .await
}

#[tauri::command]
pub async fn add_agency(app: AppHandle, input: AgencyInput) -> Result<Agency, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.add_agency(&ctx(desk), &input))
    })
    .await
}

#[tauri::command]
pub async fn rule_files(app: AppHandle) -> Result<Vec<RuleFileInfo>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| Ok(desk.rule_files()))
    })
    .await
}

#[tauri::command]
pub async fn check_rule_file(
    app: AppHandle,
    file: RuleFile,
    text: String,
) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.check_rule_file(file, &text))
    })
    .await
}

#[tauri::command]
pub async fn save_rule_file(
    app: AppHandle,
    file: RuleFile,
    text: String,
) -> Result<RulesChanged, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.save_rule_file(&ctx(desk), file, &text))
    })
    .await
}

#[tauri::command]
pub async fn reset_rule_file(app: AppHandle, file: RuleFile) -> Result<RulesChanged, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.reset_rule_file(&ctx(desk), file))
    })
    .await
}

#[tauri::command]
pub async fn calendar_days(app: AppHandle, year: i32) -> Result<Vec<CalendarDayRow>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.calendar_days(year))
    })
    .await
}

/// The first working day after `after` (`YYYY-MM-DD`), as `YYYY-MM-DD`.
#[tauri::command]
pub async fn next_working_day(app: AppHandle, after: String) -> Result<String, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            let day = chrono::NaiveDate::parse_from_str(&after, "%Y-%m-%d")
                .map_err(|_| tiepdan_core::Error::invalid("after", "Ngày không hợp lệ."))?;
            Ok(desk.next_working_day(day)?.to_string())
        })
    })
    .await
}

#[tauri::command]
pub async fn set_office_day(
    app: AppHandle,
    input: OfficeDayInput,
) -> Result<RulesChanged, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.set_office_day(&ctx(desk), &input))
    })
    .await
}

#[tauri::command]
pub async fn remove_office_day(app: AppHandle, date: String) -> Result<RulesChanged, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.remove_office_day(&ctx(desk), &date))
    })
    .await
}
