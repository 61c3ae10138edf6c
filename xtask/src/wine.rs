//! The Windows command line run under Wine through a whole office's work, and compared with
//! the Linux build on the same input (part of `cargo xtask package check`, so of CI).
//!
//! Almost every commune PC runs Windows; the window needs WebView2, which Wine cannot run,
//! but the command line runs the same core. The scenario runs as the Windows user
//! "Nguyễn Văn Ánh", so the default data folder (`%APPDATA%\TiepDan\tiepdan\data`) and every
//! file named on the command line sit under folders with Vietnamese letters and spaces.
//!
//! Debian 12's Wine 8.0 lacks `ProcessPrng` in `bcryptprimitives.dll`, which every Rust ≥ 1.78
//! program calls to seed its random numbers; `packaging/windows/wine/bcryptprimitives.c`
//! (ten lines, built here with mingw-w64) supplies it inside the private Wine prefix only.
//! Nothing of it ships: Windows 8.1 and later have their own.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::{Result, apt_install, root, run};

const WINE: &str = "/usr/lib/wine/wine64";
const WINESERVER: &str = "/usr/lib/wine/wineserver";
/// The Windows account the scenario runs as (its profile folder is named after it).
const USER: &str = "Nguyễn Văn Ánh";
/// The office's passphrase: the store is encrypted on both platforms.
const PASSPHRASE: &str = "mật khẩu máy Windows 2026";
/// The office's records, as the interchange format gives them.
const FIXTURE: &str = "tests/fixtures/report_scenario.jsonl";
const FROM: &str = "2026-01-01";
const TO: &str = "2026-06-30";
/// The day of the export's statuses and deadlines.
const TODAY: &str = "2026-07-15";
/// The office name the fixture declares, looked for in every file read back.
const OFFICE: &str = "Ủy ban nhân dân xã Ba Tơ";

/// One platform's command line and the folders its files go to.
struct Platform {
    name: &'static str,
    /// The work folder on this machine's disk.
    host: PathBuf,
    /// The same folder as the program names it.
    shown: String,
    separator: char,
    program: Command,
    /// The arguments that choose the office's data folder (none: the default one).
    office: Vec<String>,
    /// The office's data folder on this machine's disk.
    office_host: PathBuf,
}

impl Platform {
    /// `rel` (with `/`) inside the work folder: as the program names it, and on this disk.
    fn path(&self, rel: &str) -> (String, PathBuf) {
        let sep = self.separator.to_string();
        let shown = format!("{}{sep}{}", self.shown, rel.replace('/', &sep));
        (shown, self.host.join(rel))
    }

    /// Runs the command line on the office's data; its output, or why it failed.
    fn office(&self, args: &[&str]) -> Result<Output> {
        let mut all: Vec<&str> = self.office.iter().map(String::as_str).collect();
        all.extend(args);
        self.run(&all)
    }

