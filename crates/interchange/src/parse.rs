//! From text to records: each line read on its own (JSON, type, fields), then the checks
//! across records (`check.rs`). Every problem of every line is reported.

use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

use super::LineError;
use super::check::{Across, CaseFills, Declared};
use super::fields::{Fields, allowed};
use super::record::*;
use tiepdan_domain::agency::AgencyInput;
use tiepdan_domain::citizen::CitizenInput;
use tiepdan_domain::identity::IdKind;
use tiepdan_domain::office::OfficeInput;
use tiepdan_domain::visit::{DecisionKind, PetitionKind};
use tiepdan_rules::identity::IdentityRules;

/// What a record's `type` may be.
const TYPES: &str = "office, calendar, agency, citizen, case, visit, petition, reception_plan";

/// Where a good record of a file is: its first byte, its line (from 1) and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub offset: u64,
    pub line: usize,
    pub kind: Kind,
}

/// A record's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Office,
    Calendar,
    Agency,
    Citizen,
    Case,
    Petition,
    Visit,
    ReceptionPlan,
}

impl Kind {
    fn of(r: &Record) -> Kind {
        match r {
            Record::Office(_) => Kind::Office,
            Record::Calendar(_) => Kind::Calendar,
            Record::Agency(_) => Kind::Agency,
            Record::Citizen(_) => Kind::Citizen,
            Record::Case(_) => Kind::Case,
            Record::Petition(_) => Kind::Petition,
            Record::Visit(_) => Kind::Visit,
            Record::ReceptionPlan(_) => Kind::ReceptionPlan,
        }
    }
}

/// A file checked whole without holding its records: where each one is, to be read
/// again one at a time ([`Checked::read`]), and what its case records left out.
#[derive(Debug)]
pub struct Checked {
    /// Every record, in file order.
    pub records: Vec<Placed>,
    fills: CaseFills,
    rules: IdentityRules,
    this_year: i32,
}

/// Why a file was not checked through.
#[derive(Debug)]
pub enum CheckError {
    /// Every problem found, in line order.
    Invalid(Vec<LineError>),
    /// The file could not be read.
    Read(std::io::Error),
    /// The caller asked to stop.
    Stopped,
}

/// Checks a file line by line, holding the refs and what the checks across records need,
/// never the records themselves. Blank lines and lines starting with `//` are skipped;
/// text is NFC-normalised and cleaned as the app stores it. `rules` and `this_year` are
/// those of the identity checks (`CitizenInput::validate`). `on_line` is told the bytes
/// read so far after each line and may stop the check (`false`).
pub fn check(
    src: &mut impl std::io::BufRead,
    rules: &IdentityRules,
    this_year: i32,
    on_line: &mut dyn FnMut(u64) -> bool,
) -> Result<Checked, CheckError> {
    let mut errors = Vec::new();
    let mut records = Vec::new();
    let mut declared = Declared::default();
    let mut across = Across::default();
    let mut lines = Lines::default();
    while let Some((offset, line, raw)) = lines.next(src).map_err(CheckError::Read)? {
        let mut line_errors = Vec::new();
        let Some(raw) = raw else {
            errors.push(LineError::new(
                line,
                "",
                "dòng không phải văn bản UTF-8; hãy lưu lại tệp với bảng mã UTF-8.",
            ));
            continue;
        };
        if let Some(r) = read_line(
            &raw,
            line,
            &mut declared,
            rules,
            this_year,
            &mut line_errors,
        ) {
            across.record(&declared, line, &r);
            records.push(Placed {
                offset,
                line,
                kind: Kind::of(&r),
            });
        }
        errors.append(&mut line_errors);
        if !on_line(lines.offset) {
            return Err(CheckError::Stopped);
        }
    }
    let (mut across_errors, fills) = across.finish(&declared);
    errors.append(&mut across_errors);
    if errors.is_empty() {
        Ok(Checked {
            records,
            fills,
            rules: rules.clone(),
            this_year,
        })
    } else {
        errors.sort_by_key(|e| e.line);
        Err(CheckError::Invalid(errors))
    }
}

