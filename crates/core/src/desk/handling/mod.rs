//! Handling a petition: the competence proposal and the decision, the petition's facts corrected, the proposal to accept, the decision documents, attention flags, deadlines and what is due, the watch list.

pub(super) mod acceptance_proposal;
pub(super) mod deadlines;
pub(super) mod decision_documents;
pub(super) mod due;
pub(super) mod flags;
pub(super) mod petition_facts;
pub(super) mod routing;
pub(super) mod watch;
