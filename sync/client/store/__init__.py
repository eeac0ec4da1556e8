"""The local replica: SQLite through SQLAlchemy, migrations, queries and the outbox.

`Store` and `ActivityQuery` are imported when first named (PEP 562), not with the package: a
start reads the kept first screen through `cipher` (`sync.client.store.first_screen`) before
SQLAlchemy is imported at all."""

from typing import TYPE_CHECKING

from sync.core.paths import DATABASE_NAME

if TYPE_CHECKING:
    from sync.client.store.queries import ActivityQuery
    from sync.client.store.store import Store

__all__ = ["DATABASE_NAME", "ActivityQuery", "Store"]


def __getattr__(name: str):
    if name == "Store":
        from sync.client.store.store import Store

        return Store
    if name == "ActivityQuery":
        from sync.client.store.queries import ActivityQuery

        return ActivityQuery
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
