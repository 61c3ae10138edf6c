//! The IPC commands: one call into the core each, errors returned as data.

use tauri::{AppHandle, Manager, State};
use tiepdan_core::about::AboutInfo;
use tiepdan_core::desk::{
    AccessState, AccessView, AccountInput, AccountView, SetupDone, SignedInView,
};
use tiepdan_core::desk::{
    AppStatus, CalendarDayRow, Citizen, CitizenMatch, Draft, DueSummary, ExportOptions,
    HandleInput, ImportError, ImportSummary, OfficeDayInput, PetitionDeadlines, PetitionRow,
    PetitionView, PrintOptions, PrintedDocument, ReceptionRow, RecordedVisit, Register,
    RegisterFile, RegisterFilter, RuleFileInfo, RulesChanged, SearchHit, VisitForm, VisitRecord,
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

/// Runs `f` on the open desk with someone signed in; otherwise "đăng nhập lại".
fn with_desk<T>(
    state: &State<'_, AppState>,
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
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Desk) -> tiepdan_core::Result<T>,
) -> Result<T, ErrorData> {
    let mut guard = lock_desk(state)?;
    match guard.as_mut() {
        Some(desk) => f(desk).map_err(|e| e.to_data()),
        None => Err(tiepdan_core::Error::SignedOut.to_data()),
    }
}

fn lock_desk<'a>(
    state: &'a State<'_, AppState>,
) -> Result<std::sync::MutexGuard<'a, Option<Desk>>, ErrorData> {
    state
        .desk
        .lock()
        .map_err(|_| internal("khóa dữ liệu bị hỏng sau một lỗi trước đó; hãy mở lại ứng dụng"))
}

/// What the first screen is: the first run's administrator form, or signing in; and who
/// is signed in now.
#[tauri::command]
pub fn access_state(state: State<'_, AppState>) -> Result<AccessView, ErrorData> {
    let guard = lock_desk(&state)?;
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
}

/// The first run: creates the administrator and the encrypted store; returns the recovery
/// key to show once.
#[tauri::command]
pub fn setup_admin(
    app: AppHandle,
    state: State<'_, AppState>,
    input: AccountInput,
) -> Result<SetupDone, ErrorData> {
    let mut guard = lock_desk(&state)?;
    if guard.is_some() {
        return Err(
            tiepdan_core::Error::invalid("login", "Đã có tài khoản; hãy đăng nhập.").to_data(),
        );
    }
    let (desk, done) =
        Desk::setup(&state.data_dir, &input, tiepdan_core::edge::now()).map_err(|e| e.to_data())?;
    set_title(&app, &desk);
    *guard = Some(desk);
    Ok(done)
}

/// A citizen's visits, cases and petitions (never a denunciation's), for the search box.
#[tauri::command]
pub fn citizen_history(
    state: State<'_, AppState>,
    citizen_id: i64,
) -> Result<tiepdan_core::desk::CitizenHistory, ErrorData> {
    with_desk(&state, |desk| desk.citizen_history(citizen_id))
}

/// Where the recovery key sheet waits for the printer: the system's temporary folder,
/// never the data directory (the key is stored nowhere by the app).
fn recovery_sheet_path() -> std::path::PathBuf {
    std::env::temp_dir().join("tiepdan-khoa-khoi-phuc.pdf")
}

/// The recovery key sheet as a PDF, opened in the system viewer to print; its path.
#[tauri::command]
pub fn print_recovery_key(state: State<'_, AppState>, key: String) -> Result<String, ErrorData> {
    with_desk(&state, |_| Ok(()))?;
    let pdf = tiepdan_core::print::recovery::render(
        &state.data_dir.display().to_string(),
        &key,
        tiepdan_core::edge::now(),
    );
    let path = recovery_sheet_path();
    tiepdan_core::desk::write_atomically(&path, &pdf).map_err(|e| e.to_data())?;
    crate::viewer::open(&path);
    Ok(path.display().to_string())
}

/// Deletes the printed recovery key sheet (the first run moves on).
#[tauri::command]
pub fn discard_recovery_key_sheet() -> Result<(), ErrorData> {
    let _ = std::fs::remove_file(recovery_sheet_path());
    Ok(())
}

/// Signs in (opening the store with the key the password unwraps), or unlocks the open
/// store after the idle lock.
#[tauri::command]
pub fn sign_in(
    app: AppHandle,
    state: State<'_, AppState>,
    login: String,
    password: String,
) -> Result<SignedInView, ErrorData> {
    let mut guard = lock_desk(&state)?;
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
        set_title(&app, desk);
    }
    Ok(SignedInView::from(&session))
}

