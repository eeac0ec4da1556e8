"""The server's bulk apply path in-process, without HTTP: a push of capacity edits (as
`bench_sync.py`'s push figure queues) applied by `replication.apply_many`. Prints wall and CPU
seconds and statements per operation per run; asserts nothing. `--profile` prints where the
time goes (cProfile, top functions by cumulative time).

    .venv/bin/python benchmarks/bench_apply.py --database-url URL [--ops 1000] [--runs 5]

URL: a database after `init-db` and `seed-demo` (its published activities are edited, so each
run starts from the state the previous one left: capacities only grow, as in the benchmark).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, select

from sync.core.operations import Kind
from sync.server import replication
from sync.server.db import Database
from sync.server.tables import RECORDS, ROOT_SCOPE


def _edits(ids: list[str], count: int, base: int) -> list[dict]:
    return [
        {
            "op_id": str(uuid.uuid4()),
            "kind": Kind.ACTIVITY_UPDATE.value,
            "payload": {"id": ids[n % len(ids)], "changes": {"capacity": base + n}},
            "device_id": "bench-apply",
            "occurred_at": "",
        }
        for n in range(count)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--ops", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)

    db = Database.connect(args.database_url)
    a = RECORDS["activities"]
    with db.engine.connect() as conn:
        ids = list(conn.scalars(select(a.c.id).where(a.c.status == "published").order_by(a.c.id)))
        base = (conn.scalar(select(a.c.capacity).order_by(a.c.capacity.desc()).limit(1)) or 0) + 1
    statements = [0]
    event.listen(
        db.engine, "before_cursor_execute", lambda *_: statements.__setitem__(0, statements[0] + 1)
    )
    walls, cpus = [], []
    for run in range(args.runs):
        ops = _edits(ids, args.ops, base + run * args.ops)
        statements[0] = 0
        profile = cProfile.Profile() if args.profile and run == args.runs - 1 else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        results = replication.apply_many(
            db, account_id=None, scope_path=ROOT_SCOPE, ops=ops, actor="bench"
        )
        if profile:
            profile.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert all(r.status.value != "rejected" for r in results), results[:3]
        walls.append(wall)
        cpus.append(cpu)
        print(
            f"run {run + 1}: {args.ops} ops over {len(ids)} activities: wall {wall:.3f} s, "
            f"CPU {cpu:.3f} s, {statements[0] / args.ops:.2f} statements/op"
        )
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    print(
        f"wall min {min(walls):.3f} median {statistics.median(walls):.3f} s; "
        f"CPU min {min(cpus):.3f} median {statistics.median(cpus):.3f} s"
    )
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
