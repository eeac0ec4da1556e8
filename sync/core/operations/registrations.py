"""Operation kinds of registrations and of the youths who register: review, register, cancel."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Self

from sync.core import privacy, rules
from sync.core.codec import from_json
from sync.core.operations.base import (
    SYSTEM_ACTOR,
    ApplyContext,
    Outcome,
    Payload,
    existing,
    handler,
    own,
)
from sync.core.operations.kinds import Kind
from sync.core.records import (
    CHINA_TIME,
    ActivityStatus,
    RegistrationAction,
    RegistrationSource,
    RegistrationStatus,
    Youth,
)
from sync.core.rules import RuleViolation

YOUTH_FIELDS = (
    "name",
    "phone",
    "gender",
    "birth_date",
    "school_or_employer",
    "id_number",
    "region_code",
)


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


@dataclass(frozen=True)
class ReviewRegistration(Payload):
    """Approve (a seat if one is free, else the waitlist) or reject (a reason is required)."""

    kind: ClassVar[Kind] = Kind.REGISTRATION_REVIEW
    id: str
    decision: Decision
    reason: str = ""


@dataclass(frozen=True)
class CreateRegistration(Payload):
    """`youth`: {id, and the fields of YOUTH_FIELDS as JSON}; the youth record is created when
    no youth has that id yet. `source`: online from the public API; walk_in or import from a
    cadre."""

    kind: ClassVar[Kind] = Kind.REGISTRATION_CREATE
    id: str
    activity_id: str
    youth: dict[str, Any]
    source: RegistrationSource


@dataclass(frozen=True)
class CancelRegistration(Payload):
    kind: ClassVar[Kind] = Kind.REGISTRATION_CANCEL
    id: str


@dataclass(frozen=True)
class CreateYouth(Payload):
    """A youth creating themself (public API). `details`: the fields of YOUTH_FIELDS as JSON,
    which travel flat beside `id`."""

    kind: ClassVar[Kind] = Kind.YOUTH_CREATE
    id: str
    details: dict[str, Any]

    def to_payload(self) -> dict[str, Any]:
        return {**self.details, "id": self.id}

    @classmethod
    def _read(cls, data: dict[str, Any]) -> Self:
        youth_id = data["id"]
        if not isinstance(youth_id, str):
            raise TypeError("id")
        return cls(youth_id, {k: data[k] for k in YOUTH_FIELDS if k in data})


# --- shared steps --------------------------------------------------------------------------------


def event(
    ctx: ApplyContext,
    registration_id: str,
    action: RegistrationAction,
    detail: str = "",
    *,
    actor: str | None = None,
) -> None:
    """One line of a registration's history."""
    ctx.insert(
        "registration_events",
        {
            "id": ctx.new_id(),
            "registration_id": registration_id,
            "at": ctx.now,
            "actor": actor or ctx.actor,
            "action": action.value,
            "detail": detail,
        },
    )


def fill_seats(ctx: ApplyContext, activity: dict[str, Any]) -> list[str]:
    """Promote the earliest waitlisted registrations into the seats that are free
    (`rules.to_promote`); called by every handler that frees a seat or adds capacity."""
    if ActivityStatus(activity["status"]) is not ActivityStatus.PUBLISHED:
        return []
    approved = ctx.count(
        "registrations", activity_id=activity["id"], status=RegistrationStatus.APPROVED.value
    )
    free = activity["capacity"] - approved
    if free <= 0:
        return []
    # Counted first (a count both ends keep in memory through a bulk push, see the server's
    # `ServerContext.count`): a capacity edit of an activity without a waitlist then reads no
    # rows, where the list read below cost a query per operation.
    waiting = ctx.count(
        "registrations", activity_id=activity["id"], status=RegistrationStatus.WAITLISTED.value
    )
    if waiting == 0:
        return []
    waitlist = ctx.find(
        "registrations",
        order_by=("registered_at", "id"),
        activity_id=activity["id"],
        status=RegistrationStatus.WAITLISTED.value,
    )
    # A child whose guardian's consent was withdrawn after they joined the waitlist keeps their
    # place in it but is not promoted: promotion is an approval too.
    eligible = [r["id"] for r in waitlist if not _awaits_consent(ctx, r["youth_id"], activity)]
    promoted = rules.to_promote(activity["capacity"], approved, eligible)
    for registration_id in promoted:
        ctx.update(
            "registrations",
            registration_id,
            {"status": RegistrationStatus.APPROVED.value, "reviewed_at": ctx.now},
        )
        event(ctx, registration_id, RegistrationAction.PROMOTED, actor=SYSTEM_ACTOR)
    return promoted


def _awaits_consent(ctx: ApplyContext, youth_id: str, activity: dict[str, Any]) -> bool:
    youth = existing(ctx, "youths", youth_id)
    return privacy.awaits_guardian_consent(
        youth["birth_date"], youth["guardian_consent"], activity["starts_at"]
    )


