"""Starting the real window: Xvfb, WebKitWebDriver (WebKitGTK's own WebDriver server, from
Debian's webkit2gtk-driver) and a Selenium session on the TiếpDân binary. Shared by the
pytest fixtures and the benchmark.

tauri-driver is not needed on Linux: all it does there is start WebKitWebDriver and turn
the `tauri:options` capability into `webkitgtk:browserOptions`, which this harness asks for
directly (saving CI a `cargo install` of a hundred crates)."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited early with code {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout} s")


def start_display() -> tuple[str, subprocess.Popen]:
    """A private X display (Xvfb), 1366×768 like a commune PC."""
    number = 90 + os.getpid() % 9
    proc = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    if proc.poll() is not None:
        raise RuntimeError("Xvfb did not start")
    os.environ["TIEPDAN_E2E_DISPLAY"] = f":{number}"
    return f":{number}", proc


def start_driver(display: str) -> tuple[str, subprocess.Popen]:
    exe = shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver"
    port = free_port()
    # TAURI_WEBVIEW_AUTOMATION: the window lets WebDriver automate its webview.
    # TIEPDAN_NO_VIEWER: printed PDFs are read by the tests, not opened in a viewer.
    env = dict(
        os.environ,
        DISPLAY=display,
        WEBKIT_DISABLE_COMPOSITING_MODE="1",
        TIEPDAN_NO_VIEWER="1",
        TAURI_WEBVIEW_AUTOMATION="true",
    )
    proc = subprocess.Popen(
        [exe, f"--port={port}", "--host=127.0.0.1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, proc, "WebKitWebDriver")
    return f"http://127.0.0.1:{port}", proc


def app_binary() -> str:
    return str(Path(os.environ.get("TIEPDAN_APP", ROOT / "target/debug/tiepdan-desktop")))


def cli_binary() -> str:
    return str(Path(os.environ.get("TIEPDAN_CLI", ROOT / "target/debug/tiepdan")))


# The passphrase of the tests' administrator ("quantri"), made by `tiepdan init`.
PASSPHRASE = "mật khẩu kiểm thử 2026"
ADMIN = "quantri"
# Each test office's recovery key, by data directory, to read its encrypted database.
_RECOVERY_KEYS: dict[str, str] = {}


def remember_recovery_key(data_dir: Path, key: str) -> None:
    _RECOVERY_KEYS[str(Path(data_dir).resolve())] = key.strip()


def connect(data_dir: Path):
    """The office's encrypted database, read-only, opened with its recovery key (the way a
    technician holding the sealed key could), through SQLCipher's Python binding."""
    import sqlcipher3

    key = _RECOVERY_KEYS[str(Path(data_dir).resolve())].replace("-", "")
    con = sqlcipher3.connect(f"file:{Path(data_dir) / 'tiepdan.sqlite3'}?mode=ro", uri=True)
    con.execute(f"PRAGMA key = \"x'{key}'\"")
    return con


def open_window(driver_url: str, app: str, data_dir: Path, extra_args: list[str] | None = None):
    options = ArgOptions()
    options.set_capability("browserName", "wry")
    args = ["--data", str(data_dir), *(extra_args or [])]
    options.set_capability("webkitgtk:browserOptions", {"binary": app, "args": args})
    driver = webdriver.Remote(command_executor=driver_url, options=options)
    driver.implicitly_wait(0)
    return driver


def sign_in(driver, login: str, password: str, timeout: float = 30) -> None:
    """Signs in on the sign-in screen (or unlocks the lock screen) and waits until it has
    gone. Does nothing on the first run's administrator form or an error screen."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def first_screen(d):
        for sid in ("sign-in", "lock-screen", "setup-admin", "open-error"):
            found = d.find_elements(By.ID, sid)
            if found and found[0].is_displayed():
                return sid
        return False

    screen = WebDriverWait(driver, timeout).until(first_screen)
    if screen not in ("sign-in", "lock-screen"):
        return
    field = driver.find_element(By.ID, "signin-login")
    if field.get_attribute("readonly") is None:
        field.clear()
        field.send_keys(login)
    driver.find_element(By.ID, "signin-password").send_keys(password)
    driver.find_element(By.ID, "signin-submit").click()
    WebDriverWait(driver, timeout).until(lambda d: not d.find_elements(By.ID, screen))


def process_tree(app: str) -> dict[int, str]:
    """The running app's processes and their WebKit children: pid → program path."""
    procs = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
            procs[int(pid)] = (ppid, cmd)
        except (OSError, IndexError, ValueError):
            continue
    tree = {p for p, (_, cmd) in procs.items() if cmd == app}
    changed = True
    while changed:
        changed = False
        for p, (pp, _) in procs.items():
            if pp in tree and p not in tree:
                tree.add(p)
                changed = True
    return {p: procs[p][1] for p in tree}


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def screenshot(name: str) -> Path:
    """The whole X display as a person sees it (ImageMagick `import`); WebKitWebDriver's
    own screenshot command can hang on some pages."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    subprocess.run(
        ["import", "-display", os.environ["TIEPDAN_E2E_DISPLAY"], "-window", "root", str(path)],
        check=True,
        timeout=30,
    )
    return path


def click_id(driver, element_id: str, timeout: float = 30):
    """Scrolls the element with this id into view (WebKitWebDriver does not) and clicks it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    element = WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.ID, element_id)))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()
    return element


def type_into(driver, element_id: str, text: str, timeout: float = 30):
    """Replaces the text of the field with this id, as typing would."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    element = WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.ID, element_id)))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.clear()
    element.send_keys(text)
    return element


def invoke(driver, command: str, args: dict):
    """Calls a command of the shell the way the UI does; returns its error, or None."""
    return driver.execute_async_script(
        """
        const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args).then(() => done(null), (e) => done(e));
        """,
        command,
        args,
    )
