//! Helpers for the edges (the command line and the window): the one place in the core
//! that reads the clock and the environment, so that nothing below `desk` does.

use crate::Ctx;

/// The context of a use case started now by the OS user, from `edge` ("dòng lệnh",
/// "ứng dụng"). Until officers sign in, the actor is the OS account.
pub fn ctx_now(edge: &str) -> Ctx {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "không rõ".into());
    Ctx {
        actor: format!("{user} ({edge})"),
        now: chrono::Local::now().naive_local(),
    }
}
