"""End-to-end harness: the real TiếpDân window under Xvfb, driven through tauri-driver
and WebKitWebDriver (W3C WebDriver) with Selenium.

Environment:
  TIEPDAN_APP   the desktop binary (default: target/debug/tiepdan-desktop)
  TIEPDAN_CLI   the command-line binary (default: target/debug/tiepdan)
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited early with code {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout} s")


@pytest.fixture(scope="session")
def display():
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
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def tauri_driver(display):
    exe = shutil.which("tauri-driver") or str(Path.home() / ".cargo/bin/tauri-driver")
    port = _free_port()
    native_port = _free_port()
    env = dict(os.environ, DISPLAY=display, WEBKIT_DISABLE_COMPOSITING_MODE="1")
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--native-port", str(native_port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for_port(port, proc, "tauri-driver")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def app_binary() -> str:
    path = Path(os.environ.get("TIEPDAN_APP", ROOT / "target/debug/tiepdan-desktop"))
    assert path.exists(), f"build the desktop app first: {path} is missing"
    return str(path)


@pytest.fixture(scope="session")
def cli_binary() -> str:
    path = Path(os.environ.get("TIEPDAN_CLI", ROOT / "target/debug/tiepdan"))
    assert path.exists(), f"build the command line first: {path} is missing"
    return str(path)


@pytest.fixture
def open_window(tauri_driver, app_binary):
    """Opens the real window on a data directory; closes every window at the end."""
    drivers = []

    def _open(data_dir: Path):
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability(
            "tauri:options", {"application": app_binary, "args": ["--data", str(data_dir)]}
        )
        driver = webdriver.Remote(command_executor=tauri_driver, options=options)
        driver.implicitly_wait(0)
        drivers.append(driver)
        return driver

    yield _open
    for d in drivers:
        try:
            d.quit()
        except Exception:
            pass


def screenshot(driver, name: str) -> Path:
    """The whole X display as a person sees it (ImageMagick `import`); WebKitWebDriver's
    own screenshot command can hang on some pages."""
    del driver  # the display shows the one window under test
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    subprocess.run(
        ["import", "-display", os.environ["TIEPDAN_E2E_DISPLAY"], "-window", "root", str(path)],
        check=True,
        timeout=30,
    )
    return path
