//! Opening the data from a terminal: the password (or the recovery key) asked without echo
//! or read from TIEPDAN_PASSPHRASE, the first run's administrator, and the accounts.

use tiepdan_core::desk::AccountInput;
use tiepdan_core::domain::officer::OfficerRole;
use tiepdan_core::store;
use tiepdan_core::{Ctx, Desk, Error};

use crate::args::{AccountAction, InitArgs};
use crate::ctx;

/// The environment variable holding the passphrase (an officer's password or the recovery
/// key) for scripts and tests; without it the command line asks.
pub(crate) const PASSPHRASE_VAR: &str = "TIEPDAN_PASSPHRASE";

/// The passphrase from `TIEPDAN_PASSPHRASE`, or typed at the terminal without echo.
pub(crate) fn passphrase(prompt: &str) -> Result<String, Error> {
    if let Ok(p) = std::env::var(PASSPHRASE_VAR) {
        return Ok(p);
    }
    rpassword::prompt_password(prompt).map_err(|_| {
        Error::invalid(
            "passphrase",
            format!("Không đọc được mật khẩu từ bàn phím: hãy chạy trong cửa sổ dòng lệnh, hoặc đặt biến môi trường {PASSPHRASE_VAR}."),
        )
    })
}

/// Opens the data: with a password or the recovery key when it is encrypted (the core
/// keeps the sign-in throttle), as is when it is still plain.
pub(crate) fn open_desk(root: &std::path::Path) -> Result<Desk, Error> {
    tiepdan_core::edge::open(root, || passphrase("Mật khẩu (hoặc khóa khôi phục): "))
}

/// The key and the context for a restore (the core decides who may restore a damaged store).
pub(crate) fn restore_access(root: &std::path::Path) -> Result<(Option<store::DbKey>, Ctx), Error> {
    tiepdan_core::edge::restore_access(root, "dòng lệnh", || {
        passphrase("Mật khẩu (hoặc khóa khôi phục): ")
    })
}

/// A new account's password: `TIEPDAN_NEW_PASSWORD`, or typed twice at the terminal.
pub(crate) fn new_password() -> Result<String, Error> {
    if let Ok(p) = std::env::var("TIEPDAN_NEW_PASSWORD") {
        return Ok(p);
    }
    let unreadable = |_| {
        Error::invalid(
            "password",
            "Không đọc được mật khẩu: chạy trong cửa sổ dòng lệnh, hoặc đặt biến môi trường TIEPDAN_NEW_PASSWORD.",
        )
    };
    let first = rpassword::prompt_password("Mật khẩu mới: ").map_err(unreadable)?;
    let again = rpassword::prompt_password("Nhập lại: ").map_err(unreadable)?;
    if first != again {
        return Err(Error::invalid(
            "password_again",
            "Hai lần nhập mật khẩu không khớp.",
        ));
    }
    Ok(first)
}

/// `tiepdan account add|password|list`.
pub(crate) fn account(root: &std::path::Path, action: AccountAction) -> Result<(), Error> {
    let mut desk = open_desk(root)?;
    match action {
        AccountAction::Add {
            login,
            name,
            title,
            roles,
        } => {
            let password = new_password()?;
            let input = AccountInput {
                officer_id: None,
                full_name: name,
                title,
                login,
                password: password.clone(),
                password_again: password,
                roles: roles.into_iter().map(OfficerRole::from).collect(),
            };
            let made = desk.add_account(&ctx(&desk), &input)?;
            println!(
                "Đã tạo tài khoản \"{}\" cho {} ({}).",
                made.login,
                made.full_name,
                made.roles.label_vi()
            );
        }
        AccountAction::Password { login } => {
            let password = new_password()?;
            desk.set_password(&ctx(&desk), &login, &password, &password)?;
            println!("Đã đặt mật khẩu mới cho tài khoản \"{login}\".");
        }
        AccountAction::IdentityCode => {
            let code = desk.identity_recovery_code(&ctx(&desk))?;
            println!("MÃ KHÔI PHỤC KHÓA DANH TÍNH NGƯỜI TỐ CÁO (chép lên phiếu, niêm phong):");
            println!("{code}");
        }
        AccountAction::GrantIdentity { login } => {
            let code = match std::env::var("TIEPDAN_IDENTITY_KEY") {
                Ok(c) => c,
                Err(_) => rpassword::prompt_password("Mã khôi phục khóa danh tính: ").map_err(
                    |_| {
                        Error::invalid(
                            "code",
                            "Không đọc được mã từ bàn phím: hãy chạy trong cửa sổ dòng lệnh, hoặc đặt biến môi trường TIEPDAN_IDENTITY_KEY.",
                        )
                    },
                )?,
            };
            desk.grant_identity_key(&ctx(&desk), &login, &code)?;
            println!("Đã cấp khóa danh tính người tố cáo cho tài khoản \"{login}\".");
        }
        AccountAction::List => {
            for a in desk.accounts()? {
                println!(
                    "{}\t{}\t{}\t{}",
                    a.login,
                    a.full_name,
                    a.roles.label_vi(),
                    if a.active {
                        "đang dùng"
                    } else {
                        "đã khóa"
                    }
                );
            }
        }
    }
    Ok(())
}

/// `init` on a data directory with no account yet: creates the administrator and the
/// encrypted store (encrypting plain data found there), and prints the recovery key once.
pub(crate) fn first_run(root: &std::path::Path, args: &InitArgs) -> Result<Desk, Error> {
    let password = passphrase("Đặt mật khẩu cho tài khoản quản trị: ")?;
    let again = if std::env::var(PASSPHRASE_VAR).is_ok() {
        password.clone()
    } else {
        passphrase("Nhập lại mật khẩu: ")?
    };
    let mut roles = vec![OfficerRole::Admin];
    roles.extend(args.also.iter().map(|r| OfficerRole::from(*r)));
    let input = AccountInput {
        officer_id: None,
        full_name: args.admin_name.clone(),
        title: String::new(),
        login: args.admin.clone(),
        password,
        password_again: again,
        roles,
    };
    let (desk, done) = Desk::setup(root, &input, tiepdan_core::edge::now())?;
    if done.encrypted_existing_data {
        println!("Dữ liệu cũ đã được sao lưu, kiểm tra rồi mã hóa.");
    }
    println!(
        "Đã tạo tài khoản quản trị \"{}\" và mã hóa cơ sở dữ liệu.",
        done.session.login
    );
    println!("KHÓA KHÔI PHỤC (chỉ hiện một lần; in hoặc chép ra giấy, niêm phong, cất giữ):");
    println!("{}", done.recovery_key);
    Ok(desk)
}
