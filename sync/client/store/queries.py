"""Read queries over the local replica: filtering, sorting and paging happen in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    case,
    func,
    literal,
    or_,
    select,
    true,
)

from sync.client.store.tables import activities, categories, organizations, outbox, registrations
from sync.core.records import Phase, RegistrationStatus
from sync.core.regions import code_prefix
from sync.core.schema import tag_condition  # noqa: F401  (the follower-tag filter, shared)
from sync.core.sql import escape_like, phase_condition

# Columns a list of activities can be sorted by, beyond the phase (computed below).
ACTIVITY_SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    "title": activities.c.title,
    "category": activities.c.category,
    "org": organizations.c.name,
    "region_code": activities.c.region_code,
    "starts_at": activities.c.starts_at,
    "ends_at": activities.c.ends_at,
    "capacity": activities.c.capacity,
    "featured": activities.c.featured,
    "updated_at": activities.c.updated_at,
}


@dataclass(frozen=True)
class ActivityQuery:
    """What the 活动 page asks for; every field narrows the list."""

    region_code: str | None = None  # a city or county: includes everything below it
    time_from: datetime | None = None  # activities that overlap [time_from, time_until)
    time_until: datetime | None = None
    category: str | None = None
    phase: Phase | None = None
    text: str = ""
    sort: str = "starts_at"  # a key of ACTIVITY_SORT_COLUMNS, or "phase"
    descending: bool = True


PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


def phase_expression(now: datetime) -> ColumnElement[int]:
    """The phase as its position in `Phase`, for sorting."""
    return case(
        *[
            (phase_condition(p, now, activities), literal(PHASE_ORDER.index(p)))
            for p in PHASE_ORDER
        ],
        else_=literal(len(PHASE_ORDER)),
    )


def activity_conditions(query: ActivityQuery, now: datetime) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.region_code:
        prefix = code_prefix(query.region_code)
        conditions.append(activities.c.region_code.like(f"{escape_like(prefix)}%", escape="\\"))
    if query.time_from is not None:
        conditions.append(activities.c.ends_at > query.time_from)
    if query.time_until is not None:
        conditions.append(activities.c.starts_at < query.time_until)
    if query.category:
        conditions.append(activities.c.category == query.category)
    if query.phase is not None:
        conditions.append(phase_condition(query.phase, now, activities))
    for word in query.text.split():
        pattern = f"%{escape_like(word)}%"
        conditions.append(
            or_(
                activities.c.title.like(pattern, escape="\\"),
                activities.c.location_name.like(pattern, escape="\\"),
                activities.c.description.like(pattern, escape="\\"),
                organizations.c.name.like(pattern, escape="\\"),
            )
        )
    return conditions


def activity_ids(conn: Connection, query: ActivityQuery, now: datetime) -> list[str]:
    """Ids of the matching activities in display order; rows are fetched later, a page at a time."""
    column = phase_expression(now) if query.sort == "phase" else ACTIVITY_SORT_COLUMNS[query.sort]
    order = column.desc() if query.descending else column.asc()
    tiebreak = activities.c.id.desc() if query.descending else activities.c.id.asc()
    stmt = (
        select(activities.c.id)
        .join(organizations, organizations.c.id == activities.c.org_id)
        .where(true(), *activity_conditions(query, now))
        .order_by(order, tiebreak)
    )
    return list(conn.scalars(stmt))


def activity_rows(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Display rows for the given ids: the activity, its organisation's name and seat counts."""

    def seats(status: RegistrationStatus) -> ColumnElement[int]:
        return (
            select(func.count())
            .where(
                registrations.c.activity_id == activities.c.id,
                registrations.c.status == status.value,
            )
            .scalar_subquery()
        )

    stmt = (
        select(
            activities,
            organizations.c.name.label("org_name"),
            seats(RegistrationStatus.APPROVED).label("approved_count"),
            seats(RegistrationStatus.PENDING).label("pending_count"),
        )
        .join(organizations, organizations.c.id == activities.c.org_id)
        .where(activities.c.id.in_(list(ids)))
    )
    return {row.id: dict(row._mapping) for row in conn.execute(stmt)}


def activity(conn: Connection, activity_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(activities).where(activities.c.id == activity_id)).first()
    return dict(row._mapping) if row else None


def category_list(conn: Connection, *, active_only: bool = True) -> list[dict[str, Any]]:
    stmt = select(categories).order_by(categories.c.sort_order)
    if active_only:
        stmt = stmt.where(categories.c.active.is_(True))
    return [dict(r._mapping) for r in conn.execute(stmt)]


def organization_list(conn: Connection) -> list[dict[str, Any]]:
    stmt = select(organizations).order_by(organizations.c.region_code, organizations.c.name)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def pending_operation_count(conn: Connection) -> int:
    return conn.scalar(select(func.count()).where(outbox.c.state == "pending")) or 0
