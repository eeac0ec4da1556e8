"""The server's database: engines for SQLite (the embedded default) and PostgreSQL,
transactions for readers and writers, the change sequence, and schema migrations."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import (
    URL,
    BigInteger,
    Connection,
    Engine,
    bindparam,
    create_engine,
    event,
    insert,
    make_url,
    select,
    update,
)
from sqlalchemy.exc import DisconnectionError

from sync.core.sqlite import configure, writer
from sync.server.config import InputError
from sync.server.tables import change_counter

log = logging.getLogger(__name__)

try:  # the server runs on Linux; elsewhere (a developer's Windows) threads still serialise
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Only a writer outside `Database.write` (sqlite3 by hand, another program) still meets SQLite's
# own lock: every writer of the server waits in `WriterLock` first, which is bounded and fair
# enough, instead of in SQLite's busy handler, which sleeps blindly and then fails with
# "database is locked" (measured under 200 devices: 500s).
SQLITE_BUSY_TIMEOUT_MS = 30_000
# How long a request waits for the writer lock before it is answered 503 + Retry-After. Long
# enough that a queue of pushes (each 40 ms to a few 100 ms on a loaded 2-core machine, most of
# it the commit's fsync) drains in its place (a 503 sends the device to the back of the queue),
# short enough that it hears "busy, retry" well before its own read timeout (60 s).
WRITER_LOCK_WAIT_SECONDS = float(os.environ.get("SUQING_WRITER_LOCK_WAIT_SECONDS", "") or 30)
RETRY_AFTER_SECONDS = 1


class ServerBusy(Exception):
    """A request cannot be served now (writer lock not had in time, no database connection
    free, too many requests in flight); answered 503 with Retry-After, never 500."""

    def __init__(self, reason: str, retry_after: int = RETRY_AFTER_SECONDS):
        super().__init__(reason)
        self.retry_after = retry_after


class WriterLock:
    """One SQLite writer at a time across the threads of this process, the processes of
    `serve --workers N` and the command line: an exclusive `flock` on a file beside the
    database, taken on a descriptor of its own per transaction (flock locks belong to the open
    file, so two threads of one process exclude each other too). Waits at most `timeout`
    seconds, then raises `ServerBusy`; the kernel drops the lock of a process that dies.

    The wait is a blocking flock in a helper thread, not polling: every waiter of every process
    is woken when the lock is freed, so no process starves (with a per-process thread lock in
    front and polling, the process that had the lock kept handing it to its own next thread:
    measured, its sibling's pushes waited out the whole bound). A waiter that gave up leaves its
    helper to take and at once free the lock later. Readers never take it: WAL lets them read
    beside the one writer.
    """

    def __init__(self, path: Path, timeout: float = WRITER_LOCK_WAIT_SECONDS):
        self.path = path
        self.timeout = timeout

    @contextmanager
    def hold(self, timeout: float | None = None) -> Iterator[None]:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is None:  # pragma: no cover - only SQLite's own busy handler then
            try:
                yield
            finally:
                os.close(fd)
            return
        # On ServerBusy the helper thread owns (and closes) the descriptor.
        self._lock(fd, self.timeout if timeout is None else timeout)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @staticmethod
    def _lock(fd: int, timeout: float) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        state = {"given_up": False, "got": False}
        guard = threading.Lock()
        got = threading.Event()

        def wait() -> None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # releases the GIL while it blocks
            with guard:
                if state["given_up"]:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    os.close(fd)
                    return
                state["got"] = True
            got.set()

        threading.Thread(target=wait, name="writer-lock-wait", daemon=True).start()
        if got.wait(timeout):
            return
        with guard:
            if state["got"]:  # had it just as the wait ended
                return
            state["given_up"] = True
        raise ServerBusy(f"writer lock not had in {timeout:g} s")


def writer_lock_path(url: str | URL) -> Path:
    """The lock file the writers of this SQLite database agree on."""
    database = Path(normalise_url(url).database).expanduser().resolve()
    return database.with_name(database.name + ".writer-lock")


class DatabaseUrlError(InputError):
    """A database URL the server cannot use."""


# A pooled PostgreSQL connection is tried before use only when it has been idle this long: a
# database restarted meanwhile then costs no request a failure. SQLAlchemy's pool_pre_ping
# tried every one, a round trip more for each request (an empty pull has five), where a busy
# server reuses its connections within milliseconds.
PING_AFTER_IDLE_SECONDS = 1.0


def _ping_after_idle(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _idle_from(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return  # new, or in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            # the pool drops this connection and checks out (or opens) another
            raise DisconnectionError(f"idle connection lost: {error}") from error


def normalise_url(url: str | URL) -> URL:
    """PostgreSQL through psycopg 3 whatever driver the URL names; SQLite only as a file."""
    try:
        parsed = make_url(url)
    except Exception as error:  # sqlalchemy.exc.ArgumentError: not a URL at all
        raise DatabaseUrlError(f"数据库地址格式不对（not a database URL）：{url}") from error
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise DatabaseUrlError(
                "服务器需要一个 SQLite 文件（a file, e.g. sqlite:////srv/suqing.sqlite）"
            )
        return parsed.set(drivername="sqlite")
    raise DatabaseUrlError(f"不支持的数据库 {backend!r}（use postgresql:// or sqlite:///）")


def make_engine(url: str | URL, *, pool_size: int = 10, max_overflow: int = 20) -> Engine:
    url = normalise_url(url)
    if url.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_size=pool_size, max_overflow=max_overflow)
        _ping_after_idle(engine)
        return engine
    Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_size=pool_size, max_overflow=max_overflow)
    # FULL, unlike the desktop's NORMAL: a device forgets an op once the server said it was
    # applied, so an acknowledged commit must survive a power cut of the server.
    return configure(engine, synchronous="FULL", busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)


@dataclass(frozen=True)
class Database:
    """One engine and the two kinds of transaction the server runs on it."""

    engine: Engine

    @classmethod
    def connect(cls, url: str | URL, *, pool_size: int = 10, max_overflow: int = 20) -> Database:
        return cls(make_engine(url, pool_size=pool_size, max_overflow=max_overflow))

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction on one snapshot: every query in it sees the same commits.

        PostgreSQL's default READ COMMITTED takes a new snapshot per statement, so a pull that
        read rows and then the counter could hand out a cursor past rows it never saw; hence
        REPEATABLE READ (cheap for a read-only transaction). SQLite's WAL readers already see
        one snapshot from their first read on.
        """
        with self._reader.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A read-write transaction, committed when the block ends, rolled back on an error.

        On SQLite it first takes the server's `WriterLock` (503 `ServerBusy` when not had in
        time), then the database's write lock at BEGIN, which is then free; on PostgreSQL it
        runs at READ COMMITTED and serialises with other writers only where it takes `next_seq`.
        """
        if self.writer_lock is None:
            with self._writer.begin() as conn:
                yield conn
            return
        with self.writer_lock.hold(), self._writer.begin() as conn:
            yield conn

    @cached_property
    def writer_lock(self) -> WriterLock | None:
        """SQLite only: the server's own writer serialisation (see `WriterLock`); None on
        PostgreSQL, whose writers run side by side and meet only at the change counter's row
        lock."""
        if self.backend != "sqlite":
            return None
        return WriterLock(writer_lock_path(self.engine.url))

    @cached_property
    def _reader(self) -> Engine:
        if self.backend == "postgresql":
            return self.engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        return self.engine

    @cached_property
    def _writer(self) -> Engine:
        return writer(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


# --- the change sequence ----------------------------------------------------------------------
#
# Every write to a replicated row stamps it with a sequence number from `change_counter`; a pull
# returns the rows with seq > the client's cursor. For that to be safe, sequence order must be
# commit order: if a transaction holding seq 41 committed after one holding seq 42, a client
# that pulled in between would save cursor 42 and never see 41 (PouchDB #1240). An identity
# column or a PostgreSQL SEQUENCE hands out numbers outside the transaction and has exactly
# that hole. Taking the number with `UPDATE change_counter SET value = value + 1 RETURNING`
# row-locks the counter until the writer commits or rolls back: the next writer waits at this
# UPDATE, then reads the committed value. So seq N+1 is handed out only after seq N committed,
# a reader that sees seq N+1 sees everything up to N, and a rollback returns its number (no
# gaps). The price: writers serialise from their `next_seq` to their commit, so take it late in
# the transaction (after reading and checking, just before writing). SQLite serialises writers
# anyway (one write lock from BEGIN IMMEDIATE), so the same code holds there.


_RESERVE = (
    update(change_counter)
    .where(change_counter.c.id == 1)
    .values(value=change_counter.c.value + bindparam("count", type_=BigInteger))
    .returning(change_counter.c.value)
)


def reserve_seqs(conn: Connection, count: int) -> range:
    """`count` consecutive change sequences for this transaction (bulk writes: one per row)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    last = conn.execute(_RESERVE, {"count": count}).scalar_one()
    return range(last - count + 1, last + 1)


