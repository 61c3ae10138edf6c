"""Benchmark of the real window: time from launch to the dashboard showing the office,
cold and warm, and memory (app + WebKit processes) after a long scripted session.
Writes docs/benchmarks.md's launch section. Run with `cargo xtask bench` (release build).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import harness

OFFICE = "Ủy ban nhân dân xã Đo Đạc"
WARM_RUNS = 5
SESSION_ROUNDS = int(os.environ.get("TIEPDAN_BENCH_ROUNDS", "300"))


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def launch(driver_url, app, data):
    """Opens the window and signs in; the time runs from the request that starts the
    program to the sign-in screen being ready (argon2id's deliberate cost after it is the
    password's, not the launch's), then the dashboard is waited for."""
    start = time.perf_counter()
    d = harness.open_window(driver_url, app, data)
    WebDriverWait(d, 60, poll_frequency=0.02).until(
        EC.visibility_of_element_located((By.ID, "signin-password"))
    )
    elapsed = time.perf_counter() - start
    harness.sign_in(d, harness.ADMIN, harness.PASSPHRASE)
    WebDriverWait(d, 60).until(EC.text_to_be_present_in_element((By.ID, "dashboard-office"), OFFICE))
    return d, elapsed


def process_tree_memory(app: str) -> tuple[float, float]:
    """(RSS, PSS) in MB of the app and its WebKit child processes."""
    per = process_memory(app)
    return sum(r for r, _ in per.values()), sum(p for _, p in per.values())


def process_memory(app: str) -> dict[str, tuple[float, float]]:
    """(RSS, PSS) in MB of the app and of each WebKit child process, by program name."""
    out: dict[str, tuple[float, float]] = {}
    for p, cmd in harness.process_tree(app).items():
        rss = pss = 0
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
        name = Path(cmd).name
        r, q = out.get(name, (0.0, 0.0))
        out[name] = (r + rss / 1024, q + pss / 1024)
    return out


def scripted_session(d, rounds: int, app: str = "") -> None:
    """An officer's hour, compressed: every area visited, the About list, profile edits.
    With TIEPDAN_BENCH_TRACE set, prints each process's PSS every 25 rounds."""
    trace = bool(os.environ.get("TIEPDAN_BENCH_TRACE"))
    areas = ["dashboard", "intake", "petitions", "schedule", "reports", "catalogues", "about", "settings"]
    for i in range(rounds):
        for area in areas:
            d.find_element(By.ID, f"nav-{area}").click()
        chair = d.find_element(By.ID, "office-chair")
        chair.clear()
        chair.send_keys(f"Phạm Văn Hùng {i}")
        d.find_element(By.ID, "office-save").click()
        WebDriverWait(d, 10).until(EC.text_to_be_present_in_element((By.ID, "settings"), "Đã lưu"))
        if i % 50 == 0:
            d.find_element(By.ID, "backup-now").click()
        if trace and i % 25 == 0:
            nodes = d.execute_script("return document.getElementsByTagName('*').length")
            per = ", ".join(f"{n} {q:.0f}" for n, (_, q) in sorted(process_memory(app).items()))
            print(f"round {i}: PSS MB {per}; DOM nodes {nodes}", file=sys.stderr, flush=True)


def main() -> int:
    app, cli = harness.app_binary(), harness.cli_binary()
    display, xvfb = harness.start_display()
    url, driver = harness.start_driver(display)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            subprocess.run(
                [cli, "--data", str(data), "init", "--name", OFFICE, "--parent", "UBND tỉnh",
                 "--place", "Đo Đạc", "--province", "Quảng Ngãi", "--chair", "Phạm Văn Hùng",
                 "--admin", harness.ADMIN, "--admin-name", "Trần Văn Quản",
                 "--also", "reception,handler,leader"],
                check=True, capture_output=True,
                env={**os.environ, "TIEPDAN_PASSPHRASE": harness.PASSPHRASE},
            )
            dropped = drop_caches()
            d, cold = launch(url, app, data)
            d.quit()
            warm = []
            for _ in range(WARM_RUNS):
                d, t = launch(url, app, data)
                warm.append(t)
                d.quit()
            d, _ = launch(url, app, data)
            start_rss, start_pss = process_tree_memory(app)
            t0 = time.perf_counter()
            scripted_session(d, SESSION_ROUNDS, app)
            session_s = time.perf_counter() - t0
            end_rss, end_pss = process_tree_memory(app)
            d.quit()
    finally:
        harness.stop(driver)
        harness.stop(xvfb)

    warm_median = statistics.median(warm)
    lines = [
        f"- launch to the sign-in screen, cold{' (page cache dropped)' if dropped else ' (first launch; page cache could not be dropped)'}: **{cold:.2f} s**",
        f"- launch to the sign-in screen, warm (median of {WARM_RUNS}): **{warm_median:.2f} s** (runs: {', '.join(f'{t:.2f}' for t in warm)})",
        f"- memory after start: RSS {start_rss:.0f} MB, PSS {start_pss:.0f} MB (app + WebKit web and network processes)",
        f"- memory after a scripted session of {SESSION_ROUNDS} rounds × 8 screens + a profile save ({session_s:.0f} s): "
        f"RSS **{end_rss:.0f} MB**, PSS **{end_pss:.0f} MB**",
    ]
    print("\n".join(lines))
    out = harness.ROOT / "target/bench-launch.md"
    out.write_text("\n".join(lines) + "\n")
    print(f"written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
