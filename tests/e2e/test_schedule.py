"""Lịch tiếp dân in the real window: a weekly plan for the chair, a citizen booked into next
Thursday's session, the appointment slip read back from its PDF, a booking beyond the
session's capacity refused, and the month exported as .ics."""

import datetime
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import screenshot

PEOPLE = """\
{"type": "citizen", "ref": "c1", "full_name": "Nguyễn Văn Đức", "id_kind": "none", "gender": "male", "address": "Thôn Đông, xã Ba Tơ"}
{"type": "citizen", "ref": "c2", "full_name": "Lê Thị Hai", "id_kind": "none", "address": "Thôn Tây, xã Ba Tơ"}
{"type": "case", "ref": "vv1", "title": "Bồi thường đất ông Đức"}
{"type": "petition", "ref": "p1", "received_on": "2026-11-02", "channel": "in_person", "kind": "complaint", "field": "land", "petitioners": ["c1"], "respondent": {"role": "commune_chair"}, "instance": 1, "case": "vv1", "summary": "Khiếu nại việc bồi thường đất", "events": []}
"""


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def book(driver, who):
    who_box = driver.find_element(By.ID, "booking-who")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", who_box)
    who_box.clear()
    who_box.send_keys(who)
    click(driver, driver.find_element(By.ID, "booking-find"))
    save = wait(driver).until(EC.element_to_be_clickable((By.ID, "booking-save")))
    click(driver, save)