impl Checked {
    /// Reads the record at `at` again, with what its case record left out filled in.
    /// Records read in file order are read straight on, without seeking.
    pub fn read<R: std::io::BufRead + std::io::Seek>(
        &self,
        src: &mut Source<R>,
        at: Placed,
    ) -> std::io::Result<Record> {
        if src.lines.offset != at.offset {
            src.inner.seek(std::io::SeekFrom::Start(at.offset))?;
            src.lines.offset = at.offset;
        }
        src.lines.line = at.line - 1;
        let Some((_, line, Some(raw))) = src.lines.next(&mut src.inner)? else {
            return Err(changed());
        };
        let mut errors = Vec::new();
        let record = read_line(
            &raw,
            line,
            &mut Declared::default(),
            &self.rules,
            self.this_year,
            &mut errors,
        );
        match record {
            Some(Record::Case(mut c)) if errors.is_empty() && at.kind == Kind::Case => {
                self.fills.fill(&mut c);
                Ok(Record::Case(c))
            }
            Some(r) if errors.is_empty() && Kind::of(&r) == at.kind => Ok(r),
            _ => Err(changed()),
        }
    }
}

/// A file being read again for [`Checked::read`], which knows where it stands.
pub struct Source<R> {
    inner: R,
    lines: Lines,
}

impl<R: std::io::BufRead + std::io::Seek> Source<R> {
    /// `inner` at its start.
    pub fn new(mut inner: R) -> std::io::Result<Source<R>> {
        inner.rewind()?;
        Ok(Source {
            inner,
            lines: Lines::default(),
        })
    }
}

/// The file changed between the check and the reading.
fn changed() -> std::io::Error {
    std::io::Error::other("tệp đã thay đổi trong khi nhập; hãy nhập lại.")
}

/// Reads a file's lines with their first byte and number, and their text when it is
/// UTF-8 (a byte-order mark at the start left out).
#[derive(Default)]
struct Lines {
    offset: u64,
    line: usize,
    buf: Vec<u8>,
}

impl Lines {
    fn next(
        &mut self,
        src: &mut impl std::io::BufRead,
    ) -> std::io::Result<Option<(u64, usize, Option<String>)>> {
        self.buf.clear();
        let n = src.read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        let start = self.offset;
        self.offset += n as u64;
        self.line += 1;
        let text = std::str::from_utf8(&self.buf).ok().map(|t| {
            if start == 0 {
                t.strip_prefix('\u{feff}').unwrap_or(t).to_owned()
            } else {
                t.to_owned()
            }
        });
        Ok(Some((start, self.line, text)))
    }
}

/// Parses and checks a whole text ([`check`], then every record read back). On success
/// every record comes with its line number (from 1); otherwise every problem found, in
/// line order.
pub fn parse(
    text: &str,
    rules: &IdentityRules,
    this_year: i32,
) -> Result<Vec<(usize, Record)>, Vec<LineError>> {
    let checked = match check(&mut text.as_bytes(), rules, this_year, &mut |_| true) {
        Ok(c) => c,
        Err(CheckError::Invalid(errors)) => return Err(errors),
        Err(e) => unreachable!("a text in memory is read whole: {e:?}"),
    };
    let mut src = Source::new(std::io::Cursor::new(text.as_bytes()))
        .expect("a text in memory can be rewound");
    Ok(checked
        .records
        .iter()
        .map(|at| {
            let r = checked
                .read(&mut src, *at)
                .expect("a text in memory does not change");
            (at.line, r)
        })
        .collect())
}

