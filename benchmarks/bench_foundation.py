"""Benchmark of the foundation on the `county` demo database. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_foundation.py [--runs 5] [--queries 40] [--start-only]
                                                    [--frozen] [--encrypt]

- start-up: process start → main window shown, → the first rows painted (the first screen the
  window kept as it last closed, `desktop.first_screen`), and → the start page's own rows, for
  the workbench and for a bare PySide6 window measured in the same run (goals: window ≤ 2×,
  first rows ≤ 3× the bare window), with where the workbench's time goes step by step and the
  CPU time used (steadier than the wall clock on a busy machine); with --frozen, the same for
  the installer bundle against the same bare window;
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

# Each child prints one JSON line: absolute times (time.time()) of its milestones, the CPU
# seconds it used (user + system: on a busy machine they move less than the wall clock) and its
# max RSS in MB.
BARE_WINDOW = """
import json, resource, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1366, 800)
window.show()
app.processEvents()
now = time.time()
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"shown": now, "filled": now, "cpu": use.ru_utime + use.ru_stime,
                  "rss_mb": use.ru_maxrss / 1024}))
"""

# The real start path (desktop.app.main): the window shows first, then the database opens and
# the first rows are painted. Measured at both moments, where the event loop would take over,
# and at the steps between them (the breakdown): the wrappers only note the time, they change
# no order of work (the data layer's import is timed on its own, just before it would happen).
WORKBENCH_WINDOW = """
import json, resource, sys, time
marks = {"main": None}
import desktop.app  # first, as `python -m desktop` does: PySide6 comes with its main()
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            marks.setdefault("shown", time.time())
        return False

first_paint = FirstPaint()
real_init = QApplication.__init__
def init_and_watch(self, *args):
    marks.setdefault("qapplication", time.time())
    real_init(self, *args)
    self.installEventFilter(first_paint)
QApplication.__init__ = init_and_watch

# The first rows: the end of the first paint of a table that has rows (every page shows its
# records in a QTableView): the first screen the window kept when it last closed
# (desktop.first_screen), else the page's. The page's own (it takes clicks) are timed too.
real_paint = QTableView.paintEvent
def paint_and_watch(self, event):
    real_paint(self, event)
    if self.model() is not None and self.model().rowCount() > 0:
        marks.setdefault("filled", time.time())
        if "page_built" in marks:
            marks.setdefault("page_filled", time.time())
QTableView.paintEvent = paint_and_watch

def shown(*_):
    deadline = time.time() + 120
    while "page_filled" not in marks and time.time() < deadline:
        QApplication.processEvents()
    use = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({**marks, "cpu": use.ru_utime + use.ru_stime,
                      "rss_mb": use.ru_maxrss / 1024}))
    # Closed as a cadre closes it: the window keeps its first screen for the next run.
    for widget in QApplication.topLevelWidgets():
        if type(widget).__name__ == "MainWindow":
            widget.close()
    return 0
QApplication.exec = shown

real_attach = desktop.app.attach_store
def attach_and_time(window, profile, **kwargs):
    marks["load"] = time.time()
    import sync.client.local_data  # what attach_store imports first
    marks["data_imported"] = time.time()
    real_window_attach = window.attach_store
    def window_attach(store):
        marks["store_open"] = time.time()
        real_window_attach(store)
        marks["page_built"] = time.time()
    window.attach_store = window_attach
    return real_attach(window, profile, **kwargs)
