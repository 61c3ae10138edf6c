//! Export: every stored record in the format's shape, refs first defined then used
//! (office, calendar, agencies, citizens, cases, petitions, visits, reception plans).
//! Records typed in the app get a stable generated ref ("citizen-17").

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::read::{self, Refs, Table};
use crate::desk::Desk;
use crate::domain::visit::PetitionKind;
use crate::error::Result;
use crate::interchange::Record;
use crate::progress::{Progress, Ticker, Unwatched};

/// How to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Leave out every link from a denunciation to the people who made it: its
    /// petitioners, the visits at which it was handed in, and the citizens known only
    /// through such links. Any file leaving the office must be made with it.
    pub redact: bool,
    /// The day the computed fields (routing, deadlines, status) are judged on. Accepted
    /// now; those fields arrive with the routing and deadline rules.
    pub today: Option<NaiveDate>,
}

const HEADER: &str = "// TiếpDân — tệp trao đổi dữ liệu, định dạng phiên bản 1";
const REDACTED: &str = "// Đã lược bỏ mọi thông tin về người tố cáo (--redact).";

impl Desk {
    /// [`Desk::export_to`] as the edges call it: a full export (not redacted) names every
    /// denouncer, so it needs a reason and is a logged view of their identities. Returns
    /// how many records were written.
    pub fn export_logged_to(
        &mut self,
        ctx: &crate::audit::Ctx,
        opts: &ExportOptions,
        reason: &str,
        out: &mut dyn Write,
        path: &Path,
        progress: &dyn Progress,
    ) -> Result<u64> {
        self.signed_in()?;
        let reason = crate::text::clean(reason);
        if !opts.redact && reason.chars().count() < 10 {
            return Err(crate::error::Error::invalid(
                "reason",
                "Xuất đầy đủ (không lược bỏ người tố cáo) cần ghi rõ lý do, ít nhất 10 ký tự: lý do được ghi vào nhật ký. Tệp gửi ra ngoài cơ quan thì chọn lược bỏ.",
            ));
        }
        let written = self.export_to(ctx, opts, out, path, progress)?;
        if !opts.redact {
            self.log_denouncer_view(
                ctx,
                &format!("xuất toàn bộ dữ liệu, không lược bỏ người tố cáo: {reason}"),
                "database",
                &[],
                &[],
            )?;
        }
        Ok(written)
    }

    /// [`Desk::export_logged_to`] into a string (small offices, tests).
    pub fn export_logged(
        &mut self,
        ctx: &crate::audit::Ctx,
        opts: &ExportOptions,
        reason: &str,
    ) -> Result<String> {
        let mut out = Vec::new();
        self.export_logged_to(
            ctx,
            opts,
            reason,
            &mut out,
            Path::new(IN_MEMORY),
            &Unwatched,
        )?;
        Ok(String::from_utf8(out).expect("the export is UTF-8"))
    }

    /// The whole data as an interchange file (JSON Lines, one record per line), in a string.
    pub fn export(&self, ctx: &crate::audit::Ctx, opts: &ExportOptions) -> Result<String> {
        let mut out = Vec::new();
        self.export_to(ctx, opts, &mut out, Path::new(IN_MEMORY), &Unwatched)?;
        Ok(String::from_utf8(out).expect("the export is UTF-8"))
    }

