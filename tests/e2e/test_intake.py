"""The front desk in the real window: a first visit with a petition, a bad identity number
explained, and a repeat visit found while typing and linked to the same case."""


from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import screenshot


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def counts(data):
    con = harness.connect(data)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("cases", "visits", "citizens", "petitions"))
    finally:
        con.close()


def test_first_visit_then_repeat_visit_of_the_same_case(office_data, open_window):
    data = office_data
    driver = open_window(data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-intake"))).click()
    name = wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name")))
    name.send_keys("nguyễn văn đức")
    driver.find_element(By.ID, "citizen-0-id_number").send_keys("03406801234")  # 11 digits
    driver.find_element(By.ID, "citizen-0-birth_year").send_keys("1968")
    Select(driver.find_element(By.ID, "citizen-0-gender")).select_by_visible_text("Nam")
    driver.find_element(By.ID, "citizen-0-address").send_keys("Thôn Đông, xã Ba Tơ")
    driver.find_element(By.ID, "intake-summary").send_keys("Tranh chấp ranh giới đất với hộ liền kề")
    driver.find_element(By.ID, "add-petition").click()
    Select(driver.find_element(By.ID, "petition-0-kind")).select_by_visible_text("Khiếu nại")
    driver.find_element(By.ID, "petition-0-summary").send_keys("Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND")
    driver.find_element(By.ID, "petition-0-papers").send_keys("Quyết định 12/QĐ-UBND (bản sao)")
    driver.find_element(By.ID, "intake-save").click()

    summary = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-error-summary")))
    assert "Số CCCD/căn cước phải có 12 chữ số; đã nhập 11." in summary.text
    assert counts(data) == (0, 0, 0, 0), "nothing is saved on an error"
    # What was typed is still there.
    assert driver.find_element(By.ID, "citizen-0-full_name").get_attribute("value") == "nguyễn văn đức"

    number = driver.find_element(By.ID, "citizen-0-id_number")
    number.send_keys("5", Keys.CONTROL, "s")
    saved = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-saved")))
    assert "1 đơn" in saved.text
    assert counts(data) == (1, 1, 1, 1)
    screenshot("intake-saved")

    # The same person comes back: typing the name without tones finds him and his case.
    driver.find_element(By.ID, "citizen-0-full_name").send_keys("nguyen van duc")
    panel = wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-matches")))
    assert "Nguyễn Văn Đức" in panel.text
    assert "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND" in panel.text
    screenshot("intake-seen-before")
    same = panel.find_element(By.XPATH, ".//button[contains(., 'Cùng vụ việc')]")
    # The saved visit's documents and attachments sit above: bring the button into view.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", same)
    same.click()
    assert "Khiếu nại quyết định thu hồi đất" in driver.find_element(By.ID, "intake-case").text
    driver.find_element(By.ID, "intake-summary").send_keys("Hỏi tiến độ giải quyết")
    save = driver.find_element(By.ID, "intake-save")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", save)
    save.click()
    saved = wait(driver).until(EC.text_to_be_present_in_element((By.ID, "intake-saved"), "vụ việc cũ"))
    assert counts(data) == (1, 2, 1, 1), "one case, two visits, one citizen"


def test_a_visit_typed_before_a_crash_is_offered_back(office_data, open_window):
    data = office_data
    driver = open_window(data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-intake"))).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name"))).send_keys("Trần Thị Ánh")
    driver.find_element(By.ID, "intake-summary").send_keys("Đề nghị cấp lại giấy chứng nhận")

    def draft_saved(_):
        con = harness.connect(data)
        try:
            row = con.execute("SELECT content FROM drafts WHERE form LIKE 'intake@%'").fetchone()  # each officer's own
            return row is not None and "Đề nghị cấp lại giấy chứng nhận" in row[0]
        finally:
            con.close()

    wait(driver, 10).until(draft_saved)
    driver.quit()  # the window goes away without saving the visit

    again = open_window(data)
    wait(again).until(EC.element_to_be_clickable((By.ID, "nav-intake"))).click()
    banner = wait(again).until(EC.visibility_of_element_located((By.ID, "intake-draft")))
    assert "Tiếp tục lượt tiếp đang nhập dở?" in banner.text
    screenshot("intake-draft")
    again.find_element(By.ID, "draft-resume").click()
    assert again.find_element(By.ID, "citizen-0-full_name").get_attribute("value") == "Trần Thị Ánh"
    assert again.find_element(By.ID, "intake-summary").get_attribute("value") == "Đề nghị cấp lại giấy chứng nhận"
    assert counts(data)[1] == 0, "a draft is never counted as a visit"


