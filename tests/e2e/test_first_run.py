"""First run in the real window: empty data directory → office form → dashboard."""

import os
import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import harness
from harness import screenshot

OFFICE = "Ủy ban nhân dân xã Ba Tơ"


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def test_first_run_form_leads_to_the_dashboard_with_the_office_name(tmp_path, open_window, cli_binary, app_binary):
    data = tmp_path / "data"
    driver = open_window(data, login=None)

    # First the administrator's account, which encrypts the data.
    wait(driver).until(EC.visibility_of_element_located((By.ID, "setup-admin")))
    assert "Chào mừng đến với TiếpDân" in driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.ID, "setup-full_name").send_keys("Trần Văn Quản")
    driver.find_element(By.ID, "setup-password").send_keys("ngắn")
    driver.find_element(By.ID, "setup-save").click()
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "setup-password-error")))
    assert "ít nhất 10 ký tự" in error.text
    assert not (data / "keyring.json").exists(), "nothing is made from a refused form"
    password = driver.find_element(By.ID, "setup-password")
    password.clear()
    password.send_keys(harness.PASSPHRASE)
    driver.find_element(By.ID, "setup-password_again").send_keys(harness.PASSPHRASE)
    driver.find_element(By.ID, "setup-save").click()
    key = wait(driver).until(EC.visibility_of_element_located((By.ID, "recovery-key"))).text
    harness.remember_recovery_key(data, key)
    assert len(key.replace("-", "")) == 64
    screenshot("recovery-key")
    # The database is encrypted from its first byte, and the key is not in the keyring.
    assert (data / "tiepdan.sqlite3").read_bytes()[:16] != b"SQLite format 3\0"
    assert key.replace("-", "") not in (data / "keyring.json").read_text().upper()
    assert not driver.find_element(By.ID, "recovery-continue").is_enabled()
    # Printing writes a one-page sheet to a temporary file (opened for the printer)...
    driver.find_element(By.ID, "recovery-print").click()
    sheet = wait(driver).until(EC.visibility_of_element_located((By.ID, "recovery-printed")))
    path = sheet.find_element(By.TAG_NAME, "code").text
    groups = key.split("-")
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "KHÓA KHÔI PHỤC" in text and groups[0] in text and groups[-1] in text, text
    assert not str(path).startswith(str(data)), "never in the data directory"
    # ...and the officer proves the copy by typing its last group back.
    driver.find_element(By.ID, "recovery-kept").click()
    driver.find_element(By.ID, "recovery-check").send_keys("0000" if groups[-1] != "0000" else "1111")
    assert wait(driver).until(EC.visibility_of_element_located((By.ID, "recovery-mismatch")))
    assert not driver.find_element(By.ID, "recovery-continue").is_enabled()
    check = driver.find_element(By.ID, "recovery-check")
    check.clear()
    check.send_keys(groups[-1].lower())
    wait(driver).until(EC.element_to_be_clickable((By.ID, "recovery-continue"))).click()

    wait(driver).until(EC.visibility_of_element_located((By.ID, "first-run")))
    assert "Chào mừng đến với TiếpDân" in driver.find_element(By.TAG_NAME, "h1").text
    assert not Path(path).exists(), "the printed sheet is deleted when the first run moves on"

    # Saving an empty form explains, in Vietnamese, what to fix, and saves nothing.
    driver.find_element(By.ID, "office-save").click()
    summary = wait(driver).until(EC.visibility_of_element_located((By.ID, "office-error-summary")))
    assert "Chưa nhập tên cơ quan." in summary.text
    assert "Chưa nhập họ tên Chủ tịch." in summary.text
    screenshot("first-run-errors")

    # Type the profile; Enter moves to the next field, Ctrl+S saves.
    name = driver.find_element(By.ID, "office-name")
    name.click()
    name.send_keys(OFFICE, Keys.ENTER)
    active = driver.switch_to.active_element
    assert active.get_attribute("id") == "office-parent", "Enter moves to the next field"
    active.send_keys("Ủy ban nhân dân tỉnh Quảng Ngãi")
    driver.find_element(By.ID, "office-place").send_keys("Ba Tơ")
    driver.find_element(By.ID, "office-province").send_keys("Quảng Ngãi")
    driver.find_element(By.ID, "office-commune_code").send_keys("123")
    driver.find_element(By.ID, "office-chair").send_keys("Phạm Văn Hùng")
    driver.find_element(By.ID, "office-save").click()
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "office-commune_code-error")))
    assert "5 chữ số" in error.text
    # What was typed is still there after the error.
    assert driver.find_element(By.ID, "office-name").get_attribute("value") == OFFICE

    code = driver.find_element(By.ID, "office-commune_code")
    code.clear()
    code.send_keys("21769", Keys.CONTROL, "s")

    heading = wait(driver).until(EC.visibility_of_element_located((By.ID, "dashboard-office")))
    wait(driver).until(lambda d: d.find_element(By.ID, "dashboard-office").text == OFFICE)
    assert driver.find_element(By.ID, "dashboard").is_displayed()
    assert heading.tag_name == "h1"
    assert driver.title == f"TiếpDân — {OFFICE}"
    assert "Tổng quan" in driver.find_element(By.CSS_SELECTOR, "nav").text
    screenshot("dashboard")

    # The left rail reaches every area.
    for area, title in [("intake", "Tiếp công dân"), ("schedule", "Lịch tiếp công dân"), ("reports", "Báo cáo thống kê"), ("catalogues", "Danh mục"), ("settings", "Cài đặt")]:
        driver.find_element(By.ID, f"nav-{area}").click()
        wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == title)
    driver.find_element(By.ID, "nav-about").click()
    # The crates' list is drawn only when opened.
    wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#about-crates-list summary"))).click()
    crates = wait(driver).until(EC.visibility_of_element_located((By.ID, "about-crates")))
    assert "rusqlite" in crates.text and "tauri" in crates.text
    assert driver.find_element(By.ID, "about-version").text.count(".") == 2
    libraries = driver.find_element(By.ID, "about-libraries").text
    assert "SQLCipher" in libraries and "OpenSSL" in libraries
    # The page runs without JavaScriptCore's JIT, which costs memory and buys it nothing
    # (src-tauri/src/webview.rs, docs/benchmarks.md).
    web = [p for p, cmd in harness.process_tree(app_binary).items() if cmd.endswith("WebKitWebProcess")]
    assert web, "no WebKit web process under the window"
    for pid in web:
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        assert b"JSC_useJIT=0" in environ
    driver.find_element(By.ID, "nav-settings").click()
    driver.find_element(By.ID, "backup-now").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "settings"), "Đã sao lưu và kiểm tra"))
    screenshot("settings")
    driver.quit()

    # The profile is in the database, which is sound.
    check = subprocess.run([cli_binary, "check", "--data", str(data)], capture_output=True, text=True,
                           env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE})
    assert check.returncode == 0, check.stderr
    assert list((data / "backups").glob("tiepdan-*-sao-luu.sqlite3"))

    assert "Mã hóa: có" in check.stdout
    # Reopening asks who signs in; a wrong password is refused in Vietnamese.
    again = open_window(data, login=None)
    wait(again).until(EC.visibility_of_element_located((By.ID, "sign-in")))
    again.find_element(By.ID, "signin-login").send_keys(harness.ADMIN)
    again.find_element(By.ID, "signin-password").send_keys("sai mật khẩu")
    again.find_element(By.ID, "signin-submit").click()
    error = wait(again).until(EC.visibility_of_element_located((By.ID, "signin-error")))
    assert "mật khẩu không đúng" in error.text
    harness.sign_in(again, harness.ADMIN, harness.PASSPHRASE)
    wait(again).until(EC.visibility_of_element_located((By.ID, "dashboard-office")))
    assert again.find_element(By.ID, "dashboard-office").text == OFFICE


def test_a_damaged_database_is_reported_not_repaired(tmp_path, open_window):
    data = tmp_path / "data"
    data.mkdir()
    garbage = bytes(range(256)) * 20
    (data / "tiepdan.sqlite3").write_bytes(garbage)
    driver = open_window(data)
    box = wait(driver).until(EC.visibility_of_element_located((By.ID, "open-error")))
    assert "Không mở được dữ liệu" in box.text
    assert "khôi phục" in box.text
    screenshot("open-error")
    assert (data / "tiepdan.sqlite3").read_bytes() == garbage