/// Locks the session (idle, or "Khóa màn hình"): every command refuses until sign-in.
#[tauri::command]
pub fn lock_session(state: State<'_, AppState>) -> Result<(), ErrorData> {
    if let Some(desk) = lock_desk(&state)?.as_mut() {
        desk.lock();
    }
    Ok(())
}

#[tauri::command]
pub fn accounts(state: State<'_, AppState>) -> Result<Vec<AccountView>, ErrorData> {
    with_desk(&state, |desk| desk.accounts())
}

#[tauri::command]
pub fn add_account(
    state: State<'_, AppState>,
    input: AccountInput,
) -> Result<AccountView, ErrorData> {
    with_desk(&state, |desk| desk.add_account(&ctx(desk), &input))
}

#[tauri::command]
pub fn set_password(
    state: State<'_, AppState>,
    login: String,
    password: String,
    password_again: String,
) -> Result<(), ErrorData> {
    with_desk(&state, |desk| {
        desk.set_password(&ctx(desk), &login, &password, &password_again)
    })
}

/// The signed-in officer's own new password (the current one asked again).
#[tauri::command]
pub fn change_own_password(
    state: State<'_, AppState>,
    current: String,
    password: String,
    password_again: String,
) -> Result<(), ErrorData> {
    with_desk(&state, |desk| {
        desk.change_own_password(&ctx(desk), &current, &password, &password_again)
    })
}

#[tauri::command]
pub fn set_account_active(
    state: State<'_, AppState>,
    login: String,
    active: bool,
) -> Result<Vec<AccountView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.set_account_active(&ctx(desk), &login, active)?;
        desk.accounts()
    })
}

#[tauri::command]
pub fn reveal_status(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<RevealStatus, ErrorData> {
    with_desk(&state, |desk| desk.reveal_status(&ctx(desk), petition_id))
}

#[tauri::command]
pub fn request_reveal(
    state: State<'_, AppState>,
    petition_id: i64,
    reason: String,
) -> Result<RevealRequest, ErrorData> {
    with_desk(&state, |desk| {
        desk.request_reveal(&ctx(desk), petition_id, &reason)
    })
}

#[tauri::command]
pub fn pending_reveals(state: State<'_, AppState>) -> Result<Vec<RevealRequest>, ErrorData> {
    with_desk(&state, |desk| desk.pending_reveals(&ctx(desk)))
}

#[tauri::command]
pub fn decide_reveal(
    state: State<'_, AppState>,
    request_id: i64,
    approve: bool,
    note: String,
) -> Result<RevealRequest, ErrorData> {
    with_desk(&state, |desk| {
        desk.decide_reveal(&ctx(desk), request_id, approve, &note)
    })
}

#[tauri::command]
pub fn reveal_denouncers(
    state: State<'_, AppState>,
    petition_id: i64,
    reason: String,
) -> Result<RevealedIdentity, ErrorData> {
    with_desk(&state, |desk| {
        desk.reveal_denouncers(&ctx(desk), petition_id, &reason)
    })
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
        desk.save_office(&ctx(desk), &input)?;
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
    with_desk(&state, |desk| desk.record_visit(&ctx(desk), &input))
}

#[tauri::command]
pub fn save_draft(
    state: State<'_, AppState>,
    form: String,
    content: serde_json::Value,
) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.save_draft(&ctx(desk), &form, &content))
}

#[tauri::command]
pub fn load_draft(state: State<'_, AppState>, form: String) -> Result<Option<Draft>, ErrorData> {
    with_desk(&state, |desk| desk.draft(&ctx(desk), &form))
}

#[tauri::command]
pub fn discard_draft(state: State<'_, AppState>, form: String) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.discard_draft(&ctx(desk), &form))
}

#[tauri::command]
pub fn about_info(state: State<'_, AppState>) -> Result<AboutInfo, ErrorData> {
    with_desk(&state, |desk| desk.about())
}

#[tauri::command]
pub fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo, ErrorData> {
    with_desk(&state, |desk| desk.backup_now(&ctx(desk), None))
}

/// The audit trail, filtered, with the chain checked (leaders and the administrator).
#[tauri::command]
pub fn audit_trail(
    state: State<'_, AppState>,
    filter: tiepdan_core::desk::AuditFilter,
) -> Result<tiepdan_core::desk::AuditTrail, ErrorData> {
    with_desk(&state, |desk| desk.audit_trail(&ctx(desk), &filter))
}

/// Records petitions that did not come in person (post, letter box, forwarded, online).
#[tauri::command]
pub fn receive_mail(
    state: State<'_, AppState>,
    input: tiepdan_core::domain::mail::MailInput,
) -> Result<tiepdan_core::desk::ReceivedMail, ErrorData> {
    with_desk(&state, |desk| desk.receive_mail(&ctx(desk), &input))
}