/// One line: skipped when blank or a `//` comment, else its record when it has no
/// problem (its problems added to `errors`).
fn read_line(
    raw: &str,
    line: usize,
    declared: &mut Declared,
    rules: &IdentityRules,
    this_year: i32,
    errors: &mut Vec<LineError>,
) -> Option<Record> {
    let trimmed = raw.trim();
    if trimmed.is_empty() || trimmed.starts_with("//") {
        return None;
    }
    // Most files are NFC already: checked cheaply, normalised only when not.
    let nfc: std::borrow::Cow<str> = match unicode_normalization::is_nfc_quick(trimmed.chars()) {
        unicode_normalization::IsNormalized::Yes => trimmed.into(),
        _ => trimmed.nfc().collect::<String>().into(),
    };
    let obj = match serde_json::from_str::<Value>(&nfc) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => {
            errors.push(LineError::new(
                line,
                "",
                "mỗi dòng phải là một đối tượng JSON {…} có trường \"type\".",
            ));
            return None;
        }
        Err(e) => {
            errors.push(LineError::new(
                line,
                "",
                format!(
                    "không đọc được JSON (cột {}: {}); hãy kiểm tra dấu nháy, dấu phẩy và ngoặc.",
                    e.column(),
                    json_problem(&e)
                ),
            ));
            return None;
        }
    };
    let mut f = Fields::new(line, &obj, errors);
    let before = f.errors.len();
    let record = read_record(&mut f, declared, rules, this_year);
    let clean_line = f.errors.len() == before;
    record.filter(|_| clean_line)
}

/// serde_json's problem in Vietnamese, as far as it can be said.
fn json_problem(e: &serde_json::Error) -> &'static str {
    let m = e.to_string();
    if m.contains("EOF") {
        "dòng kết thúc giữa chừng"
    } else if m.contains("trailing") {
        "có ký tự thừa sau đối tượng"
    } else if m.contains("key must be a string") {
        "tên trường phải nằm trong dấu nháy kép"
    } else if m.contains("expected `,` or `}`") || m.contains("expected `,` or `]`") {
        "thiếu dấu phẩy hoặc dấu đóng ngoặc"
    } else {
        "cú pháp sai"
    }
}

fn read_record(
    f: &mut Fields<'_>,
    declared: &mut Declared,
    rules: &IdentityRules,
    this_year: i32,
) -> Option<Record> {
    let Some(kind) = f.get("type") else {
        f.error(
            "type",
            format!("thiếu loại bản ghi; dùng một trong: {TYPES}."),
        );
        return None;
    };
    let kind = match kind.as_str() {
        Some(k) => k.to_owned(),
        None => {
            f.error(
                "type",
                format!("phải là một chuỗi ký tự, một trong: {TYPES}."),
            );
            return None;
        }
    };
    // The ref is read first so that references to a record with other problems are not
    // also reported as dangling.
    let with_ref = matches!(
        kind.as_str(),
        "agency" | "citizen" | "case" | "visit" | "petition" | "reception_plan"
    );
    let r = if with_ref {
        let r = f.text("ref");
        if let Some(r) = &r {
            declared.add(&kind, r, f.line);
        }
        // Without a ref the line is refused, but its other fields are still checked.
        r.unwrap_or_default()
    } else {
        String::new()
    };
    match kind.as_str() {
        "office" => office(f).map(Record::Office),
        "calendar" => calendar(f).map(Record::Calendar),
        "agency" => agency(f, r).map(Record::Agency),
        "citizen" => citizen(f, r, rules, this_year).map(Record::Citizen),
        "case" => Some(Record::Case(case(f, r))),
        "visit" => visit(f, r).map(Record::Visit),
        "petition" => petition(f, r).map(Record::Petition),
        "reception_plan" => plan(f, r).map(Record::ReceptionPlan),
        other => {
            f.error(
                "type",
                format!("loại bản ghi \"{other}\" không có; dùng một trong: {TYPES}."),
            );
            None
        }
    }
}

/// Field errors of a domain validation, on this line.
fn domain_errors(f: &mut Fields<'_>, errors: Vec<tiepdan_vocab::FieldError>) {
    for e in errors {
        f.error(&e.field, e.message_vi);
    }
}

fn office(f: &mut Fields<'_>) -> Option<tiepdan_domain::office::Office> {
    let input = OfficeInput {
        name: f.text_or_empty("name"),
        parent: f.text_or_empty("parent"),
        place: f.text_or_empty("place"),
        province: f.text_or_empty("province"),
        commune_code: f.opt_text("commune_code"),
        remote_area: f.bool_or("remote_area", false),
        chair: f.text_or_empty("chair"),
        party_secretary: f.opt_text("party_secretary"),
    };
    input.validate().map_err(|e| domain_errors(f, e)).ok()
}

