//! A denouncer's identity (danh tính người tố cáo): kept out of every list, document for
//! another body and redacted file; shown on request only, with a reason, and every view is
//! a row of the audit trail (who, when, which petition, why). An officer whose roles do not
//! hold [`Permission::SeeDenouncer`] asks a leader, who approves or refuses in the app; an
//! approval lets that officer see that petition's denouncers once, and no one approves
//! their own request.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::Desk;
use crate::desk::citizens::{COLUMNS, Citizen, row_to_citizen};
use crate::domain::access::Permission;
use crate::domain::visit::PetitionKind;
use crate::error::{Error, Result};
use crate::text::clean;

/// A request to see a petition's denouncers, and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RevealRequest {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub petition_id: i64,
    pub petition_summary: String,
    pub requested_by: String,
    pub reason: String,
    pub requested_at: String,
    /// `None` while waiting; then approved or refused.
    pub approved: Option<bool>,
    pub decided_by: Option<String>,
    pub decision_note: Option<String>,
    /// When the approved view was used (an approval is good for one view).
    pub used_at: Option<String>,
}

/// Who may see what about a petition's denouncers, for the handling panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RevealStatus {
    /// The signed-in officer's roles hold the right: a reason is all they need.
    pub may_view: bool,
    /// This officer's latest request for this petition, if any.
    pub request: Option<RevealRequest>,
}

/// The identity shown, with the audit row that logged the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RevealedIdentity {
    pub denouncers: Vec<Citizen>,
    pub logged_at: String,
}

const REQUESTS: &str =
    "SELECT r.id, r.petition_id, p.summary, o.full_name, r.reason, r.requested_at,
        r.approved, d.full_name, r.decision_note, r.used_at
   FROM reveal_requests r JOIN petitions p ON p.id = r.petition_id
   JOIN officers o ON o.id = r.requested_by LEFT JOIN officers d ON d.id = r.decided_by";

fn row_to_request(r: &rusqlite::Row<'_>) -> rusqlite::Result<RevealRequest> {
    Ok(RevealRequest {
        id: r.get(0)?,
        petition_id: r.get(1)?,
        petition_summary: r.get(2)?,
        requested_by: r.get(3)?,
        reason: r.get(4)?,
        requested_at: r.get(5)?,
        approved: r.get(6)?,
        decided_by: r.get(7)?,
        decision_note: r.get(8)?,
        used_at: r.get(9)?,
    })
}

/// A reason of at least a few words: it is what an inspection reads later.
fn reason(text: &str) -> Result<String> {
    let text = clean(text);
    if text.chars().count() < 10 {
        return Err(Error::invalid(
            "reason",
            "Ghi rõ lý do cần xem danh tính người tố cáo (ít nhất 10 ký tự): lý do được ghi vào nhật ký.",
        ));
    }
    Ok(text)
}

fn signed_in(ctx: &Ctx) -> Result<i64> {
    ctx.officer_id.ok_or(Error::SignedOut)
}

impl Desk {
    fn ensure_denunciation(&self, petition_id: i64) -> Result<()> {
        let kind: Option<String> = self
            .store
            .conn()
            .query_row(
                "SELECT kind FROM petitions WHERE id = ?1",
                [petition_id],
                |r| r.get(0),
            )
            .optional()?;
        match kind {
            None => Err(Error::invalid(
                "petition_id",
                format!("Không có đơn số {petition_id}."),
            )),
            Some(k) if k != crate::desk::name(PetitionKind::Denunciation) => Err(Error::invalid(
                "petition_id",
                "Đơn này không phải đơn tố cáo: người gửi không được giữ bí mật danh tính.",
            )),
            Some(_) => Ok(()),
        }
    }

    /// What the signed-in officer may do about this petition's denouncers.
    pub fn reveal_status(&self, ctx: &Ctx, petition_id: i64) -> Result<RevealStatus> {
        self.ensure_denunciation(petition_id)?;
        let request = match ctx.officer_id {
            Some(me) => self
                .store
                .conn()
                .query_row(
                    &format!("{REQUESTS} WHERE r.petition_id = ?1 AND r.requested_by = ?2 ORDER BY r.id DESC LIMIT 1"),
                    params![petition_id, me],
                    row_to_request,
                )
                .optional()?,
            None => None,
        };
        Ok(RevealStatus {
            may_view: ctx.roles.may(Permission::SeeDenouncer),
            request,
        })
    }

