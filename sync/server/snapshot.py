"""The first download: the caller's whole scope as one SQLite file, built fast and sent compressed.

A JSON page costs encoding, decoding and one upsert per row at both ends; a county's 600,000 rows
take most of a minute that way. A snapshot is the same rows written once into a fresh SQLite
file, which the device checks and installs with one INSERT ... SELECT per table.

The file holds one table per record (named and ordered as `sync.core.schema.record_tables` derives
them, so a record added later travels with no change here), columns exactly as the local replica
stores them, and `protocol.SNAPSHOT_META_TABLE` with the cursor, the protocol and row counts. The
cursor is read in the same read transaction as the rows, so a pull after it misses nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import sqlite3
import tempfile
import threading
import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Integer,
    MetaData,
    Select,
    TypeDecorator,
    cast,
    func,
    select,
)
from sqlalchemy.dialects import sqlite as sqlite_dialect
from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from sync.core import protocol
from sync.core.records import RECORD_TABLES, field_names
from sync.core.schema import record_tables
from sync.server import compression
from sync.server.config import now as clock_now
from sync.server.db import Database, current_seq
from sync.server.privacy import sent_column
from sync.server.replication import PULLED, REFERENCES, scoped_select
from sync.server.tables import RECORDS

log = logging.getLogger(__name__)

FETCH_ROWS = 20_000  # rows per fetch from the server database and per executemany
ID_CHUNK = 5_000  # ids per query for the rows that scoped rows refer to
CHUNK_BYTES = 1 << 20  # read size when streaming the file
# For clients without zstd. County snapshot, 70 MB: level 1 gives 27.5 MB in 1.2 s; level 6,
# 24.4 MB in 3.6 s.
GZIP_LEVEL = 1

# The tables as the device stores them (no replication columns); their types decide how a
# PostgreSQL value is written so it reads back exactly as the desktop's SQLAlchemy wrote it.
_DEVICE_TABLES = record_tables(MetaData())
_SQLITE = sqlite_dialect.dialect()


@dataclass(frozen=True)
class Snapshot:
    path: Path
    cursor: int
    counts: dict[str, int]
    size: int  # bytes, uncompressed


def _columns(table: str, *, as_stored: bool) -> list[Any]:
    """The record's fields of a server table. With `as_stored` (PostgreSQL), times, dates and
    booleans are converted by the database into the text and integers the device's SQLite
    stores (SQLAlchemy's formats), which costs nothing there and saves a Python call per value
    here (half the build time of a county)."""
    t = RECORDS[table]
    columns: list[Any] = []
    for name in field_names(RECORD_TABLES[table]):
        column = t.c[name]
        kind = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
        if as_stored and isinstance(kind, DateTime):
            column = func.to_char(column, "YYYY-MM-DD HH24:MI:SS.US").label(name)
        elif as_stored and isinstance(kind, Date):
            column = func.to_char(column, "YYYY-MM-DD").label(name)
        elif as_stored and isinstance(kind, Boolean):
            column = cast(column, Integer).label(name)
        columns.append(sent_column(table, name, column))
    return columns


def _scoped_selects(
    scope_path: str, ancestors: list[str], *, as_stored: bool = False
) -> dict[str, Select[Any]]:
    """Per table a pull sends, its live rows in scope: the record's fields only."""
    selects: dict[str, Select[Any]] = {}
    for table in PULLED:
        t = RECORDS[table]
        columns = _columns(table, as_stored=as_stored)
        stmt = scoped_select(table, scope_path, ancestors)
        selects[table] = stmt.with_only_columns(*columns).where(t.c.deleted.is_(False))
    return selects


def _referenced_selects(
    table: str, ids: set[str], *, as_stored: bool = False
) -> Iterator[Select[Any]]:
    """The live rows of a table a pull never sends on its own (youths), limited to those the
    scoped rows refer to: by primary key, a chunk at a time, so the cost follows the scope."""
    t = RECORDS[table]
    columns = _columns(table, as_stored=as_stored)
    key = t.primary_key.columns.values()[0]
    ordered = sorted(ids)
    for start in range(0, len(ordered), ID_CHUNK):
        chunk = ordered[start : start + ID_CHUNK]
        yield select(*columns).where(key.in_(chunk), t.c.deleted.is_(False))


def _references() -> dict[str, list[tuple[str, str]]]:
    """Per table not pulled on its own: the (table, column) pairs that refer to it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for child, column, parent in REFERENCES:
        if parent not in PULLED and child in PULLED:
            found.setdefault(parent, []).append((child, column))
    return found


def _create_tables(out: sqlite3.Connection, schema: str = "main") -> None:
    # No keys or indexes: the file is read once, in full; the device's tables have the indexes.
    for table in _DEVICE_TABLES.values():
        columns = ", ".join(
            f'"{c.name}" {c.type.dialect_impl(_SQLITE).compile(_SQLITE)}' for c in table.columns
        )
        out.execute(f'CREATE TABLE {schema}."{table.name}" ({columns})')
    out.execute(
        f"CREATE TABLE {schema}.{protocol.SNAPSHOT_META_TABLE} "
        "(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
    )


def _write_meta(out: sqlite3.Connection, cursor: int, counts: dict[str, int], schema: str) -> None:
    meta = {
        "protocol": str(protocol.PROTOCOL_MAX),
        "cursor": str(cursor),
        "created_at": clock_now().isoformat(),
        **{f"rows.{table}": str(n) for table, n in counts.items()},
    }
    out.executemany(
        f"INSERT INTO {schema}.{protocol.SNAPSHOT_META_TABLE} VALUES (?, ?)", meta.items()
    )


def _copy(
    conn: Connection,
    stmt: Select[Any],
    table: str,
    out: sqlite3.Connection,
    collect: dict[int, set[str]] | None = None,
) -> int:
    """Stream the rows through the driver's own cursor (a server-side one on PostgreSQL): no
    SQLAlchemy row objects, no type processing (the select yields stored values, `_columns`).
    The values of the columns in `collect` (by position) are added to its sets."""
    sql = str(stmt.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    raw = conn.connection.driver_connection
    postgres = conn.dialect.name == "postgresql"
    cursor = raw.cursor(name=f"snapshot_{table}") if postgres else raw.cursor()
    insert = f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(_DEVICE_TABLES[table].c))})'
    count = 0
    try:
        if postgres:
            cursor.itersize = FETCH_ROWS
        cursor.execute(sql)
        fetched = _fetched_ahead(cursor) if postgres else _batches(cursor)
        with contextlib.closing(fetched):
            for rows in fetched:
                for i, values in (collect or {}).items():
                    values.update(row[i] for row in rows)
                out.executemany(insert, rows)
                count += len(rows)
    finally:
        cursor.close()
    return count


def _batches(cursor: Any) -> Iterator[list[Any]]:
    while rows := cursor.fetchmany(FETCH_ROWS):
        yield rows


def _fetched_ahead(cursor: Any) -> Generator[list[Any], None, None]:
    """The cursor's batches, fetched by a thread of its own a batch or two ahead: the next
    batch comes from PostgreSQL while this thread writes the last into the file (both drivers
    let go of the GIL while they wait; in turn, the two took 1.6 s and 1.1 s of a county's
    3.3 s build). Closing the generator stops the fetching."""
    ready: queue.Queue[Any] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def put(item: Any) -> None:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def fetch() -> None:
        try:
            for rows in _batches(cursor):
                if stop.is_set():
                    return
                put(rows)
            put(None)
        except BaseException as error:  # raised again in the writing thread
            put(error)

    thread = threading.Thread(target=fetch, name="snapshot-fetch", daemon=True)
    thread.start()
    try:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def _copy_scope(conn: Connection, scope_path: str, ancestors: list[str], out: sqlite3.Connection):
    """Every table's rows in scope into `out`; the row count per table, in record order."""
    references = _references()
    wanted: dict[str, set[str]] = {table: set() for table in references}
    counts: dict[str, int] = dict.fromkeys(RECORD_TABLES, 0)
    as_stored = conn.dialect.name == "postgresql"  # the only other backend (`db.normalise_url`)
    for table, stmt in _scoped_selects(scope_path, ancestors, as_stored=as_stored).items():
        names = list(field_names(RECORD_TABLES[table]))
        collect = {
            names.index(column): wanted[parent]
            for parent, pairs in references.items()
            for child, column in pairs
            if child == table
        }
        counts[table] = _copy(conn, stmt, table, out, collect)
    for table, ids in wanted.items():
        ids.discard(None)  # type: ignore[arg-type]  # a nullable reference
        for stmt in _referenced_selects(table, ids, as_stored=as_stored):
            counts[table] += _copy(conn, stmt, table, out)
    return counts


def _build_streamed(
    db: Database, path: Path, scope_path: str, ancestors: list[str]
) -> tuple[int, dict[str, int]]:
    """Any backend: rows streamed from the server's driver into the file (cursor, counts)."""
    out = sqlite3.connect(path, isolation_level=None)
    try:
        # A scratch file: a crash throws it away, so no journal and no fsync.
        out.execute("PRAGMA journal_mode=OFF")
        out.execute("PRAGMA synchronous=OFF")
        out.execute("PRAGMA cache_size=-32768")
        _create_tables(out)
        out.execute("BEGIN")
        with db.read() as conn:
            cursor = current_seq(conn)  # first: it fixes the transaction's snapshot
            counts = _copy_scope(conn, scope_path, ancestors, out)
        _write_meta(out, cursor, counts, "main")
        out.execute("COMMIT")
    finally:
        out.close()
    return cursor, counts


def _build_attached(
    db: Database, path: Path, scope_path: str, ancestors: list[str]
) -> tuple[int, dict[str, int]]:
    """A SQLite server: the file ATTACHed to a server connection and filled with INSERT ...
    SELECT, inside SQLite without a row passing through Python (several times faster).

    ATTACH is refused inside a transaction, so this runs on a pooled connection's driver
    before any transaction begins; the pool's connections are in autocommit mode (SQLAlchemy,
    not the driver, begins transactions: `sync.core.sqlite`), so BEGIN here is a plain read
    transaction on the server's database (WAL: one snapshot from its first read) that writes
    only to the attached file.
    """
    pooled = db.engine.raw_connection()
    try:
        raw = pooled.driver_connection
        raw.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(path),))
        try:
            raw.execute(f"PRAGMA {SCHEMA}.journal_mode=OFF")
            raw.execute(f"PRAGMA {SCHEMA}.synchronous=OFF")
            _create_tables(raw, SCHEMA)
            raw.execute("BEGIN")
            try:
                cursor = _copy_attached(raw, scope_path, ancestors)
                counts = {
                    table: raw.execute(f'SELECT count(*) FROM {SCHEMA}."{table}"').fetchone()[0]
                    for table in RECORD_TABLES
                }
                _write_meta(raw, cursor, counts, SCHEMA)
                raw.execute("COMMIT")
            except BaseException:
                raw.execute("ROLLBACK")
                raise
        finally:
            raw.execute(f"DETACH DATABASE {SCHEMA}")
    finally:
        pooled.close()
    return cursor, counts


