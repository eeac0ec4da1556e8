"""The youth side of the server (the public API's data access): a youth's identity and token,
the published activities they can browse, and their registrations and follows.

A youth has no password: they identify with name and mobile number and the one-time code the
server sent to that phone (`sync.server.youth_codes`), and get a random token, stored hashed
and expiring like a cadre's (`sync.server.auth`). Every write is an
operation applied by `sync.server.replication.apply_one` with the youth as actor, through
the same handlers as a cadre's, logged in applied_ops, with change sequences, so the cadres'
devices pull the youths' registrations and follows like any other change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from sync.core import messages
from sync.core.ids import uuid7
from sync.core.operations import (
    CancelRegistration,
    CreateRegistration,
    CreateYouth,
    Follow,
    Payload,
    Unfollow,
)
from sync.core.protocol import OpResult, OpStatus
from sync.core.records import Phase, RegistrationSource, RegistrationStatus
from sync.core.regions import code_prefix
from sync.core.sql import phase_condition
from sync.server import auth, replication, youth_codes
from sync.server.config import Settings
from sync.server.config import now as clock_now
from sync.server.db import Database
from sync.server.tables import (
    activities,
    followers,
    organizations,
    registrations,
    youth_tokens,
    youths,
)

PUBLIC_DEVICE = "public-api"  # the device_id logged for a youth's operations

# HTTP status of a refused youth operation, by rule code (the rest: 422).
REFUSAL_STATUS = {"not_found": 404, "not_allowed": 403, "already_registered": 409}


class YouthRefused(Exception):
    """A youth's request the rules refused: HTTP status, code and a message for people."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Youth:
    """The youth behind a youth token."""

    id: str
    name: str


@dataclass(frozen=True)
class Identified:
    token: str
    expires_at: datetime
    youth_id: str
    name: str
    created: bool


def _refusal(result: OpResult) -> YouthRefused:
    code = result.code or "malformed_operation"
    params = dict(result.params)
    text = messages.render(code, params)
    details = [
        messages.render(p["code"], {"label": p.get("field") or "", **p.get("params", {})})
        for p in params.get("problems") or []
    ]
    if details:
        text = f"{text}：{'；'.join(details)}"
    return YouthRefused(REFUSAL_STATUS.get(code, 422), code, text)


def apply_as_youth(db: Database, youth_id: str, operation: Payload) -> OpResult:
    op = {
        "op_id": uuid7(),
        "kind": operation.kind.value,
        "payload": operation.to_payload(),
        "device_id": PUBLIC_DEVICE,
    }
    result = replication.apply_one(db, account_id=None, scope_path="/", op=op, youth_id=youth_id)
    if result.status is OpStatus.REJECTED:
        raise _refusal(result)
    return result


# --- identity -----------------------------------------------------------------------------------


def identify(
    db: Database,
    settings: Settings,
    fields: dict[str, Any],
    code: str,
    *,
    now: datetime | None = None,
) -> Identified:
    """The youth with this phone and name (a new token for them), or a new youth, once `code`
    proves the caller holds the phone: youth_codes.CodeRefused (401) before anything else is
    looked at, so a stranger learns nothing of the phone. Then YouthRefused (409) when the
    phone belongs to someone with another name (told only to the phone's holder), or (422)
    for bad fields; a refusal gives the code back for a corrected form."""
    now = now or clock_now()
    code_id = youth_codes.use_code(db, settings.youth_codes, fields["phone"], code, now=now)
    try:
        youth_id, created = _youth_for(db, fields)
    except YouthRefused:
        youth_codes.give_back(db, code_id)
        raise
    token = auth.new_token()
    expires_at = now + settings.token_lifetime
    with db.write() as conn:
        conn.execute(
            insert(youth_tokens).values(
                token_hash=auth.hash_token(token),
                youth_id=youth_id,
                created_at=now,
                expires_at=expires_at,
                revoked_at=None,
            )
        )
    return Identified(token, expires_at, youth_id, fields["name"], created)


def _youth_for(db: Database, fields: dict[str, Any]) -> tuple[str, bool]:
    """(id, created): the youth with this phone and name, else a new one."""
    with db.read() as conn:
        known = conn.execute(
            select(youths.c.id, youths.c.name)
            .where(youths.c.phone == fields["phone"], youths.c.deleted.is_(False))
            .order_by(youths.c.id)
        ).all()
    match = next((y for y in known if y.name == fields["name"]), None)
    if known and match is None:
        raise YouthRefused(
            409,
            "phone_taken",
            "这个手机号已用另一个姓名登记，请核对姓名。"
            "This phone is registered under another name.",
        )
    if match is not None:
        return match.id, False
    youth_id = uuid7()
    payload = {k: v.isoformat() if isinstance(v, date) else v for k, v in fields.items()}
    apply_as_youth(db, youth_id, CreateYouth(youth_id, payload))
    return youth_id, True


