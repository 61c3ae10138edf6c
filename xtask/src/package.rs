//! `cargo xtask package windows|deb`: installers a commune can use, built offline on Linux.
//!
//! - Windows: cross-compiled for `x86_64-pc-windows-gnu` (mingw-w64 from Debian), wrapped by
//!   our own NSIS script (`packaging/windows/installer.nsi`, Debian's `makensis`) into
//!   `target/dist/TiepDan-<version>-setup.exe`; the import tables are checked to hold only
//!   system DLLs and `WebView2Loader.dll`.
//! - Debian: `target/dist/tiepdan_<version>_amd64.deb` assembled with `dpkg-deb`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, apt_install, build_release, root, run};

const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";

/// DLLs a Windows exe may import: the system's own, and the WebView2 loader we ship.
const ALLOWED_DLLS: &[&str] = &[
    "advapi32.dll",
    "bcrypt.dll",
    "bcryptprimitives.dll",
    "combase.dll",
    "comctl32.dll",
    "comdlg32.dll",
    "crypt32.dll",
    "d2d1.dll",
    "d3d11.dll",
    "dwmapi.dll",
    "dwrite.dll",
    "dbghelp.dll",
    "dxgi.dll",
    "gdi32.dll",
    "gdiplus.dll",
    "imm32.dll",
    "kernel32.dll",
    "msimg32.dll",
    "msvcrt.dll",
    "ntdll.dll",
    "ole32.dll",
    "oleaut32.dll",
    "oleacc.dll",
    "powrprof.dll",
    "propsys.dll",
    "rpcrt4.dll",
    "secur32.dll",
    "setupapi.dll",
    "shell32.dll",
    "shlwapi.dll",
    "user32.dll",
    "uiautomationcore.dll",
    "userenv.dll",
    "uxtheme.dll",
    "version.dll",
    "winmm.dll",
    "winspool.drv",
    "ws2_32.dll",
    "webview2loader.dll",
];

pub fn package(args: &[String]) -> Result {
    let version = option(args, "--version").unwrap_or_else(crate_version);
    match args.first().map(String::as_str) {
        Some("windows") => windows(&version).map(|_| ()),
        Some("deb") => deb(&version, true).map(|_| ()),
        // The Windows command line under Wine against the Linux one, on the builds in target/.
        Some("wine") => {
            crate::wine::check(&windows_cli(), &root().join("target/release/tiepdan"))?;
            let setup = dist()?.join(format!("TiepDan-{version}-setup.exe"));
            crate::wine::check_installer(&setup, &windows_stage())?;
            crate::wine::check_usb_stick_pulled(&windows_cli())?;
            crate::wine::check_window_without_webview2(&windows_stage())
        }
        _ => Err("usage: cargo xtask package windows|deb|wine [--version VERSION]".into()),
    }
}

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// The workspace version (Cargo.toml `[workspace.package] version`).
pub fn crate_version() -> String {
    let toml = std::fs::read_to_string(root().join("Cargo.toml")).unwrap_or_default();
    toml.lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("0.0.0")
        .to_owned()
}

fn dist() -> Result<PathBuf> {
    let d = root().join("target/dist");
    std::fs::create_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
    Ok(d)
}

fn copy(from: &Path, to: &Path) -> Result {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} → {}: {e}", from.display(), to.display()))
}

