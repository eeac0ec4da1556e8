"""Benchmark of the foundation on the `county` demo database. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_foundation.py [--runs 5] [--queries 40]

- start-up: process start → main window shown, for the workbench and for a bare PySide6
  window measured in the same run (goal: ratio ≤ 2×);
- filter and search latency on the 活动 page's model: query plus the first screen of rows
  (goal: p95 ≤ 50 ms);
- peak memory (max RSS) of the workbench process at start (goal ≤ 300 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmark-results"

BARE_WINDOW = """
import resource, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 800)
window.show()
app.processEvents()
now = time.time()
print(now, now, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # shown = filled
"""

# The real start path (desktop.app.main): the window shows first, then the database opens and
# the first rows are painted. Measured at both moments, where the event loop would take over.
WORKBENCH_WINDOW = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    at = None
    def eventFilter(self, watched, event):
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.time()
        return False

first_paint = FirstPaint()
real_init = QApplication.__init__
def init_and_watch(self, *args):
    real_init(self, *args)
    self.installEventFilter(first_paint)
QApplication.__init__ = init_and_watch

def shown(*_):
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "attach_store"))
    while window.store is None:
        QApplication.processEvents()
    QApplication.processEvents()
    print(first_paint.at, time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return 0
QApplication.exec = shown
from desktop.app import main
main(["--profile", sys.argv[1]])
"""


def county_profile() -> Path:
    """A profile folder holding the county demo database, generated once and reused."""
    from sync.client.store import Store
    from sync.tools.demo import replica

    profile = RESULTS / "county-profile"
    database = profile / "workbench.sqlite"
    if not database.exists():
        profile.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        store = Store(database)
        replica.generate(store, "county")
        store.close()
        print(f"generated the county demo database in {time.perf_counter() - started:.1f} s")
    return profile


def time_to_window(code: str, *args: str, env: dict | None = None) -> tuple[float, float, float]:
    """Seconds from process start to window shown and to data shown; max RSS in MB."""
    env = {**os.environ, **(env or {}), "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    shown, filled, rss = out[-3:]
    return float(shown) - started, float(filled) - started, int(rss) / 1024


def start_up(profile: Path, runs: int, env: dict | None = None) -> dict:
    bare, window, data, bare_mem, app_mem = [], [], [], [], []
    time_to_window(BARE_WINDOW)  # warm the file cache for both
    time_to_window(WORKBENCH_WINDOW, str(profile), env=env)
    for _ in range(runs):
        seconds, _, mem = time_to_window(BARE_WINDOW)
        bare.append(seconds)
        bare_mem.append(mem)
        shown, filled, mem = time_to_window(WORKBENCH_WINDOW, str(profile), env=env)
        window.append(shown)
        data.append(filled)
        app_mem.append(mem)
    median = statistics.median
    return {
        "bare_window_s": median(bare),
        "workbench_window_s": median(window),
        "workbench_data_s": median(data),
        "ratio_window": median(window) / median(bare),
        "ratio_data": median(data) / median(bare),
        "bare_max_rss_mb": max(bare_mem),
        "workbench_max_rss_mb": max(app_mem),
    }


def query_latency(profile: Path, queries: int, *, database: Path | None = None, key=None) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication

    from desktop.models.activity_table import ActivityTableModel
    from sync.client.store import ActivityQuery, Store
    from sync.core import regions
    from sync.core.records import Phase
    from sync.core.rules import DEFAULT_CATEGORIES

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - must stay alive
    store = Store(database or profile / "workbench.sqlite", key=key)
    model = ActivityTableModel(store)
    rng = random.Random(7)
    now = store.clock()
    table = regions.regions()
    codes = (
        [c.code for c in table.cities()]
        + ["320115"] * 5
        + [c.code for c in table.children("320100")]
    )
    words = ["青年", "志愿", "创业", "团日", "读书", "江宁", "服务", "培训", "社区", "沙龙"]
    makers = {
        "region": lambda: ActivityQuery(region_code=rng.choice(codes)),
        "time": lambda: ActivityQuery(
            time_from=now + timedelta(days=rng.randint(-120, 60)),
            time_until=now + timedelta(days=rng.randint(61, 120)),
        ),
        "category": lambda: ActivityQuery(category=rng.choice(DEFAULT_CATEGORIES).code),
        "status": lambda: ActivityQuery(phase=rng.choice(list(Phase))),
        "search": lambda: ActivityQuery(text=rng.choice(words)),
        "combined": lambda: ActivityQuery(
            region_code="320115",
            category=rng.choice(DEFAULT_CATEGORIES).code,
            phase=rng.choice(list(Phase)),
            text=rng.choice(words),
        ),
        "sort": lambda: replace(
            ActivityQuery(), sort=rng.choice(ActivityTableModel.KEYS), descending=rng.random() < 0.5
        ),
    }
    figures = {}
    for name, make in makers.items():
        samples = []
        for _ in range(queries):
            query = make()
            started = time.perf_counter()
            model.set_query(query)
            for row in range(min(30, model.rowCount())):  # the first screen of rows
                for column in range(model.columnCount()):
                    model.index(row, column).data()
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        figures[name] = {
            "p50_ms": statistics.median(samples),
            "p95_ms": samples[max(0, round(0.95 * len(samples)) - 1)],
            "rows": model.rowCount(),
        }
    del model
    store.close()
    return figures


def _encrypted_start_up(profile: Path, runs: int) -> dict:
    """`start_up` on a copy of the county profile with a keyring (a file, as in the tests): the
    app encrypts the copy as it opens it in the warm-up run, as it would a user's plain
    database, and opens it encrypted in the measured runs."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "county-profile"
        copy.mkdir()
        shutil.copy(profile / "workbench.sqlite", copy / "workbench.sqlite")
        env = {
            "PYTHON_KEYRING_BACKEND": "tests.support.keyring_backend.FileKeyring",
            "SUQING_TEST_KEYRING_FILE": str(Path(folder) / "keyring.json"),
        }
        figures = start_up(copy, runs, env=env)
        from sync.client.store import cipher

        if cipher.is_plain(copy / "workbench.sqlite"):
            raise SystemExit("the app did not encrypt the copy: the figures would be plain")
        return figures


def _encrypted_latency(profile: Path, queries: int) -> dict:
    """`query_latency` on an encrypted copy of the county database, measured in the same run."""
    import shutil
    import tempfile

    from sync.client.store import cipher

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "workbench.sqlite"
        shutil.copy(profile / "workbench.sqlite", copy)
        key = cipher.new_key()
        cipher.encrypt_in_place(copy, key)
        return query_latency(profile, queries, database=copy, key=key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--json", type=Path, help="write the figures here (run.py)")
    parser.add_argument(
        "--encrypt", action="store_true", help="also filter and search an encrypted copy"
    )
    args = parser.parse_args()
    profile = county_profile()
    start = start_up(profile, args.runs)
    queries = query_latency(profile, args.queries)
    encrypted = _encrypted_latency(profile, args.queries) if args.encrypt else {}
    encrypted_start = _encrypted_start_up(profile, args.runs) if args.encrypt else {}

    print("\nstart-up (median of", args.runs, "runs, offscreen)")
    print(f"  bare PySide6 window   {start['bare_window_s'] * 1000:8.0f} ms")
    print(
        f"  workbench window      {start['workbench_window_s'] * 1000:8.0f} ms   "
        f"ratio {start['ratio_window']:.2f} ×   (goal ≤ 2×)"
    )
    print(
        f"  workbench first rows  {start['workbench_data_s'] * 1000:8.0f} ms   "
        f"ratio {start['ratio_data']:.2f} ×"
    )
    print(
        f"  max RSS bare / app    {start['bare_max_rss_mb']:6.0f} / "
        f"{start['workbench_max_rss_mb']:.0f} MB   (goal ≤ 300 MB)"
    )
    if encrypted_start:
        print("  the same on an encrypted copy (SQLCipher 4, key in a keyring):")
        print(
            f"  workbench window      {encrypted_start['workbench_window_s'] * 1000:8.0f} ms   "
            f"ratio {encrypted_start['ratio_window']:.2f} ×   (goal ≤ 2×)"
        )
        print(
            f"  workbench first rows  {encrypted_start['workbench_data_s'] * 1000:8.0f} ms   "
            f"ratio {encrypted_start['ratio_data']:.2f} ×"
        )
        print(f"  max RSS app           {encrypted_start['workbench_max_rss_mb']:8.0f} MB")
    print(f"\nfilter and search, {args.queries} queries each (query + first 30 rows)")
    print(f"  {'filter':10} {'p50 ms':>8} {'p95 ms':>8} {'rows':>7}   (goal p95 ≤ 50 ms)")
    for name, f in queries.items():
        print(f"  {name:10} {f['p50_ms']:8.1f} {f['p95_ms']:8.1f} {f['rows']:7d}")
    if encrypted:
        print("  the same on an encrypted copy (SQLCipher 4):")
        for name, f in encrypted.items():
            print(f"  {name:10} {f['p50_ms']:8.1f} {f['p95_ms']:8.1f} {f['rows']:7d}")
    RESULTS.mkdir(exist_ok=True)
    out = args.json or RESULTS / "foundation.json"
    out.write_text(
        json.dumps(
            {
                "start_up": start,
                "queries": queries,
                "encrypted_start_up": encrypted_start,
                "encrypted_queries": encrypted,
            },
            indent=2,
        )
    )
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
