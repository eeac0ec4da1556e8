"""The long fault-injection run:

    .venv/bin/python -m tests.faults --trials 100 --seeds 1,2,3 [--postgres URL] [--keep DIR]
        [--only FAULT]

runs TRIALS trials for each seed (each seed its own server database and devices) and prints
the trials, how often each fault fired, and the violations (lost, doubled, divergent, a device
that would not open). Exits 1 when there is any violation."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.faults", description=__doc__)
    parser.add_argument("--trials", type=int, default=100, help="trials per seed")
    parser.add_argument("--seeds", default="1,2,3", help="comma-separated seeds")
    parser.add_argument("--postgres", help="run the server on this PostgreSQL (admin URL)")
    parser.add_argument("--keep", type=Path, help="keep the databases and logs in this folder")
    parser.add_argument(
        "--only", help="every trial with this fault (e.g. corrupt_db), not one the seed picks"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the harness's own syncs fail on purpose
    folder = args.keep or Path(tempfile.mkdtemp(prefix="suqing-faults-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["SUQING_TEST_KEYRING_FILE"] = str(folder / "keyring.json")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.FileKeyring"
    import keyring
    from sqlalchemy.engine import make_url

    from tests.faults.harness import FAULTS, RunReport, run, seed_database
    from tests.support.keyring_backend import FileKeyring

    keyring.set_keyring(FileKeyring())
    total = RunReport()
    log = (lambda *_: None) if args.quiet else (lambda line: print(line, flush=True))
    seeds = [int(s) for s in args.seeds.split(",")]
    if args.only and args.only not in FAULTS:
        parser.error(f"--only: one of {', '.join(FAULTS)}")
    faults = [args.only] * args.trials if args.only else None

    def trials(folder: Path, url: str, seed: int) -> RunReport:
        return run(folder, url, password, seed, args.trials, log, faults=faults)

    if args.postgres:
        os.environ["SUQING_TEST_DATABASE_URL"] = args.postgres
        from tests.server.conftest import pg_database

        with pg_database() as template:
            password = seed_database(template)
            for seed in seeds:
                with pg_database(template=make_url(template).database) as url:
                    total.merge(trials(folder / f"seed-{seed}", url, seed))
    else:
        template = folder / "template.sqlite"
        password = seed_database(f"sqlite:///{template}")
        for seed in seeds:
            where = folder / f"seed-{seed}"
            where.mkdir(parents=True, exist_ok=True)
            with (
                sqlite3.connect(template) as source,
                sqlite3.connect(where / "server.sqlite") as to,
            ):
                source.backup(to)
            url = f"sqlite:///{where / 'server.sqlite'}"
            total.merge(trials(where, url, seed))
    print("\n".join(total.lines()))
    print(f"(databases and logs in {folder})")
    return 1 if total.violations else 0


if __name__ == "__main__":
    sys.exit(main())
