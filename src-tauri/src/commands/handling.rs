//! Handling a petition: its view, the decision and its documents, deadlines, assignment, the watch list.

use super::*;

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