def authenticate(conn: Connection, token: str | None, *, now: datetime | None = None) -> Youth:
    """The youth a youth token belongs to; auth.AuthError as for a cadre's token."""
    if not token:
        raise auth.AuthError("not_authenticated")
    now = now or clock_now()
    row = conn.execute(
        select(youths.c.id, youths.c.name, youth_tokens.c.expires_at, youth_tokens.c.revoked_at)
        .select_from(youth_tokens.join(youths, youths.c.id == youth_tokens.c.youth_id))
        .where(youth_tokens.c.token_hash == auth.hash_token(token))
    ).first()
    if row is None:
        raise auth.AuthError("invalid_token")
    if row.revoked_at is not None:
        raise auth.AuthError("token_revoked")
    if row.expires_at <= now:
        raise auth.AuthError("token_expired")
    return Youth(row.id, row.name)


# --- activities ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityFilter:
    region_code: str | None = None  # a province, city or county code: everything below it
    category: str | None = None
    phase: Phase | None = None  # of a published activity (default: any)
    starts_from: datetime | None = None
    starts_until: datetime | None = None
    page: int = 1
    page_size: int = 20


def _aware(value: datetime | None) -> datetime | None:
    """A time without an offset is taken as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def published_activities(
    conn: Connection, query: ActivityFilter, now: datetime
) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page) of published activities, soonest first, with their approved count."""
    conditions = [activities.c.status == "published", activities.c.deleted.is_(False)]
    if query.region_code:
        prefix = code_prefix(query.region_code)
        conditions.append(func.substr(activities.c.region_code, 1, len(prefix)) == prefix)
    if query.category:
        conditions.append(activities.c.category == query.category)
    if query.phase is not None:
        conditions.append(phase_condition(query.phase, now, activities))
    if query.starts_from is not None:
        conditions.append(activities.c.starts_at >= _aware(query.starts_from))
    if query.starts_until is not None:
        conditions.append(activities.c.starts_at < _aware(query.starts_until))
    total = conn.scalar(select(func.count()).select_from(activities).where(*conditions)) or 0
    rows = conn.execute(
        select(activities, organizations.c.name.label("org_name"))
        .join(organizations, organizations.c.id == activities.c.org_id)
        .where(*conditions)
        .order_by(activities.c.starts_at, activities.c.id)
        .offset((query.page - 1) * query.page_size)
        .limit(query.page_size)
    ).mappings()
    page = [dict(r) for r in rows]
    taken = dict(
        conn.execute(
            select(registrations.c.activity_id, func.count())
            .where(
                registrations.c.activity_id.in_([a["id"] for a in page]),
                registrations.c.status == RegistrationStatus.APPROVED.value,
                registrations.c.deleted.is_(False),
            )
            .group_by(registrations.c.activity_id)
        ).all()
    )
    for activity in page:
        activity["approved"] = taken.get(activity["id"], 0)
    return total, page


# --- registrations and follows ------------------------------------------------------------------


def register(db: Database, youth: Youth, activity_id: str) -> dict[str, Any]:
    """Register the youth for an activity; the registration's id and status."""
    registration_id = uuid7()
    payload = CreateRegistration(
        registration_id, activity_id, {"id": youth.id}, RegistrationSource.ONLINE
    )
    apply_as_youth(db, youth.id, payload)
    return _registration(db, registration_id)


def cancel(db: Database, youth: Youth, registration_id: str) -> dict[str, Any]:
    """Cancel the youth's own registration (another's reads as not found)."""
    apply_as_youth(db, youth.id, CancelRegistration(registration_id))
    return _registration(db, registration_id)


def _registration(db: Database, registration_id: str) -> dict[str, Any]:
    with db.read() as conn:
        row = conn.execute(
            select(registrations.c.id, registrations.c.activity_id, registrations.c.status).where(
                registrations.c.id == registration_id
            )
        ).one()
    return dict(row._mapping)


def follow(
    db: Database, youth: Youth, org_id: str, source_activity_id: str | None
) -> dict[str, Any]:
    """Follow an organisation (following again keeps the first follow); the follow's id."""
    payload = Follow(uuid7(), org_id, source_activity_id)
    result = apply_as_youth(db, youth.id, payload)
    follower_id = result.params.get("id") or payload.id
    return {"id": follower_id, "org_id": org_id, "following": True}


def unfollow(db: Database, youth: Youth, org_id: str) -> dict[str, Any]:
    with db.read() as conn:
        follower_id = conn.scalar(
            select(followers.c.id).where(
                followers.c.org_id == org_id,
                followers.c.youth_id == youth.id,
                followers.c.deleted.is_(False),
            )
        )
    if follower_id is None:
        raise YouthRefused(404, "not_found", messages.render("not_found", {}))
    apply_as_youth(db, youth.id, Unfollow(follower_id))
    return {"id": follower_id, "org_id": org_id, "following": False}
