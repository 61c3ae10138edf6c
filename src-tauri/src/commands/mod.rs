//! The IPC commands, one file per capability as an officer names it: one call into the
//! core each, errors returned as data. This file holds what they share: the worker that
//! keeps the window drawing, the desk's lock and the signed-in guard.

mod casework;
mod catalogues;
mod handling;
mod intake;
mod maintenance;
mod reception_days;
mod reporting;
mod trust;

pub use casework::*;
pub use catalogues::*;
pub use handling::*;
pub use intake::*;
pub use maintenance::*;
pub use reception_days::*;
pub use reporting::*;
pub use trust::*;

use tauri::{AppHandle, Manager};
use tiepdan_core::about::AboutInfo;
use tiepdan_core::desk::{
    AccessState, AccessView, AccountInput, AccountView, SetupDone, SignedInView,
};
use tiepdan_core::desk::{
    AppStatus, CalendarDayRow, Citizen, CitizenMatch, Draft, DueSummary, ExportOptions,
    HandleInput, ImportSummary, OfficeDayInput, PetitionDeadlines, PetitionRow, PetitionView,
    PrintOptions, PrintedDocument, ReceptionRow, RecordedVisit, Register, RegisterFile,
    RegisterFilter, RuleFileInfo, RulesChanged, SearchHit, VisitForm, VisitRecord,
};
use tiepdan_core::desk::{
    BookingInput, BookingView, PlanInput, PlanView, ScheduleView, SessionInput, SessionKey,
};
use tiepdan_core::desk::{
    OutcomeInput, OutcomeView, ReportChanges, ReportRecord, ReportView, SubmittedReport,
};
use tiepdan_core::desk::{RevealRequest, RevealStatus, RevealedIdentity};
use tiepdan_core::domain::agency::{Agency, AgencyInput};
use tiepdan_core::domain::office::OfficeInput;
use tiepdan_core::domain::officer::{Officer, OfficerInput};
use tiepdan_core::domain::refusal::RefusalInput;
use tiepdan_core::domain::report::Template;
use tiepdan_core::domain::report::period::{Period, PeriodInput};
use tiepdan_core::domain::schedule::{Host, ShiftPolicy};
use tiepdan_core::domain::visit::VisitInput;
use tiepdan_core::error::FieldError;
use tiepdan_core::rules::RuleFile;
use tiepdan_core::store::BackupInfo;
use tiepdan_core::{Ctx, Desk, ErrorData};

use crate::AppState;

/// "TiếpDân — <office name>".
pub fn window_title(office: &str) -> String {
    format!("TiếpDân — {office}")
}

/// The signed-in officer's context for a use case started now.
fn ctx(desk: &Desk) -> Ctx {
    tiepdan_core::edge::ctx(desk, "ứng dụng")
}

/// Runs a command's work on a blocking worker thread, never on the window's main thread: the
/// window keeps drawing and answering clicks while a sign-in (argon2), an import, a backup,
/// a print or a full deadline recompute runs.
async fn on_worker<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppHandle, &AppState) -> Result<T, ErrorData> + Send + 'static,
) -> Result<T, ErrorData> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        work(&app, &state)
    })
    .await
    .map_err(|_| internal("việc đang làm bị dừng đột ngột; hãy thử lại"))?
}

/// Runs `f` on the open desk with someone signed in; otherwise "đăng nhập lại".
fn with_desk<T>(
    state: &AppState,
    f: impl FnOnce(&mut Desk) -> tiepdan_core::Result<T>,
) -> Result<T, ErrorData> {
    with_open_desk(state, |desk| {
        if desk.session().is_none() {
            return Err(tiepdan_core::Error::SignedOut);
        }
        f(desk)
    })
}

/// Runs `f` on the open desk, signed in or not.
fn with_open_desk<T>(
    state: &AppState,
    f: impl FnOnce(&mut Desk) -> tiepdan_core::Result<T>,
) -> Result<T, ErrorData> {
    let mut guard = lock_desk(state)?;
    match guard.as_mut() {
        Some(desk) => f(desk).map_err(|e| e.to_data()),
        None => Err(tiepdan_core::Error::SignedOut.to_data()),
    }
}

fn lock_desk<'a>(
    state: &'a AppState,
) -> Result<std::sync::MutexGuard<'a, Option<Desk>>, ErrorData> {
    state
        .desk
        .lock()
        .map_err(|_| internal("khóa dữ liệu bị hỏng sau một lỗi trước đó; hãy mở lại ứng dụng"))
}

fn set_title(app: &AppHandle, desk: &Desk) {
    if let (Some(office), Some(window)) =
        (desk.office().ok().flatten(), app.get_webview_window("main"))
    {
        let _ = window.set_title(&window_title(&office.name));
    }
}

fn internal(message: &str) -> ErrorData {
    ErrorData {
        code: "internal".into(),
        message_vi: format!("Lỗi nội bộ: {message}."),
        fields: Vec::new(),
    }
}

fn date_of(field: &str, text: &str) -> Result<chrono::NaiveDate, ErrorData> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        tiepdan_core::Error::Invalid(vec![FieldError::new(
            field,
            "Ngày không hợp lệ; nhập ngày/tháng/năm.".to_owned(),
        )])
        .to_data()
    })
}