desktop.app.attach_store = attach_and_time
marks["main"] = time.time()
desktop.app.main(["--profile", sys.argv[1]])
"""

# The breakdown's steps: (name, milestone it starts at, milestone it ends at).
STEPS = (
    ("python, Qt and app imports", "started", "qapplication"),
    ("QApplication, shell, first paint", "qapplication", "shown"),
    ("kept first screen read and painted", "shown", "load"),
    ("imports of the data layer", "load", "data_imported"),
    ("DB open: keyring, migrations check", "data_imported", "store_open"),
    ("start page built, first query", "store_open", "page_built"),
    ("the page's first rows painted", "page_built", "page_filled"),
)


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


def time_to_window(code: str, *args: str, env: dict | None = None) -> dict:
    """The child's milestones as seconds from process start (`started` = 0), its CPU seconds
    (`cpu`) and max RSS in MB (`rss_mb`)."""
    env = {**os.environ, **(env or {}), "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    figures = json.loads(out[-1])
    marks = {k: v - started for k, v in figures.items() if k not in ("cpu", "rss_mb")}
    return {**marks, "started": 0.0, "cpu": figures["cpu"], "rss_mb": figures["rss_mb"]}


def compile_bytecode() -> None:
    """The app's modules compiled to bytecode once, as an installed app has them (pip compiles
    what it installs, PyInstaller bundles .pyc files). Where PYTHONDONTWRITEBYTECODE is set (as
    on the machines these figures were taken on) Python would otherwise compile the ~190 app
    modules from source in every run: 40-80 ms that no installed app pays."""
    import compileall

    for package in ("desktop", "sync"):
        compileall.compile_dir(ROOT / package, quiet=1)


def start_up(profile: Path, runs: int, env: dict | None = None) -> dict:
    """Medians of `runs` runs, the bare window and the workbench alternating; also each run's
    figures (`runs`) so a busy machine's spread can be seen."""
    compile_bytecode()
    bare, app = [], []
    time_to_window(BARE_WINDOW)  # warm the file cache for both
    time_to_window(WORKBENCH_WINDOW, str(profile), env=env)
    for _ in range(runs):
        bare.append(time_to_window(BARE_WINDOW))
        app.append(time_to_window(WORKBENCH_WINDOW, str(profile), env=env))
    median = statistics.median
    bare_s = median(r["shown"] for r in bare)
    window_s = median(r["shown"] for r in app)
    data_s = median(r["filled"] for r in app)
    page_s = median(r["page_filled"] for r in app)
    return {
        "bare_window_s": bare_s,
        "workbench_window_s": window_s,
        "workbench_data_s": data_s,
        "workbench_page_s": page_s,
        "ratio_window": window_s / bare_s,
        "ratio_data": data_s / bare_s,
        "ratio_page": page_s / bare_s,
        "bare_cpu_s": median(r["cpu"] for r in bare),
        "workbench_cpu_s": median(r["cpu"] for r in app),
        "bare_max_rss_mb": max(r["rss_mb"] for r in bare),
        "workbench_max_rss_mb": max(r["rss_mb"] for r in app),
        "steps_ms": {
            name: median((r[end] - r[begin]) * 1000 for r in app) for name, begin, end in STEPS
        },
        "runs": {
            "bare_window_s": [round(r["shown"], 3) for r in bare],
            "workbench_window_s": [round(r["shown"], 3) for r in app],
            "workbench_data_s": [round(r["filled"], 3) for r in app],
            "workbench_page_s": [round(r["page_filled"], 3) for r in app],
        },
    }


def print_start_up(start: dict, runs: int, title: str = "") -> None:
    print(f"\nstart-up{title} (median of {runs} runs, offscreen)")
    print(f"  bare PySide6 window   {start['bare_window_s'] * 1000:8.0f} ms")
    print(
        f"  workbench window      {start['workbench_window_s'] * 1000:8.0f} ms   "
        f"ratio {start['ratio_window']:.2f} ×   (goal ≤ 2×)"
    )
    print(
        f"  workbench first rows  {start['workbench_data_s'] * 1000:8.0f} ms   "
        f"ratio {start['ratio_data']:.2f} ×   (goal ≤ 3×)"
    )
    print(
        f"  the page takes clicks {start['workbench_page_s'] * 1000:8.0f} ms   "
        f"ratio {start['ratio_page']:.2f} ×   (its own first rows, replacing the kept ones)"
    )
    print(
        f"  CPU bare / app        {start['bare_cpu_s'] * 1000:8.0f} / "
        f"{start['workbench_cpu_s'] * 1000:.0f} ms (user + system, to the page's own rows)"
    )
    print(
        f"  max RSS bare / app    {start['bare_max_rss_mb']:6.0f} / "
        f"{start['workbench_max_rss_mb']:.0f} MB   (goal ≤ 300 MB)"
    )
    print("  where the workbench's time goes (median ms of each step):")
    for name, ms in start["steps_ms"].items():
        print(f"    {name:38} {ms:7.0f}")
    for name, values in start["runs"].items():
        print(f"  each run, {name}: {', '.join(f'{v * 1000:.0f}' for v in values)} ms")


