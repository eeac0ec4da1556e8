"""SQLite as both ends use it: WAL, foreign keys, and real transactions begun by SQLAlchemy,
with writers taking the write lock at BEGIN."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

WRITER_OPTION = "sqlite_writer"


def configure(
    engine: Engine,
    *,
    synchronous: str = "NORMAL",
    busy_timeout_ms: int = 5000,
    secure_delete: bool = False,
) -> Engine:
    """Install the connection settings on a SQLite engine; returns it."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the driver, decides when transactions begin (SQLAlchemy's pysqlite
        # recipe), so a whole operation and what it records commit or roll back together.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        if secure_delete:  # overwritten or deleted personal data zeroed, not left in free space
            cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front: a deferred transaction that reads first and writes
        # later fails at once when another writer got in. Readers stay deferred, beside them.
        immediate = conn.get_execution_options().get(WRITER_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning its transactions with BEGIN IMMEDIATE."""
    return engine.execution_options(**{WRITER_OPTION: True})
