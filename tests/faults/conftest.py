"""The server tests' fixtures (a seeded database per test, SQLite and PostgreSQL)."""

from tests.server.conftest import (  # noqa: F401
    _pg_reachable,
    _templates,
    backend,
    seeded_database,
)