def next_seq(conn: Connection) -> int:
    """The next change sequence; the counter stays locked until this transaction ends."""
    return reserve_seqs(conn, 1).start


def current_seq(conn: Connection) -> int:
    """The last sequence committed as of this transaction's snapshot: a pull's cursor when it
    has nothing newer to send (read it in the same `Database.read()` transaction as the rows)."""
    return conn.execute(select(change_counter.c.value).where(change_counter.c.id == 1)).scalar_one()


# --- the tombstone horizon ------------------------------------------------------------------------
#
# `python -m sync.server purge-tombstones` deletes tombstones older than the retention for good
# (`sync.server.retention`). A device whose cursor lies before the last sequence purged could
# then miss a deletion, so that sequence, the horizon, is kept in row id = 2 of `change_counter`
# (no schema change: the table is a tiny key/value store of sequences; the row is inserted the
# first time a purge records a horizon, and its absence means 0). A pull after a cursor below it
# is answered 410 `cursor_too_old` and the device downloads a snapshot instead.

HORIZON_ID = 2


def tombstone_horizon(conn: Connection) -> int:
    """The last change sequence whose tombstones may have been purged; 0 when none were."""
    value = conn.execute(
        select(change_counter.c.value).where(change_counter.c.id == HORIZON_ID)
    ).scalar()
    return int(value or 0)


