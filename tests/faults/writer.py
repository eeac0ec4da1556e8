"""`python -m tests.faults.writer PROFILE LIMIT RANDOM SEED`: local changes on a full disk.

Files of this process may not grow past LIMIT bytes (RLIMIT_FSIZE, with SIGXFSZ ignored, so a
write fails with EFBIG as on a full disk). Makes changes until one fails; prints one JSON line
per committed operation ({"op_id"}, {"marker"} for a title made once) and {"full": true} when
the disk filled. Exits 0 unless something other than the full disk went wrong."""

from __future__ import annotations

import json
import random
import resource
import signal
import sys
from pathlib import Path

from sqlalchemy.exc import OperationalError

from sync.client import local_data
from tests.server.conftest import demo_now


def main() -> int:
    profile, limit, fraction, seed = (
        Path(sys.argv[1]),
        int(sys.argv[2]),
        float(sys.argv[3]),
        sys.argv[4],
    )
    rng = random.Random(fraction)
    store = local_data.open_store(profile, clock=demo_now)
    with store.engine.connect() as conn:
        followers = [r[0] for r in conn.exec_driver_sql("SELECT id FROM followers ORDER BY id")]
        org = store.get_meta("org_id")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    try:
        for n in range(200):
            if n % 2:
                marker = f"D{seed}-{fraction:.6f}-{n}"
                op_ids = [store.send_notice(org, marker, "磁盘已满测试 " * rng.randint(1, 200))[0]]
                print(json.dumps({"marker": marker}), flush=True)
            else:
                chosen = rng.sample(followers, min(len(followers), rng.randint(50, 400)))
                op_ids = store.tag_followers(chosen, add=[f"d{n % 3}"])
            for op_id in op_ids:
                print(json.dumps({"op_id": op_id}), flush=True)
    except OperationalError as error:  # the disk is full: what was committed stays
        print(json.dumps({"full": True, "error": str(error.orig)}), flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
