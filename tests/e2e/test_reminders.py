"""The reports to send, on the dashboard: the administrator's rule file sets the days; a
plan's report is marked sent and leaves; a periodic report opens the report screen on its
period."""

import datetime
import pathlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import screenshot

SHIPPED = pathlib.Path(__file__).resolve().parents[2] / "assets" / "rules" / "reminders.toml"


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def test_reports_due_are_on_the_dashboard(office_data, open_window):
    today = datetime.date.today()
    due = today + datetime.timedelta(days=5)
    # Ninety days ahead: whatever today is, some periodic report shows (cut-offs are at
    # most 92 days apart and an unsent report stays 60 days after its day).
    text = SHIPPED.read_text(encoding="utf-8").replace("lead_days = 10", "lead_days = 90")
    text += (
        '\n[[dated]]\ntitle = "Báo cáo kiểm thử theo kế hoạch"\n'
        f'due = "{due.isoformat()}"\nbasis = "Kế hoạch kiểm thử"\n'
    )
    (office_data / "rules").mkdir(exist_ok=True)
    (office_data / "rules" / "reminders.toml").write_text(text, encoding="utf-8")
    driver = open_window(office_data)
    card = wait(driver).until(EC.visibility_of_element_located((By.ID, "report-reminders")))
    assert "Báo cáo kiểm thử theo kế hoạch" in card.text
    assert f"{due.strftime('%d/%m/%Y')} · còn 5 ngày" in card.text
    assert "Căn cứ: Kế hoạch kiểm thử" in card.text
    screenshot("dashboard-reminders")
    item = next(li for li in card.find_elements(By.TAG_NAME, "li") if "kiểm thử theo kế hoạch" in li.text)
    item.find_element(By.XPATH, ".//button[.='Dự thảo (Word)']").click()
    drafted = wait(driver).until(EC.visibility_of_element_located((By.ID, "plan-draft")))
    assert drafted.text.startswith("Đã lập dự thảo: ") and drafted.text.endswith(".docx"), drafted.text
    assert pathlib.Path(drafted.text.split(": ", 1)[1]).stat().st_size > 1000
    item.find_element(By.XPATH, ".//button[.='Đã gửi']").click()
    wait(driver).until(lambda d: "kiểm thử theo kế hoạch" not in d.find_element(By.ID, "report-reminders").text)

    periodic = next(li for li in driver.find_elements(By.CSS_SELECTOR, "#report-reminders li") if "chốt số liệu" in li.text)
    title = periodic.text
    periodic.find_element(By.XPATH, ".//button[.='Lập báo cáo']").click()
    kind = wait(driver).until(EC.visibility_of_element_located((By.ID, "report-kind")))
    chosen = Select(kind).first_selected_option.text
    year = driver.find_element(By.ID, "report-year").get_attribute("value")
    assert year in title, (year, title)
    expected = {"Quý I": "Báo cáo quý I năm", "6 tháng đầu năm": "Báo cáo 6 tháng đầu năm",
                "9 tháng": "Báo cáo 9 tháng năm", "Cả năm": "Báo cáo năm"}
    assert f"{expected[chosen]} {year}" in title, (chosen, year, title)


def test_the_full_integrity_check_runs_after_the_window_is_up(office_data, open_window):
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-about"))).click()
    shown = wait(driver).until(EC.visibility_of_element_located((By.ID, "about-integrity")))
    # The check runs in the background; reopening the page shows its result.
    for _ in range(20):
        if "Không có lỗi" in shown.text:
            break
        driver.find_element(By.ID, "nav-dashboard").click()
        driver.find_element(By.ID, "nav-about").click()
        shown = wait(driver).until(EC.visibility_of_element_located((By.ID, "about-integrity")))
    assert "Không có lỗi (kiểm tra toàn bộ tệp lúc" in shown.text, shown.text
