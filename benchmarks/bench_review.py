"""Benchmark of bulk review: approve 10,000 pending registrations in one action. Prints figures;
asserts nothing.

    .venv/bin/python benchmarks/bench_review.py [--count 10000] [--runs 3]

- through the store: `Store.review_registrations` (one transaction), goal ≤ 2 s, and taking
  it back in one undo step (`Store.undo_many`);
- through the 报名审核 page: select all, approve, on the worker thread with progress; a 10 ms
  timer counts how often the UI event loop turned meanwhile, and the longest gap between turns
  (a window that repaints within ~100 ms feels responsive).
Each run undoes the approvals (`undo_many`, one step) so the next starts from pending again.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_S = 2.0
TICK_MS = 10


def build_store(path: Path, count: int):
    """A store holding one published activity with `count` pending registrations, written
    directly as synced data (setting up is not what is measured)."""
    from sqlalchemy import insert

    from sync.client.store import Store
    from sync.client.store.tables import activities, organizations, registrations, youths
    from sync.core.ids import uuid7
    from sync.core.records import CHINA_TIME, ActivityStatus

    store = Store(path)
    now = store.clock()
    start = now + timedelta(days=14)
    with store.bulk_write() as conn:
        conn.execute(
            insert(organizations).values(
                id="org-bench", name="共青团南京市江宁区委员会", level="county",
                region_code="320115", address="", contact_name="", contact_phone="", version=1,
            )
        )  # fmt: skip
        conn.execute(
            insert(activities).values(
                id="activity-bench", org_id="org-bench", title="江宁区青年马拉松志愿者招募",
                category="public_service", region_code="320115", location_name="江宁体育中心",
                starts_at=start, ends_at=start + timedelta(hours=6),
                registration_opens_at=now - timedelta(days=5),
                registration_closes_at=start - timedelta(days=1),
                capacity=count * 2, requires_review=True, status=ActivityStatus.PUBLISHED.value,
                created_at=now, updated_at=now, version=1,
            )
        )  # fmt: skip
        youth_rows, registration_rows = [], []
        for i in range(count):
            youth_id = uuid7()
            youth_rows.append(
                {
                    "id": youth_id,
                    "name": f"青年{i:05d}",
                    "phone": f"139{i:08d}",
                    "gender": "female" if i % 2 else "male",
                    "birth_date": date(2000, 1, 1) + timedelta(days=i % 3000),
                    "school_or_employer": "南京市江宁高级中学",
                    "region_code": "320115",
                    "version": 1,
                }
            )
            registration_rows.append(
                {
                    "id": uuid7(),
                    "activity_id": "activity-bench",
                    "youth_id": youth_id,
                    "status": "pending",
                    "registered_at": (now - timedelta(seconds=count - i)).astimezone(CHINA_TIME),
                    "reject_reason": "",
                    "version": 1,
                }
            )
        conn.execute(insert(youths), youth_rows)
        conn.execute(insert(registrations), registration_rows)
    store.set_meta("org_id", "org-bench")
    return store


def pending_ids(store) -> list[str]:
    from sync.client.store import registration_queries as rq
    from sync.core.records import RegistrationStatus

    query = rq.RegistrationQuery(activity_id="activity-bench", status=RegistrationStatus.PENDING)
    return store.read(rq.registration_ids, query)


def bench_store(store, runs: int) -> tuple[list[float], list[float]]:
    """(approval times, undo times): each approval is taken back in one step."""
    times, undo_times = [], []
    for _ in range(runs):
        ids = pending_ids(store)
        started = time.perf_counter()
        op_ids = store.review_registrations(ids, "approve")
        times.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.undo_many(op_ids)
        undo_times.append(time.perf_counter() - started)
    return times, undo_times


def bench_page(store, runs: int) -> list[tuple[float, int, float]]:
    """(seconds, event-loop turns, longest gap in ms) per run of the page's bulk approve."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop.events import StoreEvents
    from desktop.pages.registrations import RegistrationsPage
    from desktop.undo import UndoHistory

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    events = StoreEvents(store, window)
    undo = UndoHistory(store, window)
    page = RegistrationsPage(store, events, undo)
    window.setCentralWidget(page)
    window.resize(1366, 800)
    window.show()
    page.set_activity("activity-bench")
    app.processEvents()
    results = []
    for _ in range(runs):
        page.select_all()
        ticks: list[float] = []
        timer = QTimer(interval=TICK_MS)
        timer.timeout.connect(lambda ticks=ticks: ticks.append(time.perf_counter()))
        timer.start()
        started = time.perf_counter()
        page.decide("approve")
        elapsed = time.perf_counter() - started
        timer.stop()
        stamps = [started, *ticks]
        gap = max((b - a for a, b in itertools.pairwise(stamps)), default=elapsed)
        results.append((elapsed, len(ticks), gap * 1000))
        undo.undo()
        app.processEvents()
    window.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the store figures here (run.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = build_store(Path(folder) / "bench.sqlite", args.count)
        print(f"set up {args.count} pending registrations in {time.perf_counter() - started:.1f} s")

        times, undo_times = bench_store(store, args.runs)
        best, median = min(times), statistics.median(times)
        verdict = "meets" if median <= GOAL_S else "MISSES"
        print(
            f"store.review_registrations({args.count}): median {median:.2f} s, best {best:.2f} s "
            f"(goal ≤ {GOAL_S:.0f} s: {verdict})"
        )
        print(f"store.undo_many of that action: median {statistics.median(undo_times):.2f} s")
        if args.json:
            args.json.write_text(json.dumps({"count": args.count, "median": median, "best": best}))

        for elapsed, turns, gap in bench_page(store, args.runs):
            print(
                f"page bulk approve of {args.count}: {elapsed:.2f} s, the event loop turned "
                f"{turns} times (every {TICK_MS} ms asked), longest gap {gap:.0f} ms"
            )
        store.close()


if __name__ == "__main__":
    main()
