"""The canary: a denouncer with a unique name, identity number and phone hands in a
denunciation at the desk (with a scan, a booking into the chair's reception day and a
refusal notice). Then, signed in as each role in the real window, EVERY command the shell
registers is called through the window's own IPC, and every CLI subcommand is run with each
role's password; every return value, error, document and file written is scanned for the
canary, and so is every file beside the database and in the viewing folders.

The only allowed appearances are the desk's first prints on the day of the visit (made
while seeding) and views the core logs: a role holding the right to see denouncers whose
call added a `denouncer.view` row to the audit trail. The test's table of commands is
compared with the list the shell registers, so a new command without coverage fails it."""

import base64
import hashlib
import datetime
import json
import os
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import harness

NAME = "Vừ Thị Canh Ry"
ID_NUMBER = "011180054321"
PHONE = "0977123456"
SECRETS = [NAME, ID_NUMBER, PHONE, "Canh Ry"]
ROOT = Path(__file__).resolve().parents[2]
ROLES = {"tiepdan": "reception", "xuly": "handler", "chutich": "leader", "quantri2": "admin"}
MAY_SEE = {"handler", "leader"}


def leaked(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def password(login: str) -> str:
    return f"{login}-mật-khẩu"


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def call(driver, command: str, args: dict):
    """A command called as the UI calls it (Tauri takes top-level arguments in camelCase)."""
    args = {camel(k): v for k, v in args.items()}
    return driver.execute_async_script(
        """
        const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args)
          .then((v) => done({ok: v === undefined ? null : v}), (e) => done({err: e}));
        """,
        command,
        args,
    )


def file_text(path: str) -> str:
    """What a person opening the file would read."""
    p = Path(path)
    if not p.is_file():
        return ""
    data = p.read_bytes()
    if data.startswith(b"%PDF"):
        out = subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True, text=True)
        return out.stdout
    if data.startswith(b"PK"):
        with zipfile.ZipFile(p) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return data.decode("utf-8", "replace")


def paths_in(value) -> list[str]:
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "path" and isinstance(v, str):
                found.append(v)
            else:
                found.extend(paths_in(v))
    elif isinstance(value, list):
        for v in value:
            found.extend(paths_in(v))
    return found


def views(data: Path) -> int:
    con = harness.connect(data)
    try:
        return con.execute("SELECT count(*) FROM audit_log WHERE action = 'denouncer.view'").fetchone()[0]
    finally:
        con.close()


def registered_commands() -> list[str]:
    lib = (ROOT / "src-tauri/src/lib.rs").read_text(encoding="utf-8")
    handler = lib[lib.index("generate_handler!["):]
    handler = handler[: handler.index("]")]
    return re.findall(r"commands::(\w+)", handler)


