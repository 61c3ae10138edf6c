"""Import and registers in the real window: a bad file is refused with its errors by line
and nothing saved; the scenario file imports; the petition register lists it without the
denouncer's name and exports an Excel file."""

import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import screenshot

SCENARIO = Path(__file__).resolve().parents[1] / "fixtures" / "interchange_scenario.jsonl"


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def import_in_settings(driver, path):
    """Imports an interchange file through Cài đặt and waits for its summary."""
    # The window runs on this machine: file inputs take the local path as typed.
    driver.file_detector = UselessFileDetector()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-settings"))).click()
    wait(driver).until(EC.presence_of_element_located((By.ID, "import-file"))).send_keys(str(path))
    return wait(driver).until(EC.visibility_of_element_located((By.ID, "import-summary")))


def count(data, table):
    con = harness.connect(data)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_import_then_the_petition_register_and_its_excel_file(office_data, open_window, tmp_path):
    data = office_data
    driver = open_window(data)
    # The window runs on this machine: file inputs take the local path as typed.
    driver.file_detector = UselessFileDetector()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-settings"))).click()

    bad = tmp_path / "sai.jsonl"
    bad.write_text(
        '{"type": "citizen", "ref": "a", "full_name": "Lê Văn A", "id_kind": "cccd", "id_number": "123", "address": "x"}\n'
        '{"type": "petition", "ref": "p", "received_on": "2026-13-01", "channel": "post", "kind": "complain", "field": "land", "petitioners": ["a"], "summary": "x"}\n',
        encoding="utf-8",
    )
    wait(driver).until(EC.presence_of_element_located((By.ID, "import-file"))).send_keys(str(bad))
    errors = wait(driver).until(EC.visibility_of_element_located((By.ID, "import-errors")))
    assert "không nhập gì; dữ liệu giữ nguyên" in errors.text
    assert "Dòng 1" in errors.text and "Dòng 2" in errors.text
    screenshot("import-errors")
    assert count(data, "petitions") == 0

    driver.find_element(By.ID, "import-file").send_keys(str(SCENARIO))
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "import-summary")))
    assert "đơn mới" in done.text
    petitions = count(data, "petitions")
    assert petitions > 0

    driver.find_element(By.ID, "nav-petitions").click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    wait(driver).until(lambda d: len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == petitions)
    assert "Kiến nghị sửa đường liên thôn" in table.text
    assert "Hoàng Thị Mỵ Châu" not in table.text, "a denouncer's name stays off the list"
    assert "thông tin người tố cáo được giữ bí mật" in table.text
    Select(driver.find_element(By.ID, "register-kind")).select_by_visible_text("Tố cáo")
    driver.find_element(By.ID, "register-apply").click()
    wait(driver).until(lambda d: "Kiến nghị sửa đường" not in table.text)
    screenshot("petition-register")
    driver.find_element(By.ID, "register-from").send_keys("31/02/2026")
    driver.find_element(By.ID, "register-apply").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "registers"), "Ngày lọc phải có dạng ngày/tháng/năm"))
    driver.find_element(By.ID, "register-from").clear()
    driver.find_element(By.ID, "register-from").send_keys("01/04/2026")
    driver.find_element(By.ID, "register-apply").click()
    wait(driver).until(lambda d: "Tố cáo cán bộ địa chính" not in d.find_element(By.ID, "registers").text)
    driver.find_element(By.ID, "register-excel").click()
    exported = wait(driver).until(EC.visibility_of_element_located((By.ID, "register-exported")))
    path = exported.text.split("ra tệp ", 1)[1].strip()
    assert path.endswith(".xlsx") and Path(path).stat().st_size > 4000