def test_forwarded_petitions_of_one_content_join_one_case(office_data, open_window):
    """Two bodies forward the same citizen's petition: the officer records each from the
    forwarding letter, without a visit, and joins the second to the first's case."""
    data = office_data
    driver = open_window(data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-intake")))
    for name in ("Ban Tiếp công dân tỉnh Quảng Ngãi", "Thường trực HĐND huyện Ba Tơ"):
        assert harness.invoke(driver, "add_agency", {"input": {"name": name, "role": "province_department",
                                                               "address": None}}) is None
    driver.find_element(By.ID, "nav-intake").click()
    arrival = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-arrival")))
    Select(arrival).select_by_visible_text("Cơ quan, tổ chức khác chuyển đến")
    received = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-received-on")))
    assert not driver.find_elements(By.ID, "intake-summary"), "no visit's content to type"
    assert not driver.find_elements(By.ID, "intake-save-print"), "no receipt for a letter"
    received.clear()
    received.send_keys("03/12/2026")
    driver.find_element(By.ID, "citizen-0-full_name").send_keys("Đinh Văn Bốn")
    driver.find_element(By.ID, "citizen-0-address").send_keys("Thôn Gò Nghênh, xã Ba Tơ")
    driver.find_element(By.ID, "add-petition").click()
    Select(driver.find_element(By.ID, "petition-0-kind")).select_by_visible_text("Kiến nghị")
    driver.find_element(By.ID, "petition-0-summary").send_keys("Kiến nghị cấp giấy chứng nhận quyền sử dụng đất thửa 112")
    # Saved without the body and its letter: both named, nothing written.
    driver.find_element(By.ID, "intake-save").click()
    summary = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-error-summary")))
    assert "chọn cơ quan chuyển đơn" in summary.text and "số, ngày văn bản chuyển đơn" in summary.text
    assert counts(data) == (0, 0, 0, 0)
    Select(driver.find_element(By.ID, "intake-forwarded-by")).select_by_visible_text("Ban Tiếp công dân tỉnh Quảng Ngãi")
    driver.find_element(By.ID, "intake-forwarded-doc").send_keys("125/BTCD-NV ngày 01/12/2026", Keys.CONTROL, "s")
    saved = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-mail-saved")))
    assert "1 đơn" in saved.text
    assert counts(data) == (1, 0, 1, 1), "a case, no visit, the sender, the petition"
    screenshot("intake-forwarded")

    # The second body forwards the same content: found while typing, joined to its case.
    assert Select(driver.find_element(By.ID, "intake-arrival")).first_selected_option.text.startswith("Cơ quan")
    driver.find_element(By.ID, "citizen-0-full_name").send_keys("dinh van bon")
    panel = wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-matches")))
    same = panel.find_element(By.XPATH, ".//button[contains(., 'Cùng vụ việc')]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", same)
    same.click()
    assert "thửa 112" in driver.find_element(By.ID, "intake-case").text
    Select(driver.find_element(By.ID, "intake-forwarded-by")).select_by_visible_text("Thường trực HĐND huyện Ba Tơ")
    driver.find_element(By.ID, "intake-forwarded-doc").send_keys("88/HĐND-VP ngày 02/12/2026")
    driver.find_element(By.ID, "add-petition").click()
    Select(driver.find_element(By.ID, "petition-0-kind")).select_by_visible_text("Kiến nghị")
    driver.find_element(By.ID, "petition-0-summary").send_keys("Kiến nghị cấp giấy chứng nhận quyền sử dụng đất thửa 112", Keys.CONTROL, "s")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "intake-mail-saved"), "vụ việc đã có"))
    assert counts(data) == (1, 0, 1, 2), "one case, one sender, two petitions"
    con = harness.connect(data)
    try:
        rows = con.execute(
            "SELECT p.channel, a.name, p.forwarded_doc, p.received_on, p.visit_id FROM petitions p "
            "JOIN agencies a ON a.id = p.forwarded_by ORDER BY p.id").fetchall()
    finally:
        con.close()
    assert rows == [
        ("forwarded", "Ban Tiếp công dân tỉnh Quảng Ngãi", "125/BTCD-NV ngày 01/12/2026", "2026-12-03", None),
        ("forwarded", "Thường trực HĐND huyện Ba Tơ", "88/HĐND-VP ngày 02/12/2026", "2026-12-03", None),
    ]
