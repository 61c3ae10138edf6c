//! TiếpDân core: everything that matters about a commune's citizen reception office,
//! headless and testable without a window.
//!
//! Data flows one way: the edges (the `tiepdan` command line, the Tauri shell) call the
//! [`desk`] use cases; `desk` uses [`domain`] rules, [`text`] and the [`store`]. Nothing below
//! `desk` reads the clock or the environment: "now" and the data directory are passed in.

pub mod about;
pub mod datadir;
pub mod desk;
pub mod domain;
pub mod edge;
pub mod error;
pub mod interchange;
pub mod ipc;
pub mod print;
pub mod rules;
pub mod store;
pub mod text;

pub use desk::Desk;
pub use error::{Error, ErrorData, FieldError, Result, StoreError};
pub use store::audit::Ctx;
