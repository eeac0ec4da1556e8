"""A short seeded fault-injection run in CI (tests/faults/harness.py); the long one is
`python -m tests.faults --trials 100 --seeds 1,2,3`. Each backend gets a few named faults (the
fault kinds split between them); SUQING_FAULT_TRIALS=N adds N trials picked by the seed.
A corrupt_db whose damage the sync does not read at once counts as missed, not failed."""

from __future__ import annotations

import os
from pathlib import Path

from sync.tools.demo import DEMO_HOME_USERNAME
from tests.faults.harness import run

NAMED = {
    "sqlite": ["kill_client:during_push", "kill_server:between_pages", "corrupt_db"],
    "postgresql": ["kill_server:during_push", "disk_full"],
}
SEED = 20261129


def test_seeded_faults_leave_nothing_lost_doubled_or_divergent(
    backend: str, seeded_database, tmp_path: Path
):
    database_url, seeded = seeded_database
    extra = int(os.environ.get("SUQING_FAULT_TRIALS", "0"))
    report = run(
        tmp_path / "world",
        database_url,
        seeded.accounts[DEMO_HOME_USERNAME].password,
        SEED,
        faults=[*NAMED[backend], *[None] * extra],
    )
    assert report.trials == len(NAMED[backend]) + extra
    assert not report.violations, "\n".join(report.lines())
    assert sum(report.faults.values()) >= len(NAMED[backend]) - 1, report.lines()
