"""Benchmark of the 签到 door: Enter-to-counts-updated on an activity with 5,000 approved
registrations, and the time to verify 10,000 signed codes. Prints figures; asserts nothing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_checkin.py \
        [--registrations 5000] [--scans 500] [--codes 10000]

Each scan is a real key press of Enter on the page's field holding a scanned code: the page
verifies the signature, appends the check-in (one local transaction, queued for the server) and
updates the counts, all before the key press returns. Goals (issue 11): p95 <= 30 ms and
10,000 codes <= 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sync.client.store import Store  # noqa: E402
from sync.client.store.replica import CHECKIN_KEY  # noqa: E402
from sync.client.store.tables import activities, organizations, registrations, youths  # noqa: E402
from sync.core import checkin_codes  # noqa: E402
from sync.core.ids import uuid7  # noqa: E402


def _fill(store: Store, count: int) -> tuple[str, list[str]]:
    """One published activity starting now with `count` approved registrations."""
    now = datetime.now(UTC)
    org, activity = uuid7(), uuid7()
    ids = [uuid7() for _ in range(count)]
    youth_ids = [uuid7() for _ in range(count)]
    with store.bulk_write() as conn:
        conn.execute(
            organizations.insert().values(
                id=org, name="共青团南京市江宁区委员会", level="county", parent_id=None,
                region_code="320115", address="", contact_name="", contact_phone="", version=1,
            )
        )  # fmt: skip
        conn.execute(
            activities.insert().values(
                id=activity, org_id=org, title="江宁区青年志愿服务日", category="volunteer",
                region_code="320115", starts_at=now, ends_at=now + timedelta(hours=4),
                capacity=count, status="published", version=1,
            )
        )  # fmt: skip
        conn.execute(
            youths.insert(),
            [
                {"id": y, "name": f"青年{i:05d}", "phone": f"139{i:08d}", "version": 1}
                for i, y in enumerate(youth_ids)
            ],
        )
        conn.execute(
            registrations.insert(),
            [
                {
                    "id": r, "activity_id": activity, "youth_id": y, "status": "approved",
                    "registered_at": now, "source": "online", "version": 1,
                }
                for r, y in zip(ids, youth_ids, strict=True)
            ],
        )  # fmt: skip
    return activity, ids


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=5000)
    parser.add_argument("--scans", type=int, default=500)
    parser.add_argument("--codes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="rounds of the code verification")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    from desktop.events import StoreEvents
    from desktop.pages.checkin import CheckinPage

    key = Ed25519PrivateKey.generate()
    with tempfile.TemporaryDirectory(prefix="bench-checkin-") as folder:
        store = Store(Path(folder) / "workbench.sqlite")
        store.set_meta(CHECKIN_KEY, checkin_codes.public_key_text(key.public_key()))
        activity, ids = _fill(store, args.registrations)
        issued = datetime.now(UTC)
        codes = [checkin_codes.sign(key, r, activity, issued) for r in ids]
        # distinct codes to verify: the registrations' and, beyond them, more of the activity
        extra = max(0, args.codes - len(codes))
        more = [checkin_codes.sign(key, uuid7(), activity, issued) for _ in range(extra)]
        distinct = (codes + more)[: args.codes]

        # as the page does: the public key loaded once from the store's text, then each code
        # through `verify` (decode, one Ed25519 check). Wall time suffers from a busy machine;
        # the process's CPU time says what the verification itself costs.
        public = checkin_codes.load_public_key(store.get_meta(CHECKIN_KEY) or "")
        walls, cpus = [], []
        for _ in range(args.repeat):
            started, cpu = time.perf_counter(), time.process_time()
            for text in distinct:
                checkin_codes.verify(public, text)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)

        events = StoreEvents(store)
        started = time.perf_counter()
        page = CheckinPage(store, events)
        page.show()
        app.processEvents()
        open_s = time.perf_counter() - started
        timings, cpu_ms = [], []
        for text in codes[: args.scans]:
            page.input.setText(text)
            started, cpu = time.perf_counter(), time.process_time()
            QTest.keyClick(page.input, Qt.Key.Key_Return)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_ms.append((time.process_time() - cpu) * 1000)
        app.processEvents()
        arrived = page.book.counts().arrived if page.book else 0
        page.close()
        store.close()

    print(f"activity with {args.registrations} approved registrations; {args.scans} scans")
    print(f"  page opened (door book built) in {open_s * 1000:.0f} ms; arrived after: {arrived}")
    print(
        f"  Enter-to-counts-updated: median {statistics.median(timings):.1f} ms, "
        f"p95 {_percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms (goal p95 <= 30 ms)"
    )
    print(
        f"  the same, CPU time of this process: median {statistics.median(cpu_ms):.1f} ms, "
        f"p95 {_percentile(cpu_ms, 0.95):.1f} ms (what a machine of its own would wait)"
    )
    print(
        f"  verify {len(distinct)} distinct codes, {args.repeat} rounds (goal <= 1 s): "
        f"wall min {min(walls):.3f} s, median {statistics.median(walls):.3f} s; "
        f"CPU min {min(cpus):.3f} s, median {statistics.median(cpus):.3f} s "
        f"({min(cpus) / len(distinct) * 1e6:.0f} us a code)"
    )


if __name__ == "__main__":
    main()
