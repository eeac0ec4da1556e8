"""The rows a pull page carries, each version encoded once per server process.

When a county's devices sync together they pull the same new rows: 200 devices, one wave of
edits, each device's page holding the same few hundred activities. Reading and encoding a row
(all its columns, its times as text) was most of a pull's cost (~28 ms of server CPU for a page
of ~1,000 rows here; its keys alone, 6 ms). So a pull reads the keys of what changed in the
caller's scope (`replication.pull`), and takes each row's JSON from this cache, reading only the
rows missing from it, by key.

A row's JSON is cached under (table, key, seq): every change to a row, redactions and erasures
by retention included, gives it a new change sequence, so a version once encoded never changes
(personal numbers are masked alike for every account, in SQL: `sync.server.privacy`). A cached
version nobody asks for any more (an erased youth's old row, say) is never sent again and
leaves when the least recently used are dropped. One cache per database engine, so tests that
open several databases in one process never share rows.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select

from sync.core.codec import row_encoder
from sync.core.operations import chunked
from sync.core.records import PRIMARY_KEYS, RECORD_TABLES
from sync.core.sql import IN_LIST
from sync.server.privacy import sent_columns
from sync.server.tables import RECORDS

# Rows kept per server process: a wave of a county's edits is a few thousand rows; an activity's
# JSON takes ~3 KB in memory, so at most some 60 MB.
CACHED_ROWS = 20_000

Version = tuple[str, str, int]  # (table, key, seq)


class RowCache:
    """A least-recently-used map of row versions to their JSON, shared by a process's threads."""

    def __init__(self, size: int = CACHED_ROWS) -> None:
        self.size = size
        self._rows: OrderedDict[Version, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, versions: Iterable[Version]) -> dict[Version, dict[str, Any]]:
        found = {}
        with self._lock:
            for version in versions:
                row = self._rows.get(version)
                if row is not None:
                    self._rows.move_to_end(version)
                    found[version] = row
        return found

    def put_many(self, rows: dict[Version, dict[str, Any]]) -> None:
        with self._lock:
            self._rows.update(rows)
            for version in rows:
                self._rows.move_to_end(version)
            while len(self._rows) > self.size:
                self._rows.popitem(last=False)


_caches: weakref.WeakKeyDictionary[Engine, RowCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def cache_of(engine: Engine) -> RowCache:
    with _caches_lock:
        found = _caches.get(engine)
        if found is None:
            found = _caches[engine] = RowCache()
        return found


def encoded(conn: Connection, table: str, versions: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The JSON of the rows of `table` at these (key, seq) versions, in their order: from the
    cache, the others read by key in the caller's transaction (which shows each at `seq`).
    The rows are shared with other pages: never to be changed."""
    wanted = [(table, key, seq) for key, seq in versions]
    rows = cache_of(conn.engine).get_many(wanted)
    missing = [key for (_, key, seq) in wanted if (table, key, seq) not in rows]
    if missing:
        read: dict[Version, dict[str, Any]] = {}
        key_name, encode = PRIMARY_KEYS[table], sent_row(table)
        for chunk in chunked(missing, IN_LIST):
            for row in conn.execute(_rows_by_key(table), {"keys": chunk}):
                read[(table, row._mapping[key_name], row.seq)] = encode(row)
        cache_of(conn.engine).put_many(read)
        rows.update(read)
    return [rows[version] for version in wanted]


def prepare(conn: Connection, table: str) -> None:
    """Build this table's statement and encoder once, ahead of the first pull (see
    `replication.prepare_pull`): a query by a key no row has."""
    conn.execute(_rows_by_key(table), {"keys": [""]}).all()
    sent_row(table)


@cache
def sent_row(table: str) -> Callable[[Any], dict[str, Any]]:
    """A row of `select(*sent_columns(table))` as the JSON a page carries."""
    return row_encoder(RECORD_TABLES[table], [c.name for c in RECORDS[table].c])


@cache
def _rows_by_key(table: str) -> Any:
    """The rows of `table` among :keys, as sent (built once: a select of every column, masks
    included, takes longer to build than to run)."""
    key = RECORDS[table].c[PRIMARY_KEYS[table]]
    return select(*sent_columns(table)).where(key.in_(bindparam("keys", expanding=True)))
