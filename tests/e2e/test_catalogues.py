"""Danh mục in the real window: a holiday added on an open case's due date moves the
deadline (read back from the database), a broken rule file is refused with its message and
nothing is written, and a rule file imported from disk is checked, kept and applied."""

from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import screenshot
from test_registers import FORWARDED, import_in_settings

ROOT = Path(__file__).resolve().parents[2]


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def due_dates(data):
    con = harness.connect(data)
    try:
        return dict(con.execute("SELECT name, due FROM deadline_cache").fetchall())
    finally:
        con.close()


def set_text(driver, element, text):
    """Replaces a textarea's content as typing would (Svelte listens to input events)."""
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        element,
        text,
    )


def test_a_holiday_moves_an_open_deadline_and_rule_files_are_checked_before_they_apply(office_data, open_window, tmp_path):
    data = office_data
    scenario = tmp_path / "to-cao.jsonl"
    scenario.write_text(FORWARDED, encoding="utf-8")
    driver = open_window(data)
    import_in_settings(driver, scenario)
    before = due_dates(data)
    # A denunciation of a vice-chair is the province's: 5 working days to transfer it.
    check = before["transfer"]
    y, m, d = check.split("-")

    driver.find_element(By.ID, "nav-catalogues").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "calendar-days")))
    assert "Tết" in table.text or "Quốc khánh" in table.text
    driver.find_element(By.ID, "day-date").send_keys(f"{d}/{m}/{y}")
    Select(driver.find_element(By.ID, "day-kind")).select_by_value("holiday")
    driver.find_element(By.ID, "day-note").send_keys("Nghỉ theo quyết định của UBND tỉnh")
    driver.find_element(By.ID, "day-save").click()
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "catalogue-done")))
    assert "đã tính lại thời hạn của 1 đơn" in done.text
    after = due_dates(data)
    assert after["transfer"] > check, (before, after)
    assert "Lịch của cơ quan" in driver.find_element(By.ID, "calendar-days").text
    screenshot("catalogue-calendar")

    # A broken deadline file: refused with the file's name, nothing written.
    driver.find_element(By.ID, "tab-rules").click()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "rule-deadlines"))).click()
    text = wait(driver).until(EC.visibility_of_element_located((By.ID, "rule-text")))
    shipped = (ROOT / "assets" / "rules" / "deadlines.toml").read_text(encoding="utf-8")
    assert "[[rule]]" in text.get_attribute("value")
    set_text(driver, text, shipped.replace("days = 10", "days = 0", 1))
    driver.find_element(By.ID, "rule-save").click()
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "catalogue-error")))
    assert "deadlines.toml" in error.text and "số ngày" in error.text
    assert not (data / "rules" / "deadlines.toml").exists()
    assert due_dates(data) == after
    screenshot("catalogue-rule-refused")

    # The reception file imported from disk: checked on import, then kept and applied.
    driver.find_element(By.ID, "rule-reception").click()
    edited = tmp_path / "reception.toml"
    shipped = (ROOT / "assets" / "rules" / "reception.toml").read_text(encoding="utf-8")
    edited.write_text(shipped.replace("crowd_threshold = 5", "crowd_threshold = 7", 1), encoding="utf-8")
    driver.file_detector = UselessFileDetector()
    picker = driver.find_element(By.ID, "rule-import")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", picker)
    screenshot("catalogue-rule-editor")
    picker.send_keys(str(edited))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "catalogue-done"), "Tệp hợp lệ"))
    driver.find_element(By.ID, "rule-save").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "catalogue-done"), "Đã lưu và áp dụng"))
    assert "crowd_threshold = 7" in (data / "rules" / "reception.toml").read_text(encoding="utf-8")
    assert "bản của cơ quan" in driver.find_element(By.ID, "rule-reception").text
    screenshot("catalogue-rule-saved")
