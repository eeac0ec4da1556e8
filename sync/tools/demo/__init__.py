"""Realistic synthetic demo data: the League tree over real regions, and one home county's
activities, youths, registrations, followers and youth requests (诉求), written as
already-synced server data.

`generate` writes the rows through a `Sink` (table, rows) and knows no database: the device fills
its replica with it (`sync.tools.demo.replica`, `python -m sync.tools.demo PATH [--size
small|county] [--seed N]`), the server its own tables (`sync.server.seed`). Everything is drawn
from one `random.Random(seed)` and the given `now`, so the same inputs always give the same rows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Protocol

from sync.core.operations import Reference
from sync.tools.demo import youth_requests
from sync.tools.demo.door import door_events
from sync.tools.demo.generator import _Generator
from sync.tools.demo.model import (
    DEFAULT_SEED,
    DEMO_HOME_USERNAME,
    DEMO_PASSWORD,
    FOLLOWER_TAGS,
    HOME_COUNTY,
    NOTICES,
    NOTICES_PER_ORG,
    SIZES,
    DemoDataExists,
    DemoSize,
    DemoSummary,
    Progress,
)

__all__ = [
    "DEFAULT_SEED",
    "DEMO_HOME_USERNAME",
    "DEMO_PASSWORD",
    "FOLLOWER_TAGS",
    "HOME_COUNTY",
    "NOTICES",
    "NOTICES_PER_ORG",
    "SIZES",
    "TABLES",
    "DemoDataExists",
    "DemoSize",
    "DemoSummary",
    "Sink",
    "generate",
]

log = logging.getLogger(__name__)

BATCH_ROWS = 5_000
# The tables written, in this order (parents before children).
TABLES = (
    "organizations",
    "activities",
    "youths",
    "registrations",
    "registration_events",
    "checkin_events",
    "followers",
    "notices",
    "requests",
    "request_events",
)


class Sink(Protocol):
    """Where the rows go: `write` gets one batch of at most BATCH_ROWS rows of one table at a
    time, the tables in the order of TABLES; each row holds the record's fields only."""

    def write(self, table: str, rows: list[dict[str, Any]]) -> None: ...


def generate(
    sink: Sink,
    reference: Reference,
    size: str = "small",
    *,
    seed: int = DEFAULT_SEED,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Draw the demo data of `size` and hand it to `sink` in batches; the categories come from
    `reference`. The home county is `summary.home_org_id`.

    `progress(done, total)` hears about every batch of rows written; an exception raised in it
    (or in the sink) stops the generation, and the caller's transaction decides what stays.
    """
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose from {', '.join(SIZES)}")
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    gen = _Generator(SIZES[size], seed, now, reference)
    started = time.perf_counter()
    writer = _BatchWriter(sink, gen.total_rows, progress)
    writer.write("organizations", gen.organizations())
    writer.write("activities", gen.activities())
    writer.write("youths", gen.youths())
    writer.write("registrations", gen.registrations())
    writer.total += gen.planned_events_and_notices()
    writer.write("registration_events", gen.registration_events())
    door = door_events(gen.plans, gen.admitted, now, seed + 2, DEMO_HOME_USERNAME)
    writer.total += len(door)
    writer.write("checkin_events", door)
    writer.write("followers", gen.followers())
    writer.write("notices", gen.notices())
    requests = youth_requests.draw(gen)
    writer.total += requests.rows()
    writer.write("requests", requests.requests())
    writer.write("request_events", requests.request_events())
    log.info("generated %s demo data in %.1f s", size, time.perf_counter() - started)
    return DemoSummary(**writer.counts, home_org_id=gen.home.id)


class _BatchWriter:
    """Batches of BATCH_ROWS to the sink, so no table's rows are ever all in memory."""

    def __init__(self, sink: Sink, total: int, progress: Progress | None):
        self.sink, self.total, self.progress = sink, total, progress
        self.done = 0
        self.counts: dict[str, int] = {}

    def write(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        self.counts[table] = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH_ROWS:
                self._flush(table, batch)
                batch = []
        if batch:
            self._flush(table, batch)

    def _flush(self, table: str, batch: list[dict[str, Any]]) -> None:
        self.sink.write(table, batch)
        self.counts[table] += len(batch)
        self.done += len(batch)
        if self.progress:
            self.progress(self.done, self.total)