    /// Runs the command line; its output, or why it failed.
    fn run(&self, args: &[&str]) -> Result<Output> {
        let mut c = Command::new(self.program.get_program());
        c.args(self.program.get_args());
        for (k, v) in self.program.get_envs() {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.args(args)
            .env("TIEPDAN_PASSPHRASE", PASSPHRASE)
            .env_remove("TIEPDAN_DATA");
        let started = std::time::Instant::now();
        let out = c
            .output()
            .map_err(|e| format!("{}: cannot run {args:?}: {e}", self.name))?;
        let took = started.elapsed().as_secs_f64();
        if took > 2.0 {
            eprintln!("  {took:.1} s: tiepdan {}", args.join(" "));
        }
        if out.status.success() {
            Ok(out)
        } else {
            Err(format!(
                "{}: `tiepdan {}` failed ({}):\n{}{}",
                self.name,
                args.join(" "),
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }
}

/// The whole office's work on Windows (under Wine) and on Linux, then every output compared.
pub fn check(windows_cli: &Path, linux_cli: &Path) -> Result {
    apt_install(&["wine64", "python3"])?;
    let prefix = root().join("target/wine-prefix");
    let windows = windows_platform(&prefix, windows_cli)?;
    let _server = WineServer::start(&prefix)?;
    let linux = linux_platform(linux_cli);
    let templates = report_templates()?;
    let mut files = Vec::new();
    for platform in [&windows, &linux] {
        eprintln!("== the office's work on {}", platform.name);
        files = scenario(platform, &templates)?;
    }
    print_over_an_open_file(&windows, &prefix)?;
    for (rel, kind) in &files {
        let (_, w) = windows.path(rel);
        let (_, l) = linux.path(rel);
        compare(*kind, &w, &l).map_err(|e| format!("{rel}: Windows and Linux differ: {e}"))?;
    }
    eprintln!(
        "the Windows command line under Wine gave the Linux build's output in all {} files",
        files.len()
    );
    Ok(())
}

/// What a produced file is, so how it is compared and read back.
#[derive(Clone, Copy)]
enum Kind {
    /// JSON or JSON Lines: byte for byte.
    Text,
    /// An Office file (xlsx, docx): every part but its creation time, and the office named.
    Office,
    /// A PDF: its text, with the office named and no blank left.
    Pdf,
}

/// The office's work: set up, import, every report in every format, backup, restore into a
/// second copy, check, audit, export. Returns the files to compare across platforms.
fn scenario(p: &Platform, templates: &[String]) -> Result<Vec<(String, Kind)>> {
    for dir in [&p.host, &p.office_host] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    let (fixture, fixture_host) = p.path("Tệp nhận/kịch bản báo cáo.jsonl");
    std::fs::create_dir_all(fixture_host.parent().expect("a folder")).map_err(|e| e.to_string())?;
    std::fs::copy(root().join(FIXTURE), &fixture_host).map_err(|e| e.to_string())?;
    p.office(&["init"])?;
    if !p.office_host.join("tiepdan.sqlite3").exists() {
        return Err(format!(
            "{}: init did not create the database in {}",
            p.name,
            p.office_host.display()
        ));
    }
    p.office(&["import", &fixture])?;
    let mut files = Vec::new();
    for template in templates {
        for (format, kind) in [
            ("json", Kind::Text),
            ("xlsx", Kind::Office),
            ("pdf", Kind::Pdf),
        ] {
            let rel = format!("Báo cáo/Biểu {}.{format}", template.replace('/', "-"));
            let (out, _) = p.path(&rel);
            p.office(&[
                "report",
                "--template",
                template,
                "--from",
                FROM,
                "--to",
                TO,
                "--format",
                format,
                "--out",
                &out,
            ])?;
            files.push((rel, kind));
        }
    }
    let rel = "Báo cáo/Báo cáo bằng văn bản.docx".to_owned();
    let (out, _) = p.path(&rel);
    p.office(&[
        "report", "--from", FROM, "--to", TO, "--format", "docx", "--out", &out,
    ])?;
    files.push((rel, Kind::Office));

    // A second copy of the office (as on a USB stick in portable mode), older than the
    // backup it is then restored from.
    let (second, second_host) = p.path("Dữ liệu trên USB");
    copy_dir(&p.office_host, &second_host)?;
    let (backups, backups_host) = p.path("Sao lưu ngày 15-7");
    p.office(&["backup", "--to", &backups])?;
    let (backup, _) = p.path(&format!("Sao lưu ngày 15-7/{}", only_file(&backups_host)?));
    p.run(&["--data", &second, "restore", &backup])?;
    p.run(&["--data", &second, "check"])?;
    p.office(&["check"])?;
    p.office(&["audit", "verify"])?;
    p.run(&["--data", &second, "audit", "verify"])?;
    let office_export = "Xuất/đã lược bỏ.jsonl";
    let (out, _) = p.path(office_export);
    p.office(&["export", "--redact", "--today", TODAY, "--out", &out])?;
    files.push((office_export.to_owned(), Kind::Text));
    let restored_export = "Xuất/đã lược bỏ, bản khôi phục.jsonl";
    let (out, _) = p.path(restored_export);
    p.run(&[
        "--data", &second, "export", "--redact", "--today", TODAY, "--out", &out,
    ])?;
    compare(
        Kind::Text,
        &p.path(office_export).1,
        &p.path(restored_export).1,
    )
    .map_err(|e| format!("{}: the restored copy differs from the office: {e}", p.name))?;
    Ok(files)
}

/// Printing a report again while the last copy is open in a viewer (which on Windows
/// locks it): the command says so in Vietnamese, the open copy stays whole, nothing is left
/// behind; once the viewer closes, the same command succeeds.
fn print_over_an_open_file(p: &Platform, prefix: &Path) -> Result {
    eprintln!("== printing again over a report open in a viewer");
    let rel = "Báo cáo/Biểu 01-TCD.pdf";
    let (shown, host) = p.path(rel);
    let before = std::fs::read(&host).map_err(|e| format!("{}: {e}", host.display()))?;
    let print = [
        "report",
        "--template",
        "01/TCD",
        "--from",
        FROM,
        "--to",
        TO,
        "--format",
        "pdf",
        "--out",
        &shown,
    ];
    let refused = while_held(prefix, &shown, || p.office(&print))?;
    match refused {
        Ok(_) => return Err(format!("{shown} was replaced while a viewer had it open")),
        Err(e) if !e.contains("đang mở trong một chương trình khác") => {
            return Err(format!(
                "printing over an open file said something unclear: {e}"
            ));
        }
        Err(_) => {}
    }
    if std::fs::read(&host).map_err(|e| e.to_string())? != before {
        return Err(format!("{shown} changed while a viewer had it open"));
    }
    let folder = host.parent().expect("a folder");
    let left: Vec<String> = std::fs::read_dir(folder)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    if !left.is_empty() {
        return Err(format!("left behind in {}: {left:?}", folder.display()));
    }
    p.office(&print)?;
    Ok(())
}

/// Runs `work` while another Windows program holds `file` open as a viewer does (others
/// may read it, not replace it).
fn while_held<T>(prefix: &Path, file: &str, work: impl FnOnce() -> T) -> Result<T> {
    let holder = prefix.join("drive_c/tiepdan-ci/holdopen.exe");
    if !holder.exists() {
        std::fs::create_dir_all(holder.parent().expect("a folder")).map_err(|e| e.to_string())?;
        run(Command::new("x86_64-w64-mingw32-gcc")
            .args(["-municode", "-O2", "-s", "-o"])
            .arg(&holder)
            .arg(root().join("packaging/windows/wine/holdopen.c")))?;
    }
    let mut viewer = wine(prefix)
        .arg(&holder)
        .arg(file)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("holdopen: {e}"))?;
    let mut said = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(viewer.stdout.take().expect("piped")),
        &mut said,
    )
    .map_err(|e| e.to_string())?;
    let result = (said.trim() == "held").then(work);
    drop(viewer.stdin.take());
    viewer.wait().map_err(|e| e.to_string())?;
    result.ok_or_else(|| format!("the stand-in viewer could not open {file}: {said}"))
}

/// The setup, run silently as a commune's IT helper would, over the copy of the command line
/// the scenario used and the office's data it left: refused (changing nothing) while the
/// program is open; then installed, every file as staged, the data kept; then uninstalled,
/// the data still kept.
pub fn check_installer(setup: &Path, stage: &Path) -> Result {
    let prefix = root().join("target/wine-prefix");
    let _server = WineServer::start(&prefix)?;
    let profile = prefix.join("drive_c/users").join(USER);
    let programs = profile.join("AppData/Local/Programs/TiepDan");
    let shown_programs = format!(r"C:\Users\{USER}\AppData\Local\Programs\TiepDan");
    let data = profile.join("AppData/Roaming/TiepDan/tiepdan/data/tiepdan.sqlite3");
    if !data.exists() || !programs.join("tiepdan.exe").exists() {
        return Err("run the Wine scenario first: there is no office to upgrade".into());
    }
    let setup_status = || {
        wine(&prefix)
            .arg(setup)
            .arg("/S")
            .status()
            .map_err(|e| format!("{}: {e}", setup.display()))
    };
    eprintln!("== the setup over a copy that is still running");
    let held = format!(r"{shown_programs}\tiepdan.exe");
    let refused = while_held(&prefix, &held, setup_status)??;
    if refused.success() || programs.join("tiepdan-desktop.exe").exists() {
        return Err(format!(
            "the setup installed over a running copy ({refused}) instead of asking to close it"
        ));
    }
    eprintln!("== the setup as an upgrade");
    let status = setup_status()?;
    if !status.success() {
        return Err(format!("the setup failed: {status}"));
    }
    for file in ["tiepdan-desktop.exe", "tiepdan.exe", "WebView2Loader.dll"] {
        let staged = std::fs::read(stage.join(file)).map_err(|e| e.to_string())?;
        let installed = std::fs::read(programs.join(file))
            .map_err(|e| format!("{file} was not installed: {e}"))?;
        if staged != installed {
            return Err(format!("the installed {file} is not the staged one"));
        }
    }
    let installed_cli = |args: &[&str]| -> Result<String> {
        let out = wine(&prefix)
            .arg(programs.join("tiepdan.exe"))
            .args(args)
            .env("TIEPDAN_PASSPHRASE", PASSPHRASE)
            .env_remove("TIEPDAN_DATA")
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!(
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    installed_cli(&["check"])?;
    if !installed_cli(&["init"])?.contains(OFFICE) {
        return Err("the office's data was lost in the upgrade".into());
    }
    eprintln!("== the uninstaller");
    // The uninstaller copies itself to the temporary folder and runs from there (so it can
    // remove its own file): wait for the program to go.
    let status = wine(&prefix)
        .arg(programs.join("Uninstall.exe"))
        .arg("/S")
        .status()
        .map_err(|e| e.to_string())?;
    for _ in 0..120 {
        if !programs.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    if !status.success() || programs.join("tiepdan-desktop.exe").exists() {
        return Err(format!(
            "the uninstaller did not remove the program ({status})"
        ));
    }
    if !data.exists() {
        return Err("the uninstaller removed the office's data without being asked".into());
    }
    eprintln!("the setup refused a running copy, upgraded with the data kept, and uninstalled");
    Ok(())
}

/// Portable mode on a USB stick (drive E:, the program and its `data` folder on it), the
/// stick pulled out in the middle of an import — to the program, the same as being killed
/// mid-write: the store must open and pass its check afterwards, holding all of the import
/// or none of it, and the same import then succeeds.
pub fn check_usb_stick_pulled(cli: &Path) -> Result {
    eprintln!("== portable mode on a USB stick pulled out mid-import");
    const CITIZENS: usize = 40_000;
    let prefix = root().join("target/wine-prefix");
    let _server = WineServer::start(&prefix)?;
    let stick = root().join("target/wine-usb-stick");
    if stick.exists() {
        std::fs::remove_dir_all(&stick).map_err(|e| format!("{}: {e}", stick.display()))?;
    }
    let folder = stick.join("TiepDan");
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let drive = prefix.join("dosdevices/e:");
    let _ = std::fs::remove_file(&drive);
    std::os::unix::fs::symlink(&stick, &drive).map_err(|e| format!("{}: {e}", drive.display()))?;
    std::fs::copy(cli, folder.join("tiepdan.exe")).map_err(|e| e.to_string())?;
    std::fs::write(folder.join("tiepdan-portable.txt"), b"").map_err(|e| e.to_string())?;
    let mut records = String::from(
        "{\"type\":\"office\",\"name\":\"Ủy ban nhân dân xã Ba Tơ\",\"parent\":\"Ủy ban nhân dân tỉnh Quảng Ngãi\",\"place\":\"Ba Tơ\",\"province\":\"Quảng Ngãi\",\"chair\":\"Phạm Văn Hùng\"}\n",
    );
    for i in 0..CITIZENS {
        records.push_str(&format!(
            "{{\"type\":\"citizen\",\"ref\":\"u{i}\",\"full_name\":\"Nguyễn Văn Ánh {i}\",\"id_kind\":\"none\",\"address\":\"Thôn {i}, xã Ba Tơ\"}}\n"
        ));
    }
    std::fs::write(folder.join("nhập.jsonl"), records).map_err(|e| e.to_string())?;
    let tiepdan = |args: &[&str]| {
        let mut c = wine(&prefix);
        c.arg(r"E:\TiepDan\tiepdan.exe")
            .args(args)
            .env("TIEPDAN_PASSPHRASE", PASSPHRASE)
            .env_remove("TIEPDAN_DATA");
        c
    };
    run(tiepdan(&["init"]).stdout(std::process::Stdio::null()))?;
    if !folder.join("data/tiepdan.sqlite3").exists() {
        return Err("portable mode did not put the data on the stick".into());
    }
    let import = [r"import", r"E:\TiepDan\nhập.jsonl"];
    let mut importing = tiepdan(&import)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    // Pulled out once the import is writing (its write-ahead log has grown).
    let wal = folder.join("data/tiepdan.sqlite3-wal");
    let started = std::time::Instant::now();
    while std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) < 1 << 20
        && started.elapsed() < std::time::Duration::from_secs(60)
        && importing.try_wait().map_err(|e| e.to_string())?.is_none()
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    if importing.try_wait().map_err(|e| e.to_string())?.is_some() {
        return Err("the import ended before it could be interrupted: make it longer".into());
    }
    // Every Windows process of the prefix dies at once, as when the stick goes.
    run(Command::new(WINESERVER)
        .arg("-k")
        .env("WINEPREFIX", &prefix))?;
    let _ = importing.wait();
    let _server = WineServer::start(&prefix)?;
    run(tiepdan(&["check"]).stdout(std::process::Stdio::null()))?;
    let count = |what: &str| -> Result<usize> {
        run(
            tiepdan(&["export", "--redact", "--out", r"E:\TiepDan\xuất.jsonl"])
                .stdout(std::process::Stdio::null()),
        )?;
        let text = std::fs::read_to_string(folder.join("xuất.jsonl")).map_err(|e| e.to_string())?;
        let n = text.matches("\"type\":\"citizen\"").count();
        eprintln!("  {what}: {n} citizens");
        Ok(n)
    };
    let after_pull = count("after the stick was pulled")?;
    if after_pull != 0 && after_pull != CITIZENS {
        return Err(format!(
            "half an import survived: {after_pull} of {CITIZENS} citizens"
        ));
    }
    run(tiepdan(&import).stdout(std::process::Stdio::null()))?;
    if count("after importing again")? != CITIZENS {
        return Err("the import did not complete after the stick came back".into());
    }
    Ok(())
}

/// The window on a PC without the WebView2 runtime (Wine has none): it must say so in
/// Vietnamese, in a box on screen, and end — not vanish, nor answer in English. The box is
/// read back from the screen (`packaging/windows/wine/readbox.c`) and closed.
pub fn check_window_without_webview2(stage: &Path) -> Result {
    eprintln!("== the window on a PC without WebView2");
    let prefix = root().join("target/wine-prefix");
    let reader = prefix.join("drive_c/tiepdan-ci/readbox.exe");
    std::fs::create_dir_all(reader.parent().expect("a folder")).map_err(|e| e.to_string())?;
    run(Command::new("x86_64-w64-mingw32-gcc")
        .args(["-municode", "-O2", "-s", "-o"])
        .arg(&reader)
        .arg(root().join("packaging/windows/wine/readbox.c"))
        .arg("-luser32"))?;
    // Wine's desktop binds to the display of the first program: this one starts on the
    // virtual screen, after any server started without one has ended.
    run(Command::new(WINESERVER)
        .arg("-w")
        .env("WINEPREFIX", &prefix))?;
    let _server = WineServer(prefix.clone());
    let wine = wine(&prefix);
    let window = stage.join("tiepdan-desktop.exe");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1024x768x24"])
        .arg(wine.get_program())
        .arg(&reader)
        .arg("TiếpDân")
        .arg(format!(
            "Z:{}",
            window.display().to_string().replace('/', "\\")
        ))
        .envs(wine.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
        .output()
        .map_err(|e| format!("xvfb-run: {e}"))?;
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    if said.contains("chưa có Microsoft Edge WebView2 Runtime") && said.contains("exit code 1") {
        eprintln!("without WebView2 the window said so in Vietnamese, and ended");
        Ok(())
    } else {
        Err(format!(
            "without WebView2 the window did not say so in Vietnamese:\n{said}"
        ))
    }
}

/// Wine on the private prefix, as the Windows user "Nguyễn Văn Ánh".
fn wine(prefix: &Path) -> Command {
    let mut c = Command::new(WINE);
    c.env("WINEPREFIX", prefix)
        .env("WINEDEBUG", "-all")
        .env("WINEDLLOVERRIDES", "bcryptprimitives=n,b;mscoree,mshtml=")
        .env("USER", USER)
        // Wine turns the arguments into UTF-16 by the host's locale.
        .env("LC_ALL", "C.UTF-8");
    c
}

/// The Windows command line under Wine, as the user "Nguyễn Văn Ánh", installed where the
/// setup puts it, on the default data folder under that user's profile.
fn windows_platform(prefix: &Path, cli: &Path) -> Result<Platform> {
    let profile = prefix.join("drive_c/users").join(USER);
    if !profile.exists() {
        if prefix.exists() {
            std::fs::remove_dir_all(prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
        }
        eprintln!("creating the Wine prefix {}", prefix.display());
        let status = wine(prefix)
            .args(["cmd", "/c", "exit"])
            .status()
            .map_err(|e| format!("{WINE}: {e}"))?;
        if !profile.exists() {
            return Err(format!(
                "Wine did not create the profile {} ({status})",
                profile.display()
            ));
        }
    }
    run(Command::new("x86_64-w64-mingw32-gcc")
        .args(["-shared", "-O2", "-s", "-o"])
        .arg(prefix.join("drive_c/windows/system32/bcryptprimitives.dll"))
        .arg(root().join("packaging/windows/wine/bcryptprimitives.c"))
        .arg("-ladvapi32"))?;
    // Where the setup installs, holding only the command line, as an earlier version left it.
    let programs = profile.join("AppData/Local/Programs/TiepDan");
    if programs.exists() {
        std::fs::remove_dir_all(&programs).map_err(|e| format!("{}: {e}", programs.display()))?;
    }
    let installed = programs.join("tiepdan.exe");
    std::fs::create_dir_all(&programs).map_err(|e| e.to_string())?;
    std::fs::copy(cli, &installed).map_err(|e| format!("{}: {e}", cli.display()))?;
    let mut wine = wine(prefix);
    wine.arg(&installed);
    Ok(Platform {
        name: "Windows (Wine)",
        host: profile.join("Tài liệu/TiếpDân thử"),
        shown: format!(r"C:\Users\{USER}\Tài liệu\TiếpDân thử"),
        separator: '\\',
        program: wine,
        office: Vec::new(),
        office_host: profile.join("AppData/Roaming/TiepDan/tiepdan/data"),
    })
}

/// The Linux build, in folders named like the Windows ones.
fn linux_platform(cli: &Path) -> Platform {
    let home = root().join("target/dist/linux-office").join(USER);
    let host = home.join("Tài liệu/TiếpDân thử");
    let office_host = home.join("Dữ liệu TiếpDân");
    Platform {
        name: "Linux",
        shown: host.display().to_string(),
        host,
        separator: '/',
        program: Command::new(cli),
        office: vec!["--data".into(), office_host.display().to_string()],
        office_host,
    }
}

/// The prefix's Wine server and services, started once and stopped when the check ends,
/// however it ends. Started by a first program with no output: a service started by a
/// command whose output is read would hold that output open until it stops (2.5 s a command).
struct WineServer(PathBuf);

impl WineServer {
    fn start(prefix: &Path) -> Result<WineServer> {
        let server = WineServer(prefix.to_owned());
        // A server still running (the prefix was just created) ends first, saving its
        // registry; `-p` refuses to start beside it.
        run(Command::new(WINESERVER).arg("-w").env("WINEPREFIX", prefix))?;
        run(Command::new(WINESERVER).arg("-p").env("WINEPREFIX", prefix))?;
        run(wine(prefix)
            .args(["cmd", "/c", "exit"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null()))?;
        Ok(server)
    }
}

impl Drop for WineServer {
    fn drop(&mut self) {
        let _ = Command::new(WINESERVER)
            .arg("-k")
            .env("WINEPREFIX", &self.0)
            .status();
    }
}

/// Every report template's code ("01/TCD", …), as the domain declares them.
fn report_templates() -> Result<Vec<String>> {
    let file = root().join("crates/domain/src/report/mod.rs");
    let source = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let codes: Vec<String> = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("#[serde(rename = \""))
        .filter_map(|rest| rest.split('"').next())
        .filter(|code| code.contains('/'))
        .map(str::to_owned)
        .collect();
    if codes.len() < 8 {
        return Err(format!(
            "{}: found only the templates {codes:?}",
            file.display()
        ));
    }
    Ok(codes)
}

/// Compares two files of `kind`, each read back.
fn compare(kind: Kind, a: &Path, b: &Path) -> Result {
    match kind {
        Kind::Text => {
            let (x, y) = (comparable_text(a)?, comparable_text(b)?);
            if !x.contains(OFFICE) {
                return Err(format!("{} does not name the office", a.display()));
            }
            first_difference(&x, &y)
        }
        Kind::Office => office_parts_equal(a, b),
        Kind::Pdf => {
            let (x, y) = (pdf_text(a)?, pdf_text(b)?);
            if !x.contains(OFFICE) || x.contains("……") {
                return Err(format!(
                    "{} lacks the office or has a blank:\n{x}",
                    a.display()
                ));
            }
            first_difference(&x, &y)
        }
    }
}

/// The text of a JSON or JSON Lines file, without the audit trail's head, and with the
/// store's own prefix of the refs it made up (`"6c003360-case-7"`, random per database)
/// written as `"…-case-7"`.
fn comparable_text(file: &Path) -> Result<String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(without_audit_head(&text)
        .split("\"")
        .map(|token| match token.split_once('-') {
            Some((prefix, rest))
                if prefix.len() == 8 && prefix.bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                format!("…-{rest}")
            }
            _ => token.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\""))
}

/// `text` without the lines giving the audit trail's head (a hash over times and actors,
/// different on each machine by nature), which exports and printed reports carry.
fn without_audit_head(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains("Mốc nhật ký thao tác"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn first_difference(a: &str, b: &str) -> Result {
    match a.lines().zip(b.lines()).position(|(x, y)| x != y) {
        None if a.lines().count() == b.lines().count() => Ok(()),
        None => Err(format!(
            "{} lines against {}",
            a.lines().count(),
            b.lines().count()
        )),
        Some(i) => Err(format!(
            "line {}:\n  {}\n  {}",
            i + 1,
            a.lines().nth(i).unwrap_or_default(),
            b.lines().nth(i).unwrap_or_default()
        )),
    }
}

fn pdf_text(file: &Path) -> Result<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext: {e}"))?;
    if !out.status.success() {
        return Err(format!("pdftotext cannot read {}", file.display()));
    }
    Ok(without_audit_head(&String::from_utf8_lossy(&out.stdout)))
}

/// Both Office files (zip) hold the same parts with the same bytes, but the creation time in
/// `docProps/core.xml`, and their text names the office.
fn office_parts_equal(a: &Path, b: &Path) -> Result {
    const SCRIPT: &str = r#"
import sys, zipfile
a, b, office = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2]), sys.argv[3]
names = sorted(n for n in a.namelist() if n != "docProps/core.xml")
if names != sorted(n for n in b.namelist() if n != "docProps/core.xml"):
    sys.exit("different parts: %s / %s" % (names, sorted(b.namelist())))
for n in names:
    if a.read(n) != b.read(n):
        sys.exit("part %s differs" % n)
if not any(office.lower() in a.read(n).decode("utf-8", "replace").lower() for n in names if n.endswith(".xml")):
    sys.exit("no part names the office")
"#;
    let out = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(a)
        .arg(b)
        .arg(OFFICE)
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

/// Copies a folder's files (not its subfolders: a data folder's backups stay behind).
fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for e in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let e = e.map_err(|e| e.to_string())?;
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// The name of the one file in `dir`.
fn only_file(dir: &Path) -> Result<String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    match names.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!(
            "{}: expected one backup, found {names:?}",
            dir.display()
        )),
    }
}
