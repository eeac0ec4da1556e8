"""Personal numbers leave the server masked: the SQL form of `sync.core.privacy.MASKED_FIELDS`,
used by every query whose rows go to a device (pull, snapshot). The whole numbers stay in the
server's tables and are sent only by a logged reveal (`sync.server.personal`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, case, func, literal

from sync.core.privacy import MASKED_FIELDS, Mask
from sync.server.tables import RECORDS

_STARS = "*" * 64  # longer than any masked column's values


def masked(column: Any, mask: Mask) -> Any:
    """`mask.apply(column)` in SQL, alike on SQLite and PostgreSQL (substr, length and || only)."""
    n = func.length(column)
    stars = literal(_STARS, String)
    hidden = func.substr(stars, 1, n - (mask.head + mask.tail), type_=String)
    whole = (
        func.substr(column, 1, mask.head, type_=String)
        .concat(hidden)
        .concat(func.substr(column, n - (mask.tail - 1), type_=String))
    )
    return case((n < mask.shortest, func.substr(stars, 1, n, type_=String)), else_=whole)


def sent_column(table: str, name: str, column: Any = None) -> Any:
    """The column `name` of `table` as a device may receive it (`column`: an expression of it to
    use instead of the plain column, e.g. a converted one)."""
    column = RECORDS[table].c[name] if column is None else column
    mask = MASKED_FIELDS.get(table, {}).get(name)
    return column if mask is None else masked(column, mask).label(name)


def sent_columns(table: str) -> list[Any]:
    """Every column of `table`, personal numbers masked, for a select whose rows leave."""
    return [sent_column(table, c.name) for c in RECORDS[table].c]