def commands(ids: dict, login: str) -> dict:
    """Every registered command with arguments that reach the canary's records where it
    can; the rest with harmless arguments (a wrong id, an invalid value)."""
    today = datetime.date.today().isoformat()
    period = {"kind": "custom", "year": datetime.date.today().year, "from": f"{datetime.date.today().year}-01-01", "to": today}
    session = {"id": ids["session"], "plan_id": None, "planned_on": None}
    reg_filter = {"from": None, "to": None, "text": None, "kind": None, "limit": 500}
    petition = ids["petition"]
    bad_citizen = {"full_name": "", "id_kind": "none", "id_number": None, "id_issued_on": None,
                   "id_issued_by": None, "birth_year": None, "gender": None, "address": "", "phone": None}
    other_visit = {
        "at": ids["at"], "reception": "regular", "received_by": "officer",
        "citizens": [{"new": {**bad_citizen, "full_name": "Lê Văn Khác", "address": "Thôn Tây"}}],
        "representatives": [], "people": 1, "case": "new", "summary": "Hỏi thủ tục đất đai",
        "outcome": "Hướng dẫn", "petitions": []}
    return {
        "access_state": {},
        "setup_admin": {"input": {"officer_id": None, "full_name": "X", "title": "", "login": "xx",
                                  "password": "x", "password_again": "x", "roles": ["admin"]}},
        "sign_in": {"login": login, "password": password(login)},
        "lock_session": None,  # last: see below
        "accounts": {},
        "add_account": {"input": {"officer_id": None, "full_name": "Kẻ Lạ", "title": "", "login": "k",
                                  "password": "1", "password_again": "2", "roles": []}},
        "set_password": {"login": "khongco", "password": "1", "password_again": "1"},
        "set_account_active": {"login": "khongco", "active": False},
        "change_own_password": {"current": "sai", "password": "1", "password_again": "1"},
        "reveal_status": {"petition_id": petition},
        "request_reveal": {"petition_id": petition, "reason": "Cần liên hệ người tố cáo để xác minh"},
        "pending_reveals": {},
        "decide_reveal": {"request_id": 999999, "approve": True, "note": ""},
        "reveal_denouncers": {"petition_id": petition, "reason": "Xác minh nội dung tố cáo với người tố cáo"},
        "app_status": {},
        "save_office": {"input": {"name": ""}},
        "backup_now": {},
        "about_info": {},
        "find_citizens": [{"name": NAME, "id_number": None}, {"name": "", "id_number": ID_NUMBER},
                          {"name": "Canh", "id_number": PHONE}],
        "record_visit": {"input": other_visit},
        "save_draft": {"form": "intake", "content": {"note": "bản nháp của " + login}},
        "load_draft": {"form": "intake"},
        "discard_draft": {"form": "intake"},
        "visit_record": {"visit_id": ids["visit"]},
        "void_visit": {"visit_id": ids["visit"], "reason": ""},
        "void_outcome": {"event_id": 999999, "reason": ""},
        "print_visit_document": [{"visit_id": ids["visit"], "form": f, "options": {
            "appointment_at": f"{ids['next_day']}T09:00", "appointment_place": None, "appointment_purpose": None}}
            for f in ("receipt", "minutes", "appointment")],
        "search": [{"query": q} for q in (NAME, ID_NUMBER, PHONE, "Canh")],
        "reception_register": {"filter": reg_filter},
        "petition_register": {"filter": reg_filter},
        "export_register": [{"register": r, "filter": reg_filter} for r in ("reception", "petitions")],
        "export_register_pdf": [{"register": r, "filter": reg_filter} for r in ("reception", "petitions")],
        "import_interchange": {"text": ""},
        "legacy_preview": {"bytes": [80, 75, 3, 4]},
        "legacy_import": {"bytes": [80, 75, 3, 4]},
        "export_interchange": [{"redact": True, "reason": ""}, {"redact": False, "reason": ""},
                               {"redact": False, "reason": "Chuyển toàn bộ hồ sơ sang máy mới của cơ quan"}],
        "merge_citizens": {"kept": ids["citizen"], "merged": ids["citizen"], "reason": "thử gộp"},
        "petition_view": {"petition_id": petition},
        "handle_petition": {"input": {"petition_id": petition, "on": today, "action": "accept",
                                      "to_agency": None, "reason": "Thuộc thẩm quyền Chủ tịch xã",
                                      "note": None, "accepted_on": None}},
        "record_outcome": {"input": {"petition_id": petition, "on": today, "kind": "dialogue", "result": None,
                                     "decision": None, "partial": False, "reason": None,
                                     "minutes": "Làm việc với người bị tố cáo", "results": {}}},
        "outcomes": {"petition_id": petition},
        "plans": {},
        "add_plan": {"input": {"host": "chair", "host_name": "", "rule": {"weekly": []}, "from": "x",
                               "to": None, "place": "", "start": "", "end": "", "capacity": 0}},
        "end_plan": {"plan_id": 999999, "to": today},
        "schedule": {"from": today, "to": ids["next_day"]},
        "add_session": {"input": {"kind": "one_off", "host": "chair", "host_name": "", "on": "x",
                                  "place": "", "start": "", "end": "", "capacity": 0}},
        "cancel_session": {"key": {"id": 999999, "plan_id": None, "planned_on": None}, "reason": "thử"},
        "book": {"input": {"session": session, "citizen_id": ids["citizen"], "case_id": ids["case"],
                           "people": 1, "note": None}},
        "bookings": {"session_id": ids["session"]},
        "print_booking_slip": {"booking_id": ids["booking"]},
        "cancel_booking": {"booking_id": 999999, "reason": "thử hủy"},
        # (Typing the canary's own number registers what the insider typed: the core test
        # `a_reception_officer_reaches_the_denouncer_on_no_path_after_the_desk` checks it.)
        "add_citizen": [{"input": {**bad_citizen, "full_name": f"Người Gọi {login}", "address": "Thôn Mới"}}],
        "receive_mail": [{"input": {"received_on": "2099-01-01", "channel": "post", "forwarded_by": None,
                                    "forwarded_doc": None, "citizens": [{"existing": ids["citizen"]}],
                                    "case": "new", "petitions": []}}],
        "print_extension": {"event_id": 999999},
        "print_denunciation_result": {"event_id": 999999},
        "add_directive": {"input": {"kind": "supervision", "issuer": "", "number": "", "issued_on": "x",
                                    "received_on": "x", "summary": "", "tasks": []}},
        "directives": {"all": True},
        "complete_directive_task": {"task_id": 999999, "on": "2099-01-01", "result": "x"},
        "void_directive": {"id": 999999, "reason": "thử"},
        "request_protection": {"input": {"petition_id": 999999, "requested_on": "2099-01-01", "scopes": [], "reason": ""}},
        "protections": {"petition_id": 999999},
        "print_work_minutes": {"input": {"petition_id": 999999, "at": "x", "place": "", "participants": [], "content": ""}},
        "print_verification_report": {"input": {"event_id": 999999, "findings": "x", "proposal": "x"}},
        "decide_protection": {"input": {"id": 999999, "accept": False, "measures": "", "until": "", "reason": "x"}},
        "print_verification_decision": {"input": {"event_id": 999999, "verifier": "x", "report_by": "2099-01-01"}},
        "print_resolution_document": {"input": {"event_id": 999999, "findings": "x", "assessment": "x",
                                                "measures": "x"}},
        "identity_key_status": {},
        "identity_recovery_code": {},
        "grant_identity_key": [{"login": "khongco", "code": "0" * 64},
                               {"login": "xuly", "code": "sai-ma"}],
        "set_shift_policy": {"policy": "next"},
        "export_schedule_ics": {"from": today, "to": ids["next_day"], "host": None},
        "export_briefing_pack": {"key": session},
        "export_schedule_notice": {"from": today, "to": ids["next_day"]},
        "conclude_session": {"input": {"session": session, "items": []}},
        "print_empty_session_minutes": {"input": {"session": session, "members": []}},
        "assignments_of": {"session_id": ids["session"]},
        "complete_assignment": {"id": 999999, "on": today},
        "print_dialogue_minutes": {"event_id": 999999},
        "add_task": {"input": {"petition_id": petition, "kind": "step", "what": "Xác minh", "who": "Cán bộ",
                               "due": ids["next_day"]}},
        "complete_task": {"id": 999999, "on": today},
        "tasks_of": {"petition_id": petition},
        "attach": {"input": {"owner": "petition", "owner_id": petition, "file_name": "khac.txt",
                             "content_base64": base64.b64encode(b"not a scan").decode()}},
        "attachments_of": [{"owner": o, "owner_id": ids[k]} for o, k in
                           (("petition", "petition"), ("visit", "visit"), ("case", "case"))],
        "open_attachment": {"id": ids["attachment"]},
        "watch_case": {"input": {"petition_id": petition, "kind": "hot_spot", "reason": "Theo dõi",
                                 "source": None, "review_on": ids["next_day"]}},
        "end_watch": {"id": 999999, "reason": "thử"},
        "watch_list": {},
        "work_stats": {"period": period},
        "print_dialogue_invitation": {"input": {"petition_id": petition, "at": f"{ids['next_day']}T09:00",
                                                "place": "Trụ sở UBND xã"}},
        "print_resolution_stop": {"event_id": 999999},
        "assign_leader": {"petition_id": petition, "officer_id": None},
        "record_mediation": {"input": {"petition_id": petition, "on": "x", "mediator": "", "outcome": "success",
                                       "content": ""}},
        "mediations_of": {"petition_id": petition},
        "correct_citizen": {"input": {"citizen_id": ids["citizen"], "citizen": bad_citizen, "reason": ""}},
        "export_citizen_data": {"citizen_id": ids["citizen"]},
        "agencies": {},
        "add_agency": {"input": {"name": "", "role": "court", "address": None}},
        "print_decision": {"petition_id": petition},
        "due": {},
        "petition_deadlines": {"petition_id": petition},
        "set_several_contents": {"petition_id": petition, "several": False},
        "rule_files": {},
        "check_rule_file": {"file": "calendar", "text": "không phải toml"},
        "save_rule_file": {"file": "calendar", "text": "không phải toml"},
        "reset_rule_file": {"file": "identity"},
        "calendar_days": {"year": datetime.date.today().year},
        "next_working_day": {"after": today},
        "update_officer": {"input": {"officer_id": 999999, "full_name": "X", "title": "", "active": True}},
        "other_disks": {},
        "cancel_work": {},
        "audit_trail": [{"filter": {"from": None, "to": None, "action": None, "actor": None, "limit": 1000}},
                        {"filter": {"from": None, "to": None, "action": "denouncer.", "actor": None, "limit": 50}}],
        "backup_to_other_disk": {"target": "/khong/co/o/nay"},
        "backup_files": {"dir": None},
        "restore_backup": {"file": "/khong/co/tep.sqlite3"},
        "citizen_history": {"citizen_id": ids["citizen"]},
        "print_recovery_key": {"key": "không phải khóa"},
        "discard_recovery_key_sheet": {},
        "update_petition_facts": {"input": {"petition_id": petition, "respondent_role": None,
                                            "respondent_name": None, "instance": None, "contested_on": None,
                                            "decision_kind": None, "oral": False}},
        "set_office_day": {"input": {"date": "x", "kind": "holiday", "note": ""}},
        "remove_office_day": {"date": "1900-01-01"},
        "print_acceptance_proposal": {"petition_id": petition},
        "refuse_reception": {"visit_id": ids["visit"], "input": {"ground": "disruptive", "detail": "In lại"}},
        "officers": {},
        "add_officer": {"input": {"full_name": "", "title": "", "role": "reception"}},
        "assign_case": {"petition_id": petition, "officer_id": None},
        "report": [{"template": t, "period": period} for t in ("01/TCD", "01/XLD", "03/XLD")],
        "report_records": [{"template": "03/XLD", "period": period, "ms": m} for m in range(1, 8)]
                          + [{"template": "01/TCD", "period": period, "ms": m} for m in range(1, 6)],
        "export_report": {"template": "03/XLD", "period": period},
        "export_report_pdf": {"template": "03/XLD", "period": period},
        "export_written_report": {"period": period},
        "trend": {},
        "hot_spots": {},
        "reminders": {},
        "integrity_status": {},
        "mark_reminder_sent": {"key": "dated:2099-01-01:không có"},
        "export_plan_report": {"key": "dated:2099-01-01:không có"},
        "daily_backup": {},
        "backup_reminder": {},
        "subfield_suggestions": {},
        "submit_report": {"template": "03/XLD", "period": {**period, "kind": "x"}, "note": ""},
        "report_changes": {"template": "03/XLD", "period": period},
    }


