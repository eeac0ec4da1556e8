"""The local replica: SQLite through SQLAlchemy, migrations, queries and the outbox."""

from sync.store.queries import ActivityQuery
from sync.store.store import Store

__all__ = ["ActivityQuery", "Store"]
