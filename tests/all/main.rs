//! Every integration test of the core and the command line, in one test binary: one link
//! instead of one per file, and modules named after what they check. The shared helpers
//! are in `common`.

mod common;

mod access;
mod architecture;
mod attachments;
mod audit_chain;
mod bench_data;
mod casework;
mod catalogue;
mod citizen_rights;
mod citizens;
mod cli_safety;
mod confidentiality;
mod crash;
mod deadlines;
mod decision_documents;
mod directives;
mod documents;
mod encryption;
mod hot_spots;
mod interchange;
mod ipc_commands;
mod kqgq;
mod legacy_import;
mod legal_round2;
mod mail;
mod officers;
mod one_owner;
mod print_receipt;
mod protection;
mod registers;
mod reminders;
mod reports;
mod resolution_documents;
mod reveal;
mod routing;
mod schedule;
mod store_lifecycle;
mod visits;
mod void;
