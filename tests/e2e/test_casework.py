"""Casework in the real window: a case assigned to an officer, a dialogue recorded and its
minutes read back from the PDF, a suspension and its resumption moving the resolution
deadline, the decision, and a task to carry it out that shows as late on the dashboard."""

import datetime
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from selenium.webdriver.remote.file_detector import UselessFileDetector

from harness import screenshot


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def typed(driver, element_id, text):
    box = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
    box.clear()
    box.send_keys(text)


def record(driver, kind, on, **fields):
    Select(driver.find_element(By.ID, "outcome-kind")).select_by_value(kind)
    typed(driver, "outcome-on", on.strftime("%d/%m/%Y"))
    for element_id, text in fields.items():
        if element_id == "outcome_result":
            Select(driver.find_element(By.ID, "outcome-result")).select_by_value(text)
        else:
            typed(driver, element_id.replace("_", "-"), text)
    click(driver, driver.find_element(By.ID, "outcome-save"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "outcome-saved"), "Đã ghi"))


def resolve_due(driver):
    table = driver.find_element(By.ID, "petition-deadlines")
    row = next(r for r in table.find_elements(By.TAG_NAME, "tr") if r.text.startswith("Giải quyết"))
    return datetime.datetime.strptime(row.text.split("hạn ", 1)[1][:10], "%d/%m/%Y").date()


def test_assign_dialogue_suspend_resume_resolve_and_enforce(office_data, open_window, cli_binary, tmp_path):
    today = datetime.date.today()
    received = today - datetime.timedelta(days=25)
    day = lambda n: received + datetime.timedelta(days=n)  # noqa: E731
    file = tmp_path / "vu-viec.jsonl"
    file.write_text(
        '{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Đức", "id_kind": "none", "gender": "male", "address": "Thôn Đông, xã Ba Tơ"}\n'
        f'{{"type": "petition", "ref": "k1", "received_on": "{received.isoformat()}", "channel": "in_person", "kind": "complaint", "field": "land", '
        '"petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Khiếu nại quyết định thu hồi đất", '
        f'"events": [{{"on": "{day(1).isoformat()}", "kind": "handled", "action": "accept"}}, {{"on": "{day(2).isoformat()}", "kind": "accepted"}}]}}\n',
        encoding="utf-8",
    )
    subprocess.run([cli_binary, "--data", str(office_data), "import", str(file)], check=True, capture_output=True)
    driver = open_window(office_data)

    # An officer, then the case assigned to them.
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-catalogues"))).click()
    wait(driver).until(EC.element_to_be_clickable((By.ID, "tab-officers"))).click()
    typed(driver, "officer-name", "Lê Văn Tâm")
    typed(driver, "officer-title", "Công chức tư pháp - hộ tịch")
    click(driver, driver.find_element(By.ID, "officer-add"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "officer-list"), "Lê Văn Tâm"))
    driver.find_element(By.ID, "nav-petitions").click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "thu hồi đất" in r.text))
    row.find_elements(By.TAG_NAME, "td")[5].click()
    owner = wait(driver).until(EC.visibility_of_element_located((By.ID, "case-owner")))
    Select(owner).select_by_visible_text(next(o.text for o in Select(owner).options if "Lê Văn Tâm" in o.text))
    wait(driver).until(lambda d: Select(d.find_element(By.ID, "case-owner")).first_selected_option.text.startswith("Lê Văn Tâm"))

    # A dialogue and its minutes.
    record(driver, "dialogue", day(4), outcome_minutes="Ông Đức trình bày giá bồi thường thấp.\nHai bên thống nhất đo đạc lại.")
    click(driver, driver.find_element(By.CSS_SELECTOR, "button[id^='dialogue-print-']"))
    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "dialogue-printed")))
    path = printed.find_element(By.CSS_SELECTOR, ".path").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "Đối thoại giải quyết khiếu nại" in text
    assert "Ông Nguyễn Văn Đức" in text
    assert "Hai bên thống nhất đo đạc lại." in text

    # The signed minutes, scanned back, attached to the petition.
    driver.file_detector = UselessFileDetector()
    picker = driver.find_element(By.ID, "attach-petition")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", picker)
    picker.send_keys(path)
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "attachment-list-petition")))
    assert path.rsplit("/", 1)[1] in listed.text and "PDF" in listed.text

    # Suspended, then resumed: the resolution deadline moves later.
    before = resolve_due(driver)
    record(driver, "paused", day(8), outcome_reason="Chờ kết quả đo đạc")
    record(driver, "resumed", day(18))
    wait(driver).until(lambda d: resolve_due(d) > before)
    screenshot("casework-resumed")

    # The decision, then carrying it out: a task already late.
    record(driver, "resolved", day(22), outcome_decision="15/QĐ-UBND", outcome_result="partly_right")
    typed(driver, "task-what", "Thi hành Quyết định số 15/QĐ-UBND")
    typed(driver, "task-who", "Công chức địa chính")
    typed(driver, "task-due", day(23).strftime("%d/%m/%Y"))
    click(driver, driver.find_element(By.ID, "task-save"))
    tasks = wait(driver).until(EC.visibility_of_element_located((By.ID, "task-list")))
    assert "quá hạn" in tasks.text
    driver.find_element(By.ID, "nav-dashboard").click()
    late = wait(driver).until(EC.visibility_of_element_located((By.ID, "tasks-due")))
    assert "Thi hành quyết định: Thi hành Quyết định số 15/QĐ-UBND — Công chức địa chính" in late.text
    assert "quá hạn" in late.text
    screenshot("casework-dashboard")


