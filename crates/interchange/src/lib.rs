//! The interchange format (`INTERCHANGE.md`, version 1): JSON Lines records in the spec's
//! shape, and the parser that turns a file into checked records or the list of every
//! problem, line by line, in Vietnamese. [`check`] reads a file of any size without
//! holding its records, and [`Checked::read`] reads each one again when it is written;
//! [`parse`] does both for a text in memory.
//!
//! Pure: text in, records out. Storing them is `desk::interchange`'s job.
//!
//! ```
//! use tiepdan_interchange::{parse, Record};
//! use tiepdan_rules::identity::IdentityRules;
//! let text = "// a comment\n{\"type\": \"calendar\", \"date\": \"2026-09-02\", \"kind\": \"holiday\", \"note\": \"Quốc khánh\"}\n";
//! let records = parse(text, &IdentityRules::default_rules(), 2026).unwrap();
//! assert!(matches!(records[0], (2, Record::Calendar(_))));
//! let errors = parse("{\"type\": \"calendar\", \"date\": \"2026-02-30\", \"kind\": \"holiday\"}", &IdentityRules::default_rules(), 2026).unwrap_err();
//! assert!(errors[0].message_vi.starts_with("Dòng 1, trường `date`:"));
//! ```

mod check;
mod fields;
pub mod legacy;
mod parse;
mod record;

pub use parse::{CheckError, Checked, Kind, Placed, Source, check, parse};
pub use record::*;

use serde::Serialize;
use ts_rs::TS;

/// One problem of a file: where it is and what to fix. `message_vi` is the whole sentence
/// shown to the user ("Dòng 12, trường `kind`: …"); `field` is empty for a whole line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LineError {
    #[ts(type = "number")]
    pub line: usize,
    pub field: String,
    pub message_vi: String,
}

impl LineError {
    /// A problem of `field` on `line`; `what` says what is wrong and what to do.
    pub fn new(line: usize, field: &str, what: impl AsRef<str>) -> LineError {
        let message_vi = if field.is_empty() {
            format!("Dòng {line}: {}", what.as_ref())
        } else {
            format!("Dòng {line}, trường `{field}`: {}", what.as_ref())
        };
        LineError {
            line,
            field: field.to_owned(),
            message_vi,
        }
    }
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_vi)
    }
}
