"""Push and pull on the server: the authoritative end of `sync.core.protocol`.

Push applies each operation once, in order, in its own transaction, through the same handlers as
the desktop (`sync.core.operations`), with a context that checks scope and keeps versions, change
sequences and tombstones. Pull returns what changed in the caller's scope after a cursor.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import weakref
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime
from functools import cache, lru_cache, partial
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    bindparam,
    exists,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError

from sync.core import jsontext, operations
from sync.core.ids import uuid7
from sync.core.operations import Kind, Reference, jiangsu_reference
from sync.core.protocol import PUSH_BATCH, OpResult, OpStatus, PullPage
from sync.core.records import PRIMARY_KEYS, RECORD_TABLES, RegistrationStatus, field_names
from sync.core.rules import RuleViolation
from sync.core.schema import UTCDateTime, tag_condition
from sync.core.sql import IN_LIST, execute_many
from sync.server import pull_rows
from sync.server.config import now as clock_now
from sync.server.db import Database, reserve_seqs, sequences
from sync.server.group_commit import GroupCommit
from sync.server.privacy import sent_columns
from sync.server.scope import scope_parameters, within_any_scope, within_scope
from sync.server.tables import (
    RECORDS,
    ROOT_SCOPE,
    applied_ops,
    notice_deliveries,
)

log = logging.getLogger(__name__)

# The fields and values a count is of, sorted by field (`ServerContext.count`'s cache key).
Equals = tuple[tuple[str, Any], ...]
_ALL_ROWS = ("", None)  # the first "field" of a count of every live row of a table

# Tables whose rows belong to an organisation and are filtered by scope. Categories are shared
# by everyone; youths travel with the registrations and follows that reference them.
UNSCOPED = ("categories", "youths")
# In scope through the rows that refer to them, not through their own columns (`scoped_select`).
LINK_SCOPED = ("youths",)
# The tables whose rows link a youth to an organisation: an account sees a youth linked to
# something in its scope (a registration, a follow, a request).
YOUTH_LINKS = ("registrations", "followers", "requests")


def _record_values(table: str, row: Any) -> dict[str, Any]:
    mapping = row._mapping
    return {name: mapping[name] for name in field_names(RECORD_TABLES[table])}


class ServerContext:
    """ApplyContext for one operation of one account (or one youth of the public API):
    everything outside the scope reads as absent, so an operation cannot touch, or learn of, a
    sibling's records."""

    def __init__(
        self,
        conn: Connection,
        *,
        now: datetime,
        reference: Reference,
        scope_path: str,
        seq: int,
        actor: str = "",
        permissions: Collection[str] = (),
        youth_id: str | None = None,
        defer_updates: bool = False,
    ):
        self._conn = conn
        # Updates by key waiting to be sent together (`defer_updates`): a push of 1,000 edits
        # sends them as a few executemany batches (one pipeline on PostgreSQL) instead of a
        # round trip each. Any other use of the connection, `conn`, sends them first, so every
        # read sees them. Only where a refusal rolls back the whole transaction (`apply_many`
        # without savepoints): a savepoint must hold its own operation's writes.
        self._deferred: list[tuple[Any, dict[str, Any]]] | None = [] if defer_updates else None
        self.now = now
        self.reference = reference
        self.scope_path = scope_path
        self.seq = seq
        self.actor = actor
        self.permissions: Collection[str] | None = frozenset(permissions)
        self.youth_id = youth_id
        # The account's organisation: the last step of its scope path ("/" has none).
        self.org_id = None if youth_id else (scope_path.rstrip("/").rsplit("/", 1)[-1] or None)
        # Rows read, kept across the operations of one transaction (a bulk approval reads its
        # activity and organisation once, not once per registration). Only reads are kept: a
        # write drops the row's entry, and a refusal (its savepoint rolled back) drops them all.
        self._rows: dict[tuple[str, str], Any] = {}
        self._visible_youths: set[str] = set()
        # Counts of live rows, kept exact through this context's writes (nothing else writes
        # record tables in the transaction): an activity's approved seats are counted once per
        # transaction, not once per approval (which grew with the seats: quadratic in bulk).
        # By table, then by the first field and value counted (an activity's seats by its id):
        # a write looks only at the counts its row can be in, not at every count of a push of
        # 500 capacity edits (1,000 seat counts) once per waitlisted youth promoted.
        self._counts: dict[str, dict[tuple[str, Any], dict[Equals, int]]] = {}
        self._counted_fields: dict[str, set[str]] = {}  # table -> those first fields

    @property
    def conn(self) -> Connection:
        """The transaction's connection, with the deferred updates sent."""
        deferred = self._deferred
        if deferred:
            self._deferred = []
            start = 0
            for end in range(1, len(deferred) + 1):  # runs of one statement: one executemany
                if end == len(deferred) or deferred[end][0] is not deferred[start][0]:
                    rows = [p for _, p in deferred[start:end]]
                    execute_many(self._conn, deferred[start][0], rows)
                    start = end
        return self._conn

    def forget(self) -> None:
        """Drop what was read: a rolled-back savepoint may have written it."""
        self._rows.clear()
        self._visible_youths.clear()
        self._counts.clear()
        self._counted_fields.clear()

    def _recount(self, table: str, before: Any, after: dict[str, Any] | None) -> None:
        """Keep the cached counts of `table` exact across one row changing (`before`: the row
        as it was, or None; `after`: its values now, or None when it is gone or a tombstone)."""
        buckets = self._counts.get(table)
        if not buckets:
            return
        was = None if before is None or before.deleted else before._mapping
        chosen = {_ALL_ROWS}
        for name in self._counted_fields.get(table, ()):
            for row in (was, after):
                if row is not None and name in row:
                    chosen.add((name, row[name]))
                elif row is not None:  # an insert leaving the field to its default
                    chosen.update(first for first in buckets if first[0] == name)
        for first in chosen:
            counts = buckets.get(first, {})
            for equals in list(counts):
                if after is not None and any(name not in after for name, _ in equals):
                    del counts[equals]  # an insert leaving a counted field to its default
                    continue
                counted_before = was is not None and all(was[n] == v for n, v in equals)
                counted_now = after is not None and all(after[n] == v for n, v in equals)
                counts[equals] += int(counted_now) - int(counted_before)

    def _counts_of(self, table: str, equals: Equals) -> dict[Equals, int]:
        """The cached counts of `table` that share the first field and value of `equals`."""
        first = equals[0] if equals else _ALL_ROWS
        if equals:
            self._counted_fields.setdefault(table, set()).add(first[0])
        return self._counts.setdefault(table, {}).setdefault(first, {})

    def _visible(self, table: str, row: Any) -> bool:
        if table == "youths":
            return self._youth_visible(row.id)
        return table in UNSCOPED or row.scope_path.startswith(self.scope_path)

    def _youth_visible(self, youth_id: str) -> bool:
        """A youth belongs to no organisation; an account sees one that registered for or
        follows something in its scope (as a pull sends them), or one nobody refers to yet
        (created by this very operation). So an account cannot change, or learn of, a youth
        known only to a sibling."""
        if self.scope_path == ROOT_SCOPE or youth_id in self._visible_youths:
            return True
        # Only a yes is kept: links to a youth are added, never removed, by operations.
        visible = bool(self.conn.scalar(_youth_visible_in(self.scope_path), {"youth": youth_id}))
        if visible:
            self._visible_youths.add(youth_id)
        return visible

    def _row(self, table: str, record_id: str) -> Any:
        key = (table, record_id)
        if key not in self._rows:
            row = self.conn.execute(_select_by_key(table), {_KEY: record_id}).first()
            self._rows[key] = None if row is None else _Row(dict(row._mapping))
        return self._rows[key]

    def preload(self, wanted: dict[str, set[str]]) -> None:
        """Read many rows at once into the cache, {table: ids}, and the rows they refer to
        (`RULES_FOLLOW`): a bulk push names its rows up front, so a hundred approvals read their
        registrations, and those registrations' youths, with one query each."""
        cached: dict[str, list[dict[str, Any]]] = {}  # the rows read, by table
        for (table, _), row in self._rows.items():
            if row is not None:
                cached.setdefault(table, []).append(row._mapping)
        for child, column, parent in ((None, None, None), *RULES_FOLLOW):
            if child is not None:
                refs = {row[column] for row in cached.get(child, ()) if row.get(column)}
                wanted = {parent: refs}
            for table, ids in wanted.items():
                cached.setdefault(table, []).extend(self._read_rows(table, ids))
        self._preload_seats([row["id"] for row in cached.get("activities", ())])
        youths = [row["id"] for row in cached.get("youths", ())]
        if self.scope_path != ROOT_SCOPE:
            for start in range(0, len(youths), PRELOAD_CHUNK):
                chunk = youths[start : start + PRELOAD_CHUNK]
                self._visible_youths.update(_visible_youths(self.conn, self.scope_path, chunk))

    def _read_rows(self, table: str, ids: Iterable[Any]) -> list[dict[str, Any]]:
        """Read the rows of `table` among `ids` not cached yet into the cache, a query per
        PRELOAD_CHUNK; the rows found (an id with no row is cached as None)."""
        missing = sorted({i for i in ids if isinstance(i, str) and (table, i) not in self._rows})
        key, read = PRIMARY_KEYS[table], []
        for start in range(0, len(missing), PRELOAD_CHUNK):
            chunk = missing[start : start + PRELOAD_CHUNK]
            self._rows.update(((table, i), None) for i in chunk)
            found = self.conn.execute(_select_by_keys(table), {"keys": chunk})
            names = tuple(found.keys())
            for values in found:
                mapping = dict(zip(names, values, strict=True))
                self._rows[(table, mapping[key])] = _Row(mapping)
                read.append(mapping)
        return read

    def _preload_seats(self, activity_ids: list[str]) -> None:
        """Count the registrations of these activities by status with one grouped query per
        chunk, into the counts `count` answers from: a push of capacity edits then asks its
        seat and waitlist questions (`fill_seats`) of memory, not with a query per operation
        (on PostgreSQL a round trip each)."""
        wanted = []
        for i in activity_ids:
            key = _seat_key(i, SEAT_STATUSES[0])
            if key not in self._counts_of("registrations", key):
                wanted.append(i)
        for start in range(0, len(wanted), PRELOAD_CHUNK):
            chunk = wanted[start : start + PRELOAD_CHUNK]
            counts = {_seat_key(i, s): 0 for i in chunk for s in SEAT_STATUSES}
            for activity_id, status, n in self.conn.execute(_SEATS_BY_STATUS, {"ids": chunk}):
                if status in SEAT_STATUSES:
                    counts[_seat_key(activity_id, status)] = n
            for key, n in counts.items():
                self._counts_of("registrations", key)[key] = n

    def _live_row(self, table: str, record_id: str) -> Any:
        """The row if it exists, is not a tombstone and is in scope; else None."""
        row = self._row(table, record_id)
        if row is None or row.deleted or not self._visible(table, row):
            return None
        return row

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        row = self._live_row(table, record_id)
        return None if row is None else _record_values(table, row)

    def _owner_path(self, table: str, values: dict[str, Any]) -> str:
        """The scope path a new row gets from the organisation that owns it (through its
        activity for a registration, through its registration for a history event)."""
        if table in UNSCOPED:
            return "/"
        if table == "organizations":
            parent = self._live_row("organizations", values.get("parent_id") or "")
            if parent is None:
                raise RuleViolation("not_found")
            return f"{parent.scope_path}{values['id']}/"
        owner = self._live_row(*OWNERS[table](values))
        if owner is None:
            raise RuleViolation("not_found")
        return owner.scope_path

    def insert(self, table: str, values: dict[str, Any]) -> None:
        record_id = values[PRIMARY_KEYS[table]]
        made_here = ("", record_id) in self._rows  # an id just made: no query for a twin
        if not made_here and self._row(table, record_id) is not None:
            raise RuleViolation("duplicate_id")
        row = {
            **values,
            "version": 1,
            "seq": self.seq,
            "deleted": False,
            "scope_path": self._owner_path(table, values),
        }
        self.conn.execute(_insert(table, tuple(row)), row)
        self._rows.pop((table, values[PRIMARY_KEYS[table]]), None)
        self._recount(table, None, row)

    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        before = self._row(table, record_id)  # read already by the handler: cached
        if before is not None and table in MOVABLE and MOVABLE[table] in values:
            values = {**values, "scope_path": self._moved(table, before, values)}
        statement = _update_by_key(table, tuple(values))
        params = {**values, "seq": self.seq, _KEY: record_id}
        if self._deferred is not None and before is not None:
            self._deferred.append((statement, params))
        else:
            self.conn.execute(statement, params)
        # The cached row follows the write (as the statement changes it), so the next read of
        # it (an approval's history event finding its registration's scope) costs no query.
        if before is not None:
            after = {**before._mapping, **values, "version": before.version + 1, "seq": self.seq}
            self._rows[(table, record_id)] = _Row(after)
            self._recount(table, before, None if before.deleted else after)

    def _moved(self, table: str, before: Any, values: dict[str, Any]) -> str:
        """The scope path of a row whose owner changes (a request assigned downwards), with
        the rows that take their scope from it moved along, at this change's sequence: the
        new owner's devices then pull the row and its history together."""
        path = self._owner_path(table, {**before._mapping, **values})
        if path != before.scope_path:
            for child, column in DEPENDENTS[table]:
                t = RECORDS[child]
                self.conn.execute(
                    update(t)
                    .where(t.c[column] == before._mapping[PRIMARY_KEYS[table]])
                    .values(scope_path=path, version=t.c.version + 1, seq=self.seq)
                )
                self._rows = {k: v for k, v in self._rows.items() if k[0] != child}
        return path

    def count(self, table: str, **equals: Any) -> int:
        key = tuple(sorted(equals.items()))
        counts = self._counts_of(table, key)
        if key not in counts:
            stmt = _count_where(table, tuple(equals))
            params = {f"eq_{k}": v for k, v in equals.items()}
            counts[key] = self.conn.scalar(stmt, params) or 0
        return counts[key]

    def find(
        self,
        table: str,
        *,
        order_by: tuple[str, ...] = (),
        limit: int | None = None,
        **equals: Any,
    ) -> list[dict[str, Any]]:
        stmt = _find_where(table, tuple(equals), order_by, limit is not None, self.scope_path)
        params = {f"eq_{k}": v for k, v in equals.items()}
        found = self.conn.execute(stmt, params if limit is None else {**params, "limit": limit})
        rows = [_Row(dict(row._mapping)) for row in found]
        # Kept, with the rows they refer to read together: the rules go on to read and change
        # what they found (a waitlist promoted: each registration and its youth), which cost
        # two queries a registration (on PostgreSQL, round trips) after a capacity edit.
        key = PRIMARY_KEYS[table]
        self._rows.update(((table, row._mapping[key]), row) for row in rows)
        for child, column, parent in RULES_FOLLOW:
            if child == table:
                ids = [row._mapping[column] for row in rows]
                self._read_rows(parent, ids)
                if parent == "youths" and table not in UNSCOPED:
                    # referred to from this scope, so seen by it (`_youth_visible`)
                    self._visible_youths.update(i for i in ids if i)
        return [_record_values(table, row) for row in rows]

    def new_id(self) -> str:
        new = uuid7()
        self._rows[("", new)] = None  # made here, so no row has it yet (see `insert`)
        return new

    def deliver_notice(self, notice: dict[str, Any]) -> int:
        return deliver(self.conn, notice, self.now)

    def delete(self, table: str, record_id: str) -> None:
        """A tombstone, so every device hears of the deletion."""
        self._recount(table, self._row(table, record_id), None)
        t = RECORDS[table]
        self.conn.execute(
            update(t)
            .where(t.c[PRIMARY_KEYS[table]] == record_id)
            .values(deleted=True, version=t.c.version + 1, seq=self.seq)
        )
        self._rows.pop((table, record_id), None)