def test_an_extension_and_a_reply_from_the_body_a_petition_went_to(office_data, open_window, cli_binary, tmp_path):
    """Gia hạn giải quyết moves a denunciation's resolution deadline; the answer of the body
    a complaint was transferred to is recorded and counted in Biểu 01/XLD (MS 22)."""
    import json
    import os
    import harness

    today = datetime.date.today()
    received = today - datetime.timedelta(days=20)
    day = lambda n: received + datetime.timedelta(days=n)  # noqa: E731
    file = tmp_path / "gia-han.jsonl"
    file.write_text(
        '{"type": "agency", "ref": "a1", "name": "Phòng Tài nguyên và Môi trường", "role": "province_department"}\n'
        '{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Đức", "id_kind": "none", "gender": "male", "address": "Thôn Đông, xã Ba Tơ"}\n'
        f'{{"type": "petition", "ref": "t1", "received_on": "{received.isoformat()}", "channel": "post", "kind": "denunciation", "field": "land", '
        '"anonymous": true, "petitioners": [], "respondent": {"role": "commune_official"}, "summary": "Tố cáo cán bộ địa chính xác nhận sai nguồn gốc đất", '
        f'"events": [{{"on": "{day(1).isoformat()}", "kind": "handled", "action": "accept"}}, {{"on": "{day(2).isoformat()}", "kind": "accepted"}}]}}\n'
        f'{{"type": "petition", "ref": "k1", "received_on": "{received.isoformat()}", "channel": "in_person", "kind": "complaint", "field": "land", '
        '"petitioners": ["c1"], "respondent": {"role": "province_department"}, "instance": 1, "summary": "Khiếu nại quyết định bồi thường của huyện", '
        f'"events": [{{"on": "{day(1).isoformat()}", "kind": "handled", "action": "transfer", "to": "a1"}}]}}\n'
        f'{{"type": "petition", "ref": "k2", "received_on": "{received.isoformat()}", "channel": "in_person", "kind": "complaint", "field": "land", '
        '"petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Khiếu nại quyết định cưỡng chế", '
        f'"events": [{{"on": "{day(1).isoformat()}", "kind": "handled", "action": "accept"}}, {{"on": "{day(2).isoformat()}", "kind": "accepted"}}]}}\n',
        encoding="utf-8",
    )
    out = subprocess.run([cli_binary, "--data", str(office_data), "import", str(file)], capture_output=True, text=True,
                         env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE})
    assert out.returncode == 0, out.stderr
    driver = open_window(office_data)

    def open_petition(words):
        driver.find_element(By.ID, "nav-petitions").click()
        driver.find_element(By.ID, "tab-petitions").click()
        table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
        row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if words in r.text))
        row.find_elements(By.TAG_NAME, "td")[5].click()
        wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-kind")))

    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-petitions")))
    open_petition("nguồn gốc đất")
    before = resolve_due(driver)
    # Too many days for one extension: the rule's limit and basis are named.
    Select(driver.find_element(By.ID, "outcome-kind")).select_by_value("extended")
    typed(driver, "outcome-on", today.strftime("%d/%m/%Y"))
    typed(driver, "outcome-days", "45")
    typed(driver, "outcome-decision", "05/QĐ-UBND")
    typed(driver, "outcome-reason", "Vụ việc phức tạp, cần xác minh thêm")
    click(driver, driver.find_element(By.ID, "outcome-save"))
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-error")))
    assert "tối đa 30 ngày" in error.text, error.text
    typed(driver, "outcome-days", "30")
    click(driver, driver.find_element(By.ID, "outcome-save"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "outcome-saved"), "Gia hạn giải quyết"))
    wait(driver).until(lambda d: (resolve_due(d) - before).days >= 29)
    assert "thêm 30 ngày" in driver.find_element(By.ID, "outcomes").text
    screenshot("casework-extended")
    # Its decision, read back from the PDF and looked at.
    click(driver, driver.find_element(By.CSS_SELECTOR, "button[id^='extension-print-']"))
    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "dialogue-printed")))
    path = printed.find_element(By.CSS_SELECTOR, ".path").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "Về việc gia hạn giải quyết tố cáo" in text and "Thời gian gia hạn là 30 ngày" in text, text
    assert "……" not in text
    from pathlib import Path
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", path,
                    str(Path(__file__).parent / "artifacts" / "extension-decision")], check=True)

    # The body the complaint went to answers: recorded, counted in 01/XLD.
    open_petition("bồi thường của huyện")
    record(driver, "reply_received", today, outcome_decision="45/TNMT-TTr")
    report = subprocess.run(
        [cli_binary, "--data", str(office_data), "report", "--template", "01/XLD", "--from",
         received.isoformat(), "--to", today.isoformat(), "--format", "json"],
        capture_output=True, text=True, env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE})
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["columns"]["22"] == 1, report.stdout
    submitted = subprocess.run(
        [cli_binary, "--data", str(office_data), "report", "--template", "01/XLD", "--from",
         received.isoformat(), "--to", today.isoformat(), "--format", "json"],
        capture_output=True, text=True, env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE})
    before_report = json.loads(submitted.stdout)["columns"]

    # A complaint recorded wrong: marked complex (its resolution period grows from 30 to
    # 45 days) and, with a reason, re-recorded as a recommendation — the report moves.
    open_petition("cưỡng chế")
    due = resolve_due(driver)
    facts = driver.find_element(By.ID, "petition-facts")
    if not facts.get_attribute("open"):
        click(driver, facts.find_element(By.TAG_NAME, "summary"))
    click(driver, driver.find_element(By.ID, "facts-complex"))
    click(driver, driver.find_element(By.ID, "facts-save"))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "facts-saved")))
    # 15 days later, or a few more when that day is not a working day (a due date on
    # 1 January moves to the next working day; Tết can add a week).
    wait(driver).until(lambda d: 15 <= (resolve_due(d) - due).days <= 25)
    Select(driver.find_element(By.ID, "facts-kind")).select_by_visible_text("Kiến nghị")
    click(driver, driver.find_element(By.ID, "facts-save"))
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "facts-error")))
    assert "lý do sửa" in error.text, error.text
    typed(driver, "facts-reason", "Công dân kiến nghị, ghi nhầm là khiếu nại")
    click(driver, driver.find_element(By.ID, "facts-save"))
    wait(driver).until(EC.invisibility_of_element_located((By.ID, "facts-error")))
    after = subprocess.run(
        [cli_binary, "--data", str(office_data), "report", "--template", "01/XLD", "--from",
         received.isoformat(), "--to", today.isoformat(), "--format", "json"],
        capture_output=True, text=True, env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE})
    assert json.loads(after.stdout)["columns"] != before_report

    # The reply was recorded on the wrong petition: voided (its reason kept), 01/XLD MS 22
    # counts it no more.
    open_petition("bồi thường của huyện")
    click(driver, driver.find_element(By.CSS_SELECTOR, "button[id^='outcome-void-']"))
    click(driver, driver.find_element(By.ID, "outcome-void-confirm"))
    assert "lý do" in wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-void-error"))).text
    typed(driver, "outcome-void-reason", "Văn bản trả lời là của đơn khác")
    click(driver, driver.find_element(By.ID, "outcome-void-confirm"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "outcome-saved"), "Đã hủy kết quả ghi nhầm"))
    voided = subprocess.run(
        [cli_binary, "--data", str(office_data), "report", "--template", "01/XLD", "--from",
         received.isoformat(), "--to", today.isoformat(), "--format", "json"],
        capture_output=True, text=True, env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE})
    assert json.loads(voided.stdout)["columns"]["22"] == 0, voided.stdout
