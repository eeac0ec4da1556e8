"""Reads for 签到: the activities a door may open, one activity's door book, the public key,
and the 志愿时长 (each activity's rule, corrections, each youth's total)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, select

from sync.client.store.replica import CHECKIN_KEY
from sync.client.store.tables import (
    activities,
    checkin_events,
    meta,
    organizations,
    registrations,
    youths,
)
from sync.core import privacy
from sync.core.checkin import DoorBook, Entry, HoursRule, registration_hours
from sync.core.checkin_codes import load_public_key
from sync.core.operations import chunked
from sync.core.records import (
    CHINA_TIME,
    ActivityStatus,
    CheckinAction,
    RegistrationSource,
    RegistrationStatus,
)
from sync.core.sql import IN_LIST

# Activities offered at the door: published or completed (hours are confirmed after), from a
# week back, so yesterday's door can still be settled.
DOOR_STATUSES = (ActivityStatus.PUBLISHED.value, ActivityStatus.COMPLETED.value)
DOOR_LOOKBACK = timedelta(days=7)


def door_activities(conn: Connection, now: datetime) -> list[dict[str, Any]]:
    """(id, title, starts_at) of the activities a door may open: today's first, then the
    coming ones by start, then the past week's, latest first."""
    local = now.astimezone(CHINA_TIME)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    day_end = day_start + timedelta(days=1)
    rows = conn.execute(
        select(activities.c.id, activities.c.title, activities.c.starts_at).where(
            activities.c.status.in_(DOOR_STATUSES),
            activities.c.starts_at >= day_start - DOOR_LOOKBACK,
        )
    ).all()

    def order(row: Any) -> tuple[int, float]:
        starts = row.starts_at
        if starts < day_start:
            return (2, -starts.timestamp())
        return (0 if starts < day_end else 1, starts.timestamp())

    return [dict(r._mapping) for r in sorted(rows, key=order)]


def door_book(conn: Connection, activity_id: str) -> DoorBook:
    """Every registration of the activity with its youth's name and masked phone, and every
    check-in event: two queries, however many people."""
    rows = conn.execute(
        select(
            registrations.c.id,
            registrations.c.status,
            registrations.c.source,
            youths.c.name,
            youths.c.phone,
            youths.c.school_or_employer,
            youths.c.id.label("youth_id"),
        )
        .join(youths, youths.c.id == registrations.c.youth_id)
        .where(registrations.c.activity_id == activity_id)
    )
    entries = {
        r.id: Entry(
            registration_id=r.id,
            name=r.name,
            phone=privacy.mask_phone(r.phone),
            status=RegistrationStatus(r.status),
            source=RegistrationSource(r.source),
            school=r.school_or_employer,
            youth_id=r.youth_id,
        )
        for r in rows
    }
    events = conn.execute(select(*EVENT_COLUMNS).where(checkin_events.c.activity_id == activity_id))
    for e in events:
        entry = entries.get(e.registration_id)
        if entry is not None:
            entry.events.append(dict(e._mapping))
    activity = conn.execute(select(activities).where(activities.c.id == activity_id)).first()
    if activity is None:
        return DoorBook(activity_id, entries.values())
    return DoorBook(
        activity_id,
        entries.values(),
        HoursRule.of(activity._mapping),
        activity.hours_confirmed_at,
        activity.hours_confirmed_by,
    )


# What `sync.core.checkin` reads of an event (presence, corrections, the history).
EVENT_COLUMNS = (
    checkin_events.c.id,
    checkin_events.c.registration_id,
    checkin_events.c.action,
    checkin_events.c.at,
    checkin_events.c.voids,
    checkin_events.c.actor,
    checkin_events.c.reason,
    checkin_events.c.hours,
)


