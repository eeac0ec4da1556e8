"""Operation kinds of 志愿时长: an activity's rule, a cadre's correction, the confirmation.

The hours themselves are never stored: every laptop and the server count them from the door's
events with `sync.core.checkin.registration_hours`. A correction is one more appended event
(naming the correction it replaces, so the server's order decides which is in force); the rule
and the confirmation live on the activity. Who may do any of it is the scope of the activity's
organisation: outside it, the server reads the activity or registration as absent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from sync.core import rules
from sync.core.checkin import MAX_CORRECTED_HOURS, RULE_LIMITS, latest_correction
from sync.core.operations.base import ApplyContext, Outcome, Payload, existing, handler
from sync.core.operations.checkins import door_time
from sync.core.operations.kinds import Kind
from sync.core.records import ActivityStatus, CheckinAction
from sync.core.rules import RuleViolation


@dataclass(frozen=True)
class SetHoursRule(Payload):
    """The activity `id`'s rule, in minutes: minimum stay, rounding step, daily cap."""

    kind: ClassVar[Kind] = Kind.ACTIVITY_HOURS_RULE
    id: str
    min_stay: int
    step: int
    daily_cap: int


@dataclass(frozen=True)
class AdjustHours(Payload):
    """A correction of one registration's hours with its reason; `id` is the new event's,
    `at` the laptop's clock (ISO 8601 with an offset)."""

    kind: ClassVar[Kind] = Kind.CHECKIN_ADJUST
    id: str
    registration_id: str
    hours: float
    reason: str
    at: str


@dataclass(frozen=True)
class ConfirmHours(Payload):
    """Confirms the hours of the activity `id` once it has ended."""

    kind: ClassVar[Kind] = Kind.CHECKIN_CONFIRM
    id: str
    at: str


@handler(SetHoursRule)
def set_hours_rule(ctx: ApplyContext, op: SetHoursRule) -> Outcome:
    """Refused once the hours are confirmed: what was confirmed was counted by the rule."""
    activity = existing(ctx, "activities", op.id)
    if activity["hours_confirmed_at"] is not None:
        raise RuleViolation("hours_confirmed")
    values = {"hours_min_stay": op.min_stay, "hours_step": op.step, "hours_daily_cap": op.daily_cap}
    for name, value in values.items():
        low, high = RULE_LIMITS[name]
        if not low <= value <= high:
            raise RuleViolation("hours_rule_range", label=name, min=low, max=high)
    ctx.update("activities", op.id, {**values, "updated_at": ctx.now})
    return Outcome(op.id)


@handler(AdjustHours)
def adjust_hours(ctx: ApplyContext, op: AdjustHours) -> Outcome:
    """Appends the correction, naming the one in force where it applies. After the hours were
    confirmed it is still taken (a mistake found later must be fixable) and every list flags
    it as made after the confirmation."""
    reason = op.reason.strip()
    if not reason:
        raise RuleViolation("adjust_reason_required")
    if len(reason) > rules.REASON_MAX:
        raise RuleViolation("reason_too_long", max=rules.REASON_MAX)
    if not math.isfinite(op.hours) or not 0 <= op.hours <= MAX_CORRECTED_HOURS:
        raise RuleViolation("hours_out_of_range", max=MAX_CORRECTED_HOURS)
    at = door_time(op.at)
    registration = existing(ctx, "registrations", op.registration_id)
    if ctx.get("checkin_events", op.id) is not None:
        raise RuleViolation("duplicate_id")
    earlier = ctx.find(
        "checkin_events", registration_id=registration["id"], action=CheckinAction.ADJUST.value
    )
    previous = latest_correction(earlier)
    ctx.insert(
        "checkin_events",
        {
            "id": op.id,
            "registration_id": registration["id"],
            "activity_id": registration["activity_id"],
            "action": CheckinAction.ADJUST.value,
            "at": at,
            "actor": ctx.actor,
            "voids": previous["id"] if previous is not None else "",
            "reason": reason,
            "hours": round(op.hours, 2),
        },
    )
    return Outcome(op.id)


@handler(ConfirmHours)
def confirm_hours(ctx: ApplyContext, op: ConfirmHours) -> Outcome:
    """Once the activity is completed or past its end. A second confirmation (another laptop,
    offline) is refused, naming who confirmed first: the first stands, and the cadre whose
    confirmation came second reads why in 同步问题."""
    at = door_time(op.at)
    activity = existing(ctx, "activities", op.id)
    status = ActivityStatus(activity["status"])
    end = activity["ends_at"] or activity["starts_at"]
    ended = status is ActivityStatus.COMPLETED or (
        status is ActivityStatus.PUBLISHED and end is not None and end <= ctx.now
    )
    if not ended:
        raise RuleViolation("hours_not_ended")
    if activity["hours_confirmed_at"] is not None:
        raise RuleViolation("hours_already_confirmed", by=activity["hours_confirmed_by"])
    ctx.update(
        "activities",
        op.id,
        {"hours_confirmed_at": at, "hours_confirmed_by": ctx.actor, "updated_at": ctx.now},
    )
    return Outcome(op.id)
