//! The TiếpDân window: a thin Tauri v2 shell. Each command is one call into the core's
//! `Desk`; errors cross to the UI as `ErrorData` (code + Vietnamese message + fields).
//! This crate holds no rule and no SQL.

mod commands;
mod startup;
mod viewer;
mod webview;

use std::path::PathBuf;
use std::sync::Mutex;

use tiepdan_core::{Desk, datadir, edge};

/// The open data once an officer has signed in (the key comes from their password).
pub struct AppState {
    pub desk: Mutex<Option<Desk>>,
    pub data_dir: PathBuf,
    /// The screen locks after this many seconds without a key or a click.
    pub idle_lock_seconds: u32,
    /// Set by `cancel_work`: the long work in progress stops at its next step.
    pub cancel: std::sync::atomic::AtomicBool,
    /// Wrong passwords in a row at the sign-in screen.
    pub throttle: Mutex<tiepdan_core::desk::Throttle>,
}

pub fn run() {
    webview::before_start();
    let args: Vec<String> = std::env::args().collect();
    let env = std::env::var_os(datadir::ENV_VAR).map(PathBuf::from);
    let data_dir = datadir::resolve(
        edge::data_option(&args),
        env,
        datadir::program_dir().as_deref(),
    );
    let throttle = tiepdan_core::desk::Throttle::load(&data_dir);
    let state = AppState {
        desk: Mutex::new(None),
        data_dir,
        idle_lock_seconds: edge::idle_lock_seconds(&args),
        throttle: Mutex::new(throttle),
        cancel: std::sync::atomic::AtomicBool::new(false),
    };
    // A recovery key sheet left by a first run that never moved on (a crash, a power cut)
    // does not outlive it.
    commands::remove_recovery_key_sheet();
    // Copies opened to read or print that a crash left behind go too; this window's own go
    // when it closes.
    let view = datadir::DataDir::new(&state.data_dir);
    view.clear_stale_views();
    startup::require_webview();
    let app = tauri::Builder::default()
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::access_state,
            commands::setup_admin,
            commands::sign_in,
            commands::lock_session,
            commands::accounts,
            commands::add_account,
            commands::set_password,
            commands::set_account_active,
            commands::change_own_password,
            commands::reveal_status,
            commands::request_reveal,
            commands::pending_reveals,
            commands::decide_reveal,
            commands::reveal_denouncers,
            commands::app_status,
            commands::save_office,
            commands::backup_now,
            commands::daily_backup,
            commands::backup_reminder,
            commands::about_info,
            commands::integrity_status,
            commands::find_citizens,
            commands::record_visit,
            commands::void_visit,
            commands::save_draft,
            commands::load_draft,
            commands::discard_draft,
            commands::visit_record,
            commands::print_visit_document,
            commands::search,
            commands::reception_register,
            commands::petition_register,
            commands::export_register,
            commands::export_register_pdf,
            commands::import_interchange,
            commands::legacy_preview,
            commands::legacy_import,
            commands::cancel_work,
            commands::export_interchange,
            commands::merge_citizens,
            commands::petition_view,
            commands::handle_petition,
            commands::record_outcome,
            commands::void_outcome,
            commands::outcomes,
            commands::plans,
            commands::add_plan,
            commands::end_plan,
            commands::schedule,
            commands::add_session,
            commands::cancel_session,
            commands::book,
            commands::bookings,
            commands::print_booking_slip,
            commands::set_shift_policy,
            commands::export_schedule_ics,
            commands::export_briefing_pack,
            commands::export_schedule_notice,
            commands::conclude_session,
            commands::print_empty_session_minutes,
            commands::assignments_of,
            commands::complete_assignment,
            commands::print_dialogue_minutes,
            commands::add_task,
            commands::complete_task,
            commands::tasks_of,
            commands::attach,
            commands::attachments_of,
            commands::open_attachment,
            commands::watch_case,
            commands::end_watch,
            commands::watch_list,
            commands::work_stats,
            commands::print_dialogue_invitation,
            commands::print_resolution_stop,
            commands::print_extension,
            commands::print_resolution_document,
            commands::print_denunciation_result,
            commands::print_verification_decision,
            commands::add_directive,
            commands::directives,
            commands::complete_directive_task,
            commands::void_directive,
            commands::request_protection,
            commands::protections,
            commands::decide_protection,
            commands::print_work_minutes,
            commands::print_verification_report,
            commands::assign_leader,
            commands::record_mediation,
            commands::mediations_of,
            commands::correct_citizen,
            commands::export_citizen_data,
            commands::agencies,
            commands::add_agency,
            commands::print_decision,
            commands::due,
            commands::petition_deadlines,
            commands::set_several_contents,
            commands::rule_files,
            commands::check_rule_file,
            commands::save_rule_file,
            commands::reset_rule_file,
            commands::calendar_days,
            commands::next_working_day,
            commands::update_officer,
            commands::audit_trail,
            commands::identity_key_status,
            commands::receive_mail,
            commands::identity_recovery_code,
            commands::grant_identity_key,
            commands::cancel_booking,
            commands::add_citizen,
            commands::other_disks,
            commands::backup_to_other_disk,
            commands::backup_files,
            commands::restore_backup,
            commands::citizen_history,
            commands::print_recovery_key,
            commands::discard_recovery_key_sheet,
            commands::update_petition_facts,
            commands::set_office_day,
            commands::remove_office_day,
            commands::print_acceptance_proposal,
            commands::refuse_reception,
            commands::officers,
            commands::add_officer,
            commands::assign_case,
            commands::report,
            commands::report_records,
            commands::export_report,
            commands::export_report_pdf,
            commands::export_written_report,
            commands::trend,
            commands::hot_spots,
            commands::reminders,
            commands::mark_reminder_sent,
            commands::export_plan_report,
            commands::subfield_suggestions,
            commands::submit_report,
            commands::report_changes,
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(move |_, event| {
            if let tauri::RunEvent::Exit = event {
                view.clear_view();
            }
        }),
        Err(e) => startup::failed(&e.to_string()),
    }
}
