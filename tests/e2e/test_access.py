"""Signing in as each role in the real window: the administrator creates accounts, each
officer sees only the areas their roles allow, the core refuses a leader's action asked for
by a reception officer through the window's own IPC, and the screen locks when left idle."""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness
from harness import click_id as click, invoke, screenshot, type_into


def wait(driver, seconds=30):
    return WebDriverWait(driver, seconds)


def add_account(driver, login, name, role):
    Select(driver.find_element(By.ID, "account-officer")).select_by_index(0)
    type_into(driver, "account-full_name", name)
    type_into(driver, "account-login", login)
    type_into(driver, "account-password", f"{login}-mật-khẩu")
    type_into(driver, "account-password_again", f"{login}-mật-khẩu")
    for r in ("reception", "handler", "leader", "admin"):
        box = driver.find_element(By.ID, f"account-role-{r}")
        if box.is_selected() != (r == role):
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
            box.click()
    click(driver, "account-add")
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "account-done"), f'"{login}"'))


def nav_ids(driver):
    return {e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "nav.rail button")}


def test_each_role_sees_its_areas_and_the_core_refuses_the_rest(office_data, open_window):
    admin = open_window(office_data)
    wait(admin).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    assert "Trần Văn Quản" in admin.find_element(By.ID, "signed-in").get_attribute("textContent")
    click(admin, "nav-catalogues")
    click(admin, "tab-officers")
    wait(admin).until(EC.visibility_of_element_located((By.ID, "accounts")))
    # A bad account is explained and nothing is created.
    type_into(admin, "account-login", "A")
    click(admin, "account-add")
    error = wait(admin).until(EC.visibility_of_element_located((By.ID, "account-login-error")))
    assert "3–32 ký tự" in error.text
    add_account(admin, "tiepdan", "Lê Thị Tiếp", "reception")
    add_account(admin, "xuly", "Phạm Văn Xử", "handler")
    add_account(admin, "chutich", "Phạm Văn Hùng", "leader")
    rows = admin.find_element(By.ID, "account-list").text
    assert "tiepdan" in rows and "Cán bộ tiếp công dân" in rows and "chutich" in rows
    screenshot("accounts")
    admin.quit()

    seen = {}
    for login in ("tiepdan", "xuly", "chutich"):
        driver = open_window(office_data, login=login, password=f"{login}-mật-khẩu")
        wait(driver).until(EC.visibility_of_element_located((By.ID, "dashboard")))
        seen[login] = nav_ids(driver)
        if login == "tiepdan":
            # A leader's and an administrator's action, asked for through the window's own
            # IPC, are refused by the core with the reason.
            period = {"kind": "custom", "year": 2026, "from": "2026-01-01", "to": "2026-06-30"}
            e = invoke(driver, "submit_report", {"template": "01/XLD", "period": period, "note": ""})
            assert e and e["code"] == "forbidden", e
            assert "Lãnh đạo" in e["message_vi"], e
            e = invoke(driver, "add_account", {"input": {
                "officer_id": None, "full_name": "Kẻ Lạ", "title": "", "login": "kela",
                "password": "12345678", "password_again": "12345678", "roles": ["admin"]}})
            assert e and e["code"] == "forbidden", e
            screenshot("signed-in-reception")
            # Their own password, in Cài đặt: the current one is asked again.
            click(driver, "nav-settings")
            assert driver.find_elements(By.ID, "office-readonly"), "the profile is the administrator's"
            type_into(driver, "own-current", "không phải mật khẩu")
            type_into(driver, "own-new", "mật khẩu mới 2026")
            type_into(driver, "own-again", "mật khẩu mới 2026")
            click(driver, "own-save")
            error = wait(driver).until(EC.visibility_of_element_located((By.ID, "own-error")))
            assert "Mật khẩu hiện tại không đúng" in error.text
            type_into(driver, "own-current", "tiepdan-mật-khẩu")
            click(driver, "own-save")
            wait(driver).until(EC.visibility_of_element_located((By.ID, "own-done")))
        driver.quit()
    assert "nav-catalogues" not in seen["tiepdan"] and "nav-intake" in seen["tiepdan"]
    assert "nav-catalogues" not in seen["chutich"] and "nav-reports" in seen["chutich"]
    assert "nav-intake" in seen["xuly"]

    # Nobody made "kela": the refused IPC call wrote nothing.
    con = harness.connect(office_data)
    try:
        logins = {r[0] for r in con.execute("SELECT login FROM accounts")}
    finally:
        con.close()
    assert logins == {"quantri", "tiepdan", "xuly", "chutich"}


def test_the_screen_locks_when_idle_and_keeps_what_was_typed(office_data, open_window):
    driver = open_window(office_data, extra_args=["--idle-lock-seconds", "5"])
    click(driver, "nav-intake")
    name = wait(driver).until(EC.visibility_of_element_located((By.ID, "citizen-0-full_name")))
    name.send_keys("Nguyễn Văn Chờ")
    time.sleep(7)
    wait(driver).until(EC.visibility_of_element_located((By.ID, "lock-screen")))
    screenshot("idle-lock")
    # While locked the core refuses every command.
    e = invoke(driver, "due", {})
    assert e and e["code"] == "signed_out", e
    # A wrong password does not unlock.
    driver.find_element(By.ID, "signin-password").send_keys("sai")
    driver.find_element(By.ID, "signin-submit").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "signin-error")))
    harness.sign_in(driver, harness.ADMIN, harness.PASSPHRASE)
    assert driver.find_element(By.ID, "citizen-0-full_name").get_attribute("value") == "Nguyễn Văn Chờ"
    assert invoke(driver, "due", {}) is None