# --- handlers ------------------------------------------------------------------------------------


@handler(ReviewRegistration)
def review_registration(ctx: ApplyContext, op: ReviewRegistration) -> Outcome:
    """Approval takes a seat if one is free and otherwise puts the youth on the waitlist, so
    devices approving the last seats offline never exceed the capacity once merged. Rejecting
    an approved registration frees its seat for the waitlist. Each step is a history event.
    """
    current = existing(ctx, "registrations", op.id)
    status = RegistrationStatus(current["status"])
    activity = existing(ctx, "activities", current["activity_id"])
    if ActivityStatus(activity["status"]) is ActivityStatus.CANCELLED:
        raise RuleViolation("edit_not_allowed", current=ActivityStatus.CANCELLED.value)
    if op.decision is Decision.REJECT:
        reason = op.reason.strip()
        if not reason:
            raise RuleViolation("reject_reason_required")
        if len(reason) > rules.REASON_MAX:
            raise RuleViolation("reason_too_long", max=rules.REASON_MAX)
        rules.check_reviewable(status, "reject")
        ctx.update(
            "registrations",
            op.id,
            {
                "status": RegistrationStatus.REJECTED.value,
                "reject_reason": reason,
                "reviewed_at": ctx.now,
            },
        )
        event(ctx, op.id, RegistrationAction.REJECTED, reason)
        if status is RegistrationStatus.APPROVED:
            fill_seats(ctx, activity)
        return Outcome(op.id)
    if status is RegistrationStatus.APPROVED:
        return Outcome(op.id)  # approving twice changes nothing
    rules.check_reviewable(status)
    youth = existing(ctx, "youths", current["youth_id"])
    rules.check_guardian_consent(
        youth["birth_date"], youth["guardian_consent"], activity["starts_at"]
    )
    approved = ctx.count(
        "registrations", activity_id=activity["id"], status=RegistrationStatus.APPROVED.value
    )
    seat = rules.seat_for_approval(activity["capacity"], approved)
    ctx.update(
        "registrations",
        op.id,
        {"status": seat.value, "reject_reason": "", "reviewed_at": ctx.now},
    )
    # A waitlisted approval keeps the capacity it met: every device's history then says why.
    full = str(activity["capacity"]) if seat is RegistrationStatus.WAITLISTED else ""
    event(ctx, op.id, RegistrationAction(seat.value), full)
    if seat is RegistrationStatus.WAITLISTED:
        return Outcome(op.id, changed="waitlisted_full", params={"capacity": activity["capacity"]})
    return Outcome(op.id)


def _ensure_youth(ctx: ApplyContext, youth: dict[str, Any]) -> str:
    """The youth of a new registration: the stored one with this id, else a new record made
    from the payload's fields (validated)."""
    youth_id = youth.get("id")
    if not isinstance(youth_id, str) or not youth_id:
        raise RuleViolation("malformed_operation")
    if ctx.get("youths", youth_id) is not None:
        return youth_id
    if ctx.youth_id is not None:  # a youth identifies first (public API), then registers
        raise RuleViolation("not_found")
    same = _youth_holding(ctx, youth)
    if same is not None:
        return same
    _insert_youth(ctx, youth_id, youth)
    return youth_id


def _youth_holding(ctx: ApplyContext, youth: dict[str, Any]) -> str | None:
    """The stored youth a cadre's walk-in or import names: the one with its phone, if the name
    is the same too. Identities are never guessed: a phone held under another name, or an ID
    number held by someone with another phone, refuses the registration (the cadre checks the
    list), and the refusal names nobody. Devices hold phones masked, so on a device this finds
    only youths typed in on it; the server, holding every number, has the last word."""
    phone = str(youth.get("phone") or "").strip()
    name = str(youth.get("name") or "").strip()
    holder = ctx.find("youths", limit=1, order_by=("id",), phone=phone) if phone else []
    if holder and holder[0]["name"].strip() != name:
        raise RuleViolation("phone_taken")
    id_number = str(youth.get("id_number") or "").strip().upper()
    if id_number:
        other = ctx.find("youths", limit=1, order_by=("id",), id_number=id_number)
        if other and (not holder or other[0]["id"] != holder[0]["id"]):
            raise RuleViolation("id_number_taken")
    return holder[0]["id"] if holder else None


def _insert_youth(ctx: ApplyContext, youth_id: str, youth: dict[str, Any]) -> None:
    given = {k: youth.get(k) for k in YOUTH_FIELDS if youth.get(k) not in (None, "")}
    unreadable = []
    for name in ("gender", "birth_date"):
        try:
            from_json(Youth, {name: given[name]} if name in given else {})
        except (ValueError, TypeError):
            unreadable.append(rules.Problem(f"bad_{name}", name))
            given.pop(name)
    values = from_json(Youth, given)
    values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    values["id_number"] = (values.get("id_number") or "").upper()
    problems = unreadable + rules.validate_youth(
        values,
        today=ctx.now.astimezone(CHINA_TIME).date(),
        is_valid_region=ctx.reference.is_valid_region,
    )
    if problems:
        raise RuleViolation("invalid_youth", problems=problems)
    ctx.insert("youths", {**values, "id": youth_id})


