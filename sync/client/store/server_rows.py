"""The server's rows written into the replica, changing only what changed.

A pull page re-sends rows the device has: every youth a registration refers to, and after a
bulk edit a thousand activities of which only the capacity moved. Written as one upsert of
every column, each such row had SQLite rewrite every index of its table (an activity has
six) and each time value went through two conversions (text to datetime, datetime to the
stored text): ~85 ms for a page of 1,000 capacity edits and 600 promoted registrations.
So each table's incoming rows are turned into the values SQLite stores, compared with the
stored rows read by key, and only the changed columns of changed rows are written (an
activity's capacity, version and sequence: one index); new rows are inserted and unchanged
ones left alone (~25 ms for the same page).

The stored values come from the columns' own SQLAlchemy types (`sync.core.schema`), so there
is one definition of how a value is stored; only the common case of a time in UTC takes a
shortcut, checked against that definition by tests/test_server_rows.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import sqlite

from sync.client.store.tables import RECORDS
from sync.core.codec import field_types, to_json, value_from_json
from sync.core.operations import chunked
from sync.core.records import PRIMARY_KEYS, RECORD_TABLES, field_names
from sync.core.sql import IN_LIST

Stored = tuple[Any, ...]  # one row as SQLite stores it, in `_Table.names` order

_DIALECT = sqlite.dialect()  # the replica is SQLite, plain or SQLCipher: the same storage


def write_server_rows(conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> int:
    """Write the server's rows (JSON, by table), parents first; the number of rows given.
    Fields this version does not know are ignored, so an older workbench works with a newer
    server; a field an older server does not send takes the record's default."""
    count = 0
    for table in RECORD_TABLES:
        incoming = rows.get(table) or []
        if incoming:
            _write(conn, _table(table), incoming)
            count += len(incoming)
    return count


def _write(conn: Connection, t: _Table, incoming: list[dict[str, Any]]) -> None:
    wanted: dict[Any, Stored] = {}
    for row in incoming:
        values = t.stored(row)
        wanted[values[t.key]] = values  # a row given twice: its last version
    keys = list(wanted)
    present: dict[Any, Stored] = {}
    for chunk in chunked(keys, IN_LIST):
        found = conn.exec_driver_sql(t.select_sql(len(chunk)), tuple(chunk)).fetchall()
        present.update((row[t.key], tuple(row)) for row in found)
    inserts: list[Stored] = []
    updates: dict[tuple[int, ...], list[Stored]] = {}  # by the columns changed
    for key, values in wanted.items():
        before = present.get(key)
        if before is None:
            inserts.append(values)
        elif before != values:
            changed = tuple(
                i for i, (a, b) in enumerate(zip(before, values, strict=True)) if a != b
            )
            updates.setdefault(changed, []).append((*(values[i] for i in changed), key))
    if inserts:
        conn.exec_driver_sql(t.insert_sql, inserts)
    for changed, params in updates.items():
        conn.exec_driver_sql(t.update_sql(changed), params)


@dataclasses.dataclass(frozen=True)
class _Table:
    name: str
    names: tuple[str, ...]  # the record's fields, in the order rows are stored here
    key: int  # the primary key's place among them
    # (field, its JSON default, JSON value -> stored value, or None when stored as it is)
    fields: tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]

    def stored(self, row: dict[str, Any]) -> Stored:
        out = []
        for name, default, convert in self.fields:
            value = row.get(name, default)
            out.append(value if value is None or convert is None else convert(value))
        return tuple(out)

    def select_sql(self, keys: int) -> str:
        return _select_sql(self.name, keys)

    @property
    def insert_sql(self) -> str:
        return _insert_sql(self.name)

    def update_sql(self, changed: tuple[int, ...]) -> str:
        return _update_sql(self.name, changed)


@cache
def _table(name: str) -> _Table:
    record = RECORD_TABLES[name]
    names = tuple(field_names(record))
    kinds = field_types(record)
    defaults = to_json(record, _defaults(record))
    fields = []
    for field in names:
        processor = RECORDS[name].c[field].type.dialect_impl(_DIALECT).bind_processor(_DIALECT)
        fields.append((field, defaults[field], _converter(kinds[field], processor)))
    return _Table(name, names, names.index(PRIMARY_KEYS[name]), tuple(fields))


def _converter(kind: type, processor: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """JSON value -> stored value for a field of type `kind` whose column binds with
    `processor`: as an insert through SQLAlchemy would store it."""
    if kind is datetime:
        return _time_converter(processor)
    if kind in (str, int) and processor is None:
        return None
    if processor is None:
        return lambda value: value_from_json(kind, value)
    return lambda value: processor(value_from_json(kind, value))


def _time_converter(processor: Callable[[Any], Any] | None) -> Callable[[str], Any]:
    """A time's stored text: the column type's (`UTCDateTime`: naive UTC, microseconds always
    written), made directly for a time in UTC (as the server sends every time), which is
    most of a page's values; any other offset, or none, goes through the type."""

    def stored(text: str) -> Any:
        value = datetime.fromisoformat(text)
        if value.tzinfo is UTC:
            return value.isoformat(" ", "microseconds")[:26]
        return processor(value) if processor else value  # a naive time: refused by the type

    return stored


@cache
def _select_sql(table: str, keys: int) -> str:
    t = _table(table)
    columns = ", ".join(map(_quote, t.names))
    marks = ", ".join("?" * keys)
    return f"SELECT {columns} FROM {_quote(table)} WHERE {_quote(t.names[t.key])} IN ({marks})"


@cache
def _insert_sql(table: str) -> str:
    t = _table(table)
    marks = ", ".join("?" * len(t.names))
    return f"INSERT INTO {_quote(table)} ({', '.join(map(_quote, t.names))}) VALUES ({marks})"


@cache
def _update_sql(table: str, changed: tuple[int, ...]) -> str:
    t = _table(table)
    sets = ", ".join(f"{_quote(t.names[i])} = ?" for i in changed)
    return f"UPDATE {_quote(table)} SET {sets} WHERE {_quote(t.names[t.key])} = ?"


def _quote(name: str) -> str:
    return _DIALECT.identifier_preparer.quote(name)


def _defaults(record: type) -> dict[str, Any]:
    return {
        f.name: None if f.default is dataclasses.MISSING else f.default
        for f in dataclasses.fields(record)
    }
