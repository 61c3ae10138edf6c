//! The IPC commands: one call into the core each, errors returned as data.

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

/// What the first screen is: the first run's administrator form, or signing in; and who
/// is signed in now.
#[tauri::command]
pub async fn access_state(app: AppHandle) -> Result<AccessView, ErrorData> {
    on_worker(app, move |_app, state| {
        let guard = lock_desk(state)?;
        let session = guard
            .as_ref()
            .and_then(|d| d.session().map(SignedInView::from));
        let access = match guard.as_ref() {
            Some(_) => AccessState::SignIn,
            None => tiepdan_core::desk::access_state(&state.data_dir).map_err(|e| e.to_data())?,
        };
        Ok(AccessView {
            access,
            session,
            data_dir: state.data_dir.display().to_string(),
            idle_lock_seconds: state.idle_lock_seconds,
        })
    })
    .await
}

/// The first run: creates the administrator and the encrypted store; returns the recovery
/// key to show once.
#[tauri::command]
pub async fn setup_admin(app: AppHandle, input: AccountInput) -> Result<SetupDone, ErrorData> {
    on_worker(app, move |app, state| {
        let mut guard = lock_desk(state)?;
        if guard.is_some() {
            return Err(
                tiepdan_core::Error::invalid("login", "Đã có tài khoản; hãy đăng nhập.").to_data(),
            );
        }
        let (desk, done) = Desk::setup(&state.data_dir, &input, tiepdan_core::edge::now())
            .map_err(|e| e.to_data())?;
        set_title(app, &desk);
        *guard = Some(desk);
        Ok(done)
    })
    .await
}

/// A citizen's visits, cases and petitions (never a denunciation's), for the search box.
#[tauri::command]
pub async fn citizen_history(
    app: AppHandle,
    citizen_id: i64,
) -> Result<tiepdan_core::desk::CitizenHistory, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.citizen_history(citizen_id))
    })
    .await
}

/// Where the recovery key sheet waits for the printer: the system's temporary folder,
/// never the data directory (the key is stored nowhere by the app).
fn recovery_sheet_path() -> std::path::PathBuf {
    std::env::temp_dir().join("tiepdan-khoa-khoi-phuc.pdf")
}

/// The recovery key sheet as a PDF, opened in the system viewer to print; its path.
#[tauri::command]
pub async fn print_recovery_key(app: AppHandle, key: String) -> Result<String, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |_| Ok(()))?;
        let pdf = tiepdan_core::print::recovery::render(
            &state.data_dir.display().to_string(),
            &key,
            tiepdan_core::edge::now(),
        );
        let path = recovery_sheet_path();
        tiepdan_core::desk::write_atomically(&path, &pdf).map_err(|e| e.to_data())?;
        crate::viewer::open(&path);
        Ok(path.display().to_string())
    })
    .await
}

/// Deletes the printed recovery key sheet (the first run moves on).
#[tauri::command]
pub async fn discard_recovery_key_sheet() -> Result<(), ErrorData> {
    remove_recovery_key_sheet();
    Ok(())
}

/// Removes the recovery key sheet, if one is waiting for the printer.
pub fn remove_recovery_key_sheet() {
    let _ = std::fs::remove_file(recovery_sheet_path());
}

/// Signs in (opening the store with the key the password unwraps), or unlocks the open
/// store after the idle lock.
#[tauri::command]
pub async fn sign_in(
    app: AppHandle,
    login: String,
    password: String,
) -> Result<SignedInView, ErrorData> {
    on_worker(app, move |app, state| {
        let mut guard = lock_desk(state)?;
        let mut throttle = state
            .throttle
            .lock()
            .map_err(|_| internal("khóa đăng nhập bị hỏng; hãy mở lại ứng dụng"))?;
        let now = tiepdan_core::edge::now();
        // Another window or the command line may have counted failures since.
        *throttle = tiepdan_core::desk::Throttle::load(&state.data_dir);
        throttle.check(now).map_err(|e| e.to_data())?;
        let outcome = match guard.as_mut() {
            Some(desk) => desk.unlock(&login, &password, now),
            None => Desk::sign_in(&state.data_dir, &login, &password, now).map(|desk| {
                let session = desk.session().cloned().expect("signed in");
                *guard = Some(desk);
                session
            }),
        };
        throttle.record(&outcome, now);
        throttle.save(&state.data_dir).map_err(|e| e.to_data())?;
        let session = outcome.map_err(|e| e.to_data())?;
        if let Some(desk) = guard.as_ref() {
            set_title(app, desk);
        }
        Ok(SignedInView::from(&session))
    })
    .await
}