fn calendar(f: &mut Fields<'_>) -> Option<CalendarRecord> {
    Some(CalendarRecord {
        date: f.date("date")?,
        kind: f.vocab("kind")?,
        note: f.text_or_empty("note"),
    })
}

fn agency(f: &mut Fields<'_>, ref_: String) -> Option<AgencyRecord> {
    let name = f.text_or_empty("name");
    let role = f.vocab("role")?;
    let input = AgencyInput {
        name,
        role,
        address: f.opt_text("address"),
    };
    let a = input.validate().map_err(|e| domain_errors(f, e)).ok()?;
    Some(AgencyRecord {
        ref_,
        name: a.name,
        role: a.role,
        address: a.address,
    })
}

fn citizen(
    f: &mut Fields<'_>,
    ref_: String,
    rules: &IdentityRules,
    this_year: i32,
) -> Option<CitizenRecord> {
    let id_kind: Option<IdKind> = f.vocab("id_kind");
    let gender = f.opt_vocab("gender");
    let id_issued_on = f.opt_date("id_issued_on");
    let birth_year = f.opt_int("birth_year", 1900, i64::from(this_year));
    let input = CitizenInput {
        full_name: f.text_or_empty("full_name"),
        id_kind: id_kind?,
        id_number: f.opt_text("id_number"),
        id_issued_on: id_issued_on.map(|d| d.to_string()),
        id_issued_by: f.opt_text("id_issued_by"),
        birth_year: birth_year.map(|y| y as i32),
        gender,
        address: f.text_or_empty("address"),
        phone: f.opt_text("phone"),
    };
    let c = input
        .validate(rules, this_year)
        .map_err(|e| domain_errors(f, e))
        .ok()?;
    Some(CitizenRecord {
        ref_,
        full_name: c.full_name,
        id_kind: c.id_kind,
        id_number: c.id_number,
        id_issued_on: c.id_issued_on,
        id_issued_by: c.id_issued_by,
        birth_year: c.birth_year,
        gender: c.gender,
        address: c.address,
        phone: c.phone,
    })
}

/// A case; a missing title or opening date is filled from its records (`check.rs`).
fn case(f: &mut Fields<'_>, ref_: String) -> CaseRecord {
    let title = f.text_or_empty("title");
    let opened_on = f.opt_date("opened_on");
    CaseRecord {
        ref_,
        title,
        // Placeholder until the checks across records fill it; see `check::fill_cases`.
        opened_on: opened_on.unwrap_or(chrono::NaiveDate::MIN),
    }
}

fn visit(f: &mut Fields<'_>, ref_: String) -> Option<VisitRecord> {
    let at = f.time("at");
    let reception = f.vocab("reception");
    let received_by = f.vocab("received_by");
    let citizens = f.refs("citizens");
    if citizens.is_empty() {
        f.error(
            "citizens",
            "lượt tiếp phải có ít nhất một công dân (danh sách ref công dân).",
        );
    }
    let representatives = f.refs("representatives");
    let people = match f.get("people") {
        None => Some(citizens.len().max(1) as i64),
        Some(_) => f.opt_int("people", 1, 100_000),
    };
    if let Some(p) = people
        && (p as usize) < citizens.len()
    {
        f.error(
            "people",
            format!(
                "số người ({p}) không được ít hơn số công dân đã ghi tên ({}).",
                citizens.len()
            ),
        );
    }
    for r in &representatives {
        if !citizens.contains(r) {
            f.error(
                "representatives",
                format!(
                    "người đại diện \"{r}\" không có trong danh sách `citizens` của lượt tiếp."
                ),
            );
        }
    }
    let repeat = f.bool_or("repeat", false);
    let case = f.opt_text("case");
    let summary = f.text("summary");
    let petitions = f.refs("petitions");
    let outcome = f.text_or_empty("outcome");
    // Stored as a flag per citizen, hence kept in the order of `citizens`.
    let representatives = if representatives.is_empty() {
        citizens.iter().take(1).cloned().collect()
    } else {
        citizens
            .iter()
            .filter(|c| representatives.contains(c))
            .cloned()
            .collect()
    };
    Some(VisitRecord {
        ref_,
        at: at?,
        reception: reception?,
        received_by: received_by?,
        citizens,
        representatives,
        people: people? as u32,
        repeat,
        case,
        summary: summary?,
        petitions,
        outcome,
    })
}

