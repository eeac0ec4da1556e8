"""Read queries of the 地图 page and the organisation page over the local replica: organisations
with their counts, upcoming activities, followers or participants per county, one organisation's
details. Functions take a connection first and are called through `Store.read(func, ...)`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, and_, func, or_, select

from sync.client.store.tables import activities, followers, organizations, registrations
from sync.core.records import ActivityStatus, RegistrationStatus

METRICS = ("followers", "participants")


def _dicts(result: CursorResult) -> list[dict[str, Any]]:
    """Rows as dicts, the quick way: thousands of markers' rows through Row._mapping took a
    third of the map's query time."""
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def _live(now: datetime):
    """Published and not yet over: what a cadre calls current or upcoming."""
    return and_(
        activities.c.status == ActivityStatus.PUBLISHED.value,
        or_(activities.c.ends_at.is_(None), activities.c.ends_at >= now),
    )


def map_organizations(conn: Connection, now: datetime) -> list[dict[str, Any]]:
    """Every organisation with coordinates, its follower count and its current activities.

    Counted by two GROUP BYs, not per-organisation subqueries: SQLite's planner, without
    statistics, walks the status index for each organisation (6.5 s for 2,000 against 40 ms)."""
    follower_counts = dict(
        conn.execute(select(followers.c.org_id, func.count()).group_by(followers.c.org_id)).all()
    )
    current_counts = dict(
        conn.execute(
            select(activities.c.org_id, func.count())
            .where(_live(now))
            .group_by(activities.c.org_id)
        ).all()
    )
    stmt = (
        select(
            organizations.c.id,
            organizations.c.name,
            organizations.c.level,
            organizations.c.lon,
            organizations.c.lat,
        )
        .where(organizations.c.lon.is_not(None), organizations.c.lat.is_not(None))
        .order_by(organizations.c.name)
    )
    rows = _dicts(conn.execute(stmt))
    for r in rows:
        r.update(
            followers=follower_counts.get(r["id"], 0),
            current_activities=current_counts.get(r["id"], 0),
        )
    return rows


def map_activities(
    conn: Connection,
    now: datetime,
    *,
    category: str | None = None,
    until: datetime | None = None,
) -> list[dict[str, Any]]:
    """Published activities with coordinates that are not over, starting before `until`."""
    stmt = (
        select(
            activities.c.id,
            activities.c.title,
            activities.c.category,
            activities.c.location_name,
            activities.c.starts_at,
            activities.c.lon,
            activities.c.lat,
            organizations.c.name.label("org_name"),
        )
        .join(organizations, organizations.c.id == activities.c.org_id)
        .where(_live(now), activities.c.lon.is_not(None), activities.c.lat.is_not(None))
        .order_by(activities.c.starts_at)
    )
    if category:
        stmt = stmt.where(activities.c.category == category)
    if until is not None:
        stmt = stmt.where(activities.c.starts_at < until)
    return _dicts(conn.execute(stmt))


def county_counts(
    conn: Connection, metric: str, since: datetime | None, now: datetime
) -> dict[str, int]:
    """Per region code: new followers of the organisations there (`followers`), or approved
    registrations of the activities held there that started (`participants`), since `since`
    (None = ever). Codes coarser than a county stay in the answer; the map shows counties."""
    if metric == "followers":
        code = organizations.c.region_code
        stmt = select(code, func.count()).join_from(
            followers, organizations, organizations.c.id == followers.c.org_id
        )
        if since is not None:
            stmt = stmt.where(followers.c.followed_at >= since)
    elif metric == "participants":
        code = activities.c.region_code
        stmt = (
            select(code, func.count())
            .join_from(registrations, activities, activities.c.id == registrations.c.activity_id)
            .where(
                registrations.c.status == RegistrationStatus.APPROVED.value,
                activities.c.starts_at <= now,
            )
        )
        if since is not None:
            stmt = stmt.where(activities.c.starts_at >= since)
    else:
        raise ValueError(f"unknown metric {metric!r}; one of {METRICS}")
    return {row[0]: row[1] for row in conn.execute(stmt.group_by(code))}


def town_records(
    conn: Connection, metric: str, since: datetime | None, now: datetime
) -> list[dict[str, Any]]:
    """What the towns of the choropleth are made of: every organisation (`followers`: with its
    new followers since `since`) or every activity that started (`participants`: with its
    approved registrations), with its county, the words that may name its town (an
    organisation's address; an activity's venue, then its organisation's address) and its
    coordinates (None when not placed)."""
    if metric == "followers":
        counted = select(followers.c.org_id, func.count().label("n")).group_by(followers.c.org_id)
        if since is not None:
            counted = counted.where(followers.c.followed_at >= since)
        counted = counted.subquery()
        o = organizations.c
        stmt = select(
            o.region_code,
            o.address.label("place"),
            o.address.label("org_place"),
            o.lon,
            o.lat,
            func.coalesce(counted.c.n, 0).label("n"),
        ).join_from(organizations, counted, counted.c.org_id == o.id, isouter=True)
    elif metric == "participants":
        counted = (
            select(registrations.c.activity_id, func.count().label("n"))
            .where(registrations.c.status == RegistrationStatus.APPROVED.value)
            .group_by(registrations.c.activity_id)
            .subquery()
        )
        a = activities.c
        stmt = (
            select(
                a.region_code,
                a.location_name.label("place"),
                organizations.c.address.label("org_place"),
                a.lon,
                a.lat,
                func.coalesce(counted.c.n, 0).label("n"),
            )
            .join_from(activities, organizations, organizations.c.id == a.org_id)
            .join(counted, counted.c.activity_id == a.id, isouter=True)
            .where(a.starts_at <= now)  # as county_counts counts them
        )
        if since is not None:
            stmt = stmt.where(a.starts_at >= since)
    else:
        raise ValueError(f"unknown metric {metric!r}; one of {METRICS}")
    return _dicts(conn.execute(stmt))


def organization_detail(conn: Connection, org_id: str, now: datetime) -> dict[str, Any] | None:
    """One organisation with its parent, its direct subordinates, its activities (current and
    upcoming first, then past) and its follower count."""
    row = conn.execute(select(organizations).where(organizations.c.id == org_id)).first()
    if row is None:
        return None
    org = dict(row._mapping)
    parent = None
    if org["parent_id"]:
        parent = conn.execute(
            select(organizations.c.id, organizations.c.name).where(
                organizations.c.id == org["parent_id"]
            )
        ).first()
    children = conn.execute(
        select(organizations.c.id, organizations.c.name, organizations.c.level)
        .where(organizations.c.parent_id == org_id)
        .order_by(organizations.c.name)
    )
    acts = conn.execute(
        select(
            activities.c.id,
            activities.c.title,
            activities.c.status,
            activities.c.starts_at,
            activities.c.ends_at,
        )
        .where(
            activities.c.org_id == org_id,
            activities.c.status != ActivityStatus.DRAFT.value,  # not public yet
        )
        .order_by(activities.c.starts_at.desc())
    )
    current, past = [], []
    for a in acts:
        over = a.status != ActivityStatus.PUBLISHED.value or (
            a.ends_at is not None and a.ends_at < now
        )
        (past if over else current).append(dict(a._mapping))
    current.reverse()  # soonest first
    org.update(
        parent=dict(parent._mapping) if parent else None,
        children=[dict(c._mapping) for c in children],
        current_activities=current,
        past_activities=past,
        followers=conn.scalar(select(func.count()).where(followers.c.org_id == org_id)) or 0,
    )
    return org
