//! Use cases: what an officer or an administrator does. Each one validates its input,
//! runs in ONE SQLite transaction and appends its audit row in that same transaction.
//!
//! ```no_run
//! use tiepdan_core::{Desk, Ctx};
//! let mut desk = Desk::open("/tmp/tiepdan-demo".as_ref(), chrono::Local::now().naive_local()).unwrap();
//! println!("{:?}", desk.status().unwrap().office);
//! ```

// The use cases, grouped by capability as an officer names them.
mod casework;
mod catalogues;
pub(crate) mod days;
mod handling;
mod intake;
mod maintenance;
mod reception_days;
mod reporting;
mod trust;

// Each capability's modules by their own names, for the use cases that combine them.
use casework::{
    casework_documents, directives, mediation, outcomes, resolution_documents, tasks, verification,
};
use catalogues::{catalogue, office};
use handling::{deadlines, due, petition_facts, routing, watch};
use intake::{
    attachments, citizen_history, citizens, documents, drafts, mail, search, visit_view, visits,
};
use maintenance::{backups, files, integrity, interchange};
use reception_days::{conclusions, empty_session, schedule};
use reporting::{
    hot_spots, registers, registers_xlsx, reports, submitted_reports, trend, work_stats,
};
use trust::{accounts, audit_trail, citizen_rights, denouncer, keyring, officers};

pub use accounts::{
    AccessState, AccessView, AccountInput, AccountView, SetupDone, SignedIn, SignedInView,
    Throttle, access_state, unwrap_key,
};
pub use attachments::{AttachInput, AttachmentOwner, AttachmentView};
pub use audit_trail::{AuditFilter, AuditRow, AuditTrail, action_vi};
pub use backups::{BackupFile, Restored, restore_data_dir};
pub use casework_documents::InvitationInput;
pub use catalogue::{CalendarDayRow, OfficeDayInput, RuleFileInfo, RulesChanged};
pub use citizen_history::{CitizenHistory, HistoryPetition, HistoryVisit};
pub use citizen_rights::CorrectionInput;
pub use citizens::{CaseSummary, Citizen, CitizenMatch};
pub use conclusions::{AssignmentInput, AssignmentView, ConclusionInput};
pub use deadlines::PetitionDeadlines;
pub use denouncer::IdentityKeyStatus;
pub use denouncer::protection::{ProtectionDecisionInput, ProtectionRequestInput, ProtectionView};
pub use denouncer::reveal::{RevealRequest, RevealStatus, RevealedIdentity};
pub use directives::{
    DirectiveInput, DirectiveKind, DirectiveTaskInput, DirectiveTaskView, DirectiveView,
};
pub use documents::{IssuedDocument, PrintOptions, PrintedDocument, VisitForm, form_title};
pub use drafts::Draft;
pub use due::{COUNT_CAP, DueItem, DueSummary, OfficerLoad};
pub use empty_session::EmptySessionInput;
pub use files::{Durable, write_atomically, write_streamed};
pub use hot_spots::{HotSpot, HotSpots};
pub use integrity::{IntegrityState, IntegrityStatus};
pub use interchange::{Counts, ExportOptions, ImportError, ImportSummary};
pub use mail::ReceivedMail;
pub use mediation::{MediationInput, MediationOutcome, MediationView};
pub use outcomes::{OutcomeInput, OutcomeKind, OutcomeView};
pub use petition_facts::PetitionFactsInput;
pub use registers::{PetitionRow, ReceptionRow, RegisterFilter, RegisterStatus, WITHHELD};
pub use registers_xlsx::{Register, RegisterFile};
pub use reports::{ColumnView, ReportRecord, ReportView, SummaryBar};
pub use resolution_documents::ResolutionDocumentInput;
pub use routing::{HandleInput, Handled, PetitionView};
pub use schedule::{
    BookingInput, BookingView, PlanInput, PlanView, ScheduleView, SessionInput, SessionKey,
    SessionView,
};
pub use search::{HitKind, SearchHit};
pub use submitted_reports::{ChangedColumn, ReportChanges, SubmittedReport};
pub use tasks::{TaskInput, TaskKind, TaskView};
pub use trend::{Trend, TrendSeries};
pub use verification::{VerificationInput, VerificationReportInput, WorkMinutesInput};
pub use visit_view::{VisitPerson, VisitPetition, VisitRecord, kind_label};
pub use visits::RecordedVisit;
pub use watch::{WatchInput, WatchItem, WatchKind};
pub use work_stats::{FieldWork, OfficerWork, WorkCounts, WorkStats};

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::Serialize;
use ts_rs::TS;