class _Row:
    """A row as read (column -> value), kept by ServerContext; reads like a database row."""

    __slots__ = ("_mapping",)

    def __init__(self, mapping: dict[str, Any]):
        self._mapping = mapping

    def __getattr__(self, name: str) -> Any:
        try:
            return self._mapping[name]
        except KeyError:
            raise AttributeError(name) from None


PRELOAD_CHUNK = IN_LIST

# The registration statuses whose counts per activity the seat rules ask (`ServerContext.count`
# keys, preloaded by `_preload_seats`): seats taken, and the waitlist that may fill freed ones.
SEAT_STATUSES = (RegistrationStatus.APPROVED.value, RegistrationStatus.WAITLISTED.value)


def _seat_key(activity_id: str, status: str) -> Equals:
    """The `ServerContext._counts["registrations"]` key of `count("registrations",
    activity_id=…, status=…)`."""
    return (("activity_id", activity_id), ("status", status))


def _named_rows(ops: list[dict[str, Any]]) -> dict[str, set[str]]:
    """{table: ids} the operations name in their payloads (`id`, or `ids` of a tag), by the
    table of their kind. A malformed operation names nothing here and is refused later."""
    wanted: dict[str, set[str]] = {}
    for op in ops:
        try:
            kind = Kind(op.get("kind"))
        except ValueError:
            continue
        payload = op.get("payload")
        if kind.table is None or not isinstance(payload, dict):
            continue
        ids = payload.get("ids") if isinstance(payload.get("ids"), list) else [payload.get("id")]
        wanted.setdefault(kind.table, set()).update(i for i in ids if isinstance(i, str))
    return wanted