SCHEMA = "snapshot"  # the name a file is ATTACHed under on a SQLite server


def _copy_attached(raw: sqlite3.Connection, scope_path: str, ancestors: list[str]) -> int:
    """Fill the attached file; the cursor, read first (it fixes the read snapshot)."""
    counter = raw.execute("SELECT value FROM main.change_counter WHERE id = 1").fetchone()[0]
    for table, stmt in _scoped_selects(scope_path, ancestors).items():
        sql = stmt.compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True})
        raw.execute(f'INSERT INTO {SCHEMA}."{table}" {sql}')
    for table, pairs in _references().items():
        t = RECORDS[table]
        columns = ", ".join(
            str(c.compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True}))
            for c in _columns(table, as_stored=False)
        )
        key = t.primary_key.columns.values()[0].name
        ids = " UNION ".join(
            f'SELECT "{column}" FROM {SCHEMA}."{child}"' for child, column in pairs
        )
        raw.execute(
            f'INSERT INTO {SCHEMA}."{table}" SELECT {columns} FROM main."{table}" '
            f'WHERE "{key}" IN ({ids}) AND deleted = 0'
        )
    return int(counter)


def build(
    db: Database, *, scope_path: str, ancestors: list[str], folder: str | None = None
) -> Snapshot:
    """Write the scope into a new temporary SQLite file; the caller deletes it (`Download`
    does, whatever happens to the request)."""
    started = time.perf_counter()
    handle, name = tempfile.mkstemp(
        prefix=FILE_PREFIX, suffix=FILE_SUFFIX, dir=folder or snapshot_folder()
    )
    os.close(handle)
    path = Path(name)
    try:
        if db.backend == "sqlite":
            cursor, counts = _build_attached(db, path, scope_path, ancestors)
        else:
            cursor, counts = _build_streamed(db, path, scope_path, ancestors)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    size = path.stat().st_size
    log.info(
        "snapshot of %s: %d rows, %.1f MB, cursor %d, in %.2f s",
        scope_path,
        sum(counts.values()),
        size / 1e6,
        cursor,
        time.perf_counter() - started,
    )
    return Snapshot(path, cursor, counts, size)