use crate::datadir::DataDir;
use crate::domain::office::Office;
use crate::error::Result;
use crate::rules::RuleFile;
use crate::rules::calendar::CalendarRules;
use crate::rules::deadlines::DeadlineRules;
use crate::rules::documents::DocumentRules;
use crate::rules::identity::IdentityRules;
use crate::rules::reception::ReceptionRules;
use crate::rules::reminders::ReminderRules;
use crate::rules::routing::RoutingRules;
use crate::store::{BackupInfo, DbKey, Store};

/// The application's entry point to its data: one open store in one data directory.
#[derive(Debug)]
pub struct Desk {
    store: Store,
    dir: DataDir,
    rules: Rules,
    /// Who is signed in; `None` for a plain store or after a lock.
    session: Option<accounts::SignedIn>,
    /// The session's keys: its account's, the denouncer key when granted, and the
    /// identities typed at the desk in this session.
    keys: denouncer::Keys,
    /// The background full integrity check's result (`maintenance::integrity`).
    integrity: integrity::IntegritySlot,
}

impl Drop for Desk {
    /// What was written out to read or print goes with the desk (see `DataDir::view`).
    fn drop(&mut self) {
        self.dir.clear_view();
    }
}

/// The legal data in force for this office: the shipped defaults, or an administrator's
/// edited copy in the data directory's `rules/` folder.
#[derive(Debug, Clone)]
pub struct Rules {
    pub identity: IdentityRules,
    pub documents: DocumentRules,
    pub routing: RoutingRules,
    pub calendar: CalendarRules,
    pub deadlines: DeadlineRules,
    pub reception: ReceptionRules,
    pub reminders: ReminderRules,
}

impl Rules {
    /// Reads `<data>/rules/*.toml` where present; a broken file is an error, never ignored.
    fn load(dir: &DataDir) -> Result<Rules> {
        Rules::parse_with(|f| override_text(dir, f))
    }

    /// Parses every rule file from `text` (an override's text, or `None` for the shipped
    /// one), so a candidate file is checked together with the others before it is saved.
    fn parse_with(text: impl Fn(RuleFile) -> Option<String>) -> Result<Rules> {
        let text = |f: RuleFile| text(f).unwrap_or_else(|| f.default_text().to_owned());
        Ok(Rules {
            identity: IdentityRules::parse(&text(RuleFile::Identity))?,
            documents: DocumentRules::parse(&text(RuleFile::Documents))?,
            routing: RoutingRules::parse(&text(RuleFile::Routing))?,
            calendar: CalendarRules::parse(&text(RuleFile::Calendar))?,
            deadlines: DeadlineRules::parse(&text(RuleFile::Deadlines))?,
            reception: ReceptionRules::parse(&text(RuleFile::Reception))?,
            reminders: ReminderRules::parse(&text(RuleFile::Reminders))?,
        })
    }
}

/// The administrator's copy of a rule file in `<data>/rules/`, if there is one.
fn override_text(dir: &DataDir, file: RuleFile) -> Option<String> {
    std::fs::read_to_string(dir.root().join("rules").join(file.file())).ok()
}

/// What the window's status bar and first screen need to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppStatus {
    /// `None` until the first-run form has been saved.
    pub office: Option<Office>,
    pub data_dir: String,
    pub database: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub last_backup: Option<BackupInfo>,
    pub version: String,
}

