//! Importing an interchange file (all or nothing, idempotent by ref) and exporting the
//! data in the same format (`INTERCHANGE.md`).
//!
//! Import: the file is checked first, line by line, without holding its records
//! (`crate::interchange::check`); then ONE transaction reads each record again and stores
//! them in dependency order, each found by its `ref`: created
//! when new, updated when it differs, left alone when equal. A file imported twice changes
//! nothing the second time, and then writes nothing at all, not even an audit row: the
//! audit trail records changes, and the summary says there were none.

mod export;
mod read;
mod search;

pub use export::ExportOptions;

use std::collections::HashMap;

use chrono::Datelike;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use self::read::Table;
use crate::audit::{self, Ctx};
use crate::desk::{Desk, name};
use crate::domain::office::Office;
use crate::domain::visit::{DecisionKind, PetitionKind};
use crate::error::Error;
use crate::interchange::*;
use crate::text::fold;

/// How many records of one type an import created, changed and found already equal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Counts {
    pub created: u32,
    pub changed: u32,
    pub unchanged: u32,
}

/// What an import did, per record type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportSummary {
    pub office: Counts,
    pub calendar: Counts,
    pub agencies: Counts,
    pub citizens: Counts,
    /// Includes the cases made for visits and petitions that name none.
    pub cases: Counts,
    pub petitions: Counts,
    pub visits: Counts,
    pub reception_plans: Counts,
}

impl ImportSummary {
    fn all(&self) -> [Counts; 8] {
        [
            self.office,
            self.calendar,
            self.agencies,
            self.citizens,
            self.cases,
            self.petitions,
            self.visits,
            self.reception_plans,
        ]
    }

    pub fn created(&self) -> u32 {
        self.all().iter().map(|c| c.created).sum()
    }

    pub fn changed(&self) -> u32 {
        self.all().iter().map(|c| c.changed).sum()
    }

    pub fn unchanged(&self) -> u32 {
        self.all().iter().map(|c| c.unchanged).sum()
    }
}

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Problems of the file, line by line; the database is untouched.
    #[error("Tệp có {} lỗi nên không nhập gì; dữ liệu giữ nguyên. Hãy sửa rồi nhập lại:\n{}", .0.len(), lines(.0))]
    Invalid(Vec<LineError>),
    #[error(transparent)]
    Failed(#[from] Error),
}

impl From<crate::error::StoreError> for ImportError {
    fn from(e: crate::error::StoreError) -> Self {
        ImportError::Failed(e.into())
    }
}

impl ImportError {
    /// The error as it crosses into the UI: a bad file's problems as one field per line
    /// (`line.N`), so the screen lists them where the file is chosen.
    pub fn to_data(&self) -> crate::ErrorData {
        match self {
            ImportError::Failed(e) => e.to_data(),
            ImportError::Invalid(lines) => crate::ErrorData {
                code: "invalid_file".into(),
                message_vi: format!(
                    "Tệp có {} lỗi nên không nhập gì; dữ liệu giữ nguyên. Hãy sửa rồi nhập lại.",
                    lines.len()
                ),
                fields: lines
                    .iter()
                    .map(|l| crate::FieldError {
                        field: format!("line.{}", l.line),
                        message_vi: l.message_vi.clone(),
                    })
                    .collect(),
            },
        }
    }
}

fn lines(errors: &[LineError]) -> String {
    let all: Vec<&str> = errors.iter().map(|e| e.message_vi.as_str()).collect();
    all.join("\n")
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Failed(e.into())
    }
}

impl Desk {
    /// Imports an interchange file: all of it in one transaction with one audit row
    /// ("interchange.import" with the counts), or nothing and every problem of the file.
    pub fn import(&mut self, ctx: &Ctx, text: &str) -> Result<ImportSummary, ImportError> {
        self.import_watched(ctx, text, &crate::progress::Unwatched)
    }

    /// [`Desk::import`], reporting its progress (checking the file, writing the records,
    /// recomputing the deadlines) to `progress`, which may stop it: a stopped import keeps
    /// nothing ([`Error::Cancelled`]).
    pub fn import_watched(
        &mut self,
        ctx: &Ctx,
        text: &str,
        progress: &dyn crate::progress::Progress,
    ) -> Result<ImportSummary, ImportError> {
        let len = text.len() as u64;
        let text_cannot_change = || true;
        self.import_from(
            ctx,
            std::io::Cursor::new(text.as_bytes()),
            len,
            progress,
            &text_cannot_change,
        )
    }

