"""The youth side of requests (诉求) on the server: submit, read one's own with its replies,
add to it; and how often one youth may submit. Every write is an operation applied like a
cadre's (`sync.server.youths.apply_as_youth`), so devices pull it as any other change."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from sync.core import messages
from sync.core.ids import uuid7
from sync.core.operations import AddToRequest, SubmitRequest
from sync.core.records import ContactPreference, RequestAction
from sync.server.config import Settings
from sync.server.config import now as clock_now
from sync.server.db import Database
from sync.server.tables import organizations, request_events, requests
from sync.server.youths import Youth, YouthRefused, apply_as_youth

# What the youth sees of the history: their own additions and the replies, not who did what
# inside the League (the actors are cadres' usernames).
SHOWN_ACTIONS = (RequestAction.ADDED, RequestAction.REPLIED)
LIMIT_WINDOW = timedelta(hours=24)


def _root_org(db: Database) -> str:
    with db.read() as conn:
        return conn.execute(
            select(organizations.c.id)
            .where(organizations.c.parent_id.is_(None), organizations.c.deleted.is_(False))
            .order_by(organizations.c.id)
        ).scalar_one()


def submit(
    db: Database,
    settings: Settings,
    youth: Youth,
    *,
    text: str,
    org_id: str | None,
    category_guess: str,
    contact: ContactPreference,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A new request from the youth, to `org_id` or else the root organisation (which sorts it
    down); YouthRefused 429 once they submitted `settings.requests_per_day` in 24 hours."""
    now = now or clock_now()
    with db.read() as conn:
        recent = conn.scalar(
            select(func.count()).where(
                requests.c.youth_id == youth.id, requests.c.submitted_at > now - LIMIT_WINDOW
            )
        )
    if (recent or 0) >= settings.requests_per_day:
        params = {"max": settings.requests_per_day}
        raise YouthRefused(429, "too_many_requests", messages.render("too_many_requests", params))
    request_id = uuid7()
    target = org_id or _root_org(db)
    apply_as_youth(db, youth.id, SubmitRequest(request_id, target, text, category_guess, contact))
    return own_request(db, youth, request_id)


def add(db: Database, youth: Youth, request_id: str, text: str) -> dict[str, Any]:
    apply_as_youth(db, youth.id, AddToRequest(request_id, text))
    return own_request(db, youth, request_id)


def own_request(db: Database, youth: Youth, request_id: str) -> dict[str, Any]:
    """The youth's request with its state, their additions and the replies, oldest first;
    another youth's reads as not found."""
    with db.read() as conn:
        row = conn.execute(
            select(requests, organizations.c.name.label("org_name"))
            .join(organizations, organizations.c.id == requests.c.org_id)
            .where(
                requests.c.id == request_id,
                requests.c.youth_id == youth.id,
                requests.c.deleted.is_(False),
            )
        ).first()
        if row is None:
            raise YouthRefused(404, "not_found", messages.render("not_found", {}))
        events = conn.execute(
            select(request_events.c.at, request_events.c.action, request_events.c.detail)
            .where(
                request_events.c.request_id == request_id,
                request_events.c.action.in_([a.value for a in SHOWN_ACTIONS]),
                request_events.c.deleted.is_(False),
            )
            .order_by(request_events.c.at, request_events.c.id)
        ).all()
    request = row._mapping
    return {
        "id": request["id"],
        "org_id": request["org_id"],
        "org_name": request["org_name"],
        "category": request["category"] or request["category_guess"],
        "text": request["text"],
        "contact": request["contact"],
        "state": request["state"],
        "submitted_at": request["submitted_at"],
        "replied_at": request["replied_at"],
        "messages": [
            {"at": e.at, "from_youth": e.action != RequestAction.REPLIED.value, "text": e.detail}
            for e in events
            if e.detail
        ],
    }


def own_requests(db: Database, youth: Youth) -> list[dict[str, Any]]:
    """The youth's requests, newest first (each as `own_request` gives it)."""
    with db.read() as conn:
        ids = conn.scalars(
            select(requests.c.id)
            .where(requests.c.youth_id == youth.id, requests.c.deleted.is_(False))
            .order_by(requests.c.submitted_at.desc(), requests.c.id.desc())
        ).all()
    return [own_request(db, youth, i) for i in ids]
