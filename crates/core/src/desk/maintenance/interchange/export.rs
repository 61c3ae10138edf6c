//! Export: every stored record in the format's shape, refs first defined then used
//! (office, calendar, agencies, citizens, cases, petitions, visits, reception plans).
//! Records typed in the app get a stable generated ref ("citizen-17").

use std::collections::HashSet;

use chrono::NaiveDate;

use super::read::{self, Refs, Table};
use crate::desk::Desk;
use crate::domain::visit::PetitionKind;
use crate::error::Result;
use crate::interchange::Record;

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
    /// [`Desk::export`] as the edges call it: a full export (not redacted) names every
    /// denouncer, so it needs a reason and is a logged view of their identities.
    pub fn export_logged(
        &mut self,
        ctx: &crate::audit::Ctx,
        opts: &ExportOptions,
        reason: &str,
    ) -> Result<String> {
        self.signed_in()?;
        let reason = crate::text::clean(reason);
        if !opts.redact && reason.chars().count() < 10 {
            return Err(crate::error::Error::invalid(
                "reason",
                "Xuất đầy đủ (không lược bỏ người tố cáo) cần ghi rõ lý do, ít nhất 10 ký tự: lý do được ghi vào nhật ký. Tệp gửi ra ngoài cơ quan thì chọn lược bỏ.",
            ));
        }
        let text = self.export(ctx, opts)?;
        if !opts.redact {
            self.log_denouncer_view(
                ctx,
                &format!("xuất toàn bộ dữ liệu, không lược bỏ người tố cáo: {reason}"),
                "database",
                &[],
                &[],
            )?;
        }
        Ok(text)
    }

    /// The whole data as an interchange file (JSON Lines, one record per line).
    ///
    /// Needs [`Permission::ExportData`](crate::domain::access::Permission::ExportData); a
    /// full (unredacted) file names denouncers, so it also needs
    /// [`Permission::SeeDenouncer`](crate::domain::access::Permission::SeeDenouncer).
    pub fn export(&self, ctx: &crate::audit::Ctx, opts: &ExportOptions) -> Result<String> {
        self.signed_in()?;
        ctx.require(crate::domain::access::Permission::ExportData)?;
        if !opts.redact {
            ctx.require(crate::domain::access::Permission::SeeDenouncer)?;
        }
        // One read transaction: the file is one consistent state of the data.
        let tx = self.store.conn().unchecked_transaction()?;
        let refs = Refs::load(&tx)?;
        let name = |t: Table, id: i64| refs.name(t, id);
        let mut petitions = read::petitions(&tx, &name, None)?;
        let mut visits = read::visits(&tx, &name, None)?;
        let mut citizens = read::citizens(&tx, &name, None)?;
        if !opts.redact {
            // A full file names denouncers: their sealed identities are opened.
            self.open_citizen_records(ctx, &mut citizens)?;
        }
        if opts.redact {
            let denunciations: HashSet<String> = petitions
                .iter()
                .filter(|(_, p)| p.kind == PetitionKind::Denunciation)
                .map(|(_, p)| p.ref_.clone())
                .collect();
            for (_, p) in &mut petitions {
                if p.kind == PetitionKind::Denunciation {
                    p.petitioners.clear();
                }
            }
            visits.retain(|(_, v)| !v.petitions.iter().any(|p| denunciations.contains(p)));
            let still_linked: HashSet<&String> = visits
                .iter()
                .flat_map(|(_, v)| &v.citizens)
                .chain(petitions.iter().flat_map(|(_, p)| &p.petitioners))
                .collect();
            let linked_to_denunciations = read::denunciation_linked_citizens(&tx)?;
            citizens.retain(|(id, c)| {
                still_linked.contains(&c.ref_) || !linked_to_denunciations.contains(id)
            });
        }
        // Computed fields, only with a `today` to judge them on.
        let mut computed: std::collections::HashMap<String, serde_json::Value> =
            std::collections::HashMap::new();
        if let Some(today) = opts.today {
            for (id, p) in &petitions {
                computed.insert(p.ref_.clone(), self.computed_fields(*id, today)?);
            }
        }
        let mut records: Vec<Record> = Vec::new();
        records.extend(read::office(&tx)?.map(Record::Office));
        records.extend(read::calendar(&tx, None)?.into_iter().map(Record::Calendar));
        records.extend(
            read::agencies(&tx, &name, None)?
                .into_iter()
                .map(|(_, a)| Record::Agency(a)),
        );
        records.extend(citizens.into_iter().map(|(_, c)| Record::Citizen(c)));
        records.extend(
            read::cases(&tx, &name, None)?
                .into_iter()
                .map(|(_, c)| Record::Case(c)),
        );
        records.extend(petitions.into_iter().map(|(_, p)| Record::Petition(p)));
        records.extend(visits.into_iter().map(|(_, v)| Record::Visit(v)));
        records.extend(
            read::plans(&tx, &name, None)?
                .into_iter()
                .map(|(_, p)| Record::ReceptionPlan(p)),
        );
        let mut out = String::from(HEADER);
        out.push('\n');
        if let Some(head) = crate::audit::head(&tx)? {
            out.push_str(&format!(
                "// Mốc nhật ký thao tác: {head} (kiểm tra: tiepdan audit verify --head {head})\n"
            ));
        }
        if opts.redact {
            out.push_str(REDACTED);
            out.push('\n');
        }
        for r in &records {
            let extra = match r {
                Record::Petition(p) => computed.get(&p.ref_),
                _ => None,
            };
            let line = match extra {
                Some(serde_json::Value::Object(fields)) => {
                    let mut v = serde_json::to_value(r).expect("records serialise to JSON");
                    if let serde_json::Value::Object(map) = &mut v {
                        map.extend(fields.clone());
                    }
                    serde_json::to_string(&v)
                }
                _ => serde_json::to_string(r),
            };
            out.push_str(&line.expect("records serialise to JSON"));
            out.push('\n');
        }
        Ok(out)
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