def deliver(conn: Connection, notice: dict[str, Any], at: datetime) -> int:
    """Record one delivery per follower of the notice's organisation (with its tag, if it has
    one); the number of recipients."""
    f = RECORDS["followers"]
    chosen = select(
        literal(notice["id"]).label("notice_id"),
        f.c.youth_id,
        literal(at, UTCDateTime()).label("delivered_at"),
    ).where(f.c.org_id == notice["org_id"], f.c.deleted.is_(False))
    if notice["tag"]:
        chosen = chosen.where(tag_condition(f.c.tags, notice["tag"]))
    conn.execute(
        insert(notice_deliveries).from_select(
            ["notice_id", "youth_id", "delivered_at"], chosen.distinct()
        )
    )
    # Counted, not the INSERT's rowcount: psycopg reports -1 for INSERT ... SELECT here.
    n = notice_deliveries.c.notice_id
    return conn.scalar(select(func.count()).where(n == notice["id"])) or 0


# Statements built once per table (and set of columns), executed with parameters: building
# one per row costs more than the database's work for it.
_KEY = "_record_id"


@cache
def _select_by_keys(table: str) -> Any:
    """The rows of `table` among :keys (built once: a bulk push's preload runs one a table)."""
    t = RECORDS[table]
    return select(t).where(t.c[PRIMARY_KEYS[table]].in_(bindparam("keys", expanding=True)))


