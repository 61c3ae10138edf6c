"""Starting the real window: Xvfb, tauri-driver (which drives WebKitWebDriver) and a
Selenium session on the TiếpDân binary. Shared by the pytest fixtures and the benchmark."""

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
    exe = shutil.which("tauri-driver") or str(Path.home() / ".cargo/bin/tauri-driver")
    port, native_port = free_port(), free_port()
    # TIEPDAN_NO_VIEWER: printed PDFs are read by the tests, not opened in a viewer.
    env = dict(os.environ, DISPLAY=display, WEBKIT_DISABLE_COMPOSITING_MODE="1", TIEPDAN_NO_VIEWER="1")
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--native-port", str(native_port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, proc, "tauri-driver")
    return f"http://127.0.0.1:{port}", proc


def app_binary() -> str:
    return str(Path(os.environ.get("TIEPDAN_APP", ROOT / "target/debug/tiepdan-desktop")))


def cli_binary() -> str:
    return str(Path(os.environ.get("TIEPDAN_CLI", ROOT / "target/debug/tiepdan")))


def open_window(driver_url: str, app: str, data_dir: Path):
    options = ArgOptions()
    options.set_capability("browserName", "wry")
    options.set_capability("tauri:options", {"application": app, "args": ["--data", str(data_dir)]})
    driver = webdriver.Remote(command_executor=driver_url, options=options)
    driver.implicitly_wait(0)
    return driver


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
