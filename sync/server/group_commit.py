"""Pushes that arrive together written in one transaction: group commit.

When a county's devices sync together, each push of a few edits waited its turn for the one
writer (`Database.write`: on SQLite the writer lock, on PostgreSQL the change counter), and each
turn cost a commit and a hand-over of the lock to a thread that then had to win the GIL from
dozens of threads encoding pulls: 200 two-edit pushes took ~5 s to get through (p95 of pushes,
`benchmarks/bench_sync.py --crowd-only`), about 25 ms each for ~4 ms of work.

So the writes of one process queue here. The first thread to find no transaction under way
leads: it opens one, runs every queued write in it, each in a savepoint of its own (a write that
fails takes back only its own changes and its caller gets the error, as it did with a
transaction of its own), commits once, and wakes the writers it ran. Writes that queued
meanwhile are led by the first of them, so no thread serves others for long. A transaction
takes no more writes once it has run for `max_seconds`, so it never holds the writer for much
longer than one write does.

Each write sees the ones before it in the transaction, as it saw them committed before: the
order the writes are run in is the order they would have had the lock in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

# write(conn, began): a write, run in the transaction `conn` that began at `began`
# (time.monotonic()), so it may stop early to keep the transaction short.
Write = Callable[[Connection, float], Any]


class _Queued:
    def __init__(self, write: Write, transaction: Callable[[], Any]):
        self.write = write
        self.transaction = transaction
        self.value: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.lead = False  # woken to lead the next transaction, not because it was run


class GroupCommit:
    """The queue of one database's writes in this process."""

    def __init__(self, max_seconds: float):
        self._max_seconds = max_seconds
        self._lock = threading.Lock()
        self._queue: list[_Queued] = []
        self._leading = False

    def run(self, write: Write, transaction: Callable[[], Any]) -> Any:
        """Run `write` in a transaction, perhaps with others; its value, or its error raised.
        `transaction()`: a context manager giving a connection in a new write transaction of
        this queue's database (`Database.write`), committed when it ends."""
        mine = _Queued(write, transaction)
        with self._lock:
            self._queue.append(mine)
            mine.lead = not self._leading
            self._leading = True
        while not mine.lead:
            mine.done.wait()
            if not mine.lead:
                break  # run by another thread's transaction
            mine.done.clear()
        if mine.lead:
            self._lead()
        if mine.error is not None:
            raise mine.error
        return mine.value

    def _lead(self) -> None:
        """One transaction of the queued writes (this thread's own first in line), then the
        lead handed to the first write still queued, if any."""
        with self._lock:
            batch, self._queue = self._queue, []
        ran: list[_Queued] = []
        try:
            with batch[0].transaction() as conn:
                began = time.monotonic()
                for queued in batch:
                    if ran and time.monotonic() - began > self._max_seconds:
                        break  # the rest in the next transaction
                    ran.append(queued)
                    try:
                        with conn.begin_nested():
                            queued.value = queued.write(conn, began)
                    except Exception as error:  # this write's own failure: taken back alone
                        queued.error = error
        except BaseException as error:  # no transaction, or it failed: every write in it did
            ran = ran or batch  # not begun (the writer busy): all of them are told so
            for queued in ran:
                queued.value, queued.error = None, queued.error or error
        finally:
            with self._lock:
                self._queue[:0] = batch[len(ran) :]  # not run: first in line still
                head = self._queue[0] if self._queue else None
                if head is not None:
                    head.lead = True
                else:
                    self._leading = False
            for queued in ran:
                queued.done.set()
            if head is not None:
                head.done.set()
