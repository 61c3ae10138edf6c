//! Pure domain types and rules. Nothing here touches a database, a file, the clock or
//! the environment: values in, values out, so every rule can be tested on fixed data.

pub mod access;
pub mod agency;
pub mod citizen;
pub mod deadline;
pub mod flags;
pub mod forms;
pub mod hotspot;
pub mod identity;
pub mod mail;
pub mod office;
pub mod officer;
pub mod outcome;
pub mod refusal;
pub mod reminders;
pub mod report;
pub mod routing;
pub mod schedule;
pub mod visit;
