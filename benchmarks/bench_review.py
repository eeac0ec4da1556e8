"""Benchmark of bulk review in the local store. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_review.py [--count 10000] [--runs 3]

- approve COUNT pending registrations of one activity in one bulk action
  (`Store.review_registrations`: one transaction, one queued operation and one history event
  each; goal ≤ 2 s for 10,000);
- take the whole action back in one undo step (`Store.undo_many`);
- the sync after it: record the server's answers (500 per push), and take one pulled page
  while half of the approvals are still outstanding (undone, page applied, replayed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from sync.protocol import OpResult, OpStatus, PullPage  # noqa: E402
from sync.records import CHINA_TIME, ActivityStatus  # noqa: E402
from sync.store import Store  # noqa: E402
from sync.store.tables import activities, organizations, registrations, youths  # noqa: E402


def _store(folder: Path, count: int) -> tuple[Store, list[str]]:
    from datetime import datetime

    now = datetime.now(CHINA_TIME)
    store = Store(folder / "bench.sqlite")
    with store.bulk_write() as conn:
        conn.execute(
            insert(organizations).values(
                id="org",
                name="共青团南京市江宁区委员会",
                level="county",
                region_code="320115",
                address="",
                contact_name="",
                contact_phone="",
                version=1,
            )
        )
    start = now + timedelta(days=14)
    activity_id = "activity"
    with store.bulk_write() as conn:  # as a pull brings it: already on the server
        conn.execute(
            insert(activities).values(
                id=activity_id,
                org_id="org",
                title="江宁区青年志愿服务大会",
                category="public_service",
                description="",
                region_code="320115",
                location_name="江宁区青年活动中心",
                starts_at=start,
                ends_at=start + timedelta(hours=3),
                registration_opens_at=now - timedelta(days=3),
                registration_closes_at=start - timedelta(days=1),
                capacity=count,
                requires_review=True,
                featured=False,
                contact_name="",
                contact_phone="",
                status=ActivityStatus.PUBLISHED,
                version=1,
            )
        )
    ids = [f"r{i:06d}" for i in range(count)]
    with store.bulk_write() as conn:
        conn.execute(
            insert(youths),
            [
                dict(
                    id=f"y{i}",
                    name=f"青年{i}",
                    phone=f"139{i:08d}",
                    gender="unknown",
                    school_or_employer="",
                    region_code="320115",
                    version=1,
                )
                for i in range(count)
            ],
        )
        conn.execute(
            insert(registrations),
            [
                dict(
                    id=r,
                    activity_id=activity_id,
                    youth_id=f"y{i}",
                    status="pending",
                    registered_at=now,
                    reject_reason="",
                    version=1,
                )
                for i, r in enumerate(ids)
            ],
        )
    return store, ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    approve, undo, acknowledge, replay = [], [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            store, ids = _store(Path(folder), args.count)
            try:
                started = time.perf_counter()
                op_ids = store.review_registrations(ids, "approve")
                approve.append(time.perf_counter() - started)
                started = time.perf_counter()
                store.undo_many(op_ids)
                undo.append(time.perf_counter() - started)

                # the sync that follows: the server's answers, 500 at a time, then a pulled
                # page that passes half of them (the other half are replayed on top of it)
                op_ids = store.review_registrations(ids, "approve")
                started = time.perf_counter()
                for start in range(0, len(op_ids), 500):
                    batch = enumerate(op_ids[start : start + 500], start=start + 1)
                    store.take_push_results([OpResult(o, OpStatus.APPLIED, s) for s, o in batch])
                acknowledge.append(time.perf_counter() - started)
                started = time.perf_counter()
                half = PullPage(cursor=len(op_ids) // 2, more=True, rows={}, deleted={})
                store.take_pull_page(half)
                replay.append(time.perf_counter() - started)
            finally:
                store.close()

    def show(label: str, times: list[float], goal: str = "") -> None:
        print(f"{label}: median {statistics.median(times):.2f} s, best {min(times):.2f} s{goal}")

    show(f"approve {args.count} pending registrations in one action", approve, " (goal ≤ 2 s)")
    show("undo that action in one step", undo)
    show("take the server's answers to the push", acknowledge)
    show(f"take a pulled page, replaying {args.count // 2} outstanding approvals", replay)


if __name__ == "__main__":
    main()
