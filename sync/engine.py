"""One sync: push the outbox, then pull what changed, reporting progress.

A failed push never stops the pull (pretixscan-ios #26), a rejected operation never blocks the
queue, and every step commits locally before the next request, so a crash or a killed process at
any point leaves the next sync correct: pushes are idempotent by op_id, and the cursor moves only
with the page it belongs to.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sync import protocol
from sync.client import ServerClient, SyncError
from sync.protocol import OpStatus
from sync.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (phase "push"|"pull", done, total or 0)


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled_rows: int = 0
    pages: int = 0
    push_error: SyncError | None = None
    pull_error: SyncError | None = None
    finished_at: datetime | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.push_error is None and self.pull_error is None


def sync_once(
    store: Store,
    client: ServerClient,
    *,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
    page_size: int = protocol.PULL_PAGE,
) -> SyncReport:
    report = SyncReport()
    notify = progress or (lambda *_: None)
    stop = cancelled or threading.Event()

    try:
        total = store.pending_count()
        while not stop.is_set():
            ops = store.ops_to_push(protocol.PUSH_BATCH)
            if not ops:
                break
            results = client.push(ops)
            store.take_push_results(results)
            report.pushed += len(results)
            report.rejected += sum(r.status is OpStatus.REJECTED for r in results)
            report.conflicts += sum(r.code == "field_conflict" for r in results)
            notify("push", report.pushed, total)
    except SyncError as error:
        log.warning("push failed: %s", error)
        report.push_error = error

    try:
        cursor = store.pull_cursor()
        while not stop.is_set():
            page = client.pull(cursor, page_size)
            store.take_pull_page(page)
            report.pages += 1
            report.pulled_rows += sum(len(rows) for rows in page.rows.values())
            notify("pull", report.pulled_rows, 0)
            cursor = page.cursor
            if not page.more:
                break
    except SyncError as error:
        log.warning("pull failed: %s", error)
        report.pull_error = error

    report.finished_at = store.clock()
    if report.ok and not stop.is_set():
        store.set_meta("last_sync_at", report.finished_at.isoformat())
    log.info(
        "sync: pushed %d (rejected %d), pulled %d rows in %d pages, errors: %s / %s",
        report.pushed,
        report.rejected,
        report.pulled_rows,
        report.pages,
        report.push_error,
        report.pull_error,
    )
    return report