def test_a_citizen_booked_into_next_thursday_gets_a_slip_and_capacity_holds(office_data, open_window, cli_binary, tmp_path):
    people = tmp_path / "nguoi.jsonl"
    people.write_text(PEOPLE, encoding="utf-8")
    subprocess.run([cli_binary, "--data", str(office_data), "import", str(people)], check=True, capture_output=True)
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-schedule"))).click()
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Lịch tiếp công dân")

    today = datetime.date.today()
    driver.find_element(By.ID, "plan-name").send_keys("Phạm Văn Hùng")
    driver.find_element(By.ID, "plan-from").send_keys(today.strftime("%d/%m/%Y"))
    driver.find_element(By.ID, "plan-place").send_keys("Trụ sở tiếp công dân xã Ba Tơ")
    capacity = driver.find_element(By.ID, "plan-capacity")
    capacity.clear()
    capacity.send_keys("1")
    click(driver, driver.find_element(By.ID, "plan-save"))
    plans = wait(driver).until(EC.visibility_of_element_located((By.ID, "plan-list")))
    assert "thứ Năm hằng tuần" in plans.text

    # Next Thursday (after today), in next month's view if need be.
    thursday = today + datetime.timedelta(days=(3 - today.weekday()) % 7 or 7)
    if thursday.month != today.month:
        click(driver, driver.find_element(By.ID, "schedule-next"))
    row_id = f"session-{thursday.isoformat()}-chair"
    row = wait(driver).until(EC.presence_of_element_located((By.ID, row_id)))
    click(driver, row.find_element(By.TAG_NAME, "button"))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "session-panel")))
    book(driver, "Nguyễn Văn Đức")
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "booking-list")))
    assert "Nguyễn Văn Đức — Bồi thường đất ông Đức" in listed.text
    assert "1/1" in driver.find_element(By.ID, row_id).text
    screenshot("schedule-booked")

    click(driver, listed.find_element(By.TAG_NAME, "button"))
    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "slip-printed")))
    path = printed.find_element(By.CSS_SELECTOR, ".muted").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "PHIẾU HẸN" in text
    assert "Nguyễn Văn Đức" in text
    month = thursday.month if thursday.month > 2 else f"{thursday.month:02}"
    assert f"ngày {thursday.day:02} tháng {month} năm {thursday.year}" in text, text
    assert "gặp Chủ tịch Ủy ban nhân dân Phạm Văn Hùng" in text

    # The host's briefing pack names the case and its open deadline.
    click(driver, driver.find_element(By.ID, "briefing-pack"))
    packed = wait(driver).until(EC.visibility_of_element_located((By.ID, "briefing-done")))
    pack = packed.find_element(By.CSS_SELECTOR, ".muted").text.strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", pack, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "TÀI LIỆU CHUẨN BỊ BUỔI TIẾP CÔNG DÂN" in text
    assert "1. Nguyễn Văn Đức — Bồi thường đất ông Đức" in text
    assert "Thời hạn xử lý đơn (đơn nhận 02/11/2026): hạn" in text, text

    # The session holds one: a second citizen is refused with the reason.
    book(driver, "Lê Thị Hai")
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "schedule-error")))
    assert f"Buổi tiếp ngày {thursday.strftime('%d/%m/%Y')} đã đủ 1 lượt đặt lịch" in error.text

    # Ông Đức calls to say he cannot come: his booking is cancelled with the reason, and
    # the place goes to a first-time caller, registered from this screen.
    click(driver, wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#booking-list button[id^='unbook-']"))))
    click(driver, wait(driver).until(EC.presence_of_element_located((By.ID, "unbook-confirm"))))
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "schedule-error")))
    assert "Ghi lý do hủy đặt lịch" in error.text
    driver.find_element(By.ID, "unbook-reason").send_keys("Công dân gọi điện báo ốm")
    click(driver, driver.find_element(By.ID, "unbook-confirm"))
    wait(driver).until(lambda d: not d.find_elements(By.ID, "booking-list"))
    assert "0/1" in driver.find_element(By.ID, row_id).text
    click(driver, driver.find_element(By.CSS_SELECTOR, "#booking-new summary"))
    click(driver, wait(driver).until(EC.element_to_be_clickable((By.ID, "booking-new-add"))))
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "schedule-error")))
    assert "họ tên" in error.text.lower(), error.text
    driver.find_element(By.ID, "booking-new-name").send_keys("Hoàng Văn Mới")
    driver.find_element(By.ID, "booking-new-address").send_keys("Tổ dân phố 3, xã Ba Tơ")
    driver.find_element(By.ID, "booking-new-phone").send_keys("0905123456")
    click(driver, driver.find_element(By.ID, "booking-new-add"))
    click(driver, wait(driver).until(EC.element_to_be_clickable((By.ID, "booking-save"))))
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "booking-list")))
    assert "Hoàng Văn Mới" in listed.text and "Nguyễn Văn Đức" not in listed.text, listed.text
    screenshot("schedule-first-time-caller")

    click(driver, driver.find_element(By.ID, "schedule-ics"))
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "schedule-done")))
    ics = done.text.split("ra tệp ", 1)[1].strip()
    body = open(ics, encoding="utf-8").read()
    assert "BEGIN:VCALENDAR" in body and "BEGIN:VEVENT" in body
    assert thursday.strftime("DTSTART:%Y%m%dT073000") in body
    screenshot("schedule-month")

    # The chair changes: the plan ends today (its last day), and the list says so.
    plan_list = driver.find_element(By.ID, "plan-list")
    click(driver, plan_list.find_element(By.XPATH, ".//button[contains(., 'Kết thúc')]"))
    click(driver, wait(driver).until(EC.presence_of_element_located((By.XPATH, "//ul[@id='plan-list']//button[contains(., 'Kết thúc lịch')]"))))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "plan-list"), f"đến {today.strftime('%d/%m/%Y')}"))


