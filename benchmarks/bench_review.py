"""Benchmark of bulk review in the local store. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_review.py [--count 10000] [--runs 3]

- approve COUNT pending registrations of one activity in one bulk action
  (`Store.review_registrations`: one transaction, one queued operation and one history event
  each; goal ≤ 2 s for 10,000);
- take the whole action back in one undo step (`Store.undo_many`).
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

from sync.records import CHINA_TIME, ActivityStatus  # noqa: E402
from sync.store import Store  # noqa: E402
from sync.store.tables import organizations, registrations, youths  # noqa: E402


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
    _, activity_id = store.create_activity(
        "org",
        {
            "title": "江宁区青年志愿服务大会",
            "category": "public_service",
            "region_code": "320115",
            "location_name": "江宁区青年活动中心",
            "starts_at": start,
            "ends_at": start + timedelta(hours=3),
            "registration_opens_at": now - timedelta(days=3),
            "registration_closes_at": start - timedelta(days=1),
            "capacity": count,
        },
    )
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
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
    approve, undo = [], []
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
            finally:
                store.close()
    print(
        f"approve {args.count} pending registrations in one action: "
        f"median {statistics.median(approve):.2f} s, best {min(approve):.2f} s (goal ≤ 2 s)"
    )
    print(f"undo that action in one step: median {statistics.median(undo):.2f} s")


if __name__ == "__main__":
    main()
