//! Signing in, accounts, officers, the denouncer key and reveals, the audit trail, citizens' rights.

use super::*;

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
                // The whole file is read after the window is up, not before it opens.
                desk.check_integrity_in_background();
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
