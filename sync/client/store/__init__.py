"""The local replica: SQLite through SQLAlchemy, migrations, queries and the outbox."""

from sync.client.store.queries import ActivityQuery
from sync.client.store.store import Store

DATABASE_NAME = "workbench.sqlite"  # in each profile folder

__all__ = ["DATABASE_NAME", "ActivityQuery", "Store"]
