"""Alembic environment of the server's schema.

`python -m sync.server init-db` passes its own connection (`config.attributes["connection"]`)
and commits the migration with it. Run by hand (`alembic -c sync/server/alembic.ini ...`, to draft
a new revision against a scratch database), the URL comes from SUQING_DATABASE_URL. Revisions
are written out by hand and frozen; autogenerate only drafts them.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from sync.server.config import Settings
from sync.server.db import make_engine
from sync.server.tables import metadata

config = context.config
target_metadata = metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    if config.config_file_name is not None:
        fileConfig(config.config_file_name)
    engine = make_engine(Settings.from_env().database_url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
