"""The officer's whole day through the window alone, on one shared PC: the administrator
makes the accounts; a reception officer records a complaint (with who is complained about,
the instance and the contested decision's date) handed in with a denunciation, a group, and
the same citizen's repeat visit joined to his complaint's case; a handler proposes and
accepts the complaint; the chair books the complainant into his reception day and reads the
briefing pack; 01/TCD counts the repeat visit. Every fact enters through the screens — no
import, no fixture database — and every printed PDF is read back and refused if it has a
blank ("……", "của và", "Căn cứ ,") or no officer's name. Screens are captured at 1366×700."""

import datetime
import re
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import click_id as click, screenshot, type_into
from test_access import add_account

BLANKS = ["……", "....", "của và", "Căn cứ ,", "Căn cứ ;", "Tôi là: ,", "()"]


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def pdf_text(path: str) -> str:
    out = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(out.split())


def read_back(path: str, must: list[str]) -> str:
    """The PDF's text, checked for every expected phrase and for no blank placeholder."""
    text = pdf_text(path)
    for blank in BLANKS:
        assert blank not in text, f"{path} has a blank {blank!r}: {text}"
    for phrase in must:
        assert phrase in text, f"{path} lacks {phrase!r}: {text}"
    return text


def printed_path(driver, container_id: str, title: str) -> str:
    item = wait(driver).until(
        lambda d: next((li for li in d.find_element(By.ID, container_id).find_elements(By.TAG_NAME, "li") if title in li.text), False)
    )
    return item.find_element(By.CLASS_NAME, "path").text.strip()


def sign_out_and_in(driver, login: str):
    click(driver, "sign-out")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "sign-in")))
    harness.sign_in(driver, login, f"{login}-mật-khẩu")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "dashboard")))


def select(driver, element_id: str, value: str):
    element = wait(driver).until(EC.presence_of_element_located((By.ID, element_id)))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    Select(element).select_by_value(value)


