//! Casework after acceptance: outcomes, tasks, dialogue, suspension, extension, mediation.

use super::*;

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

/// A complaint's decision or a denunciation's conclusion, from its `resolved` event and
/// the officer's texts; opened in the viewer.
#[tauri::command]
pub async fn print_resolution_document(
    app: AppHandle,
    input: tiepdan_core::desk::ResolutionDocumentInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_resolution_document(&ctx(desk), &input)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// The notice of a denunciation's result to the denouncer; opened in the viewer.
#[tauri::command]
pub async fn print_denunciation_result(
    app: AppHandle,
    event_id: i64,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_denunciation_result(&ctx(desk), event_id)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// The decision starting verification of an accepted complaint or denunciation; opened
/// in the viewer.
#[tauri::command]
pub async fn print_verification_decision(
    app: AppHandle,
    input: tiepdan_core::desk::VerificationInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_verification_decision(&ctx(desk), &input)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// Records a directive with its tasks; returns the open directives.
#[tauri::command]
pub async fn add_directive(
    app: AppHandle,
    input: tiepdan_core::desk::DirectiveInput,
) -> Result<Vec<tiepdan_core::desk::DirectiveView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.add_directive(&ctx(desk), &input)?;
            desk.directives(&ctx(desk), false)
        })
    })
    .await
}

/// The directives: open ones, or every one with `all`.
#[tauri::command]
pub async fn directives(
    app: AppHandle,
    all: bool,
) -> Result<Vec<tiepdan_core::desk::DirectiveView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.directives(&ctx(desk), all))
    })
    .await
}

/// Records a directive's task done; returns the open directives.
#[tauri::command]
pub async fn complete_directive_task(
    app: AppHandle,
    task_id: i64,
    on: String,
    result: String,
) -> Result<Vec<tiepdan_core::desk::DirectiveView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.complete_directive_task(&ctx(desk), task_id, &on, &result)?;
            desk.directives(&ctx(desk), false)
        })
    })
    .await
}

/// Voids a directive entered by mistake; returns the open directives.
#[tauri::command]
pub async fn void_directive(
    app: AppHandle,
    id: i64,
    reason: String,
) -> Result<Vec<tiepdan_core::desk::DirectiveView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.void_directive(&ctx(desk), id, &reason)?;
            desk.directives(&ctx(desk), false)
        })
    })
    .await
}

/// Records a denouncer's request for protection; returns the petition's requests.
#[tauri::command]
pub async fn request_protection(
    app: AppHandle,
    input: tiepdan_core::desk::ProtectionRequestInput,
) -> Result<Vec<tiepdan_core::desk::ProtectionView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.request_protection(&ctx(desk), &input)?;
            desk.protections(input.petition_id)
        })
    })
    .await
}

/// The protection requests of a denunciation.
#[tauri::command]
pub async fn protections(
    app: AppHandle,
    petition_id: i64,
) -> Result<Vec<tiepdan_core::desk::ProtectionView>, ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.protections(petition_id))
    })
    .await
}

/// The chair's answer to a request for protection; opened in the viewer.
#[tauri::command]
pub async fn decide_protection(
    app: AppHandle,
    input: tiepdan_core::desk::ProtectionDecisionInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| desk.decide_protection(&ctx(desk), &input))?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// The record of a working session during verification; opened in the viewer.
#[tauri::command]
pub async fn print_work_minutes(
    app: AppHandle,
    input: tiepdan_core::desk::WorkMinutesInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| desk.print_work_minutes(&ctx(desk), &input))?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
    })
    .await
}

/// The verifier's report to the chair; opened in the viewer.
#[tauri::command]
pub async fn print_verification_report(
    app: AppHandle,
    input: tiepdan_core::desk::VerificationReportInput,
) -> Result<PrintedDocument, ErrorData> {
    on_worker(app, move |_app, state| {
        let document = with_desk(state, |desk| {
            desk.print_verification_report(&ctx(desk), &input)
        })?;
        let opened = crate::viewer::open(std::path::Path::new(&document.path));
        Ok(PrintedDocument { document, opened })
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

/// Voids the latest outcome of a petition, recorded on the wrong one or twice: kept whole
/// with its reason, forgotten by the deadlines and the reports.
#[tauri::command]
pub async fn void_outcome(app: AppHandle, event_id: i64, reason: String) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| {
            desk.void_outcome(&ctx(desk), event_id, &reason)
        })
    })
    .await
}
