"""Read queries of the 报名审核 page and the Excel import/export: registrations with their youth
and activity, filtered, searched and sorted in SQL. Called through `Store.read(func, ...)`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select, true

from sync.client.store.tables import activities, registrations, youths
from sync.core.privacy import awaits_guardian_consent, phone_tail
from sync.core.records import ActivityStatus, RegistrationStatus
from sync.core.rules import ACTIVE
from sync.core.sql import escape_like

# Columns a list of registrations can be sorted by. The phone is not among them: sorting by the
# full number would leak its hidden digits through the order.
REGISTRATION_SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    "name": youths.c.name,
    "gender": youths.c.gender,
    "birth_date": youths.c.birth_date,
    "school_or_employer": youths.c.school_or_employer,
    "activity": activities.c.title,
    "registered_at": registrations.c.registered_at,
    "status": registrations.c.status,
    "source": registrations.c.source,
    "reject_reason": registrations.c.reject_reason,
}


@dataclass(frozen=True)
class RegistrationQuery:
    """What the 报名审核 page asks for; every field narrows the list."""

    activity_id: str | None = None  # None: registrations of every activity
    status: RegistrationStatus | None = None
    registered_from: datetime | None = None  # registered_at in [from, until)
    registered_until: datetime | None = None
    text: str = ""  # part of a name, or the last digits of a phone
    sort: str = "registered_at"  # a key of REGISTRATION_SORT_COLUMNS
    descending: bool = False


def _base():
    return (
        select(registrations.c.id)
        .join(youths, youths.c.id == registrations.c.youth_id)
        .join(activities, activities.c.id == registrations.c.activity_id)
    )


def registration_conditions(query: RegistrationQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.activity_id:
        conditions.append(registrations.c.activity_id == query.activity_id)
    if query.status is not None:
        conditions.append(registrations.c.status == query.status.value)
    if query.registered_from is not None:
        conditions.append(registrations.c.registered_at >= query.registered_from)
    if query.registered_until is not None:
        conditions.append(registrations.c.registered_at < query.registered_until)
    for word in query.text.split():
        if tail := phone_tail(word):
            conditions.append(youths.c.phone.like(f"%{tail}", escape="\\"))
        else:
            conditions.append(youths.c.name.like(f"%{escape_like(word)}%", escape="\\"))
    return conditions


def registration_ids(conn: Connection, query: RegistrationQuery) -> list[str]:
    """Ids of the matching registrations in display order; rows are fetched a page at a time."""
    column = REGISTRATION_SORT_COLUMNS[query.sort]
    order = column.desc() if query.descending else column.asc()
    tiebreak = registrations.c.id.desc() if query.descending else registrations.c.id.asc()
    stmt = _base().where(true(), *registration_conditions(query)).order_by(order, tiebreak)
    return list(conn.scalars(stmt))


def registration_rows(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Display rows for the given ids: the registration, its youth and its activity's title."""
    stmt = (
        select(
            registrations,
            youths.c.name,
            youths.c.phone,
            youths.c.gender,
            youths.c.birth_date,
            youths.c.school_or_employer,
            youths.c.id_number,
            youths.c.guardian_consent,
            activities.c.title.label("activity_title"),
            activities.c.starts_at.label("activity_starts_at"),
        )
        .join(youths, youths.c.id == registrations.c.youth_id)
        .join(activities, activities.c.id == registrations.c.activity_id)
        .where(registrations.c.id.in_(list(ids)))
    )
    return {row.id: dict(row._mapping) for row in conn.execute(stmt)}


