//! Scanned documents and other files attached to a visit, a petition or a case: a PDF or an
//! image (JPEG, PNG, TIFF), recognised by its first bytes, at most 20 MB; kept in the
//! database once per SHA-256 (so backups carry them), listed with a thumbnail for images,
//! written out again checked against their hash. Audited.

use base64::Engine;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::desk::{Desk, RegisterFile, name};
use crate::error::{Error, Result};
use crate::text::clean;

/// What a file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentOwner {
    Visit,
    Petition,
    Case,
}

impl AttachmentOwner {
    fn table(self) -> &'static str {
        match self {
            AttachmentOwner::Visit => "visits",
            AttachmentOwner::Petition => "petitions",
            AttachmentOwner::Case => "cases",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachInput {
    pub owner: AttachmentOwner,
    #[ts(type = "number")]
    pub owner_id: i64,
    pub file_name: String,
    /// The file's bytes, base64-encoded (as the window reads a chosen file).
    pub content_base64: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttachmentView {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    pub media_type: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
    pub sha256: String,
    /// A `data:` URL of the image itself, for images up to 2 MB.
    pub thumbnail: Option<String>,
}

/// The largest file accepted.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
const THUMBNAIL_BYTES: usize = 2 * 1024 * 1024;

/// The media type of `bytes` from their first bytes, when it is one we keep.
pub fn media_type(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [b'%', b'P', b'D', b'F', b'-', ..] => Some("application/pdf"),
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [b'I', b'I', 0x2A, 0x00, ..] | [b'M', b'M', 0x00, 0x2A, ..] => Some("image/tiff"),
        _ => None,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Desk {
    /// Attaches a file; the same bytes attached twice are stored once.
    pub fn attach(&mut self, ctx: &Ctx, input: &AttachInput) -> Result<AttachmentView> {
        ctx.require(crate::domain::access::Permission::Attach)?;
        let exists: Option<i64> = self
            .store
            .conn()
            .query_row(
                &format!("SELECT id FROM {} WHERE id = ?1", input.owner.table()),
                [input.owner_id],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_none() {
            return Err(Error::invalid(
                "owner_id",
                "Không tìm thấy hồ sơ để đính kèm tệp.",
            ));
        }
        let file_name = clean(&input.file_name);
        if file_name.is_empty() || file_name.chars().count() > 255 {
            return Err(Error::invalid(
                "file_name",
                "Tên tệp trống hoặc dài quá 255 ký tự.",
            ));
        }
        // Base64 is 4/3 of the bytes: refuse an oversized file before decoding it.
        if input.content_base64.len() > MAX_BYTES / 3 * 4 + 8 {
            return Err(Error::invalid(
                "content",
                "Tệp lớn hơn 20 MB; hãy quét ở độ phân giải thấp hơn hoặc chia nhỏ.",
            ));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(input.content_base64.trim())
            .map_err(|_| Error::invalid("content", "Không đọc được nội dung tệp."))?;
        if bytes.is_empty() {
            return Err(Error::invalid("content", "Tệp rỗng."));
        }
        if bytes.len() > MAX_BYTES {
            return Err(Error::invalid(
                "content",
                "Tệp lớn hơn 20 MB; hãy quét ở độ phân giải thấp hơn hoặc chia nhỏ.",
            ));
        }
        let Some(media) = media_type(&bytes) else {
            return Err(Error::invalid(
                "content",
                format!(
                    "Tệp \"{file_name}\" không phải PDF hay ảnh (JPEG, PNG, TIFF); chỉ đính kèm bản quét hoặc ảnh chụp tài liệu."
                ),
            ));
        };
        let sha256 = hex(&Sha256::digest(&bytes));
        // A denunciation's scan is named after its denouncer often enough: not in the trail.
        let secret = !self
            .denunciations_of(&name(input.owner), input.owner_id)?
            .is_empty();
        // A denunciation's scan is sealed to the denouncer key, name and bytes.
        let public = if secret {
            Some(self.denouncer_public(ctx)?)
        } else {
            None
        };
        let id = self.store.write(|tx| -> Result<i64> {
            let (stored_name, sealed_name) = match &public {
                Some(p) => (
                    crate::desk::denouncer::SEALED_NAME.to_owned(),
                    Some(crate::desk::denouncer::seal_bytes(p, file_name.as_bytes())),
                ),
                None => (file_name.clone(), None),
            };
            if public.is_none() {
                tx.execute(
                    "INSERT INTO attachment_blobs (sha256, content) VALUES (?1, ?2) ON CONFLICT (sha256) DO NOTHING",
                    params![sha256, bytes],
                )?;
            }
            tx.execute(
                "INSERT INTO attachments (owner_type, owner_id, file_name, media_type, sha256, size_bytes, created_at, sealed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    crate::store::value::Named(input.owner),
                    input.owner_id,
                    stored_name,
                    media,
                    sha256,
                    bytes.len() as i64,
                    ctx.stamp(),
                    sealed_name
                ],
            )?;
            let id = tx.last_insert_rowid();
            if let Some(p) = &public {
                tx.execute(
                    "INSERT INTO attachment_blobs (sha256, content) VALUES (?1, ?2)",
                    params![
                        crate::desk::denouncer::blob_key(id),
                        crate::desk::denouncer::seal_bytes(p, &bytes)
                    ],
                )?;
            }
            audit::append(
                tx,
                ctx,
                "attachment.add",
                "attachment",
                &[id],
                Some(serde_json::json!({"owner": input.owner, "owner_id": input.owner_id,
                    "file": if secret { "(bảo mật)" } else { file_name.as_str() },
                    "sha256": sha256, "bytes": bytes.len()})),
            )?;
            Ok(id)
        })?;
        self.attachments_of(ctx, input.owner, input.owner_id)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::invalid("id", "Không đọc lại được tệp vừa đính kèm."))
    }

    /// The files attached to a record, oldest first. A denunciation's scans may show the
    /// denouncer: without the right to see denouncers their names are withheld, and no
    /// one gets their thumbnails (opening one is a logged view).
    pub fn attachments_of(
        &self,
        ctx: &Ctx,
        owner: AttachmentOwner,
        owner_id: i64,
    ) -> Result<Vec<AttachmentView>> {
        let secret = !self.denunciations_of(&name(owner), owner_id)?.is_empty();
        let mut list = self.attachment_list(owner, owner_id)?;
        if secret {
            let open = if ctx
                .roles
                .may(crate::domain::access::Permission::SeeDenouncer)
            {
                ": mở để xem, lần mở được ghi vào nhật ký"
            } else {
                ""
            };
            for (i, a) in list.iter_mut().enumerate() {
                a.thumbnail = None;
                a.file_name = format!("Tệp đính kèm đơn tố cáo {} (bảo mật{open})", i + 1);
            }
        }
        Ok(list)
    }

    fn attachment_list(
        &self,
        owner: AttachmentOwner,
        owner_id: i64,
    ) -> Result<Vec<AttachmentView>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.file_name, a.media_type, a.size_bytes, a.sha256,
                    CASE WHEN a.media_type IN ('image/jpeg', 'image/png') AND a.size_bytes <= ?3
                         THEN b.content END, a.sealed IS NOT NULL
               FROM attachments a JOIN attachment_blobs b ON b.sha256 = CASE
                    WHEN a.sealed IS NULL THEN a.sha256 ELSE 'sealed:' || a.id END
              WHERE a.owner_type = ?1 AND a.owner_id = ?2 ORDER BY a.id",
        )?;
        let rows = stmt.query_map(
            params![
                crate::store::value::Named(owner),
                owner_id,
                THUMBNAIL_BYTES as i64
            ],
            |r| {
                let media: String = r.get(2)?;
                let image: Option<Vec<u8>> = r.get(5)?;
                let sealed: bool = r.get(6)?;
                let image = image.filter(|_| !sealed);
                Ok(AttachmentView {
                    id: r.get(0)?,
                    file_name: r.get(1)?,
                    thumbnail: image.map(|b| {
                        format!(
                            "data:{media};base64,{}",
                            base64::engine::general_purpose::STANDARD.encode(b)
                        )
                    }),
                    media_type: media,
                    size_bytes: r.get(3)?,
                    sha256: r.get(4)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The bytes of an attachment, checked against its hash (a sealed one opened with the
    /// denouncer key: the caller's gate has checked the right and logged the view).
    pub fn attachment_bytes(&self, ctx: &Ctx, id: i64) -> Result<(String, Vec<u8>)> {
        /// Name, hash, bytes, and the sealed name when sealed.
        type Stored = (String, String, Vec<u8>, Option<Vec<u8>>);
        let row: Option<Stored> = self
            .store
            .conn()
            .query_row(
                "SELECT a.file_name, a.sha256, b.content, a.sealed FROM attachments a
                   JOIN attachment_blobs b ON b.sha256 = CASE
                        WHEN a.sealed IS NULL THEN a.sha256 ELSE 'sealed:' || a.id END
                  WHERE a.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((file_name, sha256, bytes, sealed_name)) = row else {
            return Err(Error::invalid("id", "Không tìm thấy tệp đính kèm."));
        };
        let (file_name, bytes) = match sealed_name {
            Some(sealed_name) => {
                let secret = self.require_denouncer_secret(ctx)?;
                let open = |b: &[u8]| crate::desk::denouncer::open_bytes(&secret, b);
                match (open(&sealed_name), open(&bytes)) {
                    (Some(n), Some(b)) => (String::from_utf8_lossy(&n).into_owned(), b),
                    _ => {
                        return Err(Error::invalid(
                            "id",
                            "Tệp đính kèm này được niêm phong bằng một khóa danh tính người tố cáo khác; không mở được.",
                        ));
                    }
                }
            }
            None => (file_name, bytes),
        };
        if hex(&Sha256::digest(&bytes)) != sha256 {
            return Err(Error::invalid(
                "id",
                format!(
                    "Tệp \"{file_name}\" không khớp mã kiểm tra; hãy khôi phục từ bản sao lưu."
                ),
            ));
        }
        Ok((file_name, bytes))
    }

    /// Writes an attachment out to the viewing folder (to open or print it). A
    /// denunciation's scan needs the right to see denouncers and is logged as a view.
    pub fn export_attachment(&mut self, ctx: &Ctx, id: i64) -> Result<RegisterFile> {
        let now = ctx.now;
        let owner: Option<(String, i64)> = self
            .store
            .conn()
            .query_row(
                "SELECT owner_type, owner_id FROM attachments WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((owner_type, owner_id)) = owner else {
            return Err(Error::invalid("id", "Không tìm thấy tệp đính kèm."));
        };
        let petitions = self.denunciations_of(&owner_type, owner_id)?;
        if !petitions.is_empty() {
            self.log_denouncer_view(
                ctx,
                "mở tệp đính kèm đơn tố cáo",
                "attachment",
                &[id],
                &petitions,
            )?;
        }
        let (file_name, bytes) = self.attachment_bytes(ctx, id)?;
        let (stem, ext) = file_name.rsplit_once('.').unwrap_or((&file_name, "bin"));
        let safe: String = crate::text::fold(stem)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let path = crate::desk::files::export_path(&self.dir, &safe, now, &ext.to_lowercase())?;
        let path = crate::desk::files::write_copy(&path, &bytes)?;
        Ok(RegisterFile {
            path: path.display().to_string(),
            rows: 1,
        })
    }

    /// The names of the files attached to a visit and to its petitions, for the receipt.
    pub(in crate::desk) fn attached_names(&self, visit_id: i64) -> Result<Vec<String>> {
        let conn = self.store.conn();
        let mut stmt = conn.prepare_cached(
            "SELECT CASE WHEN sealed IS NULL THEN file_name ELSE ?2 END FROM attachments
              WHERE owner_type = 'visit' AND owner_id = ?1
             UNION ALL
             SELECT CASE WHEN a.sealed IS NULL THEN a.file_name ELSE ?2 END
               FROM attachments a JOIN petitions p ON p.id = a.owner_id
              WHERE a.owner_type = 'petition' AND p.visit_id = ?1",
        )?;
        let rows = stmt.query_map(
            params![visit_id, "bản quét đơn tố cáo (bảo mật)"],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_their_first_bytes() {
        assert_eq!(media_type(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(media_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(media_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(media_type(b"II*\0...."), Some("image/tiff"));
        assert_eq!(media_type(b"MZ\x90\0"), None, "a program is not a scan");
        assert_eq!(media_type(b""), None);
    }
}
