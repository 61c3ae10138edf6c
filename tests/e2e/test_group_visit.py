"""The issue's acceptance scenario in the real window: a group of six with two
representatives hands in two petitions; the receipt is saved and printed in one action and
read back from the PDF; a search without tones finds the citizen; hostile input is shown as
text and refused with a clear message."""

import re
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import screenshot


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def rows(data, sql):
    con = harness.connect(data)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


PEOPLE = [
    ("Hồ Văn Đạt", "051068000101", "1968", "Nam"),
    ("Phạm Thị Xuân", "051170000102", "1970", "Nữ"),
    ("Đinh Văn Bốn", "051075000103", "1975", "Nam"),
]


def fill_citizen(driver, i, name, number, year, sex):
    driver.find_element(By.ID, f"citizen-{i}-full_name").send_keys(name)
    driver.find_element(By.ID, f"citizen-{i}-id_number").send_keys(number)
    driver.find_element(By.ID, f"citizen-{i}-birth_year").send_keys(year)
    Select(driver.find_element(By.ID, f"citizen-{i}-gender")).select_by_visible_text(sex)
    driver.find_element(By.ID, f"citizen-{i}-address").send_keys("Thôn Gò Khế, xã Ba Tơ")


def test_a_group_of_six_with_two_representatives_prints_its_receipt(office_data, open_window):
    data = office_data
    driver = open_window(data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-intake"))).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name")))
    for i, person in enumerate(PEOPLE):
        if i > 0:
            driver.find_element(By.ID, "add-citizen").click()
        fill_citizen(driver, i, *person)
    driver.find_element(By.ID, "citizen-0-representative").click()
    driver.find_element(By.ID, "citizen-1-representative").click()
    driver.find_element(By.ID, "intake-people").send_keys("6")
    driver.find_element(By.ID, "intake-summary").send_keys("Đoàn 6 hộ dân thôn Gò Khế phản ánh việc bồi thường")
    for i, (kind, summary, paper) in enumerate([
        ("Khiếu nại", "Khiếu nại phương án bồi thường đường ĐT 623", "Phương án bồi thường số 45/PA-UBND (bản sao, 4 trang)"),
        ("Kiến nghị", "Kiến nghị làm lại mương thoát nước", "Đơn kiến nghị có 6 chữ ký (bản chính, 1 trang)"),
    ]):
        driver.find_element(By.ID, "add-petition").click()
        Select(driver.find_element(By.ID, f"petition-{i}-kind")).select_by_visible_text(kind)
        driver.find_element(By.ID, f"petition-{i}-summary").send_keys(summary)
        driver.find_element(By.ID, f"petition-{i}-papers").send_keys(paper)
    screenshot("group-typed")
    driver.find_element(By.ID, "intake-save-print").click()

    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "printed")))
    assert "Đã in giấy biên nhận số 01/GBN-UBND" in printed.text
    screenshot("group-printed")
    path = printed.find_element(By.CLASS_NAME, "path").text
    assert path.endswith(".pdf")

    text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Đã nhận của Ông: Hồ Văn Đạt." in flat
    assert "người đại diện khác: Bà Phạm Thị Xuân" in flat
    assert "đoàn 6 người" in flat
    assert "1. Phương án bồi thường số 45/PA-UBND (bản sao, 4 trang);" in flat
    assert "2. Đơn kiến nghị có 6 chữ ký (bản chính, 1 trang)." in flat
    fonts = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout
    for row in fonts.splitlines()[2:]:
        assert row.split()[4] == "yes", f"font not embedded: {row}"
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info

    # What the database says: one case, one visit of 6 with 2 representatives, 2 petitions.
    assert rows(data, "SELECT people FROM visits") == [(6,)]
    assert rows(data, "SELECT count(*) FROM visit_citizens WHERE representative = 1") == [(2,)]
    assert rows(data, "SELECT count(*) FROM petitions") == [(2,)]
    stored = rows(data, "SELECT number_label, length(content) FROM documents")
    assert stored[0][0] == "01/GBN-UBND" and stored[0][1] > 1000

    # The same receipt printed again is the stored one, same number.
    wait(driver).until(EC.element_to_be_clickable((By.ID, "print-receipt"))).click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "printed"), "In lại giấy biên nhận số 01/GBN-UBND"))
    assert rows(data, "SELECT count(*) FROM documents") == [(1,)]

    # Search without tones finds the representative.
    box = driver.find_element(By.ID, "global-search")
    box.send_keys("pham thi xuan")
    results = wait(driver).until(EC.visibility_of_element_located((By.ID, "search-results")))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "search-results"), "Phạm Thị Xuân"))
    screenshot("search-toneless")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("muong thoat nuoc")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "search-results"), "Kiến nghị làm lại mương thoát nước"))
    assert results.is_displayed()


def test_hostile_input_is_text_and_refused_with_a_message(office_data, open_window):
    data = office_data
    driver = open_window(data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-intake"))).click()
    name = wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name")))
    name.send_keys("<script>document.title='x'</script><img src=x onerror=alert(1)>")
    Select(driver.find_element(By.ID, "citizen-0-id_kind")).select_by_visible_text("Không có giấy tờ")
    driver.find_element(By.ID, "citizen-0-address").send_keys("Thôn <b>Đông</b>")
    driver.find_element(By.ID, "intake-summary").send_keys("Hỏi thủ tục")
    driver.find_element(By.ID, "intake-save").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-saved")))
    assert driver.title.startswith("TiếpDân"), "no script ran"
    (stored,) = rows(data, "SELECT full_name FROM citizens")[0]
    assert stored.startswith("<script>document.title='x'</script><img"), "stored as typed (names get capitals)"

    # Found by search, shown as text.
    box = driver.find_element(By.ID, "global-search")
    box.send_keys("script")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "search-results"), "<script>document.title='x'</script>"))
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results img") == []

    # A visit in the future is refused and nothing is written.
    before = rows(data, "SELECT count(*) FROM visits")
    box.send_keys(Keys.ESCAPE)
    at = driver.find_element(By.ID, "intake-at")
    at.send_keys(Keys.CONTROL, "a")
    at.send_keys("01/01/2099 08:00")
    driver.find_element(By.ID, "citizen-0-full_name").send_keys("Lê Văn Tám")
    driver.find_element(By.ID, "intake-summary").send_keys("Hỏi")
    driver.find_element(By.ID, "intake-save").click()
    summary = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-error-summary")))
    assert "Thời điểm tiếp không được ở tương lai." in summary.text
    assert rows(data, "SELECT count(*) FROM visits") == before
