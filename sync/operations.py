"""Operation kinds and how each one changes the records: one definition for the desktop and server.

A handler reads and writes through an `ApplyContext`. The local store's context also keeps the
rows' previous values (for undo); the server's will bump versions and change sequences. Adding a
kind means adding one handler here; the outbox and the push loop carry any kind unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sync import regions, rules
from sync.codec import from_json, to_json
from sync.records import (
    ACTIVITY_EDITABLE_FIELDS,
    Activity,
    ActivityStatus,
    RegistrationStatus,
)
from sync.rules import RuleViolation


@dataclass(frozen=True)
class Reference:
    """Reference data the rules need, supplied by whoever applies operations."""

    categories: Collection[str]
    is_valid_region: Callable[[str], bool]
    contains_point: Callable[[float, float], bool]


def jiangsu_reference(category_codes: list[str]) -> Reference:
    """The reference data of this deployment: Jiangsu's regions and boundary."""
    table = regions.regions()
    boundary = regions.province_boundary()
    return Reference(
        categories=frozenset(category_codes),
        is_valid_region=table.is_jiangsu_area,
        contains_point=boundary.contains,
    )


class ApplyContext(Protocol):
    now: datetime
    reference: Reference

    def get(self, table: str, record_id: str) -> dict[str, Any] | None: ...
    def insert(self, table: str, values: dict[str, Any]) -> None: ...
    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None: ...
    def delete(self, table: str, record_id: str) -> None: ...
    def count(self, table: str, **equals: Any) -> int:
        """Live rows of `table` whose fields equal the given values."""
        ...


@dataclass(frozen=True)
class Outcome:
    """What applying an operation did. `changed` carries a code when the result differs from
    what was asked (e.g. approved → waitlisted, a field kept the other side's value), with
    `params` for the message; rejections are raised as RuleViolation."""

    record_id: str
    changed: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


Handler = Callable[[ApplyContext, dict[str, Any]], Outcome]
HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        HANDLERS[kind] = func
        return func

    return register


def apply(ctx: ApplyContext, kind: str, payload: dict[str, Any]) -> Outcome:
    try:
        func = HANDLERS[kind]
    except KeyError:
        raise RuleViolation("unknown_kind", kind=kind) from None
    return func(ctx, payload)


def _existing(ctx: ApplyContext, table: str, record_id: str) -> dict[str, Any]:
    row = ctx.get(table, record_id)
    if row is None:
        raise RuleViolation("not_found")
    return row


def _validate(ctx: ApplyContext, values: dict[str, Any]) -> None:
    ref = ctx.reference
    problems = rules.validate_activity(
        values,
        categories=ref.categories,
        is_valid_region=ref.is_valid_region,
        contains_point=ref.contains_point,
    )
    if problems:
        raise RuleViolation("invalid_activity", problems=problems)


# --- activities ------------------------------------------------------------------------------


@handler("activity.create")
def create_activity(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, org_id, and the editable fields (JSON-encoded). Always starts as a draft."""
    fields = from_json(Activity, payload["fields"])
    unknown = set(fields) - set(ACTIVITY_EDITABLE_FIELDS)
    if unknown:
        raise RuleViolation("invalid_activity", fields=sorted(unknown))
    _validate(ctx, fields)
    ctx.insert(
        "activities",
        {
            **fields,
            "id": payload["id"],
            "org_id": payload["org_id"],
            "status": ActivityStatus.DRAFT.value,
            "created_at": ctx.now,
            "updated_at": ctx.now,
        },
    )
    return Outcome(payload["id"])


@handler("activity.update")
def update_activity(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, base_version, changes {field: new}, before {field: old}.

    Merged per field against `before`, what the cadre saw: a field nobody else changed takes
    the new value; a field changed elsewhere to a different value keeps that value, and the
    outcome names it as a conflict for the user to resolve. Locally `before` always matches.
    """
    current = _existing(ctx, "activities", payload["id"])
    rules.check_editable(ActivityStatus(current["status"]))
    changes = from_json(Activity, payload["changes"])
    if set(changes) - set(ACTIVITY_EDITABLE_FIELDS):
        raise RuleViolation("invalid_activity", fields=sorted(set(changes)))
    before = from_json(Activity, payload.get("before") or {})
    merged, conflicts = {}, {}
    for name, value in changes.items():
        if name not in before or current[name] in (before[name], value):
            merged[name] = value
        else:
            conflicts[name] = {"mine": value, "theirs": current[name]}
    _validate(ctx, {**current, **merged})
    if merged:
        ctx.update("activities", payload["id"], {**merged, "updated_at": ctx.now})
    if conflicts:
        return Outcome(
            payload["id"],
            changed="field_conflict",
            params={
                "table": "activities",
                "id": payload["id"],
                "fields": {name: to_json(Activity, sides) for name, sides in conflicts.items()},
            },
        )
    return Outcome(payload["id"])


@handler("activity.transition")
def transition_activity(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, to (publish, cancel or complete, as the target status)."""
    current = _existing(ctx, "activities", payload["id"])
    target = ActivityStatus(payload["to"])
    rules.check_transition(ActivityStatus(current["status"]), target)
    if target is ActivityStatus.PUBLISHED:
        _validate(ctx, current)
    ctx.update("activities", payload["id"], {"status": target.value, "updated_at": ctx.now})
    return Outcome(payload["id"])


@handler("activity.delete")
def delete_activity(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id. Only drafts: a published activity has registrants and must be cancelled."""
    current = _existing(ctx, "activities", payload["id"])
    if current["status"] != ActivityStatus.DRAFT.value:
        raise RuleViolation("only_drafts_deletable")
    ctx.delete("activities", payload["id"])
    return Outcome(payload["id"])


# --- registrations ---------------------------------------------------------------------------


@handler("registration.review")
def review_registration(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, decision ("approve" or "reject"), reason (required to reject).

    Approval takes a seat if one is free and otherwise puts the youth on the waitlist, so
    devices approving the last seats offline never exceed the capacity once merged.
    """
    current = _existing(ctx, "registrations", payload["id"])
    status = RegistrationStatus(current["status"])
    activity = _existing(ctx, "activities", current["activity_id"])
    if ActivityStatus(activity["status"]) is ActivityStatus.CANCELLED:
        raise RuleViolation("edit_not_allowed", current=ActivityStatus.CANCELLED.value)
    if payload["decision"] == "reject":
        reason = (payload.get("reason") or "").strip()
        if not reason:
            raise RuleViolation("reject_reason_required")
        rules.check_reviewable(status)
        ctx.update(
            "registrations",
            payload["id"],
            {
                "status": RegistrationStatus.REJECTED.value,
                "reject_reason": reason,
                "reviewed_at": ctx.now,
            },
        )
        return Outcome(payload["id"])
    if status is RegistrationStatus.APPROVED:
        return Outcome(payload["id"])  # approving twice changes nothing
    rules.check_reviewable(status)
    approved = ctx.count(
        "registrations", activity_id=activity["id"], status=RegistrationStatus.APPROVED.value
    )
    seat = rules.seat_for_approval(activity["capacity"], approved)
    ctx.update(
        "registrations",
        payload["id"],
        {"status": seat.value, "reject_reason": "", "reviewed_at": ctx.now},
    )
    if seat is RegistrationStatus.WAITLISTED:
        return Outcome(
            payload["id"], changed="waitlisted_full", params={"capacity": activity["capacity"]}
        )
    return Outcome(payload["id"])