    /// The whole data as an interchange file, written to `out` as it is read: one record
    /// at a time, so memory does not grow with the office (only the refs records came
    /// with, and for a redacted file the ids of what is left out, are held). Reports the
    /// records written to `progress`, which may stop it. Returns how many were written;
    /// `path` names `out` in an error.
    ///
    /// Needs [`Permission::ExportData`](crate::domain::access::Permission::ExportData); a
    /// full (unredacted) file names denouncers, so it also needs
    /// [`Permission::SeeDenouncer`](crate::domain::access::Permission::SeeDenouncer).
    pub fn export_to(
        &self,
        ctx: &crate::audit::Ctx,
        opts: &ExportOptions,
        out: &mut dyn Write,
        path: &Path,
        progress: &dyn Progress,
    ) -> Result<u64> {
        self.signed_in()?;
        ctx.require(crate::domain::access::Permission::ExportData)?;
        if !opts.redact {
            ctx.require(crate::domain::access::Permission::SeeDenouncer)?;
        }
        // One read transaction: the file is one consistent state of the data.
        let tx = self.store.conn().unchecked_transaction()?;
        let refs = Refs::load(&tx)?;
        let name = |t: Table, id: i64| refs.name(t, id);
        let left_out = if opts.redact {
            LeftOut::load(&tx)?
        } else {
            LeftOut::default()
        };
        let mut file = Lines {
            out,
            path,
            written: 0,
            ticker: Ticker::new(progress, EXPORTING, count_records(&tx)?),
        };
        file.ticker.start()?;
        file.comment(HEADER)?;
        if let Some(head) = crate::audit::head(&tx)? {
            file.comment(&format!(
                "// Mốc nhật ký thao tác: {head} (kiểm tra: tiepdan audit verify --head {head})"
            ))?;
        }
        if opts.redact {
            file.comment(REDACTED)?;
        }
        if let Some(office) = read::office(&tx)? {
            file.record(&Record::Office(office), None)?;
        }
        for day in read::calendar(&tx, None)? {
            file.record(&Record::Calendar(day), None)?;
        }
        for (_, a) in read::agencies(&tx, &name, None)? {
            file.record(&Record::Agency(a), None)?;
        }
        // Citizens in batches: a full file opens the sealed identities of denouncers.
        let mut batch: Vec<(i64, crate::interchange::CitizenRecord)> = Vec::new();
        let flush = |batch: &mut Vec<(i64, crate::interchange::CitizenRecord)>,
                     file: &mut Lines<'_>|
         -> Result<()> {
            if !opts.redact {
                self.open_citizen_records(ctx, batch)?;
            }
            for (_, c) in batch.drain(..) {
                file.record(&Record::Citizen(c), None)?;
            }
            Ok(())
        };
        read::each_citizen(&tx, &name, |id, c| -> Result<()> {
            if !left_out.citizens.contains(&id) {
                batch.push((id, c));
            }
            if batch.len() >= 4096 {
                flush(&mut batch, &mut file)?;
            }
            Ok(())
        })?;
        flush(&mut batch, &mut file)?;
        read::each_case(&tx, &name, |_, c| file.record(&Record::Case(c), None))?;
        read::each_petition(&tx, &name, None, |id, mut p| -> Result<()> {
            if opts.redact && p.kind == PetitionKind::Denunciation {
                p.petitioners.clear();
            }
            // Computed fields, only with a `today` to judge them on.
            let computed = match opts.today {
                Some(today) => Some(self.computed_fields(id, today)?),
                None => None,
            };
            file.record(&Record::Petition(p), computed)
        })?;
        read::each_visit(&tx, &name, None, |id, v| -> Result<()> {
            if left_out.visits.contains(&id) {
                return Ok(());
            }
            file.record(&Record::Visit(v), None)
        })?;
        for (_, p) in read::plans(&tx, &name, None)? {
            file.record(&Record::ReceptionPlan(p), None)?;
        }
        file.out.flush().map_err(|e| file.failed(e))?;
        file.ticker.finish()?;
        Ok(file.written)
    }

    /// `routing`, `deadlines` and `status` of a petition as the interchange format writes
    /// them (`met_on` absent when not met).
    fn computed_fields(
        &self,
        petition_id: i64,
        today: chrono::NaiveDate,
    ) -> Result<serde_json::Value> {
        let routing = self.propose_routing(petition_id)?;
        let d = self.deadlines(petition_id, today)?;
        let deadlines: Vec<serde_json::Value> = d
            .deadlines
            .iter()
            .map(|x| {
                let mut v = serde_json::json!({
                    "name": x.name, "due": x.due.to_string(), "basis": x.basis, "explain": x.explain,
                });
                if let Some(m) = x.met_on {
                    v["met_on"] = serde_json::Value::String(m.to_string());
                }
                v
            })
            .collect();
        Ok(serde_json::json!({ "routing": routing, "deadlines": deadlines, "status": d.status }))
    }
}

