//! Who may do what: the roles and the permission matrix live in the vocabulary crate, where
//! the store's audit context can name them without the domain.

pub use tiepdan_vocab::access::{MATRIX, OfficerRole, Permission, Roles};
