//! Who may do what and who saw what: accounts and sign-in, the keyring, officers, the denouncer's identity and its key, the audit trail, a citizen's rights over their data.

pub(super) mod accounts;
pub(super) mod audit_trail;
pub(super) mod citizen_rights;
pub(super) mod denouncer;
pub(super) mod keyring;
pub(super) mod officers;