fn petition(f: &mut Fields<'_>, ref_: String) -> Option<PetitionRecord> {
    let received_on = f.date("received_on");
    let channel: Option<Channel> = f.vocab("channel");
    let forwarded_by = f.opt_text("forwarded_by");
    match (channel, &forwarded_by) {
        (Some(Channel::Forwarded), None) => f.error(
            "forwarded_by",
            "đơn do cơ quan khác chuyển đến (channel forwarded) phải ghi ref cơ quan chuyển.",
        ),
        (Some(c), Some(_)) if c != Channel::Forwarded => f.error(
            "forwarded_by",
            "chỉ ghi cơ quan chuyển khi channel là forwarded.",
        ),
        _ => {}
    }
    let forwarded_doc = f.opt_text("forwarded_doc");
    let kind: Option<PetitionKind> = f.vocab("kind");
    let field = f.vocab("field");
    let petitioners = f.refs("petitioners");
    let anonymous = f.bool_or("anonymous", false);
    if anonymous && !petitioners.is_empty() {
        f.error(
            "petitioners",
            "đơn nặc danh (anonymous: true) không được ghi người đứng đơn; hãy để danh sách rỗng hoặc bỏ anonymous.",
        );
    }
    if anonymous && kind == Some(PetitionKind::Complaint) {
        f.error(
            "anonymous",
            "đơn khiếu nại phải ghi rõ họ tên người khiếu nại, không thể nặc danh.",
        );
    }
    let signatories = match f.get("signatories") {
        None => Some(if anonymous {
            0
        } else {
            petitioners.len() as i64
        }),
        Some(_) => f.opt_int("signatories", 0, 100_000),
    };
    let respondent = match f.get("respondent") {
        None => None,
        Some(Value::Object(obj)) => f.nested(obj, "respondent.", |r| {
            let role = r.opt_vocab("role");
            let name = r.opt_text("name");
            (role.is_some() || name.is_some()).then_some(Respondent { role, name })
        }),
        Some(other) => {
            f.error(
                "respondent",
                format!("phải là một đối tượng {{\"role\": …, \"name\": …}}; đang là {other}."),
            );
            None
        }
    };
    let complaint = kind == Some(PetitionKind::Complaint);
    let instance = f.opt_int("instance", 1, 2).map(|n| n as u8);
    if instance.is_some() && !complaint && kind.is_some() {
        f.error(
            "instance",
            "chỉ đơn khiếu nại mới có lần giải quyết (1 hoặc 2).",
        );
    }
    let instance = if complaint {
        instance.or(Some(1))
    } else {
        None
    };
    let contested_on = f.opt_date("contested_on");
    if contested_on.is_some() && !complaint && kind.is_some() {
        f.error(
            "contested_on",
            "chỉ đơn khiếu nại mới có ngày nhận quyết định bị khiếu nại.",
        );
    }
    if let (Some(c), Some(r)) = (contested_on, received_on)
        && c > r
    {
        f.error(
            "contested_on",
            format!("ngày nhận quyết định bị khiếu nại ({c}) không được sau ngày nhận đơn ({r})."),
        );
    }
    let decision_kind: Option<DecisionKind> = f.opt_vocab("decision_kind");
    if decision_kind.is_some() && !complaint && kind.is_some() {
        f.error(
            "decision_kind",
            "chỉ đơn khiếu nại mới có loại quyết định bị khiếu nại.",
        );
    }
    let oral = f.bool_or("oral", false);
    if oral && kind.is_some_and(|k| k != PetitionKind::Denunciation) {
        f.error("oral", "chỉ tố cáo mới ghi \"trình bày trực tiếp\" (oral).");
    }
    let complex = f.bool_or("complex", false);
    let specific = f.bool_or("specific", false);
    let court_accepted = f.bool_or("court_accepted", false);
    let second_instance_on = f.opt_date("second_instance_on");
    let case = f.opt_text("case");
    let summary = f.text("summary");
    let papers = f.objects("papers", |p| {
        Some(Paper {
            title: p.text("title")?,
            original: p.bool_or("original", false),
            certified: p.bool_or("certified", false),
            pages: p.opt_int("pages", 0, 100_000).map(|n| n as u32),
        })
    });
    let events = f.objects("events", event);
    let subfield = tiepdan_domain::hotspot::label(f.opt_text("subfield").as_deref());
    Some(PetitionRecord {
        ref_,
        received_on: received_on?,
        channel: channel?,
        forwarded_by,
        forwarded_doc,
        kind: kind?,
        field: field?,
        petitioners,
        anonymous,
        signatories: signatories? as u32,
        respondent,
        instance,
        contested_on,
        decision_kind: decision_kind.filter(|k| complaint && *k != DecisionKind::Administrative),
        oral,
        complex,
        specific,
        court_accepted,
        second_instance_on,
        case,
        summary: summary?,
        papers: papers?,
        subfield,
        events: events?,
    })
}