/// Where the denouncer key stands: who holds it, who waits for it, whether its recovery
/// code was written down.
#[tauri::command]
pub fn identity_key_status(
    state: State<'_, AppState>,
) -> Result<tiepdan_core::desk::IdentityKeyStatus, ErrorData> {
    with_desk(&state, |desk| desk.identity_key_status(&ctx(desk)))
}

/// The denouncer key's recovery code, for a handler or leader holding it (audited).
#[tauri::command]
pub fn identity_recovery_code(state: State<'_, AppState>) -> Result<String, ErrorData> {
    with_desk(&state, |desk| desk.identity_recovery_code(&ctx(desk)))
}

/// The administrator grants the denouncer key to a handler or leader with the recovery
/// code (audited).
#[tauri::command]
pub fn grant_identity_key(
    state: State<'_, AppState>,
    login: String,
    code: String,
) -> Result<tiepdan_core::desk::IdentityKeyStatus, ErrorData> {
    with_desk(&state, |desk| {
        let c = ctx(desk);
        desk.grant_identity_key(&c, &login, &code)?;
        desk.identity_key_status(&c)
    })
}

/// Registers a citizen who is not yet on the register (a first-time caller booked into a
/// reception day); the same identity number twice is refused with the existing name.
#[tauri::command]
pub fn add_citizen(
    state: State<'_, AppState>,
    input: tiepdan_core::domain::citizen::CitizenInput,
) -> Result<tiepdan_core::desk::Citizen, ErrorData> {
    with_desk(&state, |desk| desk.add_citizen(&ctx(desk), &input))
}

/// Cancels a booking, with a reason.
#[tauri::command]
pub fn cancel_booking(
    state: State<'_, AppState>,
    booking_id: i64,
    reason: String,
) -> Result<(), ErrorData> {
    with_desk(&state, |desk| {
        desk.cancel_booking(&ctx(desk), booking_id, &reason)
    })
}

/// Other disks a backup could go to (USB sticks, other drives).
#[tauri::command]
pub fn other_disks() -> Vec<String> {
    tiepdan_core::datadir::other_disks()
        .into_iter()
        .map(|p| p.display().to_string())
        .collect()
}

/// A verified backup into `TiepDan-saoluu` on another disk.
#[tauri::command]
pub fn backup_to_other_disk(
    state: State<'_, AppState>,
    target: String,
) -> Result<BackupInfo, ErrorData> {
    with_desk(&state, |desk| {
        desk.backup_to_other_disk(&ctx(desk), std::path::Path::new(target.trim()))
    })
}

/// The backups in the data directory, or in a folder (and its `TiepDan-saoluu`).
#[tauri::command]
pub fn backup_files(
    state: State<'_, AppState>,
    dir: Option<String>,
) -> Result<Vec<tiepdan_core::desk::BackupFile>, ErrorData> {
    with_desk(&state, |desk| {
        let dir = dir.as_deref().map(str::trim).filter(|d| !d.is_empty());
        desk.backup_files(&ctx(desk), dir.map(std::path::Path::new))
    })
}

/// Replaces the data with a backup (administrators); returns the safety backup of the data
/// replaced.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, file: String) -> Result<BackupInfo, ErrorData> {
    with_desk(&state, |desk| {
        desk.restore(&ctx(desk), std::path::Path::new(&file))
    })
}

