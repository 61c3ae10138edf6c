"""Backups in the real window: a verified, encrypted copy written to another disk (a folder
standing in for a USB stick), a folder that does not exist refused with the reason, and the
administrator restoring the data from the copy on that disk; the day's automatic copy taken
at sign-in, and the dashboard's reminder until a copy is on another disk."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import click_id as click, screenshot, type_into


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def test_a_backup_to_a_usb_stick_and_a_restore_from_it(office_data, open_window, tmp_path):
    usb = tmp_path / "USB Nguyễn Văn Ánh"
    usb.mkdir()
    driver = open_window(office_data)
    # Signing in took the day's automatic copy; nothing is on another disk yet: reminded.
    reminder = wait(driver).until(EC.visibility_of_element_located((By.ID, "backup-reminder")))
    assert "Chưa có bản sao lưu nào ở ổ khác" in reminder.text
    wait(driver).until(lambda d: list((office_data / "backups").glob("tiepdan-*-tu-dong.sqlite3")))
    click(driver, "nav-settings")
    type_into(driver, "backup-target", str(usb / "không có"))
    click(driver, "backup-off-site")
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "backup-error")))
    assert "Không thấy thư mục" in error.text
    assert not any(usb.iterdir()), "nothing written on a refused target"

    type_into(driver, "backup-target", str(usb))
    click(driver, "backup-off-site")
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "backup-message")))
    assert "Đã sao lưu ra ổ khác và kiểm tra" in done.text
    copies = list((usb / "TiepDan-saoluu").glob("*.sqlite3"))
    assert len(copies) == 1
    assert copies[0].read_bytes()[:16] != b"SQLite format 3\0", "the copy is encrypted"
    screenshot("settings-backup-usb")
    click(driver, "nav-dashboard")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "hot-spots")))
    assert not driver.find_elements(By.ID, "backup-reminder"), "a copy is on another disk now"
    click(driver, "nav-settings")

    type_into(driver, "restore-from", str(usb))
    click(driver, "restore-list")
    listing = wait(driver).until(EC.presence_of_element_located((By.ID, "restore-file")))
    assert copies[0].name in listing.text
    Select(listing).select_by_value(str(copies[0]))
    assert not driver.find_element(By.ID, "restore-now").is_enabled(), "asks to confirm first"
    click(driver, "restore-understood")
    click(driver, "restore-now")
    restored = wait(driver).until(EC.visibility_of_element_located((By.ID, "restore-message")))
    assert "Đã khôi phục dữ liệu" in restored.text
    assert "được giữ ở" in restored.text
    screenshot("settings-restored")