/// One event; the fields each kind needs are required, the others are kept as given.
fn event(f: &mut Fields<'_>) -> Option<Event> {
    let on = f.date("on");
    let kind: Option<EventKind> = f.vocab("kind");
    let action: Option<Action> = f.opt_vocab("action");
    let to = f.opt_text("to");
    let days = f.opt_int("days", 1, 366).map(|n| n as u32);
    let decision = f.opt_text("decision");
    let minutes = f.opt_text("minutes");
    let result: Option<Finding> = f.opt_vocab("result");
    let reason = f.opt_text("reason");
    let partial = f.opt_bool("partial");
    let results = results(f);
    match kind {
        Some(EventKind::Handled) if action.is_none() && !f.has("action") => {
            let names = allowed::<Action>().join(", ");
            f.error(
                "action",
                format!("sự kiện handled phải ghi cách xử lý; dùng một trong: {names}."),
            );
        }
        Some(EventKind::Handled) if action == Some(Action::Transfer) && to.is_none() => f.error(
            "to",
            "chuyển đơn (action transfer) phải ghi ref cơ quan nhận.",
        ),
        Some(EventKind::Extended) if days.is_none() && !f.has("days") => {
            f.error("days", "sự kiện extended phải ghi số ngày gia hạn (days).")
        }
        Some(EventKind::Resolved) if result.is_none() && !f.has("result") => {
            let names = allowed::<Finding>().join(", ");
            f.error(
                "result",
                format!("sự kiện resolved phải ghi kết luận; dùng một trong: {names}."),
            );
        }
        Some(EventKind::Terminated) if reason.is_none() && !f.has("reason") => f.error(
            "reason",
            "sự kiện terminated (đình chỉ) phải ghi lý do (reason).",
        ),
        // Only a handling decision has an action: an `accepted` event is an acceptance.
        Some(k) if k != EventKind::Handled && action.is_some() => f.error(
            "action",
            "chỉ sự kiện handled mới ghi cách xử lý (action); hãy bỏ trường này.",
        ),
        _ => {}
    }
    Some(Event {
        on: on?,
        kind: kind?,
        action,
        to,
        days,
        decision,
        minutes,
        result,
        reason,
        partial,
        results: results?,
    })
}

