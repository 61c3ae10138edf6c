//! The registers: Sổ tiếp công dân (one row per visit) and Sổ theo dõi đơn (one row per
//! petition), filtered by date and text. Denouncers' identities are kept off both lists:
//! a visit that only handed in denunciations shows no names, and a denunciation shows no
//! petitioner (they are stored apart and not read here).

use rusqlite::params_from_iter;
use serde::{Deserialize, Serialize};

use crate::domain::flags::Flag;
use ts_rs::TS;

use crate::desk::{Desk, from_name};
use crate::domain::visit::{Field, PetitionKind, ReceivedBy, Reception};
use crate::error::Result;
use crate::text::fold;

/// What the officer narrows a register to. Dates are `YYYY-MM-DD`, inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RegisterFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    /// Words found (without tones) in the summary.
    pub text: Option<String>,
    pub kind: Option<PetitionKind>,
    /// At most this many rows, newest first (0 = all, for the Excel file).
    pub limit: u32,
    /// Petitions only: the locality key of a hot spot (a petitioner's address names it).
    #[serde(default)]
    pub locality: Option<String>,
    /// Petitions only: the sub-field key of a hot spot.
    #[serde(default)]
    pub subfield: Option<String>,
    /// Petitions only: still being handled, overdue, or done.
    #[serde(default)]
    pub status: Option<RegisterStatus>,
    /// Petitions only: the officer responsible for the case.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub officer_id: Option<i64>,
    /// Petitions only: carrying this flag (đông người, kéo dài, phức tạp, vượt cấp).
    #[serde(default)]
    pub flag: Option<crate::domain::flags::Flag>,
}

/// Where a petition stands, for the register's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RegisterStatus {
    /// An office deadline is open (đang giải quyết).
    Open,
    /// An office deadline is past (quá hạn).
    Overdue,
    /// No office deadline open (đã xong).
    Done,
}

/// The shown text where a denouncer's identity is withheld.
pub const WITHHELD: &str = "(thông tin người tố cáo được giữ bí mật)";

/// One row of the Sổ tiếp công dân.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReceptionRow {
    #[ts(type = "number")]
    pub visit_id: i64,
    pub at: String,
    /// Representatives: "Họ tên — địa chỉ — số giấy tờ", one per line.
    pub who: String,
    pub people: u32,
    pub content: String,
    /// "Khiếu nại, Kiến nghị" or "Không có đơn".
    pub kinds: String,
    pub reception: Reception,
    pub received_by: ReceivedBy,
    /// The officer who recorded the visit, when known.
    pub officer_name: Option<String>,
    pub repeat: bool,
    pub outcome: String,
}

/// One row of the Sổ theo dõi đơn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PetitionRow {
    #[ts(type = "number")]
    pub petition_id: i64,
    pub received_on: String,
    pub who: String,
    pub kind: PetitionKind,
    pub field: Field,
    pub summary: String,
    pub channel: String,
    pub forwarded_by: String,
    /// The latest handling recorded, in Vietnamese, or "Chưa xử lý".
    pub handling: String,
    /// The earliest office deadline not yet met, while the petition is open.
    pub next_due: Option<String>,
    /// Crowd, long-running, complex, over-the-level (as of the day asked).
    pub flags: Vec<crate::domain::flags::Flag>,
}

struct Where {
    sql: Vec<String>,
    args: Vec<String>,
}

fn conditions(filter: &RegisterFilter, date: &str, fold_col: &str) -> Where {
    // A voided record (a visit recorded twice) stays in the file but not in the registers.
    let alias = date.split('.').next().unwrap_or(date);
    let mut w = Where {
        sql: vec![format!("{alias}.voided_at IS NULL")],
        args: Vec::new(),
    };
    if let Some(from) = filter.from.as_deref().filter(|s| !s.is_empty()) {
        w.args.push(from.to_owned());
        w.sql
            .push(format!("substr({date}, 1, 10) >= ?{}", w.args.len()));
    }
    if let Some(to) = filter.to.as_deref().filter(|s| !s.is_empty()) {
        w.args.push(to.to_owned());
        w.sql
            .push(format!("substr({date}, 1, 10) <= ?{}", w.args.len()));
    }
    for word in fold(filter.text.as_deref().unwrap_or_default()).split(' ') {
        if !word.is_empty() {
            w.args.push(format!("%{word}%"));
            w.sql.push(format!("{fold_col} LIKE ?{}", w.args.len()));
        }
    }
    w
}

fn limit_sql(limit: u32) -> String {
    if limit == 0 {
        String::new()
    } else {
        format!(" LIMIT {limit}")
    }
}

fn bad(i: usize, e: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
}