_REGISTRATIONS = RECORDS["registrations"]
# The live registrations of the activities :ids, counted by status.
_SEATS_BY_STATUS = (
    select(_REGISTRATIONS.c.activity_id, _REGISTRATIONS.c.status, func.count())
    .where(
        _REGISTRATIONS.c.deleted.is_(False),
        _REGISTRATIONS.c.activity_id.in_(bindparam("ids", expanding=True)),
    )
    .group_by(_REGISTRATIONS.c.activity_id, _REGISTRATIONS.c.status)
)


@cache
def _select_by_key(table: str) -> Any:
    t = RECORDS[table]
    return select(t).where(t.c[PRIMARY_KEYS[table]] == bindparam(_KEY))


def _equal_to_params(t: Any, names: tuple[str, ...]) -> list[Any]:
    return [t.c[name] == bindparam(f"eq_{name}") for name in names]


@lru_cache(maxsize=512)
def _youth_visible_in(scope: str) -> Any:
    """SELECT whether youth :youth is linked to something in `scope`, or to nothing at all."""
    links = [RECORDS[name] for name in YOUTH_LINKS]
    youth = bindparam("youth")
    anywhere = or_(*(exists().where(link.c.youth_id == youth) for link in links))
    in_scope = or_(
        *(
            exists().where(link.c.youth_id == youth, within_scope(link.c.scope_path, scope))
            for link in links
        )
    )
    return select(in_scope | ~anywhere)


def _visible_youths(conn: Connection, scope: str, ids: list[str]) -> set[str]:
    """Which of the youths `ids` an account of `scope` sees (`ServerContext._youth_visible`),
    with two queries for them all."""
    linked: set[str] = set()
    in_scope: set[str] = set()
    for link in (RECORDS[name] for name in YOUTH_LINKS):
        rows = conn.execute(
            select(link.c.youth_id, within_scope(link.c.scope_path, scope))
            .where(link.c.youth_id.in_(ids))
            .distinct()
        )
        for youth_id, inside in rows:
            linked.add(youth_id)
            if inside:
                in_scope.add(youth_id)
    return in_scope | (set(ids) - linked)


@cache
def _count_where(table: str, names: tuple[str, ...]) -> Any:
    t = RECORDS[table]
    return (
        select(func.count())
        .select_from(t)
        .where(t.c.deleted.is_(False), *_equal_to_params(t, names))
    )


@lru_cache(maxsize=512)  # keyed by the account's scope too: a few per server process
def _find_where(
    table: str, names: tuple[str, ...], order_by: tuple[str, ...], limited: bool, scope: str
) -> Any:
    t = RECORDS[table]
    stmt = select(t).where(t.c.deleted.is_(False), *_equal_to_params(t, names))
    if table not in UNSCOPED:
        stmt = stmt.where(within_scope(t.c.scope_path, scope))
    stmt = stmt.order_by(*(t.c[name] for name in order_by))
    return stmt.limit(bindparam("limit", type_=Integer)) if limited else stmt


@cache
def _insert(table: str, names: tuple[str, ...]) -> Any:
    return insert(RECORDS[table]).values({name: bindparam(name) for name in names})


@cache
def _update_by_key(table: str, names: tuple[str, ...]) -> Any:
    t = RECORDS[table]
    return (
        update(t)
        .where(t.c[PRIMARY_KEYS[table]] == bindparam(_KEY))
        .values(
            {
                **{name: bindparam(name) for name in names},
                # 1 in the SQL, not a parameter: `execute_many` takes only named ones
                "version": t.c.version + literal_column("1"),
                "seq": bindparam("seq"),
            }
        )
    )


# The row whose scope a new row takes: (table, id) from the new row's values.
OWNERS: dict[str, Callable[[dict[str, Any]], tuple[str, str]]] = {
    "activities": lambda v: ("organizations", v["org_id"]),
    "followers": lambda v: ("organizations", v["org_id"]),
    "notices": lambda v: ("organizations", v["org_id"]),
    "assessment_targets": lambda v: ("organizations", v["org_id"]),
    "registrations": lambda v: ("activities", v["activity_id"]),
    "registration_events": lambda v: ("registrations", v["registration_id"]),
    "requests": lambda v: ("organizations", v["org_id"]),
    "request_events": lambda v: ("requests", v["request_id"]),
    "checkin_events": lambda v: ("registrations", v["registration_id"]),
}