def test_an_ad_hoc_session_today_is_held_recorded_and_concluded(office_data, open_window, cli_binary, tmp_path):
    people = tmp_path / "nguoi.jsonl"
    people.write_text(PEOPLE, encoding="utf-8")
    subprocess.run([cli_binary, "--data", str(office_data), "import", str(people)], check=True, capture_output=True)
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-schedule"))).click()
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Lịch tiếp công dân")

    today = datetime.date.today()
    driver.find_element(By.ID, "extra-name").send_keys("Phạm Văn Hùng")
    driver.find_element(By.ID, "extra-on").send_keys(today.strftime("%d/%m/%Y"))
    driver.find_element(By.ID, "extra-place").send_keys("Nhà văn hóa thôn Đông")
    click(driver, driver.find_element(By.ID, "extra-save"))
    row = wait(driver).until(EC.presence_of_element_located((By.ID, f"session-{today.isoformat()}-chair")))
    assert "Đột xuất" in row.text
    click(driver, row.find_element(By.TAG_NAME, "button"))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "session-panel")))
    book(driver, "Nguyễn Văn Đức")
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "booking-list")))

    # Receiving him opens the intake form as an ad hoc reception by the head, his case chosen.
    click(driver, listed.find_element(By.CSS_SELECTOR, "button[id^='receive-']"))
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Tiếp công dân")
    assert Select(driver.find_element(By.ID, "intake-reception")).first_selected_option.get_attribute("value") == "ad_hoc"
    assert Select(driver.find_element(By.ID, "intake-received-by")).first_selected_option.get_attribute("value") == "head"
    summary = driver.find_element(By.ID, "intake-summary")
    summary.send_keys("Ông Đức trình bày lại việc bồi thường đất")
    click(driver, driver.find_element(By.ID, "intake-save"))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-saved")))
    screenshot("schedule-received")

    # Back on the schedule: the conclusion, prefilled with his case, becomes a notice and
    # an assignment on the dashboard.
    driver.find_element(By.ID, "nav-schedule").click()
    row = wait(driver).until(EC.presence_of_element_located((By.ID, f"session-{today.isoformat()}-chair")))
    click(driver, row.find_element(By.TAG_NAME, "button"))
    matter = wait(driver).until(EC.visibility_of_element_located((By.ID, "conclusion-matter-0")))
    assert matter.get_attribute("value") == "Bồi thường đất ông Đức"
    driver.find_element(By.ID, "conclusion-task-0").send_keys("Kiểm tra lại hồ sơ bồi thường")
    driver.find_element(By.ID, "conclusion-assignee-0").send_keys("Công chức địa chính")
    due = today + datetime.timedelta(days=1)
    driver.find_element(By.ID, "conclusion-due-0").send_keys(due.strftime("%d/%m/%Y"))
    click(driver, driver.find_element(By.ID, "conclusion-save"))
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "conclusion-done")))
    path = done.text.split(": ", 1)[1].strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "Kết luận của Chủ tịch Ủy ban nhân dân" in text
    assert "Giao Công chức địa chính thực hiện" in text
    assert "1. Nguyễn Văn Đức: Bồi thường đất ông Đức." in text, text
    driver.find_element(By.ID, "nav-dashboard").click()
    assigned = wait(driver).until(EC.visibility_of_element_located((By.ID, "assignments")))
    assert "Công chức địa chính: Kiểm tra lại hồ sơ bồi thường" in assigned.text
    screenshot("dashboard-assignments")


def test_a_session_nobody_came_to_gets_its_record(office_data, open_window):
    driver = open_window(office_data)
    wait(driver).until(EC.element_to_be_clickable((By.ID, "nav-schedule"))).click()
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Lịch tiếp công dân")
    today = datetime.date.today()
    driver.find_element(By.ID, "extra-name").send_keys("Phạm Văn Hùng")
    driver.find_element(By.ID, "extra-on").send_keys(today.strftime("%d/%m/%Y"))
    driver.find_element(By.ID, "extra-place").send_keys("Nhà văn hóa thôn Đông")
    click(driver, driver.find_element(By.ID, "extra-save"))
    row = wait(driver).until(EC.presence_of_element_located((By.ID, f"session-{today.isoformat()}-chair")))
    click(driver, row.find_element(By.TAG_NAME, "button"))
    wait(driver).until(EC.visibility_of_element_located((By.ID, "session-panel")))
    click(driver, driver.find_element(By.CSS_SELECTOR, "#empty-session summary"))
    members = wait(driver).until(EC.visibility_of_element_located((By.ID, "empty-members")))
    members.send_keys("Ông Lê Văn Tâm, công chức tư pháp - hộ tịch")
    click(driver, driver.find_element(By.ID, "empty-save"))
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "empty-done")))
    assert done.text.startswith("Đã lập biên bản số ")
    path = done.text.split(": ", 1)[1].strip()
    text = " ".join(subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout.split())
    for words in [
        "BIÊN BẢN Về việc tiếp công dân đột xuất",
        f"ngày {today.strftime('%d/%m/%Y')}, tại Nhà văn hóa thôn Đông",
        "- Ông Lê Văn Tâm, công chức tư pháp - hộ tịch;",
        "không có công dân nào đến trình bày",
    ]:
        assert words in text, f"{words} in {text}"
    assert "……" not in text
    screenshot("schedule-empty-session")
