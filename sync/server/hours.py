"""志愿时长 on the server: counted from the stored door events by the devices' own function
(`sync.core.checkin.registration_hours`), for an activity in the account's scope."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from sync.core import protocol
from sync.core.checkin import HoursRule, registration_hours
from sync.server.scope import ScopeError, path_in_scope
from sync.server.tables import activities, checkin_events


def activity_hours(conn: Connection, account_path: str, activity_id: str) -> protocol.ActivityHours:
    """ScopeError (404) for an activity outside the account's scope or absent."""
    activity = conn.execute(
        select(activities).where(activities.c.id == activity_id, activities.c.deleted.is_(False))
    ).first()
    if activity is None or not path_in_scope(account_path, activity.scope_path):
        raise ScopeError(activity_id)
    events: dict[str, list[dict[str, Any]]] = {}
    for e in conn.execute(
        select(checkin_events).where(
            checkin_events.c.activity_id == activity_id, checkin_events.c.deleted.is_(False)
        )
    ):
        events.setdefault(e.registration_id, []).append(dict(e._mapping))
    rule = HoursRule.of(activity._mapping)
    confirmed = activity.hours_confirmed_at
    return protocol.ActivityHours(
        activity_id=activity_id,
        hours={r: registration_hours(ev, rule).final for r, ev in sorted(events.items())},
        confirmed_at=confirmed.isoformat() if confirmed is not None else "",
        confirmed_by=activity.hours_confirmed_by,
    )