def youth_totals(conn: Connection, youth_ids: Iterable[str]) -> dict[str, float]:
    """Each youth's 志愿时长 over every activity this laptop holds, each activity counted by
    its own rule (`registration_hours`, as the server counts)."""
    totals: dict[str, float] = {}
    for chunk in chunked(sorted(set(youth_ids)), IN_LIST):
        rows = conn.execute(
            select(registrations.c.id, registrations.c.youth_id, *RULE_COLUMNS)
            .join(activities, activities.c.id == registrations.c.activity_id)
            .where(registrations.c.youth_id.in_(chunk))
        ).all()
        events: dict[str, list[dict[str, Any]]] = {}
        for e in conn.execute(
            select(*EVENT_COLUMNS)
            .join(registrations, registrations.c.id == checkin_events.c.registration_id)
            .where(registrations.c.youth_id.in_(chunk))
        ):
            events.setdefault(e.registration_id, []).append(dict(e._mapping))
        for r in rows:
            hours = registration_hours(events.get(r.id, ()), HoursRule.of(r._mapping)).final
            totals[r.youth_id] = totals.get(r.youth_id, 0.0) + hours
    return totals


RULE_COLUMNS = (activities.c.hours_min_stay, activities.c.hours_step, activities.c.hours_daily_cap)


def public_key(conn: Connection) -> Ed25519PublicKey | None:
    """The server's 签到 public key as the last pull brought it; None before the first sync."""
    text = conn.scalar(select(meta.c.value).where(meta.c.key == CHECKIN_KEY))
    return load_public_key(text) if text else None


def hours_rows(conn: Connection, activity_id: str) -> list[dict[str, Any]]:
    """One row per person with 志愿时长 at the activity (arrived, or given hours by a
    correction), by name: what a volunteer-service certificate states, the correction in
    force and each person's total over every activity this laptop holds."""
    book = door_book(conn, activity_id)
    activity = conn.execute(select(activities).where(activities.c.id == activity_id)).first()
    if activity is None:
        return []
    org_name = conn.scalar(
        select(organizations.c.name).where(organizations.c.id == activity.org_id)
    )
    people = []
    for entry in book.entries.values():
        hours = book.hours(entry)
        if entry.state.arrived or hours.correction is not None:
            people.append((entry, hours))
    totals = youth_totals(conn, [e.youth_id for e, _ in people])
    rows = []
    for entry, hours in sorted(people, key=lambda p: (p[0].name, p[0].phone)):
        correction = hours.correction or {}
        rows.append(
            {
                "registration_id": entry.registration_id,
                "name": entry.name,
                "phone": entry.phone,
                "school": entry.school,
                "activity_title": activity.title,
                "org_name": org_name or "",
                "service_date": (
                    activity.starts_at.astimezone(CHINA_TIME).date() if activity.starts_at else None
                ),
                "first_in": entry.state.first_in,
                "last_out": None if entry.state.inside else entry.state.last_out,
                "counted": hours.counted,
                "hours": hours.final,
                "reason": correction.get("reason", ""),
                "corrected_by": correction.get("actor", ""),
                "corrected_at": correction.get("at"),
                "after_confirmation": hours.corrected_after(book.confirmed_at),
                "total": totals.get(entry.youth_id, hours.final),
                "confirmed_by": book.confirmed_by,
                "confirmed_at": book.confirmed_at,
            }
        )
    return rows


def corrections(conn: Connection, activity_id: str) -> list[dict[str, Any]]:
    """Every correction of the activity's hours, newest first, with the person's name: the
    history (none is ever removed; `latest_correction` says which is in force)."""
    rows = conn.execute(
        select(*EVENT_COLUMNS, youths.c.name)
        .join(registrations, registrations.c.id == checkin_events.c.registration_id)
        .join(youths, youths.c.id == registrations.c.youth_id)
        .where(
            checkin_events.c.activity_id == activity_id,
            checkin_events.c.action == CheckinAction.ADJUST.value,
        )
        .order_by(checkin_events.c.at.desc(), checkin_events.c.id.desc())
    )
    return [dict(r._mapping) for r in rows]