const EXPORTING: &str = "Xuất dữ liệu";
const IN_MEMORY: &str = "(bộ nhớ)";

/// The records of a file, written one line each.
struct Lines<'a> {
    out: &'a mut dyn Write,
    path: &'a Path,
    written: u64,
    ticker: Ticker<'a>,
}

impl Lines<'_> {
    fn comment(&mut self, line: &str) -> Result<()> {
        self.line(line.as_bytes())
    }

    /// `record` as one JSON line; a petition's computed fields (`routing`, `deadlines`,
    /// `status`) added when there are any.
    fn record(&mut self, record: &Record, computed: Option<serde_json::Value>) -> Result<()> {
        let json = match computed {
            Some(serde_json::Value::Object(fields)) => {
                let mut v = serde_json::to_value(record).expect("records serialise to JSON");
                if let serde_json::Value::Object(map) = &mut v {
                    map.extend(fields);
                }
                serde_json::to_vec(&v)
            }
            _ => serde_json::to_vec(record),
        }
        .expect("records serialise to JSON");
        self.line(&json)?;
        self.written += 1;
        self.ticker.tick()
    }

    fn line(&mut self, bytes: &[u8]) -> Result<()> {
        self.out
            .write_all(bytes)
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(|e| self.failed(e))
    }

    fn failed(&self, source: std::io::Error) -> crate::error::Error {
        crate::error::Error::Store(crate::error::StoreError::Io {
            path: self.path.to_owned(),
            source,
        })
    }
}

/// What a redacted file leaves out: every visit at which a denunciation was handed in, and
/// the citizens known only through denunciations (as their denouncers, or present at such
/// a visit) — those also linked to anything else stay, without the link.
#[derive(Default)]
struct LeftOut {
    visits: HashSet<i64>,
    citizens: HashSet<i64>,
}

impl LeftOut {
    fn load(conn: &rusqlite::Connection) -> rusqlite::Result<LeftOut> {
        let ids = |sql: &str| -> rusqlite::Result<HashSet<i64>> {
            let mut stmt = conn.prepare(sql)?;
            stmt.query_map([], |r| r.get(0))?.collect()
        };
        let visits = ids("SELECT DISTINCT visit_id FROM petitions
              WHERE kind = 'denunciation' AND voided_at IS NULL AND visit_id IS NOT NULL")?;
        let still_linked = ids(
            "SELECT vc.citizen_id FROM visit_citizens vc JOIN visits v ON v.id = vc.visit_id
              WHERE v.voided_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM petitions d WHERE d.visit_id = v.id
                                 AND d.kind = 'denunciation' AND d.voided_at IS NULL)
             UNION
             SELECT pc.citizen_id FROM petition_citizens pc JOIN petitions p ON p.id = pc.petition_id
              WHERE p.voided_at IS NULL AND p.kind <> 'denunciation'",
        )?;
        let citizens = read::denunciation_linked_citizens(conn)?
            .into_iter()
            .filter(|id| !still_linked.contains(id))
            .collect();
        Ok(LeftOut { visits, citizens })
    }
}

/// About how many records the file will hold (for the progress bar).
fn count_records(conn: &rusqlite::Connection) -> rusqlite::Result<u64> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM agencies) + (SELECT count(*) FROM citizens)
              + (SELECT count(*) FROM cases)
              + (SELECT count(*) FROM petitions WHERE voided_at IS NULL)
              + (SELECT count(*) FROM visits WHERE voided_at IS NULL)
              + (SELECT count(*) FROM reception_plans)",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| u64::try_from(n).unwrap_or(0))
}
