"""Tombstone retention: deletions are kept as tombstones so every device hears of them, but not
forever. `python -m sync.server purge-tombstones` deletes those older than the retention and
raises the tombstone horizon (`sync.server.db`); a device that has not synced since then
downloads a fresh snapshot instead of pulling (`protocol.CURSOR_TOO_OLD`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, select

from sync.server.config import now as clock_now
from sync.server.db import Database, raise_tombstone_horizon, tombstone_horizon
from sync.server.tables import RECORDS, applied_ops

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Purged:
    horizon: int  # the horizon in force afterwards
    counts: dict[str, int]  # tombstones deleted, per table


def purge_tombstones(db: Database, *, older_than: timedelta, now: datetime | None = None) -> Purged:
    """Delete the tombstones of changes the server received more than `older_than` ago.

    Time maps to the change sequence through the log of applied operations: the last sequence
    received before the cut-off is the new horizon; every tombstone at or below it goes (except
    one a live row still refers to, which the foreign key needs). One transaction.
    """
    cutoff = (now or clock_now()) - older_than
    with db.write() as conn:
        last = conn.scalar(
            select(func.max(applied_ops.c.seq)).where(
                applied_ops.c.received_at < cutoff, applied_ops.c.seq.is_not(None)
            )
        )
        if not last or last <= tombstone_horizon(conn):
            return Purged(tombstone_horizon(conn), {})
        counts: dict[str, int] = {}
        for name, table in reversed(RECORDS.items()):  # children before their parents
            conditions = [table.c.deleted.is_(True), table.c.seq <= last]
            for other in RECORDS.values():
                for fk in other.foreign_keys:
                    if fk.column.table is table:
                        conditions.append(~exists().where(fk.parent == fk.column))
            counts[name] = conn.execute(delete(table).where(*conditions)).rowcount
        horizon = raise_tombstone_horizon(conn, int(last))
    log.info("purged tombstones up to change %d: %s", horizon, counts)
    return Purged(horizon, counts)
