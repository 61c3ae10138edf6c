//! Checks across records: refs unique within their type and pointing at records of the
//! file, one office, one line per calendar date, one citizen per identity number, events
//! in date order; and what cases take from their records when the file does not say.

use std::collections::{HashMap, HashSet};

use super::LineError;
use super::record::*;

/// The refs each line declared, even on lines refused for other reasons, so that a
/// record with a problem is reported once and not again as a dangling ref.
#[derive(Debug, Default)]
pub(super) struct Declared {
    refs: HashMap<String, HashMap<String, usize>>,
    duplicates: Vec<LineError>,
}

impl Declared {
    pub fn add(&mut self, kind: &str, ref_: &str, line: usize) {
        let refs = self.refs.entry(kind.to_owned()).or_default();
        if let Some(first) = refs.get(ref_) {
            self.duplicates.push(LineError::new(
                line,
                "ref",
                format!(
                    "ref \"{ref_}\" đã dùng cho một bản ghi {kind} khác ở dòng {first}; mỗi bản ghi cần một ref riêng."
                ),
            ));
        } else {
            refs.insert(ref_.to_owned(), line);
        }
    }

    fn has(&self, kind: &str, ref_: &str) -> bool {
        self.refs.get(kind).is_some_and(|r| r.contains_key(ref_))
    }
}

/// What each kind of record is called in messages.
fn label(kind: &str) -> &'static str {
    match kind {
        "citizen" => "công dân (citizen)",
        "agency" => "cơ quan (agency)",
        "case" => "vụ việc (case)",
        "petition" => "đơn (petition)",
        _ => "bản ghi",
    }
}

struct Checker<'a> {
    declared: &'a Declared,
    errors: &'a mut Vec<LineError>,
    pending: &'a mut Vec<(usize, String, &'static str, String)>,
}

impl Checker<'_> {
    /// Reports `ref_` at `field` of `line` unless a record of `kind` declares it; one not
    /// declared yet is checked again at the end.
    fn points_to(&mut self, line: usize, field: &str, kind: &'static str, ref_: &str) {
        if !self.declared.has(kind, ref_) {
            self.pending
                .push((line, field.to_owned(), kind, ref_.to_owned()));
        }
    }

    fn list(&mut self, line: usize, field: &str, kind: &'static str, refs: &[String]) {
        let mut seen = HashSet::new();
        for (i, r) in refs.iter().enumerate() {
            let path = format!("{field}[{i}]");
            self.points_to(line, &path, kind, r);
            if !seen.insert(r) {
                self.errors.push(LineError::new(
                    line,
                    &path,
                    format!("ref \"{r}\" được ghi hai lần trong danh sách; hãy bỏ bớt."),
                ));
            }
        }
    }
}

#[derive(Default)]
pub(super) struct Across {
    office_line: Option<usize>,
    dates: HashMap<chrono::NaiveDate, usize>,
    id_numbers: HashMap<String, usize>,
    in_visit: HashMap<String, usize>,
    /// Refs pointed to before any record declared them: (line, field, kind, ref).
    pending: Vec<(usize, String, &'static str, String)>,
    errors: Vec<LineError>,
    cases: CaseFacts,
}

impl Across {
    /// Checks `record` of `line` against the records before it.
    pub fn record(&mut self, declared: &Declared, line: usize, record: &Record) {
        let mut c = Checker {
            declared,
            errors: &mut self.errors,
            pending: &mut self.pending,
        };
        match record {
            Record::Office(_) => match self.office_line {
                Some(first) => c.errors.push(LineError::new(
                    line,
                    "",
                    format!("tệp chỉ được có một bản ghi office; đã có ở dòng {first}."),
                )),
                None => self.office_line = Some(line),
            },
            Record::Calendar(d) => {
                if let Some(first) = self.dates.insert(d.date, line) {
                    c.errors.push(LineError::new(
                        line,
                        "date",
                        format!(
                            "ngày {} đã có ở dòng {first}; mỗi ngày chỉ ghi một lần.",
                            d.date
                        ),
                    ));
                }
            }
            Record::Citizen(p) => {
                if let Some(n) = &p.id_number
                    && let Some(first) = self.id_numbers.insert(n.clone(), line)
                {
                    c.errors.push(LineError::new(
                        line,
                        "id_number",
                        format!("số giấy tờ {n} đã có ở công dân dòng {first}; một người chỉ ghi một bản ghi citizen."),
                    ));
                }
            }
            Record::Visit(v) => {
                c.list(line, "citizens", "citizen", &v.citizens);
                c.list(line, "petitions", "petition", &v.petitions);
                if let Some(case) = &v.case {
                    c.points_to(line, "case", "case", case);
                }
                for (i, p) in v.petitions.iter().enumerate() {
                    if let Some(first) = self.in_visit.insert(p.clone(), line) {
                        c.errors.push(LineError::new(
                            line,
                            &format!("petitions[{i}]"),
                            format!("đơn \"{p}\" đã thuộc lượt tiếp ở dòng {first}; một đơn chỉ nộp tại một lượt tiếp."),
                        ));
                    }
                }
            }
            Record::Petition(p) => check_petition(&mut c, line, p),
            Record::Agency(_) | Record::ReceptionPlan(_) => {}
            Record::Case(_) => {}
        }
        self.cases.record(line, record);
    }

