"""What the commune must carry out, in the real window: an inspection's conclusion entered
with two tasks on Sổ sách → Văn bản phải thực hiện, a bad date named, the late task on the
dashboard, then marked done with its result."""

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import screenshot


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def typed(driver, element_id, text):
    box = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    box.clear()
    box.send_keys(text)


def test_a_directive_is_entered_shown_late_and_done(office_data, open_window):
    today = datetime.date.today()
    fmt = lambda d: d.strftime("%d/%m/%Y")  # noqa: E731
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-petitions"))).click()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "tab-directives"))).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "directives-empty")))
    Select(driver.find_element(By.ID, "directive-kind")).select_by_value("supervision")
    typed(driver, "directive-issuer", "Thường trực Hội đồng nhân dân xã Ba Tơ")
    typed(driver, "directive-number", "05/TB-HĐND")
    typed(driver, "directive-issued", fmt(today - datetime.timedelta(days=20)))
    typed(driver, "directive-received", fmt(today - datetime.timedelta(days=18)))
    typed(driver, "directive-summary", "Kiến nghị sau giám sát việc giải quyết đơn thư về đất đai")
    typed(driver, "directive-task-what-0", "Rà soát các đơn đất đai tồn đọng")
    typed(driver, "directive-task-who-0", "Công chức địa chính - xây dựng")
    typed(driver, "directive-task-due-0", "31/02/2026")
    driver.find_element(By.ID, "directive-save").click()
    err = wait(driver).until(EC.visibility_of_element_located((By.ID, "directive-error")))
    assert "Việc 1: hạn thực hiện" in err.text
    typed(driver, "directive-task-due-0", fmt(today - datetime.timedelta(days=2)))
    driver.find_element(By.ID, "directive-save").click()
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "directive-list")))
    assert "Kiến nghị giám sát (HĐND, MTTQ) số 05/TB-HĐND" in listed.text
    assert "quá hạn" in listed.text
    screenshot("directives")

    driver.find_element(By.ID, "nav-dashboard").click()
    card = wait(driver).until(EC.visibility_of_element_located((By.ID, "directive-tasks")))
    assert "Rà soát các đơn đất đai tồn đọng — Công chức địa chính - xây dựng" in card.text
    assert "quá hạn" in card.text

    driver.find_element(By.ID, "nav-petitions").click()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "tab-directives"))).click()
    wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[id^='directive-done-']"))).click()
    typed(driver, "directive-done-on", fmt(today))
    typed(driver, "directive-done-result", "Đã rà soát 12 đơn, báo cáo Thường trực HĐND")
    driver.find_element(By.ID, "directive-done-save").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "directives-empty")))
