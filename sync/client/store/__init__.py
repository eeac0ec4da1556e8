"""The local replica: SQLite through SQLAlchemy, migrations, queries and the outbox."""

from sync.client.store.queries import ActivityQuery
from sync.client.store.store import Store
from sync.core.paths import DATABASE_NAME

__all__ = ["DATABASE_NAME", "ActivityQuery", "Store"]
