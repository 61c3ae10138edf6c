//! Typed values to and from SQL, so the use cases bind and read values, not strings:
//!
//! - a vocabulary enum is stored as its name: `Named(PetitionKind::Complaint)` is
//!   `'complaint'`, the interchange format's word (one vocabulary for the database and the
//!   files), read back with a Vietnamese error naming an unknown value;
//! - a date is a `chrono::NaiveDate` (rusqlite's `chrono` feature: `YYYY-MM-DD`);
//! - a moment is a [`Stamp`], `YYYY-MM-DDTHH:MM:SS` as every table stores it.
//!
//! ```
//! use rusqlite::Connection;
//! use tiepdan_store::value::{Named, Stamp};
//! use tiepdan_vocab::petition::PetitionKind;
//! let conn = Connection::open_in_memory().unwrap();
//! let (kind, on): (Named<PetitionKind>, chrono::NaiveDate) = conn
//!     .query_row("SELECT ?1, ?2", (Named(PetitionKind::Denunciation), chrono::NaiveDate::from_ymd_opt(2026, 7, 1)), |r| Ok((r.get(0)?, r.get(1)?)))
//!     .unwrap();
//! assert_eq!((kind.0, on.to_string()), (PetitionKind::Denunciation, "2026-07-01".to_owned()));
//! let bad = conn.query_row("SELECT 'khiếu kiện'", [], |r| r.get::<_, Named<PetitionKind>>(0));
//! assert!(bad.unwrap_err().to_string().contains("\"khiếu kiện\""));
//! ```

use chrono::NaiveDateTime;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A vocabulary value bound or read as its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named<T>(pub T);

/// The stored name of a vocabulary value: its serde name ("complaint").
pub fn name<T: Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("vocabulary values serialise as strings, got {other:?}"),
    }
}

/// The vocabulary value named `s`; the error names the unknown value.
pub fn from_name<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    use serde::de::IntoDeserializer;
    // Straight from the string (no JSON value in between): reports decode this per row.
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = s.into_deserializer();
    T::deserialize(de).map_err(|_| format!("giá trị không hợp lệ trong cơ sở dữ liệu: \"{s}\""))
}

impl<T: Serialize + Copy> ToSql for Named<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(name(self.0)))
    }
}

impl<T: DeserializeOwned> FromSql for Named<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = value.as_str()?;
        from_name(s)
            .map(Named)
            .map_err(|e| FromSqlError::Other(e.into()))
    }
}

/// A moment as the tables store it: `YYYY-MM-DDTHH:MM:SS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp(pub NaiveDateTime);

/// The stored form of a moment.
pub const STAMP: &str = "%Y-%m-%dT%H:%M:%S";

impl ToSql for Stamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.format(STAMP).to_string()))
    }
}

impl FromSql for Stamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = value.as_str()?;
        NaiveDateTime::parse_from_str(s, STAMP)
            .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
            .map(Stamp)
            .map_err(|_| {
                FromSqlError::Other(
                    format!("thời điểm không hợp lệ trong cơ sở dữ liệu: \"{s}\"").into(),
                )
            })
    }
}
