"""The document that resolves a complaint, made in the real window: the resolution recorded
without a number, the officer's three parts written (and named when missing), the decision
printed with everything else filled from the record, read back from the PDF, and the
resolution then carrying the decision's number."""

import datetime
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

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


def test_a_complaints_decision_is_made_in_the_window(office_data, open_window, cli_binary, tmp_path):
    today = datetime.date.today()
    received = today - datetime.timedelta(days=20)
    day = lambda n: received + datetime.timedelta(days=n)  # noqa: E731
    file = tmp_path / "vu-viec.jsonl"
    file.write_text(
        '{"type": "citizen", "ref": "c1", "full_name": "Trần Thị Lan", "id_kind": "none", "gender": "female", "address": "Thôn Tây, xã Ba Tơ"}\n'
        f'{{"type": "petition", "ref": "k1", "received_on": "{received.isoformat()}", "channel": "in_person", "kind": "complaint", "field": "land", '
        '"petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "summary": "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất", '
        f'"events": [{{"on": "{day(1).isoformat()}", "kind": "handled", "action": "accept"}}, {{"on": "{day(2).isoformat()}", "kind": "accepted"}}]}}\n',
        encoding="utf-8",
    )
    subprocess.run([cli_binary, "--data", str(office_data), "import", str(file)], check=True, capture_output=True)
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-petitions"))).click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "giấy chứng nhận" in r.text))
    row.find_elements(By.TAG_NAME, "td")[5].click()

    # Verification first: who verifies and by when; the report becomes a task.
    click(driver, wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[id^='verify-open-']"))))
    typed(driver, "verify-who", "Công chức địa chính - xây dựng Lê Văn Tâm")
    typed(driver, "verify-by", (today + datetime.timedelta(days=5)).strftime("%d/%m/%Y"))
    click(driver, driver.find_element(By.ID, "verify-print"))
    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "dialogue-printed")))
    path = printed.find_element(By.CSS_SELECTOR, ".path").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "Về việc giao nhiệm vụ xác minh nội dung khiếu nại" in text, text
    assert "Điều 1. Giao Công chức địa chính - xây dựng Lê Văn Tâm tiến hành xác minh làm rõ nội dung khiếu nại của Bà Trần Thị Lan" in text, text
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "task-list"), "Báo cáo kết quả xác minh nội dung khiếu nại"))

    # The resolution, recorded without a number: the app will give it the decision's.
    wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-kind")))
    Select(driver.find_element(By.ID, "outcome-kind")).select_by_value("resolved")
    typed(driver, "outcome-on", today.strftime("%d/%m/%Y"))
    Select(driver.find_element(By.ID, "outcome-result")).select_by_value("right")
    click(driver, driver.find_element(By.ID, "outcome-save"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "outcome-saved"), "Đã ghi"))

    click(driver, wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[id^='resolution-open-']"))))
    form = wait(driver).until(EC.visibility_of_element_located((By.ID, "resolution-form")))
    assert "nhận định của cán bộ" in form.text
    # Nothing written: each part the officer owes is named, nothing is issued.
    click(driver, driver.find_element(By.ID, "resolution-print"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "resolution-form"), "Ghi kết quả xác minh."))
    assert "Ghi nhận xét, kết luận." in form.text
    typed(driver, "resolution-findings", "Hồ sơ cấp giấy chứng nhận thiếu biên bản xác định ranh giới.")
    typed(driver, "resolution-assessment", "Việc từ chối cấp giấy chứng nhận chưa đúng quy định.")
    typed(driver, "resolution-measures", "Hủy bỏ văn bản từ chối cấp giấy chứng nhận.\nGiao công chức địa chính hoàn thiện hồ sơ trong 10 ngày.")
    screenshot("resolution-form")
    verification = path
    click(driver, driver.find_element(By.ID, "resolution-print"))
    wait(driver).until(lambda d: d.find_element(By.ID, "dialogue-printed").find_element(By.CSS_SELECTOR, ".path").text.strip() != verification)
    path = driver.find_element(By.ID, "dialogue-printed").find_element(By.CSS_SELECTOR, ".path").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    for expected in [
        "Về việc giải quyết khiếu nại của Bà Trần Thị Lan (lần đầu)",
        f"Xét đơn khiếu nại ngày {received.strftime('%d/%m/%Y')} của Bà Trần Thị Lan, địa chỉ: Thôn Tây, xã Ba Tơ",
        "Hồ sơ cấp giấy chứng nhận thiếu biên bản xác định ranh giới.",
        "Khiếu nại của Bà Trần Thị Lan là đúng.",
        "Điều 1. Hủy bỏ văn bản từ chối cấp giấy chứng nhận.",
        "khởi kiện vụ án hành chính",
    ]:
        assert expected in text, f"{expected} in {text}"
    assert "……" not in text and "của và" not in text
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", path, str(tmp_path / "qd")], check=True)

    # The resolution carries the decision's number; printing again gives the same file.
    listed = wait(driver).until(EC.text_to_be_present_in_element((By.ID, "outcome-list"), "/QĐ-UBND"))
    assert listed
    again = driver.find_element(By.CSS_SELECTOR, "button[id^='resolution-print-']")
    assert again.text == "In lại quyết định giải quyết khiếu nại"
    click(driver, again)
    wait(driver).until(lambda d: d.find_element(By.ID, "dialogue-printed").find_element(By.CSS_SELECTOR, ".path").text.strip() == path)
    assert not driver.find_elements(By.ID, "outcome-error") and not driver.find_elements(By.ID, "resolution-error")
    screenshot("resolution-printed")


