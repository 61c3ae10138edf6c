//! The front desk: citizens, visits, mail, drafts, receipts, search, refusals, scans.

use super::*;

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

/// Voids a visit recorded twice or in error, with the petitions received at it: kept and
/// marked, left out of every register, report, deadline and search.
#[tauri::command]
pub async fn void_visit(app: AppHandle, visit_id: i64, reason: String) -> Result<(), ErrorData> {
    on_worker(app, move |_app, state| {
        with_desk(state, |desk| desk.void_visit(&ctx(desk), visit_id, &reason))
    })
    .await
}
