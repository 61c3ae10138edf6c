//! Resolving an accepted case: outcomes and their documents, dialogues and mediation, tasks.

pub(super) mod casework_documents;
pub(super) mod directives;
pub(super) mod mediation;
pub(super) mod outcomes;
pub(super) mod resolution_documents;
pub(super) mod tasks;
pub(super) mod verification;