fn fresh_dir(dir: &Path) -> Result {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// Licence texts shipped with every package.
fn stage_licenses(dir: &Path) -> Result {
    let r = root();
    copy(
        &r.join("assets/licenses/crates.json"),
        &dir.join("crates.json"),
    )?;
    copy(
        &r.join("assets/fonts/LICENSE-Liberation.txt"),
        &dir.join("LICENSE-Liberation-fonts.txt"),
    )?;
    copy(&r.join("LICENSE-MIT"), &dir.join("LICENSE-MIT.txt"))?;
    copy(&r.join("LICENSE-APACHE"), &dir.join("LICENSE-APACHE.txt"))
}

pub fn windows(version: &str) -> Result<PathBuf> {
    apt_install(&["gcc-mingw-w64-x86-64", "binutils-mingw-w64-x86-64", "nsis"])?;
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(WINDOWS_TARGET))
        .unwrap_or(false);
    if !installed {
        run(Command::new("rustup").args(["target", "add", WINDOWS_TARGET]))?;
    }
    build_release(Some(WINDOWS_TARGET))?;
    let out = root().join("target").join(WINDOWS_TARGET).join("release");
    let stage = windows_stage();
    fresh_dir(&stage)?;
    // Not TiepDan.exe: Windows file names ignore case, and tiepdan.exe is the command line.
    copy(
        &out.join("tiepdan-desktop.exe"),
        &stage.join("tiepdan-desktop.exe"),
    )?;
    copy(&out.join("tiepdan.exe"), &stage.join("tiepdan.exe"))?;
    copy(
        &find_webview2_loader(&out)?,
        &stage.join("WebView2Loader.dll"),
    )?;
    copy(
        &root().join("src-tauri/icons/icon.ico"),
        &stage.join("TiepDan.ico"),
    )?;
    stage_licenses(&stage.join("licenses"))?;
    unique_ignoring_case(&stage)?;
    for exe in ["tiepdan-desktop.exe", "tiepdan.exe"] {
        check_imports(&stage.join(exe))?;
    }
    let setup = dist()?.join(format!("TiepDan-{version}-setup.exe"));
    run(Command::new("makensis")
        .arg("-V2")
        .arg("-INPUTCHARSET")
        .arg("UTF8")
        .arg(format!("-DVERSION={}", numeric_version(version)))
        .arg(format!("-DSTAGE={}", stage.display()))
        .arg(format!("-DOUTFILE={}", setup.display()))
        .arg(root().join("packaging/windows/installer.nsi")))?;
    let size = std::fs::metadata(&setup).map(|m| m.len()).unwrap_or(0);
    eprintln!("{} ({:.1} MB)", setup.display(), size as f64 / 1_048_576.0);
    Ok(setup)
}

/// Where the files the setup installs are gathered.
fn windows_stage() -> PathBuf {
    root().join("target/dist/windows-stage")
}

/// Fails when two staged files' names differ only by case: Windows would install one over
/// the other (as TiepDan.exe and tiepdan.exe once did).
fn unique_ignoring_case(stage: &Path) -> Result {
    let mut seen = std::collections::BTreeMap::new();
    for e in std::fs::read_dir(stage)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(other) = seen.insert(name.to_lowercase(), name.clone()) {
            return Err(format!(
                "{name} and {other} are one file on Windows: rename one of them"
            ));
        }
    }
    Ok(())
}

/// The Windows command line the last `windows` build made.
fn windows_cli() -> PathBuf {
    root()
        .join("target")
        .join(WINDOWS_TARGET)
        .join("release/tiepdan.exe")
}

/// NSIS needs a purely numeric X.Y.Z version.
fn numeric_version(version: &str) -> String {
    version
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .unwrap_or("0.0.0")
        .to_owned()
}

/// The x64 `WebView2Loader.dll` that webview2-com-sys's build copies into the target dir.
fn find_webview2_loader(out: &Path) -> Result<PathBuf> {
    let direct = out.join("WebView2Loader.dll");
    if direct.exists() {
        return Ok(direct);
    }
    let mut found = Vec::new();
    let mut stack = vec![out.join("build")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "WebView2Loader.dll") {
                found.push(p);
            }
        }
    }
    found.sort_by_key(|p| !p.display().to_string().contains("x64"));
    found
        .into_iter()
        .next()
        .ok_or_else(|| format!("WebView2Loader.dll not found under {}", out.display()))
}

/// Fails when `exe` imports a DLL that is neither a Windows system DLL nor ours.
fn check_imports(exe: &Path) -> Result {
    let out = Command::new("x86_64-w64-mingw32-objdump")
        .arg("-p")
        .arg(exe)
        .output()
        .map_err(|e| format!("objdump: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let dlls: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("DLL Name: "))
        .map(|d| d.trim().to_owned())
        .collect();
    if dlls.is_empty() {
        return Err(format!("{}: objdump found no imports", exe.display()));
    }
    let foreign: Vec<&String> = dlls
        .iter()
        .filter(|d| {
            let lower = d.to_lowercase();
            !(ALLOWED_DLLS.contains(&lower.as_str()) || lower.starts_with("api-ms-win-"))
        })
        .collect();
    eprintln!("{} imports: {}", exe.display(), dlls.join(", "));
    if foreign.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} imports non-system DLLs: {foreign:?}",
            exe.display()
        ))
    }
}