def seed(driver, data: Path) -> dict:
    """The reception officer records the canary's visit and makes the desk's first prints."""
    now = datetime.datetime.now() - datetime.timedelta(minutes=5)
    at = now.strftime("%Y-%m-%dT%H:%M")
    visit = {
        "at": at, "reception": "regular", "received_by": "officer",
        "citizens": [{"new": {"full_name": NAME, "id_kind": "cccd", "id_number": ID_NUMBER, "id_issued_on": None,
                              "id_issued_by": None, "birth_year": 1980, "gender": "female",
                              "address": "Thôn Nước Lăng, xã Ba Tơ", "phone": PHONE}}],
        "representatives": [], "people": 1, "case": "new",
        "summary": "Tố cáo cán bộ địa chính nhận tiền", "outcome": "Tiếp nhận đơn tố cáo",
        "petitions": [{"kind": "denunciation", "field": "land", "summary": "Tố cáo cán bộ địa chính nhận tiền",
                       "anonymous": False, "respondent_role": None, "respondent_name": None, "instance": None,
                       "contested_on": None, "decision_kind": None, "oral": False, "papers": []}],
    }
    r = call(driver, "record_visit", {"input": visit})
    assert "ok" in r, r
    rec = r["ok"]
    ids = {"at": at, "visit": rec["visit_id"], "case": rec["case_id"], "citizen": rec["citizen_ids"][0],
           "petition": rec["petition_ids"][0]}
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    r = call(driver, "attach", {"input": {"owner": "petition", "owner_id": ids["petition"],
                                          "file_name": f"don-to-cao-{NAME}.png",
                                          "content_base64": base64.b64encode(png).decode()}})
    assert "ok" in r, r
    ids["attachment"] = r["ok"][0]["id"]
    next_day = call(driver, "next_working_day", {"after": datetime.date.today().isoformat()})["ok"]
    ids["next_day"] = next_day
    # The desk's first prints, on the day of the visit: they name the canary.
    for form in ("receipt", "minutes", "appointment"):
        r = call(driver, "print_visit_document", {"visit_id": ids["visit"], "form": form, "options": {
            "appointment_at": f"{next_day}T09:00", "appointment_place": None, "appointment_purpose": None}})
        assert "ok" in r, (form, r)
        assert leaked(file_text(r["ok"]["document"]["path"] if "document" in r["ok"] else r["ok"]["path"]))
    r = call(driver, "refuse_reception", {"visit_id": ids["visit"], "input": {"ground": "disruptive",
                                                                              "detail": "Có lời lẽ xúc phạm"}})
    assert "ok" in r, r
    r = call(driver, "add_session", {"input": {"kind": "one_off", "host": "chair", "host_name": "Phạm Văn Hùng",
                                               "on": next_day, "place": "Trụ sở UBND xã", "start": "08:00",
                                               "end": "11:00", "capacity": 10}})
    assert "ok" in r, r
    ids["session"] = r["ok"]
    r = call(driver, "book", {"input": {"session": {"id": ids["session"], "plan_id": None, "planned_on": None},
                                        "citizen_id": ids["citizen"], "case_id": ids["case"], "people": 1,
                                        "note": None}})
    assert "ok" in r, r
    ids["booking"] = r["ok"]["id"]
    assert not leaked(json.dumps(r, ensure_ascii=False)), r
    r = call(driver, "print_booking_slip", {"booking_id": ids["booking"]})
    assert "ok" in r, r
    return ids


