//! Checks across records: refs unique within their type and pointing at records of the
//! file, one office, one line per calendar date, one citizen per identity number, events
//! in date order; and what cases take from their records when the file does not say.

use std::collections::{HashMap, HashSet};

use super::LineError;
use super::record::*;
use tiepdan_domain::visit::PetitionKind;

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
}

impl Checker<'_> {
    /// Reports `ref_` at `field` of `line` unless a record of `kind` declares it.
    fn points_to(&mut self, line: usize, field: &str, kind: &str, ref_: &str) {
        if !self.declared.has(kind, ref_) {
            self.errors.push(LineError::new(
                line,
                field,
                format!(
                    "không có {} nào mang ref \"{ref_}\" trong tệp; hãy thêm bản ghi đó hoặc sửa ref.",
                    label(kind)
                ),
            ));
        }
    }

    fn list(&mut self, line: usize, field: &str, kind: &str, refs: &[String]) {
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

pub(super) fn check_across(
    records: &mut [(usize, Record)],
    declared: &Declared,
    errors: &mut Vec<LineError>,
) {
    errors.extend(declared.duplicates.iter().cloned());
    let mut c = Checker { declared, errors };
    let mut office_line = None;
    let mut dates = HashMap::new();
    let mut id_numbers = HashMap::new();
    let mut in_visit: HashMap<&str, usize> = HashMap::new();
    for (line, record) in records.iter() {
        let line = *line;
        match record {
            Record::Office(_) => match office_line {
                Some(first) => c.errors.push(LineError::new(
                    line,
                    "",
                    format!("tệp chỉ được có một bản ghi office; đã có ở dòng {first}."),
                )),
                None => office_line = Some(line),
            },
            Record::Calendar(d) => {
                if let Some(first) = dates.insert(d.date, line) {
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
                    && let Some(first) = id_numbers.insert(n.clone(), line)
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
                    if let Some(first) = in_visit.insert(p, line) {
                        c.errors.push(LineError::new(
                            line,
                            &format!("petitions[{i}]"),
                            format!("đơn \"{p}\" đã thuộc lượt tiếp ở dòng {first}; một đơn chỉ nộp tại một lượt tiếp."),
                        ));
                    }
                }
            }
            Record::Petition(p) => check_petition(&mut c, line, p),
            Record::Agency(_) | Record::Case(_) | Record::ReceptionPlan(_) => {}
        }
    }
    fill_cases(records, errors);
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

/// Fills the title and opening date a case record left out from its visits and
/// petitions: the first one's summary, the earliest date.
fn fill_cases(records: &mut [(usize, Record)], errors: &mut Vec<LineError>) {
    let mut first_summary: HashMap<String, (u8, String)> = HashMap::new();
    let mut earliest: HashMap<String, chrono::NaiveDate> = HashMap::new();
    for (_, r) in records.iter() {
        let (case, date, summary, rank) = match r {
            Record::Petition(p) => (&p.case, p.received_on, &p.summary, 0),
            Record::Visit(v) => (&v.case, v.at.date(), &v.summary, 1),
            _ => continue,
        };
        let Some(case) = case else { continue };
        let e = earliest.entry(case.clone()).or_insert(date);
        *e = (*e).min(date);
        let s = first_summary
            .entry(case.clone())
            .or_insert((rank, summary.clone()));
        if rank < s.0 {
            *s = (rank, summary.clone());
        }
    }
    for (line, r) in records.iter_mut() {
        let Record::Case(case) = r else { continue };
        if case.title.is_empty()
            && let Some((_, s)) = first_summary.get(&case.ref_)
        {
            case.title = s.chars().take(200).collect();
        }
        if case.opened_on == chrono::NaiveDate::MIN {
            match earliest.get(&case.ref_) {
                Some(d) => case.opened_on = *d,
                None => errors.push(LineError::new(
                    *line,
                    "opened_on",
                    "vụ việc không có lượt tiếp hay đơn nào trong tệp; hãy ghi ngày mở vụ việc (YYYY-MM-DD).",
                )),
            }
        }
    }
}

/// The refs of the file's citizens known only as denouncers: every link of theirs in the
/// file is to a denunciation (as its petitioner) or to a visit at which only
/// denunciations were handed in.
pub fn denouncer_only(records: &[(usize, Record)]) -> HashSet<String> {
    let denunciations: HashSet<&str> = records
        .iter()
        .filter_map(|(_, r)| match r {
            Record::Petition(p) if p.kind == PetitionKind::Denunciation => Some(p.ref_.as_str()),
            _ => None,
        })
        .collect();
    let mut denouncing = HashSet::new();
    let mut otherwise = HashSet::new();
    for (_, r) in records {
        match r {
            Record::Petition(p) => {
                let set = if denunciations.contains(p.ref_.as_str()) {
                    &mut denouncing
                } else {
                    &mut otherwise
                };
                set.extend(p.petitioners.iter().cloned());
            }
            Record::Visit(v) => {
                let only = !v.petitions.is_empty()
                    && v.petitions
                        .iter()
                        .all(|p| denunciations.contains(p.as_str()));
                let set = if only {
                    &mut denouncing
                } else {
                    &mut otherwise
                };
                set.extend(v.citizens.iter().cloned());
            }
            _ => {}
        }
    }
    denouncing.difference(&otherwise).cloned().collect()
}
