"""SQL conditions that the device's queries and the server's build alike (SQLAlchemy Core, no
tables of their own: each end passes its table, whose columns are derived from the same records)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, or_

from sync.core.records import ActivityStatus, Phase
from sync.core.rules import PHASE_AFTER_LAST_BOUNDARY, PUBLISHED_PHASE_BOUNDARIES, STATUS_PHASES

# Ids per IN (...) list, on both ends: well under SQLite's limit of bound parameters (999 in
# the oldest builds a laptop may have), and a few round trips for a bulk action's thousands.
IN_LIST = 500


def escape_like(text: str) -> str:
    """`text` as a literal inside a LIKE pattern with `escape="\\"` (both SQLite and
    PostgreSQL otherwise read % and _ in a user's search as wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def phase_condition(phase: Phase, now: datetime, table: Any) -> ColumnElement[bool]:
    """SQL twin of `sync.core.rules.phase`, built from the same boundary table; `table` is an
    activities table (the device's or the server's: same columns)."""
    for status, status_phase in STATUS_PHASES.items():
        if phase is status_phase:
            return table.c.status == status.value

    def passed(column_name: str) -> ColumnElement[bool]:
        column = table.c[column_name]
        return or_(column.is_(None), column <= now)

    published = table.c.status == ActivityStatus.PUBLISHED.value
    earlier: list[ColumnElement[bool]] = []
    for column_name, before in PUBLISHED_PHASE_BOUNDARIES:
        if phase is before:
            column = table.c[column_name]
            return and_(published, *earlier, column.is_not(None), column > now)
        earlier.append(passed(column_name))
    if phase is PHASE_AFTER_LAST_BOUNDARY:
        return and_(published, *earlier)
    return false()


def execute_many(conn: Connection, statement: Any, rows: list[dict[str, Any]]) -> None:
    """`conn.execute(statement, rows)` for a statement whose parameters are all named
    `bindparam`s given in every row (no literal values inside it): compiled once per dialect,
    each value converted by its column type's processor, and the rows handed to the driver's
    executemany (SQLAlchemy's events still see the statement). SQLAlchemy's own per-row
    parameter handling costs about 25 µs a row: half of writing a push's answers to the log."""
    if not rows:
        return
    sql, named, pairs = _many(statement, conn.dialect)
    if named:  # psycopg: %(name)s
        params: list[Any] = [{n: (p(row[n]) if p else row[n]) for n, p in pairs} for row in rows]
    else:  # sqlite3: ?, in the statement's order
        params = [tuple(p(row[n]) if p else row[n] for n, p in pairs) for row in rows]
    conn.exec_driver_sql(sql, params)


_MANY: dict[tuple[int, str], tuple[str, bool, list[tuple[str, Any]]]] = {}


def _many(statement: Any, dialect: Any) -> tuple[str, bool, list[tuple[str, Any]]]:
    """(SQL, whether its parameters are named, (name, type processor or None) in the order
    the SQL takes them) of a statement for a dialect, made once per module-level statement."""
    key = (id(statement), dialect.name)
    made = _MANY.get(key)
    if made is None:
        compiled = statement.compile(dialect=dialect)
        binds = compiled.binds
        if any(not bind.required for bind in binds.values()):
            raise ValueError("execute_many: every parameter must be a named bindparam")
        order = list(compiled.positiontup) if compiled.positional else list(binds)
        pairs = [(n, binds[n].type.bind_processor(dialect)) for n in order]
        made = _MANY[key] = (compiled.string, not compiled.positional, pairs)
    return made
