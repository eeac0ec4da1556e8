"""Installing a server snapshot (the first download, or a re-download) into the local replica.

The file is checked first (SQLite's integrity check, the protocol version and row counts against
its header), then installed in ONE writer transaction of the local database: every record
table's rows replaced by the snapshot's (`INSERT INTO main.t SELECT ... FROM snapshot.t` over an
ATTACHed file, which works where renaming a database under open connections does not: Windows),
the cursor set, acknowledged operations the snapshot already reflects dropped, and the pending
ones replayed on top, as after any pull (`replica.rebase`). A crash before the commit leaves the
old rows and the old cursor.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, delete, insert, literal, select

from sync.client.store import replica, request_search
from sync.client.store.tables import RECORDS, outbox
from sync.core import protocol
from sync.core.operations import Reference
from sync.core.records import RECORD_TABLES, field_names

log = logging.getLogger(__name__)

SCHEMA = "snapshot"  # the name the file is ATTACHed under


class SnapshotError(Exception):
    """The downloaded snapshot cannot be used; nothing local was changed."""

    user_message = "下载的数据不完整或已损坏，本机数据没有改动；请稍后再同步"


@dataclass(frozen=True)
class SnapshotInfo:
    cursor: int
    counts: dict[str, int]  # rows per record table, as the header states and the file holds
    columns: dict[str, set[str]]  # per record table, the columns the file has

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def check(path: Path) -> SnapshotInfo:
    """Open the file read-only and check it through; SnapshotError saying what is wrong."""
    if not path.is_file():
        raise SnapshotError(f"no snapshot at {path}")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise SnapshotError(f"cannot open the snapshot: {error}") from error
    try:
        verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if verdict != ["ok"]:
            raise SnapshotError(f"integrity check: {'; '.join(verdict)[:300]}")
        header = dict(db.execute(f"SELECT key, value FROM {protocol.SNAPSHOT_META_TABLE}"))
        version = int(header["protocol"])
        if not protocol.PROTOCOL_MIN <= version <= protocol.PROTOCOL_MAX:
            raise SnapshotError(f"snapshot of protocol {version}")
        cursor = int(header["cursor"])
        counts: dict[str, int] = {}
        columns: dict[str, set[str]] = {}
        for table in RECORD_TABLES:
            expected = int(header[f"rows.{table}"])
            found = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if found != expected:
                raise SnapshotError(f"{table}: {found} rows, the header says {expected}")
            counts[table] = found
            columns[table] = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}
    except (sqlite3.Error, KeyError, ValueError, TypeError) as error:
        # not a database, truncated, no header, a table or a header key missing
        raise SnapshotError(f"unreadable snapshot: {error!r}") from error
    finally:
        db.close()
    if cursor < 0:
        raise SnapshotError(f"snapshot cursor {cursor}")
    return SnapshotInfo(cursor=cursor, counts=counts, columns=columns)


def _copy_statement(table: str, present: set[str]) -> Any:
    """INSERT INTO main.table SELECT ... FROM snapshot.table; a field the file lacks (an older
    server) takes the record's default, as in a pulled page."""
    names = field_names(RECORD_TABLES[table])
    source = Table(table, MetaData(), *(Column(n) for n in present), schema=SCHEMA)
    target = RECORDS[table]
    defaults = {f.name: f.default for f in dataclasses.fields(RECORD_TABLES[table])}
    values = []
    for name in names:
        if name in present:
            values.append(source.c[name])
        elif defaults[name] is dataclasses.MISSING:
            raise SnapshotError(f"{table}.{name} is missing from the snapshot")
        else:
            values.append(literal(defaults[name], target.c[name].type))
    return insert(target).from_select(list(names), select(*values))


def install(conn: Connection, reference: Reference, info: SnapshotInfo) -> None:
    """Replace the record tables' rows by the ATTACHed snapshot's, in the caller's transaction,
    with the outstanding operations taken back first and replayed after.

    Run with foreign keys off (`prepare`): checked row by row they cost more than the copy
    itself, so they are checked once, over everything, before the commit. The tables'
    indexes are dropped and built again after the copy, which is faster than keeping them
    up to date row by row; both are part of the transaction, so a crash undoes them too.
    So are their triggers (the 诉求 search index's): the index is built once at the end.
    """
    statements = {table: _copy_statement(table, info.columns[table]) for table in RECORD_TABLES}
    names = ", ".join(f"'{table}'" for table in RECORD_TABLES)
    indexes = conn.exec_driver_sql(
        "SELECT type, name, sql FROM main.sqlite_master "
        f"WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({names})"
    ).all()

    def change(c: Connection) -> None:
        for kind, name, _sql in indexes:
            c.exec_driver_sql(f'DROP {kind.upper()} main."{name}"')
        for table in reversed(RECORD_TABLES):  # children before the rows they refer to
            c.execute(delete(RECORDS[table]))
        for table in RECORD_TABLES:
            c.execute(statements[table])
        for _kind, _name, sql in indexes:
            c.exec_driver_sql(sql)
        request_search.rebuild(c)
        c.execute(
            delete(outbox).where(
                outbox.c.state == "acknowledged", outbox.c.server_seq <= info.cursor
            )
        )
        replica.set_meta(c, replica.CURSOR_KEY, str(info.cursor))

    replica.rebase(conn, reference, change)
    # The record tables only: a local table of another feature that refers to them is that
    # feature's business, and must not make every snapshot unusable.
    broken = [
        row
        for table in RECORD_TABLES
        for row in conn.exec_driver_sql(f'PRAGMA main.foreign_key_check("{table}")').all()
    ]
    if broken:
        table, _rowid, parent, _fk = broken[0]
        raise SnapshotError(f"{len(broken)} rows refer to missing rows, e.g. {table} → {parent}")
    log.info("installed a snapshot: %d rows, cursor %d", info.rows, info.cursor)


INSTALL_CACHE_KIB = 64 * 1024  # page cache while installing: the indexes are built in memory


@contextmanager
def prepared(conn: Connection, path: Path) -> Iterator[None]:
    """The connection ready for `install`: the file ATTACHed, foreign keys off, a larger page
    cache; all put back afterwards. Done through the driver, outside any transaction (SQLite
    refuses ATTACH inside one and ignores the foreign-key switch there), before SQLAlchemy
    begins one."""
    raw = conn.connection.driver_connection
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    if type(raw).__module__.startswith("sqlcipher3"):  # an encrypted store: the file is plain
        raw.execute(f"ATTACH DATABASE ? AS {SCHEMA} KEY ''", (str(path),))
    else:
        raw.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(path),))
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute(f"PRAGMA cache_size={-INSTALL_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size={int(cache)}")
        raw.execute("PRAGMA foreign_keys=ON")
        raw.execute(f"DETACH DATABASE {SCHEMA}")
