"""Operation kinds of activities: create, edit, publish/cancel/complete, delete a draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from sync.core import rules
from sync.core.codec import from_json, to_json
from sync.core.operations.base import ApplyContext, Outcome, Payload, existing, handler
from sync.core.operations.kinds import Kind
from sync.core.operations.registrations import fill_seats
from sync.core.records import (
    ACTIVITY_EDITABLE_FIELDS,
    Activity,
    ActivityStatus,
    RegistrationStatus,
)
from sync.core.rules import RuleViolation


@dataclass(frozen=True)
class CreateActivity(Payload):
    """A new activity, always a draft. `fields`: editable fields (Python values; JSON-encoded
    on the wire)."""

    kind: ClassVar[Kind] = Kind.ACTIVITY_CREATE
    id: str
    org_id: str
    fields: dict[str, Any]

    def to_payload(self) -> dict[str, Any]:
        return {"id": self.id, "org_id": self.org_id, "fields": to_json(Activity, self.fields)}

    @classmethod
    def _read(cls, data: dict[str, Any]) -> Self:
        read = super()._read(data)
        return cls(read.id, read.org_id, from_json(Activity, read.fields))


@dataclass(frozen=True)
class UpdateActivity(Payload):
    """An edit: `changes` {field: new}, `before` {field: old}, what the cadre saw (Python
    values; JSON-encoded on the wire).

    Outboxes written before this contract also carry `base_version`, which nothing ever read:
    it is still accepted (ignored, like any key a payload does not know) and no longer written.
    """

    kind: ClassVar[Kind] = Kind.ACTIVITY_UPDATE
    id: str
    changes: dict[str, Any]
    before: dict[str, Any] = field(default_factory=dict)

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "changes": to_json(Activity, self.changes),
            "before": to_json(Activity, self.before),
        }

    @classmethod
    def _read(cls, data: dict[str, Any]) -> Self:
        read = super()._read(data)
        return cls(read.id, from_json(Activity, read.changes), from_json(Activity, read.before))


@dataclass(frozen=True)
class TransitionActivity(Payload):
    """To a new status: published, cancelled or completed."""

    kind: ClassVar[Kind] = Kind.ACTIVITY_TRANSITION
    id: str
    to: ActivityStatus


@dataclass(frozen=True)
class DeleteActivity(Payload):
    kind: ClassVar[Kind] = Kind.ACTIVITY_DELETE
    id: str


def validate(ctx: ApplyContext, values: dict[str, Any]) -> None:
    ref = ctx.reference
    problems = rules.validate_activity(
        values,
        categories=ref.categories,
        is_valid_region=ref.is_valid_region,
        contains_point=ref.contains_point,
    )
    if problems:
        raise RuleViolation("invalid_activity", problems=problems)


def check_capacity_covers_approved(ctx: ApplyContext, activity_id: str, capacity: int) -> None:
    """Seats already given stay given: a capacity below the approved count is refused (the
    cadre first rejects or cancels someone). Checked where the operation applies, so a device
    lowering the capacity offline while another approves a seat cannot together leave more
    approved than seats: whichever the server applies second is refused or waitlisted."""
    approved = ctx.count(
        "registrations", activity_id=activity_id, status=RegistrationStatus.APPROVED.value
    )
    if capacity < approved:
        raise RuleViolation("capacity_below_approved", approved=approved, capacity=capacity)


@handler(CreateActivity)
def create_activity(ctx: ApplyContext, op: CreateActivity) -> Outcome:
    unknown = set(op.fields) - set(ACTIVITY_EDITABLE_FIELDS)
    if unknown:
        raise RuleViolation("invalid_activity", fields=sorted(unknown))
    validate(ctx, op.fields)
    ctx.insert(
        "activities",
        {
            **op.fields,
            "id": op.id,
            "org_id": op.org_id,
            "status": ActivityStatus.DRAFT.value,
            "created_at": ctx.now,
            "updated_at": ctx.now,
        },
    )
    return Outcome(op.id)


@handler(UpdateActivity)
def update_activity(ctx: ApplyContext, op: UpdateActivity) -> Outcome:
    """Merged per field against `before`, what the cadre saw: a field nobody else changed takes
    the new value; a field changed elsewhere to a different value keeps that value, and the
    outcome names it as a conflict for the user to resolve. Locally `before` always matches.
    """
    current = existing(ctx, "activities", op.id)
    rules.check_editable(ActivityStatus(current["status"]))
    changes, before = op.changes, op.before
    if set(changes) - set(ACTIVITY_EDITABLE_FIELDS):
        raise RuleViolation("invalid_activity", fields=sorted(set(changes)))
    merged, conflicts = {}, {}
    for name, value in changes.items():
        if name not in before or current[name] in (before[name], value):
            merged[name] = value
        else:
            conflicts[name] = {"mine": value, "theirs": current[name]}
    validate(ctx, {**current, **merged})
    capacity = merged.get("capacity", current["capacity"])
    if capacity < current["capacity"]:
        check_capacity_covers_approved(ctx, op.id, capacity)
    if merged:
        ctx.update("activities", op.id, {**merged, "updated_at": ctx.now})
        if capacity > current["capacity"]:
            fill_seats(ctx, {**current, **merged})
    if conflicts:
        return Outcome(
            op.id,
            changed="field_conflict",
            params={
                "table": "activities",
                "id": op.id,
                "fields": {name: to_json(Activity, sides) for name, sides in conflicts.items()},
            },
        )
    return Outcome(op.id)


@handler(TransitionActivity)
def transition_activity(ctx: ApplyContext, op: TransitionActivity) -> Outcome:
    current = existing(ctx, "activities", op.id)
    rules.check_transition(ActivityStatus(current["status"]), op.to)
    if op.to is ActivityStatus.PUBLISHED:
        validate(ctx, current)
    ctx.update("activities", op.id, {"status": op.to.value, "updated_at": ctx.now})
    return Outcome(op.id)


@handler(DeleteActivity)
def delete_activity(ctx: ApplyContext, op: DeleteActivity) -> Outcome:
    """Only drafts: a published activity has registrants and must be cancelled."""
    current = existing(ctx, "activities", op.id)
    if current["status"] != ActivityStatus.DRAFT.value:
        raise RuleViolation("only_drafts_deletable")
    ctx.delete("activities", op.id)
    return Outcome(op.id)