    /// Imports the file at `path` as [`Desk::import_watched`] does, reading it twice (to
    /// check it, then to write it) and never holding it whole: memory stays bounded by
    /// its refs, whatever its size. A file changed between the two readings (a copy from a
    /// USB stick still running, an editor saving) is refused whole: what would be written
    /// is not what was checked.
    pub fn import_file(
        &mut self,
        ctx: &Ctx,
        path: &std::path::Path,
        progress: &dyn crate::progress::Progress,
    ) -> Result<ImportSummary, ImportError> {
        let unreadable = |e: std::io::Error| {
            ImportError::Failed(Error::invalid(
                "file",
                format!("Không đọc được tệp {}: {e}.", path.display()),
            ))
        };
        let file = std::fs::File::open(path).map_err(unreadable)?;
        // The same open file, asked again after writing: its length and time of change.
        let watch = file.try_clone().map_err(unreadable)?;
        let state = move || {
            let m = watch.metadata().ok()?;
            Some((m.len(), m.modified().ok()?))
        };
        let before = state();
        let len = before.map_or(0, |(len, _)| len);
        let unchanged = || before.is_some() && state() == before;
        let src = std::io::BufReader::with_capacity(1 << 20, file);
        self.import_from(ctx, src, len, progress, &unchanged)
    }

    fn import_from<R: std::io::BufRead + std::io::Seek>(
        &mut self,
        ctx: &Ctx,
        mut src: R,
        len: u64,
        progress: &dyn crate::progress::Progress,
        unchanged: &dyn Fn() -> bool,
    ) -> Result<ImportSummary, ImportError> {
        ctx.require(crate::domain::access::Permission::ImportData)?;
        let unreadable = |e: std::io::Error| {
            ImportError::Failed(Error::invalid("file", format!("Không đọc được tệp: {e}.")))
        };
        // The check reports the bytes read, two hundred times over the file at most.
        let every = (len / 200).max(1);
        let mut next = 0;
        let mut on_line = |done: u64| {
            if done < next {
                return true;
            }
            next = done + every;
            progress.step(CHECKING, done.min(len), len)
        };
        if !progress.step(CHECKING, 0, len) {
            return Err(Error::Cancelled.into());
        }
        let checked =
            crate::interchange::check(&mut src, &self.rules.identity, ctx.now.year(), &mut on_line)
                .map_err(|e| match e {
                    CheckError::Invalid(lines) => ImportError::Invalid(lines),
                    CheckError::Stopped => Error::Cancelled.into(),
                    CheckError::Read(e) => unreadable(e),
                })?;
        let mut src = Source::new(src).map_err(unreadable)?;
        // Citizens known only as denouncers are sealed before the transaction ends.
        let public = self.denouncer_public(ctx)?;
        let opener = self.denouncer_secret(ctx)?;
        let rules = &self.rules;
        // A smaller page cache for the import's length: a large file would fill the
        // store's whole cache with pages written once.
        let cache: i64 = self
            .store
            .conn()
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.store
            .conn()
            .pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        let imported = self.store.write(|tx| {
            let mut import = Importer {
                tx,
                ctx,
                ticker: crate::progress::Ticker::new(
                    progress,
                    WRITING,
                    checked.records.len() as u64,
                ),
                opener: opener.as_ref(),
                stamp: ctx.stamp(),
                ids: HashMap::new(),
                summary: ImportSummary::default(),
                errors: Vec::new(),
                search: search::Deferred::default(),
            };
            import.ticker.start()?;
            import.run(&checked, &mut src)?;
            import.ticker.finish()?;
            if !unchanged() {
                return Err(ImportError::Failed(Error::invalid(
                    "file",
                    "Tệp đã thay đổi trong khi đang nhập (có thể việc chép tệp chưa xong). \
                     Chưa có gì được ghi; hãy chờ tệp chép xong rồi nhập lại."
                        .to_owned(),
                )));
            }
            // The refs are no longer needed: their memory goes back before the recompute.
            import.ids = HashMap::new();
            if !import.errors.is_empty() {
                // Returning an error drops the transaction: nothing is kept.
                return Err(ImportError::Invalid(import.errors));
            }
            crate::desk::denouncer::settle_all(tx, &public, opener.as_ref())?;
            let summary = import.summary;
            if summary.created() + summary.changed() > 0 {
                let detail = serde_json::to_value(&summary)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                audit::append(
                    tx,
                    ctx,
                    "interchange.import",
                    "interchange",
                    &[],
                    Some(detail),
                )?;
                // Events, petitions or calendar days changed: every deadline is recomputed.
                let mut recompute = crate::progress::Ticker::new(progress, RECOMPUTING, 1);
                recompute.start()?;
                let calendar = crate::desk::deadlines::calendar_of(tx, &rules.calendar)?;
                crate::desk::deadlines::refresh(
                    tx,
                    rules,
                    &calendar,
                    crate::desk::deadlines::Scope::All,
                    ctx.now.date(),
                )?;
                recompute.finish()?;
            }
            Ok(summary)
        });
        self.store.conn().pragma_update(None, "cache_size", cache)?;
        imported
    }
}