/// Locks the session (idle, or "Khóa màn hình"): every command refuses until sign-in.
#[tauri::command]
pub async fn lock_session(app: AppHandle) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        if let Some(desk) = lock_desk(state)?.as_mut() {
            desk.lock();
        }
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn accounts(app: AppHandle) -> Result<Vec<AccountView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.accounts())
    })
    .await
}

#[tauri::command]
pub async fn add_account(app: AppHandle, input: AccountInput) -> Result<AccountView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.add_account(&ctx(desk), &input))
    })
    .await
}

#[tauri::command]
pub async fn set_password(
    app: AppHandle,
    login: String,
    password: String,
    password_again: String,
) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.set_password(&ctx(desk), &login, &password, &password_again)
        })
    })
    .await
}

/// The signed-in officer's own new password (the current one asked again).
#[tauri::command]
pub async fn change_own_password(
    app: AppHandle,
    current: String,
    password: String,
    password_again: String,
) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.change_own_password(&ctx(desk), &current, &password, &password_again)
        })
    })
    .await
}

#[tauri::command]
pub async fn set_account_active(
    app: AppHandle,
    login: String,
    active: bool,
) -> Result<Vec<AccountView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.set_account_active(&ctx(desk), &login, active)?;
            desk.accounts()
        })
    })
    .await
}

#[tauri::command]
pub async fn reveal_status(app: AppHandle, petition_id: i64) -> Result<RevealStatus, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.reveal_status(&ctx(desk), petition_id))
    })
    .await
}

#[tauri::command]
pub async fn request_reveal(
    app: AppHandle,
    petition_id: i64,
    reason: String,
) -> Result<RevealRequest, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.request_reveal(&ctx(desk), petition_id, &reason)
        })
    })
    .await
}

#[tauri::command]
pub async fn pending_reveals(app: AppHandle) -> Result<Vec<RevealRequest>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.pending_reveals(&ctx(desk)))
    })
    .await
}

#[tauri::command]
pub async fn decide_reveal(
    app: AppHandle,
    request_id: i64,
    approve: bool,
    note: String,
) -> Result<RevealRequest, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.decide_reveal(&ctx(desk), request_id, approve, &note)
        })
    })
    .await
}

#[tauri::command]
pub async fn reveal_denouncers(
    app: AppHandle,
    petition_id: i64,
    reason: String,
) -> Result<RevealedIdentity, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.reveal_denouncers(&ctx(desk), petition_id, &reason)
        })
    })
    .await
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
pub async fn find_citizens(
    app: AppHandle,
    name: String,
    id_number: Option<String>,
) -> Result<Vec<CitizenMatch>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.find_citizens(&name, id_number.as_deref(), 8)
        })
    })
    .await
}

#[tauri::command]
pub async fn record_visit(app: AppHandle, input: VisitInput) -> Result<RecordedVisit, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.record_visit(&ctx(desk), &input))
    })
    .await
}

#[tauri::command]
pub async fn save_draft(
    app: AppHandle,
    form: String,
    content: serde_json::Value,
) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.save_draft(&ctx(desk), &form, &content))
    })
    .await
}

#[tauri::command]
pub async fn load_draft(app: AppHandle, form: String) -> Result<Option<Draft>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.draft(&ctx(desk), &form))
    })
    .await
}

#[tauri::command]
pub async fn discard_draft(app: AppHandle, form: String) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.discard_draft(&ctx(desk), &form))
    })
    .await
}

#[tauri::command]
pub async fn about_info(app: AppHandle) -> Result<AboutInfo, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.about())
    })
    .await
}

#[tauri::command]
pub async fn backup_now(app: AppHandle) -> Result<BackupInfo, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.backup_now(&ctx(desk), None))
    })
    .await
}

