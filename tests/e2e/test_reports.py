"""Báo cáo in the real window: the scenario imported, the first quarter of 01/XLD shows the
hand-counted numbers, a number opens the records it counts, and the Excel file is written
and read back; the table is submitted, a petition of the quarter is corrected in its panel,
and the submitted table names the columns that changed."""

import zipfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import screenshot
from test_registers import import_in_settings

SCENARIO = Path(__file__).resolve().parents[1] / "fixtures" / "report_scenario.jsonl"


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def show_01xld_first_quarter(driver):
    """Báo cáo → Biểu 01/XLD, quý I năm 2026 → Lập báo cáo."""
    driver.find_element(By.ID, "nav-reports").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "report-table")))
    Select(driver.find_element(By.ID, "report-template")).select_by_value("01/XLD")
    Select(driver.find_element(By.ID, "report-kind")).select_by_value("first_quarter")
    year = driver.find_element(By.ID, "report-year")
    year.clear()
    year.send_keys("2026")
    driver.find_element(By.ID, "report-run").click()


def test_a_quarterly_table_its_records_and_its_excel_file(office_data, open_window):
    driver = open_window(office_data)
    import_in_settings(driver, SCENARIO)
    driver.find_element(By.ID, "nav-dashboard").click()
    chart = wait(driver).until(EC.presence_of_element_located((By.ID, "dashboard-trend")))
    assert "theo tháng và lĩnh vực" in chart.text
    driver.execute_script("arguments[0].scrollIntoView();", chart)
    screenshot("dashboard-trend")
    show_01xld_first_quarter(driver)
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "report-period"), "15/12/2025"))
    assert "quý I năm 2026" in driver.find_element(By.ID, "report-period").text
    expected = [6, 1, 5, 4, 2, 3, 3, 1, 1, 1, 1, 0, 2, 1, 1, 0, 0, 2, 0, 2, 0, 0]
    shown = [int(driver.find_element(By.ID, f"report-cell-{ms}").text) for ms in range(1, 23)]
    assert shown == expected
    screenshot("report-01xld-q1")

    cell = driver.find_element(By.ID, "report-cell-5")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", cell)
    # WebKitWebDriver does not scroll a wide table's own scroll box: click as a script.
    driver.execute_script("arguments[0].click();", cell)
    records = wait(driver).until(EC.visibility_of_element_located((By.ID, "report-records")))
    assert "2 hồ sơ" in records.text
    assert "Kiến nghị sửa đường liên thôn" in records.text
    assert "Phản ánh việc cấp giấy chứng nhận chậm" in records.text
    screenshot("report-drill-down")

    driver.find_element(By.ID, "report-excel").click()
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "report-exported")))
    path = done.text.split("Đã xuất tệp ", 1)[1].strip()
    assert path.endswith(".xlsx") and Path(path).exists()
    with zipfile.ZipFile(path) as book:
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN" in strings
    assert "Kỳ trước chuyển sang" in strings

    # Submitted as sent; then a petition of the quarter turns out to be recorded with the
    # wrong kind: corrected with its reason, and the submitted table names what changed.
    driver.find_element(By.ID, "report-submit").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "report-submission"), "Đã lưu số liệu biểu 01/XLD"))
    driver.find_element(By.ID, "nav-petitions").click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "Phản ánh về thủ tục của tỉnh" in r.text))
    row.find_elements(By.TAG_NAME, "td")[5].click()
    facts = wait(driver).until(EC.presence_of_element_located((By.ID, "petition-facts")))
    if facts.get_attribute("open") is None:
        facts.find_element(By.TAG_NAME, "summary").click()
    Select(wait(driver).until(EC.visibility_of_element_located((By.ID, "facts-kind")))).select_by_visible_text("Khiếu nại")
    driver.find_element(By.ID, "facts-reason").send_keys("Đơn khiếu nại, ghi nhầm là phản ánh")
    driver.find_element(By.ID, "facts-save").click()
    try:
        wait(driver, 10).until(EC.visibility_of_element_located((By.ID, "facts-saved")))
    except Exception:
        screenshot("report-correction-debug")
        raise
    show_01xld_first_quarter(driver)
    try:
        changed = wait(driver, 10).until(EC.visibility_of_element_located((By.ID, "report-changed")))
    except Exception:
        screenshot("report-changed-debug")
        raise
    assert "Cột 8 (Phân loại đơn theo nội dung › Khiếu nại): 1 → 2" in changed.text, changed.text
    assert "Cột 10 (Phân loại đơn theo nội dung › Kiến nghị, phản ánh): 1 → 0" in changed.text, changed.text
    assert "Số liệu đã thay đổi sau khi nộp" in driver.find_element(By.ID, "report-submission").text
    screenshot("report-changed-after-submission")


def test_carrying_out_a_decision_reaches_02_kqgq_and_the_written_report(office_data, open_window):
    driver = open_window(office_data)
    import_in_settings(driver, SCENARIO)
    driver.find_element(By.ID, "nav-reports").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "report-table")))
    # This year's six months (the window's today is the real date: 2026 in the scenario).
    Select(driver.find_element(By.ID, "report-template")).select_by_value("02/KQGQ")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "report-title"), "02/KQGQ"))
    year = driver.find_element(By.ID, "report-year")
    year.clear()
    year.send_keys("2026")
    driver.find_element(By.ID, "report-run").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "report-period"), "15/12/2025"))
    assert driver.find_element(By.ID, "report-cell-1").text == "1"
    assert driver.find_element(By.ID, "report-cell-2").text == "0"

    # The decision to carry out: p1's, resolved on 20/01/2026.
    cell = driver.find_element(By.ID, "report-cell-1")
    driver.execute_script("arguments[0].click();", cell)
    records = wait(driver).until(EC.visibility_of_element_located((By.ID, "report-records")))
    link = records.find_element(By.CSS_SELECTOR, "button.link")
    assert "Khiếu nại quyết định thu hồi đất" in link.text
    driver.execute_script("arguments[0].click();", link)
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-list")))
    assert "05/QĐ-UBND" in listed.text and "đúng một phần" in listed.text

    Select(driver.find_element(By.ID, "outcome-kind")).select_by_value("enforced")
    on = driver.find_element(By.ID, "outcome-on")
    on.clear()
    on.send_keys("15/05/2026")
    driver.execute_script("document.querySelector('#outcomes details').open = true;")
    money = wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-money_recovered")))
    money.send_keys("12.500.000")
    save = driver.find_element(By.ID, "outcome-save")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", save)
    save.click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-saved")))
    assert "Đã thi hành xong" in driver.find_element(By.ID, "outcome-list").text
    screenshot("outcome-enforced")

    run = driver.find_element(By.ID, "report-run")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", run)
    run.click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "report-cell-2"), "1"))
    assert driver.find_element(By.ID, "report-cell-5").text == "12,5"
    screenshot("report-02kqgq")

    driver.find_element(By.ID, "report-docx").click()
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "report-exported")))
    path = done.text.split("Đã xuất tệp ", 1)[1].strip()
    assert path.endswith(".docx") and Path(path).exists()
    with zipfile.ZipFile(path) as doc:
        xml = doc.read("word/document.xml").decode("utf-8")
    assert "đã thực hiện xong 1 quyết định" in xml
    assert "đã thu hồi cho Nhà nước 12,5 triệu đồng" in xml