#[tauri::command]
pub fn visit_record(state: State<'_, AppState>, visit_id: i64) -> Result<VisitRecord, ErrorData> {
    with_desk(&state, |desk| desk.visit_for_lists(visit_id))
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
        desk.print_visit_document(&ctx(desk), visit_id, form, &options)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

#[tauri::command]
pub fn search(state: State<'_, AppState>, query: String) -> Result<Vec<SearchHit>, ErrorData> {
    with_desk(&state, |desk| desk.search(&query, 30))
}

#[tauri::command]
pub fn reception_register(
    state: State<'_, AppState>,
    filter: RegisterFilter,
) -> Result<Vec<ReceptionRow>, ErrorData> {
    with_desk(&state, |desk| desk.reception_register(&filter))
}

#[tauri::command]
pub fn petition_register(
    state: State<'_, AppState>,
    filter: RegisterFilter,
) -> Result<Vec<PetitionRow>, ErrorData> {
    with_desk(&state, |desk| {
        desk.petition_register(&filter, tiepdan_core::edge::now().date())
    })
}

/// Writes the register as Excel and opens it.
#[tauri::command]
pub fn export_register(
    state: State<'_, AppState>,
    register: Register,
    filter: RegisterFilter,
) -> Result<RegisterFile, ErrorData> {
    let file = with_desk(&state, |desk| {
        desk.export_register(register, &filter, tiepdan_core::edge::now())
    })?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}

/// Imports an interchange file's text: all or nothing; the errors listed by line.
#[tauri::command]
pub fn import_interchange(
    state: State<'_, AppState>,
    text: String,
) -> Result<ImportSummary, ErrorData> {
    let mut failure = None;
    let summary = with_desk(&state, |desk| match desk.import(&ctx(desk), &text) {
        Ok(s) => Ok(Some(s)),
        Err(ImportError::Failed(e)) => Err(e),
        Err(ImportError::Invalid(lines)) => {
            failure = Some(ErrorData {
                code: "invalid_file".into(),
                message_vi: format!(
                    "Tệp có {} lỗi nên không nhập gì; dữ liệu giữ nguyên. Hãy sửa rồi nhập lại.",
                    lines.len()
                ),
                fields: lines
                    .into_iter()
                    .map(|l| FieldError {
                        field: format!("line.{}", l.line),
                        message_vi: l.message_vi,
                    })
                    .collect(),
            });
            Ok(None)
        }
    })?;
    match (summary, failure) {
        (Some(s), _) => Ok(s),
        (None, Some(f)) => Err(f),
        (None, None) => Err(internal("nhập tệp không trả về kết quả")),
    }
}

/// Writes the whole data as an interchange file in the exports folder.
#[tauri::command]
pub fn export_interchange(
    state: State<'_, AppState>,
    redact: bool,
    reason: String,
) -> Result<RegisterFile, ErrorData> {
    with_desk(&state, |desk| {
        desk.export_file(
            &ctx(desk),
            &ExportOptions {
                redact,
                today: None,
            },
            &reason,
        )
    })
}

/// Merges two records of the same person (explicit, with a reason, audited).
#[tauri::command]
pub fn merge_citizens(
    state: State<'_, AppState>,
    kept: i64,
    merged: i64,
    reason: String,
) -> Result<Citizen, ErrorData> {
    with_desk(&state, |desk| {
        desk.merge_citizens(&ctx(desk), kept, merged, &reason)
    })
}

#[tauri::command]
pub fn petition_view(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<PetitionView, ErrorData> {
    with_desk(&state, |desk| {
        desk.petition_view(petition_id, tiepdan_core::edge::now().date())
    })
}

/// Records the officer's handling decision; returns the petition as it now stands.
#[tauri::command]
pub fn handle_petition(
    state: State<'_, AppState>,
    input: HandleInput,
) -> Result<PetitionView, ErrorData> {
    with_desk(&state, |desk| {
        desk.handle_petition(&ctx(desk), &input)?;
        desk.petition_view(input.petition_id, tiepdan_core::edge::now().date())
    })
}

/// Records a resolution, its carrying out, a withdrawal or a termination on a petition;
/// returns the petition's outcomes as they now stand.
#[tauri::command]
pub fn record_outcome(
    state: State<'_, AppState>,
    input: OutcomeInput,
) -> Result<Vec<OutcomeView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.record_outcome(&ctx(desk), &input)?;
        desk.outcomes(input.petition_id)
    })
}

/// The outcomes recorded on a petition.
#[tauri::command]
pub fn outcomes(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<Vec<OutcomeView>, ErrorData> {
    with_desk(&state, |desk| desk.outcomes(petition_id))
}

/// Sets who a petition is about, the complaint's instance and contested decision, an oral
/// denunciation; returns the petition anew (with the new proposal).
#[tauri::command]
pub fn update_petition_facts(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::PetitionFactsInput,
) -> Result<PetitionView, ErrorData> {
    with_desk(&state, |desk| {
        desk.update_petition_facts(&ctx(desk), &input)?;
        desk.petition_view(input.petition_id, tiepdan_core::edge::now().date())
    })
}

/// Marks a petition as raising several matters for several bodies; returns it anew.
#[tauri::command]
pub fn set_several_contents(
    state: State<'_, AppState>,
    petition_id: i64,
    several: bool,
) -> Result<PetitionView, ErrorData> {
    with_desk(&state, |desk| {
        desk.set_several_contents(&ctx(desk), petition_id, several)?;
        desk.petition_view(petition_id, tiepdan_core::edge::now().date())
    })
}

#[tauri::command]
pub fn agencies(state: State<'_, AppState>) -> Result<Vec<Agency>, ErrorData> {
    with_desk(&state, |desk| desk.agencies())
}

#[tauri::command]
pub fn add_agency(state: State<'_, AppState>, input: AgencyInput) -> Result<Agency, ErrorData> {
    with_desk(&state, |desk| desk.add_agency(&ctx(desk), &input))
}

/// Prints the document of the petition's latest decision and opens it.
#[tauri::command]
pub fn print_decision(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| desk.print_decision(&ctx(desk), petition_id))?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// Overdue and soon-due deadlines for the dashboard.
#[tauri::command]
pub fn due(state: State<'_, AppState>) -> Result<DueSummary, ErrorData> {
    with_desk(&state, |desk| {
        desk.due(tiepdan_core::edge::now().date(), 50)
    })
}

/// A petition's deadlines with their explanations, as of today.
#[tauri::command]
pub fn petition_deadlines(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<PetitionDeadlines, ErrorData> {
    with_desk(&state, |desk| {
        desk.deadlines(petition_id, tiepdan_core::edge::now().date())
    })
}

#[tauri::command]
pub fn rule_files(state: State<'_, AppState>) -> Result<Vec<RuleFileInfo>, ErrorData> {
    with_desk(&state, |desk| Ok(desk.rule_files()))
}

#[tauri::command]
pub fn check_rule_file(
    state: State<'_, AppState>,
    file: RuleFile,
    text: String,
) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.check_rule_file(file, &text))
}

