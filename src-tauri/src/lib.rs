//! The TiếpDân window: a thin Tauri v2 shell. Each command is one call into the core's
//! `Desk`; errors cross to the UI as `ErrorData` (code + Vietnamese message + fields).
//! This crate holds no rule and no SQL.

mod commands;
mod viewer;

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::Manager;
use tiepdan::{Desk, ErrorData, datadir};

/// The open data, or why it could not be opened (shown by the UI with the way out).
pub struct AppState {
    pub desk: Mutex<Result<Desk, ErrorData>>,
    pub data_dir: PathBuf,
}

/// `--data DIR` or `--data=DIR` from the command line.
fn data_option(args: &[String]) -> Option<PathBuf> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--data" {
            return it.next().map(PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--data=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let env = std::env::var_os(datadir::ENV_VAR).map(PathBuf::from);
    let data_dir = datadir::resolve(data_option(&args), env, datadir::program_dir().as_deref());
    let now = chrono::Local::now().naive_local();
    let desk = Desk::open(&data_dir, now).map_err(|e| e.to_data());
    let title = match &desk {
        Ok(d) => d
            .office()
            .ok()
            .flatten()
            .map(|o| commands::window_title(&o.name)),
        Err(_) => None,
    };
    let state = AppState {
        desk: Mutex::new(desk),
        data_dir,
    };
    tauri::Builder::default()
        .manage(state)
        .setup(move |app| {
            if let (Some(title), Some(window)) = (title, app.get_webview_window("main")) {
                window.set_title(&title)?;
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::save_office,
            commands::backup_now,
            commands::about_info,
            commands::find_citizens,
            commands::record_visit,
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
            commands::export_interchange,
            commands::merge_citizens,
            commands::petition_view,
            commands::handle_petition,
            commands::record_outcome,
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
            commands::submit_report,
            commands::report_changes,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime starts");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_option_accepts_both_spellings() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(data_option(&a(&["app", "--data", "/x"])), Some("/x".into()));
        assert_eq!(data_option(&a(&["app", "--data=/y"])), Some("/y".into()));
        assert_eq!(data_option(&a(&["app"])), None);
    }
}
