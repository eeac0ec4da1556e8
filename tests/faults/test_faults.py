"""A short seeded fault-injection run in CI (tests/faults/harness.py); the long one is
`python -m tests.faults --trials 100 --seeds 1,2,3`. Each backend gets a few named faults (the
fault kinds split between them); SUQING_FAULT_TRIALS=N adds N trials picked by the seed.
A corrupt_db whose damage the sync does not read at once counts as missed, not failed."""

from __future__ import annotations

import hashlib
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


def test_an_answer_changed_on_the_way_is_refused(backend: str, seeded_database, tmp_path: Path):
    """Found by the harness (proxy:garble_digit): one digit changed in a small, uncompressed
    pull answer moved the device's cursor past changes it then never pulled. The server now
    sends each answer's SHA-256 (sync.server.body_digest) and the device refuses a mismatch."""
    import random

    import requests

    from sync.core import protocol
    from tests.faults import proxy as px
    from tests.faults.harness import World

    database_url, seeded = seeded_database
    world = World(tmp_path / "w", database_url, seeded.accounts[DEMO_HOME_USERNAME].password, 5)
    try:
        health = requests.get(world.proxy.url + protocol.HEALTH_PATH, timeout=10)
        assert health.headers[protocol.DIGEST_HEADER] == hashlib.sha256(health.content).hexdigest()
        a, b = world.devices
        for n in range(2):  # a has nothing new: its pull answer is a small page, not compressed
            pull = lambda m, p, k: p.startswith(protocol.PULL_PATH)  # noqa: E731
            world.proxy.arm(px.Fault(px.GARBLE_DIGIT, pull, rng=random.Random(n)))
            done = a.cli("sync")
            assert done.returncode == 1 and "无法识别" in done.stdout
            world.proxy.arm(None)
            world.change(b, 3)
            violations = world.heal()
            violations.extend(world.check(f"round {n}"))
            assert not violations, violations
    finally:
        world.close()
