//! A recorded visit read back whole: its people, its petitions and their papers. What the
//! documents print and the window shows after saving.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::desk::{Desk, from_name};
use crate::domain::identity::Sex;
use crate::domain::visit::{PaperInput, PetitionKind, ReceivedBy, Reception};
use crate::error::{Error, FieldError, Result};

/// A person at a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VisitPerson {
    #[ts(type = "number")]
    pub citizen_id: i64,
    pub full_name: String,
    pub id_number: Option<String>,
    pub id_issued_on: Option<String>,
    pub id_issued_by: Option<String>,
    pub gender: Option<Sex>,
    pub address: String,
    pub phone: Option<String>,
    pub representative: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VisitPetition {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: PetitionKind,
    pub summary: String,
    pub anonymous: bool,
    pub papers: Vec<PaperInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VisitRecord {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub case_id: i64,
    pub case_title: String,
    /// `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    pub reception: Reception,
    pub received_by: ReceivedBy,
    pub people: u32,
    pub repeat: bool,
    pub summary: String,
    pub outcome: String,
    /// The officer who recorded the visit (signed in at the desk), when known.
    pub officer_name: Option<String>,
    /// In the order typed; representatives flagged.
    pub people_named: Vec<VisitPerson>,
    /// The names were withheld: a denunciation was handed in at this visit.
    pub withheld: bool,
    pub petitions: Vec<VisitPetition>,
}

fn bad(i: usize, e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

impl Desk {
    /// The visit `visit_id`, or a clear message when it is not in the register.
    pub fn visit(&self, visit_id: i64) -> Result<VisitRecord> {
        self.signed_in()?;
        let conn = self.store.conn();
        let visit = conn
            .query_row(
                "SELECT v.id, v.case_id, coalesce(c.title, ''), v.at, v.reception, v.received_by,
                        v.people, v.repeat, v.summary, v.outcome, o.full_name
                 FROM visits v LEFT JOIN cases c ON c.id = v.case_id
                      LEFT JOIN officers o ON o.id = v.officer_id
                 WHERE v.id = ?1",
                [visit_id],
                |r| {
                    Ok(VisitRecord {
                        id: r.get(0)?,
                        case_id: r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                        case_title: r.get(2)?,
                        at: r.get(3)?,
                        reception: r.get::<_, crate::store::value::Named<_>>(4)?.0,
                        received_by: r.get::<_, crate::store::value::Named<_>>(5)?.0,
                        people: r.get(6)?,
                        repeat: r.get(7)?,
                        summary: r.get(8)?,
                        outcome: r.get(9)?,
                        officer_name: r.get(10)?,
                        people_named: Vec::new(),
                        withheld: false,
                        petitions: Vec::new(),
                    })
                },
            )
            .optional()?;
        let Some(mut visit) = visit else {
            return Err(Error::Invalid(vec![FieldError::new(
                "visit",
                format!("Không có lượt tiếp số {visit_id} trong sổ."),
            )]));
        };
        let mut stmt = conn.prepare(
            "SELECT c.id, c.full_name, c.id_number, c.id_issued_on, c.id_issued_by, c.gender,
                    c.address, c.phone, vc.representative
             FROM visit_citizens vc JOIN citizens c ON c.id = vc.citizen_id
             WHERE vc.visit_id = ?1 ORDER BY vc.position",
        )?;
        visit.people_named = stmt
            .query_map([visit_id], |r| {
                let gender: Option<String> = r.get(5)?;
                Ok(VisitPerson {
                    citizen_id: r.get(0)?,
                    full_name: r.get(1)?,
                    id_number: r.get(2)?,
                    id_issued_on: r.get(3)?,
                    id_issued_by: r.get(4)?,
                    gender: gender
                        .map(|g| from_name(&g).map_err(|e| bad(5, e)))
                        .transpose()?,
                    address: r.get(6)?,
                    phone: r.get(7)?,
                    representative: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare(
            "SELECT id, kind, summary, anonymous FROM petitions WHERE visit_id = ?1 ORDER BY id",
        )?;
        let mut petitions: Vec<VisitPetition> = stmt
            .query_map([visit_id], |r| {
                let kind: String = r.get(1)?;
                Ok(VisitPetition {
                    id: r.get(0)?,
                    kind: from_name(&kind).map_err(|e| bad(1, e))?,
                    summary: r.get(2)?,
                    anonymous: r.get(3)?,
                    papers: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut papers = conn.prepare(
            "SELECT title, original, pages, certified FROM petition_papers WHERE petition_id = ?1 ORDER BY id",
        )?;
        for p in &mut petitions {
            p.papers = papers
                .query_map(params![p.id], |r| {
                    Ok(PaperInput {
                        title: r.get(0)?,
                        original: r.get(1)?,
                        pages: r.get(2)?,
                        certified: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        visit.petitions = petitions;
        Ok(visit)
    }
}

impl Desk {
    /// The visit as any screen but the desk that recorded it may show it: with no names
    /// when a denunciation was handed in at it.
    pub fn visit_for_lists(&self, visit_id: i64) -> Result<VisitRecord> {
        self.signed_in()?;
        let mut v = self.visit(visit_id)?;
        if v.petitions
            .iter()
            .any(|p| p.kind == PetitionKind::Denunciation)
        {
            v.people_named.clear();
            v.withheld = true;
        }
        Ok(v)
    }
}

impl VisitRecord {
    /// A denunciation was handed in at this visit: its documents name the denouncer.
    pub fn names_a_denouncer(&self) -> bool {
        self.petitions
            .iter()
            .any(|p| p.kind == PetitionKind::Denunciation)
    }

    /// The people who speak for the visit (at least the first person).
    pub fn representatives(&self) -> Vec<&VisitPerson> {
        let reps: Vec<&VisitPerson> = self
            .people_named
            .iter()
            .filter(|p| p.representative)
            .collect();
        if reps.is_empty() {
            self.people_named.iter().take(1).collect()
        } else {
            reps
        }
    }

    /// What was handed in or said, as one paragraph: each petition's kind and summary, or
    /// the visit's summary when no petition was handed in.
    pub fn content(&self) -> String {
        if self.petitions.is_empty() {
            return self.summary.clone();
        }
        self.petitions
            .iter()
            .map(|p| format!("{}: {}", kind_label(p.kind), p.summary))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// "Đơn khiếu nại", "Đơn tố cáo", …
pub fn kind_label(kind: PetitionKind) -> &'static str {
    match kind {
        PetitionKind::Complaint => "Đơn khiếu nại",
        PetitionKind::Denunciation => "Đơn tố cáo",
        PetitionKind::Recommendation => "Đơn kiến nghị",
        PetitionKind::Feedback => "Đơn phản ánh",
    }
}
