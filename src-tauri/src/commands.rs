//! The IPC commands: one call into the core each, errors returned as data.

use tauri::{AppHandle, Manager, State};
use tiepdan::about::AboutInfo;
use tiepdan::desk::{
    AppStatus, CitizenMatch, Draft, PrintOptions, PrintedDocument, RecordedVisit, SearchHit,
    VisitForm, VisitRecord,
};
use tiepdan::domain::office::OfficeInput;
use tiepdan::domain::visit::VisitInput;
use tiepdan::store::BackupInfo;
use tiepdan::{Ctx, Desk, ErrorData};

use crate::AppState;

/// "TiếpDân — <office name>".
pub fn window_title(office: &str) -> String {
    format!("TiếpDân — {office}")
}

fn ctx() -> Ctx {
    tiepdan::edge::ctx_now("ứng dụng")
}

/// Runs `f` on the open desk, or returns why the data could not be opened.
fn with_desk<T>(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Desk) -> tiepdan::Result<T>,
) -> Result<T, ErrorData> {
    let mut guard = state
        .desk
        .lock()
        .map_err(|_| internal("khóa dữ liệu bị hỏng sau một lỗi trước đó; hãy mở lại ứng dụng"))?;
    match guard.as_mut() {
        Ok(desk) => f(desk).map_err(|e| e.to_data()),
        Err(e) => Err(e.clone()),
    }
}

fn internal(message: &str) -> ErrorData {
    ErrorData {
        code: "internal".into(),
        message_vi: format!("Lỗi nội bộ: {message}."),
        fields: Vec::new(),
    }
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> Result<AppStatus, ErrorData> {
    with_desk(&state, |desk| desk.status())
}

#[tauri::command]
pub fn save_office(
    app: AppHandle,
    state: State<'_, AppState>,
    input: OfficeInput,
) -> Result<AppStatus, ErrorData> {
    let status = with_desk(&state, |desk| {
        desk.save_office(&ctx(), &input)?;
        desk.status()
    })?;
    if let (Some(office), Some(window)) = (&status.office, app.get_webview_window("main")) {
        window
            .set_title(&window_title(&office.name))
            .map_err(|e| internal(&e.to_string()))?;
    }
    Ok(status)
}

#[tauri::command]
pub fn find_citizens(
    state: State<'_, AppState>,
    name: String,
    id_number: Option<String>,
) -> Result<Vec<CitizenMatch>, ErrorData> {
    with_desk(&state, |desk| {
        desk.find_citizens(&name, id_number.as_deref(), 8)
    })
}

#[tauri::command]
pub fn record_visit(
    state: State<'_, AppState>,
    input: VisitInput,
) -> Result<RecordedVisit, ErrorData> {
    with_desk(&state, |desk| desk.record_visit(&ctx(), &input))
}

#[tauri::command]
pub fn save_draft(
    state: State<'_, AppState>,
    form: String,
    content: serde_json::Value,
) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.save_draft(&ctx(), &form, &content))
}

#[tauri::command]
pub fn load_draft(state: State<'_, AppState>, form: String) -> Result<Option<Draft>, ErrorData> {
    with_desk(&state, |desk| desk.draft(&form))
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>, form: String) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.discard_draft(&form))
}

#[tauri::command]
pub fn about_info(state: State<'_, AppState>) -> Result<AboutInfo, ErrorData> {
    with_desk(&state, |desk| desk.about())
}

#[tauri::command]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo, ErrorData> {
    with_desk(&state, |desk| desk.backup_now(&ctx(), None))
}

#[tauri::command]
pub fn visit_record(state: State<'_, AppState>, visit_id: i64) -> Result<VisitRecord, ErrorData> {
    with_desk(&state, |desk| desk.visit(visit_id))
}

/// Issues (or reprints) the document and opens it in the system viewer.
#[tauri::command]
pub fn print_visit_document(
    state: State<'_, AppState>,
    visit_id: i64,
    form: VisitForm,
    options: PrintOptions,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| {
        desk.print_visit_document(&ctx(), visit_id, form, &options)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

#[tauri::command]
pub fn search(state: State<'_, AppState>, query: String) -> Result<Vec<SearchHit>, ErrorData> {
    with_desk(&state, |desk| desk.search(&query, 30))
}
