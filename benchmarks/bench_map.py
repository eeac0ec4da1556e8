"""Benchmark of the 地图 page: 2,000 organisation markers and 5,000 upcoming activities.
Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_map.py [--orgs 2000] [--activities 5000] [--runs 3]
                                             [--screenshot PATH]

A synthetic local database (organisations and activities at random points inside Jiangsu's
counties, followers spread over them) is shown on the page in a 1366×800 window, offscreen:
- first show: the page switched to until the map has drawn every marker (web engine start,
  page load, data query and hand-over, clustering);
- redraw: what a sync or an edit costs afterwards (query, hand-over, clustering), median of runs;
- memory: proportional set size (PSS, shared pages split between the processes that use them) of
  the page's renderer process, and of all QtWebEngineProcess processes of this run together.
Goals (issue 12): first show ≤ 2 s, web engine process ≤ 250 MB.
Run it without network to show that nothing is fetched: `unshare -n .venv/bin/python ...`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium as root (a container)


def fill(store, n_orgs: int, n_activities: int, seed: int = 1) -> None:
    """Organisations under one province committee, activities and followers, at random points
    inside random counties."""
    from sqlalchemy import insert

    from sync.client.store.tables import activities, followers, organizations, youths
    from sync.core.regions import county_boundaries

    rng = random.Random(seed)
    counties = list(county_boundaries().items())
    now = store.clock()

    def point() -> tuple[str, float, float]:
        code, boundary = rng.choice(counties)
        x0, y0, x1, y1 = boundary.bounds
        while True:
            lon, lat = rng.uniform(x0, x1), rng.uniform(y0, y1)
            if boundary.contains(lon, lat):
                return code, round(lon, 6), round(lat, 6)

    levels = ["city"] * 13 + ["county"] * 95 + ["grassroots"] * n_orgs
    org_rows = []
    for i, level in enumerate(["province", *levels][:n_orgs]):
        code, lon, lat = point()
        org_rows.append(
            dict(
                id=f"org-{i:05d}",
                name=f"测试团组织 {i}",
                level=level,
                parent_id=None if i == 0 else "org-00000",
                region_code=code,
                address="",
                lon=lon,
                lat=lat,
                contact_name="",
                contact_phone="",
                version=1,
            )
        )
    activity_rows = []
    for i in range(n_activities):
        code, lon, lat = point()
        start = now + timedelta(hours=rng.randint(1, 29 * 24))
        activity_rows.append(
            dict(
                id=f"act-{i:05d}",
                org_id=rng.choice(org_rows)["id"],
                title=f"测试活动 {i}",
                category=rng.choice(["innovation", "public_service", "skills", "culture_sports"]),
                region_code=code,
                location_name=f"活动地点 {i}",
                lon=lon,
                lat=lat,
                starts_at=start,
                ends_at=start + timedelta(hours=3),
                status="published",
                version=1,
            )
        )
    youth_rows, follower_rows = [], []
    for i in range(n_orgs * 10):
        youth_rows.append(dict(id=f"y-{i:06d}", name="青年", version=1))
        follower_rows.append(
            dict(
                id=f"f-{i:06d}",
                org_id=rng.choice(org_rows)["id"],
                youth_id=f"y-{i:06d}",
                followed_at=now - timedelta(days=rng.randint(0, 360)),
                version=1,
            )
        )
    with store.engine.begin() as conn:
        for table, rows in (
            (organizations, org_rows),
            (activities, activity_rows),
            (youths, youth_rows),
            (followers, follower_rows),
        ):
            conn.execute(insert(table), rows)
    store.set_meta("org_id", "org-00000")


def pss_mb(pid: int) -> float:
    """Proportional set size in MB (Linux)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (Linux)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def web_engine_pids() -> list[int]:
    """Every QtWebEngineProcess started by this process (directly or through the zygote)."""
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            names[int(entry.name)] = name
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [os.getpid()]
    while todo:
        for child in children.get(todo.pop(), []):
            todo.append(child)
            if names[child].startswith("QtWebEngine"):
                found.append(child)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=2000)
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="save the drawn page as PNG here")
    args = parser.parse_args(argv)

    import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import settings as s
    from desktop.events import StoreEvents
    from desktop.pages.map_page import MapPage
    from sync.client.store import Store

    _app = QApplication.instance() or QApplication([])  # kept alive for the whole run
    folder = Path(tempfile.mkdtemp(prefix="bench-map-"))
    store = Store(folder / "workbench.sqlite")
    started = time.perf_counter()
    fill(store, args.orgs, args.activities)
    print(
        f"data: {args.orgs} organisations, {args.activities} activities, {args.orgs * 10} "
        f"followers written in {time.perf_counter() - started:.1f} s"
    )

    settings = s.Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    page = MapPage(store, StoreEvents(store), settings)
    page.resize(1366, 800)
    drawn: list[tuple[int, int]] = []

    def wait_drawn(start) -> float:
        loop = QEventLoop()
        drawn.clear()

        def done(n_orgs: int, n_activities: int) -> None:
            drawn.append((n_orgs, n_activities))
            loop.quit()

        page.redrawn.connect(done)
        QTimer.singleShot(60_000, loop.quit)
        t0 = time.perf_counter()
        start()
        loop.exec()
        page.redrawn.disconnect(done)
        if not drawn:
            raise SystemExit("the map did not draw within 60 s")
        return time.perf_counter() - t0

    loaded: list[float] = []
    queried: list[float] = []  # when each redraw's data came back from the worker
    draw = page._draw

    def timed_draw(*args) -> None:
        queried.append(time.perf_counter())
        draw(*args)

    page._draw = timed_draw  # the page connects its job to this attribute

    def show() -> None:
        page.show()  # makes the web view and starts loading the page
        page.view.page_loaded.connect(lambda: loaded.append(time.perf_counter()))

    t0, cpu0 = time.perf_counter(), time.process_time()
    first = wait_drawn(show)
    cpu_app = time.process_time() - cpu0  # all this process's threads, the query's too
    # The data is read on a worker while Chromium starts and loads the page, and handed over
    # once both are done.
    print(
        f"first show: {first:.2f} s; page loaded at {loaded[0] - t0:.2f} s, data read at "
        f"{queried[0] - t0:.2f} s, markers drawn {t0 + first - max(loaded[0], queried[0]):.2f}"
        f" s after both; {drawn[0][0]} organisations and {drawn[0][1]} activities; page "
        f"{len(page.view.html) / 1024:.0f} KiB"
    )
    # The web engine processes were started by the first show: all they used so far is its.
    # CPU time varies less with the machine's load than the wall clock does.
    cpu_engine = sum(cpu_seconds(p) for p in web_engine_pids())
    print(f"first show CPU: app {cpu_app:.2f} s, web engine processes {cpu_engine:.2f} s")
    redraws = [wait_drawn(page.redraw) for _ in range(args.runs)]
    print(
        f"redraw: median {statistics.median(redraws):.2f} s (min {min(redraws):.2f}) "
        f"over {args.runs} runs"
    )

    heap: list[str] = []
    page.view.run(
        "JSON.stringify([performance.memory.usedJSHeapSize, performance.memory.totalJSHeapSize])",
        heap.append,
    )
    while not heap:
        QApplication.processEvents()
    used, total = json.loads(heap[0])
    print(f"JavaScript heap: {used / 2**20:.0f} MB used of {total / 2**20:.0f} MB")
    pids = web_engine_pids()
    renderer = page.view.page().renderProcessPid()
    if renderer and renderer in pids:
        print(
            f"memory: renderer (PSS) {pss_mb(renderer):.0f} MB; all {len(pids)} web engine "
            f"processes {sum(pss_mb(p) for p in pids):.0f} MB"
        )
    else:
        print(f"memory: {len(pids)} web engine processes {sum(pss_mb(p) for p in pids):.0f} MB")
    if args.screenshot:
        loop = QEventLoop()
        QTimer.singleShot(800, loop.quit)  # let the canvas paint
        loop.exec()
        page.grab().save(str(args.screenshot))
        print(f"screenshot: {args.screenshot}")
    page.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
