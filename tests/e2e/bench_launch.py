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
    start = time.perf_counter()
    d = harness.open_window(driver_url, app, data)
    WebDriverWait(d, 60, poll_frequency=0.02).until(
        EC.text_to_be_present_in_element((By.ID, "dashboard-office"), OFFICE)
    )
    return d, time.perf_counter() - start


def process_tree_memory(app: str) -> tuple[float, float]:
    """(RSS, PSS) in MB of the app and its WebKit child processes."""
    procs = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
            procs[int(pid)] = (ppid, cmd)
        except (OSError, IndexError, ValueError):
            continue
    roots = {p for p, (_, cmd) in procs.items() if cmd == app}
    tree, changed = set(roots), True
    while changed:
        changed = False
        for p, (pp, _) in procs.items():
            if pp in tree and p not in tree:
                tree.add(p)
                changed = True
    rss = pss = 0
    for p in tree:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
    return rss / 1024, pss / 1024


def scripted_session(d, rounds: int) -> None:
    """An officer's hour, compressed: every area visited, the About list, profile edits."""
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


def main() -> int:
    app, cli = harness.app_binary(), harness.cli_binary()
    display, xvfb = harness.start_display()
    url, driver = harness.start_driver(display)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            subprocess.run(
                [cli, "--data", str(data), "init", "--name", OFFICE, "--parent", "UBND tỉnh",
                 "--place", "Đo Đạc", "--province", "Quảng Ngãi", "--chair", "Phạm Văn Hùng"],
                check=True, capture_output=True,
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
            scripted_session(d, SESSION_ROUNDS)
            session_s = time.perf_counter() - t0
            end_rss, end_pss = process_tree_memory(app)
            d.quit()
    finally:
        harness.stop(driver)
        harness.stop(xvfb)

    warm_median = statistics.median(warm)
    lines = [
        f"- launch to dashboard, cold{' (page cache dropped)' if dropped else ' (first launch; page cache could not be dropped)'}: **{cold:.2f} s**",
        f"- launch to dashboard, warm (median of {WARM_RUNS}): **{warm_median:.2f} s** (runs: {', '.join(f'{t:.2f}' for t in warm)})",
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
