"""Push and pull on the server: the authoritative end of `sync.protocol`.

Push applies each operation once, in order, in its own transaction, through the same handlers as
the desktop (`sync.operations`), with a context that checks scope and keeps versions, change
sequences and tombstones. Pull returns what changed in the caller's scope after a cursor.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from sync import operations
from sync.codec import to_json
from sync.operations import Reference, jiangsu_reference
from sync.protocol import OpResult, OpStatus, PullPage
from sync.records import RECORD_TABLES, field_names
from sync.rules import RuleViolation
from sync.server.db import Database, current_seq, next_seq, reserve_seqs, tombstone_horizon
from sync.server.scope import within_scope
from sync.server.tables import PRIMARY_KEYS, RECORDS, applied_ops

log = logging.getLogger(__name__)

# Tables whose rows belong to an organisation and are filtered by scope. Categories are shared
# by everyone; youths travel with the registrations and follows that reference them.
UNSCOPED = ("categories", "youths")


def _record_values(table: str, row: Any) -> dict[str, Any]:
    mapping = row._mapping
    return {name: mapping[name] for name in field_names(RECORD_TABLES[table])}


# Statements run for every pushed operation, built once: building a statement costs more than
# running it (a 1,000-operation push spends most of its time in Python, not in the database).
_BY_KEY = {
    name: select(t).where(t.c[PRIMARY_KEYS[name]] == bindparam("key"))
    for name, t in RECORDS.items()
}
_STORED_RESULT = select(applied_ops.c.result).where(applied_ops.c.op_id == bindparam("op_id"))
_LOG_OP = insert(applied_ops)


class ServerContext:
    """ApplyContext for one operation of one account: everything outside the account's scope
    reads as absent, so an operation cannot touch, or learn of, a sibling's records."""

    def __init__(
        self, conn: Connection, *, now: datetime, reference: Reference, scope_path: str, seq: int
    ):
        self.conn = conn
        self.now = now
        self.reference = reference
        self.scope_path = scope_path
        self.seq = seq
        self.touched: set[str] = set()  # tables written

    def _visible(self, table: str, row: Any) -> bool:
        return table in UNSCOPED or row.scope_path.startswith(self.scope_path)

    def _row(self, table: str, record_id: str) -> Any:
        return self.conn.execute(_BY_KEY[table], {"key": record_id}).first()

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        row = self._row(table, record_id)
        if row is None or row.deleted or not self._visible(table, row):
            return None
        return _record_values(table, row)

    def _owner_path(self, table: str, values: dict[str, Any]) -> str:
        """The scope path a new row gets from the organisation that owns it."""
        if table in UNSCOPED:
            return "/"
        if table == "organizations":
            parent = self.get("organizations", values.get("parent_id") or "")
            if parent is None:
                raise RuleViolation("not_found")
            return f"{self._row('organizations', parent['id']).scope_path}{values['id']}/"
        owner = (
            self.get("activities", values["activity_id"])
            if table == "registrations"
            else self.get("organizations", values["org_id"])
        )
        if owner is None:
            raise RuleViolation("not_found")
        return self._row(
            "activities" if table == "registrations" else "organizations", owner["id"]
        ).scope_path

    def insert(self, table: str, values: dict[str, Any]) -> None:
        if self._row(table, values[PRIMARY_KEYS[table]]) is not None:
            raise RuleViolation("duplicate_id")
        self.touched.add(table)
        self.conn.execute(
            insert(RECORDS[table]).values(
                {
                    **values,
                    "version": 1,
                    "seq": self.seq,
                    "deleted": False,
                    "scope_path": self._owner_path(table, values),
                }
            )
        )

    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        self.touched.add(table)
        t = RECORDS[table]
        self.conn.execute(
            update(t)
            .where(t.c[PRIMARY_KEYS[table]] == record_id)
            .values({**values, "version": t.c.version + 1, "seq": self.seq})
        )

    def count(self, table: str, **equals: Any) -> int:
        t = RECORDS[table]
        stmt = select(func.count()).select_from(t).where(t.c.deleted.is_(False))
        for name, value in equals.items():
            stmt = stmt.where(t.c[name] == value)
        return self.conn.scalar(stmt) or 0

    def delete(self, table: str, record_id: str) -> None:
        """A tombstone, so every device hears of the deletion."""
        self.touched.add(table)
        t = RECORDS[table]
        self.conn.execute(
            update(t)
            .where(t.c[PRIMARY_KEYS[table]] == record_id)
            .values(deleted=True, version=t.c.version + 1, seq=self.seq)
        )