/// Builds the .deb; `build` false re-packages the existing release binaries.
pub fn deb(version: &str, build: bool) -> Result<PathBuf> {
    if build {
        build_release(None)?;
    }
    let r = root();
    let release = r.join("target/release");
    let stage = r.join("target/dist/deb-root");
    fresh_dir(&stage)?;
    copy(
        &release.join("tiepdan-desktop"),
        &stage.join("usr/bin/tiepdan-desktop"),
    )?;
    copy(&release.join("tiepdan"), &stage.join("usr/bin/tiepdan"))?;
    copy(
        &r.join("packaging/linux/tiepdan.desktop"),
        &stage.join("usr/share/applications/tiepdan.desktop"),
    )?;
    for (size, file) in [
        ("32x32", "32x32.png"),
        ("128x128", "128x128.png"),
        ("256x256", "128x128@2x.png"),
    ] {
        copy(
            &r.join("src-tauri/icons").join(file),
            &stage.join(format!("usr/share/icons/hicolor/{size}/apps/tiepdan.png")),
        )?;
    }
    stage_licenses(&stage.join("usr/share/doc/tiepdan"))?;
    let installed_kb = dir_size(&stage) / 1024 + 1;
    let control = std::fs::read_to_string(r.join("packaging/linux/control"))
        .map_err(|e| format!("control template: {e}"))?
        .replace("@VERSION@", version)
        .replace("@INSTALLED_SIZE@", &installed_kb.to_string());
    let debian = stage.join("DEBIAN");
    std::fs::create_dir_all(&debian).map_err(|e| e.to_string())?;
    std::fs::write(debian.join("control"), control).map_err(|e| e.to_string())?;
    let deb = dist()?.join(format!("tiepdan_{version}_amd64.deb"));
    run(Command::new("dpkg-deb")
        .args(["--root-owner-group", "-Zxz", "--build"])
        .arg(&stage)
        .arg(&deb))?;
    let size = std::fs::metadata(&deb).map(|m| m.len()).unwrap_or(0);
    eprintln!("{} ({:.1} MB)", deb.display(), size as f64 / 1_048_576.0);
    Ok(deb)
}

fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                total += e.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    total
}

/// CI's packaging checks: both packages build; the .deb installs, runs the end-to-end
/// test from the installed binaries, and an upgrade keeps a database with records in it.
pub fn check_packages() -> Result {
    crate::deps(true)?;
    let setup = windows(&crate_version())?;
    let version = crate_version();
    let first = deb(&version, true)?;
    crate::wine::check(&windows_cli(), &root().join("target/release/tiepdan"))?;
    crate::wine::check_installer(&setup, &windows_stage())?;
    crate::wine::check_usb_stick_pulled(&windows_cli())?;
    crate::wine::check_window_without_webview2(&windows_stage())?;
    install_deb(&first)?;
    // An office's data, made by the installed command line.
    let data = root().join("target/dist/upgrade-data");
    fresh_dir(&data)?;
    // The installed command line, on the encrypted test office.
    let cli = || {
        let mut c = Command::new("/usr/bin/tiepdan");
        c.env("TIEPDAN_PASSPHRASE", "mật khẩu nâng cấp 2026");
        c
    };
    run(cli().arg("--data").arg(&data).args([
        "init",
        "--name",
        "Ủy ban nhân dân xã Nâng Cấp",
        "--parent",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "--place",
        "Nâng Cấp",
        "--province",
        "Quảng Ngãi",
        "--chair",
        "Trần Văn Bình",
    ]))?;
    run(cli().arg("--data").arg(&data).arg("backup"))?;
    let newer = deb(&format!("{version}+upgrade1"), false)?;
    install_deb(&newer)?;
    let status = Command::new("dpkg-query")
        .args(["-W", "-f=${Version}", "tiepdan"])
        .output()
        .map_err(|e| e.to_string())?;
    let installed = String::from_utf8_lossy(&status.stdout).into_owned();
    if installed != format!("{version}+upgrade1") {
        return Err(format!("upgrade did not install: dpkg says {installed}"));
    }
    run(cli().arg("--data").arg(&data).arg("check"))?;
    let out = cli()
        .arg("--data")
        .arg(&data)
        .arg("init")
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !text.contains("Ủy ban nhân dân xã Nâng Cấp") {
        return Err(format!("the office was lost in the upgrade: {text}"));
    }
    eprintln!("upgrade kept the data: {}", text.trim());
    crate::e2e_with(&[
        ("TIEPDAN_APP", "/usr/bin/tiepdan-desktop"),
        ("TIEPDAN_CLI", "/usr/bin/tiepdan"),
    ])
}

fn install_deb(deb: &Path) -> Result {
    crate::apt_get(&[
        "install",
        "-y",
        "-qq",
        "--allow-downgrades",
        &deb.display().to_string(),
    ])
}
