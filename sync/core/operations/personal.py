"""Operation kinds of personal data: a guardian's consent, and the audit record of a reveal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Self

from sync.core.operations.base import (
    REVEAL_PERMISSION,
    ApplyContext,
    Outcome,
    Payload,
    existing,
    handler,
)
from sync.core.operations.kinds import Kind
from sync.core.records import GuardianConsent
from sync.core.rules import RuleViolation

REVEALABLE: dict[str, frozenset[str]] = {
    "youths": frozenset({"phone", "id_number"}),
    "registrations": frozenset({"phone", "id_number"}),  # of the registration's youth
    "followers": frozenset({"phone", "id_number"}),
}


@dataclass(frozen=True)
class RecordConsent(Payload):
    """A youth's guardian consent (`id` is the youth's)."""

    kind: ClassVar[Kind] = Kind.YOUTH_CONSENT
    id: str
    status: GuardianConsent

    @classmethod
    def _read(cls, data: dict[str, Any]) -> Self:
        youth_id = data["id"]
        if not isinstance(youth_id, str):
            raise TypeError("id")
        try:
            status = GuardianConsent(data.get("status"))
        except ValueError:  # a status this version does not know has its own message
            raise RuleViolation("invalid_consent") from None
        return cls(youth_id, status)


@dataclass(frozen=True)
class RevealPersonalData(Payload):
    """That the user saw `fields` of a record of `table` (see REVEALABLE)."""

    kind: ClassVar[Kind] = Kind.PERSONAL_REVEAL
    table: str
    id: str
    fields: tuple[str, ...]


@handler(RecordConsent)
def record_consent(ctx: ApplyContext, op: RecordConsent) -> Outcome:
    existing(ctx, "youths", op.id)
    ctx.update("youths", op.id, {"guardian_consent": op.status.value})
    return Outcome(op.id)


@handler(RevealPersonalData)
def reveal(ctx: ApplyContext, op: RevealPersonalData) -> Outcome:
    """Changes nothing: it exists so that the server's log of applied operations records who
    saw which personal data, and refuses it to an account without the `reveal_personal_data`
    permission."""
    if ctx.permissions is not None and REVEAL_PERMISSION not in ctx.permissions:
        raise RuleViolation("permission_denied")
    if op.table not in REVEALABLE or not op.fields or set(op.fields) - REVEALABLE[op.table]:
        raise RuleViolation("malformed_operation")
    existing(ctx, op.table, op.id)
    return Outcome(op.id)