/// The audit trail, filtered, with the chain checked (leaders and the administrator).
#[tauri::command]
pub async fn audit_trail(
    app: AppHandle,
    filter: tiepdan_core::desk::AuditFilter,
) -> Result<tiepdan_core::desk::AuditTrail, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.audit_trail(&ctx(desk), &filter))
    })
    .await
}

/// Records petitions that did not come in person (post, letter box, forwarded, online).
#[tauri::command]
pub async fn receive_mail(
    app: AppHandle,
    input: tiepdan_core::domain::mail::MailInput,
) -> Result<tiepdan_core::desk::ReceivedMail, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.receive_mail(&ctx(desk), &input))
    })
    .await
}

/// Where the denouncer key stands: who holds it, who waits for it, whether its recovery
/// code was written down.
#[tauri::command]
pub async fn identity_key_status(
    app: AppHandle,
) -> Result<tiepdan_core::desk::IdentityKeyStatus, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.identity_key_status(&ctx(desk)))
    })
    .await
}

/// The denouncer key's recovery code, for a handler or leader holding it (audited).
#[tauri::command]
pub async fn identity_recovery_code(app: AppHandle) -> Result<String, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.identity_recovery_code(&ctx(desk)))
    })
    .await
}

/// The administrator grants the denouncer key to a handler or leader with the recovery
/// code (audited).
#[tauri::command]
pub async fn grant_identity_key(
    app: AppHandle,
    login: String,
    code: String,
) -> Result<tiepdan_core::desk::IdentityKeyStatus, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            let c = ctx(desk);
            desk.grant_identity_key(&c, &login, &code)?;
            desk.identity_key_status(&c)
        })
    })
    .await
}

/// Registers a citizen who is not yet on the register (a first-time caller booked into a
/// reception day); the same identity number twice is refused with the existing name.
#[tauri::command]
pub async fn add_citizen(
    app: AppHandle,
    input: tiepdan_core::domain::citizen::CitizenInput,
) -> Result<tiepdan_core::desk::Citizen, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.add_citizen(&ctx(desk), &input))
    })
    .await
}

/// Cancels a booking, with a reason.
#[tauri::command]
pub async fn cancel_booking(
    app: AppHandle,
    booking_id: i64,
    reason: String,
) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.cancel_booking(&ctx(desk), booking_id, &reason)
        })
    })
    .await
}

/// Other disks a backup could go to (USB sticks, other drives).
#[tauri::command]
pub async fn other_disks() -> Vec<String> {
    tiepdan_core::datadir::other_disks()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect()
}

/// A verified backup into `TiepDan-saoluu` on another disk.
#[tauri::command]
pub async fn backup_to_other_disk(app: AppHandle, target: String) -> Result<BackupInfo, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.backup_to_other_disk(&ctx(desk), std::path::Path::new(target.trim()))
        })
    })
    .await
}

/// The backups in the data directory, or in a folder (and its `TiepDan-saoluu`).
#[tauri::command]
pub async fn backup_files(
    app: AppHandle,
    dir: Option<String>,
) -> Result<Vec<tiepdan_core::desk::BackupFile>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            let dir = dir.as_deref().map(str::trim).filter(|d| !d.is_empty());
            desk.backup_files(&ctx(desk), dir.map(std::path::Path::new))
        })
    })
    .await
}

/// Replaces the data with a backup (administrators); returns the safety backup of the data
/// replaced.
#[tauri::command]
pub async fn restore_backup(app: AppHandle, file: String) -> Result<BackupInfo, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.restore(&ctx(desk), std::path::Path::new(&file))
        })
    })
    .await
}

#[tauri::command]
pub async fn visit_record(app: AppHandle, visit_id: i64) -> Result<VisitRecord, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.visit_for_lists(visit_id))
    })
    .await
}

/// Issues (or reprints) the document and opens it in the system viewer.
#[tauri::command]
pub async fn print_visit_document(
    app: AppHandle,
    visit_id: i64,
    form: VisitForm,
    options: PrintOptions,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_visit_document(&ctx(desk), visit_id, form, &options)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

#[tauri::command]
pub async fn search(app: AppHandle, query: String) -> Result<Vec<SearchHit>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.search(&query, 30))
    })
    .await
}

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

