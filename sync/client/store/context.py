"""The ApplyContext of the local replica: applies operations to the local tables and keeps each
touched row's previous values, which undo and the rebase after a pull restore."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from sync.client.store.tables import RECORDS
from sync.core.codec import from_json, to_json
from sync.core.ids import uuid7
from sync.core.operations import Reference
from sync.core.records import PRIMARY_KEYS, RECORD_TABLES
from sync.core.sql import IN_LIST

Snapshot = tuple[str, str, dict[str, Any] | None]
CountKey = tuple[str, tuple[tuple[str, Any], ...]]

PRELOAD_CHUNK = IN_LIST


class LocalContext:
    """ApplyContext over one open transaction; remembers each row's previous values for undo.

    One context may serve several operations of one transaction (`Store.execute_many`), so it
    keeps what it read: rows by id and counts, both kept exact through its own writes (nothing
    else writes in the transaction meanwhile). A bulk approval then reads each row once and
    counts an activity's seats once, instead of three queries per registration.
    """

    actor: str
    youth_id: str | None = None  # a device never acts as a youth
    permissions: Collection[str] | None = None  # the server decides
    org_id: str | None = None  # the server decides who may set whose target

    def __init__(
        self,
        conn: Connection,
        now: datetime,
        reference: Reference,
        *,
        actor: str = "",
        buffered: bool = False,
    ):
        self.conn = conn
        self.now = now
        self.reference = reference
        self.actor = actor
        self.snapshots: list[Snapshot] = []
        self._rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._counts: dict[CountKey, int] = {}
        # (table, column) → value → ids of every row holding it, for the values preloaded
        # with `preload_by`; a find by such a value is then answered without a query.
        self._holders: dict[tuple[str, str], dict[Any, set[str]]] = {}
        self._buffer = _WriteBuffer(conn) if buffered else None

    def forget(self) -> None:
        """Drop what was read (after a rollback the cache may hold writes that were undone)."""
        self._rows.clear()
        self._counts.clear()
        self._holders.clear()

    def flush(self, table: str | None = None) -> None:
        """Send the buffered writes (of `table` only, before a read of it) to the database;
        the caller must flush them all before it commits."""
        if self._buffer is not None:
            self._buffer.flush(table)

    def _write(self, statement: Any, params: dict[str, Any], key: tuple[str, str]) -> None:
        if self._buffer is None:
            self.conn.execute(statement, params)
        else:
            self._buffer.add(statement, params, key)

    # --- reads -------------------------------------------------------------------------------

    def get(self, table: str, record_id: str) -> dict[str, Any] | None:
        key = (table, record_id)
        if key not in self._rows:
            self.flush(table)
            row = self.conn.execute(_select_statement(table), {_KEY: record_id}).first()
            self._rows[key] = dict(row._mapping) if row else None
        row = self._rows[key]
        return dict(row) if row is not None else None

    def preload(self, table: str, ids: Iterable[str]) -> None:
        """Read many rows at once into the cache (a bulk command knows its ids up front)."""
        t = RECORDS[table]
        key = t.c[PRIMARY_KEYS[table]]
        wanted = [i for i in dict.fromkeys(ids) if (table, i) not in self._rows]
        self.flush(table)
        for start in range(0, len(wanted), PRELOAD_CHUNK):
            chunk = wanted[start : start + PRELOAD_CHUNK]
            for i in chunk:
                self._rows[(table, i)] = None
            for row in self.conn.execute(select(t).where(key.in_(chunk))):
                values = dict(row._mapping)
                self._rows[(table, values[PRIMARY_KEYS[table]])] = values

    def preload_by(self, table: str, column: str, values: Iterable[str]) -> None:
        """Read every row whose `column` holds one of `values` (text), and answer later finds
        naming one of them from memory: an import looks up each row's phone and each youth's
        registrations, 10,000 queries for 5,000 rows, which this makes 20."""
        t = RECORDS[table]
        holders = self._holders.setdefault((table, column), {})
        wanted = [v for v in dict.fromkeys(values) if isinstance(v, str) and v not in holders]
        self.flush(table)
        for start in range(0, len(wanted), PRELOAD_CHUNK):
            chunk = wanted[start : start + PRELOAD_CHUNK]
            for value in chunk:
                holders[value] = set()
            for row in self.conn.execute(select(t).where(t.c[column].in_(chunk))):
                values_ = dict(row._mapping)
                record_id = values_[PRIMARY_KEYS[table]]
                self._rows[(table, record_id)] = values_
                holders[values_[column]].add(record_id)

    def _found_in_memory(
        self, table: str, equals: dict[str, Any], order_by: tuple[str, ...], limit: int | None
    ) -> list[dict[str, Any]] | None:
        """What `find` would read, from rows preloaded by one of the values; None when no
        such value is named (or a row is not known exactly: then the database answers)."""
        for column, value in equals.items():
            holders = self._holders.get((table, column))
            if holders is None or not isinstance(value, str) or value not in holders:
                continue
            rows = [self._rows.get((table, i)) for i in holders[value]]
            if any(row is None for row in rows):
                return None
            found = [r for r in rows if r and all(r.get(n) == v for n, v in equals.items())]
            if any(r.get(n) is None for r in found for n in order_by):
                return None  # SQL puts NULLs first; not worth imitating
            found.sort(key=lambda r: tuple(r[n] for n in order_by))
            return [dict(r) for r in found[:limit]]
        return None

    def _rehold(self, table: str, record_id: str, before: dict[str, Any] | None, after: Any):
        """Keep `preload_by`'s holders exact across one row changing (`after` None: deleted;
        a dict without a preloaded column: its value is unknown, so the holders go)."""
        for (name, column), holders in list(self._holders.items()):
            if name != table:
                continue
            if after is not None and column not in after:
                del self._holders[(name, column)]
                continue
            if before is not None and before.get(column) in holders:
                holders[before[column]].discard(record_id)
            if after is not None and after[column] in holders:
                holders[after[column]].add(record_id)

    def count(self, table: str, **equals: Any) -> int:
        key: CountKey = (table, tuple(sorted(equals.items())))
        if key not in self._counts:
            self.flush(table)
            stmt = _count_statement(table, tuple(equals))
            self._counts[key] = self.conn.scalar(stmt, equals) or 0
        return self._counts[key]

    def find(
        self,
        table: str,
        *,
        order_by: tuple[str, ...] = (),
        limit: int | None = None,
        **equals: Any,
    ) -> list[dict[str, Any]]:
        remembered = self._found_in_memory(table, equals, order_by, limit)
        if remembered is not None:
            return remembered
        if self._buffer is None or self._buffer.may_match(table, equals):
            self.flush(table)
        stmt = _find_statement(table, tuple(equals), order_by, limit)
        found = [dict(row._mapping) for row in self.conn.execute(stmt, equals)]
        for values in found:
            self._rows[(table, values[PRIMARY_KEYS[table]])] = values
        return [dict(v) for v in found]

    def new_id(self) -> str:
        return uuid7()

    def deliver_notice(self, notice: dict[str, Any]) -> int | None:
        return None  # only the server knows the followers' devices; the notice stays queued

    # --- writes ------------------------------------------------------------------------------

    def _remember(self, table: str, record_id: str) -> dict[str, Any] | None:
        before = self.get(table, record_id)
        encoded = to_json(RECORD_TABLES[table], before) if before else None
        self.snapshots.append((table, record_id, encoded))
        return before

    def _recount(self, table: str, before: dict[str, Any] | None, after: dict[str, Any] | None):
        """Keep the cached counts of `table` exact across one row changing."""
        for key in [k for k in self._counts if k[0] == table]:
            equals = key[1]
            if after is not None and any(name not in after for name, _ in equals):
                del self._counts[key]  # an insert that leaves a counted field to its default
                continue
            was = before is not None and all(before[n] == v for n, v in equals)
            now = after is not None and all(after[n] == v for n, v in equals)
            self._counts[key] += int(now) - int(was)

    def insert(self, table: str, values: dict[str, Any]) -> None:
        record_id = values[PRIMARY_KEYS[table]]
        # A new id has no previous row (inserting over one fails in the database anyway).
        self.snapshots.append((table, record_id, None))
        self._write(_insert_statement(table, tuple(values)), values, (table, record_id))
        row = _with_defaults(table, values)  # what the database will hold, when that is known
        if row is None:
            self._rows.pop((table, record_id), None)
        else:
            self._rows[(table, record_id)] = row
        self._recount(table, None, values)
        self._rehold(table, record_id, None, row or values)

    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None:
        before = self._remember(table, record_id)
        statement = _update_statement(table, tuple(values))
        self._write(statement, {**values, _KEY: record_id}, (table, record_id))
        if before is not None:
            after = {**before, **values}
            self._rows[(table, record_id)] = after
            self._recount(table, before, after)
            self._rehold(table, record_id, before, after)

    def delete(self, table: str, record_id: str) -> None:
        before = self._remember(table, record_id)
        self.flush()
        t = RECORDS[table]
        self.conn.execute(delete(t).where(t.c[PRIMARY_KEYS[table]] == record_id))
        self._rows[(table, record_id)] = None
        self._recount(table, before, None)
        self._rehold(table, record_id, before, None)


# Statements built once and executed with parameters: building one per row (values inlined)
# costs more than the database's own work in a bulk approval.
_KEY = "_record_id"


@cache
def _insert_statement(table: str, names: tuple[str, ...]) -> Any:
    return insert(RECORDS[table]).values({name: bindparam(name) for name in names})


@cache
def _update_statement(table: str, names: tuple[str, ...]) -> Any:
    t = RECORDS[table]
    return (
        update(t)
        .where(t.c[PRIMARY_KEYS[table]] == bindparam(_KEY))
        .values({name: bindparam(name) for name in names})
    )


class _WriteBuffer:
    """Writes of many operations, sent as one executemany per statement.

    A write joins the latest group of its statement unless a later group touched the same row
    (then it starts a new group, so one row's writes keep their order). Groups may thus run
    out of order across rows, so the transaction defers its foreign-key checks to the commit
    (`PRAGMA defer_foreign_keys`). Reads flush first, so they see every write.
    """

    def __init__(self, conn: Connection):
        self.conn = conn
        self.groups: list[tuple[Any, list[dict[str, Any]], set[tuple[str, str]]]] = []
        # What the buffered inserts of each table hold, so a query that none of them can
        # match needs no flush: (column, value) pairs, and the columns some insert left out.
        # A buffered update or a value that cannot be hashed makes every query flush. Inserts
        # are taken into account when a query asks (most queries of a bulk import are
        # answered from memory, so most inserts never need to be).
        self._inserted: dict[str, set[tuple[str, Any]]] = {}
        self._left_out: dict[str, set[str]] = {}
        self._unsure: set[str] = set()
        self._unnoted: dict[str, list[tuple[Any, dict[str, Any]]]] = {}
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # until this transaction ends

    def may_match(self, table: str, equals: dict[str, Any]) -> bool:
        """Whether a buffered write could be among the rows where every `equals` holds."""
        if table in self._unsure:
            return True
        self._catch_up(table)
        if table in self._unsure:
            return True
        if table not in self._inserted:
            return False
        left_out = self._left_out.get(table, set())
        inserted = self._inserted[table]
        try:
            return all(n in left_out or (n, v) in inserted for n, v in equals.items())
        except TypeError:
            return True

    def _note(self, statement: Any, params: dict[str, Any]) -> None:
        table = statement.table.name
        if not statement.is_insert:
            self._unsure.add(table)
            return
        self._unnoted.setdefault(table, []).append((statement, params))

    def _catch_up(self, table: str) -> None:
        """What the inserts into `table` buffered since the last query of it hold."""
        for statement, params in self._unnoted.pop(table, ()):
            try:
                self._inserted.setdefault(table, set()).update(params.items())
            except TypeError:
                self._unsure.add(table)
                return
            missing = {c.name for c in statement.table.columns} - params.keys()
            if missing:
                self._left_out.setdefault(table, set()).update(missing)

    def add(self, statement: Any, params: dict[str, Any], key: tuple[str, str]) -> None:
        self._note(statement, params)
        for group_statement, rows, keys in reversed(self.groups):
            if group_statement is statement:
                rows.append(params)
                keys.add(key)
                return
            if key in keys:
                break
        self.groups.append((statement, [params], {key}))

    def flush(self, table: str | None = None) -> None:
        """Send the groups (of `table` only): one row's writes are all in its table's groups,
        so their order holds whatever else stays buffered."""
        kept = []
        for group in self.groups:
            statement, rows, _ = group
            if table is None or statement.table.name == table:
                self.conn.execute(statement, rows)
            else:
                kept.append(group)
        self.groups = kept
        everything = [*self._inserted, *self._unsure, *self._unnoted]
        for name in [table] if table is not None else everything:
            self._inserted.pop(name, None)
            self._left_out.pop(name, None)
            self._unsure.discard(name)
            self._unnoted.pop(name, None)


def restore(conn: Connection, snapshots: list[Snapshot]) -> list[str]:
    """Put back the rows as they were before the snapshots were taken; returns the tables.
    Rows are updated in place, not deleted and re-inserted, so rows referring to them stay."""
    touched = []
    for table, record_id, before in reversed(snapshots):
        if before is None:
            conn.execute(_delete_statement(table), {_KEY: record_id})
        else:
            values = from_json(RECORD_TABLES[table], before)
            updated = conn.execute(
                _update_statement(table, tuple(values)), {**values, _KEY: record_id}
            )
            if updated.rowcount == 0:
                conn.execute(_insert_statement(table, tuple(values)), values)
        touched.append(table)
    return touched


@cache
def _select_statement(table: str) -> Any:
    t = RECORDS[table]
    return select(t).where(t.c[PRIMARY_KEYS[table]] == bindparam(_KEY))


@cache
def _count_statement(table: str, names: tuple[str, ...]) -> Any:
    t = RECORDS[table]
    return select(func.count()).select_from(t).where(*(t.c[n] == bindparam(n) for n in names))


@cache
def _find_statement(
    table: str, names: tuple[str, ...], order_by: tuple[str, ...], limit: int | None
) -> Any:
    t = RECORDS[table]
    stmt = select(t).where(*(t.c[n] == bindparam(n) for n in names))
    return stmt.order_by(*(t.c[n] for n in order_by)).limit(limit)


@cache
def _defaults(table: str) -> dict[str, Any] | None:
    """Each column's value when an insert leaves it out, or None if one is not a constant."""
    found: dict[str, Any] = {}
    for column in RECORDS[table].columns:
        if column.server_default is not None:
            return None
        if column.default is None:
            found[column.name] = None
        elif column.default.is_scalar:
            found[column.name] = column.default.arg
        else:
            return None
    return found


def _with_defaults(table: str, values: dict[str, Any]) -> dict[str, Any] | None:
    defaults = _defaults(table)
    return None if defaults is None else {**defaults, **values}


@cache
def _delete_statement(table: str) -> Any:
    t = RECORDS[table]
    return delete(t).where(t.c[PRIMARY_KEYS[table]] == bindparam(_KEY))
