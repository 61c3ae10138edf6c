//! The front desk: a visit and its petitions recorded, petitions that came by post or were forwarded, citizens found and registered, drafts, the visit's documents, the header search, attached scans, a refused reception.

pub(super) mod attachments;
pub(super) mod citizen_history;
pub(super) mod citizens;
pub(super) mod documents;
pub(super) mod drafts;
pub(super) mod mail;
pub(super) mod merge;
pub(super) mod refusal;
pub(super) mod search;
pub(super) mod visit_view;
pub(super) mod visits;
pub(super) mod void;
