//! What is stored sealed to the denouncer key (see `key.rs`), and how it is sealed,
//! opened and sealed again:
//! - a citizen known only as a denouncer: `citizens.sealed` holds the identity as typed;
//!   the plain columns hold [`MASKED`](super::MASKED) and nothing else that names them;
//! - a document naming a denouncer: `documents.content` sealed, `documents.sealed = 1`;
//! - a denunciation's scan: `attachments.sealed` holds the file name, and its bytes are the
//!   blob `'sealed:' || id`, sealed.

use crypto_box::{PublicKey, SecretKey};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value};

use super::key::{open, seal};
use crate::desk::citizens::Citizen;
use crate::error::Result;
use crate::text::fold;

/// The identifying columns of a citizen, sealed together (gender stays plain: it only
/// chooses "Ông" or "Bà").
const IDENTITY: [&str; 8] = [
    "full_name",
    "id_kind",
    "id_number",
    "id_issued_on",
    "id_issued_by",
    "birth_year",
    "address",
    "phone",
];

/// The placeholders the plain columns keep for a sealed citizen.
const PLACEHOLDERS: &str = "full_name = ?2, name_fold = '', id_kind = 'none', id_number = NULL,
     id_issued_on = NULL, id_issued_by = NULL, birth_year = NULL, address = '',
     address_fold = '', phone = NULL";

/// A sealed identity as opened: the columns of [`IDENTITY`] by name.
pub(in crate::desk) type Identity = Map<String, Value>;

/// Seals citizen `id`'s identity and leaves placeholders in its plain columns; returns
/// what was sealed.
pub(in crate::desk) fn seal_citizen(
    tx: &Connection,
    public: &PublicKey,
    id: i64,
) -> Result<Identity> {
    let identity: Identity = tx.query_row(
        &format!("SELECT {} FROM citizens WHERE id = ?1", IDENTITY.join(", ")),
        [id],
        |r| {
            let mut map = Map::new();
            for (i, col) in IDENTITY.iter().enumerate() {
                let v: rusqlite::types::Value = r.get(i)?;
                map.insert((*col).to_owned(), to_json(v));
            }
            Ok(map)
        },
    )?;
    let plain = serde_json::to_vec(&identity).expect("a JSON map serialises");
    tx.execute(
        &format!("UPDATE citizens SET sealed = ?1, {PLACEHOLDERS} WHERE id = ?3"),
        params![seal(public, &plain), super::MASKED, id],
    )?;
    Ok(identity)
}