_SEQUENCES = select(change_counter.c.id, change_counter.c.value).where(
    change_counter.c.id.in_((1, HORIZON_ID))
)


def sequences(conn: Connection) -> tuple[int, int]:
    """(`current_seq`, `tombstone_horizon`) with one query: what a pull asks first, every
    device every few minutes (on PostgreSQL one round trip fewer than asking each)."""
    values = dict(conn.execute(_SEQUENCES).all())
    return int(values[1]), int(values.get(HORIZON_ID) or 0)


def raise_tombstone_horizon(conn: Connection, seq: int) -> int:
    """Move the horizon up to `seq` (never down); the horizon now in force."""
    current = tombstone_horizon(conn)
    if seq <= current:
        return current
    done = conn.execute(
        update(change_counter).where(change_counter.c.id == HORIZON_ID).values(value=seq)
    )
    if done.rowcount == 0:
        conn.execute(insert(change_counter).values(id=HORIZON_ID, value=seq))
    return seq


# After a backup is restored, devices may hold cursors beyond the restored counter: they pulled
# changes the restore took back, and a pull after such a cursor would skip the changes the
# server now numbers anew. Moving the counter past any number the lost changes can have had and
# the horizon up to it sends every device to download afresh, its unsynced work kept
# (`python -m sync.server after-restore`). Sequences only need to grow, so the gap costs nothing.
RESTORE_GAP = 10**12


def forget_device_cursors(db: Database) -> int:
    """Make every cursor handed out so far `cursor_too_old`; the new horizon."""
    with db.write() as conn:
        last = reserve_seqs(conn, RESTORE_GAP).stop - 1
        return raise_tombstone_horizon(conn, last)


# --- schema migrations ------------------------------------------------------------------------


def alembic_config(connection: Connection | None = None) -> Any:
    """Alembic's configuration, built in code: works from any folder and in an installed
    package. `connection`, when given, is the one the migrations run on (and commit with)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def schema_revision(conn: Connection) -> str | None:
    """The revision the database is at; None for a database that was never initialised."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database) -> tuple[str | None, str]:
    """Bring the schema to the latest revision in one transaction; (before, after)."""
    from alembic import command

    with db.write() as conn:
        before = schema_revision(conn)
        command.upgrade(alembic_config(conn), "head")
        after = schema_revision(conn)
    if before != after:
        log.info("database schema upgraded from %s to %s", before, after)
    assert after is not None
    return before, after