def stream(snapshot: Snapshot, *, encoding: str | None) -> Iterator[bytes]:
    """The file's bytes, compressed on the fly in `encoding` (`sync.server.compression`; None:
    as they are), so sending starts at once; the file is deleted when the stream ends or is
    abandoned."""
    try:
        packer = compression.Packer(encoding, gzip_level=GZIP_LEVEL)
        with snapshot.path.open("rb") as source:
            while chunk := source.read(CHUNK_BYTES):
                if data := packer.pack(chunk):
                    yield data
        if data := packer.finish():
            yield data
    finally:
        snapshot.path.unlink(missing_ok=True)


# --- the files' lifetime ------------------------------------------------------------------------
# A snapshot file holds a whole scope's personal data: it lives only while its request does.

FILE_PREFIX = "suqing-snapshot-"
FILE_SUFFIX = ".sqlite"
# Older files at start are left by a server that was killed while sending them. Younger ones may
# belong to another worker process of the same server, sending them right now.
STALE_AFTER_SECONDS = 3600


def snapshot_folder() -> Path:
    """The folder of snapshot files: the system's temporary folder (TMPDIR), in a folder of
    its own that only the server's user may read."""
    folder = Path(tempfile.gettempdir()) / "suqing-snapshots"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def sweep_stale(folder: Path | None = None, *, older_than: float = STALE_AFTER_SECONDS) -> int:
    """Delete snapshot files left behind (modified more than `older_than` s ago); how many."""
    folder = folder or snapshot_folder()
    limit = time.time() - older_than  # the file system's clock, not the server's business clock
    removed = 0
    for path in folder.glob(f"{FILE_PREFIX}*{FILE_SUFFIX}"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    if removed:
        log.warning("removed %d snapshot files left behind in %s", removed, folder)
    return removed


class Download(StreamingResponse):
    """The answer carrying a snapshot: its file is deleted once the answer is over, however it
    ends. (`stream`'s own cleanup runs only if sending began: a client that disconnected before
    the first byte left the whole file behind.)"""

    def __init__(self, built: Snapshot, *, encoding: str | None, headers: dict[str, str]) -> None:
        super().__init__(
            stream(built, encoding=encoding),
            media_type=protocol.SNAPSHOT_MEDIA_TYPE,
            headers=headers,
        )
        self.path = built.path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.path.unlink(missing_ok=True)
