"""Hot spots through the window alone: the desk records a petition with its sub-field
chosen from the suggestions; the dashboard shows the locality read from the address and
the sub-field; a click opens the petition register filtered by it; the petition's panel
shows the locality and corrects the sub-field; the register filters by status and flag."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import screenshot


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def record(driver, name, number, address, summary, subfield):
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-intake"))).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name"))).send_keys(name)
    driver.find_element(By.ID, "citizen-0-id_number").send_keys(number)
    driver.find_element(By.ID, "citizen-0-address").send_keys(address)
    driver.find_element(By.ID, "intake-summary").send_keys(summary)
    driver.find_element(By.ID, "add-petition").click()
    Select(driver.find_element(By.ID, "petition-0-kind")).select_by_visible_text("Kiến nghị")
    Select(driver.find_element(By.ID, "petition-0-field")).select_by_visible_text("Khác")
    driver.find_element(By.ID, "petition-0-summary").send_keys(summary)
    driver.find_element(By.ID, "petition-0-subfield").send_keys(subfield)
    save = driver.find_element(By.ID, "intake-save")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", save)
    save.click()
    try:
        wait(driver, 10).until(EC.visibility_of_element_located((By.ID, "intake-saved")))
    except Exception:
        screenshot("hot-debug")
        raise


def test_hot_spots_from_the_desk_to_the_dashboard_and_the_register(office_data, open_window):
    data = office_data
    driver = open_window(data)
    record(driver, "Lê Văn An", "051070009991", "Thôn Gò Da, xã Ba Tơ", "Khói từ lò gạch gây ô nhiễm", "môi trường")
    record(driver, "Hồ Thị Bé", "051170009992", "thôn Gò Da", "Nước thải của trại heo chảy ra suối", "Môi trường")
    record(driver, "Đinh Văn Cư", "051070009993", "Tổ dân phố 2, xã Ba Tơ", "Đề nghị làm lại mương thoát nước", "Xây dựng")

    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-dashboard"))).click()
    spots = wait(driver).until(EC.visibility_of_element_located((By.ID, "hot-spots")))
    localities = driver.find_element(By.ID, "hot-localities").text
    assert "Thôn Gò Da: 2 đơn, 2 đang giải quyết" in localities, localities
    assert "Tổ dân phố 2: 1 đơn" in localities
    assert "Môi trường: 2 đơn" in driver.find_element(By.ID, "hot-subfields").text
    driver.execute_script("arguments[0].scrollIntoView();", spots)
    screenshot("dashboard-hot-spots")

    # A click: the petition register filtered by the locality.
    spots.find_element(By.XPATH, ".//button[normalize-space()='Thôn Gò Da']").click()
    chip = wait(driver).until(EC.visibility_of_element_located((By.ID, "register-spot")))
    assert "Địa bàn: Thôn Gò Da" in chip.text
    table = driver.find_element(By.ID, "petition-register")
    wait(driver).until(lambda d: len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == 2)
    assert "mương" not in table.text
    screenshot("register-by-hot-spot")

    # The petition's panel: the locality shown, the sub-field corrected.
    row = next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "lò gạch" in r.text)
    row.find_elements(By.TAG_NAME, "td")[5].click()
    facts = wait(driver).until(EC.presence_of_element_located((By.ID, "petition-facts")))
    if facts.get_attribute("open") is None:
        facts.find_element(By.TAG_NAME, "summary").click()
    assert "Thôn Gò Da" in wait(driver).until(EC.visibility_of_element_located((By.ID, "facts-locality"))).text
    signers = driver.find_element(By.ID, "facts-signatories")
    assert signers.get_attribute("value") == "1", "the one person who signed"
    field = driver.find_element(By.ID, "facts-subfield")
    assert field.get_attribute("value") == "Môi trường"
    field.clear()
    field.send_keys("Trật tự xây dựng")
    driver.find_element(By.ID, "facts-save").click()
    con = harness.connect(data)
    try:
        wait(driver).until(lambda d: con.execute(
            "SELECT count(*) FROM petitions WHERE subfield = 'Trật tự xây dựng'").fetchone()[0] == 1)
    finally:
        con.close()

    # Clearing the hot spot shows every petition again.
    driver.find_element(By.ID, "register-spot-clear").click()
    rows = lambda d: len(d.find_element(By.ID, "petition-register").find_elements(By.CSS_SELECTOR, "tbody tr"))
    wait(driver).until(lambda d: rows(d) == 3)

    # The register's own filters: all three are still being handled, none is done.
    Select(driver.find_element(By.ID, "register-status")).select_by_visible_text("Đã xong")
    driver.find_element(By.ID, "register-apply").click()
    wait(driver).until(lambda d: rows(d) == 0)
    Select(driver.find_element(By.ID, "register-status")).select_by_visible_text("Đang giải quyết")
    driver.find_element(By.ID, "register-apply").click()
    wait(driver).until(lambda d: rows(d) == 3)
    Select(driver.find_element(By.ID, "register-flag")).select_by_visible_text("Phức tạp")
    driver.find_element(By.ID, "register-apply").click()
    wait(driver).until(lambda d: rows(d) == 0)