    /// Asks a leader to let this officer see the petition's denouncers. Audited.
    pub fn request_reveal(
        &mut self,
        ctx: &Ctx,
        petition_id: i64,
        why: &str,
    ) -> Result<RevealRequest> {
        let me = signed_in(ctx)?;
        self.ensure_denunciation(petition_id)?;
        let why = reason(why)?;
        let id = self.store.write(|tx| -> Result<i64> {
            tx.execute(
                "INSERT INTO reveal_requests (petition_id, requested_by, reason, requested_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![petition_id, me, why, ctx.stamp()],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                ctx,
                "denouncer.reveal_request",
                "petition",
                &[petition_id],
                Some(serde_json::json!({ "request": id, "reason": why })),
            )?;
            Ok(id)
        })?;
        self.reveal_request(id)
    }

    /// The identities of `petition_id`'s denouncers, sealed to `requester`'s public key.
    fn reveal_parcel(&self, ctx: &Ctx, petition_id: i64, requester: i64) -> Result<Vec<u8>> {
        let conn = self.store.conn();
        let public: Option<Vec<u8>> = conn
            .query_row(
                "SELECT public_key FROM accounts WHERE officer_id = ?1",
                [requester],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let public = public
            .and_then(|p| crypto_box::PublicKey::from_slice(&p).ok())
            .ok_or_else(|| {
                Error::invalid(
                    "request_id",
                    "Người đề nghị chưa có khóa tài khoản (chưa đăng nhập từ khi cập nhật phần mềm); hãy để họ đăng nhập một lần rồi duyệt lại.",
                )
            })?;
        let mut parcel = serde_json::Map::new();
        for id in super::of_petition(conn, petition_id)? {
            if super::sealed::is_sealed(conn, id)? {
                let secret = self.require_denouncer_secret(ctx)?;
                if let Some(map) = super::sealed::identity_map(conn, &secret, id)? {
                    parcel.insert(id.to_string(), serde_json::Value::Object(map));
                }
            }
        }
        let plain = serde_json::to_vec(&parcel).expect("a JSON map serialises");
        Ok(super::sealed::seal_bytes(&public, &plain))
    }

    /// The parcel of approved request `id`, opened with this session's account key.
    fn open_parcel(&self, id: i64) -> Result<Option<serde_json::Map<String, serde_json::Value>>> {
        let sealed: Option<Vec<u8>> = self
            .store
            .conn()
            .query_row(
                "SELECT parcel FROM reveal_requests WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let Some(sealed) = sealed else {
            return Ok(None);
        };
        Ok(self
            .keys
            .account
            .as_ref()
            .and_then(|k| super::sealed::open_bytes(k, &sealed))
            .and_then(|b| serde_json::from_slice(&b).ok()))
    }

    fn reveal_request(&self, id: i64) -> Result<RevealRequest> {
        Ok(self.store.conn().query_row(
            &format!("{REQUESTS} WHERE r.id = ?1"),
            [id],
            row_to_request,
        )?)
    }

    /// Requests waiting for a leader's decision, oldest first.
    pub fn pending_reveals(&self, ctx: &Ctx) -> Result<Vec<RevealRequest>> {
        ctx.require(Permission::ApproveReveal)?;
        let mut stmt = self.store.conn().prepare(&format!(
            "{REQUESTS} WHERE r.decided_at IS NULL ORDER BY r.id"
        ))?;
        let rows = stmt.query_map([], row_to_request)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A leader approves or refuses a request (never their own), with a note. Audited.
    pub fn decide_reveal(
        &mut self,
        ctx: &Ctx,
        request_id: i64,
        approve: bool,
        note: &str,
    ) -> Result<RevealRequest> {
        ctx.require(Permission::ApproveReveal)?;
        let me = signed_in(ctx)?;
        let request = self.reveal_request(request_id)?;
        if request.approved.is_some() {
            return Err(Error::invalid(
                "request_id",
                "Đề nghị này đã được quyết định.",
            ));
        }
        let requester: i64 = self.store.conn().query_row(
            "SELECT requested_by FROM reveal_requests WHERE id = ?1",
            [request_id],
            |r| r.get(0),
        )?;
        if requester == me {
            return Err(Error::invalid(
                "request_id",
                "Không tự duyệt đề nghị của chính mình: cần một lãnh đạo khác.",
            ));
        }
        let note = clean(note);
        // The requester cannot open the denouncer key: an approval seals the identities it
        // shows to the requester's own key, for their one view.
        let parcel = if approve {
            Some(self.reveal_parcel(ctx, request.petition_id, requester)?)
        } else {
            None
        };
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE reveal_requests SET decided_by = ?1, decided_at = ?2, approved = ?3,
                        decision_note = ?4, parcel = ?6 WHERE id = ?5",
                params![
                    me,
                    ctx.stamp(),
                    approve,
                    (!note.is_empty()).then_some(&note),
                    request_id,
                    parcel
                ],
            )?;
            audit::append(
                tx,
                ctx,
                if approve {
                    "denouncer.reveal_approve"
                } else {
                    "denouncer.reveal_refuse"
                },
                "petition",
                &[request.petition_id],
                Some(serde_json::json!({ "request": request_id, "note": note })),
            )?;
            Ok(())
        })?;
        self.reveal_request(request_id)
    }

    /// Shows the petition's denouncers: to a role that holds the right, with a reason; to
    /// anyone else once, after a leader approved their request. Every view is audited.
    pub fn reveal_denouncers(
        &mut self,
        ctx: &Ctx,
        petition_id: i64,
        why: &str,
    ) -> Result<RevealedIdentity> {
        let me = signed_in(ctx)?;
        self.ensure_denunciation(petition_id)?;
        let why = reason(why)?;
        let approval: Option<i64> = if ctx.roles.may(Permission::SeeDenouncer) {
            None
        } else {
            let approved = self
                .store
                .conn()
                .query_row(
                    "SELECT id FROM reveal_requests WHERE petition_id = ?1 AND requested_by = ?2
                        AND approved = 1 AND used_at IS NULL ORDER BY id DESC LIMIT 1",
                    params![petition_id, me],
                    |r| r.get(0),
                )
                .optional()?;
            Some(approved.ok_or(Error::Forbidden {
                permission: Permission::SeeDenouncer,
            })?)
        };
        let denouncers = {
            let mut stmt = self.store.conn().prepare(&format!(
                "SELECT {COLUMNS} FROM citizens WHERE id IN
                   (SELECT citizen_id FROM denouncers WHERE petition_id = ?1)"
            ))?;
            let rows = stmt.query_map([petition_id], row_to_citizen)?;
            let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            // Sealed identities: opened with the denouncer key by a role that may see
            // them, or from the parcel a leader sealed to this officer with the approval.
            let parcel = match approval {
                Some(id) => self.open_parcel(id)?,
                None => None,
            };
            for c in &mut list {
                let opened = match &parcel {
                    Some(p) => p
                        .get(&c.id.to_string())
                        .cloned()
                        .and_then(|m| serde_json::from_value::<super::sealed::Identity>(m).ok()),
                    None => None,
                };
                match opened {
                    Some(map) => super::sealed::fill_citizen(c, &map),
                    None if approval.is_none() => {
                        if let Some(open) = self.citizen_for(ctx, c.id)? {
                            *c = open;
                        }
                    }
                    None => {}
                }
            }
            list
        };
        self.store.write(|tx| -> Result<()> {
            if let Some(id) = approval {
                tx.execute(
                    "UPDATE reveal_requests SET used_at = ?1 WHERE id = ?2",
                    params![ctx.stamp(), id],
                )?;
            }
            audit::append(
                tx,
                ctx,
                "denouncer.view",
                "petition",
                &[petition_id],
                Some(serde_json::json!({ "reason": why, "request": approval })),
            )?;
            Ok(())
        })?;
        Ok(RevealedIdentity {
            denouncers,
            logged_at: ctx.stamp(),
        })
    }
}
