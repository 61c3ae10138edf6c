"""Old registers kept in Excel, brought in through Cài đặt alone: a register with one bad
row is previewed with that row named and nothing imported; the corrected register is
imported whole; a reception register lands in Sổ tiếp công dân; importing it again adds
nothing; a visit written twice is voided from the register with its reason."""

from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import harness
from harness import screenshot

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "legacy"


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def count(data, table):
    con = harness.connect(data)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def choose(driver, name):
    field = wait(driver).until(EC.presence_of_element_located((By.ID, "legacy-file")))
    field.clear()
    field.send_keys(str(LEGACY / name))


def test_an_old_register_is_previewed_refused_for_one_bad_row_then_imported_once(office_data, open_window):
    data = office_data
    driver = open_window(data)
    driver.file_detector = UselessFileDetector()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-settings"))).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "legacy-heading")))

    # One bad row: named with its sheet and row, the import button withheld, nothing saved.
    choose(driver, "so-theo-doi-don-loi.xlsx")
    problems = wait(driver).until(EC.visibility_of_element_located((By.ID, "legacy-problems")))
    assert problems.text.startswith("1 dòng cần sửa")
    rows = driver.find_element(By.ID, "legacy-rows")
    bad = rows.find_element(By.CSS_SELECTOR, "tr.bad")
    assert "Đơn thư, 4" in bad.text and "31/02/2024" in bad.text and "không rõ" in bad.text
    assert "Hà Văn Tâm" in rows.text and "thôn Làng Mạ" in rows.text, "name and address split"
    assert not driver.find_elements(By.ID, "legacy-run")
    driver.execute_script("document.getElementById('legacy-heading').scrollIntoView()")
    screenshot("legacy-preview-bad-row")
    assert count(data, "petitions") == 0

    # Corrected: imported whole.
    choose(driver, "so-theo-doi-don.xlsx")
    run = wait(driver).until(EC.element_to_be_clickable((By.ID, "legacy-run")))
    assert run.text == "Nhập 2 dòng"
    run.click()
    summary = wait(driver).until(EC.visibility_of_element_located((By.ID, "legacy-summary")))
    assert "Đã nhập 2 đơn, 0 lượt tiếp, 2 công dân mới" in summary.text
    assert count(data, "petitions") == 2

    # A reception register: the merged header and the three kinds of date are read.
    choose(driver, "so-tiep-cong-dan-2024.xlsx")
    preview = wait(driver).until(EC.visibility_of_element_located((By.ID, "legacy-preview")))
    assert "sổ tiếp công dân, 3 dòng" in preview.text
    assert "bỏ qua trang không có sổ: Ghi chú" in preview.text
    for day in ["12/03/2024", "05/04/2024", "20/05/2024"]:
        assert day in preview.text, day
    assert "Chuyển đơn — Phòng Kinh tế" in preview.text
    driver.execute_script("document.getElementById('legacy-heading').scrollIntoView()")
    screenshot("legacy-preview-reception")
    driver.find_element(By.ID, "legacy-run").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "legacy-summary"), "Đã nhập 3 đơn, 3 lượt tiếp"))
    assert count(data, "visits") == 3

    # The same register again: nothing new.
    choose(driver, "so-tiep-cong-dan-2024.xlsx")
    wait(driver).until(EC.element_to_be_clickable((By.ID, "legacy-run"))).click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "legacy-summary"), "đã được nhập trước đó"))
    assert count(data, "visits") == 3 and count(data, "petitions") == 5

    # The visits are in the reception register of the window.
    driver.find_element(By.ID, "nav-petitions").click()
    register = wait(driver).until(EC.visibility_of_element_located((By.ID, "reception-register")))
    wait(driver).until(lambda d: "Phạm Thị Mai" in register.text)

    # Two rows turn out to be written in error: one whose petition the commune accepted
    # for resolution is refused (corrected instead); the other is voided with its reason,
    # kept in the file and gone from the register.
    def void(who, reason):
        table = driver.find_element(By.ID, "reception-register")
        row = next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if who in r.text)
        row.find_element(By.CSS_SELECTOR, "button[id^=void-visit-]").click()
        if reason:
            driver.find_element(By.ID, "void-reason").send_keys(reason)
        driver.find_element(By.ID, "void-confirm").click()

    void("Phạm Thị Mai", "")
    assert "lý do" in wait(driver).until(EC.visibility_of_element_located((By.ID, "void-error"))).text
    driver.find_element(By.ID, "void-reason").send_keys("Sổ cũ chép trùng dòng 9")
    driver.find_element(By.ID, "void-confirm").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "void-error"), "thụ lý giải quyết"))
    void("20/05/2024", "Sổ cũ chép trùng dòng 10")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "void-done")))
    wait(driver).until(lambda d: "20/05/2024" not in d.find_element(By.ID, "reception-register").text)
    assert "Phạm Thị Mai" in driver.find_element(By.ID, "reception-register").text
    screenshot("visit-voided")
    assert count(data, "visits") == 3, "kept in the file"
    con = harness.connect(data)
    try:
        assert con.execute("SELECT void_reason FROM visits WHERE voided_at IS NOT NULL").fetchall() == [("Sổ cũ chép trùng dòng 10",)]
    finally:
        con.close()