def server_reference(conn: Connection) -> Reference:
    t = RECORDS["categories"]
    codes = list(conn.scalars(select(t.c.code).where(t.c.deleted.is_(False))))
    return jiangsu_reference(codes)


# Operations applied per transaction. Each keeps its own savepoint, result and change sequence;
# what a batch shares is the commit, which on SQLite (synchronous=FULL) is an fsync: one per
# operation made a 1,000-operation push take seconds. Small enough that the counter lock (held
# to the commit, see `sync.server.db`) never keeps other writers waiting long.
COMMIT_EVERY = 100


def apply_batch(
    db: Database, *, account_id: str, scope_path: str, ops: list[dict[str, Any]]
) -> list[OpResult]:
    """Apply pushed operations in order, each exactly once (see `apply_in`), committing
    `COMMIT_EVERY` at a time. A crash loses at most the uncommitted tail, which the device
    sends again; what committed answers a replay with its stored result."""
    results: list[OpResult] = []
    for start in range(0, len(ops), COMMIT_EVERY):
        chunk = ops[start : start + COMMIT_EVERY]
        with db.write() as conn:
            # One sequence per operation, reserved together: one counter update (and lock,
            # held to the commit as for a single operation) instead of one per operation.
            seqs = reserve_seqs(conn, len(chunk))
            reference = [server_reference(conn)]  # read again only after a category changed
            for op, seq in zip(chunk, seqs, strict=True):
                results.append(
                    apply_in(
                        conn,
                        account_id=account_id,
                        scope_path=scope_path,
                        op=op,
                        reference=reference,
                        seq=seq,
                    )
                )
    return results


def apply_one(db: Database, *, account_id: str, scope_path: str, op: dict[str, Any]) -> OpResult:
    """One operation in a transaction of its own."""
    return apply_batch(db, account_id=account_id, scope_path=scope_path, ops=[op])[0]


def apply_in(
    conn: Connection,
    *,
    account_id: str,
    scope_path: str,
    op: dict[str, Any],
    reference: list[Reference] | None = None,
    seq: int | None = None,
) -> OpResult:
    """Apply one pushed operation inside the caller's write transaction, exactly once: a
    replayed op_id gets the stored result, for as long as the server keeps the operation
    (forever, for now). A refusal takes back this operation's writes only (a savepoint).
    `reference`, a one-item list shared by a batch, caches the reference data between
    operations; it is refreshed after an operation that wrote a category.

    The change sequence is taken first (or `seq`, reserved by the caller in this transaction):
    it locks the counter until commit, so operations apply one after another and each sees
    every earlier one (the capacity check relies on it).
    """
    if seq is None:
        seq = next_seq(conn)
    stored = conn.execute(_STORED_RESULT, {"op_id": op["op_id"]}).scalar()
    if stored is not None:  # a replay: the sequence number taken is simply never used
        return OpResult.from_json(json.loads(stored))
    now = datetime.now(UTC)  # the server's clock decides; the device's is kept for audit
    reference = reference or [server_reference(conn)]
    ctx = ServerContext(conn, now=now, reference=reference[0], scope_path=scope_path, seq=seq)
    try:
        with conn.begin_nested():  # a refusal takes back this operation's writes only
            outcome = operations.apply(ctx, op["kind"], op["payload"])
    except RuleViolation as refusal:
        params = dict(refusal.params)
        if refusal.problems:
            params["problems"] = [
                {"code": p.code, "field": p.field, "params": p.params} for p in refusal.problems
            ]
        result = OpResult(op["op_id"], OpStatus.REJECTED, 0, refusal.code, params)
    except (KeyError, TypeError, ValueError, DataError, IntegrityError) as error:
        # a malformed payload: missing keys, wrong types, an id too long for its column
        log.warning("malformed op %s: %r", op["op_id"], error)
        result = OpResult(op["op_id"], OpStatus.REJECTED, 0, "malformed_operation", {})
    else:
        status = OpStatus.CHANGED if outcome.changed else OpStatus.APPLIED
        result = OpResult(op["op_id"], status, seq, outcome.changed, outcome.params)
        if "categories" in ctx.touched:
            reference[0] = server_reference(conn)
    conn.execute(
        _LOG_OP,
        {
            "op_id": op["op_id"],
            "account_id": account_id,
            "device_id": op.get("device_id") or "",
            "kind": op["kind"],
            "payload": json.dumps(op["payload"], ensure_ascii=False),
            "occurred_at": _device_time(op.get("occurred_at")) or now,
            "received_at": now,
            "result": json.dumps(result.to_json(), ensure_ascii=False),
            "seq": result.seq or None,
        },
    )
    return result


