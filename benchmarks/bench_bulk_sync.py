"""Benchmark of bulk actions through sync: 10,000 walk-in registrations, then approving them all,
each pushed and pulled back by the device that did it and pulled by a second device. Prints
figures; asserts nothing.

    .venv/bin/python benchmarks/bench_bulk_sync.py [--postgres URL] [--count 10000] [--runs 1]

Runs on the `small` demo dataset (seeded afresh each run, quick). For each bulk action:
the local action, the push (until every answer is recorded), the whole sync of the acting device
(push, then the pull that rebases its outstanding operations page by page), and a second device's
pull of the same changes.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_sync as bs  # noqa: E402


class SmallSqlite:
    def __init__(self) -> None:
        bs.RESULTS.mkdir(exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix="bench-bulk-", dir=bs.RESULTS))
        self.url = f"sqlite:///{self.folder / 'server.sqlite'}"

    def drop(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class SmallPostgres:
    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine, make_url
        from sqlalchemy.pool import NullPool

        base = make_url(admin_url).set(drivername="postgresql+psycopg")
        self.admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.name = f"suqing_bench_bulk_{time.time_ns()}"
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{self.name}"')
        self.url = base.set(database=self.name).render_as_string(hide_password=False)

    def drop(self) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.dispose()


def run(url: str, work: Path, count: int) -> list[tuple[str, str]]:
    from sync.client.store.tables import registrations

    a = bs._device(work / "a", url)
    bs.timed_sync(a)
    activity = next(iter(bs._published(a)))
    a.update_activity(activity, {"capacity": 2 * count, "requires_review": True})
    bs.timed_sync(a)
    a.close()
    shutil.copytree(work / "a", work / "b")
    a, b = bs._device(work / "a", url), bs._device(work / "b", url)
    rows: list[tuple[str, str]] = []
    youths = [{"name": f"压测{n}", "phone": f"139{n:08d}", "gender": "male"} for n in range(count)]
    started = time.perf_counter()
    a.create_registrations(activity, youths, source="walk_in")
    local = time.perf_counter() - started
    push, whole, report = bs.timed_sync(a)
    rows.append((f"create {count:,} registrations: local action", f"{local:.2f} s"))
    rows.append(("  push (answered and recorded)", f"{push:.2f} s"))
    rows.append((f"  whole sync of the device ({report.pages} pages)", f"{whole:.2f} s"))
    started = time.perf_counter()
    _, _, report = bs.timed_sync(b)
    rows.append(
        (
            f"  second device pulls {report.pulled_rows:,} rows",
            f"{time.perf_counter() - started:.2f} s",
        )
    )

    with a.engine.connect() as conn:
        from sqlalchemy import select

        ids = list(
            conn.scalars(
                select(registrations.c.id).where(
                    registrations.c.activity_id == activity, registrations.c.status == "pending"
                )
            )
        )
    started = time.perf_counter()
    a.review_registrations(ids, "approve")
    local = time.perf_counter() - started
    push, whole, report = bs.timed_sync(a)
    rows.append((f"approve {len(ids):,} registrations: local action", f"{local:.2f} s"))
    rows.append(("  push (answered and recorded)", f"{push:.2f} s"))
    rows.append((f"  whole sync of the device ({report.pages} pages)", f"{whole:.2f} s"))
    started = time.perf_counter()
    _, _, report = bs.timed_sync(b)
    rows.append(
        (
            f"  second device pulls {report.pulled_rows:,} rows",
            f"{time.perf_counter() - started:.2f} s",
        )
    )
    a.close()
    b.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", metavar="URL", help="run the server on this PostgreSQL")
    parser.add_argument("--workers", type=int, default=2, help="server processes (default 2)")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    for _run in range(args.runs):
        database = SmallPostgres(args.postgres) if args.postgres else SmallSqlite()
        work = Path(tempfile.mkdtemp(prefix="bench-bulk-client-", dir=bs.RESULTS))
        server = None
        try:
            bs._cli("init-db", database_url=database.url)
            bs._cli("seed-demo", "--size", "small", database_url=database.url)
            server, url = bs.start_server(database.url, args.workers, work / "server.log")
            backend = "PostgreSQL" if args.postgres else "SQLite"
            print(f"server: {backend}, {args.workers} worker(s)")
            for figure, value in run(url, work, args.count):
                print(f"{figure:<50} {value:>10}")
        finally:
            if server is not None:
                server.terminate()
                server.wait(10)
            database.drop()
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
