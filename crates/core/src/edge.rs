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
    if desk.is_encrypted() {
        return Ctx::system(now);
    }
    let user = os_user();
    Ctx {
        actor: format!("{user} ({edge}, dữ liệu chưa mã hóa)"),
        now,
        roles: crate::domain::access::Roles::ALL,
        officer_id: None,
    }
}

/// Opens the data directory `root` for a command-line use: an encrypted store with the
/// password or recovery key `passphrase` returns (asked only then), under the sign-in
/// throttle the window keeps too; a plain store as it is. Only `init` and the window's first
/// run create a store.
pub fn open(
    root: &std::path::Path,
    passphrase: impl FnOnce() -> crate::Result<String>,
) -> crate::Result<Desk> {
    let now = now();
    let dir = crate::datadir::DataDir::new(root);
    if !dir.database().exists() {
        return Err(crate::error::StoreError::NotInitialised {
            path: root.to_owned(),
        }
        .into());
    }
    if dir.keyring().exists() || crate::store::is_encrypted(&dir.database()) == Some(true) {
        // Wrong passwords in a row pause every edge alike.
        let mut throttle = crate::desk::Throttle::load(root);
        throttle.check(now)?;
        let p = passphrase()?;
        let opened = Desk::open_with_passphrase(root, &p, now);
        throttle.record(&opened, now);
        throttle.save(root)?;
        return opened;
    }
    Desk::open(root, now)
}

/// The key and the context of a restore into `root`. When the live data opens, its
/// signed-in officer (who needs the right to restore); when it is damaged, whoever holds a
/// password of the keyring or the recovery key (plain data: the OS account), acting as
/// administrator — the one use case that runs without an open store.
pub fn restore_access(
    root: &std::path::Path,
    edge: &str,
    passphrase: impl Fn() -> crate::Result<String>,
) -> crate::Result<(Option<crate::store::DbKey>, Ctx)> {
    match open(root, &passphrase) {
        Ok(desk) => Ok((desk.store_key(), ctx(&desk, edge))),
        Err(crate::Error::Store(
            crate::error::StoreError::Corrupt { .. }
            | crate::error::StoreError::NotADatabase { .. },
        )) => {
            let dir = crate::datadir::DataDir::new(root);
            let (key, actor) = if dir.keyring().exists() {
                let p = passphrase()?;
                let (login, key) = crate::desk::unwrap_key(root, &p)?;
                (Some(key), login.unwrap_or_else(|| "khóa khôi phục".into()))
            } else {
                (None, os_user())
            };
            let ctx = Ctx {
                actor: format!("{actor} ({edge}, khôi phục dữ liệu hỏng)"),
                now: now(),
                roles: crate::domain::access::Roles::of(&[
                    crate::domain::officer::OfficerRole::Admin,
                ]),
                officer_id: None,
            };
            Ok((key, ctx))
        }
        Err(e) => Err(e),
    }
}

/// The operating system's account name, for the audit trail of a plain store.
fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "không rõ".into())
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
