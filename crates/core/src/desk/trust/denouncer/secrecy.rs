//! Where a denouncer's identity could surface outside the reveal flow (`reveal.rs`): which
//! records belong to a denunciation, the words shown instead of the identity, and the audit
//! row of every view that the right allows (Luật Tố cáo 2018 Điều 47–48). Documents, scans,
//! bookings and the briefing pack ask here before they show a person.

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::domain::access::Permission;
use crate::error::Result;

/// What every list and document shows instead of a denouncer's name.
pub const MASKED: &str = "Người tố cáo (bảo mật)";

/// SQL: the petitions of a denunciation that a record (`owner_type`, `owner_id`) belongs to.
const DENUNCIATIONS_OF: &str = "SELECT p.id FROM petitions p
  WHERE p.kind = 'denunciation' AND (
        (?1 = 'petition' AND p.id = ?2)
     OR (?1 = 'visit' AND p.visit_id = ?2)
     OR (?1 = 'case' AND p.case_id = ?2))";

/// SQL condition on a booking `b`: the booked citizen is a denouncer of the booked case (or,
/// without a case, known to the office only as a denouncer).
pub(in crate::desk) const SECRET_BOOKING: &str = "(CASE WHEN b.case_id IS NOT NULL THEN EXISTS (
        SELECT 1 FROM denouncers d JOIN petitions p ON p.id = d.petition_id
         WHERE d.citizen_id = b.citizen_id AND p.case_id = b.case_id)
     ELSE EXISTS (SELECT 1 FROM denouncers d WHERE d.citizen_id = b.citizen_id)
      AND NOT EXISTS (SELECT 1 FROM petition_citizens pc WHERE pc.citizen_id = b.citizen_id)
      AND NOT EXISTS (SELECT 1 FROM visit_citizens vc WHERE vc.citizen_id = b.citizen_id) END)";

impl Desk {
    /// The denunciations a visit, petition or case carries (empty: nothing to protect).
    pub(in crate::desk) fn denunciations_of(
        &self,
        owner_type: &str,
        owner_id: i64,
    ) -> Result<Vec<i64>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(DENUNCIATIONS_OF)?;
        let rows = stmt.query_map(rusqlite::params![owner_type, owner_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A view of a denouncer's identity outside the reveal flow: refused without the right
    /// to see denouncers, otherwise an audit row `denouncer.view` (who, when, what, why).
    pub(in crate::desk) fn log_denouncer_view(
        &mut self,
        ctx: &Ctx,
        reason: &str,
        entity: &str,
        ids: &[i64],
        petitions: &[i64],
    ) -> Result<()> {
        ctx.require(Permission::SeeDenouncer)?;
        self.store.write(|tx| -> Result<()> {
            audit::append(
                tx,
                ctx,
                "denouncer.view",
                entity,
                ids,
                Some(serde_json::json!({"reason": reason, "petitions": petitions})),
            )?;
            Ok(())
        })
    }

    /// A use case that would show or move a citizen known to the office only as a
    /// denouncer (or, with `any_link`, any citizen who denounced): the right and a logged
    /// view; anyone else is refused.
    pub(in crate::desk) fn guard_citizen(
        &mut self,
        ctx: &Ctx,
        citizen_id: i64,
        any_link: bool,
        reason: &str,
    ) -> Result<()> {
        let only: bool = self.store.conn().query_row(
            "SELECT coalesce((SELECT denouncer_only FROM citizens WHERE id = ?1), 0)",
            [citizen_id],
            |r| r.get(0),
        )?;
        let petitions = super::petitions_of(self.store.conn(), citizen_id)?;
        if only || (any_link && !petitions.is_empty()) {
            self.log_denouncer_view(ctx, reason, "citizen", &[citizen_id], &petitions)?;
        }
        Ok(())
    }

    /// Whether `citizen_id` is known to the office only as a denouncer: the audit trail then
    /// keeps no copy of their record (it would outlive every gate). A citizen the office
    /// knows otherwise is on its registers anyway, and their record says nothing of a
    /// denunciation.
    pub(in crate::desk) fn known_only_as_denouncer(&self, citizen_id: i64) -> Result<bool> {
        Ok(self.store.conn().query_row(
            "SELECT coalesce((SELECT denouncer_only FROM citizens WHERE id = ?1), 0)",
            [citizen_id],
            |r| r.get(0),
        )?)
    }
}
