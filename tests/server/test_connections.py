"""The server's pooled PostgreSQL connections (`sync.server.db.make_engine`): one that died while
idle (a database restart, an administrator's kill) is replaced before a request uses it, and one
in use a moment ago is not tried first (a round trip more for every request)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from sync.server import db as server_db


def _backend_pid(engine) -> int:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_connection_that_died_while_idle_is_replaced_before_use(
    backend: str, database_url: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(server_db, "PING_AFTER_IDLE_SECONDS", 0.0)
    engine = server_db.make_engine(database_url, pool_size=1, max_overflow=0)
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    try:
        first = _backend_pid(engine)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_terminate_backend({first})")
        assert _backend_pid(engine) != first  # no error: a new connection was opened
    finally:
        engine.dispose()
        admin.dispose()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_connection_in_use_a_moment_ago_is_not_tried_first(
    backend: str, database_url: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(server_db, "PING_AFTER_IDLE_SECONDS", 60.0)
    engine = server_db.make_engine(database_url, pool_size=1, max_overflow=0)
    pings = []
    ping = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda c: pings.append(c) or ping(c))
    try:
        assert _backend_pid(engine) == _backend_pid(engine)
        assert pings == []
        monkeypatch.setattr(server_db, "PING_AFTER_IDLE_SECONDS", 0.0)
        _backend_pid(engine)
        assert len(pings) == 1
    finally:
        engine.dispose()