    /// The problems found, the refs still pending checked against every record of the
    /// file; and what the case records left out.
    pub fn finish(mut self, declared: &Declared) -> (Vec<LineError>, CaseFills) {
        let mut errors = declared.duplicates.clone();
        errors.append(&mut self.errors);
        for (line, field, kind, r) in self.pending {
            if !declared.has(kind, &r) {
                errors.push(dangling(line, &field, kind, &r));
            }
        }
        let fills = self.cases.finish(&mut errors);
        (errors, fills)
    }
}

fn dangling(line: usize, field: &str, kind: &str, ref_: &str) -> LineError {
    LineError::new(
        line,
        field,
        format!(
            "không có {} nào mang ref \"{ref_}\" trong tệp; hãy thêm bản ghi đó hoặc sửa ref.",
            label(kind)
        ),
    )
}

fn check_petition(c: &mut Checker<'_>, line: usize, p: &PetitionRecord) {
    c.list(line, "petitioners", "citizen", &p.petitioners);
    if let Some(a) = &p.forwarded_by {
        c.points_to(line, "forwarded_by", "agency", a);
    }
    if let Some(case) = &p.case {
        c.points_to(line, "case", "case", case);
    }
    let mut previous = p.received_on;
    for (i, e) in p.events.iter().enumerate() {
        if let Some(to) = &e.to {
            c.points_to(line, &format!("events[{i}].to"), "agency", to);
        }
        if e.on < previous {
            let what = if i == 0 {
                format!("ngày {} trước ngày nhận đơn ({}).", e.on, p.received_on)
            } else {
                format!(
                    "ngày {} trước sự kiện liền trước ({previous}); các sự kiện phải theo thứ tự ngày.",
                    e.on
                )
            };
            c.errors
                .push(LineError::new(line, &format!("events[{i}].on"), what));
        }
        previous = previous.max(e.on);
    }
}

/// What a case record may leave out, taken from its visits and petitions: the first one's
/// summary (a petition's before a visit's) and the earliest date. Gathered only for cases
/// not already known whole, so a file that gives every case its title and date costs one
/// set of refs.
#[derive(Default)]
struct CaseFacts {
    /// Cases whose record gave both title and opening date.
    whole: HashSet<String>,
    /// Case records that left something out: their line.
    partial: HashMap<String, usize>,
    first_summary: HashMap<String, (u8, String)>,
    earliest: HashMap<String, chrono::NaiveDate>,
}

/// The title and opening date of the case records that left them out, by ref.
#[derive(Debug, Default)]
pub struct CaseFills {
    titles: HashMap<String, String>,
    opened: HashMap<String, chrono::NaiveDate>,
}

impl CaseFills {
    /// Fills what `case` left out.
    pub fn fill(&self, case: &mut CaseRecord) {
        if case.title.is_empty()
            && let Some(t) = self.titles.get(&case.ref_)
        {
            case.title = t.clone();
        }
        if case.opened_on == chrono::NaiveDate::MIN
            && let Some(d) = self.opened.get(&case.ref_)
        {
            case.opened_on = *d;
        }
    }
}

impl CaseFacts {
    fn record(&mut self, line: usize, r: &Record) {
        let (case, date, summary, rank) = match r {
            Record::Case(c) => {
                if !c.title.is_empty() && c.opened_on != chrono::NaiveDate::MIN {
                    self.first_summary.remove(&c.ref_);
                    self.earliest.remove(&c.ref_);
                    self.whole.insert(c.ref_.clone());
                } else {
                    self.partial.insert(c.ref_.clone(), line);
                }
                return;
            }
            Record::Petition(p) => (&p.case, p.received_on, &p.summary, 0),
            Record::Visit(v) => (&v.case, v.at.date(), &v.summary, 1),
            _ => return,
        };
        let Some(case) = case else { return };
        if self.whole.contains(case) {
            return;
        }
        let e = self.earliest.entry(case.clone()).or_insert(date);
        *e = (*e).min(date);
        let title: String = summary.chars().take(200).collect();
        let s = self
            .first_summary
            .entry(case.clone())
            .or_insert((rank, title.clone()));
        if rank < s.0 {
            *s = (rank, title);
        }
    }

    fn finish(self, errors: &mut Vec<LineError>) -> CaseFills {
        let mut fills = CaseFills::default();
        for (case, line) in self.partial {
            if let Some((_, s)) = self.first_summary.get(&case) {
                fills.titles.insert(case.clone(), s.clone());
            }
            match self.earliest.get(&case) {
                Some(d) => {
                    fills.opened.insert(case, *d);
                }
                None => errors.push(LineError::new(
                    line,
                    "opened_on",
                    "vụ việc không có lượt tiếp hay đơn nào trong tệp; hãy ghi ngày mở vụ việc (YYYY-MM-DD).",
                )),
            }
        }
        fills
    }
}