FROZEN_LINES = ("window shown", "first rows shown", "start page painted")  # desktop.app's log


def frozen_start_up(profile: Path, runs: int) -> dict:
    """The frozen bundle (build_scripts/build_bundle.py, rebuilt first when older than the
    code) on the same county profile, against the bare window in the same run, alternating.
    The bundle cannot be instrumented from outside: it is timed by its own log lines
    (bench_bundle.time_to_lines), and closed with SIGTERM as a cadre closes it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_bundle", ROOT / "benchmarks" / "bench_bundle.py"
    )
    bench_bundle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_bundle)
    executable = bench_bundle.build_bundle.executable()
    newest_code = max(
        p.stat().st_mtime for d in ("desktop", "sync") for p in (ROOT / d).rglob("*.py")
    )
    if not executable.exists() or executable.stat().st_mtime < newest_code:
        print("building the bundle (older than the code, or none)", flush=True)
        if bench_bundle.build_bundle.main(["--no-archive"]) != 0:
            raise SystemExit("the bundle did not build")
    command = [str(executable)]
    time_to_window(BARE_WINDOW)  # warm the file cache for both
    bench_bundle.time_to_lines(command, profile, FROZEN_LINES)
    bare, app = [], []
    for _ in range(runs):
        bare.append(time_to_window(BARE_WINDOW))
        app.append(bench_bundle.time_to_lines(command, profile, FROZEN_LINES))
    median = statistics.median
    bare_s = median(r["shown"] for r in bare)
    window_s, rows_s, page_s = (median(r[line] for r in app) for line in FROZEN_LINES)
    return {
        "bare_window_s": bare_s,
        "frozen_window_s": window_s,
        "frozen_first_rows_s": rows_s,
        "frozen_page_s": page_s,
        "ratio_window": window_s / bare_s,
        "ratio_data": rows_s / bare_s,
        "ratio_page": page_s / bare_s,
        "runs": {
            "bare_window_s": [round(r["shown"], 3) for r in bare],
            **{f"frozen {line}": [round(r[line], 3) for r in app] for line in FROZEN_LINES},
        },
    }


def print_frozen(frozen: dict, runs: int) -> None:
    print(f"\nstart-up of the frozen bundle (median of {runs} runs, offscreen, by its log lines)")
    print(f"  bare PySide6 window   {frozen['bare_window_s'] * 1000:8.0f} ms")
    for label, key, ratio, goal in (
        ("frozen window", "frozen_window_s", "ratio_window", "(goal ≤ 2×)"),
        ("frozen first rows", "frozen_first_rows_s", "ratio_data", "(goal ≤ 3×)"),
        ("the page takes clicks", "frozen_page_s", "ratio_page", ""),
    ):
        print(f"  {label:21} {frozen[key] * 1000:8.0f} ms   ratio {frozen[ratio]:.2f} ×   {goal}")
    for name, values in frozen["runs"].items():
        print(f"  each run, {name}: {', '.join(f'{v * 1000:.0f}' for v in values)} ms")


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
    parser.add_argument("--start-only", action="store_true", help="measure the start-up only")
    parser.add_argument(
        "--frozen",
        action="store_true",
        help="also time the frozen bundle's start (built first if older than the code)",
    )
    args = parser.parse_args()
    profile = county_profile()
    start = start_up(profile, args.runs)
    frozen = frozen_start_up(profile, args.runs) if args.frozen else {}
    if args.start_only:
        print_start_up(start, args.runs)
        if frozen:
            print_frozen(frozen, args.runs)
        return
    queries = query_latency(profile, args.queries)
    encrypted = _encrypted_latency(profile, args.queries) if args.encrypt else {}
    encrypted_start = _encrypted_start_up(profile, args.runs) if args.encrypt else {}

    print_start_up(start, args.runs)
    if frozen:
        print_frozen(frozen, args.runs)
    if encrypted_start:
        print_start_up(
            encrypted_start, args.runs, " on an encrypted copy (SQLCipher 4, key in a keyring)"
        )
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
                "frozen_start_up": frozen,
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
