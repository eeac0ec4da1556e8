"""The ApplyContext of the local replica: applies operations to the local tables and keeps each
touched row's previous values, which undo and the rebase after a pull restore."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from sync.codec import from_json, to_json
from sync.operations import Reference
from sync.records import RECORD_TABLES
from sync.store.tables import RECORDS

Snapshot = tuple[str, str, dict[str, Any] | None]


class LocalContext:
    """ApplyContext over one open transaction; remembers each row's previous values for undo."""

    def __init__(self, conn: Connection, now: datetime, reference: Reference):
        self.conn = conn
        self.now = now
        self.reference = reference
        self.snapshots: list[tuple[str, str, dict[str, Any] | None]] = []

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        t = RECORDS[table]
        row = self.conn.execute(select(t).where(t.c[primary_key(table)] == record_id)).first()
        return dict(row._mapping) if row else None

    def _remember(self, table: str, record_id: str) -> None:
        before = self.get(table, record_id)
        encoded = to_json(RECORD_TABLES[table], before) if before else None
        self.snapshots.append((table, record_id, encoded))

    def insert(self, table: str, values: dict[str, Any]) -> None:
        self._remember(table, values[primary_key(table)])
        self.conn.execute(insert(RECORDS[table]).values(values))

    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        self._remember(table, record_id)
        t = RECORDS[table]
        self.conn.execute(update(t).where(t.c[primary_key(table)] == record_id).values(values))

    def count(self, table: str, **equals: Any) -> int:
        t = RECORDS[table]
        stmt = select(func.count()).select_from(t)
        for name, value in equals.items():
            stmt = stmt.where(t.c[name] == value)
        return self.conn.scalar(stmt) or 0

    def delete(self, table: str, record_id: str) -> None:
        self._remember(table, record_id)
        t = RECORDS[table]
        self.conn.execute(delete(t).where(t.c[primary_key(table)] == record_id))


def primary_key(table: str) -> str:
    return "code" if table == "categories" else "id"


def restore(conn: Connection, snapshots: list[Snapshot]) -> list[str]:
    """Put back the rows as they were before the snapshots were taken; returns the tables.
    Rows are updated in place, not deleted and re-inserted, so rows referring to them stay."""
    touched = []
    for table, record_id, before in reversed(snapshots):
        t = RECORDS[table]
        where = t.c[primary_key(table)] == record_id
        if before is None:
            conn.execute(delete(t).where(where))
        else:
            values = from_json(RECORD_TABLES[table], before)
            if conn.execute(update(t).where(where).values(values)).rowcount == 0:
                conn.execute(insert(t).values(values))
        touched.append(table)
    return touched