def _device_time(value: Any) -> datetime | None:
    """The device's clock, for audit only: a wrong or missing value never refuses a sync."""
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def scoped_select(table: str, scope_path: str, ancestors: list[str]) -> Any:
    """A select of `table` limited to the caller's scope (organisations: with its ancestors);
    shared by the pull and the snapshot (`sync.server.snapshot`)."""
    t = RECORDS[table]
    stmt = select(t)
    in_scope = within_scope(t.c.scope_path, scope_path)
    if table == "organizations":
        stmt = stmt.where(in_scope | t.c.id.in_(ancestors))
    elif table not in UNSCOPED:
        stmt = stmt.where(in_scope)
    return stmt


PULLED = [t for t in RECORD_TABLES if t != "youths"]


class CursorTooOld(Exception):
    """The cursor predates the tombstone horizon: deletions after it may be gone for good."""


def check_cursor(conn: Connection, after: int) -> None:
    """CursorTooOld when a pull after `after` could miss a purged tombstone (see
    `sync.server.db.tombstone_horizon`); a cursor of 0 (nothing yet) is always fine."""
    if 0 < after < tombstone_horizon(conn):
        raise CursorTooOld(after)


def pull(
    conn: Connection, *, scope_path: str, ancestors: list[str], after: int, limit: int
) -> PullPage:
    """Rows in scope changed after `after`, oldest first, never splitting one change sequence
    across pages (an operation's rows share one sequence number)."""
    if current_seq(conn) <= after:  # nothing changed anywhere: one query instead of one a table
        return PullPage(cursor=after, more=False, rows={}, deleted={})
    candidates: list[tuple[int, str, Any]] = []
    for table in PULLED:
        seq = RECORDS[table].c.seq
        stmt = scoped_select(table, scope_path, ancestors).where(seq > after).order_by(seq)
        candidates.extend((row.seq, table, row) for row in conn.execute(stmt.limit(limit + 1)))
    candidates.sort(key=lambda c: c[0])
    more = len(candidates) > limit
    if more:
        boundary = candidates[limit - 1][0]
        chosen = [c for c in candidates if c[0] < boundary]
        for table in PULLED:  # every row at the boundary, however many share it
            stmt = scoped_select(table, scope_path, ancestors).where(
                RECORDS[table].c.seq == boundary
            )
            chosen.extend((boundary, table, row) for row in conn.execute(stmt))
    else:
        chosen = candidates
    rows: dict[str, list[dict[str, Any]]] = {}
    deleted: dict[str, list[str]] = {}
    for _seq, table, row in chosen:
        if row.deleted:
            deleted.setdefault(table, []).append(row._mapping[PRIMARY_KEYS[table]])
        else:
            values = _record_values(table, row)
            rows.setdefault(table, []).append(to_json(RECORD_TABLES[table], values))
    _add_referenced(conn, rows)
    cursor = max((c[0] for c in chosen), default=after)
    return PullPage(cursor=cursor, more=more, rows=rows, deleted=deleted)


# What a row refers to, so a page never holds a row whose parent the device lacks: a parent
# changed later than its child has a later sequence, and would only come in a later page.
REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("registrations", "activity_id", "activities"),
    ("registrations", "youth_id", "youths"),
    ("followers", "youth_id", "youths"),
    ("followers", "org_id", "organizations"),
    ("activities", "org_id", "organizations"),
    ("organizations", "parent_id", "organizations"),
)


def _add_referenced(conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Add the current rows that the page's rows refer to (youths always travel this way).
    Resending a row the device already has is harmless: it is the latest version."""
    for child, column, parent in REFERENCES:
        present = {r[PRIMARY_KEYS[parent]] for r in rows.get(parent, [])}
        wanted = {r[column] for r in rows.get(child, []) if r.get(column)} - present
        while wanted:
            t = RECORDS[parent]
            found = [
                to_json(RECORD_TABLES[parent], _record_values(parent, r))
                for r in conn.execute(
                    select(t).where(t.c[PRIMARY_KEYS[parent]].in_(wanted), t.c.deleted.is_(False))
                )
            ]
            rows.setdefault(parent, []).extend(found)
            if child != parent:
                break
            # organizations refer to organizations: climb until every parent is there
            present |= {r["id"] for r in found}
            wanted = {r[column] for r in found if r.get(column)} - present
