"""SQLAlchemy engine for the desktop's local SQLite file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine

from sync.core.sqlite import configure, writer


def make_engine(path: Path) -> Engine:
    # WAL + NORMAL survives an application crash; a power cut may lose the last commits.
    # secure_delete: an erased or redacted youth the server sends must not linger in free space.
    return configure(create_engine(f"sqlite:///{path}"), synchronous="NORMAL", secure_delete=True)


__all__ = ["make_engine", "writer"]