def test_an_officer_a_handler_and_the_chair_share_one_pc_for_a_day(office_data, open_window):
    data = office_data
    today = datetime.date.today()
    contested = today - datetime.timedelta(days=20)
    driver = open_window(data)
    try:
        driver.set_window_size(1366, 700)
    except Exception:
        pass
    wait(driver).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    # From November the dashboard warns while next year's holidays are only a forecast, and
    # Danh mục marks each unverified day in amber.
    if today.month >= 11:
        warning = wait(driver).until(EC.visibility_of_element_located((By.ID, "calendar-warning")))
        assert f"năm {today.year + 1}" in warning.text, warning.text
    click(driver, "nav-catalogues")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "calendar-days")))
    click(driver, "year-next")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "calendar-year"), str(today.year + 1)))
    if today.year + 1 == 2027:
        days = wait(driver).until(EC.visibility_of_element_located((By.ID, "calendar-days")))
        assert days.find_elements(By.CSS_SELECTOR, "td.unverified"), "the 2027 forecast is marked"
        screenshot("day-calendar-forecast")
    click(driver, "tab-officers")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "accounts")))
    add_account(driver, "tiepdan", "Lê Thị Tiếp", "reception")
    add_account(driver, "xuly", "Phạm Văn Xử", "handler")
    add_account(driver, "chutich", "Phạm Văn Hùng", "leader")
    # One list of officers with their accounts; the administrator gives her a title.
    officers = wait(driver).until(EC.visibility_of_element_located((By.ID, "officer-list")))
    row = next(r for r in officers.find_elements(By.CSS_SELECTOR, "tbody tr") if "Lê Thị Tiếp" in r.text)
    assert "tiepdan" in row.text and "Đang làm việc" in row.text, row.text
    edit = row.find_element(By.TAG_NAME, "button")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", edit)
    edit.click()
    type_into(driver, "officer-edit-title", "Công chức Văn phòng - Thống kê")
    click(driver, "officer-edit-save")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "officer-list"), "Công chức Văn phòng - Thống kê"))
    screenshot("day-officers")

    # ---- The reception officer takes the desk. ----
    sign_out_and_in(driver, "tiepdan")
    assert "Lê Thị Tiếp" in driver.find_element(By.ID, "signed-in").get_attribute("textContent")
    click(driver, "nav-intake")
    name = wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name")))
    name.send_keys("Nguyễn Văn An")
    type_into(driver, "citizen-0-id_number", "051068000123")
    type_into(driver, "citizen-0-birth_year", "1968")
    Select(driver.find_element(By.ID, "citizen-0-gender")).select_by_visible_text("Nam")
    type_into(driver, "citizen-0-address", "Thôn Đông, xã Ba Tơ")
    type_into(driver, "citizen-0-phone", "0912345678")
    type_into(driver, "intake-summary", "Khiếu nại việc thu hồi đất và tố cáo cán bộ địa chính")
    type_into(driver, "intake-outcome", "Tiếp nhận đơn, hẹn trả lời")
    click(driver, "add-petition")
    select(driver, "petition-0-kind", "complaint")
    select(driver, "petition-0-respondent_role", "commune_chair")
    type_into(driver, "petition-0-respondent_name", "Chủ tịch Ủy ban nhân dân xã Ba Tơ")
    type_into(driver, "petition-0-contested_on", contested.strftime("%d/%m/%Y"))
    type_into(driver, "petition-0-summary", "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND")
    type_into(driver, "petition-0-papers", "Quyết định 12/QĐ-UBND (bản sao có chứng thực, 3 trang)")
    click(driver, "add-petition")
    select(driver, "petition-1-kind", "denunciation")
    select(driver, "petition-1-respondent_role", "commune_official")
    type_into(driver, "petition-1-summary", "Tố cáo cán bộ địa chính nhận tiền khi đo đạc")
    screenshot("day-intake-petitions")
    click(driver, "intake-save-print")
    saved = wait(driver).until(EC.visibility_of_element_located((By.ID, "intake-saved")))
    assert "2 đơn" in saved.text
    receipt = printed_path(driver, "printed", "giấy biên nhận")
    read_back(receipt, ["GIẤY BIÊN NHẬN", "Tôi là: Lê Thị Tiếp", "Nguyễn Văn An", "(bản sao có chứng thực, 3 trang)."])
    click(driver, "print-minutes")
    minutes = printed_path(driver, "printed", "biên bản")
    read_back(minutes, ["Lê Thị Tiếp", "Tiếp nhận đơn, hẹn trả lời", "(bản sao có chứng thực, 3 trang)."])
    # The default appointment is the next working day (never a weekend).
    at = driver.find_element(By.ID, "appointment-at").get_attribute("value")
    day = datetime.datetime.strptime(at, "%d/%m/%Y %H:%M").date()
    assert day > today and day.weekday() < 5, at
    click(driver, "print-appointment")
    slip = printed_path(driver, "printed", "phiếu hẹn")
    read_back(slip, ["PHIẾU HẸN", "Nguyễn Văn An", "Lê Thị Tiếp"])
    screenshot("day-intake-saved")

    # A group of six with feedback about the village road.
    type_into(driver, "citizen-0-full_name", "Đinh Thị Bình")
    select(driver, "citizen-0-id_kind", "none")
    type_into(driver, "citizen-0-address", "Thôn Tây, xã Ba Tơ")
    type_into(driver, "intake-people", "6")
    type_into(driver, "intake-summary", "Đoàn 6 người phản ánh đường liên thôn xuống cấp")
    click(driver, "add-petition")
    select(driver, "petition-0-kind", "feedback")
    select(driver, "petition-0-respondent_role", "commune_official")
    type_into(driver, "petition-0-summary", "Phản ánh đường liên thôn Tây xuống cấp")
    click(driver, "intake-save")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "intake-saved"), "1 đơn"))

    # Mr An comes back: typed without tones, his complaint's case is offered and joined.
    type_into(driver, "citizen-0-full_name", "nguyen van an")
    panel = wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-matches")))
    assert "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND" in panel.text, panel.text
    assert "Tố cáo" not in panel.text, "the denunciation's case is never offered at the desk"
    same = panel.find_element(By.XPATH, ".//button[contains(., 'Cùng vụ việc')]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", same)
    same.click()
    assert "Khiếu nại quyết định thu hồi đất" in driver.find_element(By.ID, "intake-case").text
    type_into(driver, "intake-summary", "Hỏi tiến độ giải quyết khiếu nại")
    screenshot("day-repeat-visit")
    click(driver, "intake-save")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "intake-saved"), "vụ việc cũ"))

    # ---- The handler: the proposal is concrete, the acceptance one entry. ----
    sign_out_and_in(driver, "xuly")
    click(driver, "nav-petitions")
    click(driver, "tab-petitions")
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "thu hồi đất số 12" in r.text))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", row)
    row.find_elements(By.TAG_NAME, "td")[5].click()
    proposal = wait(driver).until(EC.visibility_of_element_located((By.ID, "routing-proposal")))
    assert "Thụ lý" in proposal.text and "Chủ tịch Ủy ban nhân dân xã" in proposal.text, proposal.text
    assert "Căn cứ: Luật Khiếu nại" in proposal.text, proposal.text
    # What the desk typed is there to correct in the handling panel's Thông tin đơn.
    facts = driver.find_element(By.ID, "petition-facts")
    driver.execute_script("arguments[0].open = true; arguments[0].scrollIntoView({block: 'center'});", facts)
    assert driver.find_element(By.ID, "facts-contested_on").get_attribute("value") == contested.strftime("%d/%m/%Y")
    assert Select(driver.find_element(By.ID, "facts-respondent_role")).first_selected_option.text == "Chủ tịch UBND xã"
    screenshot("day-handling-proposal")
    click(driver, "print-proposal")
    printed = wait(driver).until(EC.visibility_of_element_located((By.ID, "decision-printed")))
    read_back(printed.find_element(By.CLASS_NAME, "path").text, ["PHIẾU ĐỀ XUẤT", "Căn cứ Luật Khiếu nại", "Phạm Văn Xử"])
    assert driver.find_element(By.ID, "handle-accept-now").is_selected(), "accepting records thụ lý with it"
    click(driver, "handle-save")
    done = wait(driver).until(EC.visibility_of_element_located((By.ID, "handle-saved")))
    assert "thụ lý ngày" in done.text
    deadlines = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-deadlines")))
    accept_row = next(r for r in deadlines.find_elements(By.TAG_NAME, "tr") if r.text.startswith("Thụ lý"))
    assert "đã xong" in accept_row.text, deadlines.text
    assert any(r.text.startswith("Giải quyết") for r in deadlines.find_elements(By.TAG_NAME, "tr")), deadlines.text
    click(driver, "print-decision")
    printed = wait(driver).until(EC.text_to_be_present_in_element((By.ID, "decision-printed"), "thông báo"))
    notice = driver.find_element(By.ID, "decision-printed").find_element(By.CLASS_NAME, "path").text
    read_back(notice, ["Luật Khiếu nại 2011 Điều 27", "thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân xã"])
    screenshot("day-handled")
    # A hot spot on the watch list, then taken off it from the dashboard with a reason.
    click(driver, "watch-open")
    select(driver, "watch-kind", "hot_spot")
    type_into(driver, "watch-reason", "Nhiều hộ cùng khiếu nại việc thu hồi đất")
    type_into(driver, "watch-review", (today + datetime.timedelta(days=7)).strftime("%d/%m/%Y"))
    click(driver, "watch-save")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "watch-done")))
    click(driver, "nav-dashboard")
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "watch-list")))
    assert "Nhiều hộ cùng khiếu nại" in listed.text
    end = listed.find_element(By.XPATH, ".//button[contains(., 'Thôi theo dõi')]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", end)
    end.click()
    reason = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#watch-list form.end-watch input")))
    reason.send_keys("Đã đối thoại, các hộ đồng ý chờ kết quả")
    driver.find_element(By.CSS_SELECTOR, "#watch-list form.end-watch button").click()
    wait(driver).until(lambda d: "Nhiều hộ cùng khiếu nại" not in d.find_element(By.ID, "dashboard").text)

    # ---- The chair: his reception day, the complainant booked, the briefing pack. ----
    sign_out_and_in(driver, "chutich")
    click(driver, "nav-schedule")
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Lịch tiếp công dân")
    type_into(driver, "plan-name", "Phạm Văn Hùng")
    type_into(driver, "plan-from", today.strftime("%d/%m/%Y"))
    type_into(driver, "plan-place", "Trụ sở tiếp công dân xã Ba Tơ")
    click(driver, "plan-save")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "plan-list"), "thứ Năm hằng tuần"))
    thursday = today + datetime.timedelta(days=(3 - today.weekday()) % 7 or 7)
    if thursday.month != today.month:
        click(driver, "schedule-next")
    row = wait(driver).until(EC.presence_of_element_located((By.ID, f"session-{thursday.isoformat()}-chair")))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", row)
    row.find_element(By.TAG_NAME, "button").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "session-panel")))
    type_into(driver, "booking-who", "Nguyễn Văn An")
    click(driver, "booking-find")
    case = wait(driver).until(EC.presence_of_element_located((By.ID, "booking-case")))
    assert "thu hồi đất" in case.text, "the real complaint can be attached"
    click(driver, "booking-save")
    listed = wait(driver).until(EC.visibility_of_element_located((By.ID, "booking-list")))
    assert "Nguyễn Văn An" in listed.text
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", listed)
    listed.find_element(By.TAG_NAME, "button").click()
    slip = wait(driver).until(EC.visibility_of_element_located((By.ID, "slip-printed")))
    read_back(slip.find_element(By.CSS_SELECTOR, ".muted").text.strip(), ["PHIẾU HẸN", "Nguyễn Văn An", "Phạm Văn Hùng"])
    click(driver, "briefing-pack")
    packed = wait(driver).until(EC.visibility_of_element_located((By.ID, "briefing-done")))
    pack = read_back(packed.find_element(By.CSS_SELECTOR, ".muted").text.strip(), ["TÀI LIỆU CHUẨN BỊ", "Thời hạn giải quyết"])
    assert "Không có thời hạn nào đang chạy" not in pack, pack
    assert "Tố cáo cán bộ địa chính" not in pack, "the pack never shows the denunciation"
    screenshot("day-schedule-booked")

    # ---- 01/TCD for today: the repeat visit is counted. ----
    click(driver, "nav-reports")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "report-table")))
    select(driver, "report-template", "01/TCD")
    select(driver, "report-kind", "custom")
    type_into(driver, "report-from", today.strftime("%d/%m/%Y"))
    type_into(driver, "report-to", today.strftime("%d/%m/%Y"))
    click(driver, "report-run")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "report-period"), today.strftime("%d/%m/%Y")))
    assert driver.find_element(By.ID, "report-cell-4").text == "3", "three regular visits"
    assert driver.find_element(By.ID, "report-cell-7").text == "1", "Mr An's case received more than once"
    screenshot("day-report-01tcd")

    # ---- The PC changes hands at the lock screen. ----
    # The chair starts typing a visit, then locks the screen and leaves.
    click(driver, "nav-intake")
    type_into(driver, "citizen-0-full_name", "Khách của Chủ tịch")

    def chair_draft(_):
        con = harness.connect(data)
        try:
            return con.execute("SELECT count(*) FROM drafts WHERE content LIKE '%Khách của Chủ tịch%'").fetchone()[0] == 1
        finally:
            con.close()

    wait(driver, 10).until(chair_draft)
    click(driver, "lock-now")
    lock = wait(driver).until(EC.visibility_of_element_located((By.ID, "lock-screen")))
    assert "lâu không thao tác" not in lock.text
    click(driver, "switch-user")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "sign-in")))
    harness.sign_in(driver, "tiepdan", "tiepdan-mật-khẩu")
    click(driver, "nav-intake")
    wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name")))
    assert not driver.find_elements(By.ID, "intake-draft"), "nobody else's half-typed visit"
    screenshot("day-switched-user")

    # The records behind the day, read with the office's recovery key.
    con = harness.connect(data)
    try:
        officers = con.execute(
            "SELECT DISTINCT o.full_name FROM visits v JOIN officers o ON o.id = v.officer_id"
        ).fetchall()
        cases = con.execute(
            "SELECT count(DISTINCT case_id) FROM petitions WHERE visit_id = (SELECT min(id) FROM visits)"
        ).fetchone()[0]
    finally:
        con.close()
    assert officers == [("Lê Thị Tiếp",)]
    assert cases == 2, "the complaint and the denunciation are two matters"
    assert re.search(r"\d", at)
