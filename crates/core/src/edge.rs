//! Helpers for the edges (the command line and the window): the one place in the core
//! that reads the clock and the environment, so that nothing below `desk` does.

use crate::{Ctx, Desk};

/// Now, on the local clock.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// The context of a use case started now on `desk`, from `edge` ("dòng lệnh", "ứng dụng"):
/// the signed-in officer and their roles. On a plain (unencrypted) store, which anyone with
/// the file can read and change anyway, the OS account acts with every role. With an
/// encrypted store and nobody signed in (locked), the context has no role, and every use
/// case refuses with "đăng nhập lại".
pub fn ctx(desk: &Desk, edge: &str) -> Ctx {
    let now = now();
    if let Some(session) = desk.session() {
        let mut ctx = session.ctx(now);
        ctx.actor = format!("{} — {edge}", ctx.actor);
        return ctx;
    }
    if desk.store().is_encrypted() {
        return Ctx::system(now);
    }
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "không rõ".into());
    Ctx {
        actor: format!("{user} ({edge}, dữ liệu chưa mã hóa)"),
        now,
        roles: crate::domain::access::Roles::ALL,
        officer_id: None,
    }
}