/// Brings citizen `id`'s sealing in line with its flag: known only as a denouncer, sealed
/// (from its plain columns when a writer just filled them); known otherwise, plain
/// (opened with `secret`, refused without it).
pub(in crate::desk) fn settle_citizen(
    tx: &Connection,
    public: &PublicKey,
    secret: Option<&SecretKey>,
    id: i64,
) -> Result<()> {
    let row: Option<(bool, bool, String)> = tx
        .query_row(
            "SELECT denouncer_only, sealed IS NOT NULL, full_name FROM citizens WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((only, sealed, name)) = row else {
        return Ok(());
    };
    let placeholders = sealed && name == super::MASKED;
    match (only, sealed) {
        (true, false) => {
            seal_citizen(tx, public, id)?;
        }
        (true, true) if !placeholders => {
            seal_citizen(tx, public, id)?;
        }
        (false, true) if !placeholders => {
            tx.execute("UPDATE citizens SET sealed = NULL WHERE id = ?1", [id])?;
        }
        (false, true) => {
            let opened = match secret {
                Some(s) => unseal_citizen(tx, s, id)?,
                None => false,
            };
            if !opened {
                return Err(crate::error::Error::invalid(
                    "denouncer_key",
                    "Hồ sơ công dân này được niêm phong bằng khóa danh tính người tố cáo mà tài khoản này không mở được; hãy nhờ cán bộ xử lý hoặc lãnh đạo ghi nhận.",
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

/// [`settle_citizen`] for every citizen whose sealing is out of line (after an import).
pub(in crate::desk) fn settle_all(
    tx: &Connection,
    public: &PublicKey,
    secret: Option<&SecretKey>,
) -> Result<()> {
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare(
            "SELECT id FROM citizens
              WHERE (denouncer_only = 1 AND (sealed IS NULL OR full_name <> ?1))
                 OR (denouncer_only = 0 AND sealed IS NOT NULL)",
        )?;
        let rows = stmt.query_map([super::MASKED], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in ids {
        settle_citizen(tx, public, secret, id)?;
    }
    Ok(())
}

/// Writes citizen `id`'s sealed identity back into its plain columns (a denouncer the
/// office now knows otherwise). `false` when it cannot be opened with `secret`.
pub(in crate::desk) fn unseal_citizen(
    tx: &Connection,
    secret: &SecretKey,
    id: i64,
) -> Result<bool> {
    let Some(map) = identity_map(tx, secret, id)? else {
        return Ok(false);
    };
    let sets: Vec<String> = IDENTITY
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    let mut values: Vec<rusqlite::types::Value> =
        IDENTITY.iter().map(|c| from_json(map.get(*c))).collect();
    values.push(id.into());
    tx.execute(
        &format!(
            "UPDATE citizens SET {}, sealed = NULL WHERE id = ?{}",
            sets.join(", "),
            IDENTITY.len() + 1
        ),
        rusqlite::params_from_iter(values),
    )?;
    let name = map.get("full_name").and_then(Value::as_str).unwrap_or("");
    let address = map.get("address").and_then(Value::as_str).unwrap_or("");
    tx.execute(
        "UPDATE citizens SET name_fold = ?1, address_fold = ?2 WHERE id = ?3",
        params![fold(name), fold(address), id],
    )?;
    Ok(true)
}

pub(in crate::desk) fn identity_map(
    conn: &Connection,
    secret: &SecretKey,
    id: i64,
) -> Result<Option<Map<String, Value>>> {
    let sealed: Option<Option<Vec<u8>>> = conn
        .query_row("SELECT sealed FROM citizens WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(sealed
        .flatten()
        .and_then(|s| open(secret, &s))
        .and_then(|b| serde_json::from_slice(&b).ok()))
}

/// Whether citizen `id`'s identity is sealed.
pub(in crate::desk) fn is_sealed(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT coalesce((SELECT sealed IS NOT NULL FROM citizens WHERE id = ?1), 0)",
        [id],
        |r| r.get(0),
    )?)
}

/// Citizen `id` as stored, its sealed identity opened with `secret`: `None` when it is not
/// sealed or cannot be opened.
pub(in crate::desk) fn identity(
    conn: &Connection,
    secret: &SecretKey,
    id: i64,
) -> Result<Option<Citizen>> {
    let Some(map) = identity_map(conn, secret, id)? else {
        return Ok(None);
    };
    let gender: Option<String> =
        conn.query_row("SELECT gender FROM citizens WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
    Ok(Some(Citizen {
        id,
        full_name: text("full_name").unwrap_or_default(),
        id_kind: text("id_kind")
            .and_then(|k| crate::desk::from_name(&k).ok())
            .unwrap_or(crate::domain::identity::IdKind::NoPaper),
        id_number: text("id_number"),
        birth_year: map
            .get("birth_year")
            .and_then(Value::as_i64)
            .and_then(|y| i32::try_from(y).ok()),
        gender: gender.map(|g| {
            if g == "female" {
                crate::domain::identity::Sex::Female
            } else {
                crate::domain::identity::Sex::Male
            }
        }),
        address: text("address").unwrap_or_default(),
        phone: text("phone"),
    }))
}

/// A citizen from an opened identity (gender stays as stored).
pub(in crate::desk) fn fill_citizen(c: &mut Citizen, m: &Identity) {
    let text = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_owned);
    c.full_name = text("full_name").unwrap_or_default();
    c.id_kind = text("id_kind")
        .and_then(|k| crate::desk::from_name(&k).ok())
        .unwrap_or(crate::domain::identity::IdKind::NoPaper);
    c.id_number = text("id_number");
    c.birth_year = m
        .get("birth_year")
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok());
    c.address = text("address").unwrap_or_default();
    c.phone = text("phone");
}

/// A visit document's person from an opened identity.
pub(in crate::desk) fn fill_person(p: &mut crate::desk::visit_view::VisitPerson, m: &Identity) {
    let text = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_owned);
    p.full_name = text("full_name").unwrap_or_default();
    p.id_number = text("id_number");
    p.id_issued_on = text("id_issued_on");
    p.id_issued_by = text("id_issued_by");
    p.address = text("address").unwrap_or_default();
    p.phone = text("phone");
}

fn to_json(v: rusqlite::types::Value) -> Value {
    match v {
        rusqlite::types::Value::Integer(i) => Value::from(i),
        rusqlite::types::Value::Text(t) => Value::from(t),
        rusqlite::types::Value::Real(f) => Value::from(f),
        _ => Value::Null,
    }
}

fn from_json(v: Option<&Value>) -> rusqlite::types::Value {
    match v {
        Some(Value::String(s)) => s.clone().into(),
        Some(Value::Number(n)) => n.as_i64().map_or(rusqlite::types::Value::Null, Into::into),
        _ => rusqlite::types::Value::Null,
    }
}

/// Seals bytes (a document, a scan, a file name) to the denouncer key.
pub(in crate::desk) fn seal_bytes(public: &PublicKey, plain: &[u8]) -> Vec<u8> {
    seal(public, plain)
}

/// Opens bytes sealed with [`seal_bytes`].
pub(in crate::desk) fn open_bytes(secret: &SecretKey, sealed: &[u8]) -> Option<Vec<u8>> {
    open(secret, sealed)
}

/// An upgraded office's first key: seals what was stored plain before there was one —
/// citizens known only as denouncers, the documents of a visit or petition that carried a
/// denunciation, and a denunciation's scans.
pub(in crate::desk) fn seal_what_is_plain(tx: &Connection, public: &PublicKey) -> Result<()> {
    let ids = column(
        tx,
        "SELECT id FROM citizens WHERE denouncer_only = 1 AND sealed IS NULL",
    )?;
    for id in ids {
        seal_citizen(tx, public, id)?;
    }
    let docs = column(
        tx,
        "SELECT d.id FROM documents d WHERE d.sealed = 0 AND (
             d.visit_id IN (SELECT visit_id FROM petitions WHERE kind = 'denunciation')
          OR d.petition_id IN (SELECT id FROM petitions WHERE kind = 'denunciation'))",
    )?;
    for id in docs {
        let content: Vec<u8> =
            tx.query_row("SELECT content FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        tx.execute(
            "UPDATE documents SET content = ?1, sealed = 1 WHERE id = ?2",
            params![seal(public, &content), id],
        )?;
    }
    let scans = column(
        tx,
        "SELECT a.id FROM attachments a WHERE a.sealed IS NULL AND EXISTS (
             SELECT 1 FROM petitions p WHERE p.kind = 'denunciation' AND (
                (a.owner_type = 'petition' AND p.id = a.owner_id)
             OR (a.owner_type = 'visit' AND p.visit_id = a.owner_id)
             OR (a.owner_type = 'case' AND p.case_id = a.owner_id)))",
    )?;
    for id in scans {
        seal_attachment(tx, public, id)?;
    }
    Ok(())
}

/// Seals attachment `id`: its name into `attachments.sealed`, its bytes into the blob
/// `'sealed:' || id` (the plain blob is dropped when no other attachment shares it).
pub(in crate::desk) fn seal_attachment(tx: &Connection, public: &PublicKey, id: i64) -> Result<()> {
    let (name, sha256, bytes): (String, String, Vec<u8>) = tx.query_row(
        "SELECT a.file_name, a.sha256, b.content FROM attachments a
           JOIN attachment_blobs b ON b.sha256 = a.sha256 WHERE a.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO attachment_blobs (sha256, content) VALUES (?1, ?2)",
        params![blob_key(id), seal(public, &bytes)],
    )?;
    tx.execute(
        "UPDATE attachments SET sealed = ?1, file_name = ?2 WHERE id = ?3",
        params![seal(public, name.as_bytes()), SEALED_NAME, id],
    )?;
    tx.execute(
        "DELETE FROM attachment_blobs WHERE sha256 = ?1
           AND NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1 AND sealed IS NULL)",
        [sha256],
    )?;
    Ok(())
}