# Rows whose owner may change, by the field naming it: their scope path follows the owner.
MOVABLE: dict[str, str] = {"requests": "org_id"}
# The rows that take their scope from a movable row: (table, column naming it).
DEPENDENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "requests": (("request_events", "request_id"),)
}


def server_reference(conn: Connection) -> Reference:
    """The reference data the rules check against, read once per transaction: the writes of
    a group commit (`group_commit`) share it, where each read the categories again, a round
    trip apiece on PostgreSQL while the change counter stays locked."""
    transaction = conn.get_transaction()
    kept = conn.info.get(_REFERENCE_KEY)
    if kept is not None and kept[0] is transaction:
        return kept[1]
    t = RECORDS["categories"]
    codes = list(conn.scalars(select(t.c.code).where(t.c.deleted.is_(False))))
    reference = jiangsu_reference(codes)
    conn.info[_REFERENCE_KEY] = (transaction, reference)
    return reference


_REFERENCE_KEY = "suqing_reference"  # in Connection.info: (its transaction, the reference)


def apply_one(
    db: Database,
    *,
    account_id: str | None,
    scope_path: str,
    op: dict[str, Any],
    actor: str = "",
    permissions: Collection[str] = (),
    youth_id: str | None = None,
) -> OpResult:
    """Apply one operation in its own transaction (see `apply_many`)."""
    (result,) = apply_many(
        db,
        account_id=account_id,
        scope_path=scope_path,
        ops=[op],
        actor=actor,
        permissions=permissions,
        youth_id=youth_id,
    )
    return result


# Operations applied per transaction at most: a device's push request (`PUSH_BATCH`) in one
# commit, so one fsync (8-9 ms each on SQLite with synchronous=FULL on this machine; a commit on
# PostgreSQL too) for up to 500 operations, where one per 100 cost 10 of them per 1,000 edits.
OPS_PER_TRANSACTION = PUSH_BATCH
# A transaction also ends after the operation that takes it past this: the change counter stays
# locked, and SQLite's writer lock held, until the commit, so heavy operations (a tag over 200
# followers each, a bulk approval) let other devices in within about half a second (100 of them
# to a transaction, as before, held it for seconds); 500 capacity edits take 0.1-0.3 s here.
TRANSACTION_SECONDS = 0.5


def apply_many(
    db: Database,
    *,
    account_id: str | None,
    scope_path: str,
    ops: list[dict[str, Any]],
    actor: str = "",
    permissions: Collection[str] = (),
    youth_id: str | None = None,
) -> list[OpResult]:
    """Apply pushed operations in order, in writes of at most OPS_PER_TRANSACTION operations
    or TRANSACTION_SECONDS, each operation in a savepoint of its own (a refusal takes back that
    operation's writes only). A write runs in a transaction perhaps shared with the writes of
    other requests that arrived together (`group_commit`), in a savepoint of its own: an
    unexpected error takes back only this write; the client sends those operations again.

    A transaction's operations are applied in bulk around their rules: the answers already
    given are read with one query, one context keeps the rows read for the next operation, and
    the log of answers is written with one executemany. Each operation still runs its own rules
    on the state the operations before it left (`_apply`).

    A write is first tried without the savepoints (two statements, and on PostgreSQL two
    round trips, per operation: a third of a bulk edit's, and four of the sixteen of a
    two-edit push, which a crowd of devices waits on, since writers take turns at the change
    counter); should one of its operations be refused, the write is taken back whole and done
    again with them, as are the rest of the push's (refusals come together)."""
    results: list[OpResult] = []
    who = {
        "account_id": account_id,
        "scope_path": scope_path,
        "actor": actor,
        "permissions": permissions,
        "youth_id": youth_id,
    }

    def write(chunk: list[dict[str, Any]], *, savepoints: bool) -> list[OpResult]:
        apply = partial(_apply_chunk, chunk=chunk, savepoints=savepoints, **who)
        return _group_commit(db).run(apply, db.write)

    savepoints = False
    while len(results) < len(ops):
        chunk = ops[len(results) : len(results) + OPS_PER_TRANSACTION]
        if not savepoints:
            try:
                results += write(chunk, savepoints=False)
                continue
            except _NeedsSavepoints:
                savepoints = True
        results += write(chunk, savepoints=True)
    return results


class _NeedsSavepoints(Exception):
    """An operation applied without a savepoint was refused: its write must be taken back."""


# One queue of writes per database engine (tests open several databases in one process).
_group_commits: weakref.WeakKeyDictionary[Engine, GroupCommit] = weakref.WeakKeyDictionary()
_group_commits_lock = threading.Lock()


def _group_commit(db: Database) -> GroupCommit:
    with _group_commits_lock:
        found = _group_commits.get(db.engine)
        if found is None:
            found = _group_commits[db.engine] = GroupCommit(TRANSACTION_SECONDS)
        return found