/// Imports an interchange file's text: all or nothing; the errors listed by line.
#[tauri::command]
pub async fn import_interchange(app: AppHandle, text: String) -> Result<ImportSummary, ErrorData> {
    on_worker(app, move |app, state| {
        let watch = Watch::start(app, state);
        let mut guard = lock_desk(state)?;
        let desk = guard
            .as_mut()
            .ok_or_else(|| tiepdan_core::Error::SignedOut.to_data())?;
        desk.import_watched(&ctx(desk), &text, &watch)
            .map_err(|e| e.to_data())
    })
    .await
}

/// Stops the long work in progress (an import) at its next step; it then keeps nothing.
#[tauri::command]
pub async fn cancel_work(app: AppHandle) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        state
            .cancel
            .store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    })
    .await
}

/// Long work's progress, sent to the window as `progress` events; stops when asked.
struct Watch<'a> {
    app: &'a AppHandle,
    cancel: &'a std::sync::atomic::AtomicBool,
}

impl<'a> Watch<'a> {
    fn start(app: &'a AppHandle, state: &'a AppState) -> Watch<'a> {
        state
            .cancel
            .store(false, std::sync::atomic::Ordering::SeqCst);
        Watch {
            app,
            cancel: &state.cancel,
        }
    }
}

impl tiepdan_core::progress::Progress for Watch<'_> {
    fn step(&self, stage: &str, done: u64, total: u64) -> bool {
        use tauri::Emitter;
        let report = tiepdan_core::progress::ProgressReport {
            stage: stage.to_owned(),
            done,
            total,
        };
        let _ = self.app.emit("progress", report);
        !self.cancel.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Writes the whole data as an interchange file in the exports folder.
#[tauri::command]
pub async fn export_interchange(
    app: AppHandle,
    redact: bool,
    reason: String,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.export_file(
                &ctx(desk),
                &ExportOptions {
                    redact,
                    today: None,
                },
                &reason,
            )
        })
    })
    .await
}

/// Merges two records of the same person (explicit, with a reason, audited).
#[tauri::command]
pub async fn merge_citizens(
    app: AppHandle,
    kept: i64,
    merged: i64,
    reason: String,
) -> Result<Citizen, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.merge_citizens(&ctx(desk), kept, merged, &reason)
        })
    })
    .await
}

#[tauri::command]
pub async fn petition_view(app: AppHandle, petition_id: i64) -> Result<PetitionView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.petition_view(petition_id, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Records the officer's handling decision; returns the petition as it now stands.
#[tauri::command]
pub async fn handle_petition(
    app: AppHandle,
    input: HandleInput,
) -> Result<PetitionView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.handle_petition(&ctx(desk), &input)?;
            desk.petition_view(input.petition_id, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Records a resolution, its carrying out, a withdrawal or a termination on a petition;
/// returns the petition's outcomes as they now stand.
#[tauri::command]
pub async fn record_outcome(
    app: AppHandle,
    input: OutcomeInput,
) -> Result<Vec<OutcomeView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.record_outcome(&ctx(desk), &input)?;
            desk.outcomes(input.petition_id)
        })
    })
    .await
}

/// The outcomes recorded on a petition.
#[tauri::command]
pub async fn outcomes(app: AppHandle, petition_id: i64) -> Result<Vec<OutcomeView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.outcomes(petition_id))
    })
    .await
}

/// Sets who a petition is about, the complaint's instance and contested decision, an oral
/// denunciation; returns the petition anew (with the new proposal).
#[tauri::command]
pub async fn update_petition_facts(
    app: AppHandle,
    input: tiepdan_core::desk::PetitionFactsInput,
) -> Result<PetitionView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.update_petition_facts(&ctx(desk), &input)?;
            desk.petition_view(input.petition_id, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Marks a petition as raising several matters for several bodies; returns it anew.
#[tauri::command]
pub async fn set_several_contents(
    app: AppHandle,
    petition_id: i64,
    several: bool,
) -> Result<PetitionView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.set_several_contents(&ctx(desk), petition_id, several)?;
            desk.petition_view(petition_id, tiepdan_core::edge::now().date())
        })
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

