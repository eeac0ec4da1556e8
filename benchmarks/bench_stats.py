"""Benchmark of the 统计 page on the `county` demo database: the time to compute everything the
page shows (goal ≤ 1 s) and to write the report, PDF and Excel (goal ≤ 3 s). Prints figures;
asserts nothing. Run: .venv/bin/python -m benchmarks.bench_stats [--database PATH] [--runs N]

Each step is timed apart, wall and CPU time (this process: on a machine shared with other work
the CPU time is the steadier figure): the computation on the worker, the UI thread's share of
showing it (the window is frozen only then), the report's charts (UI thread) and the files
(a worker). The copy of the database gets 签到 events for the year's past activities, as a
county that uses the door would have, so the attendance rate is part of the computation.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

TARGETS = 10  # targets set on subordinates, so the 考核 progress is part of the page
ARRIVED = 0.85  # share of the approved who check in at the door
VOIDED = 0.03  # share of check-ins voided (a wrong scan) and scanned again
LEFT = 0.4  # share who check out


def timed(step, runs: int) -> tuple[list[float], list[float], object]:
    """Wall and CPU seconds of `runs` calls of `step`, and its last result."""
    wall, cpu, result = [], [], None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = step()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu, result


def line(name: str, wall: list[float], cpu: list[float], goal: str = "") -> str:
    ms = [round(x * 1000) for x in wall]
    return (
        f"{name:28s} min {min(ms):6d} ms  median {round(statistics.median(ms)):6d} ms  "
        f"CPU median {round(statistics.median(cpu) * 1000):6d} ms  {goal}"
    )


def add_door_events(store, start: datetime, now: datetime) -> int:
    """Check-ins (some voided and scanned again) and check-outs for the approved registrations
    of the activities held between `start` and `now`; the number of events."""
    from sqlalchemy import insert, select

    from sync.client.store.tables import activities, checkin_events, registrations

    rng = random.Random(14)
    a, r = activities.c, registrations.c
    stmt = (
        select(r.id, r.activity_id, a.starts_at)
        .join(activities, a.id == r.activity_id)
        .where(r.status == "approved", a.starts_at >= start, a.starts_at < now)
    )
    events: list[dict] = []
    with store.bulk_write() as conn:
        for registration_id, activity_id, starts in conn.execute(stmt).all():
            if rng.random() > ARRIVED:
                continue
            # (action, minutes after the start, index of the event voided)
            steps = [("in", rng.randint(-20, 10), None)]
            if rng.random() < VOIDED:
                steps += [("void", 1, 0), ("in", 2, None)]
            if rng.random() < LEFT:
                steps.append(("out", rng.randint(60, 180), None))
            first = len(events)
            for action, minutes, voided in steps:
                events.append(
                    dict(
                        id=f"bench-{len(events)}",
                        registration_id=registration_id,
                        activity_id=activity_id,
                        action=action,
                        at=starts + timedelta(minutes=minutes),
                        actor="bench",
                        voids="" if voided is None else f"bench-{first + voided}",
                        reason="",
                        version=1,
                    )
                )
        for i in range(0, len(events), 5000):
            conn.execute(insert(checkin_events), events[i : i + 5000])
    return len(events)


def ui_pauses(app, page, runs: int) -> str:
    """The longest gaps between ticks of a 10 ms timer on the UI thread while the page computes
    on its worker (refresh() as the user's F5): how long the window stood still."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    worst = []
    for _ in range(runs):
        clock, gaps = QElapsedTimer(), []
        timer = QTimer(interval=10)
        last = [0]

        def tick(clock=clock, gaps=gaps, last=last) -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer.timeout.connect(tick)
        clock.start()
        timer.start()
        page.refresh()
        while page._job is not None:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        worst.append(max(gaps, default=0))
    return f"longest per run {worst} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="a county demo database (else generated)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.database is None:
        from benchmarks.bench_foundation import county_profile

        args.database = county_profile() / "workbench.sqlite"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.events import StoreEvents
    from desktop.pages.stats import StatsPage, compute_page
    from desktop.pages.stats_report import CHART_SIZE, page_report, write_report
    from desktop.undo import UndoHistory
    from sync.client.store import Store
    from sync.client.store.follower_queries import subordinate_organizations
    from sync.client.store.stats_queries import StatsQuery
    from sync.core.records import CHINA_TIME

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "workbench.sqlite"
        shutil.copy(args.database, copy)  # targets and events go to a copy, never the original
        store = Store(copy)
        home = store.get_meta("org_id")
        now = store.clock()
        today = now.astimezone(CHINA_TIME).date()
        start = today.replace(month=1, day=1)
        for org in store.read(subordinate_organizations, home)[:TARGETS]:
            period = {"period_start": start, "period_end": today + timedelta(days=30)}
            store.set_target(org["id"], {**period, "featured_activities": 10, "participants": 200})
        door = add_door_events(store, datetime(start.year, 1, 1, tzinfo=CHINA_TIME), now)
        query = StatsQuery(home, True, start, today)

        wall, cpu, result = timed(lambda: compute_page(store, query, today), args.runs)
        stats = result["stats"]
        known = [a for a in stats.activities if a.attendance_rate is not None]
        print(
            f"county data: {len(stats.activities)} activities, {stats.participants} "
            f"participations, {stats.youths} youths, {len(stats.organizations)} "
            f"organisations, {len(result['targets'])} targets, {door} 签到 events "
            f"({len(known)} activities with an attendance rate), {query.start} to {query.end}"
        )
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"load average (1, 5, 15 min) before: {load}; {os.cpu_count()} cores; {args.runs} runs"
        )
        print(line("compute (worker)", wall, cpu, "goal ≤ 1000 ms"))

        page = StatsPage(store, StoreEvents(store), UndoHistory(store), home_org_id=home)
        page._stale = False  # shown by hand below, not computed again on show
        page.resize(1366, 760)
        print(f"{'UI pauses while computing':28s} {ui_pauses(app, page, args.runs)}")
        page.result = result

        def show() -> None:
            page._show_result()
            page.show()
            app.processEvents()  # lays the tables out and paints

        wall, cpu, _ = timed(show, args.runs)
        print(line("show it (UI thread)", wall, cpu))

        def charts():
            for panel in page.panels:
                panel._images.clear()  # as after a new computation
            return page_report(page)

        wall, cpu, report = timed(charts, args.runs)
        print(line("report charts (UI thread)", wall, cpu))
        reused = timed(lambda: page_report(page), args.runs)
        print(line("  again, charts reused", *reused[:2]))

        n = iter(range(args.runs))
        wall, cpu, _ = timed(
            lambda: write_report(Path(folder) / f"report{next(n)}.pdf", report), args.runs
        )
        size = (Path(folder) / "report0.pdf").stat().st_size / 1024
        print(line("report files (worker)", wall, cpu, f"PDF {size:.0f} KB + Excel"))
        print(f"(charts {CHART_SIZE.width()}x{CHART_SIZE.height()}; report goal ≤ 3000 ms)")
        page.deleteLater()
        store.close()
    app.processEvents()


if __name__ == "__main__":
    main()