#[tauri::command]
pub fn save_rule_file(
    state: State<'_, AppState>,
    file: RuleFile,
    text: String,
) -> Result<RulesChanged, ErrorData> {
    with_desk(&state, |desk| desk.save_rule_file(&ctx(desk), file, &text))
}

#[tauri::command]
pub fn reset_rule_file(
    state: State<'_, AppState>,
    file: RuleFile,
) -> Result<RulesChanged, ErrorData> {
    with_desk(&state, |desk| desk.reset_rule_file(&ctx(desk), file))
}

#[tauri::command]
pub fn calendar_days(
    state: State<'_, AppState>,
    year: i32,
) -> Result<Vec<CalendarDayRow>, ErrorData> {
    with_desk(&state, |desk| desk.calendar_days(year))
}

/// The first working day after `after` (`YYYY-MM-DD`), as `YYYY-MM-DD`.
#[tauri::command]
pub fn next_working_day(state: State<'_, AppState>, after: String) -> Result<String, ErrorData> {
    with_desk(&state, |desk| {
        let day = chrono::NaiveDate::parse_from_str(&after, "%Y-%m-%d")
            .map_err(|_| tiepdan_core::Error::invalid("after", "Ngày không hợp lệ."))?;
        Ok(desk.next_working_day(day)?.to_string())
    })
}

#[tauri::command]
pub fn set_office_day(
    state: State<'_, AppState>,
    input: OfficeDayInput,
) -> Result<RulesChanged, ErrorData> {
    with_desk(&state, |desk| desk.set_office_day(&ctx(desk), &input))
}

#[tauri::command]
pub fn remove_office_day(
    state: State<'_, AppState>,
    date: String,
) -> Result<RulesChanged, ErrorData> {
    with_desk(&state, |desk| desk.remove_office_day(&ctx(desk), &date))
}

