//! The leaders' reception days: plans, sessions, bookings, notices, briefing packs, conclusions.

use super::*;

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

/// The record of a session nobody came to, opened in the system viewer.
#[tauri::command]
pub async fn print_empty_session_minutes(
    app: AppHandle,
    input: tiepdan_core::desk::EmptySessionInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_empty_session_minutes(&ctx(desk), &input)
        })?;
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
