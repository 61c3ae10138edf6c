//! The office's catalogues: its profile, the agencies, the working calendar and the rule files.

pub(super) mod agencies;
pub(super) mod catalogue;
pub(super) mod office;
