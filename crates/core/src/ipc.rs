//! The types that cross into the UI, and the TypeScript declarations generated from them
//! (`ui/src/lib/bindings.ts`). The file is never edited by hand: a test compares it with
//! what the Rust types say, and `UPDATE_BINDINGS=1 cargo test` rewrites it.

use ts_rs::TS;

use crate::about::{AboutInfo, CrateLicense, FontLicense};
use crate::desk::{
    AppStatus, CaseSummary, Citizen, CitizenMatch, Draft, HitKind, IssuedDocument, PrintOptions,
    PrintedDocument, RecordedVisit, SearchHit, VisitForm, VisitPerson, VisitPetition, VisitRecord,
};
use crate::desk::{AssignmentInput, AssignmentView, ConclusionInput, EmptySessionInput};
use crate::desk::{AttachInput, AttachmentOwner, AttachmentView};
use crate::desk::{BackupFile, CitizenHistory, HistoryPetition, HistoryVisit};
use crate::desk::{
    BookingInput, BookingView, PlanInput, PlanView, ScheduleView, SessionInput, SessionKey,
    SessionView,
};
use crate::desk::{CalendarDayRow, OfficeDayInput, RuleFileInfo, RulesChanged};
use crate::desk::{ChangedColumn, ReportChanges, SubmittedReport, Trend, TrendSeries};
use crate::desk::{ColumnView, ReportRecord, ReportView, SummaryBar};
use crate::desk::{CorrectionInput, InvitationInput, ResolutionDocumentInput, VerificationInput};
use crate::desk::{
    Counts, ImportSummary, PetitionRow, ReceptionRow, Register, RegisterFile, RegisterFilter,
};
use crate::desk::{
    DueItem, DueSummary, HandleInput, Handled, OfficerLoad, PetitionDeadlines, PetitionView,
};
use crate::desk::{FieldWork, OfficerWork, WorkCounts, WorkStats};
use crate::desk::{MediationInput, MediationOutcome, MediationView};
use crate::desk::{OutcomeInput, OutcomeKind, OutcomeView, PetitionFactsInput};
use crate::desk::{TaskInput, TaskKind, TaskView};
use crate::desk::{WatchInput, WatchItem, WatchKind};
use crate::domain::agency::{Agency, AgencyInput, AgencyRole};
use crate::domain::citizen::{CitizenInput, MatchKind};
use crate::domain::deadline::{Deadline, Status};
use crate::domain::flags::Flag;
use crate::domain::identity::{IdKind, Sex};
use crate::domain::office::{Office, OfficeInput};
use crate::domain::officer::{Officer, OfficerEdit, OfficerInput, OfficerRole};
use crate::domain::outcome::Finding;
use crate::domain::refusal::{RefusalGround, RefusalInput};
use crate::domain::report::period::{Period, PeriodInput, PeriodKind};
use crate::domain::report::{HeaderCell, RecordKind, Template};
use crate::domain::routing::{Action, Proposal};
use crate::domain::schedule::{Host, PlanRule, ScheduleIssue, SessionKind, ShiftPolicy, Weekday};
use crate::domain::visit::{
    CaseChoice, CitizenRef, DecisionKind, Field, PaperInput, PetitionInput, PetitionKind,
    ReceivedBy, Reception, VisitInput,
};
use crate::error::{ErrorData, FieldError};
use crate::rules::RuleFile;
use crate::rules::calendar::DayKind;
use crate::rules::deadlines::{DeadlineName, Obligation};
use crate::store::{BackupInfo, Health};