/// Phiếu đề xuất thụ lý of a complaint or denunciation, opened in the system viewer.
#[tauri::command]
pub fn print_acceptance_proposal(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| {
        desk.print_acceptance_proposal(&ctx(desk), petition_id)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// Thông báo từ chối tiếp công dân for a recorded visit, opened in the system viewer.
#[tauri::command]
pub fn refuse_reception(
    state: State<'_, AppState>,
    visit_id: i64,
    input: RefusalInput,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| {
        desk.refuse_reception(&ctx(desk), visit_id, &input)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

#[tauri::command]
pub fn officers(state: State<'_, AppState>) -> Result<Vec<Officer>, ErrorData> {
    with_desk(&state, |desk| desk.officers())
}

#[tauri::command]
pub fn add_officer(state: State<'_, AppState>, input: OfficerInput) -> Result<Officer, ErrorData> {
    with_desk(&state, |desk| desk.add_officer(&ctx(desk), &input))
}

/// Corrects an officer's name or title, or records their leaving (administrators).
#[tauri::command]
pub fn update_officer(
    state: State<'_, AppState>,
    input: tiepdan_core::domain::officer::OfficerEdit,
) -> Result<Officer, ErrorData> {
    with_desk(&state, |desk| desk.update_officer(&ctx(desk), &input))
}

/// Makes an officer (or nobody) responsible for the petition's case.
#[tauri::command]
pub fn assign_case(
    state: State<'_, AppState>,
    petition_id: i64,
    officer_id: Option<i64>,
) -> Result<PetitionView, ErrorData> {
    with_desk(&state, |desk| {
        desk.assign_case(&ctx(desk), petition_id, officer_id)?;
        desk.petition_view(petition_id, tiepdan_core::edge::now().date())
    })
}

fn period_of(input: &PeriodInput) -> Result<Period, ErrorData> {
    Period::from_input(input).map_err(|e| tiepdan_core::Error::Invalid(vec![e]).to_data())
}

/// A statistical report for a period, computed now.
#[tauri::command]
pub fn report(
    state: State<'_, AppState>,
    template: Template,
    period: PeriodInput,
) -> Result<ReportView, ErrorData> {
    let period = period_of(&period)?;
    with_desk(&state, |desk| desk.report(template, period))
}

/// The records behind one number of a report.
#[tauri::command]
pub fn report_records(
    state: State<'_, AppState>,
    template: Template,
    period: PeriodInput,
    ms: u16,
) -> Result<Vec<ReportRecord>, ErrorData> {
    let period = period_of(&period)?;
    with_desk(&state, |desk| desk.report_records(template, period, ms))
}

/// A report as Excel under `<data>/exports/`, opened in the system's viewer.
#[tauri::command]
pub fn export_report(
    state: State<'_, AppState>,
    template: Template,
    period: PeriodInput,
) -> Result<RegisterFile, ErrorData> {
    let period = period_of(&period)?;
    let file = with_desk(&state, |desk| {
        desk.export_report_xlsx(template, period, tiepdan_core::edge::now())
    })?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}

/// Saves a report, computed now, as submitted (frozen).
#[tauri::command]
pub fn submit_report(
    state: State<'_, AppState>,
    template: Template,
    period: PeriodInput,
    note: String,
) -> Result<SubmittedReport, ErrorData> {
    let period = period_of(&period)?;
    with_desk(&state, |desk| {
        desk.submit_report(&ctx(desk), template, period, &note)
    })
}

/// The latest submission of the period and what changed since, if it was submitted.
#[tauri::command]
pub fn report_changes(
    state: State<'_, AppState>,
    template: Template,
    period: PeriodInput,
) -> Result<Option<ReportChanges>, ErrorData> {
    let period = period_of(&period)?;
    with_desk(&state, |desk| desk.report_changes(template, period))
}

/// A report as PDF under `<data>/exports/`, opened in the system's viewer.
#[tauri::command]
pub fn export_report_pdf(
    state: State<'_, AppState>,
    template: Template,
    period: PeriodInput,
) -> Result<RegisterFile, ErrorData> {
    let period = period_of(&period)?;
    let file = with_desk(&state, |desk| {
        desk.export_report_pdf(template, period, tiepdan_core::edge::now())
    })?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}

/// Writes the written report (báo cáo bằng văn bản) for a period as a .docx draft and
/// opens it in the word processor.
#[tauri::command]
pub fn export_written_report(
    state: State<'_, AppState>,
    period: PeriodInput,
) -> Result<RegisterFile, ErrorData> {
    let period = period_of(&period)?;
    let file = with_desk(&state, |desk| {
        desk.export_written_report(period, tiepdan_core::edge::now())
    })?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}

/// Petitions received in each of the last twelve months, by field, for the dashboard.
#[tauri::command]
pub fn trend(state: State<'_, AppState>) -> Result<tiepdan_core::desk::Trend, ErrorData> {
    with_desk(&state, |desk| {
        desk.trend(tiepdan_core::edge::now().date(), 12)
    })
}

/// Writes the register as PDF and opens it.
#[tauri::command]
pub fn export_register_pdf(
    state: State<'_, AppState>,
    register: Register,
    filter: RegisterFilter,
) -> Result<RegisterFile, ErrorData> {
    let file = with_desk(&state, |desk| {
        desk.export_register_pdf(register, &filter, tiepdan_core::edge::now())
    })?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
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
pub fn plans(state: State<'_, AppState>) -> Result<Vec<PlanView>, ErrorData> {
    with_desk(&state, |desk| desk.plans())
}

/// Adds a plan; returns every plan.
#[tauri::command]
pub fn add_plan(state: State<'_, AppState>, input: PlanInput) -> Result<Vec<PlanView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.add_plan(&ctx(desk), &input)?;
        desk.plans()
    })
}

/// Ends a plan after a day; returns every plan.
#[tauri::command]
pub fn end_plan(
    state: State<'_, AppState>,
    plan_id: i64,
    to: String,
) -> Result<Vec<PlanView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.end_plan(&ctx(desk), plan_id, &to)?;
        desk.plans()
    })
}