/// Prints the document of the petition's latest decision and opens it.
#[tauri::command]
pub async fn print_decision(
    app: AppHandle,
    petition_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| desk.print_decision(&ctx(desk), petition_id))?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// Overdue and soon-due deadlines for the dashboard.
#[tauri::command]
pub async fn due(app: AppHandle) -> Result<DueSummary, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.due(tiepdan_core::edge::now().date(), 50))
    })
    .await
}

/// A petition's deadlines with their explanations, as of today.
#[tauri::command]
pub async fn petition_deadlines(
    app: AppHandle,
    petition_id: i64,
) -> Result<PetitionDeadlines, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.deadlines(petition_id, tiepdan_core::edge::now().date())
        })
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

/// Phiếu đề xuất thụ lý of a complaint or denunciation, opened in the system viewer.
#[tauri::command]
pub async fn print_acceptance_proposal(
    app: AppHandle,
    petition_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_acceptance_proposal(&ctx(desk), petition_id)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// Thông báo từ chối tiếp công dân for a recorded visit, opened in the system viewer.
#[tauri::command]
pub async fn refuse_reception(
    app: AppHandle,
    visit_id: i64,
    input: RefusalInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.refuse_reception(&ctx(desk), visit_id, &input)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

#[tauri::command]
pub async fn officers(app: AppHandle) -> Result<Vec<Officer>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.officers())
    })
    .await
}

#[tauri::command]
pub async fn add_officer(app: AppHandle, input: OfficerInput) -> Result<Officer, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.add_officer(&ctx(desk), &input))
    })
    .await
}

/// Corrects an officer's name or title, or records their leaving (administrators).
#[tauri::command]
pub async fn update_officer(
    app: AppHandle,
    input: tiepdan_core::domain::officer::OfficerEdit,
) -> Result<Officer, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.update_officer(&ctx(desk), &input))
    })
    .await
}

/// Makes an officer (or nobody) responsible for the petition's case.
#[tauri::command]
pub async fn assign_case(
    app: AppHandle,
    petition_id: i64,
    officer_id: Option<i64>,
) -> Result<PetitionView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.assign_case(&ctx(desk), petition_id, officer_id)?;
            desk.petition_view(petition_id, tiepdan_core::edge::now().date())
        })
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

fn date_of(field: &str, text: &str) -> Result<chrono::NaiveDate, ErrorData> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        tiepdan_core::Error::Invalid(vec![FieldError::new(
            field,
            "Ngày không hợp lệ; nhập ngày/tháng/năm.".to_owned(),
        )])
        .to_data()
    })
}

/// The reception plans.
#[tauri::command]
pub async fn plans(app: AppHandle) -> Result<Vec<PlanView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.plans())
    })
    .await
}

/// Adds a plan; returns every plan.
#[tauri::command]
pub async fn add_plan(app: AppHandle, input: PlanInput) -> Result<Vec<PlanView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.add_plan(&ctx(desk), &input)?;
            desk.plans()
        })
    })
    .await
}

/// Ends a plan after a day; returns every plan.
#[tauri::command]
pub async fn end_plan(
    app: AppHandle,
    plan_id: i64,
    to: String,
) -> Result<Vec<PlanView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.end_plan(&ctx(desk), plan_id, &to)?;
            desk.plans()
        })
    })
    .await
}

/// The sessions of a date range, with their bookings and the schedule's shortfalls.
#[tauri::command]
pub async fn schedule(app: AppHandle, from: String, to: String) -> Result<ScheduleView, ErrorData> {
    on_worker(app, move |_app, state| {
        let (from, to) = (date_of("from", &from)?, date_of("to", &to)?);
        with_desk(state, |desk| desk.schedule(from, to))
    })
    .await
}

/// Adds a one-off or ad hoc session.
#[tauri::command]
pub async fn add_session(app: AppHandle, input: SessionInput) -> Result<i64, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.add_session(&ctx(desk), &input))
    })
    .await
}

