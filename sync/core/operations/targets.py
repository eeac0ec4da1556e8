"""Operation kind of 考核 (assessment): the level above sets an organisation's target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Self

from sync.core.codec import from_json, to_json
from sync.core.operations.base import ApplyContext, Outcome, Payload, existing, handler
from sync.core.operations.kinds import Kind
from sync.core.records import AssessmentTarget
from sync.core.rules import Problem, RuleViolation

# What a target sets; the rest (org, who, when) the operation fills in.
TARGET_FIELDS = ("period_start", "period_end", "featured_activities", "participants")
MAX_TARGET = 1_000_000  # a typo guard: no county holds a million activities


@dataclass(frozen=True)
class SetTarget(Payload):
    """Create or change target `id` of organisation `org_id`. `fields`: TARGET_FIELDS (Python
    values; JSON-encoded on the wire)."""

    kind: ClassVar[Kind] = Kind.TARGET_SET
    id: str
    org_id: str
    fields: dict[str, Any]

    def to_payload(self) -> dict[str, Any]:
        fields = to_json(AssessmentTarget, self.fields)
        return {"id": self.id, "org_id": self.org_id, "fields": fields}

    @classmethod
    def _read(cls, data: dict[str, Any]) -> Self:
        read = super()._read(data)
        return cls(read.id, read.org_id, from_json(AssessmentTarget, read.fields))


def validate_target(fields: dict[str, Any]) -> list[Problem]:
    problems = []
    start, end = fields.get("period_start"), fields.get("period_end")
    if not isinstance(start, date) or not isinstance(end, date) or end < start:
        problems.append(Problem("target_period", "period_end"))
    for name in ("featured_activities", "participants"):
        value = fields.get(name)
        if type(value) is not int or not 0 <= value <= MAX_TARGET:
            problems.append(Problem("target_number", name, {"label": name, "max": MAX_TARGET}))
    return problems


@handler(SetTarget)
def set_target(ctx: ApplyContext, op: SetTarget) -> Outcome:
    """Only an organisation above the one bound may set its target: the server's scope makes
    any other organisation's read as absent, and the bound organisation itself is refused, so
    a county cannot lower the target the city gave it."""
    if set(op.fields) != set(TARGET_FIELDS):
        raise RuleViolation("malformed_operation")
    problems = validate_target(op.fields)
    if problems:
        raise RuleViolation("invalid_target", problems=problems)
    org = existing(ctx, "organizations", op.org_id)
    if ctx.org_id is not None and org["id"] == ctx.org_id:
        raise RuleViolation("target_own_org")
    values = {**op.fields, "set_by": ctx.actor, "updated_at": ctx.now}
    current = ctx.get("assessment_targets", op.id)
    if current is None:
        ctx.insert("assessment_targets", {**values, "id": op.id, "org_id": org["id"]})
    elif current["org_id"] != org["id"]:
        raise RuleViolation("malformed_operation")  # a target never moves to another org
    else:
        ctx.update("assessment_targets", op.id, values)
    return Outcome(op.id)