/// The sessions of a date range, with their bookings and the schedule's shortfalls.
#[tauri::command]
pub fn schedule(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<ScheduleView, ErrorData> {
    let (from, to) = (date_of("from", &from)?, date_of("to", &to)?);
    with_desk(&state, |desk| desk.schedule(from, to))
}

/// Adds a one-off or ad hoc session.
#[tauri::command]
pub fn add_session(state: State<'_, AppState>, input: SessionInput) -> Result<i64, ErrorData> {
    with_desk(&state, |desk| desk.add_session(&ctx(desk), &input))
}

/// Cancels a session with a reason.
#[tauri::command]
pub fn cancel_session(
    state: State<'_, AppState>,
    key: SessionKey,
    reason: String,
) -> Result<i64, ErrorData> {
    with_desk(&state, |desk| {
        desk.cancel_session(&ctx(desk), &key, &reason)
    })
}

/// Books a citizen into a session.
#[tauri::command]
pub fn book(state: State<'_, AppState>, input: BookingInput) -> Result<BookingView, ErrorData> {
    with_desk(&state, |desk| desk.book(&ctx(desk), &input))
}

/// The citizens booked into a session.
#[tauri::command]
pub fn bookings(
    state: State<'_, AppState>,
    session_id: i64,
) -> Result<Vec<BookingView>, ErrorData> {
    with_desk(&state, |desk| desk.bookings(session_id))
}

/// The appointment slip of a booking, opened in the system viewer.
#[tauri::command]
pub fn print_booking_slip(
    state: State<'_, AppState>,
    booking_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| {
        desk.print_booking_slip(&ctx(desk), booking_id)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// Sets what happens to a planned day that is not a working day.
#[tauri::command]
pub fn set_shift_policy(state: State<'_, AppState>, policy: ShiftPolicy) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.set_shift_policy(&ctx(desk), policy))
}

/// Writes the sessions of a range (of one host, or all) as an .ics file under exports.
#[tauri::command]
pub fn export_schedule_ics(
    state: State<'_, AppState>,
    from: String,
    to: String,
    host: Option<Host>,
) -> Result<RegisterFile, ErrorData> {
    let (from, to) = (date_of("from", &from)?, date_of("to", &to)?);
    with_desk(&state, |desk| {
        desk.export_schedule_ics(from, to, host, tiepdan_core::edge::now())
    })
}

/// The host's briefing pack for a session, opened in the system viewer.
#[tauri::command]
pub fn export_briefing_pack(
    state: State<'_, AppState>,
    key: SessionKey,
) -> Result<RegisterFile, ErrorData> {
    let file = with_desk(&state, |desk| desk.export_briefing_pack(&ctx(desk), &key))?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}

/// The public notice of the schedule for a range, opened in the system viewer.
#[tauri::command]
pub fn export_schedule_notice(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<RegisterFile, ErrorData> {
    let (from, to) = (date_of("from", &from)?, date_of("to", &to)?);
    let file = with_desk(&state, |desk| {
        desk.export_schedule_notice(from, to, tiepdan_core::edge::now())
    })?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}

/// Records a session's conclusions and issues the notice, opened in the system viewer.
#[tauri::command]
pub fn conclude_session(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::ConclusionInput,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| desk.conclude_session(&ctx(desk), &input))?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// What was assigned at a session.
#[tauri::command]
pub fn assignments_of(
    state: State<'_, AppState>,
    session_id: i64,
) -> Result<Vec<tiepdan_core::desk::AssignmentView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.assignments_of(session_id, tiepdan_core::edge::now().date())
    })
}

/// Marks an assignment done.
#[tauri::command]
pub fn complete_assignment(
    state: State<'_, AppState>,
    id: i64,
    on: String,
) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.complete_assignment(&ctx(desk), id, &on))
}

/// Biên bản đối thoại of a recorded dialogue, opened in the system viewer.
#[tauri::command]
pub fn print_dialogue_minutes(
    state: State<'_, AppState>,
    event_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| {
        desk.print_dialogue_minutes(&ctx(desk), event_id)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// Adds a task to a petition's case; returns the petition's tasks.
#[tauri::command]
pub fn add_task(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::TaskInput,
) -> Result<Vec<tiepdan_core::desk::TaskView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.add_task(&ctx(desk), &input)?;
        desk.tasks_of(input.petition_id, tiepdan_core::edge::now().date())
    })
}

/// Marks a task done today.
#[tauri::command]
pub fn complete_task(state: State<'_, AppState>, id: i64, on: String) -> Result<(), ErrorData> {
    with_desk(&state, |desk| desk.complete_task(&ctx(desk), id, &on))
}

/// The tasks of a petition.
#[tauri::command]
pub fn tasks_of(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<Vec<tiepdan_core::desk::TaskView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.tasks_of(petition_id, tiepdan_core::edge::now().date())
    })
}

/// Attaches a file (scan or photo) to a visit, petition or case; returns its files.
#[tauri::command]
pub fn attach(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::AttachInput,
) -> Result<Vec<tiepdan_core::desk::AttachmentView>, ErrorData> {
    with_desk(&state, |desk| {
        let c = ctx(desk);
        desk.attach(&c, &input)?;
        desk.attachments_of(&c, input.owner, input.owner_id)
    })
}

