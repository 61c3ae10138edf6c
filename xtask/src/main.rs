//! `cargo xtask`: the project's automation, in Rust rather than scattered shell.
//!
//! - `cargo xtask start [-- ARGS]`: installs what a fresh Debian/Ubuntu machine lacks,
//!   builds the UI and starts the desktop app (default data directory unless `--data DIR`).
//! - `cargo xtask test`: every check — fmt, licences, clippy, core and UI tests, the UI's
//!   linter and type check, and the end-to-end tests in the real window under Xvfb: on a
//!   debug build locally; with `CI=true`, on the installed .deb after `package check`
//!   (so CI builds the window once per target and runs the window tests once).
//! - `cargo xtask deps`: only the installation step.
//! - `cargo xtask package windows|deb|wine|check`: installers (see `package.rs`); `wine` runs the
//!   Windows command line under Wine against the Linux one (`wine.rs`); `check` is CI's
//!   packaging test (both packages, .deb installed, end-to-end on it, upgrade keeps data).
//! - `cargo xtask licenses [--check]`: the shipped crates' licences (see `licenses.rs`).
//! - `cargo xtask bench`: launch time and memory of the window (see `docs/benchmarks.md`).

mod licenses;
mod package;
mod wine;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Debian packages needed to build the desktop app.
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "file",
    "libwebkit2gtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];

/// Debian packages needed only by the tests.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "webkit2gtk-driver",
    "poppler-utils",
    "imagemagick",
    "python3-venv",
    // The audit chain's test changes a row behind the app's back with the sqlite3 shell.
    "sqlite3",
];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("start") => start(&args[1..]),
        Some("test") => test(),
        Some("deps") => deps(true),
        Some("e2e") => e2e(),
        Some("package") if args.get(1).map(String::as_str) == Some("check") => package::check_packages(),
        Some("package") => package::package(&args[1..]),
        Some("licenses") => licenses::licenses(args.iter().any(|a| a == "--check")),
        Some("bench") => bench(),
        _ => Err(
            "usage: cargo xtask start [-- ARGS] | test | deps | e2e | package windows|deb|wine|check | licenses [--check] | bench"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_owned()
}

fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{cmd:?} failed with {status}"))
    }
}

fn succeeds(cmd: &mut Command) -> bool {
    cmd.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn cargo() -> Command {
    let mut c = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn npm(args: &[&str]) -> Result {
    run(Command::new("npm")
        .args(args)
        .current_dir(root().join("ui")))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Runs `apt-get ARGS` as root (directly, or through sudo).
fn apt_get(args: &[&str]) -> Result {
    let mut c = if is_root() {
        Command::new("apt-get")
    } else {
        let mut c = Command::new("sudo");
        c.arg("apt-get");
        c
    };
    c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    run(&mut c)
}

/// Installs missing Debian packages (as root, or through sudo).
fn apt_install(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| {
            let out = Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .output();
            !matches!(out, Ok(o) if String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_get(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(&missing);
    apt_get(&install).map_err(|e| {
        format!(
            "{e}\nInstall these packages and try again: {}",
            missing.join(" ")
        )
    })
}

fn ui_deps() -> Result {
    if !root().join("ui/node_modules/.package-lock.json").exists() {
        npm(&["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

fn ui_build() -> Result {
    ui_deps()?;
    npm(&["run", "build"])
}

/// The Python environment of the end-to-end tests, in target/ so it is never committed.
fn e2e_python() -> Result<PathBuf> {
    let venv = root().join("target/e2e-venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let ready = succeeds(Command::new(&python).args(["-c", "import selenium, pytest, sqlcipher3"]));
    if !ready {
        run(Command::new(&python)
            .args(["-m", "pip", "install", "-q", "-r"])
            .arg(root().join("tests/e2e/requirements.txt")))?;
    }
    Ok(python)
}

fn deps(for_tests: bool) -> Result {
    apt_install(BUILD_PACKAGES)?;
    if for_tests {
        apt_install(TEST_PACKAGES)?;
        e2e_python()?;
    }
    ui_deps()
}

fn start(args: &[String]) -> Result {
    deps(false)?;
    ui_build()?;
    let mut c = cargo();
    c.args(["run", "--package", "tiepdan-desktop", "--"]);
    c.args(args.iter().filter(|a| a.as_str() != "--"));
    run(&mut c)
}

fn e2e() -> Result {
    e2e_with(&[])
}

/// The end-to-end tests, with extra environment (e.g. the installed binaries).
fn e2e_with(env: &[(&str, &str)]) -> Result {
    let python = e2e_python()?;
    let mut c = Command::new(python);
    c.args(["-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/e2e"])
        .current_dir(root());
    for (k, v) in env {
        c.env(k, v);
    }
    run(&mut c)
}

/// Builds the UI, then the window and the command line in release mode (for `target`).
fn build_release(target: Option<&str>) -> Result {
    ui_build()?;
    let mut c = cargo();
    c.args([
        "build",
        "--release",
        "--package",
        "tiepdan-desktop",
        "--package",
        "tiepdan",
    ]);
    if let Some(t) = target {
        c.args(["--target", t]);
    }
    if on_ci() {
        // CI tests the packages, it does not ship them: the release optimisations with
        // parallel code generation (thin LTO, 16 units) instead of the fat LTO that makes
        // the shipped files smallest (measured: about 20 s saved per build, docs/benchmarks.md).
        // `cargo xtask package` outside CI builds what ships.
        c.env("CARGO_PROFILE_RELEASE_LTO", "thin")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    }
    run(&mut c)
}

/// Launch time and memory of the real window (tests/e2e/bench_launch.py).
fn bench() -> Result {
    deps(true)?;
    build_release(None)?;
    let python = e2e_python()?;
    run(Command::new(python)
        .arg("tests/e2e/bench_launch.py")
        .env("TIEPDAN_APP", root().join("target/release/tiepdan-desktop"))
        .env("TIEPDAN_CLI", root().join("target/release/tiepdan"))
        .current_dir(root()))
}

/// Whether this is the CI run (`CI=true`), which tests the installed packages.
fn on_ci() -> bool {
    env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

fn test() -> Result {
    deps(true)?;
    run(cargo().args(["fmt", "--all", "--", "--check"]))?;
    licenses::licenses(true)?;
    // The desktop crate embeds ui/dist, so the UI is built before anything compiles it.
    ui_build()?;
    npm(&["run", "check"])?;
    npm(&["run", "lint"])?;
    npm(&["test"])?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The shell has no tests of its own (its few pure helpers are the core's `edge`), so its
    // heavy debug build is left to the window tests that need it.
    // Every target in one build (a second `cargo test -p …` resolves features differently
    // and recompiles half the tree): the tests, and the speed benchmark on a small generated
    // database so it keeps compiling and working (the measured run is `cargo bench --bench
    // desk`, 1,000,000 petitions). Then the documentation's examples, on the same build.
    let core_only = ["--workspace", "--exclude", "tiepdan-desktop"];
    run(cargo()
        .arg("test")
        .args(core_only)
        .arg("--all-targets")
        .env("BENCH_PETITIONS", "2000"))?;
    run(cargo().arg("test").args(core_only).arg("--doc"))?;
    if on_ci() {
        // The window tests run once, on what a commune installs: both packages are built,
        // the .deb installed and upgraded, and the end-to-end tests run on its binaries.
        // (A debug build of the window would only repeat them.)
        package::check_packages()
    } else {
        run(cargo().args([
            "build",
            "--package",
            "tiepdan-desktop",
            "--package",
            "tiepdan",
        ]))?;
        e2e()
    }
}
