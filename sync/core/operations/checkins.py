"""Operation kinds of 签到: check-in, check-out and void, each appending one `CheckinEvent`.

None of them changes an existing row, so two laptops never overwrite each other and the server
applies each exactly once (its log of applied op_ids answers a retried push). Who is inside is
derived from the events (`sync.core.checkin`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from sync.core import rules
from sync.core.operations.base import ApplyContext, Outcome, Payload, existing, handler
from sync.core.operations.kinds import Kind
from sync.core.records import CheckinAction, RegistrationStatus
from sync.core.rules import RuleViolation


@dataclass(frozen=True)
class CheckIn(Payload):
    """`id`: the new event's; `at`: the laptop's clock at the door, ISO 8601 with an offset."""

    kind: ClassVar[Kind] = Kind.CHECKIN_IN
    id: str
    registration_id: str
    at: str


@dataclass(frozen=True)
class CheckOut(Payload):
    kind: ClassVar[Kind] = Kind.CHECKIN_OUT
    id: str
    registration_id: str
    at: str


@dataclass(frozen=True)
class VoidCheckin(Payload):
    """Cancels the check-in or check-out `voids` (a mistaken scan); the reason is required and
    stays in the history."""

    kind: ClassVar[Kind] = Kind.CHECKIN_VOID
    id: str
    voids: str
    at: str
    reason: str = ""


def door_time(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise RuleViolation("malformed_operation") from None
    if at.tzinfo is None:
        raise RuleViolation("malformed_operation")
    return at


def _append(
    ctx: ApplyContext,
    event_id: str,
    registration: dict[str, Any],
    action: CheckinAction,
    at: datetime,
    **extra: str,
) -> None:
    if ctx.get("checkin_events", event_id) is not None:
        raise RuleViolation("duplicate_id")
    ctx.insert(
        "checkin_events",
        {
            "id": event_id,
            "registration_id": registration["id"],
            "activity_id": registration["activity_id"],
            "action": action.value,
            "at": at,
            "actor": ctx.actor,
            "voids": extra.get("voids", ""),
            "reason": extra.get("reason", ""),
        },
    )


def _record(ctx: ApplyContext, op: CheckIn | CheckOut, action: CheckinAction) -> Outcome:
    """Any registration of an activity in scope may be recorded: a laptop that admitted
    someone offline did so on what it knew, and the door's history must say so. When the
    registration is no longer approved (cancelled on another laptop meanwhile), the event is
    kept and the answer says so; every laptop then lists the person under 需核对."""
    at = door_time(op.at)
    registration = existing(ctx, "registrations", op.registration_id)
    _append(ctx, op.id, registration, action, at)
    status = RegistrationStatus(registration["status"])
    if action is CheckinAction.CHECK_IN and status is not RegistrationStatus.APPROVED:
        return Outcome(op.id, changed="checkin_not_admitted", params={"current": status.value})
    return Outcome(op.id)


@handler(CheckIn)
def check_in(ctx: ApplyContext, op: CheckIn) -> Outcome:
    return _record(ctx, op, CheckinAction.CHECK_IN)


@handler(CheckOut)
def check_out(ctx: ApplyContext, op: CheckOut) -> Outcome:
    return _record(ctx, op, CheckinAction.CHECK_OUT)


@handler(VoidCheckin)
def void_checkin(ctx: ApplyContext, op: VoidCheckin) -> Outcome:
    reason = op.reason.strip()
    if not reason:
        raise RuleViolation("void_reason_required")
    if len(reason) > rules.REASON_MAX:
        raise RuleViolation("reason_too_long", max=rules.REASON_MAX)
    target = existing(ctx, "checkin_events", op.voids)
    if target["action"] == CheckinAction.VOID:
        raise RuleViolation("void_of_void")
    if target["action"] == CheckinAction.ADJUST:  # a correction is replaced, never voided
        raise RuleViolation("void_of_correction")
    registration = existing(ctx, "registrations", target["registration_id"])
    _append(
        ctx,
        op.id,
        registration,
        CheckinAction.VOID,
        door_time(op.at),
        voids=op.voids,
        reason=reason,
    )
    return Outcome(op.id)