impl Desk {
    /// Sổ tiếp công dân, newest first.
    pub fn reception_register(&self, filter: &RegisterFilter) -> Result<Vec<ReceptionRow>> {
        self.signed_in()?;
        let mut w = conditions(filter, "v.at", "v.summary_fold");
        if let Some(kind) = filter.kind {
            w.args.push(crate::desk::name(kind));
            w.sql.push(format!(
                "EXISTS (SELECT 1 FROM petitions p WHERE p.visit_id = v.id AND p.voided_at IS NULL AND p.kind = ?{})",
                w.args.len()
            ));
        }
        let sql = format!(
            "SELECT v.id, v.at, v.people, v.summary, v.reception, v.received_by, v.repeat, v.outcome,
                    (SELECT group_concat(kind, ',') FROM petitions p WHERE p.visit_id = v.id),
                    (SELECT group_concat(c.full_name || ' — ' || c.address
                              || coalesce(' — ' || c.id_number, ''), char(10))
                       FROM visit_citizens vc JOIN citizens c ON c.id = vc.citizen_id
                      WHERE vc.visit_id = v.id
                        AND (vc.representative = 1 OR NOT EXISTS (SELECT 1 FROM visit_citizens x
                             WHERE x.visit_id = v.id AND x.representative = 1))),
                    (SELECT group_concat(summary, '; ') FROM petitions p WHERE p.visit_id = v.id),
                    (SELECT full_name FROM officers o WHERE o.id = v.officer_id)
             FROM visits v WHERE {} ORDER BY v.at DESC, v.id DESC{}",
            w.sql.join(" AND "),
            limit_sql(filter.limit)
        );
        let conn = self.store.conn();
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), |r| {
            let kinds: Vec<PetitionKind> = r
                .get::<_, Option<String>>(8)?
                .unwrap_or_default()
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|k| from_name(k).map_err(|e| bad(8, e)))
                .collect::<rusqlite::Result<_>>()?;
            let any_denunciation = kinds.contains(&PetitionKind::Denunciation);
            let mut names: Vec<&str> = kinds.iter().map(|k| kind_name(*k)).collect();
            names.dedup();
            let summary: String = r.get(3)?;
            let petitions: Option<String> = r.get(10)?;
            let content = match petitions {
                // The visit's summary is often its one petition's: said once.
                Some(p) if summary.is_empty() || p == summary => p,
                Some(p) => format!("{summary}. {p}"),
                None => summary,
            };
            Ok(ReceptionRow {
                visit_id: r.get(0)?,
                at: r.get(1)?,
                people: r.get(2)?,
                content,
                reception: r.get::<_, crate::store::value::Named<_>>(4)?.0,
                received_by: r.get::<_, crate::store::value::Named<_>>(5)?.0,
                officer_name: r.get(11)?,
                repeat: r.get(6)?,
                outcome: r.get(7)?,
                kinds: if names.is_empty() {
                    "Không có đơn".into()
                } else {
                    names.join(", ")
                },
                who: if any_denunciation {
                    WITHHELD.into()
                } else {
                    r.get::<_, Option<String>>(9)?.unwrap_or_default()
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Sổ theo dõi đơn, newest first.
    /// The petitions register, with each petition's next deadline and its flags as of
    /// `today`.
    pub fn petition_register(
        &self,
        filter: &RegisterFilter,
        today: chrono::NaiveDate,
    ) -> Result<Vec<PetitionRow>> {
        self.signed_in()?;
        let mut w = conditions(filter, "p.received_on", "p.summary_fold");
        if let Some(kind) = filter.kind {
            w.args.push(crate::desk::name(kind));
            w.sql.push(format!("p.kind = ?{}", w.args.len()));
        }
        if let Some(key) = filter.locality.as_deref().filter(|k| !k.is_empty()) {
            // A denunciation's petitioners are not in petition_citizens: never found so.
            w.args.push(fold(key));
            w.sql.push(format!(
                "EXISTS (SELECT 1 FROM petition_citizens pc JOIN citizens c ON c.id = pc.citizen_id
                          WHERE pc.petition_id = p.id AND locality_key(c.address) = ?{})",
                w.args.len()
            ));
        }
        if let Some(key) = filter.subfield.as_deref().filter(|k| !k.is_empty()) {
            w.args.push(fold(key));
            w.sql
                .push(format!("fold_key(p.subfield) = ?{}", w.args.len()));
        }
        const OPEN: &str = "EXISTS (SELECT 1 FROM deadline_cache d WHERE d.petition_id = p.id
              AND d.met_on IS NULL AND d.obligation = 'office' AND d.closed_on IS NULL";
        match filter.status {
            Some(RegisterStatus::Open) => w.sql.push(format!("{OPEN})")),
            Some(RegisterStatus::Overdue) => {
                w.args.push(today.to_string());
                w.sql.push(format!(
                    "{OPEN} AND d.suspended = 0 AND d.due < ?{})",
                    w.args.len()
                ));
            }
            Some(RegisterStatus::Done) => w.sql.push(format!("NOT {OPEN})")),
            None => {}
        }
        if let Some(officer) = filter.officer_id {
            w.args.push(officer.to_string());
            w.sql.push(format!(
                "(SELECT c.owner_id FROM cases c WHERE c.id = p.case_id) = CAST(?{} AS INTEGER)",
                w.args.len()
            ));
        }
        // Flags are read per petition; two narrow by a column first.
        match filter.flag {
            Some(Flag::Complex) => w.sql.push("p.complex = 1".into()),
            Some(Flag::OverLevel) => w.sql.push("p.channel = 'forwarded'".into()),
            _ => {}
        }
        // With a flag, the rows are read until `limit` of them carry it.
        let sql_limit = if filter.flag.is_some() {
            0
        } else {
            filter.limit
        };
        let sql = format!(
            "SELECT p.id, p.received_on, p.kind, p.field, p.summary, p.channel, p.anonymous,
                    coalesce(a.name, '') || coalesce(' (' || p.forwarded_doc || ')', ''),
                    (SELECT group_concat(c.full_name || ' — ' || c.address, char(10))
                       FROM petition_citizens pc JOIN citizens c ON c.id = pc.citizen_id
                      WHERE pc.petition_id = p.id),
                    (SELECT e.action FROM events e WHERE e.petition_id = p.id AND e.kind = 'handled'
                      ORDER BY e.on_date DESC, e.id DESC LIMIT 1),
                    (SELECT min(d.due) FROM deadline_cache d WHERE d.petition_id = p.id
                        AND d.met_on IS NULL AND d.obligation = 'office' AND d.closed_on IS NULL
                        AND d.suspended = 0)
             FROM petitions p LEFT JOIN agencies a ON a.id = p.forwarded_by
             WHERE {} ORDER BY p.received_on DESC, p.id DESC{}",
            w.sql.join(" AND "),
            limit_sql(sql_limit)
        );
        let conn = self.store.conn();
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), |r| {
            let kind: PetitionKind = r.get::<_, crate::store::value::Named<_>>(2)?.0;
            let anonymous: bool = r.get(6)?;
            let who = if anonymous {
                "(đơn nặc danh)".to_owned()
            } else if kind == PetitionKind::Denunciation {
                WITHHELD.to_owned()
            } else {
                r.get::<_, Option<String>>(8)?.unwrap_or_default()
            };
            let channel: String = r.get(5)?;
            Ok(PetitionRow {
                petition_id: r.get(0)?,
                received_on: r.get(1)?,
                kind,
                field: r.get::<_, crate::store::value::Named<_>>(3)?.0,
                summary: r.get(4)?,
                channel: channel_label(&channel).to_owned(),
                forwarded_by: r.get(7)?,
                handling: handling_label(r.get::<_, Option<String>>(9)?.as_deref()).to_owned(),
                next_due: r.get(10)?,
                flags: Vec::new(),
                who,
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            let mut row = row?;
            row.flags = self.flags_of(row.petition_id, today)?;
            if filter.flag.is_some_and(|f| !row.flags.contains(&f)) {
                continue;
            }
            out.push(row);
            if filter.limit > 0 && out.len() >= filter.limit as usize {
                break;
            }
        }
        Ok(out)
    }
}

/// "Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh".
pub fn kind_name(kind: PetitionKind) -> &'static str {
    match kind {
        PetitionKind::Complaint => "Khiếu nại",
        PetitionKind::Denunciation => "Tố cáo",
        PetitionKind::Recommendation => "Kiến nghị",
        PetitionKind::Feedback => "Phản ánh",
    }
}

/// "Trực tiếp", "Qua bưu điện", …
pub fn channel_label(channel: &str) -> &'static str {
    match channel {
        "in_person" => "Trực tiếp",
        "post" => "Bưu điện",
        "box" => "Hộp thư góp ý",
        "forwarded" => "Cơ quan khác chuyển đến",
        "online" => "Trực tuyến",
        _ => "Khác",
    }
}

/// The handling action in words.
pub fn handling_label(action: Option<&str>) -> &'static str {
    match action {
        None => "Chưa xử lý",
        Some("accept") => "Thụ lý giải quyết",
        Some("decline") => "Không thụ lý",
        Some("transfer") => "Chuyển đơn",
        Some("guide") => "Hướng dẫn",
        Some("return") => "Trả lại đơn",
        Some("file") => "Lưu đơn",
        Some("remind") => "Đôn đốc",
        Some(_) => "Khác",
    }
}

/// "Đất đai, nhà cửa", … (the report templates' field names).
pub fn field_label(field: Field) -> &'static str {
    match field {
        Field::Policy => "Chế độ, chính sách",
        Field::Land => "Đất đai, nhà cửa",
        Field::CivilService => "Công chức, công vụ",
        Field::Corruption => "Tham nhũng",
        Field::Judicial => "Tư pháp",
        Field::Party => "Đảng, đoàn thể",
        Field::OtherAdmin => "Hành chính khác",
        Field::Other => "Khác",
    }
}
