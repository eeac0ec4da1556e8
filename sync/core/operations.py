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

from sync.core import regions, rules
from sync.core.codec import from_json, to_json
from sync.core.records import (
    ACTIVITY_EDITABLE_FIELDS,
    CHINA_TIME,
    Activity,
    ActivityStatus,
    RegistrationAction,
    RegistrationSource,
    RegistrationStatus,
    Youth,
)
from sync.core.rules import RuleViolation

# Who a registration event names when no account did it.
YOUTH_ACTOR = "youth"  # the youth themself, through the public API
SYSTEM_ACTOR = "system"  # an automatic step, e.g. a promotion from the waitlist
REVEAL_PERMISSION = "reveal_personal_data"
# What a youth may do through the public API (each on their own records only).
YOUTH_KINDS = frozenset(
    {
        "youth.create",
        "registration.create",
        "registration.cancel",
        "follower.follow",
        "follower.unfollow",
    }
)


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
    actor: str
    """Who acts: the account's username, or YOUTH_ACTOR; recorded in registration events."""
    youth_id: str | None
    """The youth acting through the public API (actor YOUTH_ACTOR), else None."""
    permissions: Collection[str] | None
    """The account's permissions where they are enforced (the server); None on a device,
    which leaves the decision to the server."""

    def get(self, table: str, record_id: str) -> dict[str, Any] | None: ...
    def insert(self, table: str, values: dict[str, Any]) -> None: ...
    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None: ...
    def delete(self, table: str, record_id: str) -> None: ...
    def count(self, table: str, **equals: Any) -> int:
        """Live rows of `table` whose fields equal the given values."""
        ...

    def find(
        self,
        table: str,
        *,
        order_by: tuple[str, ...] = (),
        limit: int | None = None,
        **equals: Any,
    ) -> list[dict[str, Any]]:
        """Live rows of `table` whose fields equal the given values, in `order_by` order."""
        ...

    def new_id(self) -> str:
        """A fresh id for a row an operation adds besides its own (e.g. a history event)."""
        ...

    def deliver_notice(self, notice: dict[str, Any]) -> int | None:
        """Deliver a notice to its recipients; their number, or None where notices cannot be
        delivered (a device: the notice stays queued until the server delivers it)."""
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
        if merged.get("capacity", current["capacity"]) > current["capacity"]:
            _fill_seats(ctx, {**current, **merged})
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


