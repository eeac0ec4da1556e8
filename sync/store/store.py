"""The local replica: every user action is applied to the tables and queued in the outbox in one
transaction, so a crash leaves either both or neither."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from sync import operations, regions
from sync.codec import from_json, to_json
from sync.ids import uuid7
from sync.operations import Outcome, Reference
from sync.records import RECORD_TABLES, Activity, ActivityStatus
from sync.rules import RuleViolation
from sync.store import queries
from sync.store.db import make_engine, writer
from sync.store.migrations import migrate
from sync.store.tables import RECORDS, meta, outbox

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def jiangsu_reference(category_codes: list[str]) -> Reference:
    table = regions.regions()
    boundary = regions.province_boundary()
    return Reference(
        categories=frozenset(category_codes),
        is_valid_region=table.is_jiangsu_area,
        contains_point=boundary.contains,
    )


class _LocalContext:
    """ApplyContext over one open transaction; remembers each row's previous values for undo."""

    def __init__(self, conn: Connection, now: datetime, reference: Reference):
        self.conn = conn
        self.now = now
        self.reference = reference
        self.snapshots: list[tuple[str, str, dict[str, Any] | None]] = []

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        t = RECORDS[table]
        row = self.conn.execute(select(t).where(t.c[_pk(table)] == record_id)).first()
        return dict(row._mapping) if row else None

    def _remember(self, table: str, record_id: str) -> None:
        before = self.get(table, record_id)
        encoded = to_json(RECORD_TABLES[table], before) if before else None
        self.snapshots.append((table, record_id, encoded))

    def insert(self, table: str, values: dict[str, Any]) -> None:
        self._remember(table, values[_pk(table)])
        self.conn.execute(insert(RECORDS[table]).values(values))

    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        self._remember(table, record_id)
        t = RECORDS[table]
        self.conn.execute(update(t).where(t.c[_pk(table)] == record_id).values(values))

    def delete(self, table: str, record_id: str) -> None:
        self._remember(table, record_id)
        t = RECORDS[table]
        self.conn.execute(delete(t).where(t.c[_pk(table)] == record_id))


def _pk(table: str) -> str:
    return "code" if table == "categories" else "id"