/// The files attached to a record.
#[tauri::command]
pub fn attachments_of(
    state: State<'_, AppState>,
    owner: tiepdan_core::desk::AttachmentOwner,
    owner_id: i64,
) -> Result<Vec<tiepdan_core::desk::AttachmentView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.attachments_of(&ctx(desk), owner, owner_id)
    })
}

/// Writes an attached file out (checked against its hash) and opens it.
#[tauri::command]
pub fn open_attachment(state: State<'_, AppState>, id: i64) -> Result<RegisterFile, ErrorData> {
    let file = with_desk(&state, |desk| desk.export_attachment(&ctx(desk), id))?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}

/// Puts a petition's case on the watch list; returns the list.
#[tauri::command]
pub fn watch_case(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::WatchInput,
) -> Result<Vec<tiepdan_core::desk::WatchItem>, ErrorData> {
    with_desk(&state, |desk| {
        desk.watch_case(&ctx(desk), &input)?;
        desk.watch_list(tiepdan_core::edge::now().date())
    })
}

/// Takes a case off the watch list; returns the list.
#[tauri::command]
pub fn end_watch(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
) -> Result<Vec<tiepdan_core::desk::WatchItem>, ErrorData> {
    with_desk(&state, |desk| {
        desk.end_watch(&ctx(desk), id, &reason)?;
        desk.watch_list(tiepdan_core::edge::now().date())
    })
}

/// The chair's watch list.
#[tauri::command]
pub fn watch_list(
    state: State<'_, AppState>,
) -> Result<Vec<tiepdan_core::desk::WatchItem>, ErrorData> {
    with_desk(&state, |desk| {
        desk.watch_list(tiepdan_core::edge::now().date())
    })
}

/// Staff work for a period: by officer and by field.
#[tauri::command]
pub fn work_stats(
    state: State<'_, AppState>,
    period: PeriodInput,
) -> Result<tiepdan_core::desk::WorkStats, ErrorData> {
    let period = period_of(&period)?;
    with_desk(&state, |desk| {
        desk.work_stats(period, tiepdan_core::edge::now().date())
    })
}

/// Giấy mời đối thoại, opened in the system viewer.
#[tauri::command]
pub fn print_dialogue_invitation(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::InvitationInput,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| {
        desk.print_dialogue_invitation(&ctx(desk), &input)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// The decision suspending or ending a resolution, from its event; opened in the viewer.
#[tauri::command]
pub fn print_resolution_stop(
    state: State<'_, AppState>,
    event_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| {
        desk.print_resolution_stop(&ctx(desk), event_id)
    })?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// The decision extending a resolution, from its event; opened in the viewer.
#[tauri::command]
pub fn print_extension(
    state: State<'_, AppState>,
    event_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    let document = with_desk(&state, |desk| desk.print_extension(&ctx(desk), event_id))?;
    let opened = crate::viewer::open(std::path::Path::new(&document.path));
    Ok(PrintedDocument { document, opened })
}

/// Sets the leader responsible for a petition's case; returns the petition anew.
#[tauri::command]
pub fn assign_leader(
    state: State<'_, AppState>,
    petition_id: i64,
    officer_id: Option<i64>,
) -> Result<PetitionView, ErrorData> {
    with_desk(&state, |desk| {
        desk.assign_leader(&ctx(desk), petition_id, officer_id)?;
        desk.petition_view(petition_id, tiepdan_core::edge::now().date())
    })
}

/// Records a grassroots mediation; returns the petition's mediations.
#[tauri::command]
pub fn record_mediation(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::MediationInput,
) -> Result<Vec<tiepdan_core::desk::MediationView>, ErrorData> {
    with_desk(&state, |desk| {
        desk.record_mediation(&ctx(desk), &input)?;
        desk.mediations_of(input.petition_id)
    })
}

/// The mediations of a petition.
#[tauri::command]
pub fn mediations_of(
    state: State<'_, AppState>,
    petition_id: i64,
) -> Result<Vec<tiepdan_core::desk::MediationView>, ErrorData> {
    with_desk(&state, |desk| desk.mediations_of(petition_id))
}

/// Corrects a citizen's record with a reason; returns it as it now stands.
#[tauri::command]
pub fn correct_citizen(
    state: State<'_, AppState>,
    input: tiepdan_core::desk::CorrectionInput,
) -> Result<Citizen, ErrorData> {
    with_desk(&state, |desk| desk.correct_citizen(&ctx(desk), &input))
}

/// Everything the office holds about a citizen (without denunciations), as PDF, opened.
#[tauri::command]
pub fn export_citizen_data(
    state: State<'_, AppState>,
    citizen_id: i64,
) -> Result<RegisterFile, ErrorData> {
    let file = with_desk(&state, |desk| {
        desk.export_citizen_data(&ctx(desk), citizen_id)
    })?;
    crate::viewer::open(std::path::Path::new(&file.path));
    Ok(file)
}