/// `results`: figures keyed by name, each a number ≥ 0. `Some(None)` when absent.
#[allow(clippy::option_option)]
fn results(
    f: &mut Fields<'_>,
) -> Option<Option<std::collections::BTreeMap<String, serde_json::Number>>> {
    let Some(v) = f.get("results") else {
        return Some(None);
    };
    let Some(obj) = v.as_object() else {
        f.error(
            "results",
            format!(
                "phải là một đối tượng {{\"money_recovered\": 0, …}} với các tên: {}.",
                tiepdan_domain::outcome::KEYS.map(|k| k.0).join(", ")
            ),
        );
        return None;
    };
    let mut out = std::collections::BTreeMap::new();
    let mut ok = true;
    for (k, v) in obj {
        match v {
            Value::Number(n) if n.as_f64().is_some_and(|x| x >= 0.0) => {
                out.insert(k.clone(), n.clone());
            }
            _ => {
                f.error(
                    &format!("results.{k}"),
                    format!("phải là một số không âm; đang là {v}."),
                );
                ok = false;
            }
        }
    }
    ok.then_some(Some(out))
}

fn plan(f: &mut Fields<'_>, ref_: String) -> Option<ReceptionPlanRecord> {
    let host = f.vocab("host");
    let host_name = f.text("host_name");
    let rule = match f.get("rule") {
        None => {
            f.error(
                "rule",
                "thiếu lịch tiếp; ghi {\"weekly\": [\"mon\", …]} hoặc {\"monthly\": [10, 25]}.",
            );
            None
        }
        Some(Value::Object(obj)) => plan_rule(f, obj),
        Some(other) => {
            f.error(
                "rule",
                format!("phải là {{\"weekly\": [\"mon\", …]}} hoặc {{\"monthly\": [10, 25]}}; đang là {other}."),
            );
            None
        }
    };
    let from = f.date("from");
    let to = f.opt_date("to");
    if let (Some(a), Some(b)) = (from, to)
        && b < a
    {
        f.error(
            "to",
            format!("ngày kết thúc ({b}) trước ngày bắt đầu ({a})."),
        );
    }
    let place = f.text("place");
    let start = f.clock("start");
    let end = f.clock("end");
    if let (Some(s), Some(e)) = (&start, &end)
        && e <= s
    {
        f.error(
            "end",
            format!("giờ kết thúc ({e}) phải sau giờ bắt đầu ({s})."),
        );
    }
    Some(ReceptionPlanRecord {
        ref_,
        host: host?,
        host_name: host_name?,
        rule: rule?,
        from: from?,
        to,
        place: place?,
        start: start?,
        end: end?,
    })
}

fn plan_rule(f: &mut Fields<'_>, obj: &Map<String, Value>) -> Option<PlanRule> {
    let keys: Vec<&String> = obj.keys().collect();
    let bad = |f: &mut Fields<'_>| {
        f.error(
            "rule",
            "phải có đúng một trong hai: \"weekly\" (danh sách thứ mon…sun) hoặc \"monthly\" (danh sách ngày 1–31).",
        );
        None
    };
    match keys.as_slice() {
        [k] if k.as_str() == "weekly" => {
            let before = f.errors.len();
            let days = f.nested(obj, "rule.", |r| {
                let items = r.get("weekly")?.as_array()?;
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item.as_str().map(super::fields::vocab::<Weekday>) {
                        Some(Ok(d)) => out.push(d),
                        _ => {
                            let names = allowed::<Weekday>().join(", ");
                            r.error(
                                &format!("weekly[{i}]"),
                                format!("thứ {item} không hợp lệ; dùng một trong: {names}."),
                            );
                            return None;
                        }
                    }
                }
                out.sort();
                out.dedup();
                (!out.is_empty()).then_some(out)
            });
            match days {
                Some(d) => Some(PlanRule::Weekly(d)),
                None if f.errors.len() > before => None,
                None => bad(f),
            }
        }
        [k] if k.as_str() == "monthly" => {
            let days: Option<Vec<u8>> = obj["monthly"].as_array().and_then(|items| {
                items
                    .iter()
                    .map(|v| v.as_u64().filter(|d| (1..=31).contains(d)).map(|d| d as u8))
                    .collect()
            });
            match days {
                Some(mut d) if !d.is_empty() => {
                    d.sort_unstable();
                    d.dedup();
                    Some(PlanRule::Monthly(d))
                }
                _ => bad(f),
            }
        }
        _ => bad(f),
    }
}