def _event(
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


def _fill_seats(ctx: ApplyContext, activity: dict[str, Any]) -> list[str]:
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
    waitlist = ctx.find(
        "registrations",
        order_by=("registered_at", "id"),
        limit=free,
        activity_id=activity["id"],
        status=RegistrationStatus.WAITLISTED.value,
    )
    promoted = rules.to_promote(activity["capacity"], approved, [r["id"] for r in waitlist])
    for registration_id in promoted:
        ctx.update(
            "registrations",
            registration_id,
            {"status": RegistrationStatus.APPROVED.value, "reviewed_at": ctx.now},
        )
        _event(ctx, registration_id, RegistrationAction.PROMOTED, actor=SYSTEM_ACTOR)
    return promoted


def _own(ctx: ApplyContext, row: dict[str, Any]) -> dict[str, Any]:
    """A youth acts only on their own registrations and follows; another's reads as absent."""
    if ctx.youth_id is not None and row["youth_id"] != ctx.youth_id:
        raise RuleViolation("not_found")
    return row


@handler("registration.review")
def review_registration(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, decision ("approve" or "reject"), reason (required to reject).

    Approval takes a seat if one is free and otherwise puts the youth on the waitlist, so
    devices approving the last seats offline never exceed the capacity once merged. Rejecting
    an approved registration frees its seat for the waitlist. Each step is a history event.
    """
    if ctx.youth_id is not None:
        raise RuleViolation("not_allowed")
    current = _existing(ctx, "registrations", payload["id"])
    status = RegistrationStatus(current["status"])
    activity = _existing(ctx, "activities", current["activity_id"])
    if ActivityStatus(activity["status"]) is ActivityStatus.CANCELLED:
        raise RuleViolation("edit_not_allowed", current=ActivityStatus.CANCELLED.value)
    decision = payload["decision"]
    if decision == "reject":
        reason = (payload.get("reason") or "").strip()
        if not reason:
            raise RuleViolation("reject_reason_required")
        if len(reason) > rules.REASON_MAX:
            raise RuleViolation("reason_too_long", max=rules.REASON_MAX)
        rules.check_reviewable(status, "reject")
        ctx.update(
            "registrations",
            payload["id"],
            {
                "status": RegistrationStatus.REJECTED.value,
                "reject_reason": reason,
                "reviewed_at": ctx.now,
            },
        )
        _event(ctx, payload["id"], RegistrationAction.REJECTED, reason)
        if status is RegistrationStatus.APPROVED:
            _fill_seats(ctx, activity)
        return Outcome(payload["id"])
    if decision != "approve":
        raise RuleViolation("malformed_operation")
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
    # A waitlisted approval keeps the capacity it met: every device's history then says why.
    full = str(activity["capacity"]) if seat is RegistrationStatus.WAITLISTED else ""
    _event(ctx, payload["id"], RegistrationAction(seat.value), full)
    if seat is RegistrationStatus.WAITLISTED:
        return Outcome(
            payload["id"], changed="waitlisted_full", params={"capacity": activity["capacity"]}
        )
    return Outcome(payload["id"])


YOUTH_FIELDS = (
    "name",
    "phone",
    "gender",
    "birth_date",
    "school_or_employer",
    "id_number",
    "region_code",
)


def _ensure_youth(ctx: ApplyContext, youth: dict[str, Any]) -> str:
    """The youth of a new registration: the stored one with this id, else a new record made
    from the payload's fields (validated)."""
    youth_id = youth["id"]
    if not isinstance(youth_id, str) or not youth_id:
        raise RuleViolation("malformed_operation")
    if ctx.get("youths", youth_id) is not None:
        return youth_id
    if ctx.youth_id is not None:  # a youth identifies first (public API), then registers
        raise RuleViolation("not_found")
    _insert_youth(ctx, youth_id, youth)
    return youth_id


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


@handler("youth.create")
def create_youth(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id and the fields of YOUTH_FIELDS. Only a youth creates themself (public API);
    a cadre's walk-in creates the youth with the registration."""
    if ctx.youth_id is None or payload["id"] != ctx.youth_id:
        raise RuleViolation("not_allowed")
    if ctx.get("youths", payload["id"]) is not None:
        raise RuleViolation("duplicate_id")
    _insert_youth(ctx, payload["id"], payload)
    return Outcome(payload["id"])


@handler("registration.create")
def create_registration(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, activity_id, youth {id, name, phone, gender, birth_date, school_or_employer,
    id_number, region_code}, source ("online" from the public API; "walk_in" or "import" from
    a cadre). The youth record is created when no youth has that id yet.

    Takes a seat if the activity needs no review and one is free; else pending (review) or
    waitlisted (full). A youth holds at most one active registration per activity.
    """
    source = RegistrationSource(payload["source"])
    youth = payload["youth"]
    if not isinstance(youth, dict):
        raise RuleViolation("malformed_operation")
    if (ctx.youth_id is not None) != (source is RegistrationSource.ONLINE) or (
        ctx.youth_id is not None and youth.get("id") != ctx.youth_id
    ):
        raise RuleViolation("not_allowed")
    activity = _existing(ctx, "activities", payload["activity_id"])
    rules.check_may_register(activity, ctx.now, source)
    youth_id = _ensure_youth(ctx, youth)
    for other in ctx.find("registrations", activity_id=activity["id"], youth_id=youth_id):
        if RegistrationStatus(other["status"]) in rules.ACTIVE:
            raise RuleViolation("already_registered")
    approved = ctx.count(
        "registrations", activity_id=activity["id"], status=RegistrationStatus.APPROVED.value
    )
    status = rules.status_on_registering(
        requires_review=activity["requires_review"],
        capacity=activity["capacity"],
        approved=approved,
    )
    ctx.insert(
        "registrations",
        {
            "id": payload["id"],
            "activity_id": activity["id"],
            "youth_id": youth_id,
            "status": status.value,
            "registered_at": ctx.now,
            "reviewed_at": None if status is RegistrationStatus.PENDING else ctx.now,
            "reject_reason": "",
            "source": source.value,
        },
    )
    _event(ctx, payload["id"], RegistrationAction.REGISTERED, source.value)
    if status is not RegistrationStatus.PENDING:
        full = str(activity["capacity"]) if status is RegistrationStatus.WAITLISTED else ""
        _event(ctx, payload["id"], RegistrationAction(status.value), full, actor=SYSTEM_ACTOR)
    if status is RegistrationStatus.WAITLISTED:
        return Outcome(
            payload["id"], changed="waitlisted_full", params={"capacity": activity["capacity"]}
        )
    return Outcome(payload["id"])


@handler("registration.cancel")
def cancel_registration(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id. The youth (their own only) or a cadre cancels; a freed seat goes to the
    waitlist. Cancelling a cancelled registration changes nothing."""
    current = _own(ctx, _existing(ctx, "registrations", payload["id"]))
    status = RegistrationStatus(current["status"])
    if status is RegistrationStatus.CANCELLED:
        return Outcome(payload["id"])
    rules.check_cancellable(status)
    ctx.update("registrations", payload["id"], {"status": RegistrationStatus.CANCELLED.value})
    _event(ctx, payload["id"], RegistrationAction.CANCELLED)
    if status is RegistrationStatus.APPROVED:
        _fill_seats(ctx, _existing(ctx, "activities", current["activity_id"]))
    return Outcome(payload["id"])


# Handlers of followers, notices and personal data live beside this module; importing it
# registers them, so `apply` knows every kind whichever module a caller imported.
from sync.core import operations_followers  # noqa: E402, F401