def _apply_chunk(
    conn: Connection,
    began: float,
    *,
    chunk: list[dict[str, Any]],
    savepoints: bool,
    account_id: str | None,
    scope_path: str,
    actor: str,
    permissions: Collection[str],
    youth_id: str | None,
) -> list[OpResult]:
    """One write of `apply_many`, in the transaction `conn` (begun at `began`), perhaps shared
    with other requests' writes (`group_commit`): the answers to the operations of `chunk` it
    applied, from the first on (all of them, or fewer when the transaction ran past
    TRANSACTION_SECONDS)."""
    results: list[OpResult] = []
    # One sequence per operation, reserved together: one counter update (and lock,
    # held to the commit as for a single operation) instead of one per operation.
    seqs = reserve_seqs(conn, len(chunk))
    ctx = ServerContext(
        conn,
        now=clock_now(),
        reference=server_reference(conn),
        scope_path=scope_path,
        seq=0,
        actor=operations.YOUTH_ACTOR if youth_id else actor,
        permissions=permissions,
        youth_id=youth_id,
        defer_updates=not savepoints,
    )
    answered = _answered(conn, [op["op_id"] for op in chunk])
    ctx.preload(_named_rows([op for op in chunk if op["op_id"] not in answered]))
    log_rows: list[dict[str, Any]] = []
    for op, seq in zip(chunk, seqs, strict=True):
        stored = answered.get(op["op_id"])
        if stored is not None:  # a replay: the sequence number taken is never used
            results.append(stored)
            continue
        result, logged = _apply(ctx, seq=seq, account_id=account_id, op=op, savepoint=savepoints)
        results.append(result)
        answered[op["op_id"]] = result  # the same op_id twice in one push: once
        log_rows.append(logged)
        if time.monotonic() - began > TRANSACTION_SECONDS:
            break  # the rest in the next transaction (their sequences left unused)
    try:
        conn = ctx.conn  # the updates still deferred, sent
    except Exception as error:
        if not savepoints and _is_malformed(error):
            raise _NeedsSavepoints from error  # found out by its op's own savepoint
        raise
    execute_many(conn, _LOG_ANSWER, log_rows)
    return results


def _answered(conn: Connection, op_ids: list[str]) -> dict[str, OpResult]:
    """The stored answers to those of `op_ids` the server has applied already."""
    rows = conn.execute(
        select(applied_ops.c.op_id, applied_ops.c.result).where(applied_ops.c.op_id.in_(op_ids))
    )
    return {row.op_id: OpResult.from_json(json.loads(row.result)) for row in rows}


_LOG_ANSWER = insert(applied_ops).values(
    {c.name: bindparam(c.name) for c in applied_ops.columns if c.name != "id"}
)


def _apply(
    ctx: ServerContext,
    *,
    seq: int,
    account_id: str | None,
    op: dict[str, Any],
    savepoint: bool = True,
) -> tuple[OpResult, dict[str, Any]]:
    """Apply one pushed operation not applied before; its answer and the row that logs it in
    applied_ops (written by the caller). A replayed op_id gets the stored result, for as long as
    the server keeps the operation (forever, for now). A cadre's operation names its account
    (`actor` its username); a youth's, through the public API, names the youth (`youth_id`,
    actor "youth") and may only be a kind a youth may push (`Kind.by_youth`).

    `seq`, the operation's change sequence, was reserved by the caller in this transaction: that
    locks the counter until commit, so operations apply one after another and each sees every
    earlier one (the capacity check relies on it). A replayed or refused operation leaves its
    number unused; a pull's cursor only needs sequence order to be commit order, not no gaps.
    Without `savepoint` a refusal raises _NeedsSavepoints (its writes are in the transaction).
    """
    youth_id = ctx.youth_id
    now = clock_now()  # the server's clock decides; the device's is kept for audit
    ctx.now, ctx.seq = now, seq
    try:
        if youth_id is not None and not operations.youth_may(op["kind"]):
            raise RuleViolation("not_allowed")
        if savepoint:
            with ctx.conn.begin_nested():  # a refusal takes back this operation's writes only
                outcome = operations.apply(ctx, op["kind"], op["payload"])
        else:
            outcome = operations.apply(ctx, op["kind"], op["payload"])
    except RuleViolation as refusal:
        if not savepoint:
            raise _NeedsSavepoints from refusal
        ctx.forget()
        params = dict(refusal.params)
        if refusal.problems:
            params["problems"] = [
                {"code": p.code, "field": p.field, "params": p.params} for p in refusal.problems
            ]
        result = OpResult(op["op_id"], OpStatus.REJECTED, 0, refusal.code, params)
    except Exception as error:
        if not savepoint and _is_malformed(error):
            raise _NeedsSavepoints from error
        ctx.forget()
        if not _is_malformed(error):
            raise  # the database's fault: the request fails and the device sends the op again
        log.warning("malformed op %s: %r", op["op_id"], error)
        result = OpResult(op["op_id"], OpStatus.REJECTED, 0, "malformed_operation", {})
    else:
        status = OpStatus.CHANGED if outcome.changed else OpStatus.APPLIED
        result = OpResult(op["op_id"], status, seq, outcome.changed, outcome.params)
    logged_youth = youth_id
    if youth_id and result.status is OpStatus.REJECTED and ctx.get("youths", youth_id) is None:
        logged_youth = None  # a refused youth.create: there is no youth row to refer to
    logged = {
        "op_id": op["op_id"],
        "account_id": account_id,
        "youth_id": logged_youth,
        "device_id": op.get("device_id") or "",
        "kind": op["kind"],
        "payload": jsontext.dumps(op["payload"]),
        "occurred_at": _device_time(op.get("occurred_at")) or now,
        "received_at": now,
        "result": jsontext.dumps(result.to_json()),
        "seq": result.seq or None,
    }
    return result, logged


def _is_malformed(error: Exception) -> bool:
    """Whether an error is the payload's fault, which no retry mends: missing keys, wrong types,
    an id too long for its column, or a value a column refuses to bind (a time without its zone
    arrives as a StatementError wrapping the ValueError). A lost connection or a deadlock is a
    StatementError too, but the database's: that one must not reject the operation for good."""
    if isinstance(error, KeyError | TypeError | ValueError | AttributeError | OverflowError):
        return True  # OverflowError: an integer SQLite cannot store (beyond 64 bits)
    if isinstance(error, DataError | IntegrityError):
        return True
    return (
        isinstance(error, StatementError)
        and not isinstance(error, DBAPIError)
        and isinstance(error.orig, TypeError | ValueError)
    )