/// The TypeScript module declaring every IPC type.
pub fn typescript_bindings() -> String {
    let cfg = ts_rs::Config::default();
    let decls = [
        ErrorData::decl(&cfg),
        FieldError::decl(&cfg),
        Office::decl(&cfg),
        OfficeInput::decl(&cfg),
        OfficerRole::decl(&cfg),
        OfficerInput::decl(&cfg),
        Officer::decl(&cfg),
        OfficerEdit::decl(&cfg),
        crate::domain::access::Permission::decl(&cfg),
        crate::desk::SignedIn::decl(&cfg),
        crate::desk::SignedInView::decl(&cfg),
        crate::desk::AccessState::decl(&cfg),
        crate::desk::AccessView::decl(&cfg),
        crate::desk::AccountInput::decl(&cfg),
        crate::desk::AccountView::decl(&cfg),
        crate::desk::SetupDone::decl(&cfg),
        crate::desk::RevealRequest::decl(&cfg),
        crate::desk::RevealStatus::decl(&cfg),
        crate::desk::IdentityKeyStatus::decl(&cfg),
        crate::desk::ReceivedMail::decl(&cfg),
        crate::domain::mail::MailInput::decl(&cfg),
        crate::domain::mail::Channel::decl(&cfg),
        crate::desk::RevealedIdentity::decl(&cfg),
        Agency::decl(&cfg),
        AgencyInput::decl(&cfg),
        AgencyRole::decl(&cfg),
        IdKind::decl(&cfg),
        Sex::decl(&cfg),
        CitizenInput::decl(&cfg),
        Citizen::decl(&cfg),
        MatchKind::decl(&cfg),
        CaseSummary::decl(&cfg),
        CitizenMatch::decl(&cfg),
        Reception::decl(&cfg),
        ReceivedBy::decl(&cfg),
        PetitionKind::decl(&cfg),
        Field::decl(&cfg),
        DecisionKind::decl(&cfg),
        PaperInput::decl(&cfg),
        PetitionInput::decl(&cfg),
        CitizenRef::decl(&cfg),
        CaseChoice::decl(&cfg),
        VisitInput::decl(&cfg),
        RecordedVisit::decl(&cfg),
        Draft::decl(&cfg),
        VisitPerson::decl(&cfg),
        VisitPetition::decl(&cfg),
        VisitRecord::decl(&cfg),
        VisitForm::decl(&cfg),
        PrintOptions::decl(&cfg),
        IssuedDocument::decl(&cfg),
        PrintedDocument::decl(&cfg),
        HitKind::decl(&cfg),
        RegisterFilter::decl(&cfg),
        crate::desk::RegisterStatus::decl(&cfg),
        ReceptionRow::decl(&cfg),
        PetitionRow::decl(&cfg),
        Register::decl(&cfg),
        RegisterFile::decl(&cfg),
        Counts::decl(&cfg),
        ImportSummary::decl(&cfg),
        crate::interchange::legacy::LegacyPreview::decl(&cfg),
        crate::interchange::legacy::LegacySheet::decl(&cfg),
        crate::interchange::legacy::LegacyRow::decl(&cfg),
        crate::interchange::legacy::LegacyColumn::decl(&cfg),
        crate::interchange::legacy::LegacyField::decl(&cfg),
        crate::interchange::legacy::LegacyRegister::decl(&cfg),
        Action::decl(&cfg),
        Proposal::decl(&cfg),
        Handled::decl(&cfg),
        PetitionView::decl(&cfg),
        HandleInput::decl(&cfg),
        PetitionFactsInput::decl(&cfg),
        HistoryVisit::decl(&cfg),
        HistoryPetition::decl(&cfg),
        CitizenHistory::decl(&cfg),
        OutcomeKind::decl(&cfg),
        Finding::decl(&cfg),
        OutcomeInput::decl(&cfg),
        OutcomeView::decl(&cfg),
        Host::decl(&cfg),
        Weekday::decl(&cfg),
        PlanRule::decl(&cfg),
        ShiftPolicy::decl(&cfg),
        SessionKind::decl(&cfg),
        ScheduleIssue::decl(&cfg),
        PlanInput::decl(&cfg),
        PlanView::decl(&cfg),
        SessionKey::decl(&cfg),
        SessionView::decl(&cfg),
        ScheduleView::decl(&cfg),
        SessionInput::decl(&cfg),
        BookingInput::decl(&cfg),
        BookingView::decl(&cfg),
        AssignmentInput::decl(&cfg),
        ConclusionInput::decl(&cfg),
        EmptySessionInput::decl(&cfg),
        AssignmentView::decl(&cfg),
        TaskKind::decl(&cfg),
        TaskInput::decl(&cfg),
        TaskView::decl(&cfg),
        AttachmentOwner::decl(&cfg),
        AttachInput::decl(&cfg),
        AttachmentView::decl(&cfg),
        WatchKind::decl(&cfg),
        WatchInput::decl(&cfg),
        WatchItem::decl(&cfg),
        WorkCounts::decl(&cfg),
        OfficerWork::decl(&cfg),
        FieldWork::decl(&cfg),
        WorkStats::decl(&cfg),
        InvitationInput::decl(&cfg),
        ResolutionDocumentInput::decl(&cfg),
        VerificationInput::decl(&cfg),
        crate::desk::DirectiveKind::decl(&cfg),
        crate::desk::IntegrityState::decl(&cfg),
        crate::desk::IntegrityStatus::decl(&cfg),
        crate::desk::WorkMinutesInput::decl(&cfg),
        crate::desk::VerificationReportInput::decl(&cfg),
        crate::desk::ProtectionRequestInput::decl(&cfg),
        crate::desk::ProtectionDecisionInput::decl(&cfg),
        crate::desk::ProtectionView::decl(&cfg),
        crate::desk::DirectiveInput::decl(&cfg),
        crate::desk::DirectiveTaskInput::decl(&cfg),
        crate::desk::DirectiveView::decl(&cfg),
        crate::desk::DirectiveTaskView::decl(&cfg),
        CorrectionInput::decl(&cfg),
        MediationOutcome::decl(&cfg),
        MediationInput::decl(&cfg),
        MediationView::decl(&cfg),
        DeadlineName::decl(&cfg),
        Obligation::decl(&cfg),
        Status::decl(&cfg),
        Deadline::decl(&cfg),
        PetitionDeadlines::decl(&cfg),
        Flag::decl(&cfg),
        TrendSeries::decl(&cfg),
        Trend::decl(&cfg),
        crate::desk::HotSpot::decl(&cfg),
        crate::desk::HotSpots::decl(&cfg),
        DueItem::decl(&cfg),
        OfficerLoad::decl(&cfg),
        DueSummary::decl(&cfg),
        RefusalGround::decl(&cfg),
        RefusalInput::decl(&cfg),
        Template::decl(&cfg),
        PeriodKind::decl(&cfg),
        Period::decl(&cfg),
        crate::domain::reminders::Reminder::decl(&cfg),
        PeriodInput::decl(&cfg),
        RecordKind::decl(&cfg),
        ColumnView::decl(&cfg),
        HeaderCell::decl(&cfg),
        SummaryBar::decl(&cfg),
        ReportView::decl(&cfg),
        ReportRecord::decl(&cfg),
        SubmittedReport::decl(&cfg),
        ChangedColumn::decl(&cfg),
        ReportChanges::decl(&cfg),
        RuleFile::decl(&cfg),
        RuleFileInfo::decl(&cfg),
        DayKind::decl(&cfg),
        CalendarDayRow::decl(&cfg),
        OfficeDayInput::decl(&cfg),
        RulesChanged::decl(&cfg),
        SearchHit::decl(&cfg),
        BackupInfo::decl(&cfg),
        BackupFile::decl(&cfg),
        crate::desk::AuditFilter::decl(&cfg),
        crate::desk::AuditRow::decl(&cfg),
        crate::desk::AuditTrail::decl(&cfg),
        Health::decl(&cfg),
        AppStatus::decl(&cfg),
        CrateLicense::decl(&cfg),
        FontLicense::decl(&cfg),
        crate::about::LibraryLicense::decl(&cfg),
        AboutInfo::decl(&cfg),
        crate::progress::ProgressReport::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p tiepdan-core ipc`.\n// Do not edit by hand.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn ui_bindings_match_the_rust_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/lib/bindings.ts");
        let expected = super::typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            actual == expected,
            "ui/src/lib/bindings.ts is out of date: run UPDATE_BINDINGS=1 cargo test -p tiepdan-core ipc"
        );
    }
}
