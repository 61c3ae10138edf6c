//! The shared vocabulary of TiếpDân: the words every layer uses and nothing else.
//!
//! Vietnamese text handling ([`text`]), the field error every validation returns
//! ([`FieldError`]), and the enums the rules files, the domain, the store and the
//! interchange format all name: petition kinds and fields, identity papers, agency roles,
//! officer roles and permissions. No IO, no rules, no domain logic.

pub mod access;
pub mod agency;
pub mod identity;
pub mod petition;
pub mod reception;
pub mod text;

use serde::Serialize;
use ts_rs::TS;

/// One invalid field of a form or record: the field's name in the API and what to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message_vi: String,
}

impl FieldError {
    pub fn new(field: &str, message_vi: impl Into<String>) -> Self {
        FieldError {
            field: field.to_owned(),
            message_vi: message_vi.into(),
        }
    }
}
