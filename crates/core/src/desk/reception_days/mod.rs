//! The chair's and party secretary's reception days: plans, sessions, bookings, the briefing pack and the session's conclusions.

pub(super) mod bookings;
pub(super) mod briefing;
pub(super) mod conclusions;
pub(super) mod empty_session;
pub(super) mod publishing;
pub(super) mod schedule;