/// The plain file name a sealed attachment keeps.
pub(in crate::desk) const SEALED_NAME: &str = "(bảo mật).bin";

/// The blob key of sealed attachment `id`.
pub(in crate::desk) fn blob_key(id: i64) -> String {
    format!("sealed:{id}")
}

/// The first holder's rotation: everything sealed to the bootstrap key is opened with
/// `old` and sealed again to `new`.
pub(in crate::desk) fn reseal_all(tx: &Connection, old: &SecretKey, new: &PublicKey) -> Result<()> {
    reseal_column(tx, "citizens", "sealed", "sealed IS NOT NULL", old, new)?;
    reseal_column(tx, "documents", "content", "sealed = 1", old, new)?;
    reseal_column(tx, "attachments", "sealed", "sealed IS NOT NULL", old, new)?;
    let keys: Vec<String> = {
        let mut stmt =
            tx.prepare("SELECT sha256 FROM attachment_blobs WHERE sha256 LIKE 'sealed:%'")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for key in keys {
        let sealed: Vec<u8> = tx.query_row(
            "SELECT content FROM attachment_blobs WHERE sha256 = ?1",
            [&key],
            |r| r.get(0),
        )?;
        if let Some(plain) = open(old, &sealed) {
            tx.execute(
                "UPDATE attachment_blobs SET content = ?1 WHERE sha256 = ?2",
                params![seal(new, &plain), key],
            )?;
        }
    }
    Ok(())
}

fn reseal_column(
    tx: &Connection,
    table: &str,
    col: &str,
    filter: &str,
    old: &SecretKey,
    new: &PublicKey,
) -> Result<()> {
    let rows: Vec<(i64, Vec<u8>)> = {
        let mut stmt = tx.prepare(&format!("SELECT id, {col} FROM {table} WHERE {filter}"))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (id, sealed) in rows {
        if let Some(plain) = open(old, &sealed) {
            tx.execute(
                &format!("UPDATE {table} SET {col} = ?1 WHERE id = ?2"),
                params![seal(new, &plain), id],
            )?;
        }
    }
    Ok(())
}

fn column(conn: &Connection, sql: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
