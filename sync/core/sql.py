"""SQL conditions that the device's queries and the server's build alike (SQLAlchemy Core, no
tables of their own: each end passes its table, whose columns are derived from the same records)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_

from sync.core.records import ActivityStatus, Phase
from sync.core.rules import PHASE_AFTER_LAST_BOUNDARY, PUBLISHED_PHASE_BOUNDARIES, STATUS_PHASES


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