def test_a_petition_is_handled_from_the_register_with_its_proposal(office_data, open_window):
    data = office_data
    driver = open_window(data)
    import_in_settings(driver, SCENARIO)
    driver.find_element(By.ID, "nav-petitions").click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "Kiến nghị sửa đường liên thôn" in r.text))
    row.find_elements(By.TAG_NAME, "td")[5].click()
    proposal = wait(driver).until(EC.visibility_of_element_located((By.ID, "routing-proposal")))
    assert "Cần cán bộ xem xét" in proposal.text, "no respondent recorded: the officer decides"
    driver.find_element(By.ID, "several-contents").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "routing-proposal"), "tách đơn"))
    driver.find_element(By.ID, "several-contents").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "routing-proposal"), "Cần cán bộ xem xét"))
    assert "Hướng dẫn" in driver.find_element(By.ID, "handled").text, "the imported handling is listed"
    Select(driver.find_element(By.ID, "handle-action")).select_by_visible_text("Lưu đơn")
    driver.find_element(By.ID, "handle-save").click()
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "handle-error")))
    assert "hãy ghi lý do" in error.text
    driver.find_element(By.ID, "handle-reason").send_keys("Công dân đã rút đơn một phần")
    driver.find_element(By.ID, "handle-save").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "handled"), "Lưu đơn"))
    screenshot("petition-handled")
    con = harness.connect(data)
    try:
        (detail,) = con.execute("SELECT detail FROM audit_log WHERE action = 'petition.handle'").fetchone()
    finally:
        con.close()
    assert "Công dân đã rút đơn một phần" in detail and '"overridden":true' in detail


FORWARDED = """{"type": "office", "name": "Ủy ban nhân dân xã Ba Tơ", "parent": "Ủy ban nhân dân tỉnh Quảng Ngãi", "place": "Ba Tơ", "province": "Quảng Ngãi", "remote_area": false, "chair": "Phạm Văn Hùng"}
{"type": "agency", "ref": "ag-btcd", "name": "Ban Tiếp công dân tỉnh Quảng Ngãi", "role": "province_department"}
{"type": "agency", "ref": "ag-tinh", "name": "Ủy ban nhân dân tỉnh Quảng Ngãi", "role": "province_chair"}
{"type": "citizen", "ref": "cd-kin", "full_name": "Lò Văn Kín", "id_kind": "cccd", "id_number": "051070009999", "birth_year": 1970, "gender": "male", "address": "Thôn Nước Lăng, xã Ba Tơ"}
{"type": "petition", "ref": "tc-1", "received_on": "2026-11-02", "channel": "forwarded", "forwarded_by": "ag-btcd", "forwarded_doc": "45/BTCD", "kind": "denunciation", "field": "corruption", "petitioners": ["cd-kin"], "respondent": {"role": "commune_vice_chair"}, "summary": "Tố cáo Phó Chủ tịch xã nhận tiền khi cấp phép xây dựng", "events": []}
"""


def test_a_forwarded_denunciation_is_transferred_without_the_denouncer(office_data, open_window, tmp_path):
    data = office_data
    scenario = tmp_path / "to-cao.jsonl"
    scenario.write_text(FORWARDED, encoding="utf-8")
    driver = open_window(data)
    import_in_settings(driver, scenario)
    driver.find_element(By.ID, "nav-petitions").click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "Phó Chủ tịch xã" in r.text))
    assert "Lò Văn Kín" not in table.text
    row.find_elements(By.TAG_NAME, "td")[5].click()
    proposal = wait(driver).until(EC.visibility_of_element_located((By.ID, "routing-proposal")))
    assert "Chuyển đơn" in proposal.text and "Chủ tịch Ủy ban nhân dân tỉnh" in proposal.text
    Select(driver.find_element(By.ID, "handle-agency")).select_by_visible_text("Ủy ban nhân dân tỉnh Quảng Ngãi")
    driver.find_element(By.ID, "handle-save").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "handled"), "Chuyển đơn — Ủy ban nhân dân tỉnh Quảng Ngãi"))
    driver.find_element(By.ID, "print-decision").click()
    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "decision-printed")))
    assert "công văn chuyển đơn" in printed.text
    screenshot("denunciation-transferred")
    path = printed.find_element(By.CLASS_NAME, "path").text
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi." in text
    assert "V/v chuyển đơn tố cáo" in text
    for secret in ["Lò Văn Kín", "051070009999", "Nước Lăng"]:
        assert secret not in text, f"the transfer letter names the denouncer: {secret}"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", path, str(Path(__file__).parent / "artifacts" / "transfer-letter")], check=True)


