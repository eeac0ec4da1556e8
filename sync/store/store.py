"""The local replica: every user action is applied to the tables and queued in the outbox in one
transaction, so a crash leaves either both or neither."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from sync import operations
from sync.codec import to_json
from sync.ids import uuid7
from sync.operations import Outcome, Reference, jiangsu_reference
from sync.protocol import OpResult, PullPage
from sync.records import Activity, ActivityStatus
from sync.rules import RuleViolation
from sync.store import queries, replica, sync_issues
from sync.store.context import LocalContext, restore
from sync.store.db import make_engine, writer
from sync.store.migrations import migrate
from sync.store.tables import RECORDS, meta, outbox

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


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
            self._announce("meta")
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
        self._announce_all()

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

    def execute(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        also: Callable[[Connection, datetime], None] | None = None,
    ) -> tuple[str, Outcome]:
        """Apply one operation locally and queue it for the server; returns (op_id, outcome).
        `also(conn, now)` runs in the same transaction (a conflict settled by this edit).

        Raises RuleViolation (and changes nothing) when the rules refuse it.
        """
        now = self.clock()
        op_id = uuid7()
        with self._writer.begin() as conn:
            ctx = LocalContext(conn, now, self.reference)
            outcome = operations.apply(ctx, kind, payload)
            if also is not None:
                also(conn, now)
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
            touched = restore(conn, snapshots)
            conn.execute(delete(outbox).where(outbox.c.op_id == op_id))
            reopened = sync_issues.reopen_resolved_by(conn, row)
        log.info("undid op %s", op_id)
        for table in dict.fromkeys(touched):
            self._announce(table)
        self._announce("outbox")
        if reopened:
            self._announce("conflicts")

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

    # --- registration commands ---------------------------------------------------------------

    def review_registration(self, registration_id: str, decision: str, reason: str = "") -> str:
        """decision: "approve" (a seat if one is free, else the waitlist) or "reject"."""
        op_id, _ = self.execute(
            "registration.review", {"id": registration_id, "decision": decision, "reason": reason}
        )
        return op_id

    # --- sync issues and wiping the device (thin: the work is in sync_issues) ----------------

    def open_conflicts(self) -> list[dict[str, Any]]:
        return self.read(sync_issues.open_conflicts)

    def rejected_operations(self) -> list[dict[str, Any]]:
        return self.read(sync_issues.rejected_operations)

    def sync_issue_count(self) -> int:
        return self.read(sync_issues.issue_count)

    def resolve_conflict(self, conflict_id: str, *, use_mine: bool) -> str | None:
        """Settle a conflict: keep the server's value (nothing to send), or queue an edit that
        sets this device's value again, settled in the same transaction. Returns that edit's
        op_id (undoable; undo reopens the conflict), else None. RuleViolation when the record
        is gone or no longer editable; the conflict then stays open."""
        item = self.read(sync_issues.conflict, conflict_id)
        if item is None:
            raise RuleViolation("not_found")
        operation = self.read(sync_issues.use_mine_operation, item) if use_mine else None
        if operation is None:
            with self._writer.begin() as conn:
                sync_issues.mark_resolved(conn, item, self.clock())
            self._announce("conflicts")
            return None
        op_id, _ = self.execute(
            *operation, also=lambda conn, now: sync_issues.mark_resolved(conn, item, now)
        )
        self._announce("conflicts")
        return op_id

    def dismiss_rejected(self, op_id: str) -> bool:
        with self._writer.begin() as conn:
            dismissed = sync_issues.dismiss_rejected(conn, op_id)
        if dismissed:
            self._announce("outbox")
        return dismissed

    def clear_local_data(self) -> None:
        """Forget this device's data (records, outbox, conflicts, account, cursor) in one
        transaction, then compact the file so no deleted personal data lingers in free pages.
        Works with the file open, so also on Windows."""
        with self._writer.begin() as conn:
            sync_issues.wipe(conn)
        self._reference = None
        raw = self.engine.raw_connection()  # VACUUM cannot run inside a transaction
        try:
            raw.driver_connection.execute("VACUUM")
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as error:  # the data is gone already; the next VACUUM compacts
            log.warning("VACUUM after clearing the local data failed: %s", error)
        finally:
            raw.close()
        log.info("local data cleared")
        self._announce_all()

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

    # --- sync ----------------------------------------------------------------------------

    def ops_to_push(self, limit: int) -> list[dict[str, Any]]:
        """The oldest pending operations, in the order they were made."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(outbox)
                .where(outbox.c.state == "pending")
                .order_by(outbox.c.seq)
                .limit(limit)
            )
            return [
                {
                    "op_id": r.op_id,
                    "kind": r.kind,
                    "payload": json.loads(r.payload),
                    "occurred_at": r.occurred_at.isoformat(),
                    "device_id": r.device_id,
                }
                for r in rows
            ]

    def take_push_results(self, results: list[OpResult]) -> None:
        with self._writer.begin() as conn:
            replica.record_results(conn, self.reference, results, self.clock())
        self._announce_all()

    def take_pull_page(self, page: PullPage) -> None:
        with self._writer.begin() as conn:
            replica.apply_page(conn, self.reference, page)
        self._announce_all()

    def pull_cursor(self) -> int:
        return self.read(replica.get_cursor)

    def _announce_all(self) -> None:
        for table in RECORDS:
            self._announce(table)
        self._announce("outbox")
        self._announce("conflicts")
        self._announce("meta")
