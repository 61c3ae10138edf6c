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

/// The window's command line: `--idle-lock-seconds N`, else `TIEPDAN_IDLE_LOCK_SECONDS`, else ten minutes; at least 5.
pub fn idle_lock_seconds(args: &[String]) -> u32 {
    let from_args = args
        .windows(2)
        .find(|w| w[0] == "--idle-lock-seconds")
        .map(|w| w[1].clone());
    from_args
        .or_else(|| std::env::var("TIEPDAN_IDLE_LOCK_SECONDS").ok())
        .and_then(|s| s.parse().ok())
        .filter(|s| *s >= 5)
        .unwrap_or(600)
}

/// `--data DIR` or `--data=DIR` from the command line.
pub fn data_option(args: &[String]) -> Option<std::path::PathBuf> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--data" {
            return it.next().map(std::path::PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--data=") {
            return Some(std::path::PathBuf::from(v));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_option_accepts_both_spellings() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(data_option(&a(&["app", "--data", "/x"])), Some("/x".into()));
        assert_eq!(data_option(&a(&["app", "--data=/y"])), Some("/y".into()));
        assert_eq!(data_option(&a(&["app"])), None);
    }

    #[test]
    fn idle_lock_is_ten_minutes_unless_told() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            idle_lock_seconds(&a(&["app", "--idle-lock-seconds", "8"])),
            8
        );
        assert_eq!(
            idle_lock_seconds(&a(&["app", "--idle-lock-seconds", "1"])),
            600
        );
        assert_eq!(idle_lock_seconds(&a(&["app"])), 600);
    }
}