def test_the_dashboard_shows_an_overdue_petition_and_explains_its_deadline(office_data, open_window, tmp_path):
    data = office_data
    scenario = tmp_path / "to-cao.jsonl"
    scenario.write_text(FORWARDED, encoding="utf-8")
    driver = open_window(data)
    import_in_settings(driver, scenario)
    driver.find_element(By.ID, "nav-dashboard").click()
    overdue = wait(driver).until(EC.visibility_of_element_located((By.ID, "overdue-list")))
    assert driver.find_element(By.ID, "overdue-count").text == "1"
    # Not the commune's (a vice-chair): the 5 working days to transfer it (Luật Tố cáo Điều 24).
    assert "Chuyển tố cáo không thuộc thẩm quyền" in overdue.text, overdue.text
    overdue.find_element(By.TAG_NAME, "button").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-deadlines")))
    table.find_element(By.XPATH, ".//button[contains(., 'Vì sao?')]").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "petition-deadlines"), "ngày làm việc"))
    screenshot("dashboard-deadline-explained")


def big_import_file(path, petitions=100_000, citizens=1_000):
    """An office's years of petitions in one interchange file."""
    with path.open("w", encoding="utf-8") as f:
        for c in range(citizens):
            f.write(
                f'{{"type": "citizen", "ref": "c{c}", "full_name": "Nguyễn Văn Số {c}", '
                f'"id_kind": "none", "address": "Thôn {c % 12 + 1}"}}\n'
            )
        for p in range(petitions):
            month = p % 9 + 1
            f.write(
                f'{{"type": "petition", "ref": "p{p}", "received_on": "2026-0{month}-1{p % 9}", '
                f'"channel": "post", "kind": "recommendation", "field": "policy", '
                f'"petitioners": ["c{p % citizens}"], "summary": "Kiến nghị số {p} về đường liên thôn"}}\n'
            )


def test_a_long_import_shows_its_progress_the_window_answers_and_stopping_keeps_nothing(
    office_data, open_window, tmp_path
):
    data = office_data
    big = tmp_path / "nhieu-don.jsonl"
    big_import_file(big)
    driver = open_window(data)
    driver.file_detector = UselessFileDetector()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-settings"))).click()
    wait(driver).until(EC.presence_of_element_located((By.ID, "import-file"))).send_keys(str(big))
    # The import runs on a worker: the bar moves while the records are written.
    wait(driver, 120).until(
        lambda d: "Ghi dữ liệu" in d.find_element(By.ID, "work-progress").text
        and int(d.find_element(By.ID, "work-percent").text.rstrip("%")) >= 1
    )
    # The window answers a click while the import runs.
    redact = driver.find_element(By.ID, "export-redact")
    before = redact.is_selected()
    redact.click()
    assert redact.is_selected() != before
    percent = int(driver.find_element(By.ID, "work-percent").text.rstrip("%"))
    assert percent < 100, "the import was still running when the window answered"
    screenshot("import-progress")
    driver.find_element(By.ID, "work-stop").click()
    errors = wait(driver, 120).until(EC.visibility_of_element_located((By.ID, "import-errors")))
    assert "Đã dừng theo yêu cầu" in errors.text
    assert not driver.find_elements(By.ID, "work-progress")
    # Stopped: nothing of the file was kept.
    assert count(data, "petitions") == 0
    assert count(data, "citizens") == 0
