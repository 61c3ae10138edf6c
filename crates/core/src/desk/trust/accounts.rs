//! Officers' accounts and signing in: the first run creates the administrator and the
//! encrypted store; each sign-in unwraps the database key from the keyring with the
//! officer's password and opens the store; the session's roles go into every use case's
//! context, where the permission matrix is checked.

use std::path::Path;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{self, Ctx};
use crate::datadir::DataDir;
use crate::desk::Desk;
use crate::desk::denouncer::new_account_secret;
use crate::desk::keyring::{Keyring, Opened};
use crate::domain::access::{Permission, Roles};
use crate::domain::officer::{OfficerInput, OfficerRole};
use crate::error::{Error, FieldError, Result, StoreError};
use crate::store::{DbKey, Store, is_encrypted};
use crypto_box::SecretKey;

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SignedIn {
    #[ts(type = "number")]
    pub officer_id: i64,
    pub login: String,
    pub full_name: String,
    #[ts(as = "Vec<OfficerRole>")]
    pub roles: Roles,
    /// Opened with the recovery key, not a password: only to set a new password.
    pub by_recovery_key: bool,
}

/// What the window needs to know about who is signed in: the session and what its roles
/// allow (from the one matrix), so that screens hide what the core would refuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SignedInView {
    pub session: SignedIn,
    pub permissions: Vec<Permission>,
}

impl From<&SignedIn> for SignedInView {
    fn from(s: &SignedIn) -> Self {
        SignedInView {
            session: s.clone(),
            permissions: crate::domain::access::MATRIX
                .iter()
                .map(|(p, _)| *p)
                .filter(|p| s.roles.may(*p))
                .collect(),
        }
    }
}

impl SignedIn {
    /// The context of a use case this officer starts at `now`.
    pub fn ctx(&self, now: chrono::NaiveDateTime) -> Ctx {
        Ctx {
            actor: format!("{} ({})", self.full_name, self.login),
            now,
            roles: self.roles,
            officer_id: Some(self.officer_id),
        }
    }
}

/// What the window shows before anyone signs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum AccessState {
    /// No account yet: the first run creates the administrator. `plain_data`: a database
    /// from before encryption is there and will be encrypted (after a verified backup).
    NeedsSetup { plain_data: bool },
    /// Accounts exist: sign in.
    SignIn,
}

/// What the window's first screen needs: sign in or set up, who is signed in, and after
/// how long without a key or a click the screen locks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccessView {
    pub access: AccessState,
    pub session: Option<SignedInView>,
    pub data_dir: String,
    pub idle_lock_seconds: u32,
}

/// A new account (and, without `officer_id`, a new officer).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct AccountInput {
    /// An officer already in the catalogue, or `None` to add one with the name below.
    #[ts(type = "number | null")]
    pub officer_id: Option<i64>,
    pub full_name: String,
    pub title: String,
    pub login: String,
    pub password: String,
    pub password_again: String,
    pub roles: Vec<OfficerRole>,
}

/// An account as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccountView {
    #[ts(type = "number")]
    pub officer_id: i64,
    pub login: String,
    pub full_name: String,
    /// Chức vụ.
    pub title: String,
    #[ts(as = "Vec<OfficerRole>")]
    pub roles: Roles,
    pub active: bool,
}

/// The first run's result: the recovery key is shown once, to print and keep sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SetupDone {
    pub session: SignedIn,
    pub recovery_key: String,
    /// Where the plain data was backed up before it was encrypted (then encrypted too).
    pub encrypted_existing_data: bool,
}

/// Slows down guessing, in the window and on the command line alike: after
/// [`Throttle::LIMIT`] wrong passwords in a row, signing in is refused for
/// [`Throttle::PAUSE`]. Kept in `signin.json` beside the keyring, so closing the window or
/// starting the command line again does not reset it. (Each guess already costs an argon2id
/// derivation of 64 MiB.)
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Throttle {
    failures: u32,
    /// `YYYY-MM-DDTHH:MM:SS.fff`, local time.
    until: Option<String>,
}

/// The throttle's file in a data directory.
const THROTTLE_FILE: &str = "signin.json";

