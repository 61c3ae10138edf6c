"""A denouncer's identity in the real window: hidden from a reception officer on every
screen, revealed to them only after a leader approves their request in the app, every view
logged (who, when, which petition, why); never in a redacted export."""

import json
import re
import os
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import harness
from harness import click_id as click, invoke, screenshot
from test_registers import FORWARDED

SECRETS = ["Lò Văn Kín", "051070009999", "Nước Lăng"]


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def cli(cli_binary, data, *args, env=None):
    out = subprocess.run([cli_binary, "--data", str(data), *args], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout


def open_denunciation(driver):
    click(driver, "nav-petitions")
    click(driver, "tab-petitions")
    table = wait(driver).until(EC.visibility_of_element_located((By.ID, "petition-register")))
    row = wait(driver).until(lambda d: next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "Phó Chủ tịch xã" in r.text))
    row.find_elements(By.TAG_NAME, "td")[5].click()
    return wait(driver).until(EC.visibility_of_element_located((By.ID, "reveal")))


def assert_hidden(driver):
    page = driver.page_source
    for secret in SECRETS:
        assert secret not in page, f"the screen shows the denouncer: {secret}"


def views(data):
    con = harness.connect(data)
    try:
        return con.execute(
            "SELECT actor, detail FROM audit_log WHERE action = 'denouncer.view' ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_reception_officer_sees_a_denouncer_only_after_a_leaders_approval(office_data, open_window, cli_binary, tmp_path):
    data = office_data
    scenario = tmp_path / "to-cao.jsonl"
    scenario.write_text(FORWARDED, encoding="utf-8")
    cli(cli_binary, data, "import", str(scenario))
    for login, name, roles in [("tiepdan", "Lê Thị Tiếp", "reception"), ("chutich", "Phạm Văn Hùng", "leader")]:
        env = {**os.environ, "TIEPDAN_NEW_PASSWORD": f"{login}-mật-khẩu"}
        cli(cli_binary, data, "account", "add", login, "--name", name, "--roles", roles, env=env)

    # The reception officer: the name is on no screen; the panel offers a request only.
    reception = open_window(data, login="tiepdan", password="tiepdan-mật-khẩu")
    wait(reception).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    open_denunciation(reception)
    assert not reception.find_elements(By.ID, "reveal-view")
    # Handling is not this role's: the form is not offered (and the core would refuse).
    assert not reception.find_elements(By.ID, "handle-save")
    click(reception, "reveal-request")
    error = wait(reception).until(EC.visibility_of_element_located((By.ID, "reveal-error")))
    assert "Ghi rõ lý do" in error.text
    reception.find_element(By.ID, "reveal-reason").send_keys("Cần liên hệ người tố cáo để bổ sung tài liệu")
    click(reception, "reveal-request")
    wait(reception).until(EC.visibility_of_element_located((By.ID, "reveal-waiting")))
    assert_hidden(reception)
    # Asked through the window's IPC, the core refuses the identity too.
    refused = invoke(reception, "reveal_denouncers", {"petitionId": 1, "reason": "thử xem không cần duyệt"})
    assert refused and refused["code"] == "forbidden", refused
    screenshot("reveal-requested")
    reception.quit()
    assert views(data) == []

    # The leader approves from the dashboard; a redacted export still leaves the name out.
    leader = open_window(data, login="chutich", password="chutich-mật-khẩu")
    request = wait(leader).until(EC.visibility_of_element_located((By.ID, "reveal-requests")))
    assert "Cần liên hệ người tố cáo" in request.text and "Lê Thị Tiếp" in request.text
    screenshot("reveal-approval")
    click(leader, "reveal-approve-1")
    wait(leader).until(lambda d: not d.find_elements(By.ID, "reveal-requests"))
    # The leader holds the denouncer key and writes its recovery code down once.
    click(leader, "nav-settings")
    granted = wait(leader).until(EC.visibility_of_element_located((By.ID, "identity-granted")))
    assert "chutich" in granted.text
    assert "Chưa chép" in leader.find_element(By.ID, "identity-recovery").text
    click(leader, "identity-show-code")
    code = wait(leader).until(EC.visibility_of_element_located((By.ID, "identity-code")))
    assert re.fullmatch(r"([0-9A-F]{8}-){7}[0-9A-F]{8}", code.text.strip()), code.text
    wait(leader).until(lambda d: "Đã chép lúc" in d.find_element(By.ID, "identity-recovery").text)
    screenshot("identity-key")
    leader.quit()

    # Approved: the officer sees it once, and the view is logged.
    reception = open_window(data, login="tiepdan", password="tiepdan-mật-khẩu")
    wait(reception).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    open_denunciation(reception)
    reception.find_element(By.ID, "reveal-reason").send_keys("Gọi điện hẹn người tố cáo bổ sung tài liệu")
    click(reception, "reveal-view")
    shown = wait(reception).until(EC.visibility_of_element_located((By.ID, "reveal-identity")))
    assert "Lò Văn Kín" in shown.text
    screenshot("reveal-shown")
    click(reception, "reveal-hide")
    # Once: the next view needs a new request.
    assert wait(reception).until(EC.visibility_of_element_located((By.ID, "reveal-request")))
    reception.quit()
    logged = views(data)
    assert len(logged) == 1
    actor, detail = logged[0]
    assert "Lê Thị Tiếp" in actor
    assert json.loads(detail)["reason"] == "Gọi điện hẹn người tố cáo bổ sung tài liệu"

    # The administrator (who also holds the leader's role here) reads in the audit trail who
    # saw the denouncer, and why; the trail names no denouncer.
    admin = open_window(data)
    click(admin, "nav-settings")
    from selenium.webdriver.support.ui import Select
    click(admin, "audit-trail")
    Select(admin.find_element(By.ID, "audit-action")).select_by_value("denouncer.")
    click(admin, "audit-load")
    rows = wait(admin).until(EC.visibility_of_element_located((By.ID, "audit-rows")))
    assert "Xem danh tính người tố cáo" in rows.text and "Lê Thị Tiếp" in rows.text, rows.text
    assert "Gọi điện hẹn người tố cáo" in rows.text
    assert "Duyệt đề nghị xem danh tính người tố cáo" in rows.text
    assert "toàn vẹn" in admin.find_element(By.ID, "audit-check").text
    for secret in SECRETS:
        assert secret not in rows.text
    screenshot("audit-trail")
    # Exports for outside the office: redacted by default, no trace of the denouncer.
    assert admin.find_element(By.ID, "export-redact").is_selected()
    click(admin, "export-all")
    done = wait(admin).until(EC.visibility_of_element_located((By.ID, "export-done")))
    path = done.text.split("ra tệp ", 1)[1].strip()
    text = open(path, encoding="utf-8").read()
    for secret in SECRETS:
        assert secret not in text