/// The columns of a petition [`Importer::petition_values`] gives, in its order.
const PETITION_COLUMNS: [&str; 21] = [
    "received_on",
    "channel",
    "forwarded_by",
    "forwarded_doc",
    "kind",
    "field",
    "anonymous",
    "signatories",
    "respondent_role",
    "respondent_name",
    "instance",
    "contested_on",
    "complex",
    "specific",
    "court_accepted",
    "second_instance_on",
    "summary",
    "summary_fold",
    "decision_kind",
    "oral",
    "subfield",
];

/// A new petition in one statement: its ref, case and creation time, then every column.
static INSERT_PETITION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let placeholders: Vec<String> = (4..4 + PETITION_COLUMNS.len())
        .map(|n| format!("?{n}"))
        .collect();
    format!(
        "INSERT INTO petitions (ref, case_id, created_at, {}) VALUES (?1, ?2, ?3, {})",
        PETITION_COLUMNS.join(", "),
        placeholders.join(", ")
    )
});

/// Every column of stored petition ?1 replaced; it stays in its case when the file names
/// none (?2 null).
static UPDATE_PETITION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let sets: Vec<String> = PETITION_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 3))
        .collect();
    format!(
        "UPDATE petitions SET case_id = coalesce(?2, case_id), {} WHERE id = ?1",
        sets.join(", ")
    )
});

/// The page cache an import works with, in KiB.
const IMPORT_CACHE_KIB: i64 = 64 * 1024;

/// The stages an import reports, as the window and the command line show them.
const CHECKING: &str = "Kiểm tra tệp";
const WRITING: &str = "Ghi dữ liệu";
const RECOMPUTING: &str = "Tính lại thời hạn";

/// One import in its transaction.
struct Importer<'a> {
    tx: &'a Connection,
    ctx: &'a Ctx,
    /// One tick per record written; may stop the import.
    ticker: crate::progress::Ticker<'a>,
    /// Opens sealed identities to compare them with the file's (a role that may see
    /// denouncers); without it a sealed record counts as changed and is written again.
    opener: Option<&'a crypto_box::SecretKey>,
    stamp: String,
    /// The ids of the file's refs, per table, as they are found or created.
    ids: HashMap<(Table, String), i64>,
    summary: ImportSummary,
    /// Problems only the database can reveal (an identity number already registered).
    errors: Vec<LineError>,
    /// The search index, brought up to date once at the end.
    search: search::Deferred,
}

/// How stored records are named when import compares them with the file's: by id.
fn by_id(t: Table, id: i64) -> String {
    format!("#{}-{id}", t.prefix())
}

enum Found {
    New,
    Same,
    Changed,
}

impl Found {
    /// New when the file's record has no stored row; else whether the stored one, read
    /// back in the format's shape, equals it.
    fn compare<T: PartialEq>(stored: Option<Vec<(i64, T)>>, wanted: &T) -> Found {
        match stored {
            None => Found::New,
            Some(rows) if rows.first().map(|(_, s)| s) == Some(wanted) => Found::Same,
            Some(_) => Found::Changed,
        }
    }
}

fn tally(counts: &mut Counts, found: &Found) {
    match found {
        Found::New => counts.created += 1,
        Found::Same => counts.unchanged += 1,
        Found::Changed => counts.changed += 1,
    }
}