@handler(CreateYouth)
def create_youth(ctx: ApplyContext, op: CreateYouth) -> Outcome:
    """Only a youth creates themself, under their own id; a cadre's walk-in creates the youth
    with the registration."""
    if op.id != ctx.youth_id:
        raise RuleViolation("not_allowed")
    if ctx.get("youths", op.id) is not None:
        raise RuleViolation("duplicate_id")
    _insert_youth(ctx, op.id, op.details)
    return Outcome(op.id)


@handler(CreateRegistration)
def create_registration(ctx: ApplyContext, op: CreateRegistration) -> Outcome:
    """Takes a seat if the activity needs no review and one is free; else pending (review, or a
    child waiting for a guardian's consent) or waitlisted (full). A youth holds at most one
    active registration per activity."""
    source, youth = op.source, op.youth
    if (ctx.youth_id is not None) != (source is RegistrationSource.ONLINE) or (
        ctx.youth_id is not None and youth.get("id") != ctx.youth_id
    ):
        raise RuleViolation("not_allowed")
    if source is RegistrationSource.WALK_IN and ctx.get("registrations", op.id) is not None:
        return _same_walk_in(ctx, op)
    activity = existing(ctx, "activities", op.activity_id)
    rules.check_may_register(activity, ctx.now, source)
    youth_id = _ensure_youth(ctx, youth)
    # By the youth only: a youth has a few registrations, while a query naming the activity too
    # is planned on the (activity_id, status) index and reads the whole activity, once per
    # registration of a list (a 5,000-row import read 12 million rows).
    for other in ctx.find("registrations", youth_id=youth_id):
        if other["activity_id"] != activity["id"]:
            continue
        if RegistrationStatus(other["status"]) in rules.ACTIVE:
            raise RuleViolation("already_registered")
    approved = ctx.count(
        "registrations", activity_id=activity["id"], status=RegistrationStatus.APPROVED.value
    )
    status = rules.status_on_registering(
        requires_review=activity["requires_review"],
        capacity=activity["capacity"],
        approved=approved,
        awaits_consent=_awaits_consent(ctx, youth_id, activity),
    )
    ctx.insert(
        "registrations",
        {
            "id": op.id,
            "activity_id": activity["id"],
            "youth_id": youth_id,
            "status": status.value,
            "registered_at": ctx.now,
            "reviewed_at": None if status is RegistrationStatus.PENDING else ctx.now,
            "reject_reason": "",
            "source": source.value,
        },
    )
    event(ctx, op.id, RegistrationAction.REGISTERED, source.value)
    if status is not RegistrationStatus.PENDING:
        full = str(activity["capacity"]) if status is RegistrationStatus.WAITLISTED else ""
        event(ctx, op.id, RegistrationAction(status.value), full, actor=SYSTEM_ACTOR)
    if status is RegistrationStatus.WAITLISTED:
        return Outcome(op.id, changed="waitlisted_full", params={"capacity": activity["capacity"]})
    return Outcome(op.id)


def _same_walk_in(ctx: ApplyContext, op: CreateRegistration) -> Outcome:
    """A walk-in whose id is taken: another laptop typed in the same phone for the same
    activity (`sync.core.checkin.walk_in_id`), so it is that registration. A different name
    under that phone is refused, naming the name kept, so the cadre checks who it was; the
    door's check-ins stay with the registration either way."""
    current = existing(ctx, "registrations", op.id)
    kept = existing(ctx, "youths", current["youth_id"])
    if current["activity_id"] != op.activity_id:
        raise RuleViolation("duplicate_id")
    if kept["name"].strip() != str(op.youth.get("name") or "").strip():
        raise RuleViolation("walk_in_name_differs", name=kept["name"])
    return Outcome(op.id)


@handler(CancelRegistration)
def cancel_registration(ctx: ApplyContext, op: CancelRegistration) -> Outcome:
    """The youth (their own only) or a cadre cancels; a freed seat goes to the waitlist.
    Cancelling a cancelled registration changes nothing."""
    current = own(ctx, existing(ctx, "registrations", op.id))
    status = RegistrationStatus(current["status"])
    if status is RegistrationStatus.CANCELLED:
        return Outcome(op.id)
    rules.check_cancellable(status)
    ctx.update("registrations", op.id, {"status": RegistrationStatus.CANCELLED.value})
    event(ctx, op.id, RegistrationAction.CANCELLED)
    if status is RegistrationStatus.APPROVED:
        fill_seats(ctx, existing(ctx, "activities", current["activity_id"]))
    return Outcome(op.id)
