"""End-to-end fixtures: the real TiếpDân window under Xvfb, driven through
WebKitWebDriver (W3C WebDriver) with Selenium.

Environment:
  TIEPDAN_APP   the desktop binary (default: target/debug/tiepdan-desktop)
  TIEPDAN_CLI   the command-line binary (default: target/debug/tiepdan)
"""

import os
import subprocess
from pathlib import Path

import pytest

import harness

# Every `tiepdan` command a test runs opens the test office as its administrator.
os.environ["TIEPDAN_PASSPHRASE"] = harness.PASSPHRASE


@pytest.fixture(scope="session")
def display():
    name, proc = harness.start_display()
    yield name
    harness.stop(proc)


@pytest.fixture(scope="session")
def webdriver_url(display):
    url, proc = harness.start_driver(display)
    yield url
    harness.stop(proc)


@pytest.fixture(scope="session")
def app_binary() -> str:
    path = harness.app_binary()
    assert Path(path).exists(), f"build the desktop app first: {path} is missing"
    return path


@pytest.fixture(scope="session")
def cli_binary() -> str:
    path = harness.cli_binary()
    assert Path(path).exists(), f"build the command line first: {path} is missing"
    return path


@pytest.fixture
def open_window(webdriver_url, app_binary):
    """Opens the real window on a data directory; closes every window at the end."""
    drivers = []

    def _open(data_dir: Path, login: str | None = harness.ADMIN, password: str = harness.PASSPHRASE,
              extra_args: list[str] | None = None):
        driver = harness.open_window(webdriver_url, app_binary, data_dir, extra_args)
        drivers.append(driver)
        if login:
            harness.sign_in(driver, login, password)
        return driver

    yield _open
    for d in drivers:
        try:
            d.quit()
        except Exception:
            pass


@pytest.fixture
def office_data(tmp_path, cli_binary) -> Path:
    """A data directory whose office is already set up (through the command line)."""
    data = tmp_path / "data"
    out = subprocess.run(
        [cli_binary, "--data", str(data), "init", "--name", "Ủy ban nhân dân xã Ba Tơ",
         "--parent", "UBND tỉnh Quảng Ngãi", "--place", "Ba Tơ", "--province", "Quảng Ngãi",
         "--chair", "Phạm Văn Hùng", "--admin", harness.ADMIN, "--admin-name", "Trần Văn Quản",
         "--also", "reception,handler,leader"],
        check=True, capture_output=True, text=True,
        env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE},
    )
    lines = out.stdout.splitlines()
    key = lines[[i for i, l in enumerate(lines) if l.startswith("KHÓA KHÔI PHỤC")][0] + 1]
    harness.remember_recovery_key(data, key)
    return data