def check_call(data: Path, role: str, what: str, run) -> list[str]:
    """Runs one call; the canary in what it returns or writes is a leak unless the role holds
    the right and the call logged a view."""
    before = views(data)
    result, written = run()
    text = json.dumps(result, ensure_ascii=False) + "\n".join(file_text(p) for p in written)
    found = leaked(text)
    if not found:
        return []
    if role in MAY_SEE and views(data) > before:
        return []
    return [f"{role}: {what} shows {found}"]


def test_the_canary_appears_only_where_a_view_is_logged(office_data, open_window, cli_binary, tmp_path):
    data = office_data
    env = dict(os.environ)
    for login, role in ROLES.items():
        name = {"tiepdan": "Lê Thị Tiếp", "xuly": "Phạm Văn Xử", "chutich": "Phạm Văn Hùng",
                "quantri2": "Trần Quản Trị"}[login]
        out = subprocess.run([cli_binary, "--data", str(data), "account", "add", login, "--name", name,
                              "--roles", role], capture_output=True, text=True,
                             env={**env, "TIEPDAN_NEW_PASSWORD": password(login)})
        assert out.returncode == 0, out.stderr

    desk = open_window(data, login="tiepdan", password=password("tiepdan"))
    WebDriverWait(desk, 30).until(EC.visibility_of_element_located((By.ID, "dashboard")))
    ids = seed(desk, data)
    desk.quit()

    # The table covers exactly what the shell registers.
    table = commands(ids, "tiepdan")
    registered = registered_commands()
    assert sorted(table) == sorted(registered), (
        f"not covered: {sorted(set(registered) - set(table))}; "
        f"no longer registered: {sorted(set(table) - set(registered))}")

    leaks: list[str] = []
    for login, role in ROLES.items():
        driver = open_window(data, login=login, password=password(login))
        WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "dashboard")))
        for command, args in commands(ids, login).items():
            if args is None:
                continue
            for a in args if isinstance(args, list) else [args]:
                def run(command=command, a=a):
                    r = call(driver, command, a)
                    return r, paths_in(r)
                leaks += check_call(data, role, f"{command}({json.dumps(a, ensure_ascii=False)[:80]})", run)
        # Locking is the last call: everything after it is refused.
        r = call(driver, "lock_session", {})
        assert "ok" in r, r
        r = call(driver, "petition_view", {"petition_id": ids["petition"]})
        assert r.get("err", {}).get("code") == "signed_out", r
        driver.quit()

    # Every subcommand of the command line, as each role.
    subcommands = {
        "init": [["init"]],
        "check": [["check"]],
        "backup": [["backup"]],
        "restore": [["restore", "/khong/co/tep.sqlite3"]],
        "import": [["import", str(tmp_path / "trong.jsonl")]],
        "merge-citizens": [["merge-citizens", "--keep", str(ids["citizen"]), "--merge", str(ids["citizen"]),
                            "--reason", "thử gộp"]],
        "export": [["export", "--redact", "--out", str(tmp_path / "{login}-luoc-bo.jsonl")],
                   ["export", "--out", str(tmp_path / "{login}-day-du.jsonl")],
                   ["export", "--out", str(tmp_path / "{login}-day-du.jsonl"), "--reason",
                    "Chuyển toàn bộ hồ sơ sang máy mới của cơ quan"]],
        "audit": [["audit", "verify"]],
        "account": [["account", "list"], ["account", "password", "khongco"]],
        "schedule": [["schedule", "--from", datetime.date.today().isoformat(), "--to", ids["next_day"]]],
        "report": [["report", "--template", t, "--from", f"{datetime.date.today().year}-01-01", "--to",
                    datetime.date.today().isoformat(), "--format", "json"] for t in ("01/TCD", "03/XLD")],
    }
    help_text = subprocess.run([cli_binary, "--help"], capture_output=True, text=True).stdout
    listed = re.findall(r"^  ([a-z-]+)\s", help_text.split("Commands:")[1].split("Options:")[0], re.M)
    assert sorted(c for c in listed if c != "help") == sorted(subcommands), listed
    (tmp_path / "trong.jsonl").write_text("", encoding="utf-8")
    for login, role in ROLES.items():
        for runs in subcommands.values():
            for argv in runs:
                argv = [a.replace("{login}", login) for a in argv]

                def run(argv=argv):
                    out = subprocess.run([cli_binary, "--data", str(data), *argv], capture_output=True,
                                         text=True, env={**env, "TIEPDAN_PASSPHRASE": password(login),
                                                         "TIEPDAN_NEW_PASSWORD": "mật khẩu mới thử"})
                    written = [a for a in argv if a.endswith(".jsonl") and Path(a).exists()]
                    return out.stdout + out.stderr, written
                leaks += check_call(data, role, "tiepdan " + " ".join(argv), run)

    assert not leaks, "\n".join(leaks)

    # Nothing beside the database names the canary.
    for path in data.rglob("*"):
        if path.is_file() and not path.name.startswith("tiepdan.sqlite3") and path.parent.name != "backups":
            assert not leaked(path.read_bytes().decode("utf-8", "replace")), path
    # The copies the windows opened (a window stopped by the test driver cannot clean up)
    # are gone at the next start: only the new window's own folder is left.
    prefix = "tiepdan-" + hashlib.sha256(str(data.resolve()).encode()).hexdigest()[:16] + "-"
    mine = lambda: sorted(p.name for p in Path(tempfile.gettempdir()).glob(prefix + "*"))
    assert mine(), "the windows wrote their copies to this data folder's viewing folders"
    driver = open_window(data, login=None)
    WebDriverWait(driver, 30).until(EC.visibility_of_element_located((By.ID, "sign-in")))
    left = mine()
    assert len(left) <= 1, left
    for name in left:
        assert not list((Path(tempfile.gettempdir()) / name).iterdir()), name

    # The database opened with the database key alone (what every account's password
    # unwraps, read outside the app through SQLCipher's binding) names no denouncer: their
    # identity, the documents naming them and their scans are sealed to the denouncer key.
    con = harness.connect(data)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "denouncer_key" in tables
        found = []
        for table in tables:
            for row in con.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, bytes) and value.startswith(b"%PDF"):
                        pdf = tmp_path / "doc.pdf"
                        pdf.write_bytes(value)
                        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                              text=True).stdout
                    elif isinstance(value, bytes):
                        text = value.decode("utf-8", "replace")
                    else:
                        text = str(value)
                    if leaked(text):
                        found.append((table, text[:120]))
        assert not found, found
        assert con.execute("SELECT bootstrap FROM denouncer_key").fetchone() == (None,)
    finally:
        con.close()