impl Throttle {
    pub const LIMIT: u32 = 5;
    pub const PAUSE: chrono::Duration = chrono::Duration::seconds(30);

    /// The throttle of data directory `root` (none yet, or unreadable: a fresh one).
    pub fn load(root: &Path) -> Throttle {
        std::fs::read_to_string(root.join(THROTTLE_FILE))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Writes it back (when the folder exists: a first run has none yet).
    pub fn save(&self, root: &Path) -> Result<()> {
        if !root.is_dir() {
            return Ok(());
        }
        let text = serde_json::to_string(self).expect("the throttle serialises");
        crate::desk::write_atomically(&root.join(THROTTLE_FILE), text.as_bytes())
    }

    fn until(&self) -> Option<chrono::NaiveDateTime> {
        self.until
            .as_deref()
            .and_then(|u| chrono::NaiveDateTime::parse_from_str(u, "%Y-%m-%dT%H:%M:%S%.f").ok())
    }

    /// Refuses while paused, saying how long to wait.
    pub fn check(&self, now: chrono::NaiveDateTime) -> Result<()> {
        match self.until() {
            Some(until) if until > now => Err(Error::Throttled {
                seconds: ((until - now).num_milliseconds() as u64)
                    .div_ceil(1000)
                    .max(1),
            }),
            _ => Ok(()),
        }
    }

    /// Counts a sign-in's outcome: a wrong password adds one, anything else starts over.
    pub fn record<T>(&mut self, outcome: &Result<T>, now: chrono::NaiveDateTime) {
        let wrong = matches!(
            outcome,
            Err(Error::BadCredentials) | Err(Error::Store(StoreError::WrongKey { .. }))
        );
        if wrong {
            self.failures += 1;
            if self.failures >= Self::LIMIT {
                self.failures = 0;
                self.until = Some(
                    (now + Self::PAUSE)
                        .format("%Y-%m-%dT%H:%M:%S%.3f")
                        .to_string(),
                );
            }
        } else if outcome.is_ok() {
            self.failures = 0;
            self.until = None;
        }
    }
}

/// What the first screen should be for the data directory `root`.
pub fn access_state(root: &Path) -> Result<AccessState> {
    let dir = DataDir::new(root);
    if Keyring::read(&dir.keyring())?.is_some() {
        return Ok(AccessState::SignIn);
    }
    let db = dir.database();
    let empty = std::fs::metadata(&db).map(|m| m.len() == 0).unwrap_or(true);
    if empty {
        return Ok(AccessState::NeedsSetup { plain_data: false });
    }
    match is_encrypted(&db) {
        Some(false) => {
            // Plain data to encrypt at setup: refused now if it is damaged, untouched.
            crate::store::inspect(&db, None)?.ensure_restorable(&db)?;
            Ok(AccessState::NeedsSetup { plain_data: true })
        }
        _ => Err(Error::Store(crate::error::StoreError::KeyringMissing {
            path: db,
        })),
    }
}

/// The database key `passphrase` gives: an officer's password opening their keyring slot
/// (with that login), or the recovery key itself (no login). Opens nothing.
pub fn unwrap_key(root: &Path, passphrase: &str) -> Result<(Option<String>, DbKey)> {
    let (login, opened) = unwrap_slot(root, passphrase)?;
    Ok((login, opened.key))
}

/// [`unwrap_key`], with the account's own key when a slot opened.
fn unwrap_slot(root: &Path, passphrase: &str) -> Result<(Option<String>, Opened)> {
    let dir = DataDir::new(root);
    if let Some(ring) = Keyring::read(&dir.keyring())?
        && let Some((login, opened)) = ring.open_any(passphrase)
    {
        return Ok((Some(login), opened));
    }
    let key = DbKey::from_recovery(passphrase).ok_or(Error::BadCredentials)?;
    Ok((None, Opened { key, account: None }))
}

/// The account's own key from an opened slot; a slot written before accounts had one (or
/// with a cheaper derivation) is written again, with a new one, at this sign-in.
fn account_key(
    dir: &DataDir,
    ring: &Keyring,
    login: &str,
    password: &str,
    opened: Opened,
) -> Result<(DbKey, SecretKey)> {
    let Opened { key, account } = opened;
    let weak = ring.is_weak(login);
    let account = account.unwrap_or_else(new_account_secret);
    if weak {
        let mut ring = ring.clone();
        ring.set(login, password, &key, &account);
        ring.write(&dir.keyring())?;
    }
    Ok((key, account))
}

/// A sign-in name: 3–32 of a–z, 0–9, dot, dash, underscore.
fn check_login(login: &str, errors: &mut Vec<FieldError>) -> String {
    let login = login.trim().to_lowercase();
    let ok = (3..=32).contains(&login.len())
        && login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    if !ok {
        errors.push(FieldError::new(
            "login",
            "Tên đăng nhập gồm 3–32 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.",
        ));
    }
    login
}

fn check_password(password: &str, again: &str, errors: &mut Vec<FieldError>) {
    if password.chars().count() < MIN_PASSWORD {
        errors.push(FieldError::new(
            "password",
            format!("Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự; nên dùng một câu dễ nhớ, ví dụ \"trâu ăn cỏ bên sông\"."),
        ));
    } else if password != again {
        errors.push(FieldError::new(
            "password_again",
            "Hai lần nhập mật khẩu không khớp.",
        ));
    }
}

/// The shortest password accepted (a passphrase of a few words is better).
pub const MIN_PASSWORD: usize = 10;

fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        crate::desk::keyring::kdf_params(),
    )
    .hash_password(password.as_bytes(), &salt)
    .expect("argon2 hashes any password")
    .to_string()
}