def registration_statuses(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """The status of each of the given registrations."""
    statuses: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        stmt = select(registrations.c.id, registrations.c.status).where(
            registrations.c.id.in_(list(ids[start : start + 500]))
        )
        statuses.update((row.id, row.status) for row in conn.execute(stmt))
    return statuses


def awaiting_consent(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Those of the given registrations that cannot be approved until a guardian's consent is
    recorded (`sync.core.privacy.awaits_guardian_consent`), so a bulk approval leaves them out."""
    waiting: set[str] = set()
    for start in range(0, len(ids), 500):
        stmt = (
            select(
                registrations.c.id,
                youths.c.birth_date,
                youths.c.guardian_consent,
                activities.c.starts_at,
            )
            .join(youths, youths.c.id == registrations.c.youth_id)
            .join(activities, activities.c.id == registrations.c.activity_id)
            .where(
                registrations.c.id.in_(list(ids[start : start + 500])),
                youths.c.birth_date.is_not(None),
            )
        )
        waiting.update(
            row.id
            for row in conn.execute(stmt)
            if awaits_guardian_consent(row.birth_date, row.guardian_consent, row.starts_at)
        )
    return waiting


def status_counts(conn: Connection, ids: Sequence[str]) -> dict[str, int]:
    """How many of the given registrations are in each status (e.g. after a bulk approval,
    how many went to the waitlist)."""
    counts: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        stmt = (
            select(registrations.c.status, func.count())
            .where(registrations.c.id.in_(list(ids[start : start + 500])))
            .group_by(registrations.c.status)
        )
        for status, count in conn.execute(stmt):
            counts[status] = counts.get(status, 0) + count
    return counts


def seat_counts(conn: Connection, activity_id: str) -> dict[str, Any] | None:
    """The activity's title and capacity, and how many of its registrations are in each status."""
    activity = conn.execute(
        select(activities.c.title, activities.c.capacity).where(activities.c.id == activity_id)
    ).first()
    if activity is None:
        return None
    counts = dict(
        conn.execute(
            select(registrations.c.status, func.count())
            .where(registrations.c.activity_id == activity_id)
            .group_by(registrations.c.status)
        ).all()
    )
    return {
        "title": activity.title,
        "capacity": activity.capacity,
        **{status.value: counts.get(status.value, 0) for status in RegistrationStatus},
    }


def activity_choices(conn: Connection) -> list[dict[str, Any]]:
    """Activities that take registrations (not drafts), newest first, with pending counts."""
    pending = (
        select(func.count())
        .where(
            registrations.c.activity_id == activities.c.id,
            registrations.c.status == RegistrationStatus.PENDING.value,
        )
        .scalar_subquery()
    )
    stmt = (
        select(
            activities.c.id,
            activities.c.title,
            activities.c.starts_at,
            pending.label("pending_count"),
        )
        .where(activities.c.status != ActivityStatus.DRAFT.value)
        .order_by(activities.c.starts_at.desc(), activities.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def stored_youths(
    conn: Connection, activity_id: str, phones: Sequence[str], id_numbers: Sequence[str]
) -> list[dict[str, Any]]:
    """The local youths holding any of these phones or ID numbers (as this device holds them:
    numbers the server sent are masked and match nothing), each with their registration for
    the activity: the active one if any, else a rejected one (status None when neither)."""
    found: dict[str, dict[str, Any]] = {}
    for column, values in ((youths.c.phone, list(phones)), (youths.c.id_number, list(id_numbers))):
        for start in range(0, len(values), 500):
            rows = conn.execute(
                select(youths.c.id, youths.c.name, youths.c.phone, youths.c.id_number).where(
                    column.in_(values[start : start + 500])
                )
            )
            for row in rows:
                found[row.id] = {**row._mapping, "status": None, "reject_reason": ""}
    rank = {s.value: 0 for s in ACTIVE} | {RegistrationStatus.REJECTED.value: 1}
    ids = list(found)
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(
                registrations.c.youth_id, registrations.c.status, registrations.c.reject_reason
            ).where(
                registrations.c.activity_id == activity_id,
                registrations.c.youth_id.in_(ids[start : start + 500]),
                registrations.c.status.in_(list(rank)),
            )
        )
        for row in rows:
            youth = found[row.youth_id]
            if youth["status"] is None or rank[row.status] < rank[youth["status"]]:
                youth.update(status=row.status, reject_reason=row.reject_reason or "")
    return list(found.values())


def registration_history(conn: Connection, registration_id: str) -> list[dict[str, Any]]:
    """Who did what to a registration, and when, oldest first (`registration_events`)."""
    from sync.client.store.tables import RECORDS

    events = RECORDS["registration_events"]
    stmt = (
        select(events)
        .where(events.c.registration_id == registration_id)
        .order_by(events.c.at, events.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]
