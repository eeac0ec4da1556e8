"""One sync: push the outbox, then pull what changed, reporting progress.

A failed push never stops the pull (pretixscan-ios #26), a rejected operation never blocks the
queue, and every step commits locally before the next request, so a crash or a killed process at
any point leaves the next sync correct: pushes are idempotent by op_id, and the cursor moves only
with the page it belongs to.

The first download (cursor 0), and a re-download when the server has purged deletions newer
than the cursor (`CursorTooOld`), fetch one SQLite snapshot of the scope instead of JSON pages:
streamed to a file beside the database, checked, installed in one transaction with the pending
operations replayed on top; JSON pulls then continue from the snapshot's cursor.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sync.client.http import BadResponse, CursorTooOld, Refused, ServerClient, SyncError
from sync.client.store import Store
from sync.client.store.snapshot import SnapshotError
from sync.core import protocol
from sync.core.protocol import OpStatus
from sync.core.release import Release

log = logging.getLogger(__name__)

# (phase, done, total or 0): "push" operations, "pull" rows, "download" bytes of a snapshot,
# "install" (0, 0) while a downloaded snapshot is checked and installed
Progress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled_rows: int = 0
    pages: int = 0
    snapshot_rows: int = 0  # rows installed from a snapshot (also counted in pulled_rows)
    push_error: SyncError | None = None
    pull_error: SyncError | None = None
    finished_at: datetime | None = None
    release: Release | None = None  # the newest workbench the server announced, if it did
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
    full_download: bool = False,
) -> SyncReport:
    """One sync. `full_download` fetches a snapshot even when the device has a cursor (a
    repair; the pending operations are kept and replayed)."""
    report = SyncReport()
    notify = progress or (lambda *_: None)
    stop = cancelled or threading.Event()
    store.discard_snapshot_download()  # one a crash left behind
    store.wait_for_fold()  # the last sync's, before this one writes

    try:
        total = 0  # counted once there is something to push (a sync with nothing: no query)
        while not stop.is_set():
            ops = store.ops_to_push(protocol.PUSH_BATCH)
            if not ops:
                break
            total = total or store.pending_count()
            results = client.push(ops)
            store.take_push_results(results)
            report.pushed += len(results)
            report.rejected += sum(r.status is OpStatus.REJECTED for r in results)
            report.conflicts += sum(r.code == "field_conflict" for r in results)
            notify("push", report.pushed, total)
    except SyncError as error:
        log.warning("push failed: %s", error)
        report.push_error = error

    # Pages fetched but not yet taken in: consecutive pages go in together, with one rebase
    # of the outstanding operations (after a bulk action, thousands) instead of one a page.
    fetched: list[protocol.PullPage] = []
    try:
        cursor = store.pull_cursor()
        if (cursor == 0 or full_download) and not stop.is_set():
            cursor = _download_snapshot(store, client, report, notify, stop, fallback=cursor)
        while not stop.is_set():
            try:
                page = client.pull(cursor, page_size)
            except CursorTooOld:
                if report.snapshot_rows:  # the server contradicts itself: do not loop
                    raise
                log.info("cursor %d predates the tombstone horizon: downloading afresh", cursor)
                store.take_pull_pages(fetched)  # before the snapshot, which comes after them
                fetched = []
                cursor = _download_snapshot(store, client, report, notify, stop, fallback=None)
                continue
            fetched.append(page)
            report.pages += 1
            report.pulled_rows += sum(len(rows) for rows in page.rows.values())
            cursor = page.cursor
            if not page.more or _rows_in(fetched) >= PULL_BATCH_ROWS:
                store.take_pull_pages(fetched)
                fetched = []
            notify("pull", report.pulled_rows, 0)
            if not page.more:
                break
    except SyncError as error:
        log.warning("pull failed: %s", error)
        report.pull_error = error
    store.take_pull_pages(fetched)  # what came before a failed request or a cancel is kept

    report.finished_at = store.clock()
    report.release = client.release
    store.sync_finished(
        report.finished_at if report.ok and not stop.is_set() else None,
        pulled=bool(report.pulled_rows or report.snapshot_rows),
    )
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


# Rows of pulled pages taken in together (a few tens of MB in memory at most).
PULL_BATCH_ROWS = 20_000


def _rows_in(pages: list[protocol.PullPage]) -> int:
    return sum(len(rows) for page in pages for rows in page.rows.values()) + sum(
        len(ids) for page in pages for ids in page.deleted.values()
    )


class _Cancelled(Exception):
    """The user cancelled during a download."""


def _download_snapshot(
    store: Store,
    client: ServerClient,
    report: SyncReport,
    notify: Progress,
    stop: threading.Event,
    *,
    fallback: int | None,
) -> int:
    """Download, check and install a snapshot; the cursor to pull after. A server without the
    snapshot endpoint (404) leaves `fallback` (JSON pages from there) when one is given; a
    cancelled download leaves everything as it was."""
    target = store.snapshot_download_path

    def downloaded(done: int, total: int) -> None:
        if stop.is_set():
            raise _Cancelled
        notify("download", done, total)

    try:
        try:
            client.download_snapshot(target, downloaded)
        except _Cancelled:
            log.info("snapshot download cancelled")
            return store.pull_cursor()
        except Refused as error:
            if fallback is None or "404" not in str(error):
                raise
            log.info("server has no snapshot endpoint: pulling pages instead")
            return fallback
        if stop.is_set():
            return store.pull_cursor()
        notify("install", 0, 0)
        try:
            info = store.install_snapshot(target)
        except SnapshotError as error:
            log.warning("snapshot refused: %s", error)
            raise BadResponse(str(error), code="snapshot_invalid") from error
    finally:
        store.discard_snapshot_download()
    report.snapshot_rows += info.rows
    report.pulled_rows += info.rows
    notify("pull", report.pulled_rows, 0)
    return info.cursor
