"""SQLAlchemy engine for the desktop's local SQLite file, plain or encrypted (`cipher`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Engine, create_engine
from sqlalchemy.pool import QueuePool

from sync.client.store.cipher import raw_key
from sync.core.sqlite import configure, writer


def make_engine(path: Path, key: str | None = None) -> Engine:
    # WAL + NORMAL survives an application crash; a power cut may lose the last commits.
    # secure_delete: an erased or redacted youth the server sends must not linger in free space.
    if key is None:
        return configure(
            create_engine(f"sqlite:///{path}"), synchronous="NORMAL", secure_delete=True
        )
    # SQLAlchemy's SQLCipher dialect sends `PRAGMA key` first on every new connection; its
    # default pool (one connection per thread) would differ from the plain file's, so the
    # same pool as plain SQLite files is asked for.
    url = URL.create("sqlite+pysqlcipher", password=raw_key(key), database=str(path))
    engine = create_engine(url, poolclass=QueuePool)
    return configure(engine, synchronous="NORMAL", secure_delete=True)


__all__ = ["make_engine", "writer"]
