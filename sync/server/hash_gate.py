"""Admission to password hashing: a flood of sign-ins queues for a few slots or is answered
503 at once, without taking the worker threads everything else runs on."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sync.server.db import ServerBusy

# Seconds a sign-in refused for a full queue is told to wait: a hash takes about 0.1 s, so
# the queue has drained by then unless the flood goes on.
RETRY_AFTER_SECONDS = 2
# How long a refusal is held back (see `HashGate.check`); a throttled sign-in waits as long.
REFUSAL_DELAY_SECONDS = 1.0


class HashGate:
    """At most `slots` sign-ins hash at once in this process and `queue` more wait (in the
    event loop, holding no thread); beyond that `ServerBusy` (503 + Retry-After). Without it a
    flood of sign-ins took all 40 worker threads, each waiting for argon2, and /healthz went
    from 13 ms to 5.4 s."""

    def __init__(self, slots: int, queue: int) -> None:
        self._slots = asyncio.Semaphore(slots)
        self._limit = slots + queue
        self._admitted = 0  # the event loop's thread only: no lock needed

    async def check(self) -> None:
        """`ServerBusy` if `admit` would refuse, before any other work (a database read) is
        done for the request. The refusal is held back a moment (costing no thread): a flood
        answered at once comes straight back, and answering it kept the event loop busy."""
        if self._admitted >= self._limit:
            await asyncio.sleep(REFUSAL_DELAY_SECONDS)
            raise ServerBusy("password hashing queue full", retry_after=RETRY_AFTER_SECONDS)

    @asynccontextmanager
    async def admit(self) -> AsyncIterator[None]:
        await self.check()
        self._admitted += 1
        try:
            async with self._slots:
                yield
        finally:
            self._admitted -= 1