def test_a_denunciations_conclusion_and_the_notice_to_the_denouncer(office_data, open_window, cli_binary, tmp_path):
    today = datetime.date.today()
    received = today - datetime.timedelta(days=20)
    day = lambda n: received + datetime.timedelta(days=n)  # noqa: E731
    file = tmp_path / "to-cao.jsonl"
    file.write_text(
        '{"type": "citizen", "ref": "c1", "full_name": "Hà Văn Kín", "id_kind": "none", "gender": "male", "address": "Thôn Gò, xã Ba Tơ"}\n'
        f'{{"type": "petition", "ref": "t1", "received_on": "{received.isoformat()}", "channel": "in_person", "kind": "denunciation", "field": "civil_service", '
        '"petitioners": ["c1"], "respondent": {"role": "commune_official", "name": "ông Trần Văn Bình, công chức địa chính"}, "summary": "Tố cáo cán bộ địa chính nhận tiền", '
        f'"events": [{{"on": "{day(1).isoformat()}", "kind": "handled", "action": "accept"}}, {{"on": "{day(2).isoformat()}", "kind": "accepted"}}]}}\n',
        encoding="utf-8",
    )
    subprocess.run([cli_binary, "--data", str(office_data), "import", str(file)], check=True, capture_output=True)
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-petitions"))).click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "nhận tiền" in r.text))
    row.find_elements(By.TAG_NAME, "td")[5].click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "outcome-kind")))
    Select(driver.find_element(By.ID, "outcome-kind")).select_by_value("resolved")
    typed(driver, "outcome-on", today.strftime("%d/%m/%Y"))
    Select(driver.find_element(By.ID, "outcome-result")).select_by_value("wrong")
    click(driver, driver.find_element(By.ID, "outcome-save"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "outcome-saved"), "Đã ghi"))
    opener = wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[id^='resolution-open-']")))
    assert opener.text == "Lập kết luận nội dung tố cáo…"
    click(driver, opener)
    typed(driver, "resolution-findings", "Đã làm việc với 5 hộ dân đã làm thủ tục đất đai.")
    typed(driver, "resolution-assessment", "Không có căn cứ xác định ông Bình nhận tiền.")
    typed(driver, "resolution-measures", "Giữ nguyên nhiệm vụ của ông Bình.")
    click(driver, driver.find_element(By.ID, "resolution-print"))
    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "dialogue-printed")))
    path = printed.find_element(By.CSS_SELECTOR, ".path").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "KẾT LUẬN Nội dung tố cáo đối với ông Trần Văn Bình, công chức địa chính" in text, text
    assert "Nội dung tố cáo là tố cáo sai." in text
    assert "Hà Văn Kín" not in text, "the conclusion never names the denouncer"

    notice = wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[id^='result-notice-']")))
    click(driver, notice)
    wait(driver).until(lambda d: d.find_element(By.ID, "dialogue-printed").find_element(By.CSS_SELECTOR, ".path").text.strip() != path)
    notice_path = driver.find_element(By.ID, "dialogue-printed").find_element(By.CSS_SELECTOR, ".path").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", notice_path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "Kính gửi: Hà Văn Kín (Thôn Gò, xã Ba Tơ)." in text, text
    assert "MẬT" in text and "tố cáo sai" in text
    screenshot("resolution-denunciation")


def test_a_denouncer_is_protected_from_the_window(office_data, open_window, cli_binary, tmp_path):
    today = datetime.date.today()
    received = today - datetime.timedelta(days=10)
    file = tmp_path / "to-cao.jsonl"
    file.write_text(
        '{"type": "citizen", "ref": "c1", "full_name": "Hà Văn Kín", "id_kind": "none", "gender": "male", "address": "Thôn Gò, xã Ba Tơ"}\n'
        f'{{"type": "petition", "ref": "t1", "received_on": "{received.isoformat()}", "channel": "in_person", "kind": "denunciation", "field": "civil_service", '
        '"petitioners": ["c1"], "respondent": {"role": "commune_official"}, "summary": "Tố cáo cán bộ địa chính nhận tiền", '
        f'"events": [{{"on": "{(received + datetime.timedelta(days=1)).isoformat()}", "kind": "handled", "action": "accept"}}]}}\n',
        encoding="utf-8",
    )
    subprocess.run([cli_binary, "--data", str(office_data), "import", str(file)], check=True, capture_output=True)
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-petitions"))).click()
    driver.find_element(By.ID, "tab-petitions").click()
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "nhận tiền" in r.text))
    row.find_elements(By.TAG_NAME, "td")[5].click()
    click(driver, wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#protection-new summary"))))
    typed(driver, "protection-on", today.strftime("%d/%m/%Y"))
    click(driver, driver.find_element(By.ID, "protection-scope-job"))
    typed(driver, "protection-reason", "Bị đe dọa chuyển công tác")
    click(driver, driver.find_element(By.ID, "protection-request"))
    click(driver, wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button[id^='protection-decide-']"))))
    typed(driver, "protection-measures", "Giữ nguyên vị trí công tác của người tố cáo")
    typed(driver, "protection-until", (today + datetime.timedelta(days=90)).strftime("%d/%m/%Y"))
    click(driver, driver.find_element(By.ID, "protection-save"))
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "protection-printed")))
    path = done.text.split(": ", 1)[1].strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "Về việc áp dụng biện pháp bảo vệ người tố cáo" in text and "Hà Văn Kín" in text and "MẬT" in text, text
    screenshot("protection")