def _device_time(value: Any) -> datetime | None:
    """The device's clock, for audit only: a wrong or missing value never refuses a sync."""
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def scoped_select(
    table: str, scope_path: str, ancestors: list[str], *, by_scope_index: bool = True
) -> Any:
    """A select of `table` limited to the caller's scope (organisations: with its ancestors;
    youths: those registered for or following something in scope). Shared by the pull and the
    snapshot (`sync.server.snapshot`). Personal numbers come masked (`sync.server.privacy`).
    `by_scope_index=False`: see `within_scope`."""
    condition = _in_scope(
        table,
        lambda column, by_index=True: within_scope(column, scope_path, by_index=by_index),
        ancestors,
        by_scope_index=by_scope_index,
    )
    stmt = select(*sent_columns(table))
    return stmt if condition is None else stmt.where(condition)


def _in_scope(
    table: str,
    within: Callable[..., Any],
    ancestors: Any,
    *,
    by_scope_index: bool,
) -> Any:
    """The condition "a row of `table` is in the scope" (None: every row is): `within(column,
    by_index=...)` tests a scope_path column; `ancestors`, the scope's ancestor organisations
    (a list, or an expanding parameter)."""
    t = RECORDS[table]
    if table == "organizations":
        return within(t.c.scope_path, by_index=by_scope_index) | t.c.id.in_(ancestors)
    if table == "youths":
        links = [RECORDS[name] for name in YOUTH_LINKS]
        return or_(
            *(
                exists().where(link.c.youth_id == t.c.id, within(link.c.scope_path))
                for link in links
            )
        )
    if table in UNSCOPED:
        return None
    return within(t.c.scope_path, by_index=by_scope_index)


@cache
def _changed(table: str, *, by_scope_index: bool) -> Any:
    """The key, sequence and deleted flag of `table`'s rows in a scope, built once: the scope,
    the ancestors and the bounds go in as parameters (`pull_parameters`). A pull builds no
    statement: building its fourteen selects cost more than running them (~40% of a pull)."""
    t = RECORDS[table]
    condition = _in_scope(
        table,
        within_any_scope,
        bindparam("ancestors", expanding=True),
        by_scope_index=by_scope_index,
    )
    stmt = select(t.c[PRIMARY_KEYS[table]].label("key"), t.c.seq, t.c.deleted)
    return stmt if condition is None else stmt.where(condition)


@cache
def changed_after(table: str, *, by_scope_index: bool) -> Any:
    """`table`'s rows in scope changed after :after, oldest first, at most :limit."""
    seq = RECORDS[table].c.seq
    stmt = _changed(table, by_scope_index=by_scope_index).where(
        seq > bindparam("after", type_=Integer)
    )
    return stmt.order_by(seq).limit(bindparam("limit", type_=Integer))


@cache
def _changed_at(table: str) -> Any:
    """`table`'s rows in scope changed at :boundary."""
    return _changed(table, by_scope_index=True).where(
        RECORDS[table].c.seq == bindparam("boundary", type_=Integer)
    )


@cache
def changes_after(*, by_scope_index: bool) -> Any:
    """Every pulled table's `changed_after` in one statement (UNION ALL, each table's own
    order and limit kept in a subquery), its rows naming their table: one round trip, not one
    a table (fourteen: on PostgreSQL, under a crowd's load, most of a pull's time was spent
    waiting on them)."""
    return union_all(
        *(_named(table, changed_after(table, by_scope_index=by_scope_index)) for table in PULLED)
    )


@cache
def changes_at() -> Any:
    """Every pulled table's `_changed_at` in one statement, as `changes_after`."""
    return union_all(*(_named(table, _changed_at(table)) for table in PULLED))


def _named(table: str, stmt: Any) -> Any:
    rows = stmt.subquery()
    return select(literal(table).label("tbl"), rows.c.key, rows.c.seq, rows.c.deleted)


def pull_parameters(
    scope_path: str, ancestors: list[str], *, after: int, limit: int
) -> dict[str, Any]:
    """The values of `changed_after`'s parameters."""
    return {**scope_parameters(scope_path), "ancestors": ancestors, "after": after, "limit": limit}


# Youths are pulled too (scoped by what refers to them), so a change to a youth, e.g. the
# guardian's consent, reaches every device that shows them.
PULLED = list(RECORD_TABLES)


def prepare_pull(conn: Connection) -> None:
    """Run every statement a pull may send once, with values that match nothing, so a worker's
    first pull does not wait while SQLAlchemy builds them: ~30 of the ~65 ms of a county's
    first page of 1,350 rows (after a restart, every worker's first pull; with 200 devices
    syncing, all at once)."""
    current, _horizon = sequences(conn)
    nothing = pull_parameters("/-/", ["-"], after=current, limit=1)
    for by_index in (False, True):
        conn.execute(changes_after(by_scope_index=by_index), nothing).all()
    conn.execute(changes_at(), {**nothing, "boundary": -1}).all()
    for table in PULLED:
        pull_rows.prepare(conn, table)
        for changed_after in (False, True):
            by_keys = _live_versions(table, changed_after=changed_after)
            conn.execute(by_keys, {"keys": [""], "after": 0}).all()


class CursorTooOld(Exception):
    """The cursor predates the tombstone horizon: deletions after it may be gone for good."""


# Up to this many changes since the cursor, SQLite is kept off the scope index, so it walks
# the rows changed after the cursor (seq index, in page order, stopping at a page): without
# statistics it picked the scope index and then sorted, so a county account's pull of 1,560
# changed rows read all 200,000 followers in scope (220 ms of the page's ~600 ms). Beyond it
# (a device long away, on a narrow scope) the planner chooses. PostgreSQL plans with its
# statistics.
FEW_CHANGES = 100_000


