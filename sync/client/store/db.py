"""SQLAlchemy engine for the desktop's local SQLite file, plain or encrypted (`cipher`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from sync.client.store import request_search
from sync.client.store.cipher import raw_key
from sync.core.sqlite import configure, writer


def make_engine(path: Path, key: str | None = None) -> Engine:
    # WAL + NORMAL survives an application crash; a power cut may lose the last commits.
    # secure_delete: an erased or redacted youth the server sends must not linger in free space.
    if key is None:
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _register_functions)
        return configure(engine, synchronous="NORMAL", secure_delete=True)
    # SQLAlchemy's SQLCipher dialect sends `PRAGMA key` first on every new connection; its
    # default pool (one connection per thread) would differ from the plain file's, so the
    # same pool as plain SQLite files is asked for.
    url = URL.create("sqlite+pysqlcipher", password=raw_key(key), database=str(path))
    engine = create_engine(url, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _tune(dbapi_connection: Any, _record: Any) -> None:
        # Every page read is decrypted: a larger cache keeps a county's pages decrypted once,
        # sorts stay in memory instead of encrypted temp files, and freed memory is not wiped
        # (the key is in this process's memory anyway). Measured on the county database
        # (benchmarks/bench_followers.py --encrypt): sorting 200,000 followers by name took
        # 5.2 s encrypted without these, 1.35 s with them, 1.2-1.4 s plain.
        for pragma in ENCRYPTED_PRAGMAS:
            dbapi_connection.execute(pragma)

    event.listen(engine, "connect", _register_functions)

    return configure(engine, synchronous="NORMAL", secure_delete=True)


def _register_functions(dbapi_connection: Any, _record: Any) -> None:
    """SQL functions the local schema's triggers call (the 诉求 search index)."""
    request_search.register(dbapi_connection)


ENCRYPTED_PRAGMAS = (
    "PRAGMA cipher_memory_security = OFF",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -65536",  # KiB: 64 MiB
)


__all__ = ["make_engine", "writer"]