impl Desk {
    /// Opens the plain (unencrypted) data directory `root`, creating it and the database
    /// on first use: the library's tests and benchmarks, and the command line on data from
    /// before encryption. The window and signed-in use go through [`Desk::sign_in`].
    pub fn open(root: &Path, now: NaiveDateTime) -> Result<Desk> {
        Desk::open_keyed(root, None, now)
    }

    /// Opens `root` with the database key (or none for a plain store); nobody is signed in.
    pub fn open_keyed(root: &Path, key: Option<&DbKey>, now: NaiveDateTime) -> Result<Desk> {
        let dir = DataDir::new(root);
        let store = Store::open(&dir.database(), key, &dir.backups(), now)?;
        let mut desk = Desk::from_store(store, dir)?;
        desk.fill_deadline_cache(&crate::audit::Ctx::system(now))?;
        Ok(desk)
    }

    fn from_store(store: Store, dir: DataDir) -> Result<Desk> {
        // The data folder is the officer's alone (Unix; a Windows profile already is). A
        // disk that keeps no permissions (a FAT USB stick) is left as it is.
        let _ = crate::datadir::make_private(dir.root());
        let rules = Rules::load(&dir)?;
        hot_spots::register_sql(store.conn())?;
        Ok(Desk {
            store,
            dir,
            rules,
            session: None,
            keys: denouncer::Keys::default(),
            integrity: Default::default(),
        })
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.dir
    }

    /// The store itself, for the tests' own SQL checks: no edge gets a raw connection.
    #[cfg(any(test, feature = "testing"))]
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Whether the store is encrypted (then someone must be signed in to use it).
    pub fn is_encrypted(&self) -> bool {
        self.store.is_encrypted()
    }

    /// The store's key, to open its backup during a restore.
    pub fn store_key(&self) -> Option<crate::store::DbKey> {
        self.store.key().cloned()
    }

    /// What the About page shows.
    pub fn about(&self) -> Result<crate::about::AboutInfo> {
        self.signed_in()?;
        let db = self.store.path();
        let wal = PathBuf::from(format!("{}-wal", db.display()));
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        Ok(crate::about::AboutInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: self.dir.root().display().to_string(),
            database: db.display().to_string(),
            database_size_bytes: size(db) + size(&wal),
            last_backup: self.store.last_backup()?,
            license: env!("CARGO_PKG_LICENSE").to_owned(),
            fonts: crate::about::font_licenses(),
            libraries: crate::about::library_licenses(),
            crates: crate::about::crate_licenses(),
            integrity: self.integrity_status(),
        })
    }

    pub fn status(&self) -> Result<AppStatus> {
        self.signed_in()?;
        Ok(AppStatus {
            office: self.office()?,
            data_dir: self.dir.root().display().to_string(),
            database: self.store.path().display().to_string(),
            schema_version: self.store.schema_version()?,
            last_backup: self.store.last_backup()?,
            version: env!("CARGO_PKG_VERSION").to_owned(),
        })
    }
}

/// The day something happened to a petition, typed as `YYYY-MM-DD` in field `on`: not in
/// the future, not before the petition was received. `what` names it in the messages
/// ("Ngày xử lý"); a mistake is pushed onto `errors`.
pub(crate) fn petition_day(
    errors: &mut Vec<crate::error::FieldError>,
    what: &str,
    text: &str,
    today: chrono::NaiveDate,
    received_on: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    use crate::error::FieldError;
    let on = chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    match on {
        None => errors.push(FieldError::new(
            "on",
            format!("{what} không hợp lệ; nhập ngày/tháng/năm."),
        )),
        Some(d) if d > today => errors.push(FieldError::new(
            "on",
            format!("{what} không được ở tương lai."),
        )),
        Some(d) if d < received_on => errors.push(FieldError::new(
            "on",
            format!(
                "{what} trước ngày nhận đơn ({}).",
                received_on.format("%d/%m/%Y")
            ),
        )),
        _ => {}
    }
    on
}

pub(crate) use crate::store::value::{from_name, name};