class Store:
    """The workbench's one door to its local data. Writes go through `execute` (or the named
    commands built on it); listeners added with `add_listener` hear about every committed change."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Clock = utc_now,
        reference: Reference | None = None,
    ):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        migrate(self.path)
        self.engine = make_engine(self.path)
        self._writer = writer(self.engine)
        self.clock = clock
        self._listeners: list[Callable[[str], None]] = []
        self.device_id = self.get_meta("device_id") or self._init_device_id()
        self._reference = reference

    def close(self) -> None:
        self.engine.dispose()

    # --- meta --------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(meta.c.value).where(meta.c.key == key))

    def set_meta(self, key: str, value: str, *, conn: Connection | None = None) -> None:
        """Set a meta value, in its own transaction or inside the caller's `conn`."""
        if conn is None:
            with self._writer.begin() as own:
                self.set_meta(key, value, conn=own)
            return
        conn.execute(delete(meta).where(meta.c.key == key))
        conn.execute(insert(meta).values(key=key, value=value))

    @contextmanager
    def bulk_write(self) -> Iterator[Connection]:
        """One writer transaction for data that is not a user action (demo data; later the
        first download from the server): nothing goes to the outbox. Listeners hear about
        every table once it has committed."""
        with self._writer.begin() as conn:
            yield conn
        for table in RECORDS:
            self._announce(table)
        self._announce("meta")

    def _init_device_id(self) -> str:
        device_id = uuid7()
        self.set_meta("device_id", device_id)
        return device_id

    @property
    def reference(self) -> Reference:
        if self._reference is None:
            self._reference = jiangsu_reference([c["code"] for c in self.categories()])
        return self._reference

    # --- listeners ---------------------------------------------------------------------------

    def add_listener(self, callback: Callable[[str], None]) -> None:
        """`callback(what)` after each committed change; `what` is a table name or "outbox"."""
        self._listeners.append(callback)

    def _announce(self, what: str) -> None:
        for callback in list(self._listeners):
            callback(what)

    # --- operations --------------------------------------------------------------------------

    def execute(self, kind: str, payload: dict[str, Any]) -> tuple[str, Outcome]:
        """Apply one operation locally and queue it for the server; returns (op_id, outcome).

        Raises RuleViolation (and changes nothing) when the rules refuse it.
        """
        now = self.clock()
        op_id = uuid7()
        with self._writer.begin() as conn:
            ctx = _LocalContext(conn, now, self.reference)
            outcome = operations.apply(ctx, kind, payload)
            conn.execute(
                insert(outbox).values(
                    op_id=op_id,
                    kind=kind,
                    payload=json.dumps(payload, ensure_ascii=False),
                    occurred_at=now,
                    device_id=self.device_id,
                    state="pending",
                    undo=json.dumps(ctx.snapshots, ensure_ascii=False),
                )
            )
        log.info("applied %s %s (op %s)", kind, outcome.record_id, op_id)
        for table in dict.fromkeys(t for t, _, _ in ctx.snapshots):
            self._announce(table)
        self._announce("outbox")
        return op_id, outcome

    def undo(self, op_id: str) -> None:
        """Take back an operation that has not reached the server yet: restore the rows it
        changed and drop it from the outbox, in one transaction."""
        touched: list[str] = []
        with self._writer.begin() as conn:
            row = conn.execute(select(outbox).where(outbox.c.op_id == op_id)).first()
            if row is None or row.state != "pending":
                raise RuleViolation("undo_already_synced")
            snapshots = json.loads(row.undo)
            keys = {(t, i) for t, i, _ in snapshots}
            for later in conn.execute(select(outbox.c.undo).where(outbox.c.seq > row.seq)):
                if keys & {(t, i) for t, i, _ in json.loads(later.undo)}:
                    raise RuleViolation("undo_superseded")
            for table, record_id, before in reversed(snapshots):
                t = RECORDS[table]
                conn.execute(delete(t).where(t.c[_pk(table)] == record_id))
                if before is not None:
                    conn.execute(insert(t).values(from_json(RECORD_TABLES[table], before)))
                touched.append(table)
            conn.execute(delete(outbox).where(outbox.c.op_id == op_id))
        log.info("undid op %s", op_id)
        for table in dict.fromkeys(touched):
            self._announce(table)
        self._announce("outbox")

    # --- activity commands -------------------------------------------------------------------

    def create_activity(self, org_id: str, fields: Mapping[str, Any]) -> tuple[str, str]:
        """A new draft; returns (op_id, activity id)."""
        activity_id = uuid7()
        op_id, _ = self.execute(
            "activity.create",
            {"id": activity_id, "org_id": org_id, "fields": to_json(Activity, fields)},
        )
        return op_id, activity_id

    def update_activity(self, activity_id: str, changes: Mapping[str, Any]) -> str | None:
        """Save the fields that differ from the stored ones; returns the op_id, or None when
        nothing changed (no empty operation is queued)."""
        current = self.activity(activity_id)
        if current is None:
            raise RuleViolation("not_found")
        diff = {k: v for k, v in changes.items() if current.get(k) != v}
        if not diff:
            return None
        op_id, _ = self.execute(
            "activity.update",
            {
                "id": activity_id,
                "base_version": current["version"],
                "changes": to_json(Activity, diff),
                "before": to_json(Activity, {k: current[k] for k in diff}),
            },
        )
        return op_id

    def transition_activity(self, activity_id: str, target: ActivityStatus) -> str:
        op_id, _ = self.execute("activity.transition", {"id": activity_id, "to": target.value})
        return op_id

    def delete_activity(self, activity_id: str) -> str:
        op_id, _ = self.execute("activity.delete", {"id": activity_id})
        return op_id

    # --- reads -------------------------------------------------------------------------------

    def read(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a function of `sync.store.queries` on a fresh read connection."""
        with self.engine.connect() as conn:
            return func(conn, *args, **kwargs)

    def activity(self, activity_id: str) -> dict[str, Any] | None:
        return self.read(queries.activity, activity_id)

    def activity_ids(self, query: queries.ActivityQuery) -> list[str]:
        return self.read(queries.activity_ids, query, self.clock())

    def activity_rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        return self.read(queries.activity_rows, ids)

    def categories(self) -> list[dict[str, Any]]:
        return self.read(queries.category_list)

    def organizations(self) -> list[dict[str, Any]]:
        return self.read(queries.organization_list)

    def pending_count(self) -> int:
        return self.read(queries.pending_operation_count)

    def outbox_entries(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(outbox).order_by(outbox.c.seq))
            return [dict(r._mapping) for r in rows]

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(RECORDS[table])) or 0