fn password_matches(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

impl AccountInput {
    /// Checked: login, password twice, at least one role, and the officer's name when a
    /// new officer is added. Every mistake at once.
    fn validate(&self) -> Result<(String, Option<OfficerInput>)> {
        let mut errors = Vec::new();
        let login = check_login(&self.login, &mut errors);
        check_password(&self.password, &self.password_again, &mut errors);
        if self.roles.is_empty() {
            errors.push(FieldError::new("roles", "Chọn ít nhất một vai trò."));
        }
        let officer = match self.officer_id {
            Some(_) => None,
            None => {
                let input = OfficerInput {
                    full_name: self.full_name.clone(),
                    title: self.title.clone(),
                    role: self
                        .roles
                        .first()
                        .copied()
                        .unwrap_or(OfficerRole::Reception),
                };
                match input.validate() {
                    Ok(o) => Some(o),
                    Err(e) => {
                        errors.extend(e);
                        None
                    }
                }
            }
        };
        if errors.is_empty() {
            Ok((login, officer))
        } else {
            Err(Error::Invalid(errors))
        }
    }
}

impl Desk {
    /// The first run: creates the administrator's account and the encrypted store (or
    /// encrypts the plain one found there, after a verified backup). Returns the recovery
    /// key, which is shown once and never stored.
    pub fn setup(
        root: &Path,
        input: &AccountInput,
        now: chrono::NaiveDateTime,
    ) -> Result<(Desk, SetupDone)> {
        let dir = DataDir::new(root);
        if Keyring::read(&dir.keyring())?.is_some() {
            return Err(Error::invalid(
                "login",
                "Đã có tài khoản quản trị cho dữ liệu này. Hãy đăng nhập.",
            ));
        }
        if !input.roles.contains(&OfficerRole::Admin) {
            return Err(Error::invalid(
                "roles",
                "Tài khoản đầu tiên phải có vai trò Quản trị hệ thống.",
            ));
        }
        let (login, officer) = input.validate()?;
        let officer = officer
            .ok_or_else(|| Error::invalid("full_name", "Tài khoản đầu tiên cần họ tên cán bộ."))?;
        let db = dir.database();
        let plain_data = is_encrypted(&db) == Some(false);
        if is_encrypted(&db) == Some(true) {
            return Err(Error::invalid(
                "login",
                "Dữ liệu đã được mã hóa nhưng thiếu tệp khóa keyring.json. Hãy chép lại tệp đó từ bản sao, hoặc mở bằng khóa khôi phục.",
            ));
        }
        let key = DbKey::generate();
        let account = new_account_secret();
        // The keyring first: a store is never encrypted with a key nobody holds.
        let mut ring = Keyring::new();
        ring.set(&login, &input.password, &key, &account);
        ring.write(&dir.keyring())?;
        let store = if plain_data {
            Store::encrypt(&db, &key, &dir.backups(), now)
        } else {
            Store::open(&db, Some(&key), &dir.backups(), now)
        };
        let store = match store {
            Ok(s) => s,
            Err(e) => {
                // Nothing was encrypted: the plain data (if any) is untouched.
                let _ = std::fs::remove_file(dir.keyring());
                return Err(e.into());
            }
        };
        let mut desk = Desk::from_store(store, dir)?;
        let roles = Roles::of(&input.roles);
        let system = Ctx::system(now);
        type Made = (i64, Option<SecretKey>);
        let officer_id = desk.store.write(|tx| -> Result<Made> {
            let id = crate::desk::officers::insert_officer(tx, &system, &officer)?;
            insert_account(tx, &system, id, &login, &input.password, roles)?;
            if plain_data {
                audit::append(tx, &system, "database.encrypt", "database", &[], None)?;
            }
            let holder = roles.may(Permission::SeeDenouncer);
            let denouncer = crate::desk::denouncer::begin_keys(tx, &system, id, &account, holder)?;
            Ok((id, denouncer))
        })?;
        let (officer_id, denouncer) = officer_id;
        desk.keys.account = Some(account);
        desk.keys.denouncer = denouncer;
        let session = SignedIn {
            officer_id,
            login,
            full_name: officer.full_name,
            roles,
            by_recovery_key: false,
        };
        desk.session = Some(session.clone());
        Ok((
            desk,
            SetupDone {
                session,
                recovery_key: key.to_recovery(),
                encrypted_existing_data: plain_data,
            },
        ))
    }

    /// Signs in: the password opens the login's keyring slot, whose key opens the store.
    /// A wrong name or password is [`Error::BadCredentials`] and changes nothing.
    pub fn sign_in(
        root: &Path,
        login: &str,
        password: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<Desk> {
        let dir = DataDir::new(root);
        let ring = Keyring::read(&dir.keyring())?.ok_or(Error::BadCredentials)?;
        let opened = ring.open(login, password).ok_or(Error::BadCredentials)?;
        let mut desk = Desk::open_keyed(root, Some(&opened.key), now)?;
        let (_, account) = account_key(&dir, &ring, login, password, opened)?;
        desk.begin_session(login, password, account, now)?;
        Ok(desk)
    }

    /// The command line's way in: `passphrase` is an officer's password (the first slot it
    /// opens) or the recovery key. A plain store (no keyring) opens without one.
    pub fn open_with_passphrase(
        root: &Path,
        passphrase: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<Desk> {
        let (login, opened) = unwrap_slot(root, passphrase)?;
        let mut desk = Desk::open_keyed(root, Some(&opened.key), now)?;
        if let Some(login) = login {
            let dir = DataDir::new(root);
            let ring = Keyring::read(&dir.keyring())?.ok_or(Error::BadCredentials)?;
            let (_, account) = account_key(&dir, &ring, &login, passphrase, opened)?;
            desk.begin_session(&login, passphrase, account, now)?;
            return Ok(desk);
        }
        desk.session = Some(SignedIn {
            officer_id: 0,
            login: "khoa-khoi-phuc".into(),
            full_name: "Khóa khôi phục".into(),
            roles: Roles::of(&[OfficerRole::Admin]),
            by_recovery_key: true,
        });
        Ok(desk)
    }

    /// Checks the account behind a keyring slot that opened, and starts its session
    /// (audited).
    fn begin_session(
        &mut self,
        login: &str,
        password: &str,
        account: SecretKey,
        now: chrono::NaiveDateTime,
    ) -> Result<SignedIn> {
        let row = self
            .store
            .conn()
            .query_row(
                "SELECT a.officer_id, a.login, o.full_name, a.roles, a.active, a.password_hash
                   FROM accounts a JOIN officers o ON o.id = a.officer_id
                  WHERE a.login = ?1",
                [login.trim()],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, bool>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((officer_id, login, full_name, roles, active, hash)) = row else {
            return Err(Error::BadCredentials);
        };
        if !password_matches(&hash, password) {
            return Err(Error::BadCredentials);
        }
        if !active {
            return Err(Error::invalid(
                "login",
                "Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống.",
            ));
        }
        let roles: Roles = serde_json::from_str(&roles).map_err(|_| {
            Error::invalid(
                "roles",
                "Vai trò của tài khoản trong cơ sở dữ liệu không hợp lệ.",
            )
        })?;
        let session = SignedIn {
            officer_id,
            login,
            full_name,
            roles,
            by_recovery_key: false,
        };
        let ctx = session.ctx(now);
        let holder = roles.may(Permission::SeeDenouncer);
        let denouncer = self.store.write(|tx| -> Result<Option<SecretKey>> {
            audit::append(tx, &ctx, "account.sign_in", "officer", &[officer_id], None)?;
            crate::desk::denouncer::begin_keys(tx, &ctx, officer_id, &account, holder)
        })?;
        self.keys.clear();
        self.keys.account = Some(account);
        self.keys.denouncer = denouncer;
        self.session = Some(session.clone());
        Ok(session)
    }

    /// Who is signed in, if anyone (`None` after [`Desk::lock`]).
    pub fn session(&self) -> Option<&SignedIn> {
        self.session.as_ref()
    }

    /// For the tests and benchmarks that open a store with its raw key: act as an officer
    /// holding `roles`, as a session would. Never in a shipped build.
    #[cfg(any(test, feature = "testing"))]
    pub fn act_as(&mut self, roles: Roles) {
        self.session = Some(SignedIn {
            officer_id: 0,
            login: "kiem-thu".into(),
            full_name: "Kiểm thử".into(),
            roles,
            by_recovery_key: false,
        });
    }

    /// Refuses a use case, reads included, while nobody is signed in to an encrypted store
    /// (the idle lock, or signing out): the core, not the edge, keeps a locked screen shut.
    /// A plain store (tests, data from before encryption) has no accounts to sign in to.
    pub fn signed_in(&self) -> Result<()> {
        if self.session.is_none() && self.store.is_encrypted() {
            Err(Error::SignedOut)
        } else {
            Ok(())
        }
    }

    /// Locks the session (idle screen, or signing out): the store stays open, but every use
    /// case is refused until [`Desk::unlock`].
    pub fn lock(&mut self) {
        self.session = None;
        self.keys.clear();
    }

    /// Signs in again on the open store (after a lock, or as another officer). Checks the
    /// password against the keyring slot and the account.
    pub fn unlock(
        &mut self,
        login: &str,
        password: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<SignedIn> {
        let ring = Keyring::read(&self.dir.keyring())?.ok_or(Error::BadCredentials)?;
        let opened = ring.open(login, password).ok_or(Error::BadCredentials)?;
        if Some(&opened.key) != self.store.key() {
            return Err(Error::BadCredentials);
        }
        let (_, account) = account_key(&self.dir, &ring, login, password, opened)?;
        self.begin_session(login, password, account, now)
    }

    /// The signed-in officer changes their own password: the current one is asked again, so
    /// nobody at an unlocked screen can take the account over. Audited; the slot rewrapped.
    pub fn change_own_password(
        &mut self,
        ctx: &Ctx,
        current: &str,
        password: &str,
        again: &str,
    ) -> Result<()> {
        let session = self.session.clone().ok_or(Error::SignedOut)?;
        let ring = Keyring::read(&self.dir.keyring())?.ok_or(Error::BadCredentials)?;
        if ring.open(&session.login, current).map(|o| o.key).as_ref() != self.store.key() {
            return Err(Error::invalid(
                "current",
                "Mật khẩu hiện tại không đúng. Không có gì bị thay đổi.",
            ));
        }
        self.set_password(ctx, &session.login, password, again)
    }

    /// Every account.
    pub fn accounts(&self) -> Result<Vec<AccountView>> {
        self.signed_in()?;
        let mut stmt = self.store.conn().prepare(
            "SELECT a.officer_id, a.login, o.full_name, a.roles, a.active, coalesce(o.title, '')
               FROM accounts a JOIN officers o ON o.id = a.officer_id ORDER BY a.login",
        )?;
        let rows = stmt.query_map([], |r| {
            let roles: String = r.get(3)?;
            Ok(AccountView {
                officer_id: r.get(0)?,
                login: r.get(1)?,
                full_name: r.get(2)?,
                roles: serde_json::from_str(&roles).unwrap_or(Roles::NONE),
                active: r.get(4)?,
                title: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds an account (administrator only); the database key is wrapped for it in the
    /// keyring after the account is stored.
    pub fn add_account(&mut self, ctx: &Ctx, input: &AccountInput) -> Result<AccountView> {
        ctx.require(Permission::ManageAccounts)?;
        let key = self.store.key().cloned().ok_or_else(not_encrypted)?;
        let (login, officer) = input.validate()?;
        let account = new_account_secret();
        let roles = Roles::of(&input.roles);
        let (officer_id, full_name) = self.store.write(|tx| -> Result<(i64, String)> {
            let (id, name) = match (&officer, input.officer_id) {
                (Some(o), _) => (
                    crate::desk::officers::insert_officer(tx, ctx, o)?,
                    o.full_name.clone(),
                ),
                (None, Some(id)) => {
                    let name: Option<String> = tx
                        .query_row("SELECT full_name FROM officers WHERE id = ?1", [id], |r| {
                            r.get(0)
                        })
                        .optional()?;
                    let name = name.ok_or_else(|| {
                        Error::invalid("officer_id", format!("Không có cán bộ số {id}."))
                    })?;
                    (id, name)
                }
                (None, None) => unreachable!("validate gives an officer when there is no id"),
            };
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE login = ?1 OR officer_id = ?2)",
                params![login, id],
                |r| r.get(0),
            )?;
            if taken {
                return Err(Error::invalid(
                    "login",
                    "Tên đăng nhập này (hoặc cán bộ này) đã có tài khoản.",
                ));
            }
            insert_account(tx, ctx, id, &login, &input.password, roles)?;
            tx.execute(
                "UPDATE accounts SET public_key = ?1 WHERE officer_id = ?2",
                params![account.public_key().as_bytes().as_slice(), id],
            )?;
            Ok((id, name))
        })?;
        let mut ring = Keyring::read(&self.dir.keyring())?.unwrap_or_else(Keyring::new);
        ring.set(&login, &input.password, &key, &account);
        ring.write(&self.dir.keyring())?;
        // A session that holds the denouncer key grants it at once to a new handler or
        // leader; otherwise the next holder's session does.
        if let Some(secret) = self.keys.denouncer.clone() {
            self.store
                .write(|tx| crate::desk::denouncer::grant_pending(tx, ctx, &secret))?;
        }
        let title: String = self.store.conn().query_row(
            "SELECT coalesce(title, '') FROM officers WHERE id = ?1",
            [officer_id],
            |r| r.get(0),
        )?;
        Ok(AccountView {
            officer_id,
            login,
            full_name,
            title,
            roles,
            active: true,
        })
    }

    /// Sets a new password: one's own, or anyone's by an administrator (also after opening
    /// with the recovery key). Audited; the keyring slot is rewrapped.
    pub fn set_password(
        &mut self,
        ctx: &Ctx,
        login: &str,
        password: &str,
        again: &str,
    ) -> Result<()> {
        let key = self.store.key().cloned().ok_or_else(not_encrypted)?;
        let login = login.trim().to_lowercase();
        let officer_id: Option<i64> = self
            .store
            .conn()
            .query_row(
                "SELECT officer_id FROM accounts WHERE login = ?1",
                [&login],
                |r| r.get(0),
            )
            .optional()?;
        let officer_id = officer_id
            .ok_or_else(|| Error::invalid("login", format!("Không có tài khoản \"{login}\".")))?;
        if ctx.officer_id != Some(officer_id) {
            ctx.require(Permission::ManageAccounts)?;
        }
        let mut errors = Vec::new();
        check_password(password, again, &mut errors);
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        // One's own password keeps one's key pair (and so the denouncer key's grant); a
        // password set by someone else gets a new one, and the grant goes with the old.
        let own = self
            .keys
            .account
            .as_ref()
            .filter(|_| ctx.officer_id == Some(officer_id))
            .cloned();
        let renewed = own.is_none();
        let account = own.unwrap_or_else(new_account_secret);
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE accounts SET password_hash = ?1, password_changed_at = ?2, public_key = ?3
                  WHERE officer_id = ?4",
                params![
                    hash_password(password),
                    ctx.stamp(),
                    account.public_key().as_bytes().as_slice(),
                    officer_id
                ],
            )?;
            audit::append(tx, ctx, "account.password", "officer", &[officer_id], None)?;
            if renewed {
                crate::desk::denouncer::revoke_key(tx, ctx, officer_id)?;
            }
            Ok(())
        })?;
        let mut ring = Keyring::read(&self.dir.keyring())?.unwrap_or_else(Keyring::new);
        ring.set(&login, password, &key, &account);
        ring.write(&self.dir.keyring())
    }

    /// Locks or reopens an account (administrator only). A locked account's keyring slot
    /// is removed, so its password no longer opens the data. The last active
    /// administrator cannot be locked.
    pub fn set_account_active(&mut self, ctx: &Ctx, login: &str, active: bool) -> Result<()> {
        ctx.require(Permission::ManageAccounts)?;
        let login = login.trim().to_lowercase();
        let accounts = self.accounts()?;
        let other_admins = accounts
            .iter()
            .filter(|a| a.active && a.roles.has(OfficerRole::Admin) && a.login != login)
            .count();
        let Some(target) = accounts.into_iter().find(|a| a.login == login) else {
            return Err(Error::invalid(
                "login",
                format!("Không có tài khoản \"{login}\"."),
            ));
        };
        if !active && target.roles.has(OfficerRole::Admin) && other_admins == 0 {
            return Err(Error::invalid(
                "login",
                "Không thể khóa tài khoản quản trị cuối cùng.",
            ));
        }
        if active && !target.active {
            return Err(Error::invalid(
                "login",
                "Mở lại tài khoản bằng cách đặt mật khẩu mới cho nó.",
            ));
        }
        self.store.write(|tx| -> Result<()> {
            tx.execute(
                "UPDATE accounts SET active = ?1 WHERE officer_id = ?2",
                params![active, target.officer_id],
            )?;
            if !active {
                crate::desk::denouncer::revoke_key(tx, ctx, target.officer_id)?;
            }
            audit::append(
                tx,
                ctx,
                if active {
                    "account.activate"
                } else {
                    "account.deactivate"
                },
                "officer",
                &[target.officer_id],
                None,
            )?;
            Ok(())
        })?;
        if !active {
            let mut ring = Keyring::read(&self.dir.keyring())?.unwrap_or_else(Keyring::new);
            ring.remove(&login);
            ring.write(&self.dir.keyring())?;
        }
        Ok(())
    }
}

fn not_encrypted() -> Error {
    Error::invalid(
        "login",
        "Dữ liệu này chưa được mã hóa nên chưa có tài khoản. Hãy khởi tạo tài khoản quản trị trước.",
    )
}

fn insert_account(
    tx: &rusqlite::Transaction,
    ctx: &Ctx,
    officer_id: i64,
    login: &str,
    password: &str,
    roles: Roles,
) -> Result<()> {
    tx.execute(
        "INSERT INTO accounts (officer_id, login, password_hash, roles, created_at, password_changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            officer_id,
            login,
            hash_password(password),
            serde_json::to_string(&roles).expect("roles serialise"),
            ctx.stamp()
        ],
    )?;
    audit::append(
        tx,
        ctx,
        "account.create",
        "officer",
        &[officer_id],
        Some(serde_json::json!({ "login": login, "roles": roles })),
    )?;
    Ok(())
}