impl Importer<'_> {
    /// Writes the checked file's records, read again one at a time: the office and the
    /// calendar, then each type after those it points to.
    fn run<R: std::io::BufRead + std::io::Seek>(
        &mut self,
        checked: &Checked,
        src: &mut Source<R>,
    ) -> Result<(), ImportError> {
        let passes: [&[Kind]; 7] = [
            &[Kind::Office, Kind::Calendar],
            &[Kind::Agency],
            &[Kind::Citizen],
            &[Kind::Case],
            &[Kind::Petition],
            &[Kind::Visit],
            &[Kind::ReceptionPlan],
        ];
        for kinds in passes {
            if kinds == [Kind::Case] && !self.errors.is_empty() {
                return Ok(());
            }
            for at in checked.records.iter().filter(|at| kinds.contains(&at.kind)) {
                let record = checked
                    .read(src, *at)
                    .map_err(|e| ImportError::Failed(Error::invalid("file", e.to_string())))?;
                self.ticker.tick()?;
                match &record {
                    Record::Office(o) => self.office(o)?,
                    Record::Calendar(d) => self.calendar(d)?,
                    Record::Agency(a) => self.agency(a)?,
                    Record::Citizen(c) => self.citizen(at.line, c)?,
                    Record::Case(c) => self.case(c)?,
                    Record::Petition(p) => self.petition(p)?,
                    Record::Visit(v) => self.visit(v)?,
                    Record::ReceptionPlan(p) => self.plan(p)?,
                }
            }
        }
        // The denouncer flags first: the search index is then written with them final.
        self.mark_denouncers()?;
        std::mem::take(&mut self.search).finish(self.tx)?;
        Ok(())
    }

    /// Runs one write through the connection's statement cache: an import runs the same
    /// few statements for every record, and parsing them again each time cost more than
    /// the writes.
    fn exec(&self, sql: &str, values: impl rusqlite::Params) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(values)
    }

    /// The stored id of `ref_` in `t`, if any: a record imported with that ref, or one
    /// typed in the app whose ref export made up here.
    fn lookup(&self, t: Table, ref_: &str) -> rusqlite::Result<Option<i64>> {
        let stored = self
            .tx
            .prepare_cached(&format!("SELECT id FROM {} WHERE ref = ?1", t.sql()))?
            .query_row([ref_], |r| r.get(0))
            .optional()?;
        match stored {
            Some(id) => Ok(Some(id)),
            None => read::made_up_here(self.tx, t, ref_),
        }
    }

    /// The id of a ref of the file (the checks made sure it is in the file, and the
    /// order of `run` that it is stored by now).
    fn id(&self, t: Table, ref_: &str) -> i64 {
        self.ids[&(t, ref_.to_owned())]
    }

    /// A file's ref written the way [`by_id`] writes stored links.
    fn as_stored(&self, t: Table, ref_: &str) -> String {
        by_id(t, self.id(t, ref_))
    }

    fn office(&mut self, o: &Office) -> Result<(), Error> {
        let found = match read::office(self.tx)? {
            None => Found::New,
            Some(stored) if &stored == o => Found::Same,
            Some(_) => Found::Changed,
        };
        if !matches!(found, Found::Same) {
            crate::desk::office::upsert(self.tx, self.ctx, o)?;
        }
        tally(&mut self.summary.office, &found);
        Ok(())
    }

    /// A day of the file replaces the app's own for that date.
    fn calendar(&mut self, d: &CalendarRecord) -> Result<(), Error> {
        let found = match read::calendar(self.tx, Some(d.date))?.pop() {
            None => Found::New,
            Some(stored) if &stored == d => Found::Same,
            Some(_) => Found::Changed,
        };
        if !matches!(found, Found::Same) {
            self.exec(
                "INSERT INTO calendar_days (date, kind, note) VALUES (?1, ?2, ?3)
                 ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, note = excluded.note",
                params![d.date, crate::store::value::Named(d.kind), d.note],
            )?;
        }
        tally(&mut self.summary.calendar, &found);
        Ok(())
    }

    fn agency(&mut self, a: &AgencyRecord) -> Result<(), Error> {
        let id = self.lookup(Table::Agency, &a.ref_)?;
        let stored = match id {
            Some(id) => Some(read::agencies(self.tx, &|_, _| a.ref_.clone(), Some(id))?),
            None => None,
        };
        let found = Found::compare(stored, a);
        let id = match (id, &found) {
            (Some(id), Found::Same) => id,
            (Some(id), _) => {
                self.exec(
                    "UPDATE agencies SET name = ?2, name_fold = ?3, role = ?4, address = ?5
                     WHERE id = ?1",
                    params![id, a.name, fold(&a.name), a.role.as_str(), a.address],
                )?;
                id
            }
            (None, _) => {
                self.exec(
                    "INSERT INTO agencies (ref, name, name_fold, role, address, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        a.ref_,
                        a.name,
                        fold(&a.name),
                        a.role.as_str(),
                        a.address,
                        self.stamp
                    ],
                )?;
                self.tx.last_insert_rowid()
            }
        };
        tally(&mut self.summary.agencies, &found);
        self.ids.insert((Table::Agency, a.ref_.clone()), id);
        Ok(())
    }

    fn citizen(&mut self, line: usize, c: &CitizenRecord) -> Result<(), Error> {
        let id = self.lookup(Table::Citizen, &c.ref_)?;
        if let Some(number) = &c.id_number {
            let other: Option<(Option<String>, String, String)> = self
                .tx
                .prepare_cached(
                    "SELECT ref, full_name, address FROM citizens
                     WHERE id_number = ?1 AND id IS NOT ?2 LIMIT 1",
                )?
                .query_row(params![number, id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?;
            if let Some((other_ref, full_name, address)) = other {
                let whose = match other_ref {
                    Some(r) => format!("công dân ref \"{r}\""),
                    None => "một công dân nhập trong ứng dụng".to_owned(),
                };
                self.errors.push(LineError::new(
                    line,
                    "id_number",
                    format!(
                        "số giấy tờ {number} đã có trong sổ, của {whose}: {full_name} ({address}). Một số giấy tờ chỉ thuộc một công dân: hãy dùng đúng ref của công dân đó hoặc sửa số giấy tờ."
                    ),
                ));
                return Ok(());
            }
        }
        let stored = match id {
            Some(id) => {
                let mut rows = read::citizens(self.tx, &|_, _| c.ref_.clone(), Some(id))?;
                crate::desk::denouncer::open_records(self.tx, self.opener, &mut rows)?;
                Some(rows)
            }
            None => None,
        };
        let found = Found::compare(stored, c);
        let values = params![
            c.full_name,
            fold(&c.full_name),
            crate::store::value::Named(c.id_kind),
            c.id_number,
            c.id_issued_on,
            c.id_issued_by,
            c.birth_year,
            c.gender.map(name),
            c.address,
            fold(&c.address),
            c.phone,
        ];
        let id = match (id, &found) {
            (Some(id), Found::Same) => id,
            (Some(id), _) => {
                let mut all = values.to_vec();
                all.push(&id);
                self.exec(
                    "UPDATE citizens SET full_name = ?1, name_fold = ?2, id_kind = ?3,
                         id_number = ?4, id_issued_on = ?5, id_issued_by = ?6, birth_year = ?7,
                         gender = ?8, address = ?9, address_fold = ?10, phone = ?11
                     WHERE id = ?12",
                    all.as_slice(),
                )?;
                id
            }
            (None, _) => {
                let mut all = values.to_vec();
                all.extend([&c.ref_ as &dyn rusqlite::ToSql, &self.stamp]);
                // Inserted as known only as a denouncer, which keeps the name out of the
                // search index, not even for a moment; `mark_denouncers` sets the flag
                // from the links once every record is written, before the index is.
                self.exec(
                    "INSERT INTO citizens (full_name, name_fold, id_kind, id_number, id_issued_on,
                         id_issued_by, birth_year, gender, address, address_fold, phone, ref,
                         denouncer_only, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13)",
                    all.as_slice(),
                )?;
                self.tx.last_insert_rowid()
            }
        };
        tally(&mut self.summary.citizens, &found);
        if !matches!(found, Found::Same) {
            self.search.written(self.tx, "citizens", id)?;
        }
        self.ids.insert((Table::Citizen, c.ref_.clone()), id);
        Ok(())
    }

    fn case(&mut self, c: &CaseRecord) -> Result<(), Error> {
        let id = self.lookup(Table::Case, &c.ref_)?;
        let stored = match id {
            Some(id) => Some(read::cases(self.tx, &|_, _| c.ref_.clone(), Some(id))?),
            None => None,
        };
        let found = Found::compare(stored, c);
        let id = match (id, &found) {
            (Some(id), Found::Same) => id,
            (Some(id), _) => {
                self.exec(
                    "UPDATE cases SET title = ?2, opened_on = ?3 WHERE id = ?1",
                    params![id, c.title, c.opened_on],
                )?;
                id
            }
            (None, _) => self.new_case(Some(&c.ref_), &c.title, c.opened_on)?,
        };
        tally(&mut self.summary.cases, &found);
        self.ids.insert((Table::Case, c.ref_.clone()), id);
        Ok(())
    }

    /// Stores a case: one of the file's, or the own case of a record that names none.
    fn new_case(
        &mut self,
        ref_: Option<&str>,
        title: &str,
        opened_on: chrono::NaiveDate,
    ) -> Result<i64, Error> {
        let title: String = title.chars().take(200).collect();
        self.exec(
            "INSERT INTO cases (ref, title, opened_on, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![ref_, title, opened_on, self.stamp],
        )?;
        if ref_.is_none() {
            self.summary.cases.created += 1;
        }
        Ok(self.tx.last_insert_rowid())
    }

    /// The case id a new record goes in: the file's, or a case of its own.
    fn case_for(
        &mut self,
        case: &Option<String>,
        title: &str,
        on: chrono::NaiveDate,
    ) -> Result<i64, Error> {
        match case {
            Some(c) => Ok(self.id(Table::Case, c)),
            None => self.new_case(None, title, on),
        }
    }

    /// The file's petition with its links written as [`by_id`] writes stored ones.
    fn petition_by_id(&self, p: &PetitionRecord, id: i64) -> PetitionRecord {
        let mut want = p.clone();
        want.ref_ = by_id(Table::Petition, id);
        want.forwarded_by = p
            .forwarded_by
            .as_ref()
            .map(|a| self.as_stored(Table::Agency, a));
        want.case = p.case.as_ref().map(|c| self.as_stored(Table::Case, c));
        want.petitioners = p
            .petitioners
            .iter()
            .map(|c| self.as_stored(Table::Citizen, c))
            .collect();
        for e in &mut want.events {
            e.to = e.to.as_ref().map(|a| self.as_stored(Table::Agency, a));
        }
        want
    }

    fn petition(&mut self, p: &PetitionRecord) -> Result<(), Error> {
        let id = self.lookup(Table::Petition, &p.ref_)?;
        let (id, found) = match id {
            None => (self.insert_petition(p)?, Found::New),
            Some(id) => {
                let stored = read::petitions(self.tx, &by_id, Some(id))?
                    .pop()
                    .map(|(_, s)| s);
                let mut want = self.petition_by_id(p, id);
                if want.case.is_none() {
                    // No case in the file: the petition stays in the case it is in.
                    want.case = stored.as_ref().and_then(|s| s.case.clone());
                }
                let found = if stored.as_ref() == Some(&want) {
                    Found::Same
                } else {
                    Found::Changed
                };
                (id, found)
            }
        };
        if matches!(found, Found::Changed) {
            self.update_petition(id, p)?;
        }
        if !matches!(found, Found::Same) {
            self.write_petition_links(id, p)?;
            self.search.written(self.tx, "petitions", id)?;
        }
        tally(&mut self.summary.petitions, &found);
        self.ids.insert((Table::Petition, p.ref_.clone()), id);
        Ok(())
    }

    /// The columns of a petition the file gives (all but its ref, case and links), with
    /// their values from `p`, in [`PETITION_COLUMNS`]'s order.
    fn petition_values(&self, p: &PetitionRecord) -> [Box<dyn rusqlite::ToSql>; 21] {
        let respondent = p.respondent.as_ref();
        [
            Box::new(p.received_on),
            Box::new(crate::store::value::Named(p.channel)),
            Box::new(p.forwarded_by.as_ref().map(|a| self.id(Table::Agency, a))),
            Box::new(p.forwarded_doc.clone()),
            Box::new(crate::store::value::Named(p.kind)),
            Box::new(crate::store::value::Named(p.field)),
            Box::new(p.anonymous),
            Box::new(p.signatories),
            Box::new(respondent.and_then(|r| r.role).map(|r| r.as_str())),
            Box::new(respondent.and_then(|r| r.name.clone())),
            Box::new(p.instance),
            Box::new(p.contested_on),
            Box::new(p.complex),
            Box::new(p.specific),
            Box::new(p.court_accepted),
            Box::new(p.second_instance_on),
            Box::new(p.summary.clone()),
            Box::new(fold(&p.summary)),
            Box::new(
                p.decision_kind
                    .filter(|k| *k != DecisionKind::Administrative)
                    .map(name),
            ),
            Box::new(p.oral),
            Box::new(p.subfield.clone()),
        ]
    }

    /// A new petition: one insert with every column (its links follow).
    fn insert_petition(&mut self, p: &PetitionRecord) -> Result<i64, Error> {
        let case_id = self.case_for(&p.case, &p.summary, p.received_on)?;
        let head: [Box<dyn rusqlite::ToSql>; 3] = [
            Box::new(p.ref_.clone()),
            Box::new(case_id),
            Box::new(self.stamp.clone()),
        ];
        let values = head.into_iter().chain(self.petition_values(p));
        self.tx
            .prepare_cached(&INSERT_PETITION)?
            .execute(rusqlite::params_from_iter(values))?;
        Ok(self.tx.last_insert_rowid())
    }

    /// A stored petition that differs from the file's: every column replaced, and its
    /// links removed (the file's are written next). A petition's events are part of its
    /// record: the file's list replaces the stored one.
    fn update_petition(&mut self, id: i64, p: &PetitionRecord) -> Result<(), Error> {
        for links in ["petition_citizens", "petition_papers", "events"] {
            self.exec(&format!("DELETE FROM {links} WHERE petition_id = ?1"), [id])?;
        }
        crate::desk::denouncer::unlink_petition(self.tx, id)?;
        let case_id = p.case.as_ref().map(|c| self.id(Table::Case, c));
        let head: [Box<dyn rusqlite::ToSql>; 2] = [Box::new(id), Box::new(case_id)];
        let values = head.into_iter().chain(self.petition_values(p));
        self.tx
            .prepare_cached(&UPDATE_PETITION)?
            .execute(rusqlite::params_from_iter(values))?;
        Ok(())
    }

    /// Writes the petitioners, papers and events of petition `id` from `p` (it has none).
    fn write_petition_links(&mut self, id: i64, p: &PetitionRecord) -> Result<(), Error> {
        // A denouncer's identity is stored apart from the petition.
        let people: Vec<i64> = p
            .petitioners
            .iter()
            .map(|c| self.id(Table::Citizen, c))
            .collect();
        if p.kind == PetitionKind::Denunciation {
            crate::desk::denouncer::link(self.tx, id, &people)?;
        } else {
            for (pos, c) in people.iter().enumerate() {
                self.exec(
                    "INSERT INTO petition_citizens (petition_id, citizen_id, position)
                     VALUES (?1, ?2, ?3)",
                    params![id, c, pos],
                )?;
            }
        }
        for paper in &p.papers {
            crate::desk::visits::insert_paper(
                self.tx,
                id,
                &paper.title,
                paper.original,
                paper.certified,
                paper.pages,
            )?;
        }
        for e in &p.events {
            let results = e
                .results
                .as_ref()
                .map(|r| serde_json::to_string(r).expect("numbers serialise"));
            self.exec(
                "INSERT INTO events (petition_id, on_date, kind, action, to_agency, days,
                     decision, result, reason, partial, results, note, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    id,
                    e.on,
                    crate::store::value::Named(e.kind),
                    e.action.map(name),
                    e.to.as_ref().map(|a| self.id(Table::Agency, a)),
                    e.days,
                    e.decision,
                    e.result.map(name),
                    e.reason,
                    e.partial,
                    results,
                    e.minutes,
                    self.stamp
                ],
            )?;
        }
        Ok(())
    }

    fn visit(&mut self, v: &VisitRecord) -> Result<(), Error> {
        let id = self.lookup(Table::Visit, &v.ref_)?;
        let at = crate::store::value::Stamp(v.at);
        let (id, found) = match id {
            None => {
                let case_id = self.case_for(&v.case, &v.summary, v.at.date())?;
                self.exec(
                    "INSERT INTO visits (ref, case_id, at, reception, received_by, people, repeat,
                         summary, summary_fold, outcome, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        v.ref_,
                        case_id,
                        at,
                        crate::store::value::Named(v.reception),
                        crate::store::value::Named(v.received_by),
                        v.people,
                        v.repeat,
                        v.summary,
                        fold(&v.summary),
                        v.outcome,
                        self.stamp
                    ],
                )?;
                (self.tx.last_insert_rowid(), Found::New)
            }
            Some(id) => {
                let stored = read::visits(self.tx, &by_id, Some(id))?
                    .pop()
                    .map(|(_, mut s)| {
                        s.petitions.sort();
                        s
                    });
                let mut want = v.clone();
                want.ref_ = by_id(Table::Visit, id);
                want.case = match &v.case {
                    Some(c) => Some(self.as_stored(Table::Case, c)),
                    None => stored.as_ref().and_then(|s| s.case.clone()),
                };
                let stored_names = |refs: &[String], t| -> Vec<String> {
                    refs.iter().map(|r| self.as_stored(t, r)).collect()
                };
                want.citizens = stored_names(&v.citizens, Table::Citizen);
                want.representatives = stored_names(&v.representatives, Table::Citizen);
                want.petitions = stored_names(&v.petitions, Table::Petition);
                want.petitions.sort();
                if stored.as_ref() == Some(&want) {
                    (id, Found::Same)
                } else {
                    let case_id = v.case.as_ref().map(|c| self.id(Table::Case, c));
                    self.exec(
                        "UPDATE visits SET case_id = coalesce(?2, case_id), at = ?3, reception = ?4,
                             received_by = ?5, people = ?6, repeat = ?7, summary = ?8,
                             summary_fold = ?9, outcome = ?10
                         WHERE id = ?1",
                        params![
                            id,
                            case_id,
                            at,
                            crate::store::value::Named(v.reception),
                            crate::store::value::Named(v.received_by),
                            v.people,
                            v.repeat,
                            v.summary,
                            fold(&v.summary),
                            v.outcome
                        ],
                    )?;
                    self.exec("DELETE FROM visit_citizens WHERE visit_id = ?1", [id])?;
                    self.exec(
                        "UPDATE petitions SET visit_id = NULL WHERE visit_id = ?1",
                        [id],
                    )?;
                    (id, Found::Changed)
                }
            }
        };
        if !matches!(found, Found::Same) {
            for (pos, c) in v.citizens.iter().enumerate() {
                self.exec(
                    "INSERT INTO visit_citizens (visit_id, citizen_id, position, representative)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        id,
                        self.id(Table::Citizen, c),
                        pos,
                        v.representatives.contains(c)
                    ],
                )?;
            }
            for p in &v.petitions {
                self.exec(
                    "UPDATE petitions SET visit_id = ?1 WHERE id = ?2",
                    params![id, self.id(Table::Petition, p)],
                )?;
            }
        }
        tally(&mut self.summary.visits, &found);
        if !matches!(found, Found::Same) {
            self.search.written(self.tx, "visits", id)?;
        }
        // No record points to a visit: its id is not kept (memory at a million records).
        Ok(())
    }

    fn plan(&mut self, p: &ReceptionPlanRecord) -> Result<(), Error> {
        let id = self.lookup(Table::Plan, &p.ref_)?;
        let stored = match id {
            Some(id) => Some(read::plans(self.tx, &|_, _| p.ref_.clone(), Some(id))?),
            None => None,
        };
        let found = Found::compare(stored, p);
        let rule = serde_json::to_string(&p.rule).expect("a plan rule serialises");
        let values = params![
            p.ref_,
            crate::store::value::Named(p.host),
            p.host_name,
            rule,
            p.from,
            p.to,
            p.place,
            p.start,
            p.end,
            self.stamp
        ];
        match (id, &found) {
            (_, Found::Same) => {}
            (Some(id), _) => {
                let mut all = values[..9].to_vec();
                all.push(&id);
                self.exec(
                    "UPDATE reception_plans SET ref = ?1, host = ?2, host_name = ?3, rule = ?4,
                         from_date = ?5, to_date = ?6, place = ?7, start_time = ?8, end_time = ?9
                     WHERE id = ?10",
                    all.as_slice(),
                )?;
            }
            (None, _) => {
                self.exec(
                    "INSERT INTO reception_plans (ref, host, host_name, rule, from_date, to_date,
                         place, start_time, end_time, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    values,
                )?;
            }
        }
        tally(&mut self.summary.reception_plans, &found);
        Ok(())
    }

    /// Sets `denouncer_only` of the file's citizens from every link they now have: 1 when
    /// all of them are to denunciations (as denouncer, or at a visit where only
    /// denunciations were handed in), 0 otherwise. Rows already right are not touched.
    fn mark_denouncers(&mut self) -> Result<(), Error> {
        let only = crate::desk::denouncer::only_denouncers(self.tx)?;
        let citizens: Vec<i64> = self
            .ids
            .iter()
            .filter(|((t, _), _)| *t == Table::Citizen)
            .map(|(_, id)| *id)
            .collect();
        for id in citizens {
            let flag = only.contains(&id);
            let changed = self.exec(
                "UPDATE citizens SET denouncer_only = ?2 WHERE id = ?1 AND denouncer_only != ?2",
                params![id, flag],
            )?;
            if changed > 0 {
                self.search.written(self.tx, "citizens", id)?;
            }
        }
        Ok(())
    }
}
