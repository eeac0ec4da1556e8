"""Reads for 签到: the activities a door may open, one activity's door book, the public key."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, select

from sync.client.store.replica import CHECKIN_KEY
from sync.client.store.tables import activities, checkin_events, meta, registrations, youths
from sync.core import privacy
from sync.core.checkin import DoorBook, Entry
from sync.core.checkin_codes import load_public_key
from sync.core.records import (
    CHINA_TIME,
    ActivityStatus,
    RegistrationSource,
    RegistrationStatus,
)

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
        )
        for r in rows
    }
    events = conn.execute(
        select(
            checkin_events.c.id,
            checkin_events.c.registration_id,
            checkin_events.c.action,
            checkin_events.c.at,
            checkin_events.c.voids,
        ).where(checkin_events.c.activity_id == activity_id)
    )
    for e in events:
        entry = entries.get(e.registration_id)
        if entry is not None:
            entry.events.append(dict(e._mapping))
    return DoorBook(activity_id, entries.values())


def public_key(conn: Connection) -> Ed25519PublicKey | None:
    """The server's 签到 public key as the last pull brought it; None before the first sync."""
    text = conn.scalar(select(meta.c.value).where(meta.c.key == CHECKIN_KEY))
    return load_public_key(text) if text else None