def by_scope_index(changes: int) -> bool:
    """Whether a pull's queries may use the scope index, `changes` changes after its cursor."""
    return changes > FEW_CHANGES


def pull(
    conn: Connection, *, scope_path: str, ancestors: list[str], after: int, limit: int
) -> PullPage:
    """Rows in scope changed after `after`, oldest first, never splitting one change sequence
    across pages (an operation's rows share one sequence number). CursorTooOld when a pull
    after `after` could miss a purged tombstone (see `sync.server.db.tombstone_horizon`); a
    cursor of 0 (nothing yet) is always fine."""
    current, horizon = sequences(conn)
    if 0 < after < horizon:
        raise CursorTooOld(after)
    changes = current - after
    if changes <= 0:  # nothing changed anywhere: one query instead of one a table
        return PullPage(cursor=after, more=False, rows={}, deleted={})
    parameters = pull_parameters(scope_path, ancestors, after=after, limit=limit + 1)
    stmt = changes_after(by_scope_index=by_scope_index(changes))
    # (seq, table, its key and deleted flag)
    candidates = [(row.seq, row.tbl, row) for row in conn.execute(stmt, parameters)]
    candidates.sort(key=lambda c: c[0])
    more = len(candidates) > limit
    if more:
        boundary = candidates[limit - 1][0]
        chosen = [c for c in candidates if c[0] < boundary]
        parameters["boundary"] = boundary
        # every row at the boundary, however many share it
        chosen.extend((boundary, row.tbl, row) for row in conn.execute(changes_at(), parameters))
    else:
        chosen = candidates
    versions: dict[str, list[tuple[str, int]]] = {}
    deleted: dict[str, list[str]] = {}
    for seq, table, row in chosen:
        if row.deleted:
            deleted.setdefault(table, []).append(row.key)
        else:
            versions.setdefault(table, []).append((row.key, seq))
    rows = {table: pull_rows.encoded(conn, table, v) for table, v in versions.items()}
    _add_referenced(conn, rows, after=after)
    # The whole rest of the scope sent: the cursor moves to the counter read first in this
    # snapshot (every change up to it committed and seen by the query), past changes elsewhere
    # in the province. Kept at the last change in scope, a county's cursor stayed behind every
    # other county's edits, and each sync walked all of them again (on PostgreSQL ~3 ms an
    # empty sync). A page cut short ends at its last change.
    cursor = max((c[0] for c in chosen), default=after) if more else current
    return PullPage(cursor=cursor, more=more, rows=rows, deleted=deleted)


# What a row refers to, so a page never holds a row whose parent the device lacks: a parent
# changed later than its child has a later sequence, and would only come in a later page.
REFERENCES: tuple[tuple[str, str, str], ...] = (
    ("registration_events", "registration_id", "registrations"),  # before registrations' own
    ("request_events", "request_id", "requests"),  # before requests' own
    ("requests", "youth_id", "youths"),
    ("requests", "org_id", "organizations"),
    ("checkin_events", "registration_id", "registrations"),
    ("notices", "org_id", "organizations"),
    ("assessment_targets", "org_id", "organizations"),
    ("registrations", "activity_id", "activities"),
    ("registrations", "youth_id", "youths"),
    ("followers", "youth_id", "youths"),
    ("followers", "org_id", "organizations"),
    ("activities", "org_id", "organizations"),
    ("organizations", "parent_id", "organizations"),
)


# The references a push's rules follow from the rows it names, read with them (`preload`):
# not an activity's organisation nor an organisation's parent, which no rule of the rows named
# reads (a capacity edit read both, a round trip each on PostgreSQL, for nothing).
RULES_FOLLOW = tuple(
    r for r in REFERENCES if r[:2] not in {("activities", "org_id"), ("organizations", "parent_id")}
)


def _add_referenced(conn: Connection, rows: dict[str, list[dict[str, Any]]], *, after: int) -> None:
    """Add the current rows that the page's rows refer to and the device may lack.

    A device whose cursor is `after` holds every row in its scope whose current version is at
    or before `after` (the pulls and the snapshot up to there brought it, and a rebase takes
    its own edits back before a page goes in), wherever a row's own columns decide whether it
    is in scope: so only parents changed after `after` are added. Not so for youths, in scope
    through what refers to them: a youth unchanged for years comes into a county's scope with
    a new registration there, so every youth referred to travels (resending a row the device
    has is harmless: it is the latest version). In a county's crowd of devices a page of
    activity edits re-sent the same ~110 organisations, a quarter of its rows."""
    for child, column, parent in REFERENCES:
        present = {r[PRIMARY_KEYS[parent]] for r in rows.get(parent, [])}
        wanted = {r[column] for r in rows.get(child, []) if r.get(column)} - present
        statement = _live_versions(parent, changed_after=parent not in LINK_SCOPED)
        while wanted:
            live = conn.execute(statement, {"keys": list(wanted), "after": after})
            found = pull_rows.encoded(conn, parent, [(key, seq) for key, seq in live])
            if found:
                rows.setdefault(parent, []).extend(found)
            if child != parent:
                break
            # organizations refer to organizations: climb until every parent is there
            present |= {r["id"] for r in found}
            wanted = {r[column] for r in found if r.get(column)} - present


@cache
def _live_versions(table: str, *, changed_after: bool) -> Any:
    """The key and sequence of the live rows of `table` among :keys (`changed_after`: and
    changed after :after)."""
    t, key = RECORDS[table], RECORDS[table].c[PRIMARY_KEYS[table]]
    stmt = select(key, t.c.seq).where(
        key.in_(bindparam("keys", expanding=True)), t.c.deleted.is_(False)
    )
    return stmt.where(t.c.seq > bindparam("after", type_=Integer)) if changed_after else stmt