/// Cancels a session with a reason.
#[tauri::command]
pub async fn cancel_session(
    app: AppHandle,
    key: SessionKey,
    reason: String,
) -> Result<i64, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.cancel_session(&ctx(desk), &key, &reason))
    })
    .await
}

/// Books a citizen into a session.
#[tauri::command]
pub async fn book(app: AppHandle, input: BookingInput) -> Result<BookingView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.book(&ctx(desk), &input))
    })
    .await
}

/// The citizens booked into a session.
#[tauri::command]
pub async fn bookings(app: AppHandle, session_id: i64) -> Result<Vec<BookingView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.bookings(session_id))
    })
    .await
}

/// The appointment slip of a booking, opened in the system viewer.
#[tauri::command]
pub async fn print_booking_slip(
    app: AppHandle,
    booking_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_booking_slip(&ctx(desk), booking_id)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// Sets what happens to a planned day that is not a working day.
#[tauri::command]
pub async fn set_shift_policy(app: AppHandle, policy: ShiftPolicy) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.set_shift_policy(&ctx(desk), policy))
    })
    .await
}

/// Writes the sessions of a range (of one host, or all) as an .ics file under exports.
#[tauri::command]
pub async fn export_schedule_ics(
    app: AppHandle,
    from: String,
    to: String,
    host: Option<Host>,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let (from, to) = (date_of("from", &from)?, date_of("to", &to)?);
        with_desk(state, |desk| {
            desk.export_schedule_ics(from, to, host, tiepdan_core::edge::now())
        })
    })
    .await
}

/// The host's briefing pack for a session, opened in the system viewer.
#[tauri::command]
pub async fn export_briefing_pack(
    app: AppHandle,
    key: SessionKey,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let file = with_desk(state, |desk| desk.export_briefing_pack(&ctx(desk), &key))?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// The public notice of the schedule for a range, opened in the system viewer.
#[tauri::command]
pub async fn export_schedule_notice(
    app: AppHandle,
    from: String,
    to: String,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let (from, to) = (date_of("from", &from)?, date_of("to", &to)?);
        let file = with_desk(state, |desk| {
            desk.export_schedule_notice(from, to, tiepdan_core::edge::now())
        })?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// Records a session's conclusions and issues the notice, opened in the system viewer.
#[tauri::command]
pub async fn conclude_session(
    app: AppHandle,
    input: tiepdan_core::desk::ConclusionInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| desk.conclude_session(&ctx(desk), &input))?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// What was assigned at a session.
#[tauri::command]
pub async fn assignments_of(
    app: AppHandle,
    session_id: i64,
) -> Result<Vec<tiepdan_core::desk::AssignmentView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.assignments_of(session_id, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Marks an assignment done.
#[tauri::command]
pub async fn complete_assignment(app: AppHandle, id: i64, on: String) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.complete_assignment(&ctx(desk), id, &on))
    })
    .await
}

/// Biên bản đối thoại of a recorded dialogue, opened in the system viewer.
#[tauri::command]
pub async fn print_dialogue_minutes(
    app: AppHandle,
    event_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_dialogue_minutes(&ctx(desk), event_id)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// Adds a task to a petition's case; returns the petition's tasks.
#[tauri::command]
pub async fn add_task(
    app: AppHandle,
    input: tiepdan_core::desk::TaskInput,
) -> Result<Vec<tiepdan_core::desk::TaskView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.add_task(&ctx(desk), &input)?;
            desk.tasks_of(input.petition_id, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Marks a task done today.
#[tauri::command]
pub async fn complete_task(app: AppHandle, id: i64, on: String) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.complete_task(&ctx(desk), id, &on))
    })
    .await
}

/// The tasks of a petition.
#[tauri::command]
pub async fn tasks_of(
    app: AppHandle,
    petition_id: i64,
) -> Result<Vec<tiepdan_core::desk::TaskView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.tasks_of(petition_id, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Attaches a file (scan or photo) to a visit, petition or case; returns its files.
#[tauri::command]
pub async fn attach(
    app: AppHandle,
    input: tiepdan_core::desk::AttachInput,
) -> Result<Vec<tiepdan_core::desk::AttachmentView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            let c = ctx(desk);
            desk.attach(&c, &input)?;
            desk.attachments_of(&c, input.owner, input.owner_id)
        })
    })
    .await
}

