"""Demo data into the device's replica: a sink over the store's tables, in one transaction.

The one module of sync.tools that knows the device's store (the desktop's --demo and the
command line use it; the server seeds its own tables through `sync.server.seed`).
"""

from __future__ import annotations

import argparse
import logging
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from sync.client.store.store import Store
from sync.client.store.tables import RECORDS
from sync.core import regions
from sync.tools import demo
from sync.tools.demo.model import DEFAULT_SEED, SIZES, DemoDataExists, DemoSummary, Progress

log = logging.getLogger(__name__)

CACHE_KIB = 16 * 1024


class _TableSink:
    """Inserts each batch into the replica's table of that name, on the caller's connection."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.conn.execute(insert(RECORDS[table]), rows)


def generate(
    store: Store,
    size: str = "small",
    *,
    seed: int = DEFAULT_SEED,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty store with demo data in one transaction; the home county becomes its org.

    `progress(done, total)` hears about every batch of rows written; an exception raised in it
    cancels the whole generation and leaves the store as it was.
    """
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose from {', '.join(SIZES)}")
    for table in ("organizations", "activities", "youths", "registrations", "followers"):
        if store.count(table):
            raise DemoDataExists(f"{store.path} already holds {table}")
    reference = store.reference
    with store.bulk_write() as conn:  # one transaction: never a half-generated replica
        # The indexes of 400,000 random keys outgrow SQLite's 2 MB page cache; a bigger one for
        # this connection, while generating, saves about a sixth of the time.
        cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size={-CACHE_KIB}")
        summary = demo.generate(
            _TableSink(conn), reference, size, seed=seed, now=now, progress=progress
        )
        conn.exec_driver_sql(f"PRAGMA cache_size={cache_size}")
        store.set_meta("org_id", summary.home_org_id, conn=conn)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sync.tools.demo", description="Fill a new local replica with demo data."
    )
    parser.add_argument("path", type=Path, help="the SQLite database (created if missing)")
    parser.add_argument("--size", choices=list(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    store = Store(args.path)
    try:
        existing = store.count("activities")
        if existing:
            log.error(
                "%s already holds %d activities; refusing to add demo data", args.path, existing
            )
            return 2
        tenths = [0]

        def report(done: int, total: int) -> None:
            if done * 10 // total > tenths[0]:
                tenths[0] = done * 10 // total
                log.info("demo data: %d of %d rows", done, total)

        started = time.perf_counter()
        try:
            summary = generate(store, args.size, seed=args.seed, progress=report)
        except DemoDataExists as exc:
            log.error("%s; refusing to add demo data", exc)
            return 2
        except regions.RegionDataMissing as exc:
            log.error("%s", exc)
            return 1
        elapsed = time.perf_counter() - started
    finally:
        store.close()
    print(
        f"{args.path}: {summary.organizations} organizations, {summary.activities} activities, "
        f"{summary.youths} youths, {summary.registrations} registrations, "
        f"{summary.followers} followers; home org {summary.home_org_id} ({elapsed:.1f} s)"
    )
    return 0
