//! TiếpDân core: everything that matters about a commune's citizen reception office,
//! headless and testable without a window.
//!
//! Data flows one way: the edges (the `tiepdan` command line, the Tauri shell) call the
//! [`desk`] use cases; `desk` uses [`domain`] rules, [`text`] and the [`store`]. Nothing below
//! `desk` reads the clock or the environment: "now" and the data directory are passed in.

pub mod about;
pub mod audit;
pub mod datadir;
pub mod desk;
pub mod edge;
pub mod error;
pub mod ipc;
pub mod progress;

// The layers below, under the names the use cases and the edges know them by.
pub use tiepdan_domain as domain;
pub use tiepdan_interchange as interchange;
pub use tiepdan_render as print;
pub use tiepdan_rules as rules;
pub use tiepdan_store as store;
pub use tiepdan_vocab::text;

pub use audit::Ctx;
pub use desk::Desk;
pub use error::{Error, ErrorData, FieldError, Result, StoreError};