/// The files attached to a record.
#[tauri::command]
pub async fn attachments_of(
    app: AppHandle,
    owner: tiepdan_core::desk::AttachmentOwner,
    owner_id: i64,
) -> Result<Vec<tiepdan_core::desk::AttachmentView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.attachments_of(&ctx(desk), owner, owner_id)
        })
    })
    .await
}

/// Writes an attached file out (checked against its hash) and opens it.
#[tauri::command]
pub async fn open_attachment(app: AppHandle, id: i64) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let file = with_desk(state, |desk| desk.export_attachment(&ctx(desk), id))?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}

/// Puts a petition's case on the watch list; returns the list.
#[tauri::command]
pub async fn watch_case(
    app: AppHandle,
    input: tiepdan_core::desk::WatchInput,
) -> Result<Vec<tiepdan_core::desk::WatchItem>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.watch_case(&ctx(desk), &input)?;
            desk.watch_list(tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Takes a case off the watch list; returns the list.
#[tauri::command]
pub async fn end_watch(
    app: AppHandle,
    id: i64,
    reason: String,
) -> Result<Vec<tiepdan_core::desk::WatchItem>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.end_watch(&ctx(desk), id, &reason)?;
            desk.watch_list(tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// The chair's watch list.
#[tauri::command]
pub async fn watch_list(app: AppHandle) -> Result<Vec<tiepdan_core::desk::WatchItem>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.watch_list(tiepdan_core::edge::now().date())
        })
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

/// Giấy mời đối thoại, opened in the system viewer.
#[tauri::command]
pub async fn print_dialogue_invitation(
    app: AppHandle,
    input: tiepdan_core::desk::InvitationInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_dialogue_invitation(&ctx(desk), &input)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// The decision suspending or ending a resolution, from its event; opened in the viewer.
#[tauri::command]
pub async fn print_resolution_stop(
    app: AppHandle,
    event_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_resolution_stop(&ctx(desk), event_id)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// The decision extending a resolution, from its event; opened in the viewer.
#[tauri::command]
pub async fn print_extension(app: AppHandle, event_id: i64) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| desk.print_extension(&ctx(desk), event_id))?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// Sets the leader responsible for a petition's case; returns the petition anew.
#[tauri::command]
pub async fn assign_leader(
    app: AppHandle,
    petition_id: i64,
    officer_id: Option<i64>,
) -> Result<PetitionView, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.assign_leader(&ctx(desk), petition_id, officer_id)?;
            desk.petition_view(petition_id, tiepdan_core::edge::now().date())
        })
    })
    .await
}

/// Records a grassroots mediation; returns the petition's mediations.
#[tauri::command]
pub async fn record_mediation(
    app: AppHandle,
    input: tiepdan_core::desk::MediationInput,
) -> Result<Vec<tiepdan_core::desk::MediationView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.record_mediation(&ctx(desk), &input)?;
            desk.mediations_of(input.petition_id)
        })
    })
    .await
}

/// The mediations of a petition.
#[tauri::command]
pub async fn mediations_of(
    app: AppHandle,
    petition_id: i64,
) -> Result<Vec<tiepdan_core::desk::MediationView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.mediations_of(petition_id))
    })
    .await
}

/// Corrects a citizen's record with a reason; returns it as it now stands.
#[tauri::command]
pub async fn correct_citizen(
    app: AppHandle,
    input: tiepdan_core::desk::CorrectionInput,
) -> Result<Citizen, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.correct_citizen(&ctx(desk), &input))
    })
    .await
}

/// Everything the office holds about a citizen (without denunciations), as PDF, opened.
#[tauri::command]
pub async fn export_citizen_data(
    app: AppHandle,
    citizen_id: i64,
) -> Result<RegisterFile, ErrorData> {
    on_worker(app, move |_app, state| {
        let file = with_desk(state, |desk| {
            desk.export_citizen_data(&ctx(desk), citizen_id)
        })?;
        crate::viewer::open(std::path::Path::new(&file.path));
        Ok(file)
    })
    .await
}
